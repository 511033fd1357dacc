package irgen

import (
	"math"

	"gocc/ast"
	"gocc/ir"
)

// lval is the location an lvalue designates (C11 6.3.2.1p1).
type lval struct {
	addr *ir.Value
	ty   *ast.Type
	bf   *ast.Member // a bit-field: addr is its storage unit
	vol  bool
}

// objAddress returns the address of an object or function.
func (fn *fn) objAddress(o *ast.Object) *ir.Value {
	if o.Kind == ast.ObjFunc {
		if t := fn.nestedFuncAddr(o); t != nil {
			return t
		}
	}
	if o.GlobalReg != "" {
		// The register is not reserved across the program (gcc's -ffixed-<reg>) nor
		// accessed by the backend yet.
		fn.g.diags.Errorf(o.Pos, "sorry, unimplemented: global register variable '%s'", o.Name)
		return fn.op(ir.OpUndef, ir.Ptr)
	}
	if o.Global || o.Kind == ast.ObjFunc {
		name := fn.g.ref(o)
		if o.ThreadLocal {
			v := fn.op(ir.OpTLSAddr, ir.Ptr)
			v.Sym = name
			return v
		}
		return fn.addrOfSym(name)
	}
	return fn.localAddr(o)
}

func (fn *fn) addrOfSym(name string) *ir.Value {
	v := fn.op(ir.OpAddr, ir.Ptr)
	v.Sym = name
	return v
}

// lvalue evaluates an lvalue, or the address of an aggregate rvalue.
func (fn *fn) lvalue(e ast.Expr) lval {
	t := e.Type()
	switch e := e.(type) {
	case *ast.Ident:
		if e.Obj == nil {
			fn.g.diags.Errorf(e.Pos, "irgen: unresolved identifier '%s'", e.Name)
			return lval{addr: fn.op(ir.OpUndef, ir.Ptr), ty: t}
		}
		return lval{addr: fn.objAddress(e.Obj), ty: t, vol: e.Obj.Volatile}
	case *ast.Unary:
		switch e.Op {
		case ast.Deref:
			return lval{addr: fn.expr(e.X), ty: t}
		case ast.Real, ast.Imag:
			if e.X.Type().Kind == ast.Complex {
				a := fn.lvalue(e.X).addr
				if e.Op == ast.Imag {
					a = fn.offset(a, e.X.Type().Base.Size)
				}
				return lval{addr: a, ty: t}
			}
			if e.Op == ast.Real {
				return fn.lvalue(e.X)
			}
		}
	case *ast.Index:
		return lval{addr: fn.indexAddr(e), ty: t}
	case *ast.MemberExpr:
		return fn.member(e)
	case *ast.CompoundLit:
		o := e.Obj
		if o == nil {
			tmp := fn.tempSlot(t)
			return lval{addr: tmp, ty: t}
		}
		if o.Global {
			return lval{addr: fn.objAddress(o), ty: t}
		}
		// C11 6.5.2.5p16: the object is initialized each time the literal is evaluated.
		a := fn.localAddr(o)
		fn.initLocal(a, o.Type, o.Init)
		return lval{addr: a, ty: t}
	case *ast.StringLit:
		return lval{addr: fn.addrOfSym(fn.g.stringGlobal(e, elemSize(t))), ty: t}
	case *ast.Generic:
		return fn.lvalue(e.Chosen)
	case *ast.ChooseExpr:
		return fn.lvalue(e.Chosen)
	case *ast.Cast:
		if e.Kind != ast.CastDecay && e.X.Type() != nil && fn.g.scalarType(e.X.Type()) == fn.g.scalarType(t) && inMemory(t) == inMemory(e.X.Type()) {
			lv := fn.lvalue(e.X)
			lv.ty = t
			return lv
		}
	}
	if inMemory(t) || t.Kind == ast.Func {
		return lval{addr: fn.expr(e), ty: t}
	}
	// A scalar rvalue used where an address is needed (e.g. an asm "m" input): spill it.
	v := fn.expr(e)
	tmp := fn.tempSlot(t)
	fn.store(tmp, v, t, false)
	return lval{addr: tmp, ty: t}
}

func elemSize(t *ast.Type) int64 {
	if t.Kind == ast.Array && t.Base != nil && t.Base.Size > 0 {
		return t.Base.Size
	}
	return 1
}

// member computes s.m and p->m; offsets add up along the anonymous-member path.
func (fn *fn) member(e *ast.MemberExpr) lval {
	var base *ir.Value
	vol := false
	if e.Arrow {
		base = fn.expr(e.X)
		if pt := e.X.Type(); pt.Kind == ast.Pointer && pt.Base != nil {
			vol = pt.Base.Qual&ast.Volatile != 0
		}
	} else {
		lv := fn.lvalue(e.X)
		base, vol = lv.addr, lv.vol || e.X.Type().Qual&ast.Volatile != 0
	}
	path := e.Path
	if len(path) == 0 {
		rt := e.X.Type()
		if e.Arrow {
			rt = rt.Base
		}
		if rt.Record != nil {
			path = rt.Record.FindMember(e.Name)
		}
	}
	if len(path) == 0 {
		fn.g.diags.Errorf(e.Pos, "irgen: no member named '%s'", e.Name)
		return lval{addr: base, ty: e.Type()}
	}
	var off int64
	rt := e.X.Type()
	if e.Arrow && rt.Kind == ast.Pointer {
		rt = rt.Base
	}
	for _, m := range path {
		if rt != nil && isVariable(rt) {
			// GNU: a member of a record with variably modified members.
			if off != 0 {
				base = fn.offset(base, off)
				off = 0
			}
			base = fn.op(ir.OpAdd, ir.Ptr, base, fn.memberOffset(rt, m))
		} else {
			off += m.Offset
		}
		rt = m.Type
	}
	last := path[len(path)-1]
	lv := lval{addr: fn.offset(base, off), ty: e.Type(), vol: vol}
	if last.IsBitField {
		lv.bf = last
	}
	return lv
}

// indexAddr computes &X[I] (C11 6.5.2.1p2: *((X)+(I))).
func (fn *fn) indexAddr(e *ast.Index) *ir.Value {
	xt := e.X.Type()
	var base *ir.Value
	var elem *ast.Type
	switch xt.Kind {
	case ast.Pointer:
		base, elem = fn.expr(e.X), xt.Base
	case ast.Array, ast.Vector:
		base, elem = fn.lvalue(e.X).addr, xt.Base
	default:
		// Sema normally puts the pointer first; accept the other order too.
		base, elem = fn.expr(e.I), e.I.Type().Base
		return fn.ptrAdd(base, fn.expr(e.X), xt, elem, false)
	}
	return fn.ptrAdd(base, fn.expr(e.I), e.I.Type(), elem, false)
}

// ptrAdd computes p ± i elements of type elem (C11 6.5.6p8); i has C type it.
func (fn *fn) ptrAdd(p, i *ir.Value, it, elem *ast.Type, sub bool) *ir.Value {
	off := fn.toIntptr(i, it)
	if isVariable(elem) {
		off = fn.op(ir.OpMul, fn.g.intptr, off, fn.sizeOf(elem))
	} else if sz := elemStep(elem); sz != 1 {
		off = fn.op(ir.OpMul, fn.g.intptr, off, fn.intptrConst(sz))
	}
	if sub {
		return fn.op(ir.OpSub, ir.Ptr, p, off)
	}
	return fn.op(ir.OpAdd, ir.Ptr, p, off)
}

// elemStep is the size a pointer to elem steps by (GNU: 1 for void and functions).
func elemStep(elem *ast.Type) int64 {
	if elem == nil || elem.Size <= 0 || elem.Kind == ast.Void || elem.Kind == ast.Func {
		return 1
	}
	return elem.Size
}

// toIntptr converts an integer of C type t to the pointer-sized integer type.
func (fn *fn) toIntptr(v *ir.Value, t *ast.Type) *ir.Value {
	st := fn.g.scalarType(t)
	if st == ir.Ptr {
		return fn.op(ir.OpBitcast, fn.g.intptr, v)
	}
	return fn.resize(v, st, fn.g.intptr, fn.g.isSigned(t))
}

// resize converts an integer between widths.
func (fn *fn) resize(v *ir.Value, from, to ir.Type, signed bool) *ir.Value {
	fs, ts := from.Size(fn.g.ptrSize), to.Size(fn.g.ptrSize)
	switch {
	case fs == ts:
		if from != to {
			return fn.op(ir.OpBitcast, to, v)
		}
		return v
	case fs > ts:
		return fn.op(ir.OpTrunc, to, v)
	case signed:
		return fn.op(ir.OpSExt, to, v)
	}
	return fn.op(ir.OpZExt, to, v)
}

// loadLV reads the value of an lvalue.
func (fn *fn) loadLV(lv lval) *ir.Value {
	if lv.bf != nil {
		return fn.loadBitField(lv.addr, lv.bf, lv.vol)
	}
	return fn.load(lv.addr, lv.ty, lv.vol)
}

// storeLV writes v to an lvalue and returns the value the assignment expression has
// (C11 6.5.16p3): v, or for a bit-field v truncated to the field's width.
func (fn *fn) storeLV(lv lval, v *ir.Value) *ir.Value {
	if lv.bf != nil {
		return fn.storeBitField(lv.addr, lv.bf, v, lv.vol)
	}
	fn.store(lv.addr, v, lv.ty, lv.vol)
	if inMemory(lv.ty) {
		return lv.addr
	}
	return v
}

// Bit-fields (C11 6.7.2.1p11): the field occupies bits [BitOffset, BitOffset+BitWidth)
// of the little-endian storage unit of sizeof(member type) bytes at the member's Offset.

// bitAccess is how a bit-field is reached: a unit of type t (bits wide) at addr, the
// field's first bit in it, and how many bytes of the unit belong to the object.
type bitAccess struct {
	addr  *ir.Value
	t     ir.Type
	bits  int64
	off   int64
	bytes int64 // bits/8, or fewer when the unit would run past the field's last byte
}

// bitUnit returns the storage unit a bit-field is accessed through. Normally it is
// the unit of sizeof(member type) bytes at the member's Offset (sema keeps it inside
// the record). A field of a packed record that crosses that unit, or that sits in a
// record too small for it (BytesOnly), is reached through exactly the bytes holding
// it, so that no access strays outside the object.
func (fn *fn) bitUnit(addr *ir.Value, m *ast.Member) bitAccess {
	ut := fn.g.scalarType(m.Type)
	bits := int64(m.Type.Size * 8)
	off, width := int64(m.BitOffset), int64(m.BitWidth)
	if off+width <= bits && !m.BytesOnly {
		return bitAccess{addr, ut, bits, off, bits / 8}
	}
	addr = fn.offset(addr, off/8)
	off %= 8
	n := (off + width + 7) / 8
	for _, u := range []struct {
		t    ir.Type
		bits int64
	}{{ir.I8, 8}, {ir.I16, 16}, {ir.I32, 32}, {ir.I64, 64}} {
		if n*8 <= u.bits {
			return bitAccess{addr, u.t, u.bits, off, n}
		}
	}
	return bitAccess{addr, ir.I128, 128, off, n}
}

// unitChunks splits n bytes into power-of-two pieces, largest first: the loads and
// stores that touch exactly those bytes.
func unitChunks(n int64) []int64 {
	var out []int64
	for size := int64(16); size > 0; size /= 2 {
		for n >= size {
			out = append(out, size)
			n -= size
		}
	}
	return out
}

var chunkType = map[int64]ir.Type{1: ir.I8, 2: ir.I16, 4: ir.I32, 8: ir.I64, 16: ir.I128}

// loadUnit loads the unit of a, assembling it from exact-size pieces when only part
// of it belongs to the object (little-endian: piece k holds the unit's bytes from
// its offset up).
func (fn *fn) loadUnit(a bitAccess, volatile bool) *ir.Value {
	mark := func(v *ir.Value) *ir.Value {
		if volatile {
			v.AuxInt = 1
		}
		return v
	}
	if a.bytes*8 == a.bits {
		return mark(fn.op(ir.OpLoad, a.t, a.addr))
	}
	var u *ir.Value
	pos := int64(0)
	for _, size := range unitChunks(a.bytes) {
		piece := mark(fn.op(ir.OpLoad, chunkType[size], fn.offset(a.addr, pos)))
		v := fn.op(ir.OpZExt, a.t, piece)
		if pos > 0 {
			v = fn.op(ir.OpShl, a.t, v, fn.iconst(a.t, pos*8))
		}
		if u == nil {
			u = v
		} else {
			u = fn.op(ir.OpOr, a.t, u, v)
		}
		pos += size
	}
	return u
}

// storeUnit stores the bytes of the unit of a that belong to the object.
func (fn *fn) storeUnit(a bitAccess, v *ir.Value, volatile bool) {
	mark := func(s *ir.Value) {
		if volatile {
			s.AuxInt = 1
		}
	}
	if a.bytes*8 == a.bits {
		mark(fn.op(ir.OpStore, ir.Void, a.addr, v))
		return
	}
	pos := int64(0)
	for _, size := range unitChunks(a.bytes) {
		piece := v
		if pos > 0 {
			piece = fn.op(ir.OpShrU, a.t, v, fn.iconst(a.t, pos*8))
		}
		mark(fn.op(ir.OpStore, ir.Void, fn.offset(a.addr, pos), fn.op(ir.OpTrunc, chunkType[size], piece)))
		pos += size
	}
}

func (fn *fn) loadBitField(addr *ir.Value, m *ast.Member, vol bool) *ir.Value {
	ft := fn.g.scalarType(m.Type)
	a := fn.bitUnit(addr, m)
	u := fn.loadUnit(a, vol || m.Type.Qual&ast.Volatile != 0)
	v := fn.extractField(u, a.t, a.bits, a.off, int64(m.BitWidth), fn.g.isSigned(m.Type))
	if a.t != ft {
		v = fn.resize(v, a.t, ft, fn.g.isSigned(m.Type))
	}
	return v
}

// extractField shifts field [off, off+width) of u to the low bits, extended per signed.
func (fn *fn) extractField(u *ir.Value, ut ir.Type, bits, off, width int64, signed bool) *ir.Value {
	if shl := bits - off - width; shl > 0 {
		u = fn.op(ir.OpShl, ut, u, fn.iconst(ut, shl))
	}
	if shr := bits - width; shr > 0 {
		op := ir.OpShrU
		if signed {
			op = ir.OpShrS
		}
		u = fn.op(op, ut, u, fn.iconst(ut, shr))
	}
	return u
}

// fieldMask returns ((1<<width)-1) << off in type ut.
func (fn *fn) fieldMask(ut ir.Type, bits, off, width int64) *ir.Value {
	if bits <= 64 {
		var m uint64
		if width >= 64 {
			m = math.MaxUint64
		} else {
			m = (uint64(1)<<uint(width) - 1) << uint(off)
		}
		return fn.iconst(ut, int64(m))
	}
	ones := fn.op(ir.OpNot, ut, fn.iconst(ut, 0))
	m := fn.op(ir.OpNot, ut, fn.op(ir.OpShl, ut, ones, fn.iconst(ut, width)))
	if width >= bits {
		m = ones
	}
	if off > 0 {
		m = fn.op(ir.OpShl, ut, m, fn.iconst(ut, off))
	}
	return m
}

func (fn *fn) storeBitField(addr *ir.Value, m *ast.Member, v *ir.Value, vol bool) *ir.Value {
	ft := fn.g.scalarType(m.Type)
	if v.Type != ft {
		v = fn.resize(v, v.Type, ft, false)
	}
	a := fn.bitUnit(addr, m)
	width := int64(m.BitWidth)
	volatile := vol || m.Type.Qual&ast.Volatile != 0
	if a.t != ft {
		// A field reached through a unit other than its declared one: store through
		// that unit, then compute the expression's value in the field's type.
		fn.storeField(a, width, fn.resize(v, ft, a.t, false), volatile)
		return fn.extractField(v, ft, int64(m.Type.Size*8), 0, width, fn.g.isSigned(m.Type))
	}
	fn.storeField(a, width, v, volatile)
	return fn.extractField(v, a.t, a.bits, 0, width, fn.g.isSigned(m.Type))
}

// storeField stores the low width bits of v at the field's bits of unit a.
func (fn *fn) storeField(a bitAccess, width int64, v *ir.Value, volatile bool) {
	old := fn.loadUnit(a, volatile)
	mask := fn.fieldMask(a.t, a.bits, a.off, width)
	nv := v
	if a.off > 0 {
		nv = fn.op(ir.OpShl, a.t, v, fn.iconst(a.t, a.off))
	}
	nv = fn.op(ir.OpAnd, a.t, nv, mask)
	kept := fn.op(ir.OpAnd, a.t, old, fn.op(ir.OpNot, a.t, mask))
	fn.storeUnit(a, fn.op(ir.OpOr, a.t, kept, nv), volatile)
}

// Constants.

func (fn *fn) intConst(t *ast.Type, v uint64) *ir.Value {
	st := fn.g.scalarType(t)
	if t.IsFloat() {
		f := float64(int64(v))
		if !fn.g.isSigned(t) && int64(v) < 0 {
			f = float64(v)
		}
		return fn.floatConst(t, "", f)
	}
	if st == ir.I128 && !fn.g.isSigned(t) && int64(v) < 0 {
		return fn.op(ir.OpZExt, ir.I128, fn.iconst(ir.I64, int64(v)))
	}
	return fn.iconst(st, int64(v))
}

func (fn *fn) floatConst(t *ast.Type, text string, v float64) *ir.Value {
	st := fn.g.scalarType(t)
	if !st.IsFloat() {
		return fn.iconst(st, int64(v))
	}
	return fn.floatConstOf(st, text, v)
}

// floatConstOf is the constant v (spelled text, for the types wider than double) of
// floating IR type st.
func (fn *fn) floatConstOf(st ir.Type, text string, v float64) *ir.Value {
	c := fn.op(ir.OpConstFloat, st)
	switch st {
	case ir.F32:
		c.AuxFloat = float64(float32(v))
	case ir.F80:
		c.AuxFloat = v
		c.AuxBits, c.Exact = F80Bits(text, v), true
	case ir.F128:
		c.AuxFloat = v
		c.AuxBits, c.Exact = F128Bits(text, v), true
	default:
		c.AuxFloat = v
	}
	return c
}

// zeroOf is the zero value of scalar type t.
func (fn *fn) zeroOf(st ir.Type) *ir.Value {
	if st.IsFloat() {
		c := fn.op(ir.OpConstFloat, st)
		if st == ir.F80 || st == ir.F128 {
			c.Exact = true
		}
		return c
	}
	return fn.iconst(st, 0)
}

// expr evaluates e: a scalar value, the address of an aggregate, or nil for void.
func (fn *fn) expr(e ast.Expr) *ir.Value {
	if p := e.Position(); p.Line != 0 {
		fn.line = p.Line
		fn.at = p
	}
	t := e.Type()
	switch e := e.(type) {
	case *ast.IntLit:
		if t.Kind == ast.Complex {
			return fn.complexConst(t, 0, float64(int64(e.Value)), e.Imag)
		}
		return fn.intConst(t, e.Value)
	case *ast.FloatLit:
		if t.Kind == ast.Complex {
			return fn.complexConst(t, 0, e.Value, e.Imag)
		}
		return fn.floatConst(t, e.Text, e.Value)
	case *ast.CharLit:
		return fn.intConst(t, uint64(e.Value))
	case *ast.StringLit:
		return fn.lvalue(e).addr
	case *ast.Ident:
		if e.Obj != nil {
			switch e.Obj.Kind {
			case ast.ObjEnumConst:
				return fn.intConst(t, uint64(e.Obj.Value))
			case ast.ObjFunc, ast.ObjBuiltin:
				return fn.objAddress(e.Obj)
			}
		}
		return fn.loadLV(fn.lvalue(e))
	case *ast.Unary:
		return fn.unary(e)
	case *ast.Binary:
		return fn.binary(e)
	case *ast.Assign:
		return fn.assign(e)
	case *ast.Cond:
		return fn.condExpr(e)
	case *ast.Call:
		return fn.call(e)
	case *ast.Index, *ast.MemberExpr, *ast.CompoundLit:
		lv := fn.lvalue(e)
		v := fn.loadLV(lv)
		if lv.bf != nil {
			return fn.convert(v, lv.bf.Type, t)
		}
		return v
	case *ast.Cast:
		return fn.cast(e)
	case *ast.Sizeof:
		ot := e.Of
		if ot == nil && e.X != nil {
			ot = e.X.Type()
		}
		if e.Align {
			return fn.intConst(t, uint64(ot.Align))
		}
		return fn.resize(fn.sizeOf(ot), fn.g.intptr, fn.g.scalarType(t), false)
	case *ast.StmtExpr:
		return fn.stmtExpr(e)
	case *ast.Generic:
		return fn.expr(e.Chosen)
	case *ast.ChooseExpr:
		return fn.expr(e.Chosen)
	case *ast.ConvertVector:
		return fn.convertVector(fn.expr(e.X), e.X.Type(), e.To)
	case *ast.VaArg:
		to := e.To
		if to == nil {
			to = t
		}
		ap := fn.vaListAddr(e.Ap)
		if isVariable(to) {
			// A record of variable size is passed by reference (as gcc); the
			// result is the caller's copy.
			return fn.op(ir.OpVaArg, ir.Ptr, ap)
		}
		if byValueAgg(to) {
			v := fn.op(ir.OpVaArg, ir.Ptr, ap)
			v.Agg = fn.g.aggOf(to)
			return v
		}
		return fn.op(ir.OpVaArg, fn.g.scalarType(to), ap)
	case *ast.LabelAddr:
		if v := fn.nonLocalLabelAddr(e.Label); v != nil {
			return v
		}
		b := fn.label(e.Label)
		fn.takenLabels[e.Label] = true
		v := fn.op(ir.OpBlockAddr, ir.Ptr)
		v.AuxInt = int64(b.ID)
		return v
	}
	fn.g.diags.Errorf(e.Position(), "irgen: unsupported expression %T", e)
	if t == nil || t.Kind == ast.Void {
		return nil
	}
	return fn.op(ir.OpUndef, fn.g.scalarType(t))
}

func (fn *fn) stmtExpr(e *ast.StmtExpr) *ir.Value {
	items := e.Body.Items
	mark := len(fn.cleanups)
	defer func() { fn.cleanups = fn.cleanups[:mark] }()
	for i, s := range items {
		if i == len(items)-1 {
			// Labels on the last statement are defined before its value is computed.
			for ls, ok := s.(*ast.LabeledStmt); ok; ls, ok = s.(*ast.LabeledStmt) {
				fn.jump(fn.label(ls.Label))
				s = ls.Body
			}
			if es, ok := s.(*ast.ExprStmt); ok && es.X != nil && e.Type() != nil && e.Type().Kind != ast.Void {
				v := fn.expr(es.X)
				if inMemory(es.X.Type()) {
					v = fn.copyToTemp(v, es.X.Type())
				} else if len(fn.cleanups) > mark {
					// The value must be read before the cleanups run.
					tmp := fn.tempSlot(es.X.Type())
					fn.store(tmp, v, es.X.Type(), false)
					fn.runCleanups(mark)
					return fn.load(tmp, es.X.Type(), false)
				}
				fn.runCleanups(mark)
				return v
			}
		}
		fn.stmt(s)
	}
	fn.runCleanups(mark)
	return nil
}

func (fn *fn) unary(e *ast.Unary) *ir.Value {
	t := e.Type()
	switch e.Op {
	case ast.Plus:
		return fn.convert(fn.expr(e.X), e.X.Type(), t)
	case ast.Neg, ast.BitNot:
		x := fn.expr(e.X)
		switch t.Kind {
		case ast.Complex:
			if e.Op == ast.Neg {
				return fn.complexNeg(x, t)
			}
			return fn.complexConj(x, t)
		case ast.Vector:
			return fn.vectorUnary(e.Op, x, t)
		}
		x = fn.convert(x, e.X.Type(), t)
		if e.Op == ast.Neg {
			return fn.op(ir.OpNeg, x.Type, x)
		}
		return fn.op(ir.OpNot, x.Type, x)
	case ast.LogNot:
		x := fn.expr(e.X)
		c := fn.truth(x, e.X.Type())
		r := fn.op(ir.OpEq, ir.I32, c, fn.iconst(ir.I32, 0))
		return fn.fromI32(r, t)
	case ast.Deref:
		if t.Kind == ast.Func {
			return fn.expr(e.X)
		}
		return fn.loadLV(fn.lvalue(e))
	case ast.Addr:
		lv := fn.lvalue(e.X)
		if lv.bf != nil {
			fn.g.diags.Errorf(e.Pos, "cannot take address of bit-field")
		}
		return lv.addr
	case ast.PreInc, ast.PreDec, ast.PostInc, ast.PostDec:
		return fn.incDec(e)
	case ast.Real, ast.Imag:
		if e.X.Type().Kind != ast.Complex {
			x := fn.expr(e.X)
			if e.Op == ast.Real {
				return fn.convert(x, e.X.Type(), t)
			}
			return fn.zeroOf(fn.g.scalarType(t))
		}
		return fn.loadLV(fn.lvalue(e))
	}
	fn.g.diags.Errorf(e.Pos, "irgen: unsupported unary operator")
	return fn.op(ir.OpUndef, fn.g.scalarType(t))
}

// fromI32 converts a comparison result (I32 0 or 1) to the expression's type.
func (fn *fn) fromI32(v *ir.Value, t *ast.Type) *ir.Value {
	st := fn.g.scalarType(t)
	if st == ir.I32 || st == ir.Void {
		return v
	}
	if st.IsFloat() {
		return fn.op(ir.OpSToF, st, v)
	}
	return fn.resize(v, ir.I32, st, false)
}

func (fn *fn) incDec(e *ast.Unary) *ir.Value {
	xt := e.X.Type()
	lv := fn.lvalue(e.X)
	old := fn.loadLV(lv)
	if lv.bf != nil {
		old = fn.convert(old, lv.bf.Type, xt)
	}
	dec := e.Op == ast.PreDec || e.Op == ast.PostDec
	var nv *ir.Value
	if xt.Kind == ast.Pointer {
		nv = fn.ptrAdd(old, fn.intptrConst(1), fn.ptrdiffType(), xt.Base, dec)
	} else {
		ot := e.OpType
		if ot == nil {
			ot = xt
		}
		cur := fn.convert(old, xt, ot)
		op := ast.Add
		if dec {
			op = ast.Sub
		}
		one := fn.intConst(ot, 1)
		if ot.Kind == ast.Complex {
			one = fn.convert(fn.intConst(ot.Base, 1), ot.Base, ot)
		}
		nv = fn.convert(fn.arith(op, cur, one, ot, ot), ot, xt)
	}
	stored := fn.storeLV(lv, nv)
	if e.Op == ast.PreInc || e.Op == ast.PreDec {
		return stored
	}
	return old
}

// ptrdiffType is the C type ptrdiff_t (a signed integer of pointer size).
func (fn *fn) ptrdiffType() *ast.Type {
	if fn.g.ptrSize == 8 {
		return &ast.Type{Kind: ast.Long, Size: 8, Align: 8}
	}
	return &ast.Type{Kind: ast.Int, Size: 4, Align: 4}
}

func isComparison(op ast.BinaryOp) bool { return op >= ast.Eq && op <= ast.Ge }

func (fn *fn) binary(e *ast.Binary) *ir.Value {
	t := e.Type()
	switch {
	case e.Op == ast.Comma:
		fn.expr(e.X)
		return fn.expr(e.Y)
	case e.Op == ast.LogAnd || e.Op == ast.LogOr:
		yes, no, join := fn.f.NewBlock(), fn.f.NewBlock(), fn.f.NewBlock()
		fn.cond(e, yes, no)
		fn.startBlock(yes)
		one := fn.iconst(ir.I32, 1)
		fn.jump(join)
		fn.startBlock(no)
		zero := fn.iconst(ir.I32, 0)
		fn.jump(join)
		return fn.fromI32(fn.op(ir.OpPhi, ir.I32, one, zero), t)
	case isComparison(e.Op):
		return fn.fromI32(fn.compare(e.Op, e.X, e.Y), t)
	}
	xt, yt := e.X.Type(), e.Y.Type()
	if e.Op == ast.Add || e.Op == ast.Sub {
		switch {
		case xt.Kind == ast.Pointer && yt.Kind == ast.Pointer && e.Op == ast.Sub:
			// C11 6.5.6p9: the difference of the addresses divided by the element size.
			a := fn.op(ir.OpBitcast, fn.g.intptr, fn.expr(e.X))
			b := fn.op(ir.OpBitcast, fn.g.intptr, fn.expr(e.Y))
			d := fn.op(ir.OpSub, fn.g.intptr, a, b)
			if isVariable(xt.Base) {
				d = fn.op(ir.OpDivS, fn.g.intptr, d, fn.sizeOf(xt.Base))
			} else if sz := elemStep(xt.Base); sz != 1 {
				d = fn.op(ir.OpDivS, fn.g.intptr, d, fn.intptrConst(sz))
			}
			return fn.resize(d, fn.g.intptr, fn.g.scalarType(t), true)
		case xt.Kind == ast.Pointer:
			p := fn.expr(e.X)
			return fn.ptrAdd(p, fn.expr(e.Y), yt, xt.Base, e.Op == ast.Sub)
		case yt.Kind == ast.Pointer:
			i := fn.expr(e.X)
			return fn.ptrAdd(fn.expr(e.Y), i, xt, yt.Base, false)
		}
	}
	x := fn.expr(e.X)
	y := fn.expr(e.Y)
	if t.Kind == ast.Vector {
		// GNU: a scalar operand is broadcast to every element.
		return fn.vectorArith(e.Op, x, y, t, xt, yt)
	}
	x = fn.convert(x, xt, t)
	return fn.arith(e.Op, x, y, t, yt)
}

// arith computes x op y in type t; y has C type yt (converted to t here; for shifts
// only its width changes, C11 6.5.7p3).
func (fn *fn) arith(op ast.BinaryOp, x, y *ir.Value, t, yt *ast.Type) *ir.Value {
	switch t.Kind {
	case ast.Complex:
		return fn.complexArith(op, x, y, t, yt)
	case ast.Vector:
		return fn.vectorArith(op, x, y, t, t, yt)
	}
	st := fn.g.scalarType(t)
	if op == ast.Shl || op == ast.Shr {
		y = fn.resize(y, y.Type, st, false)
	} else {
		y = fn.convert(y, yt, t)
	}
	signed := fn.g.isSigned(t)
	var o ir.Op
	switch op {
	case ast.Add:
		o = ir.OpAdd
	case ast.Sub:
		o = ir.OpSub
	case ast.Mul:
		o = ir.OpMul
	case ast.Div:
		o = ir.OpDivU
		if signed || st.IsFloat() {
			o = ir.OpDivS
		}
	case ast.Rem:
		o = ir.OpRemU
		if signed {
			o = ir.OpRemS
		}
	case ast.BitAnd:
		o = ir.OpAnd
	case ast.BitOr:
		o = ir.OpOr
	case ast.BitXor:
		o = ir.OpXor
	case ast.Shl:
		o = ir.OpShl
	case ast.Shr:
		o = ir.OpShrU
		if signed {
			o = ir.OpShrS
		}
	default:
		return x
	}
	return fn.op(o, st, x, y)
}

// compare evaluates x op y for a comparison operator; the result is I32 0 or 1.
// Floating comparisons use the signed ops (ordered; Ne is true on NaN, C11 F.9.3).
func (fn *fn) compare(op ast.BinaryOp, ex, ey ast.Expr) *ir.Value {
	xt, yt := ex.Type(), ey.Type()
	x, y := fn.expr(ex), fn.expr(ey)
	if xt.Kind == ast.Complex || yt.Kind == ast.Complex {
		return fn.complexEq(op, x, y, xt, yt)
	}
	if xt.Kind == ast.Vector || yt.Kind == ast.Vector {
		fn.g.diags.Errorf(fn.pos(), "vector comparisons are not yet supported")
		return fn.iconst(ir.I32, 0)
	}
	// Operands have a common type after sema; tolerate a null pointer constant or an
	// integer compared with a pointer.
	ct := xt
	if xt.Kind != ast.Pointer && yt.Kind == ast.Pointer {
		ct = yt
	}
	x, y = fn.convert(x, xt, ct), fn.convert(y, yt, ct)
	signed := fn.g.isSigned(ct) || ct.IsFloat()
	var o ir.Op
	switch op {
	case ast.Eq:
		o = ir.OpEq
	case ast.Ne:
		o = ir.OpNe
	case ast.Lt:
		o = pick(signed, ir.OpLtS, ir.OpLtU)
	case ast.Le:
		o = pick(signed, ir.OpLeS, ir.OpLeU)
	case ast.Gt:
		o = pick(signed, ir.OpGtS, ir.OpGtU)
	case ast.Ge:
		o = pick(signed, ir.OpGeS, ir.OpGeU)
	}
	return fn.op(o, ir.I32, x, y)
}

func pick(c bool, a, b ir.Op) ir.Op {
	if c {
		return a
	}
	return b
}

// truth is "v != 0" for a scalar of C type t, as I32 (C11 6.8.4.1p2, 6.3.1.2).
func (fn *fn) truth(v *ir.Value, t *ast.Type) *ir.Value {
	if v.Op.IsComparison() && v.Type == ir.I32 {
		return v
	}
	if t.Kind == ast.Complex {
		re, im := fn.complexParts(v, t)
		a := fn.op(ir.OpNe, ir.I32, re, fn.zeroOf(re.Type))
		b := fn.op(ir.OpNe, ir.I32, im, fn.zeroOf(im.Type))
		return fn.op(ir.OpOr, ir.I32, a, b)
	}
	return fn.op(ir.OpNe, ir.I32, v, fn.zeroOf(v.Type))
}

// cond lowers a controlling expression as a branch to t (nonzero) or f (zero).
func (fn *fn) cond(e ast.Expr, t, f *ir.Block) {
	switch x := e.(type) {
	case *ast.Binary:
		switch {
		case x.Op == ast.LogAnd:
			mid := fn.f.NewBlock()
			fn.cond(x.X, mid, f)
			fn.startBlock(mid)
			fn.cond(x.Y, t, f)
			return
		case x.Op == ast.LogOr:
			mid := fn.f.NewBlock()
			fn.cond(x.X, t, mid)
			fn.startBlock(mid)
			fn.cond(x.Y, t, f)
			return
		case isComparison(x.Op):
			fn.branch(fn.compare(x.Op, x.X, x.Y), t, f)
			return
		}
	case *ast.Unary:
		if x.Op == ast.LogNot {
			fn.cond(x.X, f, t)
			return
		}
	case *ast.IntLit:
		to := f
		if x.Value != 0 {
			to = t
		}
		fn.b.Kind = ir.BlockPlain
		fn.b.AddEdge(to)
		fn.b = nil
		return
	}
	v := fn.expr(e)
	fn.branch(fn.truth(v, e.Type()), t, f)
}

func (fn *fn) condExpr(e *ast.Cond) *ir.Value {
	t := e.Type()
	yes, no, join := fn.f.NewBlock(), fn.f.NewBlock(), fn.f.NewBlock()
	var a, b *ir.Value
	if e.Then == nil {
		// GNU "c ?: e": c is evaluated once.
		c := fn.expr(e.C)
		fn.branch(fn.truth(c, e.C.Type()), yes, no)
		fn.startBlock(yes)
		a = fn.convert(c, e.C.Type(), t)
	} else {
		fn.cond(e.C, yes, no)
		fn.startBlock(yes)
		a = fn.expr(e.Then)
		if a != nil && t.Kind != ast.Void {
			a = fn.convert(a, e.Then.Type(), t)
		}
	}
	fn.jump(join)
	fn.startBlock(no)
	b = fn.expr(e.Else)
	if b != nil && t.Kind != ast.Void {
		b = fn.convert(b, e.Else.Type(), t)
	}
	fn.jump(join)
	if t.Kind == ast.Void || a == nil && b == nil {
		return nil
	}
	// An arm without a value (e.g. __builtin_unreachable()) never reaches the join.
	if a == nil || b == nil {
		st := fn.g.scalarType(t)
		if a == nil {
			a = fn.undefIn(join.Preds[0], st)
		} else {
			b = fn.undefIn(join.Preds[1], st)
		}
	}
	if a.Type != b.Type {
		fn.g.diags.Errorf(e.Pos, "irgen: conditional operands of different IR types")
		return a
	}
	return fn.op(ir.OpPhi, a.Type, a, b)
}

func (fn *fn) assign(e *ast.Assign) *ir.Value {
	lt := e.L.Type()
	if e.Simple {
		lv := fn.lvalue(e.L)
		r := fn.expr(e.R)
		if !inMemory(lt) && e.R.Type() != nil {
			r = fn.convert(r, e.R.Type(), lt)
		}
		if lv.bf != nil {
			r = fn.convert(r, lt, lv.bf.Type)
		}
		return fn.storeLV(lv, r)
	}
	// gcc evaluates a right operand with side effects first, before the left operand
	// (x[0] |= f() reads x[0] after f's stores); otherwise the left goes first.
	var r *ir.Value
	rhsFirst := hasSideEffects(e.R)
	if rhsFirst {
		r = fn.expr(e.R)
	}
	lv := fn.lvalue(e.L)
	old := fn.loadLV(lv)
	if lv.bf != nil {
		old = fn.convert(old, lv.bf.Type, lt)
	}
	ot := e.OpType
	if ot == nil {
		ot = lt
	}
	var res *ir.Value
	if lt.Kind == ast.Pointer && (e.Op == ast.Add || e.Op == ast.Sub) {
		if !rhsFirst {
			r = fn.expr(e.R)
		}
		res = fn.ptrAdd(old, r, e.R.Type(), lt.Base, e.Op == ast.Sub)
	} else {
		cur := fn.convert(old, lt, ot)
		if !rhsFirst {
			r = fn.expr(e.R)
		}
		res = fn.convert(fn.arith(e.Op, cur, r, ot, e.R.Type()), ot, lt)
	}
	if lv.bf != nil {
		res = fn.convert(res, lt, lv.bf.Type)
	}
	return fn.storeLV(lv, res)
}

func (fn *fn) cast(e *ast.Cast) *ir.Value {
	t := e.Type()
	switch e.Kind {
	case ast.CastDecay:
		// C11 6.3.2.1p3-4: the address of the array's first element or of the function.
		return fn.lvalue(e.X).addr
	case ast.CastToUnion:
		tmp := fn.tempSlot(t)
		z := fn.op(ir.OpZero, ir.Void, tmp)
		z.AuxInt = t.Size
		fn.store(tmp, fn.expr(e.X), e.X.Type(), false)
		return tmp
	}
	v := fn.expr(e.X)
	if t.Kind == ast.Void {
		return nil
	}
	if xt := e.X.Type(); t.Kind == ast.Vector && xt.Kind != ast.Vector && (e.Kind != ast.CastExplicit || xt.Size != t.Size) {
		// GNU: a scalar converted implicitly to a vector is broadcast (an explicit cast
		// of a same-size scalar reinterprets its bits instead).
		tmp := fn.tempSlot(t)
		ev := fn.convert(v, xt, t.Base)
		for i := int64(0); i < t.Len; i++ {
			fn.store(fn.offset(tmp, i*t.Base.Size), ev, t.Base, false)
		}
		return tmp
	}
	return fn.convert(v, e.X.Type(), t)
}

// convert converts v from C type from to C type to (C11 6.3).
func (fn *fn) convert(v *ir.Value, from, to *ast.Type) *ir.Value {
	if v == nil || to == nil || to.Kind == ast.Void {
		return nil
	}
	if from == nil || from == to {
		return v
	}
	if to.Kind == ast.Bool && from.Kind != ast.Bool {
		// C11 6.3.1.2: 0 if the value compares equal to 0, else 1.
		if inMemory(from) && from.Kind != ast.Complex {
			return v
		}
		return fn.op(ir.OpTrunc, ir.I8, fn.truth(v, from))
	}
	if to.Kind == ast.Complex {
		if from.Kind == ast.Complex {
			if fn.g.scalarType(from.Base) == fn.g.scalarType(to.Base) && from.Base.IsFloat() == to.Base.IsFloat() {
				return v
			}
			re, im := fn.complexParts(v, from)
			return fn.makeComplex(to, fn.convert(re, from.Base, to.Base), fn.convert(im, from.Base, to.Base))
		}
		if inMemory(from) {
			return v
		}
		return fn.makeComplex(to, fn.convert(v, from, to.Base), fn.zeroOf(fn.g.scalarType(to.Base)))
	}
	if from.Kind == ast.Complex {
		re, _ := fn.complexParts(v, from)
		return fn.convert(re, from.Base, to)
	}
	if inMemory(to) || inMemory(from) {
		switch {
		case inMemory(to) && inMemory(from):
			return v
		case inMemory(from):
			return fn.op(ir.OpLoad, fn.g.scalarType(to), v)
		default:
			tmp := fn.tempSlot(to)
			fn.store(tmp, v, from, false)
			return tmp
		}
	}
	fs, ts := fn.g.scalarType(from), fn.g.scalarType(to)
	if v.Type != fs {
		fs = v.Type
	}
	switch {
	case fs.IsFloat() && ts.IsFloat():
		if fs == ts {
			return v
		}
		return fn.op(ir.OpFConv, ts, v)
	case fs.IsFloat():
		// C11 6.3.1.4p1: truncation toward zero. Narrow results go through I32.
		it := ts
		if ts == ir.Ptr {
			it = fn.g.intptr
		}
		wide := it
		if it.Size(fn.g.ptrSize) < 4 {
			wide = ir.I32
		}
		op := ir.OpFToS
		if !fn.g.isSigned(to) && wide == it {
			op = ir.OpFToU
		}
		r := fn.op(op, wide, v)
		if wide != it {
			r = fn.op(ir.OpTrunc, it, r)
		}
		if ts == ir.Ptr {
			r = fn.op(ir.OpBitcast, ir.Ptr, r)
		}
		return r
	case ts.IsFloat():
		signed := fn.g.isSigned(from)
		if fs == ir.Ptr {
			v, fs, signed = fn.op(ir.OpBitcast, fn.g.intptr, v), fn.g.intptr, false
		}
		if fs.Size(fn.g.ptrSize) < 4 {
			v = fn.resize(v, fs, ir.I32, signed)
			signed = true
		}
		if signed {
			return fn.op(ir.OpSToF, ts, v)
		}
		return fn.op(ir.OpUToF, ts, v)
	}
	if fs == ts {
		return v
	}
	signed := fn.g.isSigned(from)
	if fs == ir.Ptr {
		v, fs = fn.op(ir.OpBitcast, fn.g.intptr, v), fn.g.intptr
		signed = false
	}
	if ts == ir.Ptr {
		return fn.op(ir.OpBitcast, ir.Ptr, fn.resize(v, fs, fn.g.intptr, signed))
	}
	return fn.resize(v, fs, ts, signed)
}

// undefIn creates an undefined value at the end of block b (before its terminator,
// which is implicit in the block's Kind).
func (fn *fn) undefIn(b *ir.Block, t ir.Type) *ir.Value {
	v := b.Append(ir.OpUndef, t)
	v.Line = fn.line
	return v
}

// hasSideEffects reports conservatively whether evaluating e may have side effects
// (calls, assignments, increments, statement expressions, va_arg).
func hasSideEffects(e ast.Expr) bool {
	switch x := e.(type) {
	case nil, *ast.Ident, *ast.IntLit, *ast.FloatLit, *ast.CharLit, *ast.StringLit, *ast.LabelAddr:
		return false
	case *ast.Unary:
		switch x.Op {
		case ast.PreInc, ast.PreDec, ast.PostInc, ast.PostDec:
			return true
		}
		return hasSideEffects(x.X)
	case *ast.Binary:
		return hasSideEffects(x.X) || hasSideEffects(x.Y)
	case *ast.Cond:
		return hasSideEffects(x.C) || hasSideEffects(x.Then) || hasSideEffects(x.Else)
	case *ast.Index:
		return hasSideEffects(x.X) || hasSideEffects(x.I)
	case *ast.MemberExpr:
		return hasSideEffects(x.X)
	case *ast.Cast:
		return hasSideEffects(x.X)
	case *ast.Generic:
		return hasSideEffects(x.Chosen)
	case *ast.ChooseExpr:
		return hasSideEffects(x.Chosen)
	}
	return true
}
