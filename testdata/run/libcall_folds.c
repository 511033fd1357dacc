// Library calls the optimizer simplifies (opt/libcalls.go) keep their C semantics,
// and with optimization the constant cases fold: link_error is only defined at -O0,
// so a call of it left at -O2 fails to link. Also __builtin_constant_p decided after
// constant propagation (opt/bcp.go), comparisons decided by dominating conditions
// (opt/compare.go), loads from const data (opt/constload.go) and forwarding through
// non-escaping arrays (opt/slotforward.go).
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

extern void link_error(void);
#ifndef __OPTIMIZE__
void link_error(void) {}
#endif

#define FOLDS(cond) \
	do { \
		if (!(cond)) \
			link_error(); \
	} while (0)

static int fails;
#define CHECK(cond) \
	do { \
		if (!(cond)) { \
			printf("FAIL line %d: %s\n", __LINE__, #cond); \
			fails++; \
		} \
	} while (0)

volatile int vk = 3;
char buf[64];
const double one = 1.0;

static int opaque(int *p) { return p[0] + 1; }

static int cmp(int x, int y) {
	if (x == y && x != y)
		link_error();
	if (x < y || x >= y)
		return 1;
	link_error();
	return 0;
}

int main(void) {
	int k = vk;
	const char *const hello = "hello world";
	FOLDS(strlen("hello") == 5);
	FOLDS(strlen(hello + 6) == 5);
	CHECK(strlen(hello + k) == 8); // strlen(s + k) is len - k
	FOLDS(strcmp("abc", "abd") < 0);
	FOLDS(strncmp("abc", "abd", 2) == 0);
	FOLDS(memcmp("ab\0c", "ab\0d", 4) < 0);
	FOLDS(strchr(hello, 'o') == hello + 4);
	FOLDS(strrchr(hello, 'o') == hello + 7);
	FOLDS(strchr(hello, 'z') == 0);
	FOLDS(strstr(hello, "wor") == hello + 6);
	FOLDS(strpbrk(hello, "wd") == hello + 6);
	FOLDS(strspn(hello, "hel") == 4);
	FOLDS(strcspn(hello, " ") == 5);
	FOLDS(memchr(hello, 'w', 11) == hello + 6);
	FOLDS(strnlen("abc", 2) == 2);
	CHECK(strnlen("abcdef", (size_t)k) == 3);

	CHECK(strcpy(buf, "abc") == buf && memcmp(buf, "abc", 4) == 0);
	CHECK(stpcpy(buf, "xy") == buf + 2 && memcmp(buf, "xy\0", 4) == 0);
	CHECK(strcat(buf, "zw") == buf && strcmp(buf, "xyzw") == 0);
	memset(buf, 'X', 16);
	CHECK(strncpy(buf, "ab", 5) == buf && memcmp(buf, "ab\0\0\0X", 6) == 0);
	CHECK(mempcpy(buf, "1234", 4) == buf + 4 && memcmp(buf, "1234\0X", 6) == 0);
	memmove(buf + 1, buf, 1);
	CHECK(memcmp(buf, "1134", 4) == 0);
	CHECK(sprintf(buf, "%s", "text") == 4 && strcmp(buf, "text") == 0);
	CHECK(sprintf(buf, "plain") == 5 && strcmp(buf, "plain") == 0);
	buf[0] = k ? 'a' : 0;
	CHECK(strlen(buf) != 0); // only zero-ness used: reads buf[0]
	CHECK(strcmp(buf, "") > 0);

	const char *s = k > 1 ? "foo" : "bar";
	FOLDS(strlen(s) == 3);

	// Output simplifications: the text must come out unchanged.
	printf("");
	printf("%s", "");
	printf("o");
	printf("k\n");
	printf("%s\n", "line");
	printf("%c", '\n');
	fprintf(stdout, "%s", "fp\n");
	fputs("x", stdout);
	fputs("yz\n", stdout);

	float f = vk + 0.5f;
	CHECK(floor(f) == 3.0 && ceil(f) == 4.0);

	int n = 4;
#ifdef __OPTIMIZE__
	FOLDS(__builtin_constant_p(n));
#else
	CHECK(!__builtin_constant_p(n));
#endif
	CHECK(!__builtin_constant_p(k));
	CHECK(!__builtin_constant_p(vk));
	CHECK(__builtin_constant_p(3 * 4));

	FOLDS((int)one == 1);
	FOLDS(!(fabs(one * k) < 0.0));
	CHECK(cmp(k, 2) && cmp(2, k) && cmp(k, k));

	int a[4];
	a[0] = 0;
	a[1] = 7;
	int r = opaque(&k);
	FOLDS(a[0] == 0 && a[1] == 7);
	CHECK(r == 4);
	return fails != 0;
}
