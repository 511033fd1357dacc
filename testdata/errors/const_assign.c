/* Assignment to a const-qualified lvalue (C11 6.5.16p2). */
int main(void) {
	const int c = 1;
	c = 2; // ERROR "read-only|const"
	return c;
}
