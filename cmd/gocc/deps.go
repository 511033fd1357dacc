package main

import (
	"fmt"
	"gocc/preproc"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gocc/sema"
)

// Dependency output: the -M family (gcc's cpp manual, "Invocation" and "-M options").
// -M and -MM replace the preprocessed output with a make rule naming every file the
// source reads; -MD and -MMD write that rule to a .d file alongside a normal
// compilation. The "MM" forms leave out system headers. gcc's format, reproduced byte
// for byte (ppdiff --mode deps checks it): the targets, ':', the main file and each
// header once in the order first entered, a line broken with " \" before a name that
// would pass column 72; names quoted for make; with -MP, an empty rule per header.

// depStyle is what -M/-MM ask for instead of preprocessed output.
type depStyle int

const (
	depNone depStyle = iota
	depAll           // -M
	depUser          // -MM
)

// depTarget is one -MT (written as given) or -MQ (quoted for make) target.
type depTarget struct {
	name  string
	quote bool
}

// Deps are the dependency-output options.
type Deps struct {
	Style    depStyle    // -M / -MM: dependencies instead of preprocessed output
	File     bool        // -MD / -MMD: also write them to a file
	NoSystem bool        // -MM / -MMD: leave system headers out
	Out      string      // -MF
	Targets  []depTarget // -MT / -MQ, in order
	Phony    bool        // -MP
	Missing  bool        // -MG: missing headers are dependencies to be generated
}

// flag handles a -M option without an argument; it reports whether a was one.
func (d *Deps) flag(a string) bool {
	switch a {
	case "-M", "-MM":
		d.Style, d.NoSystem = depAll, a == "-MM"
		if d.NoSystem {
			d.Style = depUser
		}
	case "-MD", "-MMD":
		d.File, d.NoSystem = true, a == "-MMD"
	case "-MP":
		d.Phony = true
	case "-MG":
		d.Missing = true
	default:
		return false
	}
	return true
}

// arg handles -MF, -MT and -MQ with their argument.
func (d *Deps) arg(name, val string) {
	switch name {
	case "-MF":
		d.Out = val
	case "-MT":
		d.Targets = append(d.Targets, depTarget{name: val})
	case "-MQ":
		d.Targets = append(d.Targets, depTarget{name: val, quote: true})
	}
}

// wanted reports whether any dependency output was asked for.
func (d *Deps) wanted() bool { return d.Style != depNone || d.File }

// collector returns the function that records the headers the preprocessor enters
// (preproc.Config.OnInclude) and the list it fills.
func (d *Deps) collector() (func(string, bool), *[]string) {
	var list []string
	return func(name string, system bool) {
		// gocc's built-in headers (preproc's "<gocc>/include") are not files: listed,
		// they would be prerequisites make can neither find nor build (without -MP,
		// "No rule to make target"). They change only with gocc itself.
		if !(system && d.NoSystem) && !strings.HasPrefix(name, preproc.BuiltinDir+"/") {
			list = append(list, name)
		}
	}, &list
}

// quoteMake quotes a name for make as gcc does: '$' doubled, '#' and blanks escaped
// with a backslash, and the backslashes just before a blank doubled.
func quoteMake(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t':
			for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
				b.WriteByte('\\')
			}
			b.WriteByte('\\')
		case '$':
			b.WriteByte('$')
		case '#':
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// depName is a prerequisite as gcc writes it: leading "./" (and the slashes after it)
// dropped, then quoted.
func depName(s string) string {
	for strings.HasPrefix(s, "./") && len(s) > 2 {
		s = strings.TrimLeft(s[2:], "/")
	}
	return quoteMake(s)
}

// depColumns is where gcc breaks dependency lines.
const depColumns = 72

// formatDeps writes the rule: targets (the -MT ones first, then the quoted ones), the
// main file and the headers, and with -MP an empty rule per header.
func formatDeps(w io.Writer, d *Deps, defaultTarget, main string, headers []string) error {
	var names []string
	for _, t := range d.Targets {
		if !t.quote {
			names = append(names, t.name)
		}
	}
	for _, t := range d.Targets {
		if t.quote {
			names = append(names, quoteMake(t.name))
		}
	}
	if len(d.Targets) == 0 {
		names = append(names, quoteMake(defaultTarget))
	}
	var b strings.Builder
	col := 0
	put := func(s string) {
		if col > 0 {
			if col+len(s) > depColumns {
				b.WriteString(" \\\n")
				col = 0
			}
			b.WriteByte(' ')
			col++
		}
		b.WriteString(s)
		col += len(s)
	}
	for _, n := range names {
		put(n)
	}
	b.WriteByte(':')
	col++
	deps := append([]string{depName(main)}, nil...)
	for _, h := range headers {
		deps = append(deps, depName(h))
	}
	for _, n := range deps {
		put(n)
	}
	b.WriteByte('\n')
	if d.Phony {
		for _, n := range deps[1:] {
			fmt.Fprintf(&b, "%s:\n", n)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// stripExt drops a file name's suffix.
func stripExt(name string) string {
	return strings.TrimSuffix(name, filepath.Ext(name))
}

// depDefaultTarget is the target gcc names when there is no -MT/-MQ: the object file
// the output names (-o with -c, -S or linking), else the input's base name with ".o".
func (drv *driver) depDefaultTarget(in Input) string {
	o := drv.opts
	if o.Output != "" && o.Mode != ModePreprocess && o.Deps.Style == depNone {
		return o.Output
	}
	return stripExt(filepath.Base(in.Path)) + ".o"
}

// depFileName is where -MD/-MMD write: -MF, else the output's name with ".d" for its
// suffix, else the input's base name with ".d".
func (drv *driver) depFileName(in Input) string {
	o := drv.opts
	switch {
	case o.Deps.Out != "":
		return o.Deps.Out
	case o.Output != "" && o.Output != "-":
		return stripExt(o.Output) + ".d"
	}
	return stripExt(filepath.Base(in.Path)) + ".d"
}

// startDeps makes the preprocessor record the headers of in when dependency output is
// wanted, returning the list it fills (nil otherwise).
func (drv *driver) startDeps(in Input) *[]string {
	o := drv.opts
	o.PP.OnInclude, o.PP.MissingHeadersOK = nil, false
	// __has_builtin and __has_attribute answer from what sema implements.
	o.PP.HasBuiltin, o.PP.HasAttribute = sema.KnownBuiltin, sema.KnownAttribute
	if !o.Deps.wanted() || (in.Lang != LangC && in.Lang != LangAsmCPP) {
		return nil
	}
	f, list := o.Deps.collector()
	o.PP.OnInclude = f
	o.PP.MissingHeadersOK = o.Deps.Missing && o.Deps.Style != depNone
	return list
}

// writeDepRule writes the rule for in: to w for -M/-MM, else to the -MD file.
func (drv *driver) writeDepRule(in Input, headers *[]string, w io.Writer) error {
	if headers == nil || drv.opts.DryRun {
		return nil
	}
	if w != nil {
		return formatDeps(w, &drv.opts.Deps, drv.depDefaultTarget(in), in.Path, *headers)
	}
	var b strings.Builder
	formatDeps(&b, &drv.opts.Deps, drv.depDefaultTarget(in), in.Path, *headers)
	return os.WriteFile(drv.depFileName(in), []byte(b.String()), 0o644)
}
