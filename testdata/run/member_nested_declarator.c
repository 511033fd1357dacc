// Struct members declared through a parenthesized (nested) declarator take their name
// from the innermost declarator: int (*cmp)(int), int (*arr)[3], int (fn_ptr_arr[2]).
struct s {
	int (*cmp)(int);
	int (*arr)[3];
	int (pa[2]);
	const char *(*name)(void);
	int x;
};

static int twice(int v) { return 2 * v; }
static const char *nm(void) { return "ok"; }

int main(void) {
	int a[3] = {4, 5, 6};
	struct s x = {twice, &a, {7, 8}, nm, 9};
	if (x.cmp(3) != 6) return 1;
	if ((*x.arr)[2] != 6) return 2;
	if (x.pa[1] != 8) return 3;
	if (x.name()[0] != 'o') return 4;
	if (x.x != 9) return 5;
	if (sizeof x.pa != 2 * sizeof(int)) return 6;
	return 0;
}
