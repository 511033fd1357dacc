/* gocc's <stddef.h> (C11 7.19). */
#if !defined(__need_size_t) && !defined(__need_ptrdiff_t) && !defined(__need_wchar_t) && \
    !defined(__need_NULL) && !defined(__need_wint_t) && !defined(__need_max_align_t)
#define __GOCC_STDDEF_ALL 1
#endif

#if (defined(__GOCC_STDDEF_ALL) || defined(__need_size_t)) && !defined(__GOCC_SIZE_T)
#define __GOCC_SIZE_T
#define _SIZE_T
#define _SIZE_T_DEFINED
#define __size_t__
#define __SIZE_T
typedef __SIZE_TYPE__ size_t;
#endif
#undef __need_size_t

#if (defined(__GOCC_STDDEF_ALL) || defined(__need_ptrdiff_t)) && !defined(__GOCC_PTRDIFF_T)
#define __GOCC_PTRDIFF_T
#define _PTRDIFF_T
typedef __PTRDIFF_TYPE__ ptrdiff_t;
#endif
#undef __need_ptrdiff_t

#if (defined(__GOCC_STDDEF_ALL) || defined(__need_wchar_t)) && !defined(__GOCC_WCHAR_T)
#define __GOCC_WCHAR_T
#define _WCHAR_T
#define __WCHAR_T
#define _WCHAR_T_DEFINED
typedef __WCHAR_TYPE__ wchar_t;
#endif
#undef __need_wchar_t

#if defined(__need_wint_t) && !defined(__GOCC_WINT_T)
#define __GOCC_WINT_T
#define _WINT_T 1
typedef __WINT_TYPE__ wint_t;
#endif
#undef __need_wint_t

#if defined(__GOCC_STDDEF_ALL) || defined(__need_NULL)
#undef NULL
#define NULL ((void *)0)
#endif
#undef __need_NULL

#if defined(__GOCC_STDDEF_ALL)
#ifndef __GOCC_STDDEF_H
#define __GOCC_STDDEF_H
#define _STDDEF_H
#define _STDDEF_H_
#define _ANSI_STDDEF_H
#define offsetof(TYPE, MEMBER) __builtin_offsetof (TYPE, MEMBER)
#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
typedef struct {
  long long __max_align_ll __attribute__((__aligned__(__alignof__(long long))));
  long double __max_align_ld __attribute__((__aligned__(__alignof__(long double))));
#ifdef __i386__
  /* gcc's member "__float128 __max_align_f128" (16 bytes, 16-byte aligned on i386,
     where long double is smaller); gocc's __float128 is long double, so this member
     has the same size and alignment by other means. */
  unsigned char __max_align_f128[16] __attribute__((__aligned__(16)));
#endif
} max_align_t;
#endif
#endif
#undef __GOCC_STDDEF_ALL
#endif
