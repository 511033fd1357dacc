package irgen

import (
	"gocc/ast"
	"gocc/ir"
)

// powi lowers __builtin_powi, powif and powil (gcc manual "Other Builtins"): x raised
// to an int power by repeated squaring, as libgcc's __powidf2 computes it (so results
// round the same way):
//
//	n = |m|; y = n odd ? x : 1
//	while (n >>= 1) { x = x*x; if (n odd) y = y*x }
//	return m < 0 ? 1/y : y
func (fn *fn) powi(e *ast.Call) *ir.Value {
	t := e.Type()
	x := fn.convert(fn.expr(e.Args[0]), e.Args[0].Type(), t)
	m := fn.convert(fn.expr(e.Args[1]), e.Args[1].Type(), &ast.Type{Kind: ast.Int, Size: 4, Align: 4})
	ft := x.Type
	size := int64(ft.Size(fn.g.ptrSize))
	one := fn.op(ir.OpConstFloat, ft)
	one.AuxFloat = 1
	if ft == ir.F80 {
		one.AuxBits, one.Exact = F80Bits("", 1), true
	} else if ft == ir.F128 {
		one.AuxBits, one.Exact = F128Bits("", 1), true
	}
	xs, ys, ns := fn.newSlot(size, size, ""), fn.newSlot(size, size, ""), fn.newSlot(4, 4, "")
	zero := fn.iconst(ir.I32, 0)
	neg := fn.op(ir.OpLtS, ir.I32, m, zero)
	n := fn.op(ir.OpSelect, ir.I32, neg, fn.op(ir.OpSub, ir.I32, zero, m), m) // |m| as unsigned
	odd := func(v *ir.Value) *ir.Value {
		return fn.op(ir.OpNe, ir.I32, fn.op(ir.OpAnd, ir.I32, v, fn.iconst(ir.I32, 1)), zero)
	}
	fn.op(ir.OpStore, ir.Void, xs, x)
	fn.op(ir.OpStore, ir.Void, ys, fn.op(ir.OpSelect, ft, odd(n), x, one))
	fn.op(ir.OpStore, ir.Void, ns, n)
	head, body, mul, done := fn.f.NewBlock(), fn.f.NewBlock(), fn.f.NewBlock(), fn.f.NewBlock()
	fn.jump(head)
	nn := fn.op(ir.OpShrU, ir.I32, fn.op(ir.OpLoad, ir.I32, ns), fn.iconst(ir.I32, 1))
	fn.op(ir.OpStore, ir.Void, ns, nn)
	fn.branch(fn.op(ir.OpNe, ir.I32, nn, zero), body, done)
	fn.startBlock(body)
	xv := fn.op(ir.OpLoad, ft, xs)
	x2 := fn.op(ir.OpMul, ft, xv, xv)
	fn.op(ir.OpStore, ir.Void, xs, x2)
	fn.branch(odd(nn), mul, head)
	fn.startBlock(mul)
	fn.op(ir.OpStore, ir.Void, ys, fn.op(ir.OpMul, ft, fn.op(ir.OpLoad, ft, ys), x2))
	fn.jump(head)
	fn.startBlock(done)
	y := fn.op(ir.OpLoad, ft, ys)
	return fn.op(ir.OpSelect, ft, neg, fn.op(ir.OpDivS, ft, one, y), y)
}
