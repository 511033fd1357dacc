// flags: -fgnu89-inline
// With -fgnu89-inline a plain "inline" definition is an external definition (calls and
// the address may refer to it out of line), and an "extern inline" one is never emitted
// (here unused, so it needs no other definition).
inline int twice(int x) { return 2 * x; }

extern inline int thrice(int x) { return 3 * x + 100; }

int (*fp)(int) = twice;

int main(void) {
	if (twice(4) != 8) return 1;
	if (fp(5) != 10) return 2;
	return 0;
}
