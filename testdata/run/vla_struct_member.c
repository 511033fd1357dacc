// GNU C: structs with variable-length array members have a run-time size and layout.
static int test(int n) {
	struct s {
		char b[n];
	} __attribute__((packed));
	n++;
	return sizeof(struct s);
}

static int sub1(int i) {
	typedef struct {
		int c[i + 2];
	} c;
	return sizeof(c);
}

static int layout(int size) {
	struct S {
		char tag;
		__attribute__((aligned(16))) struct T { short c; } a[size];
		int b[size];
		char last;
	} s;
	for (int i = 0; i < size; i++)
		s.a[i].c = 0x1234;
	for (int i = 0; i < size; i++)
		s.b[i] = i;
	s.tag = 1;
	s.last = 2;
	for (int i = 0; i < size; i++)
		if (s.a[i].c != 0x1234 || s.b[i] != i)
			return -1;
	if (s.tag != 1 || s.last != 2)
		return -1;
	if ((char *)&s.b[0] - (char *)&s.a[0] != ((16 + size * 2 + 3) & ~3) - 16)
		return -2;
	if ((char *)&s.last - (char *)&s.b[size] != 0)
		return -3;
	struct S *p = &s;
	if (p->b[size - 1] != size - 1 || &p->last != &s.last)
		return -4;
	return sizeof s;
}

int main(void) {
	if (test(123) != 123)
		return 1;
	if (sub1(20) != 22 * sizeof(int))
		return 2;
	// 16 (tag, aligned a) + 15*2 + pad to 4 + 15*4 + 1, rounded up to 16
	if (layout(15) != 112)
		return 3;
	if (layout(1) != 32)
		return 4;
	return 0;
}
