/* Recursion: deep, mutual, many arguments, and results through pointers. */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static int ack(int m, int n) { return m == 0 ? n + 1 : n == 0 ? ack(m - 1, 1) : ack(m - 1, ack(m, n - 1)); }
static int is_odd(unsigned n);
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }
static long depth(long n) { volatile char pad[64]; pad[0] = (char)n; return n == 0 ? pad[0] : 1 + depth(n - 1); }
static void hanoi(int n, int from, int to, int via, int *moves) {
	if (n == 0) return;
	hanoi(n - 1, from, via, to, moves);
	++*moves;
	hanoi(n - 1, via, to, from, moves);
}
static long many(long a, long b, long c, long d, long e, long f, long g, long h, int n) {
	return n == 0 ? a + b + c + d + e + f + g + h : many(b, c, d, e, f, g, h, a, n - 1) + 1;
}
static double dsum(double x, int n) { return n == 0 ? x : dsum(x / 2, n - 1) + x; }

int main(void) {
	CHECK(fib(20) == 6765);
	CHECK(ack(2, 3) == 9);
	CHECK(is_even(1000) && is_odd(777));
	CHECK(depth(10000) == 10000);
	int moves = 0;
	hanoi(10, 1, 3, 2, &moves);
	CHECK(moves == 1023);
	CHECK(many(1, 2, 3, 4, 5, 6, 7, 8, 10) == 46);
	CHECK(dsum(8, 3) == 15);
	return 0;
}
