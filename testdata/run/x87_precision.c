// flags: -mpc64
// -mpc64 links a constructor that sets the x87 precision control to a 53-bit
// significand (gcc's crtprec64.o): long double arithmetic then rounds like double.
int main(void) {
	volatile long double one = 1.0L, tiny = 0x1p-60L;
	long double s = one + tiny;
	unsigned short cw;
	__asm__ volatile("fnstcw %0" : "=m"(cw));
	if ((cw & 0x300) != 0x200) return 1;
	if (s != one) return 2; /* 1 + 2^-60 rounds to 1 with a 53-bit significand */
	return 0;
}
