package parser

import (
	"gocc/ast"
	"gocc/diag"
	"gocc/lexer"
)

// PLACEHOLDER (to be replaced by the parser implementation).
//
// Parse parses a preprocessed translation unit (toks ends with EOF).
func Parse(name string, toks []lexer.Token, diags *diag.List) *ast.File {
	panic("parser: not implemented")
}
