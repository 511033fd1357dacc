/* gocc's <stdint.h> (C11 7.20): glibc's, as gcc's wrapper does when hosted. */
#ifndef _GOCC_WRAP_STDINT_H
#if __STDC_HOSTED__
# include_next <stdint.h>
#else
# include "stdint-gcc.h"
#endif
#define _GOCC_WRAP_STDINT_H
#endif
