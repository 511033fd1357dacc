/* __builtin_bswap16/32/64 of constants are constants, as in gcc: Linux's
   htons(ETH_P_IP) is __builtin_bswap16(0x0800) and appears in case labels. */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static int proto(unsigned short p) {
	switch (p) {
	case (unsigned short)__builtin_bswap16((unsigned short)0x0800):
		return 4;
	case (unsigned short)__builtin_bswap16((unsigned short)0x86DD):
		return 6;
	}
	return 0;
}

static const unsigned long long k64 = __builtin_bswap64(0x0102030405060708ULL);
static const unsigned k32 = __builtin_bswap32(0xA1B2C3D4u);

int main(void) {
	CHECK(proto(0x0008) == 4 && proto(0xDD86) == 6 && proto(0x0800) == 0);
	CHECK(k64 == 0x0807060504030201ULL && k32 == 0xD4C3B2A1u);
	return 0;
}
