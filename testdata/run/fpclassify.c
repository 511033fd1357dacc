/* fpclassify (C11 7.12.3.1) through __builtin_fpclassify, for each floating type and
   every class, with the class values taken from the call. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)
#define CL(x) __builtin_fpclassify(10, 11, 12, 13, 14, x)

static volatile float f0 = 0.0f, fn = -1.5f, fs = FLT_MIN / 8, fmx = FLT_MAX;
static volatile double d0 = -0.0, dn = 3.0, ds = DBL_MIN / 2, dm = DBL_MIN;
static volatile long double l0 = 0.0L, ln = -2.0L, ls, lm = LDBL_MIN, lb = 1e-320L;

int main(void) {
	float finf = (float)INFINITY, fnan = (float)NAN;
	double dinf = -INFINITY, dnan = -NAN;
	long double linf = INFINITY, lnan = NAN;
	ls = lm / 4;
	CHECK(CL(f0) == 14 && CL(fn) == 12 && CL(fs) == 13 && CL(fmx) == 12 && CL(finf) == 11 && CL(fnan) == 10);
	CHECK(CL(d0) == 14 && CL(dn) == 12 && CL(ds) == 13 && CL(dm) == 12 && CL(dinf) == 11 && CL(dnan) == 10);
	CHECK(CL(l0) == 14 && CL(ln) == 12 && CL(ls) == 13 && CL(lm) == 12 && CL(linf) == 11 && CL(lnan) == 10);
	/* 1e-320 is subnormal as a double but normal as an x87 long double. */
	CHECK(CL(lb) == 12 && CL((double)lb) == 13);
	CHECK(fpclassify(fs) == FP_SUBNORMAL && fpclassify(dinf) == FP_INFINITE && fpclassify(lnan) == FP_NAN);
	CHECK(fpclassify(d0) == FP_ZERO && fpclassify(ln) == FP_NORMAL);
	return 0;
}
