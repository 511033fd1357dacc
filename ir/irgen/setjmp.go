package irgen

import (
	"gocc/ast"
	"gocc/ir"
)

// GCC's nonlocal-goto builtins (gcc manual "Nonlocal Gotos"):
//
//	int  __builtin_setjmp(void *buf);   // 0 when called, 1 when resumed by longjmp
//	void __builtin_longjmp(void *buf, 1);
//
// buf has room for five words. gocc lowers both to calls of the runtime routines
// __gocc_builtin_setjmp and __gocc_builtin_longjmp (libgocc), which save and restore
// only the frame pointer, the resume address and the stack pointer of the caller.
// That is enough because the setjmp call is marked ReturnsTwice: the function then
// keeps no value in a register across the call (mem2reg leaves it alone, and the
// backend treats the call as clobbering every allocatable register, callee-saved ones
// included), so nothing but the frame needs to be restored when it returns again.

const (
	builtinSetjmpSym  = "__gocc_builtin_setjmp"
	builtinLongjmpSym = "__gocc_builtin_longjmp"
)

// builtinSetjmp lowers __builtin_setjmp (name "setjmp") and __builtin_longjmp ("longjmp").
func (fn *fn) builtinSetjmp(name string, e *ast.Call) *ir.Value {
	buf := fn.expr(e.Args[0])
	if name == "longjmp" {
		// gcc: "__builtin_longjmp second argument must be 1".
		if lit, ok := e.Args[1].(*ast.IntLit); !ok || lit.Value != 1 {
			fn.g.diags.Errorf(e.Pos, "'__builtin_longjmp' second argument must be 1")
		}
		fn.g.refs[builtinLongjmpSym] = true
		c := fn.op(ir.OpCall, ir.Void, fn.addrOfSym(builtinLongjmpSym), buf)
		c.Call = &ir.CallInfo{Params: []ir.Param{{Type: ir.Ptr}}, NumFixed: 1, Ret: ir.Void, NoReturn: true}
		c.Sym = builtinLongjmpSym
		fn.noreturn = fn.b
		return nil
	}
	fn.g.refs[builtinSetjmpSym] = true
	c := fn.op(ir.OpCall, ir.I32, fn.addrOfSym(builtinSetjmpSym), buf)
	c.Call = &ir.CallInfo{Params: []ir.Param{{Type: ir.Ptr}}, NumFixed: 1, Ret: ir.I32, ReturnsTwice: true}
	c.Sym = builtinSetjmpSym
	fn.f.ReturnsTwice = true
	return c // int, sema's signature "i:p"
}
