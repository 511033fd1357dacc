/* Static initializers of bit-fields in a packed record that run past the unit of
   their declared type (f7 spans bits 85..113: five bytes from byte 10). Found by
   csmith (seed 35). */
#include <stdio.h>
#include <string.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

#pragma pack(push, 1)
struct S0 {
	unsigned f0 : 16;
	unsigned f1 : 7;
	unsigned f2 : 14;
	unsigned f3 : 1;
	unsigned f4 : 14;
	unsigned f5 : 15;
	signed f6 : 18;
	signed f7 : 29;
	unsigned f8 : 12;
};
#pragma pack(pop)
struct S2 { int a; struct S0 f1; int b; };
static struct S2 g = {1, {220, 2, 6, 0, 5, 88, 249, -5780, 5}, 2};

int main(void) {
	static const unsigned char want[16] = {0xdc, 0x00, 0x02, 0x03, 0x40, 0x01, 0x80, 0x05,
		0xc8, 0x07, 0x80, 0x2d, 0xfd, 0xff, 0x17, 0x00};
	CHECK(sizeof(struct S0) == 16);
	CHECK(memcmp(&g.f1, want, 16) == 0);
	CHECK(g.f1.f7 == -5780 && g.f1.f8 == 5 && g.f1.f6 == 249);
	CHECK(g.a == 1 && g.b == 2);
	g.f1.f7 = -1;
	CHECK(g.f1.f7 == -1 && g.f1.f8 == 5 && g.f1.f6 == 249);
	return 0;
}
