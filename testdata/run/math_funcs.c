/* math.h functions and classification macros. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)
#define NEAR(a, b) (fabs((a) - (b)) < 1e-12)

int main(void) {
	CHECK(NEAR(sqrt(16.0), 4.0) && NEAR(cbrt(27.0), 3.0));
	CHECK(NEAR(sin(M_PI / 2), 1.0) && NEAR(cos(0), 1.0) && NEAR(tan(M_PI / 4), 1.0));
	CHECK(NEAR(atan2(1, 1), M_PI / 4) && NEAR(asin(1), M_PI / 2));
	CHECK(NEAR(exp(1), M_E) && NEAR(log(M_E), 1) && NEAR(log10(1000), 3) && NEAR(log2(8), 3));
	CHECK(pow(2, 0.5) > 1.414 && pow(2, 0.5) < 1.415);
	CHECK(fmod(7.5, 2) == 1.5 && fmod(-7.5, 2) == -1.5);
	CHECK(floor(2.7) == 2 && ceil(2.1) == 3 && round(2.5) == 3 && trunc(-2.7) == -2 && rint(2.5) == 2);
	CHECK(fabs(-3.0) == 3 && fabsf(-2.0f) == 2.0f);
	int e;
	double m = frexp(48.0, &e);
	CHECK(m == 0.75 && e == 6 && ldexp(0.75, 6) == 48.0);
	double ip;
	CHECK(modf(3.25, &ip) == 0.25 && ip == 3);
	CHECK(isnan(NAN) && isinf(INFINITY) && isfinite(1.0) && !isfinite(HUGE_VAL));
	CHECK(fpclassify(0.0) == FP_ZERO && fpclassify(1.0) == FP_NORMAL && fpclassify(DBL_MIN / 4) == FP_SUBNORMAL);
	CHECK(signbit(-0.0) && !signbit(0.0));
	CHECK(fmax(1, 2) == 2 && fmin(1, 2) == 1 && hypot(3, 4) == 5);
	CHECK(sqrtf(9.0f) == 3.0f && powf(2.0f, 3.0f) == 8.0f);
	CHECK(NEAR(sinhl(0.0L), 0) && sqrtl(4.0L) == 2.0L);
	CHECK(lround(-2.5) == -3 && llrint(3.0) == 3);
	CHECK(copysign(3, -1) == -3 && nextafter(1, 2) > 1);
	return 0;
}
