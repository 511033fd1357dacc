package amd64

import (
	"fmt"
	"math"

	"gocc/ir"
)

// Instruction selection: IR values to machine instructions over virtual registers.
//
// Representation of IR values (valLoc):
//   - I8..I64, Ptr: one GPR vreg; only the low Type-size bits are meaningful (every
//     widening is an explicit movz/movs);
//   - I128: a pair of GPR vregs (lo, hi);
//   - F32, F64: one XMM vreg;
//   - F80: a 16-byte frame object (x87 values are loaded with fldt for each operation);
//   - Const, ConstFloat (F32/F64), Addr, Slot, BlockAddr and Undef are rematerialized
//     at each use, and get no location of their own.
//
// Phis: each phi has a location; on each incoming edge a parallel copy (through fresh
// temporaries, so the order of copies does not matter) writes it. Edges from a block
// with several successors into a block with phis are split first (splitEdge), so the
// copies never execute on another path.

type valLoc struct {
	lo, hi reg // vregs, or noReg
	slot   int // F80 frame object + 1, or 0
}

type fnState struct {
	g      *gen
	f      *ir.Func
	edges  *ir.EdgeIndex // predecessor index of each CFG edge, for phi arguments
	blocks []*mblock     // in emission order
	mb     []*mblock     // IR block ID -> machine block
	cur    *mblock
	loc    []valLoc
	frame  []frameObj
	vclass []regClass

	slotObj    []int // IR slot index -> frame object
	self       callLayout
	maxOut     int64
	fused      []bool // comparison value emitted at its block's branch
	addrFold   []bool // Add(p, const) used only as load/store addresses: folded
	hidden     reg    // hidden return pointer (MEMORY class return)
	regSave    int    // register save area frame object, or -1
	applyArgs  int    // __builtin_apply_args block frame object + 1, or 0 (apply.go)
	scratch    int    // 16-byte frame object for conversions (scratchObj), or -1
	curLine    int32  // source line of the value being lowered (for .loc)
	params     []valLoc
	usedCallee []reg // callee-saved registers the allocator used (saved in the prologue)
	err        error
	// asmLabelStores: per asm goto label block, the output stores to run on entry
	// (asm.go); asmLowered marks blocks already lowered.
	asmLabelStores map[int][]func()
	asmLowered     map[int]bool
}

func (s *fnState) newVreg(c regClass) reg {
	r := firstVirtual + reg(len(s.vclass))
	s.vclass = append(s.vclass, c)
	return r
}

func (s *fnState) gpr() reg { return s.newVreg(classGPR) }
func (s *fnState) xmm() reg { return s.newVreg(classXMM) }

func (s *fnState) newFrame(size, align int64) int {
	s.frame = append(s.frame, frameObj{size: size, align: max(align, 1)})
	return len(s.frame) - 1
}

// scratchObj is a 16-byte frame object for conversions through memory, created on
// first use.
func (s *fnState) scratchObj() int {
	if s.scratch < 0 {
		s.scratch = s.newFrame(16, 16)
	}
	return s.scratch
}

func (s *fnState) emit(op string, args ...operand) *inst {
	i := &inst{op: op, args: args, line: s.curLine}
	s.cur.insts = append(s.cur.insts, i)
	return i
}

// raw emits a multi-instruction template; %N names args[N].
func (s *fnState) raw(tmpl string, args ...operand) *inst {
	i := s.emit("raw", args...)
	i.tmpl = tmpl
	return i
}

func (s *fnState) fail(format string, a ...any) {
	if s.err == nil {
		s.err = fmt.Errorf("amd64: %s: %s", s.f.Name, fmt.Sprintf(format, a...))
	}
}

func sfx(size int) string {
	switch size {
	case 1:
		return "b"
	case 2:
		return "w"
	case 4:
		return "l"
	}
	return "q"
}

// tsize is the width of an integer-class value of type t.
func tsize(t ir.Type) int {
	switch t {
	case ir.I8:
		return 1
	case ir.I16:
		return 2
	case ir.I32, ir.F32:
		return 4
	}
	return 8
}

// alu is the width arithmetic on t is done in: 8- and 16-bit values use 32-bit
// instructions (the low bits are the same).
func alu(t ir.Type) int { return max(4, tsize(t)) }

func isRemat(v *ir.Value) bool {
	switch v.Op {
	case ir.OpConst:
		return v.Type != ir.I128
	case ir.OpConstFloat:
		return v.Type == ir.F32 || v.Type == ir.F64
	case ir.OpAddr, ir.OpSlot, ir.OpBlockAddr, ir.OpUndef:
		return v.Type != ir.F80 && v.Type != ir.I128
	}
	return false
}

func fitsInt32(x int64) bool { return x == int64(int32(x)) }

// immFor returns the immediate for constant c used at width size.
func immFor(c int64, size int) int64 {
	if size <= 4 {
		return int64(int32(c))
	}
	return c
}

// --- value access -------------------------------------------------------------

// reg returns a GPR or XMM vreg holding v (its lo part for I128).
func (s *fnState) reg(v *ir.Value) reg {
	if isRemat(v) {
		return s.remat(v)
	}
	l := s.loc[v.ID]
	if l.lo == noReg {
		s.fail("value %v (%v) has no register", v, v.Op)
		return s.gpr()
	}
	return l.lo
}

func (s *fnState) pair(v *ir.Value) (lo, hi reg) {
	if v.Type != ir.I128 {
		return s.reg(v), noReg
	}
	l := s.loc[v.ID]
	return l.lo, l.hi
}

func (s *fnState) slotOf(v *ir.Value) operand {
	l := s.loc[v.ID]
	if l.slot == 0 {
		s.fail("f80 value %v has no slot", v)
		return frameMem(s.scratchObj(), 0)
	}
	return frameMem(l.slot-1, 0)
}

// src is v as a source operand of width size: an immediate when it is a constant
// that fits in 32 bits (sign-extended for 64-bit operations).
func (s *fnState) src(v *ir.Value, size int) operand {
	if v.Op == ir.OpConst && v.Type != ir.I128 {
		c := immFor(v.AuxInt, size)
		if size <= 4 || fitsInt32(c) {
			return imm(c)
		}
	}
	return use(s.reg(v), size)
}

func (s *fnState) loadConst(r reg, c int64, size int) {
	switch {
	case c == 0:
		s.zero(r)
	case size <= 4 || (c >= 0 && c <= math.MaxUint32):
		s.emit("movl", imm(int64(uint32(c))), def(r, 4))
	case fitsInt32(c):
		s.emit("movq", imm(c), def(r, 8))
	default:
		s.emit("movabsq", imm(c), def(r, 8))
	}
}

// zero sets r to 0 with xorl r, r (the read of r is only nominal: not a use).
func (s *fnState) zero(r reg) {
	s.emit("xorl", operand{kind: kReg, reg: r, size: 4}, def(r, 4))
}

// remat materializes a constant-like value into a fresh vreg.
func (s *fnState) remat(v *ir.Value) reg {
	switch v.Op {
	case ir.OpConst:
		r := s.gpr()
		s.loadConst(r, v.AuxInt, tsize(v.Type))
		return r
	case ir.OpUndef:
		if v.Type == ir.F32 || v.Type == ir.F64 {
			r := s.xmm()
			s.emit("xorps", operand{kind: kReg, reg: r, size: 16}, def(r, 16))
			return r
		}
		r := s.gpr()
		s.loadConst(r, 0, 4)
		return r
	case ir.OpConstFloat:
		r := s.xmm()
		if v.AuxFloat == 0 && !math.Signbit(v.AuxFloat) {
			s.emit("xorps", operand{kind: kReg, reg: r, size: 16}, def(r, 16))
			return r
		}
		if v.Type == ir.F32 {
			s.emit("movss", ripMem(s.g.constF32(float32(v.AuxFloat)), 0), def(r, 16))
		} else {
			s.emit("movsd", ripMem(s.g.constF64(v.AuxFloat), 0), def(r, 16))
		}
		return r
	case ir.OpSlot:
		r := s.gpr()
		s.emit("leaq", frameMem(s.slotObj[v.AuxInt], 0), def(r, 8))
		return r
	case ir.OpBlockAddr:
		r := s.gpr()
		s.emit("leaq", ripMem(s.g.blockLabel(s.f, int(v.AuxInt)), 0), def(r, 8))
		return r
	case ir.OpAddr:
		return s.symAddr(v.Sym, v.AuxInt)
	}
	s.fail("cannot rematerialize %v", v.Op)
	return s.gpr()
}

// symAddr computes the address of sym+off: rip-relative for symbols this module
// defines (and may not be preempted), through the GOT otherwise (psABI §3.5.5).
func (s *fnState) symAddr(sym string, off int64) reg {
	r := s.gpr()
	if s.g.isLocal(sym) && fitsInt32(off) {
		s.emit("leaq", ripMem(sym, off), def(r, 8))
		return r
	}
	s.emit("movq", ripMem(sym+"@GOTPCREL", 0), def(r, 8))
	if off != 0 {
		s.addConst(r, off)
	}
	return r
}

func (s *fnState) addConst(r reg, off int64) {
	if fitsInt32(off) {
		s.emit("addq", imm(off), mod(r, 8))
		return
	}
	t := s.gpr()
	s.loadConst(t, off, 8)
	s.emit("addq", use(t, 8), mod(r, 8))
}

// addr returns a memory operand for the address v, folding Slot, local Addr and
// Add(p, const) into the addressing mode.
func (s *fnState) addr(v *ir.Value) operand {
	return s.addrDisp(v, 0)
}

func (s *fnState) addrDisp(v *ir.Value, d int64) operand {
	switch v.Op {
	case ir.OpSlot:
		return frameMem(s.slotObj[v.AuxInt], d)
	case ir.OpAddr:
		if s.g.isLocal(v.Sym) && fitsInt32(v.AuxInt+d) {
			return ripMem(v.Sym, v.AuxInt+d)
		}
	case ir.OpAdd:
		if s.addrFold[v.ID] && fitsInt32(v.Args[1].AuxInt+d) {
			return s.addrDisp(v.Args[0], v.Args[1].AuxInt+d)
		}
		if s.addrFold[v.ID] {
			r := s.gpr()
			s.emit("movq", use(s.reg(v.Args[0]), 8), def(r, 8))
			s.addConst(r, v.Args[1].AuxInt)
			return memAt(r, d)
		}
	}
	return memAt(s.reg(v), d)
}

// copyReg copies register src to dst of class c.
func (s *fnState) copyReg(dst, src reg, c regClass) {
	if c == classXMM {
		s.emit("movaps", operand{kind: kReg, reg: src, size: 16, use: true}, def(dst, 16))
	} else {
		s.emit("movq", use(src, 8), def(dst, 8))
	}
}

// moveInto copies v into dst (lo part) and dstHi.
func (s *fnState) moveInto(v *ir.Value, dst, dstHi reg) {
	switch {
	case v.Type == ir.I128:
		if v.Op == ir.OpConst || v.Op == ir.OpUndef {
			s.loadConst(dst, v.AuxInt, 8)
			s.loadConst(dstHi, v.AuxInt>>63, 8)
			return
		}
		lo, hi := s.pair(v)
		s.copyReg(dst, lo, classGPR)
		s.copyReg(dstHi, hi, classGPR)
	case v.Type == ir.F32 || v.Type == ir.F64:
		s.copyReg(dst, s.reg(v), classXMM)
	case v.Op == ir.OpConst:
		s.loadConst(dst, v.AuxInt, tsize(v.Type))
	default:
		s.copyReg(dst, s.reg(v), classGPR)
	}
}

// f80Copy copies the 16-byte x87 value at src to dst.
func (s *fnState) f80Load(src operand)  { s.emit("fldt", src) }
func (s *fnState) f80Store(dst operand) { s.emit("fstpt", dst) }

// loadF80 pushes v on the x87 stack.
func (s *fnState) loadF80(v *ir.Value) {
	if v.Op == ir.OpConstFloat || v.Op == ir.OpUndef {
		bits := f80Bits(v)
		s.emit("fldt", ripMem(s.g.constBytes(bits[:], 16), 0))
		return
	}
	s.f80Load(s.slotOf(v))
}

// f80Bits is the 16-byte image of an F80 constant.
func f80Bits(v *ir.Value) [16]byte {
	var b [16]byte
	var lo, hi uint64
	if v.Exact {
		lo, hi = v.AuxBits[0], v.AuxBits[1]
	} else if v.Op == ir.OpConstFloat {
		lo, hi = float64ToX87(v.AuxFloat)
	}
	for i := 0; i < 8; i++ {
		b[i] = byte(lo >> (8 * i))
		b[8+i] = byte(hi >> (8 * i))
	}
	return b
}

// float64ToX87 converts f exactly to the x87 extended format: 64-bit significand
// with an explicit integer bit, 15-bit exponent biased by 16383.
func float64ToX87(f float64) (mant, signExp uint64) {
	bits := math.Float64bits(f)
	sign := bits >> 63
	exp := int64(bits>>52) & 0x7ff
	frac := bits & (1<<52 - 1)
	switch {
	case exp == 0 && frac == 0:
		return 0, sign << 15
	case exp == 0x7ff:
		m := uint64(1)<<63 | frac<<11
		return m, sign<<15 | 0x7fff
	case exp == 0: // subnormal: normalize
		e := int64(-1022)
		for frac&(1<<52) == 0 {
			frac <<= 1
			e--
		}
		return frac << 11, sign<<15 | uint64(e+16383)
	}
	return (1<<63 | frac<<11), sign<<15 | uint64(exp-1023+16383)
}

// --- functions ------------------------------------------------------------------

func (g *gen) selectFunc(f *ir.Func) (*fnState, error) {
	s := &fnState{g: g, f: f, regSave: -1, hidden: noReg, edges: ir.NewEdgeIndex(f)}
	n := f.NumValueIDs()
	s.loc = make([]valLoc, n)
	s.fused = make([]bool, n)
	s.addrFold = make([]bool, n)
	s.scratch = -1
	for _, sl := range f.Slots {
		s.slotObj = append(s.slotObj, s.newFrame(sl.Size, sl.Align))
	}
	for _, b := range f.Blocks {
		mb := &mblock{id: len(s.blocks), label: ir.BlockLabel(f, b.ID)}
		for len(s.mb) <= b.ID {
			s.mb = append(s.mb, nil)
		}
		s.mb[b.ID] = mb
		s.blocks = append(s.blocks, mb)
	}
	s.analyze()
	s.self = layoutCall(f.Params, f.Ret, f.RetAgg)
	s.assignLocations()

	// Emission order: the IR's block order, each block followed by its edge blocks.
	var order []*mblock
	for bi, b := range f.Blocks {
		s.cur = s.mb[b.ID]
		before := len(s.blocks)
		if bi == 0 {
			s.lowerParams()
		}
		s.asmLabelEntry(b)
		for _, v := range b.Values {
			s.lowerValue(v)
			if s.err != nil {
				return nil, s.err
			}
		}
		s.lowerBlockEnd(b)
		order = append(order, s.mb[b.ID])
		order = append(order, s.blocks[before:]...)
	}
	s.blocks = order
	for i, b := range s.blocks {
		b.id = i
	}
	return s, s.err
}

// analyze decides which comparisons are fused into branches and which address
// additions fold into addressing modes.
func (s *fnState) analyze() {
	addrUses := make([]int32, len(s.loc))
	for _, b := range s.f.Blocks {
		for _, v := range b.Values {
			if (v.Op == ir.OpLoad || v.Op == ir.OpStore) && len(v.Args) > 0 {
				addrUses[v.Args[0].ID]++
				if v.Op == ir.OpStore && v.Args[1] == v.Args[0] {
					addrUses[v.Args[0].ID]--
				}
			}
		}
		c := b.Control
		if b.Kind == ir.BlockIf && c != nil && c.Block == b && c.Op.IsComparison() && c.Uses == 1 &&
			c.Args[0].Type != ir.I128 && c.Args[0].Type != ir.F80 {
			// Fuse only if no flags-clobbering code runs between the compare and the
			// branch: the compare is emitted at the branch itself, so its operands
			// must simply be live there, which they are.
			s.fused[c.ID] = true
		}
	}
	for _, b := range s.f.Blocks {
		for _, v := range b.Values {
			if v.Op == ir.OpAdd && v.Type == ir.Ptr && v.Args[1].Op == ir.OpConst && fitsInt32(v.Args[1].AuxInt) &&
				v.Uses > 0 && addrUses[v.ID] == v.Uses {
				s.addrFold[v.ID] = true
			}
		}
	}
}

func (s *fnState) locFor(t ir.Type) valLoc {
	l := valLoc{lo: noReg, hi: noReg}
	switch t {
	case ir.Void:
	case ir.I128:
		l.lo, l.hi = s.gpr(), s.gpr()
	case ir.F32, ir.F64:
		l.lo = s.xmm()
	case ir.F80:
		l.slot = s.newFrame(16, 16) + 1
	case ir.F128:
		s.fail("binary128 (F128) is not supported on x86-64")
	default:
		l.lo = s.gpr()
	}
	return l
}

func (s *fnState) assignLocations() {
	s.params = make([]valLoc, len(s.f.Params))
	for i, p := range s.f.Params {
		if p.Agg != nil {
			s.params[i] = s.locFor(ir.Ptr)
		} else {
			s.params[i] = s.locFor(p.Type)
		}
	}
	for _, b := range s.f.Blocks {
		for _, v := range b.Values {
			switch {
			case v.Op == ir.OpParam:
				if int(v.AuxInt) < len(s.params) {
					s.loc[v.ID] = s.params[v.AuxInt]
				} else {
					s.fail("parameter %d out of range", v.AuxInt)
				}
			case isRemat(v) || s.addrFold[v.ID] || s.fused[v.ID]:
				s.loc[v.ID] = valLoc{lo: noReg, hi: noReg}
			default:
				s.loc[v.ID] = s.locFor(v.Type)
			}
		}
	}
}

// lowerParams moves the incoming arguments to their vregs (§3.2.3).
func (s *fnState) lowerParams() {
	cl := s.self
	s.receiveChain() // %r10 is a scratch register: read it before anything else
	if cl.retMemory {
		s.hidden = s.gpr()
		s.emit("movq", use(RDI, 8), def(s.hidden, 8))
	}
	if s.f.UsesVaStart {
		s.regSave = s.newFrame(176, 16)
	}
	s.saveApplyArgs()
	usedParam := make([]bool, len(s.f.Params))
	for _, b := range s.f.Blocks {
		for _, v := range b.Values {
			if v.Op == ir.OpParam && v.Uses > 0 && int(v.AuxInt) < len(usedParam) {
				usedParam[v.AuxInt] = true
			}
		}
	}
	for i, p := range s.f.Params {
		loc := cl.args[i]
		pl := s.params[i]
		if !usedParam[i] && p.Type != ir.F80 {
			continue
		}
		if p.Agg != nil {
			if loc.memory {
				s.emit("leaq", s.incoming(loc.stackOff, 0), def(pl.lo, 8))
				continue
			}
			obj := s.newFrame((loc.size+7)&^7, max(loc.align, 8))
			for _, e := range loc.parts {
				if e.cls == clsSSE {
					s.emit("movsd", operand{kind: kReg, reg: e.reg, size: 16, use: true}, frameMem(obj, e.off))
				} else {
					s.emit("movq", use(e.reg, 8), frameMem(obj, e.off))
				}
			}
			s.emit("leaq", frameMem(obj, 0), def(pl.lo, 8))
			continue
		}
		switch {
		case p.Type == ir.F80:
			o := s.incomingObj(loc.stackOff)
			pl.slot = o + 1
			s.params[i] = pl
			// Param values referencing this parameter were assigned before; fix them.
			for _, b := range s.f.Blocks {
				for _, v := range b.Values {
					if v.Op == ir.OpParam && v.AuxInt == int64(i) {
						s.loc[v.ID] = pl
					}
				}
			}
		case loc.memory && p.Type == ir.I128:
			s.emit("movq", s.incoming(loc.stackOff, 0), def(pl.lo, 8))
			s.emit("movq", s.incoming(loc.stackOff, 8), def(pl.hi, 8))
		case loc.memory:
			s.load(p.Type, s.incoming(loc.stackOff, 0), pl.lo)
		case p.Type == ir.I128:
			s.emit("movq", use(loc.parts[0].reg, 8), def(pl.lo, 8))
			s.emit("movq", use(loc.parts[1].reg, 8), def(pl.hi, 8))
		case loc.parts[0].cls == clsSSE:
			s.copyReg(pl.lo, loc.parts[0].reg, classXMM)
		default:
			s.copyReg(pl.lo, loc.parts[0].reg, classGPR)
		}
	}
}

// incoming is the memory operand of an incoming stack argument: 16(%rbp) is the
// first (return address and saved rbp below it, §3.2.2).
func (s *fnState) incoming(off, d int64) operand {
	return memAt(RBP, 16+off+d)
}

func (s *fnState) incomingObj(off int64) int {
	s.frame = append(s.frame, frameObj{size: 16, align: 16, offset: 16 + off, fixed: true})
	return len(s.frame) - 1
}

// load loads a scalar of type t from m into r.
func (s *fnState) load(t ir.Type, m operand, r reg) {
	switch t {
	case ir.I8:
		s.emit("movzbl", m, def(r, 4))
	case ir.I16:
		s.emit("movzwl", m, def(r, 4))
	case ir.I32:
		s.emit("movl", m, def(r, 4))
	case ir.F32:
		s.emit("movss", m, def(r, 16))
	case ir.F64:
		s.emit("movsd", m, def(r, 16))
	default:
		s.emit("movq", m, def(r, 8))
	}
}

// store stores v (of scalar type t, not F80/I128) to m.
func (s *fnState) store(v *ir.Value, m operand) {
	t := v.Type
	switch t {
	case ir.F32:
		s.emit("movss", operand{kind: kReg, reg: s.reg(v), size: 16, use: true}, m)
	case ir.F64:
		s.emit("movsd", operand{kind: kReg, reg: s.reg(v), size: 16, use: true}, m)
	default:
		sz := tsize(t)
		s.emit("mov"+sfx(sz), s.src(v, sz), m)
	}
}

// --- blocks and branches ----------------------------------------------------------

// edgePhis returns the phis of b.Succs[i] with their arguments for that edge.
func (s *fnState) edgePhis(b *ir.Block, i int) []phiMove {
	c := b.Succs[i]
	pi := s.edges.PredIndex(b, i)
	var moves []phiMove
	for _, v := range c.Values {
		if v.Op == ir.OpPhi {
			moves = append(moves, phiMove{phi: v, arg: v.Args[pi]})
		}
	}
	return moves
}

// phiMove is one phi assignment of a parallel copy.
type phiMove struct{ phi, arg *ir.Value }

// edge returns the machine block control should jump to for edge b -> b.Succs[i],
// emitting the phi copies for that edge (in b itself when b has one successor, in a
// new edge block otherwise).
func (s *fnState) edge(b *ir.Block, i int) *mblock {
	c := b.Succs[i]
	moves := s.edgePhis(b, i)
	if len(moves) == 0 {
		return s.mb[c.ID]
	}
	if len(b.Succs) == 1 {
		s.phiCopies(moves)
		return s.mb[c.ID]
	}
	saved := s.cur
	nb := &mblock{label: fmt.Sprintf(".L%d_e%d", s.g.fnIndex, len(s.blocks))}
	s.blocks = append(s.blocks, nb)
	s.cur = nb
	s.phiCopies(moves)
	s.jmp(s.mb[c.ID])
	s.cur = saved
	return nb
}

// phiCopies performs the parallel copy phi_k := arg_k for all moves at once: every
// source is first copied to a fresh temporary, then the temporaries to the phis, so
// no copy can overwrite another's source.
func (s *fnState) phiCopies(moves []phiMove) {
	type tmp struct {
		lo, hi reg
		slot   int
	}
	tmps := make([]tmp, len(moves))
	direct := len(moves) == 1
	for k, mv := range moves {
		phi, a := mv.phi, mv.arg
		dl := s.loc[phi.ID]
		if a == phi {
			tmps[k].lo = -2 // no copy
			continue
		}
		switch phi.Type {
		case ir.F80:
			t := dl.slot - 1
			if !direct {
				t = s.newFrame(16, 16)
			}
			s.loadF80(a)
			s.f80Store(frameMem(t, 0))
			tmps[k].slot = t + 1
		case ir.I128:
			lo, hi := dl.lo, dl.hi
			if !direct {
				lo, hi = s.gpr(), s.gpr()
			}
			s.moveInto(a, lo, hi)
			tmps[k] = tmp{lo: lo, hi: hi}
		default:
			r := dl.lo
			if !direct {
				r = s.newVreg(s.vclass[dl.lo-firstVirtual])
			}
			s.moveInto(a, r, noReg)
			tmps[k] = tmp{lo: r}
		}
	}
	if direct {
		return
	}
	for k, mv := range moves {
		phi := mv.phi
		t := tmps[k]
		dl := s.loc[phi.ID]
		switch {
		case t.lo == -2:
		case phi.Type == ir.F80:
			s.f80Load(frameMem(t.slot-1, 0))
			s.f80Store(frameMem(dl.slot-1, 0))
		case phi.Type == ir.I128:
			s.copyReg(dl.lo, t.lo, classGPR)
			s.copyReg(dl.hi, t.hi, classGPR)
		default:
			s.copyReg(dl.lo, t.lo, s.vclass[dl.lo-firstVirtual])
		}
	}
}

func (s *fnState) jmp(t *mblock) {
	i := s.emit("jmp")
	i.target = t
	s.cur.succs = append(s.cur.succs, t)
}

func (s *fnState) jcc(cc string, t *mblock) {
	i := s.emit("jcc")
	i.tmpl = cc
	i.target = t
	s.cur.succs = append(s.cur.succs, t)
}

func (s *fnState) lowerBlockEnd(b *ir.Block) {
	switch b.Kind {
	case ir.BlockPlain:
		s.jmp(s.edge(b, 0))
	case ir.BlockIf:
		c := b.Control
		t, f := s.edge(b, 0), s.edge(b, 1)
		if s.fused[c.ID] {
			cc, fk := s.compare(c)
			switch fk {
			case fcmpEq: // ZF=1 and PF=0
				s.jcc("ne", f)
				s.jcc("p", f)
				s.jmp(t)
			case fcmpNe:
				s.jcc("ne", t)
				s.jcc("p", t)
				s.jmp(f)
			default:
				s.jcc(cc, t)
				s.jmp(f)
			}
			return
		}
		s.testValue(c)
		s.jcc("ne", t)
		s.jmp(f)
	case ir.BlockRet:
		s.lowerRet(b)
	case ir.BlockUnreachable:
		s.emit("ud2term")
	case ir.BlockSwitch:
		s.lowerSwitch(b)
	case ir.BlockAsmGoto:
		// The asm (the block's last instruction but the output stores) may jump to the
		// label blocks, which have no phis (irgen gives each label edge its own block).
		for _, c := range b.Succs[1:] {
			s.cur.succs = append(s.cur.succs, s.mb[c.ID])
		}
		s.jmp(s.edge(b, 0))
	case ir.BlockIndirectJump:
		// The jump goes to the targets' own labels (the addresses were taken with
		// BlockAddr), so its edges cannot be split: the phi copies of every target run
		// here, as one parallel copy. That is safe because a phi's register is not live
		// on a path into another target that bypasses the phi's block (SSA dominance).
		var targets []*mblock
		var moves []phiMove
		seen := map[*ir.Block]bool{}
		for i, c := range b.Succs {
			targets = append(targets, s.mb[c.ID])
			if !seen[c] {
				seen[c] = true
				moves = append(moves, s.edgePhis(b, i)...)
			}
		}
		s.phiCopies(moves)
		i := s.emit("jmpind", use(s.reg(b.Control), 8))
		i.targets = targets
		s.cur.succs = append(s.cur.succs, targets...)
	}
}

// testValue sets ZF from whether v is zero.
func (s *fnState) testValue(v *ir.Value) {
	switch v.Type {
	case ir.I128:
		lo, hi := s.pair(v)
		t := s.gpr()
		s.emit("movq", use(lo, 8), def(t, 8))
		s.emit("orq", use(hi, 8), mod(t, 8))
	case ir.F32, ir.F64, ir.F80:
		s.fail("floating value as branch condition")
	default:
		sz := tsize(v.Type)
		r := s.reg(v)
		s.emit("test"+sfx(sz), use(r, sz), use(r, sz))
	}
}

func (s *fnState) lowerSwitch(b *ir.Block) {
	v := b.Control
	sz := tsize(v.Type)
	if v.Type == ir.I128 {
		s.fail("switch on __int128")
		return
	}
	r := s.reg(v)
	targets := make([]*mblock, len(b.Succs))
	for i := range b.Succs {
		targets[i] = s.edge(b, i)
	}
	dflt := targets[len(b.Cases)]
	n := len(b.Cases)
	if n >= 4 {
		lo, hi := b.Cases[0], b.Cases[0]
		for _, c := range b.Cases {
			lo, hi = min(lo, c), max(hi, c)
		}
		if span := uint64(hi - lo); span < uint64(3*n) && span < 1<<16 && fitsInt32(lo) {
			// Dense: a jump table of 32-bit offsets from the table (position independent).
			idx := s.gpr()
			if sz < 8 {
				s.emit("movs"+map[int]string{1: "bq", 2: "wq", 4: "lq"}[sz], use(r, sz), def(idx, 8))
			} else {
				s.emit("movq", use(r, 8), def(idx, 8))
			}
			if lo != 0 {
				s.emit("subq", imm(lo), mod(idx, 8))
			}
			s.emit("cmpq", imm(int64(span)), use(idx, 8))
			s.jcc("a", dflt)
			entries := make([]*mblock, span+1)
			for i := range entries {
				entries[i] = dflt
			}
			for i := n - 1; i >= 0; i-- {
				entries[b.Cases[i]-lo] = targets[i]
			}
			tbl := s.gpr()
			lbl := fmt.Sprintf(".LJT%d_%d", s.g.fnIndex, b.ID)
			s.emit("leaq", ripMem(lbl, 0), def(tbl, 8))
			m := operand{kind: kMem, reg: tbl, index: idx, scale: 4}
			s.emit("movslq", m, def(idx, 8))
			s.emit("addq", use(tbl, 8), mod(idx, 8))
			i := s.emit("jmpind", use(idx, 8))
			i.targets = entries
			i.tmpl = lbl // the table is emitted with the jump
			s.cur.succs = append(s.cur.succs, targets...)
			return
		}
	}
	for i, c := range b.Cases {
		c = immFor(c, sz)
		if sz == 8 && !fitsInt32(c) {
			t := s.gpr()
			s.loadConst(t, c, 8)
			s.emit("cmpq", use(t, 8), use(r, 8))
		} else {
			s.emit("cmp"+sfx(sz), imm(c), use(r, sz))
		}
		s.jcc("e", targets[i])
	}
	s.jmp(dflt)
}

// --- comparisons --------------------------------------------------------------

const (
	fcmpNone = iota
	fcmpEq   // equal: ZF=1 and PF=0
	fcmpNe   // not equal or unordered: ZF=0 or PF=1
)

var (
	intCond = map[ir.Op]string{ir.OpEq: "e", ir.OpNe: "ne", ir.OpLtS: "l", ir.OpLeS: "le", ir.OpGtS: "g",
		ir.OpGeS: "ge", ir.OpLtU: "b", ir.OpLeU: "be", ir.OpGtU: "a", ir.OpGeU: "ae"}
	swapCond = map[string]string{"e": "e", "ne": "ne", "l": "g", "g": "l", "le": "ge", "ge": "le",
		"b": "a", "a": "b", "be": "ae", "ae": "be"}
)

// compare emits the flag-setting instruction(s) for comparison c and returns the
// condition code that is true when c holds, or a floating equality kind.
func (s *fnState) compare(c *ir.Value) (string, int) {
	a, b := c.Args[0], c.Args[1]
	switch a.Type {
	case ir.F32, ir.F64, ir.F80:
		// ucomis/fucomip set ZF,PF,CF = 1,1,1 when unordered, so "above" and "above or
		// equal" are false on NaN; less-than compares the swapped operands.
		op := c.Op
		if op == ir.OpLtS || op == ir.OpLtU || op == ir.OpLeS || op == ir.OpLeU {
			a, b = b, a
		}
		if a.Type == ir.F80 {
			s.loadF80(b)
			s.loadF80(a)
			s.emit("fucomip", text("%st(1)"), text("%st"))
			s.emit("fstp", text("%st(0)"))
		} else {
			mn := "ucomisd"
			if a.Type == ir.F32 {
				mn = "ucomiss"
			}
			s.emit(mn, operand{kind: kReg, reg: s.reg(b), size: 16, use: true}, operand{kind: kReg, reg: s.reg(a), size: 16, use: true})
		}
		switch op {
		case ir.OpEq:
			return "e", fcmpEq
		case ir.OpNe:
			return "ne", fcmpNe
		case ir.OpGtS, ir.OpGtU, ir.OpLtS, ir.OpLtU:
			return "a", fcmpNone
		}
		return "ae", fcmpNone
	case ir.I128:
		return s.compare128(c), fcmpNone
	}
	cc := intCond[c.Op]
	sz := tsize(a.Type)
	if a.Op == ir.OpConst && b.Op != ir.OpConst {
		a, b = b, a
		cc = swapCond[cc]
	}
	s.emit("cmp"+sfx(sz), s.src(b, sz), use(s.reg(a), sz))
	return cc, fcmpNone
}

// compare128 compares register pairs: equality by xor/or, order by cmp/sbb, which
// leaves the flags of the 128-bit subtraction a - b (SF, OF, CF; not ZF).
func (s *fnState) compare128(c *ir.Value) string {
	a, b := c.Args[0], c.Args[1]
	al, ah := s.pair128(a)
	bl, bh := s.pair128(b)
	switch c.Op {
	case ir.OpEq, ir.OpNe:
		t, u := s.gpr(), s.gpr()
		s.emit("movq", use(al, 8), def(t, 8))
		s.emit("xorq", use(bl, 8), mod(t, 8))
		s.emit("movq", use(ah, 8), def(u, 8))
		s.emit("xorq", use(bh, 8), mod(u, 8))
		s.emit("orq", use(u, 8), mod(t, 8))
		return intCond[c.Op]
	}
	cc := intCond[c.Op]
	switch cc {
	case "g", "le", "a", "be": // a > b  ==  b < a
		al, ah, bl, bh = bl, bh, al, ah
		cc = swapCond[cc]
	}
	t := s.gpr()
	s.emit("cmpq", use(bl, 8), use(al, 8))
	s.emit("movq", use(ah, 8), def(t, 8))
	s.emit("sbbq", use(bh, 8), mod(t, 8))
	return cc
}

// pair128 returns v's register pair, materializing constants.
func (s *fnState) pair128(v *ir.Value) (reg, reg) {
	if v.Op == ir.OpConst || v.Op == ir.OpUndef {
		lo, hi := s.gpr(), s.gpr()
		s.loadConst(lo, v.AuxInt, 8)
		s.loadConst(hi, v.AuxInt>>63, 8)
		return lo, hi
	}
	return s.pair(v)
}

// setcc materializes the comparison c as 0/1 in d.
func (s *fnState) setcc(c *ir.Value, d reg) {
	cc, fk := s.compare(c)
	switch fk {
	case fcmpEq:
		t := s.gpr()
		s.emit("sete", def(d, 1))
		s.emit("setnp", def(t, 1))
		s.emit("andb", use(t, 1), mod(d, 1))
	case fcmpNe:
		t := s.gpr()
		s.emit("setne", def(d, 1))
		s.emit("setp", def(t, 1))
		s.emit("orb", use(t, 1), mod(d, 1))
	default:
		s.emit("set"+cc, def(d, 1))
	}
	s.emit("movzbl", use(d, 1), def(d, 4))
}

// --- returns ---------------------------------------------------------------------

func (s *fnState) lowerRet(b *ir.Block) {
	cl := s.self
	v := b.Control
	ret := s.emit // placeholder to keep the order obvious
	_ = ret
	var uses []reg
	switch {
	case v == nil || !cl.hasRet:
	case cl.retMemory:
		// §3.2.3: the callee copies the value to the hidden buffer and returns its
		// address in %rax.
		s.copyMem(memAt(s.hidden, 0), s.addr(v), cl.ret.size)
		s.emit("movq", use(s.hidden, 8), def(RAX, 8))
		uses = append(uses, RAX)
	case cl.ret.x87Pair:
		p := s.addr(v)
		s.emit("fldt", p.withDisp(16))
		s.emit("fldt", p)
	case cl.ret.x87:
		if s.f.RetAgg != nil {
			s.emit("fldt", s.addr(v))
		} else {
			s.loadF80(v)
		}
	case s.f.RetAgg != nil:
		p := s.addr(v)
		for _, e := range cl.ret.parts {
			s.loadPart(e, p.withDisp(e.off))
			uses = append(uses, e.reg)
		}
	case v.Type == ir.I128:
		lo, hi := s.pair128(v)
		s.emit("movq", use(lo, 8), def(RAX, 8))
		s.emit("movq", use(hi, 8), def(RDX, 8))
		uses = append(uses, RAX, RDX)
	case v.Type == ir.F32 || v.Type == ir.F64:
		s.copyReg(XMM0, s.reg(v), classXMM)
		uses = append(uses, XMM0)
	default:
		if v.Op == ir.OpConst {
			s.loadConst(RAX, v.AuxInt, 8)
		} else {
			s.emit("movq", use(s.reg(v), 8), def(RAX, 8))
		}
		uses = append(uses, RAX)
	}
	i := s.emit("ret")
	i.implUse = uses
}

// loadPart loads one eightbyte (e.size bytes at m) into register e.reg without
// reading past the value.
func (s *fnState) loadPart(e eightbyte, m operand) {
	if e.cls == clsSSE {
		if e.size <= 4 {
			s.emit("movss", m, def(e.reg, 16))
		} else {
			s.emit("movsd", m, def(e.reg, 16))
		}
		return
	}
	switch e.size {
	case 8:
		s.emit("movq", m, def(e.reg, 8))
		return
	case 4:
		s.emit("movl", m, def(e.reg, 4))
		return
	case 2:
		s.emit("movzwl", m, def(e.reg, 4))
		return
	case 1:
		s.emit("movzbl", m, def(e.reg, 4))
		return
	}
	// 3, 5, 6, 7 bytes: assemble from pieces, high to low.
	acc := s.gpr()
	first := true
	for off := e.size; off > 0; {
		n := int64(1)
		switch {
		case off >= 4 && off%4 == 0:
			n = 4
		case off >= 2 && off%2 == 0:
			n = 2
		}
		off -= n
		t := s.gpr()
		s.emit(map[int64]string{1: "movzbl", 2: "movzwl", 4: "movl"}[n], m.withDisp(off), def(t, 4))
		if first {
			s.emit("movq", use(t, 8), def(acc, 8))
			first = false
		} else {
			s.emit("shlq", imm(8*n), mod(acc, 8))
			s.emit("orq", use(t, 8), mod(acc, 8))
		}
	}
	s.emit("movq", use(acc, 8), def(e.reg, 8))
}

// storePart stores e.size bytes of register r (class e.cls) to m.
func (s *fnState) storePart(e eightbyte, r reg, m operand) {
	if e.cls == clsSSE {
		if e.size <= 4 {
			s.emit("movss", operand{kind: kReg, reg: r, size: 16, use: true}, m)
		} else {
			s.emit("movsd", operand{kind: kReg, reg: r, size: 16, use: true}, m)
		}
		return
	}
	switch e.size {
	case 8, 4, 2, 1:
		s.emit("mov"+sfx(int(e.size)), use(r, int(e.size)), m)
		return
	}
	t := s.gpr()
	s.emit("movq", use(r, 8), def(t, 8))
	for off := int64(0); off < e.size; {
		n := int64(1)
		switch {
		case e.size-off >= 4:
			n = 4
		case e.size-off >= 2:
			n = 2
		}
		s.emit("mov"+sfx(int(n)), use(t, int(n)), m.withDisp(off))
		off += n
		if off < e.size {
			s.emit("shrq", imm(8*n), mod(t, 8))
		}
	}
}

// copyMem copies n bytes from src to dst (memory operands), unrolled for small sizes
// and with rep movsb otherwise.
func (s *fnState) copyMem(dst, src operand, n int64) {
	if n <= 64 {
		t := s.gpr()
		for off := int64(0); off < n; {
			k := int64(8)
			for k > n-off {
				k /= 2
			}
			sz := int(k)
			if k < 4 {
				s.emit(map[int]string{1: "movzbl", 2: "movzwl"}[sz], src.withDisp(off), def(t, 4))
			} else {
				s.emit("mov"+sfx(sz), src.withDisp(off), def(t, sz))
			}
			s.emit("mov"+sfx(sz), use(t, sz), dst.withDisp(off))
			off += k
		}
		return
	}
	s.emit("leaq", src, def(RSI, 8))
	s.emit("leaq", dst, def(RDI, 8))
	s.loadConst(RCX, n, 8)
	i := s.emit("rep movsb")
	i.implUse = []reg{RSI, RDI, RCX}
	i.implDef = []reg{RSI, RDI, RCX}
}

func (s *fnState) zeroMem(dst operand, n int64) {
	if n <= 64 {
		for off := int64(0); off < n; {
			k := int64(8)
			for k > n-off {
				k /= 2
			}
			s.emit("mov"+sfx(int(k)), imm(0), dst.withDisp(off))
			off += k
		}
		return
	}
	s.emit("leaq", dst, def(RDI, 8))
	s.loadConst(RCX, n, 8)
	s.zero(RAX)
	i := s.emit("rep stosb")
	i.implUse = []reg{RAX, RDI, RCX}
	i.implDef = []reg{RDI, RCX}
}
