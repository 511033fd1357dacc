/* gcc's rounding conversions without a library function (__builtin_lfloor,
   __builtin_iceil, __builtin_llfloorl…) and lround/lrint/llround/llrint for every
   floating type. */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)
#define TYPE_IS(e, T) __builtin_types_compatible_p(__typeof__(e), T)

int main(void) {
	volatile double d = -2.5;
	volatile float f = 2.5f;
	volatile long double l = 3.5L;
	CHECK(TYPE_IS(__builtin_lfloor(d), long) && __builtin_lfloor(d) == -3);
	CHECK(TYPE_IS(__builtin_llceil(d), long long) && __builtin_llceil(d) == -2);
	CHECK(TYPE_IS(__builtin_ifloorf(f), int) && __builtin_ifloorf(f) == 2 && __builtin_iceilf(f) == 3);
	CHECK(__builtin_lfloorl(l) == 3 && __builtin_llceill(l) == 4 && __builtin_iroundl(l) == 4);
	CHECK(__builtin_iround(d) == -3 && __builtin_irint(d) == -2 && __builtin_irintf(f) == 2);
	CHECK(__builtin_lroundf(f) == 3 && __builtin_llroundl(l) == 4 && __builtin_lrintl(l) == 4);
	CHECK(TYPE_IS(__builtin_llrintf(f), long long) && __builtin_llrintf(f) == 2);
	return 0;
}
