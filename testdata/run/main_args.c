// args: one two three
/* argc/argv/envp as the C runtime passes them (C11 5.1.2.2.1). */
#include <stdio.h>
#include <string.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

int main(int argc, char **argv, char **envp) {
	CHECK(argc == 4);
	CHECK(strcmp(argv[1], "one") == 0 && strcmp(argv[3], "three") == 0 && argv[4] == NULL);
	CHECK(envp != NULL);
	return 0;
}
