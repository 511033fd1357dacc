/* Unions, bit-fields (C11 6.7.2.1p10-13: allocation as gcc does on x86-64), and
   anonymous members. */
#include <stdio.h>
#include <string.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

union pun { float f; unsigned u; unsigned char b[4]; };
struct bits { unsigned a : 3; unsigned b : 5; int c : 4; unsigned d : 20; };
struct sbits { int x : 3; unsigned y : 1; long z : 40; };
struct zero { char a; int : 0; char b; };
struct anon { int kind; union { int i; double d; }; struct { short lo, hi; }; };

int main(void) {
	union pun p;
	p.f = 1.0f;
	CHECK(p.u == 0x3f800000 && p.b[3] == 0x3f);
	CHECK(sizeof(union pun) == 4);
	struct bits b = {0};
	b.a = 9;            /* wraps to 1 */
	b.b = 31;
	b.c = -3;
	b.d = 0xFFFFF;
	CHECK(b.a == 1 && b.b == 31 && b.c == -3 && b.d == 0xFFFFF);
	CHECK(sizeof(struct bits) == 4);
	b.c = 7;
	b.c++;
	CHECK(b.c == -8);
	unsigned raw;
	memcpy(&raw, &b, 4);
	CHECK((raw & 7) == 1 && ((raw >> 3) & 31) == 31);
	struct sbits s = {-1, 1, -5};
	CHECK(s.x == -1 && s.y == 1 && s.z == -5);
	CHECK(sizeof(struct sbits) == 8);
	s.z = 0x7fffffffffL;
	CHECK(s.z == 0x7fffffffffL);
	CHECK(__builtin_offsetof(struct zero, b) == 4);
	struct anon a;
	a.kind = 1;
	a.d = 2.5;
	CHECK(a.d == 2.5);
	a.i = 7;
	CHECK(a.i == 7);
	a.lo = 1; a.hi = 2;
	CHECK(a.lo + a.hi == 3);
	union { long l; int i[2]; } u = {.i = {1, 2}};
	CHECK(u.l == 0x200000001L);
	struct bits arr[2] = {{1, 2, 3, 4}, {5, 6, -7, 8}};
	CHECK(arr[1].c == -7 && arr[1].d == 8 && arr[0].b == 2);
	int t = b.b + arr[1].a;
	CHECK(t == 36);
	return 0;
}
