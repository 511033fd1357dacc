/* __builtin_longjmp's second argument must be the constant 1 (gcc manual "Nonlocal
   Gotos"). */
static void *buf[5];
void f(int n) {
	__builtin_longjmp(buf, 2); // ERROR "second argument must be 1"
	__builtin_longjmp(buf, n); // ERROR "second argument must be 1"
}
