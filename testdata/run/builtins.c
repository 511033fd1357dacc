/* GCC builtins commonly used by real code: bit counting, byte swapping, overflow
   checks, memcpy/memset/strlen builtins, __builtin_unreachable/trap (not executed). */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static volatile unsigned v = 0xF0F0;
static volatile unsigned long long vl = 0x8000000000000001ull;

int main(void) {
	CHECK(__builtin_popcount(v) == 8 && __builtin_popcountll(vl) == 2);
	CHECK(__builtin_clz(v) == 16 && __builtin_ctz(v) == 4);
	CHECK(__builtin_clzll(vl) == 0 && __builtin_ctzll(vl) == 0);
	CHECK(__builtin_ffs(v) == 5 && __builtin_ffs(0) == 0);
	CHECK(__builtin_parity(v) == 0 && __builtin_parityll(vl) == 0);
	CHECK(__builtin_bswap16(0x1234) == 0x3412 && __builtin_bswap32(0x12345678) == 0x78563412);
	CHECK(__builtin_bswap64(0x0102030405060708ull) == 0x0807060504030201ull);
	int r;
	CHECK(__builtin_add_overflow(2147483647, 1, &r) && r == -2147483648);
	CHECK(!__builtin_mul_overflow(1000, 1000, &r) && r == 1000000);
	unsigned ur;
	CHECK(__builtin_sub_overflow(0u, 1u, &ur) && ur == 4294967295u);
	long lr;
	CHECK(__builtin_smull_overflow(1L << 62, 2, &lr));
	char buf[16];
	__builtin_memset(buf, 'a', 15);
	buf[15] = 0;
	CHECK(__builtin_strlen(buf) == 15);
	char dst[16];
	__builtin_memcpy(dst, buf, 16);
	CHECK(__builtin_memcmp(dst, buf, 16) == 0);
	CHECK(__builtin_constant_p(3) && !__builtin_constant_p(v));
	CHECK(__builtin_abs(-3) == 3 && __builtin_labs(-3L) == 3);
	CHECK(__builtin_inf() > 1e308 && __builtin_nan("") != __builtin_nan(""));
	CHECK(__builtin_huge_val() == __builtin_inf());
	if (v == 0) __builtin_unreachable();
	if (v == 1) __builtin_trap();
	void *ra = __builtin_return_address(0);
	CHECK(ra != 0);
	CHECK(__builtin_frame_address(0) != 0);
	return 0;
}
