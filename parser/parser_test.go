package parser

import (
	"fmt"
	"strings"
	"testing"

	"gocc/ast"
	"gocc/diag"
	"gocc/lexer"
)

// parse lexes and parses src (no preprocessing) and returns the file and diagnostics.
func parse(t testing.TB, src string) (*ast.File, *diag.List) {
	t.Helper()
	diags := &diag.List{}
	f := &diag.File{Name: "t.c", Contents: []byte(src)}
	toks := lexer.Tokenize(f, diags)
	return Parse("t.c", toks, diags), diags
}

func diagString(l *diag.List) string {
	var s []string
	for _, d := range l.Diags {
		s = append(s, fmt.Sprintf("%d:%d: %s: %s", d.Pos.Line, d.Pos.Col, d.Severity, d.Msg))
	}
	return strings.Join(s, "\n")
}

// TestParse checks the tree of small translation units, printed as S-expressions.
func TestParse(t *testing.T) {
	tests := []struct{ src, want string }{
		// Declaration specifiers in any order (C11 6.7.2p2).
		{"long unsigned int a; signed char b; unsigned c; long long d; long double e; short int f;",
			"(decl a ulong) (decl b schar) (decl c uint) (decl d llong) (decl e ldouble) (decl f short)"},
		{"_Complex double a; float _Complex b; __int128 c; unsigned __int128 d; __uint128_t e; _Bool f;",
			"(decl a (complex double)) (decl b (complex float)) (decl c int128) (decl d uint128) (decl e uint128) (decl f _Bool)"},
		{"_Float32 a; _Float64 b; _Float128 c; __float128 d; _Float32x e; _Float64x f;",
			"(decl a float) (decl b double) (decl c ldouble) (decl d ldouble) (decl e double) (decl f ldouble)"},
		{"static const volatile int x; extern int y; _Thread_local int z; __thread int w;",
			"(decl x (const volatile int) static) (decl y int extern) (decl z int thread) (decl w int thread)"},
		{"__inline__ static int f(void); _Noreturn void g(void);",
			"(decl f (fn int ()) static inline) (decl g (fn void ()) noreturn)"},
		{"_Atomic int a; _Atomic(long) b; __const int c; int *__restrict d;",
			"(decl a (atomic int)) (decl b (atomic long)) (decl c (const int)) (decl d (restrict (* int)))"},
		{"_Alignas(16) int a; _Alignas(double) char b;",
			"(decl a int (attr _Alignas 16)) (decl b char (attr _Alignas (alignof double)))"},
		// Declarators (C11 6.7.6).
		{"int *const *p, a[3][4], (*fp)(int, char *), *(*g(void))[5];",
			"(decl p (* (const (* int)))) (decl a ([3] ([4] int))) (decl fp (* (fn int (int (* char))))) (decl g (fn (* ([5] (* int))) ()))"},
		{"void f(int a[static 4], int b[*], int c[], int n, int d[n]);",
			"(decl f (fn void (a:([static 4] int) b:([*] int) c:([] int) n:int d:([n] int))))"},
		{"int printf(const char *, ...); int old(); int none(void);",
			"(decl printf (fn int ((* (const char)) ...))) (decl old (fn int () oldstyle)) (decl none (fn int ()))"},
		{"typedef int T; int f(T); int g(int (T)); int h(int (x));",
			"(decl T int typedef) (decl f (fn int (int))) (decl g (fn int ((fn int (int))))) (decl h (fn int (x:int)))"},
		// Typedef names and shadowing (C11 6.2.1, 6.7.8).
		{"typedef int T; void f(void) { T x; int T; T * x; }",
			"(decl T int typedef) (decl f (fn void ()) (params) {(decl x int) (decl T int) (* T x);})"},
		{"typedef int T; void f(T T) { T * x; }",
			"(decl T int typedef) (decl f (fn void (T:int)) (params T) {(* T x);})"},
		{"typedef int T; enum { T = 1 }; int x = T * 2;",
			"(decl T int typedef) (decl  (enum  T=1)) (decl x int = (* T 2))"},
		{"typedef int T; unsigned T;", "(decl T int typedef) (decl T uint)"},
		{"typedef int T; void f(void) { __label__ T; T x; goto T; T: ; }",
			"(decl T int typedef) (decl f (fn void ()) (params) {(__label__ T) (decl x int) (goto T) (label T ;)})"},
		// Structs, unions, enums, tags (C11 6.7.2.1-3).
		{"struct s { int a; unsigned b : 3, : 0; struct { int c; }; char d[]; } x;",
			"(decl x (struct s (a int) (b uint :3) ( uint :0) ( (struct  (c int))) (d ([] char))))"},
		{"struct s; struct s *p; struct s { int a; }; struct s v;",
			"(decl  (struct s (a int))) (decl p (* (struct s))) (decl  (struct s)) (decl v (struct s))"},
		{"union u { int i; float f; } __attribute__((packed)) v;",
			"(decl v (union u (attr packed) (i int) (f float)))"},
		{"enum e { A, B = 5, C, } x; enum e y;",
			"(decl x (enum e A B=5 C)) (decl y (enum e A B=5 C))"},
		{"struct __attribute__((aligned(8))) s { int a __attribute__((aligned(4))); };",
			"(decl  (struct s (attr aligned 8) (a int (attr aligned 4))))"},
		// typeof, __auto_type, va_list.
		{"int x; typeof(x) y; __typeof__(int *) z; __builtin_va_list ap;",
			"(decl x int) (decl y (typeof x)) (decl z (typeof (* int))) (decl ap va_list)"},
		{"void f(void) { __auto_type a = 1.5; }",
			"(decl f (fn void ()) (params) {(decl a (typeof 1.5) = 1.5)})"},
		// Implicit int and K&R.
		{"static x; f() { return 0; }", "(decl x int static) (decl f (fn int () oldstyle) (params) {(return 0)})"},
		{"int f(a, b) int a; char *b; { return a; }",
			"(decl f (fn int (a:int b:(* char)) oldstyle) (params a b) {(return a)})"},
		// Initializers (C11 6.7.9).
		{"int a[] = {1, [3] = 2, [4 ... 6] = 3}; struct p { int x, y; } q = {.y = 1, x: 2}, r = {};",
			"(decl a ([] int) = {1 ( [3] = 2) ( [4 ... 6] = 3)}) (decl q (struct p (x int) (y int)) = {( .y = 1) ( .x = 2)}) (decl r (struct p) = {})"},
		{"int m[2][2] = {{1, 2}, {3, 4}}; char s[] = \"ab\" \"c\";",
			"(decl m ([2] ([2] int)) = {{1 2} {3 4}}) (decl s ([] char) = \"abc\")"},
		// asm labels, attributes, static assert, top-level asm.
		{"int f(void) __asm__(\"g\") __attribute__((noinline, section(\".t\")));",
			"(decl f (fn int ()) (asm \"g\") (attr noinline) (attr section \".t\"))"},
		{"__attribute__((unused)) static int a; int __attribute__((weak)) b;",
			"(decl a int static (attr unused)) (decl b int (attr weak))"},
		{"int printf(const char *, ...) __attribute__((__format__(__printf__, 1, 2)));",
			"(decl printf (fn int ((* (const char)) ...)) (attr format __printf__ 1 2))"},
		{"_Static_assert(1, \"m\"); asm(\".globl x\");",
			"(static_assert 1 \"m\") (asm basic \".globl x\" () () [] [])"},
		{"typedef int v4 __attribute__((vector_size(16)));",
			"(decl v4 (with (attr vector_size 16) int) typedef (attr vector_size 16))"},
		{"[[nodiscard]] int f(void);", "(decl f (fn int ()))"},
		{"int a, __attribute__((unused)) b, (__attribute__((mode(DI))) c);",
			"(decl a int) (decl b int (attr unused)) (decl c int (attr mode DI))"},
		{"int (*fp)(int) __attribute__((noreturn)), *q __attribute__((aligned(8))) = 0;",
			"(decl fp (* (fn int (int))) (attr noreturn)) (decl q (* int) (attr aligned 8) = 0)"},
		{"void f(int x __attribute__((unused)), char *__attribute__((aligned(4))) p);",
			"(decl f (fn void (x:int p:(with (attr aligned 4) (* char)))))"},
		{"typedef struct { int a; } __attribute__((packed)) S; S s; struct t { S m; } __attribute__((aligned(16)));",
			"(decl S (struct  (attr packed) (a int)) typedef) (decl s (struct )) (decl  (struct t (attr aligned 16) (m (struct ))))"},
		{"enum __attribute__((packed)) e { X __attribute__((deprecated)) = 1 } __attribute__((aligned(2)));",
			"(decl  (enum e X=1))"},
		{"int x = sizeof(struct { int a; });", "(decl x int = (sizeof (struct  (a int))))"},
		{"int *p = (int[]){1, 2};", "(decl p (* int) = (compound ([] int) {1 2}))"},
	}
	for _, tc := range tests {
		f, diags := parse(t, tc.src)
		if len(diags.Diags) > 0 {
			if !strings.HasPrefix(tc.src, "static x;") {
				t.Errorf("%s: unexpected diagnostics:\n%s", tc.src, diagString(diags))
			}
		}
		if got := sexpr(f); got != tc.want {
			t.Errorf("%s\n got: %s\nwant: %s", tc.src, got, tc.want)
		}
	}
}

// TestExpr checks expression trees: precedence, associativity and GNU forms.
func TestExpr(t *testing.T) {
	tests := []struct{ src, want string }{
		{"a + b * c - d", "(- (+ a (* b c)) d)"},
		{"a = b += c ? d : e, f", "(, (= a (+= b (? c d e))) f)"},
		{"a || b && c | d ^ e & f == g < h << i", "(|| a (&& b (| c (^ d (& e (== f (< g (<< h i))))))))"},
		{"-*p++ + !~x", "(+ (- (deref (post++ p))) (! (~ x)))"},
		{"a[1].b->c(2, 3)", "(call (-> (. (index a 1) b) c) 2 3)"},
		{"(int)x + (T)y", "(+ (cast int x) (cast int y))"},
		{"(x) + 1", "(+ x 1)"},
		{"sizeof x + sizeof(int) + sizeof(T) + _Alignof(long) + __alignof__ x",
			"(+ (+ (+ (+ (sizeof x) (sizeof int)) (sizeof int)) (alignof long)) (alignof x))"},
		{"(struct s){1, 2}.a", "(. (compound (struct s) {1 2}) a)"},
		{"sizeof (int[]){1, 2}", "(sizeof (compound ([] int) {1 2}))"},
		{"x ?: y", "(? x nil y)"},
		{"&&lab", "(&& lab)"},
		{"__real__ z + __imag__ z", "(+ (real z) (imag z))"},
		{"__extension__ 1", "1"},
		{"_Generic(x, int: 1, char *: 2, default: 3)", "(generic x (int 1) ((* char) 2) (default 3))"},
		{"__builtin_va_arg(ap, int *)", "(va_arg ap (* int))"},
		{"__builtin_offsetof(struct s, a.b[2].c)", "(offsetof (struct s) .a .b [2] .c)"},
		{"__builtin_types_compatible_p(int, T)", "(types_compatible int int)"},
		{"__builtin_choose_expr(1, a, b)", "(choose 1 a b)"},
		{"__builtin_expect(x, 0)", "(call __builtin_expect x 0)"},
		{"({ int y = 1; y; })", "(stmtexpr {(decl y int = 1) y;})"},
		{"0x10 + 010 + 0b101 + 10u + 10lu + 10LL + 10ull + 2i", "(+ (+ (+ (+ (+ (+ (+ 16 8) 5) 10u) 10ul) 10ll) 10ull) 2i)"},
		{"1.5f + 1e3 + 0x1p4 + 2.0L + .5 + 1.f + 3.0if", "(+ (+ (+ (+ (+ (+ 1.5f 1000) 16) 2l) 0.5) 1f) 3fi)"},
		{"0x1p100f + 0x1.0p-28f + 0xAp1F", "(+ (+ 1.2676506002282294e+30f 3.725290298461914e-09f) 20f)"},
		{"18446744073709551615u", "18446744073709551615u"},
		{"'a' + '\\n' + '\\0' + '\\x41' + '\\377' + 'ab' + L'\\u00e9' + u'x' + U'\\U0001F600' + '\\e'",
			"(+ (+ (+ (+ (+ (+ (+ (+ (+ (char0 97) (char0 10)) (char0 0)) (char0 65)) (char0 -1)) (char0 24930)) (char1 233)) (char2 120)) (char3 128512)) (char0 27))"},
		{"\"a\\tb\" \"\\x41\\101\"", "\"a\\tbAA\""},
		{"L\"ab\" \"c\"", "(wstr1 [97 98 99])"},
		{"u\"\\U0001F600\"", "(wstr2 [55357 56832])"},
		{"U\"é\"", "(wstr3 [233])"},
		{"u8\"é\" \"x\"", "\"éx\""},
		{"\"é\\u00e9\"", "\"éé\""},
	}
	for _, tc := range tests {
		src := "typedef int T; void f(void) { " + tc.src + "; }"
		f, diags := parse(t, src)
		if len(diags.Diags) > 0 && !strings.Contains(tc.src, "'ab'") {
			t.Errorf("%s: unexpected diagnostics:\n%s", tc.src, diagString(diags))
			continue
		}
		body := f.Decls[1].(*ast.Decl).Body
		if len(body.Items) != 1 {
			t.Errorf("%s: %d items", tc.src, len(body.Items))
			continue
		}
		got := sexpr(body.Items[0].(*ast.ExprStmt).X)
		if got != tc.want {
			t.Errorf("%s\n got: %s\nwant: %s", tc.src, got, tc.want)
		}
	}
}

// TestStmt checks statement trees.
func TestStmt(t *testing.T) {
	tests := []struct{ src, want string }{
		{"if (a) b; else if (c) d; else { e; }", "(if a b; (if c d; {e;}))"},
		{"while (a) a--; do a++; while (a < 3);", "(while a (post-- a);) (do (post++ a); (< a 3))"},
		{"for (int i = 0; i < n; i++) ; for (;;) break;",
			"(for (decl i int = 0) (< i n) (post++ i) ;) (for nil nil nil break;)"},
		{"switch (x) { case 1: case 2 ... 4: y; break; default: continue; }",
			"(switch x {(case 1 (case 2 ... 4 y;)) break; (default continue;)})"},
		{"goto l; l: ; goto *p; m: __attribute__((unused)) return;",
			"(goto l) (label l ;) (goto* p) (label m (attr unused) (return))"},
		{"{ __label__ a, b; a: b: x; }", "{(__label__ a b) (label a (label b x;))}"},
		{"switch (x) { case 1: __attribute__((fallthrough)); default: ; }",
			"(switch x {(case 1 ;) (default ;)})"},
		{"asm volatile (\"mov %1, %0\" : \"=r\"(a) : [in] \"r\"(b) : \"memory\", \"cc\");",
			"(asm volatile \"mov %1, %0\" (\"=r\":a) ([in]\"r\":b) [\"memory\" \"cc\"] [])"},
		{"__asm__ goto (\"jmp %l0\" \"\" : : : : out); out: ;",
			"(asm goto \"jmp %l0\" () () [] [\"out\"]) (label out ;)"},
		{"__asm__ __volatile__ (\"nop\");", "(asm volatile basic \"nop\" () () [] [])"},
		{"l: int z = 1;", "(label l (decl z int = 1))"},
		{"_Static_assert(sizeof(int) == 4, \"x\");", "(static_assert (== (sizeof int) 4) \"x\")"},
		{"__extension__ int q; __extension__ (void)0;", "(decl q int) (cast void 0);"},
	}
	for _, tc := range tests {
		src := "void f(void) { " + tc.src + " }"
		f, diags := parse(t, src)
		if len(diags.Diags) > 0 {
			t.Errorf("%s: unexpected diagnostics:\n%s", tc.src, diagString(diags))
			continue
		}
		got := sexpr(f.Decls[0].(*ast.Decl).Body)
		got = strings.TrimSuffix(strings.TrimPrefix(got, "{"), "}")
		if got != tc.want {
			t.Errorf("%s\n got: %s\nwant: %s", tc.src, got, tc.want)
		}
	}
}

// TestSilentExtraSemicolon: gcc reports an empty member declaration only under
// -Wpedantic, and Linux headers have them (DEFINE_LOCK_GUARD_0).
func TestSilentExtraSemicolon(t *testing.T) {
	_, diags := parse(t, "struct s { int a;; ; };\n")
	if got := diagString(diags); got != "" {
		t.Errorf("diagnostics for an extra semicolon in a struct: %s", got)
	}
}

// TestAttributeDeclaration: "[[...]];" is a C2x attribute declaration, at file scope
// as in a block.
func TestAttributeDeclaration(t *testing.T) {
	_, diags := parse(t, "[[]];\n[[gnu::unused]] [[]];\nint x;\nvoid f(void) { [[]]; }\n")
	if got := diagString(diags); got != "" {
		t.Errorf("diagnostics: %s", got)
	}
}
