/* Constraint violations of simple assignment and operands (C11 6.5.16.1, 6.5.3.2). */
struct s { int a; };
int main(void) {
	struct s v = {1};
	int i = v; // ERROR "incompatible|invalid"
	int *p = &3; // ERROR "lvalue"
	return v.nosuch; // ERROR "no member"
}
