// A shift by the width or more folds to 0 in an initialiser, after the warning, as gcc
// does (the count is undefined, C11 6.5.7p3).
// flags: -w
int q = 1 << 40;
unsigned r = 1u >> 33;
int main(void) { return q != 0 || r != 0; }
