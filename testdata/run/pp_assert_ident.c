// Preprocessor: #ident/#sccs lines reach the parser (and are skipped), assertions
// (#assert, #unassert, gcc's predefined #system answers) in #if, an empty macro before
// an assertion, and ## on an operand that is a painted self-referential macro name.
#ident "gocc pp_assert_ident"
#define S "sccs"
#sccs S
#define empty
#if empty #system(linux) && #system(posix) && #system
int sys = 1;
#else
int sys = 0;
#endif
#assert color(blue)
#if !#color(blue) || #color(red) || !#color
#error "assertion"
#endif
#unassert color
#if #color
#error "unassert"
#endif
#define P(a, b) P1(a, b)
#define P1(a, b) a##b
#define F F
#define F_X 42
int main(void) { return !(sys == 1 && P(F, _X) == 42); }
