/* __builtin_apply_args, __builtin_apply and __builtin_return (gcc "Constructing
   Function Calls"): forwarding calls without knowing their arguments. */
#include <stdarg.h>
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static int seen;

static long sum8(long a, long b, long c, long d, long e, long f, long g, long h) {
	seen++;
	return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h;
}
/* Two of the eight arguments are on the stack: 16 bytes. */
static long fwd_sum8(long a, long b, long c, long d, long e, long f, long g, long h) {
	void *r = __builtin_apply((void (*)())sum8, __builtin_apply_args(), 16);
	__builtin_return(r);
}

static double mix(int i, double x, float y) { return i * x + y; }
static double fwd_mix(int i, double x, float y) {
	__builtin_return(__builtin_apply((void (*)())mix, __builtin_apply_args(), 0));
}

static long double ld(long double x, int k) { return x * k; }
static long double fwd_ld(long double x, int k) {
	/* The long double is on the stack: 16 bytes. */
	__builtin_return(__builtin_apply((void (*)())ld, __builtin_apply_args(), 16));
}

static int vsum(int n, ...) {
	va_list ap;
	va_start(ap, n);
	int s = 0;
	for (int i = 0; i < n; i++) s += va_arg(ap, int);
	double d = va_arg(ap, double);
	va_end(ap);
	return s + (int)d;
}
static int fwd_vsum(int n, ...) {
	/* %al (vector registers used) is forwarded too. */
	__builtin_return(__builtin_apply((void (*)())vsum, __builtin_apply_args(), 0));
}

static struct { long lo, hi; } pair(long a) { return (typeof(pair(0))){a, -a}; }

static void *result;
static void keep(long a) {
	void *args = __builtin_apply_args();
	int x = 1; /* clobber registers between entry and the apply */
	for (int i = 0; i < 10; i++) x *= 3;
	seen += x != 59049;
	result = __builtin_apply((void (*)())pair, args, 0);
}

int main(void) {
	CHECK(fwd_sum8(1, 2, 3, 4, 5, 6, 7, 8) == 204 && seen == 1);
	CHECK(fwd_mix(3, 1.5, 0.25f) == 4.75);
	CHECK(fwd_ld(2.5L, 4) == 10.0L);
	CHECK(fwd_vsum(3, 10, 20, 30, 4.0) == 64);
	keep(42);
	CHECK(((long *)result)[0] == 42 && ((long *)result)[1] == -42 && seen == 1);
	return 0;
}
