package irgen

import (
	"gocc/ast"
	"gocc/ir"
)

// returnsTwice lists the setjmp-like functions (gcc's special_function_p): values must
// not stay in registers across calls to them.
var returnsTwice = map[string]bool{
	"setjmp": true, "_setjmp": true, "__sigsetjmp": true, "sigsetjmp": true,
	"savectx": true, "vfork": true, "getcontext": true, "__builtin_setjmp": true,
}

// call lowers a function call (C11 6.5.2.2). The arguments are evaluated left to right.
func (fn *fn) call(e *ast.Call) *ir.Value {
	if e.Builtin != "" {
		return fn.builtin(e)
	}
	ft := funcType(e.Fn.Type())
	var callee *ir.Value
	sym := ""
	obj := ast.DirectCallee(e.Fn)
	var chain *ir.Value // static chain of a GNU C nested function (nested.go)
	if obj != nil {
		chain = fn.nestedChain(obj)
		sym = fn.g.ref(obj)
		callee = fn.addrOfSym(sym)
	} else {
		callee = fn.expr(e.Fn)
	}
	ci := &ir.CallInfo{}
	args := []*ir.Value{callee}
	for _, a := range e.Args {
		at := a.Type()
		v := fn.expr(a)
		if isVariable(at) {
			// A record of variable size (GNU C) is passed by reference to a copy, as gcc.
			ci.Params = append(ci.Params, ir.Param{Type: ir.Ptr})
			args = append(args, fn.copyToTemp(v, at))
			continue
		}
		if byValueAgg(at) {
			// The callee may modify its parameter: pass a private copy (C11 6.5.2.2p4).
			if !isFreshTemp(a) {
				v = fn.copyToTemp(v, at)
			}
			ci.Params = append(ci.Params, ir.Param{Agg: fn.g.aggOf(at)})
		} else if st := fn.g.scalarType(at); (st == ir.I8 || st == ir.I16) && at.IsInteger() {
			// Integers narrower than int are passed extended to 32 bits by their
			// signedness: what gcc and clang callers do on x86-64 (and clang-compiled
			// callees rely on), and what the RISC-V psABI requires (§2.1).
			v = fn.resize(v, st, ir.I32, fn.g.isSigned(at))
			ci.Params = append(ci.Params, ir.Param{Type: ir.I32})
		} else {
			ci.Params = append(ci.Params, ir.Param{Type: st})
		}
		args = append(args, v)
	}
	ci.NumFixed = len(ci.Params)
	switch {
	case ft.Kind == ast.Func && ft.Variadic:
		ci.Variadic = true
		ci.NumFixed = len(ft.Params)
	case ft.Kind != ast.Func || ft.OldStyle:
		// No prototype: every argument is fixed, but the caller behaves as for a
		// variadic callee where the ABI needs it (x86-64 %al).
		ci.Variadic = true
	}
	rt := e.Type()
	if ft.Kind == ast.Func && ft.Base != nil {
		rt = ft.Base
	}
	var result *ir.Value
	switch {
	case rt.Kind == ast.Void:
		ci.Ret = ir.Void
	case isVariable(rt):
		// A record of variable size (GNU C, nested functions): the callee writes it
		// through a trailing pointer to a fresh temporary (nested.go, variableResult).
		ci.Ret = ir.Void
		result = fn.tempSlot(rt)
		ci.Params = append(ci.Params, ir.Param{Type: ir.Ptr})
		ci.NumFixed = len(ci.Params)
		args = append(args, result)
	case byValueAgg(rt):
		ci.RetAgg = fn.g.aggOf(rt)
		result = fn.tempSlot(rt)
		args = append(args, result)
	default:
		ci.Ret = fn.g.scalarType(rt)
	}
	if chain != nil {
		ci.Chain = true
		args = append(args, chain)
	}
	if obj != nil {
		ci.NoReturn = obj.Noreturn
		ci.ReturnsTwice = returnsTwice[obj.Name] || obj.ReturnsTwice
		if obj.Library {
			ci.Lib = obj.Name
		}
	}
	if ci.ReturnsTwice {
		fn.f.ReturnsTwice = true
	}
	c := fn.op(ir.OpCall, ci.Ret, args...)
	c.Call = ci
	c.Sym = sym
	if ci.NoReturn {
		fn.noreturn = fn.b
	}
	if result != nil {
		return result
	}
	if ci.Ret == ir.Void {
		return nil
	}
	return c
}

// isFreshTemp reports whether an aggregate expression already yields a temporary that
// nobody else refers to (a call result or a conversion result).
func isFreshTemp(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Call:
		return x.Builtin == ""
	case *ast.Binary:
		return x.Op != ast.Comma
	case *ast.Unary:
		return x.Op == ast.Neg || x.Op == ast.BitNot
	}
	return false
}
