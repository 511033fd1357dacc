/* A small program for `make run`: word frequencies of a built-in text, sorted with
   qsort, plus a little floating point. Exercises structs, pointers, strings, stdlib,
   stdio and math. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct word { char text[32]; int count; };

static const char text[] =
	"the quick brown fox jumps over the lazy dog the dog sleeps and the fox runs "
	"a compiler turns the text of a program into the code of a machine";

static int by_count(const void *a, const void *b) {
	const struct word *x = a, *y = b;
	if (x->count != y->count) return y->count - x->count;
	return strcmp(x->text, y->text);
}

int main(void) {
	struct word words[64];
	int n = 0;
	const char *p = text;
	while (*p) {
		while (*p && !isalpha((unsigned char)*p)) p++;
		if (!*p) break;
		char buf[32];
		int len = 0;
		while (isalpha((unsigned char)*p) && len < 31) buf[len++] = *p++;
		buf[len] = 0;
		int i;
		for (i = 0; i < n && strcmp(words[i].text, buf) != 0; i++) {}
		if (i == n) { strcpy(words[n].text, buf); words[n].count = 0; n++; }
		words[i].count++;
	}
	qsort(words, n, sizeof words[0], by_count);
	printf("%d distinct words; most frequent:\n", n);
	for (int i = 0; i < 5 && i < n; i++) printf("  %-10s %d\n", words[i].text, words[i].count);
	double mean = 0;
	for (int i = 0; i < n; i++) mean += words[i].count;
	mean /= n;
	double var = 0;
	for (int i = 0; i < n; i++) var += (words[i].count - mean) * (words[i].count - mean);
	printf("mean %.3f, standard deviation %.3f\n", mean, sqrt(var / n));
	return 0;
}
