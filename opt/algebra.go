package opt

import (
	"math/bits"

	"gocc/ir"
)

// algebra applies algebraic identities from a rule table (algebraRules) to integer
// operations: x+0 → x, x*2^k → x<<k, x&x → x and so on. Only identities that hold for
// every value at the operation's width in two's complement are used; floating
// operations are left alone (x+0.0 is not x when x is -0.0, C11 F.9.2).
//
// A value reduced to one of its operands becomes an OpCopyValue of it (copyprop removes
// those); a value reduced to a constant becomes an OpConst in place; new operations and
// constants are inserted just before the value they replace. Commutative operations get
// their constant operand second first, so rules match only "x op c".
//
// Requires: valid IR. Preserves: the CFG, value IDs and types.
func algebra(f *ir.Func, _ *passContext) {
	for changed := true; changed; {
		changed = false
		for _, b := range f.Blocks {
			for i := 0; i < len(b.Values); i++ {
				v := b.Values[i]
				if !(v.Type.IsInt() || v.Type == ir.Ptr || v.Op.IsComparison()) || intWidthOrPtr(v) == 0 {
					continue
				}
				if v.Op.Flags()&ir.Commutative != 0 && len(v.Args) == 2 && v.Args[0].Op == ir.OpConst && v.Args[1].Op != ir.OpConst {
					x, y := v.Args[0], v.Args[1]
					v.SetArgs(y, x)
					changed = true
				}
				for _, r := range algebraRules {
					if r.op == v.Op && r.apply(v) {
						changed = true
						break
					}
				}
			}
		}
	}
}

// intWidthOrPtr returns the width of v's operands (integers only, Ptr counted as 64 since
// no rule here depends on the pointer width), or 0 if v works on anything else.
func intWidthOrPtr(v *ir.Value) uint {
	t := v.Type
	if v.Op.IsComparison() && len(v.Args) > 0 {
		t = v.Args[0].Type
	}
	if t == ir.Ptr {
		return 64
	}
	return intWidth(t)
}

type algebraRule struct {
	op    ir.Op
	name  string // the identity, for reading
	apply func(v *ir.Value) bool
}

// isConstVal reports whether a is the integer constant c at width w.
func isConstVal(a *ir.Value, c int64, w uint) bool {
	return a.Op == ir.OpConst && sext(a.AuxInt, w) == sext(c, w)
}

// powerOfTwo returns k if a is the constant 2^k (k ≥ 1) at width w.
func powerOfTwo(a *ir.Value, w uint) (int, bool) {
	if a.Op != ir.OpConst {
		return 0, false
	}
	u := zext(a.AuxInt, w)
	if u < 2 || u&(u-1) != 0 {
		return 0, false
	}
	return bits.TrailingZeros64(u), true
}

// toArg makes v a copy of its argument i, when the types agree.
func toArg(v *ir.Value, i int) bool {
	a := v.Args[i]
	if a.Type != v.Type {
		return false
	}
	v.Op = ir.OpCopyValue
	v.AuxInt = 0
	v.SetArgs(a)
	return true
}

// toConst makes v the constant c.
func toConst(v *ir.Value, c int64) bool {
	if intWidth(v.Type) == 0 {
		return false
	}
	setConst(v, c)
	return true
}

// constBefore inserts a constant of type t just before v in its block.
func constBefore(v *ir.Value, t ir.Type, c int64) *ir.Value {
	b := v.Block
	for i, x := range b.Values {
		if x == v {
			k := b.InsertAt(i, ir.OpConst, t)
			k.AuxInt = sext(c, intWidth(t))
			return k
		}
	}
	panic("opt: value not in its block")
}

// rightConst builds a rule "x op c → …" for a constant c.
func rightConst(c int64, to func(v *ir.Value) bool) func(v *ir.Value) bool {
	return func(v *ir.Value) bool {
		return isConstVal(v.Args[1], c, intWidthOrPtr(v)) && to(v)
	}
}

// leftConst builds a rule "c op x → …" for a constant c (shifts of a constant).
func leftConst(c int64, to func(v *ir.Value) bool) func(v *ir.Value) bool {
	return func(v *ir.Value) bool { return isConstVal(v.Args[0], c, intWidth(v.Type)) && to(v) }
}

// sameArgs builds a rule "x op x → …".
func sameArgs(to func(v *ir.Value) bool) func(v *ir.Value) bool {
	return func(v *ir.Value) bool { return v.Args[0] == v.Args[1] && to(v) }
}

func left(v *ir.Value) bool { return toArg(v, 0) }
func zero(v *ir.Value) bool { return toConst(v, 0) }
func one(v *ir.Value) bool  { return toConst(v, 1) }
func allOnes(v *ir.Value) bool {
	return toConst(v, -1)
}

// innerOf builds a rule "op (op x) → x" for involutions.
func innerOf(op ir.Op) func(v *ir.Value) bool {
	return func(v *ir.Value) bool {
		in := v.Args[0]
		if in.Op != op || in.Args[0].Type != v.Type {
			return false
		}
		v.Op = ir.OpCopyValue
		v.SetArgs(in.Args[0])
		return true
	}
}

var algebraRules = []algebraRule{
	{ir.OpAdd, "x+0 → x", rightConst(0, left)},
	{ir.OpSub, "x-0 → x", rightConst(0, left)},
	{ir.OpSub, "x-x → 0", sameArgs(zero)},
	{ir.OpMul, "x*0 → 0", rightConst(0, zero)},
	{ir.OpMul, "x*1 → x", rightConst(1, left)},
	{ir.OpMul, "x*-1 → -x", rightConst(-1, func(v *ir.Value) bool {
		v.Op = ir.OpNeg
		v.SetArgs(v.Args[0])
		return true
	})},
	{ir.OpMul, "x*2^k → x<<k", func(v *ir.Value) bool {
		k, ok := powerOfTwo(v.Args[1], intWidth(v.Type))
		if !ok {
			return false
		}
		v.Op = ir.OpShl
		v.SetArg(1, constBefore(v, v.Type, int64(k)))
		return true
	}},
	{ir.OpDivS, "x/1 → x", rightConst(1, left)},
	{ir.OpDivU, "x/1 → x", rightConst(1, left)},
	{ir.OpDivU, "x/2^k → x>>k (unsigned)", func(v *ir.Value) bool {
		k, ok := powerOfTwo(v.Args[1], intWidth(v.Type))
		if !ok {
			return false
		}
		v.Op = ir.OpShrU
		v.SetArg(1, constBefore(v, v.Type, int64(k)))
		return true
	}},
	{ir.OpRemS, "x%1 → 0", rightConst(1, zero)},
	{ir.OpRemU, "x%1 → 0", rightConst(1, zero)},
	{ir.OpRemU, "x%2^k → x&(2^k-1) (unsigned)", func(v *ir.Value) bool {
		k, ok := powerOfTwo(v.Args[1], intWidth(v.Type))
		if !ok {
			return false
		}
		v.Op = ir.OpAnd
		v.SetArg(1, constBefore(v, v.Type, int64(1)<<k-1))
		return true
	}},
	{ir.OpAnd, "x&0 → 0", rightConst(0, zero)},
	{ir.OpAnd, "x&-1 → x", rightConst(-1, left)},
	{ir.OpAnd, "x&x → x", sameArgs(left)},
	{ir.OpOr, "x|0 → x", rightConst(0, left)},
	{ir.OpOr, "x|-1 → -1", rightConst(-1, allOnes)},
	{ir.OpOr, "x|x → x", sameArgs(left)},
	{ir.OpXor, "x^0 → x", rightConst(0, left)},
	{ir.OpXor, "x^x → 0", sameArgs(zero)},
	{ir.OpShl, "x<<0 → x", rightConst(0, left)},
	{ir.OpShrS, "x>>0 → x", rightConst(0, left)},
	{ir.OpShrU, "x>>0 → x", rightConst(0, left)},
	{ir.OpShl, "0<<x → 0", leftConst(0, zero)},
	{ir.OpShrS, "0>>x → 0", leftConst(0, zero)},
	{ir.OpShrU, "0>>x → 0", leftConst(0, zero)},
	{ir.OpShrS, "-1>>x → -1 (arithmetic)", leftConst(-1, allOnes)},
	{ir.OpNeg, "-(-x) → x", innerOf(ir.OpNeg)},
	{ir.OpNot, "~~x → x", innerOf(ir.OpNot)},
	{ir.OpEq, "x==x → 1", sameArgs(one)},
	{ir.OpNe, "x!=x → 0", sameArgs(zero)},
	{ir.OpLtS, "x<x → 0", sameArgs(zero)},
	{ir.OpGtS, "x>x → 0", sameArgs(zero)},
	{ir.OpLtU, "x<x → 0", sameArgs(zero)},
	{ir.OpGtU, "x>x → 0", sameArgs(zero)},
	{ir.OpLeS, "x<=x → 1", sameArgs(one)},
	{ir.OpGeS, "x>=x → 1", sameArgs(one)},
	{ir.OpLeU, "x<=x → 1", sameArgs(one)},
	{ir.OpGeU, "x>=x → 1", sameArgs(one)},
	{ir.OpTrunc, "trunc(ext x) → x", func(v *ir.Value) bool {
		in := v.Args[0]
		if (in.Op != ir.OpSExt && in.Op != ir.OpZExt) || in.Args[0].Type != v.Type {
			return false
		}
		v.Op = ir.OpCopyValue
		v.SetArgs(in.Args[0])
		return true
	}},
	{ir.OpLtU, "x<0 → 0 (unsigned)", rightConst(0, zero)},
	{ir.OpLtU, "zext(y)<c → 1 (c > max y), y!=max (c == max)", zextCompare},
	{ir.OpLeU, "zext(y)<=c → 1 (c >= max y)", zextCompare},
	{ir.OpGtU, "zext(y)>c → 0 (c >= max y)", zextCompare},
	{ir.OpGeU, "zext(y)>=c → 0 (c > max y), y==max (c == max)", zextCompare},
	{ir.OpEq, "x+c1==c2 → x==c2-c1", offsetEquality},
	{ir.OpNe, "x+c1!=c2 → x!=c2-c1", offsetEquality},
	{ir.OpGeU, "x>=0 → 1 (unsigned)", rightConst(0, one)},
}

// zextCompare decides or narrows an unsigned comparison of a zero-extended value y with
// a constant c: zext(y) is at most m, the largest value of y's type.
func zextCompare(v *ir.Value) bool {
	x, k := v.Args[0], v.Args[1]
	if x.Op != ir.OpZExt || k.Op != ir.OpConst {
		return false
	}
	y := x.Args[0]
	w, cw := intWidth(y.Type), intWidth(x.Type)
	if w == 0 || cw == 0 || w >= cw {
		return false
	}
	m := zext(-1, w)
	c := zext(k.AuxInt, cw)
	switch {
	case v.Op == ir.OpLtU && c > m, v.Op == ir.OpLeU && c >= m:
		return one(v)
	case v.Op == ir.OpGtU && c >= m, v.Op == ir.OpGeU && c > m:
		return zero(v)
	case c == m && (v.Op == ir.OpLtU || v.Op == ir.OpGeU):
		// zext(y) < m ⟺ y != m; zext(y) >= m ⟺ y == m.
		if v.Op == ir.OpLtU {
			v.Op = ir.OpNe
		} else {
			v.Op = ir.OpEq
		}
		v.SetArgs(y, constBefore(v, y.Type, int64(m)))
		return true
	}
	return false
}

// offsetEquality moves a constant addend across an equality: x+c1 == c2 ⟺ x == c2-c1
// in modular arithmetic (and x-c1 == c2 ⟺ x == c2+c1).
func offsetEquality(v *ir.Value) bool {
	x, k := v.Args[0], v.Args[1]
	w := intWidth(x.Type)
	if w == 0 || k.Op != ir.OpConst || (x.Op != ir.OpAdd && x.Op != ir.OpSub) || x.Args[1].Op != ir.OpConst {
		return false
	}
	c := k.AuxInt - x.Args[1].AuxInt
	if x.Op == ir.OpSub {
		c = k.AuxInt + x.Args[1].AuxInt
	}
	v.SetArgs(x.Args[0], constBefore(v, x.Type, sext(c, w)))
	return true
}
