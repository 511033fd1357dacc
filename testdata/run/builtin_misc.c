/* __builtin_clear_padding (gcc 11), __builtin___clear_cache, __builtin_stack_save and
   __builtin_stack_restore, __builtin_powi, __builtin_bswap128, and __builtin_strcasecmp/strncasecmp (gcc
   manual "Other Builtins"). */
#include <stdio.h>
#include <string.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

struct S { char a; int b; short c; };          /* 1+3 padding, 2 trailing */
struct B { unsigned x : 3, : 2, y : 5; char z; }; /* bit-field gaps */
union U { char c; int i; struct { short s; char t; } st; };
struct L { long double ld; char k; };
struct N { char a; struct S s[2]; double d; };

static int all(const void *p, size_t n, int v) {
	const unsigned char *q = p;
	for (size_t i = 0; i < n; i++)
		if (q[i] != v) return 0;
	return 1;
}

int main(void) {
	struct S s;
	memset(&s, 0xaa, sizeof s);
	s.a = 1, s.b = 2, s.c = 3;
	__builtin_clear_padding(&s);
	unsigned char *p = (unsigned char *)&s;
	CHECK(all(p + 1, 3, 0) && all(p + 10, 2, 0) && s.a == 1 && s.b == 2 && s.c == 3);

	struct B b;
	memset(&b, 0xff, sizeof b);
	b.x = 5, b.y = 17, b.z = 9;
	__builtin_clear_padding(&b);
	unsigned v;
	memcpy(&v, &b, 2);
	CHECK((v & 0xffff) == (5 | 17 << 5) && b.z == 9 && all((char *)&b + 3, sizeof b - 3, 0));

	union U u;
	memset(&u, 0x55, sizeof u);
	u.c = 7;
	__builtin_clear_padding(&u); /* every byte is covered by i */
	CHECK(all((char *)&u + 1, 3, 0x55) && u.c == 7);

	struct L l;
	memset(&l, 0x77, sizeof l);
	l.ld = 1.5L, l.k = 4;
	__builtin_clear_padding(&l);
	CHECK(all((char *)&l + 10, 6, 0) && all((char *)&l + 17, sizeof l - 17, 0) && l.ld == 1.5L && l.k == 4);

	struct N n[2];
	memset(n, 0x33, sizeof n);
	for (int i = 0; i < 2; i++) n[i].a = 1, n[i].s[0].a = n[i].s[1].a = 2, n[i].s[0].b = n[i].s[1].b = 3, n[i].s[0].c = n[i].s[1].c = 4, n[i].d = 5;
	__builtin_clear_padding(&n);
	struct N z[2];
	memset(z, 0, sizeof z);
	for (int i = 0; i < 2; i++) z[i].a = 1, z[i].s[0].a = z[i].s[1].a = 2, z[i].s[0].b = z[i].s[1].b = 3, z[i].s[0].c = z[i].s[1].c = 4, z[i].d = 5;
	CHECK(memcmp(n, z, sizeof n) == 0);

	/* A variable-length array: every element. */
	volatile int m = 3;
	struct S vs[m];
	memset(vs, 0xaa, sizeof vs);
	for (int i = 0; i < m; i++) vs[i].a = 1, vs[i].b = 2, vs[i].c = 3;
	__builtin_clear_padding(&vs);
	for (int i = 0; i < m; i++) {
		unsigned char *q = (unsigned char *)&vs[i];
		CHECK(all(q + 1, 3, 0) && all(q + 10, 2, 0) && vs[i].b == 2);
	}

	char code[16] = {0};
	__builtin___clear_cache(code, code + sizeof code);

	int total = 0;
	for (int i = 1; i <= 100; i++) {
		void *sp = __builtin_stack_save();
		char vla[i];
		memset(vla, 1, i);
		total += vla[i - 1];
		__builtin_stack_restore(sp);
	}
	CHECK(total == 100);

	CHECK(__builtin_strcasecmp("HeLLo", "hello") == 0 && __builtin_strncasecmp("abcX", "ABCy", 3) == 0);
	CHECK(__builtin_strncasecmp("abcX", "ABCy", 4) < 0);

	/* powi: repeated squaring, as libgcc's __powidf2. */
	volatile int k = -3, big = -2147483647 - 1;
	volatile double x = 1.1;
	CHECK(__builtin_powi(2.0, 10) == 1024.0 && __builtin_powi(2.0, k) == 0.125 && __builtin_powi(x, 0) == 1.0);
	CHECK(__builtin_powi(x, 7) == x * x * x * x * x * x * x || __builtin_powi(x, 7) > 1.9487);
	CHECK(__builtin_powif(1.5f, 5) == 7.59375f && __builtin_powil(3.0L, 40) == 12157665459056928801.0L);
	CHECK(__builtin_powi(2.0, big) == 0.0 && __builtin_powi(-1.0, big) == 1.0);

	unsigned __int128 w = ((unsigned __int128)0x0102030405060708ULL << 64) | 0x090a0b0c0d0e0f10ULL;
	volatile unsigned __int128 vw = w;
	unsigned __int128 sw = __builtin_bswap128(vw);
	CHECK((unsigned long long)(sw >> 64) == 0x100f0e0d0c0b0a09ULL && (unsigned long long)sw == 0x0807060504030201ULL);
	CHECK(sw == __builtin_bswap128(w));
	return 0;
}
