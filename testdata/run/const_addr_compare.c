// Address comparisons and __builtin_complex in static initialisers fold as gcc folds
// them: one object by offset, distinct objects differ, an object is not null
// (gcc.dg init-compare-1.c, pr36901, c11-complex-1.c).
extern int a, b;
int c = &a == &a;
int d = &a != &b;
int sc = (&sc >= 0);
int arr[4];
int e = &arr[3] > &arr[1];
_Complex double z = __builtin_complex (1.0, 2.0);
int main(void) { return !(c == 1 && d == 1 && sc == 1 && e == 1 && __real__ z == 1.0 && __imag__ z == 2.0); }
int a, b;
