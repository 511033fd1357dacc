/* Basic GNU inline assembly: register and memory operands, in/out and read-write
   constraints, clobbers, named operands, asm goto. */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static int add_asm(int a, int b) {
	int r;
	__asm__("movl %1, %0\n\taddl %2, %0" : "=&r"(r) : "r"(a), "r"(b));
	return r;
}
static long bswap(long x) { __asm__("bswapq %0" : "+r"(x)); return x; }

int main(void) {
	CHECK(add_asm(40, 2) == 42);
	CHECK(bswap(0x0102030405060708L) == 0x0807060504030201L);
	int mem = 5;
	__asm__ volatile("addl $10, %0" : "+m"(mem));
	CHECK(mem == 15);
	unsigned lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	(void)lo; (void)hi;
	long out;
	__asm__("leaq (%[a],%[b],2), %[o]" : [o] "=r"(out) : [a] "r"(10L), [b] "r"(3L));
	CHECK(out == 16);
	int flag = 0;
	__asm__ volatile("" ::: "memory");
	asm goto("jmp %l[taken]" :::: taken);
	flag = 1;
taken:
	CHECK(flag == 0);
	unsigned a = 6, c;
	__asm__("imull %2, %0" : "=r"(c) : "0"(a), "r"(7u) : "cc");
	CHECK(c == 42);
	return 0;
}
