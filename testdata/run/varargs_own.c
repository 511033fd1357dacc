/* Variadic functions defined in the test (C11 7.16): va_arg of every class, va_copy,
   passing va_list on, and more arguments than registers. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

struct pair { long a, b; };
struct big { int v[10]; };
struct dd { double x, y; };

static long isum(int n, ...) {
	va_list ap;
	va_start(ap, n);
	long s = 0;
	while (n--) s += va_arg(ap, long);
	va_end(ap);
	return s;
}
static double mixed(const char *fmt, ...) {
	va_list ap;
	va_start(ap, fmt);
	double s = 0;
	for (const char *p = fmt; *p; p++) {
		switch (*p) {
		case 'i': s += va_arg(ap, int); break;
		case 'd': s += va_arg(ap, double); break;
		case 'l': s += va_arg(ap, long long); break;
		case 'p': { struct pair q = va_arg(ap, struct pair); s += q.a * q.b; break; }
		case 'b': { struct big q = va_arg(ap, struct big); s += q.v[9]; break; }
		case 'D': { struct dd q = va_arg(ap, struct dd); s += q.x - q.y; break; }
		case 'L': s += (double)va_arg(ap, long double); break;
		}
	}
	va_end(ap);
	return s;
}
static int vcount(int n, va_list ap) { int c = 0; for (int i = 0; i < n; i++) c += va_arg(ap, int) > 0; return c; }
static int count_pos(int n, ...) {
	va_list ap, copy;
	va_start(ap, n);
	va_copy(copy, ap);
	int a = vcount(n, ap);
	int b = vcount(n, copy);
	va_end(copy);
	va_end(ap);
	return a == b ? a : -1;
}
static char *join(char *buf, ...) {
	va_list ap;
	va_start(ap, buf);
	buf[0] = 0;
	for (const char *s; (s = va_arg(ap, const char *));) strcat(buf, s);
	va_end(ap);
	return buf;
}

int main(void) {
	CHECK(isum(3, 1L, 2L, 3L) == 6);
	CHECK(isum(10, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L) == 55);
	CHECK(mixed("idl", 1, 2.5, 3LL) == 6.5);
	CHECK(mixed("ddddddddddi", 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 5) == 15);
	struct big b = {{0, 0, 0, 0, 0, 0, 0, 0, 0, 42}};
	CHECK(mixed("pbDL", (struct pair){3, 4}, b, (struct dd){5, 1}, 1.5L) == 12 + 42 + 4 + 1.5);
	CHECK(mixed("iiiiiipd", 1, 1, 1, 1, 1, 1, (struct pair){2, 3}, 0.5) == 12.5);
	CHECK(count_pos(5, 1, -1, 2, -2, 3) == 3);
	char buf[64];
	CHECK(strcmp(join(buf, "a", "bc", "d", (char *)0), "abcd") == 0);
	float f = 1.5f;
	CHECK(mixed("d", f) == 1.5);   /* float promotes to double */
	char c = 7;
	short s = -3;
	CHECK(mixed("ii", c, s) == 4);   /* char/short promote to int */
	return 0;
}
