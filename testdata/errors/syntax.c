/* A missing semicolon is a syntax error reported where it is noticed. */
int main(void) {
	int x = 1
	return x; // ERROR "expected"
}
