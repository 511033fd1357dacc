/* GNU C: differences of label addresses (&&a - &&b) in static initializers are
   constants the assembler computes, in any integer type that holds them. */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static int run(int op, int acc) {
	static const int offs[] = { &&add - &&base, &&dbl - &&base, &&neg - &&base, &&base - &&base };
	static const long loffs[] = { &&add - &&base + 0, &&done - &&base };
	static short soffs[] = { &&dbl - &&base };
	(void)loffs;
	(void)soffs;
	goto *(&&base + offs[op]);
base:
	return acc;
add:
	acc += 10;
dbl:
	acc *= 2;
	goto done;
neg:
	acc = -acc;
done:
	return acc;
}

static int relative(int i) {
	static const long t[] = { &&a - &&a, &&b - &&a, &&c - &&a };
	goto *(&&a + t[i]);
a:
	return 1;
b:
	return 2;
c:
	return 3;
}

int main(void) {
	CHECK(run(0, 1) == 22);
	CHECK(run(1, 1) == 2);
	CHECK(run(2, 5) == -5);
	CHECK(run(3, 7) == 7);
	CHECK(relative(0) == 1 && relative(1) == 2 && relative(2) == 3);
	return 0;
}
