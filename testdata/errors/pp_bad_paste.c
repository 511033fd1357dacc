/* '##' at either end of a replacement list (C11 6.10.3.3p1) and a paste that does not
   make one valid token (6.10.3.3p3, undefined; gcc rejects it). */
#define CAT_END(x) x ## // ERROR "'##' cannot appear at either end of a macro expansion"
#define CAT_START(x) ## x // ERROR "'##' cannot appear at either end of a macro expansion"
#define CAT(a, b) a ## b
int x = 1 CAT(+, -) 1; // ERROR "pasting \"\+\" and \"-\" does not give a valid preprocessing token"
int main(void) { return 0; }
