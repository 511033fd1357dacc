/* GNU extensions: statement expressions, typeof, __auto_type, ?: with omitted middle,
   __builtin_types_compatible_p, __builtin_choose_expr, case ranges elsewhere. */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)
#define MAX(a, b) ({ typeof(a) _a = (a); typeof(b) _b = (b); _a > _b ? _a : _b; })
#define SWAP(x, y) do { typeof(x) _t = x; x = y; y = _t; } while (0)

static int calls;
static int next(void) { return ++calls; }

int main(void) {
	int i = 3, j = 7;
	CHECK(MAX(i, j) == 7);
	calls = 0;
	CHECK(MAX(next(), 0) == 1 && calls == 1);
	SWAP(i, j);
	CHECK(i == 7 && j == 3);
	int v = ({ int t = 0; for (int k = 1; k <= 4; k++) t += k; t; });
	CHECK(v == 10);
	typeof(v) w = 5;
	typeof(int *) pw = &w;
	CHECK(*pw == 5 && sizeof(typeof(char[3])) == 3);
	__auto_type d = 1.5;
	CHECK(sizeof d == sizeof(double));
	int z = 0;
	CHECK((z ?: 9) == 9 && (v ?: 9) == 10);
	CHECK(__builtin_types_compatible_p(int, int) && !__builtin_types_compatible_p(int, long));
	CHECK(sizeof(__builtin_choose_expr(1, (char)0, 0L)) == 1);
	const int ci = 4;
	typeof(ci) cj = 4;
	CHECK(cj == ci);
	long r = ({ long x = 40; x + 2; });
	CHECK(r == 42);
	CHECK(__builtin_expect(v == 10, 1));
	CHECK(__builtin_offsetof(struct { char a; int b; }, b) == 4);
	return 0;
}
