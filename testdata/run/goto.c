/* goto (C11 6.8.6.1) and GNU computed goto (labels as values). */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static int interp(const char *prog) {
	static void *ops[] = {&&op_inc, &&op_dbl, &&op_end};
	int acc = 0;
	const char *pc = prog;
	goto *ops[*pc - '0'];
op_inc:
	acc++;
	goto *ops[*++pc - '0'];
op_dbl:
	acc *= 2;
	goto *ops[*++pc - '0'];
op_end:
	return acc;
}

int main(void) {
	int i = 0, s = 0;
loop:
	if (i < 5) { s += i; i++; goto loop; }
	CHECK(s == 10);
	goto skip;
	CHECK(0);
skip:
	for (int a = 0; a < 3; a++)
		for (int b = 0; b < 3; b++)
			if (a * b == 4) goto out;
	CHECK(0);
out:
	CHECK(interp("0101002") == 8);
	void *target = &&second;
	int n = 0;
	goto *target;
first:
	n += 1;
	goto done;
second:
	n += 10;
	target = &&first;
	goto *target;
done:
	CHECK(n == 11);
	return 0;
}
