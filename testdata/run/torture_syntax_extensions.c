// Front-end cases from gcc.c-torture/compile that gcc accepts (issue 4's syntax
// check), as a program that checks their meaning.

// __alignof__ and sizeof of an object declared before its struct is complete
// (20001109-1.c).
typedef struct later later_t;
extern later_t late_obj;
struct later {
	double d;
	int i;
};
int late_align[__alignof__(late_obj) == __alignof__(double) ? 1 : -1];
int late_size[sizeof late_obj == sizeof(struct later) ? 1 : -1];

// Identical string literals are one object (20001116-1.c).
int literal_diff = &"Foobar"[3] - &"Foobar"[0];

// Attributes may start a parameter list in a parenthesised declarator: apply's
// parameter is a function "int (int x)", adjusted to a pointer (20010313-1.c).
static int apply(int (__attribute__((__mode__(__SI__))) int x), int v);
static int twice(int x) { return 2 * x; }
static int apply(int (*fn)(int), int v) { return fn(v); }

// A definition with implicit int of a function declared void (20060109-1.c).
static void set_flag(int *p);
set_flag(int *p) { *p = 1; }

// A transparent union parameter in the declaration, a member type in the
// definition (pr34885.c).
struct addr { int port; };
typedef union {
	const struct addr *a;
	const int *port;
} addr_arg __attribute__((__transparent_union__));
extern int port_of(addr_arg);
int port_of(const struct addr *a) { return a->port; }

// Reads of const objects in static initialisers (pr83222.c).
const char cc = 0x42;
const double from_char = (double)cc + 1;
double table[] = {cc, 1 + cc};

// Complex equality in a constant (pr30433.c).
int complex_eq = (_Complex float)(0.5) == 0.5;
int complex_ne = (_Complex double)(1.0 + 2.0i) != 1.0;

// A static array initialised from a compound literal (pr48517.c, GNU).
static const unsigned short from_literal[] = (const unsigned short[]){0x0D2B, 7};

int main(void) {
	if (late_align[0] || late_size[0] || literal_diff != 3)
		return 1;
	if (apply(twice, 21) != 42)
		return 2;
	int flag = 0;
	set_flag(&flag);
	if (!flag)
		return 3;
	struct addr a = {80};
	if (port_of(&a) != 80)
		return 4;
	if (from_char != 67.0 || table[0] != 66.0 || table[1] != 67.0)
		return 5;
	if (complex_eq != 1 || complex_ne != 1)
		return 6;
	if (sizeof from_literal != 2 * sizeof(unsigned short) || from_literal[0] != 0x0D2B || from_literal[1] != 7)
		return 7;
	return 0;
}
