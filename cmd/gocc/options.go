package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"gocc/codegen"
	"gocc/diag"
	"gocc/preproc"
)

// Mode is how far the driver takes its inputs.
type Mode int

const (
	ModeLink       Mode = iota // default: compile, assemble and link
	ModeObject                 // -c
	ModeAssembly               // -S
	ModePreprocess             // -E
	ModeSyntax                 // -fsyntax-only
)

// Lang is the language of an input file (gcc's -x names).
type Lang int

const (
	LangNone      Lang = iota // by extension
	LangC                     // c
	LangCPPOutput             // cpp-output (.i): already preprocessed C; gocc preprocesses it again, which is harmless
	LangAsm                   // assembler (.s)
	LangAsmCPP                // assembler-with-cpp (.S, .sx)
	LangHeader                // c-header (.h): not supported (gcc would write a .gch)
	LangLinker                // anything else: an object, archive or shared library for ld
)

// Input is one operand of the command line in order: a file to compile or pass to the
// linker, or a linker option (-l, -Wl, -Xlinker) that must keep its place among files.
type Input struct {
	Path   string // file name, "-" for standard input
	Lang   Lang
	LinkOp []string // non-nil for a linker option; Path is then empty
}

// Options is the parsed command line.
type Options struct {
	Mode          Mode
	Output        string // -o, "" for gcc's default name
	Inputs        []Input
	NoLineMarkers bool // -P
	DumpMacros    bool // -dM
	// KeepComments (-C) and KeepMacroComments (-CC) keep comments in -E output; gcc
	// accepts and ignores them when compiling.
	KeepComments, KeepMacroComments bool
	Verbose                         bool // -v
	DryRun                          bool // -###

	// Queries that print something and exit without compiling.
	Version, DumpVersion, DumpMachine bool
	PrintFileName, PrintProgName      string
	Help                              bool
	// -print-search-dirs, -print-libgcc-file-name, -print-multiarch, -print-sysroot.
	PrintSearchDirs, PrintLibgcc, PrintMultiarch, PrintSysroot bool
	// -print-multi-directory, -print-multi-os-directory, -print-multi-lib.
	PrintMultiDir, PrintMultiOSDir, PrintMultiLib bool

	// Sysroot: --sysroot=, the prefix of the target's header and library
	// directories, also passed to ld.
	Sysroot string
	// SaveTemps: -save-temps or -save-temps=obj (gcc 12: beside the output), or
	// -save-temps=cwd: keep the .i, .s and .o files (driver.keptName).
	SaveTemps, SaveTempsCwd bool
	// DiagColor: "auto" (the default), "always" or "never"; DiagJSON:
	// -fdiagnostics-format=json.
	DiagColor string
	DiagJSON  bool
	// Visibility: -fvisibility=, the ELF visibility of definitions that name none.
	Visibility string
	// DumpFullVersion: -dumpfullversion prints 12.2.0 where -dumpversion prints 12.
	DumpFullVersion bool
	// ShortEnums: -fshort-enums (ast.File.ShortEnums).
	ShortEnums bool

	PP         preproc.Config
	TargetName string // --target=, -m32
	// ConfiguredTarget: --target= alone (or the program name), the triple gocc is
	// "configured" for: -dumpmachine names it whatever -m32 says, as gcc's does.
	ConfiguredTarget string

	OptLevel int
	OptSize  bool
	Debug    bool
	// WorkingDir, NoWorkingDir: the last of -fworking-directory and
	// -fno-working-directory; with neither, debug information implies the first,
	// as in gcc.
	WorkingDir, NoWorkingDir bool
	NoWarn                   bool // -w
	WarnError                bool // -Werror
	// Warning selection: -Wall; -Wname / -Wno-name; -Werror=name / -Wno-error=name
	// (diag.List's fields of the same names).
	Wall           bool
	WarnOpts       map[string]bool
	WarnErrors     map[string]bool
	MaxErrors      int  // -fmax-errors=, -Wfatal-errors
	FatalErrors    bool // -Wfatal-errors
	NoCaret        bool // -fno-diagnostics-show-caret: diagnostics without source line and caret
	DisabledPasses map[string]bool
	VerifyIR       bool // -d=opt/verify

	PIC, PIE                                         int  // 0 off, 1 small (-fpic/-fpie), 2 large (-fPIC/-fPIE)
	NoPIELink                                        bool // -no-pie
	Static, Shared                                   bool
	StaticPIE                                        bool // -static-pie: rcrt1.o, ld -static -pie --no-dynamic-linker
	Relocatable                                      bool // -r: ld -r, a partial link
	NoStartFiles                                     bool
	NoDefaultLibs                                    bool
	Pthread                                          bool
	StripAll                                         bool // -s
	ExportDynamic                                    bool // -rdynamic
	LibDirs                                          []string
	AsArgs                                           []string // -Wa,
	FunctionSections, DataSections, OmitFramePointer bool
	// GNU89Inline is the explicit -fgnu89-inline (1) or -fno-gnu89-inline (-1); 0 leaves
	// the choice to the language standard (see gnu89Inline).
	GNU89Inline int
	// X87Precision: -mpc32, -mpc64 or -mpc80 (32, 64, 80), 0 if none: a link adds a
	// constructor setting the x87 precision control (gcc's crtprec*.o).
	X87Precision int
	// ProgPrefixes: -B, prefixes tried for the programs gocc runs (driver.tool).
	ProgPrefixes []string
	// UseLD: -fuse-ld=, the linker ld.<UseLD> instead of ld.
	UseLD string
	// Common: -fcommon, tentative definitions as common symbols (gcc 12's default
	// is -fno-common).
	Common bool
	// InstrumentFunctions: -finstrument-functions (calls the __cyg_profile_func_* hooks).
	InstrumentFunctions bool
	// TLSModel: -ftls-model= (codegen.Options.TLSModel), "" if not given.
	TLSModel string
	// Machine: the x86 -m options that change code (moptions.go).
	Machine codegen.Machine
	// TrivialAutoVarInit: -ftrivial-auto-var-init= ("uninitialized", "zero", "pattern"),
	// "" if not given.
	TrivialAutoVarInit string
	// NoBuiltin: the functions named by -fno-builtin-NAME, and "" for -fno-builtin:
	// their plain names are not expanded as builtins.
	NoBuiltin []string

	// Notes are warnings about the command line, printed once when compiling
	// ("gocc: warning: ...").
	Notes []string

	// Dependency output: -M, -MM, -MD, -MMD, -MF, -MT, -MQ, -MP, -MG (deps.go).
	Deps Deps
}

// UsageError is a command-line error, reported as "gocc: error: ..." with exit status 1.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usageErrorf(format string, args ...any) error {
	return &UsageError{fmt.Sprintf(format, args...)}
}

// langByName maps -x names to languages.
var langByName = map[string]Lang{
	"none": LangNone, "c": LangC, "cpp-output": LangCPPOutput, "assembler": LangAsm,
	"assembler-with-cpp": LangAsmCPP, "c-header": LangHeader,
}

// langOfFile is gcc's choice of language by file-name suffix.
func langOfFile(path string) Lang {
	switch filepath.Ext(path) {
	case ".c":
		return LangC
	case ".i":
		return LangCPPOutput
	case ".s":
		return LangAsm
	case ".S", ".sx":
		return LangAsmCPP
	case ".h":
		return LangHeader
	}
	return LangLinker
}

// separateArg lists options that take their argument either joined (-ofile) or as the
// next word (-o file).
var separateArg = []string{"-o", "-I", "-D", "-U", "-L", "-l", "-x", "-include", "-iquote",
	"-isystem", "-idirafter", "-MF", "-MT", "-MQ", "-Xlinker", "-T", "-u", "-z", "-imacros",
	"-Xassembler", "-Xpreprocessor", "--sysroot", "-B"}

// parseArgs parses gcc's command-line syntax.
func parseArgs(args []string) (*Options, error) {
	o := &Options{PIE: 2, DisabledPasses: map[string]bool{}}
	lang := LangNone
	addInput := func(path string) {
		l := lang
		if l == LangNone {
			l = langOfFile(path)
		}
		o.Inputs = append(o.Inputs, Input{Path: path, Lang: l})
	}
	linkOp := func(words ...string) { o.Inputs = append(o.Inputs, Input{LinkOp: words}) }

	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "-" || !strings.HasPrefix(a, "-") {
			addInput(a)
			continue
		}
		// gcc's long spellings of its queries (--print-prog-name=ld, --print-prog-name
		// ld, --print-multi-lib: libtool and binutils' configure scripts use them).
		switch long, _, _ := strings.Cut(a, "="); long {
		case "--print-prog-name", "--print-file-name":
			if long == a {
				if i+1 >= len(args) {
					return nil, usageErrorf("missing argument to '%s'", a)
				}
				i++
				a += "=" + args[i]
			}
			a = a[1:]
		case "--print-search-dirs", "--print-libgcc-file-name", "--print-multiarch", "--print-sysroot",
			"--print-multi-directory", "--print-multi-os-directory", "--print-multi-lib":
			if long == a {
				a = a[1:]
			}
		}
		// Options with an argument, joined or separate.
		name, val, has := "", "", false
		for _, p := range separateArg {
			if a == p {
				if i+1 >= len(args) {
					return nil, usageErrorf("missing argument to '%s'", a)
				}
				name, val, has = p, args[i+1], true
				i++
				break
			}
			// Only one-letter options and -MF/-MT/-MQ are ever written joined.
			if (len(p) == 2 || strings.HasPrefix(p, "-M")) && strings.HasPrefix(a, p) && len(a) > len(p) {
				name, val, has = p, a[len(p):], true
				break
			}
		}
		if has {
			switch name {
			case "-o":
				o.Output = val
			case "-I":
				o.PP.IncludeDirs = append(o.PP.IncludeDirs, val)
			case "-D":
				n, v, ok := strings.Cut(val, "=")
				if !ok {
					v = "1"
				}
				o.PP.Macros = append(o.PP.Macros, preproc.MacroOp{Name: n, Value: v})
			case "-U":
				o.PP.Macros = append(o.PP.Macros, preproc.MacroOp{Name: val, Undef: true})
			case "-L":
				o.LibDirs = append(o.LibDirs, val)
			case "-l":
				linkOp("-l" + val)
			case "-x":
				l, ok := langByName[val]
				if !ok {
					return nil, usageErrorf("language %s not recognized", val)
				}
				lang = l
			case "-include":
				o.PP.Includes = append(o.PP.Includes, val)
			case "-imacros":
				o.PP.MacroIncludes = append(o.PP.MacroIncludes, val)
			case "-iquote":
				o.PP.QuoteDirs = append(o.PP.QuoteDirs, val)
			case "-isystem":
				o.PP.SystemDirs = append(o.PP.SystemDirs, val)
			case "-idirafter":
				o.PP.AfterDirs = append(o.PP.AfterDirs, val)
			case "-MF", "-MT", "-MQ":
				o.Deps.arg(name, val)
			case "-Xlinker":
				linkOp(val)
			case "-Xassembler":
				o.AsArgs = append(o.AsArgs, val)
			case "-Xpreprocessor":
				if err := o.parsePreprocessorPassThrough([]string{val}); err != nil {
					return nil, err
				}
			case "--sysroot":
				o.Sysroot = val
			case "-B":
				// gcc: a prefix for the programs it runs (as, ld); one naming a
				// directory gets a '/' and is searched for start files and libraries
				// too (as -L).
				if st, err := os.Stat(val); err == nil && st.IsDir() {
					o.LibDirs = append(o.LibDirs, val)
					if !strings.HasSuffix(val, "/") {
						val += "/"
					}
				}
				o.ProgPrefixes = append(o.ProgPrefixes, val)
			case "-T", "-u", "-z":
				linkOp(name, val)
			}
			continue
		}
		if err := o.parseFlag(a); err != nil {
			return nil, err
		}
	}
	return o, nil
}

// parseFlag handles the options that take no separate argument.
func (o *Options) parseFlag(a string) error {
	if strings.HasPrefix(a, "-m") {
		if ok, err := o.parseMOption(a); ok || err != nil {
			return err
		}
	}
	switch a {
	case "-c":
		o.Mode = ModeObject
		return nil
	case "-S":
		o.Mode = ModeAssembly
		return nil
	case "-E":
		o.Mode = ModePreprocess
		return nil
	case "-fsyntax-only":
		o.Mode = ModeSyntax
		return nil
	case "-P":
		o.NoLineMarkers = true
		return nil
	case "-dM":
		o.DumpMacros = true
		return nil
	case "-dD":
		o.PP.DumpDefines = true // with -E: definitions stay in the output
		return nil
	case "-v":
		o.Verbose = true
		return nil
	case "-###":
		o.DryRun = true
		return nil
	case "--version":
		o.Version = true
		return nil
	case "-dumpversion":
		o.DumpVersion = true
		return nil
	case "-dumpfullversion":
		o.DumpFullVersion = true
		return nil
	case "-dumpmachine":
		o.DumpMachine = true
		return nil
	case "--help":
		o.Help = true
		return nil
	case "-w":
		o.NoWarn = true
		return nil
	case "-Werror":
		o.WarnError = true
		return nil
	case "-Wno-error":
		o.WarnError = false
		return nil
	case "-Wfatal-errors":
		o.MaxErrors, o.FatalErrors = 1, true
		return nil
	case "-fno-diagnostics-show-caret":
		o.NoCaret = true
		return nil
	case "-fdiagnostics-show-caret":
		o.NoCaret = false
		return nil
	case "-fworking-directory", "-fno-working-directory":
		o.WorkingDir = a == "-fworking-directory"
		o.NoWorkingDir = !o.WorkingDir
		return nil
	case "-g", "-g0", "-g1", "-g2", "-g3", "-ggdb", "-ggdb0", "-ggdb1", "-ggdb2", "-ggdb3", "-gdwarf",
		"-gdwarf-2", "-gdwarf-3", "-gdwarf-4", "-gdwarf-5", "-gstabs", "-gstabs+":
		o.Debug = a != "-g0" && a != "-ggdb0"
		return nil
	case "-gstrict-dwarf", "-gno-strict-dwarf", "-gsplit-dwarf", "-gno-split-dwarf", "-gcolumn-info",
		"-gno-column-info", "-gpubnames", "-gno-pubnames", "-ggnu-pubnames", "-grecord-gcc-switches",
		"-gno-record-gcc-switches", "-gvariable-location-views", "-gno-variable-location-views",
		"-ginline-points", "-gno-inline-points", "-gstatement-frontiers", "-gno-statement-frontiers",
		"-gas-loc-support", "-gno-as-loc-support", "-gas-locview-support", "-gno-as-locview-support",
		"-gdescribe-dies", "-gno-describe-dies", "-gz", "-gz=none", "-gz=zlib", "-gctf", "-gctf0", "-gctf1",
		"-gctf2", "-gbtf", "-gtoggle", "-gno-internal-reset-location-views", "-ginternal-reset-location-views":
		// Debug-information format and content options: gocc's debug information is
		// the line table (.loc), which none of these changes.
		return nil
	case "-O", "-O1":
		o.OptLevel, o.OptSize = 1, false
		return nil
	case "-O0", "-O2", "-O3":
		o.OptLevel, o.OptSize = int(a[2]-'0'), false
		return nil
	case "-Os", "-Oz":
		o.OptLevel, o.OptSize = 2, true
		return nil
	case "-Og":
		o.OptLevel, o.OptSize = 1, false
		return nil
	case "-Ofast":
		o.OptLevel, o.OptSize = 3, false
		return nil
	case "-fpic":
		o.PIC, o.PIE = 1, 0
		return nil
	case "-fPIC":
		o.PIC, o.PIE = 2, 0
		return nil
	case "-fpie":
		o.PIC, o.PIE = 0, 1
		return nil
	case "-fPIE":
		o.PIC, o.PIE = 0, 2
		return nil
	case "-fno-pic", "-fno-PIC":
		o.PIC, o.PIE = 0, 0
		return nil
	case "-fno-pie", "-fno-PIE":
		o.PIE = 0
		return nil
	case "-no-pie", "-nopie":
		o.NoPIELink = true
		return nil
	case "-pie":
		o.NoPIELink = false
		return nil
	case "-static":
		o.Static = true
		return nil
	case "-shared":
		o.Shared = true
		return nil
	case "-nostdlib":
		o.NoStartFiles, o.NoDefaultLibs = true, true
		return nil
	case "-nostartfiles":
		o.NoStartFiles = true
		return nil
	case "-nodefaultlibs":
		o.NoDefaultLibs = true
		return nil
	case "-nostdinc":
		o.PP.NoStdInc = true
		return nil
	case "-pthread", "-pthreads":
		o.Pthread = true
		return nil
	case "-s":
		o.StripAll = true
		return nil
	case "-rdynamic":
		o.ExportDynamic = true
		return nil
	case "-m64":
		// The last of -m16, -m32 and -m64 wins, as in gcc.
		o.TargetName, o.Machine.Code16 = o.ConfiguredTarget, false
		return nil
	case "-mieee-fp", "-mfpmath=sse",
		// gocc never uses gcc's scalar-to-vector (STV) pass.
		"-mno-stv", "-mstv":
		return nil
	case "-mpc32", "-mpc64", "-mpc80":
		o.X87Precision, _ = strconv.Atoi(a[len("-mpc"):])
		return nil
	case "-m32":
		o.TargetName, o.Machine.Code16 = "i386-linux-gnu", false
		return nil
	case "-trigraphs":
		o.PP.Trigraphs = true
		return nil
	case "-ansi":
		o.PP.Std = "c90"
		return nil
	case "-save-temps", "-save-temps=obj":
		o.SaveTemps, o.SaveTempsCwd = true, false
		return nil
	case "-save-temps=cwd":
		o.SaveTemps, o.SaveTempsCwd = true, true
		return nil
	case "-print-search-dirs":
		o.PrintSearchDirs = true
		return nil
	case "-print-libgcc-file-name":
		o.PrintLibgcc = true
		return nil
	case "-print-multiarch":
		o.PrintMultiarch = true
		return nil
	case "-print-sysroot":
		o.PrintSysroot = true
		return nil
	case "-print-multi-directory":
		o.PrintMultiDir = true
		return nil
	case "-print-multi-os-directory":
		o.PrintMultiOSDir = true
		return nil
	case "-print-multi-lib":
		o.PrintMultiLib = true
		return nil
	case "-no-canonical-prefixes", "-pass-exit-codes":
		// gocc finds no programs of its own through its path (its headers and runtime
		// are built in), and its exit status is already the failing phase's.
		return nil
	case "-static-libgcc", "-shared-libgcc":
		// gocc links no libgcc (its runtime object stands in for it), so there is
		// no libgcc to link statically or shared.
		return nil
	case "-fuse-ld=bfd", "-fuse-ld=gold", "-fuse-ld=lld", "-fuse-ld=mold":
		o.UseLD = a[len("-fuse-ld="):]
		return nil
	case "-static-pie":
		o.StaticPIE = true
		return nil
	case "-r":
		o.Relocatable = true
		return nil
	case "-C":
		o.KeepComments = true
		return nil
	case "-CC":
		o.KeepMacroComments = true
		return nil
	case "-pedantic", "-pedantic-errors", "-Wpedantic", "-pipe", "-Q", "-H":
		// Diagnostics-only or temp-file-placement options.
		return nil
	case "-M", "-MM", "-MD", "-MMD", "-MP", "-MG":
		o.Deps.flag(a)
		return nil
	}
	switch {
	case strings.HasPrefix(a, "-std="):
		std := a[len("-std="):]
		switch {
		case cStandards[std]:
			o.PP.Std = std
		case cxxStandard.MatchString(std):
			// gcc accepts a C++ standard and ignores it for C, with a warning.
			o.Notes = append(o.Notes, fmt.Sprintf("warning: command-line option '%s' is valid for C++/ObjC++ but not for C", a))
		default:
			return usageErrorf("unrecognized command-line option '%s'", a)
		}
		return nil
	case strings.HasPrefix(a, "--sysroot="):
		o.Sysroot = a[len("--sysroot="):]
		return nil
	case strings.HasPrefix(a, "--target="):
		o.TargetName = a[len("--target="):]
		o.ConfiguredTarget = o.TargetName
		return nil
	case strings.HasPrefix(a, "-march="), strings.HasPrefix(a, "-mtune="):
		return nil
	case strings.HasPrefix(a, "-print-file-name="):
		o.PrintFileName = a[len("-print-file-name="):]
		return nil
	case strings.HasPrefix(a, "-print-prog-name="):
		o.PrintProgName = a[len("-print-prog-name="):]
		return nil
	case strings.HasPrefix(a, "-Wl,"):
		o.Inputs = append(o.Inputs, Input{LinkOp: strings.Split(a[len("-Wl,"):], ",")})
		return nil
	case strings.HasPrefix(a, "-Wa,"):
		o.AsArgs = append(o.AsArgs, strings.Split(a[len("-Wa,"):], ",")...)
		return nil
	case strings.HasPrefix(a, "-Wp,"):
		return o.parsePreprocessorPassThrough(strings.Split(a[len("-Wp,"):], ","))
	case strings.HasPrefix(a, "-W"):
		o.parseWarningOption(a)
		return nil
	case strings.HasPrefix(a, "-d="):
		return o.parseDebugFlag(a[len("-d="):])
	case strings.HasPrefix(a, "-fmax-errors="):
		n, err := strconv.Atoi(a[len("-fmax-errors="):])
		if err != nil || n < 0 {
			return usageErrorf("argument to '-fmax-errors=' should be a non-negative integer")
		}
		o.MaxErrors = n
		return nil
	case strings.HasPrefix(a, "-fmacro-prefix-map=") || strings.HasPrefix(a, "-ffile-prefix-map="):
		// Remaps __FILE__ and __BASE_FILE__ (gcc: -ffile-prefix-map implies it).
		old, repl, ok := strings.Cut(a[strings.IndexByte(a, '=')+1:], "=")
		if !ok {
			return usageErrorf("invalid argument %q to '%s'", a[strings.IndexByte(a, '=')+1:], a[:strings.IndexByte(a, '=')])
		}
		o.PP.MacroPrefixMap = append(o.PP.MacroPrefixMap, [2]string{old, repl})
		return nil
	case strings.HasPrefix(a, "-f"):
		return o.parseFOption(a)
	case strings.HasPrefix(a, "-O"):
		return usageErrorf("argument to '-O' should be a non-negative integer, 'g', 's', 'z' or 'fast'")
	}
	return usageErrorf("unrecognized command-line option '%s'", a)
}

// cStandards are gcc 12's -std= values for C (c23 and gnu23 came with gcc 14).
var cStandards = map[string]bool{
	"c89": true, "c90": true, "c99": true, "c9x": true, "c11": true, "c1x": true, "c17": true,
	"c18": true, "c2x": true, "gnu89": true, "gnu90": true, "gnu99": true, "gnu9x": true,
	"gnu11": true, "gnu1x": true, "gnu17": true, "gnu18": true, "gnu2x": true,
	"iso9899:1990": true, "iso9899:199409": true, "iso9899:1999": true, "iso9899:199x": true,
	"iso9899:2011": true, "iso9899:2017": true, "iso9899:2018": true,
}

// cxxStandard matches gcc 12's -std= values for C++, which a C compilation accepts and
// ignores.
var cxxStandard = regexp.MustCompile(`^(c|gnu)\+\+(98|03|0x|11|1y|14|1z|17|2a|20|2b|23)$`)

// parsePreprocessorPassThrough handles -Wp,: the options the kernel's and autotools'
// builds pass to the preprocessor this way (-MD,file -MMD,file -D -U -I).
func (o *Options) parsePreprocessorPassThrough(words []string) error {
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "-MD" || w == "-MMD":
			// -Wp,-MD,file is cpp's own syntax: the file follows.
			o.Deps.flag(w)
			if i+1 < len(words) {
				o.Deps.Out = words[i+1]
				i++
			}
		case w == "-P":
			o.NoLineMarkers = true
		case w == "-C":
			o.KeepComments = true
		case w == "-CC":
			o.KeepMacroComments = true
		case strings.HasPrefix(w, "-D"), strings.HasPrefix(w, "-U"), strings.HasPrefix(w, "-I"):
			sub, err := parseArgs([]string{w})
			if err != nil {
				return err
			}
			o.PP.Macros = append(o.PP.Macros, sub.PP.Macros...)
			o.PP.IncludeDirs = append(o.PP.IncludeDirs, sub.PP.IncludeDirs...)
		default:
			return usageErrorf("unrecognized command-line option '-Wp,%s'", w)
		}
	}
	return nil
}

// parseDebugFlag handles gocc's -d=opt/<pass>/off and -d=opt/verify (after Go's
// -d=ssa/<pass>/off), so a miscompile can be bisected by switching passes off.
func (o *Options) parseDebugFlag(spec string) error {
	for _, item := range strings.Split(spec, ",") {
		parts := strings.Split(item, "/")
		switch {
		case len(parts) == 3 && parts[0] == "opt" && parts[2] == "off":
			o.DisabledPasses[parts[1]] = true
		case len(parts) == 2 && parts[0] == "opt" && parts[1] == "verify":
			o.VerifyIR = true
		default:
			return usageErrorf("unrecognized debug option '-d=%s' (want -d=opt/<pass>/off or -d=opt/verify)", item)
		}
	}
	return nil
}

// parseFOption handles -f options: the ones that change gocc's behaviour, then the
// table of accepted options that do not change its output.
func (o *Options) parseFOption(a string) error {
	switch a {
	case "-fdiagnostics-color", "-fdiagnostics-color=always":
		o.DiagColor = "always"
		return nil
	case "-fdiagnostics-color=auto":
		o.DiagColor = "auto"
		return nil
	case "-fno-diagnostics-color", "-fdiagnostics-color=never":
		o.DiagColor = "never"
		return nil
	case "-fvisibility=default", "-fvisibility=hidden", "-fvisibility=protected", "-fvisibility=internal":
		o.Visibility = strings.TrimPrefix(a, "-fvisibility=")
		return nil
	case "-fshort-enums", "-fno-short-enums":
		o.ShortEnums = a == "-fshort-enums"
		return nil
	case "-fdiagnostics-format=json":
		o.DiagJSON = true
		return nil
	case "-fdiagnostics-format=text":
		o.DiagJSON = false
		return nil
	case "-funsigned-char":
		o.PP.UnsignedChar, o.PP.SignedChar = true, false
		return nil
	case "-fsigned-char", "-fno-unsigned-char":
		o.PP.UnsignedChar, o.PP.SignedChar = false, true
		return nil
	case "-ffreestanding", "-fno-hosted":
		o.PP.Freestanding = true
		o.NoBuiltin = append(o.NoBuiltin, "") // implies -fno-builtin, as in gcc
		return nil
	case "-fhosted":
		o.PP.Freestanding = false
		return nil
	case "-fshort-wchar":
		o.PP.ShortWchar = true
		return nil
	case "-ffunction-sections", "-fno-function-sections":
		o.FunctionSections = a == "-ffunction-sections"
		return nil
	case "-fdata-sections", "-fno-data-sections":
		o.DataSections = a == "-fdata-sections"
		return nil
	case "-fomit-frame-pointer":
		o.OmitFramePointer = true
		return nil
	case "-fno-omit-frame-pointer":
		o.OmitFramePointer = false
		return nil
	case "-finstrument-functions", "-fno-instrument-functions":
		o.InstrumentFunctions = a == "-finstrument-functions"
		return nil
	case "-fno-builtin":
		o.NoBuiltin = append(o.NoBuiltin, "")
		return nil
	case "-fcommon", "-fno-common":
		o.Common = a == "-fcommon"
		return nil
	case "-fcanonical-system-headers", "-fno-canonical-system-headers":
		o.PP.NoCanonicalSystemHeaders = a == "-fno-canonical-system-headers"
		return nil
	case "-fgnu89-inline":
		o.GNU89Inline = 1
		return nil
	case "-fno-gnu89-inline":
		o.GNU89Inline = -1
		return nil
	}
	for _, opt := range []struct{ prefix, valid string }{
		{"-fdiagnostics-color=", "always auto never"},
		{"-fdiagnostics-format=", "json text"},
		{"-fvisibility=", "default hidden internal protected"},
	} {
		if v, ok := strings.CutPrefix(a, opt.prefix); ok {
			what := fmt.Sprintf("unrecognized argument in option '%s'", a)
			if opt.prefix == "-fvisibility=" {
				what = fmt.Sprintf("unrecognized visibility value '%s'", v)
			}
			return usageErrorf("%s\ngocc: note: valid arguments to '%s' are: %s", what, opt.prefix, opt.valid)
		}
	}
	if n, ok := strings.CutPrefix(a, "-fno-builtin-"); ok {
		o.NoBuiltin = append(o.NoBuiltin, n)
		return nil
	}
	if v, ok := strings.CutPrefix(a, "-ftrivial-auto-var-init="); ok {
		switch v {
		case "uninitialized", "zero", "pattern":
			o.TrivialAutoVarInit = v
			return nil
		}
		return usageErrorf("unrecognized argument in option '%s'", a)
	}
	if m, ok := strings.CutPrefix(a, "-ftls-model="); ok {
		switch m {
		case "global-dynamic", "local-dynamic", "initial-exec", "local-exec":
			o.TLSModel = m
			return nil
		}
		return usageErrorf("unknown TLS model '%s'", m)
	}
	name := a
	if i := strings.IndexByte(a, '='); i >= 0 {
		name = a[:i+1]
	}
	if acceptedFOptions[name] || strings.HasPrefix(a, "-fno-builtin-") {
		return nil
	}
	return usageErrorf("unrecognized command-line option '%s'", a)
}

// gnu89Inline reports whether inline functions get GNU89 semantics: -f[no-]gnu89-inline
// when given, else gcc's default for the standard (on for C90 and its GNU dialect,
// -std=c89/c90/gnu89/gnu90/iso9899:1990/iso9899:199409 and -ansi; off for C99 and later).
func (o *Options) gnu89Inline() bool {
	if o.GNU89Inline != 0 {
		return o.GNU89Inline > 0
	}
	switch o.PP.Std {
	case "c89", "c90", "gnu89", "gnu90", "iso9899:1990", "iso9899:199409":
		return true
	}
	return false
}

// inputFiles returns the file operands (not linker options).
func (o *Options) inputFiles() []Input {
	var files []Input
	for _, in := range o.Inputs {
		if in.LinkOp == nil {
			files = append(files, in)
		}
	}
	return files
}

// warningGroups are the gcc warning options that stand for several of the ones gocc
// implements (GCC manual, "Warning Options").
var warningGroups = map[string][]string{
	"unused":   {"unused-variable", "unused-but-set-variable"},
	"implicit": {"implicit-int", "implicit-function-declaration"},
}

// parseWarningOption records a -W option: -Wall, -Wname, -Wno-name, -Werror=name and
// -Wno-error=name for the warnings gocc implements (diag/warnings.go). Other -W
// options are accepted and change nothing: gocc does not give those warnings.
func (o *Options) parseWarningOption(a string) {
	name := strings.TrimPrefix(a, "-W")
	if name == "all" {
		o.Wall = true
		return
	}
	set, on := &o.WarnOpts, true
	switch {
	case strings.HasPrefix(name, "error="):
		set, name = &o.WarnErrors, strings.TrimPrefix(name, "error=")
	case strings.HasPrefix(name, "no-error="):
		set, name, on = &o.WarnErrors, strings.TrimPrefix(name, "no-error="), false
	case strings.HasPrefix(name, "no-"):
		name, on = strings.TrimPrefix(name, "no-"), false
	}
	names := warningGroups[name]
	if names == nil {
		names = []string{name}
	}
	for _, n := range names {
		if !diag.WarningOption(n) {
			continue
		}
		if *set == nil {
			*set = map[string]bool{}
		}
		(*set)[n] = on
		if set == &o.WarnErrors && on {
			if o.WarnOpts == nil {
				o.WarnOpts = map[string]bool{}
			}
			o.WarnOpts[n] = true // -Werror=name also turns name on
		}
	}
}
