/* Locals aligned beyond the 16 bytes the psABI guarantees for the stack pointer must
   still be aligned (C11 6.2.8, _Alignas; GNU aligned attribute). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)
#define ALIGNED(p, a) (((uintptr_t)(p) & ((a) - 1)) == 0)

struct big { char c; _Alignas(64) int x; };
typedef int v8si __attribute__((vector_size(32)));

static int depth(int n, char *prev) {
	char pad[n % 7 + 1];
	_Alignas(128) char buf[3];
	int ok = ALIGNED(buf, 128) && buf != prev;
	memset(pad, n, sizeof pad);
	buf[0] = (char)n;
	if (n > 0)
		ok &= depth(n - 1, buf);
	return ok && buf[0] == (char)n;
}

int main(void) {
	char c = 1;
	int a __attribute__((aligned(32))) = 5;
	_Alignas(64) double d[3] = {1, 2, 3};
	struct big s = {2, 7};
	v8si v = {1, 2, 3, 4, 5, 6, 7, 8};
	_Alignas(4096) char page[100];
	CHECK(ALIGNED(&a, 32) && a == 5);
	CHECK(ALIGNED(d, 64) && d[2] == 3);
	CHECK(ALIGNED(&s, 64) && ALIGNED(&s.x, 64) && s.x == 7 && s.c == 2);
	CHECK(ALIGNED(&v, 32) && v[7] == 8);
	CHECK(ALIGNED(page, 4096));
	memset(page, c, sizeof page);
	CHECK(page[99] == 1 && c == 1);
	CHECK(depth(10, 0));
	return 0;
}
