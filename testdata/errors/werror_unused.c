// flags: -Wall -Werror
/* -Wall warnings gocc gives as gcc does, made errors by -Werror: unused variables,
   variables only assigned, the end of a non-void function reached, char subscripts. */
int unused_local(void) {
	int u; // ERROR "unused variable 'u' \[-Werror=unused-variable\]"
	return 0;
}

int set_only(int *p) {
	int q = 0; // ERROR "variable 'q' set but not used \[-Werror=unused-but-set-variable\]"
	q = 1;
	return *p;
}

int chained(void) {
	int a, b; /* read: the value of "b = 1" is used */
	a = b = 1;
	return a;
}

int falls_off(int x) {
	if (x)
		return 1;
} // ERROR "control reaches end of non-void function \[-Werror=return-type\]"

int no_fall(int x) {
	if (x)
		return 1;
	for (;;)
		;
}

void fatal(void) __attribute__((noreturn));

int ends_in_noreturn(int x) {
	if (x)
		return 1;
	fatal();
}

int char_index(const char *s) {
	int t[256] = {0};
	char c = s[0];
	return t[c]; // ERROR "array subscript has type 'char' \[-Werror=char-subscripts\]"
}
