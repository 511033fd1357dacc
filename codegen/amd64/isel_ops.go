package amd64

import (
	"gocc/ir"
)

// Per-op lowering. The tables name the instruction forms; the functions below pick
// among them by type.

var (
	intBinOp = map[ir.Op]string{ir.OpAdd: "add", ir.OpSub: "sub", ir.OpAnd: "and", ir.OpOr: "or", ir.OpXor: "xor", ir.OpMul: "imul"}
	sseBinOp = map[ir.Op]string{ir.OpAdd: "add", ir.OpSub: "sub", ir.OpMul: "mul", ir.OpDivS: "div", ir.OpDivU: "div"}
	// x87: operands pushed as b then a (st0 = a, st1 = b); each form computes st0 op st1
	// into st0 (the destination-st0 forms have no AT&T operand-order ambiguity).
	x87BinOp  = map[ir.Op]string{ir.OpAdd: "fadd", ir.OpSub: "fsub", ir.OpMul: "fmul", ir.OpDivS: "fdiv", ir.OpDivU: "fdiv"}
	shiftOp   = map[ir.Op]string{ir.OpShl: "shl", ir.OpShrS: "sar", ir.OpShrU: "shr"}
	sext32    = map[ir.Type]string{ir.I8: "movsbl", ir.I16: "movswl"}
	zext32    = map[ir.Type]string{ir.I8: "movzbl", ir.I16: "movzwl"}
	sext64    = map[ir.Type]string{ir.I8: "movsbq", ir.I16: "movswq", ir.I32: "movslq"}
	i128DivFn = map[ir.Op]string{ir.OpDivS: "__divti3", ir.OpDivU: "__udivti3", ir.OpRemS: "__modti3", ir.OpRemU: "__umodti3"}
)

func xmmUse(r reg) operand { return operand{kind: kReg, reg: r, size: 16, use: true} }
func xmmDef(r reg) operand { return operand{kind: kReg, reg: r, size: 16, def: true} }
func xmmMod(r reg) operand { return operand{kind: kReg, reg: r, size: 16, use: true, def: true} }

func sseSfx(t ir.Type) string {
	if t == ir.F32 {
		return "ss"
	}
	return "sd"
}

func (s *fnState) lowerValue(v *ir.Value) {
	if v.Uses == 0 && !v.Op.HasSideEffect() && !(v.Op == ir.OpLoad && v.AuxInt == 1) {
		return
	}
	if isRemat(v) || s.fused[v.ID] || s.addrFold[v.ID] {
		return
	}
	if v.Line != 0 {
		s.curLine = v.Line
	}
	l := s.loc[v.ID]
	switch v.Op {
	case ir.OpParam, ir.OpPhi, ir.OpChain:
	case ir.OpTrampoline:
		s.trampoline(v)
	case ir.OpConst, ir.OpUndef:
		switch v.Type {
		case ir.I128:
			s.loadConst(l.lo, v.AuxInt, 8)
			s.loadConst(l.hi, v.AuxInt>>63, 8)
		case ir.F80:
			s.loadF80(v)
			s.f80Store(s.slotOf(v))
		}
	case ir.OpConstFloat:
		if v.Type == ir.F80 {
			s.loadF80(v)
			s.f80Store(s.slotOf(v))
		} else {
			s.fail("unsupported constant type %v", v.Type)
		}
	case ir.OpAddr, ir.OpSlot, ir.OpBlockAddr:
		s.fail("%v of type %v", v.Op, v.Type)
	case ir.OpTLSAddr:
		s.tlsAddr(v, l.lo)
	case ir.OpApplyArgs, ir.OpApply, ir.OpUntypedRet:
		s.untyped(v, l.lo)
	case ir.OpAdd, ir.OpSub, ir.OpMul, ir.OpDivS, ir.OpDivU, ir.OpRemS, ir.OpRemU, ir.OpAnd, ir.OpOr, ir.OpXor:
		s.binary(v, l)
	case ir.OpShl, ir.OpShrS, ir.OpShrU:
		s.shift(v, l)
	case ir.OpNeg, ir.OpNot:
		s.unary(v, l)
	case ir.OpEq, ir.OpNe, ir.OpLtS, ir.OpLeS, ir.OpGtS, ir.OpGeS, ir.OpLtU, ir.OpLeU, ir.OpGtU, ir.OpGeU:
		s.setcc(v, l.lo)
	case ir.OpSExt, ir.OpZExt, ir.OpTrunc, ir.OpBitcast:
		s.intConv(v, l)
	case ir.OpFConv, ir.OpFToS, ir.OpFToU, ir.OpSToF, ir.OpUToF:
		s.floatConv(v, l)
	case ir.OpLoad, ir.OpAtomicLoad:
		m := s.addr(v.Args[0])
		switch v.Type {
		case ir.I128:
			s.emit("movq", m, def(l.lo, 8))
			s.emit("movq", m.withDisp(8), def(l.hi, 8))
		case ir.F80:
			s.f80Load(m)
			s.f80Store(s.slotOf(v))
		default:
			s.load(v.Type, m, l.lo)
		}
	case ir.OpStore, ir.OpAtomicStore:
		m := s.addr(v.Args[0])
		val := v.Args[1]
		switch val.Type {
		case ir.I128:
			lo, hi := s.pair128(val)
			s.emit("movq", use(lo, 8), m)
			s.emit("movq", use(hi, 8), m.withDisp(8))
		case ir.F80:
			s.loadF80(val)
			s.f80Store(m)
		default:
			s.store(val, m)
		}
		if v.Op == ir.OpAtomicStore {
			s.emit("mfence") // seq_cst store: mov + mfence
		}
	case ir.OpCopy:
		s.copyMem(s.addr(v.Args[0]), s.addr(v.Args[1]), v.AuxInt)
	case ir.OpZero:
		s.zeroMem(s.addr(v.Args[0]), v.AuxInt)
	case ir.OpAlloca:
		s.alloca(v, l.lo)
	case ir.OpCall:
		s.call(v)
	case ir.OpVaStart:
		s.vaStart(v)
	case ir.OpVaArg:
		s.vaArg(v, l)
	case ir.OpCopyValue:
		if v.Type == ir.F80 {
			s.loadF80(v.Args[0])
			s.f80Store(s.slotOf(v))
		} else {
			s.moveInto(v.Args[0], l.lo, l.hi)
		}
	case ir.OpSelect:
		s.selectValue(v, l)
	case ir.OpClz, ir.OpCtz, ir.OpPopcount, ir.OpBswap:
		s.bitOp(v, l)
	case ir.OpFrameAddr, ir.OpRetAddr:
		// Level n (AuxInt) follows the saved frame-pointer chain n times; as in gcc,
		// the result is only meaningful while the callers keep frame pointers.
		fp := RBP
		for i := int64(0); i < v.AuxInt; i++ {
			r := s.gpr()
			s.emit("movq", memAt(fp, 0), def(r, 8))
			fp = r
		}
		if v.Op == ir.OpFrameAddr {
			s.emit("movq", use(fp, 8), def(l.lo, 8))
		} else {
			s.emit("movq", memAt(fp, 8), def(l.lo, 8))
		}
	case ir.OpTrap:
		s.emit("ud2")
	case ir.OpFAbs, ir.OpSqrt:
		s.floatUnary(v, l)
	case ir.OpInlineAsm:
		s.inlineAsm(v)
	case ir.OpFence:
		s.emit("mfence")
	case ir.OpAtomicRMW:
		s.atomicRMW(v, l)
	case ir.OpAtomicCAS:
		s.atomicCAS(v, l)
	default:
		s.fail("unsupported op %v", v.Op)
	}
}

// --- arithmetic ---------------------------------------------------------------------

func (s *fnState) binary(v *ir.Value, l valLoc) {
	t := v.Type
	a, b := v.Args[0], v.Args[1]
	switch {
	case t == ir.F32 || t == ir.F64:
		mn, ok := sseBinOp[v.Op]
		if !ok {
			s.fail("%v on %v", v.Op, t)
			return
		}
		ra, rb := s.reg(a), s.reg(b)
		s.copyReg(l.lo, ra, classXMM)
		s.emit(mn+sseSfx(t), xmmUse(rb), xmmMod(l.lo))
		return
	case t == ir.F80:
		mn, ok := x87BinOp[v.Op]
		if !ok {
			s.fail("%v on %v", v.Op, t)
			return
		}
		s.loadF80(b)
		s.loadF80(a)
		s.emit(mn, text("%st(1)"), text("%st"))
		s.f80Store(s.slotOf(v))
		s.emit("fstp", text("%st(0)"))
		return
	case t == ir.I128:
		s.binary128(v, l)
		return
	}
	sz := alu(t)
	switch v.Op {
	case ir.OpDivS, ir.OpDivU, ir.OpRemS, ir.OpRemU:
		s.divide(v, l)
		return
	}
	if v.Op.Flags()&ir.Commutative != 0 && a.Op == ir.OpConst && b.Op != ir.OpConst {
		a, b = b, a
	}
	if v.Op == ir.OpMul && b.Op == ir.OpConst && fitsInt32(immFor(b.AuxInt, sz)) {
		s.emit("imul"+sfx(sz), imm(immFor(b.AuxInt, sz)), use(s.reg(a), sz), def(l.lo, sz))
		return
	}
	src := s.src(b, sz)
	s.moveInto(a, l.lo, noReg)
	s.emit(intBinOp[v.Op]+sfx(sz), src, mod(l.lo, sz))
}

// divide: the dividend in rdx:rax (sign-extended by cltd/cqto, or zeroed rdx),
// quotient in rax, remainder in rdx. 8- and 16-bit operands are widened to 32 bits.
func (s *fnState) divide(v *ir.Value, l valLoc) {
	t := v.Type
	signed := v.Op == ir.OpDivS || v.Op == ir.OpRemS
	sz := alu(t)
	a, b := s.reg(v.Args[0]), s.reg(v.Args[1])
	if t == ir.I8 || t == ir.I16 {
		ext := zext32[t]
		if signed {
			ext = sext32[t]
		}
		na, nb := s.gpr(), s.gpr()
		s.emit(ext, use(a, tsize(t)), def(na, 4))
		s.emit(ext, use(b, tsize(t)), def(nb, 4))
		a, b = na, nb
	}
	s.emit("mov"+sfx(sz), use(a, sz), def(RAX, sz))
	var div *inst
	if signed {
		ext := s.emit(map[int]string{4: "cltd", 8: "cqto"}[sz])
		ext.implUse, ext.implDef = []reg{RAX}, []reg{RDX}
		div = s.emit("idiv"+sfx(sz), use(b, sz))
	} else {
		s.zero(RDX)
		div = s.emit("div"+sfx(sz), use(b, sz))
	}
	div.implUse, div.implDef = []reg{RAX, RDX}, []reg{RAX, RDX}
	res := RAX
	if v.Op == ir.OpRemS || v.Op == ir.OpRemU {
		res = RDX
	}
	s.emit("movq", use(res, 8), def(l.lo, 8))
}

func (s *fnState) shift(v *ir.Value, l valLoc) {
	t := v.Type
	if t == ir.I128 {
		s.shift128(v, l)
		return
	}
	sz := alu(t)
	a, b := v.Args[0], v.Args[1]
	// Right shifts of narrow values first widen them with the right extension.
	switch {
	case v.Op == ir.OpShrS && (t == ir.I8 || t == ir.I16):
		s.emit(sext32[t], use(s.reg(a), tsize(t)), def(l.lo, 4))
	case v.Op == ir.OpShrU && (t == ir.I8 || t == ir.I16):
		s.emit(zext32[t], use(s.reg(a), tsize(t)), def(l.lo, 4))
	default:
		if b.Op != ir.OpConst {
			s.emit("movq", use(s.reg(b), 8), def(RCX, 8))
		}
		s.moveInto(a, l.lo, noReg)
	}
	mn := shiftOp[v.Op] + sfx(sz)
	if b.Op == ir.OpConst {
		s.emit(mn, imm(b.AuxInt&int64(sz*8-1)), mod(l.lo, sz))
		return
	}
	if t == ir.I8 || t == ir.I16 {
		if v.Op != ir.OpShl {
			s.emit("movq", use(s.reg(b), 8), def(RCX, 8))
		}
	}
	s.emit(mn, use(RCX, 1), mod(l.lo, sz))
}

func (s *fnState) unary(v *ir.Value, l valLoc) {
	t := v.Type
	a := v.Args[0]
	switch t {
	case ir.F32, ir.F64:
		if v.Op != ir.OpNeg {
			s.fail("%v on %v", v.Op, t)
			return
		}
		// Negation flips the sign bit: xorps with a sign mask (exact for 0 and NaN).
		mask := s.g.signMask(t, false)
		s.copyReg(l.lo, s.reg(a), classXMM)
		s.emit("xorps", ripMem(mask, 0), xmmMod(l.lo))
	case ir.F80:
		s.loadF80(a)
		s.emit("fchs")
		s.f80Store(s.slotOf(v))
	case ir.I128:
		lo, hi := s.pair128(a)
		s.copyReg(l.lo, lo, classGPR)
		s.copyReg(l.hi, hi, classGPR)
		if v.Op == ir.OpNot {
			s.emit("notq", mod(l.lo, 8))
			s.emit("notq", mod(l.hi, 8))
		} else {
			s.emit("negq", mod(l.lo, 8))
			s.emit("adcq", imm(0), mod(l.hi, 8))
			s.emit("negq", mod(l.hi, 8))
		}
	default:
		sz := alu(t)
		s.moveInto(a, l.lo, noReg)
		mn := "neg"
		if v.Op == ir.OpNot {
			mn = "not"
		}
		s.emit(mn+sfx(sz), mod(l.lo, sz))
	}
}

func (s *fnState) binary128(v *ir.Value, l valLoc) {
	a, b := v.Args[0], v.Args[1]
	switch v.Op {
	case ir.OpDivS, ir.OpDivU, ir.OpRemS, ir.OpRemU:
		// As gcc: libgcc's helpers (psABI §3.2.3: __int128 travels in a register pair).
		s.helperCall(i128DivFn[v.Op], []*ir.Value{a, b}, v)
		return
	}
	al, ah := s.pair128(a)
	bl, bh := s.pair128(b)
	switch v.Op {
	case ir.OpAdd, ir.OpSub:
		lo, hi := "addq", "adcq"
		if v.Op == ir.OpSub {
			lo, hi = "subq", "sbbq"
		}
		s.copyReg(l.lo, al, classGPR)
		s.copyReg(l.hi, ah, classGPR)
		s.emit(lo, use(bl, 8), mod(l.lo, 8))
		s.emit(hi, use(bh, 8), mod(l.hi, 8))
	case ir.OpAnd, ir.OpOr, ir.OpXor:
		mn := intBinOp[v.Op] + "q"
		s.copyReg(l.lo, al, classGPR)
		s.copyReg(l.hi, ah, classGPR)
		s.emit(mn, use(bl, 8), mod(l.lo, 8))
		s.emit(mn, use(bh, 8), mod(l.hi, 8))
	case ir.OpMul:
		// (ah:al)*(bh:bl) mod 2^128 = al*bl + ((al*bh + ah*bl) << 64).
		t1, t2 := s.gpr(), s.gpr()
		s.copyReg(t1, al, classGPR)
		s.emit("imulq", use(bh, 8), mod(t1, 8))
		s.copyReg(t2, ah, classGPR)
		s.emit("imulq", use(bl, 8), mod(t2, 8))
		s.emit("movq", use(al, 8), def(RAX, 8))
		m := s.emit("mulq", use(bl, 8))
		m.implUse, m.implDef = []reg{RAX}, []reg{RAX, RDX}
		s.emit("addq", use(t1, 8), mod(RDX, 8))
		s.emit("addq", use(t2, 8), mod(RDX, 8))
		s.emit("movq", use(RAX, 8), def(l.lo, 8))
		s.emit("movq", use(RDX, 8), def(l.hi, 8))
	}
}

// shift128: shld/shrd by %cl, then for counts >= 64 (bit 6 of %cl) the halves move
// over with cmov.
func (s *fnState) shift128(v *ir.Value, l valLoc) {
	a := v.Args[0]
	al, ah := s.pair128(a)
	cnt := v.Args[1]
	fill := s.gpr()
	if cnt.Op == ir.OpConst {
		s.loadConst(RCX, cnt.AuxInt&127, 8)
	} else {
		c, _ := s.pair128(cnt)
		s.emit("movq", use(c, 8), def(RCX, 8))
	}
	s.copyReg(l.lo, al, classGPR)
	s.copyReg(l.hi, ah, classGPR)
	switch v.Op {
	case ir.OpShl:
		s.zero(fill)
		s.emit("shldq", use(RCX, 1), use(l.lo, 8), mod(l.hi, 8))
		s.emit("shlq", use(RCX, 1), mod(l.lo, 8))
		s.emit("testb", imm(64), use(RCX, 1))
		s.emit("cmovneq", use(l.lo, 8), mod(l.hi, 8))
		s.emit("cmovneq", use(fill, 8), mod(l.lo, 8))
	case ir.OpShrU, ir.OpShrS:
		if v.Op == ir.OpShrU {
			s.zero(fill)
		} else {
			s.copyReg(fill, ah, classGPR)
			s.emit("sarq", imm(63), mod(fill, 8))
		}
		s.emit("shrdq", use(RCX, 1), use(l.hi, 8), mod(l.lo, 8))
		s.emit(map[ir.Op]string{ir.OpShrU: "shrq", ir.OpShrS: "sarq"}[v.Op], use(RCX, 1), mod(l.hi, 8))
		s.emit("testb", imm(64), use(RCX, 1))
		s.emit("cmovneq", use(l.hi, 8), mod(l.lo, 8))
		s.emit("cmovneq", use(fill, 8), mod(l.hi, 8))
	}
}

// --- conversions --------------------------------------------------------------------

func (s *fnState) intConv(v *ir.Value, l valLoc) {
	a := v.Args[0]
	from, to := a.Type, v.Type
	if v.Op == ir.OpBitcast {
		fc, tc := classOf(from), classOf(to)
		switch {
		case from == to || fc == tc && from != ir.F80 && from != ir.I128:
			s.moveInto(a, l.lo, l.hi)
		case from == ir.F80 || to == ir.F80 || from == ir.I128 || to == ir.I128:
			s.fail("bitcast %v to %v", from, to)
		case fc == classGPR:
			sz := tsize(to)
			s.emit(map[int]string{4: "movd", 8: "movq"}[sz], use(s.reg(a), sz), xmmDef(l.lo))
		default:
			sz := tsize(from)
			s.emit(map[int]string{4: "movd", 8: "movq"}[sz], xmmUse(s.reg(a)), def(l.lo, sz))
		}
		return
	}
	switch v.Op {
	case ir.OpTrunc:
		lo, _ := s.pair128(a)
		if a.Type != ir.I128 && a.Op == ir.OpConst {
			s.loadConst(l.lo, a.AuxInt, 8)
			return
		}
		s.copyReg(l.lo, lo, classGPR)
	case ir.OpSExt:
		r := s.reg(a)
		if from == ir.I64 || from == ir.Ptr {
			s.copyReg(l.lo, r, classGPR)
		} else if to == ir.I64 || to == ir.Ptr || to == ir.I128 {
			s.emit(sext64[from], use(r, tsize(from)), def(l.lo, 8))
		} else {
			s.emit(sext32[from], use(r, tsize(from)), def(l.lo, 4))
		}
		if to == ir.I128 {
			s.copyReg(l.hi, l.lo, classGPR)
			s.emit("sarq", imm(63), mod(l.hi, 8))
		}
	case ir.OpZExt:
		r := s.reg(a)
		switch from {
		case ir.I8, ir.I16:
			s.emit(zext32[from], use(r, tsize(from)), def(l.lo, 4))
		case ir.I32:
			s.emit("movl", use(r, 4), def(l.lo, 4)) // writing a 32-bit register clears the upper half
		default:
			s.copyReg(l.lo, r, classGPR)
		}
		if to == ir.I128 {
			s.zero(l.hi)
		}
	}
}

func classOf(t ir.Type) regClass {
	if t == ir.F32 || t == ir.F64 {
		return classXMM
	}
	return classGPR
}

// widen64 returns a 64-bit register holding integer v extended (signed or not).
func (s *fnState) widen64(v *ir.Value, signed bool) reg {
	r := s.reg(v)
	if v.Type == ir.I64 || v.Type == ir.Ptr {
		return r
	}
	w := s.gpr()
	switch {
	case signed:
		s.emit(sext64[v.Type], use(r, tsize(v.Type)), def(w, 8))
	case v.Type == ir.I32:
		s.emit("movl", use(r, 4), def(w, 4))
	default:
		s.emit(zext32[v.Type], use(r, tsize(v.Type)), def(w, 4))
	}
	return w
}

var (
	fixFn   = map[ir.Type][2]string{ir.F32: {"__fixsfti", "__fixunssfti"}, ir.F64: {"__fixdfti", "__fixunsdfti"}, ir.F80: {"__fixxfti", "__fixunsxfti"}}
	floatFn = map[ir.Type][2]string{ir.F32: {"__floattisf", "__floatuntisf"}, ir.F64: {"__floattidf", "__floatuntidf"}, ir.F80: {"__floattixf", "__floatuntixf"}}
)

func (s *fnState) floatConv(v *ir.Value, l valLoc) {
	a := v.Args[0]
	from, to := a.Type, v.Type
	if from == ir.F128 || to == ir.F128 {
		s.fail("binary128 (F128) is not supported on x86-64")
		return
	}
	scr := frameMem(s.scratchObj(), 0)
	unsigned := v.Op == ir.OpFToU || v.Op == ir.OpUToF
	idx := 0
	if unsigned {
		idx = 1
	}
	switch v.Op {
	case ir.OpFConv:
		switch {
		case from == to:
			if to == ir.F80 {
				s.loadF80(a)
				s.f80Store(s.slotOf(v))
			} else {
				s.copyReg(l.lo, s.reg(a), classXMM)
			}
		case from == ir.F80:
			s.loadF80(a)
			if to == ir.F32 {
				s.emit("fstps", scr)
				s.emit("movss", scr, xmmDef(l.lo))
			} else {
				s.emit("fstpl", scr)
				s.emit("movsd", scr, xmmDef(l.lo))
			}
		case to == ir.F80:
			if from == ir.F32 {
				s.emit("movss", xmmUse(s.reg(a)), scr)
				s.emit("flds", scr)
			} else {
				s.emit("movsd", xmmUse(s.reg(a)), scr)
				s.emit("fldl", scr)
			}
			s.f80Store(s.slotOf(v))
		case from == ir.F32:
			s.emit("cvtss2sd", xmmUse(s.reg(a)), xmmDef(l.lo))
		default:
			s.emit("cvtsd2ss", xmmUse(s.reg(a)), xmmDef(l.lo))
		}
	case ir.OpFToS, ir.OpFToU:
		if to == ir.I128 {
			s.helperCall(fixFn[from][idx], []*ir.Value{a}, v)
			return
		}
		if from == ir.F80 {
			s.x87ToInt(a, l.lo, unsigned && (to == ir.I64 || to == ir.Ptr))
			return
		}
		sx := sseSfx(from)
		if !unsigned && (to == ir.I8 || to == ir.I16 || to == ir.I32) {
			s.emit("cvtt"+sx+"2si", xmmUse(s.reg(a)), def(l.lo, 4))
			return
		}
		if !unsigned || to != ir.I64 && to != ir.Ptr {
			// Unsigned 32-bit results fit in the signed 64-bit conversion.
			s.emit("cvtt"+sx+"2siq", xmmUse(s.reg(a)), def(l.lo, 8))
			return
		}
		// Unsigned 64-bit: values >= 2^63 are converted after subtracting 2^63, and the
		// top bit is put back.
		c := s.g.constPow2(from, 63)
		tmp := s.xmm()
		s.raw("ucomi"+sx+" %3, %0\n\tjae 1f\n\tcvtt"+sx+"2siq %0, %1\n\tjmp 2f\n1:\tmovaps %0, %2\n\tsub"+sx+" %3, %2\n\tcvtt"+sx+"2siq %2, %1\n\tbtcq $63, %1\n2:",
			xmmUse(s.reg(a)), earlyDef(l.lo, 8), operand{kind: kReg, reg: tmp, size: 16, def: true, early: true}, ripMem(c, 0))
	case ir.OpSToF, ir.OpUToF:
		if from == ir.I128 {
			s.helperCall(floatFn[to][idx], []*ir.Value{a}, v)
			return
		}
		if to == ir.F80 {
			w := s.widen64(a, !unsigned)
			s.emit("movq", use(w, 8), scr)
			s.emit("fildll", scr)
			if unsigned && (from == ir.I64 || from == ir.Ptr) {
				// fild reads a signed integer: add 2^64 when the top bit was set.
				s.raw("testq %0, %0\n\tjns 1f\n\tfadds %1\n1:", use(w, 8), ripMem(s.g.constPow2(ir.F32, 64), 0))
			}
			s.f80Store(s.slotOf(v))
			return
		}
		sx := sseSfx(to)
		if !unsigned && from == ir.I32 {
			s.emit("cvtsi2"+sx+"l", use(s.reg(a), 4), xmmDef(l.lo))
			return
		}
		w := s.widen64(a, !unsigned)
		if !unsigned || from != ir.I64 && from != ir.Ptr {
			s.emit("cvtsi2"+sx+"q", use(w, 8), xmmDef(l.lo))
			return
		}
		// Unsigned 64-bit with the top bit set: halve (keeping the low bit for correct
		// rounding), convert, double.
		t1, t2 := s.gpr(), s.gpr()
		s.raw("testq %0, %0\n\tjs 1f\n\tcvtsi2"+sx+"q %0, %1\n\tjmp 2f\n1:\tmovq %0, %2\n\tshrq $1, %2\n\tmovq %0, %3\n\tandl $1, %k3\n\torq %3, %2\n\tcvtsi2"+sx+"q %2, %1\n\tadd"+sx+" %1, %1\n2:",
			use(w, 8), operand{kind: kReg, reg: l.lo, size: 16, def: true, early: true}, earlyDef(t1, 8), earlyDef(t2, 8))
	}
}

// x87ToInt converts the x87 value a to an integer in d, truncating: the control word's
// rounding field is set to "toward zero" around fistp (the SSE3 fisttp is not baseline).
func (s *fnState) x87ToInt(a *ir.Value, d reg, unsigned64 bool) {
	cw := frameMem(s.scratchObj(), 0)
	t := s.gpr()
	s.emit("fnstcw", cw)
	s.emit("movzwl", cw, def(t, 4))
	s.emit("orl", imm(0xc00), mod(t, 4))
	s.emit("movw", use(t, 2), cw.withDisp(2))
	s.loadF80(a)
	if unsigned64 {
		c := ripMem(s.g.constPow2(ir.F32, 63), 0)
		s.raw("flds %2\n\tfucomip %%st(1), %%st\n\tja 1f\n\tfsubs %2\n\tfldcw %3\n\tfistpll %4\n\tfldcw %1\n\tmovq %4, %0\n\tbtcq $63, %0\n\tjmp 2f\n1:\tfldcw %3\n\tfistpll %4\n\tfldcw %1\n\tmovq %4, %0\n2:",
			def(d, 8), cw, c, cw.withDisp(2), cw.withDisp(8))
		return
	}
	s.emit("fldcw", cw.withDisp(2))
	s.emit("fistpll", cw.withDisp(8))
	s.emit("fldcw", cw)
	s.emit("movq", cw.withDisp(8), def(d, 8))
}

func (s *fnState) floatUnary(v *ir.Value, l valLoc) {
	a := v.Args[0]
	switch v.Type {
	case ir.F80:
		s.loadF80(a)
		if v.Op == ir.OpFAbs {
			s.emit("fabs")
		} else {
			s.emit("fsqrt")
		}
		s.f80Store(s.slotOf(v))
	case ir.F32, ir.F64:
		if v.Op == ir.OpFAbs {
			s.copyReg(l.lo, s.reg(a), classXMM)
			s.emit("andps", ripMem(s.g.signMask(v.Type, true), 0), xmmMod(l.lo))
		} else {
			s.emit("sqrt"+sseSfx(v.Type), xmmUse(s.reg(a)), xmmDef(l.lo))
		}
	default:
		s.fail("%v on %v", v.Op, v.Type)
	}
}

// --- select and bit operations ---------------------------------------------------------

func (s *fnState) selectValue(v *ir.Value, l valLoc) {
	c, x, y := v.Args[0], v.Args[1], v.Args[2]
	if c.Type == ir.I128 || c.Type.IsFloat() {
		s.fail("select condition of type %v", c.Type)
		return
	}
	csz := tsize(c.Type)
	switch v.Type {
	case ir.F32, ir.F64:
		cr, xr, yr := s.reg(c), s.reg(x), s.reg(y)
		s.raw("test"+sfx(csz)+" %0, %0\n\tmovaps %2, %1\n\tje 1f\n\tmovaps %3, %1\n1:",
			use(cr, csz), operand{kind: kReg, reg: l.lo, size: 16, def: true, early: true}, xmmUse(yr), xmmUse(xr))
	case ir.F80:
		cr := s.reg(c)
		tmpX, tmpY := s.slotOrConst(x), s.slotOrConst(y)
		s.raw("test"+sfx(csz)+" %0, %0\n\tje 1f\n\tfldt %1\n\tjmp 2f\n1:\tfldt %2\n2:\tfstpt %3",
			use(cr, csz), tmpX, tmpY, s.slotOf(v))
	case ir.I128:
		xl, xh := s.pair128(x)
		s.moveInto(y, l.lo, l.hi)
		s.testValue(c)
		s.emit("cmovneq", use(xl, 8), mod(l.lo, 8))
		s.emit("cmovneq", use(xh, 8), mod(l.hi, 8))
	default:
		sz := alu(v.Type)
		xr := s.reg(x)
		s.moveInto(y, l.lo, noReg)
		s.testValue(c)
		s.emit("cmovne"+sfx(sz), use(xr, sz), mod(l.lo, sz))
	}
}

// slotOrConst is the memory holding F80 value v.
func (s *fnState) slotOrConst(v *ir.Value) operand {
	if v.Op == ir.OpConstFloat || v.Op == ir.OpUndef || v.Op == ir.OpConst {
		b := f80Bits(v)
		return ripMem(s.g.constBytes(b[:], 16), 0)
	}
	return s.slotOf(v)
}

func (s *fnState) bitOp(v *ir.Value, l valLoc) {
	a := v.Args[0]
	from := a.Type
	if from == ir.I128 {
		switch v.Op {
		case ir.OpBswap:
			lo, hi := s.pair128(a)
			s.copyReg(l.lo, hi, classGPR)
			s.copyReg(l.hi, lo, classGPR)
			s.emit("bswapq", mod(l.lo, 8))
			s.emit("bswapq", mod(l.hi, 8))
			return
		case ir.OpPopcount:
			lo, hi := s.pair128(a)
			t := s.gpr()
			s.popcount(lo, l.lo)
			s.popcount(hi, t)
			s.emit("addl", use(t, 4), mod(l.lo, 4))
			return
		}
		s.fail("%v on i128", v.Op)
		return
	}
	switch v.Op {
	case ir.OpBswap:
		switch from {
		case ir.I16:
			s.moveInto(a, l.lo, noReg)
			s.emit("rolw", imm(8), mod(l.lo, 2))
		case ir.I32:
			s.moveInto(a, l.lo, noReg)
			s.emit("bswapl", mod(l.lo, 4))
		case ir.I8:
			s.moveInto(a, l.lo, noReg)
		default:
			s.moveInto(a, l.lo, noReg)
			s.emit("bswapq", mod(l.lo, 8))
		}
	case ir.OpClz:
		// bsr gives the index of the highest set bit; clz = width-1 - index.
		w := s.widen64(a, false)
		bits := int64(8 * tsize(from))
		if bits < 32 {
			bits = 32
		}
		if bits == 64 {
			s.emit("bsrq", use(w, 8), def(l.lo, 8))
			s.emit("xorl", imm(63), mod(l.lo, 4))
		} else {
			s.emit("bsrl", use(w, 4), def(l.lo, 4))
			s.emit("xorl", imm(31), mod(l.lo, 4))
			if d := 32 - int64(8*tsize(from)); d > 0 {
				s.emit("subl", imm(d), mod(l.lo, 4))
			}
		}
	case ir.OpCtz:
		w := s.widen64(a, false)
		s.emit("bsfq", use(w, 8), def(l.lo, 8))
	case ir.OpPopcount:
		s.popcount(s.widen64(a, false), l.lo)
	}
}

// popcount counts the bits of 64-bit r into d with the SWAR sum (popcnt is not in the
// x86-64 baseline).
func (s *fnState) popcount(r, d reg) {
	x, t, m := s.gpr(), s.gpr(), s.gpr()
	s.copyReg(x, r, classGPR)
	s.copyReg(t, x, classGPR)
	s.emit("shrq", imm(1), mod(t, 8))
	s.loadConst(m, 0x5555555555555555, 8)
	s.emit("andq", use(m, 8), mod(t, 8))
	s.emit("subq", use(t, 8), mod(x, 8))
	s.copyReg(t, x, classGPR)
	s.emit("shrq", imm(2), mod(t, 8))
	s.loadConst(m, 0x3333333333333333, 8)
	s.emit("andq", use(m, 8), mod(t, 8))
	s.emit("andq", use(m, 8), mod(x, 8))
	s.emit("addq", use(t, 8), mod(x, 8))
	s.copyReg(t, x, classGPR)
	s.emit("shrq", imm(4), mod(t, 8))
	s.emit("addq", use(t, 8), mod(x, 8))
	s.loadConst(m, 0x0f0f0f0f0f0f0f0f, 8)
	s.emit("andq", use(m, 8), mod(x, 8))
	s.loadConst(m, 0x0101010101010101, 8)
	s.emit("imulq", use(m, 8), mod(x, 8))
	s.emit("shrq", imm(56), mod(x, 8))
	s.copyReg(d, x, classGPR)
}

// --- memory, atomics, TLS ---------------------------------------------------------------

// alloca: rsp moves down by the size rounded up to 16 (keeping the call alignment,
// §3.2.2); the outgoing argument area stays at the bottom, so the object starts above it.
func (s *fnState) alloca(v *ir.Value, d reg) {
	size := v.Args[0]
	align := max(v.AuxInt, 16)
	extra := align - 16
	if size.Op == ir.OpConst {
		n := (size.AuxInt + extra + 15) &^ 15
		s.emit("subq", imm(n), mod(RSP, 8))
	} else {
		t := s.gpr()
		s.copyReg(t, s.reg(size), classGPR)
		s.emit("addq", imm(15+extra), mod(t, 8))
		s.emit("andq", imm(-16), mod(t, 8))
		s.emit("subq", use(t, 8), mod(RSP, 8))
	}
	m := memAt(RSP, 0)
	m.outArea = true // displaced by the outgoing argument area's size at emission
	s.emit("leaq", m, def(d, 8))
	if extra > 0 {
		s.emit("addq", imm(align-1), mod(d, 8))
		s.emit("andq", imm(-align), mod(d, 8))
	}
}

func (s *fnState) atomicRMW(v *ir.Value, l valLoc) {
	t := v.Type
	if t == ir.I128 || t.IsFloat() {
		s.fail("atomic %v on %v", ir.Op(v.AuxInt), t)
		return
	}
	sz := tsize(t)
	m := s.addr(v.Args[0])
	val := v.Args[1]
	switch ir.Op(v.AuxInt) {
	case ir.OpAdd, ir.OpSub:
		s.moveInto(val, l.lo, noReg)
		if ir.Op(v.AuxInt) == ir.OpSub {
			s.emit("neg"+sfx(max(sz, 4)), mod(l.lo, max(sz, 4)))
		}
		s.emit("lock xadd"+sfx(sz), mod(l.lo, sz), m)
	case ir.OpCopyValue:
		s.moveInto(val, l.lo, noReg)
		s.emit("xchg"+sfx(sz), mod(l.lo, sz), m)
	case ir.OpAnd, ir.OpOr, ir.OpXor:
		// A compare-exchange loop: rax holds the old value, rcx the new one.
		mn := intBinOp[ir.Op(v.AuxInt)] + sfx(sz)
		x := sfx(sz)
		s.raw("mov"+x+" %0, %3\n1:\tmov"+x+" %3, %2\n\t"+mn+" %1, %2\n\tlock cmpxchg"+x+" %2, %0\n\tjne 1b",
			m, use(s.reg(val), sz), earlyDef(RCX, sz), earlyDef(RAX, sz))
		s.emit("movq", use(RAX, 8), def(l.lo, 8))
	default:
		s.fail("atomic op %v", ir.Op(v.AuxInt))
	}
}

func (s *fnState) atomicCAS(v *ir.Value, l valLoc) {
	sz := tsize(v.Type)
	if v.Type == ir.I128 || v.Type.IsFloat() {
		s.fail("compare-and-swap on %v", v.Type)
		return
	}
	m := s.addr(v.Args[0])
	nv := s.reg(v.Args[2])
	s.moveInto(v.Args[1], RAX, noReg)
	i := s.emit("lock cmpxchg"+sfx(sz), use(nv, sz), m)
	i.implUse, i.implDef = []reg{RAX}, []reg{RAX}
	s.emit("movq", use(RAX, 8), def(l.lo, 8))
}
