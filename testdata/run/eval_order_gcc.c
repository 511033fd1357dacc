// Evaluation-order choices where gcc's behaviour is relied upon.
unsigned int x[1] = {2};
int calls;

static unsigned int bump(void) {
	x[0] |= 128;
	calls++;
	return 1;
}

static int expect_side(int z) {
	// The expected-value argument of __builtin_expect is evaluated too.
	if (__builtin_expect(calls > 100, z++))
		return 7;
	return z;
}

int main(void) {
	// A compound assignment evaluates a right operand with side effects first.
	x[0] |= bump();
	if (x[0] != 131)
		return 1;
	int i = 1;
	i += (i = 5, 2);
	if (i != 7)
		return 2;
	if (expect_side(10) != 11)
		return 3;
	long r = __builtin_expect(calls++, 0);
	if (r != 1 || calls != 2)
		return 4;
	return 0;
}
