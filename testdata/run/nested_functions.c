// GNU C nested functions (GCC manual, "Nested Functions"): access to the enclosing
// functions' locals and parameters (read and write), recursion, two levels of nesting,
// VLAs, aggregates, forward declarations with auto, the address of a nested function
// passed as a callback (a stack trampoline), and non-local goto to a __label__.
#include <stdarg.h>
#include <stdlib.h>

#define CHECK(x) do { if (!(x)) { __builtin_printf("FAIL line %d: %s\n", __LINE__, #x); exit(1); } } while (0)

struct pt { int x, y; };

static int apply(int (*f)(int), int v) { return f(v); }

static void each(int *a, int n, void (*f)(int *)) {
	for (int i = 0; i < n; i++)
		f(&a[i]);
}

static int capture_and_write_back(int p) {
	int base = 10, calls = 0;
	int add(int x) { calls++; return x + base + p; }
	CHECK(add(1) == 12);
	base = 20;               // the nested function sees the new value
	CHECK(add(1) == 22);
	CHECK(calls == 2);       // and its writes are seen here
	p = 100;
	CHECK(add(0) == 120);
	return calls;
}

static int recursion(void) {
	int depth = 0;
	int fact(int n) { depth++; return n <= 1 ? 1 : n * fact(n - 1); }
	CHECK(fact(6) == 720);
	return depth;
}

static int two_levels(int a) {
	int b = 2;
	int mid(int c) {
		int d = 4;
		int inner(int e) { b += 100; return a + b + c + d + e; }
		return inner(5) + d;
	}
	int r = mid(3);
	CHECK(b == 102);
	return r;        // 1 + 102 + 3 + 4 + 5 + 4
}

static int cmp_calls;
static int trampoline_callback(void) {
	int desc = 1;
	int seen = 0;
	int cmp(const void *x, const void *y) {
		seen++;
		int a = *(const int *)x, b = *(const int *)y;
		return desc ? (a < b) - (a > b) : (a > b) - (a < b);
	}
	int v[] = {3, 1, 4, 1, 5, 9, 2, 6};
	qsort(v, 8, sizeof v[0], cmp);
	CHECK(v[0] == 9 && v[7] == 1);
	desc = 0;
	qsort(v, 8, sizeof v[0], cmp);
	CHECK(v[0] == 1 && v[1] == 1 && v[7] == 9);
	cmp_calls = seen;
	int k = 7;
	int addk(int x) { return x + k; }
	int (*fp)(int) = addk;
	CHECK(apply(fp, 1) == 8);
	k = 9;
	CHECK(fp(1) == 10);
	void twice(int *p) { *p *= 2; k++; }
	each(v, 8, twice);
	CHECK(v[7] == 18 && k == 17);
	return seen > 0;
}

static int vla(int n) {
	int a[n];
	for (int i = 0; i < n; i++)
		a[i] = i;
	int sum(void) {
		int s = 0;
		for (int i = 0; i < n; i++)
			s += a[i];
		return s + (int)(sizeof a / sizeof a[0]) * 1000;
	}
	void bump(int i) { a[i] += 10; }
	bump(1);
	return sum();
}

static struct pt aggregates(struct pt p) {
	struct pt q = {5, 6};
	struct pt swap(void) { struct pt r = {p.y + q.x, p.x + q.y}; p.x = 0; return r; }
	struct pt r = swap();
	CHECK(p.x == 0);
	return r;
}

static int forward(void) {
	auto int even(int);
	int odd(int n) { return n == 0 ? 0 : even(n - 1); }
	int even(int n) { return n == 0 ? 1 : odd(n - 1); }
	return even(10) && !even(7) && odd(3);
}

static int variadic(int n, ...) {
	int sum(int k, ...) {
		va_list ap;
		va_start(ap, k);
		int s = n;
		for (int i = 0; i < k; i++)
			s += va_arg(ap, int);
		va_end(ap);
		return s;
	}
	return sum(3, 1, 2, 3);
}

static int nonlocal_goto(int n) {
	__label__ out;
	int hits = 0;
	void walk(int k) {
		hits++;
		if (k == 0)
			goto out;            // unwinds every activation of walk
		walk(k - 1);
		hits = -1000;            // never reached
	}
	walk(n);
	return -1;
out:
	return hits;
}

static int nonlocal_goto_two_levels(void) {
	__label__ done;
	int state = 1;
	int outer(void) {
		int inner(int x) {
			state = x;
			if (x > 3)
				goto done;
			return inner(x + 1);
		}
		return inner(0);
	}
	outer();
	return -1;
done:
	return state;
}

static int sum_ints(const int *p, int n) {
	int s = 0;
	for (int i = 0; i < n; i++)
		s += p[i];
	return s;
}

static int nonlocal_goto_vla(int n) {
	__label__ out;
	int a[n];                    // the goto restores the stack pointer below a[]
	for (int i = 0; i < n; i++)
		a[i] = i + 1;
	void jump(int k) {
		if (k > 3)
			goto out;
		jump(k + 1);
	}
	jump(0);
	return -1;
out:;
	volatile char junk[256];
	for (int i = 0; i < 256; i++)
		junk[i] = 0x55;
	return sum_ints(a, n);       // the calls after the goto must not clobber a[]
}

static void call_with(void (*f)(int), int v) { f(v); }

static int self_address(void) {
	int count = 0;
	void rec(int k) {            // passes its own address: the parent's trampoline
		count++;
		if (k > 0)
			call_with(rec, k - 1);
	}
	rec(5);
	return count;
}

static int defined_in_loop(void) {
	int s = 0;
	for (int i = 0; i < 3; i++) {
		int add(int x) { return x + i; }
		s += add(10);
	}
	return s;
}

static int sibling_from_grandchild(void) {
	int g = 1;
	int helper(int x) { return x * g; }
	int mid(void) {
		int inner(void) { return helper(7) + ({ int z = g; z; }); }
		return inner();
	}
	g = 3;
	return mid();
}

static int nonlocal_goto_out_of_qsort(int key) {
	__label__ found;
	int v[] = {5, 3, 9, 1, 7};
	int cmp(const void *a, const void *b) {
		if (*(const int *)a == key || *(const int *)b == key)
			goto found;  // leaves qsort's frames behind
		return *(const int *)a - *(const int *)b;
	}
	qsort(v, 5, sizeof v[0], cmp);
	return -1;
found:
	return key;
}

static int nonlocal_goto_recursive_parent(int n) {
	__label__ l;
	int r = n;
	void jump(void) { goto l; }  // lands in the activation whose frame it was given
	if (n > 0) {
		r = nonlocal_goto_recursive_parent(n - 1);
		CHECK(r == n - 1 + 1000);
		r = n;
	}
	jump();
	return -1;
l:
	return r + 1000;
}

static int variable_size_records(int n) {
	struct S { int a[n]; int last; };   // its size depends on n (GNU C)
	struct S make(int v) {
		struct S s;
		for (int i = 0; i < n; i++)
			s.a[i] = v + i;
		s.last = -v;
		return s;
	}
	int total(struct S s) {
		int t = s.last;
		for (int i = 0; i < n; i++)
			t += s.a[i];
		s.a[0] = 12345;              // the callee's copy
		return t;
	}
	auto struct S twice(int v);
	struct S twice(int v) { struct S s; s = make(v); for (int i = 0; i < n; i++) s.a[i] *= 2; return s; }
	struct S x;
	x = make(10);
	CHECK(x.a[0] == 10 && x.a[n - 1] == 10 + n - 1 && x.last == -10);
	CHECK(total(x) == n * 10 + n * (n - 1) / 2 - 10);
	CHECK(x.a[0] == 10);
	CHECK(twice(1).a[n - 1] == 2 * n && make(3).last == -3);
	return (int)sizeof(struct S);
}

static int label_value(void) {
	__label__ l;
	void *where(void) { return &&l; }
	goto *where();
	return 0;
l:
	return 1;
}

int main(void) {
	CHECK(capture_and_write_back(1) == 3);
	CHECK(recursion() == 6);
	CHECK(two_levels(1) == 1 + 102 + 3 + 4 + 5 + 4);
	CHECK(trampoline_callback() && cmp_calls > 0);
	CHECK(vla(5) == 5000 + 0 + 11 + 2 + 3 + 4);
	struct pt r = aggregates((struct pt){1, 2});
	CHECK(r.x == 7 && r.y == 7);
	CHECK(forward());
	CHECK(variadic(100) == 106);
	CHECK(nonlocal_goto(10) == 11);
	CHECK(nonlocal_goto(0) == 1);
	CHECK(nonlocal_goto_two_levels() == 4);
	CHECK(label_value() == 1);
	CHECK(nonlocal_goto_vla(100) == 5050);
	CHECK(self_address() == 6);
	CHECK(defined_in_loop() == 33);
	CHECK(sibling_from_grandchild() == 24);
	CHECK(nonlocal_goto_out_of_qsort(9) == 9);
	CHECK(nonlocal_goto_recursive_parent(5) == 1005);
	CHECK(variable_size_records(7) == 8 * sizeof(int));
	return 0;
}
