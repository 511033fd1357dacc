/* const __auto_type declares a const object (GNU C). */
void f(void) {
	const __auto_type x = 1LL;
	x = 2; // ERROR "assignment of read-only variable 'x'"
}
