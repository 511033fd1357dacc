package sema

import (
	"slices"

	"gocc/ast"
)

// GNU C nested functions (GCC manual, "Nested Functions"): a function definition may
// appear among the declarations of a block. Its name is local to the block; it may use
// every identifier visible at its definition, including the automatic variables of the
// enclosing functions, and it may jump with goto to a label of an enclosing function
// that was declared with __label__ (a non-local goto). A nested function can be
// declared ahead of its definition with "auto". funcDef checks a nested definition
// like any other; what differs is here.

// nestedFuncObj declares the function defined by d inside the block being checked and
// links its definition to its enclosing function def.Parent. A preceding "auto"
// declaration in the same block supplies the Object.
func (c *checker) nestedFuncObj(d *ast.Decl, def *ast.FuncDef) *ast.Object {
	c.declType(d)
	parent := c.fn.parent.def
	def.Parent = parent
	parent.Nested = append(parent.Nested, def)
	if o, ok := c.scope.names[d.Name]; ok && isNestedFunc(o) {
		if o.Defined {
			c.errorf(d.Pos, "redefinition of '%s'", d.Name)
		}
		o.Type = d.Type
		c.declAttrs(o, d.Attrs)
		d.Obj = o
		return o
	}
	o := c.newNestedObj(d)
	c.declareIn(c.scope, d.Name, o)
	return o
}

// nestedFuncDecl handles "auto T f(...);" in a block: a forward declaration of a
// nested function defined later in the same block.
func (c *checker) nestedFuncDecl(d *ast.Decl) {
	c.declType(d)
	if o, ok := c.scope.names[d.Name]; ok && isNestedFunc(o) {
		d.Obj = o
		return
	}
	o := c.newNestedObj(d)
	c.declareIn(c.scope, d.Name, o)
}

// newNestedObj makes the Object of a nested function: no linkage, and a unique local
// symbol name (gcc spells it "f.0").
func (c *checker) newNestedObj(d *ast.Decl) *ast.Object {
	o := &ast.Object{Kind: ast.ObjFunc, Name: d.Name, Pos: d.Pos, Type: d.Type, Linkage: ast.NoLinkage,
		LinkName: c.uniqueName(d.Name), Constructor: -1, Destructor: -1}
	c.declAttrs(o, d.Attrs)
	d.Obj = o
	return o
}

// nonLocalLabel reports whether a goto to name inside the function being checked
// (which does not define name) jumps to a local label of an enclosing function: one
// declared with __label__ in a block enclosing the nested definition. It records the
// jump on both functions; the enclosing function must then define the label.
func (c *checker) nonLocalLabel(name string) bool {
	for a := c.fn.parent; a != nil; a = a.parent {
		if !slices.Contains(a.localLabelNames, name) {
			continue
		}
		if c.fn.def.NonLocalGotos == nil {
			c.fn.def.NonLocalGotos = map[string]*ast.FuncDef{}
		}
		c.fn.def.NonLocalGotos[name] = a.def
		if !slices.Contains(a.def.NonLocalLabels, name) {
			a.def.NonLocalLabels = append(a.def.NonLocalLabels, name)
		}
		if _, ok := a.gotos[name]; !ok {
			a.gotos[name] = c.fn.gotos[name]
		}
		return true
	}
	return false
}

// isNestedFunc reports whether o is a nested function. Its address is not an address
// constant: it is a trampoline on the stack of the enclosing function's activation.
func isNestedFunc(o *ast.Object) bool {
	return o.Kind == ast.ObjFunc && o.Linkage == ast.NoLinkage && !o.Global
}
