// An rvalue has no qualifiers (C11 6.3.2.1p2): typeof(+jc) and typeof(0, jc) are int
// for a const int jc; qualifiers written with __auto_type apply to the deduced type
// (gcc.dg lvalue-11.c, auto-type-1.c).
const int jc = 5;
extern int j;
extern typeof(0, jc) j;
extern typeof(+jc) j;
extern typeof(-jc) j;
int j = 3;

const __auto_type ll = 1LL;
extern const long long ll;

int main(void) {
	typeof(+jc) a = +jc;
	a++;
	return a != 6 || j != 3 || ll != 1 || !__builtin_types_compatible_p(typeof(ll), const long long);
}
