/* Prints the results of every libgocc helper on many values, one line per case, so the
   output of this program linked against libgcc and linked against libgocc can be
   compared line by line. The helpers are called explicitly by name, so gcc's inline
   expansions (e.g. for constant divisors) never stand in for them. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

typedef __int128 i128;
typedef unsigned __int128 u128;

i128 __divti3(i128, i128);
u128 __udivti3(u128, u128);
i128 __modti3(i128, i128);
u128 __umodti3(u128, u128);
double __floattidf(i128);
float __floattisf(i128);
double __floatuntidf(u128);
float __floatuntisf(u128);
i128 __fixdfti(double);
i128 __fixsfti(float);
u128 __fixunsdfti(double);
u128 __fixunssfti(float);
int __popcountdi2(long);
int __popcountti2(i128);
int __paritydi2(long);
extern void *__dso_handle;
int __unordtf2(_Float128, _Float128);
int __letf2(_Float128, _Float128);
int __lttf2(_Float128, _Float128);
int __getf2(_Float128, _Float128);
int __gttf2(_Float128, _Float128);
int __eqtf2(_Float128, _Float128);
int __netf2(_Float128, _Float128);

static uint64_t state = 0x9e3779b97f4a7c15u;
static uint64_t rnd(void) { /* xorshift64* */
	state ^= state >> 12; state ^= state << 25; state ^= state >> 27;
	return state * 2685821657736338717u;
}
static void p128(const char *tag, u128 v) {
	printf("%s %016llx%016llx\n", tag, (unsigned long long)(v >> 64), (unsigned long long)v);
}
static void pd(const char *tag, double d) { uint64_t b; memcpy(&b, &d, 8); printf("%s %016llx\n", tag, (unsigned long long)b); }
static void pf(const char *tag, float f) { uint32_t b; memcpy(&b, &f, 4); printf("%s %08x\n", tag, b); }

#define N 96
static u128 vals[N];

static u128 mk(uint64_t hi, uint64_t lo) { return ((u128)hi << 64) | lo; }

int main(void) {
	int n = 0;
	uint64_t edges[] = {0, 1, 2, 3, 7, 10, 0x7fffffff, 0x80000000u, 0xffffffffu,
		0x7fffffffffffffffu, 0x8000000000000000u, 0xffffffffffffffffu, 0x123456789abcdefu};
	for (int i = 0; i < 13 && n < N; i++) {
		vals[n++] = mk(0, edges[i]);
		vals[n++] = mk(edges[i], edges[(i * 5 + 3) % 13]);
		vals[n++] = -mk(0, edges[i]);
	}
	while (n < N) {
		uint64_t r = rnd();
		int shift = r & 127;
		vals[n++] = mk(rnd(), rnd()) >> shift;
	}
	const u128 i128min = (u128)1 << 127;
	for (int i = 0; i < N; i++) {
		for (int j = 0; j < N; j++) {
			u128 a = vals[i], b = vals[j];
			if (b == 0) continue;
			p128("udiv", __udivti3(a, b));
			p128("umod", __umodti3(a, b));
			if (a == i128min && (i128)b == -1) continue; /* UB */
			p128("sdiv", __divti3(a, b));
			p128("smod", __modti3(a, b));
		}
		u128 a = vals[i];
		pd("floattidf", __floattidf(a));
		pf("floattisf", __floattisf(a));
		pd("floatuntidf", __floatuntidf(a));
		pf("floatuntisf", __floatuntisf(a));
		printf("popcountti2 %d\n", __popcountti2(a));
		printf("popcountdi2 %d\n", __popcountdi2((long)a));
		printf("paritydi2 %d\n", __paritydi2((long)(a >> 3)));
	}
	/* Conversions to __int128: only values inside the destination's range. */
	double ds[] = {0.0, -0.0, 0.5, -0.99, 1.0, -1.0, 1e10, -1e10, 9.2e18, -9.2e18,
		9.3e18, -9.3e18, 1.8e19, 1.9e19, -1.9e19, 1e30, -1e30, 1.7e38, -1.7e38,
		0x1p63, -0x1p63, 0x1p64, 0x1p100, -0x1p126, 0x1.fffffffffffffp126, -0x1p127,
		0x1.fffffffffffffp127, 123456789.987654321, 4503599627370497.0};
	for (unsigned i = 0; i < sizeof ds / sizeof ds[0]; i++) {
		double d = ds[i];
		if (d < 0x1p127 && d >= -0x1p127) p128("fixdfti", __fixdfti(d));
		if (d > -1.0 && d < 0x1p128) p128("fixunsdfti", __fixunsdfti(d));
		float f = (float)d;
		if (f < 0x1p127f && f >= -0x1p127f) p128("fixsfti", __fixsfti(f));
		if (f > -1.0f && f < __builtin_inff()) p128("fixunssfti", __fixunssfti(f));
	}
	for (int i = 0; i < 2000; i++) {
		uint64_t bits = rnd();
		double d; memcpy(&d, &bits, 8);
		if (d != d) continue;
		if (d < 0x1p127 && d >= -0x1p127) p128("fixdfti", __fixdfti(d));
		if (d > -1.0 && d < 0x1p128) p128("fixunsdfti", __fixunsdfti(d));
		float f; uint32_t fb = (uint32_t)(bits >> 13); memcpy(&f, &fb, 4);
		if (f != f) continue;
		if (f < 0x1p127f && f >= -0x1p127f) p128("fixsfti", __fixsfti(f));
		if (f > -1.0f && f < __builtin_inff()) p128("fixunssfti", __fixunssfti(f));
	}
	/* __int128 -> floating rounding: values near halfway points. */
	for (int i = 0; i < 3000; i++) {
		u128 v = mk(rnd(), rnd()) >> (rnd() & 127);
		v ^= (u128)(rnd() & 3) << (rnd() & 127);
		pd("floatuntidf", __floatuntidf(v));
		pf("floatuntisf", __floatuntisf(v));
		pd("floattidf", __floattidf((i128)v));
		pf("floattisf", __floattisf((i128)v));
		u128 b = mk(rnd() >> (rnd() & 63), rnd()) >> (rnd() & 63);
		if (b == 0) continue;
		p128("udiv", __udivti3(v, b));
		p128("umod", __umodti3(v, b));
		if (!(v == i128min && (i128)b == -1)) {
			p128("sdiv", __divti3(v, b));
			p128("smod", __modti3(v, b));
		}
	}
	/* binary128 comparisons (the -static additions); results are compared by sign,
	   since only the sign is specified except for the unordered values. */
	_Float128 qs[] = {0, -0.0f128, 1, -1, 0.5f128, 1e300f128, -1e300f128, 1e4000f128,
		-1e-4000f128, __builtin_inff128(), -__builtin_inff128(), __builtin_nanf128(""),
		1 + 0x1p-112f128, 1 - 0x1p-113f128, 3, 3.0000000000000000000000000000001f128};
	int nq = sizeof qs / sizeof qs[0];
#define SGN(x) ((x) < 0 ? -1 : (x) > 0)
	for (int i = 0; i < nq; i++)
		for (int j = 0; j < nq; j++) {
			_Float128 a = qs[i], b = qs[j];
			printf("tf %d %d: unord=%d le=%d lt=%d ge=%d gt=%d eq=%d ne=%d\n", i, j,
				__unordtf2(a, b) != 0, SGN(__letf2(a, b)), SGN(__lttf2(a, b)),
				SGN(__getf2(a, b)), SGN(__gttf2(a, b)), __eqtf2(a, b) != 0, __netf2(a, b) != 0);
		}
	printf("dso %d\n", __dso_handle == (void *)&__dso_handle);
	return 0;
}
