// Layout rules gcc applies beyond the psABI tables (x86-64), checked at compile time
// and by where a bit-field's bits land; sema/layoutdiff_test.go compares thousands of
// records with gcc on four targets, this is the quick regression check.
#include <stddef.h>
#include <string.h>

typedef double V4df __attribute__((vector_size(32)));
typedef int Ta8 __attribute__((aligned(8)));

// C11 _Alignof is capped at __BIGGEST_ALIGNMENT__ unless an aligned attribute set the
// alignment; __alignof__ is the alignment the type is laid out with.
_Static_assert(_Alignof(V4df) == 16 && __alignof__(V4df) == 32, "vector");
struct SV { char c; V4df v; };
_Static_assert(offsetof(struct SV, v) == 32 && sizeof(struct SV) == 64, "vector member");
_Static_assert(_Alignof(struct SV) == 16 && __alignof__(struct SV) == 32, "record");
struct SU { char c; V4df v; Ta8 a; };
_Static_assert(_Alignof(struct SU) == 32, "user-aligned member");
struct SB { V4df v; Ta8 :3; };
_Static_assert(_Alignof(struct SB) == 32, "unnamed bit-field of an aligned type");
struct SC { V4df v; Ta8 :8; };
_Static_assert(_Alignof(struct SC) == 16, "... laid out as an ordinary field");

// A bit-field as wide as an integer mode, starting where that mode is aligned, is an
// ordinary field: the straddle rule of its (over-aligned) type does not move it.
struct BF { char c; Ta8 m : 8; };
_Static_assert(sizeof(struct BF) == 8 && _Alignof(struct BF) == 8, "bf size");
// Unnamed bit-fields do not raise the alignment on x86-64.
struct UB { char c[4]; int : 32; };
_Static_assert(sizeof(struct UB) == 8 && _Alignof(struct UB) == 1, "unnamed");

static int first_bit(const unsigned char *p, size_t n) {
	for (size_t i = 0; i < n * 8; i++)
		if (p[i / 8] >> (i % 8) & 1)
			return (int)i;
	return -1;
}

int main(void) {
	union { struct BF r; unsigned char b[sizeof(struct BF)]; } u;
	memset(&u, 0, sizeof u);
	u.r.m = -1;
	if (first_bit(u.b, sizeof u.b) != 8)
		return 1;
	if (u.r.m != -1 || u.r.c != 0)
		return 2;
	return 0;
}
