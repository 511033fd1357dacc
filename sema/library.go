package sema

import "gocc/ast"

// markLibraryFuncs sets Object.Library on the external functions that are the standard
// library functions gcc knows as builtins (libFuncs), as gcc does for a declaration
// whose type matches the builtin's: the optimizer may then replace calls with their
// result or with cheaper calls (strlen("abc") → 3, printf("x\n") → puts("x")). A
// declaration without a prototype matches if its return type does. -fno-builtin and
// -fno-builtin-NAME turn this off, as do a static definition or an incompatible type.
func (c *checker) markLibraryFuncs() {
	nb := c.file.NoBuiltin
	if nb[""] {
		return
	}
	for name, o := range c.linkObjs {
		sig, ok := libFuncs[name]
		if !ok || nb[name] || o.LinkName != name || o.Kind != ast.ObjFunc || o.Linkage != ast.External || o.Type == nil || o.Type.Kind != ast.Func {
			continue
		}
		want := c.builtinSig(sig)
		if o.Type.OldStyle {
			o.Library = o.Type.Base != nil && c.compatible(o.Type.Base.Unqual(), want.Base.Unqual())
			continue
		}
		o.Library = c.compatible(o.Type, want)
	}
}
