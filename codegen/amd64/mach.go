package amd64

import (
	"fmt"
	"strings"
)

// The machine level: instructions in AT&T operand order over physical and virtual
// registers. Instruction selection (isel.go) produces them, the register allocator
// (regalloc.go) replaces virtual registers, and emit.go prints them.
//
// Invariant: every register operand carries its use/def roles explicitly, and every
// fixed physical register an instruction reads or writes without naming it (cqto,
// idiv, call, rep movsb…) is listed in implUse/implDef, so liveness needs no
// knowledge of mnemonics.

// reg is a register: 0..15 the general-purpose registers in hardware order, 16..31
// xmm0..xmm15, ripReg the pseudo base of rip-relative addresses, and from firstVirtual
// on the virtual registers of one function.
type reg int32

const (
	RAX reg = iota
	RCX
	RDX
	RBX
	RSP
	RBP
	RSI
	RDI
	R8
	R9
	R10
	R11
	R12
	R13
	R14
	R15
	XMM0
	XMM1
	XMM2
	XMM3
	XMM4
	XMM5
	XMM6
	XMM7
	XMM8
	XMM9
	XMM10
	XMM11
	XMM12
	XMM13
	XMM14
	XMM15
	ripReg
	numPhys

	noReg        reg = -1
	firstVirtual reg = 64
)

// Scratch registers are never allocated: the rewriter uses them to reload spilled
// virtual registers around one instruction (at most two per class per instruction).
var (
	gprScratch = [2]reg{R11, R10}
	xmmScratch = [2]reg{XMM15, XMM14}
)

// Allocation order: caller-saved registers first, so values not live across calls do
// not cost a save/restore; callee-saved (psABI §3.2.1: rbx, rbp, r12-r15) next.
var (
	gprAllocOrder = []reg{RAX, RCX, RDX, RSI, RDI, R8, R9, RBX, R12, R13, R14, R15}
	xmmAllocOrder = []reg{XMM0, XMM1, XMM2, XMM3, XMM4, XMM5, XMM6, XMM7, XMM8, XMM9, XMM10, XMM11, XMM12, XMM13}
	calleeSaved   = []reg{RBX, R12, R13, R14, R15}
	// callerSaved are clobbered by every call (psABI §3.2.1, Figure 3.4).
	callerSaved = []reg{RAX, RCX, RDX, RSI, RDI, R8, R9, R10, R11,
		XMM0, XMM1, XMM2, XMM3, XMM4, XMM5, XMM6, XMM7, XMM8, XMM9, XMM10, XMM11, XMM12, XMM13, XMM14, XMM15}
	// returnsTwiceClobbers are the registers a returns-twice call (setjmp) is taken to
	// clobber: every allocatable one, so values live across it stay in the frame.
	returnsTwiceClobbers = append(append([]reg{}, callerSaved...), calleeSaved...)
	intArgRegs           = []reg{RDI, RSI, RDX, RCX, R8, R9}
	sseArgRegs           = []reg{XMM0, XMM1, XMM2, XMM3, XMM4, XMM5, XMM6, XMM7}
)

var gprNames = [4][16]string{
	{"al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil", "r8b", "r9b", "r10b", "r11b", "r12b", "r13b", "r14b", "r15b"},
	{"ax", "cx", "dx", "bx", "sp", "bp", "si", "di", "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w"},
	{"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d", "r15d"},
	{"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"},
}

func sizeIndex(size int) int {
	switch size {
	case 1:
		return 0
	case 2:
		return 1
	case 4:
		return 2
	}
	return 3
}

// regName is the AT&T name of physical register r used with the given width.
func regName(r reg, size int) string {
	switch {
	case r < XMM0:
		return "%" + gprNames[sizeIndex(size)][r]
	case r < ripReg:
		return fmt.Sprintf("%%xmm%d", r-XMM0)
	case r == ripReg:
		return "%rip"
	}
	return fmt.Sprintf("%%v%d", r-firstVirtual)
}

// regClass is the register file a virtual register lives in.
type regClass uint8

const (
	classGPR regClass = iota
	classXMM
)

func physClass(r reg) regClass {
	if r >= XMM0 && r <= XMM15 {
		return classXMM
	}
	return classGPR
}

type operandKind uint8

const (
	kNone  operandKind = iota
	kReg               // register reg, used with width size
	kImm               // $imm
	kMem               // seg:sym+disp(base,index,scale), or a frame object
	kLabel             // a code label (branch target): sym
	kText              // sym printed verbatim (symbol for call, $sym…)
)

// operand is one instruction operand with its roles.
type operand struct {
	kind  operandKind
	size  int // register width in bytes: 1,2,4,8 (xmm registers ignore it)
	reg   reg // kReg: the register; kMem: the base or noReg
	index reg // kMem: index register or noReg
	scale int
	disp  int64
	sym   string // kMem: symbol with relocation suffix; kLabel/kText: the text
	frame int    // kMem: frame object index + 1 (the address is rbp-relative), or 0
	seg   string // kMem: segment prefix ("%fs")
	// kMem: displaced by the size of the outgoing argument area (alloca results).
	outArea bool
	use     bool // kReg: read by the instruction
	def     bool // kReg: written by the instruction
	early   bool // kReg def: written before all uses are read (early clobber)
}

func use(r reg, size int) operand { return operand{kind: kReg, reg: r, size: size, use: true} }
func def(r reg, size int) operand { return operand{kind: kReg, reg: r, size: size, def: true} }
func mod(r reg, size int) operand {
	return operand{kind: kReg, reg: r, size: size, use: true, def: true}
}
func earlyDef(r reg, size int) operand {
	return operand{kind: kReg, reg: r, size: size, def: true, early: true}
}
func imm(x int64) operand { return operand{kind: kImm, disp: x} }
func memAt(base reg, disp int64) operand {
	return operand{kind: kMem, reg: base, index: noReg, disp: disp}
}
func frameMem(obj int, disp int64) operand {
	return operand{kind: kMem, reg: noReg, index: noReg, frame: obj + 1, disp: disp}
}
func ripMem(sym string, disp int64) operand {
	return operand{kind: kMem, reg: ripReg, index: noReg, sym: sym, disp: disp}
}
func label(l string) operand { return operand{kind: kLabel, sym: l} }
func text(s string) operand  { return operand{kind: kText, sym: s} }

// withDisp returns memory operand o displaced by d bytes.
func (o operand) withDisp(d int64) operand {
	o.disp += d
	return o
}

// asUse returns o as a pure read (for memory operands: unchanged).
func (o operand) asUse() operand {
	if o.kind == kReg {
		o.use, o.def, o.early = true, false, false
	}
	return o
}

// inst is one machine instruction. op "raw" prints tmpl with %N replaced by args[N]
// (inline asm and multi-instruction sequences with local labels).
type inst struct {
	op      string
	args    []operand
	implUse []reg
	implDef []reg // clobbered or written fixed registers (written after the uses)
	tmpl    string
	// asmNames maps inline asm operand names (%[name]) to operand indexes.
	asmNames map[string]int
	target   *mblock // jmp/jcc
	targets  []*mblock
	line     int32
}

// isBranch reports whether the instruction transfers control (ends a block).
func (i *inst) isBranch() bool {
	return i.op == "jmp" || i.op == "jcc" || i.op == "ret" || i.op == "jmpind" || i.op == "ud2term"
}

// mblock is a machine basic block.
type mblock struct {
	id    int
	label string
	insts []*inst
	succs []*mblock
	preds []*mblock
	// liveness (regalloc)
	liveIn, liveOut bitset
	start, end      int // instruction position range
}

// frameObj is a region of the frame addressed from rbp; offset is assigned by layout.
type frameObj struct {
	size, align int64
	offset      int64 // rbp-relative, negative
	fixed       bool  // offset given (incoming stack arguments: positive)
}

type bitset []uint64

func newBitset(n int) bitset       { return make(bitset, (n+63)/64) }
func (b bitset) has(i int) bool    { return b[i/64]&(1<<(uint(i)%64)) != 0 }
func (b bitset) set(i int)         { b[i/64] |= 1 << (uint(i) % 64) }
func (b bitset) clear(i int)       { b[i/64] &^= 1 << (uint(i) % 64) }
func (b bitset) copyFrom(c bitset) { copy(b, c) }
func (b bitset) equal(c bitset) bool {
	for i := range b {
		if b[i] != c[i] {
			return false
		}
	}
	return true
}
func (b bitset) or(c bitset) {
	for i := range b {
		b[i] |= c[i]
	}
}

// formatOperand prints o in AT&T syntax; frameOff resolves frame objects (and -1 to
// the outgoing argument area's size).
func formatOperand(o operand, frameOff func(int) int64) string {
	switch o.kind {
	case kReg:
		return regName(o.reg, o.size)
	case kImm:
		return fmt.Sprintf("$%d", o.disp)
	case kLabel, kText:
		return o.sym
	case kMem:
		var sb strings.Builder
		if o.seg != "" {
			sb.WriteString(o.seg + ":")
		}
		disp := o.disp
		if o.outArea {
			disp += frameOff(-1)
		}
		base := o.reg
		if o.frame != 0 {
			disp += frameOff(o.frame - 1)
			base = RBP
		}
		if o.sym != "" {
			sb.WriteString(o.sym)
			if disp != 0 {
				fmt.Fprintf(&sb, "%+d", disp)
			}
		} else if disp != 0 || (base == noReg && o.index == noReg) {
			fmt.Fprintf(&sb, "%d", disp)
		}
		if base != noReg || o.index != noReg {
			sb.WriteString("(")
			if base != noReg {
				sb.WriteString(regName(base, 8))
			}
			if o.index != noReg {
				fmt.Fprintf(&sb, ",%s,%d", regName(o.index, 8), o.scale)
			}
			sb.WriteString(")")
		}
		return sb.String()
	}
	return "?"
}
