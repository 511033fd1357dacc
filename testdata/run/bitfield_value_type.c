/* gcc keeps a bit-field's type ("unsigned int:20") through a comma, an assignment,
   an increment and a statement expression, so such a value narrower than int
   promotes to int: (0, s.f0) < -1 is false. Found by csmith (seed 2764). */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

struct S { unsigned f0 : 20; unsigned f1 : 20; unsigned long long f2 : 40; unsigned f32 : 32; } s;

int main(void) {
	volatile int m1 = -1, c = 1;
	CHECK(!((0, s.f0) < m1));
	CHECK(!((c ? s.f0 : s.f1) < m1));
	CHECK((c ? s.f0 : 5u) < m1); /* unsigned int: the usual conversions make -1 huge */
	CHECK(!(({ s.f0; }) < m1));
	CHECK(!((s.f0 = 0) < m1));
	CHECK(!((s.f0++) < m1) && s.f0 == 1);
	CHECK(!((--s.f0) < m1) && s.f0 == 0);
	CHECK((0, s.f32) < m1); /* 32 bits: unsigned int */
	CHECK(sizeof((0, s.f0) + 0) == sizeof(int));
	s.f2 = (1ULL << 40) - 1;
	CHECK((0, s.f2) + 1 == 0); /* arithmetic in the field's 40 bits, as gcc */
	return 0;
}
