/* __builtin_setjmp/__builtin_longjmp (gcc "Nonlocal Gotos"), returns_twice, and the
   object-size checking builtins (gcc "Object Size Checking"). */
#include <stdio.h>
#include <string.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static void *buf[5];
static int calls;

__attribute__((noinline)) static void jump(void) { calls++; __builtin_longjmp(buf, 1); }
__attribute__((noinline)) static void deeper(int n) { if (n) deeper(n - 1); else jump(); }

/* Values computed before the setjmp and used after the longjmp must survive even
   though callee-saved registers are not restored. */
__attribute__((noinline)) static long across(long a, long b) {
	long x = a * 3, y = b + 7, z = a ^ b;
	double d = (double)a / 4;
	if (__builtin_setjmp(buf) == 0) {
		deeper(5);
		return -1;
	}
	return x + y + z + (long)(d * 4);
}

/* A returns_twice function under a name gocc does not know: the C library's _setjmp.
   gocc keeps no value in a register across it, so even a non-volatile local modified
   before the longjmp (indeterminate in C11 7.13.2.1p3) reads back its last value. */
#include <setjmp.h>
extern int my_setjmp(jmp_buf) __asm__("_setjmp") __attribute__((returns_twice));
static jmp_buf env;
__attribute__((noinline)) static void back(void) { longjmp(env, 7); }
__attribute__((noinline)) static int modified(int k) {
	int r = my_setjmp(env);
	if (r == 0) {
		k += 10;
		back();
	}
	return r * 100 + k;
}

/* The same through <setjmp.h>'s own setjmp and sigsetjmp, which gocc knows to return
   twice by name (gcc's special_function_p). */
static sigjmp_buf senv;
__attribute__((noinline)) static void sback(void) { siglongjmp(senv, 2); }
__attribute__((noinline)) static int modified_lib(int k) {
	double d = k * 0.5;
	int r = setjmp(env);
	if (r == 0) {
		k += 10;
		d += 1;
		back();
	}
	int s = sigsetjmp(senv, 1);
	if (s == 0) {
		k += 100;
		sback();
	}
	return r * 1000 + s * 100 + k + (int)d;
}

__attribute__((noinline)) static int loop_count(void) {
	volatile int n = 0;
	int r = __builtin_setjmp(buf);
	n++;
	if (n < 4) jump();
	return r * 100 + n;
}

static char dst[16];
static struct { int a; char b[6]; int c; } s;

int main(void) {
	CHECK(across(5, 9) == 15 + 16 + (5 ^ 9) + 5);
	CHECK(calls == 1);
	CHECK(loop_count() == 104);
	CHECK(modified(3) == 713);
	CHECK(modified_lib(4) == 7000 + 200 + 114 + 3);

	/* __builtin_object_size of known objects (as gcc without optimization). */
	char local[10];
	CHECK(__builtin_object_size(dst, 0) == 16);
	CHECK(__builtin_object_size(dst + 5, 0) == 11);
	CHECK(__builtin_object_size(&dst[20], 0) == 0);
	CHECK(__builtin_object_size(local, 1) == 10);
	CHECK(__builtin_object_size(s.b, 0) == sizeof s - 4);
	CHECK(__builtin_object_size(&s.b[1], 1) == 5);
	CHECK(__builtin_object_size(&s.c, 3) == 4);
	char *volatile vp = dst;
	char *p = vp;
	CHECK(__builtin_object_size(p, 0) == (size_t)-1);
	CHECK(__builtin_object_size(p, 2) == 0);
	int i = 0;
	CHECK(__builtin_object_size(&dst[i++], 0) == (size_t)-1 && i == 0);

	/* Checking builtins that cannot fail become the plain calls. */
	CHECK(__builtin___memcpy_chk(dst, "hello", 6, __builtin_object_size(dst, 0)) == dst);
	CHECK(strcmp(dst, "hello") == 0);
	CHECK(__builtin___strcat_chk(dst, " you", __builtin_object_size(dst, 0)) == dst);
	CHECK(strcmp(dst, "hello you") == 0);
	CHECK(__builtin___sprintf_chk(local, 0, sizeof local, "%d", 42) == 2 && strcmp(local, "42") == 0);
	CHECK(__builtin___snprintf_chk(local, 4, 0, sizeof local, "%s", "abcdef") == 6 && strcmp(local, "abc") == 0);
	CHECK(__builtin___memset_chk(p, 'x', 3, __builtin_object_size(p, 0)) == dst && dst[2] == 'x');
	CHECK(__builtin___strcpy_chk(local, "012345678", sizeof local) == local && local[8] == '8');
	return 0;
}
