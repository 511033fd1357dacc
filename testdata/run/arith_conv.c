/* Conversions between every arithmetic type (C11 6.3.1): integer truncation and
   extension, floating to integer truncation toward zero, integer to floating rounding. */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static volatile double vd = -3.75, big = 4e9, huge = 1e19;
static volatile float vf = 2.5f;
static volatile long long vll = -1;
static volatile unsigned long long vull = 18446744073709551615ull;

int main(void) {
	CHECK((int)vd == -3);
	CHECK((long)vd == -3);
	CHECK((unsigned)big == 4000000000u);
	CHECK((unsigned long long)huge == 10000000000000000000ull);
	CHECK((long long)-vd == 3);
	CHECK((char)vd == -3);
	CHECK((short)(vd * 1000) == -3750);
	CHECK((float)vd == -3.75f);
	CHECK((double)vf == 2.5);
	CHECK((int)vf == 2);
	CHECK((double)vll == -1.0);
	CHECK((double)vull == 18446744073709551616.0);
	CHECK((float)vull == 18446744073709551616.0f);
	CHECK((double)(unsigned)0xFFFFFFFFu == 4294967295.0);
	CHECK((long double)vull == 18446744073709551615.0L);
	CHECK((unsigned long long)(long double)vull == vull);
	CHECK((double)9007199254740993LL == 9007199254740992.0);   /* round to even */
	CHECK((float)16777217 == 16777216.0f);
	signed char sc = -1;
	unsigned char uc = sc;
	CHECK(uc == 255);
	CHECK((int)sc == -1 && (int)uc == 255);
	CHECK((unsigned)sc == 0xFFFFFFFFu);
	CHECK((unsigned long)(int)-2 == 0xFFFFFFFFFFFFFFFEul);
	CHECK((unsigned long)(unsigned)-2 == 0xFFFFFFFEul);
	short s = -2;
	CHECK((unsigned short)s == 65534);
	long l = 0x123456789abcdef0L;
	CHECK((int)l == (int)0x9abcdef0 && (short)l == (short)0xdef0 && (char)l == (char)0xf0);
	_Bool b = 256;
	CHECK(b == 1);
	b = 0.1;
	CHECK(b == 1);
	b = (void *)0;
	CHECK(b == 0);
	CHECK((_Bool)vd == 1);
	CHECK(sizeof((char)1 + (char)1) == 4);
	char c = 'a';
	CHECK((c == 97) && (sizeof c == 1));
	CHECK(-1 == (signed char)0xff);
	double d = 1 / 3.0f;
	CHECK(d == (double)(1 / 3.0f));
	CHECK((int)(0.1 + 0.2 == 0.3) == 0);
	CHECK((unsigned)(vf * 2) == 5u);
	return 0;
}
