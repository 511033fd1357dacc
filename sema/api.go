package sema

import (
	"gocc/ast"
	"gocc/diag"
	"gocc/target"
)

// PLACEHOLDER (to be replaced by the sema implementation).
//
// Check type-checks f in place for target t (see package ast for what it fills in).
func Check(f *ast.File, t *target.Target, diags *diag.List) {
	panic("sema: not implemented")
}
