/* A header that is nowhere on the search path is a fatal error, as in gcc. */
#include "gocc_no_such_header.h" // ERROR "gocc_no_such_header.h: No such file or directory"
int main(void) { return 0; }
