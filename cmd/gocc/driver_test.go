package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gocc runs the driver in-process and returns its exit status, stdout and stderr.
func gocc(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	wd, _ := os.Getwd()
	if dir != "" {
		if err := os.Chdir(dir); err != nil {
			t.Fatal(err)
		}
		defer os.Chdir(wd)
	}
	temps := &tempFiles{}
	cache := filepath.Join(t.TempDir(), "cache")
	getenv := func(k string) string {
		switch k {
		case "GOCCCACHE":
			return cache
		case "LC_ALL":
			// ASCII quotes unless a test sets LC_ALL itself.
			if v := os.Getenv("GOCC_TEST_LC_ALL"); v != "" {
				return v
			}
			return "C"
		}
		return os.Getenv(k)
	}
	code := run(args, strings.NewReader(""), &stdout, &stderr, getenv, temps)
	temps.removeAll()
	return code, stdout.String(), stderr.String()
}

// commandLines returns the -### lines of stderr, each split into its quoted words.
func commandLines(stderr string) [][]string {
	var cmds [][]string
	for _, line := range strings.Split(stderr, "\n") {
		if !strings.HasPrefix(line, " \"") {
			continue
		}
		var words []string
		for _, w := range strings.Split(strings.TrimSpace(line), "\" \"") {
			words = append(words, strings.Trim(w, "\""))
		}
		cmds = append(cmds, words)
	}
	return cmds
}

func indexOf(words []string, w string) int {
	for i, x := range words {
		if x == w || strings.HasSuffix(x, "/"+w) {
			return i
		}
	}
	return -1
}

func TestLinkCommandLine(t *testing.T) {
	code, _, stderr := gocc(t, "", "-###", "x.s", "-o", "prog", "-L/opt/lib", "-lfoo", "y.o", "-Wl,--gc-sections", "-pthread")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	cmds := commandLines(stderr)
	if len(cmds) != 2 || cmds[0][0] != "as" || cmds[1][0] != "ld" {
		t.Fatalf("want as then ld, got %q", cmds)
	}
	as, ld := cmds[0], cmds[1]
	if as[1] != "--64" || as[len(as)-1] != "x.s" {
		t.Errorf("as command: %q", as)
	}
	obj := as[indexOf(as, "-o")+1]
	for _, w := range []string{"--build-id", "--eh-frame-hdr", "--hash-style=gnu", "-pie", "relro", "now", "-dynamic-linker", "/lib64/ld-linux-x86-64.so.2"} {
		if indexOf(ld, w) < 0 {
			t.Errorf("ld lacks %s: %q", w, ld)
		}
	}
	// Order: crt files, -L, inputs in command-line order, -lpthread -lc, runtime, crtn.o.
	order := []string{"Scrt1.o", "crti.o", "-L/opt/lib", obj, "-lfoo", "y.o", "--gc-sections", "-lpthread", "-lc", "crtn.o"}
	last := -1
	for _, w := range order {
		i := indexOf(ld, w)
		if i <= last {
			t.Errorf("%s at %d, not after position %d: %q", w, i, last, ld)
		}
		last = i
	}
	rt := ld[len(ld)-2]
	if !strings.Contains(rt, "libgocc-x86_64-") || !strings.HasSuffix(rt, ".o") {
		t.Errorf("runtime object not before crtn.o: %q", ld)
	}
	// The output is written to a temporary name first (renamed on success).
	if out := ld[indexOf(ld, "-o")+1]; out != "prog" && !strings.Contains(out, "gocc-") {
		t.Errorf("ld output %q", out)
	}
}

func TestLinkModes(t *testing.T) {
	cases := []struct {
		args      []string
		want, not []string
	}{
		{[]string{"-static"}, []string{"-static", "crt1.o", "--start-group", "-lc", "--end-group", "libgocc-static"}, []string{"-pie", "Scrt1.o", "-dynamic-linker"}},
		{[]string{"-no-pie"}, []string{"crt1.o", "-dynamic-linker"}, []string{"-pie", "Scrt1.o"}},
		{[]string{"-shared"}, []string{"-shared", "crti.o", "crtn.o"}, []string{"-pie", "Scrt1.o", "crt1.o", "-dynamic-linker"}},
		{[]string{"-nostdlib"}, nil, []string{"crti.o", "crtn.o", "-lc", "libgocc"}},
		{[]string{"-nostartfiles"}, []string{"-lc", "libgocc"}, []string{"crti.o", "Scrt1.o"}},
		{[]string{"-nodefaultlibs"}, []string{"Scrt1.o"}, []string{"-lc", "libgocc"}},
	}
	for _, c := range cases {
		code, _, stderr := gocc(t, "", append([]string{"-###", "x.o"}, c.args...)...)
		cmds := commandLines(stderr)
		if code != 0 || len(cmds) != 1 {
			t.Fatalf("%v: exit %d, %q", c.args, code, stderr)
		}
		line := strings.Join(cmds[0], " ")
		for _, w := range c.want {
			if !strings.Contains(line, w) {
				t.Errorf("%v: missing %s in %s", c.args, w, line)
			}
		}
		for _, w := range c.not {
			if indexOf(cmds[0], w) >= 0 || (strings.HasPrefix(w, "libgocc") && strings.Contains(line, w)) {
				t.Errorf("%v: unexpected %s in %s", c.args, w, line)
			}
		}
	}
}

func TestQueries(t *testing.T) {
	for _, c := range []struct{ arg, want string }{
		{"-dumpversion", "12\n"},
		{"-dumpmachine", "x86_64-linux-gnu\n"},
		{"-print-prog-name=as", "as\n"},
		{"-print-file-name=no-such-file.a", "no-such-file.a\n"},
	} {
		code, out, _ := gocc(t, "", c.arg)
		if code != 0 || out != c.want {
			t.Errorf("%s: exit %d, %q, want %q", c.arg, code, out, c.want)
		}
	}
	if _, out, _ := gocc(t, "", "--version"); !strings.HasPrefix(out, "gocc (gocc) 12.2.0") {
		t.Errorf("--version: %q", out)
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.c"), []byte("int x;\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.c"), []byte("int y;\n"), 0o644)
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"-fwhatever", "a.c"}, 1, "gocc: error: unrecognized command-line option '-fwhatever'\n"},
		{nil, 1, "gocc: fatal error: no input files\ncompilation terminated.\n"},
		{[]string{"missing.c"}, 1, "gocc: error: missing.c: No such file or directory\n"},
		{[]string{"-c", "-o", "x.o", "a.c", "b.c"}, 1, "gocc: error: cannot specify '-o' with '-c', '-S' or '-E' with multiple files\n"},
		{[]string{"-c", "-"}, 1, "gocc: error: -E or -x required when input is from standard input\n"},
		{[]string{"--target=aarch64-linux-gnu", "-c", "a.c"}, 1, "gocc: error: no code generator for aarch64 yet\n"},
		{[]string{"--target=vax", "a.c"}, 1, "gocc: error: unknown target 'vax'\n"},
	} {
		code, _, stderr := gocc(t, dir, c.args...)
		if code != c.code || stderr != c.msg {
			t.Errorf("%v: exit %d %q, want %d %q", c.args, code, stderr, c.code, c.msg)
		}
	}
}

// TestAssemblerOnly links a hand-written assembly main with libc through gocc and runs
// it: the as/ld half of the driver works without the compiler proper.
func TestAssemblerOnly(t *testing.T) {
	for _, tool := range []string{"as", "ld"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	dir := t.TempDir()
	src := `	.section .rodata
.Lmsg:	.string "hello %d\n"
	.text
	.globl main
	.type main, @function
main:
	subq $8, %rsp
	leaq .Lmsg(%rip), %rdi
	movl $42, %esi
	xorl %eax, %eax
	call printf@PLT
	xorl %eax, %eax
	addq $8, %rsp
	ret
	.section .note.GNU-stack,"",@progbits
`
	os.WriteFile(filepath.Join(dir, "x.s"), []byte(src), 0o644)
	for _, mode := range [][]string{nil, {"-static"}, {"-no-pie"}} {
		args := append([]string{"x.s", "-o", "x"}, mode...)
		if code, _, stderr := gocc(t, dir, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		out, err := exec.Command(filepath.Join(dir, "x")).CombinedOutput()
		if err != nil || string(out) != "hello 42\n" {
			t.Errorf("%v: ./x: %v %q", mode, err, out)
		}
	}
	// -c then link the object; default output names x.o and a.out.
	if code, _, stderr := gocc(t, dir, "-c", "x.s"); code != 0 {
		t.Fatalf("-c: %s", stderr)
	}
	if code, _, stderr := gocc(t, dir, "x.o"); code != 0 {
		t.Fatalf("link x.o: %s", stderr)
	}
	if out, err := exec.Command(filepath.Join(dir, "a.out")).CombinedOutput(); err != nil || string(out) != "hello 42\n" {
		t.Errorf("./a.out: %v %q", err, out)
	}
	// A failing link leaves no output file and no temporary file behind.
	os.WriteFile(filepath.Join(dir, "bad.s"), []byte("\t.text\n\t.globl main\nmain:\n\tcall nosuchfunction\n\tret\n"), 0o644)
	if code, _, stderr := gocc(t, dir, "bad.s", "-o", "bad"); code != 1 || !strings.Contains(stderr, "ld returned 1 exit status") {
		t.Errorf("bad link: exit %d %q", code, stderr)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() == "bad" || strings.HasPrefix(e.Name(), "gocc-") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestInternalCompilerError checks that a panic in a stage becomes exit status 4 with
// gocc's ICE message and no output file. It relies on a stage panicking, which is true
// while any stage is a placeholder; once the whole pipeline works it is skipped.
func TestInternalCompilerError(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.c"), []byte("int main(void) { return 0; }\n"), 0o644)
	code, _, stderr := gocc(t, dir, "-c", "a.c", "-o", "a.o")
	if code == 0 {
		t.Skip("the pipeline compiles a.c; no stage panics")
	}
	if code != exitICE || !strings.HasPrefix(stderr, "gocc: internal compiler error: ") {
		t.Skipf("not an ICE (exit %d): %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "a.o")); err == nil {
		t.Error("a.o written despite the ICE")
	}
}

// TestPreprocessedAssembly runs a .S file through gocc's preprocessor and as.
func TestPreprocessedAssembly(t *testing.T) {
	if _, err := exec.LookPath("as"); err != nil {
		t.Skip("as not installed")
	}
	dir := t.TempDir()
	src := "#define RET_VAL 7\n#ifdef __ASSEMBLER__\n\t.text\n\t.globl main\nmain:\n\tmovl $(RET_VAL), %eax\n\tret\n#endif\n\t.section .note.GNU-stack,\"\",@progbits\n"
	os.WriteFile(filepath.Join(dir, "m.S"), []byte(src), 0o644)
	if code, _, stderr := gocc(t, dir, "m.S", "-o", "m"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	err := exec.Command(filepath.Join(dir, "m")).Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 7 {
		t.Errorf("./m: %v, want exit status 7", err)
	}
}

func TestMacroDump(t *testing.T) {
	code, out, stderr := gocc(t, "", "-E", "-dM", "-x", "c", "/dev/null")
	if code != 0 || !strings.Contains(out, "#define __GNUC__ 12\n") || !strings.Contains(out, "#define __x86_64__ 1\n") {
		t.Errorf("exit %d, stderr %q, output lacks __GNUC__/__x86_64__:\n%.300s", code, stderr, out)
	}
	if code, _, stderr := gocc(t, "", "-dM", "-c", "x.c"); code != 1 || stderr != "gocc: error: -dM requires -E\n" {
		t.Errorf("-dM without -E: %d %q", code, stderr)
	}
}

// TestDefinesInOutput: -E -dD keeps each #define and #undef in the output, where it
// occurs, after the predefined macros.
func TestDefinesInOutput(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "d.c")
	os.WriteFile(src, []byte("#define A 1\nint a = A;\n#undef A\n"), 0o644)
	code, out, stderr := gocc(t, "", "-E", "-dD", "-DCMD=2", src)
	want := "# 1 \"" + src + "\"\n#define A 1\nint a = 1;\n#undef A\n"
	if code != 0 || !strings.HasSuffix(out, want) || !strings.Contains(out, "# 0 \"<built-in>\"\n#define __GNUC__ 12\n") ||
		!strings.Contains(out, "# 0 \"<command-line>\"\n#define CMD 2\n") {
		t.Errorf("exit %d, stderr %q, output:\n%s", code, stderr, out)
	}
}

// TestKeepComments: -C keeps comments in -E output (-CC those of definitions too, and
// -Wp,-C is the same); when compiling, gcc accepts and ignores them.
func TestKeepComments(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "c.c")
	os.WriteFile(src, []byte("#define ONE 1 /* one */\nint a /* a */ = ONE; // end\nint main(void) { return a - 1; }\n"), 0o644)
	for _, tc := range []struct {
		flags []string
		want  string
	}{
		{[]string{"-C"}, "int a /* a */ = 1; // end\n"},
		{[]string{"-Wp,-C"}, "int a /* a */ = 1; // end\n"},
		{[]string{"-CC"}, "int a /* a */ = 1 /* one */; // end\n"},
		{nil, "int a = 1;\n"},
	} {
		code, out, stderr := gocc(t, "", append(append([]string{"-E", "-P", "-nostdinc"}, tc.flags...), src)...)
		if code != 0 || !strings.HasPrefix(out, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, output:\n%s", tc.flags, code, stderr, out)
		}
	}
	if code, _, stderr := gocc(t, dir, "-C", "-CC", "-c", "c.c"); code != 0 {
		t.Errorf("-C -c: exit %d, stderr %q", code, stderr)
	}
}

// TestTargetLibDirs: a final "/*" picks the newest version directory (numerically).
func TestTargetLibDirs(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"9", "12", "12.1", "x", "4.9.3"} {
		if err := os.MkdirAll(filepath.Join(root, "gcc", d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	got := targetLibDirs([]string{"/usr/lib", filepath.Join(root, "gcc", "*"), filepath.Join(root, "none", "*")})
	want := []string{"/usr/lib", filepath.Join(root, "gcc", "12.1")}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestLocaleQuotes: in a UTF-8 locale names are quoted ‘x’, as gcc does; else 'x'.
func TestLocaleQuotes(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "q.c"), []byte("int f(void) { int u; return 0; }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ lc, want string }{
		{"C", "q.c: In function 'f':\n" + "q.c:1:19: warning: unused variable 'u' [-Wunused-variable]\n"},
		{"C.UTF-8", "q.c: In function \u2018f\u2019:\n" + "q.c:1:19: warning: unused variable \u2018u\u2019 [-Wunused-variable]\n"},
	} {
		t.Setenv("GOCC_TEST_LC_ALL", tc.lc)
		_, _, stderr := gocc(t, dir, "-Wall", "-fsyntax-only", "-fno-diagnostics-show-caret", "q.c")
		if stderr != tc.want {
			t.Errorf("LC_ALL=%s:\n%s\nwant:\n%s", tc.lc, stderr, tc.want)
		}
	}
}

// TestIncludeChainMatchesGCC: a diagnostic in a header is preceded by gcc's "In file
// included from" lines (innermost first, "<command-line>" for -include, presumed names
// after #line), printed again whenever the diagnostics move to another inclusion.
func TestIncludeChainMatchesGCC(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("gcc is not installed: it is the oracle")
	}
	dir := t.TempDir()
	for name, text := range map[string]string{
		"b.h":      "#warning in b\n",
		"a.h":      "#warning a first\n#include \"b.h\"\n#warning a after b\n",
		"c.h":      "#include \"b.h\"\n",
		"m.c":      "#include \"a.h\"\n#warning main\n#include \"b.h\"\n#line 50 \"foo.c\"\n#include \"b.h\"\n#include <s.h>\nint x;\n",
		"sys/s.h":  "#include \"s2.h\"\n#warning in s\n",
		"sys/s2.h": "#warning in s2\n",
		"pre.c":    "#warning main\n",
	} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	for _, args := range [][]string{
		{"-E", "-isystem", "sys", "m.c"},
		{"-E", "-include", "c.h", "pre.c"},
	} {
		args = append([]string{"-fno-diagnostics-show-caret"}, args...)
		cmd := exec.Command("gcc", args...)
		cmd.Dir = dir
		var want bytes.Buffer
		cmd.Stderr = &want
		if err := cmd.Run(); err != nil {
			t.Fatalf("gcc %v: %v", args, err)
		}
		code, _, got := gocc(t, dir, args...)
		if code != 0 || got != want.String() {
			t.Errorf("gocc %v: exit %d\ngot:\n%s\nwant:\n%s", args, code, got, want.String())
		}
	}
}
