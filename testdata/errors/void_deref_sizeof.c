// flags: -Werror
/* gcc warns about dereferencing a void pointer, but not in the unevaluated operand
   of sizeof or typeof (Linux's __is_constexpr relies on it). */
void *vp;
int a = sizeof(*vp);
typeof(*vp) *q;
void f(void) {
	(void)*vp; // ERROR "dereferencing 'void \*' pointer"
}
