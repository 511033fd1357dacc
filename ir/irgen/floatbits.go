package irgen

import (
	"math"
	"math/big"
	"strings"
)

// Exact encodings of floating constants. x87 extended precision (Intel SDM vol. 1
// §4.2.2): 1 sign bit, 15-bit exponent with bias 16383, 64-bit significand with an
// explicit integer bit. IEEE 754 binary128: 1 sign bit, 15-bit exponent with bias 16383,
// 112 fraction bits. Both are returned as two little-endian 64-bit words: word 0 is the
// low 64 bits of the 128-bit container.

const extBias = 16383

// parseExact parses a C floating literal spelling (decimal or hexadecimal, suffix
// already removed) rounded to prec significand bits, or returns nil.
func parseExact(text string, prec uint) *big.Float {
	s := strings.TrimRight(text, "fFlL")
	if s == "" {
		return nil
	}
	f, _, err := big.ParseFloat(s, 0, prec, big.ToNearestEven)
	if err != nil {
		return nil
	}
	return f
}

// extValue returns the value to encode: the literal text rounded to prec bits when it
// agrees with the double value (sema may have folded a sign or an expression, in which
// case the text does not describe the value), else the double itself.
func extValue(text string, v float64, prec uint, precAt func(e int) uint) *big.Float {
	if f := parseExact(text, prec); f != nil && !math.IsNaN(v) {
		d, _ := f.Float64()
		switch {
		case d == v:
		case d == -v, math.IsInf(v, 0) && math.IsInf(d, 0) && math.Signbit(v) != math.Signbit(d):
			f.Neg(f)
		case math.IsInf(v, 0) && math.IsInf(d, 0):
		default:
			f = nil
		}
		if f != nil {
			// Subnormal results must be rounded once, at their reduced precision.
			if f.Sign() != 0 {
				if p := precAt(f.MantExp(nil) - 1); p < prec {
					if p == 0 {
						return new(big.Float)
					}
					g := parseExact(text, p)
					if f.Sign() < 0 {
						g.Neg(g)
					}
					f = g
				}
			}
			return f
		}
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return new(big.Float).SetPrec(prec).SetFloat64(v)
}

// F80Bits encodes a value as x87 80-bit extended precision.
func F80Bits(text string, v float64) [2]uint64 {
	sign := uint64(0)
	if math.Signbit(v) {
		sign = 1
	}
	// Significand bits available at binary exponent e (value = 1.f × 2^e).
	precAt := func(e int) uint {
		if e >= 1-extBias {
			return 64
		}
		p := 64 - (1 - extBias - e)
		if p < 0 {
			p = 0
		}
		return uint(p)
	}
	f := extValue(text, v, 64, precAt)
	switch {
	case f == nil && math.IsNaN(v):
		return [2]uint64{0xC000000000000000, 0x7FFF}
	case f == nil:
		return [2]uint64{0x8000000000000000, sign<<15 | 0x7FFF}
	}
	if f.Sign() == 0 {
		return [2]uint64{0, sign << 15}
	}
	if f.Sign() < 0 {
		sign = 1
		f = new(big.Float).Neg(f)
	}
	e := f.MantExp(nil) - 1
	if e > extBias {
		return [2]uint64{0x8000000000000000, sign<<15 | 0x7FFF}
	}
	var biased int
	var mant *big.Int
	if e < 1-extBias {
		biased = 0
		mant, _ = new(big.Float).SetMantExp(f, extBias-1+63).Int(nil)
	} else {
		biased = e + extBias
		mant, _ = new(big.Float).SetMantExp(f, 63-e).Int(nil)
	}
	return [2]uint64{mant.Uint64(), sign<<15 | uint64(biased)}
}

// F128Bits encodes a value as IEEE 754 binary128.
func F128Bits(text string, v float64) [2]uint64 {
	sign := uint64(0)
	if math.Signbit(v) {
		sign = 1
	}
	precAt := func(e int) uint {
		if e >= 1-extBias {
			return 113
		}
		p := 113 - (1 - extBias - e)
		if p < 0 {
			p = 0
		}
		return uint(p)
	}
	f := extValue(text, v, 113, precAt)
	switch {
	case f == nil && math.IsNaN(v):
		return [2]uint64{0, 0x7FFF800000000000}
	case f == nil:
		return [2]uint64{0, sign<<63 | 0x7FFF000000000000}
	}
	if f.Sign() == 0 {
		return [2]uint64{0, sign << 63}
	}
	if f.Sign() < 0 {
		sign = 1
		f = new(big.Float).Neg(f)
	}
	e := f.MantExp(nil) - 1
	if e > extBias {
		return [2]uint64{0, sign<<63 | 0x7FFF000000000000}
	}
	var biased int
	var mant *big.Int
	if e < 1-extBias {
		mant, _ = new(big.Float).SetMantExp(f, extBias-1+112).Int(nil)
	} else {
		biased = e + extBias
		mant, _ = new(big.Float).SetMantExp(f, 112-e).Int(nil)
		mant.SetBit(mant, 112, 0) // the implicit integer bit
	}
	lo := new(big.Int).And(mant, new(big.Int).SetUint64(math.MaxUint64)).Uint64()
	hi := new(big.Int).Rsh(mant, 64).Uint64()
	return [2]uint64{lo, sign<<63 | uint64(biased)<<48 | hi}
}
