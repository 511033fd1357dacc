/* Calls to libc's variadic functions: printf family with every conversion, and our
   own wrappers that pass a va_list to vsnprintf. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static char out[256];
static int fmt(const char *f, ...) {
	va_list ap;
	va_start(ap, f);
	int n = vsnprintf(out, sizeof out, f, ap);
	va_end(ap);
	return n;
}

int main(void) {
	fmt("%d %i %u %x %X %o", -5, 6, 7u, 255, 255, 8);
	CHECK(strcmp(out, "-5 6 7 ff FF 10") == 0);
	fmt("%ld %lld %lu %hd %hhu", -1L, 1LL << 40, 18446744073709551615ul, (short)-2, (unsigned char)300);
	CHECK(strcmp(out, "-1 1099511627776 18446744073709551615 -2 44") == 0);
	fmt("%f %.3f %e %g %g", 1.5, 2.0 / 3, 12345.678, 0.0001, 1e20);
	CHECK(strcmp(out, "1.500000 0.667 1.234568e+04 0.0001 1e+20") == 0);
	fmt("%s|%5s|%-5s|%c|%%|%.2s", "str", "ab", "cd", 'z', "xyz");
	CHECK(strcmp(out, "str|   ab|cd   |z|%|xy") == 0);
	fmt("%Lf %La", 2.5L, 1.0L);
	CHECK(strcmp(out, "2.500000 0x8p-3") == 0);
	fmt("%d %f %d %f %d %f %d %f %d %f %d %f %d %f %d %f %d %f", 1, 1.0, 2, 2.0, 3, 3.0, 4, 4.0, 5, 5.0,
	    6, 6.0, 7, 7.0, 8, 8.0, 9, 9.0);
	CHECK(strcmp(out, "1 1.000000 2 2.000000 3 3.000000 4 4.000000 5 5.000000 6 6.000000 7 7.000000 8 8.000000 9 9.000000") == 0);
	int n = fmt("%*d|%-*d|%.*f", 4, 7, 3, 8, 2, 3.14159);
	CHECK(strcmp(out, "   7|8  |3.14") == 0 && n == 13);
	void *p = (void *)0x1234;
	fmt("%p %zu %td", p, sizeof(long), (ptrdiff_t)-3);
	CHECK(strcmp(out, "0x1234 8 -3") == 0);
	int pos;
	fmt("abc%n", &pos);
	CHECK(pos == 3);
	char buf[32];
	int k = sprintf(buf, "%05.1f", 3.14159);
	CHECK(k == 5 && strcmp(buf, "003.1") == 0);
	int a, b;
	char w[8];
	CHECK(sscanf("12 34 word", "%d %d %7s", &a, &b, w) == 3 && a == 12 && b == 34 && strcmp(w, "word") == 0);
	double d;
	CHECK(sscanf("2.5e3", "%lf", &d) == 1 && d == 2500);
	printf("varargs_libc %d\n", 1);
	return 0;
}
