/* After a syntax error the rest of the file is still type-checked, as gcc does, so
   one run reports every error: the parser recovers, then sema checks what it kept. */
int undeclared_before(void) {
	return nowhere; // ERROR "'nowhere' undeclared"
}

int broken(int x) {
	return x +; // ERROR "expected expression before ';' token"
}

struct s { int a; };

int bad_member(struct s v) {
	return v.b; // ERROR "has no member named 'b'"
}
