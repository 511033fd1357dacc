/* <tgmath.h> (C11 7.25), which glibc implements with __builtin_tgmath: the function
   chosen follows the argument types (7.25p3). */
#include <tgmath.h>
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)
#define TYPE_IS(e, T) __builtin_types_compatible_p(__typeof__(e), T)

int main(void) {
	float f = 4.0f;
	double d = 9.0;
	long double l = 16.0L;
	int i = 25;
	float _Complex fz = -4.0f;
	double _Complex z = -9.0;
	long double _Complex lz = 4.0L;

	CHECK(TYPE_IS(sqrt(f), float) && sqrt(f) == 2.0f);
	CHECK(TYPE_IS(sqrt(d), double) && sqrt(d) == 3.0);
	CHECK(TYPE_IS(sqrt(l), long double) && sqrt(l) == 4.0L);
	CHECK(TYPE_IS(sqrt(i), double) && sqrt(i) == 5.0); /* integers are double */
	CHECK(TYPE_IS(sqrt(fz), float _Complex) && cimag(sqrt(fz)) == 2.0f);
	CHECK(TYPE_IS(sqrt(z), double _Complex) && cimag(sqrt(z)) == 3.0);
	CHECK(TYPE_IS(sqrt(lz), long double _Complex) && creal(sqrt(lz)) == 2.0L);

	/* Several generic arguments: the widest wins, any complex one makes it complex. */
	CHECK(TYPE_IS(pow(f, f), float) && pow(f, 2.0f) == 16.0f);
	CHECK(TYPE_IS(pow(f, 2), double) && TYPE_IS(pow(f, l), long double));
	CHECK(TYPE_IS(pow(f, z), double _Complex) && TYPE_IS(pow(lz, 2), long double _Complex));
	CHECK(TYPE_IS(fmax(1, 2.5f), double) && fmax(1, 2.5f) == 2.5);
	CHECK(TYPE_IS(fma(f, f, f), float) && fma(f, f, 1.0f) == 17.0f);

	/* Non-generic parameters keep their types. */
	int e;
	CHECK(TYPE_IS(frexp(f, &e), float) && frexp(8.0f, &e) == 0.5f && e == 4);
	CHECK(TYPE_IS(ldexp(l, 3), long double) && ldexp(1.0L, 3) == 8.0L);
	int q;
	CHECK(TYPE_IS(remquo(d, 2.0, &q), double) && remquo(7.0, 2.0, &q) == -1.0 && q == 4);
	CHECK(TYPE_IS(nexttoward(f, 1.0L), float) && TYPE_IS(lround(l), long) && lround(2.5L) == 3);

	/* Complex-only functions take real arguments as complex ones of that type. */
	CHECK(TYPE_IS(creal(f), float) && TYPE_IS(cimag(z), double) && TYPE_IS(carg(l), long double));
	CHECK(TYPE_IS(conj(d), double _Complex) && carg(-1.0) > 3.14159);
	/* fabs of a complex number is cabs. */
	CHECK(TYPE_IS(fabs(z), double) && fabs(3.0 + 4.0i) == 5.0);

	/* Nested type-generic calls expand each argument once. */
	int n = 0;
	CHECK(sqrt(sqrt(pow((float)(n++, 16.0f), 1))) == 2.0f && n == 1);
	return 0;
}
