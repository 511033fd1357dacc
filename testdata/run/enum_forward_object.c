// An object declared with an enum type before the enum's definition (a GNU
// extension; Linux's asm/apic.h does it) gets the enum's size once it is defined.
extern enum mode m;
extern enum mode *pm;
enum mode { OFF, ON, BIG = 1L << 40 };
enum mode m;
enum mode *pm = &m;

int main(void) {
	m = ON;
	if (sizeof m != sizeof(long) || sizeof *pm != sizeof(long))
		return 1;
	*pm = BIG;
	return m != BIG;
}
