/* qsort and bsearch from libc calling back into compiled code. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

struct rec { char name[8]; int age; double score; };
static int by_age(const void *a, const void *b) { const struct rec *x = a, *y = b; return x->age - y->age; }
static int by_name(const void *a, const void *b) { return strcmp(((const struct rec *)a)->name, ((const struct rec *)b)->name); }
static int by_score_desc(const void *a, const void *b) {
	double x = ((const struct rec *)a)->score, y = ((const struct rec *)b)->score;
	return (x < y) - (x > y);
}
static int cmp_long(const void *a, const void *b) { long x = *(const long *)a, y = *(const long *)b; return (x > y) - (x < y); }
static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(void) {
	struct rec r[] = {{"carol", 35, 1.5}, {"alice", 30, 9.0}, {"bob", 25, 4.25}, {"dave", 40, 0.5}};
	size_t n = sizeof r / sizeof r[0];
	qsort(r, n, sizeof r[0], by_age);
	CHECK(r[0].age == 25 && r[3].age == 40);
	qsort(r, n, sizeof r[0], by_name);
	CHECK(strcmp(r[0].name, "alice") == 0 && strcmp(r[3].name, "dave") == 0);
	qsort(r, n, sizeof r[0], by_score_desc);
	CHECK(r[0].score == 9.0 && r[3].score == 0.5);
	long v[1000];
	unsigned seed = 12345;
	for (int i = 0; i < 1000; i++) { seed = seed * 1103515245 + 12345; v[i] = (long)(seed >> 8) - 4000000; }
	qsort(v, 1000, sizeof v[0], cmp_long);
	for (int i = 1; i < 1000; i++) CHECK(v[i - 1] <= v[i]);
	long key = v[500];
	long *hit = bsearch(&key, v, 1000, sizeof v[0], cmp_long);
	CHECK(hit && *hit == key);
	const char *words[] = {"pear", "apple", "fig", "banana"};
	qsort(words, 4, sizeof words[0], cmp_str);
	CHECK(strcmp(words[0], "apple") == 0 && strcmp(words[3], "pear") == 0);
	return 0;
}
