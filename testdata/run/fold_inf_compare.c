/* x > +Inf, +Inf < x, x < -Inf and -Inf > x are false for every x (NaN too), and gcc
   folds them at every level: link_error is never defined, so the program links only
   if the comparisons are folded. Side effects of the other operand are kept. */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

extern void link_error(void);

static void f(double x, float y) {
	if (x > __builtin_inf()) link_error();
	if (__builtin_inf() < x) link_error();
	if (x < -__builtin_inf()) link_error();
	if (-__builtin_huge_val() > x) link_error();
	if (y > __builtin_inff()) link_error();
}

int main(void) {
	f(1.0, 2.0f);
	f(__builtin_nan(""), __builtin_inff());
	int calls = 0;
	double v = 3.0;
	int r = ((calls++, v) > __builtin_inf());
	CHECK(r == 0 && calls == 1);
	CHECK(!(v >= __builtin_inf()) && (v <= __builtin_inf()));
	return 0;
}
