// flags: -fPIC -ftls-model=initial-exec -pthread
// helper: tls_helper.c
/* tls_models.c with -ftls-model=initial-exec, raising the default of -fPIC code. */
#include "tls_models.c"
