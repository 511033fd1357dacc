/* __int128 constant expressions in static initializers (C11 6.6p7): evaluated
   exactly modulo 2^128, as gcc does. */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

typedef __int128 i128;
typedef unsigned __int128 u128;

static i128 s1 = (i128)1 << 100;
static i128 s2 = -((i128)3 << 89);
static u128 u1 = ~(u128)0;
static u128 u2 = (u128)0xffffffffffffffffULL * 0xffffffffffffffffULL;
static u128 u3 = ((u128)1 << 127) / 3;
static i128 s3 = (((i128)1 << 120) + 5) % 7;
static i128 s4 = ((i128)-1 << 70) >> 68;
static u128 u4 = ((u128)0x123456789abcdefULL << 64 | 0xfedcba9876543210ULL) ^ ((u128)1 << 64);
static long n1 = (long)(((i128)7 << 64) + 42);
static int c1 = ((i128)1 << 100) > ((i128)1 << 99);
static double d1 = (double)((i128)1 << 100);
static float f1 = (float)-((i128)1 << 80);
static i128 s5 = ((i128)1 << 100) ? 11 : 22;

int main(void) {
	volatile int k = 100;
	CHECK(s1 == (i128)1 << k);
	CHECK(s2 == -((i128)3 << (k - 11)));
	CHECK(u1 + 1 == 0 && (u1 >> 127) == 1);
	u128 m = 0xffffffffffffffffULL;
	CHECK(u2 == m * m && (unsigned long long)(u2 >> 64) == 0xfffffffffffffffeULL);
	CHECK(u3 == ((u128)1 << (k + 27)) / 3);
	CHECK(s3 == (((i128)1 << (k + 20)) + 5) % 7);
	CHECK(s4 == -4 << 0 && s4 == ((i128)-1 << (k - 30)) >> 68);
	CHECK((unsigned long long)(u4 >> 64) == 0x123456789abcdeeULL && (unsigned long long)u4 == 0xfedcba9876543210ULL);
	CHECK(n1 == 42 && c1 == 1);
	CHECK(d1 == 0x1p100 && f1 == -0x1p80f);
	CHECK(s5 == 11);
	return 0;
}
