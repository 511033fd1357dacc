// Complex division is accurate near the limits of the range, as libgcc's __divdc3
// and __divsc3 (scaled Smith's method).
static int close_to(double got, double want) {
	double e = got - want;
	if (e < 0)
		e = -e;
	double w = want < 0 ? -want : want;
	return e <= w * 1e-13 || e < 1e-300;
}

int main(void) {
	volatile double xr = -0x1.16e7fad79e45ep+651, xi = -0x1.f7f75b94c6c6ap-860;
	volatile double yr = -0x1.2f40d8ff7e55ep+245, yi = -0x0.0000000004ebcp-1022;
	double _Complex a, b, c;
	__real__ a = xr;
	__imag__ a = xi;
	__real__ b = yr;
	__imag__ b = yi;
	c = a / b;
	if (!close_to(__real__ c, 0x1.d6e4b0e282869p+405))
		return 1;
	// Huge operands do not overflow.
	__real__ a = 1e308;
	__imag__ a = 1e308;
	__real__ b = 1e308;
	__imag__ b = 1e308;
	c = a / b;
	if (!close_to(__real__ c, 1) || !close_to(__imag__ c, 0))
		return 2;
	// Ordinary values.
	c = (1.0 + 2.0i) / (3.0 + 4.0i);
	if (!close_to(__real__ c, 0.44) || !close_to(__imag__ c, 0.08))
		return 3;
	float _Complex f = (1.0f + 2.0f * 1.0if) / (3.0f + 4.0f * 1.0if);
	if (__real__ f < 0.4399f || __real__ f > 0.4401f || __imag__ f < 0.0799f || __imag__ f > 0.0801f)
		return 4;
	volatile float big = 3e38f;
	float _Complex g, h;
	__real__ g = big;
	__imag__ g = big;
	__real__ h = big;
	__imag__ h = -big;
	f = g / h;
	if (__real__ f != 0 || __imag__ f < 0.9999f || __imag__ f > 1.0001f)
		return 5;
	return 0;
}
