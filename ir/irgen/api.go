package irgen

import (
	"gocc/ast"
	"gocc/diag"
	"gocc/ir"
	"gocc/target"
)

// PLACEHOLDER (to be replaced by the irgen implementation).
//
// Generate lowers a checked translation unit to IR.
func Generate(f *ast.File, t *target.Target, diags *diag.List) *ir.Module {
	panic("irgen: not implemented")
}
