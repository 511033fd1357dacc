package sema

import (
	"math"
	"strconv"
	"strings"

	"gocc/ast"
)

// Integer constant folding (C11 6.6). Values are kept as uint64 two's complement,
// truncated to the width of their type and sign-extended for signed types, so that
// folding has exactly the target's wraparound, signedness and shift semantics. Types
// wider than 64 bits (__int128) are folded only through conversions of values that
// fit in 64 bits.

// intLit makes a folded integer constant of type t.
func (c *checker) intLit(v int64, t *ast.Type) *ast.IntLit {
	lit := &ast.IntLit{Value: c.truncate(uint64(v), t)}
	lit.Ty = t
	return lit
}

// truncate reduces v to the width of integer type t (sign-extending signed types).
func (c *checker) truncate(v uint64, t *ast.Type) uint64 {
	t = c.intType(t)
	if t.Kind == ast.Bool {
		if v != 0 {
			return 1
		}
		return 0
	}
	if t.Kind == ast.Pointer {
		t = c.sizeT
	}
	bits := uint(t.Size * 8)
	if bits == 0 || bits >= 64 {
		return v
	}
	v &= 1<<bits - 1
	if c.isSigned(t) && v&(1<<(bits-1)) != 0 {
		v |= ^uint64(0) << bits
	}
	return v
}

// litSigned returns a folded constant's value as int64 (for unsigned 64-bit values
// above MaxInt64, the two's complement reinterpretation).
func (c *checker) litSigned(l *ast.IntLit) int64 { return int64(l.Value) }

// typeIntLit assigns the type of an integer constant (C11 6.4.4.1p5): the first type
// of the list for its suffix and base in which the value fits, using the target's
// sizes. Folded constants (no Text) keep their type.
func (c *checker) typeIntLit(l *ast.IntLit) ast.Expr {
	if l.Ty != nil && l.Text == "" {
		return l
	}
	decimal := !(len(l.Text) > 1 && l.Text[0] == '0')
	var cands []ast.TypeKind
	switch {
	case l.Unsigned && l.Longs == 0:
		cands = []ast.TypeKind{ast.UInt, ast.ULong, ast.ULongLong}
	case l.Unsigned && l.Longs == 1:
		cands = []ast.TypeKind{ast.ULong, ast.ULongLong}
	case l.Unsigned:
		cands = []ast.TypeKind{ast.ULongLong}
	case l.Longs == 0 && decimal:
		cands = []ast.TypeKind{ast.Int, ast.Long, ast.LongLong}
	case l.Longs == 0:
		cands = []ast.TypeKind{ast.Int, ast.UInt, ast.Long, ast.ULong, ast.LongLong, ast.ULongLong}
	case l.Longs == 1 && decimal:
		cands = []ast.TypeKind{ast.Long, ast.LongLong}
	case l.Longs == 1:
		cands = []ast.TypeKind{ast.Long, ast.ULong, ast.LongLong, ast.ULongLong}
	case decimal:
		cands = []ast.TypeKind{ast.LongLong}
	default:
		cands = []ast.TypeKind{ast.LongLong, ast.ULongLong}
	}
	var ty *ast.Type
	for _, k := range cands {
		t := c.types[k]
		bits := uint(t.Size * 8)
		limit := uint64(math.MaxUint64)
		if bits < 64 {
			limit = 1<<bits - 1
		}
		if c.isSigned(t) {
			limit >>= 1
		}
		if l.Value <= limit {
			ty = t
			break
		}
	}
	if ty == nil {
		if decimal && !l.Unsigned {
			c.warnf(l.Pos, "integer constant is so large that it is unsigned")
		} else {
			c.warnf(l.Pos, "integer constant is too large for its type")
		}
		ty = c.types[ast.ULongLong]
	}
	l.Ty = ty
	if l.Imag {
		l.Ty = c.complexOf(ty)
	}
	return l
}

// isNullPtrConst reports whether e is a null pointer constant (C11 6.3.2.3p3): an
// integer constant expression with value 0, or such an expression cast to void *.
func (c *checker) isNullPtrConst(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.IntLit:
		return e.Value == 0 && e.Type().IsInteger()
	case *ast.Cast:
		if e.Type().Kind == ast.Pointer && e.Type().Base.Kind == ast.Void && e.Type().Base.Qual == 0 {
			if l, ok := e.X.(*ast.IntLit); ok && l.Value == 0 {
				return true
			}
		}
	}
	return false
}

// foldBinary folds an integer binary operation whose operands are constants already
// converted as sema requires. It returns nil when the result is not a constant
// (division by zero, out-of-range shift, types wider than 64 bits).
func (c *checker) foldBinary(op ast.BinaryOp, x, y *ast.IntLit, resT *ast.Type) ast.Expr {
	xt := c.intType(x.Type())
	if xt.Size > 8 || resT.Size > 8 {
		return nil
	}
	signed := c.isSigned(xt)
	a, b := x.Value, y.Value
	sa, sb := int64(a), int64(b)
	var r uint64
	boolv := func(v bool) uint64 {
		if v {
			return 1
		}
		return 0
	}
	switch op {
	case ast.Add:
		r = a + b
	case ast.Sub:
		r = a - b
	case ast.Mul:
		r = a * b
	case ast.Div, ast.Rem:
		if b == 0 {
			return nil
		}
		if signed {
			if sb == -1 {
				if op == ast.Div {
					r = uint64(-sa)
				} else {
					r = 0
				}
			} else if op == ast.Div {
				r = uint64(sa / sb)
			} else {
				r = uint64(sa % sb)
			}
		} else if op == ast.Div {
			r = a / b
		} else {
			r = a % b
		}
	case ast.Shl, ast.Shr:
		bits := uint64(xt.Size * 8)
		if sb < 0 {
			return nil
		}
		if uint64(sb) >= bits {
			// Undefined (C11 6.5.7p3); gcc folds it to 0 (after its warning), also
			// in initializers, except a negative value shifted right.
			if op == ast.Shr && signed && sa < 0 {
				return nil
			}
			r = 0
			break
		}
		if op == ast.Shl {
			r = a << uint(b)
		} else if signed {
			r = uint64(sa >> uint(b))
		} else {
			r = a >> uint(b)
		}
	case ast.BitAnd:
		r = a & b
	case ast.BitOr:
		r = a | b
	case ast.BitXor:
		r = a ^ b
	case ast.Eq:
		r = boolv(a == b)
	case ast.Ne:
		r = boolv(a != b)
	case ast.Lt, ast.Le, ast.Gt, ast.Ge:
		var lt, eq bool
		if signed {
			lt, eq = sa < sb, sa == sb
		} else {
			lt, eq = a < b, a == b
		}
		switch op {
		case ast.Lt:
			r = boolv(lt)
		case ast.Le:
			r = boolv(lt || eq)
		case ast.Gt:
			r = boolv(!lt && !eq)
		default:
			r = boolv(!lt)
		}
	case ast.LogAnd:
		r = boolv(a != 0 && b != 0)
	case ast.LogOr:
		r = boolv(a != 0 || b != 0)
	default:
		return nil
	}
	lit := &ast.IntLit{Value: c.truncate(r, resT)}
	lit.Pos = x.Pos
	lit.Ty = resT
	return lit
}

// foldCastInt converts a constant to integer type t, or returns nil.
func (c *checker) foldCast(x ast.Expr, t *ast.Type) ast.Expr {
	if t.Kind == ast.Enum {
		// keep the enum type but fold the value
	} else if !t.IsInteger() && !t.IsFloat() {
		return nil
	}
	switch x := x.(type) {
	case *ast.IntLit:
		xt := x.Type()
		if !xt.IsInteger() || xt.Size > 8 && t.IsFloat() {
			return nil
		}
		if t.IsInteger() {
			v := x.Value
			if t.Size > 8 && int64(v) < 0 && c.isSigned(xt) != c.isSigned(t) {
				// An IntLit of a 128-bit type holds a value its low 64 bits sign-extend
				// to (signed type) or zero-extend to (unsigned type): a 64-bit unsigned
				// value widened to signed 128 bits, or a negative one converted to
				// unsigned 128 bits (2^128-1 for -1) does not fit that form.
				return nil
			}
			lit := &ast.IntLit{Value: c.truncate(v, t)}
			lit.Pos, lit.Ty = x.Pos, t
			return lit
		}
		var f float64
		var text string
		if c.isSigned(xt) {
			f = float64(int64(x.Value))
			text = strconv.FormatInt(int64(x.Value), 10)
		} else {
			f = float64(x.Value)
			text = strconv.FormatUint(x.Value, 10)
		}
		if t.Kind == ast.Float {
			f = float64(float32(f))
		}
		fl := &ast.FloatLit{Value: f}
		if t.Kind == ast.LongDouble {
			fl.Text = text
			fl.Suffix = 'l'
		} else if t.Kind == ast.Float {
			fl.Suffix = 'f'
		}
		fl.Pos, fl.Ty = x.Pos, t
		return fl
	case *ast.FloatLit:
		if x.Imag || x.Type().Kind == ast.Complex {
			return nil
		}
		if t.IsInteger() {
			f := x.Value
			var v uint64
			if t.Kind != ast.Bool && t.Size <= 8 {
				// gcc folds an out-of-range conversion saturating (NaN to 0), as
				// fold_convert_const_int_from_real does.
				bits := uint(t.Size * 8)
				var lo, hi float64
				var lov, hiv uint64
				if c.isSigned(t) {
					lo, hi = -math.Ldexp(1, int(bits-1)), math.Ldexp(1, int(bits-1))
					lov, hiv = uint64(int64(-1)<<(bits-1)), uint64(1)<<(bits-1)-1
				} else {
					lo, hi = 0, math.Ldexp(1, int(bits))
					lov, hiv = 0, ^uint64(0)>>(64-bits)
				}
				switch f = math.Trunc(f); {
				case math.IsNaN(f):
					v = 0
				case f < lo:
					v = lov
				case f >= hi:
					v = hiv
				case c.isSigned(t) || f < 0:
					v = uint64(int64(f))
				default:
					v = uint64(f)
				}
				lit := &ast.IntLit{Value: c.truncate(v, t)}
				lit.Pos, lit.Ty = x.Pos, t
				return lit
			}
			if math.IsNaN(f) || math.IsInf(f, 0) {
				return nil
			}
			f = math.Trunc(f)
			if c.isSigned(t) || f < 0 {
				if f < -9.3e18 || f > 9.3e18 {
					return nil
				}
				v = uint64(int64(f))
			} else {
				if f >= 1.8446744073709552e19 {
					return nil
				}
				v = uint64(f)
			}
			if t.Kind == ast.Bool {
				v = 0
				if x.Value != 0 {
					v = 1
				}
			}
			lit := &ast.IntLit{Value: c.truncate(v, t)}
			lit.Pos, lit.Ty = x.Pos, t
			return lit
		}
		fl := &ast.FloatLit{Value: x.Value}
		switch t.Kind {
		case ast.Float:
			fl.Value = float64(float32(x.Value))
			fl.Suffix = 'f'
		case ast.LongDouble:
			fl.Suffix = 'l'
			// The text gives the exact value only of a long double constant; a float
			// or double one has its rounded value.
			if x.Type().Kind == ast.LongDouble {
				fl.Text = x.Text
			}
		case ast.Double:
			if x.Type().Kind == ast.LongDouble && x.Text != "" {
				if v, err := strconv.ParseFloat(strings.TrimRight(x.Text, "lLfF"), 64); err == nil {
					fl.Value = v
				}
			}
		}
		fl.Pos, fl.Ty = x.Pos, t
		return fl
	}
	return nil
}

// typeFloatLit types a floating constant from its suffix (C11 6.4.4.2p4).
func (c *checker) typeFloatLit(f *ast.FloatLit) ast.Expr {
	if f.Ty != nil {
		return f
	}
	var t *ast.Type
	switch f.Suffix {
	case 'f', 'F':
		t = c.types[ast.Float]
		f.Value = float64(float32(f.Value))
	case 'l', 'L':
		t = c.types[ast.LongDouble]
	default:
		t = c.types[ast.Double]
	}
	if f.Imag {
		t = c.complexOf(t)
	}
	f.Ty = t
	return f
}
