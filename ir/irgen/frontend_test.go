package irgen

// End-to-end lowering tests: C snippets go through the real front end (preproc, parser,
// sema), then Generate; every function must pass ir.Verify, and functions without calls,
// globals or floating point are run with ir/interp.

import (
	"strings"
	"testing"

	"gocc/diag"
	"gocc/ir"
	"gocc/parser"
	"gocc/preproc"
	"gocc/sema"
	"gocc/target"
)

func compileC(t *testing.T, triple, src string) *ir.Module {
	t.Helper()
	tgt, err := target.New(triple)
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	file := &diag.File{Name: "test.c", Contents: []byte(src)}
	toks := preproc.Preprocess(file, &preproc.Config{Target: tgt}, &diags)
	unit := parser.Parse("test.c", toks, &diags)
	if diags.HasErrors() {
		t.Fatalf("front end:\n%s", diagText(&diags))
	}
	sema.Check(unit, tgt, &diags)
	if diags.HasErrors() {
		t.Fatalf("sema:\n%s", diagText(&diags))
	}
	m := Generate(unit, tgt, &diags)
	if diags.HasErrors() {
		t.Fatalf("irgen:\n%s", diagText(&diags))
	}
	if err := ir.VerifyModule(m); err != nil {
		t.Fatalf("verify: %v\n%s", err, m)
	}
	return m
}

func diagText(l *diag.List) string {
	var sb strings.Builder
	l.Print(&sb)
	return sb.String()
}

type runCase struct {
	fn   string
	args []uint64
	want uint64
}

var frontendTests = []struct {
	name string
	src  string
	runs []runCase
}{
	{"arith", `
int f(int a, int b) { return (a + b) * (a - b) / 3 % 7; }
unsigned g(unsigned a) { return a >> 3 | a << 29; }
long h(long x) { long y = x; y *= 3; y -= 1; y <<= 2; y >>= 1; y ^= 5; y |= 8; y &= ~1L; return y; }
int sh(signed char c) { return c >> 1; }
`, []runCase{{"f", []uint64{7, 2}, 45 / 3 % 7}, {"g", []uint64{16}, 2}, {"h", []uint64{5}, 24}, {"sh", []uint64{0xfe}, 0xffffffff}}},
	{"control", `
int fib(int n) { int a = 0, b = 1; while (n-- > 0) { int t = a + b; a = b; b = t; } return a; }
int loops(int n) { int s = 0; for (int i = 0; i < n; i++) { if (i == 3) continue; if (i == 8) break; s += i; } do s++; while (s < 0); return s; }
int sw(int x) { int r = 0; switch (x) { case 0: r = 1; case 1: r += 2; break; case 5 ... 9: r = 50; break; default: r = -1; } return r; }
int go(int n) { int i = 0; again: if (i < n) { i += 2; goto again; } return i; }
int cond(int a, int b) { return a && b ? a : b || !a; }
`, []runCase{{"fib", []uint64{10}, 55}, {"loops", []uint64{20}, 26}, {"sw", []uint64{0}, 3}, {"sw", []uint64{7}, 50}, {"sw", []uint64{2}, 0xffffffff}, {"go", []uint64{5}, 6}, {"cond", []uint64{0, 0}, 1}}},
	{"memory", `
struct S { int a; char c; long l; };
int sum(void) { int arr[5] = {1, 2, 3}; int *p = arr; int s = 0; for (int i = 0; i < 5; i++) s += p[i]; return s + (int)(&arr[4] - p); }
long st(void) { struct S s = {.c = 3, .l = 40}; struct S t = s; struct S *q = &t; q->a = 5; return t.a + t.c + q->l; }
int bits(void) { struct { unsigned a : 3; int b : 5; _Bool f : 1; } x = {9, -3}; x.f = 2; x.a++; return x.a * 100 + x.b * 10 + x.f; }
int str(void) { char s[] = "hello"; return s[1] + sizeof s; }
int un(void) { union { int i; unsigned char b[4]; } u; u.i = 0x01020304; return u.b[0]; }
`, []runCase{{"sum", nil, 10}, {"bits", nil, 200 - 30 + 1}, {"un", nil, 4}}},
	{"vla", `
int vla(int n) { int a[n]; for (int i = 0; i < n; i++) a[i] = i * i; return a[n - 1] + sizeof a; }
int vla2(int n) { int m[n][n + 1]; int (*p)[n + 1] = m; p[1][2] = 7; return m[1][2] + (int)sizeof m[0]; }
`, nil},
	{"calls", `
#include <stdarg.h>
struct P { long x, y; };
struct P mk(long a, long b) { struct P p = {a, b}; return p; }
long usep(struct P p) { return p.x - p.y; }
int sum(int n, ...) { va_list ap; va_start(ap, n); int s = 0; while (n--) s += va_arg(ap, int); va_end(ap); return s; }
extern int printf(const char *, ...);
_Noreturn void abort(void);
int main(void) { struct P p = mk(3, 4); if (usep(p) != -1) abort(); printf("%d %s\n", sum(3, 1, 2, 3), "ok"); int (*fp)(int, ...) = sum; return fp(1, 0); }
`, nil},
	{"floats", `
double d(double x, float f, long double l) { return x * f + (double)l / 3 - (x > f) + (long)x; }
_Complex double cx(_Complex double a, _Complex double b) { return a * b + a / b - __real__ a + ~b; }
int cmp(double a, double b) { return (a < b) + (a != b) * 2 + __builtin_isnan(a) * 4; }
long double ld = 0.1L;
unsigned long u(double x) { return x; }
float fl(unsigned char c) { return c; }
`, nil},
	{"builtins", `
int b(unsigned x, unsigned long y) { return __builtin_clz(x) + __builtin_ctzl(y) + __builtin_popcount(x) + __builtin_ffs(x) + __builtin_parity(x) + __builtin_expect(x, 1); }
int ov(int a, int b) { int r; return __builtin_add_overflow(a, b, &r) + __builtin_mul_overflow(a, b, &r) * 2; }
int at(int *p) { __atomic_store_n(p, 1, 5); int e = 1; __atomic_compare_exchange_n(p, &e, 2, 0, 5, 5); __sync_fetch_and_add(p, 3); return __atomic_load_n(p, 5) + __sync_nand_and_fetch(p, 1); }
void *lab(int i) { static void *t[] = {&&a, &&b}; goto *t[i]; a: return 0; b: return &&a; }
int asm1(int x) { int y; __asm__ volatile ("mov %1, %0" : "=r"(y) : "r"(x) : "memory"); return y; }
void *al(int n) { return __builtin_alloca(n); }
unsigned short bs(unsigned short x) { return __builtin_bswap16(x); }
`, []runCase{{"ov", []uint64{0x7fffffff, 2}, 3}}},
	{"globals", `
static int counter;
int tab[4] = {1, 2, [3] = 4};
const char *names[] = {"a", "bc", "a"};
struct { char c; int i : 4; long *p; } s = {'x', -2, 0};
__thread int tls = 3;
int *pt = &tab[2];
extern int ext;
int get(void) { static int calls = 10; return ++calls + counter + ext + tls + *pt; }
`, nil},
}

func TestFrontend(t *testing.T) {
	for _, tc := range frontendTests {
		t.Run(tc.name, func(t *testing.T) {
			m := compileC(t, "x86_64", tc.src)
			for _, r := range tc.runs {
				if got := run(t, m, r.fn, r.args...); truncTo32IfNeeded(got) != r.want {
					t.Errorf("%s(%v) = %#x, want %#x", r.fn, r.args, got, r.want)
				}
			}
		})
	}
}

// Every snippet must also lower for the other targets (long double formats, va_list kinds,
// 32-bit pointers).
func TestFrontendTargets(t *testing.T) {
	for _, triple := range []string{"aarch64", "riscv64", "i386"} {
		for _, tc := range frontendTests {
			t.Run(triple+"/"+tc.name, func(t *testing.T) { compileC(t, triple, tc.src) })
		}
	}
}

func truncTo32IfNeeded(v uint64) uint64 { return v }
