/* Sizes, alignments and limits of the types on x86-64 (psABI §3.1.2), _Alignas,
   _Static_assert and _Generic (C11 6.5.1.1). */
#include <limits.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)
#define KIND(x) _Generic((x), int: 1, long: 2, double: 3, char *: 4, const char *: 5, default: 0)

_Static_assert(sizeof(long) == 8, "LP64");
struct al { char c; _Alignas(32) int x; };
static _Alignas(64) char aligned_buf[10];

int main(void) {
	CHECK(sizeof(char) == 1 && sizeof(short) == 2 && sizeof(int) == 4 && sizeof(long) == 8);
	CHECK(sizeof(long long) == 8 && sizeof(void *) == 8 && sizeof(float) == 4 && sizeof(double) == 8);
	CHECK(sizeof(_Bool) == 1 && sizeof(size_t) == 8 && sizeof(wchar_t) == 4);
	CHECK(alignof(double) == 8 && alignof(long long) == 8 && alignof(max_align_t) == 16);
	CHECK(sizeof(struct al) == 64 && offsetof(struct al, x) == 32);
	CHECK(((uintptr_t)aligned_buf & 63) == 0);
	CHECK(CHAR_BIT == 8 && CHAR_MIN == -128 && SCHAR_MAX == 127 && UCHAR_MAX == 255);
	CHECK(INT_MAX == 2147483647 && LONG_MAX == 9223372036854775807L && ULLONG_MAX == 18446744073709551615ull);
	CHECK(INT64_MIN == -9223372036854775807LL - 1 && UINT32_MAX == 4294967295u);
	CHECK(KIND(1) == 1 && KIND(1L) == 2 && KIND(1.0) == 3 && KIND("s") == 4 && KIND(1.0f) == 0);
	const char *cs = "x";
	CHECK(KIND(cs) == 5);
	int arr[7];
	CHECK(sizeof arr / sizeof arr[0] == 7);
	CHECK(sizeof(int[3][5]) == 60);
	CHECK(__SIZEOF_INT128__ == 16 && __SIZEOF_POINTER__ == 8 && __CHAR_BIT__ == 8);
	CHECK(__x86_64__ == 1 && __LP64__ == 1);
	CHECK(__STDC_VERSION__ >= 201112L && __GNUC__ >= 4);
	_Static_assert(_Alignof(int) == 4, "int alignment");
	return 0;
}
