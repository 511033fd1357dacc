/* The tls_model attribute takes one of the four ELF TLS models (gcc manual "Common
   Variable Attributes"). */
__thread int t __attribute__((tls_model("fast"))); // ERROR "tls_model. argument must be one of"
__thread int u __attribute__((tls_model("initial-exec")));
