package sema

import (
	"strings"

	"gocc/ast"
)

// globalRegVar declares a GNU global register variable (gcc manual, "Defining Global
// Register Variables"): `register T x asm("reg");` at file scope names register reg as
// an object of type T. It has no storage and no linkage, so it takes no initializer;
// a redeclaration must name the same register with a compatible type. Linux declares
// `register unsigned long current_stack_pointer asm("rsp");` this way. Whether reg is a
// register of the target is checked by the backend, as for asm clobbers.
func (c *checker) globalRegVar(d *ast.Decl) {
	reg := strings.TrimPrefix(d.AsmName, "%")
	if d.Init != nil {
		c.errorf(d.Pos, "global register variable has initial value")
	}
	if d.ThreadLocal {
		c.errorf(d.Pos, "register name given for non-register variable '%s'", d.Name)
	}
	if p := c.fileScope.names[d.Name]; p != nil {
		switch {
		case p.GlobalReg == "":
			c.errorf(d.Pos, "'%s' redeclared as different kind of symbol", d.Name)
		case p.GlobalReg != reg:
			c.errorf(d.Pos, "conflicting register for '%s': '%s' and '%s'", d.Name, p.GlobalReg, reg)
		case !c.compatible(p.Type, d.Type):
			c.errorf(d.Pos, "conflicting types for '%s'; have '%s'", d.Name, typeString(d.Type))
		}
		d.Obj = p
		return
	}
	o := &ast.Object{Kind: ast.ObjVar, Name: d.Name, Pos: d.Pos, Type: d.Type, Linkage: ast.NoLinkage,
		GlobalReg: reg, Constructor: -1, Destructor: -1}
	if d.Type.Qual&ast.Volatile != 0 {
		o.Volatile = true
		c.warnf(d.Pos, "optimization may eliminate reads and/or writes to register variables")
	}
	d.Obj = o
	c.declareIn(c.scope, d.Name, o)
}
