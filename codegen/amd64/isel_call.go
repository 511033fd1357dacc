package amd64

import (
	"gocc/ir"
)

// Calls (§3.2.3) and variable arguments (§3.5.7).

func (s *fnState) call(v *ir.Value) {
	ci := v.Call
	if ci == nil {
		s.fail("call without CallInfo")
		return
	}
	args := v.Args[1:]
	var chain *ir.Value
	if ci.Chain {
		chain = args[len(args)-1]
		args = args[:len(args)-1]
	}
	var retPtr *ir.Value
	if ci.RetAgg != nil {
		retPtr = args[len(args)-1]
		args = args[:len(args)-1]
	}
	callee := v.Args[0]
	sym := ""
	if callee.Op == ir.OpAddr && callee.AuxInt == 0 {
		sym = callee.Sym
	}
	s.callWith(sym, callee, ci, args, retPtr, chain, v)
}

// helperCall calls a runtime helper (libgcc) with scalar arguments; res receives the
// result.
func (s *fnState) helperCall(sym string, args []*ir.Value, res *ir.Value) {
	ci := &ir.CallInfo{Ret: res.Type}
	for _, a := range args {
		ci.Params = append(ci.Params, ir.Param{Type: a.Type})
	}
	ci.NumFixed = len(args)
	s.callWith(sym, nil, ci, args, nil, nil, res)
}

// callWith lowers one call in four steps: stack arguments (which may use rdi/rsi/rcx
// for block copies), the callee address, register arguments (moved last, so each
// fixed argument register is live only up to the call), then the results. chain, if
// not nil, is the static chain of a nested function (trampoline.go).
func (s *fnState) callWith(sym string, callee *ir.Value, ci *ir.CallInfo, args []*ir.Value, retPtr, chain, res *ir.Value) {
	params := ci.Params
	for len(params) < len(args) { // arguments beyond the prototype: by their IR types
		params = append(params[:len(params):len(params)], ir.Param{Type: args[len(params)].Type})
	}
	cl := layoutCall(params[:len(args)], ci.Ret, ci.RetAgg)
	s.maxOut = max(s.maxOut, cl.stackSize)

	for i, a := range args {
		loc := cl.args[i]
		if !loc.memory {
			continue
		}
		dst := memAt(RSP, loc.stackOff)
		p := params[i]
		switch {
		case p.Agg != nil:
			s.copyMem(dst, s.addr(a), p.Agg.Size)
		case p.Type == ir.F80:
			s.loadF80(a)
			s.f80Store(dst)
		case p.Type == ir.I128:
			lo, hi := s.pair128(a)
			s.emit("movq", use(lo, 8), dst)
			s.emit("movq", use(hi, 8), dst.withDisp(8))
		default:
			s.store(a, dst)
		}
	}

	var target operand
	if sym != "" {
		name := sym
		if !s.g.isLocal(sym) {
			name += "@PLT"
		}
		target = text(name)
	} else {
		target = use(s.reg(callee), 8)
	}

	var uses []reg
	if cl.retMemory {
		// §3.2.3: the address of the result buffer is passed in %rdi.
		s.emit("movq", use(s.reg(retPtr), 8), def(RDI, 8))
		uses = append(uses, RDI)
	}
	for i, a := range args {
		loc := cl.args[i]
		if loc.memory {
			continue
		}
		p := params[i]
		switch {
		case p.Agg != nil:
			m := s.addr(a)
			for _, e := range loc.parts {
				s.loadPart(e, m.withDisp(e.off))
			}
		case p.Type == ir.I128:
			lo, hi := s.pair128(a)
			s.emit("movq", use(lo, 8), def(loc.parts[0].reg, 8))
			s.emit("movq", use(hi, 8), def(loc.parts[1].reg, 8))
		case loc.parts[0].cls == clsSSE:
			r := s.reg(a)
			if a.Type != p.Type && a.Type.IsFloat() { // default argument promotion left to us
				s.emit(map[ir.Type]string{ir.F32: "cvtss2sd", ir.F64: "cvtsd2ss"}[a.Type], xmmUse(r), xmmDef(loc.parts[0].reg))
			} else {
				s.copyReg(loc.parts[0].reg, r, classXMM)
			}
		default:
			if a.Op == ir.OpConst {
				s.loadConst(loc.parts[0].reg, a.AuxInt, tsize(a.Type))
			} else {
				s.emit("movq", use(s.reg(a), 8), def(loc.parts[0].reg, 8))
			}
		}
		for _, e := range loc.parts {
			uses = append(uses, e.reg)
		}
	}
	if ci.Variadic {
		// §3.5.7: %al is an upper bound on the number of vector registers used.
		s.emit("movl", imm(int64(cl.numSSE)), def(RAX, 4))
		uses = append(uses, RAX)
	}
	if chain != nil {
		uses = append(uses, s.passChain(chain))
	}
	c := s.emit("call", target)
	c.implUse = uses
	c.implDef = callerSaved
	if ci.ReturnsTwice {
		// A setjmp-like callee may return again after its caller's registers were
		// overwritten: no value may live in any register across the call.
		c.implDef = returnsTwiceClobbers
	}

	if res == nil || !cl.hasRet {
		return
	}
	l := s.loc[res.ID]
	switch {
	case cl.retMemory:
	case cl.ret.x87Pair:
		p := s.addr(retPtr)
		s.emit("fstpt", p)
		s.emit("fstpt", p.withDisp(16))
	case cl.ret.x87:
		if ci.RetAgg != nil {
			s.emit("fstpt", s.addr(retPtr))
		} else if l.slot != 0 {
			s.f80Store(s.slotOf(res))
		} else {
			s.emit("fstp", text("%st(0)"))
		}
	case ci.RetAgg != nil:
		p := s.addr(retPtr)
		for _, e := range cl.ret.parts {
			s.storePart(e, e.reg, p.withDisp(e.off))
		}
	case l.lo == noReg:
	case ci.Ret == ir.I128:
		s.emit("movq", use(RAX, 8), def(l.lo, 8))
		s.emit("movq", use(RDX, 8), def(l.hi, 8))
	case ci.Ret == ir.F32 || ci.Ret == ir.F64:
		s.copyReg(l.lo, XMM0, classXMM)
	default:
		s.emit("movq", use(RAX, 8), def(l.lo, 8))
	}
}

// vaStart fills the va_list (§3.5.7, Figure 3.34): gp_offset and fp_offset index the
// register save area past the named arguments' registers; overflow_arg_area points at
// the first variadic stack argument.
func (s *fnState) vaStart(v *ir.Value) {
	if s.regSave < 0 {
		s.fail("va_start in a function without UsesVaStart")
		return
	}
	ap := s.addr(v.Args[0])
	s.emit("movl", imm(int64(8*s.self.numGP)), ap)
	s.emit("movl", imm(int64(48+16*s.self.numSSE)), ap.withDisp(4))
	t := s.gpr()
	s.emit("leaq", s.incoming(s.self.stackBytes, 0), def(t, 8))
	s.emit("movq", use(t, 8), ap.withDisp(8))
	u := s.gpr()
	s.emit("leaq", frameMem(s.regSave, 0), def(u, 8))
	s.emit("movq", use(u, 8), ap.withDisp(16))
}

// vaArg fetches the next argument (§3.5.7 "The va_arg Macro"), without branches: the
// register-save-area and overflow-area addresses are both computed and one is picked
// with cmov, and the va_list fields are updated the same way.
func (s *fnState) vaArg(v *ir.Value, l valLoc) {
	ap := s.addr(v.Args[0])
	var loc abiLoc
	if v.Agg != nil {
		loc = classifyParam(ir.Param{Agg: v.Agg}, false)
	} else {
		loc = classifyParam(ir.Param{Type: v.Type}, false)
	}
	p := s.vaArgAddr(ap, loc)
	m := memAt(p, 0)
	switch {
	case v.Agg != nil:
		s.copyReg(l.lo, p, classGPR)
	case v.Type == ir.F80:
		s.f80Load(m)
		s.f80Store(s.slotOf(v))
	case v.Type == ir.I128:
		s.emit("movq", m, def(l.lo, 8))
		s.emit("movq", m.withDisp(8), def(l.hi, 8))
	default:
		s.load(v.Type, m, l.lo)
	}
}

// vaArgAddr returns a register pointing at (a copy of) the next argument of the given
// class and advances the va_list at ap.
func (s *fnState) vaArgAddr(ap operand, loc abiLoc) reg {
	ovf := s.gpr()
	s.emit("movq", ap.withDisp(8), def(ovf, 8))
	if loc.align > 8 {
		s.emit("addq", imm(15), mod(ovf, 8))
		s.emit("andq", imm(-16), mod(ovf, 8))
	}
	newOvf := s.gpr()
	s.emit("leaq", memAt(ovf, (loc.size+7)&^7), def(newOvf, 8))
	if loc.memory || len(loc.parts) == 0 {
		s.emit("movq", use(newOvf, 8), ap.withDisp(8))
		return ovf
	}
	ng, ns := 0, 0
	for _, e := range loc.parts {
		if e.cls == clsInteger {
			ng++
		} else {
			ns++
		}
	}
	gpo, fpo, rsa := s.gpr(), s.gpr(), s.gpr()
	s.emit("movl", ap, def(gpo, 4))
	s.emit("movl", ap.withDisp(4), def(fpo, 4))
	s.emit("movq", ap.withDisp(16), def(rsa, 8))
	gaddr, faddr := s.gpr(), s.gpr()
	s.emit("leaq", operand{kind: kMem, reg: rsa, index: gpo, scale: 1}, def(gaddr, 8))
	s.emit("leaq", operand{kind: kMem, reg: rsa, index: fpo, scale: 1}, def(faddr, 8))
	newGpo, newFpo := s.gpr(), s.gpr()
	s.emit("leal", memAt(gpo, int64(8*ng)), def(newGpo, 4))
	s.emit("leal", memAt(fpo, int64(16*ns)), def(newFpo, 4))

	contiguous := ns == 0 || len(loc.parts) == 1
	// Candidate addresses of each part, computed before the flags are set.
	var inReg, inMem []reg
	gi, si := 0, 0
	for i, e := range loc.parts {
		r, m := s.gpr(), s.gpr()
		if e.cls == clsInteger {
			s.emit("leaq", memAt(gaddr, int64(8*gi)), def(r, 8))
			gi++
		} else {
			s.emit("leaq", memAt(faddr, int64(16*si)), def(r, 8))
			si++
		}
		s.emit("leaq", memAt(ovf, int64(8*i)), def(m, 8))
		inReg, inMem = append(inReg, r), append(inMem, m)
		if contiguous {
			break
		}
	}
	outGpo, outFpo, outOvf := s.gpr(), s.gpr(), s.gpr()
	s.copyReg(outGpo, newGpo, classGPR)
	s.copyReg(outFpo, newFpo, classGPR)
	s.copyReg(outOvf, ovf, classGPR)

	cc := "be"
	switch {
	case ng > 0 && ns > 0:
		c1, c2 := s.gpr(), s.gpr()
		s.emit("cmpl", imm(int64(48-8*ng)), use(gpo, 4))
		s.emit("setbe", def(c1, 1))
		s.emit("cmpl", imm(int64(176-16*ns)), use(fpo, 4))
		s.emit("setbe", def(c2, 1))
		s.emit("andb", use(c2, 1), mod(c1, 1))
		cc = "ne"
	case ng > 0:
		s.emit("cmpl", imm(int64(48-8*ng)), use(gpo, 4))
	default:
		s.emit("cmpl", imm(int64(176-16*ns)), use(fpo, 4))
	}
	// Not in registers: keep the offsets, take the overflow area.
	ncc := map[string]string{"be": "a", "ne": "e"}[cc]
	s.emit("cmov"+ncc+"l", use(gpo, 4), mod(outGpo, 4))
	s.emit("cmov"+ncc+"l", use(fpo, 4), mod(outFpo, 4))
	s.emit("cmov"+ncc+"q", use(newOvf, 8), mod(outOvf, 8))
	for i := range inReg {
		s.emit("cmov"+ncc+"q", use(inMem[i], 8), mod(inReg[i], 8))
	}
	s.emit("movl", use(outGpo, 4), ap)
	s.emit("movl", use(outFpo, 4), ap.withDisp(4))
	s.emit("movq", use(outOvf, 8), ap.withDisp(8))
	if contiguous {
		return inReg[0]
	}
	obj := s.newFrame(int64(8*len(loc.parts)), max(loc.align, 8))
	t := s.gpr()
	for i, e := range loc.parts {
		s.emit("movq", memAt(inReg[i], 0), def(t, 8))
		s.emit("movq", use(t, 8), frameMem(obj, e.off))
	}
	r := s.gpr()
	s.emit("leaq", frameMem(obj, 0), def(r, 8))
	return r
}
