// The bit builtins of constants are constants where one is required (static
// initialisers, case labels), as gcc folds them: Linux's ilog2() and
// rounddown_pow_of_two() of a constant in a static initialiser.
#define ilog2(n) (__builtin_constant_p(n) ? ((n) < 2 ? 0 : 63 - __builtin_clzll(n)) : -1)
#define rounddown_pow_of_two(n) (__builtin_constant_p(n) ? (1UL << ilog2(n)) : 0)

static unsigned long fault_around = rounddown_pow_of_two(65536 + 5);
static int folded[] = {
	__builtin_clz(1), __builtin_clzl(1), __builtin_clzll(0x10),
	__builtin_ctz(8), __builtin_ctzl(1UL << 40), __builtin_ctzll(1ULL << 63),
	__builtin_popcount(0xff00ff), __builtin_popcountl(-1L), __builtin_popcountll(7),
	__builtin_parity(7), __builtin_parityl(3), __builtin_parityll(1),
	__builtin_ffs(0), __builtin_ffs(0x80), __builtin_ffsl(1L << 50), __builtin_ffsll(-1),
	__builtin_clrsb(0), __builtin_clrsb(-1), __builtin_clrsb(1), __builtin_clrsbl(-2), __builtin_clrsbll(0x7fff),
	__builtin_bswap32(0x11223344) == 0x44332211,
};

int main(void) {
	volatile unsigned long long v[] = {1, 1, 0x10, 8, 1UL << 40, 1ULL << 63, 0xff00ff, -1L, 7, 7, 3, 1,
		0, 0x80, 1L << 50, -1, 0, -1, 1, -2, 0x7fff};
	int run[] = {
		__builtin_clz(v[0]), __builtin_clzl(v[1]), __builtin_clzll(v[2]),
		__builtin_ctz(v[3]), __builtin_ctzl(v[4]), __builtin_ctzll(v[5]),
		__builtin_popcount(v[6]), __builtin_popcountl(v[7]), __builtin_popcountll(v[8]),
		__builtin_parity(v[9]), __builtin_parityl(v[10]), __builtin_parityll(v[11]),
		__builtin_ffs(v[12]), __builtin_ffs(v[13]), __builtin_ffsl(v[14]), __builtin_ffsll(v[15]),
		__builtin_clrsb(v[16]), __builtin_clrsb(v[17]), __builtin_clrsb(v[18]), __builtin_clrsbl(v[19]),
		__builtin_clrsbll(v[20]), 1,
	};
	if (fault_around != 65536)
		return 1;
	for (unsigned i = 0; i < sizeof run / sizeof run[0]; i++)
		if (folded[i] != run[i])
			return 10 + i;
	switch (4) {
	case __builtin_ctz(16):
		return 0;
	}
	return 2;
}
