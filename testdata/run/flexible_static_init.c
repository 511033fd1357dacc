// GNU static initialization of a flexible array member: the object is extended past
// sizeof its type to hold the initialized elements (braced list or string literal).
struct S { short a; char c; int j[]; };
struct S x = { 1, 2, { 5, 6, 7 } };
struct T { char c; char s[]; } y = { 'o', "wxyz" };
struct T z = { '9', { 'e', 'b' } };
static struct S w = { .j = { [3] = 9 }, .a = 4 };
int after = 42; /* must not overlap the extended objects */

int main(void) {
	if (x.a != 1 || x.c != 2 || x.j[0] != 5 || x.j[1] != 6 || x.j[2] != 7) return 1;
	if (y.c != 'o' || y.s[0] != 'w' || y.s[3] != 'z' || y.s[4] != 0) return 2;
	if (z.c != '9' || z.s[0] != 'e' || z.s[1] != 'b') return 3;
	if (w.a != 4 || w.j[0] != 0 || w.j[2] != 0 || w.j[3] != 9) return 4;
	if (sizeof x != 4 || sizeof y != 1) return 5;
	x.j[2] = 8;
	if (after != 42) return 6;
	return 0;
}
