// flags: -fPIC -pthread
// helper: tls_helper.c
/* tls_models.c compiled as position-independent code: the dynamic models. */
#include "tls_models.c"
