// __builtin_*_overflow with a 128-bit result and narrower operands: the result is the
// exact value truncated to 128 bits; overflow only when it does not fit.
typedef unsigned __int128 U;
typedef __int128 S;

int main(void) {
	U u;
	S s;
	if (!__builtin_mul_overflow((unsigned char)4, -16, &u) || u != (U)-64) return 1;
	if (__builtin_mul_overflow(4, -16, &s) || s != -64) return 2;
	unsigned long long m = ~0ULL;
	if (__builtin_mul_overflow(m, m, &u) || u != (U)m * m) return 3;
	if (!__builtin_mul_overflow(m, m, &s) || s != (S)((U)m * m)) return 4;
	if (__builtin_add_overflow(m, m, &s) || s != (S)m * 2) return 5;
	if (!__builtin_sub_overflow(1ULL, 2ULL, &u) || u != (U)-1) return 6;
	if (__builtin_sub_overflow(1ULL, 2ULL, &s) || s != -1) return 7;
	long long big = -0x7fffffffffffffffLL - 1;
	if (__builtin_mul_overflow(big, m, &s) || s != (S)big * (S)m) return 8;
	if (!__builtin_mul_overflow_p(big, 2, (U)0)) return 9;
	return 0;
}
