// gcc computes arithmetic on bit-fields wider than int in the bit-field's width.
struct s {
	unsigned long long u33 : 33;
	unsigned long long u40 : 40;
	long long s40 : 40;
	unsigned long long u41 : 41;
} a = {0x100000, 0x100000, 0, 0x100000}, b = {0x100000000ULL, 0x100000000ULL, 0, 0x100000000ULL};

int main(void) {
	if (a.u40 * a.u40 != 0 || a.u33 * a.u40 != 0)
		return 1;
	if (a.u33 * a.u41 != 0x10000000000ULL)
		return 2;
	if (b.u33 + b.u33 != 0 || b.u33 + b.u40 != 0x200000000ULL)
		return 3;
	if (a.u33 - b.u40 != 0xFF00100000ULL)
		return 4;
	// An operand of a wider ordinary type widens the operation.
	if (b.u33 + 0x100000000ULL != 0x200000000ULL)
		return 5;
	// An int operand does not.
	b.u40 = 2;
	if (((unsigned long long)(b.u40 - 8)) + 8 != 0x10000000002ULL)
		return 6;
	// Shifts are done in the width of the left operand; results nest.
	b.u40 = 0x0100000001;
	if ((b.u40 << 8) + (b.u40 >> 32) != 0x101)
		return 7;
	b.u40 = 0x100;
	if (b.u40 << 32 != 0)
		return 9;
	// Signed bit-fields stay signed.
	a.s40 = -3;
	if (a.s40 + 1 != -2 || (a.s40 >> 1) != -2)
		return 10;
	return 0;
}
