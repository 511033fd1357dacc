/* Thread-local storage (__thread, _Thread_local): each thread sees its own copy. */
#include <pthread.h>
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

__thread int tcount = 5;
static _Thread_local long tarr[4] = {1, 2, 3, 4};
static __thread int *tptr;

static void *worker(void *arg) {
	long id = (long)arg;
	for (int i = 0; i < 1000; i++) tcount++;
	tarr[2] = id;
	tptr = &tcount;
	return (void *)(long)(*tptr + tarr[2] * 10000 + (tarr[0] == 1));
}

int main(void) {
	pthread_t t[3];
	for (long i = 0; i < 3; i++) pthread_create(&t[i], NULL, worker, (void *)(i + 1));
	for (long i = 0; i < 3; i++) {
		void *r;
		pthread_join(t[i], &r);
		CHECK((long)r == 1005 + (i + 1) * 10000 + 1);
	}
	CHECK(tcount == 5 && tarr[2] == 3 && tptr == NULL);
	tcount = 7;
	int *p = &tcount;
	CHECK(*p == 7);
	return 0;
}
