/* Enumerators are evaluated and declared at the enum's definition (C11 6.2.1p7,
 * 6.7.2.2), not at an earlier mention of the tag: GNU C's forward "enum e;" (Linux's
 * asm/stacktrace.h: "enum stack_type;" long before its definition, which uses
 * N_EXCEPTION_STACKS from a header included in between) or "enum e *p;". */
enum fwd;
enum { K = 2 };
enum fwd { F0 = K + 1, F1 };
int arr[F1];

int main(void) {
	if (sizeof(arr) != 4 * sizeof(int) || F0 != 3)
		return 1;
	enum blk *p = 0;
	enum { K = 7 }; /* shadows the file-scope K */
	enum blk { B0 = K };
	if (B0 != 7 || p)
		return 2;
	return 0;
}
