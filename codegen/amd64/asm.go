package amd64

import (
	"strings"

	"gocc/ir"
)

// GNU C extended inline asm. Each operand becomes one machine operand of a "raw"
// instruction whose template is the asm text, so the allocator picks registers for
// "r"-class operands and the fixed-register letters become physical-register operands
// (with their busy ranges). Outputs are written to their addresses (Args[0:nout])
// after the asm; "+" outputs are loaded first; a digit constraint ties an input to
// that output's register. Clobbered registers are early-clobber definitions.
//
// Supported constraints: r q g (as r, or an immediate for constants) a b c d S D
// x (SSE) t u (x87 st(0), st(1), long double) m i n digits, modifiers = + &; clobbers
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
	type pending struct {
		r    reg
		addr *ir.Value
		t    ir.Type
	}
	var stores []pending
	outRegs := make([]reg, nout)
	// x87 operands (t: st(0), u: st(1), F80 values): inputs are pushed just before
	// the asm (u first), a "=t" output is popped to its address after it, and whatever
	// else the asm leaves on the x87 stack is popped ("st(1)" in the clobbers says the
	// asm popped st(1) itself).
	var x87Out *ir.Value
	var x87T, x87U *ir.Value
	x87Tied := -1
	for k, o := range a.Outputs {
		if o.Name != "" {
			names[o.Name] = k
		}
		c := constraintLetters(o.Constraint)
		plus := strings.Contains(o.Constraint, "+")
		early := strings.Contains(o.Constraint, "&")
		addr := v.Args[k]
		t := o.Type
		sz := asmSize(o)
		if c == "t" && t == ir.F80 {
			x87Out, x87Tied, outRegs[k] = addr, k, noReg
			ops = append(ops, text("%st"))
			if plus {
				x87T = addr // loaded from the output's address below
			}
			continue
		}
		if strings.ContainsAny(c, "m") && !strings.ContainsAny(c, "rqgabcdSDx") {
			ops = append(ops, s.addr(addr))
			outRegs[k] = noReg
			continue
		}
		var r reg
		if fr, ok := fixedConstraint[c[0]]; ok {
			r = fr
		} else if strings.ContainsRune(c, 'x') || t == ir.F32 || t == ir.F64 {
			r = s.xmm()
		} else {
			r = s.gpr()
		}
		outRegs[k] = r
		op := operand{kind: kReg, reg: r, size: sz, def: true, early: early}
		if physClass(r) == classXMM {
			op.size = 16
		}
		if plus {
			s.loadAsm(t, s.addr(addr), r)
			op.use = true
		}
		ops = append(ops, op)
		stores = append(stores, pending{r: r, addr: addr, t: t})
	}
	for j, in := range a.Inputs {
		k := nout + j
		if in.Name != "" {
			names[in.Name] = k
		}
		c := constraintLetters(in.Constraint)
		val := v.Args[k]
		sz := asmSize(in)
		switch {
		case len(c) > 0 && c[0] >= '0' && c[0] <= '9' && int(c[0]-'0') == x87Tied,
			c == "t" && val.Type == ir.F80:
			x87T = val
			ops = append(ops, text("%st"))
		case c == "u" && val.Type == ir.F80:
			x87U = val
			ops = append(ops, text("%st(1)"))
		case len(c) > 0 && c[0] >= '0' && c[0] <= '9':
			tied := int(c[0] - '0')
			if tied >= nout || outRegs[tied] == noReg {
				s.fail("inline asm: bad matching constraint %q", in.Constraint)
				return
			}
			r := outRegs[tied]
			s.moveAsm(val, r)
			ops[tied].use = true
			ops = append(ops, operand{kind: kReg, reg: r, size: ops[tied].size})
		case strings.ContainsAny(c, "in") && val.Op == ir.OpConst,
			strings.ContainsRune(c, 'g') && val.Op == ir.OpConst && fitsInt32(val.AuxInt):
			ops = append(ops, imm(val.AuxInt))
		case strings.ContainsRune(c, 'i') && val.Op == ir.OpAddr:
			ops = append(ops, text("$"+val.Sym))
		case strings.ContainsRune(c, 'm') && !strings.ContainsAny(c, "rqgabcdSDx"):
			ops = append(ops, s.addr(val))
		default:
			var r reg
			if fr, ok := fixedConstraint[c[0]]; ok {
				r = fr
			} else if strings.ContainsRune(c, 'x') || val.Type == ir.F32 || val.Type == ir.F64 {
				r = s.xmm()
			} else {
				r = s.gpr()
			}
			s.moveAsm(val, r)
			op := use(r, sz)
			if physClass(r) == classXMM {
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
	if x87U != nil {
		s.loadF80(x87U)
		depth++
	}
	if x87T != nil {
		if x87T == x87Out {
			s.f80Load(s.addr(x87T))
		} else {
			s.loadF80(x87T)
		}
		depth++
	}
	for _, c := range a.Clobbers {
		if (c == "st(1)" || c == "%st(1)") && x87U != nil {
			depth--
		}
	}
	i := s.emit("raw", ops...)
	i.tmpl = a.Template
	i.asmNames = names
	if x87Out != nil {
		depth = max(depth, 1)
		s.f80Store(s.addr(x87Out))
		depth--
	}
	for ; depth > 0; depth-- {
		s.emit("fstp", text("%st(0)"))
	}
	for _, p := range stores {
		s.storeAsm(p.t, p.r, s.addr(p.addr))
	}
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
