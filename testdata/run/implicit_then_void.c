// flags: -std=gnu89 -w
/* A function called before any declaration (implicitly int f()) and then defined
   with another type: gcc warns "conflicting types" and goes on with the definition's
   type (gcc.dg pr35899.c, redecl-15.c). */
int calls;
int first(void) {
	bar();
	return calls;
}
void bar(void) { calls++; }
int main(void) {
	first();
	bar();
	return calls != 2;
}
