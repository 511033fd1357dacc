// flags: -pthread
// helper: tls_helper.c
/* Thread-local storage in every ELF TLS access model (Drepper, "ELF Handling For
   Thread-Local Storage"): the default choice and tls_model("global-dynamic",
   "local-dynamic", "initial-exec", "local-exec"), for variables defined here (global
   and static) and in another object, read and written from several threads.
   tls_models_pic.c and tls_models_ftls.c compile this file with -fPIC and -ftls-model=. */
#include <pthread.h>
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

__thread int t_default = 1;
static __thread int t_static = 2;
__thread int t_gd __attribute__((tls_model("global-dynamic"))) = 3;
static __thread int t_ld __attribute__((tls_model("local-dynamic"))) = 4;
__thread int t_ld2 __attribute__((tls_model("local-dynamic"))) = 5;
__thread int t_ie __attribute__((tls_model("initial-exec"))) = 6;
__thread long t_le[3] __attribute__((tls_model("local-exec"))) = {7, 8, 9};
static __thread char t_bss[64] __attribute__((tls_model("local-dynamic")));
_Thread_local struct { int a; double d; } t_struct = {11, 1.5};

extern __thread int tls_ext;
extern __thread int tls_ext __attribute__((tls_model("initial-exec")));
extern __thread long tls_ext_arr[4] __attribute__((tls_model("global-dynamic")));
int *tls_ext_addr(void);

/* The sum of every variable, then each one bumped by k. */
static long visit(int k) {
	long s = t_default + t_static + t_gd + t_ld + t_ld2 + t_ie + t_le[0] + t_le[1] + t_le[2] +
		 t_bss[63] + t_struct.a + (long)t_struct.d + tls_ext + tls_ext_arr[3];
	t_default += k, t_static += k, t_gd += k, t_ld += k, t_ld2 += k, t_ie += k;
	t_le[2] += k, t_bss[63] += k, t_struct.a += k, tls_ext += k, tls_ext_arr[3] += k;
	return s;
}

static const long initial = 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 0 + 11 + 1 + 5 + 40;

static void *thread(void *arg) {
	long k = (long)arg;
	long bad = 0;
	/* Every thread starts from the initial images. */
	bad |= visit((int)k) != initial;
	bad |= visit(0) != initial + 11 * k;
	bad |= &tls_ext != tls_ext_addr();
	return (void *)bad;
}

int main(void) {
	CHECK(visit(100) == initial);
	CHECK(visit(0) == initial + 1100);
	CHECK(&tls_ext == tls_ext_addr() && tls_ext == 105);
	pthread_t th[4];
	for (long i = 0; i < 4; i++)
		CHECK(pthread_create(&th[i], 0, thread, (void *)(i + 1)) == 0);
	for (int i = 0; i < 4; i++) {
		void *r;
		CHECK(pthread_join(th[i], &r) == 0 && r == 0);
	}
	/* The main thread's copies are untouched by the others. */
	CHECK(visit(0) == initial + 1100);
	int *p = &t_ld, *q = &t_ld2;
	*p = 40, *q = 50;
	CHECK(t_ld == 40 && t_ld2 == 50 && (char *)&t_bss[10] - (char *)t_bss == 10);
	return 0;
}
