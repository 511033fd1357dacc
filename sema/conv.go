package sema

import (
	"fmt"

	"gocc/ast"
	"gocc/diag"
)

// Assignment-like conversions (C11 6.5.16.1) shared by assignment, initialization,
// argument passing and return. gcc 12 accepts many constraint violations with only a
// warning (int-conversion, incompatible-pointer-types); so does gocc.

type convKind uint8

const (
	ctxAssign convKind = iota
	ctxInit
	ctxArg
	ctxReturn
)

type convCtx struct {
	kind   convKind
	pos    diag.Pos
	argNum int
	fnName string
}

// describe produces gcc's phrasing: "assignment to 'T' from 'U'", "initialization of
// 'T' from 'U'", "passing argument N of 'f'", "returning 'U' from a function with
// return type 'T'".
func (cx convCtx) describe(to, from *ast.Type, what string) string {
	switch cx.kind {
	case ctxInit:
		return fmt.Sprintf("initialization of '%s' from %s'%s'", typeString(to), what, typeString(from))
	case ctxArg:
		return fmt.Sprintf("passing argument %d of '%s' %s", cx.argNum, cx.fnName, map[bool]string{true: "from " + what, false: "makes"}[what != ""])
	case ctxReturn:
		return fmt.Sprintf("returning '%s' from a function with %sreturn type '%s'", typeString(from), what, typeString(to))
	}
	return fmt.Sprintf("assignment to '%s' from %s'%s'", typeString(to), what, typeString(from))
}

// signMsg is the middle of gcc's "pointer targets in ... differ in signedness".
func (cx convCtx) signMsg(to, from *ast.Type) string {
	switch cx.kind {
	case ctxInit:
		return fmt.Sprintf("initialization of '%s' from '%s'", typeString(to), typeString(from))
	case ctxArg:
		return fmt.Sprintf("passing argument %d of '%s'", cx.argNum, cx.fnName)
	case ctxReturn:
		return fmt.Sprintf("returning '%s' from a function with return type '%s'", typeString(from), typeString(to))
	}
	return fmt.Sprintf("assignment from '%s' to '%s'", typeString(from), typeString(to))
}

// signFamily maps an integer type kind to its kind regardless of signedness (char,
// signed char and unsigned char are one family).
var signFamily = map[ast.TypeKind]ast.TypeKind{
	ast.Char: ast.Char, ast.SChar: ast.Char, ast.UChar: ast.Char, ast.Short: ast.Short, ast.UShort: ast.Short,
	ast.Int: ast.Int, ast.UInt: ast.Int, ast.Long: ast.Long, ast.ULong: ast.Long,
	ast.LongLong: ast.LongLong, ast.ULongLong: ast.LongLong, ast.Int128: ast.Int128, ast.UInt128: ast.Int128,
}

// differInSignOnly reports whether two pointed-to integer types differ only in
// signedness ("int" and "unsigned int", "char" and "unsigned char"), which gcc
// reports as -Wpointer-sign rather than as incompatible pointer types.
func differInSignOnly(a, b *ast.Type) bool {
	fa, oka := signFamily[a.Kind]
	fb, okb := signFamily[b.Kind]
	return oka && okb && fa == fb && a.Kind != b.Kind
}

func (c *checker) assignConv(e ast.Expr, to *ast.Type, cx convCtx) ast.Expr {
	from := e.Type()
	to = to.Unqual()
	switch {
	case to.Kind == ast.Bool && (from.IsScalar()):
		return c.convert(e, to)
	case to.IsArithmetic() && from.IsArithmetic():
		return c.convert(e, to)
	case to.Kind == ast.Vector && from.Kind == ast.Vector:
		if to.Size != from.Size {
			c.errorf(cx.pos, "incompatible types when %s", c.incompatMsg(cx, to, from))
		}
		return c.convert(e, to)
	case to.IsRecord() && from.IsRecord() && to.Record == from.Record:
		return e
	case to.Kind == ast.Pointer && from.Kind == ast.Pointer:
		tb, fb := to.Base, from.Base
		if !(tb.Kind == ast.Void || fb.Kind == ast.Void) && !c.compatibleUnqual(tb.Unqual(), fb.Unqual()) && differInSignOnly(tb, fb) {
			// gcc's -Wpointer-sign (with -Wall), not an incompatible pointer type.
			c.warnOpt(cx.pos, "pointer-sign", "pointer targets in %s differ in signedness", cx.signMsg(to, from))
		} else if !(tb.Kind == ast.Void || fb.Kind == ast.Void) && !c.compatibleUnqual(tb.Unqual(), fb.Unqual()) {
			msg := cx.describe(to, from, "incompatible pointer type ")
			if cx.kind == ctxArg {
				msg = fmt.Sprintf("passing argument %d of '%s' from incompatible pointer type", cx.argNum, cx.fnName)
			}
			c.warnOpt(cx.pos, "incompatible-pointer-types", "%s", msg)
		} else if fb.Qual&^tb.Qual&(ast.Const|ast.Volatile) != 0 {
			q := qualString(fb.Qual &^ tb.Qual & (ast.Const | ast.Volatile))
			switch cx.kind {
			case ctxArg:
				c.warnOpt(cx.pos, "discarded-qualifiers", "passing argument %d of '%s' discards '%s' qualifier from pointer target type", cx.argNum, cx.fnName, q)
			case ctxInit:
				c.warnOpt(cx.pos, "discarded-qualifiers", "initialization discards '%s' qualifier from pointer target type", q)
			case ctxReturn:
				c.warnOpt(cx.pos, "discarded-qualifiers", "return discards '%s' qualifier from pointer target type", q)
			default:
				c.warnOpt(cx.pos, "discarded-qualifiers", "assignment discards '%s' qualifier from pointer target type", q)
			}
		}
		return c.convert(e, to)
	case to.Kind == ast.Pointer && from.IsInteger():
		if !c.isNullPtrConst(e) {
			c.warnOpt(cx.pos, "int-conversion", "%s", c.intConvMsg(cx, to, from, "pointer from integer"))
		}
		return c.convert(e, to)
	case to.IsInteger() && from.Kind == ast.Pointer:
		c.warnOpt(cx.pos, "int-conversion", "%s", c.intConvMsg(cx, to, from, "integer from pointer"))
		return c.convert(e, to)
	}
	if to.Kind == ast.Union && hasAttr(to.Record.Attrs, "transparent_union") {
		for _, m := range to.Record.Members {
			if c.compatibleUnqual(m.Type.Unqual(), from.Unqual()) || m.Type.Kind == ast.Pointer && from.Kind == ast.Pointer && (c.compatibleUnqual(m.Type.Base.Unqual(), from.Base.Unqual()) || from.Base.Kind == ast.Void || m.Type.Base.Kind == ast.Void) || m.Type.Kind == ast.Pointer && c.isNullPtrConst(e) {
				x := c.convert(e, m.Type)
				return c.mkCast(x, to, ast.CastToUnion)
			}
		}
	}
	c.errorf(cx.pos, "incompatible types when %s", c.incompatMsg(cx, to, from))
	return c.mkCast(e, to, ast.CastImplicit)
}

func (c *checker) incompatMsg(cx convCtx, to, from *ast.Type) string {
	switch cx.kind {
	case ctxInit:
		return fmt.Sprintf("initializing type '%s' using type '%s'", typeString(to), typeString(from))
	case ctxArg:
		return fmt.Sprintf("passing argument %d of '%s'", cx.argNum, cx.fnName)
	case ctxReturn:
		return fmt.Sprintf("returning type '%s' but '%s' was expected", typeString(from), typeString(to))
	}
	return fmt.Sprintf("assigning to type '%s' from type '%s'", typeString(to), typeString(from))
}

func (c *checker) intConvMsg(cx convCtx, to, from *ast.Type, what string) string {
	switch cx.kind {
	case ctxInit:
		return fmt.Sprintf("initialization of '%s' from '%s' makes %s without a cast", typeString(to), typeString(from), what)
	case ctxArg:
		return fmt.Sprintf("passing argument %d of '%s' makes %s without a cast", cx.argNum, cx.fnName, what)
	case ctxReturn:
		return fmt.Sprintf("returning '%s' from a function with return type '%s' makes %s without a cast", typeString(from), typeString(to), what)
	}
	return fmt.Sprintf("assignment to '%s' from '%s' makes %s without a cast", typeString(to), typeString(from), what)
}

// defaultArgPromote applies the default argument promotions (C11 6.5.2.2p6).
func (c *checker) defaultArgPromote(e ast.Expr) ast.Expr {
	t := e.Type()
	if t.Kind == ast.Float {
		return c.convert(e, c.types[ast.Double])
	}
	if t.IsInteger() {
		return c.promote(e)
	}
	return e
}

// call checks a function call (C11 6.5.2.2).
func (c *checker) call(e *ast.Call) ast.Expr {
	fnName := ""
	if id, ok := e.Fn.(*ast.Ident); ok {
		fnName = id.Name
		if id.Obj != nil && id.Obj.Kind == ast.ObjFunc {
			// Already bound: a __builtin_NAME rewritten to the library's NAME.
		} else if o := c.scope.lookup(id.Name); o == nil {
			if roundConvBuiltins[id.Name] {
				return c.roundConvCall(e, id.Name)
			}
			if b, ok := lookupBuiltin(id.Name); ok && !b.libOnly {
				return c.builtinCall(e, id, b)
			}
			c.implicitDecl(id)
		} else if id.Name == "alloca" && o.Kind == ast.ObjFunc && o.Linkage == ast.External && !o.Defined {
			// A declared alloca is still gcc's builtin (the C library has no such
			// function: <alloca.h> maps it to __builtin_alloca).
			b, _ := lookupBuiltin(id.Name)
			return c.builtinCall(e, id, b)
		}
	}
	calleeID, _ := e.Fn.(*ast.Ident)
	fn := c.rvalue(e.Fn)
	e.Fn = fn
	ft := fn.Type()
	if ft.Kind == ast.Pointer && ft.Base.Kind == ast.Func {
		ft = ft.Base
	} else {
		c.errorf(e.Pos, "called object is not a function or function pointer")
		for i, a := range e.Args {
			e.Args[i] = c.rvalue(a)
		}
		e.Ty = c.types[ast.Int]
		return e
	}
	if fnName == "" {
		fnName = "<function>"
		if k, ok := fn.(*ast.Cast); ok {
			if id, ok := k.X.(*ast.Ident); ok {
				fnName = id.Name
			}
		}
	}
	c.resolveType(ft)
	proto := !ft.OldStyle
	if proto && calleeID != nil && c.implicitLib[calleeID.Obj] {
		// An implicitly declared library function has the builtin's prototype, but
		// a call that does not match it is only warned about, as by gcc
		// (-Wbuiltin-declaration-mismatch), and passes its arguments as to "int f()".
		np := len(ft.Params)
		if len(e.Args) < np || len(e.Args) > np && !ft.Variadic {
			c.warnOpt(e.Pos, "builtin-declaration-mismatch", "too %s arguments to built-in function '%s' expecting %d",
				map[bool]string{true: "few", false: "many"}[len(e.Args) < np], fnName, np)
			proto = false
		}
	}
	if proto {
		np := len(ft.Params)
		if np == 1 && ft.Params[0].Type.Kind == ast.Void {
			np = 0
		}
		if len(e.Args) < np {
			c.errorf(e.Pos, "too few arguments to function '%s'", fnName)
		} else if len(e.Args) > np && !ft.Variadic {
			c.errorf(e.Pos, "too many arguments to function '%s'", fnName)
		}
		for i, a := range e.Args {
			x := c.rvalue(a)
			if i < np {
				e.Args[i] = c.assignConv(x, ft.Params[i].Type, convCtx{kind: ctxArg, pos: x.Position(), argNum: i + 1, fnName: fnName})
			} else {
				e.Args[i] = c.defaultArgPromote(x)
			}
		}
	} else {
		for i, a := range e.Args {
			e.Args[i] = c.defaultArgPromote(c.rvalue(a))
		}
	}
	c.resolveType(ft.Base)
	e.Ty = ft.Base.Unqual()
	if e.Ty.Kind != ast.Void && e.Ty.Size < 0 {
		c.errorf(e.Pos, "calling function with incomplete return type '%s'", typeString(e.Ty))
	}
	if calleeID != nil {
		c.formatWarnings(e, fnName, calleeID.Obj)
	}
	c.inlineAbs(e)
	c.inlineComplexParts(e)
	return e
}

// inlineAbs marks a call of the standard abs, labs, llabs, imaxabs, fabs, fabsf or
// fabsl for expansion by irgen, as gcc expands them even at -O0 (and even when the
// program defines the function), unless -fno-builtin(-NAME) says otherwise. So a
// program calling fabs links without -lm, as with gcc.
func (c *checker) inlineAbs(e *ast.Call) {
	id, ok := e.Fn.(*ast.Ident)
	if k, isCast := e.Fn.(*ast.Cast); isCast && k.Kind == ast.CastDecay {
		id, ok = k.X.(*ast.Ident)
	}
	if !ok || id.Obj == nil || id.Obj.Kind != ast.ObjFunc || id.Obj.Linkage != ast.External {
		return
	}
	var builtin string
	var argOK func(*ast.Type) bool
	switch id.Name {
	case "abs", "labs", "llabs", "imaxabs":
		builtin = "__builtin_abs"
		argOK = func(t *ast.Type) bool { return t.IsInteger() && c.isSigned(t) }
	case "fabs", "fabsf", "fabsl":
		builtin = "__builtin_" + id.Name
		argOK = func(t *ast.Type) bool { return t.IsFloat() }
	default:
		return
	}
	if nb := c.file.NoBuiltin; nb[""] || nb[id.Name] {
		return
	}
	if len(e.Args) != 1 || !argOK(e.Ty) || !c.sameType(e.Args[0].Type(), e.Ty) {
		return
	}
	e.Builtin = builtin
}

// implicitDecl declares an undeclared called function as gcc does (C90 implicit
// declaration, accepted with a warning by gcc 12): "extern int f();", or the library
// signature gcc knows for standard functions (malloc returns void *).
func (c *checker) implicitDecl(id *ast.Ident) {
	c.warnOpt(id.Pos, "implicit-function-declaration", "implicit declaration of function '%s'", id.Name)
	if o := c.linkObjs[id.Name]; o != nil {
		c.declareIn(c.scope, id.Name, o)
		return
	}
	var ft *ast.Type
	if b, ok := lookupBuiltin(id.Name); ok && b.libOnly {
		ft = c.builtinSig(b.sig)
		if ft.Base.Kind != ast.Int {
			c.warnOpt(id.Pos, "builtin-declaration-mismatch", "incompatible implicit declaration of built-in function '%s'", id.Name)
		}
	} else {
		ft = &ast.Type{Kind: ast.Func, Base: c.types[ast.Int], OldStyle: true}
		c.resolveType(ft)
	}
	o := &ast.Object{Kind: ast.ObjFunc, Name: id.Name, Pos: id.Pos, Type: ft, Linkage: ast.External,
		Global: true, LinkName: id.Name, Constructor: -1, Destructor: -1}
	if !ft.OldStyle {
		c.implicitLib[o] = true
	}
	c.implicitFn[o] = true
	c.linkObjs[id.Name] = o
	c.addGlobal(o)
	c.declareIn(c.fileScope, id.Name, o)
}
