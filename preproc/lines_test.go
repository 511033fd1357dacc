package preproc

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gocc/diag"
	"gocc/preproc/ppdiff"
)

// TestLineMarkersGCC checks that every token of gocc's -E output has the presumed file
// and line gcc's has (what the line markers and newlines say), on inputs that exercise
// the printer: a long gap before the first token, macro invocations spanning lines, an
// argument on a later line, an empty expansion, and a header.
func TestLineMarkersGCC(t *testing.T) {
	needGCC(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "h.h"), []byte("\n\n\n\n\n\n\n\n\n\n\nint in_header;\n#define H(a, b) a b\n"), 0o644)
	for i, src := range []string{
		"\n\n\n\n\n\n\n\n\n\n\n\nint after_gap;\n",
		"#define F(a, b) a + b\n#define G(x) [x]\nint x = F(1,\n  2) G(3);\nint y = F(\n  G(1),\n\n  2)\n   G(4);\n",
		"#define E\n#define R(n, p, a) n p a\nextern int R (f, (int a,\n  int b),\n  g) E;\nint z;\n",
		"#include \"h.h\"\nint k = H(1,\n 2);\n\n\n\n\n\n\n\n\n\n\nint far;\n",
		// An empty expansion starts the line: the argument's tokens still begin it.
		"#define API\n#define EXPORT(t) API t API\n#define CONST const\nEXPORT(CONST char *) f(void);\n\n#if 1\nEXPORT(CONST char *) g(void);\n#endif\n",
		// A macro in an unexpanded argument (## input) expands while the outer
		// replacement is rescanned: it stays on the outer invocation's line (Linux
		// asm/segment.h's alternative_io(..., [seg] "r" (__CPUNODE_SEG))).
		"#define E 15\n#define SEG (E*8 + 3)\n#define IO(o, in...) asm(o : \"i\" (0), ## in)\nvoid f(void) {\n\tIO(\"x\",\n\n\n\t  [seg] \"r\" (SEG));\n\tint after;\n}\n",
	} {
		file := filepath.Join(dir, "in.c")
		os.WriteFile(file, []byte(src), 0o644)
		cmd := exec.Command("gcc", "-E", "-nostdinc", file)
		want, err := cmd.Output()
		if err != nil {
			t.Fatalf("gcc: %v", err)
		}
		cfg := testConfig()
		cfg.NoStdInc = true
		var dl diag.List
		got, _ := PreprocessText(&diag.File{Name: file, Contents: []byte(src)}, cfg, &dl, true)
		if r := ppdiff.Compare(string(got), string(want), true); r != "" {
			t.Errorf("input %d: %s\ngocc:\n%s\ngcc:\n%s", i, r, got, want)
		}
	}
}

// TestCanonicalSystemHeaderNames: gcc names a system header by its real path when that
// is shorter (-fcanonical-system-headers): symbolic links and ".." resolved.
func TestCanonicalSystemHeaderNames(t *testing.T) {
	needGCC(t)
	dir := t.TempDir()
	sys := filepath.Join(dir, "sys")
	os.MkdirAll(filepath.Join(sys, "sub"), 0o755)
	os.WriteFile(filepath.Join(sys, "a.h"), []byte("int in_a;\n#include \"sub/../b.h\"\n"), 0o644)
	os.WriteFile(filepath.Join(sys, "b.h"), []byte("int in_b;\n"), 0o644)
	if err := os.Symlink("a.h", filepath.Join(sys, "a_longer_name.h")); err != nil {
		t.Skip(err)
	}
	file := filepath.Join(dir, "in.c")
	src := "#include <a_longer_name.h>\nint main_file;\n"
	os.WriteFile(file, []byte(src), 0o644)
	want, err := exec.Command("gcc", "-E", "-nostdinc", "-isystem", sys, file).Output()
	if err != nil {
		t.Fatal(err)
	}
	cfg := testConfig()
	cfg.NoStdInc, cfg.SystemDirs = true, []string{sys}
	var dl diag.List
	got, _ := PreprocessText(&diag.File{Name: file, Contents: []byte(src)}, cfg, &dl, true)
	if r := ppdiff.Compare(string(got), string(want), true); r != "" {
		t.Errorf("%s\ngocc:\n%s\ngcc:\n%s", r, got, want)
	}
}

// TestOutputTextGCC checks that gocc's -E output is byte-identical to gcc's where the
// file structure drives it: the opening markers, entering and leaving headers (guarded,
// empty, nested, system), #line and line markers in the input, #pragma GCC
// system_header, performed and passed-on pragmas, empty expansions, -P, -dD's
// definitions, the comments -C and -CC keep, and -imacros.
func TestOutputTextGCC(t *testing.T) {
	needGCC(t)
	dir := t.TempDir()
	sys := filepath.Join(dir, "sys")
	os.MkdirAll(sys, 0o755)
	files := map[string]string{
		"a.h":      "#define X 1\n",
		"b.h":      "#ifndef B\n#define B\n#endif\n",
		"c.h":      "#include \"b.h\"\nint b;\n",
		"e.h":      "",
		"sh.h":     "#pragma once\n#pragma GCC system_header\nint s;\n#define SHM(x) int x\n\n\n\n\n\n\n\n\n\nSHM(shm);\n",
		"sys/s.h":  "#define SYSMAC(x) __builtin_expect(x, 0)\n#define EMPTY_ATTR\n#define DMAX __DBL_MAX__\nint f(void)\n     EMPTY_ATTR;\n",
		"lines.c":  "int a;\n#line 10 \"foo.c\"\nint b;\n# 20 \"bar.h\" 1 3\nint c;\n# 30 \"foo.c\" 2\nint d;\n#line 50\nint e;\n#include \"a.h\"\nint f;\n",
		"incl.c":   "#include \"a.h\"\nint x = X;\n#include \"c.h\"\n#include \"e.h\"\n#include \"e.h\"\n\n\n#include <s.h>\nint y = SYSMAC(x);\n#include \"sh.h\"\n#include \"sh.h\"\n\n\n\n\n\n\n\n\n\n\nint z;\n",
		"pragma.c": "int a;\n\n\nint b;\n#define E\n   E\nint c;\n    E int d;\n#pragma foo   bar\n#pragma GCC poison qq\n#ident \"hi\"\nint e;\n",
		"defs.c":   "#define A 1\n#define F(x, y) x + y\n#undef A\nint a;\n#include \"b.h\"\n",
		// -C and -CC: comments in the text, in directives, in macro arguments and
		// definitions, before a '#', between a macro's name and its '(', in headers.
		"com.h": "int in_header; /* in header */\n",
		"com.c": "/* leading\n   comment */\nint a; // line comment\n#define F(x, y) x + y /* in def */\n" +
			"#define S(x) #x\n#if 1 /* in if */\nint b = F(1 /* arg */, 2); // after\n#endif // endif\n" +
			"const char *s = S(a /* c */ b);\nint /* mid */ c;\n#include \"com.h\" /* after include */\n" +
			"  /* indented */ int d;\nint e = F(\n  /* multi\n     line */ 3,\n  4);\n#define G /* def c */ 5\n" +
			"int g = G;\n/**/int h;\n#pragma foo /* prag */ bar\n/* c */ #define X 1\nX\n" +
			"int i = F /* c */ (1, 2);\nint j = S(// hi \"x\"\n b);\n#define CC(x) x // line in def\nint k = CC(1);\n" +
			"#define N/**/(x) x\nN(1)\n#pragma /* empty */\n",
		// An empty argument last in a replacement list still separates the tokens
		// around the expansion; a system header's macro that expands to a
		// predefined one does not mark the line as system code.
		// An operand of ## keeps its own white space, not the padding a
		// substitution gave it (Linux's no_printk(fmt, ##__VA_ARGS__) behind
		// WARN and DEBUG_LOCKS_WARN_ON).
		"va.c": "#define no_printk(fmt, ...) ({ if (0) _printk(fmt, ##__VA_ARGS__); 0; })\n" +
			"#define WARN(condition, format...) ({ int w = !!(condition); no_printk(format); w; })\n" +
			"#define DLW(c) WARN(1, \"DLW(%s)\", #c)\n#define S(x) #x\n#define P(fmt, ...) f(fmt, ##__VA_ARGS__)\n" +
			"#define Q(a, b) P(a, b)\n#define R(a, b) P(a,b)\n#define T(a, ...) P(a, __VA_ARGS__)\n#define E\n" +
			"DLW(preemptible());\nP(\"x\", S(y)); P(\"x\",S(y)); Q(\"x\", S(y)); R(\"x\", S(y)); R(\"x\",y);\n" +
			"T(\"x\", y); T(\"x\",y); T(\"x\", E y); T(\"x\",E y);\nT(\"x\", __LINE__); P(\"x\", __LINE__);\n" +
			// An empty argument or __VA_OPT__ first in a replacement at the start of
			// a line: the next token keeps its own white space.
			"#define V(...) __VA_OPT__(x) y\n#define F1(a) a y\n#define G1(...) __VA_ARGS__ y\nV() V(1)\nF1()\nG1()\n",
		// -imacros: read first, its macros kept, its text (and that of what it
		// includes) dropped; -include after it.
		"im.h":  "#define IM 42\nint decl_in_imacros;\n  #include \"com.h\"\n    int indented;\n",
		"inc.h": "#define INC 7\nint decl_in_include;\n",
		"im.c":  "int x = IM + INC;\n",
		"pad.c": "#define OP1(L, N, R, I) L N##I R\n#define OP2(L, N, R) OP1(L, N, R, 0), OP1(L, N, R, 1)\n" +
			"double OP2(, d,);\n#include <s.h>\ndouble m = DMAX;\n",
	}
	for name, text := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	for _, tc := range []struct {
		file  string
		flags []string
	}{
		{"lines.c", nil}, {"incl.c", nil}, {"pragma.c", nil}, {"incl.c", []string{"-P"}},
		{"pragma.c", []string{"-P"}}, {"defs.c", []string{"-dD"}}, {"com.c", []string{"-C"}},
		{"com.c", []string{"-CC"}}, {"com.c", []string{"-C", "-P"}}, {"com.c", nil}, {"pad.c", nil},
		{"im.c", []string{"-include", "inc.h", "-imacros", "im.h"}}, {"va.c", nil},
	} {
		args := append([]string{"-E", "-nostdinc", "-isystem", sys}, tc.flags...)
		cmd := exec.Command("gcc", append(args, tc.file)...)
		cmd.Dir = dir
		want, err := cmd.Output()
		if err != nil {
			t.Fatalf("gcc %s: %v", tc.file, err)
		}
		cfg := testConfig()
		cfg.NoStdInc, cfg.SystemDirs = true, []string{sys}
		markers := true
		for i, f := range tc.flags {
			switch f {
			case "-include":
				cfg.Includes = append(cfg.Includes, tc.flags[i+1])
			case "-imacros":
				cfg.MacroIncludes = append(cfg.MacroIncludes, tc.flags[i+1])
			case "-P":
				markers = false
			case "-dD":
				cfg.DumpDefines = true
			case "-C":
				cfg.Comments = true
			case "-CC":
				cfg.CommentsInMacros = true
			}
		}
		src, _ := os.ReadFile(filepath.Join(dir, tc.file))
		var dl diag.List
		wd, _ := os.Getwd()
		os.Chdir(dir)
		got, _ := PreprocessText(&diag.File{Name: tc.file, Contents: src}, cfg, &dl, markers)
		os.Chdir(wd)
		if tc.file == "defs.c" {
			// gocc's predefined macros are listed in its own order: compare the
			// output from the main file on.
			got, want = fromMainFile(got, tc.file), fromMainFile(want, tc.file)
		}
		if r := ppdiff.CompareText(string(got), string(want)); r != "" {
			t.Errorf("%s %v: %s\ngocc:\n%s\ngcc:\n%s", tc.file, tc.flags, r, got, want)
		}
	}
}

// fromMainFile is -E output from the marker that starts the main file.
func fromMainFile(out []byte, name string) []byte {
	if i := bytes.Index(out, []byte("# 1 \""+name+"\"\n")); i >= 0 {
		return out[i:]
	}
	return out
}

// TestAvoidPasteGCC checks gcc's rule for separating tokens where an expansion ends
// (cpp_avoid_paste) on every pair of a set of tokens, digraphs and stray characters
// included, in C (gnu17 and c90, which has no digraphs) and in assembler-with-cpp.
func TestAvoidPasteGCC(t *testing.T) {
	needGCC(t)
	toks := []string{"x", "L", "u8", "1", "1e", "0x1", ".5", "'a'", "L'a'", `"s"`, `L"s"`, "+", "-", "*", "/",
		"%", "&", "|", "^", "<", ">", "=", "!", ".", ":", "->", "<<", ">>", "<=", ">=", "==", "!=", "&&",
		"||", "++", "--", "...", "<:", "%>", "%:", `\`, "$", "@", "?", ";", "[", "]", "{", "}", "~"}
	var src strings.Builder
	src.WriteString("#define X(a) a\n")
	for _, a := range toks {
		for _, b := range toks {
			src.WriteString("X(" + a + ")" + b + " ; ")
		}
		src.WriteString("\n")
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		name  string
		flags []string
	}{{"p.c", nil}, {"p.c", []string{"-std=c90"}}, {"p.S", nil}} {
		file := filepath.Join(dir, tc.name)
		os.WriteFile(file, []byte(src.String()), 0o644)
		want, err := exec.Command("gcc", append(append([]string{"-E", "-P", "-nostdinc"}, tc.flags...), file)...).Output()
		if err != nil {
			t.Fatalf("gcc: %v", err)
		}
		cfg := testConfig()
		cfg.NoStdInc = true
		cfg.Assembler = strings.HasSuffix(tc.name, ".S")
		if tc.flags != nil {
			cfg.Std = "c90"
		}
		got, _ := PreprocessText(&diag.File{Name: file, Contents: []byte(src.String())}, cfg, &diag.List{}, false)
		if r := ppdiff.CompareText(string(got), string(want)); r != "" {
			t.Errorf("%s %v: %s", tc.name, tc.flags, r)
		}
	}
}
