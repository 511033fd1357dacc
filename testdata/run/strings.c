/* String and character literals (C11 6.4.4.4, 6.4.5): escapes, concatenation, wide
   and UTF literals, and char arrays. */
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

int main(void) {
	CHECK(strlen("abc" "def") == 6);
	CHECK('\n' == 10 && '\t' == 9 && '\0' == 0 && '\\' == 92 && '\'' == 39 && '"' == 34);
	CHECK('\x41' == 'A' && '\101' == 'A' && '\a' == 7 && '\e' == 27);
	CHECK("\x41\102C"[2] == 'C');
	CHECK(sizeof "abc" == 4 && sizeof "" == 1);
	CHECK("hello"[1] == 'e');
	CHECK('\377' == -1);
	CHECK((unsigned char)"\377"[0] == 255);
	CHECK('ab' == 0x6162);
	wchar_t w[] = L"wide";
	CHECK(sizeof w == 5 * sizeof(wchar_t) && w[1] == L'i' && wcslen(w) == 4);
	CHECK(L'\u00e9' == 0xe9);
	const char *u8 = u8"\u00e9";
	CHECK(strlen(u8) == 2 && (unsigned char)u8[0] == 0xc3);
	CHECK(sizeof(u"ab") == 6 && sizeof(U"ab") == 12);
	CHECK(U'\U0001F600' == 0x1F600);
	char buf[32];
	strcpy(buf, "x");
	strcat(buf, "yz");
	CHECK(strcmp(buf, "xyz") == 0);
	const char *multi = "line1\n"
	                    "line2";
	CHECK(multi[5] == '\n' && strlen(multi) == 11);
	char a[] = "mod";
	a[0] = 'n';
	CHECK(strcmp(a, "nod") == 0);
	CHECK("same" != 0);
	char q[] = "a\0b";
	CHECK(sizeof q == 4 && q[2] == 'b');
	return 0;
}
