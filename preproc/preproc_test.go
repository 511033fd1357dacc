package preproc

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"gocc/diag"
	"gocc/lexer"
	"gocc/target"
)

func testConfig() *Config {
	return &Config{Target: target.Host(), PIE: 2}
}

// pp preprocesses src and returns the token texts joined by single spaces.
func runPP(t *testing.T, src string, cfg *Config) (string, *diag.List) {
	t.Helper()
	if cfg == nil {
		cfg = testConfig()
	}
	var dl diag.List
	toks := Preprocess(&diag.File{Name: "test.c", Contents: []byte(src)}, cfg, &dl)
	return join(toks), &dl
}

func join(toks []lexer.Token) string {
	var parts []string
	for _, tk := range toks {
		if tk.Kind == lexer.EOF {
			break
		}
		parts = append(parts, tk.Text)
	}
	return strings.Join(parts, " ")
}

// norm re-lexes expected text so spacing does not matter.
func norm(s string) string {
	return join(lexer.Tokenize(&diag.File{Name: "want", Contents: []byte(s)}, &diag.List{}))
}

// The examples of C11 6.10.3.5.
func TestC11Examples(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"ex3", `#define x 3
#define f(a) f(x * (a))
#undef x
#define x 2
#define g f
#define z z[0]
#define h g(~
#define m(a) a(w)
#define w 0,1
#define t(a) a
#define p() int
#define q(x) x
#define r(x,y) x ## y
#define str(x) # x
f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);
g(x+(3,4)-w) | h 5) & m
(f)^m(m);
p() i[q()] = { q(1), r(2,3), r(4,), r(,5), r(,) };
char c[2][6] = { str(hello), str() };`,
			`f(2 * (y+1)) + f(2 * (f(2 * (z[0])))) % f(2 * (0)) + t(1);
f(2 * (2+(3,4)-0,1)) | f(2 * (~ 5)) & f(2 * (0,1))^m(0,1);
int i[] = { 1, 23, 4, 5, };
char c[2][6] = { "hello", "" };`},
		{"ex4", `#define str(s) # s
#define xstr(s) str(s)
#define debug(s, t) printf("x" # s "= %d, x" # t "= %s", \
 x ## s, x ## t)
#define INCFILE(n) vers ## n
#define glue(a, b) a ## b
#define xglue(a, b) glue(a, b)
#define HIGHLOW "hello"
#define LOW LOW ", world"
debug(1, 2);
fputs(str(strncmp("abc\0d", "abc", '\4') // this goes away
 == 0) str(: @\n), s);
xstr(INCFILE(2).h)
glue(HIGH, LOW);
xglue(HIGH, LOW)`,
			`printf("x" "1" "= %d, x" "2" "= %s", x1, x2);
fputs("strncmp(\"abc\\0d\", \"abc\", '\\4') == 0" ": @\n", s);
"vers2.h"
"hello";
"hello" ", world"`},
		{"ex5", `#define t(x,y,z) x ## y ## z
int j[] = { t(1,2,3), t(,4,5), t(6,,7), t(8,9,),
 t(10,,), t(,11,), t(,,12), t(,,) };`,
			`int j[] = { 123, 45, 67, 89, 10, 11, 12, };`},
		{"ex6", `#define OBJ_LIKE (1-1)
#define OBJ_LIKE /* white space */ (1-1) /* other */
#define FUNC_LIKE(a) ( a )
#define FUNC_LIKE( a )( /* note the white space */ \
 a /* other stuff on this line
 */ )
ok`, `ok`},
		{"ex7", `#define debug(...) fprintf(stderr, __VA_ARGS__)
#define showlist(...) puts(#__VA_ARGS__)
#define report(test, ...) ((test)?puts(#test): printf(__VA_ARGS__))
debug("Flag");
debug("X = %d\n", x);
showlist(The first, second, and third items.);
report(x>y, "x is %d but y is %d", x, y);`,
			`fprintf(stderr, "Flag" );
fprintf(stderr, "X = %d\n", x );
puts( "The first, second, and third items." );
((x>y)?puts("x>y"): printf("x is %d but y is %d", x, y));`},
		{"gnu-comma", `#define e(fmt, ...) f(fmt, ## __VA_ARGS__)
#define n(fmt, args...) g(fmt, ## args)
e(a) e(a,b,c) n(x) n(x,y)`, `f(a) f(a,b,c) g(x) g(x,y)`},
		{"va-opt", `#define F(a, ...) f(a __VA_OPT__(,) __VA_ARGS__)
F(1) F(1,2)`, `f(1) f(1,2)`},
		{"self", `#define foo foo a
#define bar(x) bar(x) x
foo bar(bar(1))`, `foo a bar(bar(1) 1) bar(1) 1`},
		{"indirect", `#define AA BB
#define BB AA
AA BB`, `AA BB`},
		{"paren-later", `#define f(x) [x]
#define g f
g (1) f
(2) f + 1`, `[1] [2] f + 1`},
		{"if", `#if 1 + 2 * 3 == 7 && (-1 < 0) && (-1 > 0u) && 'a' == 97 && '\377' < 0 && defined(__GNUC__) && !defined FOO
yes
#elif 1/0
no
#else
no
#endif
#if 0
#if garbage ((
#endif
#else
ok
#endif
#ifdef __x86_64__
x86
#endif
#if __has_include(<stdio.h>) && !__has_include("nonexistent.h") && __has_builtin(__builtin_expect) && !__has_attribute(no_such_attribute) && __has_c_attribute(nodiscard) == 202003
has
#endif
#define ZERO 0
#if ZERO ? 1/ZERO : 2
tern
#endif
#if (2 || 1/0) && 0xffffffffffffffff == -1 && 18446744073709551615u > 0
big
#endif`, `yes ok x86 has tern big`},
		{"line", "#line 100 \"foo.c\"\n__LINE__ __FILE__\n__LINE__", `100 "foo.c" 101`},
		{"counter", "__COUNTER__ __COUNTER__ __INCLUDE_LEVEL__ __BASE_FILE__", `0 1 0 "test.c"`},
		{"pragma", "#pragma pack(1)\nint x;\n_Pragma(\"pack(push, 2)\") int y;\n#pragma once\n#pragma GCC diagnostic push\nz",
			`# pragma pack(1) int x; # pragma pack(push, 2) int y; # pragma GCC diagnostic push z`},
		{"push-pop", "#define X 1\n#pragma push_macro(\"X\")\n#undef X\n#define X 2\nX\n#pragma pop_macro(\"X\")\nX", `2 1`},
		{"stringify-spaces", "#define s(x) #x\ns(  a   +  \"\\n\"  'b'  )", `"a + \"\\n\" 'b'"`},
		{"paste-ops", "#define c(a,b) a##b\nc(+,=) c(<,<=) c(x,1) c(1,e) c(-,>)", `+= <<= x1 1e ->`},
		{"empty-args", "#define f() x\n#define g(a) [a]\nf() g() g( )", `x [] []`},
		{"nested-args", "#define f(a,b) a|b\nf((1,2),[3 4])", `(1,2)|[3 4]`},
		{"hide-arg", "#define f(x) x\n#define g f(g)\ng", `g`},
		{"date", "__DATE__ __TIME__", `"Jan  1 1970" "00:00:00"`},
	}
	t.Setenv("SOURCE_DATE_EPOCH", "0")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, dl := runPP(t, tc.src, nil)
			if dl.HasErrors() {
				var b bytes.Buffer
				dl.Print(&b)
				t.Errorf("errors:\n%s", b.String())
			}
			want := norm(tc.want)
			if got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ src, msg string }{
		{"#error stop here", "#error stop here"},
		{"#if 1/0\n#endif", "division by zero"},
		{"#define f(a) a\nf(1,2)", "passed 2 arguments"},
		{"#define f(a) a\nf(1", "unterminated argument list"},
		{"#if 1\n", "unterminated #if"},
		{"#ifdef X\n#else\n", "unterminated #else"},
		{"#if 1 +\n#endif", "operator '+' has no right operand"},
		{"#endif", "#endif without #if"},
		{"#include \"no-such-file.h\"", "No such file"},
		{"#define a(x) #y", "not followed by a macro parameter"},
		{"#define c(a,b) a##b\nc(+,-)", "does not give a valid preprocessing token"},
		{"#pragma GCC poison bad\nbad", "poisoned"},
		{"#foo", "invalid preprocessing directive"},
		{"#if\n#endif", "#if with no expression"},
		// gcc 12 has no __has_feature (clang's): an identifier, 0, then "(".
		{"#if !__has_feature(x)\n#endif", "missing binary operator before token \"(\""},
		{"__has_attribute(1)", "macro \"__has_attribute\" requires an identifier"},
		{"__has_builtin(x y)", "expected ')' after \"x\""},
	}
	for _, tc := range tests {
		_, dl := runPP(t, tc.src, nil)
		found := false
		for _, d := range dl.Diags {
			if strings.Contains(d.Msg, tc.msg) {
				found = true
			}
		}
		if !found {
			var b bytes.Buffer
			dl.Print(&b)
			t.Errorf("%q: want diagnostic %q, got:\n%s", tc.src, tc.msg, b.String())
		}
	}
	// An invalid paste leaves both operands, the right one with its own spacing, as
	// gcc does (and goes on with the next ##).
	src := "#define P(x) a ## x\n#define Q(x, y) x ## y ## z\nP(+) P( +) Q(+,-)\n"
	text, _ := PreprocessText(&diag.File{Name: "paste.c", Contents: []byte(src)}, testConfig(), &diag.List{}, false)
	if out, want := strings.TrimSpace(string(text)), "a+ a + +- z"; out != want {
		t.Errorf("invalid pastes: got %q, want %q", out, want)
	}
	_, dl := runPP(t, "#warning careful\nx", nil)
	if dl.HasErrors() || len(dl.Diags) != 1 || dl.Diags[0].Severity != diag.Warning {
		t.Errorf("#warning: got %v", dl.Diags)
	}
}

func TestIncludeAndGuards(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.MkdirAll(dir+"/"+name[:strings.LastIndexByte("/"+name, '/')], 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dir+"/"+name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.h", "#ifndef A_H\n#define A_H\na_body\n#endif\n")
	write("once.h", "#pragma once\nonce_body\n")
	write("inc1/n.h", "n1 \n#include_next <n.h>\n")
	write("inc2/n.h", "n2\n")
	write("sys/s.h", "#define SYS 1\nsys_tok\n")
	main := dir + "/main.c"
	write("main.c", "#include \"a.h\"\n#include \"a.h\"\n#include \"once.h\"\n#include \"once.h\"\n#define H <n.h>\n#include H\n#include <s.h>\nSYS __INCLUDE_LEVEL__\n")
	cfg := testConfig()
	cfg.IncludeDirs = []string{dir + "/inc1", dir + "/inc2"}
	cfg.SystemDirs = []string{dir + "/sys"}
	var dl diag.List
	data, _ := os.ReadFile(main)
	toks := Preprocess(&diag.File{Name: main, Contents: data}, cfg, &dl)
	if dl.HasErrors() {
		dl.Print(os.Stderr)
		t.Fatal("errors")
	}
	if got, want := join(toks), "a_body once_body n1 n2 sys_tok 1 0"; got != want {
		t.Errorf("got %q want %q", got, want)
	}
	for _, tk := range toks {
		if tk.Text == "sys_tok" && !tk.Pos.File.System {
			t.Errorf("sys_tok not marked as from a system header")
		}
		if tk.Text == "a_body" && tk.Pos.File.System {
			t.Errorf("a_body marked as system")
		}
	}
	var out bytes.Buffer
	if err := PreprocessTo(&out, &diag.File{Name: main, Contents: data}, cfg, &diag.List{}, true); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# 1 \"" + main + "\"\n", "/a.h\" 1\n", "\" 2\n", "s.h\" 1 3 4"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("Print output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestBuiltinHeaders(t *testing.T) {
	src := `#include <stddef.h>
#include <stdarg.h>
#include <stdbool.h>
#include <float.h>
#include <limits.h>
#include <stdalign.h>
#include <stdnoreturn.h>
#include <stdatomic.h>
#include <iso646.h>
#include <stdint.h>
CHAR_BIT INT_MAX LONG_MAX FLT_MANT_DIG DBL_MAX offsetof(struct s, f) bool true alignas noreturn and INT64_MAX
`
	got, dl := runPP(t, src, nil)
	if dl.HasErrors() {
		dl.Print(os.Stderr)
		t.Fatal("errors")
	}
	want := "__CHAR_BIT__"
	_ = want
	if !strings.HasSuffix(got, norm(`8 0x7fffffff 0x7fffffffffffffffL 24 ((double)1.79769313486231570814527423731704357e+308L) __builtin_offsetof (struct s, f) _Bool 1 _Alignas _Noreturn && (9223372036854775807L)`)) {
		t.Errorf("got tail %s", got[max(0, len(got)-200):])
	}
}

func TestOtherTargets(t *testing.T) {
	for _, tc := range []struct {
		triple string
		want   []string
		absent []string
	}{
		{"aarch64", []string{"__aarch64__ 1", "__CHAR_UNSIGNED__ 1", "__LDBL_MANT_DIG__ 113", "__INT64_TYPE__ long int"}, []string{"__x86_64__"}},
		{"riscv64", []string{"__riscv 1", "__CHAR_UNSIGNED__ 1", "__SIZEOF_POINTER__ 8"}, []string{"__x86_64__"}},
		{"i386", []string{"__i386__ 1", "__SIZEOF_POINTER__ 4", "__INT64_TYPE__ long long int", "__SIZE_TYPE__ unsigned int", "__INTMAX_C(c) c ## LL", "__LDBL_MANT_DIG__ 64", "__FLT_EVAL_METHOD__ 2"}, []string{"__LP64__", "__CHAR_UNSIGNED__"}},
	} {
		tgt, err := target.New(tc.triple)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		var dl diag.List
		if err := DumpMacros(&b, nil, &Config{Target: tgt}, &dl); err != nil || dl.HasErrors() {
			t.Fatalf("%s: %v", tc.triple, err)
		}
		for _, w := range tc.want {
			if !strings.Contains(b.String(), "#define "+w+"\n") {
				t.Errorf("%s: missing %q", tc.triple, w)
			}
		}
		for _, a := range tc.absent {
			if strings.Contains(b.String(), "#define "+a+" ") {
				t.Errorf("%s: unexpected %q", tc.triple, a)
			}
		}
	}
}

func TestStdAndOptions(t *testing.T) {
	cfg := testConfig()
	cfg.Std = "c99"
	cfg.OptLevel = 2
	cfg.UnsignedChar = true
	cfg.Macros = []MacroOp{{Name: "A", Value: "1"}, {Name: "F(x)", Value: "x+1"}, {Name: "A", Undef: true}, {Name: "B=7"}}
	got, dl := runPP(t, "__STDC_VERSION__ __STRICT_ANSI__ __OPTIMIZE__ __NO_INLINE__ __CHAR_UNSIGNED__ linux A F(2) B", cfg)
	if dl.HasErrors() {
		t.Fatal(dl.Diags)
	}
	if want := norm("199901L 1 1 __NO_INLINE__ 1 linux A 2+1 7"); got != want {
		t.Errorf("got %s want %s", got, want)
	}
}

// TestElifdef: #elifdef and #elifndef (C2x 6.10.1), which gcc 12 also takes in the
// GNU modes; in the ISO modes before C2x they are no directives (an error in a
// group that is processed, ignored in a skipped one).
func TestElifdef(t *testing.T) {
	src := "#define A\n#if 0\n#elifdef A\nyes1\n#endif\n#ifdef B\n#elifndef B\nyes2\n#else\nno\n#endif\n"
	for _, std := range []string{"", "gnu11", "c2x"} {
		got, dl := runPP(t, src, &Config{Std: std})
		if got != "yes1 yes2" || len(dl.Diags) != 0 {
			t.Errorf("-std=%s: %q, %d diagnostics", std, got, len(dl.Diags))
		}
	}
	got, dl := runPP(t, src+"#if 1\n#elifdef A\nno3\n#endif\n", &Config{Std: "c11"})
	if got != "no no3" || len(dl.Diags) != 1 || !strings.Contains(dl.Diags[0].Msg, "invalid preprocessing directive #elifdef") {
		t.Errorf("-std=c11: %q, %v", got, dl.Diags)
	}
}
