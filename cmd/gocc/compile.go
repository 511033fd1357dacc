package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"gocc/ast"
	"gocc/codegen"
	"gocc/diag"
	"gocc/ir"
	"gocc/ir/irgen"
	"gocc/opt"
	"gocc/parser"
	"gocc/preproc"
	"gocc/sema"
)

// Stop points of the compiler proper.
type stopAfter int

const (
	stagePreprocess stopAfter = iota // -E, and .S files before assembling
	stageDumpMacros                  // -E -dM
	stageCheck                       // -fsyntax-only
	stageCodegen                     // assembly text
)

// compileToFile runs compile into the file path.
func (d *driver) compileToFile(in Input, stop stopAfter, path string) error {
	if d.opts.DryRun {
		d.printCommand("gocc", append(append([]string{"-cc1"}, in.Path), "-o", path))
		return nil
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 64<<10)
	err = d.compile(in, stop, w)
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// compile runs the compiler proper on one file: preproc.Preprocess -> parser.Parse
// -> sema.Check -> irgen.Generate -> opt.Run -> the target's backend, stopping after
// stop and writing its output to w. Diagnostics are printed to stderr in gcc's format;
// any error makes it return errReported. A panic in a stage becomes an *iceError
// naming the stage.
func (d *driver) compile(in Input, stop stopAfter, w io.Writer) (err error) {
	if d.opts.DryRun {
		return nil
	}
	name := in.Path
	var data []byte
	if in.Path == "-" {
		name = "<stdin>"
		data, err = io.ReadAll(d.stdin)
	} else {
		data, err = os.ReadFile(in.Path)
	}
	if err != nil {
		return err
	}
	o := d.opts
	if o.Verbose {
		d.printSearchList(in)
	}
	diags := &diag.List{NoWarn: o.NoWarn, WarnError: o.WarnError, MaxErrors: o.MaxErrors, NoCaret: o.NoCaret,
		Fatal: o.FatalErrors, Color: d.diagColor(), JSON: o.DiagJSON, UTF8: d.utf8Locale(), SyntaxOnly: o.Mode == ModeSyntax,
		Wall: o.Wall, WarnOpts: o.WarnOpts, WarnErrors: o.WarnErrors}
	stage := "preprocessing"
	defer func() {
		if r := recover(); r != nil {
			diags.Print(d.stderr)
			err = &iceError{stage: stage, file: name, msg: fmt.Sprint(r), stack: debug.Stack()}
		}
	}()
	// failed prints the diagnostics so far and reports whether there were errors.
	failed := func() bool {
		if diags.HasErrors() {
			diags.Print(d.stderr)
			return true
		}
		return false
	}

	file := &diag.File{Name: name, Contents: data}
	if stop == stageDumpMacros {
		stage = "macro dump"
		if err := preproc.DumpMacros(w, file, d.preprocConfig(in), diags); err != nil {
			return err
		}
		if failed() {
			return errReported
		}
		diags.Print(d.stderr)
		return nil
	}
	if stop == stagePreprocess {
		// Line markers stay in preprocessed assembly too: gas reads them, so its
		// messages name the .S file's lines.
		// Preprocessing allocates at a high rate and its data (macro tables, included
		// files) lives to the end: the collector waits for a 1 GiB heap, which even
		// the largest kernel units stay far below (mm/memory.c: about 200 MB).
		if os.Getenv("GOGC") == "" {
			debug.SetGCPercent(-1)
			debug.SetMemoryLimit(1 << 30)
		}
		cfg := d.preprocConfig(in)
		cfg.Comments, cfg.CommentsInMacros = o.KeepComments, o.KeepMacroComments
		err := preproc.PreprocessTo(w, file, cfg, diags, !o.NoLineMarkers)
		if failed() {
			return errReported // the output file, if any, is dropped (writeOutput)
		}
		diags.Print(d.stderr)
		return err
	}
	toks := preproc.Preprocess(file, d.preprocConfig(in), diags)
	if failed() {
		return errReported
	}

	stage = "parsing"
	unit := parser.Parse(name, toks, diags)
	if diags.HasErrors() {
		checkAfterSyntaxErrors(unit, d, diags)
	}
	if failed() {
		return errReported
	}
	stage = "semantic analysis"
	unit.GNU89Inline = o.gnu89Inline()
	unit.ShortEnums = o.ShortEnums
	unit.ShortWchar = o.PP.ShortWchar
	unit.InstrumentFunctions = o.InstrumentFunctions
	if len(o.NoBuiltin) > 0 {
		unit.NoBuiltin = map[string]bool{}
		for _, n := range o.NoBuiltin {
			unit.NoBuiltin[n] = true
		}
	}
	sema.Check(unit, d.tgt, diags)
	if failed() {
		return errReported
	}
	if stop == stageCheck {
		diags.Print(d.stderr)
		return nil
	}

	stage = "IR generation"
	mod := irgen.Generate(unit, d.tgt, diags)
	if failed() {
		return errReported
	}
	if o.Common {
		// -fcommon: writable tentative definitions become common symbols (a const one
		// stays a definition, so no load from it is folded against another file's).
		for _, gl := range mod.Globals {
			gl.Common = gl.Tentative && !gl.ReadOnly
		}
	}
	stage = "optimization"
	level := o.OptLevel
	if err := opt.Run(mod, &opt.Config{
		Level:    level,
		Disabled: o.DisabledPasses,
		Verify:   o.VerifyIR,
		DumpFunc: d.getenv("GOCCDUMP"),
		DumpTo:   d.stderr,
	}); err != nil {
		diags.Print(d.stderr)
		return &iceError{stage: stage, file: name, msg: err.Error()}
	}
	stage = "code generation"
	applyDefaultVisibility(mod, o.Visibility)
	if u := o.codegenUnimplemented(); len(u) > 0 {
		diags.Print(d.stderr)
		return fmt.Errorf("%s: sorry, unimplemented: code generation with %s", name, strings.Join(u, " "))
	}
	gen := backends[d.tgt.Arch]
	if err := gen(mod, d.tgt, &codegen.Options{
		PIC:              o.PIC > 0,
		PIE:              o.PIE > 0 && o.PIC == 0,
		Debug:            o.Debug,
		OptLevel:         level,
		FunctionSections: o.FunctionSections,
		DataSections:     o.DataSections,
		OmitFramePointer: o.OmitFramePointer,
		FileName:         name,
		TLSModel:         o.TLSModel,
		Machine:          o.Machine,
	}, w); err != nil {
		if failed() {
			return errReported
		}
		diags.Print(d.stderr)
		return &iceError{stage: stage, file: name, msg: err.Error()}
	}
	diags.Print(d.stderr) // warnings
	if diags.HasErrors() {
		return errReported
	}
	return nil
}

// preprocConfig is the preprocessor configuration for one input.
func (d *driver) preprocConfig(in Input) *preproc.Config {
	o := d.opts
	cfg := o.PP // copy; the slices are not modified below except by append on a fresh slice
	cfg.Target = d.tgt
	cfg.OptLevel = o.OptLevel
	cfg.OptSize = o.OptSize
	cfg.PIC, cfg.PIE = o.PIC, o.PIE
	cfg.WorkingDirectory = o.WorkingDir || o.Debug && !o.NoWorkingDir
	extra := o.machineMacros()
	if o.Pthread {
		extra = append(extra, preproc.MacroOp{Name: "_REENTRANT", Value: "1"})
	}
	if in.Lang == LangAsmCPP {
		extra = append(extra, preproc.MacroOp{Name: "__ASSEMBLER__", Value: "1"})
		cfg.Assembler = true
	}
	if len(extra) > 0 {
		// gcc defines these before processing -D/-U, so the user can still undefine them.
		cfg.Macros = append(extra, o.PP.Macros...)
	}
	return &cfg
}

// checkAfterSyntaxErrors type-checks what the parser recovered of a file with syntax
// errors, so that one run reports the semantic errors of the rest of the file too, as
// gcc does. The tree has holes where the errors were; sema's invariants do not hold
// on it, so a panic here only ends this best-effort check (the run fails anyway).
func checkAfterSyntaxErrors(unit *ast.File, d *driver, diags *diag.List) {
	if unit == nil || diags.TooMany() {
		return
	}
	n := len(diags.Diags)
	defer func() {
		_ = recover()
		diags.SortByPosition(n)
	}()
	sema.Check(unit, d.tgt, diags)
}

// utf8Locale reports whether the locale's character set is UTF-8 (the first set of
// LC_ALL, LC_CTYPE and LANG names it), in which gcc quotes names with ‘ ’.
func (d *driver) utf8Locale() bool {
	for _, name := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if v := d.getenv(name); v != "" {
			v = strings.ToLower(v)
			return strings.Contains(v, "utf-8") || strings.Contains(v, "utf8")
		}
	}
	return false
}

// diagColor reports whether diagnostics are coloured: -fdiagnostics-color=always, or
// auto (the default) with stderr a terminal whose TERM is not "dumb" and GCC_COLORS
// not set empty, as gcc decides.
func (d *driver) diagColor() bool {
	switch d.opts.DiagColor {
	case "always":
		return true
	case "never":
		return false
	}
	if v, set := os.LookupEnv("GCC_COLORS"); set && v == "" || d.getenv("TERM") == "dumb" || d.getenv("TERM") == "" {
		return false
	}
	f, ok := d.stderr.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// applyDefaultVisibility gives the definitions with external linkage that name no
// visibility the one of -fvisibility= (GCC manual, "Code Gen Options"); declarations
// of symbols defined elsewhere keep the default.
func applyDefaultVisibility(mod *ir.Module, vis string) {
	if vis == "" || vis == "default" {
		return
	}
	for _, f := range mod.Funcs {
		if f.Linkage != ir.Internal && f.Visibility == "" {
			f.Visibility = vis
		}
	}
	for _, g := range mod.Globals {
		if g.Linkage != ir.Internal && !g.Extern && g.Visibility == "" {
			g.Visibility = vis
		}
	}
}

// printSearchList is -v's account of one compilation, as gcc's cc1 -v gives it: the
// compiler-proper step, then the header search list in the preprocessor's order
// (preproc's chain: -iquote; -I, -isystem, gocc's built-in headers, the target's
// directories, -idirafter), skipping missing and repeated directories with gcc's
// notes. Build systems read the list (CMake's implicit include directories).
func (d *driver) printSearchList(in Input) {
	o, w := d.opts, d.stderr
	fmt.Fprintf(w, " gocc -cc1 -v %s\n", in.Path)
	var angled []string
	angled = append(angled, o.PP.IncludeDirs...)
	angled = append(angled, o.PP.SystemDirs...)
	if !o.PP.NoStdInc {
		angled = append(angled, preproc.BuiltinDir)
		angled = append(angled, d.tgt.IncludeDirs...)
	}
	angled = append(angled, o.PP.AfterDirs...)
	seen := map[string]bool{}
	keep := func(dirs []string) []string {
		var out []string
		for _, dir := range dirs {
			clean := filepath.Clean(dir)
			if dir != preproc.BuiltinDir {
				if st, err := os.Stat(dir); err != nil || !st.IsDir() {
					fmt.Fprintf(w, "ignoring nonexistent directory \"%s\"\n", dir)
					continue
				}
			}
			if seen[clean] {
				fmt.Fprintf(w, "ignoring duplicate directory \"%s\"\n", dir)
				continue
			}
			seen[clean] = true
			out = append(out, dir)
		}
		return out
	}
	quote, rest := keep(o.PP.QuoteDirs), keep(angled)
	fmt.Fprintln(w, "#include \"...\" search starts here:")
	for _, dir := range quote {
		fmt.Fprintln(w, " "+dir)
	}
	fmt.Fprintln(w, "#include <...> search starts here:")
	for _, dir := range rest {
		fmt.Fprintln(w, " "+dir)
	}
	fmt.Fprintln(w, "End of search list.")
}
