// Package preproc implements translation phase 4 (C11 5.1.1.2p1.4, 6.10) as gcc does:
// directives, conditional inclusion, #include with gcc's search order, and macro
// expansion. Its output is a token stream for the parser (Preprocess), or gcc -E text
// (PreprocessText, PreprocessTo).
package preproc

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"gocc/diag"
	"gocc/lexer"
	"gocc/target"
)

// maxIncludeDepth is gcc's limit on #include nesting.
const maxIncludeDepth = 200

// source is one open file on the include stack.
type source struct {
	file *diag.File
	sc   *lexer.Scanner
	// ahead holds the tokens read from sc but not yet consumed (at most two: a
	// directive's '#' and its name, looked at by skip).
	ahead    []lexer.Token
	i        int    // tokens consumed so far, and lines skipped: an index for guard detection
	path     string // cleaned path, identity for #pragma once and include guards
	dirIndex int    // index in the search chain where it was found, -1 if not from the chain
	condBase int    // len(pp.conds) when the file was entered

	// #line: tokens are re-pointed at presumed, with lineDelta added.
	presumed  *diag.File
	lineDelta int32

	// Include-guard detection (the "multiple-include optimization"): the file's first
	// directive is #ifndef guardName (or #if !defined guardName), and its matching
	// #endif is followed by nothing but EOF.
	guardName  string
	guardDepth int    // len(conds) inside the guard's group
	guardEnd   int    // token index after the guard's #endif line, -1 if not yet seen
	guardKey   string // the file's key in pp.guards: its path and its name as included
	pseudo     bool
	// noOutput: an -imacros file, or one it includes. Its directives are performed;
	// its other tokens are dropped without being expanded (gcc's cpp_scan_nooutput).
	noOutput bool

	// resumeLine is the presumed line after the #include being read from this file:
	// where the output resumes when the included file ends.
	resumeLine int32

	aheadBuf [2]lexer.Token
}

// cond is one open #if group (C11 6.10.1).
type cond struct {
	taken  bool // some group of this #if/#elif/#else chain has been included
	inElse bool
	pos    diag.Pos
	dir    string // the chain's last directive (if, ifdef, ifndef, elif, else), for "unterminated #..."
}

// cachedFile is a file read and prepared for scanning once, shared by every inclusion
// of it.
type cachedFile struct {
	file *diag.File
	text *lexer.Text
}

// searchDir is one directory of the #include search chain.
type searchDir struct {
	path    string
	system  bool
	builtin bool // gocc's embedded headers
}

type pp struct {
	cfg   *Config
	tgt   *target.Target
	diags *diag.List

	macros     macroTable
	pushed     map[string][]*macro // #pragma push_macro stacks
	asserts    map[string][]string // #assert answers per predicate (assert.go)
	lexOpts    lexer.Options
	reported   map[string]bool   // files passed to Config.OnInclude
	canonical  map[string]string // system header names resolved (include.go)
	existing   map[string]bool   // files looked for, and whether they exist (include.go)
	files      []*source
	conds      []cond
	chain      []searchDir // -iquote dirs, then the bracket chain
	quoteEnd   int         // chain[:quoteEnd] are the -iquote dirs
	cache      map[string]*cachedFile
	once       map[string]bool
	guards     map[string]string
	pragmaOut  []tok     // pass-through #pragma tokens waiting to be returned
	bufs       [][]tok   // free replacement buffers (getBuf, putBuf)
	argLists   [][][]tok // free argument lists (getArgs, putArgs)
	lineBuf    []tok     // a directive's tokens (directive)
	counter    int
	now        time.Time
	baseFile   string
	fatal      bool
	inIf       bool // evaluating a #if line
	mainSource *source
	pr         *printer // the -E output, told of file changes and (-dD) definitions; nil when compiling
	// macroIncludeLines are the lines of <command-line> that include an -imacros file.
	macroIncludeLines map[int32]bool
	// outerInvocation is the position of the name of the last macro invocation read
	// from a file: where -E output places the tokens of its arguments.
	outerInvocation diag.Pos
}

// Preprocess runs translation phases 1-4 on f and returns the resulting tokens, ending
// with an EOF token. Diagnostics go to diags.
//
// Passed-through pragmas appear in the output as '#' (with StartOfLine) 'pragma' and the
// pragma's tokens; the token after the pragma has StartOfLine set, so a consumer reads a
// pragma as "'#' 'pragma' up to the next StartOfLine token".
func Preprocess(f *diag.File, cfg *Config, diags *diag.List) []lexer.Token {
	out := make([]lexer.Token, 0, len(f.Contents)/4+16)
	preprocess(f, cfg, diags, nil, func(t *lexer.Token) {
		if t.Kind != placemarker && t.Kind != pragmaEnd {
			out = append(out, *t)
		}
	})
	end := lexer.Token{Kind: lexer.EOF, Flags: lexer.StartOfLine}
	end.Pos = diag.Pos{File: f, Line: int32(strings.Count(string(f.Contents), "\n")) + 1, Col: 1}
	return append(out, end)
}

// preprocess runs translation phases 1-4 on f, handing each resulting token (the EOF
// excepted) to emit, which must copy what it keeps. Besides the tokens, emit gets a
// placemarker for each empty expansion, with its invocation's flags and position, and a
// pragmaEnd after each passed-on #pragma or #ident line. pr, when
// not nil, is told of file changes and definitions as they happen.
func preprocess(f *diag.File, cfg *Config, diags *diag.List, pr *printer, emit func(*lexer.Token)) {
	p := newPP(cfg, diags)
	p.pr = pr
	p.baseFile = f.Name
	p.pushFile(f, p.prepare(f), cleanPath(f.Name), -1)
	p.mainSource = p.files[0]
	// The command line and the built-in definitions are read as files of their own,
	// before the main file (gcc's "<built-in>" and "<command-line>").
	p.pushPseudo("<command-line>", p.commandLineText())
	p.pushPseudo("<built-in>", predefinedText(p.cfg))
	if pr != nil {
		// gcc's first markers: the main file, then <built-in> (and <command-line>
		// when <built-in> ends), all at line 0.
		pr.fileChanged(f, 0, changeRename, 0)
		pr.fileChanged(p.top().file, 0, changeRename, 0)
	}

	in := &input{fromFile: true}
	sol := false
	// One t for the whole loop: emit copies what it keeps, and a variable declared in
	// the loop would escape to the heap once per token through &t.Token.
	var t tok
	for {
		t = p.expandOne(in)
		if t.Kind == lexer.EOF {
			break
		}
		switch t.Kind {
		case placemarker:
			// An empty expansion: in -E output it still starts its line, and
			// white space before it separates the tokens around it.
			emit(&t.Token)
			continue
		case pragmaEnd:
			sol = true
			emit(&t.Token)
			continue
		}
		if sol {
			t.Flags |= lexer.StartOfLine
			sol = false
		}
		if pr != nil {
			pr.expansion = p.outerInvocation
		}
		emit(&t.Token)
	}
}

func newPP(cfg *Config, diags *diag.List) *pp {
	if cfg == nil {
		cfg = &Config{}
	}
	tgt := cfg.Target
	if tgt == nil {
		tgt = target.Host()
	}
	p := &pp{
		cfg: cfg, tgt: tgt, diags: diags,
		macros: newMacroTable(),
		pushed: map[string][]*macro{},
		cache:  map[string]*cachedFile{},
		once:   map[string]bool{},
		guards: map[string]string{},
		now:    buildTime(),
	}
	p.asserts = predefinedAssertions(tgt)
	// gcc replaces trigraphs with -trigraphs and in the ISO modes (-std=c11, -ansi).
	st := parseStd(cfg.Std)
	p.lexOpts = lexer.Options{
		Asm:          cfg.Assembler,
		Trigraphs:    cfg.Trigraphs || st.strict,
		NoDigraphs:   st.strict && st.version == "", // -std=c90 (c94 added them)
		KeepComments: cfg.Comments || cfg.CommentsInMacros,
	}
	for _, d := range cfg.QuoteDirs {
		p.chain = append(p.chain, searchDir{path: d})
	}
	p.quoteEnd = len(p.chain)
	for _, d := range cfg.IncludeDirs {
		p.chain = append(p.chain, searchDir{path: d})
	}
	for _, d := range cfg.SystemDirs {
		p.chain = append(p.chain, searchDir{path: d, system: true})
	}
	if !cfg.NoStdInc {
		p.chain = append(p.chain, searchDir{path: builtinDir, system: true, builtin: true})
		for _, d := range tgt.IncludeDirs {
			p.chain = append(p.chain, searchDir{path: d, system: true})
		}
	}
	for _, d := range cfg.AfterDirs {
		p.chain = append(p.chain, searchDir{path: d, system: true})
	}
	for name, k := range map[string]builtinKind{
		"__FILE__": bFile, "__LINE__": bLine, "__COUNTER__": bCounter, "__DATE__": bDate,
		"__TIME__": bTime, "__TIMESTAMP__": bTimestamp, "__BASE_FILE__": bBaseFile,
		"__INCLUDE_LEVEL__": bIncludeLevel, "_Pragma": bPragma,
		"__has_attribute": bHasAttribute, "__has_cpp_attribute": bHasAttribute,
		"__has_c_attribute": bHasStdAttribute, "__has_builtin": bHasBuiltin,
	} {
		p.macros.set(name, &macro{name: name, builtin: k})
	}
	return p
}

// buildTime is the time __DATE__ and __TIME__ show: SOURCE_DATE_EPOCH when set (the
// reproducible-builds convention gcc follows, in UTC), else now in local time.
func buildTime() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Now()
}

// cleanPath is the main file's path for finding its "..." includes: as given, since
// gcc names them after it unchanged ("./sub/a.c" includes "./sub/b.h").
func cleanPath(name string) string {
	return name
}

// commandLineText is the command line's part of the input as source text, in gcc's
// order: the -D and -U options in their order, the -imacros files (whose text is then
// dropped unexpanded: gcc's cpp_scan_nooutput), the implicit include of glibc's
// stdc-predef.h, and the -include files.
func (p *pp) commandLineText() string {
	var b strings.Builder
	for _, op := range p.cfg.Macros {
		if op.Undef {
			b.WriteString("#undef " + op.Name + "\n")
			continue
		}
		name, val := op.Name, op.Value
		if i := strings.IndexByte(name, '='); i >= 0 && val == "" {
			name, val = name[:i], name[i+1:]
		}
		b.WriteString("#define " + name + " " + strings.ReplaceAll(val, "\n", " ") + "\n")
	}
	for _, inc := range p.cfg.MacroIncludes {
		if p.macroIncludeLines == nil {
			p.macroIncludeLines = map[int32]bool{}
		}
		p.macroIncludeLines[int32(strings.Count(b.String(), "\n")+1)] = true
		b.WriteString("#include " + quote(inc) + "\n")
	}
	if !p.cfg.NoStdInc && !p.cfg.Freestanding {
		b.WriteString("#if __has_include(<stdc-predef.h>)\n#include <stdc-predef.h>\n#endif\n")
	}
	for _, inc := range p.cfg.Includes {
		b.WriteString("#include " + quote(inc) + "\n")
	}
	return b.String()
}

func (p *pp) pushPseudo(name, text string) {
	f := &diag.File{Name: name, Contents: []byte(text)}
	p.pushFile(f, p.prepare(f), name, -1)
	p.files[len(p.files)-1].pseudo = true
}

// prepare performs translation phases 1 and 2 on f.
func (p *pp) prepare(f *diag.File) *lexer.Text {
	return lexer.Prepare(f, p.lexOpts)
}

// pushFile enters f (prepared as text): its tokens come next.
func (p *pp) pushFile(f *diag.File, text *lexer.Text, path string, dirIndex int) {
	s := &source{file: f, path: path, dirIndex: dirIndex, condBase: len(p.conds), guardEnd: -1, resumeLine: 1}
	s.sc = lexer.NewScanner(f, text, p.diags, p.lexOpts)
	s.ahead = s.aheadBuf[:0]
	p.files = append(p.files, s)
}

// peek returns the next token of s without consuming it.
func (s *source) peek() *lexer.Token {
	if len(s.ahead) == 0 {
		s.ahead = append(s.ahead, s.sc.Next())
	}
	return &s.ahead[0]
}

// peek2 returns the token after the next one (the next must have been peeked).
func (s *source) peek2() *lexer.Token {
	if len(s.ahead) < 2 {
		s.ahead = append(s.ahead, s.sc.Next())
	}
	return &s.ahead[1]
}

// advance consumes the peeked token.
func (s *source) advance() {
	if len(s.ahead) == 2 {
		s.ahead[0] = s.ahead[1]
	}
	s.ahead = s.ahead[:len(s.ahead)-1]
	s.i++
}

// skipLine consumes the rest of the logical line whose first token is the peeked one.
func (s *source) skipLine() {
	s.i++
	if len(s.ahead) == 2 && s.ahead[1].Flags&lexer.StartOfLine != 0 {
		// The second token looked at already starts the next line.
		s.ahead[0] = s.ahead[1]
		s.ahead = s.ahead[:1]
		return
	}
	s.ahead = s.ahead[:0]
	s.sc.SkipLine()
}

func (p *pp) top() *source { return p.files[len(p.files)-1] }

// presumedName is the current file's name as __FILE__ and line markers show it.
func (p *pp) presumedName() string {
	for i := len(p.files) - 1; i >= 0; i-- {
		s := p.files[i]
		if s.presumed != nil {
			return s.presumed.Name
		}
		return s.file.Name
	}
	return p.baseFile
}

func (p *pp) includeLevel() int {
	n := 0
	for _, s := range p.files {
		if !s.pseudo {
			n++
		}
	}
	if n > 0 {
		n--
	}
	return n
}

func (p *pp) timestamp() string {
	if len(p.files) > 0 {
		if st, err := os.Stat(p.top().file.Name); err == nil {
			return "\"" + st.ModTime().Format("Mon Jan _2 15:04:05 2006") + "\""
		}
	}
	return `"??? ??? ?? ??:??:?? ????"`
}

// fileToken returns the next token of the open files after directives and skipped
// groups, or EOF when the main file is done.
func (p *pp) fileToken() tok {
	for {
		if n := len(p.pragmaOut); n > 0 {
			t := p.pragmaOut[0]
			p.pragmaOut = p.pragmaOut[1:]
			return t
		}
		if len(p.files) == 0 || p.fatal {
			return tok{Token: lexer.Token{Kind: lexer.EOF}}
		}
		s := p.top()
		t := s.peek()
		if t.Kind == lexer.EOF {
			p.endFile(s)
			continue
		}
		if t.Kind == lexer.Hash && t.Flags&lexer.StartOfLine != 0 {
			p.directive(s)
			continue
		}
		r := tok{Token: *t}
		s.advance()
		if s.presumed != nil {
			r.Pos.File = s.presumed
			r.Pos.Line += s.lineDelta
		}
		if s.noOutput {
			if p.pr != nil && r.Flags&lexer.StartOfLine != 0 {
				// gcc still starts the token's output line (blank in the end).
				p.pr.lineChange(r.Pos, fileSysFlags(r.Pos.File))
			}
			continue
		}
		return r
	}
}

func (p *pp) endFile(s *source) {
	if len(p.conds) > s.condBase {
		for _, c := range p.conds[s.condBase:] {
			at := c.pos
			at.Col = 0 // gcc names only the line
			p.errorf(at, "unterminated #%s", c.dir)
		}
		p.conds = p.conds[:s.condBase]
	}
	// gcc does not record the guard of a file read for -include (or the implicit
	// stdc-predef.h): its first #include from the source enters it again, which -E
	// output shows.
	fromCommandLine := len(p.files) > 1 && p.files[len(p.files)-2].pseudo
	if s.guardName != "" && s.guardEnd == s.i && !fromCommandLine {
		p.guards[s.guardKey] = s.guardName
	}
	p.files = p.files[:len(p.files)-1]
	if p.pr != nil && len(p.files) > 0 {
		next := p.top()
		how := changeLeave
		if s.pseudo {
			how = changeRename // <built-in> to <command-line>, <command-line> to the main file
		}
		p.pr.fileChanged(next.presumedFile(), next.markerLine(), how, 0)
	}
}

// presumedFile is the file s's tokens are attributed to (after #line).
func (s *source) presumedFile() *diag.File {
	if s.presumed != nil {
		return s.presumed
	}
	return s.file
}

// markerLine is the line a marker for returning to s names: 0 in <built-in> and
// <command-line>, as in gcc.
func (s *source) markerLine() int32 {
	if s.pseudo {
		return 0
	}
	return s.resumeLine
}

// pos maps a token of s to its presumed position (after #line).
func (s *source) pos(t *lexer.Token) diag.Pos {
	if s.presumed == nil {
		return t.Pos
	}
	return diag.Pos{File: s.presumed, Line: t.Pos.Line + s.lineDelta, Col: t.Pos.Col}
}

// directive reads and performs the directive whose '#' is s.toks[s.i] (C11 6.10).
func (p *pp) directive(s *source) {
	hashIdx := s.i
	hash := tok{Token: *s.peek()}
	hash.Pos = s.pos(&hash.Token)
	s.advance()
	// The line's tokens go to a buffer reused by every directive: the handlers below
	// copy what they keep, and no directive is read while another is handled.
	line := p.lineBuf[:0]
	defer func() { p.lineBuf = line[:0] }()
	var lastLine int32 // physical line of the directive's last token
	var space lexer.Flags
	for {
		t := s.peek()
		if t.Kind == lexer.EOF || t.Flags&lexer.StartOfLine != 0 {
			break
		}
		lastLine = t.Pos.Line
		if t.Kind == lexer.Comment && !(p.cfg.CommentsInMacros && len(line) > 1 && line[0].IsIdent("define")) {
			// (-C) A comment in a directive goes with it and is white space there;
			// -CC keeps those after a #define's name.
			space = lexer.SpaceBefore
			s.advance()
			continue
		}
		line = append(line, tok{Token: *t})
		d := &line[len(line)-1]
		d.Pos = s.pos(t)
		d.Flags |= space
		space = 0
		if d.Kind == lexer.Comment {
			d.Text = blockComment(d.Text)
		}
		s.advance()
	}
	if len(line) == 0 {
		return // null directive (6.10.7)
	}
	name := line[0]
	args := line[1:]
	if name.Kind == lexer.Number && !p.cfg.Assembler {
		// (gcc reads no line markers in assembler-with-cpp: "# 12" there is a comment.)
		p.lineDirective(s, hash, line, lastLine, true)
		return
	}
	dirName := name.Text
	if (dirName == "elifdef" || dirName == "elifndef") && !p.elifdefKnown() {
		dirName = "" // not a directive before C2x in the ISO modes: invalid below
	}
	switch dirName {
	case "if", "ifdef", "ifndef":
		var v bool
		guard := ""
		switch name.Text {
		case "if":
			v = p.evalIf(name, args)
			if hashIdx == 0 && len(args) >= 3 && args[0].Kind == lexer.Not && args[1].Text == "defined" {
				if args[2].Kind == lexer.Ident && len(args) == 3 {
					guard = args[2].Text
				} else if len(args) == 5 && args[2].Kind == lexer.LParen && args[4].Kind == lexer.RParen {
					guard = args[3].Text
				}
			}
		default:
			if p.macroName(name, args) {
				m := p.macros.lookup(args[0].Text)
				v = m != nil && m.builtin != bPoisoned || isHasOperator(args[0].Text)
				if name.Text == "ifndef" {
					v = !v
					if hashIdx == 0 {
						guard = args[0].Text
					}
				}
			}
		}
		if s.guardEnd >= 0 {
			s.guardName = "" // a conditional after the guard's #endif
		}
		p.conds = append(p.conds, cond{taken: v, pos: hash.Pos, dir: name.Text})
		if guard != "" {
			s.guardName, s.guardDepth = guard, len(p.conds)
		}
		if !v {
			p.skip(s)
		}
	case "elif", "elifdef", "elifndef", "else":
		if len(p.conds) <= s.condBase {
			p.errorf(name.Pos, "#%s without #if", name.Text)
			return
		}
		c := &p.conds[len(p.conds)-1]
		if c.inElse {
			p.errorf(name.Pos, "#%s after #else", name.Text)
		}
		if len(p.conds) == s.guardDepth {
			s.guardName = ""
		}
		c.dir = name.Text
		if name.Text == "else" {
			c.inElse = true
			if c.taken {
				p.skip(s)
			} else {
				c.taken = true
			}
			return
		}
		if c.taken {
			p.skip(s)
			return
		}
		var v bool
		switch name.Text {
		case "elifdef", "elifndef": // C2x 6.10.1p2: #elif defined X / #elif !defined X
			if !p.macroName(name, args) {
				break
			}
			m := p.macros.lookup(args[0].Text)
			v = (m != nil && m.builtin != bPoisoned || isHasOperator(args[0].Text)) == (name.Text == "elifdef")
		default:
			v = p.evalIf(name, args)
		}
		if v {
			c.taken = true
		} else {
			p.skip(s)
		}
	case "endif":
		if len(p.conds) <= s.condBase {
			p.errorf(name.Pos, "#endif without #if")
			return
		}
		if len(p.conds) == s.guardDepth && s.guardName != "" && s.guardEnd < 0 {
			s.guardEnd = s.i
		}
		p.conds = p.conds[:len(p.conds)-1]
	case "define":
		p.define(name, args)
	case "undef":
		if !p.macroName(name, args) {
			return
		}
		if m := p.macros.lookup(args[0].Text); m != nil && m.builtin == bPoisoned {
			return
		}
		p.macros.remove(args[0].Text)
		if p.pr != nil && p.pr.dumpDefines {
			p.pr.definition(name.Pos.File, s.outputLine(name.Pos.Line), "#undef "+args[0].Text)
		}
	case "include", "include_next", "import":
		p.include(s, name, args)
	case "line":
		p.lineDirective(s, hash, line, lastLine, false)
	case "error":
		p.errorf(name.Pos, "#error %s", spell(args))
	case "warning":
		if d := p.diags.WarnOpt(name.Pos, "cpp", "#warning %s", spell(args)); d != nil {
			d.Verbatim = true
		}
	case "pragma":
		if p.pr != nil && performedPragma(args) {
			// gcc -E starts an output line for a pragma it performs itself, at
			// the pragma's first word.
			p.pr.lineChange(args[0].Pos, fileSysFlags(args[0].Pos.File))
		}
		out := p.pragma(hash, args)
		if !p.cfg.Assembler && !s.noOutput { // gcc's -E passes no pragma to the assembler
			p.pragmaOut = append(p.pragmaOut, out...)
		}
	case "assert", "unassert":
		p.assertDirective(name, args)
	case "ident", "sccs":
		out := p.identLine(hash, args)
		if !p.cfg.Assembler && !s.noOutput {
			p.pragmaOut = append(p.pragmaOut, out...)
		}
	default:
		if p.cfg.Assembler && !s.noOutput {
			// In assembler-with-cpp, '#' starts assembler comments too: a line that
			// is no directive goes to the output as it is, unexpanded.
			p.pragmaOut = append(p.pragmaOut, hash)
			for _, a := range append([]tok{name}, args...) {
				a.Flags |= lexer.NoExpand
				p.pragmaOut = append(p.pragmaOut, a)
			}
			p.pragmaOut = append(p.pragmaOut, tok{Token: lexer.Token{Kind: pragmaEnd, Pos: hash.Pos}})
			return
		}
		p.errorf(name.Pos, "invalid preprocessing directive #%s", name.Text)
	}
}

// spell renders tokens as source text, one space where white space separated them.
func spell(toks []tok) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && t.Flags&(lexer.SpaceBefore|lexer.StartOfLine) != 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Spelling())
	}
	return b.String()
}

// blockComment is a comment as gcc keeps it in a macro argument or a #define body
// (-C, -CC): a "//" comment becomes a "/* */" one, so that it cannot swallow what
// follows it on the output line, with each '/' next to a '*' inside it made a '|' so
// that the result is still one comment.
func blockComment(text string) string {
	if !strings.HasPrefix(text, "//") {
		return text
	}
	b := []byte("/*" + text[2:] + "*/")
	for i := 2; i < len(b)-2; i++ {
		if b[i] == '/' && (b[i-1] == '*' || b[i+1] == '*') {
			b[i] = '|'
		}
	}
	return string(b)
}

// skip passes over a group whose condition is false, up to (not including) the #elif,
// #else or #endif that ends it (C11 6.10.1p6). Skipped lines are only scanned for
// conditional directives, so they may hold anything.
func (p *pp) skip(s *source) {
	depth := 0
	for {
		t := s.peek()
		if t.Kind == lexer.EOF {
			return
		}
		if t.Kind == lexer.Hash && t.Flags&lexer.StartOfLine != 0 {
			n := s.peek2()
			if n.Kind == lexer.Ident && n.Flags&lexer.StartOfLine == 0 {
				switch n.Text {
				case "if", "ifdef", "ifndef":
					depth++
				case "elif", "else", "elifdef", "elifndef":
					if depth == 0 && (n.Text == "elif" || n.Text == "else" || p.elifdefKnown()) {
						return
					}
				case "endif":
					if depth == 0 {
						return
					}
					depth--
				}
			}
		}
		s.skipLine()
	}
}

// elifdefKnown reports whether #elifdef and #elifndef are directives: in C2x and in
// the GNU modes, as gcc 12 has them; in the ISO modes before C2x they are not.
func (p *pp) elifdefKnown() bool {
	st := parseStd(p.cfg.Std)
	return !st.strict || st.version == "202000L"
}

// define handles #define (C11 6.10.3).
func (p *pp) define(dir tok, args []tok) {
	if !p.macroName(dir, args) {
		return
	}
	nameTok := args[0]
	m := &macro{name: nameTok.Text, pos: nameTok.Pos}
	rest := args[1:]
	errAt := nameTok.Pos // where gcc reports errors in the body: the last token before it
	if len(rest) > 0 && rest[0].Kind == lexer.LParen && rest[0].Flags&lexer.SpaceBefore == 0 {
		m.funcLike = true
		n, ok := p.params(m, rest)
		if !ok {
			return
		}
		errAt = rest[n-1].Pos
		rest = rest[n:]
	} else if len(rest) > 0 && rest[0].Flags&lexer.SpaceBefore == 0 && rest[0].Kind != lexer.Comment {
		p.warnf(rest[0].Pos, "missing whitespace after the macro name")
	}
	if !m.variadic {
		for _, t := range rest {
			if t.IsIdent("__VA_ARGS__") {
				p.warnf(t.Pos, "__VA_ARGS__ can only appear in the expansion of a C99 variadic macro")
			}
		}
	}
	m.body = make([]tok, len(rest))
	m.paramIdx = make([]int, len(rest))
	for i, t := range rest {
		t.Flags &^= lexer.StartOfLine
		if i == 0 {
			t.Flags &^= lexer.SpaceBefore
		}
		m.body[i] = t
		m.paramIdx[i] = -1
		if t.Kind == lexer.Ident && (t.Text == "__has_include" || t.Text == "__has_include_next") {
			m.hasInclude = true
		}
		if m.funcLike && t.Kind == lexer.Ident {
			for k, prm := range m.params {
				if prm == t.Text {
					m.paramIdx[i] = k
					break
				}
			}
		}
	}
	if n := len(m.body); n > 0 && (m.body[0].Kind == lexer.HashHash || m.body[n-1].Kind == lexer.HashHash) {
		p.errorf(errAt, "'##' cannot appear at either end of a macro expansion")
		return
	}
	if m.funcLike {
		for i, t := range m.body {
			if t.Kind == lexer.Hash && (i+1 >= len(m.body) || m.paramIdx[i+1] < 0) &&
				!(i+1 < len(m.body) && m.body[i+1].Text == "__VA_OPT__") {
				p.errorf(errAt, "'#' is not followed by a macro parameter")
				return
			}
		}
	}
	if old := p.macros.lookup(m.name); old != nil {
		if old.builtin == bPoisoned {
			p.errorf(nameTok.Pos, "attempt to use poisoned \"%s\"", m.name)
			return
		}
		if !sameMacro(old, m) {
			p.warnf(nameTok.Pos, "\"%s\" redefined", m.name)
		}
	}
	p.macros.set(m.name, m)
	if p.pr != nil && p.pr.dumpDefines {
		p.pr.definition(dir.Pos.File, p.top().outputLine(dir.Pos.Line), "#define "+macroDefinition(m))
	}
}

// macroName checks the name after #define, #undef, #ifdef or #ifndef (dir), with
// gcc's errors: at the end of the line when it is missing, at the token when it is
// no identifier or is "defined".
func (p *pp) macroName(dir tok, args []tok) bool {
	switch {
	case len(args) == 0:
		p.errorf(past(dir), "no macro name given in #%s directive", dir.Text)
	case args[0].Kind != lexer.Ident:
		p.errorf(args[0].Pos, "macro names must be identifiers")
	case args[0].Text == "defined" && dir.Text != "ifdef" && dir.Text != "ifndef":
		p.errorf(args[0].Pos, "\"defined\" cannot be used as a macro name")
	default:
		return true
	}
	return false
}

// params reads the parameter list of a function-like macro, rest[0] being its '('
// (C11 6.10.3p1), into m, as gcc's parse_params does, its errors included. It returns
// the number of tokens of the list.
func (p *pp) params(m *macro, rest []tok) (int, bool) {
	prevIdent := false
	for i := 1; ; i++ {
		if i < len(rest) {
			t := rest[i]
			switch t.Kind {
			case lexer.Comment:
				continue // (-CC) passed over, as gcc does
			case lexer.Ident:
				if prevIdent || m.variadic {
					break
				}
				prevIdent = true
				for _, prm := range m.params {
					if prm == t.Text {
						p.errorf(t.Pos, "duplicate macro parameter \"%s\"", t.Text)
						return 0, false
					}
				}
				m.params = append(m.params, t.Text)
				continue
			case lexer.RParen:
				if prevIdent || len(m.params) == 0 || m.variadic {
					return i + 1, true
				}
				// ")" after ",": as a misplaced ','
			case lexer.Comma:
				if !prevIdent || m.variadic {
					break
				}
				prevIdent = false
				continue
			case lexer.Ellipsis:
				if m.variadic {
					break
				}
				m.variadic = true
				if !prevIdent {
					m.params = append(m.params, "__VA_ARGS__")
				}
				continue
			}
		}
		// A token that does not fit, or the end of the line.
		var at diag.Pos
		end := i >= len(rest)
		if end {
			at = past(rest[len(rest)-1])
		} else {
			at = rest[i].Pos
		}
		switch {
		case m.variadic:
			p.errorf(at, "expected ')' after \"...\"")
		case end && prevIdent:
			p.errorf(at, "expected ')' before end of line")
		case end:
			p.errorf(at, "expected parameter name before end of line")
		case prevIdent:
			p.errorf(at, "expected ',' or ')', found \"%s\"", rest[i].Spelling())
		default:
			p.errorf(at, "expected parameter name, found \"%s\"", rest[i].Spelling())
		}
		return 0, false
	}
}

// outputLine is the line -E output shows for a line of s: 0 throughout <built-in>
// and <command-line>, as in gcc.
func (s *source) outputLine(line int32) int32 {
	if s.pseudo {
		return 0
	}
	return line
}

// sameMacro reports whether two definitions are identical (C11 6.10.3p2).
func sameMacro(a, b *macro) bool {
	if a.builtin != b.builtin || a.funcLike != b.funcLike || a.variadic != b.variadic ||
		len(a.params) != len(b.params) || len(a.body) != len(b.body) {
		return false
	}
	for i := range a.params {
		if a.params[i] != b.params[i] {
			return false
		}
	}
	for i := range a.body {
		x, y := a.body[i], b.body[i]
		if x.Text != y.Text || i > 0 && x.Flags&lexer.SpaceBefore != y.Flags&lexer.SpaceBefore {
			return false
		}
	}
	return true
}

// lineDirective handles #line digits ["name"] (C11 6.10.4) and gcc's line markers
// "# digits "name" flags" in preprocessed input.
func (p *pp) lineDirective(s *source, hash tok, line []tok, lastLine int32, marker bool) {
	args := line
	if !marker {
		args = p.expandList(line[1:], false)
	}
	if len(args) == 0 || args[0].Kind != lexer.Number {
		at := hash.Pos
		if len(args) > 0 {
			at = args[0].Pos
		}
		p.errorf(at, "\"%s\" after #line is not a positive integer", spell(args))
		return
	}
	n, err := strconv.ParseUint(args[0].Text, 10, 31)
	if err != nil {
		p.errorf(args[0].Pos, "\"%s\" after #line is not a positive integer", args[0].Text)
		return
	}
	// The line after the directive gets number n.
	physNext := lastLine + 1
	name := ""
	if s.presumed != nil {
		name = s.presumed.Name
	} else {
		name = s.file.Name
	}
	system, externC := s.file.System, s.file.ExternC
	if len(args) > 1 && args[1].Kind == lexer.String {
		name = unquote(args[1].Text)
	}
	how := changeRename
	if marker {
		// A line marker's flags replace the file's system-ness; #line keeps it.
		system, externC = false, false
	}
	if marker && len(args) > 2 {
		for _, f := range args[2:] {
			switch f.Text {
			case "1":
				how = changeEnter
			case "2":
				how = changeLeave
			case "3":
				system = true
			case "4":
				externC = true
			}
		}
	}
	if s.presumed == nil || s.presumed.Name != name || s.presumed.System != system || s.presumed.ExternC != externC {
		s.presumed = &diag.File{Name: name, Contents: s.file.Contents, System: system, ExternC: externC, Presumed: true,
			IncludedFrom: s.file.IncludedFrom}
	}
	s.lineDelta = int32(n) - physNext
	if p.pr != nil {
		p.pr.fileChanged(s.presumed, int32(n), how, hash.Pos.Line)
	}
}

// unquote returns the characters of a string literal without interpreting escapes
// except \\ and \", which is what file names in #line and line markers use.
func unquote(s string) string {
	if i := strings.IndexByte(s, '"'); i >= 0 {
		s = s[i+1:]
	}
	s = strings.TrimSuffix(s, "\"")
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	return strings.NewReplacer(`\\`, `\`, `\"`, `"`).Replace(s)
}

// performedPragma reports whether gcc -E performs the pragma args itself instead of
// passing it on.
func performedPragma(args []tok) bool {
	if len(args) == 0 || args[0].Kind != lexer.Ident {
		return false
	}
	switch args[0].Text {
	case "once", "push_macro", "pop_macro":
		return true
	case "GCC":
		if len(args) > 1 {
			switch args[1].Text {
			case "system_header", "poison", "dependency", "warning", "error":
				return true
			}
		}
	}
	return false
}

// pragma handles one #pragma (C11 6.10.6) or _Pragma line. It returns the tokens to pass
// to the compiler proper ('#' 'pragma' ... pragmaEnd), or nil for pragmas consumed here.
func (p *pp) pragma(hash tok, args []tok) []tok {
	word := func(i int) string {
		if i < len(args) && args[i].Kind == lexer.Ident {
			return args[i].Text
		}
		return ""
	}
	switch word(0) {
	case "once":
		if len(p.files) > 0 {
			p.once[fileKey(p.top().path)] = true
		}
		return nil
	case "push_macro", "pop_macro":
		if len(args) >= 4 && args[1].Kind == lexer.LParen && args[2].Kind == lexer.String {
			name := unquote(args[2].Text)
			if word(0) == "push_macro" {
				p.pushed[name] = append(p.pushed[name], p.macros.lookup(name))
			} else if st := p.pushed[name]; len(st) > 0 {
				if m := st[len(st)-1]; m != nil {
					p.macros.set(name, m)
				} else {
					p.macros.remove(name)
				}
				p.pushed[name] = st[:len(st)-1]
			}
		}
		return nil
	case "GCC":
		switch word(1) {
		case "system_header":
			if len(p.files) > 1 {
				s := p.top()
				// gcc marks the rest of the file "3", not "3 4".
				s.file.System, s.file.ExternC = true, false
				if s.presumed != nil {
					s.presumed.System, s.presumed.ExternC = true, false
				}
				if p.pr != nil {
					// The rest of the file is a system header: a marker says so.
					p.pr.fileChanged(s.presumedFile(), args[len(args)-1].Pos.Line+1, changeRename, 0)
				}
			}
			return nil
		case "poison":
			for _, t := range args[2:] {
				if t.Kind == lexer.Ident {
					p.macros.set(t.Text, &macro{name: t.Text, builtin: bPoisoned})
				}
			}
			return nil
		case "dependency":
			return nil
		case "diagnostic":
			// Passed on, as gcc -E does: the compiler proper owns diagnostics.
		case "warning", "error":
			msg := ""
			at := hash.Pos // gcc points at the message
			for i, t := range args[2:] {
				if t.Kind == lexer.String {
					if i == 0 {
						at = t.Pos
					}
					msg += unquote(t.Text)
				}
			}
			if word(1) == "warning" {
				p.warnf(at, "%s", msg)
			} else {
				p.errorf(at, "%s", msg)
			}
			return nil
		}
	}
	out := make([]tok, 0, len(args)+3)
	h := tok{Token: lexer.Token{Kind: lexer.Hash, Flags: lexer.StartOfLine | lexer.NoExpand, Text: "#", Pos: hash.Pos}}
	out = append(out, h)
	out = append(out, tok{Token: lexer.Token{Kind: lexer.Ident, Flags: lexer.NoExpand, Text: "pragma", Pos: hash.Pos}})
	for _, t := range args {
		t.Flags &^= lexer.StartOfLine
		if t.Kind == lexer.Ident {
			t.Flags |= lexer.NoExpand
		}
		out = append(out, t)
	}
	out[2%len(out)].Flags |= lexer.SpaceBefore
	return append(out, tok{Token: lexer.Token{Kind: pragmaEnd, Pos: hash.Pos}})
}

// past is the position just after t, where gcc reports a token missing after it (t
// must have been read from the file, so that its spelling is where Pos says).
func past(t tok) diag.Pos {
	at := t.Pos
	at.Col += int32(len(t.Text))
	return at
}

// errorf and warnf report a diagnostic as gcc's preprocessor does: its quotes are
// printed as written, in any locale.
func (p *pp) errorf(pos diag.Pos, format string, args ...any) {
	p.diags.Add(&diag.Diagnostic{Pos: pos, Severity: diag.Error, Msg: fmt.Sprintf(format, args...), Verbatim: true})
}

func (p *pp) warnf(pos diag.Pos, format string, args ...any) {
	p.diags.Add(&diag.Diagnostic{Pos: pos, Severity: diag.Warning, Msg: fmt.Sprintf(format, args...), Verbatim: true})
}
