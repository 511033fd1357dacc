// Inline asm with x87 stack operands: "t" (st(0)) and "u" (st(1)) for long double.
static long double atan2_x87(long double y, long double x) {
	long double v;
	__asm__ __volatile__("fpatan" : "=t"(v) : "0"(x), "u"(y) : "st(1)");
	return v;
}

static long double sqrt_x87(long double x) {
	long double r;
	__asm__ __volatile__("fsqrt" : "=t"(r) : "0"(x));
	return r;
}

static long double pi_x87(void) {
	long double r;
	__asm__("fldpi" : "=t"(r));
	return r;
}

static long double neg_x87(long double x) {
	__asm__("fchs" : "+t"(x));
	return x;
}

int main(void) {
	long double q = atan2_x87(1.0L, 1.0L);
	if (q < 0.785398163397L || q > 0.785398163398L)
		return 1;
	if (sqrt_x87(4.0L) != 2.0L || sqrt_x87(2.25L) != 1.5L)
		return 2;
	long double p = pi_x87();
	if (p < 3.14159265358L || p > 3.14159265359L)
		return 3;
	if (neg_x87(2.5L) != -2.5L)
		return 4;
	// The x87 stack is left empty: many calls in a row still work.
	long double s = 0;
	for (int i = 0; i < 20; i++)
		s += sqrt_x87((long double)(i * i));
	if (s != 190.0L)
		return 5;
	return 0;
}
