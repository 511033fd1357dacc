// flags: -w
// A struct or enum defined in a member list by a declaration that declares no member
// still defines its tag and enumerators in the enclosing scope (gcc.dg anon-struct-1.c).
struct C { struct D { char d; }; enum E { EA = 3, EB }; char c; };
int main(void) { struct D d = {1}; return sizeof(struct D) != 1 || EB != 4 || d.d != 1 || sizeof(struct C) != 1; }
