package irgen

import (
	"gocc/ast"
	"gocc/ir"
)

// fpclassify lowers __builtin_fpclassify(nan, inf, normal, subnormal, zero, x) (gcc
// manual "Other Builtins"; what <math.h>'s fpclassify expands to, C11 7.12.3.1): the
// first five arguments are the int values to return for each class of x, which is
// not promoted. Quiet NaNs raise no exception: only equality and ordered comparisons
// against non-NaN operands follow the NaN test in value, and the result is a chain of
// selects.
func (fn *fn) fpclassify(e *ast.Call) *ir.Value {
	var class [5]*ir.Value
	for i := range class {
		class[i] = fn.expr(e.Args[i])
	}
	x := fn.expr(e.Args[5])
	if !x.Type.IsFloat() {
		x = fn.convert(x, e.Args[5].Type(), &ast.Type{Kind: ast.Double, Size: 8, Align: 8})
	}
	ft := x.Type
	fc := func(v float64) *ir.Value {
		c := fn.op(ir.OpConstFloat, ft)
		c.AuxFloat = v
		switch ft {
		case ir.F80:
			c.AuxBits, c.Exact = F80Bits("", v), true
		case ir.F128:
			c.AuxBits, c.Exact = F128Bits("", v), true
		}
		return c
	}
	lo := fc(minNormal(ft))
	switch ft {
	case ir.F80: // 2^-16382, below double's range
		lo.AuxBits = [2]uint64{0x8000000000000000, 1}
	case ir.F128:
		lo.AuxBits = [2]uint64{0, 0x0001000000000000}
	}
	a := fn.op(ir.OpFAbs, ft, x)
	sel := func(cond, then, els *ir.Value) *ir.Value { return fn.op(ir.OpSelect, ir.I32, cond, then, els) }
	r := sel(fn.op(ir.OpEq, ir.I32, a, fc(0)), class[4], class[3])
	r = sel(fn.op(ir.OpGeS, ir.I32, a, lo), class[2], r)
	r = sel(fn.op(ir.OpEq, ir.I32, a, fc(inf)), class[1], r)
	return sel(fn.op(ir.OpNe, ir.I32, x, x), class[0], r)
}
