/* Struct types shared by abi_helper.c (gcc) and the abi_* tests (gocc). */
struct C1 { char a; };
struct S2 { short a, b; };
struct I1 { int a; };
struct I2 { int a, b; };
struct I3 { int a, b, c; };
struct L2 { long a, b; };
struct F2 { float a, b; };
struct F3 { float a, b, c; };
struct D2 { double a, b; };
struct ID { int i; double d; };
struct DI { double d; int i; };
struct FI { float f; int i; };
struct Big { long v[8]; };
struct Mix { char c; short s; float f; long l; };
struct LD { long double x; };
struct Chars { char c[7]; };
