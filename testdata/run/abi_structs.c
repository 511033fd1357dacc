// helper: abi_helper.c
/* Structs of every psABI class passed to and returned from gcc-compiled functions. */
#include <stdio.h>
#include <string.h>
#include "../helpers/abi_types.h"
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

struct C1 h_c1(struct C1);
struct S2 h_s2(struct S2);
struct I1 h_i1(struct I1);
struct I2 h_i2(struct I2);
struct I3 h_i3(struct I3);
struct L2 h_l2(struct L2);
struct F2 h_f2(struct F2);
struct F3 h_f3(struct F3);
struct D2 h_d2(struct D2);
struct ID h_id(struct ID);
struct DI h_di(struct DI);
struct FI h_fi(struct FI);
struct Big h_big(struct Big);
struct Mix h_mix(struct Mix);
struct LD h_ld(struct LD);
struct Chars h_chars(struct Chars);
long h_many(struct I2, struct I2, struct I2, struct I2, struct I2, struct I2, struct I2);
double h_manyd(double, double, double, double, double, double, double, double, double, double, struct D2, float);

int main(void) {
	struct C1 c1 = h_c1((struct C1){'a'});
	CHECK(c1.a == 'b');
	struct S2 s2 = h_s2((struct S2){10, 20});
	CHECK(s2.a == 11 && s2.b == 22);
	CHECK(h_i1((struct I1){21}).a == 42);
	struct I2 i2 = h_i2((struct I2){1, 2});
	CHECK(i2.a == 2 && i2.b == 1);
	struct I3 i3 = h_i3((struct I3){1, 2, 3});
	CHECK(i3.a == 2 && i3.b == 3 && i3.c == 4);
	struct L2 l2 = h_l2((struct L2){1L << 40, 5});
	CHECK(l2.a == (1L << 40) + 5 && l2.b == 5);
	struct F2 f2 = h_f2((struct F2){1.5f, 2.0f});
	CHECK(f2.a == 3.0f && f2.b == 6.0f);
	struct F3 f3 = h_f3((struct F3){1, 2, 3});
	CHECK(f3.a == 2 && f3.b == 4 && f3.c == 6);
	struct D2 d2 = h_d2((struct D2){1.25, -2.5});
	CHECK(d2.a == -2.5 && d2.b == 1.25);
	struct ID id = h_id((struct ID){5, 1.0});
	CHECK(id.i == 15 && id.d == 1.5);
	struct DI di = h_di((struct DI){3.0, 5});
	CHECK(di.i == -5 && di.d == 6.0);
	struct FI fi = h_fi((struct FI){1.5f, 7});
	CHECK(fi.f == 2.5f && fi.i == 8);
	struct Big big = {{10, 20, 30, 40, 50, 60, 70, 80}};
	struct Big b2 = h_big(big);
	for (int i = 0; i < 8; i++)
		CHECK(b2.v[i] == big.v[i] + i);
	struct Mix mx = h_mix((struct Mix){'x', 100, 1.5f, 99});
	CHECK(mx.c == 'y' && mx.s == 101 && mx.f == 3.0f && mx.l == -99);
	struct LD ld = h_ld((struct LD){1.5L});
	CHECK(ld.x == 3.0L);
	struct Chars ch = h_chars((struct Chars){"abcdef"});
	CHECK(memcmp(ch.c, "ABCDEF\x20", 7) == 0);
	struct I2 p = {1, 2};
	CHECK(h_many(p, p, p, p, p, p, (struct I2){1, 3}) == 28 + 300);
	CHECK(h_manyd(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, (struct D2){1, 1}, 1) == 91);
	return 0;
}
