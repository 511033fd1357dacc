# Helpers for testdata/run/arg_extension.c: each returns a whole 32-bit argument
# register, so the caller can check how it extended a narrow integer argument.
	.text
	.globl edi_of_schar, edi_of_uchar, edi_of_short, edi_of_ushort, edi_of_bool
edi_of_schar:
edi_of_uchar:
edi_of_short:
edi_of_ushort:
edi_of_bool:
	movl %edi, %eax
	ret
	.globl r9d_of_schar
r9d_of_schar:
	movl %r9d, %eax
	ret
	.section .note.GNU-stack,"",@progbits
