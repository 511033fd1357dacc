/* Acceptance program: uses stdio, stdlib, string, math, setjmp, stdarg, pthreads and
   qsort; built by gocc with nothing but as and ld on PATH. Prints "acceptance: ok". */
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static int cmp_int(const void *a, const void *b) {
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static int sum(int n, ...) {
	va_list ap;
	va_start(ap, n);
	int s = 0;
	for (int i = 0; i < n; i++)
		s += va_arg(ap, int);
	va_end(ap);
	return s;
}

static jmp_buf env;
static void jump(int v) { longjmp(env, v); }

static long counter;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static void *work(void *arg) {
	for (int i = 0; i < 1000; i++) {
		pthread_mutex_lock(&mu);
		counter += (long)arg;
		pthread_mutex_unlock(&mu);
	}
	return arg;
}

int main(void) {
	int a[] = {5, 3, 9, 1, 7, 2};
	qsort(a, 6, sizeof a[0], cmp_int);
	for (int i = 1; i < 6; i++)
		CHECK(a[i - 1] <= a[i]);

	char buf[64];
	snprintf(buf, sizeof buf, "%d-%s-%.2f", 42, "x", 3.14159);
	CHECK(strcmp(buf, "42-x-3.14") == 0);
	CHECK(strlen(buf) == 9);
	char *dup = strdup(buf);
	CHECK(dup && memcmp(dup, buf, 10) == 0);
	free(dup);
	CHECK(atoi("123") == 123 && strtol("-ff", NULL, 16) == -255);

	CHECK(fabs(sqrt(2.0) * sqrt(2.0) - 2.0) < 1e-12);
	CHECK(fabs(sin(0.5) - 0.479425538604203) < 1e-12);
	CHECK(floor(-1.5) == -2.0 && pow(2, 10) == 1024);

	CHECK(sum(4, 1, 2, 3, 4) == 10);

	int r = setjmp(env);
	if (r == 0)
		jump(7);
	CHECK(r == 7);

	pthread_t th[4];
	for (long i = 0; i < 4; i++)
		CHECK(pthread_create(&th[i], NULL, work, (void *)(i + 1)) == 0);
	for (int i = 0; i < 4; i++) {
		void *ret;
		pthread_join(th[i], &ret);
		CHECK((long)ret == i + 1);
	}
	CHECK(counter == 10000);

	printf("acceptance: ok\n");
	return 0;
}
