package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"

	"gocc/codegen"
	"gocc/codegen/amd64"
	"gocc/target"
)

// Version facts: gocc presents itself as gcc 12 to build systems (predefined macros,
// -dumpversion), since it accepts gcc 12's language and command line.
const (
	gccVersion  = "12.2.0"
	dumpVersion = "12"
)

// buildName is what -v calls this build: "gocc", plus the commit it was built from
// when the Go toolchain recorded one (go build -buildvcs in a checkout; "-dirty" with
// local changes) or the module version of a go install.
func buildName() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "gocc"
	}
	rev, dirty := "", false
	for _, st := range info.Settings {
		switch st.Key {
		case "vcs.revision":
			rev = st.Value
		case "vcs.modified":
			dirty = st.Value == "true"
		}
	}
	if rev == "" {
		if v := info.Main.Version; v != "" && v != "(devel)" {
			return "gocc " + v // go install gocc/cmd/gocc@version
		}
		return "gocc"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return "gocc " + rev
}

// backends maps each architecture to its code generator; an architecture gocc cannot
// generate code for yet is missing.
var backends = map[target.Arch]codegen.Generator{
	target.AMD64: amd64.Generate,
}

// driver is one invocation of gocc.
type driver struct {
	opts   *Options
	tgt    *target.Target
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	temps  *tempFiles
	deps   *[]string // headers of the file being compiled, for dependency output (deps.go)
}

func newDriver(opts *Options, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string, temps *tempFiles) (*driver, error) {
	tgt := target.Host()
	if opts.TargetName != "" {
		t, err := target.New(opts.TargetName)
		if err != nil {
			return nil, err
		}
		tgt = t
	}
	temps.dryRun = opts.DryRun
	if opts.Sysroot != "" {
		// --sysroot: the target's header and library directories are looked up under
		// the new root (gocc's own headers are built in and stay as they are).
		t := *tgt
		t.IncludeDirs = underRoot(opts.Sysroot, tgt.IncludeDirs)
		t.LibDirs = underRoot(opts.Sysroot, tgt.LibDirs)
		tgt = &t
	}
	opts.applyEnvironment(getenv)
	return &driver{opts: opts, tgt: tgt, stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv, temps: temps}, nil
}

// underRoot prefixes each directory with root.
func underRoot(root string, dirs []string) []string {
	out := make([]string, len(dirs))
	for i, d := range dirs {
		out[i] = filepath.Join(root, d)
	}
	return out
}

// applyEnvironment adds the directories of the environment variables gcc reads
// (GCC manual, "Environment Variables"): CPATH as if by -I and C_INCLUDE_PATH as if
// by -isystem, both after the command line's; LIBRARY_PATH as if by -L, after the
// command line's. An empty element is the current directory.
func (o *Options) applyEnvironment(getenv func(string) string) {
	list := func(name string) []string {
		v := getenv(name)
		if v == "" {
			return nil
		}
		dirs := strings.Split(v, string(os.PathListSeparator))
		for i, d := range dirs {
			if d == "" {
				dirs[i] = "."
			}
		}
		return dirs
	}
	o.PP.IncludeDirs = append(o.PP.IncludeDirs, list("CPATH")...)
	o.PP.SystemDirs = append(o.PP.SystemDirs, list("C_INCLUDE_PATH")...)
	o.LibDirs = append(o.LibDirs, list("LIBRARY_PATH")...)
}

func (d *driver) run() error {
	o := d.opts
	switch {
	case o.Help:
		fmt.Fprintf(d.stdout, "Usage: gocc [options] file...\ngocc accepts gcc's options; see README.md.\n")
		return nil
	case o.Version:
		// Meson classifies a compiler as GCC-like when this text names the Free
		// Software Foundation; autoconf and CMake go by __GNUC__.
		fmt.Fprintf(d.stdout, "gocc (gocc) %s\ngocc is a C compiler written in Go. Its command line, predefined macros and ABI\nfollow GCC %s, the GNU Compiler Collection of the Free Software Foundation.\n", gccVersion, dumpVersion)
		return nil
	case o.DumpVersion:
		fmt.Fprintln(d.stdout, dumpVersion)
		return nil
	case o.DumpFullVersion:
		fmt.Fprintln(d.stdout, gccVersion)
		return nil
	case o.DumpMachine:
		triple := target.Host().Triple
		if o.ConfiguredTarget != "" {
			if t, err := target.New(o.ConfiguredTarget); err == nil {
				triple = t.Triple
			}
		}
		fmt.Fprintln(d.stdout, triple)
		return nil
	case o.PrintFileName != "":
		fmt.Fprintln(d.stdout, d.findLibFile(o.PrintFileName))
		return nil
	case o.PrintProgName != "":
		fmt.Fprintln(d.stdout, d.tool(d.tgt.ToolPrefix+o.PrintProgName))
		return nil
	case o.PrintSearchDirs, o.PrintLibgcc, o.PrintMultiarch, o.PrintSysroot, o.PrintMultiDir, o.PrintMultiOSDir, o.PrintMultiLib:
		return d.printQuery()
	}
	if o.Verbose {
		fmt.Fprintf(d.stderr, "gocc version %s (%s)\nTarget: %s\n", gccVersion, buildName(), d.tgt.Triple)
	}
	files := o.inputFiles()
	if len(files) == 0 && len(o.Inputs) > 0 {
		// Only linker options (-Wl,--version, -lm): gcc runs the link with them
		// (Meson asks "gocc -Wl,--version" which linker it is), or does nothing when
		// not linking.
		if o.Mode != ModeLink {
			return nil
		}
	} else if len(files) == 0 {
		if o.Verbose {
			return nil
		}
		fmt.Fprintln(d.stderr, "gocc: fatal error: no input files\ncompilation terminated.")
		return errReported
	}
	for _, n := range o.Notes {
		fmt.Fprintf(d.stderr, "gocc: %s\n", n)
	}
	if o.Deps.Style != depNone {
		o.Mode = ModePreprocess // -M and -MM imply -E
	} else if o.Deps.Missing {
		return fmt.Errorf("'-MG' may only be used with '-M' or '-MM'")
	}
	if o.DumpMacros && o.Mode != ModePreprocess {
		return fmt.Errorf("-dM requires -E")
	}
	if o.Output != "" && len(files) > 1 && (o.Mode == ModeObject || o.Mode == ModeAssembly || o.Mode == ModePreprocess) {
		return fmt.Errorf("cannot specify '-o' with '-c', '-S' or '-E' with multiple files")
	}
	for i := range o.Inputs {
		in := &o.Inputs[i]
		if in.Path == "-" && in.Lang == LangLinker {
			if o.Mode != ModePreprocess {
				return fmt.Errorf("-E or -x required when input is from standard input")
			}
			in.Lang = LangC
		}
		if in.Lang == LangHeader {
			return fmt.Errorf("%s: precompiled headers are not supported", in.Path)
		}
		if in.LinkOp == nil && in.Path != "-" && !o.DryRun {
			if _, err := os.Stat(in.Path); err != nil {
				fmt.Fprintf(d.stderr, "gocc: error: %s: No such file or directory\n", in.Path)
				return errReported
			}
		}
	}
	needsCodegen := o.Mode == ModeLink || o.Mode == ModeObject || o.Mode == ModeAssembly
	if needsCodegen && hasLang(files, LangC, LangCPPOutput) && backends[d.tgt.Arch] == nil {
		return fmt.Errorf("no code generator for %s yet", d.tgt.Arch)
	}

	var linkItems []string // objects and linker options, in command-line order
	failed := false
	for _, in := range o.Inputs {
		if in.LinkOp != nil {
			linkItems = append(linkItems, in.LinkOp...)
			continue
		}
		obj, err := d.processFile(in)
		if err != nil {
			var ice *iceError
			if asICE(err, &ice) {
				return err
			}
			if err != errReported {
				fmt.Fprintf(d.stderr, "gocc: error: %v\n", err)
			}
			failed = true
			continue
		}
		if obj != "" {
			linkItems = append(linkItems, obj)
		}
	}
	if failed {
		return errReported
	}
	if o.Mode != ModeLink {
		return nil
	}
	out := o.Output
	if out == "" {
		out = "a.out"
	}
	return d.link(linkItems, out)
}

func hasLang(files []Input, langs ...Lang) bool {
	for _, f := range files {
		for _, l := range langs {
			if f.Lang == l {
				return true
			}
		}
	}
	return false
}

func asICE(err error, target **iceError) bool {
	ice, ok := err.(*iceError)
	if ok {
		*target = ice
	}
	return ok
}

// processFile takes one input file as far as the mode says. It returns the object
// file to link, or "" when there is nothing to link.
func (d *driver) processFile(in Input) (string, error) {
	o := d.opts
	switch in.Lang {
	case LangLinker:
		if o.Mode != ModeLink {
			fmt.Fprintf(d.stderr, "gocc: warning: %s: linker input file unused because linking not done\n", in.Path)
			return "", nil
		}
		return in.Path, nil
	case LangAsm:
		switch o.Mode {
		case ModePreprocess, ModeAssembly, ModeSyntax:
			return "", nil // gcc does nothing with a .s file here either
		}
		return d.assembleTo(in, in.Path)
	}
	// C or assembler-with-cpp: run the compiler proper.
	d.deps = d.startDeps(in)
	switch o.Mode {
	case ModePreprocess:
		stop := stagePreprocess
		if o.DumpMacros {
			stop = stageDumpMacros
		}
		if o.Deps.Style == depNone {
			// The text goes straight to its destination as it is produced.
			out := o.Output
			if out == "" || out == "-" {
				if err := d.compile(in, stop, d.stdout); err != nil {
					return "", err
				}
			} else if err := d.writeOutput(out, func(tmp string) error {
				f, err := os.Create(tmp)
				if err != nil {
					return err
				}
				if err := d.compile(in, stop, f); err != nil {
					f.Close()
					return err
				}
				return f.Close()
			}); err != nil {
				return "", err
			}
			return "", d.writeDeps(in, "")
		}
		var buf bytes.Buffer
		if err := d.compile(in, stop, &buf); err != nil {
			return "", err
		}
		text := buf.Bytes()
		out := o.Output
		if o.Deps.Style != depNone {
			// -M/-MM: the rule replaces the preprocessed output (to -MF, else -o).
			buf.Reset()
			if err := d.writeDepRule(in, d.deps, &buf); err != nil {
				return "", err
			}
			text = buf.Bytes()
			if o.Deps.Out != "" {
				out = o.Deps.Out
			}
		} else if err := d.writeDeps(in, ""); err != nil {
			return "", err
		}
		if out == "" || out == "-" {
			_, err := d.stdout.Write(text)
			return "", err
		}
		return "", d.writeOutput(out, func(tmp string) error { return os.WriteFile(tmp, text, 0o644) })
	case ModeSyntax:
		return "", d.compile(in, stageCheck, io.Discard)
	}
	if in.Lang == LangC && o.SaveTemps {
		if err := d.compileToFile(in, stagePreprocess, d.keptName(in, ".i")); err != nil {
			return "", err
		}
	}
	if in.Lang == LangAsmCPP {
		// Preprocess to a temporary .s, then assemble.
		s, err := d.tempFor(in, ".s")
		if err != nil {
			return "", err
		}
		if err := d.compileToFile(in, stagePreprocess, s); err != nil {
			return "", err
		}
		if o.Mode == ModeAssembly {
			return "", nil
		}
		return d.assembleTo(in, s)
	}
	if o.Mode == ModeAssembly {
		out := o.Output
		if out == "" {
			out = outputName(in.Path, ".s")
		}
		if out == "-" {
			return "", d.compile(in, stageCodegen, d.stdout)
		}
		if err := d.writeOutput(out, func(tmp string) error { return d.compileToFile(in, stageCodegen, tmp) }); err != nil {
			return "", err
		}
		return "", d.writeDeps(in, out)
	}
	s, err := d.tempFor(in, ".s")
	if err != nil {
		return "", err
	}
	if err := d.compileToFile(in, stageCodegen, s); err != nil {
		return "", err
	}
	return d.assembleTo(in, s)
}

// tempFor returns the file for an intermediate result of in: a temporary file, or
// with -save-temps the kept file keptName names.
func (d *driver) tempFor(in Input, suffix string) (string, error) {
	if d.opts.SaveTemps {
		return d.keptName(in, suffix), nil
	}
	return d.temps.create("", suffix)
}

// keptName is where -save-temps keeps an intermediate file of in, named as gcc 12
// names them: after the -o file when compiling with -c or -S ("-c x.c -o d/y.o"
// keeps d/y.i and d/y.s), after the input otherwise; when linking, the output's
// name and the input's joined by '-' ("-o prog x.c" keeps prog-x.i, prog-x.s,
// prog-x.o; a-x.* for a.out). -save-temps=cwd puts them in the current directory.
func (d *driver) keptName(in Input, suffix string) string {
	o := d.opts
	stem := func(p string) string { return strings.TrimSuffix(p, filepath.Ext(p)) }
	base := stem(filepath.Base(in.Path))
	var name string
	switch {
	case o.Mode != ModeLink && o.Output != "" && o.Output != "-":
		name = stem(o.Output)
	case o.Mode != ModeLink:
		name = base
	default:
		out := o.Output
		if out == "" {
			out = "a.out"
		}
		name = stem(out) + "-" + base
	}
	if o.SaveTempsCwd {
		name = filepath.Base(name)
	}
	return name + suffix
}

// assembleTo assembles the file asm for input in: into the final object for -c, or a
// temporary object for linking (returned).
func (d *driver) assembleTo(in Input, asm string) (string, error) {
	if d.opts.Mode == ModeObject {
		out := d.opts.Output
		if out == "" {
			out = outputName(in.Path, ".o")
		}
		err := d.writeOutput(out, func(tmp string) error {
			return d.runTool(d.assembler(), d.asArgs(asm, tmp, true))
		})
		if err != nil {
			return "", err
		}
		return "", d.writeDeps(in, out)
	}
	obj, err := d.tempFor(in, ".o")
	if err != nil {
		return "", err
	}
	if err := d.writeDeps(in, ""); err != nil {
		return "", err
	}
	return obj, d.runTool(d.assembler(), d.asArgs(asm, obj, true))
}

// outputName is gcc's default output name for input with a new suffix: the base name
// in the current directory ("-" gives "-.o" as gcc does).
func outputName(input, suffix string) string {
	base := filepath.Base(input)
	if ext := filepath.Ext(base); ext != "" && base != "-" {
		base = strings.TrimSuffix(base, ext)
	}
	return base + suffix
}

// writeOutput produces the file final through produce, which writes to a temporary
// name in final's directory that is renamed over final only on success, so a failed
// or interrupted compilation never leaves a partial or stale output. A final that is
// not a regular file (/dev/null) is written directly.
func (d *driver) writeOutput(final string, produce func(tmp string) error) error {
	if st, err := os.Stat(final); err == nil && !st.Mode().IsRegular() {
		return produce(final)
	}
	if d.opts.DryRun {
		return produce(final)
	}
	tmp, err := d.temps.create(filepath.Dir(final), filepath.Ext(final))
	if err != nil {
		return err
	}
	if err := produce(tmp); err != nil {
		os.Remove(final) // like gcc, delete the output of a failed compilation
		return err
	}
	if err := os.Rename(tmp, final); err != nil {
		return err
	}
	d.temps.forget(tmp)
	return nil
}

// writeDeps writes the -MD/-MMD dependency file for input in compiled to out (the
// names follow gcc: depFileName, depDefaultTarget).
func (d *driver) writeDeps(in Input, out string) error {
	if !d.opts.Deps.File || d.opts.DryRun || (in.Lang != LangC && in.Lang != LangAsmCPP) {
		return nil
	}
	return d.writeDepRule(in, d.deps, nil)
}

// assembler is the name of GNU as for the target.
func (d *driver) assembler() string { return d.tool(d.tgt.ToolPrefix + "as") }

// tool is the program to run for name: the first -B prefix + name that is an executable
// file, else name (looked up in PATH).
func (d *driver) tool(name string) string {
	for _, p := range d.opts.ProgPrefixes {
		if st, err := os.Stat(p + name); err == nil && st.Mode().IsRegular() && st.Mode()&0o111 != 0 {
			return p + name
		}
	}
	return name
}

func (d *driver) asArgs(src, obj string, user bool) []string {
	var args []string
	if d.tgt.Arch == target.AMD64 {
		args = append(args, "--64")
	}
	if user {
		args = append(args, d.opts.AsArgs...)
	}
	return append(args, "-o", obj, src)
}

// runTool runs an external program with an argument vector (never a shell); -v echoes
// the command, -### prints it quoted instead of running it.
func (d *driver) runTool(name string, args []string) error {
	if d.opts.DryRun {
		d.printCommand(name, args)
		return nil
	}
	if d.opts.Verbose {
		fmt.Fprintf(d.stderr, " %s %s\n", name, strings.Join(args, " "))
	}
	cmd := exec.Command(name, args...)
	cmd.Stdout = d.stdout // as gcc: ld's -Wl,--version, --print-map and --trace go to stdout
	cmd.Stderr = d.stderr
	if err := cmd.Run(); err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			fmt.Fprintf(d.stderr, "gocc: error: %s returned %d exit status\n", name, ee.ExitCode())
			return errReported
		}
		return fmt.Errorf("cannot execute '%s': %v", name, err)
	}
	return nil
}

// printCommand writes a command in -### form: every word in double quotes.
func (d *driver) printCommand(name string, args []string) {
	var b strings.Builder
	b.WriteString(" \"" + name + "\"")
	for _, a := range args {
		b.WriteString(" \"" + strings.ReplaceAll(a, "\"", "\\\"") + "\"")
	}
	fmt.Fprintln(d.stderr, b.String())
}
