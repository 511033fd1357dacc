// GNU C: assignment and statement-expression values of structs with variable-length
// array members copy their run-time size.
#include <string.h>

static int foo(void *x, int y) {
	struct S {
		char w[y];
	} *p = x, a;
	a = ({
		struct S b;
		b = p[2];
		p[3] = b;
	});
	return memcmp(a.w, "zyxwvut", 8) == 0 && memcmp(p[3].w, "zyxwvut", 8) == 0 && sizeof a == (unsigned)y;
}

int main(void) {
	char p[4][8] = {"abcdefg", "ABCDEFG", "zyxwvut", "ZYXWVUT"};
	if (!foo(p, 8))
		return 1;
	if (memcmp(p[1], "ABCDEFG", 8) != 0)
		return 2;
	return 0;
}
