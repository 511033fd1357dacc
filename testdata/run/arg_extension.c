// helper: arg_extension.s
/* Integer arguments narrower than int are passed extended to 32 bits by their
   signedness, as gcc and clang callers do on x86-64 (clang-compiled callees rely on
   it). The callees are assembly that return the whole 32-bit register. */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

int edi_of_schar(signed char);
int edi_of_uchar(unsigned char);
int edi_of_short(short);
int edi_of_ushort(unsigned short);
int edi_of_bool(_Bool);
int r9d_of_schar(int, int, int, int, int, signed char);

int main(void) {
	volatile int x = 0x12345680, y = 0x7654fffe;
	CHECK(edi_of_schar((signed char)x) == -128);
	CHECK(edi_of_uchar((unsigned char)x) == 0x80);
	CHECK(edi_of_short((short)y) == -2);
	CHECK(edi_of_ushort((unsigned short)y) == 0xfffe);
	CHECK(edi_of_bool(x) == 1);
	CHECK(r9d_of_schar(0, 0, 0, 0, 0, (signed char)x) == -128);
	return 0;
}
