/* long double: x87 80-bit extended precision (psABI §3.1.2), arithmetic, conversions,
   passing and returning, printf. */
#include <float.h>
#include <stdio.h>
#include <string.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static long double sq(long double x) { return x * x; }
static long double sum(int n, long double *v) { long double s = 0; for (int i = 0; i < n; i++) s += v[i]; return s; }
static volatile long double vone = 1.0L;

int main(void) {
	CHECK(sizeof(long double) == 16 && _Alignof(long double) == 16);
	CHECK(LDBL_MANT_DIG == 64);
	long double x = 1.0L + 1e-19L;   /* representable in 64-bit mantissa */
	CHECK(x != 1.0L);
	CHECK((double)x == 1.0);
	CHECK(sq(3.0L) == 9.0L);
	long double v[] = {0.5L, 0.25L, 0.125L};
	CHECK(sum(3, v) == 0.875L);
	long long big = 9223372036854775807LL;
	long double lb = big;
	CHECK((long long)lb == big);   /* exact in 64 bits of mantissa */
	unsigned long long ub = 18446744073709551615ULL;
	CHECK((unsigned long long)(long double)ub == ub);
	CHECK((int)-2.9L == -2);
	long double third = vone / 3;
	CHECK(third * 3 == 1.0L || third * 3 != 1.0L);
	CHECK(third * 3 - 1 < 1e-18L && third * 3 - 1 > -1e-18L && (double)third == 1.0 / 3);
	char buf[64];
	snprintf(buf, sizeof buf, "%.5Lf", 2.0L / 3);
	CHECK(strcmp(buf, "0.66667") == 0);
	float f = (float)third;
	CHECK(f == 1.0f / 3);
	long double m = LDBL_MAX;
	CHECK(m > DBL_MAX);
	CHECK(-x < 0 && x - 1 > 0);
	x += 1;
	x *= 2;
	CHECK(x >= 4.0L && x < 4.0000001L);
	return 0;
}
