// helper: abi_helper.c
/* Scalars, narrow types, long double, __int128, callbacks and variadic calls across
   the gcc/gocc boundary. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "../helpers/abi_types.h"
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

long h_mixed_args(char, unsigned char, short, unsigned short, int, long, float, double, long long, struct ID, long double, int);
signed char h_schar(int);
unsigned char h_uchar(int);
short h_short(int);
unsigned short h_ushort(int);
_Bool h_bool(int);
long double h_ldouble(long double);
__int128 h_i128(__int128, __int128);
float h_float(float, double);
long h_apply(long (*)(long, long), long, long);
struct D2 h_apply_d2(struct D2 (*)(struct D2), struct D2);
struct Big h_apply_big(struct Big (*)(struct Big, int), struct Big, int);
double h_vsum(int, ...);
long h_call_variadic(long (*)(int, ...));
extern int h_counter;
extern const char *h_name;
extern int h_array[4];

static long sub(long a, long b) { return a - b; }
static struct D2 swap(struct D2 d) { return (struct D2){d.b, d.a}; }
static struct Big scale(struct Big b, int k) {
	for (int i = 0; i < 8; i++) b.v[i] *= k;
	return b;
}
static long my_variadic(int n, ...) {
	va_list ap;
	va_start(ap, n);
	long r = va_arg(ap, int);
	r += (long)(va_arg(ap, double) * 2);
	r += va_arg(ap, long);
	struct I2 s = va_arg(ap, struct I2);
	r += s.a + s.b;
	r += (long)(va_arg(ap, double) * 2);
	va_end(ap);
	return r + n;
}

int main(void) {
	CHECK(h_mixed_args(-1, 255, -300, 65535, -5, 1L << 40, 2.5f, -3.5, -(1LL << 33), (struct ID){7, 8.0}, 9.0L, 10) ==
	      -1 + 255 - 300 + 65535 - 5 + (1L << 40) + 2 - 3 - (1LL << 33) + 7 + 8 + 9 + 10);
	CHECK(h_schar(200) == -56);
	CHECK(h_uchar(-1) == 255);
	CHECK(h_short(40000) == -25536);
	CHECK(h_ushort(-1) == 65535);
	CHECK(h_bool(42) == 1);
	int x = h_schar(-1);
	CHECK(x == -1);
	CHECK(h_ldouble(1.5L) == 4.5L);
	CHECK(h_i128((__int128)1 << 70, 3) == ((__int128)3 << 70) + 1);
	CHECK(h_float(1.5f, 2.25) == 3.75f);
	CHECK(h_apply(sub, 10, 3) == 7);
	struct D2 d = h_apply_d2(swap, (struct D2){1, 2});
	CHECK(d.a == 2 && d.b == 1);
	struct Big b = h_apply_big(scale, (struct Big){{1, 2, 3, 4, 5, 6, 7, 8}}, 3);
	CHECK(b.v[0] == 3 && b.v[7] == 24);
	CHECK(h_vsum(4, 1, 2.5, 3, 4.5) == 11.0);
	CHECK(h_call_variadic(my_variadic) == 1 + 5 + 3 + 9 + 13 + 5);
	CHECK(h_counter == 5 && strcmp(h_name, "helper") == 0 && h_array[3] == 4);
	h_counter++;
	CHECK(h_counter == 6);
	return 0;
}
