/* A struct is complete only after its definition's closing brace (C11 6.7.2.1p8): its
 * members are checked there, in the definition's scope, even when the tag was
 * mentioned earlier ("struct s *p;"). Linux's hrtimer.h and user_namespace.h size
 * arrays with enumerators declared between the first mention and the definition. */
enum { N = 2 };

struct fwd;
struct holder { struct fwd *p; };
enum later { L0, L1, L2, L_COUNT };
struct fwd {
	unsigned a : 1, b : 1;
	int arr[L_COUNT];
} __attribute__((aligned(64)));

int main(void) {
	if (sizeof(struct fwd) != 64 || sizeof(((struct fwd *)0)->arr) != 3 * sizeof(int))
		return 1;
	struct s *q; /* declares struct s in this block */
	enum { N = 5 };  /* shadows the file-scope N */
	struct s { int a[N]; };
	q = 0;
	if (sizeof(struct s) != 5 * sizeof(int) || q)
		return 2;
	return 0;
}
