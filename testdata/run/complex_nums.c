/* _Complex float/double/long double (C11 6.2.5p11, G.5): arithmetic, parts,
   conjugation, and the complex.h functions. */
#include <complex.h>
#include <math.h>
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static double complex mul(double complex a, double complex b) { return a * b; }
static float complex addf(float complex a, float complex b) { return a + b; }

int main(void) {
	double complex z = 1.0 + 2.0 * I;
	CHECK(creal(z) == 1.0 && cimag(z) == 2.0);
	double complex w = mul(z, z);   /* (1+2i)^2 = -3+4i */
	CHECK(creal(w) == -3.0 && cimag(w) == 4.0);
	CHECK(cabs(w) == 5.0);
	double complex c = conj(z);
	CHECK(cimag(c) == -2.0);
	double complex d = w / z;
	CHECK(fabs(creal(d) - 1.0) < 1e-12 && fabs(cimag(d) - 2.0) < 1e-12);
	float complex f = addf(1.0f + 1.0f * I, 2.0f - 3.0f * I);
	CHECK(crealf(f) == 3.0f && cimagf(f) == -2.0f);
	CHECK(sizeof(double complex) == 16 && sizeof(float complex) == 8 && sizeof(long double complex) == 32);
	long double complex l = 2.0L + 3.0L * I;
	l *= 2;
	CHECK(creall(l) == 4.0L && cimagl(l) == 6.0L);
	double complex e = cexp(I * M_PI);
	CHECK(fabs(creal(e) + 1) < 1e-12 && fabs(cimag(e)) < 1e-12);
	double complex s = csqrt(-4.0);
	CHECK(fabs(cimag(s) - 2) < 1e-12);
	z += 1;
	CHECK(creal(z) == 2.0);
	CHECK(z == 2.0 + 2.0 * I && z != w);
	double complex p = __real__ z;
	CHECK(__imag__ p == 0);
	return 0;
}
