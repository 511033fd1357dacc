/* __atomic and __sync builtins and C11 _Atomic, used from several threads. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

static long counter;
static _Atomic int acount;
static void *work(void *arg) {
	for (int i = 0; i < 10000; i++) {
		__atomic_fetch_add(&counter, 1, __ATOMIC_SEQ_CST);
		atomic_fetch_add(&acount, 1);
	}
	return arg;
}

int main(void) {
	pthread_t t[4];
	for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, work, NULL);
	for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
	CHECK(counter == 40000 && atomic_load(&acount) == 40000);
	int v = 5;
	CHECK(__sync_fetch_and_add(&v, 3) == 5 && v == 8);
	CHECK(__sync_bool_compare_and_swap(&v, 8, 1) && v == 1);
	CHECK(!__sync_bool_compare_and_swap(&v, 8, 2) && v == 1);
	int expected = 1;
	CHECK(__atomic_compare_exchange_n(&v, &expected, 9, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST) && v == 9);
	CHECK(__atomic_exchange_n(&v, 4, __ATOMIC_ACQ_REL) == 9 && __atomic_load_n(&v, __ATOMIC_ACQUIRE) == 4);
	__atomic_store_n(&v, 11, __ATOMIC_RELEASE);
	CHECK(v == 11 && __atomic_add_fetch(&v, 1, __ATOMIC_RELAXED) == 12);
	CHECK(__atomic_or_fetch(&v, 1, __ATOMIC_RELAXED) == 13 && __atomic_and_fetch(&v, 6, __ATOMIC_RELAXED) == 4);
	__sync_synchronize();
	atomic_int ai = ATOMIC_VAR_INIT(3);
	atomic_store(&ai, 4);
	CHECK(atomic_exchange(&ai, 5) == 4 && ai == 5);
	ai += 2;
	CHECK(ai == 7);
	return 0;
}
