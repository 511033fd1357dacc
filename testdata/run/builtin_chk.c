// helper: chk_helper.c
/* The object-size checking builtins call the checking function only when the check
   can fail (gcc manual "Object Size Checking"); the __*_chk
   definitions (compiled by gcc, testdata/helpers/chk_helper.c) count those calls. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#define OS __builtin_object_size(buf, 0)
#define CHECK(x) do { if (!(x)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #x); return 1; } } while (0)

extern volatile int chk; /* counted by the checking functions of chk_helper.c */
extern jmp_buf chk_env;
static char buf[8];
static volatile size_t vn = 3;

int main(int argc, char **argv) {
	char *volatile vp = buf;
	char *unknown = vp;
	/* Constant length within the object, or an object of unknown size: no check. */
	__builtin___memcpy_chk(buf, "abcdefgh", 8, OS);
	__builtin___memcpy_chk(unknown, "xy", vn, __builtin_object_size(unknown, 0));
	__builtin___memset_chk(buf + 4, 'z', argc > 5 ? 4 : 2, __builtin_object_size(buf + 4, 0));
	__builtin___strcpy_chk(buf, "1234567", OS);
	__builtin___sprintf_chk(buf, 0, OS, "ab");
	CHECK(strcmp(buf, "ab") == 0);
#ifdef __OPTIMIZE__ /* gcc folds only when optimizing; gocc always */
	CHECK(chk == 0);
#endif
	chk = 0;
	/* Unknown length (checked by gocc; gcc may bound it otherwise). */
	CHECK(__builtin___memcpy_chk(buf, "abcdefghijklmno", argc + 2, OS) == buf && buf[2] == 'c');
	/* Too long a constant, a string that does not fit: always checked (and caught). */
	volatile int before = chk;
	if (setjmp(chk_env) == 0) {
		__builtin___memset_chk(buf, 0, 9, OS);
		CHECK(0);
	}
	CHECK(chk == before + 1);
	if (setjmp(chk_env) == 0) {
		__builtin___strcpy_chk(buf, "12345678", OS);
		CHECK(0);
	}
	CHECK(chk == before + 2);
	CHECK(__builtin___sprintf_chk(buf, 0, OS, "%d", 42) == 2 && strcmp(buf, "42") == 0);
#ifdef __OPTIMIZE__
	/* A nonzero flag keeps the check unless the format has no directive but %s. */
	before = chk;
	__builtin___sprintf_chk(buf, 1, (size_t)-1, "%s", "q");
	CHECK(chk == before);
	__builtin___sprintf_chk(buf, 1, (size_t)-1, "%d", 1);
	CHECK(chk == before + 1);
#endif
	return 0;
}
