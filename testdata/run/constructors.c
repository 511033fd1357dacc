/* __attribute__((constructor/destructor)) and atexit: order of the output is checked
   against constructors.out. */
#include <stdio.h>
#include <stdlib.h>

static int initialized;
__attribute__((constructor)) static void init_first(void) { initialized = 1; printf("constructor\n"); }
__attribute__((destructor)) static void fini(void) { printf("destructor\n"); fflush(stdout); }
static void at_exit_1(void) { printf("atexit 1\n"); }
static void at_exit_2(void) { printf("atexit 2\n"); }

int main(void) {
	if (!initialized) { printf("FAIL constructor did not run\n"); return 1; }
	atexit(at_exit_1);
	atexit(at_exit_2);
	printf("main\n");
	return 0;
}
