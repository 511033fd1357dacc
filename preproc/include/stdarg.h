/* gocc's <stdarg.h> (C11 7.16) over the compiler's builtins. */
#ifndef __need___va_list
#ifndef _STDARG_H
#define _STDARG_H
#define _ANSI_STDARG_H_
#define __GNUC_VA_LIST
#ifndef __GOCC_VA_LIST
#define __GOCC_VA_LIST
typedef __builtin_va_list __gnuc_va_list;
#endif
typedef __gnuc_va_list va_list;
#define _VA_LIST_DEFINED
#define _VA_LIST
#define _VA_LIST_
#define __va_list__
#define va_start(v, l) __builtin_va_start(v, l)
#define va_end(v) __builtin_va_end(v)
#define va_arg(v, l) __builtin_va_arg(v, l)
#if !defined(__STRICT_ANSI__) || __STDC_VERSION__ + 0 >= 199900L
#define va_copy(d, s) __builtin_va_copy(d, s)
#endif
#define __va_copy(d, s) __builtin_va_copy(d, s)
#endif
#else
#undef __need___va_list
#ifndef __GOCC_VA_LIST
#define __GOCC_VA_LIST
#define __GNUC_VA_LIST
typedef __builtin_va_list __gnuc_va_list;
#endif
#endif
