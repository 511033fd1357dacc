/* Enumerations, typedefs, and scopes (C11 6.2.1): shadowing, block scope, tags in
   inner scopes, static locals, and linkage. */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

enum color { RED, GREEN = 5, BLUE, ALPHA = -1, BIG = 0x7fffffff };
typedef enum { A, B, C } abc;
typedef int myint;
typedef myint *myintp;
static int x = 1;
static int shadow(void) { int x = 2; { int x = 3; (void)x; } return x; }
static int counter(void) { static int n = 100; return n++; }
enum { SIZE = 4 };
static int sized[SIZE * 2];

int main(void) {
	CHECK(RED == 0 && GREEN == 5 && BLUE == 6 && ALPHA == -1 && BIG == 2147483647);
	enum color c = BLUE;
	CHECK(c == 6 && sizeof c == 4);
	abc v = C;
	CHECK(v == 2);
	myint m = 5;
	myintp pm = &m;
	CHECK(*pm == 5);
	CHECK(x == 1 && shadow() == 2);
	int x = 10;
	{
		int x = 20;
		CHECK(x == 20);
		{ extern int y_global; (void)0; }
	}
	CHECK(x == 10);
	counter();
	CHECK(counter() == 101);
	CHECK(sizeof sized == 32);
	struct s { int a; } outer = {1};
	{
		struct s { long b; } inner = {2};
		CHECK(sizeof inner == 8 && inner.b == 2);
	}
	CHECK(sizeof outer == 4);
	for (int i = 0; i < 2; i++) { int i = 5; CHECK(i == 5); }
	typedef long myint2;
	myint2 q = 3;
	CHECK(sizeof q == 8);
	enum color arr[3] = {[BLUE - 6] = GREEN};
	CHECK(arr[0] == GREEN);
	switch (c) { case RED: CHECK(0); case BLUE: break; default: CHECK(0); }
	return 0;
}
