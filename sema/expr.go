package sema

import (
	"gocc/ast"
	"gocc/diag"
	"math"
)

// Expressions (C11 6.5). expr checks an expression and returns it (possibly replaced
// by a folded constant or a rewritten node) with its type set; arrays and functions are
// not converted. rvalue additionally applies the conversions of C11 6.3.2.1p3-4
// (array and function designators become pointers through CastDecay casts).

func (c *checker) exprNoDecay(e ast.Expr) ast.Expr { return c.expr(e) }

func (c *checker) rvalue(e ast.Expr) ast.Expr {
	e = c.expr(e)
	return c.decay(e)
}

// decay converts an array or function designator to a pointer (C11 6.3.2.1p3-4).
func (c *checker) decay(e ast.Expr) ast.Expr {
	t := e.Type()
	switch t.Kind {
	case ast.Array:
		c.markAddrTaken(e)
		p := c.pointerTo(t.Base)
		return c.mkCast(e, p, ast.CastDecay)
	case ast.Func:
		return c.mkCast(e, c.pointerTo(t), ast.CastDecay)
	}
	return e
}

func (c *checker) mkCast(e ast.Expr, to *ast.Type, kind ast.CastKind) *ast.Cast {
	k := &ast.Cast{Kind: kind, To: to, X: e}
	k.Pos = e.Position()
	k.Ty = to
	return k
}

// convert applies an implicit conversion to type to (C11 6.3), folding constants.
func (c *checker) convert(e ast.Expr, to *ast.Type) ast.Expr {
	from := e.Type()
	to = to.Unqual()
	if c.sameType(from, to) && from.Kind != ast.Enum && to.Kind != ast.Enum {
		return e
	}
	if to.Kind == ast.Void {
		return c.mkCast(e, to, ast.CastImplicit)
	}
	if f := c.foldCast(e, to); f != nil {
		return f
	}
	return c.mkCast(e, to, ast.CastImplicit)
}

// bitField returns the bit-field member an expression designates, or nil.
func bitField(e ast.Expr) *ast.Member {
	if m, ok := e.(*ast.MemberExpr); ok && len(m.Path) > 0 {
		if last := m.Path[len(m.Path)-1]; last.IsBitField {
			return last
		}
	}
	return nil
}

// bitFieldValue is the bit-field whose type an rvalue has in gcc: a member access of
// a bit-field, and the expressions whose value is one unchanged — the right operand
// of a comma, an assignment or increment of a bit-field, and the last expression of a
// statement expression. gcc keeps the bit-field's type ("unsigned int:20") through
// them, so (0, s.f20) promotes to int like s.f20 does.
func bitFieldValue(e ast.Expr) *ast.Member {
	for {
		switch x := e.(type) {
		case *ast.Binary:
			if x.Op != ast.Comma {
				return nil
			}
			e = x.Y
		case *ast.Assign:
			e = x.L
		case *ast.Unary:
			if x.Op != ast.PreInc && x.Op != ast.PreDec && x.Op != ast.PostInc && x.Op != ast.PostDec {
				return nil
			}
			e = x.X
		case *ast.StmtExpr:
			if x.Body == nil || len(x.Body.Items) == 0 {
				return nil
			}
			last, ok := x.Body.Items[len(x.Body.Items)-1].(*ast.ExprStmt)
			if !ok {
				return nil
			}
			e = last.X
		default:
			return bitField(e)
		}
	}
}

// promote applies the integer promotions to an rvalue (C11 6.3.1.1p2), including the
// bit-field rule: a bit-field narrower than int promotes to int.
func (c *checker) promote(e ast.Expr) ast.Expr {
	t := e.Type()
	if !t.IsInteger() {
		return e
	}
	// gcc gives a bit-field the type of its width ("long:24"); one no wider than int
	// promotes to int or unsigned int whatever its declared type.
	if m := bitFieldValue(e); m != nil && m.BitWidth <= int(c.types[ast.Int].Size*8) {
		intBits := int(c.types[ast.Int].Size * 8)
		if m.BitWidth < intBits || c.isSigned(m.Type) {
			return c.convert(e, c.types[ast.Int])
		}
		return c.convert(e, c.types[ast.UInt])
	}
	return c.convert(e, c.promoteType(t))
}

func (c *checker) expr(e ast.Expr) ast.Expr {
	switch e := e.(type) {
	case *ast.IntLit:
		return c.typeIntLit(e)
	case *ast.FloatLit:
		return c.typeFloatLit(e)
	case *ast.CharLit:
		// A character constant is an integer constant of its type (C11 6.4.4.4p10).
		c.typeCharLit(e)
		l := &ast.IntLit{Value: c.truncate(uint64(e.Value), e.Ty)}
		l.Pos, l.Ty = e.Pos, e.Ty
		return l
	case *ast.StringLit:
		c.typeStringLit(e)
		return e
	case *ast.Ident:
		return c.ident(e)
	case *ast.Unary:
		return c.unary(e)
	case *ast.Binary:
		return c.binary(e)
	case *ast.Assign:
		return c.assign(e)
	case *ast.Cond:
		return c.cond(e)
	case *ast.Call:
		x := c.call(e)
		if c.fn != nil {
			c.fn.calls = true
		}
		return x
	case *ast.Index:
		return c.index(e)
	case *ast.MemberExpr:
		return c.member(e)
	case *ast.Cast:
		if e.Kind != ast.CastExplicit && e.Ty != nil {
			return e // inserted by sema already
		}
		return c.cast(e)
	case *ast.Sizeof:
		return c.sizeof(e)
	case *ast.CompoundLit:
		return c.compoundLit(e)
	case *ast.StmtExpr:
		return c.stmtExpr(e)
	case *ast.Generic:
		return c.generic(e)
	case *ast.VaArg:
		e.Ap = c.expr(e.Ap)
		c.resolveType(e.To)
		e.To = e.To.Unqual()
		e.Ty = e.To
		return e
	case *ast.ConvertVector:
		x := c.rvalue(e.X)
		e.X = x
		c.resolveType(e.To)
		e.To = e.To.Unqual()
		e.Ty = e.To
		xt := x.Type()
		switch {
		case xt.Kind != ast.Vector || e.To.Kind != ast.Vector:
			c.errorf(e.Pos, "'__builtin_convertvector' first argument must be an integer or floating vector")
		case xt.Len != e.To.Len:
			c.errorf(e.Pos, "'__builtin_convertvector' number of elements of the first argument vector and the second argument vector type should be the same")
		}
		return e
	case *ast.Offsetof:
		return c.offsetof(e)
	case *ast.TypesCompatible:
		c.resolveType(e.A)
		c.resolveType(e.B)
		v := int64(0)
		if c.compatibleUnqual(e.A.Unqual(), e.B.Unqual()) {
			v = 1
		}
		l := c.intLit(v, c.types[ast.Int])
		l.Pos = e.Pos
		return l
	case *ast.ChooseExpr:
		saved := c.decideConstantP
		c.decideConstantP = true
		cond := c.rvalue(e.C)
		c.decideConstantP = saved
		lit, ok := cond.(*ast.IntLit)
		if !ok {
			c.errorf(e.Pos, "first argument to '__builtin_choose_expr' not a constant")
			e.Chosen = c.rvalue(e.A)
		} else if lit.Value != 0 {
			e.Chosen = c.expr(e.A)
		} else {
			e.Chosen = c.expr(e.B)
		}
		return e.Chosen
	case *ast.LabelAddr:
		if c.fn == nil {
			c.errorf(e.Pos, "label '%s' referenced outside of any function", e.Label)
		} else {
			c.fn.def.HasLabelAddr = true
			e.Label = c.fn.labelName(e.Label, true)
			if _, ok := c.fn.gotos[e.Label]; !ok {
				c.fn.gotos[e.Label] = e.Pos
			}
		}
		e.Ty = c.voidPtr
		return e
	case *ast.InitList:
		c.errorf(e.Pos, "expected expression before '{' token")
		e.Ty = c.types[ast.Int]
		return e
	}
	c.errorf(e.Position(), "unsupported expression")
	e.SetType(c.types[ast.Int])
	return e
}

func (c *checker) wcharType() *ast.Type {
	if c.file.ShortWchar {
		return c.types[ast.UShort] // -fshort-wchar (GCC manual, "Code Gen Options")
	}
	switch c.t.WCharType {
	case "long int":
		return c.types[ast.Long]
	case "unsigned int":
		return c.types[ast.UInt]
	}
	return c.types[ast.Int]
}

func (c *checker) char16Type() *ast.Type { return c.types[ast.UShort] }
func (c *checker) char32Type() *ast.Type { return c.types[ast.UInt] }

// typeCharLit: int for plain (and u8) constants, wchar_t for L, char16_t/char32_t for
// u/U (C11 6.4.4.4p10-11).
func (c *checker) typeCharLit(e *ast.CharLit) {
	switch e.Prefix {
	case ast.PrefixL:
		e.Ty = c.wcharType()
	case ast.Prefix16:
		e.Ty = c.char16Type()
	case ast.Prefix32:
		e.Ty = c.char32Type()
	case ast.PrefixU8:
		e.Ty = c.types[ast.UChar]
	default:
		e.Ty = c.types[ast.Int]
	}
}

// typeStringLit: an array of char, wchar_t, char16_t or char32_t including the
// terminating zero (C11 6.4.5p6).
func (c *checker) typeStringLit(e *ast.StringLit) {
	if e.Ty != nil {
		return
	}
	var elem *ast.Type
	n := int64(len(e.Bytes)) + 1
	switch e.Prefix {
	case ast.PrefixL:
		elem, n = c.wcharType(), int64(len(e.Wide))+1
	case ast.Prefix16:
		elem, n = c.char16Type(), int64(len(e.Wide))+1
	case ast.Prefix32:
		elem, n = c.char32Type(), int64(len(e.Wide))+1
	default:
		elem = c.types[ast.Char]
	}
	t := &ast.Type{Kind: ast.Array, Base: elem, Len: n}
	c.resolveSize(t)
	e.Ty = t
}

// ident binds a name (C11 6.5.1p2).
func (c *checker) ident(e *ast.Ident) ast.Expr {
	o := c.scope.lookup(e.Name)
	if o == nil && e.Obj != nil && e.Obj.Kind == ast.ObjFunc && e.Obj.Global {
		o = e.Obj // bound by builtinCall to the library function of __builtin_NAME
	}
	if o == nil {
		switch e.Name {
		case "__func__", "__FUNCTION__", "__PRETTY_FUNCTION__":
			name := ""
			if c.fn != nil {
				name = c.fn.name
			} else {
				c.warnf(e.Pos, "'%s' is not defined outside of function scope", e.Name)
			}
			s := &ast.StringLit{Bytes: []byte(name)}
			s.Pos = e.Pos
			c.typeStringLit(s)
			return s
		}
		if b, ok := lookupBuiltin(e.Name); ok && b.lib != "" {
			o = c.libObj(b.lib, b.sig)
		} else if ok && !b.libOnly {
			o = c.builtinObj(e.Name, b)
		} else {
			if c.fn != nil {
				c.errorf(e.Pos, "'%s' undeclared (first use in this function)", e.Name)
			} else {
				c.errorf(e.Pos, "'%s' undeclared here (not in a function)", e.Name)
			}
			o = &ast.Object{Kind: ast.ObjVar, Name: e.Name, Type: c.types[ast.Int], Pos: e.Pos}
			c.declareIn(c.scope, e.Name, o)
		}
	}
	if o.Kind == ast.ObjEnumConst {
		l := c.intLit(o.Value, o.Type)
		l.Pos = e.Pos
		return l
	}
	e.Obj = o
	e.Ty = o.Type
	if o.Kind == ast.ObjVar {
		if e == c.assignTarget {
			o.Assigned = true
		} else {
			o.Read = true
		}
	}
	return e
}

// markAddrTaken notes that the object an lvalue designates must live in memory.
func (c *checker) markAddrTaken(e ast.Expr) {
	for {
		switch x := e.(type) {
		case *ast.Ident:
			if x.Obj != nil {
				x.Obj.AddrTaken = true
			}
			return
		case *ast.MemberExpr:
			if x.Arrow {
				return
			}
			e = x.X
		case *ast.Index:
			if k, ok := x.X.(*ast.Cast); ok && k.Kind == ast.CastDecay {
				e = k.X
				continue
			}
			return
		case *ast.Unary:
			if x.Op == ast.Real || x.Op == ast.Imag {
				e = x.X
				continue
			}
			return
		default:
			return
		}
	}
}

// isLvalue reports whether e designates an object (C11 6.3.2.1p1).
func isLvalue(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Obj != nil && x.Obj.Kind == ast.ObjVar
	case *ast.Unary:
		switch x.Op {
		case ast.Deref:
			return true
		case ast.Real, ast.Imag:
			return isLvalue(x.X)
		}
	case *ast.Index, *ast.StringLit, *ast.CompoundLit:
		return true
	case *ast.MemberExpr:
		return x.Arrow || isLvalue(x.X)
	case *ast.VaArg:
		return false
	}
	return false
}

// checkModifiable reports an error unless e is a modifiable lvalue (C11 6.3.2.1p1);
// what names the operation for the message ("assignment", "increment", ...).
func (c *checker) checkModifiable(e ast.Expr, what string, pos diag.Pos) bool {
	if !isLvalue(e) {
		switch what {
		case "assignment":
			c.errorf(pos, "lvalue required as left operand of assignment")
		case "increment":
			c.errorf(pos, "lvalue required as increment operand")
		case "decrement":
			c.errorf(pos, "lvalue required as decrement operand")
		default:
			c.errorf(pos, "lvalue required")
		}
		return false
	}
	t := e.Type()
	if t.Kind == ast.Array {
		c.errorf(pos, "assignment to expression with array type")
		return false
	}
	if t.Qual&ast.Const != 0 || t.IsRecord() && recordHasConst(t.Record) {
		switch x := e.(type) {
		case *ast.Ident:
			c.errorf(pos, "%s of read-only variable '%s'", what, x.Name)
		case *ast.MemberExpr:
			c.errorf(pos, "%s of read-only member '%s'", what, x.Name)
		default:
			c.errorf(pos, "%s of read-only location", what)
		}
		return false
	}
	return true
}

func recordHasConst(r *ast.Record) bool {
	if r == nil {
		return false
	}
	for _, m := range r.Members {
		if m.Type.Qual&ast.Const != 0 || m.Type.IsRecord() && m.Type.Record != r && recordHasConst(m.Type.Record) {
			return true
		}
	}
	return false
}

func (c *checker) unary(e *ast.Unary) ast.Expr {
	switch e.Op {
	case ast.Neg, ast.Plus, ast.BitNot:
		x := c.rvalue(e.X)
		t := x.Type()
		switch {
		case t.Kind == ast.Vector:
			e.X, e.Ty = x, t.Unqual()
			return e
		case t.Kind == ast.Complex && e.Op != ast.Plus:
			e.X, e.Ty = x, t.Unqual()
			return e
		case e.Op == ast.BitNot && !t.IsInteger():
			c.errorf(e.Pos, "wrong type argument to bit-complement")
			e.X, e.Ty = x, c.types[ast.Int]
			return e
		case !t.IsArithmetic():
			c.errorf(e.Pos, "wrong type argument to unary %s", map[ast.UnaryOp]string{ast.Neg: "minus", ast.Plus: "plus"}[e.Op])
			e.X, e.Ty = x, c.types[ast.Int]
			return e
		}
		x = c.promote(x)
		e.X, e.Ty = x, x.Type().Unqual() // an rvalue: no qualifiers (C11 6.3.2.1p2)
		if e.Op == ast.Plus {
			if x.Type().Qual != 0 {
				return e // "+jc" for a const int jc is a plain int
			}
			return x
		}
		if l, ok := x.(*ast.IntLit); ok && l.Type().Size <= 8 {
			v := -l.Value
			if e.Op == ast.BitNot {
				v = ^l.Value
			}
			r := &ast.IntLit{Value: c.truncate(v, e.Ty)}
			r.Pos, r.Ty = e.Pos, e.Ty
			return r
		}
		if f, ok := x.(*ast.FloatLit); ok && e.Op == ast.Neg && !f.Imag {
			r := &ast.FloatLit{Value: -f.Value, Suffix: f.Suffix}
			if f.Text != "" {
				r.Text = "-" + f.Text
				if f.Text[0] == '-' {
					r.Text = f.Text[1:]
				}
			}
			r.Pos, r.Ty = e.Pos, e.Ty
			return r
		}
		return e
	case ast.LogNot:
		x := c.rvalue(e.X)
		if !x.Type().IsScalar() {
			c.errorf(e.Pos, "wrong type argument to unary exclamation mark")
		}
		if x.Type().IsInteger() {
			x = c.promote(x)
		}
		e.X, e.Ty = x, c.types[ast.Int]
		if l, ok := x.(*ast.IntLit); ok {
			v := int64(0)
			if l.Value == 0 {
				v = 1
			}
			r := c.intLit(v, e.Ty)
			r.Pos = e.Pos
			return r
		}
		return e
	case ast.Deref:
		x := c.rvalue(e.X)
		e.X = x
		t := x.Type()
		if t.Kind != ast.Pointer {
			c.errorf(e.Pos, "invalid type argument of unary '*' (have '%s')", typeString(t))
			e.Ty = c.types[ast.Int]
			return e
		}
		c.resolveType(t.Base)
		if t.Base.Kind == ast.Void {
			if c.unevaluated == 0 { // gcc is silent in sizeof and typeof (Linux's __is_constexpr)
				c.warnf(e.Pos, "dereferencing 'void *' pointer")
			}
		}
		e.Ty = t.Base
		return e
	case ast.Addr:
		x := c.expr(e.X)
		e.X = x
		if m := bitField(x); m != nil {
			c.errorf(e.Pos, "cannot take address of bit-field '%s'", m.Name)
		}
		t := x.Type()
		if t.Kind != ast.Func && !isLvalue(x) {
			if id, ok := x.(*ast.Ident); !ok || id.Obj == nil || id.Obj.Kind != ast.ObjFunc {
				c.errorf(e.Pos, "lvalue required as unary '&' operand")
			}
		}
		c.markAddrTaken(x)
		e.Ty = c.pointerTo(t)
		return e
	case ast.PreInc, ast.PreDec, ast.PostInc, ast.PostDec:
		x := c.expr(e.X)
		e.X = x
		what := "increment"
		if e.Op == ast.PreDec || e.Op == ast.PostDec {
			what = "decrement"
		}
		c.checkModifiable(x, what, e.Pos)
		t := x.Type()
		switch {
		case t.Kind == ast.Pointer:
			c.resolveType(t.Base)
			c.checkPointerArith(t, e.Pos)
			e.OpType = t.Unqual()
		case t.IsArithmetic():
			e.OpType = c.promote(x).Type()
			if t.IsFloat() || t.Kind == ast.Complex {
				e.OpType = t.Unqual()
			}
		default:
			c.errorf(e.Pos, "wrong type argument to %s", what)
			e.OpType = c.types[ast.Int]
		}
		e.Ty = t.Unqual()
		return e
	case ast.Real, ast.Imag:
		x := c.expr(e.X)
		t := x.Type()
		if t.Kind == ast.Complex {
			e.X = x
			e.Ty = t.Base.WithQual(t.Qual)
			return e
		}
		if !t.IsArithmetic() {
			c.errorf(e.Pos, "wrong type argument to %s", map[ast.UnaryOp]string{ast.Real: "__real__", ast.Imag: "__imag__"}[e.Op])
		}
		x = c.decay(x)
		if e.Op == ast.Real {
			return x
		}
		// __imag__ of a real value is zero; the operand is still evaluated.
		zero := c.convert(c.intLit(0, c.types[ast.Int]), t.Unqual())
		b := &ast.Binary{Op: ast.Comma, X: x, Y: zero}
		b.Pos, b.Ty = e.Pos, zero.Type()
		return b
	}
	c.errorf(e.Pos, "unsupported unary operator")
	e.Ty = c.types[ast.Int]
	return e
}

// checkPointerArith requires a pointer to a complete object type (C11 6.5.6p2); void
// and function pointers are accepted as GNU extensions (element size 1).
func (c *checker) checkPointerArith(t *ast.Type, pos diag.Pos) {
	b := t.Base
	c.resolveType(b)
	if b.Kind == ast.Void || b.Kind == ast.Func {
		return
	}
	if b.Size < 0 && !(b.Kind == ast.Array && b.VLA) {
		c.errorf(pos, "invalid use of undefined type '%s'", typeString(b))
	}
}

// ptrIndex converts an integer operand of pointer arithmetic to a pointer-sized integer
// (ptrdiff_t if it is narrower, keeping same-size unsigned types).
func (c *checker) ptrIndex(e ast.Expr) ast.Expr {
	e = c.promote(e)
	if e.Type().Size != c.ptrdiff.Size {
		return c.convert(e, c.ptrdiff)
	}
	return e
}

func (c *checker) binary(e *ast.Binary) ast.Expr {
	if e.Op == ast.Comma {
		x := c.rvalue(e.X)
		y := c.rvalue(e.Y)
		e.X, e.Y, e.Ty = x, y, y.Type().Unqual()
		return e
	}
	x := c.rvalue(e.X)
	y := c.rvalue(e.Y)
	e.X, e.Y = x, y
	xt, yt := x.Type(), y.Type()
	bad := func() ast.Expr {
		c.errorf(e.Pos, "invalid operands to binary %s (have '%s' and '%s')", binOpSpelling[e.Op], typeString(xt), typeString(yt))
		e.Ty = c.types[ast.Int]
		return e
	}
	// GNU vectors: element-wise operations; a scalar operand is broadcast by an
	// implicit conversion to the vector type.
	if xt.Kind == ast.Vector || yt.Kind == ast.Vector {
		vt := xt
		if vt.Kind != ast.Vector {
			vt = yt
		}
		vt = vt.Unqual()
		e.X, e.Y = c.convert(x, vt), c.convert(y, vt)
		e.Ty = vt
		if isComparison(e.Op) {
			// Comparisons yield a vector of signed integers of the element size.
			e.Ty = c.vectorCmpType(vt)
		}
		return e
	}
	switch e.Op {
	case ast.LogAnd, ast.LogOr:
		if !xt.IsScalar() || !yt.IsScalar() {
			return bad()
		}
		if xt.IsInteger() {
			x = c.promote(x)
		}
		if yt.IsInteger() {
			y = c.promote(y)
		}
		e.X, e.Y, e.Ty = x, y, c.types[ast.Int]
		if lx, ok := x.(*ast.IntLit); ok {
			if (e.Op == ast.LogAnd) == (lx.Value == 0) {
				r := c.intLit(map[bool]int64{true: 1, false: 0}[e.Op == ast.LogOr], e.Ty)
				r.Pos = e.Pos
				return r
			}
			if ly, ok := y.(*ast.IntLit); ok {
				v := int64(0)
				if ly.Value != 0 {
					v = 1
				}
				r := c.intLit(v, e.Ty)
				r.Pos = e.Pos
				return r
			}
		}
		return e
	case ast.Shl, ast.Shr:
		if !xt.IsInteger() || !yt.IsInteger() {
			return bad()
		}
		x, y = c.promote(x), c.promote(y)
		e.X, e.Y, e.Ty = x, y, x.Type()
		if w := c.precision(x); w < int(e.Ty.Size*8) && e.Ty.IsInteger() {
			// A shift of a wide bit-field is done in the bit-field's width (gcc).
			return c.fieldArith(e, w, c.isSigned(e.Ty))
		}
		if ly, ok := y.(*ast.IntLit); ok {
			if n := int64(ly.Value); n < 0 {
				c.warnOpt(e.Pos, "shift-count-negative", "%s shift count is negative", map[ast.BinaryOp]string{ast.Shl: "left", ast.Shr: "right"}[e.Op])
			} else if n >= e.Ty.Size*8 {
				c.warnOpt(e.Pos, "shift-count-overflow", "%s shift count >= width of type", map[ast.BinaryOp]string{ast.Shl: "left", ast.Shr: "right"}[e.Op])
			}
		}
		return c.foldBin(e)
	case ast.Add, ast.Sub:
		if xt.Kind == ast.Pointer && yt.IsInteger() {
			c.checkPointerArith(xt, e.Pos)
			e.Y, e.Ty = c.ptrIndex(y), xt.Unqual()
			return e
		}
		if e.Op == ast.Add && xt.IsInteger() && yt.Kind == ast.Pointer {
			c.checkPointerArith(yt, e.Pos)
			e.X, e.Ty = c.ptrIndex(x), yt.Unqual()
			return e
		}
		if e.Op == ast.Sub && xt.Kind == ast.Pointer && yt.Kind == ast.Pointer {
			if !c.compatibleUnqual(xt.Base.Unqual(), yt.Base.Unqual()) {
				c.errorf(e.Pos, "invalid operands to binary - (have '%s' and '%s')", typeString(xt), typeString(yt))
			}
			c.checkPointerArith(xt, e.Pos)
			e.Ty = c.ptrdiff
			return e
		}
		fallthrough
	case ast.Mul, ast.Div:
		if !xt.IsArithmetic() || !yt.IsArithmetic() {
			return bad()
		}
		return c.arith(e)
	case ast.Rem, ast.BitAnd, ast.BitOr, ast.BitXor:
		if !xt.IsInteger() || !yt.IsInteger() {
			return bad()
		}
		return c.arith(e)
	case ast.Eq, ast.Ne, ast.Lt, ast.Le, ast.Gt, ast.Ge:
		return c.compare(e)
	}
	return bad()
}

func isComparison(op ast.BinaryOp) bool { return op >= ast.Eq && op <= ast.Ge }

var binOpSpelling = [...]string{
	ast.Add: "+", ast.Sub: "-", ast.Mul: "*", ast.Div: "/", ast.Rem: "%", ast.Shl: "<<",
	ast.Shr: ">>", ast.BitAnd: "&", ast.BitOr: "|", ast.BitXor: "^", ast.Eq: "==", ast.Ne: "!=",
	ast.Lt: "<", ast.Le: "<=", ast.Gt: ">", ast.Ge: ">=", ast.LogAnd: "&&", ast.LogOr: "||", ast.Comma: ",",
}

func (c *checker) vectorCmpType(vt *ast.Type) *ast.Type {
	ek := ast.Int
	for _, k := range []ast.TypeKind{ast.SChar, ast.Short, ast.Int, ast.Long, ast.LongLong} {
		if c.types[k].Size == vt.Base.Size {
			ek = k
			break
		}
	}
	t := &ast.Type{Kind: ast.Vector, Base: c.types[ek], Len: vt.Len}
	c.resolveSize(t)
	return t
}

// arith applies the usual arithmetic conversions to both operands (C11 6.3.1.8).
func (c *checker) arith(e *ast.Binary) ast.Expr {
	px, py := c.promote(e.X), c.promote(e.Y)
	t := c.arithConv(px.Type(), py.Type())
	e.X, e.Y = c.convert(px, t), c.convert(py, t)
	e.Ty = t
	if (e.Op == ast.Div || e.Op == ast.Rem) && t.IsInteger() {
		if l, ok := e.Y.(*ast.IntLit); ok && l.Value == 0 {
			c.warnOpt(e.Pos, "div-by-zero", "division by zero")
		}
	}
	if t.IsInteger() {
		// gcc gives a bit-field wider than int the type of its width; the usual
		// arithmetic conversions pick the operand of greater precision (the unsigned
		// one on a tie), so the operation may be done in fewer bits than t has.
		wx, wy := c.precision(px), c.precision(py)
		if w := max(wx, wy); w < int(t.Size*8) {
			signed := c.isSigned(t)
			switch {
			case wx > wy:
				signed = c.isSigned(px.Type())
			case wy > wx:
				signed = c.isSigned(py.Type())
			}
			return c.fieldArith(e, w, signed)
		}
	}
	return c.foldBin(e)
}

// precision is the number of value bits an integer operand is computed in: its type's
// width, or that of a bit-field wider than int, also for results of arithmetic on such
// bit-fields (gcc).
func (c *checker) precision(e ast.Expr) int {
	if w, ok := c.bfWidth[e]; ok {
		return w
	}
	size := int(e.Type().Size * 8)
	if m := bitFieldValue(e); m != nil && m.BitWidth > int(c.types[ast.Int].Size*8) && m.BitWidth < size {
		return m.BitWidth
	}
	return size
}

// fieldArith reduces the result of the integer operation e to w bits (zero- or
// sign-extended back to e's type), as gcc computes arithmetic on bit-fields wider than
// int in the bit-field's width; the result keeps that precision for enclosing operations.
func (c *checker) fieldArith(e *ast.Binary, w int, signed bool) ast.Expr {
	t := e.Ty
	bits := int(t.Size * 8)
	var r ast.Expr
	if !signed {
		m := c.intLit(int64(uint64(1)<<uint(w)-1), t)
		m.Pos = e.Pos
		b := &ast.Binary{Op: ast.BitAnd, X: e, Y: m}
		b.Pos, b.Ty = e.Pos, t
		r = b
	} else {
		st := t
		if !c.isSigned(t) {
			st = c.types[ast.LongLong]
		}
		n := c.intLit(int64(bits-w), c.types[ast.Int])
		n.Pos = e.Pos
		shl := &ast.Binary{Op: ast.Shl, X: c.convert(e, st), Y: n}
		shl.Pos, shl.Ty = e.Pos, st
		sar := &ast.Binary{Op: ast.Shr, X: shl, Y: n}
		sar.Pos, sar.Ty = e.Pos, st
		r = c.convert(sar, t)
	}
	c.bfWidth[r] = w
	return r
}

func (c *checker) foldBin(e *ast.Binary) ast.Expr {
	lx, ok1 := e.X.(*ast.IntLit)
	ly, ok2 := e.Y.(*ast.IntLit)
	if ok1 && ok2 && e.Ty.IsInteger() {
		if r := c.foldBinary(e.Op, lx, ly, e.Ty); r != nil {
			r.(*ast.IntLit).Pos = e.Pos
			return r
		}
	}
	return e
}

// compare checks a relational or equality operator (C11 6.5.8, 6.5.9); the result
// is int.
func (c *checker) compare(e *ast.Binary) ast.Expr {
	x, y := e.X, e.Y
	xt, yt := x.Type(), y.Type()
	e.Ty = c.types[ast.Int]
	switch {
	case xt.IsArithmetic() && yt.IsArithmetic():
		px, py := c.promote(x), c.promote(y)
		t := c.arithConv(px.Type(), py.Type())
		e.X, e.Y = c.convert(px, t), c.convert(py, t)
		if t.Kind == ast.Complex && e.Op != ast.Eq && e.Op != ast.Ne {
			c.errorf(e.Pos, "invalid operands to binary %s", binOpSpelling[e.Op])
		}
		lx, ok1 := e.X.(*ast.IntLit)
		ly, ok2 := e.Y.(*ast.IntLit)
		if ok1 && ok2 {
			if r := c.foldBinary(e.Op, lx, ly, e.Ty); r != nil {
				return r
			}
		}
		return c.foldInfCompare(e)
	case xt.Kind == ast.Pointer && yt.Kind == ast.Pointer:
		bx, by := xt.Base.Unqual(), yt.Base.Unqual()
		if !c.compatibleUnqual(bx, by) {
			if bx.Kind == ast.Void || by.Kind == ast.Void {
				if (e.Op != ast.Eq && e.Op != ast.Ne) && (bx.Kind == ast.Func || by.Kind == ast.Func) {
					c.warnf(e.Pos, "ordered comparison of pointer with function pointer")
				}
			} else {
				c.warnf(e.Pos, "comparison of distinct pointer types lacks a cast")
			}
			e.Y = c.convert(y, xt)
		}
		return e
	case xt.Kind == ast.Pointer && yt.IsInteger():
		if !c.isNullPtrConst(y) {
			c.warnf(e.Pos, "comparison between pointer and integer")
		}
		e.Y = c.convert(y, xt)
		return e
	case xt.IsInteger() && yt.Kind == ast.Pointer:
		if !c.isNullPtrConst(x) {
			c.warnf(e.Pos, "comparison between pointer and integer")
		}
		e.X = c.convert(x, yt)
		return e
	}
	c.errorf(e.Pos, "invalid operands to binary %s (have '%s' and '%s')", binOpSpelling[e.Op], typeString(xt), typeString(yt))
	return e
}

// foldInfCompare folds the ordered comparisons with an infinity that are false for
// every operand, NaN included: x > +Inf, +Inf < x, x < -Inf, -Inf > x (as gcc does at
// every level; programs rely on it to drop calls to undefined functions). The other
// operand is still evaluated, for its side effects: the result is (x, 0).
func (c *checker) foldInfCompare(e *ast.Binary) ast.Expr {
	inf := func(x ast.Expr) int {
		if l, ok := x.(*ast.FloatLit); ok && !l.Imag && math.IsInf(l.Value, 0) {
			if l.Value > 0 {
				return 1
			}
			return -1
		}
		return 0
	}
	var other ast.Expr
	switch {
	case e.Op == ast.Gt && inf(e.Y) > 0, e.Op == ast.Lt && inf(e.Y) < 0:
		other = e.X
	case e.Op == ast.Lt && inf(e.X) > 0, e.Op == ast.Gt && inf(e.X) < 0:
		other = e.Y
	default:
		return e
	}
	zero := c.intLit(0, e.Ty)
	zero.Pos = e.Pos
	if sideEffectFree(other) {
		return zero
	}
	return &ast.Binary{ExprBase: ast.ExprBase{Pos: e.Pos, Ty: e.Ty}, Op: ast.Comma, X: other, Y: zero}
}

// sideEffectFree reports whether evaluating e certainly has no side effect (C11
// 5.1.2.3p2): names and constants, and conversions, member selections and arithmetic
// of such, with no volatile access.
func sideEffectFree(e ast.Expr) bool {
	if t := e.Type(); t != nil && t.Qual&ast.Volatile != 0 {
		return false
	}
	switch e := e.(type) {
	case *ast.Ident, *ast.IntLit, *ast.FloatLit, *ast.CharLit:
		return true
	case *ast.Cast:
		return sideEffectFree(e.X)
	case *ast.Binary:
		return e.Op != ast.Div && e.Op != ast.Rem && sideEffectFree(e.X) && sideEffectFree(e.Y)
	}
	return false
}

// assign checks simple and compound assignment (C11 6.5.16).
func (c *checker) assign(e *ast.Assign) ast.Expr {
	if id, ok := e.L.(*ast.Ident); ok && e.Simple && c.discarded == ast.Expr(e) {
		// "x = ...;" as a statement sets x without reading it; in "y = x = 0" the
		// value of x's assignment is used, which gcc counts as a use of x.
		c.assignTarget = id
	}
	l := c.expr(e.L)
	c.assignTarget = nil
	e.L = l
	lt := l.Type()
	e.Ty = lt.Unqual()
	r := c.rvalue(e.R)
	if !c.checkModifiable(l, "assignment", e.Pos) {
		e.R, e.OpType = r, e.Ty
		return e
	}
	if e.Simple {
		e.R = c.assignConv(r, lt.Unqual(), convCtx{kind: ctxAssign, pos: e.Pos})
		e.OpType = nil
		return e
	}
	rt := r.Type()
	switch {
	case lt.Kind == ast.Pointer && (e.Op == ast.Add || e.Op == ast.Sub) && rt.IsInteger():
		c.checkPointerArith(lt, e.Pos)
		e.OpType = lt.Unqual()
		e.R = c.ptrIndex(r)
	case e.Op == ast.Shl || e.Op == ast.Shr:
		if !lt.IsInteger() || !rt.IsInteger() {
			c.errorf(e.Pos, "invalid operands to binary %s", binOpSpelling[e.Op])
		}
		e.OpType = c.promote(l).Type()
		e.R = c.promote(r)
	case lt.Kind == ast.Vector:
		e.OpType = lt.Unqual()
		e.R = c.convert(r, e.OpType)
	default:
		if !lt.IsArithmetic() || !rt.IsArithmetic() {
			c.errorf(e.Pos, "invalid operands to binary %s (have '%s' and '%s')", binOpSpelling[e.Op], typeString(lt), typeString(rt))
			e.OpType = e.Ty
			e.R = r
			return e
		}
		if (e.Op == ast.Rem || e.Op == ast.BitAnd || e.Op == ast.BitOr || e.Op == ast.BitXor) && (!lt.IsInteger() || !rt.IsInteger()) {
			c.errorf(e.Pos, "invalid operands to binary %s", binOpSpelling[e.Op])
		}
		pr := c.promote(r)
		e.OpType = c.arithConv(c.promote(l).Type(), pr.Type())
		e.R = c.convert(pr, e.OpType)
	}
	return e
}

// cond checks the conditional operator (C11 6.5.15).
func (c *checker) cond(e *ast.Cond) ast.Expr {
	cnd := c.rvalue(e.C)
	if !cnd.Type().IsScalar() {
		c.errorf(e.Pos, "used struct type value where scalar is required")
	}
	e.C = cnd
	var th ast.Expr
	if e.Then != nil {
		th = c.rvalue(e.Then)
	} else {
		th = cnd
	}
	el := c.rvalue(e.Else)
	tt, et := th.Type(), el.Type()
	var rt *ast.Type
	switch {
	case tt.IsArithmetic() && et.IsArithmetic():
		th, el = c.promote(th), c.promote(el)
		rt = c.arithConv(th.Type(), el.Type())
		th, el = c.convert(th, rt), c.convert(el, rt)
	case tt.Kind == ast.Void || et.Kind == ast.Void:
		rt = c.types[ast.Void]
	case tt.IsRecord() && et.IsRecord() && tt.Record == et.Record:
		rt = tt.Unqual()
	case tt.Kind == ast.Vector && et.Kind == ast.Vector:
		rt = tt.Unqual()
	case tt.Kind == ast.Pointer && et.Kind == ast.Pointer:
		bt, be := tt.Base, et.Base
		q := bt.Qual | be.Qual
		switch {
		case c.isNullPtrConst(el):
			rt = tt
		case c.isNullPtrConst(th):
			rt = et
		case bt.Kind == ast.Void || be.Kind == ast.Void:
			rt = c.pointerTo(c.types[ast.Void].WithQual(q))
		case c.compatibleUnqual(bt.Unqual(), be.Unqual()):
			rt = c.pointerTo(c.composite(bt, be).Unqual().WithQual(q))
		default:
			c.warnf(e.Pos, "pointer type mismatch in conditional expression")
			rt = c.pointerTo(c.types[ast.Void].WithQual(q))
		}
		th, el = c.convert(th, rt), c.convert(el, rt)
	case tt.Kind == ast.Pointer && et.IsInteger():
		if !c.isNullPtrConst(el) {
			c.warnf(e.Pos, "pointer/integer type mismatch in conditional expression")
		}
		rt = tt
		el = c.convert(el, rt)
	case tt.IsInteger() && et.Kind == ast.Pointer:
		if !c.isNullPtrConst(th) {
			c.warnf(e.Pos, "pointer/integer type mismatch in conditional expression")
		}
		rt = et
		th = c.convert(th, rt)
	default:
		c.errorf(e.Pos, "type mismatch in conditional expression")
		rt = tt
	}
	rt = rt.Unqual()
	if e.Then != nil {
		e.Then = th
	}
	e.Else = el
	e.Ty = rt
	if l, ok := cnd.(*ast.IntLit); ok && e.Then != nil {
		// A constant condition selecting a constant operand folds, whatever the other
		// operand is (gcc: "1 ? 1 : i" is an integer constant in enumerators, array
		// sizes and designators; gcc.dg enum-const-1.c, array-const-1.c).
		chosen, other := el, th
		if l.Value != 0 {
			chosen, other = th, el
		}
		if _, ok := chosen.(*ast.IntLit); ok && !hasStmtExpr(other) {
			return chosen
		}
	}
	return e
}

// hasStmtExpr reports whether e contains a statement expression, which may hold a
// label that &&label and goto * can reach ("1 ? 1 : ({ a: 1; })", gcc's
// pr17913.c): such an operand is not dropped by folding.
func hasStmtExpr(e ast.Expr) bool {
	switch x := e.(type) {
	case nil:
		return false
	case *ast.StmtExpr:
		return true
	case *ast.Unary:
		return hasStmtExpr(x.X)
	case *ast.Binary:
		return hasStmtExpr(x.X) || hasStmtExpr(x.Y)
	case *ast.Assign:
		return hasStmtExpr(x.L) || hasStmtExpr(x.R)
	case *ast.Cond:
		return hasStmtExpr(x.C) || hasStmtExpr(x.Then) || hasStmtExpr(x.Else)
	case *ast.Cast:
		return hasStmtExpr(x.X)
	case *ast.Index:
		return hasStmtExpr(x.X) || hasStmtExpr(x.I)
	case *ast.MemberExpr:
		return hasStmtExpr(x.X)
	case *ast.Call:
		if hasStmtExpr(x.Fn) {
			return true
		}
		for _, a := range x.Args {
			if hasStmtExpr(a) {
				return true
			}
		}
	}
	return false
}

// index checks subscripting (C11 6.5.2.1); afterwards X is the pointer operand.
func (c *checker) index(e *ast.Index) ast.Expr {
	x := c.expr(e.X)
	if x.Type().Kind == ast.Vector {
		e.X = x
		e.I = c.promote(c.rvalue(e.I))
		e.Ty = x.Type().Base.WithQual(x.Type().Qual)
		c.markAddrTaken(x)
		return e
	}
	x = c.decay(x)
	i := c.rvalue(e.I)
	if x.Type().IsInteger() && i.Type().Kind == ast.Pointer {
		x, i = i, x
	}
	if x.Type().Kind != ast.Pointer || !i.Type().IsInteger() {
		c.errorf(e.Pos, "subscripted value is neither array nor pointer nor vector")
		e.X, e.I, e.Ty = x, i, c.types[ast.Int]
		return e
	}
	c.checkPointerArith(x.Type(), e.Pos)
	if i.Type().Kind == ast.Char {
		c.warnOpt(e.Pos, "char-subscripts", "array subscript has type 'char'")
	}
	e.X, e.I = x, c.ptrIndex(i)
	e.Ty = x.Type().Base
	return e
}

// member checks "." and "->" (C11 6.5.2.3), searching anonymous members.
func (c *checker) member(e *ast.MemberExpr) ast.Expr {
	var x ast.Expr
	var rt *ast.Type
	if e.Arrow {
		x = c.rvalue(e.X)
		t := x.Type()
		if t.Kind != ast.Pointer || !t.Base.IsRecord() {
			c.errorf(e.Pos, "invalid type argument of '->' (have '%s')", typeString(t))
			e.X, e.Ty = x, c.types[ast.Int]
			return e
		}
		rt = t.Base
	} else {
		x = c.expr(e.X)
		rt = x.Type()
		if !rt.IsRecord() {
			c.errorf(e.Pos, "request for member '%s' in something not a structure or union", e.Name)
			e.X, e.Ty = x, c.types[ast.Int]
			return e
		}
	}
	e.X = x
	c.resolveType(rt)
	if rt.Record == nil || !rt.Record.Complete {
		c.errorf(e.Pos, "invalid use of undefined type '%s'", typeString(rt))
		e.Ty = c.types[ast.Int]
		return e
	}
	path := rt.Record.FindMember(e.Name)
	if path == nil {
		c.errorf(e.Pos, "'%s' has no member named '%s'", typeString(rt), e.Name)
		e.Ty = c.types[ast.Int]
		return e
	}
	e.Path = path
	q := rt.Qual
	for _, m := range path {
		q |= m.Type.Qual
	}
	mt := path[len(path)-1].Type
	c.resolveType(mt)
	e.Ty = mt.WithQual(q&^ast.Restrict | mt.Qual)
	return e
}

// cast checks an explicit cast (C11 6.5.4), including GNU casts to union types.
func (c *checker) cast(e *ast.Cast) ast.Expr {
	c.resolveType(e.To)
	to := e.To
	x := c.rvalue(e.X)
	e.X = x
	xt := x.Type()
	switch {
	case to.Kind == ast.Void:
	case to.Kind == ast.Union && !(xt.Kind == ast.Union && xt.Record == to.Record):
		found := false
		for _, m := range to.Record.Members {
			if c.compatibleUnqual(m.Type.Unqual(), xt.Unqual()) {
				found = true
				break
			}
		}
		if !found {
			c.errorf(e.Pos, "cast to union type from type not present in union")
		}
		e.Kind = ast.CastToUnion
	case to.IsRecord():
		if !(xt.IsRecord() && xt.Record == to.Record) {
			c.errorf(e.Pos, "conversion to non-scalar type requested")
		}
	case to.Kind == ast.Array || to.Kind == ast.Func:
		c.errorf(e.Pos, "cast specifies %s type", map[bool]string{true: "array", false: "function"}[to.Kind == ast.Array])
	case to.Kind == ast.Vector || xt.Kind == ast.Vector:
		if to.Size != xt.Size {
			c.errorf(e.Pos, "cannot convert a value of type '%s' to vector type '%s' which has different size", typeString(xt), typeString(to))
		}
	case !xt.IsScalar():
		c.errorf(e.Pos, "aggregate value used where a%s was expected", map[bool]string{true: "n integer", false: " pointer"}[to.IsInteger()])
	case to.Kind == ast.Pointer && xt.IsFloat() || to.IsFloat() && xt.Kind == ast.Pointer:
		c.errorf(e.Pos, "pointer value used where a floating-point was expected")
	case to.Kind == ast.Pointer && xt.IsInteger() && xt.Size < to.Size && !isIntLit(x):
		c.warnOpt(e.Pos, "int-to-pointer-cast", "cast to pointer from integer of different size")
	case to.IsInteger() && xt.Kind == ast.Pointer && to.Size < xt.Size && to.Kind != ast.Bool:
		c.warnOpt(e.Pos, "pointer-to-int-cast", "cast from pointer to integer of different size")
	}
	e.To = to.Unqual()
	e.Ty = e.To
	if to.IsInteger() || to.IsFloat() {
		if f := c.foldCast(x, e.To); f != nil {
			return f
		}
	}
	return e
}

// refreshSize recomputes the size of a type that was incomplete when it was resolved
// and may have been completed since: "extern struct s x;" before the definition of
// struct s, then sizeof x or __alignof__ (x) after it (C11 6.2.5p22: the type is
// complete from the end of the definition on).
func (c *checker) refreshSize(t *ast.Type) {
	if t == nil || t.Size >= 0 && t.Align > 0 {
		return
	}
	switch t.Kind {
	case ast.Array, ast.Complex, ast.Vector:
		c.refreshSize(t.Base)
	case ast.Struct, ast.Union, ast.Enum:
	default:
		return
	}
	c.resolveSize(t)
}

func isIntLit(e ast.Expr) bool { _, ok := e.(*ast.IntLit); return ok }

// sizeof folds sizeof and _Alignof to size_t constants (C11 6.5.3.4) unless the operand
// has variable length.
func (c *checker) sizeof(e *ast.Sizeof) ast.Expr {
	var t *ast.Type
	var obj *ast.Object
	if e.Of != nil {
		c.resolveType(e.Of)
		t = e.Of
	} else {
		c.unevaluated++
		x := c.expr(e.X)
		c.unevaluated--
		e.X = x
		t = x.Type()
		if m := bitField(x); m != nil {
			c.errorf(e.Pos, "'%s' applied to a bit-field", map[bool]string{true: "_Alignof", false: "sizeof"}[e.Align])
		}
		if id, ok := x.(*ast.Ident); ok {
			obj = id.Obj
		}
	}
	c.refreshSize(t)
	e.Ty = c.sizeT
	if !e.Align && (isVariablyModified(t) && t.Kind == ast.Array || variableRecord(t)) {
		return e
	}
	var v int64
	if e.Align {
		// C11 _Alignof is the alignment every object of the type is guaranteed;
		// __alignof__ the one the type is laid out with (they differ for vectors
		// above __BIGGEST_ALIGNMENT__ and for double and long long on i386).
		v = c.minAlign(t)
		if e.GNUAlign {
			v = c.naturalAlign(t)
		}
		if obj != nil && obj.Align > v {
			v = obj.Align
		}
		if t.Kind == ast.Array && t.VLA {
			b := t
			for b.Kind == ast.Array {
				b = b.Base
			}
			v = b.Align
		}
	} else {
		if t.Size < 0 || t.Kind == ast.Array && t.Len < 0 {
			c.errorf(e.Pos, "invalid application of 'sizeof' to incomplete type '%s'", typeString(t))
			v = 1
		} else {
			v = t.Size
		}
	}
	l := c.intLit(v, c.sizeT)
	l.Pos = e.Pos
	return l
}

// compoundLit creates the unnamed object of a compound literal (C11 6.5.2.5): static
// at file scope, automatic in a function.
func (c *checker) compoundLit(e *ast.CompoundLit) ast.Expr {
	c.resolveType(e.To)
	o := &ast.Object{Kind: ast.ObjVar, Pos: e.Pos, Type: e.To, Constructor: -1, Destructor: -1}
	static := c.fn == nil
	if static {
		o.Global = true
		o.Defined = true
		o.LinkName = c.uniqueName("__compound_literal")
		c.addGlobal(o)
	} else {
		o.AddrTaken = true
		c.fn.def.Locals = append(c.fn.def.Locals, o)
	}
	var init ast.Expr = e.Init
	if e.Init == nil {
		init = &ast.InitList{}
	}
	entries, ty := c.initializer(e.To, init, static, "")
	o.Type = ty
	o.Init = entries
	if o.Init == nil {
		o.Init = []*ast.InitEntry{}
	}
	e.Obj = o
	e.To = ty
	e.Ty = ty
	return e
}

// stmtExpr checks a GNU statement expression; its value is that of the last
// expression statement, which may carry labels ("({ ... out: sz; })", Linux's
// find_bit.c).
func (c *checker) stmtExpr(e *ast.StmtExpr) ast.Expr {
	if c.fn == nil {
		c.errorf(e.Pos, "braced-group within expression allowed only inside a function")
		e.Ty = c.types[ast.Void]
		return e
	}
	c.pushScope()
	defer c.pushLocalLabels(e.Body.Labels)()
	items := e.Body.Items
	for i, it := range items {
		if es, ok := it.(*ast.ExprStmt); ok && i == len(items)-1 && es.X != nil {
			es.X = c.rvalue(es.X)
			e.Ty = es.X.Type().Unqual()
			continue
		}
		c.stmt(it)
		if _, ok := it.(*ast.LabeledStmt); ok && i == len(items)-1 {
			if es := labeledValue(it); es != nil {
				e.Ty = es.X.Type().Unqual()
			}
		}
	}
	c.popScope()
	if e.Ty == nil {
		e.Ty = c.types[ast.Void]
	}
	return e
}

// generic selects the association of a _Generic expression (C11 6.5.1.1) and returns
// the selected expression itself.
func (c *checker) generic(e *ast.Generic) ast.Expr {
	ctrl := c.rvalue(e.Ctrl)
	ct := ctrl.Type().Unqual()
	var chosen, def ast.Expr
	for i := range e.Assocs {
		a := &e.Assocs[i]
		if a.Type == nil {
			def = a.Expr
			continue
		}
		c.resolveType(a.Type)
		if chosen == nil && c.compatible(ct, a.Type) {
			chosen = a.Expr
		}
	}
	if chosen == nil {
		chosen = def
	}
	if chosen == nil {
		c.errorf(e.Pos, "'_Generic' selector of type '%s' is not compatible with any association", typeString(ct))
		e.Ty = c.types[ast.Int]
		return e
	}
	e.Chosen = c.expr(chosen)
	e.Ty = e.Chosen.Type()
	return e.Chosen
}

// offsetof folds __builtin_offsetof (C11 7.19p3).
func (c *checker) offsetof(e *ast.Offsetof) ast.Expr {
	c.resolveType(e.Of)
	t := e.Of
	var off int64
	var dyn ast.Expr
	for _, d := range e.Desg {
		if d.Field != "" {
			if !t.IsRecord() || t.Record == nil {
				c.errorf(d.Pos, "request for member '%s' in something not a structure or union", d.Field)
				break
			}
			c.resolveType(t)
			path := t.Record.FindMember(d.Field)
			if path == nil {
				c.errorf(d.Pos, "'%s' has no member named '%s'", typeString(t), d.Field)
				break
			}
			for _, m := range path {
				off += m.Offset
			}
			last := path[len(path)-1]
			if last.IsBitField {
				c.errorf(d.Pos, "attempt to take address of bit-field structure member '%s'", last.Name)
			}
			t = last.Type
			continue
		}
		if t.Kind != ast.Array {
			c.errorf(d.Pos, "subscripted value is neither array nor pointer")
			break
		}
		ix := c.rvalue(d.Index)
		if !ix.Type().IsInteger() {
			c.errorf(d.Pos, "array subscript is not an integer")
			break
		}
		varElem := t.Base.Kind == ast.Array && isVariablyModified(t.Base) || variableRecord(t.Base)
		if l, ok := ix.(*ast.IntLit); ok && !varElem {
			off += int64(l.Value) * t.Base.Size
		} else {
			// GNU: a variable index, or elements of variable size, make offsetof a
			// run-time value.
			var size ast.Expr = c.intLit(t.Base.Size, c.sizeT)
			if varElem {
				sz := &ast.Sizeof{Of: t.Base}
				sz.Pos, sz.Ty = d.Pos, c.sizeT
				size = sz
			}
			term := &ast.Binary{Op: ast.Mul, X: c.convert(ix, c.sizeT), Y: size}
			term.Pos, term.Ty = d.Pos, c.sizeT
			if dyn == nil {
				dyn = term
			} else {
				sum := &ast.Binary{Op: ast.Add, X: dyn, Y: term}
				sum.Pos, sum.Ty = d.Pos, c.sizeT
				dyn = sum
			}
		}
		t = t.Base
	}
	r := c.intLit(off, c.sizeT)
	r.Pos = e.Pos
	if dyn != nil {
		sum := &ast.Binary{Op: ast.Add, X: r, Y: dyn}
		sum.Pos, sum.Ty = e.Pos, c.sizeT
		return sum
	}
	return r
}
