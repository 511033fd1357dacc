/* Floating arithmetic: IEEE semantics of NaN, infinities, signed zeros, rounding, and
   float vs double evaluation (FLT_EVAL_METHOD 0 on x86-64). */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static volatile double zero = 0.0, one = 1.0;
static volatile float fz = 0.0f;

int main(void) {
	double nan = zero / zero, inf = one / zero;
	CHECK(nan != nan);
	CHECK(!(nan < 1) && !(nan > 1) && !(nan == nan) && !(nan <= nan));
	CHECK(inf > DBL_MAX && -inf < -DBL_MAX);
	CHECK(1 / (-zero) < 0);
	CHECK(-zero == zero);
	double nz = -zero;
	unsigned long long bits;
	memcpy(&bits, &nz, 8);
	CHECK(bits == 0x8000000000000000ull);
	CHECK(0.1 + 0.2 != 0.3);
	CHECK(0.1f + 0.2f == 0.3f);
	float f = 16777216.0f;
	CHECK(f + 1.0f == f);
	CHECK((double)f + 1.0 != f);
	CHECK(1e308 * 10 == inf);
	CHECK(DBL_MIN / 2 > 0);
	CHECK(FLT_MAX * 2 == (float)inf);
	CHECK(3.0 / 2 == 1.5 && 7.5 - 0.5 * 3 == 6.0);
	CHECK(-7.5 / 2 == -3.75);
	CHECK(0x1p-1074 > 0 && 0x1p-1074 / 2 == 0);
	CHECK(1.5e3 == 1500.0 && 2.5e-1f == 0.25f && 0x1.8p1 == 3.0);
	double x = 1.0;
	for (int i = 0; i < 10; i++) x *= 1.5;
	CHECK(x > 57.66 && x < 57.67);
	float y = 10;
	y /= 4;
	CHECK(y == 2.5f);
	y++;
	CHECK(y == 3.5f);
	double a[4] = {1.5, -2.25, 3.125, 0};
	double s = 0;
	for (int i = 0; i < 4; i++) s += a[i];
	CHECK(s == 2.375);
	CHECK(fz == 0.0f && -fz == 0.0f);
	CHECK((nan > 0) == 0 && (nan != 0) == 1);
	CHECK(isinf(inf) && isnan(nan) && !isnan(inf));
	double t = 2.0;
	CHECK(t * t * t == 8 && t - 3 < 0 && t / 0.5 == 4);
	CHECK((float)(1.0 / 3.0) != 1.0 / 3.0);
	return 0;
}
