/* Thread-local variables defined outside the gocc-compiled test (tls_models*.c). */
__thread int tls_ext = 5;
__thread long tls_ext_arr[4] = {10, 20, 30, 40};
int *tls_ext_addr(void) { return &tls_ext; }
