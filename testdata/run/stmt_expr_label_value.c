/* A GNU statement expression whose last statement is labeled still has that
 * statement's value ("({ ... goto out; ... out: sz; })" in Linux's lib/find_bit.c). */
static unsigned long first_set(const unsigned long *w, unsigned long n) {
	return ({
		unsigned long i, sz = n;
		for (i = 0; i < n; i++)
			if (w[i]) {
				sz = i;
				goto out;
			}
		sz = n + 100;
	out:
	again:
		sz;
	});
}

int main(void) {
	unsigned long a[4] = {0, 0, 5, 0}, z[2] = {0, 0};
	if (first_set(a, 4) != 2)
		return 1;
	if (first_set(z, 2) != 102)
		return 2;
	int v = ({ int t = 3; done: t * 2; });
	return v == 6 ? 0 : 3;
}
