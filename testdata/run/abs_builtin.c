// flags: -fno-builtin-abs
// gcc expands labs, llabs (and abs without -fno-builtin-abs) inline, even when the
// program defines them.
int abs_called;

int abs(int x) {
	abs_called++;
	return x < 0 ? -x : x;
}

long labs(long x) {
	(void)x;
	return -1; // never called
}

long long llabs(long long x) {
	(void)x;
	return -1; // never called
}

int main(void) {
	volatile long a = -5;
	volatile long long b = -7;
	volatile int c = -9;
	if (labs(a) != 5 || llabs(b) != 7 || labs(3) != 3)
		return 1;
	if (abs(c) != 9 || abs_called != 1)
		return 2;
	return 0;
}
