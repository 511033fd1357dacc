package sema

import "gocc/ast"

// tgmathCall resolves __builtin_tgmath(f1, ..., fn, a1, ..., am) (gcc manual "Other
// Builtins"), which <tgmath.h> macros expand to: a call of the one function among
// f1..fn that C11 7.25p3 selects for the arguments a1..am.
//
// The functions are prototyped, not variadic, with m parameters each (m is the first
// function's parameter count, which splits the list). A parameter is generic when its
// type differs between the functions; each function's generic type t is its first
// generic parameter's type (or its pointee). The arguments for generic parameters
// decide: long double if any has (real or complex) type long double, else double if
// any has type double or an integer type, else float; and a complex function if any
// is complex, or if every candidate is complex (creal, carg…).
func (c *checker) tgmathCall(e *ast.Call) ast.Expr {
	fail := func(msg string) ast.Expr {
		c.errorf(e.Pos, "%s", msg)
		l := c.intLit(0, c.types[ast.Int])
		l.Pos = e.Pos
		return l
	}
	funcOf := func(x ast.Expr) *ast.Type {
		t := x.Type()
		if t.Kind == ast.Pointer && t.Base != nil && t.Base.Kind == ast.Func {
			return t.Base
		}
		return nil
	}
	if len(e.Args) < 3 {
		return fail("too few arguments to '__builtin_tgmath'")
	}
	first := c.rvalue(e.Args[0])
	ft0 := funcOf(first)
	if ft0 == nil || ft0.OldStyle || ft0.Variadic {
		return fail("'__builtin_tgmath' function arguments must be prototyped non-variadic functions")
	}
	m := len(ft0.Params)
	if len(ft0.Params) == 1 && ft0.Params[0].Type.Kind == ast.Void {
		m = 0
	}
	nf := len(e.Args) - m
	if nf < 2 || m == 0 {
		return fail("too few arguments to '__builtin_tgmath'")
	}
	fns := []ast.Expr{first}
	fts := []*ast.Type{ft0}
	for i := 1; i < nf; i++ {
		f := c.rvalue(e.Args[i])
		ft := funcOf(f)
		if ft == nil || ft.OldStyle || ft.Variadic || len(ft.Params) != m {
			return fail("'__builtin_tgmath' function arguments must be prototyped non-variadic functions with the same number of parameters")
		}
		fns, fts = append(fns, f), append(fts, ft)
	}
	args := make([]ast.Expr, m)
	for i := range args {
		args[i] = c.rvalue(e.Args[nf+i])
	}
	generic := make([]bool, m)
	genT := make([]*ast.Type, nf) // each function's t
	for p := 0; p < m; p++ {
		for i := 1; i < nf; i++ {
			if !c.sameType(fts[i].Params[p].Type.Unqual(), ft0.Params[p].Type.Unqual()) {
				generic[p] = true
			}
		}
		if !generic[p] {
			continue
		}
		for i := range fts {
			if genT[i] == nil {
				t := fts[i].Params[p].Type
				if t.Kind == ast.Pointer {
					t = t.Base
				}
				genT[i] = t.Unqual()
			}
		}
	}
	if genT[0] == nil {
		return fail("'__builtin_tgmath' functions have no type-generic parameter")
	}
	// C11 7.25p3.
	want, cplx := ast.Float, false
	for p, a := range args {
		if !generic[p] {
			continue
		}
		t := a.Type()
		if t.Kind == ast.Complex {
			cplx = true
			t = t.Base
		}
		switch {
		case t.Kind == ast.LongDouble:
			want = ast.LongDouble
		case (t.Kind == ast.Double || t.IsInteger()) && want != ast.LongDouble:
			want = ast.Double
		case t.Kind == ast.Float, t.Kind == ast.Double, t.IsInteger():
		default:
			return fail("invalid type of argument to '__builtin_tgmath'")
		}
	}
	allComplex := true
	for _, t := range genT {
		allComplex = allComplex && t.Kind == ast.Complex
	}
	sel := -1
	for i, t := range genT {
		isC := t.Kind == ast.Complex
		real := t
		if isC {
			real = t.Base
		}
		if real.Kind == want && (isC == cplx || allComplex) {
			sel = i
			break
		}
	}
	if sel < 0 {
		return fail("no matching function for type-generic call")
	}
	ft := fts[sel]
	fnName := "<function>"
	if k, ok := fns[sel].(*ast.Cast); ok {
		if id, ok := k.X.(*ast.Ident); ok {
			fnName = id.Name
		}
	}
	for i, x := range args {
		args[i] = c.assignConv(x, ft.Params[i].Type, convCtx{kind: ctxArg, pos: x.Position(), argNum: i + 1, fnName: fnName})
	}
	e.Fn, e.Args, e.Builtin = fns[sel], args, ""
	c.resolveType(ft.Base)
	e.Ty = ft.Base.Unqual()
	return e
}
