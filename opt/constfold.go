package opt

import (
	"math"
	"math/bits"

	"gocc/ir"
)

// constfold evaluates operations whose operands are constants, with the semantics C
// gives them at the operand's width: integer arithmetic wraps in two's complement
// (unsigned arithmetic is modular, C11 6.2.5p9; signed overflow is undefined, so
// wrapping is a valid choice), comparisons give 0 or 1 (6.5.8p6, 6.5.9p3), floating
// arithmetic is done in the precision of the type with round-to-nearest (F.3). Anything
// undefined or target-dependent is left alone: division by zero and INT_MIN / -1
// (6.5.5p5-6), shift counts outside [0, width) (6.5.7p3), floating to integer
// conversions whose value does not fit (6.3.1.4p1), clz/ctz of zero. I128, pointer
// constants and binary128 (F128) are not folded; F80 arithmetic is folded exactly
// (f80fold.go).
//
// Integer constants are written back sign-extended from their width (the canonical form
// of an OpConst's AuxInt produced here); inputs are read by truncating AuxInt to the
// width, so either extension is accepted.
//
// Requires: valid IR. Preserves: the CFG; values are rewritten in place (an OpConst,
// OpConstFloat, or OpCopyValue of a Select's chosen operand), so IDs and types stay.
func constfold(f *ir.Func, _ *passContext) {
	for changed := true; changed; {
		changed = false
		for _, b := range ir.ReversePostorder(f) {
			for _, v := range b.Values {
				if foldValue(v) {
					changed = true
				}
			}
		}
	}
}

// intWidth returns the width in bits of a foldable integer type, or 0.
func intWidth(t ir.Type) uint {
	switch t {
	case ir.I8:
		return 8
	case ir.I16:
		return 16
	case ir.I32:
		return 32
	case ir.I64:
		return 64
	}
	return 0
}

// sext sign-extends the low w bits of x.
func sext(x int64, w uint) int64 { return x << (64 - w) >> (64 - w) }

// zext zero-extends the low w bits of x.
func zext(x int64, w uint) uint64 { return uint64(x) << (64 - w) >> (64 - w) }

func intConst(v *ir.Value) (int64, uint, bool) {
	if v.Op != ir.OpConst {
		return 0, 0, false
	}
	w := intWidth(v.Type)
	return v.AuxInt, w, w != 0
}

func floatConst(v *ir.Value) (float64, bool) {
	if v.Op != ir.OpConstFloat || (v.Type != ir.F32 && v.Type != ir.F64) {
		return 0, false
	}
	return v.AuxFloat, true
}

// setConst rewrites v into the integer constant x (truncated to v's type).
func setConst(v *ir.Value, x int64) {
	v.ResetArgs()
	v.Op = ir.OpConst
	if w := intWidth(v.Type); w != 0 {
		x = sext(x, w)
	}
	v.AuxInt = x
	v.AuxFloat = 0
}

// setFloat rewrites v into the floating constant x, rounded to v's type.
func setFloat(v *ir.Value, x float64) {
	v.ResetArgs()
	v.Op = ir.OpConstFloat
	if v.Type == ir.F32 {
		x = float64(float32(x))
	}
	v.AuxFloat = x
	v.AuxInt = 0
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// foldValue folds v if its operands are constants, reporting whether it changed v.
func foldValue(v *ir.Value) bool {
	if len(v.Args) > 0 && v.Args[0].Type == ir.F80 && v.Args[0].Op == ir.OpConstFloat {
		return foldF80(v)
	}
	switch len(v.Args) {
	case 1:
		return foldUnary(v)
	case 2:
		if _, _, ok := intConst(v.Args[0]); ok {
			return foldIntBinary(v)
		}
		if _, ok := floatConst(v.Args[0]); ok {
			return foldFloatBinary(v)
		}
	case 3:
		if v.Op == ir.OpSelect {
			if c, _, ok := intConst(v.Args[0]); ok {
				chosen := v.Args[2]
				if c != 0 && zext(c, intWidth(v.Args[0].Type)) != 0 {
					chosen = v.Args[1]
				}
				v.Op = ir.OpCopyValue
				v.SetArgs(chosen)
				return true
			}
		}
	}
	return false
}

func foldIntBinary(v *ir.Value) bool {
	x, w, ok1 := intConst(v.Args[0])
	y, w2, ok2 := intConst(v.Args[1])
	if !ok1 || !ok2 || w != w2 {
		return false
	}
	sx, sy := sext(x, w), sext(y, w)
	ux, uy := zext(x, w), zext(y, w)
	var r int64
	switch v.Op {
	case ir.OpAdd:
		r = sx + sy
	case ir.OpSub:
		r = sx - sy
	case ir.OpMul:
		r = sx * sy
	case ir.OpAnd:
		r = sx & sy
	case ir.OpOr:
		r = sx | sy
	case ir.OpXor:
		r = sx ^ sy
	case ir.OpDivS, ir.OpRemS:
		if sy == 0 || sy == -1 && sx == -1<<(w-1) {
			return false
		}
		if v.Op == ir.OpDivS {
			r = sx / sy
		} else {
			r = sx % sy
		}
	case ir.OpDivU, ir.OpRemU:
		if uy == 0 {
			return false
		}
		if v.Op == ir.OpDivU {
			r = int64(ux / uy)
		} else {
			r = int64(ux % uy)
		}
	case ir.OpShl, ir.OpShrS, ir.OpShrU:
		if sy < 0 || sy >= int64(w) {
			return false
		}
		switch v.Op {
		case ir.OpShl:
			r = sx << sy
		case ir.OpShrS:
			r = sx >> sy
		default:
			r = int64(ux >> sy)
		}
	case ir.OpEq:
		r = b2i(sx == sy)
	case ir.OpNe:
		r = b2i(sx != sy)
	case ir.OpLtS:
		r = b2i(sx < sy)
	case ir.OpLeS:
		r = b2i(sx <= sy)
	case ir.OpGtS:
		r = b2i(sx > sy)
	case ir.OpGeS:
		r = b2i(sx >= sy)
	case ir.OpLtU:
		r = b2i(ux < uy)
	case ir.OpLeU:
		r = b2i(ux <= uy)
	case ir.OpGtU:
		r = b2i(ux > uy)
	case ir.OpGeU:
		r = b2i(ux >= uy)
	default:
		return false
	}
	if intWidth(v.Type) == 0 {
		return false
	}
	setConst(v, r)
	return true
}

func foldFloatBinary(v *ir.Value) bool {
	x, ok1 := floatConst(v.Args[0])
	y, ok2 := floatConst(v.Args[1])
	if !ok1 || !ok2 || v.Args[0].Type != v.Args[1].Type {
		return false
	}
	single := v.Args[0].Type == ir.F32
	arith := func(op func(a, b float64) float64, op32 func(a, b float32) float32) {
		if single {
			setFloat(v, float64(op32(float32(x), float32(y))))
		} else {
			setFloat(v, op(x, y))
		}
	}
	switch v.Op {
	case ir.OpAdd:
		arith(func(a, b float64) float64 { return a + b }, func(a, b float32) float32 { return a + b })
	case ir.OpSub:
		arith(func(a, b float64) float64 { return a - b }, func(a, b float32) float32 { return a - b })
	case ir.OpMul:
		arith(func(a, b float64) float64 { return a * b }, func(a, b float32) float32 { return a * b })
	case ir.OpDivS:
		arith(func(a, b float64) float64 { return a / b }, func(a, b float32) float32 { return a / b })
	// Comparisons are exact in either precision; NaN compares unordered (F.9.3).
	case ir.OpEq:
		setConst(v, b2i(x == y))
	case ir.OpNe:
		setConst(v, b2i(x != y))
	case ir.OpLtS:
		setConst(v, b2i(x < y))
	case ir.OpLeS:
		setConst(v, b2i(x <= y))
	case ir.OpGtS:
		setConst(v, b2i(x > y))
	case ir.OpGeS:
		setConst(v, b2i(x >= y))
	default:
		return false
	}
	return true
}

func foldUnary(v *ir.Value) bool {
	a := v.Args[0]
	if x, w, ok := intConst(a); ok {
		sx, ux := sext(x, w), zext(x, w)
		tw := intWidth(v.Type)
		switch v.Op {
		case ir.OpNeg:
			setConst(v, -sx)
		case ir.OpNot:
			setConst(v, ^sx)
		case ir.OpSExt, ir.OpTrunc:
			if tw == 0 {
				return false
			}
			setConst(v, sx)
		case ir.OpZExt:
			if tw == 0 {
				return false
			}
			setConst(v, int64(ux))
		case ir.OpCopyValue:
			setConst(v, sx)
		case ir.OpSToF, ir.OpUToF:
			if v.Type == ir.F32 {
				if v.Op == ir.OpSToF {
					setFloat(v, float64(float32(sx)))
				} else {
					setFloat(v, float64(float32(ux)))
				}
			} else if v.Type == ir.F64 {
				if v.Op == ir.OpSToF {
					setFloat(v, float64(sx))
				} else {
					setFloat(v, float64(ux))
				}
			} else {
				return false
			}
		case ir.OpBitcast:
			switch {
			case w == 32 && v.Type == ir.F32:
				setFloat(v, float64(math.Float32frombits(uint32(ux))))
			case w == 64 && v.Type == ir.F64:
				setFloat(v, math.Float64frombits(ux))
			case tw == w:
				setConst(v, sx)
			case v.Type == ir.Ptr && ux == 0:
				// Integer 0 as a pointer is the null pointer (C11 6.3.2.3p3), whose
				// IR form is OpConst of type Ptr.
				setConst(v, 0)
			default:
				return false
			}
		case ir.OpClz, ir.OpCtz:
			if ux == 0 {
				return false
			}
			if v.Op == ir.OpClz {
				setConst(v, int64(bits.LeadingZeros64(ux)-(64-int(w))))
			} else {
				setConst(v, int64(bits.TrailingZeros64(ux)))
			}
		case ir.OpPopcount:
			setConst(v, int64(bits.OnesCount64(ux)))
		case ir.OpBswap:
			switch w {
			case 16:
				setConst(v, int64(bits.ReverseBytes16(uint16(ux))))
			case 32:
				setConst(v, int64(bits.ReverseBytes32(uint32(ux))))
			case 64:
				setConst(v, int64(bits.ReverseBytes64(ux)))
			default:
				return false
			}
		default:
			return false
		}
		return true
	}
	x, ok := floatConst(a)
	if !ok {
		return false
	}
	switch v.Op {
	case ir.OpNeg:
		setFloat(v, -x)
	case ir.OpFAbs:
		setFloat(v, math.Abs(x))
	case ir.OpSqrt:
		if !(x >= 0) {
			return false // a domain error sets errno in the library function
		}
		if v.Type == ir.F32 {
			setFloat(v, float64(float32(math.Sqrt(x)))) // exact: sqrt rounds correctly in either precision
		} else {
			setFloat(v, math.Sqrt(x))
		}
	case ir.OpCopyValue:
		setFloat(v, x)
	case ir.OpFConv:
		if v.Type != ir.F32 && v.Type != ir.F64 {
			return false
		}
		setFloat(v, x)
	case ir.OpFToS, ir.OpFToU:
		w := intWidth(v.Type)
		if w == 0 || math.IsNaN(x) {
			return false
		}
		t := math.Trunc(x)
		if v.Op == ir.OpFToS {
			lim := math.Ldexp(1, int(w)-1)
			if t < -lim || t >= lim {
				return false
			}
			setConst(v, int64(t))
		} else {
			lim := math.Ldexp(1, int(w))
			if t < 0 || t >= lim {
				return false
			}
			setConst(v, int64(uint64(t)))
		}
	case ir.OpBitcast:
		switch {
		case a.Type == ir.F32 && v.Type == ir.I32:
			setConst(v, int64(int32(math.Float32bits(float32(x)))))
		case a.Type == ir.F64 && v.Type == ir.I64:
			setConst(v, int64(math.Float64bits(x)))
		default:
			return false
		}
	default:
		return false
	}
	return true
}
