package preproc

import (
	"embed"
	"os"
	"path"
	"path/filepath"
	"strings"

	"gocc/diag"
	"gocc/lexer"
)

// gocc's own headers (the ones gcc keeps in its private include directory), embedded so
// the compiler is one file. They are named builtinDir+"/name" in diagnostics and line
// markers, and are system headers.
//
//go:embed include/*.h
var builtinHeaders embed.FS

const builtinDir = BuiltinDir

// BuiltinDir is the directory name gocc's built-in headers are known by; there is no
// such directory on disk.
const BuiltinDir = "<gocc>/include"

// headerName extracts the file name of an #include and whether it was written <...>
// (C11 6.10.2p2-4). A line that is neither form is macro-expanded first.
func (p *pp) headerName(dir tok, args []tok) (string, bool, bool) {
	if len(args) > 0 {
		switch t := args[0]; {
		case t.Kind == lexer.HeaderName:
			return t.Text[1 : len(t.Text)-1], true, true
		case t.Kind == lexer.String && t.Text[0] == '"':
			return t.Text[1 : len(t.Text)-1], false, true
		}
	}
	exp := p.expandList(args, false)
	if len(exp) > 0 {
		if exp[0].Kind == lexer.String && exp[0].Text[0] == '"' {
			return unquote(exp[0].Text), false, true
		}
		if exp[0].Kind == lexer.Lt {
			// Computed <...>: the spellings of the tokens up to '>' (6.10.2p4), with
			// white space kept as single spaces as gcc does.
			var b strings.Builder
			for i, t := range exp[1:] {
				if t.Kind == lexer.Gt {
					return b.String(), true, true
				}
				if i > 0 && t.Flags&lexer.SpaceBefore != 0 {
					b.WriteByte(' ')
				}
				b.WriteString(t.Text)
			}
			// gcc reports it past the line's end and includes the name read.
			p.errorf(past(args[len(args)-1]), "missing terminating > character")
			return b.String(), true, true
		}
	}
	at := past(dir) // gcc points at what follows the directive's name
	if len(args) > 0 {
		at = args[0].Pos
	}
	p.errorf(at, "#%s expects \"FILENAME\" or <FILENAME>", dir.Text)
	return "", false, false
}

// include handles #include, #include_next and #import.
func (p *pp) include(s *source, dir tok, args []tok) {
	name, angled, ok := p.headerName(dir, args)
	if !ok {
		return
	}
	if name == "" {
		p.errorf(dir.Pos, "empty filename in #%s", dir.Text)
		return
	}
	next := dir.Text == "include_next"
	if next && s == p.mainSource {
		p.warnf(dir.Pos, "#include_next in primary source file")
		next = false
	}
	found, idx, system, ok := p.resolve(s, name, angled, next)
	if !ok && p.cfg.MissingHeadersOK {
		// -MG: a missing header is one still to be generated; it is a dependency
		// named as written, and preprocessing goes on without it.
		p.reportInclude(name, angled || s.file.System)
		return
	}
	if !ok {
		at := dir.Pos // gcc points at the header name
		if len(args) > 0 {
			at = args[0].Pos
		}
		p.diags.Add(&diag.Diagnostic{Pos: at, Severity: diag.Fatal, Msg: name + ": No such file or directory", Verbatim: true})
		p.fatal = true
		return
	}
	key := fileKey(found)
	if p.once[key] {
		return
	}
	// gcc remembers a guard per file as found under one spelling: the same file
	// reached as "msr-index.h" and as <asm/msr-index.h> is opened again (and its
	// guard then skips its text), which -E output shows.
	gkey := found + "\x00" + name
	if g := p.guards[gkey]; g != "" && p.macros.lookup(g) != nil {
		return
	}
	if dir.Text == "import" {
		p.once[key] = true
	}
	if len(p.files) >= maxIncludeDepth {
		p.errorf(dir.Pos, "#include nested depth %d exceeds maximum of %d (use -fmax-include-depth=DEPTH to increase the maximum)", len(p.files), maxIncludeDepth)
		return
	}
	cf := p.load(found, system)
	if cf == nil {
		p.diags.Add(&diag.Diagnostic{Pos: dir.Pos, Severity: diag.Fatal, Msg: name + ": cannot read file"})
		p.fatal = true
		return
	}
	p.reportInclude(found, system)
	from := int32(0)
	if !s.pseudo {
		from = dir.Pos.Line
		s.resumeLine = args[len(args)-1].Pos.Line + 1
	}
	// Each inclusion is a File of its own, which knows where it was included.
	inclusion := *cf.file
	inclusion.IncludedFrom = dir.Pos
	if s.pseudo {
		inclusion.IncludedFrom.Line = 0 // gcc names only "<command-line>"
	}
	p.pushFile(&inclusion, cf.text, found, idx)
	p.top().guardKey = gkey
	p.top().noOutput = s.noOutput || s.pseudo && p.macroIncludeLines[dir.Pos.Line]
	if p.pr != nil {
		p.pr.fileChanged(&inclusion, 1, changeEnter, from)
	}
}

// reportInclude tells Config.OnInclude (the -M family's dependency list) about a file
// entered for the first time.
func (p *pp) reportInclude(name string, system bool) {
	if p.cfg.OnInclude == nil || p.reported[name] {
		return
	}
	if p.reported == nil {
		p.reported = map[string]bool{}
	}
	p.reported[name] = true
	p.cfg.OnInclude(name, system)
}

// fileKey identifies a file for #pragma once, #import and include guards: one file
// reached through differently spelled paths (sub/../h.h, h.h) is the same file.
func fileKey(name string) string {
	if strings.HasPrefix(name, "<") {
		return name
	}
	return filepath.Clean(name)
}

// resolve finds an included file in gcc's order: for "...", the including file's directory,
// then the -iquote directories; then -I, -isystem, gocc's headers, the target's system
// directories and -idirafter. #include_next starts after the directory the current file
// came from. It returns the path, the chain index (-1 for the including directory) and
// whether the file is a system header.
func (p *pp) resolve(s *source, name string, angled, next bool) (string, int, bool, bool) {
	if filepath.IsAbs(name) {
		if fileExists(name) {
			return name, -1, false, true
		}
		return "", 0, false, false
	}
	start := p.quoteEnd
	if next {
		start = s.dirIndex + 1
		if s.dirIndex < 0 {
			start = p.quoteEnd
		}
	} else if !angled {
		if s != nil && !s.pseudo {
			// The including file's directory as gcc spells it: its name up to the
			// last slash ("" for a name without one).
			dir := ""
			if i := strings.LastIndexByte(s.path, '/'); i >= 0 {
				dir = s.path[:i]
				if i == 0 {
					dir = "/"
				}
			}
			if strings.HasPrefix(s.path, builtinDir+"/") {
				dir = builtinDir
			}
			cand := joinDir(dir, name)
			if p.exists(cand) {
				if s.file.System {
					cand = p.canonicalSystemPath(cand)
				}
				return cand, -1, s.file.System, true
			}
		} else if fileExists(name) {
			// -include looks in the working directory first, which gcc spells
			// "." ("-include ./x.h" is "././x.h" in markers and __FILE__).
			return "./" + name, -1, false, true
		}
		start = 0
	}
	for i := start; i < len(p.chain); i++ {
		d := p.chain[i]
		cand := joinDir(d.path, name)
		if p.exists(cand) {
			if d.system {
				cand = p.canonicalSystemPath(cand)
			}
			return cand, i, d.system, true
		}
	}
	return "", 0, false, false
}

// canonicalSystemPath is the name gcc gives a system header it found as name: with
// -fcanonical-system-headers (on by default) gcc resolves symbolic links and "." and
// ".." components, and keeps the result when it is shorter
// (/usr/include/ncurses.h -> /usr/include/curses.h, x/../compat/unistd.h ->
// compat/unistd.h).
func (p *pp) canonicalSystemPath(name string) string {
	if strings.HasPrefix(name, "<") || p.cfg.NoCanonicalSystemHeaders {
		return name
	}
	if c, ok := p.canonical[name]; ok {
		return c
	}
	c := name
	if abs, err := filepath.Abs(name); err == nil {
		if real, err := filepath.EvalSymlinks(abs); err == nil && len(real) < len(name) {
			c = real
		}
	}
	if p.canonical == nil {
		p.canonical = map[string]string{}
	}
	p.canonical[name] = c
	return c
}

// joinDir names the file name in directory dir as gcc does, which line markers,
// __FILE__ and dependency lists show: dir + "/" + name, without cleaning ("sub/../h.h"
// stays), one trailing slash of dir dropped, and name alone for the directory "".
func joinDir(dir, name string) string {
	if dir == builtinDir {
		return builtinDir + "/" + path.Clean(name)
	}
	if dir == "" {
		return name
	}
	if strings.HasSuffix(dir, "/") && dir != "/" {
		dir = dir[:len(dir)-1]
	}
	if dir == "/" {
		return "/" + name
	}
	return dir + "/" + name
}

// exists reports whether the file name exists, asking the file system once per name:
// the same header names are looked up again and again along the search chain (a
// guarded header is still found before its guard is seen to be defined).
func (p *pp) exists(name string) bool {
	if p.cache[name] != nil {
		return true
	}
	if e, ok := p.existing[name]; ok {
		return e
	}
	var e bool
	if rest, ok := strings.CutPrefix(name, builtinDir+"/"); ok {
		_, err := builtinHeaders.Open("include/" + rest)
		e = err == nil
	} else {
		e = fileExists(name)
	}
	if p.existing == nil {
		p.existing = make(map[string]bool, 256)
	}
	p.existing[name] = e
	return e
}

func fileExists(name string) bool {
	st, err := os.Stat(name)
	return err == nil && !st.IsDir()
}

// load reads and prepares a file once per compilation.
func (p *pp) load(name string, system bool) *cachedFile {
	if cf := p.cache[name]; cf != nil {
		return cf
	}
	var data []byte
	var err error
	if rest, ok := strings.CutPrefix(name, builtinDir+"/"); ok {
		data, err = builtinHeaders.ReadFile("include/" + rest)
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return nil
	}
	f := &diag.File{Name: name, Contents: data, System: system, ExternC: system}
	cf := &cachedFile{file: f, text: p.prepare(f)}
	p.cache[name] = cf
	return cf
}

// hasInclude evaluates __has_include / __has_include_next (C2x 6.10.1, a GNU extension in
// C17) given the operand tokens between the parentheses.
func (p *pp) hasInclude(op tok, operand []tok, next bool) bool {
	var name string
	var angled bool
	if len(operand) == 1 && operand[0].Kind == lexer.String {
		name = unquote(operand[0].Text)
	} else if len(operand) > 0 && operand[0].Kind == lexer.Lt {
		var b strings.Builder
		for i, t := range operand[1:] {
			if t.Kind == lexer.Gt {
				break
			}
			if i > 0 && t.Flags&lexer.SpaceBefore != 0 {
				b.WriteByte(' ')
			}
			b.WriteString(t.Text)
		}
		name, angled = b.String(), true
	} else if len(operand) == 1 && operand[0].Kind == lexer.HeaderName {
		name, angled = operand[0].Text[1:len(operand[0].Text)-1], true
	} else {
		exp := p.expandList(operand, false)
		if len(exp) > 0 && (exp[0].Kind == lexer.String || exp[0].Kind == lexer.Lt) && !sameToks(exp, operand) {
			return p.hasInclude(op, exp, next)
		}
		p.errorf(op.Pos, "operator \"%s\" requires a header-name", op.Text)
		return false
	}
	var s *source
	if len(p.files) > 0 {
		s = p.top()
	}
	if next && (s == nil || s == p.mainSource) {
		next = false
	}
	_, _, _, ok := p.resolve(s, name, angled, next)
	return ok
}

func sameToks(a, b []tok) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Text != b[i].Text {
			return false
		}
	}
	return true
}
