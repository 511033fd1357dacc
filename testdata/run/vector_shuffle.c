// __builtin_shuffle(a, mask) and (a, b, mask): element i of the result is element
// mask[i] of a, or of a and b concatenated, the index taken modulo the element count.
typedef int V4 __attribute__((vector_size(16)));
typedef double V2 __attribute__((vector_size(16)));
typedef long long M2 __attribute__((vector_size(16)));

int main(void) {
	V4 a = {10, 11, 12, 13}, b = {20, 21, 22, 23};
	V4 m = {3, 0, 6, -1};
	V4 r = __builtin_shuffle(a, m);
	if (r[0] != 13 || r[1] != 10 || r[2] != 12 || r[3] != 13) return 1;
	V4 m2 = {7, 0, 4, 10};
	r = __builtin_shuffle(a, b, m2);
	if (r[0] != 23 || r[1] != 10 || r[2] != 20 || r[3] != 12) return 2;
	V2 d = {1.5, 2.5};
	M2 dm = {10000000001LL, 0};
	V2 e = __builtin_shuffle(d, dm);
	if (e[0] != 2.5 || e[1] != 1.5) return 3;
	return 0;
}
