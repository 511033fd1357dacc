/* setjmp/longjmp (C11 7.13) across several frames; volatile locals keep their values. */
#include <setjmp.h>
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static jmp_buf env;
static int depth;
static void deep(int n) {
	depth = n;
	if (n == 0) longjmp(env, 99);
	deep(n - 1);
	depth = -100;  /* never reached */
}
static int try_div(int a, int b, int *out) {
	jmp_buf local;
	if (setjmp(local)) return 0;
	if (b == 0) longjmp(local, 1);
	*out = a / b;
	return 1;
}

int main(void) {
	volatile int count = 0;
	int r = setjmp(env);
	count++;
	if (r == 0) deep(10);
	CHECK(r == 99 && depth == 0 && count == 2);
	int q = 0;
	CHECK(try_div(10, 2, &q) == 1 && q == 5);
	CHECK(try_div(1, 0, &q) == 0);
	jmp_buf e2;
	volatile int i = 0;
	if (setjmp(e2) < 5) { i++; longjmp(e2, i); }
	CHECK(i == 5);
	sigjmp_buf se;
	if (sigsetjmp(se, 1) == 0) siglongjmp(se, 3);
	return 0;
}
