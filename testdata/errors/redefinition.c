/* Two definitions of one object with external linkage (C11 6.9p3). */
int a = 1;
int a = 2; // ERROR "redefinition"
int main(void) { return a; }
