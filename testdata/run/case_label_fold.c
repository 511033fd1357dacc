/* gcc accepts a case label that folds to an integer constant although it is not an
 * integer constant expression (C11 6.6p6): a conditional whose unselected operand is
 * a call. Linux's "case htons(ETH_P_IP):" expands to
 * "__builtin_constant_p(x) ? ___constant_swab16(x) : __fswab16(x)". */
static unsigned short fswab16(unsigned short x) { return (unsigned short)(x << 8 | x >> 8); }
#define SWAB16(x) ((unsigned short)((((x) & 0xff) << 8) | (((x) & 0xff00) >> 8)))
#define HTONS(x) ((unsigned short)(__builtin_constant_p((unsigned short)(x)) ? SWAB16((unsigned short)(x)) : fswab16(x)))

static int classify(unsigned short proto) {
	switch (proto) {
	case HTONS(0x0800):
		return 4;
	case HTONS(0x86DD):
		return 6;
	case 1 ? 7 : fswab16(7):
		return 7;
	}
	return 0;
}

int main(void) {
	if (classify(0x0008) != 4 || classify(0xDD86) != 6 || classify(7) != 7 || classify(0x0800) != 0)
		return 1;
	return 0;
}
