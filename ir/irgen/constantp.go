package irgen

import (
	"gocc/ast"
	"gocc/ir"
)

// ConstantPSym is the pseudo-function standing for a __builtin_constant_p(x) that sema
// could not decide: a call of it with x as the only argument, returning I32. The
// optimizer replaces every such call (opt/bcp.go): by 1 if x has become a constant
// after constant propagation, else by 0 (always 0 at -O0, as gcc). Sema passes only
// side-effect-free scalar operands, so evaluating x here changes nothing.
const ConstantPSym = "__builtin_constant_p"

func (fn *fn) constantP(e *ast.Call) *ir.Value {
	t := fn.g.scalarType(e.Type())
	if len(e.Args) != 1 {
		return fn.intConst(e.Type(), 0)
	}
	x := fn.expr(e.Args[0])
	callee := fn.op(ir.OpAddr, ir.Ptr)
	callee.Sym = ConstantPSym
	c := fn.op(ir.OpCall, t, callee, x)
	c.Sym = ConstantPSym
	c.Call = &ir.CallInfo{Params: []ir.Param{{Type: x.Type}}, NumFixed: 1, Ret: t}
	return c
}
