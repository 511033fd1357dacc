/* #error stops the translation (C11 6.10.5). */
#if 1
#error this configuration is not supported // ERROR "this configuration is not supported"
#endif
int main(void) { return 0; }
