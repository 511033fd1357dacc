/* The smallest program whose output is checked (hello.out). */
#include <stdio.h>

int main(void) {
	printf("hello, world\n");
	printf("%d %s %c %.2f\n", 42, "gocc", '!', 3.14159);
	return 0;
}
