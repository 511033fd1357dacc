/* A conditional left open at the end of the file (C11 6.10.1): gcc names the chain's
   last directive, "unterminated #else". */
int main(void) { return 0; }
#ifdef NOT_DEFINED // ERROR "unterminated #else"
int a;
#else
int b;
