/* long double _Complex division scales like libgcc's __divxc3 (Smith's method):
   operands near LDBL_MAX or LDBL_MIN must not overflow or underflow to NaN. */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

int main(void) {
	volatile long double big = 1e4000L, sm = 1e-4000L;
	long double _Complex a = big + big * 1.0iL;
	long double _Complex q = a / a;
	CHECK(__real__ q == 1 && __imag__ q == 0);
	long double _Complex c = sm + sm * 1.0iL, e = sm * 2 + 0.0iL;
	long double _Complex r = c / e;
	CHECK(__real__ r == 0.5L && __imag__ r == 0.5L);
	long double _Complex x = 3.0L + 4.0iL, y = 1.0L - 2.0iL;
	long double _Complex z = x / y; /* (3+4i)/(1-2i) = -1 + 2i */
	CHECK(__real__ z == -1 && __imag__ z == 2);
	return 0;
}
