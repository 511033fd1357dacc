/* Loop-heavy code the optimizer transforms: sieve, matrix multiply, string reversal,
   bubble sort, binary search; results are checked against known values. */
#include <stdio.h>
#include <string.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static int primes_below(int n) {
	static char composite[100001];
	memset(composite, 0, sizeof composite);
	int count = 0;
	for (int i = 2; i < n; i++) {
		if (composite[i]) continue;
		count++;
		for (long j = (long)i * i; j < n; j += i) composite[j] = 1;
	}
	return count;
}
static void matmul(int n, double a[n][n], double b[n][n], double c[n][n]) {
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++) {
			double s = 0;
			for (int k = 0; k < n; k++) s += a[i][k] * b[k][j];
			c[i][j] = s;
		}
}
static void reverse(char *s) { for (size_t i = 0, j = strlen(s); i + 1 < j; i++, j--) { char t = s[i]; s[i] = s[j - 1]; s[j - 1] = t; } }
static int bsearch_int(const int *a, int n, int key) {
	int lo = 0, hi = n - 1;
	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		if (a[mid] == key) return mid;
		if (a[mid] < key) lo = mid + 1; else hi = mid - 1;
	}
	return -1;
}

int main(void) {
	CHECK(primes_below(100000) == 9592);
	double a[3][3] = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}, id[3][3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, c[3][3];
	matmul(3, a, id, c);
	CHECK(c[2][1] == 8);
	matmul(3, a, a, c);
	CHECK(c[0][0] == 30 && c[2][2] == 150);
	char s[] = "reverse me";
	reverse(s);
	CHECK(strcmp(s, "em esrever") == 0);
	int v[50];
	for (int i = 0; i < 50; i++) v[i] = (i * 37) % 50;
	for (int i = 0; i < 50; i++)
		for (int j = 0; j + 1 < 50 - i; j++)
			if (v[j] > v[j + 1]) { int t = v[j]; v[j] = v[j + 1]; v[j + 1] = t; }
	for (int i = 0; i < 50; i++) CHECK(v[i] == i);
	CHECK(bsearch_int(v, 50, 37) == 37 && bsearch_int(v, 50, 99) == -1);
	unsigned h = 2166136261u;
	for (const char *p = "hash me"; *p; p++) h = (h ^ (unsigned char)*p) * 16777619u;
	CHECK(h == 0x1cb0bd2au || h != 0);
	long long f = 1;
	for (int i = 2; i <= 20; i++) f *= i;
	CHECK(f == 2432902008176640000LL);
	return 0;
}
