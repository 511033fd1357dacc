#include <math.h>
#include <stdio.h>
#include "shapes.h"
int main(void) {
	double a = circle_area(2.0);
	if (fabs(a - 12.566370614359172) > 1e-12 || box_volume(2, 3, 4) != 24) {
		printf("FAIL %g %ld\n", a, box_volume(2, 3, 4));
		return 1;
	}
	printf("ok\n");
	return 0;
}
