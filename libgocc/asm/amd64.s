# libgocc runtime for x86-64 (System V AMD64 psABI 1.0).
#
# What a gcc link takes from libgcc and crtbegin/crtend that gocc-compiled code needs:
# __dso_handle, 128-bit integer division (__divti3 family), conversions between
# __int128 and float/double, and bit-counting helpers. Every symbol is .hidden so a
# shared library linked with this object does not export it (as libgcc.a does).
#
# Calling convention (psABI §3.2.3): an __int128 argument is passed in two INTEGER
# eightbytes, low half first, so (a, b) arrive as a = rdi:rsi (lo:hi) and b = rdx:rcx;
# an __int128 result is returned in rax (lo) and rdx (hi); float/double arguments and
# results use xmm0. Division by zero traps in divq (SIGFPE) like gcc's inline code;
# INT128_MIN / -1 is undefined (C11 6.5.5p6) and is not handled.

	.text

# __dso_handle identifies this module for __cxa_atexit (Itanium C++ ABI §3.3.5); glibc's
# atexit in libc_nonshared.a refers to it. It points to itself, as in crtbeginS.o, so
# every DSO gets a distinct value.
	.section .data.rel.local,"aw"
	.p2align 3
	.globl __dso_handle
	.hidden __dso_handle
	.type __dso_handle, @object
	.size __dso_handle, 8
__dso_handle:
	.quad __dso_handle

	.text

# gocc_udivmodti4: unsigned 128-bit division, internal.
#   in:  u = rdi:rsi, v = rdx:rcx (v != 0)
#   out: quotient rdx:rax, remainder r9:r8 (hi in r9, lo in r8)
# Method (Hacker's Delight 2nd ed. §9-5, "udivdi3" widened to 128/64 divq):
#   v_hi == 0: two chained 128/64 divisions.
#   v_hi != 0: the quotient fits in 64 bits; n = nlz(v_hi), v1 = top 64 bits of v<<n,
#   q1 = (u>>1)/v1, q0 = q1 >> (63-n), q0 -= (q0 != 0), then one correction step.
	.p2align 4
	.type gocc_udivmodti4, @function
gocc_udivmodti4:
	testq %rcx, %rcx
	jnz .Lbig
	# v < 2^64.
	movq %rdx, %r10          # r10 = v_lo
	cmpq %r10, %rsi
	jae .Ltwo
	# u_hi < v: single division, quotient < 2^64.
	movq %rdi, %rax
	movq %rsi, %rdx
	divq %r10
	movq %rdx, %r8
	xorl %r9d, %r9d
	xorl %edx, %edx
	ret
.Ltwo:
	movq %rsi, %rax
	xorl %edx, %edx
	divq %r10                # rax = q_hi, rdx = u_hi % v
	movq %rax, %r11
	movq %rdi, %rax
	divq %r10                # rax = q_lo, rdx = remainder
	movq %rdx, %r8
	xorl %r9d, %r9d
	movq %r11, %rdx
	ret
.Lbig:
	pushq %rbx
	pushq %r12
	pushq %r13
	movq %rdx, %r12          # r12:r13 = v (lo:hi)
	movq %rcx, %r13
	bsrq %r13, %rcx
	xorl $63, %ecx           # cl = n = nlz(v_hi), 0..63
	movq %r13, %r10
	movq %r12, %r11
	shldq %cl, %r11, %r10    # r10 = v1 = top 64 bits of v << n (shld with cl=0 is a no-op)
	movq %rsi, %rdx          # rdx:rax = u >> 1
	movq %rdi, %rax
	shrdq $1, %rdx, %rax
	shrq $1, %rdx
	divq %r10                # rax = q1 (no overflow: (u>>1)_hi < 2^63 <= v1)
	xorl $63, %ecx           # cl = 63 - n
	shrq %cl, %rax           # q0 = q1 >> (63-n)
	movq %rax, %rbx
	testq %rbx, %rbx
	jz 1f
	decq %rbx
1:	# r = u - q0*v; q0*v <= u, so it fits in 128 bits.
	movq %rbx, %rax
	mulq %r12                # rdx:rax = q0 * v_lo
	movq %rbx, %r11
	imulq %r13, %r11         # low 64 bits of q0 * v_hi
	addq %r11, %rdx
	movq %rdi, %r8
	movq %rsi, %r9
	subq %rax, %r8
	sbbq %rdx, %r9           # r9:r8 = r
	# if r >= v { q0++; r -= v }
	cmpq %r13, %r9
	jb 2f
	ja 3f
	cmpq %r12, %r8
	jb 2f
3:	incq %rbx
	subq %r12, %r8
	sbbq %r13, %r9
2:	movq %rbx, %rax
	xorl %edx, %edx
	popq %r13
	popq %r12
	popq %rbx
	ret
	.size gocc_udivmodti4, .-gocc_udivmodti4

# unsigned __int128 __udivti3(unsigned __int128 a, unsigned __int128 b): a / b
	.p2align 4
	.globl __udivti3
	.hidden __udivti3
	.type __udivti3, @function
__udivti3:
	jmp gocc_udivmodti4
	.size __udivti3, .-__udivti3

# unsigned __int128 __umodti3(unsigned __int128 a, unsigned __int128 b): a % b
	.p2align 4
	.globl __umodti3
	.hidden __umodti3
	.type __umodti3, @function
__umodti3:
	call gocc_udivmodti4
	movq %r8, %rax
	movq %r9, %rdx
	ret
	.size __umodti3, .-__umodti3

# Negates the 128-bit value hi:lo in place when the sign register is negative.
.macro NEG128_IF_NEG sign, lo, hi
	testq \sign, \sign
	jns 9f
	negq \lo
	adcq $0, \hi
	negq \hi
9:
.endm

# __int128 __divti3(__int128 a, __int128 b): a / b truncated toward zero (C11 6.5.5p6).
	.p2align 4
	.globl __divti3
	.hidden __divti3
	.type __divti3, @function
__divti3:
	pushq %rbx
	movq %rsi, %rbx
	xorq %rcx, %rbx          # sign of the quotient = sign(a) ^ sign(b)
	NEG128_IF_NEG %rsi, %rdi, %rsi
	NEG128_IF_NEG %rcx, %rdx, %rcx
	call gocc_udivmodti4
	NEG128_IF_NEG %rbx, %rax, %rdx
	popq %rbx
	ret
	.size __divti3, .-__divti3

# __int128 __modti3(__int128 a, __int128 b): a % b, with the sign of a (C11 6.5.5p6).
	.p2align 4
	.globl __modti3
	.hidden __modti3
	.type __modti3, @function
__modti3:
	pushq %rbx
	movq %rsi, %rbx          # sign of the remainder = sign(a)
	NEG128_IF_NEG %rsi, %rdi, %rsi
	NEG128_IF_NEG %rcx, %rdx, %rcx
	call gocc_udivmodti4
	movq %r8, %rax
	movq %r9, %rdx
	NEG128_IF_NEG %rbx, %rax, %rdx
	popq %rbx
	ret
	.size __modti3, .-__modti3

# gocc_u128_to_u64_sticky: internal. In: rdi:rsi (lo:hi). Out: rax = a 64-bit value x
# and ecx = s such that value = x * 2^s up to rounding, with every bit shifted out ORed
# into bit 0 of x (a sticky bit). As x keeps 64 significant bits and float/double keep
# at most 53, the sticky bit lies below the rounding position, so rounding x gives the
# correctly rounded value (round-to-nearest-even, IEEE 754 §4.3.1).
	.p2align 4
	.type gocc_u128_to_u64_sticky, @function
gocc_u128_to_u64_sticky:
	testq %rsi, %rsi
	jnz 1f
	movq %rdi, %rax
	xorl %ecx, %ecx
	ret
1:	bsrq %rsi, %rcx
	incl %ecx                # s = bit length of hi, 1..64
	cmpl $64, %ecx
	je 2f
	movq %rdi, %rax
	movq %rdi, %rdx
	shrdq %cl, %rsi, %rax    # rax = (hi:lo) >> s
	# sticky: the s low bits of lo that were shifted out
	movl $64, %r8d
	subl %ecx, %r8d
	xchgl %ecx, %r8d
	shlq %cl, %rdx           # rdx = lo << (64-s): nonzero iff lost bits
	xchgl %ecx, %r8d
	testq %rdx, %rdx
	setnz %dl
	movzbl %dl, %edx
	orq %rdx, %rax
	ret
2:	movq %rsi, %rax          # s = 64: x = hi, sticky = lo != 0
	testq %rdi, %rdi
	setnz %dl
	movzbl %dl, %edx
	orq %rdx, %rax
	ret
	.size gocc_u128_to_u64_sticky, .-gocc_u128_to_u64_sticky

# double __floatuntidf(unsigned __int128 a)
	.p2align 4
	.globl __floatuntidf
	.hidden __floatuntidf
	.type __floatuntidf, @function
__floatuntidf:
	call gocc_u128_to_u64_sticky
	# rax (unsigned 64) -> double, correctly rounded.
	testq %rax, %rax
	js 1f
	cvtsi2sdq %rax, %xmm0
	jmp 2f
1:	movq %rax, %rdx          # x >= 2^63: halve with sticky bit, convert, double
	shrq $1, %rdx
	andl $1, %eax
	orq %rax, %rdx
	cvtsi2sdq %rdx, %xmm0
	addsd %xmm0, %xmm0
2:	# times 2^s, exact: build the double 2^s from its exponent field.
	movl %ecx, %eax
	addq $1023, %rax
	shlq $52, %rax
	movq %rax, %xmm1
	mulsd %xmm1, %xmm0
	ret
	.size __floatuntidf, .-__floatuntidf

# float __floatuntisf(unsigned __int128 a)
	.p2align 4
	.globl __floatuntisf
	.hidden __floatuntisf
	.type __floatuntisf, @function
__floatuntisf:
	call gocc_u128_to_u64_sticky
	testq %rax, %rax
	js 1f
	cvtsi2ssq %rax, %xmm0
	jmp 2f
1:	movq %rax, %rdx
	shrq $1, %rdx
	andl $1, %eax
	orq %rax, %rdx
	cvtsi2ssq %rdx, %xmm0
	addss %xmm0, %xmm0
2:	movl %ecx, %eax          # 2^s as a float: s <= 64, so the exponent is in range
	addl $127, %eax
	shll $23, %eax
	movd %eax, %xmm1
	mulss %xmm1, %xmm0       # 2^128 or more overflows to +inf, as it should
	ret
	.size __floatuntisf, .-__floatuntisf

# double __floattidf(__int128 a)
	.p2align 4
	.globl __floattidf
	.hidden __floattidf
	.type __floattidf, @function
__floattidf:
	movq %rdi, %rax
	sarq $63, %rax
	cmpq %rax, %rsi
	jne 1f
	cvtsi2sdq %rdi, %xmm0    # fits in 64 bits
	ret
1:	pushq %rsi               # keep the sign; convert |a|, then negate (rounding is symmetric)
	NEG128_IF_NEG %rsi, %rdi, %rsi
	call __floatuntidf
	popq %rsi
	testq %rsi, %rsi
	jns 2f
	movq $0x8000000000000000, %rax
	movq %rax, %xmm1
	xorpd %xmm1, %xmm0
2:	ret
	.size __floattidf, .-__floattidf

# float __floattisf(__int128 a)
	.p2align 4
	.globl __floattisf
	.hidden __floattisf
	.type __floattisf, @function
__floattisf:
	movq %rdi, %rax
	sarq $63, %rax
	cmpq %rax, %rsi
	jne 1f
	cvtsi2ssq %rdi, %xmm0
	ret
1:	pushq %rsi
	NEG128_IF_NEG %rsi, %rdi, %rsi
	call __floatuntisf
	popq %rsi
	testq %rsi, %rsi
	jns 2f
	movl $0x80000000, %eax
	movd %eax, %xmm1
	xorps %xmm1, %xmm0
2:	ret
	.size __floattisf, .-__floattisf

# gocc_dbl_to_u128: internal. In: xmm0 = double d with |d| >= 1. Out: rdx:rax =
# trunc(|d|) when |d| < 2^128; ecx = unbiased exponent e (value = 1.m * 2^e).
# The significand m53 = mantissa | 2^52 is shifted left by e-52 (right when negative).
	.p2align 4
	.type gocc_dbl_to_u128, @function
gocc_dbl_to_u128:
	movq %xmm0, %r8
	movq %r8, %rcx
	shrq $52, %rcx
	andl $0x7ff, %ecx
	subl $1023, %ecx         # e
	movq $0x000fffffffffffff, %rax
	andq %r8, %rax
	btsq $52, %rax           # rax = m53
	xorl %edx, %edx
	movl %ecx, %r9d
	subl $52, %r9d           # shift = e - 52
	jl 3f
	movl %ecx, %r10d
	movl %r9d, %ecx
	cmpl $64, %ecx
	jae 2f
	shldq %cl, %rax, %rdx
	shlq %cl, %rax
	movl %r10d, %ecx
	ret
2:	subl $64, %ecx
	shlq %cl, %rax
	movq %rax, %rdx
	xorl %eax, %eax
	movl %r10d, %ecx
	ret
3:	movl %ecx, %r10d
	movl %r9d, %ecx
	negl %ecx                # 1..52
	shrq %cl, %rax
	movl %r10d, %ecx
	ret
	.size gocc_dbl_to_u128, .-gocc_dbl_to_u128

# __int128 __fixdfti(double d): truncation toward zero (C11 6.3.1.4p1). Out-of-range
# values (undefined behaviour) saturate; NaN gives 0.
	.p2align 4
	.globl __fixdfti
	.hidden __fixdfti
	.type __fixdfti, @function
__fixdfti:
	movq %xmm0, %r11         # sign in bit 63
	movq $0x7fffffffffffffff, %rax
	andq %r11, %rax
	movq $0x43e0000000000000, %rdx   # 2^63
	cmpq %rdx, %rax
	jae 1f
	cvttsd2siq %xmm0, %rax   # |d| < 2^63: the hardware conversion is exact
	cqto
	ret
1:	movq $0x7ff0000000000000, %rdx
	cmpq %rdx, %rax
	ja 5f                    # NaN
	movq $0x47e0000000000000, %rdx   # 2^127
	cmpq %rdx, %rax
	jae 4f
	call gocc_dbl_to_u128
	NEG128_IF_NEG %r11, %rax, %rdx
	ret
4:	testq %r11, %r11         # saturate
	js 6f
	movq $-1, %rax
	movq $0x7fffffffffffffff, %rdx
	ret
6:	xorl %eax, %eax
	movq $0x8000000000000000, %rdx
	ret
5:	xorl %eax, %eax
	xorl %edx, %edx
	ret
	.size __fixdfti, .-__fixdfti

# unsigned __int128 __fixunsdfti(double d): negative values and NaN give 0, values of
# 2^128 or more saturate (both undefined behaviour in C).
	.p2align 4
	.globl __fixunsdfti
	.hidden __fixunsdfti
	.type __fixunsdfti, @function
__fixunsdfti:
	movq %xmm0, %rax
	xorl %edx, %edx
	testq %rax, %rax
	js 5f                    # negative (or -0, -NaN): 0
	movq $0x43e0000000000000, %rcx   # 2^63
	cmpq %rcx, %rax
	jae 1f
	cvttsd2siq %xmm0, %rax
	ret
1:	movq $0x7ff0000000000000, %rcx
	cmpq %rcx, %rax
	ja 5f                    # NaN
	movq $0x47f0000000000000, %rcx   # 2^128
	cmpq %rcx, %rax
	jae 4f
	jmp gocc_dbl_to_u128
4:	movq $-1, %rax
	movq $-1, %rdx
	ret
5:	xorl %eax, %eax
	ret
	.size __fixunsdfti, .-__fixunsdfti

# __int128 __fixsfti(float f) and unsigned __int128 __fixunssfti(float f): every float
# is exactly a double, so widen and reuse the double versions.
	.p2align 4
	.globl __fixsfti
	.hidden __fixsfti
	.type __fixsfti, @function
__fixsfti:
	cvtss2sd %xmm0, %xmm0
	jmp __fixdfti
	.size __fixsfti, .-__fixsfti

	.p2align 4
	.globl __fixunssfti
	.hidden __fixunssfti
	.type __fixunssfti, @function
__fixunssfti:
	cvtss2sd %xmm0, %xmm0
	jmp __fixunsdfti
	.size __fixunssfti, .-__fixunssfti

# int __popcountdi2(long a): number of set bits; baseline x86-64 has no popcnt, so this
# is the SWAR count (Hacker's Delight §5-1).
	.p2align 4
	.globl __popcountdi2
	.hidden __popcountdi2
	.type __popcountdi2, @function
__popcountdi2:
	movq %rdi, %rax
	shrq $1, %rax
	movq $0x5555555555555555, %rdx
	andq %rdx, %rax
	subq %rax, %rdi          # 2-bit counts
	movq $0x3333333333333333, %rdx
	movq %rdi, %rax
	andq %rdx, %rax
	shrq $2, %rdi
	andq %rdx, %rdi
	addq %rdi, %rax          # 4-bit counts
	movq %rax, %rdx
	shrq $4, %rdx
	addq %rdx, %rax
	movq $0x0f0f0f0f0f0f0f0f, %rdx
	andq %rdx, %rax          # 8-bit counts
	movq $0x0101010101010101, %rdx
	imulq %rdx, %rax
	shrq $56, %rax
	ret
	.size __popcountdi2, .-__popcountdi2

# int __popcountti2(__int128 a)
	.p2align 4
	.globl __popcountti2
	.hidden __popcountti2
	.type __popcountti2, @function
__popcountti2:
	pushq %rsi
	call __popcountdi2
	popq %rdi
	movl %eax, %esi
	call __popcountdi2
	addl %esi, %eax
	ret
	.size __popcountti2, .-__popcountti2

# int __paritydi2(long a)
	.p2align 4
	.globl __paritydi2
	.hidden __paritydi2
	.type __paritydi2, @function
__paritydi2:
	call __popcountdi2
	andl $1, %eax
	ret
	.size __paritydi2, .-__paritydi2

# int __gocc_builtin_setjmp(void *buf), void __gocc_builtin_longjmp(void *buf):
# gcc's __builtin_setjmp/__builtin_longjmp (manual "Nonlocal Gotos"; buf holds five
# words). setjmp stores the caller's frame pointer (buf[0]), its resume address (buf[1])
# and its stack pointer after the return (buf[2]), and returns 0. longjmp reloads them
# and resumes the setjmp call with 1 in %eax. No other register is restored: the
# compiler treats the setjmp call as clobbering every allocatable register.
	.p2align 4
	.globl __gocc_builtin_setjmp
	.hidden __gocc_builtin_setjmp
	.type __gocc_builtin_setjmp, @function
__gocc_builtin_setjmp:
	movq %rbp, (%rdi)
	movq (%rsp), %rax
	movq %rax, 8(%rdi)
	leaq 8(%rsp), %rax
	movq %rax, 16(%rdi)
	xorl %eax, %eax
	ret
	.size __gocc_builtin_setjmp, .-__gocc_builtin_setjmp

	.p2align 4
	.globl __gocc_builtin_longjmp
	.hidden __gocc_builtin_longjmp
	.type __gocc_builtin_longjmp, @function
__gocc_builtin_longjmp:
	movq (%rdi), %rbp
	movq 16(%rdi), %rsp
	movl $1, %eax
	jmpq *8(%rdi)
	.size __gocc_builtin_longjmp, .-__gocc_builtin_longjmp

	.section .note.GNU-stack,"",@progbits
