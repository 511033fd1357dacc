package amd64

import "gocc/ir"

// GNU C nested functions on x86-64.
//
// The static chain (ir.OpChain) is passed in %r10: the x86-64 psABI §3.2.3 (Figure
// 3.4, "Register Usage") names %r10 as the register "used for passing a function's
// static chain pointer". %r10 is also one of the spill-reload scratch registers
// (gprScratch), so a function reads it first thing on entry (lowerParams) and a call
// sets it last, immediately before the call instruction.
//
// A nested function whose address is taken is called through a trampoline written on
// the stack of its enclosing function (ir.OpTrampoline, target.TrampolineSize 24):
//
//	49 bb <8-byte function address>   movabsq $fn, %r11
//	49 ba <8-byte static chain>       movabsq $chain, %r10
//	49 ff e3                          jmpq *%r11
//	90                                nop (padding)
//
// %r11 is the psABI's "temporary register" clobbered by calls, so the trampoline may
// use it. Code on the stack needs an executable stack: a module that makes trampolines
// marks its .note.GNU-stack section "x", as gcc does, and the linker then requests
// an executable stack for the program (PT_GNU_STACK RWX).

// Trampoline code bytes, little-endian as stored by the immediates below.
const (
	trampMovR11 = 0xbb49     // 49 bb: REX.W+B, B8+3: movabsq $imm64, %r11
	trampMovR10 = 0xba49     // 49 ba: REX.W+B, B8+2: movabsq $imm64, %r10
	trampJmpR11 = 0x90e3ff49 // 49 ff e3: REX.W+B, FF /4: jmpq *%r11; then 90: nop
)

// trampoline lowers OpTrampoline: writes the code above at Args[0] for function
// Args[1] with static chain Args[2].
func (s *fnState) trampoline(v *ir.Value) {
	fnReg := s.reg(v.Args[1])
	chain := s.reg(v.Args[2])
	buf := s.addr(v.Args[0])
	s.emit("movw", imm(trampMovR11), buf)
	s.emit("movq", use(fnReg, 8), buf.withDisp(2))
	s.emit("movw", imm(trampMovR10), buf.withDisp(10))
	s.emit("movq", use(chain, 8), buf.withDisp(12))
	s.emit("movl", imm(trampJmpR11), buf.withDisp(20))
}

// usesTrampolines reports whether m writes trampolines, so that its object file must
// ask for an executable stack.
func usesTrampolines(m *ir.Module) bool {
	for _, f := range m.Funcs {
		for _, b := range f.Blocks {
			for _, v := range b.Values {
				if v.Op == ir.OpTrampoline {
					return true
				}
			}
		}
	}
	return false
}

// receiveChain copies the incoming static chain from %r10 into its value's register;
// called before anything else on entry.
func (s *fnState) receiveChain() {
	if len(s.f.Blocks) == 0 {
		return
	}
	for _, v := range s.f.Blocks[0].Values {
		if v.Op == ir.OpChain && v.Uses > 0 {
			s.emit("movq", use(R10, 8), def(s.loc[v.ID].lo, 8))
		}
	}
}

// passChain loads the static chain argument of a call into %r10 just before the call
// instruction and returns the register the call then uses.
func (s *fnState) passChain(chain *ir.Value) reg {
	s.emit("movq", use(s.reg(chain), 8), def(R10, 8))
	return R10
}
