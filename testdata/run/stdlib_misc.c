/* stdlib: allocation, number parsing, integer helpers, environment, atexit. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static void bye(void) { fflush(stdout); }

int main(void) {
	int *a = malloc(100 * sizeof *a);
	CHECK(a != NULL);
	for (int i = 0; i < 100; i++) a[i] = i;
	a = realloc(a, 1000 * sizeof *a);
	CHECK(a[99] == 99);
	free(a);
	long *z = calloc(50, sizeof *z);
	for (int i = 0; i < 50; i++) CHECK(z[i] == 0);
	free(z);
	char *end;
	CHECK(strtol("  -123xyz", &end, 10) == -123 && *end == 'x');
	CHECK(strtoul("0x1F", NULL, 0) == 31 && strtoul("017", NULL, 0) == 15);
	CHECK(strtoll("9223372036854775807", NULL, 10) == LLONG_MAX);
	CHECK(strtod("2.5e-3", NULL) == 2.5e-3);
	CHECK(strtof("0.5", NULL) == 0.5f);
	CHECK(atol("77") == 77 && atof("1.25") == 1.25);
	CHECK(abs(-5) == 5 && labs(-5L) == 5 && llabs(-5LL) == 5);
	div_t d = div(17, 5);
	CHECK(d.quot == 3 && d.rem == 2);
	ldiv_t ld = ldiv(-17L, 5L);
	CHECK(ld.quot == -3 && ld.rem == -2);
	setenv("GOCC_TEST_VAR", "v1", 1);
	CHECK(strcmp(getenv("GOCC_TEST_VAR"), "v1") == 0);
	CHECK(getenv("GOCC_NO_SUCH_VAR") == NULL);
	srand(1);
	int r1 = rand();
	srand(1);
	CHECK(rand() == r1);
	CHECK(atexit(bye) == 0);
	void *aligned = aligned_alloc(64, 128);
	CHECK(((unsigned long)aligned & 63) == 0);
	free(aligned);
	return 0;
}
