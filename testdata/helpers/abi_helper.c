/* Compiled by gcc and linked with gocc-compiled tests: every function here crosses the
   compiler boundary, so a mismatch in the System V AMD64 calling convention (psABI
   §3.2.3: INTEGER/SSE/MEMORY classes, returns in rax:rdx, xmm0:xmm1 or memory) shows
   up as a wrong value. Each struct type exercises one classification. */
#include <stdarg.h>
#include <string.h>
#include "abi_types.h"

struct C1 h_c1(struct C1 a) { a.a += 1; return a; }
struct S2 h_s2(struct S2 a) { a.a += 1; a.b += 2; return a; }
struct I1 h_i1(struct I1 a) { a.a *= 2; return a; }
struct I2 h_i2(struct I2 a) { struct I2 r = {a.b, a.a}; return r; }
struct I3 h_i3(struct I3 a) { a.a++; a.b++; a.c++; return a; }
struct L2 h_l2(struct L2 a) { a.a += a.b; return a; }
struct F2 h_f2(struct F2 a) { a.a *= 2; a.b *= 3; return a; }
struct F3 h_f3(struct F3 a) { a.a += 1; a.b += 2; a.c += 3; return a; }
struct D2 h_d2(struct D2 a) { struct D2 r = {a.b, a.a}; return r; }
struct ID h_id(struct ID a) { a.i += 10; a.d += 0.5; return a; }
struct DI h_di(struct DI a) { a.i -= 10; a.d *= 2; return a; }
struct FI h_fi(struct FI a) { a.f += 1; a.i += 1; return a; }
struct Big h_big(struct Big a) { for (int i = 0; i < 8; i++) a.v[i] += i; return a; }
struct Mix h_mix(struct Mix a) { a.c++; a.s++; a.f *= 2; a.l = -a.l; return a; }
struct LD h_ld(struct LD a) { a.x *= 2; return a; }
struct Chars h_chars(struct Chars a) { for (int i = 0; i < 7; i++) a.c[i] ^= 0x20; return a; }

/* Register exhaustion: structs that no longer fit go to the stack whole. */
long h_many(struct I2 a, struct I2 b, struct I2 c, struct I2 d, struct I2 e, struct I2 f, struct I2 g) {
	return a.a + b.a * 2 + c.a * 3 + d.a * 4 + e.a * 5 + f.a * 6 + g.a * 7 + g.b * 100;
}
double h_manyd(double a, double b, double c, double d, double e, double f, double g, double h,
               double i, double j, struct D2 k, float l) {
	return a + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8 + i * 9 + j * 10 + k.a * 11 + k.b * 12 + l * 13;
}
long h_mixed_args(char c, unsigned char uc, short s, unsigned short us, int i, long l,
                  float f, double d, long long ll, struct ID id, long double ld, int last) {
	return c + uc + s + us + i + l + (long)f + (long)d + ll + id.i + (long)id.d + (long)ld + last;
}

/* Sign and zero extension of narrow return values (the callee extends to 32 bits). */
signed char h_schar(int x) { return (signed char)x; }
unsigned char h_uchar(int x) { return (unsigned char)x; }
short h_short(int x) { return (short)x; }
unsigned short h_ushort(int x) { return (unsigned short)x; }
_Bool h_bool(int x) { return x != 0; }
long double h_ldouble(long double x) { return x * 3; }
__int128 h_i128(__int128 a, __int128 b) { return a * b + 1; }
float h_float(float a, double b) { return a + (float)b; }

/* Callbacks: gcc code calling gocc code through pointers. */
long h_apply(long (*f)(long, long), long a, long b) { return f(a, b); }
struct D2 h_apply_d2(struct D2 (*f)(struct D2), struct D2 a) { return f(a); }
struct Big h_apply_big(struct Big (*f)(struct Big, int), struct Big a, int k) { return f(a, k); }

/* Variadic functions defined by gcc, called by gocc, and the reverse. */
double h_vsum(int n, ...) {
	va_list ap;
	va_start(ap, n);
	double s = 0;
	for (int i = 0; i < n; i++) {
		if (i % 2)
			s += va_arg(ap, double);
		else
			s += va_arg(ap, int);
	}
	va_end(ap);
	return s;
}
long h_call_variadic(long (*f)(int, ...)) { return f(5, 1, 2.5, 3L, (struct I2){4, 5}, 6.5); }

/* Globals defined on one side and used on the other. */
int h_counter = 5;
const char *h_name = "helper";
int h_array[4] = {1, 2, 3, 4};
