package sema

import "gocc/ast"

// labeledValue returns the expression statement under the labels of s, the last
// statement of a statement expression, or nil if there is none: gcc gives
// "({ ...; out: x; })" the value of x, as if the labels were not there.
func labeledValue(s ast.Stmt) *ast.ExprStmt {
	for {
		switch t := s.(type) {
		case *ast.LabeledStmt:
			s = t.Body
		case *ast.ExprStmt:
			if t.X == nil {
				return nil
			}
			return t
		default:
			return nil
		}
	}
}
