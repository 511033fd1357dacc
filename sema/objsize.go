package sema

import "gocc/ast"

// __builtin_object_size(ptr, type) (gcc manual "Object Size Checking"): the number of
// bytes from ptr to the end of the object it points into, known at compile time.
// Bit 1 of type selects the minimum (unknown: 0) rather than the maximum (unknown:
// (size_t)-1); bit 0 selects the closest enclosing subobject (a struct or union member)
// rather than the whole object. ptr is never evaluated.
//
// gocc computes it, as gcc does without optimization, for addresses formed directly
// from a declared object, a string literal or a compound literal by member access,
// constant indexing and constant pointer arithmetic; anything else (pointers read from
// variables, expressions with side effects, variable offsets) is unknown.

// objRef locates an address inside a known object: the object's size, the byte
// offset, and the [subStart, subStart+subSize) range of the closest enclosing
// subobject.
type objRef struct {
	size, off         int64
	subStart, subSize int64
}

// objectSize folds __builtin_object_size(ptr, typ) for a checked ptr.
func (c *checker) objectSize(ptr ast.Expr, typ int64) int64 {
	unknown := int64(-1)
	if typ&2 != 0 {
		unknown = 0
	}
	r, ok := c.addrRef(ptr)
	if !ok || r.off < 0 {
		return unknown
	}
	end := r.size
	if typ&1 != 0 {
		end = r.subStart + r.subSize
	}
	if r.off >= end {
		return 0
	}
	return end - r.off
}

// addrRef analyzes a pointer-valued expression.
func (c *checker) addrRef(e ast.Expr) (objRef, bool) {
	switch x := e.(type) {
	case *ast.Cast:
		switch {
		case x.Kind == ast.CastDecay:
			if x.X.Type().Kind == ast.Array {
				return c.lvalRef(x.X)
			}
		case x.Type().Kind == ast.Pointer && x.X.Type().Kind == ast.Pointer:
			return c.addrRef(x.X)
		}
	case *ast.Unary:
		if x.Op == ast.Addr {
			return c.lvalRef(x.X)
		}
	case *ast.Binary:
		if x.Op != ast.Add && x.Op != ast.Sub {
			break
		}
		p, n := x.X, x.Y
		if p.Type().Kind != ast.Pointer {
			p, n = n, p
		}
		lit, isLit := n.(*ast.IntLit)
		pt := p.Type()
		if !isLit || pt.Kind != ast.Pointer || pt.Base == nil || pt.Base.Size <= 0 || n.Type().Kind == ast.Pointer {
			break
		}
		r, ok := c.addrRef(p)
		if !ok {
			break
		}
		d := c.litSigned(lit) * pt.Base.Size
		if x.Op == ast.Sub {
			d = -d
		}
		r.off += d
		return r, true
	}
	return objRef{}, false
}

// lvalRef analyzes an lvalue designating (part of) a known object.
func (c *checker) lvalRef(e ast.Expr) (objRef, bool) {
	whole := func(size int64) (objRef, bool) {
		if size <= 0 {
			return objRef{}, false
		}
		return objRef{size: size, subSize: size}, true
	}
	switch x := e.(type) {
	case *ast.Ident:
		o := x.Obj
		if o == nil || o.Kind != ast.ObjVar || o.VLA || o.Type == nil || o.Type.VLA {
			break
		}
		return whole(o.Type.Size)
	case *ast.StringLit:
		return whole(x.Type().Size)
	case *ast.CompoundLit:
		return whole(x.Type().Size)
	case *ast.MemberExpr:
		var r objRef
		var ok bool
		if x.Arrow {
			r, ok = c.addrRef(x.X)
		} else {
			r, ok = c.lvalRef(x.X)
		}
		if !ok || len(x.Path) == 0 {
			break
		}
		for _, m := range x.Path {
			r.off += m.Offset
		}
		last := x.Path[len(x.Path)-1]
		if last.IsBitField || last.Type.Size < 0 {
			break
		}
		r.subStart, r.subSize = r.off, last.Type.Size
		return r, true
	case *ast.Index:
		lit, isLit := x.I.(*ast.IntLit)
		pt := x.X.Type()
		if !isLit || pt.Kind != ast.Pointer || pt.Base == nil || pt.Base.Size <= 0 {
			break
		}
		r, ok := c.addrRef(x.X)
		if !ok {
			break
		}
		r.off += c.litSigned(lit) * pt.Base.Size
		return r, true
	case *ast.Unary:
		if x.Op == ast.Deref {
			return c.addrRef(x.X)
		}
	}
	return objRef{}, false
}
