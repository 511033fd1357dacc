/* Statements (C11 6.8): loops, break/continue, short-circuit evaluation, the comma
   and conditional operators. */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static int calls;
static int t(int v) { calls++; return v; }

int main(void) {
	int s = 0;
	for (int i = 0; i < 10; i++) {
		if (i == 3) continue;
		if (i == 8) break;
		s += i;
	}
	CHECK(s == 0 + 1 + 2 + 4 + 5 + 6 + 7);
	int n = 0;
	while (n < 100) n += 7;
	CHECK(n == 105);
	int k = 0;
	do k++; while (k < 0);
	CHECK(k == 1);
	int found = -1;
	for (int i = 0; i < 5 && found < 0; i++)
		for (int j = 0; j < 5; j++)
			if (i * j == 6) { found = i * 10 + j; break; }
	CHECK(found == 23);
	calls = 0;
	CHECK(!(t(0) && t(1)) && calls == 1);
	calls = 0;
	CHECK((t(1) || t(1)) && calls == 1);
	calls = 0;
	CHECK((t(0) || t(0) || t(2)) && calls == 3);
	int c = (t(1), t(2), 3);
	CHECK(c == 3);
	int m = s > 20 ? 1 : s > 10 ? 2 : 3;
	CHECK(m == 1);
	int x = 0;
	x = x ? 5 : 6;
	CHECK(x == 6);
	int y = 10, *p = y > 5 ? &y : &x;
	CHECK(*p == 10);
	int iter = 0;
	for (;;) { if (++iter == 50) break; }
	CHECK(iter == 50);
	int w = 0;
	while (1) { w++; if (w < 5) continue; break; }
	CHECK(w == 5);
	if (0) CHECK(0); else if (1) x = 7; else CHECK(0);
	CHECK(x == 7);
	int sum = 0;
	for (int i = 10; i > 0; i -= 3) sum += i;
	CHECK(sum == 10 + 7 + 4 + 1);
	unsigned u = 3;
	int cnt = 0;
	while (u--) cnt++;
	CHECK(cnt == 3 && u == 0xFFFFFFFFu);
	return 0;
}
