/* GNU C extended asm on x86-64 (gcc manual "Extended Asm", "Machine Constraints"):
   every register, memory and constant constraint, the =, +, & modifiers, matching
   digits, the operand modifiers b h w k q z c P a l, %=, clobbers and asm goto. */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static long gvar = 77;
/* %= is unique per asm statement, so the labels of two expansions do not clash. */
#define SKIP_ADD(x) asm("jmp .Lskip%=\n\taddl $100, %0\n.Lskip%=:\n\taddl $1, %0" : "+r"(x))
static int arr[4] = {1, 2, 3, 4};

int main(void) {
	long r, x = 5, y = 7;
	int i;
	unsigned char uc;

	/* r q: any general register. */
	asm("leaq (%1,%2), %0" : "=r"(r) : "r"(x), "r"(y));
	CHECK(r == 12);
	asm("movb %1, %0" : "=q"(uc) : "q"((unsigned char)200));
	CHECK(uc == 200);
	/* Q: a register with an addressable high byte; h names it. */
	unsigned short hw = 0x1234;
	unsigned char hi;
	asm("movb %h1, %0" : "=q"(hi) : "Q"(hw));
	CHECK(hi == 0x12);

	/* a b c d S D: fixed registers. */
	long ra, rb, rc, rd, rs, rdi;
	asm("movq $1, %%rax\n\tmovq $2, %%rbx\n\tmovq $3, %%rcx\n\tmovq $4, %%rdx\n\tmovq $5, %%rsi\n\tmovq $6, %%rdi"
	    : "=a"(ra), "=b"(rb), "=c"(rc), "=d"(rd), "=S"(rs), "=D"(rdi));
	CHECK(ra == 1 && rb == 2 && rc == 3 && rd == 4 && rs == 5 && rdi == 6);
	asm("addq %%rbx, %%rax\n\taddq %%rcx, %%rax\n\taddq %%rdx, %%rax\n\taddq %%rsi, %%rax\n\taddq %%rdi, %%rax"
	    : "=a"(r) : "a"(1L), "b"(2L), "c"(3L), "d"(4L), "S"(5L), "D"(6L));
	CHECK(r == 21);

	/* A: rdx:rax; a 128-bit value, and the 64x64->128 multiply. */
	unsigned __int128 wide;
	asm("mulq %2" : "=A"(wide) : "a"(0xffffffffffffffffUL), "r"(3UL) : "cc");
	CHECK(wide == (unsigned __int128)0xffffffffffffffffUL * 3);

	/* f t u: x87 registers, for double, float and long double. */
	double d = 2.0, dr;
	asm("fsqrt" : "=t"(dr) : "0"(d));
	CHECK(dr * dr > 1.9999 && dr * dr < 2.0001);
	long double la = 3.0L, lb = 4.0L, lr;
	asm("fadd %%st(1), %%st" : "=t"(lr) : "0"(la), "u"(lb));
	CHECK(lr == 7.0L);
	asm("fscale" : "=t"(lr) : "0"(la), "u"(lb));
	CHECK(lr == 48.0L);
	float ff;
	asm("fchs" : "=t"(ff) : "0"(1.5f));
	CHECK(ff == -1.5f);
	asm("fadd %2, %0" : "=t"(dr) : "0"(1.5), "f"(2.0));
	CHECK(dr == 3.5);

	/* x: SSE registers; y: MMX registers. */
	double xs;
	asm("addsd %2, %0" : "=x"(xs) : "0"(1.25), "x"(2.5));
	CHECK(xs == 3.75);
	float xf;
	asm("mulss %2, %0" : "=x"(xf) : "0"(1.5f), "x"(4.0f));
	CHECK(xf == 6.0f);
	long long my;
	asm("paddq %2, %0\n\temms" : "=y"(my) : "0"(40LL), "y"(2LL));
	CHECK(my == 42);

	/* m o V: memory operands. */
	long mem = 10;
	asm("addq $5, %0" : "+m"(mem));
	CHECK(mem == 15);
	asm("movl %1, %0" : "=r"(i) : "o"(arr[2]));
	CHECK(i == 3);
	asm("movl %1, %0" : "=r"(i) : "mV"(arr[1]));
	CHECK(i == 2);

	/* g X: register, memory or immediate. */
	asm("movq %1, %0" : "=r"(r) : "g"(gvar));
	CHECK(r == 77);
	asm("movq %1, %0" : "=r"(r) : "g"(123L));
	CHECK(r == 123);
	asm("movq %1, %0" : "=r"(r) : "X"(x));
	CHECK(r == 5);

	/* i n I J K L M N e Z: constants in their ranges. */
	asm("movq %1, %0" : "=r"(r) : "i"(1000));
	CHECK(r == 1000);
	asm("movq %1, %0" : "=r"(r) : "n"(-3));
	CHECK(r == -3);
	asm("movq %1, %0\n\tshlq %2, %0" : "=r"(r) : "r"(1L), "I"(31));
	CHECK(r == 1L << 31);
	asm("movq %1, %0\n\tshlq %2, %0" : "=r"(r) : "r"(1L), "J"(63));
	CHECK(r == (long)(1UL << 63));
	asm("movq %1, %0" : "=r"(r) : "K"(-128));
	CHECK(r == -128);
	asm("movq $0x12345, %0\n\tandq %1, %0" : "=r"(r) : "L"(0xffff));
	CHECK(r == 0x2345);
	asm("leaq (,%1,%c2), %0" : "=r"(r) : "r"(3L), "N"(8));
	CHECK(r == 24);
	asm("movq %1, %0\n\tshlq %2, %0" : "=r"(r) : "r"(1L), "M"(3));
	CHECK(r == 8);
	asm("movq %1, %0" : "=r"(r) : "e"(-2000000000));
	CHECK(r == -2000000000);
	asm("movl %1, %k0" : "=r"(r) : "Z"(4000000000L));
	CHECK(r == 4000000000L);
	/* i with an address constant, printed by c and P as a bare symbol. */
	long *pg;
	asm("leaq %c1(%%rip), %0" : "=r"(pg) : "i"(&gvar));
	CHECK(pg == &gvar);
	int *pa;
	asm("leaq %P1(%%rip), %0" : "=r"(pa) : "i"(&arr[2]));
	CHECK(pa == &arr[2]);

	/* p: an address, printed as memory by a. */
	asm("movl %a1, %0" : "=r"(i) : "p"(&arr[3]));
	CHECK(i == 4);

	/* = + &: output-only, read-write, early clobber. */
	long acc = 10;
	asm("addq %1, %0" : "+r"(acc) : "r"(5L));
	CHECK(acc == 15);
	long e1, e2;
	asm("movq $1, %0\n\tmovq %2, %1\n\taddq %0, %1" : "=&r"(e1), "=r"(e2) : "r"(41L));
	CHECK(e1 == 1 && e2 == 42);

	/* Matching digits, and % (commutative operands) in a constraint. */
	long m1;
	asm("imulq %2, %0" : "=r"(m1) : "%0"(6L), "r"(7L));
	CHECK(m1 == 42);
	asm("subq %2, %0" : "=r"(m1) : "0"(50L), "g"(8L));
	CHECK(m1 == 42);

	/* Modifiers b h w k q z. */
	unsigned long big = 0x1122334455667788UL, out8;
	unsigned char b8;
	unsigned short w16;
	unsigned int k32;
	asm("movb %b1, %0" : "=r"(b8) : "Q"(big));
	CHECK(b8 == 0x88);
	asm("movb %h1, %0" : "=r"(b8) : "Q"(big));
	CHECK(b8 == 0x77);
	asm("movw %w1, %0" : "=r"(w16) : "r"(big));
	CHECK(w16 == 0x7788);
	asm("movl %k1, %0" : "=r"(k32) : "r"(big));
	CHECK(k32 == 0x55667788);
	asm("movq %q1, %0" : "=r"(out8) : "r"(big));
	CHECK(out8 == big);
	unsigned short zs = 0;
	asm("mov%z0 $513, %0" : "=r"(zs));
	CHECK(zs == 513);
	int zi = 0;
	asm("inc%z0 %0" : "+m"(zi));
	CHECK(zi == 1);
	long zl = 1;
	asm("shl%z0 $4, %0" : "+r"(zl) : : "cc");
	CHECK(zl == 16);

	/* Clobbers: registers, cc, memory. */
	long keep = 99;
	asm volatile("movq $0, %%rbx\n\tmovq $0, %%r12\n\txorl %%ecx, %%ecx" ::: "rbx", "r12", "rcx", "cc", "memory");
	CHECK(keep == 99);
	mem = 1;
	asm volatile("movq $2, %0" : : "m"(mem) : "memory");
	CHECK(mem == 2);

	int twice = 0;
	SKIP_ADD(twice);
	SKIP_ADD(twice);
	CHECK(twice == 2);

	/* asm goto with %l. */
	asm goto("jmp %l0" :::: skip);
	return 1;
skip:
	return 0;
}
