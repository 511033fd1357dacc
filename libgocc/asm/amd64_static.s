# libgocc additions for static links on x86-64 (System V AMD64 psABI 1.0).
#
# glibc's libc.a refers to a few libgcc routines that libc.so resolves internally:
# binary128 comparisons used by printf's _Float128 support, and the unwinder entry
# points used by cleanup code (.cold paths of stdio functions, pthread cancellation).
# gocc links this object only with -static. The unwinder is not provided: unwinding
# through libc in a static gocc program (pthread_cancel with cleanups) aborts.

	.text

# gocc_tf_isnan: internal. In: rdi:rsi = binary128 (lo:hi). Out: eax = 1 if NaN.
# A binary128 is NaN when its 15-bit exponent is all ones and its 112-bit fraction is
# not zero (IEEE 754-2008 §3.4).
	.p2align 4
	.type gocc_tf_isnan, @function
gocc_tf_isnan:
	movq $0x7fffffffffffffff, %rax
	andq %rsi, %rax
	movq $0x7fff000000000000, %rcx
	cmpq %rcx, %rax
	ja 1f
	jb 2f
	testq %rdi, %rdi
	jnz 1f
2:	xorl %eax, %eax
	ret
1:	movl $1, %eax
	ret
	.size gocc_tf_isnan, .-gocc_tf_isnan

# gocc_tf_cmp: internal. In: a = r8:r9, b = r10:r11 (lo:hi), neither NaN.
# Out: eax = -1, 0 or 1 as a <, ==, > b. +0 and -0 compare equal.
	.p2align 4
	.type gocc_tf_cmp, @function
gocc_tf_cmp:
	movq %r9, %rax
	orq %r11, %rax
	shlq $1, %rax            # drop the sign bits
	orq %r8, %rax
	orq %r10, %rax
	jz 3f                    # both zero
	movq %r9, %rax
	xorq %r11, %rax
	js 4f                    # signs differ
	cmpq %r11, %r9
	jne 1f
	cmpq %r10, %r8
	je 3f
1:	movl $1, %eax            # magnitudes ordered as unsigned (hi, lo)
	ja 2f
	movl $-1, %eax
2:	testq %r9, %r9
	jns 5f
	negl %eax                # both negative: larger magnitude is smaller
5:	ret
3:	xorl %eax, %eax
	ret
4:	movl $1, %eax
	testq %r9, %r9
	jns 5b
	movl $-1, %eax
	ret
	.size gocc_tf_cmp, .-gocc_tf_cmp

# Loads a (xmm0) into r8:r9 and b (xmm1) into r10:r11 and sets eax to 1 if either is
# NaN. Uses 32 bytes of stack below the frame it makes.
.macro TF_LOAD
	subq $40, %rsp
	movdqu %xmm0, (%rsp)
	movdqu %xmm1, 16(%rsp)
	movq (%rsp), %rdi
	movq 8(%rsp), %rsi
	call gocc_tf_isnan
	movl %eax, %edx
	movq 16(%rsp), %rdi
	movq 24(%rsp), %rsi
	call gocc_tf_isnan
	orl %edx, %eax
	movq (%rsp), %r8
	movq 8(%rsp), %r9
	movq 16(%rsp), %r10
	movq 24(%rsp), %r11
	addq $40, %rsp
.endm

# int __unordtf2(_Float128 a, _Float128 b): nonzero when a or b is NaN. a in xmm0,
# b in xmm1 (psABI §3.2.3: __float128 is class SSE, SSEUP).
	.p2align 4
	.globl __unordtf2
	.hidden __unordtf2
	.type __unordtf2, @function
__unordtf2:
	TF_LOAD
	ret
	.size __unordtf2, .-__unordtf2

# int __letf2(_Float128 a, _Float128 b) and __lttf2: <= 0 when a <= b (resp. a < b),
# 2 when unordered. __getf2 and __gttf2: >= 0 when a >= b, -2 when unordered.
# __eqtf2 and __netf2: 0 when equal, nonzero otherwise (1 when unordered).
	.p2align 4
	.globl __letf2
	.hidden __letf2
	.type __letf2, @function
__letf2:
	TF_LOAD
	testl %eax, %eax
	jnz 1f
	jmp gocc_tf_cmp
1:	movl $2, %eax
	ret
	.size __letf2, .-__letf2

	.globl __lttf2
	.hidden __lttf2
	.set __lttf2, __letf2

	.p2align 4
	.globl __getf2
	.hidden __getf2
	.type __getf2, @function
__getf2:
	TF_LOAD
	testl %eax, %eax
	jnz 1f
	jmp gocc_tf_cmp
1:	movl $-2, %eax
	ret
	.size __getf2, .-__getf2

	.globl __gttf2
	.hidden __gttf2
	.set __gttf2, __getf2

	.p2align 4
	.globl __eqtf2
	.hidden __eqtf2
	.type __eqtf2, @function
__eqtf2:
	TF_LOAD
	testl %eax, %eax
	jnz 1f
	jmp gocc_tf_cmp
1:	movl $1, %eax
	ret
	.size __eqtf2, .-__eqtf2

	.globl __netf2
	.hidden __netf2
	.set __netf2, __eqtf2

# Unwinder entry points referenced from libc.a's cleanup paths. No unwinder is linked:
# _Unwind_Resume aborts, and the personality routine reports a fatal phase-1 error
# (_URC_FATAL_PHASE1_ERROR = 3, Itanium C++ ABI §1.6.3) so a forced unwind stops.
	.p2align 4
	.globl _Unwind_Resume
	.hidden _Unwind_Resume
	.type _Unwind_Resume, @function
_Unwind_Resume:
	call abort
	.size _Unwind_Resume, .-_Unwind_Resume

	.p2align 4
	.globl __gcc_personality_v0
	.hidden __gcc_personality_v0
	.type __gcc_personality_v0, @function
__gcc_personality_v0:
	movl $3, %eax
	ret
	.size __gcc_personality_v0, .-__gcc_personality_v0

	.section .note.GNU-stack,"",@progbits
