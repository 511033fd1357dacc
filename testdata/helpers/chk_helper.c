/* Counting object-size checking functions for builtin_chk.c: calls are counted in
   chk; a failed check longjmps to chk_env instead of aborting (the compiler may take
   a call whose check must fail not to return). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

volatile int chk;
jmp_buf chk_env;
void *__memcpy_chk(void *d, const void *s, size_t n, size_t os) { chk++; if (n > os) longjmp(chk_env, 1); return memcpy(d, s, n); }
void *__memset_chk(void *d, int c, size_t n, size_t os) { chk++; if (n > os) longjmp(chk_env, 1); return memset(d, c, n); }
char *__strcpy_chk(char *d, const char *s, size_t os) { chk++; if (strlen(s) >= os) longjmp(chk_env, 1); return strcpy(d, s); }
int __sprintf_chk(char *d, int flag, size_t os, const char *fmt, ...) {
	(void)flag;
	chk++;
	va_list ap;
	va_start(ap, fmt);
	int r = vsnprintf(d, os, fmt, ap);
	va_end(ap);
	return r;
}
