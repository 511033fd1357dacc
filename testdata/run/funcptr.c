/* Function pointers: tables, callbacks, returning them, comparing them, calling
   through typedefs and struct members. */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

typedef int (*binop)(int, int);
static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static binop pick(char c) { return c == '+' ? add : c == '-' ? sub : mul; }
static int fold(const int *v, int n, int init, binop f) { for (int i = 0; i < n; i++) init = f(init, v[i]); return init; }
static int (*get_add(void))(int, int) { return &add; }
struct ops { const char *name; binop fn; };
static const struct ops table[] = {{"add", add}, {"sub", sub}, {"mul", mul}};
static double twice(double (*f)(double), double x) { return f(f(x)); }
static double half(double x) { return x / 2; }
static void (*saved)(int *);
static void incr(int *p) { ++*p; }

int main(void) {
	CHECK(pick('+')(2, 3) == 5 && pick('-')(2, 3) == -1 && pick('*')(2, 3) == 6);
	int v[] = {1, 2, 3, 4};
	CHECK(fold(v, 4, 0, add) == 10 && fold(v, 4, 1, mul) == 24);
	CHECK(get_add()(20, 22) == 42);
	CHECK((*get_add())(1, 1) == 2);
	int s = 0;
	for (unsigned i = 0; i < sizeof table / sizeof table[0]; i++) s += table[i].fn(6, 3);
	CHECK(s == 9 + 3 + 18);
	CHECK(twice(half, 10) == 2.5);
	binop f = add;
	CHECK(f == add && f != sub);
	f = 0;
	CHECK(!f);
	saved = incr;
	int x = 1;
	saved(&x);
	(*saved)(&x);
	CHECK(x == 3);
	int (*arr[2])(int, int) = {mul, add};
	CHECK(arr[0](3, 3) + arr[1](3, 3) == 15);
	return 0;
}
