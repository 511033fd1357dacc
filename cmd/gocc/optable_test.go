package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The option table of README.md ("### Command-line options") is the documentation
// of gocc's command line. These tests walk it: every form in its first column must be
// accepted by the driver (the rows for rejected options must be rejected), every row
// that claims an effect must have a check below that shows the effect, and every
// option issue 7 asks for must have a row.

type optRow struct {
	forms  []string // the backquoted forms of the first column
	effect string
}

var backquoted = regexp.MustCompile("`([^`]+)`")

// readOptionTables returns the rows of the option table and of the environment
// variable table that follows it.
func readOptionTables(t *testing.T) (opts, env []optRow) {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	start := strings.Index(text, "### Command-line options")
	if start < 0 {
		t.Fatal("README.md has no \"### Command-line options\" section")
	}
	text = text[start:]
	if end := strings.Index(text, "\n## "); end >= 0 {
		text = text[:end]
	}
	inEnv := false
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "| Variable") {
			inEnv = true
		}
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.Split(line, " | ")
		if len(cells) < 2 {
			t.Fatalf("bad table row %q", line)
		}
		row := optRow{effect: strings.TrimSuffix(strings.TrimSpace(strings.Join(cells[1:], " | ")), " |")}
		for _, m := range backquoted.FindAllStringSubmatch(cells[0], -1) {
			row.forms = append(row.forms, m[1])
		}
		if inEnv {
			env = append(env, row)
		} else {
			opts = append(opts, row)
		}
	}
	if len(opts) < 40 || len(env) < 5 {
		t.Fatalf("option table too short: %d option rows, %d variable rows", len(opts), len(env))
	}
	return opts, env
}

// rejectedForms are table entries that document gcc's rejections.
var rejectedForms = map[string]bool{"--": true, "-fwhatever": true}

func TestOptionTableForms(t *testing.T) {
	opts, _ := readOptionTables(t)
	for _, row := range opts {
		for _, form := range row.forms {
			_, err := parseArgs(strings.Fields(form))
			if rejectedForms[form] {
				if err == nil || !strings.Contains(err.Error(), "unrecognized command-line option") {
					t.Errorf("%q: want an unrecognized-option error, got %v", form, err)
				}
			} else if err != nil {
				t.Errorf("%q (README option table): %v", form, err)
			}
		}
	}
}

// TestOptionTableCoversIssue: the options issue 7 lists all have a row.
func TestOptionTableCoversIssue(t *testing.T) {
	opts, env := readOptionTables(t)
	var forms []string
	for _, row := range append(opts, env...) {
		forms = append(forms, row.forms...)
	}
	required := []string{"-oout", "-o", "-Iinc", "-I", "-Wl,", "-Wa,", "-Wp,", "-Xlinker", "-Xassembler",
		"-Xpreprocessor", "@", "-x", "-x none", "-", "--", "-pipe", "-save-temps", "-v", "-###", "--help",
		"--version", "-dumpversion", "-dumpfullversion", "-dumpmachine", "-print-file-name=",
		"-print-prog-name=", "-print-search-dirs", "-print-libgcc-file-name", "-print-multiarch",
		"-print-sysroot", "-c", "-S", "-E", "-fsyntax-only", "x.c", "x.i", "x.s", "x.S", "x.o", "x.a", "x.so",
		"-shared", "-fPIC", "-fpic", "-fPIE", "-pie", "-no-pie", "-static", "-static-pie", "-nostdlib",
		"-nostartfiles", "-nodefaultlibs", "-r", "-rdynamic", "-l", "-L", "-Wl,-rpath", "-pthread",
		"-fno-common", "-ffunction-sections", "-fdata-sections", "-fvisibility=", "-funsigned-char",
		"-fno-strict-aliasing", "-fwrapv", "-fno-builtin", "-ffreestanding", "-fno-omit-frame-pointer",
		"-march=", "-mtune=", "-std=c89", "-std=gnu89", "-std=c99", "-std=gnu99", "-std=c11", "-std=gnu11",
		"-std=c17", "-std=gnu17", "-std=c2x", "-std=gnu2x", "-pedantic", "-Werror=", "-Wno-", "--target=",
		"--sysroot=", "-fdiagnostics-color=auto", "-fdiagnostics-color=always", "-fdiagnostics-color=never",
		"-fmax-errors=", "-fdiagnostics-format=json", "CPATH", "C_INCLUDE_PATH", "LIBRARY_PATH", "TMPDIR",
		"SOURCE_DATE_EPOCH"}
	for _, r := range required {
		if !slices.ContainsFunc(forms, func(f string) bool { return f == r || strings.HasPrefix(f, r) }) {
			t.Errorf("README option table has no row for %q", r)
		}
	}
}

// optEnv is the scratch directory the behaviour checks compile in.
type optEnv struct {
	t   *testing.T
	dir string
}

func (e *optEnv) write(name, text string) string {
	p := filepath.Join(e.dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		e.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		e.t.Fatal(err)
	}
	return p
}

// run runs the driver in the scratch directory; it fails the test unless the exit
// status is want.
func (e *optEnv) run(want int, args ...string) (stdout, stderr string) {
	e.t.Helper()
	code, out, errOut := gocc(e.t, e.dir, args...)
	if code != want {
		e.t.Fatalf("gocc %s: exit %d, want %d\n%s", strings.Join(args, " "), code, want, errOut)
	}
	return out, errOut
}

func (e *optEnv) exists(names ...string) {
	e.t.Helper()
	for _, n := range names {
		if _, err := os.Stat(filepath.Join(e.dir, n)); err != nil {
			e.t.Errorf("%s not written: %v", n, err)
		}
	}
}

// contains fails unless s contains every one of subs.
func contains(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("%s: no %q in\n%s", what, sub, firstN(s, 1500))
		}
	}
}

func lacks(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			t.Errorf("%s: unexpected %q in\n%s", what, sub, firstN(s, 1500))
		}
	}
}

func firstN(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}

const optMain = "int main(void) { return VAL - VAL; }\n#ifndef VAL\n#define VAL 0\n#endif\nint val = VAL;\n"

// optChecks show the effect of each row of the table that claims one, keyed by the
// row's first form.
var optChecks = map[string]func(e *optEnv){
	"-o out": func(e *optEnv) {
		e.write("x.c", "int x;\n")
		e.run(0, "-c", "x.c", "-o", "out.o")
		e.run(0, "-c", "x.c", "-oout2.o")
		e.exists("out.o", "out2.o")
	},
	"-c": func(e *optEnv) {
		e.write("x.c", "int main(void) { return 0; }\n")
		e.run(0, "-c", "x.c")
		e.run(0, "-S", "x.c")
		e.run(0, "x.c")
		e.exists("x.o", "x.s", "a.out")
		out, _ := e.run(0, "-E", "x.c")
		contains(e.t, "-E", out, "int main(void)")
		e.run(0, "-fsyntax-only", "-o", "none.o", "x.c")
		if _, err := os.Stat(filepath.Join(e.dir, "none.o")); err == nil {
			e.t.Error("-fsyntax-only wrote an output file")
		}
	},
	"x.c": func(e *optEnv) {
		e.write("x.c", "int f(void);\nint main(void) { return f(); }\n")
		e.write("y.S", "#define RET 0\n\t.globl f\nf:\tmovl $RET, %eax\n\tret\n")
		e.run(0, "-E", "-P", "-o", "x.i", "x.c")
		e.run(0, "-c", "x.i", "-o", "xi.o")
		e.run(0, "-S", "y.S") // preprocessing assembly with -S does nothing more
		e.run(0, "-E", "-P", "-o", "y.s", "y.S")
		e.run(0, "-c", "y.s", "-o", "ys.o")
		e.run(0, "xi.o", "ys.o", "-o", "prog")
		e.exists("prog")
		for _, lib := range []string{"x.a", "x.so", "x.o"} {
			if langOfFile(lib) != LangLinker {
				e.t.Errorf("%s is not handed to ld", lib)
			}
		}
	},
	"-x c": func(e *optEnv) {
		e.write("prog.txt", "int main(void) { return 0; }\n")
		e.write("x.c", "int x;\n")
		e.run(0, "-x", "c", "-c", "prog.txt", "-o", "p.o")
		e.run(0, "-x", "c", "-c", "prog.txt", "-x", "none", "x.c")
		e.exists("p.o", "prog.o", "x.o")
	},
	"-": func(e *optEnv) {
		e.run(0, "-E", "-x", "c", "-")
		_, stderr := e.run(1, "-c", "-")
		contains(e.t, "- without -x", stderr, "-E or -x required when input is from standard input")
	},
	"--": func(e *optEnv) {
		_, stderr := e.run(1, "--")
		contains(e.t, "--", stderr, "unrecognized command-line option '--'")
	},
	"@args.rsp": func(e *optEnv) {
		e.write("x.c", optMain)
		e.write("args.rsp", "-DVAL=3 'x.c'\n@more.rsp\n")
		e.write("more.rsp", "-o \"with space.o\" -c\n")
		e.run(0, "@args.rsp")
		e.exists("with space.o")
	},
	"-I inc": func(e *optEnv) {
		e.write("inc/h.h", "#define FROM_INC 7\n")
		e.write("x.c", "#include <h.h>\nint v = FROM_INC;\n")
		for _, args := range [][]string{{"-I", "inc"}, {"-Iinc"}, {"-isystem", "inc"}, {"-idirafter", "inc"}} {
			out, _ := e.run(0, append(args, "-E", "-P", "x.c")...)
			contains(e.t, strings.Join(args, " "), out, "int v = 7;")
		}
		e.write("q.c", "#include \"h.h\"\nint v = FROM_INC;\n")
		out, _ := e.run(0, "-iquote", "inc", "-E", "-P", "q.c")
		contains(e.t, "-iquote", out, "int v = 7;")
		e.run(1, "-nostdinc", "-E", "-x", "c", "-", "-include", "stdio.h")
	},
	"-include f.h": func(e *optEnv) {
		e.write("f.h", "#define PRE 5\n")
		e.write("x.c", "int v = PRE;\n")
		out, _ := e.run(0, "-include", "f.h", "-E", "-P", "x.c")
		contains(e.t, "-include", out, "int v = 5;")
		e.write("m.h", "#define PRE 6\nint in_m;\n")
		out, _ = e.run(0, "-imacros", "m.h", "-E", "-P", "x.c")
		contains(e.t, "-imacros", out, "int v = 6;")
		lacks(e.t, "-imacros", out, "in_m")
	},
	"-D X=1": func(e *optEnv) {
		e.write("x.c", "int a = X; int b = Y;\n#ifdef Z\nint z;\n#endif\n")
		out, _ := e.run(0, "-D", "X=1", "-DY", "-DZ", "-U", "Z", "-E", "-P", "x.c")
		contains(e.t, "-D", out, "int a = 1; int b = 1;")
		lacks(e.t, "-U", out, "int z;")
	},
	"-Wp,-DX=1": func(e *optEnv) {
		e.write("x.c", "int a = X;\n")
		for _, args := range [][]string{{"-Wp,-DX=1"}, {"-Xpreprocessor", "-DX=1"}} {
			out, _ := e.run(0, append(args, "-E", "-P", "x.c")...)
			contains(e.t, args[0], out, "int a = 1;")
		}
	},
	"-Wa,--noexecstack": func(e *optEnv) {
		for _, args := range [][]string{{"-Wa,--noexecstack"}, {"-Xassembler", "--noexecstack"}} {
			_, stderr := e.run(0, append(args, "-###", "-c", "x.c")...)
			contains(e.t, args[0], stderr, `"as"`, `"--noexecstack"`)
		}
	},
	"-Wl,-rpath,/opt/lib": func(e *optEnv) {
		for _, args := range [][]string{{"-Wl,-rpath,/opt/lib"}, {"-Xlinker", "-rpath", "-Xlinker", "/opt/lib"}} {
			_, stderr := e.run(0, append(args, "-###", "x.c")...)
			contains(e.t, args[0], stderr, `"-rpath" "/opt/lib"`)
		}
		// Linker options alone still link, as gcc: Meson asks "cc -Wl,--version".
		_, stderr := e.run(0, "-###", "-Wl,--version")
		contains(e.t, "-Wl,--version alone", stderr, `"ld"`, `"--version"`)
		_, stderr = e.run(0, "-###", "-T", "link.ld", "-z", "now", "-u", "sym", "x.c")
		contains(e.t, "-T -z -u", stderr, `"-T" "link.ld"`, `"-u" "sym"`)
	},
	"-l m": func(e *optEnv) {
		_, stderr := e.run(0, "-###", "x.c", "-l", "m", "-lz", "-L", "lib", "-Llib2")
		contains(e.t, "-l -L", stderr, `"-lm"`, `"-lz"`, `"-Llib"`, `"-Llib2"`)
	},
	"-shared": func(e *optEnv) {
		e.write("x.c", "int f(void) { return 1; }\n")
		e.run(0, "-shared", "-fPIC", "-o", "libx.so", "x.c")
		e.run(0, "-shared", "-fpic", "-o", "liby.so", "x.c")
		e.exists("libx.so", "liby.so")
	},
	"-fPIE": func(e *optEnv) {
		_, stderr := e.run(0, "-###", "-fPIE", "-pie", "x.c")
		contains(e.t, "-pie", stderr, `"-pie"`, "Scrt1.o")
		_, stderr = e.run(0, "-###", "-fpie", "-no-pie", "x.c")
		lacks(e.t, "-no-pie", stderr, `"-pie"`, "Scrt1.o")
	},
	"-static": func(e *optEnv) {
		_, stderr := e.run(0, "-###", "-static", "x.c")
		contains(e.t, "-static", stderr, `"-static"`, "crt1.o", `"--start-group"`)
		_, stderr = e.run(0, "-###", "-static-pie", "x.c")
		contains(e.t, "-static-pie", stderr, `"-static" "-pie" "--no-dynamic-linker"`, "rcrt1.o")
	},
	"-nostdlib": func(e *optEnv) {
		_, stderr := e.run(0, "-###", "-nostdlib", "x.c")
		lacks(e.t, "-nostdlib", stderr, "crt1.o", "crti.o", `"-lc"`, "libgocc")
		_, stderr = e.run(0, "-###", "-nostartfiles", "x.c")
		lacks(e.t, "-nostartfiles", stderr, "crt1.o", "crti.o")
		contains(e.t, "-nostartfiles", stderr, `"-lc"`)
		_, stderr = e.run(0, "-###", "-nodefaultlibs", "x.c")
		lacks(e.t, "-nodefaultlibs", stderr, `"-lc"`, "libgocc")
		contains(e.t, "-nodefaultlibs", stderr, "crti.o")
	},
	"-r": func(e *optEnv) {
		e.write("x.c", "int f(void) { return 1; }\n")
		e.run(0, "-c", "x.c")
		e.run(0, "-r", "x.o", "-o", "part.o")
		_, stderr := e.run(0, "-###", "-r", "x.o", "-o", "part.o")
		contains(e.t, "-r", stderr, `"-r"`)
		lacks(e.t, "-r", stderr, "crt1.o", `"-lc"`)
	},
	"-fuse-ld=gold": func(e *optEnv) {
		for _, name := range []string{"gold", "bfd", "lld", "mold"} {
			_, stderr := e.run(0, "-###", "-fuse-ld="+name, "x.c")
			contains(e.t, "-fuse-ld="+name, stderr, `"ld.`+name+`"`)
		}
		if _, err := exec.LookPath("ld.gold"); err == nil {
			e.run(0, "-fuse-ld=gold", "x.c", "-DVAL=0", "-o", "gold")
			if err := exec.Command(filepath.Join(e.dir, "gold")).Run(); err != nil {
				e.t.Errorf("program linked by gold: %v", err)
			}
		}
	},
	"-B /opt/tools/": func(e *optEnv) {
		script := "#!/bin/sh\necho prefixed-as >&2\nexec as \"$@\"\n"
		if err := os.Chmod(e.write("tools/as", script), 0o755); err != nil {
			e.t.Fatal(err)
		}
		_, stderr := e.run(0, "-Btools", "-DVAL=0", "-c", "x.c")
		contains(e.t, "-B", stderr, "prefixed-as")
		_, stderr = e.run(0, "-###", "-B", "tools", "x.c")
		contains(e.t, "-B -###", stderr, `"tools/as"`, `"-Ltools"`, ` "ld" `)
	},
	"-rdynamic": func(e *optEnv) {
		_, stderr := e.run(0, "-###", "-rdynamic", "x.c")
		contains(e.t, "-rdynamic", stderr, `"-export-dynamic"`)
	},
	"-pthread": func(e *optEnv) {
		_, stderr := e.run(0, "-###", "-pthread", "x.c")
		contains(e.t, "-pthread", stderr, `"-lpthread"`)
		e.write("r.c", "int r = _REENTRANT;\n")
		out, _ := e.run(0, "-pthread", "-E", "-P", "r.c")
		contains(e.t, "-pthread", out, "int r = 1;")
	},
	"-fno-common": func(e *optEnv) {
		e.write("c1.c", "int x;\nint get(void);\nint main(void) { x = 3; return get() - 3; }\n")
		e.write("c2.c", "int x;\nint get(void) { return x; }\n")
		_, stderr := e.run(1, "-fno-common", "c1.c", "c2.c", "-o", "nocommon")
		contains(e.t, "-fno-common", stderr, "multiple definition of `x'")
		e.run(0, "-fcommon", "c1.c", "c2.c", "-o", "common")
		if err := exec.Command(filepath.Join(e.dir, "common")).Run(); err != nil {
			e.t.Errorf("-fcommon program: %v", err)
		}
		out, _ := e.run(0, "-fcommon", "-S", "-o", "-", "c2.c")
		contains(e.t, "-fcommon", out, ".comm x,4,4")
	},
	"-ffunction-sections": func(e *optEnv) {
		e.write("x.c", "int d = 1; int f(void) { return d; }\n")
		out, _ := e.run(0, "-ffunction-sections", "-fdata-sections", "-S", "-o", "-", "x.c")
		contains(e.t, "-ffunction-sections", out, ".text.f", ".data.d")
	},
	"-fvisibility=hidden": func(e *optEnv) {
		e.write("x.c", "int d = 1; static int s; int f(void) { return d + s; }\n__attribute__((visibility(\"default\"))) int g(void) { return 0; }\n")
		out, _ := e.run(0, "-fvisibility=hidden", "-S", "-o", "-", "x.c")
		contains(e.t, "-fvisibility=hidden", out, ".hidden f", ".hidden d")
		lacks(e.t, "-fvisibility=hidden", out, ".hidden g", ".hidden s")
	},
	"-funsigned-char": func(e *optEnv) {
		e.write("x.c", "int u = (char)-1 < 0;\n")
		out, _ := e.run(0, "-funsigned-char", "-dM", "-E", "x.c")
		contains(e.t, "-funsigned-char", out, "#define __CHAR_UNSIGNED__ 1")
		out, _ = e.run(0, "-fsigned-char", "-dM", "-E", "x.c")
		lacks(e.t, "-fsigned-char", out, "__CHAR_UNSIGNED__")
	},
	"-fshort-enums": func(e *optEnv) {
		e.write("x.c", "enum e { A, B = 200 };\nint size = sizeof(enum e);\n")
		out, _ := e.run(0, "-fshort-enums", "-S", "-o", "-", "x.c")
		contains(e.t, "-fshort-enums", out, ".byte 1,0,0,0")
		out, _ = e.run(0, "-fno-short-enums", "-S", "-o", "-", "x.c")
		contains(e.t, "-fno-short-enums", out, ".byte 4,0,0,0")
	},
	"-fno-builtin": func(e *optEnv) {
		e.write("x.c", "int abs(int);\nint f(int x) { return abs(x); }\n")
		out, _ := e.run(0, "-O2", "-S", "-o", "-", "x.c")
		lacks(e.t, "builtin abs", out, "call")
		for _, flag := range []string{"-fno-builtin", "-fno-builtin-abs"} {
			out, _ = e.run(0, flag, "-O2", "-S", "-o", "-", "x.c")
			contains(e.t, flag, out, "abs")
		}
	},
	"-ffreestanding": func(e *optEnv) {
		out, _ := e.run(0, "-ffreestanding", "-dM", "-E", "x.c")
		contains(e.t, "-ffreestanding", out, "#define __STDC_HOSTED__ 0")
	},
	"-fno-omit-frame-pointer": func(e *optEnv) {
		e.write("x.c", "int g(int);\nint f(int x) { return g(x) + 1; }\n")
		for _, flag := range []string{"-fno-omit-frame-pointer", "-fomit-frame-pointer"} {
			out, _ := e.run(0, "-O2", flag, "-S", "-o", "-", "x.c")
			contains(e.t, flag, out, "movq %rsp, %rbp")
		}
	},
	"-mno-red-zone": func(e *optEnv) {
		e.run(0, "-mno-red-zone", "-mcmodel=kernel", "-fno-pie", "-DVAL=0", "-c", "x.c")
		out, _ := e.run(0, "-mno-sse", "-dM", "-E", "x.c")
		lacks(e.t, "-mno-sse", out, "#define __SSE__ ")
		e.run(0, "-mno-sse", "-mfentry", "-DVAL=0", "-fsyntax-only", "x.c")
		for _, opt := range []string{"-mno-sse", "-mfentry"} {
			_, stderr := e.run(1, opt, "-DVAL=0", "-c", "x.c")
			contains(e.t, opt, stderr, "sorry, unimplemented: code generation with "+opt)
		}
	},
	"-m32": func(e *optEnv) {
		out, _ := e.run(0, "-m32", "-print-multiarch")
		contains(e.t, "-m32", out, "i386-linux-gnu")
		// As gcc: -dumpmachine names the configured target, not -m32's; the last of
		// -m32 and -m64 wins.
		if out, _ = e.run(0, "-m32", "-dumpmachine"); out != "x86_64-linux-gnu\n" {
			e.t.Errorf("-m32 -dumpmachine: %q", out)
		}
		if out, _ = e.run(0, "-m32", "-m64", "-print-multiarch"); out != "x86_64-linux-gnu\n" {
			e.t.Errorf("-m32 -m64 -print-multiarch: %q", out)
		}
		out, _ = e.run(0, "--target=aarch64-linux-gnu", "-dumpmachine")
		contains(e.t, "--target", out, "aarch64-linux-gnu")
		if got := targetFromProgName("/usr/bin/riscv64-linux-gnu-gocc"); !slices.Equal(got, []string{"--target=riscv64-linux-gnu"}) {
			e.t.Errorf("cross program name: %q", got)
		}
	},
	"-std=c89": func(e *optEnv) {
		for std, want := range map[string]string{"c89": "", "gnu89": "", "c99": "199901L", "gnu99": "199901L",
			"c11": "201112L", "gnu11": "201112L", "c17": "201710L", "gnu17": "201710L", "c2x": "202000L", "gnu2x": "202000L"} {
			out, _ := e.run(0, "-std="+std, "-dM", "-E", "x.c")
			if want == "" {
				lacks(e.t, std, out, "__STDC_VERSION__")
			} else {
				contains(e.t, std, out, "#define __STDC_VERSION__ "+want)
			}
			if strict := !strings.HasPrefix(std, "gnu"); strict != strings.Contains(out, "__STRICT_ANSI__") {
				e.t.Errorf("-std=%s: __STRICT_ANSI__ defined is %v", std, !strict)
			}
		}
		// As gcc 12: c23 is not yet a name; a C++ standard is ignored with a warning.
		_, stderr := e.run(1, "-std=c23", "-fsyntax-only", "x.c")
		contains(e.t, "-std=c23", stderr, "gocc: error: unrecognized command-line option '-std=c23'")
		_, stderr = e.run(0, "-std=c++17", "-DVAL=1", "-fsyntax-only", "x.c")
		contains(e.t, "-std=c++17", stderr, "gocc: warning: command-line option '-std=c++17' is valid for C++/ObjC++ but not for C")
	},
	"-ansi": func(e *optEnv) {
		out, _ := e.run(0, "-ansi", "-dM", "-E", "x.c")
		contains(e.t, "-ansi", out, "__STRICT_ANSI__")
		lacks(e.t, "-ansi", out, "__STDC_VERSION__")
	},
	"-trigraphs": func(e *optEnv) {
		e.write("t.c", "int a??(2??) = ??< 1, 2 ??>;\n")
		for _, args := range [][]string{{"-trigraphs"}, {"-std=c11"}} {
			out, _ := e.run(0, append(args, "-E", "-P", "t.c")...)
			contains(e.t, args[0], out, "int a[2] = { 1, 2 };")
		}
		out, _ := e.run(0, "-E", "-P", "t.c")
		contains(e.t, "no trigraphs in gnu17", out, "??(")
	},
	"-O0": func(e *optEnv) {
		out, _ := e.run(0, "-O0", "-dM", "-E", "x.c")
		lacks(e.t, "-O0", out, "__OPTIMIZE__")
		for _, o := range []string{"-O1", "-O2", "-O3", "-Os", "-Og", "-Ofast"} {
			out, _ = e.run(0, o, "-dM", "-E", "x.c")
			contains(e.t, o, out, "#define __OPTIMIZE__ 1")
		}
	},
	"-g": func(e *optEnv) {
		e.write("x.c", "int main(void) {\n\tint x = 1;\n\treturn x - 1;\n}\n")
		out, _ := e.run(0, "-g", "-S", "-o", "-", "x.c")
		contains(e.t, "-g", out, ".loc")
	},
	"-w": func(e *optEnv) {
		e.write("warn.c", "int f(void) { int *p = 1; return 0; }\n")
		_, stderr := e.run(0, "-c", "warn.c")
		contains(e.t, "warning", stderr, "warning:")
		_, stderr = e.run(0, "-w", "-c", "warn.c")
		lacks(e.t, "-w", stderr, "warning:")
		e.run(1, "-Werror", "-c", "warn.c")
		e.write("errs.c", "int a = x; int b = y;\n")
		_, stderr = e.run(1, "-Wfatal-errors", "-c", "errs.c")
		if n := strings.Count(stderr, "error:"); n != 1 {
			e.t.Errorf("-Wfatal-errors: %d errors reported", n)
		}
		contains(e.t, "-Wfatal-errors", stderr, "compilation terminated due to -Wfatal-errors.")
	},
	"-Wall": func(e *optEnv) {
		e.write("u.c", "int f(int x) { int u; if (x) return 1; }\n")
		_, stderr := e.run(0, "-c", "u.c")
		lacks(e.t, "no -Wall", stderr, "warning:")
		_, stderr = e.run(0, "-Wall", "-c", "u.c")
		contains(e.t, "-Wall", stderr, "u.c: In function 'f':", "unused variable 'u' [-Wunused-variable]",
			"control reaches end of non-void function [-Wreturn-type]")
		_, stderr = e.run(0, "-Wall", "-Wno-unused", "-c", "u.c")
		lacks(e.t, "-Wno-unused", stderr, "unused variable")
		_, stderr = e.run(1, "-Wall", "-Werror=return-type", "-c", "u.c")
		contains(e.t, "-Werror=return-type", stderr, "error: control reaches end of non-void function [-Werror=return-type]",
			"warning: unused variable 'u' [-Wunused-variable]", "cc1: some warnings being treated as errors")
		e.run(0, "-Wall", "-Werror=return-type", "-Wno-error=return-type", "-c", "u.c")
		e.run(0, "-Wreturn-type", "-Wextra", "-c", "u.c")
	},
	"-fmax-errors=5": func(e *optEnv) {
		e.write("errs.c", strings.Repeat("int v = undeclared;\n", 8))
		_, stderr := e.run(1, "-fmax-errors=5", "-c", "errs.c")
		if n := strings.Count(stderr, "error:"); n != 5 {
			e.t.Errorf("-fmax-errors=5: %d errors reported", n)
		}
		contains(e.t, "-fmax-errors=5", stderr, "compilation terminated due to -fmax-errors=5.")
	},
	"-fdiagnostics-color=always": func(e *optEnv) {
		e.write("err.c", "int a = x;\n")
		_, stderr := e.run(1, "-fdiagnostics-color=always", "-c", "err.c")
		contains(e.t, "color=always", stderr, "\x1b[01;31m\x1b[Kerror: ", "'\x1b[01m\x1b[Kx\x1b[m\x1b[K' undeclared")
		e.write("w.c", "int g(void) { int *p = 1; return 0; }\n")
		_, stderr = e.run(0, "-fdiagnostics-color=always", "-c", "w.c")
		contains(e.t, "color=always warning", stderr, "\x1b[01m\x1b[Kw.c:\x1b[m\x1b[K In function '\x1b[01m\x1b[Kg\x1b[m\x1b[K':\n",
			" [\x1b[01;35m\x1b[K-Wint-conversion\x1b[m\x1b[K]\n")
		_, stderr = e.run(1, "-fdiagnostics-color=bogus", "-c", "err.c")
		contains(e.t, "color=bogus", stderr, "gocc: error: unrecognized argument in option '-fdiagnostics-color=bogus'\n",
			"gocc: note: valid arguments to '-fdiagnostics-color=' are: always auto never\n")
		for _, c := range []string{"-fdiagnostics-color=never", "-fdiagnostics-color=auto"} {
			_, stderr = e.run(1, c, "-c", "err.c") // stderr is not a terminal here
			lacks(e.t, c, stderr, "\x1b[")
		}
	},
	"-fdiagnostics-format=json": func(e *optEnv) {
		e.write("err.c", "int f(void) { return x; }\n")
		_, stderr := e.run(1, "-fdiagnostics-format=json", "-c", "err.c")
		var diags []struct {
			Kind      string `json:"kind"`
			Message   string `json:"message"`
			Locations []struct {
				Caret struct {
					File   string `json:"file"`
					Line   int    `json:"line"`
					Column int    `json:"column"`
				} `json:"caret"`
			} `json:"locations"`
		}
		if err := json.Unmarshal([]byte(stderr), &diags); err != nil {
			e.t.Fatalf("not JSON: %v\n%s", err, stderr)
		}
		if len(diags) != 1 || diags[0].Kind != "error" || len(diags[0].Locations) != 1 ||
			diags[0].Locations[0].Caret.Line != 1 || diags[0].Locations[0].Caret.Column != 22 {
			e.t.Errorf("JSON diagnostics: %+v", diags)
		}
		// A warning names its option and the option's entry in gcc's manual.
		e.write("warn.c", "int g(void) { int *p = 1; return 0; }\n")
		_, stderr = e.run(1, "-Werror=int-conversion", "-fdiagnostics-format=json", "-c", "warn.c")
		contains(e.t, "JSON option", stderr, `"option": "-Werror=int-conversion"`,
			`"option_url": "https://gcc.gnu.org/onlinedocs/gcc/Warning-Options.html#index-Wint-conversion"`)
	},
	"-fno-canonical-system-headers": func(e *optEnv) {
		e.write("inc/sub/a.h", "#include <../sub2/h.h>\n")
		e.write("inc/sub2/h.h", "\n")
		e.write("m.c", "#include <a.h>\n")
		// gcc keeps the real path when it is the shorter name.
		long := strings.Repeat("long-directory-name-", 12)
		os.MkdirAll(filepath.Join(e.dir, long), 0o755)
		dir := long + "/../inc/sub"
		out, _ := e.run(0, "-M", "-isystem", dir, "m.c")
		contains(e.t, "canonical", out, filepath.Join(e.dir, "inc/sub2/h.h"))
		out, _ = e.run(0, "-M", "-fno-canonical-system-headers", "-isystem", dir, "m.c")
		contains(e.t, "-fno-canonical-system-headers", out, dir+"/a.h", dir+"/../sub2/h.h")
	},
	"-M": func(e *optEnv) {
		e.write("x.c", "#include \"h.h\"\n")
		e.write("h.h", "\n")
		out, _ := e.run(0, "-M", "x.c")
		contains(e.t, "-M", out, "x.o: x.c", " h.h")
		e.run(0, "-c", "-MD", "-MP", "-MF", "deps.d", "x.c")
		data, _ := os.ReadFile(filepath.Join(e.dir, "deps.d"))
		contains(e.t, "-MD -MP -MF", string(data), "x.o: x.c", " h.h", "\nh.h:")
	},
	"-P": func(e *optEnv) {
		e.write("x.c", "#define M 1\nint v = M;\n")
		out, _ := e.run(0, "-E", "x.c")
		contains(e.t, "-E", out, "# 1 \"x.c\"")
		out, _ = e.run(0, "-E", "-P", "x.c")
		lacks(e.t, "-P", out, "# 1")
		out, _ = e.run(0, "-E", "-dM", "x.c")
		contains(e.t, "-dM", out, "#define M 1")
		out, _ = e.run(0, "-E", "-dD", "x.c")
		contains(e.t, "-dD", out, "#define M 1\nint v = 1;")
		e.write("c.c", "#define C 2 /* two */\nint w = C; /* w */\n")
		out, _ = e.run(0, "-E", "-C", "c.c")
		contains(e.t, "-C", out, "int w = 2; /* w */")
		out, _ = e.run(0, "-E", "-CC", "c.c")
		contains(e.t, "-CC", out, "int w = 2 /* two */; /* w */")
	},
	"-save-temps": func(e *optEnv) {
		e.write("st.c", "int main(void) { return 0; }\n")
		e.run(0, "-save-temps", "-c", "st.c")
		e.exists("st.i", "st.s", "st.o")
		e.run(0, "-save-temps", "st.c", "-o", "prog")
		e.exists("prog-st.i", "prog-st.s", "prog-st.o", "prog")
		os.MkdirAll(filepath.Join(e.dir, "sub"), 0o755)
		e.run(0, "-save-temps=obj", "-c", "st.c", "-o", "sub/st2.o")
		e.exists("sub/st2.i", "sub/st2.s", "sub/st2.o")
		e.run(0, "-save-temps=cwd", "-S", "st.c", "-o", "sub/st3.s")
		e.exists("st3.i", "sub/st3.s")
	},
	"-v": func(e *optEnv) {
		e.write("x.c", "int main(void) { return 0; }\n")
		_, stderr := e.run(0, "-v", "x.c")
		contains(e.t, "-v", stderr, "gocc version 12.2.0 (gocc", "\nTarget: x86_64-linux-gnu\n", " as ", " ld ",
			"#include <...> search starts here:\n <gocc>/include\n", "\nEnd of search list.\n")
		_, stderr = e.run(0, "-###", "x.c")
		for _, cmd := range commandLines(stderr) {
			if p := filepath.Base(cmd[0]); p == "gcc" || p == "cc" || strings.HasSuffix(p, "-gcc") {
				e.t.Errorf("-### runs %s", cmd[0])
			}
		}
		contains(e.t, "-###", stderr, `"as"`, `"ld"`)
		// A PATH with as and ld but no gcc or cc: compile, link (runtime included) and run.
		bin := filepath.Join(e.dir, "bin")
		os.MkdirAll(bin, 0o755)
		for _, tool := range []string{"as", "ld"} {
			p, err := exec.LookPath(tool)
			if err != nil {
				e.t.Skip("no", tool)
			}
			os.Symlink(p, filepath.Join(bin, tool))
		}
		e.t.Setenv("PATH", bin)
		e.run(0, "x.c", "-o", "nogcc")
		if err := exec.Command(filepath.Join(e.dir, "nogcc")).Run(); err != nil {
			e.t.Errorf("program linked without gcc on PATH: %v", err)
		}
		// Not even gcc's library directory, unless a -l library lives only there.
		lacks(e.t, "-###", stderr, "gcc", `"cc"`)
		if _, err := os.Stat("/usr/lib/gcc/x86_64-linux-gnu/12/libatomic.so"); err == nil {
			_, stderr = e.run(0, "-###", "x.c", "-latomic")
			contains(e.t, "-### -latomic", stderr, `"-L/usr/lib/gcc/x86_64-linux-gnu/12"`)
		}
	},
	"--help": func(e *optEnv) {
		out, _ := e.run(0, "--help")
		contains(e.t, "--help", out, "Usage: gocc")
		out, _ = e.run(0, "--version")
		// Meson's test for a GCC-like compiler (autoconf and CMake test __GNUC__).
		contains(e.t, "--version", out, "gocc (gocc) 12.2.0\n", "Free Software Foundation")
	},
	"-dumpversion": func(e *optEnv) {
		for opt, want := range map[string]string{"-dumpversion": "12\n", "-dumpfullversion": "12.2.0\n", "-dumpmachine": "x86_64-linux-gnu\n"} {
			if out, _ := e.run(0, opt); out != want {
				e.t.Errorf("%s: %q, want %q", opt, out, want)
			}
		}
	},
	"-print-file-name=libc.so": func(e *optEnv) {
		out, _ := e.run(0, "-print-file-name=libc.so")
		if p := strings.TrimSpace(out); !filepath.IsAbs(p) || filepath.Base(p) != "libc.so" {
			e.t.Errorf("-print-file-name=libc.so: %q", out)
		}
		if out, _ := e.run(0, "-print-prog-name=as"); out != "as\n" {
			e.t.Errorf("-print-prog-name=as: %q", out)
		}
	},
	"-print-search-dirs": func(e *optEnv) {
		out, _ := e.run(0, "-print-search-dirs")
		contains(e.t, "-print-search-dirs", out, "install: ", "\nprograms: =", "\nlibraries: =", "/usr/lib/x86_64-linux-gnu/")
		out, _ = e.run(0, "-print-libgcc-file-name")
		if _, err := os.Stat(strings.TrimSpace(out)); err != nil {
			e.t.Errorf("-print-libgcc-file-name: %q: %v", out, err)
		}
		if out, _ = e.run(0, "-print-multiarch"); out != "x86_64-linux-gnu\n" {
			e.t.Errorf("-print-multiarch: %q", out)
		}
		if out, _ = e.run(0, "-print-sysroot"); out != "\n" {
			e.t.Errorf("-print-sysroot: %q", out)
		}
	},
	"-print-multi-os-directory": func(e *optEnv) {
		for args, want := range map[string]string{"-print-multi-os-directory": "../lib\n", "-m32 -print-multi-os-directory": "../lib32\n",
			"-print-multi-directory": ".\n", "-m32 -print-multi-directory": "32\n", "-print-multi-lib": ".;\n32;@m32\n",
			"--print-multi-lib": ".;\n32;@m32\n", "--print-prog-name as": "as\n", "--print-prog-name=as": "as\n",
			"--target=aarch64-linux-gnu -print-multi-lib": ".;\n"} {
			if out, _ := e.run(0, strings.Fields(args)...); out != want {
				e.t.Errorf("%s: %q, want %q", args, out, want)
			}
		}
		if out, _ := e.run(0, "--print-file-name", "libc.so"); filepath.Base(strings.TrimSpace(out)) != "libc.so" {
			e.t.Errorf("--print-file-name libc.so: %q", out)
		}
		_, stderr := e.run(1, "--print-nonsense")
		contains(e.t, "--print-nonsense", stderr, "unrecognized command-line option '--print-nonsense'")
	},
	"--sysroot=/srv/root": func(e *optEnv) {
		if out, _ := e.run(0, "--sysroot=/srv/root", "-print-sysroot"); out != "/srv/root\n" {
			e.t.Errorf("--sysroot= -print-sysroot: %q", out)
		}
		e.write("sys/usr/include/only-in-sysroot.h", "#define IN_SYSROOT 1\n")
		e.write("x.c", "#include <only-in-sysroot.h>\nint v = IN_SYSROOT;\n")
		out, _ := e.run(0, "--sysroot", filepath.Join(e.dir, "sys"), "-E", "-P", "x.c")
		contains(e.t, "--sysroot", out, "int v = 1;")
		_, stderr := e.run(0, "-###", "--sysroot=/srv/root", "x.c")
		contains(e.t, "--sysroot", stderr, `"--sysroot=/srv/root"`, "/srv/root/usr/lib")
	},
	"-fwhatever": func(e *optEnv) {
		_, stderr := e.run(1, "-fwhatever", "-c", "x.c")
		contains(e.t, "-fwhatever", stderr, "gocc: error: unrecognized command-line option '-fwhatever'")
	},
}

// envChecks show the effect of each environment variable row.
var envChecks = map[string]func(e *optEnv){
	"CPATH":          includeFromEnv("CPATH"),
	"C_INCLUDE_PATH": includeFromEnv("C_INCLUDE_PATH"),
	"LIBRARY_PATH": func(e *optEnv) {
		e.t.Setenv("LIBRARY_PATH", "/env/libs")
		_, stderr := e.run(0, "-###", "-L", "cmdline", "x.c")
		contains(e.t, "LIBRARY_PATH", stderr, `"-Lcmdline" "-L/env/libs"`)
	},
	"TMPDIR": func(e *optEnv) {
		tmp := filepath.Join(e.dir, "tmp")
		os.MkdirAll(tmp, 0o755)
		e.t.Setenv("TMPDIR", tmp)
		_, stderr := e.run(0, "-###", "x.c")
		contains(e.t, "TMPDIR", stderr, tmp+"/gocc-")
	},
	"SOURCE_DATE_EPOCH": func(e *optEnv) {
		e.t.Setenv("SOURCE_DATE_EPOCH", "0")
		e.write("d.c", "const char *d = __DATE__, *t = __TIME__;\n")
		out, _ := e.run(0, "-E", "-P", "d.c")
		contains(e.t, "SOURCE_DATE_EPOCH", out, `"Jan  1 1970"`, `"00:00:00"`)
	},
}

// includeFromEnv checks that a header is found in the directory the variable names.
func includeFromEnv(variable string) func(*optEnv) {
	return func(e *optEnv) {
		e.write("envinc/e.h", "#define FROM_ENV 9\n")
		e.write("x.c", "#include <e.h>\nint v = FROM_ENV;\n")
		e.t.Setenv(variable, filepath.Join(e.dir, "envinc"))
		out, _ := e.run(0, "-E", "-P", "x.c")
		contains(e.t, variable, out, "int v = 9;")
	}
}

// TestOptionTableBehaviour runs the check of every row that claims an effect; a row
// that says only "Accepted" needs none (TestOptionTableForms accepts its forms).
func TestOptionTableBehaviour(t *testing.T) {
	opts, env := readOptionTables(t)
	walk := func(rows []optRow, checks map[string]func(*optEnv)) {
		for _, row := range rows {
			key := row.forms[0]
			check := checks[key]
			if check == nil {
				if !strings.HasPrefix(row.effect, "Accepted") {
					t.Errorf("README option row %q claims an effect (%q) but optable_test.go has no check for it", key, row.effect)
				}
				continue
			}
			t.Run(strings.NewReplacer("/", "_", " ", "_").Replace(key), func(t *testing.T) {
				e := &optEnv{t: t, dir: t.TempDir()}
				e.write("x.c", optMain)
				check(e)
			})
		}
	}
	walk(opts, optChecks)
	walk(env, envChecks)
}
