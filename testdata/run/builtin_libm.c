/* Library builtins of <math.h> and <complex.h> (C11 7.12, 7.3) with gcc's signatures:
   fma, remquo, drem, roundeven, the complex functions, cabs, carg, cpow; and
   aligned_alloc (C11 7.22.3.1). */
#include <stdio.h>
#include <stdlib.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

int main(void) {
	double _Complex z = 3.0 + 4.0i;
	CHECK(__builtin_cabs(z) == 5.0 && __builtin_cabsf(3.0f + 4.0fi) == 5.0f && __builtin_cabsl(z) == 5.0L);
	double _Complex e = __builtin_cexp(0.0 + 0.0i);
	CHECK(__real__ e == 1.0 && __imag__ e == 0.0);
	double _Complex p = __builtin_cpow(2.0 + 0.0i, 3.0 + 0.0i);
	CHECK(__real__ p > 7.9999 && __real__ p < 8.0001);
	float _Complex s = __builtin_csqrtf(-4.0f + 0.0fi);
	CHECK(__real__ s == 0.0f && __imag__ s == 2.0f);
	long double _Complex c = __builtin_conjl(__builtin_cprojl(1.0L + 2.0Li));
	CHECK(__imag__ c == -2.0L);
	CHECK(__builtin_carg(1.0i) > 1.5707 && __builtin_carg(1.0i) < 1.5708);
	CHECK(__builtin_fma(2.0, 3.0, 1.0) == 7.0 && __builtin_fmaf(2.0f, 3.0f, -1.0f) == 5.0f && __builtin_fmal(1.0L, 1.0L, 1.0L) == 2.0L);
	int q;
	CHECK(__builtin_remquo(7.0, 2.0, &q) == -1.0 && q == 4);
	CHECK(__builtin_drem(7.0, 2.0) == -1.0);
	CHECK(__builtin_roundeven(2.5) == 2.0 && __builtin_roundevenf(3.5f) == 4.0f && __builtin_roundevenl(-2.5L) == -2.0L);
	void *a = __builtin_aligned_alloc(64, 128);
	CHECK(a && ((unsigned long)a & 63) == 0);
	free(a);
	return 0;
}
