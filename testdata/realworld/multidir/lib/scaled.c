#include "util.h"
int scaled(int x) { return x * SCALE; }
