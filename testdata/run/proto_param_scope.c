// A parameter is in scope from its declarator to the end of the prototype (C11
// 6.2.1p4), so a later parameter's array size may name it; glibc's regexec is declared
// that way ("size_t __nmatch, regmatch_t __pmatch[__nmatch]").
#include <regex.h>
#include <stddef.h>

static int sum(size_t n, int a[n]) {
	int s = 0;
	for (size_t i = 0; i < n; i++)
		s += a[i];
	return s;
}

int rows(int n, int m, int (*p)[n][m]);
int rows(int n, int m, int (*p)[n][m]) { return (int)(sizeof *p / sizeof (*p)[0]); }

int main(void) {
	regex_t r;
	regmatch_t m[1];
	if (regcomp(&r, "a+b", REG_EXTENDED))
		return 1;
	if (regexec(&r, "xaab", 1, m, 0) || m[0].rm_so != 1 || m[0].rm_eo != 4)
		return 2;
	regfree(&r);
	int a[3] = {1, 2, 3};
	if (sum(3, a) != 6)
		return 3;
	int g[4][5];
	if (rows(4, 5, &g) != 4)
		return 4;
	return 0;
}
