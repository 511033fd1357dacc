#include <math.h>
#include "config.h"
#include "shapes.h"
static double square(double x) { return x * x; }
double hidden_helper(double x) { return square(x); } /* hidden by the preset */
double circle_area(double r) { return M_PI * hidden_helper(r); }
long box_volume(long w, long h, long d) { return w * h * d * (SIZEOF_LONG / 8); }
