package opt

import (
	"math/big"

	"gocc/ir"
)

// x87 extended precision (F80) constants are folded exactly with math/big: a 64-bit
// significand rounded to nearest even is the format's arithmetic (Intel SDM vol. 1
// §4.2.2, §4.8), so big.Float at precision 64 computes what the FPU would, as long as
// the result stays a normal number (denormals, infinities and NaNs are left alone).
// Constants carry their exact bits (Value.Exact, AuxBits: the 64-bit significand, then
// sign and 15-bit exponent).

// f80Value decodes an exact F80 constant; ok is false for anything but zero and normal
// numbers.
func f80Value(v *ir.Value) (*big.Float, bool) {
	if v.Op != ir.OpConstFloat || v.Type != ir.F80 || !v.Exact {
		return nil, false
	}
	mant, se := v.AuxBits[0], v.AuxBits[1]
	exp := int(se & 0x7fff)
	neg := se&0x8000 != 0
	z := new(big.Float).SetPrec(64)
	switch {
	case exp == 0 && mant == 0:
		if neg {
			z.Neg(z)
		}
		return z, true
	case exp == 0 || exp == 0x7fff || mant>>63 == 0:
		return nil, false
	}
	z.SetUint64(mant)
	z.SetMantExp(z, exp-16383-63)
	if neg {
		z.Neg(z)
	}
	return z, true
}

// setF80 rewrites v into the F80 constant z (of precision <= 64) if z is zero or normal.
func setF80(v *ir.Value, z *big.Float) bool {
	var mant, se uint64
	if z.Signbit() {
		se = 0x8000
	}
	if z.Sign() != 0 {
		a := new(big.Float).SetPrec(64).Abs(z)
		e := a.MantExp(nil) - 1 // a = 1.f × 2^e
		biased := e + 16383
		if biased < 1 || biased > 0x7ffe {
			return false
		}
		m, acc := new(big.Float).SetMantExp(a, 63-e).Uint64()
		if acc != big.Exact {
			return false
		}
		mant, se = m, se|uint64(biased)
	}
	v.ResetArgs()
	v.Op = ir.OpConstFloat
	v.AuxInt = 0
	v.AuxFloat, _ = z.Float64()
	v.AuxBits = [2]uint64{mant, se}
	v.Exact = true
	return true
}

// foldF80 folds arithmetic and comparisons of exact F80 constants.
func foldF80(v *ir.Value) bool {
	x, ok := f80Value(v.Args[0])
	if !ok {
		return false
	}
	if len(v.Args) == 1 {
		if v.Op == ir.OpNeg && v.Type == ir.F80 {
			return setF80(v, new(big.Float).SetPrec(64).Neg(x))
		}
		return false
	}
	y, ok := f80Value(v.Args[1])
	if !ok {
		return false
	}
	z := new(big.Float).SetPrec(64).SetMode(big.ToNearestEven)
	switch v.Op {
	case ir.OpAdd:
		return setF80(v, z.Add(x, y))
	case ir.OpSub:
		return setF80(v, z.Sub(x, y))
	case ir.OpMul:
		return setF80(v, z.Mul(x, y))
	case ir.OpEq:
		setConst(v, b2i(x.Cmp(y) == 0))
	case ir.OpNe:
		setConst(v, b2i(x.Cmp(y) != 0))
	case ir.OpLtS:
		setConst(v, b2i(x.Cmp(y) < 0))
	case ir.OpLeS:
		setConst(v, b2i(x.Cmp(y) <= 0))
	case ir.OpGtS:
		setConst(v, b2i(x.Cmp(y) > 0))
	case ir.OpGeS:
		setConst(v, b2i(x.Cmp(y) >= 0))
	default:
		return false
	}
	return true
}
