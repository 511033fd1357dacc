/* GNU global register variables ("Defining Global Register Variables" in gcc's manual):
 * `register T x asm("reg");` at file scope names a register, so it has no initializer
 * and a redeclaration names the same register; without asm("reg") a file-scope
 * 'register' is invalid (C11 6.9p2). Linux declares current_stack_pointer this way. */
register unsigned long current_stack_pointer asm("rsp");
register unsigned long current_stack_pointer asm("rsp");
register unsigned long sp2 asm("%rsp");
register int with_init asm("r12") = 1; // ERROR "global register variable has initial value"
register unsigned long current_stack_pointer asm("rbp"); // ERROR "conflicting register"
register int no_reg; // ERROR "file-scope declaration of 'no_reg' specifies 'register'"
int plain;
register int plain asm("r13"); // ERROR "redeclared as different kind of symbol"

int main(void) { return 0; }
