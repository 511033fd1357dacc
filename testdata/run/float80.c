// __float80 is the x86 80-bit extended type: long double (GCC manual, "Floating Types").
__float80 x = 1.5;
int main(void) { return sizeof(x) != sizeof(long double) || x != 1.5L || __SIZEOF_FLOAT80__ != sizeof(__float80); }
