package sema

import "gocc/ast"

// clearPaddingCall checks __builtin_clear_padding(ptr) (gcc manual "Other Builtins"):
// ptr must point to a complete object type; irgen zeroes the padding bits of the
// object it points to.
func (c *checker) clearPaddingCall(e *ast.Call) ast.Expr {
	if len(e.Args) != 1 {
		c.errorf(e.Pos, "wrong number of arguments to function '__builtin_clear_padding'")
	} else {
		x := c.rvalue(e.Args[0])
		e.Args[0] = x
		if t := x.Type(); t.Kind != ast.Pointer || t.Base == nil || t.Base.Kind == ast.Func || t.Base.Kind == ast.Void || t.Base.Size < 0 && !vlaArray(t.Base) {
			c.errorf(e.Pos, "argument 1 in call to function '__builtin_clear_padding' does not have pointer to object type")
		} else if t.Base.Qual&ast.Const != 0 {
			c.errorf(e.Pos, "argument 1 in call to function '__builtin_clear_padding' has pointer to 'const' type")
		}
	}
	e.Ty = c.types[ast.Void]
	return e
}

// vlaArray reports whether t is an array of variable length (or of such arrays).
func vlaArray(t *ast.Type) bool {
	for ; t != nil && t.Kind == ast.Array; t = t.Base {
		if t.VLA {
			return true
		}
	}
	return false
}
