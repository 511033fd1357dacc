/* Integer arithmetic of every width: wrap-around of unsigned types, truncating division
   (C11 6.5.5p6), shifts, the usual arithmetic conversions (6.3.1.8). */
#include <limits.h>
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static volatile int vi = 7, vm = -7, v3 = 3;
static volatile unsigned vu = 7;
static volatile long long vll = -9000000000LL;

int main(void) {
	CHECK(vi / v3 == 2 && vi % v3 == 1);
	CHECK(vm / v3 == -2 && vm % v3 == -1);
	CHECK(vi / -v3 == -2 && vi % -v3 == 1);
	CHECK(vll / 7 == -1285714285LL && vll % 7 == -5);
	CHECK((unsigned)vm / 2 == 2147483644u);
	CHECK(vu - 8 == UINT_MAX);
	CHECK((unsigned char)(vi * 40) == 24);
	CHECK((signed char)(vi * 20) == -116);
	CHECK((short)(vi * 10000) == 4464);
	CHECK((unsigned short)-vi == 65529);
	CHECK(1u << 31 == 2147483648u);
	CHECK(-16 >> 2 == -4);
	CHECK((vm >> 1) == -4);
	CHECK((0xF0u >> 4) == 0xF);
	CHECK((1ULL << 63) >> 63 == 1);
	CHECK((long)INT_MAX + 1 == 2147483648L);
	CHECK(-1 < 0u == 0);          /* -1 converts to UINT_MAX */
	CHECK(-1L < 0u);              /* long holds every unsigned int */
	CHECK((vi & 3) == 3 && (vi | 8) == 15 && (vi ^ 5) == 2 && ~vi == -8);
	CHECK(!vi == 0 && !!vi == 1);
	long long a = 123456789012345LL, b = 987654321LL;
	CHECK(123456789LL * b == 121932631112635269LL);
	CHECK(a / b == 124999 && a % b == 986541666);
	unsigned long long u = 0xFFFFFFFFFFFFFFFFull;
	CHECK(u + 1 == 0 && u / 3 == 0x5555555555555555ull);
	CHECK(u % 10 == 5);
	int i = INT_MIN;
	CHECK(i == -2147483647 - 1);
	CHECK((unsigned)i == 0x80000000u);
	CHECK(sizeof(1 + 'a') == sizeof(int));
	CHECK(sizeof(1L + 1u) == 8);
	char c = 'A';
	c += 1;
	CHECK(c == 'B');
	unsigned char uc = 250;
	uc += 10;
	CHECK(uc == 4);
	int x = 5;
	x <<= 3; CHECK(x == 40);
	x >>= 2; CHECK(x == 10);
	x %= 4; CHECK(x == 2);
	x *= -3; CHECK(x == -6);
	x /= 4; CHECK(x == -1);
	x ^= 0xff; CHECK(x == -256);
	CHECK(vi * vi - vi / 2 + vi % 4 == 49 - 3 + 3);
	return 0;
}
