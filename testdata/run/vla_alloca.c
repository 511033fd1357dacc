/* Variable length arrays (C11 6.7.6.2) and alloca. */
#include <alloca.h>
#include <stdio.h>
#include <string.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static int trace(int n, int m[n][n]) { int t = 0; for (int i = 0; i < n; i++) t += m[i][i]; return t; }
static long vsum(int n) {
	long a[n];
	for (int i = 0; i < n; i++) a[i] = i;
	long s = 0;
	for (int i = 0; i < n; i++) s += a[i];
	return s + (long)sizeof a;
}

int main(void) {
	int n = 5;
	int v[n];
	CHECK(sizeof v == 5 * sizeof(int));
	for (int i = 0; i < n; i++) v[i] = i * i;
	CHECK(v[4] == 16);
	int m[n][n];
	for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) m[i][j] = i == j ? i : 100;
	CHECK(trace(n, m) == 10);
	CHECK(sizeof m == 100 && sizeof m[0] == 20);
	for (int k = 1; k < 200; k++) CHECK(vsum(k) == (long)k * (k - 1) / 2 + k * 8);
	char *buf = alloca(100);
	memset(buf, 'a', 99);
	buf[99] = 0;
	CHECK(strlen(buf) == 99);
	for (int k = 0; k < 1000; k++) {
		int w[k + 1];
		w[k] = k;
		CHECK(w[k] == k);
	}
	int rows = 3, cols = 4;
	double (*grid)[cols] = alloca(rows * sizeof *grid);
	grid[2][3] = 1.5;
	CHECK(grid[2][3] == 1.5 && sizeof *grid == 32);
	return 0;
}
