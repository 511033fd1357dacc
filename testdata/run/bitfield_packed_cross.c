// A bit-field of a packed record that crosses the storage unit of its declared type.
#pragma pack(1)
struct S {
	int f0 : 15;
	int f1 : 29;
};
struct L {
	unsigned char c;
	unsigned long long g : 60;
	short h : 7;
};
#pragma pack()

struct S d[6];
struct L l;

int main(void) {
	if (sizeof(struct S) != 6)
		return 1;
	d[5].f0 = 1;
	d[5].f1 = 1;
	if (d[5].f0 != 1 || d[5].f1 != 1)
		return 2;
	d[5].f1 = -3;
	if (d[5].f1 != -3 || d[5].f0 != 1)
		return 3;
	if ((d[5].f1 = 0x1fffffff) != -1)
		return 4;
	d[5].f1 += 5;
	if (d[5].f1 != 4)
		return 5;
	l.c = 0xaa;
	l.g = 0xfedcba987654321ULL;
	l.h = -2;
	if (l.c != 0xaa || l.g != 0xfedcba987654321ULL || l.h != -2)
		return 6;
	return 0;
}
