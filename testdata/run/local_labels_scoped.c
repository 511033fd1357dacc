// GNU C local labels (__label__) are scoped to their block, so a macro that declares
// one can be expanded several times in one function (Linux's wait_event macros).
#define FIRST_ODD(a, n) ({                                      \
	__label__ out;                                          \
	int r_ = -1;                                            \
	for (int i_ = 0; i_ < (n); i_++)                        \
		if ((a)[i_] & 1) { r_ = (a)[i_]; goto out; }    \
out:	r_;                                                     \
})

#define ADDR_OF_DONE() ({ __label__ done; static void *p_ = &&done; goto *p_; done: p_; })

int values[] = {2, 4, 7, 9};
int evens[] = {2, 4};

int main(void) {
	int a = FIRST_ODD(values, 4);
	int b = FIRST_ODD(evens, 2);
	int c = FIRST_ODD(values + 3, 1);
	if (a != 7 || b != -1 || c != 9)
		return 1;
	void *p = ADDR_OF_DONE();
	void *q = ADDR_OF_DONE();
	if (p == 0 || q == 0 || p == q)
		return 2;
	{
		__label__ out;
		goto out;
		return 3;
	out:;
	}
	goto out;
	return 4;
out:
	return 0;
}
