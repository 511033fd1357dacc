// Universal character names in identifiers: \u00C1, \u00c1, \U000000C1 and the UTF-8
// spelling name one identifier, in macros too (C11 6.4.2.1p3; gcc.dg ucnid-*.c).
#define \u00C1M 7
int \u00c1g = 5;
int get(void) { return Ág; }
int main(void) {
	int \u00C1 = 1;
	return \u00c1 - 1 + \U000000C1 - 1 + get() - 5 + \u00c1M - 7;
}
