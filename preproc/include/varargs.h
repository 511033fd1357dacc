#error "gocc no longer supports <varargs.h>; use <stdarg.h>"
