package irgen

import (
	"gocc/ast"
	"gocc/ir"
	"strconv"
)

// Complex numbers (C11 6.2.5p13) live in memory as two consecutive parts of the base
// type; a complex value is the address of such a pair. Results go to fresh slots.

func (fn *fn) complexParts(v *ir.Value, t *ast.Type) (re, im *ir.Value) {
	bt := fn.g.scalarType(t.Base)
	re = fn.op(ir.OpLoad, bt, v)
	im = fn.op(ir.OpLoad, bt, fn.offset(v, t.Base.Size))
	return re, im
}

func (fn *fn) makeComplex(t *ast.Type, re, im *ir.Value) *ir.Value {
	tmp := fn.tempSlot(t)
	fn.op(ir.OpStore, ir.Void, tmp, re)
	fn.op(ir.OpStore, ir.Void, fn.offset(tmp, t.Base.Size), im)
	return tmp
}

// complexConst builds re + im·i; for an imaginary literal (GNU 2i) the value is the
// imaginary part.
func (fn *fn) complexConst(t *ast.Type, re, v float64, imag bool) *ir.Value {
	mk := func(x float64) *ir.Value {
		if t.Base.IsFloat() {
			return fn.floatConst(t.Base, "", x)
		}
		return fn.intConst(t.Base, uint64(int64(x)))
	}
	if imag {
		return fn.makeComplex(t, mk(re), mk(v))
	}
	return fn.makeComplex(t, mk(v), mk(0))
}

func (fn *fn) complexNeg(x *ir.Value, t *ast.Type) *ir.Value {
	re, im := fn.complexParts(x, t)
	return fn.makeComplex(t, fn.op(ir.OpNeg, re.Type, re), fn.op(ir.OpNeg, im.Type, im))
}

// complexConj is the GNU "~z": the complex conjugate.
func (fn *fn) complexConj(x *ir.Value, t *ast.Type) *ir.Value {
	re, im := fn.complexParts(x, t)
	return fn.makeComplex(t, re, fn.op(ir.OpNeg, im.Type, im))
}

// complexOperand returns the parts of an operand of type yt (complex or real) as
// values of t's base type.
func (fn *fn) complexOperand(y *ir.Value, yt, t *ast.Type) (re, im *ir.Value) {
	if yt.Kind == ast.Complex {
		re, im = fn.complexParts(y, yt)
		return fn.convert(re, yt.Base, t.Base), fn.convert(im, yt.Base, t.Base)
	}
	return fn.convert(y, yt, t.Base), nil
}

// complexArith computes x op y in complex type t (C11 G.5.1); y may be real.
// Multiplication uses the textbook formula, division of float and double that of libgcc
// (complexDiv), of other types the textbook one (no Annex G infinity recovery).
func (fn *fn) complexArith(op ast.BinaryOp, x, y *ir.Value, t, yt *ast.Type) *ir.Value {
	a, b := fn.complexParts(x, t)
	c, d := fn.complexOperand(y, yt, t)
	bt := a.Type
	signed := fn.g.isSigned(t.Base) || bt.IsFloat()
	div := pick(signed, ir.OpDivS, ir.OpDivU)
	bin := func(o ir.Op, p, q *ir.Value) *ir.Value { return fn.op(o, bt, p, q) }
	switch op {
	case ast.Add:
		if d == nil {
			return fn.makeComplex(t, bin(ir.OpAdd, a, c), b)
		}
		return fn.makeComplex(t, bin(ir.OpAdd, a, c), bin(ir.OpAdd, b, d))
	case ast.Sub:
		if d == nil {
			return fn.makeComplex(t, bin(ir.OpSub, a, c), b)
		}
		return fn.makeComplex(t, bin(ir.OpSub, a, c), bin(ir.OpSub, b, d))
	case ast.Mul:
		if d == nil {
			return fn.makeComplex(t, bin(ir.OpMul, a, c), bin(ir.OpMul, b, c))
		}
		// (a+bi)(c+di) = (ac-bd) + (ad+bc)i
		re := bin(ir.OpSub, bin(ir.OpMul, a, c), bin(ir.OpMul, b, d))
		im := bin(ir.OpAdd, bin(ir.OpMul, a, d), bin(ir.OpMul, b, c))
		return fn.makeComplex(t, re, im)
	case ast.Div:
		if d == nil {
			return fn.makeComplex(t, bin(div, a, c), bin(div, b, c))
		}
		if bt.IsFloat() {
			return fn.complexDiv(t, a, b, c, d)
		}
		// Integer complex: (a+bi)/(c+di) = ((ac+bd) + (bc-ad)i) / (cc+dd)
		den := bin(ir.OpAdd, bin(ir.OpMul, c, c), bin(ir.OpMul, d, d))
		re := bin(ir.OpAdd, bin(ir.OpMul, a, c), bin(ir.OpMul, b, d))
		im := bin(ir.OpSub, bin(ir.OpMul, b, c), bin(ir.OpMul, a, d))
		return fn.makeComplex(t, bin(div, re, den), bin(div, im, den))
	}
	fn.g.diags.Errorf(fn.pos(), "invalid operands to binary operator on complex values")
	return x
}

// complexEq compares complex (or mixed complex and real) operands for == or !=.
func (fn *fn) complexEq(op ast.BinaryOp, x, y *ir.Value, xt, yt *ast.Type) *ir.Value {
	ct := xt
	if xt.Kind != ast.Complex {
		ct = yt
	}
	a, b := fn.complexOperand(x, xt, ct)
	c, d := fn.complexOperand(y, yt, ct)
	if b == nil {
		b = fn.zeroOf(a.Type)
	}
	if d == nil {
		d = fn.zeroOf(c.Type)
	}
	re := fn.op(ir.OpEq, ir.I32, a, c)
	im := fn.op(ir.OpEq, ir.I32, b, d)
	eq := fn.op(ir.OpAnd, ir.I32, re, im)
	if op == ast.Ne {
		return fn.op(ir.OpXor, ir.I32, eq, fn.iconst(ir.I32, 1))
	}
	if op != ast.Eq {
		fn.g.diags.Errorf(fn.pos(), "invalid comparison of complex values")
	}
	return eq
}

// GNU vectors (vector_size): element-wise operations in memory.

func (fn *fn) vectorArith(op ast.BinaryOp, x, y *ir.Value, t, xt, yt *ast.Type) *ir.Value {
	et := t.Base
	tmp := fn.tempSlot(t)
	elem := func(v *ir.Value, vt *ast.Type, off int64) *ir.Value {
		if vt.Kind == ast.Vector {
			return fn.convert(fn.load(fn.offset(v, off), vt.Base, false), vt.Base, et)
		}
		return fn.convert(v, vt, et)
	}
	for i := int64(0); i < t.Len; i++ {
		off := i * et.Size
		a, b := elem(x, xt, off), elem(y, yt, off)
		fn.store(fn.offset(tmp, off), fn.arith(op, a, b, et, et), et, false)
	}
	return tmp
}

// convertVector converts vector x of type from element by element to vector type to
// (__builtin_convertvector; sema checked that the element counts agree).
func (fn *fn) convertVector(x *ir.Value, from, to *ast.Type) *ir.Value {
	tmp := fn.tempSlot(to)
	for i := int64(0); i < to.Len; i++ {
		a := fn.load(fn.offset(x, i*from.Base.Size), from.Base, false)
		fn.store(fn.offset(tmp, i*to.Base.Size), fn.convert(a, from.Base, to.Base), to.Base, false)
	}
	return tmp
}

func (fn *fn) vectorUnary(op ast.UnaryOp, x *ir.Value, t *ast.Type) *ir.Value {
	et := t.Base
	tmp := fn.tempSlot(t)
	for i := int64(0); i < t.Len; i++ {
		off := i * et.Size
		a := fn.load(fn.offset(x, off), et, false)
		o := ir.OpNeg
		if op == ast.BitNot {
			o = ir.OpNot
		}
		fn.store(fn.offset(tmp, off), fn.op(o, a.Type, a), et, false)
	}
	return tmp
}

// complexDivLimits are the thresholds of complexDiv for one floating type, as libgcc
// defines them from <float.h>: RBIG = MAX/2, RMIN = MIN, RMIN2 = EPSILON,
// RMAX2 = RBIG*RMIN2, RMINSCAL = 1/EPSILON. Decimal text is used for the types wider
// than double (their values are beyond float64's range).
var complexDivLimits = map[ir.Type][5]string{
	ir.F32: {"1.70141173319264429905852091742258462e+38", "1.17549435082228750796873653722224568e-38",
		"1.1920928955078125e-07", "2.02824096036516704239472512860160000e+31", "8388608"},
	ir.F64: {"8.98846567431157853567e+307", "2.22507385850720138309e-308",
		"2.220446049250313080847e-16", "1.99584030953471981166e+292", "4503599627370496"},
	ir.F80: {"5.948657476786158825106319265154851025845e+4931", "3.362103143112093506262677817321752602598e-4932",
		"1.084202172485504434007452800869941711426e-19", "6.449547359703692559088505817241659073743e+4912", "9223372036854775808"},
	ir.F128: {"5.948657476786158825428796633140035080982e+4931", "3.362103143112093506262677817321752602598e-4932",
		"1.925929944387235853055977942584927318538e-34", "1.145669756344548161919429759370210867460e+4898", "5192296858534827628530496329220096"},
}

// complexDiv divides a+bi by c+di as libgcc's __divsc3/__divdc3/__divxc3/__divtc3
// (gcc 12: Smith's method with scaling against overflow and underflow, and the
// alternative order for a subnormal ratio), without branches; the Annex G recovery of
// infinities and NaNs is not done.
func (fn *fn) complexDiv(t *ast.Type, a, b, c, d *ir.Value) *ir.Value {
	bt := a.Type
	// num is a constant of type bt from its decimal text (exact for F80 and F128,
	// whose limits lie beyond float64's range).
	num := func(text string) *ir.Value {
		v, _ := strconv.ParseFloat(text, 64) // ±Inf or 0 beyond float64: F80/F128 use the text
		return fn.floatConstOf(bt, text, v)
	}
	lim := complexDivLimits[bt]
	rbig, rmin, rmin2, rmax2, rminscal := lim[0], lim[1], lim[2], lim[3], lim[4]
	bin := func(o ir.Op, p, q *ir.Value) *ir.Value { return fn.op(o, bt, p, q) }
	abs := func(x *ir.Value) *ir.Value { return fn.op(ir.OpFAbs, bt, x) }
	lt := func(x *ir.Value, v string) *ir.Value { return fn.op(ir.OpLtS, ir.I32, x, num(v)) }
	sel := func(c, x, y *ir.Value) *ir.Value { return fn.op(ir.OpSelect, bt, c, x, y) }
	and := func(x, y *ir.Value) *ir.Value { return fn.op(ir.OpAnd, ir.I32, x, y) }
	// p is the denominator part of larger magnitude, q the other; u, w the numerator
	// parts in the matching roles.
	swap := fn.op(ir.OpLtS, ir.I32, abs(c), abs(d))
	p, q := sel(swap, d, c), sel(swap, c, d)
	u, w := sel(swap, b, a), sel(swap, a, b)
	scale := func(f *ir.Value) {
		p, q, u, w = bin(ir.OpMul, p, f), bin(ir.OpMul, q, f), bin(ir.OpMul, u, f), bin(ir.OpMul, w, f)
	}
	scale(sel(fn.op(ir.OpGeS, ir.I32, abs(p), num(rbig)), num("0.5"), num("1")))
	small := lt(abs(p), rmin2)
	pOK := lt(abs(p), rmax2)
	tiny := fn.op(ir.OpOr, ir.I32,
		and(and(lt(abs(u), rmin), lt(abs(w), rmax2)), pOK),
		and(and(lt(abs(w), rmin), lt(abs(u), rmax2)), pOK))
	scale(sel(fn.op(ir.OpOr, ir.I32, small, tiny), num(rminscal), num("1")))
	ratio := bin(ir.OpDivS, q, p)
	denom := bin(ir.OpAdd, bin(ir.OpMul, q, ratio), p)
	normal := fn.op(ir.OpGtS, ir.I32, abs(ratio), num(rmin))
	t1 := sel(normal, bin(ir.OpMul, w, ratio), bin(ir.OpMul, q, bin(ir.OpDivS, w, p)))
	t2 := sel(normal, bin(ir.OpMul, u, ratio), bin(ir.OpMul, q, bin(ir.OpDivS, u, p)))
	x := bin(ir.OpDivS, bin(ir.OpAdd, u, t1), denom)
	y := bin(ir.OpDivS, bin(ir.OpSub, w, t2), denom)
	y = sel(swap, fn.op(ir.OpNeg, bt, y), y)
	return fn.makeComplex(t, x, y)
}
