/* switch (C11 6.8.4.2): fall-through, default anywhere, dense and sparse case sets,
   negative and 64-bit cases, case ranges (GNU). */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static int dense(int x) {
	switch (x) {
	case 0: return 10;
	case 1: return 11;
	case 2: return 12;
	case 3: return 13;
	case 4: return 14;
	case 5: return 15;
	case 6: return 16;
	case 7: return 17;
	default: return -1;
	}
}
static int sparse(long x) {
	switch (x) {
	case -1000: return 1;
	case 7: return 2;
	case 100000: return 3;
	case 0x100000000L: return 4;
	case -0x7fffffffffffffffL - 1: return 5;
	}
	return 0;
}
static int fall(int x) {
	int r = 0;
	switch (x) {
	default: r += 100;
	case 1: r += 1;
	case 2: r += 2; break;
	case 3: r += 3;
	}
	return r;
}
static int ranges(char c) {
	switch (c) {
	case 'a' ... 'z': return 1;
	case 'A' ... 'Z': return 2;
	case '0' ... '9': return 3;
	}
	return 0;
}
static int duff(int n) {
	int count = 0, i = (n + 3) / 4;
	switch (n % 4) {
	case 0: do { count++;
	case 3: count++;
	case 2: count++;
	case 1: count++;
		} while (--i > 0);
	}
	return count;
}

int main(void) {
	for (int i = 0; i < 8; i++) CHECK(dense(i) == 10 + i);
	CHECK(dense(8) == -1 && dense(-1) == -1);
	CHECK(sparse(-1000) == 1 && sparse(7) == 2 && sparse(100000) == 3);
	CHECK(sparse(0x100000000L) == 4 && sparse(-0x7fffffffffffffffL - 1) == 5 && sparse(8) == 0);
	CHECK(fall(1) == 3 && fall(2) == 2 && fall(3) == 3 && fall(9) == 103);
	CHECK(ranges('q') == 1 && ranges('Q') == 2 && ranges('5') == 3 && ranges('#') == 0);
	CHECK(duff(7) == 7 && duff(8) == 8 && duff(1) == 1);
	unsigned u = 3000000000u;
	switch (u) { case 3000000000u: break; default: CHECK(0); }
	switch (2) { case 1: CHECK(0); }
	int s = 0;
	for (int i = 0; i < 4; i++)
		switch (i) { case 1: continue; case 2: s += 10; break; default: s += 1; }
	CHECK(s == 12);
	return 0;
}
