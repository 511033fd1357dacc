// flags: -Wall -Werror=pointer-sign
/* Pointers to integer types differing only in signedness are -Wpointer-sign (with
   -Wall), not incompatible pointer types: an error here under -Werror=pointer-sign
   only, as in gcc (Linux builds with -Werror=incompatible-pointer-types). */
void f(unsigned *p);
void g(int *q) {
	f(q); // ERROR "pointer targets in passing argument 1 of .f. differ in signedness \[-Werror=pointer-sign\]"
}
