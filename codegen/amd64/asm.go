package amd64

import (
	"fmt"
	"strconv"
	"strings"

	"gocc/ir"
)

// GNU C extended inline asm. Each operand becomes one machine operand of a "raw"
// instruction whose template is the asm text, so the allocator picks registers for
// register-class operands and the fixed-register letters become physical-register
// operands (with their busy ranges). Outputs are written to their addresses
// (Args[0:nout]) after the asm; "+" outputs are loaded first; a digit constraint ties
// an input to that output's location. Clobbered registers are early-clobber
// definitions.
//
// Constraints (gcc manual "Simple Constraints", "Machine Constraints" for x86): r q R
// l p (any general register; p holds an address), Q (a register with a high byte: a, b,
// c or d), a b c d S D (that register), A (rdx:rax for a 128-bit value, else rax), x
// (SSE), y (MMX), t u f (x87 st(0), st(1); f is st(0) then st(1)), m o V (memory), g X
// (register, memory or immediate), i s n I J K L M N e Z (constants; their ranges are
// left to the assembler), digits (matching), and the modifiers = + & % ; clobbers
// "memory", "cc" and register names.

var fixedConstraint = map[byte]reg{'a': RAX, 'b': RBX, 'c': RCX, 'd': RDX, 'S': RSI, 'D': RDI}

// clobberReg maps a clobber name ("rax", "%eax", "xmm3", "r12d"…) to its register.
func clobberReg(name string) (reg, bool) {
	name = strings.TrimPrefix(name, "%")
	for sz := 0; sz < 4; sz++ {
		for r, n := range gprNames[sz] {
			if n == name {
				return reg(r), true
			}
		}
	}
	if strings.HasPrefix(name, "xmm") {
		n := 0
		for _, c := range name[3:] {
			if c < '0' || c > '9' {
				return noReg, false
			}
			n = n*10 + int(c-'0')
		}
		if n < 16 {
			return XMM0 + reg(n), true
		}
	}
	return noReg, false
}

func constraintLetters(c string) string {
	return strings.TrimLeft(c, "=+&")
}

// asmCons is what one constraint string allows.
type asmCons struct {
	tied              int  // matching output number, or -1
	fixed             reg  // a b c d S D, or noReg
	pair              bool // A
	q                 bool // Q
	gpr, xmm, mem     bool
	imm, sym          bool // constants; sym: also symbolic ones (i s g X)
	x87               byte // 't', 'u', 'f' or 0
	mmx               bool
	plus, early, bare bool // bare: no letter at all
}

func parseCons(c string) asmCons {
	k := asmCons{tied: -1, fixed: noReg, bare: true}
	for i := 0; i < len(c); i++ {
		ch := c[i]
		if ch != '=' && ch != '+' && ch != '&' && ch != '%' {
			k.bare = false
		}
		switch ch {
		case '+':
			k.plus = true
		case '&':
			k.early = true
		case 'r', 'q', 'R', 'l', 'p':
			k.gpr = true
		case 'Q':
			k.q, k.gpr = true, true
		case 'a', 'b', 'c', 'd', 'S', 'D':
			k.fixed = fixedConstraint[ch]
		case 'A':
			k.pair = true
		case 'x', 'v':
			k.xmm = true
		case 't', 'u', 'f':
			k.x87 = ch
		case 'y':
			k.mmx = true
		case 'm', 'o', 'V':
			k.mem = true
		case 'g', 'X':
			k.gpr, k.mem, k.imm, k.sym = true, true, true, true
		case 'i', 's':
			k.imm, k.sym = true, true
		case 'n', 'I', 'J', 'K', 'L', 'M', 'N', 'e', 'Z', 'E', 'F':
			k.imm = true
		default:
			if isDigit(ch) {
				n := 0
				for i < len(c) && isDigit(c[i]) {
					n = n*10 + int(c[i]-'0')
					i++
				}
				i--
				k.tied = n
			}
		}
	}
	return k
}

// memOnly: the operand must be in memory.
func (k asmCons) memOnly() bool {
	return k.mem && !k.gpr && !k.xmm && k.fixed == noReg && !k.pair && !k.q && k.x87 == 0 && !k.mmx
}

// asmConst evaluates an integer constant operand that optimization has not folded
// (at -O0, "i"(2 * 4) or the offset of &a[2] is still arithmetic on constants).
func asmConst(v *ir.Value) (int64, bool) {
	switch v.Op {
	case ir.OpConst:
		return v.AuxInt, true
	case ir.OpSExt, ir.OpZExt, ir.OpTrunc, ir.OpBitcast:
		if !v.Type.IsInt() || !v.Args[0].Type.IsInt() {
			return 0, false
		}
		x, ok := asmConst(v.Args[0])
		if !ok {
			return 0, false
		}
		w := 8 * tsize(v.Args[0].Type)
		if v.Op == ir.OpTrunc {
			w = 8 * tsize(v.Type)
		}
		if w < 64 {
			if v.Op == ir.OpZExt {
				x &= 1<<w - 1
			} else {
				x = x << (64 - w) >> (64 - w)
			}
		}
		return x, true
	case ir.OpAdd, ir.OpSub, ir.OpMul:
		x, ok1 := asmConst(v.Args[0])
		y, ok2 := asmConst(v.Args[1])
		if !ok1 || !ok2 || !v.Type.IsInt() {
			return 0, false
		}
		switch v.Op {
		case ir.OpAdd:
			return x + y, true
		case ir.OpSub:
			return x - y, true
		}
		return x * y, true
	}
	return 0, false
}

// asmSym returns the assembler text of an address constant (for i, s, g, X).
func asmSym(v *ir.Value) (string, bool) {
	off := int64(0)
	for (v.Op == ir.OpAdd || v.Op == ir.OpSub) && v.Type == ir.Ptr {
		d, ok := asmConst(v.Args[1])
		if !ok {
			return "", false
		}
		if v.Op == ir.OpSub {
			d = -d
		}
		off, v = off+d, v.Args[0]
	}
	if v.Op != ir.OpAddr {
		return "", false
	}
	off += v.AuxInt
	if off != 0 {
		return fmt.Sprintf("%s%+d", v.Sym, off), true
	}
	return v.Sym, true
}

func isFloatIR(t ir.Type) bool { return t == ir.F32 || t == ir.F64 || t == ir.F80 }

// x87 loads and stores by type.
func x87Mnemonic(op string, t ir.Type) string {
	return op + map[ir.Type]string{ir.F32: "s", ir.F64: "l", ir.F80: "t"}[t]
}

func (s *fnState) inlineAsm(v *ir.Value) {
	a := v.Asm
	if a == nil {
		s.fail("inline asm without AsmInfo")
		return
	}
	if a.Basic {
		i := s.raw(strings.ReplaceAll(a.Template, "%", "%%"))
		i.implDef = nil
		return
	}
	nout := len(a.Outputs)
	ops := make([]operand, 0, nout+len(a.Inputs)+len(a.Labels))
	names := map[string]int{}
	var implUse, implDef []reg
	var after []func() // stores of outputs, after the asm

	// Registers named by letters or clobbers; Q picks among a, d, c, b the first one
	// free of those.
	taken := map[reg]bool{}
	for _, o := range append(append([]ir.AsmOperand(nil), a.Outputs...), a.Inputs...) {
		k := parseCons(o.Constraint)
		if k.fixed != noReg {
			taken[k.fixed] = true
		}
		if k.pair {
			taken[RAX], taken[RDX] = true, true
		}
	}
	for _, c := range a.Clobbers {
		if r, ok := clobberReg(c); ok {
			taken[r] = true
		}
	}
	qReg := func() reg {
		for _, r := range []reg{RAX, RDX, RCX, RBX} {
			if !taken[r] {
				taken[r] = true
				return r
			}
		}
		s.fail("inline asm: no register left for a Q operand")
		return RAX
	}
	nmmx := 0
	mmxName := func(n int) string { return "%%mm" + strconv.Itoa(n) }

	// Where each output lives, for matching inputs.
	type outLoc struct {
		r, hi reg // register(s), or noReg
		mmx   int // MMX register + 1, or 0
		x87   bool
		t     ir.Type
	}
	outs := make([]outLoc, nout)

	// x87 operands: inputs are pushed just before the asm (st(1) first), a "=t"
	// output is popped to its address after it, and whatever else the asm leaves on
	// the x87 stack is popped ("st(1)" in the clobbers says the asm popped st(1)).
	var pushT, pushU func()
	var popOut func()
	x87Inputs := 0

	for k, o := range a.Outputs {
		if o.Name != "" {
			names[o.Name] = k
		}
		kc := parseCons(o.Constraint)
		addr := v.Args[k]
		t := o.Type
		sz := asmSize(o)
		outs[k] = outLoc{r: noReg, hi: noReg, t: t}
		switch {
		case kc.x87 != 0 && isFloatIR(t):
			outs[k].x87 = true
			ops = append(ops, text("%st"))
			if kc.plus {
				pushT = func() { s.emit(x87Mnemonic("fld", t), s.addr(addr)) }
			}
			popOut = func() { s.emit(x87Mnemonic("fstp", t), s.addr(addr)) }
		case kc.mmx:
			n := nmmx
			nmmx++
			outs[k].mmx = n + 1
			ops = append(ops, text(mmxName(n)[1:]))
			if kc.plus {
				r := s.gpr()
				s.loadAsm(ir.I64, s.addr(addr), r)
				s.raw("movq %0, "+mmxName(n), use(r, 8))
			}
			after = append(after, func() {
				r := s.gpr()
				s.raw("movq "+mmxName(n)+", %0", def(r, 8))
				s.storeAsm(t, r, s.addr(addr))
			})
		case kc.memOnly():
			m := s.addr(addr)
			m.size = sz
			ops = append(ops, m)
		case kc.pair && t == ir.I128:
			outs[k].r, outs[k].hi = RAX, RDX
			op := operand{kind: kReg, reg: RAX, size: 8, def: true, early: kc.early}
			if kc.plus {
				m := s.addr(addr)
				s.emit("movq", m, def(RAX, 8))
				s.emit("movq", m.withDisp(8), def(RDX, 8))
				op.use = true
				implUse = append(implUse, RDX)
			}
			implDef = append(implDef, RDX)
			ops = append(ops, op)
			after = append(after, func() {
				m := s.addr(addr)
				s.emit("movq", use(RAX, 8), m)
				s.emit("movq", use(RDX, 8), m.withDisp(8))
			})
		default:
			var r reg
			switch {
			case kc.fixed != noReg:
				r = kc.fixed
			case kc.pair:
				r = RAX
			case kc.q:
				r = qReg()
			case kc.xmm || (t == ir.F32 || t == ir.F64):
				r = s.xmm()
			default:
				r = s.gpr()
			}
			outs[k].r = r
			op := operand{kind: kReg, reg: r, size: sz, def: true, early: kc.early}
			if physClass(r) == classXMM || r >= firstVirtual && s.vclass[r-firstVirtual] == classXMM {
				op.size = 16
			}
			if kc.plus {
				s.loadAsm(t, s.addr(addr), r)
				op.use = true
			}
			ops = append(ops, op)
			after = append(after, func() { s.storeAsm(t, r, s.addr(addr)) })
		}
	}
	for j, in := range a.Inputs {
		k := nout + j
		if in.Name != "" {
			names[in.Name] = k
		}
		kc := parseCons(in.Constraint)
		val := v.Args[k]
		sz := asmSize(in)
		if kc.tied >= 0 {
			if kc.tied >= nout {
				s.fail("inline asm: bad matching constraint %q", in.Constraint)
				return
			}
			o := outs[kc.tied]
			switch {
			case o.x87:
				pushT = func() { s.x87Push(val) }
				x87Inputs++
				ops = append(ops, text("%st"))
			case o.mmx != 0:
				s.mmxLoad(val, o.mmx-1)
				ops = append(ops, text(mmxName(o.mmx - 1)[1:]))
			case o.hi != noReg:
				lo, hi := s.pair128(val)
				s.emit("movq", use(lo, 8), def(RAX, 8))
				s.emit("movq", use(hi, 8), def(RDX, 8))
				ops[kc.tied].use = true
				implUse = append(implUse, RDX)
				ops = append(ops, operand{kind: kReg, reg: RAX, size: 8})
			case o.r != noReg:
				s.moveAsm(val, o.r)
				ops[kc.tied].use = true
				ops = append(ops, operand{kind: kReg, reg: o.r, size: ops[kc.tied].size})
			default:
				s.fail("inline asm: matching constraint %q names a memory output", in.Constraint)
				return
			}
			continue
		}
		sym, isSym := asmSym(val)
		cv, isConst := asmConst(val)
		switch {
		case kc.x87 != 0 && isFloatIR(val.Type):
			slot := kc.x87
			if slot == 'f' {
				slot = 't'
				if pushT != nil {
					slot = 'u'
				}
			}
			if slot == 't' {
				pushT = func() { s.x87Push(val) }
				ops = append(ops, text("%st"))
			} else {
				pushU = func() { s.x87Push(val) }
				ops = append(ops, text("%st(1)"))
			}
			x87Inputs++
		case kc.mmx:
			n := nmmx
			nmmx++
			s.mmxLoad(val, n)
			ops = append(ops, text(mmxName(n)[1:]))
		case kc.imm && isConst && (!kc.gpr || fitsInt32(cv)):
			ops = append(ops, imm(cv))
		case kc.sym && isSym && !s.g.opts.PIC:
			ops = append(ops, text("$"+sym))
		case kc.sym && isSym && kc.imm && !kc.gpr:
			ops = append(ops, text("$"+sym)) // i/s in PIC code: the assembler decides
		case kc.memOnly():
			m := s.addr(val)
			m.size = sz
			ops = append(ops, m)
		case kc.pair && val.Type == ir.I128:
			lo, hi := s.pair128(val)
			s.emit("movq", use(lo, 8), def(RAX, 8))
			s.emit("movq", use(hi, 8), def(RDX, 8))
			implUse = append(implUse, RDX)
			ops = append(ops, use(RAX, 8))
		default:
			var r reg
			switch {
			case kc.fixed != noReg:
				r = kc.fixed
			case kc.pair:
				r = RAX
			case kc.q:
				r = qReg()
			case kc.xmm || val.Type == ir.F32 || val.Type == ir.F64:
				r = s.xmm()
			default:
				r = s.gpr()
			}
			s.moveAsm(val, r)
			op := use(r, sz)
			if physClass(r) == classXMM || r >= firstVirtual && s.vclass[r-firstVirtual] == classXMM {
				op.size = 16
			}
			ops = append(ops, op)
		}
	}
	for _, l := range a.Labels {
		ops = append(ops, text(ir.BlockLabel(s.f, l.ID)))
	}
	for _, c := range a.Clobbers {
		if r, ok := clobberReg(c); ok {
			ops = append(ops, earlyDef(r, 8))
		}
	}
	depth := 0
	if pushU != nil {
		pushU()
		depth++
	}
	if pushT != nil {
		pushT()
		depth++
	}
	for _, c := range a.Clobbers {
		if (c == "st(1)" || c == "%st(1)") && pushU != nil {
			depth--
		}
	}
	i := s.emit("raw", ops...)
	s.g.asmCount++
	i.tmpl = numberInstance(a.Template, s.g.asmCount)
	i.asmNames = names
	i.implUse = implUse
	i.implDef = implDef
	if popOut != nil {
		depth = max(depth, 1)
		popOut()
		depth--
	}
	for ; depth > 0; depth-- {
		s.emit("fstp", text("%st(0)"))
	}
	for _, f := range after {
		f()
	}
	// asm goto: the outputs hold on every path (gcc 11 and later), so each label
	// block (irgen gives every label edge its own block) stores them on entry.
	for _, l := range a.Labels {
		if s.asmLowered[l.ID] {
			s.fail("inline asm: label block %v lowered before its asm goto", l)
			return
		}
		if s.asmLabelStores == nil {
			s.asmLabelStores = map[int][]func(){}
		}
		s.asmLabelStores[l.ID] = append(s.asmLabelStores[l.ID], after...)
	}
}

// asmLabelEntry runs, at the start of block b, the output stores of the asm goto
// statements that may jump to b.
func (s *fnState) asmLabelEntry(b *ir.Block) {
	if s.asmLowered == nil {
		s.asmLowered = map[int]bool{}
	}
	s.asmLowered[b.ID] = true
	for _, f := range s.asmLabelStores[b.ID] {
		f()
	}
}

// x87Push pushes a floating value on the x87 stack (through memory for float and
// double, which live in SSE registers).
func (s *fnState) x87Push(v *ir.Value) {
	if v.Type == ir.F80 {
		s.loadF80(v)
		return
	}
	m := frameMem(s.scratchObj(), 0)
	s.storeAsm(v.Type, s.reg(v), m)
	s.emit(x87Mnemonic("fld", v.Type), m)
}

// mmxLoad loads an integer (or SSE) value into MMX register %mmN.
func (s *fnState) mmxLoad(v *ir.Value, n int) {
	var r reg
	if v.Op == ir.OpConst {
		r = s.gpr()
		s.loadConst(r, v.AuxInt, 8)
	} else {
		r = s.reg(v)
	}
	if s.vclass[r-firstVirtual] == classXMM {
		s.raw("movdq2q %0, %%mm"+strconv.Itoa(n), xmmUse(r))
		return
	}
	s.raw("movq %0, %%mm"+strconv.Itoa(n), use(r, 8))
}

func asmSize(o ir.AsmOperand) int {
	switch {
	case o.Size == 1 || o.Size == 2 || o.Size == 4:
		return int(o.Size)
	case o.Size == 0 && o.Type != ir.Void:
		return tsize(o.Type)
	}
	return 8
}

func (s *fnState) moveAsm(val *ir.Value, r reg) {
	if physClass(r) == classXMM || r >= firstVirtual && s.vclass[r-firstVirtual] == classXMM {
		s.copyReg(r, s.reg(val), classXMM)
		return
	}
	if val.Op == ir.OpConst {
		s.loadConst(r, val.AuxInt, 8)
		return
	}
	s.emit("movq", use(s.reg(val), 8), def(r, 8))
}

func (s *fnState) loadAsm(t ir.Type, m operand, r reg) {
	s.load(t, m, r)
}

func (s *fnState) storeAsm(t ir.Type, r reg, m operand) {
	switch t {
	case ir.F32:
		s.emit("movss", xmmUse(r), m)
	case ir.F64:
		s.emit("movsd", xmmUse(r), m)
	default:
		sz := tsize(t)
		s.emit("mov"+sfx(sz), use(r, sz), m)
	}
}

// numberInstance replaces %= in an asm template by n, a number unique to this asm
// statement in the module (gcc manual "Special format strings"), so that labels made
// with it do not clash when the statement is repeated. %% escapes are kept.
func numberInstance(tmpl string, n int) string {
	if !strings.Contains(tmpl, "%=") {
		return tmpl
	}
	var sb strings.Builder
	for i := 0; i < len(tmpl); i++ {
		switch {
		case tmpl[i] != '%' || i+1 >= len(tmpl):
			sb.WriteByte(tmpl[i])
		case tmpl[i+1] == '%':
			sb.WriteString("%%")
			i++
		case tmpl[i+1] == '=':
			sb.WriteString(strconv.Itoa(n))
			i++
		default:
			sb.WriteByte('%')
		}
	}
	return sb.String()
}
