// The size expression of a parameter declared as a variable-length array is evaluated
// on entry although the parameter is adjusted to a pointer (C11 6.9.1p10).
static int calls;
static int count(int n) {
	calls++;
	return n;
}

static int f(int a, int b[a++], int c, int d[c++][c]) {
	return a * 100 + c + (int)sizeof(*d) / (int)sizeof(int) * 1000;
}

static int g(int n, int v[count(n)]) { return v[n - 1]; }

int main(void) {
	int e[10] = {0};
	int m[4][3];
	int r = f(1, e, 2, m);
	if (r != 2 * 1000 + 2 * 100 + 3)
		return 1;
	e[4] = 7;
	if (g(5, e) != 7 || calls != 1)
		return 2;
	return 0;
}
