package amd64

import (
	"strconv"

	"gocc/ir"
)

// GCC's untyped calls (gcc manual "Constructing Function Calls"):
// __builtin_apply_args, __builtin_apply and __builtin_return.
//
// The argument block (__builtin_apply_args) holds what a call passes in registers and
// where its stack arguments are (psABI §3.2.3):
//
//	0       pointer to the incoming stack arguments (16(%rbp))
//	8       %rax (upper bound of the vector registers used, for variadic callees)
//	16..63  %rdi %rsi %rdx %rcx %r8 %r9
//	64..191 %xmm0-%xmm7, 16 bytes each
//
// The result block (__builtin_apply) holds every register a value may be returned in
// (§3.2.3 "Returning of Values"): %rax at 0, %rdx at 8, %xmm0 at 16, %xmm1 at 32, and
// %st(0) at 48 (80-bit, stored only when the x87 stack is not empty).
const (
	applyArgsSize   = 192
	applyXMMOff     = 64
	applyResultSize = 64
)

var applyIntRegs = []reg{RAX, RDI, RSI, RDX, RCX, R8, R9}

// saveApplyArgs stores the incoming argument registers in the argument block on entry,
// before anything can overwrite them, if the function uses __builtin_apply_args.
func (s *fnState) saveApplyArgs() {
	uses := false
	for _, b := range s.f.Blocks {
		for _, v := range b.Values {
			uses = uses || v.Op == ir.OpApplyArgs
		}
	}
	if !uses {
		return
	}
	obj := s.newFrame(applyArgsSize, 16)
	s.applyArgs = obj + 1
	for i, r := range applyIntRegs {
		s.emit("movq", use(r, 8), frameMem(obj, 8+8*int64(i)))
	}
	for i := range 8 {
		s.emit("movaps", operand{kind: kReg, reg: XMM0 + reg(i), size: 16, use: true}, frameMem(obj, applyXMMOff+16*int64(i)))
	}
	p := s.gpr()
	s.emit("leaq", s.incoming(0, 0), def(p, 8))
	s.emit("movq", use(p, 8), frameMem(obj, 0))
}

// untyped lowers OpApplyArgs, OpApply and OpUntypedRet; dst receives a block address.
func (s *fnState) untyped(v *ir.Value, dst reg) {
	switch v.Op {
	case ir.OpApplyArgs:
		if s.applyArgs == 0 {
			s.fail("apply_args block missing")
			return
		}
		s.emit("leaq", frameMem(s.applyArgs-1, 0), def(dst, 8))
	case ir.OpApply:
		s.apply(v, dst)
	case ir.OpUntypedRet:
		// Reload every result register from the block and return; an x87 result
		// only if this function returns long double (otherwise the x87 stack must be
		// empty on return, §3.2.1).
		p := s.reg(v.Args[0])
		var uses []reg
		s.emit("movq", memAt(p, 0), def(RAX, 8))
		s.emit("movq", memAt(p, 8), def(RDX, 8))
		s.emit("movups", memAt(p, 16), def(XMM0, 16))
		s.emit("movups", memAt(p, 32), def(XMM1, 16))
		uses = append(uses, RAX, RDX, XMM0, XMM1)
		if s.f.Ret == ir.F80 {
			s.emit("fldt", memAt(p, 48))
		}
		s.emit("ret").implUse = uses
	}
}

// apply calls v.Args[0] with the registers of the argument block v.Args[1] and a copy
// of v.Args[2] bytes of its stack arguments, then saves the result registers in a
// fresh result block. The stack pointer is saved in the frame and restored after the
// call; the copied area is rounded up to 16 bytes to keep %rsp aligned (§3.2.2).
func (s *fnState) apply(v *ir.Value, dst reg) {
	fnv, block, size := v.Args[0], v.Args[1], v.Args[2]
	save := s.newFrame(8, 8)
	res := s.newFrame(applyResultSize, 16)
	// Fixed registers for the sequence: %rcx size, %r10 block, %r11 callee. They are
	// set last-to-first-needed so a spilled operand's reload (into %r11) happens before
	// %r11 is set.
	s.emit("movq", use(s.reg(size), 8), def(RCX, 8))
	s.emit("movq", use(s.reg(block), 8), def(R10, 8))
	s.emit("movq", use(s.reg(fnv), 8), def(R11, 8))
	tmpl := "movq %%rsp, %0\n" +
		"\taddq $15, %%rcx\n\tandq $-16, %%rcx\n\tsubq %%rcx, %%rsp\n" +
		"\tmovq %%rsp, %%rdi\n\tmovq (%%r10), %%rsi\n\trep movsb\n" +
		"\tmovq 8(%%r10), %%rax\n\tmovq 16(%%r10), %%rdi\n\tmovq 24(%%r10), %%rsi\n" +
		"\tmovq 32(%%r10), %%rdx\n\tmovq 40(%%r10), %%rcx\n\tmovq 48(%%r10), %%r8\n\tmovq 56(%%r10), %%r9\n"
	for i := range 8 {
		tmpl += "\tmovups " + strconv.Itoa(applyXMMOff+16*i) + "(%%r10), %%xmm" + strconv.Itoa(i) + "\n"
	}
	tmpl += "\tcall *%%r11\n" +
		"\tmovq %%rax, %1\n\tmovq %%rdx, %2\n\tmovups %%xmm0, %3\n\tmovups %%xmm1, %4\n" +
		// fxam: C3,C2,C0 = 1,0,1 means %st(0) is empty.
		"\tfxam\n\tfnstsw %%ax\n\tandw $0x4500, %%ax\n\tcmpw $0x4100, %%ax\n\tje 1f\n\tfstpt %5\n" +
		"1:\tmovq %0, %%rsp"
	in := s.raw(tmpl, frameMem(save, 0), frameMem(res, 0), frameMem(res, 8), frameMem(res, 16),
		frameMem(res, 32), frameMem(res, 48))
	in.implUse = []reg{RCX, R10, R11}
	in.implDef = callerSaved
	s.emit("leaq", frameMem(res, 0), def(dst, 8))
}
