// GNU C: structs with variable-length array members are passed (here through "...")
// by reference to a copy, as gcc does.
#include <stdarg.h>

static int sum(int size, ...) {
	struct {
		char x[size];
	} d;
	va_list ap;
	va_start(ap, size);
	d = va_arg(ap, typeof(d));
	int s = 0;
	for (int i = 0; i < size; i++)
		s += d.x[i];
	d.x[0] = 99; // the caller's object is not modified
	d = va_arg(ap, typeof(d));
	for (int i = 0; i < size; i++)
		s += d.x[i] * 100;
	va_end(ap);
	return s;
}

int main(void) {
	int z = 5;
	struct {
		char a[z];
	} x, y;
	for (int i = 0; i < z; i++) {
		x.a[i] = i;
		y.a[i] = 1;
	}
	if (sum(z, x, y) != 10 + 500)
		return 1;
	if (x.a[0] != 0)
		return 2;
	return 0;
}
