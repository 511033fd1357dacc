/* Compound assignment and increment on every type (C11 6.5.16.2, 6.5.2.4): the lvalue
   is evaluated once, narrow types wrap, pointers scale. */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static int idx_calls;
static int idx(void) { idx_calls++; return 1; }

int main(void) {
	int a[3] = {1, 2, 3};
	a[idx()] += 10;
	CHECK(a[1] == 12 && idx_calls == 1);
	a[idx()]++;
	CHECK(a[1] == 13 && idx_calls == 2);
	char c = 127;
	c++;
	CHECK(c == -128);
	unsigned char uc = 0;
	uc--;
	CHECK(uc == 255);
	short s = 1000;
	s *= 100;
	CHECK(s == -31072);
	double d = 1;
	d += 0.5;
	d *= 4;
	d -= 1;
	d /= 2;
	CHECK(d == 2.5);
	float f = 1;
	f++;
	++f;
	CHECK(f == 3);
	long *p = (long *)0 + 1;
	p += 2;
	CHECK((long)p == 24);
	p--;
	CHECK((long)p == 16);
	int i = 5;
	int j = i++ + ++i;
	CHECK(j == 12 && i == 7);
	int k = i-- - --i;
	CHECK(k == 2 && i == 5);
	unsigned u = 10;
	u -= 20;
	CHECK(u == 4294967286u);
	int sh = 1;
	sh <<= 31;
	CHECK(sh == (int)0x80000000);
	long double ld = 2;
	ld *= ld;
	CHECK(ld == 4);
	_Bool b = 0;
	b += 2;
	CHECK(b == 1);
	b++;
	CHECK(b == 1);
	int x = 7;
	x = x++ ? 1 : 2;
	CHECK(x == 1);
	char *str = "abc";
	CHECK(*str++ == 'a' && *str == 'b');
	int m = 17;
	m %= 5; m |= 8; m &= 12; m ^= 1;
	CHECK(m == 9);
	return 0;
}
