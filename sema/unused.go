package sema

import "gocc/ast"

// The -Wall warnings about a function body gcc gives: -Wunused-variable,
// -Wunused-but-set-variable and -Wreturn-type's "control reaches end of non-void
// function". They are checked on the typed tree, conservatively: a false warning
// breaks -Werror builds, a missed one costs nothing.

// unusedWarnings reports the variables of the function just checked that nothing
// reads: never used at all, or only assigned with '='.
func (c *checker) unusedWarnings() {
	for _, o := range c.fn.locals {
		if o.Read || o.Name == "" {
			continue
		}
		if o.Assigned {
			c.warnOpt(o.Pos, "unused-but-set-variable", "variable '%s' set but not used", o.Name)
		} else {
			c.warnOpt(o.Pos, "unused-variable", "unused variable '%s'", o.Name)
		}
	}
}

// returnTypeWarning reports a non-void function whose end is reachable (C11
// 6.9.1p12: using the value of such a call is undefined). main is exempt: reaching
// its end returns 0 (C11 5.1.2.2.3).
//
// A function without any return statement gets gcc's front-end warning "no return
// statement in function returning non-void" instead (also under -fsyntax-only),
// when it is static (an external one gets "control reaches end"), unless its return
// type is an implicit int, it is noreturn (exempt: noStmtOK) or it calls a function
// (gcc is silent when the call might not return; gocc does not try to tell).
// "control reaches end" comes from gcc's middle end, so not under -fsyntax-only, and
// gcc does not give it in a function with a "return;" (already warned about).
func (c *checker) returnTypeWarning(d *ast.FuncDef, ret *ast.Type, name string, noStmtOK, noFlow bool) {
	if ret.Kind == ast.Void || name == "main" || d.Body == nil {
		return
	}
	pos := d.Body.End
	if !pos.IsValid() {
		pos = d.Body.Pos
	}
	if !c.fn.returns && !noStmtOK && !c.fn.calls {
		if completes(d.Body) {
			c.warnOpt(pos, "return-type", "no return statement in function returning non-void")
		}
		return
	}
	if c.diags.SyntaxOnly || noFlow || c.fn.bareRet || !completes(d.Body) {
		return
	}
	c.warnOpt(pos, "return-type", "control reaches end of non-void function")
}

// completes reports whether control can leave s at its end (rather than by return,
// goto, break, continue or a call that does not return). Any label is taken to be
// a jump target, so code after one is reachable.
func completes(s ast.Stmt) bool {
	switch s := s.(type) {
	case nil:
		return true
	case *ast.Block:
		reach := true
		for _, it := range s.Items {
			if isLabeled(it) {
				reach = true
			}
			if reach {
				reach = completes(it)
			}
		}
		return reach
	case *ast.ReturnStmt, *ast.GotoStmt, *ast.IndirectGoto, *ast.BreakStmt, *ast.ContinueStmt:
		return false
	case *ast.ExprStmt:
		return !noReturnCall(s.X)
	case *ast.IfStmt:
		return s.Else == nil || completes(s.Then) || completes(s.Else)
	case *ast.WhileStmt:
		return !alwaysTrue(s.Cond) || breaksOut(s.Body)
	case *ast.ForStmt:
		return s.Cond != nil && !alwaysTrue(s.Cond) || breaksOut(s.Body)
	case *ast.DoStmt:
		return !alwaysTrue(s.Cond) && (completes(s.Body) || continuesIn(s.Body)) || breaksOut(s.Body)
	case *ast.SwitchStmt:
		return s.Default == nil || completes(s.Body) || breaksOut(s.Body)
	case *ast.LabeledStmt:
		return completes(s.Body)
	case *ast.CaseStmt:
		return completes(s.Body)
	case *ast.DefaultStmt:
		return completes(s.Body)
	}
	return true
}

// noReturnLibrary are the C library functions gcc knows not to return.
var noReturnLibrary = map[string]bool{"abort": true, "exit": true, "_exit": true, "_Exit": true,
	"quick_exit": true, "longjmp": true, "siglongjmp": true}

func isLabeled(s ast.Stmt) bool {
	switch s.(type) {
	case *ast.LabeledStmt, *ast.CaseStmt, *ast.DefaultStmt:
		return true
	}
	return false
}

// alwaysTrue reports whether a controlling expression is a nonzero constant.
func alwaysTrue(e ast.Expr) bool {
	for {
		switch x := e.(type) {
		case *ast.IntLit:
			return x.Value != 0
		case *ast.Cast:
			e = x.X
			continue
		}
		return false
	}
}

// noReturnCall reports whether e is a call of a function that does not return.
func noReturnCall(e ast.Expr) bool {
	call, ok := e.(*ast.Call)
	if !ok {
		if k, ok := e.(*ast.Cast); ok {
			return noReturnCall(k.X)
		}
		return false
	}
	switch call.Builtin {
	case "__builtin_unreachable", "__builtin_trap", "__builtin_abort", "__builtin_exit", "__builtin__exit",
		"__builtin__Exit", "__builtin_longjmp":
		return true
	}
	o := ast.DirectCallee(call.Fn)
	// The standard library's functions that do not return are gcc builtins, known as
	// such even when declared implicitly.
	return o != nil && (o.Noreturn || o.Linkage == ast.External && noReturnLibrary[o.Name])
}

// breaksOut reports whether s holds a break that leaves the loop or switch whose body
// s is (not one inside a nested loop or switch).
func breaksOut(s ast.Stmt) bool { return findJump(s, true) }

// continuesIn reports whether s holds a continue of the loop whose body s is.
func continuesIn(s ast.Stmt) bool { return findJump(s, false) }

func findJump(s ast.Stmt, isBreak bool) bool {
	switch s := s.(type) {
	case *ast.BreakStmt:
		return isBreak
	case *ast.ContinueStmt:
		return !isBreak
	case *ast.Block:
		for _, it := range s.Items {
			if findJump(it, isBreak) {
				return true
			}
		}
	case *ast.IfStmt:
		return findJump(s.Then, isBreak) || s.Else != nil && findJump(s.Else, isBreak)
	case *ast.LabeledStmt:
		return findJump(s.Body, isBreak)
	case *ast.CaseStmt:
		return findJump(s.Body, isBreak)
	case *ast.DefaultStmt:
		return findJump(s.Body, isBreak)
	case *ast.SwitchStmt:
		return !isBreak && findJump(s.Body, isBreak) // a continue in a switch is the loop's
	}
	return false // loops: their breaks and continues are their own
}
