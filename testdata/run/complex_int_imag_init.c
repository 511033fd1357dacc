// Static initializers with GNU integer imaginary constants (2i).
typedef struct {
	_Complex char a;
	_Complex char b;
} Scc2;
Scc2 s = {1 + 2i, 3 + 4i};
_Complex int ci = 5 - 6i;
_Complex double cd = 1 + 2i;
_Complex long long cl = 7i;

static int check(Scc2 v) { return v.a != 1 + 2i || v.b != 3 + 4i; }

int main(void) {
	if (check(s))
		return 1;
	if (__real__ ci != 5 || __imag__ ci != -6)
		return 2;
	if (__real__ cd != 1 || __imag__ cd != 2)
		return 3;
	if (__real__ cl != 0 || __imag__ cl != 7)
		return 4;
	return 0;
}
