// flags: -fshort-wchar
// -fshort-wchar: wchar_t, L literals and L character constants are unsigned short
// (Linux passes it; efi.h hands L"..." to u16 * parameters).
#include <stddef.h>
unsigned short *s = L"ab";
int main(void) { return sizeof(L"ab") != 6 || s[1] != 98 || sizeof(L'a') != 2 || sizeof(wchar_t) != 2; }
