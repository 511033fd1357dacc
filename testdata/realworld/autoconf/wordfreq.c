/* Counts the words of stdin and prints them by falling count, then by word. */
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#if !HAVE_STRDUP || SIZEOF_LONG != 8 || defined(HAVE_NO_SUCH_HEADER_H) || defined(HAVE_NO_SUCH_FUNCTION_ANYWHERE)
#error "configure got the wrong answers"
#endif
#ifdef WORDS_BIGENDIAN
#error "x86-64 is little-endian"
#endif

struct word {
	char *text;
	long count;
};

static int by_count(const void *a, const void *b) {
	const struct word *x = a, *y = b;
	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return strcmp(x->text, y->text);
}

int main(void) {
	struct word *words = NULL;
	size_t n = 0, cap = 0;
	char buf[256];
	int c, len = 0;
	do {
		c = getchar();
		if (c != EOF && isalpha(c) && len < 255) {
			buf[len++] = (char)tolower(c);
			continue;
		}
		if (len == 0)
			continue;
		buf[len] = 0;
		len = 0;
		size_t i;
		for (i = 0; i < n && strcmp(words[i].text, buf) != 0; i++)
			;
		if (i == n) {
			if (n == cap) {
				cap = cap ? 2 * cap : 8;
				words = realloc(words, cap * sizeof *words);
			}
			words[n].text = strdup(buf);
			words[n++].count = 0;
		}
		words[i].count++;
	} while (c != EOF);
	qsort(words, n, sizeof *words, by_count);
	for (size_t i = 0; i < n; i++)
		printf("%s %ld\n", words[i].text, words[i].count);
	return 0;
}
