/* Malformed directives (C11 6.10): gcc's diagnostics, and translation goes on to the
   next line after each. */
#foo // ERROR "invalid preprocessing directive #foo"
#if 1 + // ERROR "operator '\+' has no right operand"
#endif
#if // ERROR "#if with no expression"
#endif
#else // ERROR "#else without #if"
#endif // ERROR "#endif without #if"
#define defined // ERROR "\"defined\" cannot be used as a macro name"
#define f(x x // ERROR "expected ',' or '\)'"
#define s(x) #y // ERROR "'#' is not followed by a macro parameter"
#line x // ERROR "\"x\" after #line is not a positive integer"
#include // ERROR "#include expects \"FILENAME\" or <FILENAME>"
#include <stdio.h // ERROR "missing terminating . character"
#if 1/0 // ERROR "division by zero in #if"
#endif
#define g(a) a
int main(void) { return g(0,
} // ERROR "unterminated argument list invoking macro \"g\""
