// _Alignas(0) has no effect (C11 6.7.5p6; autoconf's C11 probe uses it); other _Alignas
// forms align as gcc does.
_Alignas(0) int a;
_Alignas(16) int b;
struct s { _Alignas(8) char c; _Alignas(int) char d; };
int main(void){ _Alignas(32) char x[4]; return _Alignof(b) != 16 || sizeof(struct s) != 8 || ((unsigned long)&x & 31) != 0 || ((unsigned long)&b & 15) != 0; }
