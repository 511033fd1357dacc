/* Pointers and arrays (C11 6.5.2.1, 6.5.6): arithmetic, decay, multidimensional
   arrays, pointers to pointers and to arrays, ptrdiff_t. */
#include <stddef.h>
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static int sum(int *a, int n) { int s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
static int sum2(int m[][3], int rows) { int s = 0; for (int i = 0; i < rows; i++) for (int j = 0; j < 3; j++) s += m[i][j]; return s; }
static void set(int *p, int v) { *p = v; }
static void swap(int **a, int **b) { int *t = *a; *a = *b; *b = t; }

int main(void) {
	int a[5] = {1, 2, 3, 4, 5};
	int *p = a;
	CHECK(*(p + 2) == 3 && p[4] == 5 && 2[a] == 3);
	CHECK(&a[4] - &a[1] == 3);
	ptrdiff_t d = p - &a[5];
	CHECK(d == -5);
	CHECK(sum(a, 5) == 15 && sum(a + 1, 3) == 9);
	p += 3;
	CHECK(*p-- == 4 && *p == 3);
	CHECK(*++p == 4);
	int m[2][3] = {{1, 2, 3}, {4, 5, 6}};
	CHECK(m[1][2] == 6 && *(*(m + 1) + 1) == 5);
	CHECK(sum2(m, 2) == 21);
	CHECK(sizeof m == 24 && sizeof m[0] == 12 && sizeof *m == 12);
	int (*row)[3] = m;
	row++;
	CHECK((*row)[0] == 4);
	int x = 1, y = 2, *px = &x, *py = &y;
	swap(&px, &py);
	CHECK(*px == 2 && *py == 1);
	set(&x, 42);
	CHECK(x == 42);
	int **pp = &px;
	**pp = 7;
	CHECK(y == 7);
	char s[] = "hello";
	char *c = s;
	while (*c) c++;
	CHECK(c - s == 5);
	void *v = a;
	CHECK(*(int *)v == 1);
	CHECK((char *)&a[1] - (char *)&a[0] == sizeof(int));
	int *null = 0;
	CHECK(!null && null == NULL);
	CHECK(p > a && p >= a + 3 && a < p);
	long la[3] = {10, 20, 30};
	long *lp = &la[2];
	CHECK(lp[-1] == 20 && lp - la == 2);
	int cube[2][2][2] = {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}};
	CHECK(cube[1][0][1] == 6 && sizeof cube == 32);
	const char *names[] = {"zero", "one", "two"};
	CHECK(names[2][1] == 'w' && *names[1] == 'o');
	return 0;
}
