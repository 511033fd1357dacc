/* GNU C asm goto (gcc manual "Goto Labels"): an asm that may jump to C labels,
   named by %l[name] or by operand number (after outputs and inputs). */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

/* Three-way branch on the sign of x, from the asm. */
__attribute__((noinline)) static int sign(long x) {
	asm goto("testq %0, %0\n\tjs %l[neg]\n\tjz %l2" : : "r"(x) : "cc" : neg, zero);
	return 1;
neg:
	return -1;
zero:
	return 0;
}

/* Values live into the labels (phis at -O2). */
__attribute__((noinline)) static int paths(int k, int v) {
	int r = v * 3;
	asm goto("cmpl $1, %0\n\tje %l[one]\n\tcmpl $2, %0\n\tje %l[two]\n\tcmpl $3, %0\n\tje %l3"
		 : : "r"(k) : "cc" : one, two, three);
	r += 100;
	goto done;
one:
	r += 1;
	goto done;
two:
	r -= 2;
	goto done;
three:
	r *= 2;
done:
	return r;
}

/* A loop whose back edge is an asm goto. */
__attribute__((noinline)) static int count(int n) {
	int i = 0;
again:
	i++;
	asm goto("cmpl %1, %0\n\tjl %l[again]" : : "r"(i), "r"(n) : "cc" : again);
	return i;
}

/* Outputs are written on every path (gcc 11 and later). */
__attribute__((noinline)) static int out(int x) {
	int y;
	asm goto("movl %1, %0\n\ttestl %1, %1\n\tjz %l[z]" : "=&r"(y) : "r"(x) : "cc" : z);
	return y * 2;
z:
	return y - 7;
}

/* A "+" output adds a hidden input before the labels in gcc's numbering. */
__attribute__((noinline)) static int plus(int x, int y) {
	asm goto("addl %1, %0\n\tcmpl $10, %0\n\tjg %l3" : "+r"(x) : "r"(y) : "cc" : big);
	return x;
big:
	return -x;
}

int main(void) {
	CHECK(sign(-5) == -1 && sign(0) == 0 && sign(9) == 1);
	CHECK(paths(1, 10) == 31 && paths(2, 10) == 28 && paths(3, 10) == 60 && paths(4, 10) == 130);
	CHECK(count(5) == 5 && count(0) == 1);
	CHECK(out(21) == 42 && out(0) == -7);
	CHECK(plus(5, 2) == 7 && plus(5, 20) == -25);
	return 0;
}
