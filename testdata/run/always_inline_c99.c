// A C99 inline definition (no extern declaration, so no external definition) with
// always_inline is used for the calls in its file even at -O0, as gcc inlines it: no
// external symbol is needed at link time.
int count;

inline void __attribute__((always_inline)) bump(int n) { count += n; }
inline int __attribute__((always_inline)) twice(int n);
inline int twice(int n) { return 2 * n; }

int main(void) {
	bump(3);
	bump(4);
	if (count != 7) return 1;
	if (twice(21) != 42) return 2;
	return 0;
}
