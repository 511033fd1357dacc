// __builtin_mempcpy and __builtin_stpncpy are library equivalents: they call mempcpy and
// stpncpy (with their prototypes even when the program declares neither).
int main(void) {
	char buf[16] = "abcdefghij";
	char *p = __builtin_mempcpy(buf, "XYZ", 3);
	if (p != buf + 3 || buf[0] != 'X' || buf[2] != 'Z' || buf[3] != 'd') return 1;
	p = __builtin_stpncpy(buf, "hi", 5);
	if (p != buf + 2 || buf[0] != 'h' || buf[2] != 0 || buf[4] != 0 || buf[5] != 'f') return 2;
	return 0;
}
