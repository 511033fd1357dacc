// A VLA whose declaration is reached again (a loop, a goto back before it) does not
// keep the storage of its previous instances: the stack stays bounded.
void *volatile p;

static int sum(int *a, int n) {
	int s = 0;
	for (int i = 0; i < n; i++)
		s += a[i];
	return s;
}

int main(void) {
	int n = 0;
lab:;
	int x[n % 1000 + 1];
	x[0] = 1;
	x[n % 1000] = 2;
	p = x;
	n++;
	if (n < 1000000)
		goto lab;
	for (int i = 0; i < 1000000; i++) {
		int y[i % 777 + 1];
		for (int j = 0; j <= i % 777; j++)
			y[j] = j;
		if (sum(y, i % 777 + 1) != (i % 777) * (i % 777 + 1) / 2)
			return 1;
		char z[i % 3];
		p = z;
		if (sizeof z != (unsigned)(i % 3) || sizeof y != (i % 777 + 1) * sizeof(int))
			return 2;
	}
	return 0;
}
