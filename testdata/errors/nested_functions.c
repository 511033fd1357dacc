/* GNU C nested functions (GCC manual, "Nested Functions"): a nested function's address
   is not an address constant, and it may jump only to labels of enclosing functions
   that were declared with __label__. */
int main(void) {
	int f(int x) { return x; }
	static int (*p)(int) = f; // ERROR "initializer element is not constant"
	void g(void) {
		goto l; // ERROR "label 'l' used but not defined"
	}
	g();
l:
	return p(0);
}
