// libs: -latomic
/* Atomic builtins on 16-byte objects go through libatomic, as gcc does on x86-64
   without -mcx16 (__atomic_load_16 and friends); gocc finds libatomic in gcc's
   library directory like gcc's driver does. */
#include <stdio.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

typedef unsigned __int128 u128;
static u128 v;

int main(void) {
	u128 big = ((u128)0x0123456789abcdefULL << 64) | 0xfedcba9876543210ULL;
	__atomic_store_n(&v, big, __ATOMIC_SEQ_CST);
	CHECK(__atomic_load_n(&v, __ATOMIC_ACQUIRE) == big);
	CHECK(__atomic_fetch_add(&v, 1, __ATOMIC_RELAXED) == big);
	CHECK(__atomic_add_fetch(&v, 1, __ATOMIC_SEQ_CST) == big + 2);
	u128 expected = big, desired = 7;
	CHECK(!__atomic_compare_exchange_n(&v, &expected, desired, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
	CHECK(expected == big + 2);
	CHECK(__atomic_compare_exchange_n(&v, &expected, desired, 1, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED));
	CHECK(__atomic_exchange_n(&v, 9, __ATOMIC_SEQ_CST) == 7);
	u128 out;
	__atomic_load(&v, &out, __ATOMIC_SEQ_CST);
	CHECK(out == 9);
	CHECK(__atomic_xor_fetch(&v, 1, __ATOMIC_SEQ_CST) == 8);
	CHECK(__atomic_fetch_and(&v, 12, __ATOMIC_SEQ_CST) == 8 && v == 8);
	return 0;
}
