/* A call to a prototyped function must match its parameter count (C11 6.5.2.2p2). */
static int f(int a, int b) { return a + b; }
int main(void) {
	int x = f(1); // ERROR "too few arguments"
	return f(1, 2, 3); // ERROR "too many arguments"
}
