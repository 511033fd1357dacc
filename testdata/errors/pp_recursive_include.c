/* A file that includes itself without a guard: stopped at gcc's depth limit of 200. */
#include "pp_recursive_include.c" // ERROR "#include nested depth 200 exceeds maximum of 200"
int main(void) { return 0; }
