#include <stdio.h>
#include "util.h"
#include "other.h"
int main(void) {
	printf("%d %d %d %d\n", SCALE, scaled(5), twice(5), plus_one(5));
	return 0;
}
