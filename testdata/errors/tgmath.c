/* __builtin_tgmath needs prototyped functions and arithmetic generic arguments (gcc
   manual "Other Builtins"). */
float sf(float);
double sd(double);
int nf();
struct S { int a; } s;
void f(void) {
	__builtin_tgmath(sf, sd, s); // ERROR "invalid type of argument"
	__builtin_tgmath(nf, sd, 1.0); // ERROR "prototyped"
}
