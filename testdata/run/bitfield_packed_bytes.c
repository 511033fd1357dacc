/* Bit-fields of packed records reached through exactly the bytes that hold them:
   a record smaller than the field's type (csmith seeds 68, 99), and fields spanning
   3, 5, 6 and 7 bytes. Neighbouring bytes must never be touched. */
#include <stdio.h>
#include <string.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

#pragma pack(push, 1)
struct Small { signed f0 : 16; };                  /* 2 bytes, int field */
struct Three { unsigned a : 4; unsigned b : 20; }; /* b: bits 4..23, 3 bytes */
struct Odd { unsigned char c; long long x : 41; unsigned char d; }; /* x: 6 bytes */
struct Seven { long long y : 53; };               /* 7 bytes */
#pragma pack(pop)

static struct Small gs = {-21};
struct Wrap { unsigned char before; struct Small s; unsigned char after; };
static struct Wrap gw = {0xAA, {-21}, 0x55};

static int check_small(volatile struct Small *p) { return p->f0; }

int main(void) {
	CHECK(sizeof(struct Small) == 2 && sizeof(struct Three) == 3);
	CHECK(sizeof(struct Odd) == 8 && sizeof(struct Seven) == 7);
	CHECK(gs.f0 == -21 && check_small(&gs) == -21);
	CHECK(gw.before == 0xAA && gw.after == 0x55 && gw.s.f0 == -21);
	gw.s.f0 = 0x7fff;
	CHECK(gw.before == 0xAA && gw.after == 0x55 && gw.s.f0 == 0x7fff);
	gw.s.f0 -= 0x10000 - 1; /* wraps to -32768 */
	CHECK(gw.s.f0 == -32768 && gw.after == 0x55);

	unsigned char buf[3 + 2];
	memset(buf, 0xEE, sizeof buf);
	struct Three *t = (struct Three *)(buf + 1);
	t->a = 3;
	t->b = 0xABCDE;
	CHECK(buf[0] == 0xEE && buf[4] == 0xEE);
	CHECK(t->a == 3 && t->b == 0xABCDE);
	CHECK(buf[1] == 0xE3 && buf[2] == 0xCD && buf[3] == 0xAB);

	struct Odd o[2];
	memset(o, 0x11, sizeof o);
	o[0].x = -123456789012LL;
	CHECK(o[0].x == -123456789012LL && o[0].c == 0x11 && o[0].d == 0x11 && o[1].c == 0x11);
	o[0].x = (1LL << 40) - 1;
	CHECK(o[0].x == (1LL << 40) - 1 && o[0].d == 0x11);

	unsigned char sbuf[7 + 1];
	memset(sbuf, 0x77, sizeof sbuf);
	struct Seven *s = (struct Seven *)sbuf;
	s->y = -2;
	CHECK(s->y == -2 && sbuf[7] == 0x77);
	CHECK(sbuf[0] == 0xFE && sbuf[6] == 0x7F); /* bits 53-55 keep 0x77's */
	return 0;
}
