/* Use of an undeclared identifier (C11 6.5.1p2). */
int main(void) {
	return nosuchvar; // ERROR "undeclared|not declared"
}
