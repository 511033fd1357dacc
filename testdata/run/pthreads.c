/* POSIX threads: creation with arguments and results, mutexes, condition variables. */
#include <pthread.h>
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

struct job { int from, to; long sum; };
static void *sum_range(void *arg) {
	struct job *j = arg;
	for (int i = j->from; i < j->to; i++) j->sum += i;
	return j;
}
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready, shared;
static void *producer(void *arg) {
	(void)arg;
	pthread_mutex_lock(&mu);
	shared = 42;
	ready = 1;
	pthread_cond_signal(&cv);
	pthread_mutex_unlock(&mu);
	return NULL;
}
static long counter;
static void *bump(void *arg) {
	for (int i = 0; i < 10000; i++) { pthread_mutex_lock(&mu); counter++; pthread_mutex_unlock(&mu); }
	return arg;
}

int main(void) {
	pthread_t t[4];
	struct job jobs[4];
	for (int i = 0; i < 4; i++) {
		jobs[i] = (struct job){i * 250, (i + 1) * 250, 0};
		CHECK(pthread_create(&t[i], NULL, sum_range, &jobs[i]) == 0);
	}
	long total = 0;
	for (int i = 0; i < 4; i++) {
		void *res;
		CHECK(pthread_join(t[i], &res) == 0 && res == &jobs[i]);
		total += jobs[i].sum;
	}
	CHECK(total == 999 * 1000 / 2);
	pthread_t p;
	pthread_create(&p, NULL, producer, NULL);
	pthread_mutex_lock(&mu);
	while (!ready) pthread_cond_wait(&cv, &mu);
	pthread_mutex_unlock(&mu);
	CHECK(shared == 42);
	pthread_join(p, NULL);
	for (int i = 0; i < 3; i++) pthread_create(&t[i], NULL, bump, NULL);
	for (int i = 0; i < 3; i++) pthread_join(t[i], NULL);
	CHECK(counter == 30000);
	CHECK(pthread_equal(pthread_self(), pthread_self()));
	return 0;
}
