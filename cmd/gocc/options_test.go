package main

import (
	"reflect"
	"testing"

	"gocc/preproc"
)

func TestParseArgsForms(t *testing.T) {
	o, err := parseArgs([]string{"-ofile", "-Iinc", "-I", "inc2", "-DX=1", "-D", "Y", "-UZ",
		"-L", "/l", "-L/l2", "-lm", "a.c", "-l", "z", "b.s", "c.o", "-Wl,--gc-sections,-z,now",
		"-Xlinker", "-Map=m", "-O2", "-g", "-w", "-Wall", "-Werror", "-std=c11", "-fPIC",
		"-fno-strict-aliasing", "-march=native", "-pthread", "-isystem", "sys", "-iquote", "q",
		"-idirafter", "after", "-include", "pre.h", "-nostdinc", "-d=opt/dce/off,opt/verify"})
	if err != nil {
		t.Fatal(err)
	}
	if o.Output != "file" || o.OptLevel != 2 || !o.Debug || !o.NoWarn || !o.WarnError || o.PP.Std != "c11" {
		t.Errorf("scalar options wrong: %+v", o)
	}
	if o.PIC != 2 || o.PIE != 0 || !o.Pthread || !o.PP.NoStdInc || !o.DisabledPasses["dce"] || !o.VerifyIR {
		t.Errorf("flags wrong: %+v", o)
	}
	if want := []string{"inc", "inc2"}; !reflect.DeepEqual(o.PP.IncludeDirs, want) {
		t.Errorf("IncludeDirs = %v, want %v", o.PP.IncludeDirs, want)
	}
	wantMacros := []preproc.MacroOp{{Name: "X", Value: "1"}, {Name: "Y", Value: "1"}, {Name: "Z", Undef: true}}
	if !reflect.DeepEqual(o.PP.Macros, wantMacros) {
		t.Errorf("Macros = %+v", o.PP.Macros)
	}
	if !reflect.DeepEqual(o.LibDirs, []string{"/l", "/l2"}) || !reflect.DeepEqual(o.PP.SystemDirs, []string{"sys"}) ||
		!reflect.DeepEqual(o.PP.QuoteDirs, []string{"q"}) || !reflect.DeepEqual(o.PP.AfterDirs, []string{"after"}) ||
		!reflect.DeepEqual(o.PP.Includes, []string{"pre.h"}) {
		t.Errorf("dirs wrong: %+v", o)
	}
	// Inputs and linker options keep their command-line order.
	want := []Input{{LinkOp: []string{"-lm"}}, {Path: "a.c", Lang: LangC}, {LinkOp: []string{"-lz"}},
		{Path: "b.s", Lang: LangAsm}, {Path: "c.o", Lang: LangLinker},
		{LinkOp: []string{"--gc-sections", "-z", "now"}}, {LinkOp: []string{"-Map=m"}}}
	if !reflect.DeepEqual(o.Inputs, want) {
		t.Errorf("Inputs = %+v\nwant %+v", o.Inputs, want)
	}
}

func TestParseArgsModesAndLanguages(t *testing.T) {
	o, err := parseArgs([]string{"-x", "c", "foo.txt", "-x", "assembler-with-cpp", "bar", "-x", "none", "baz.S", "-", "-c"})
	if err != nil {
		t.Fatal(err)
	}
	langs := []Lang{LangC, LangAsmCPP, LangAsmCPP, LangLinker}
	for i, in := range o.Inputs {
		if in.Lang != langs[i] {
			t.Errorf("input %s: lang %d, want %d", in.Path, in.Lang, langs[i])
		}
	}
	if o.Mode != ModeObject {
		t.Errorf("mode = %d", o.Mode)
	}
	for flag, mode := range map[string]Mode{"-S": ModeAssembly, "-E": ModePreprocess, "-fsyntax-only": ModeSyntax} {
		o, _ := parseArgs([]string{flag, "x.c"})
		if o.Mode != mode {
			t.Errorf("%s: mode %d, want %d", flag, o.Mode, mode)
		}
	}
	for flag, level := range map[string]int{"-O0": 0, "-O": 1, "-O1": 1, "-O2": 2, "-O3": 3, "-Os": 2, "-Og": 1, "-Ofast": 3} {
		o, err := parseArgs([]string{flag})
		if err != nil || o.OptLevel != level {
			t.Errorf("%s: level %d (%v), want %d", flag, o.OptLevel, err, level)
		}
	}
}

func TestParseArgsAccepted(t *testing.T) {
	accepted := []string{"-fPIC", "-fpic", "-fPIE", "-fpie", "-fno-pic", "-fno-PIE", "-no-pie", "-pie",
		"-static", "-shared", "-nostdlib", "-nostartfiles", "-nodefaultlibs", "-m64", "-mtune=generic",
		"-march=x86-64", "-v", "-###", "-g3", "-gdwarf-4", "-Wextra", "-Wno-unused", "-Werror=format",
		"-fno-common", "-fstack-protector-strong", "-fdiagnostics-color=always", "-fvisibility=hidden",
		"-fno-builtin-memcmp", "-ffunction-sections", "-fmax-errors=3", "-Wa,--noexecstack",
		"-MD", "-MMD", "-MP", "-MF", "x.d", "-MT", "x.o", "-Wp,-MD,x.d", "-pipe", "-ansi", "-pedantic",
		"-print-file-name=libc.so", "-print-prog-name=as", "-dumpmachine", "-dumpversion", "--version",
		"--target=x86_64-linux-gnu", "-P", "-dM", "-rdynamic", "-s",
		"-mno-mmx", "-mno-stv", "-mpc64", "-mpc80", "-finstrument-functions", "-fno-dce", "-foptimize-strlen", "-fno-early-inlining"}
	for _, a := range accepted {
		args := []string{a}
		if a == "-MF" || a == "-MT" {
			args = append(args, "x")
		}
		if _, err := parseArgs(args); err != nil {
			t.Errorf("%s rejected: %v", a, err)
		}
	}
}

func TestParseArgsRejected(t *testing.T) {
	for arg, msg := range map[string]string{
		"-fwhatever":     "unrecognized command-line option '-fwhatever'",
		"-mno-red-zonex": "unrecognized command-line option '-mno-red-zonex'",
		"--frobnicate":   "unrecognized command-line option '--frobnicate'",
		"-d=ssa/x":       "unrecognized debug option '-d=ssa/x' (want -d=opt/<pass>/off or -d=opt/verify)",
		"-Ox":            "argument to '-O' should be a non-negative integer, 'g', 's', 'z' or 'fast'",
		"-o":             "missing argument to '-o'",
	} {
		_, err := parseArgs([]string{arg})
		if err == nil || err.Error() != msg {
			t.Errorf("%s: error %v, want %q", arg, err, msg)
		}
	}
}

func TestOutputName(t *testing.T) {
	for in, want := range map[string]string{"dir/x.c": "x.o", "y.S": "y.o", "-": "-.o", "noext": "noext.o"} {
		if got := outputName(in, ".o"); got != want {
			t.Errorf("outputName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGNU89Inline(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"-fgnu89-inline"}, true},
		{[]string{"-std=gnu89"}, true},
		{[]string{"-std=c90"}, true},
		{[]string{"-std=iso9899:1990"}, true},
		{[]string{"-ansi"}, true},
		{[]string{"-std=gnu89", "-fno-gnu89-inline"}, false},
		{[]string{"-std=c99"}, false},
		{[]string{"-std=c11", "-fgnu89-inline"}, true},
	} {
		o, err := parseArgs(c.args)
		if err != nil {
			t.Fatalf("%v: %v", c.args, err)
		}
		if got := o.gnu89Inline(); got != c.want {
			t.Errorf("%v: gnu89Inline() = %v, want %v", c.args, got, c.want)
		}
	}
}

func TestNoBuiltin(t *testing.T) {
	for _, c := range []struct {
		args []string
		want []string
	}{
		{nil, nil},
		{[]string{"-fno-builtin"}, []string{""}},
		{[]string{"-ffreestanding"}, []string{""}},
		{[]string{"-fno-builtin-abs", "-fno-builtin-memcpy"}, []string{"abs", "memcpy"}},
	} {
		o, err := parseArgs(c.args)
		if err != nil {
			t.Fatalf("%v: %v", c.args, err)
		}
		if !reflect.DeepEqual(o.NoBuiltin, c.want) {
			t.Errorf("%v: NoBuiltin = %q, want %q", c.args, o.NoBuiltin, c.want)
		}
	}
}
