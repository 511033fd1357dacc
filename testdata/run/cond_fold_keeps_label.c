// A constant condition does not fold away an operand holding a label that &&label
// names (gcc's pr17913.c): the label must stay in the function.
int main(void) {
	void *p = &&a;
	int r = 1 ? 1 : ({ a: 2; });
	if (r != 1)
		goto *p;
	return p == 0;
}
