/* Qualifiers (C11 6.7.3): volatile accesses are not folded away, const objects in
   read-only data, restrict parameters. */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static const int table[] = {3, 1, 4, 1, 5, 9};
static void add(int n, int *restrict dst, const int *restrict src) { for (int i = 0; i < n; i++) dst[i] += src[i]; }

int main(void) {
	volatile int v = 0;
	for (int i = 0; i < 100; i++) v++;
	CHECK(v == 100);
	volatile int *pv = &v;
	*pv = 5;
	CHECK(v == 5);
	int d[6] = {0};
	add(6, d, table);
	CHECK(d[5] == 9);
	const char *const s = "const";
	CHECK(s[0] == 'c');
	int x = 1;
	const int *cp = &x;
	x = 2;
	CHECK(*cp == 2);
	int *const pc = &x;
	*pc = 3;
	CHECK(x == 3);
	const volatile int cv = 7;
	CHECK(cv == 7);
	return 0;
}
