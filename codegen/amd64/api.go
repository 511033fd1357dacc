// Package amd64 generates x86-64 GNU assembler (AT&T syntax) from IR, following the
// System V AMD64 psABI.
package amd64

import (
	"io"

	"gocc/codegen"
	"gocc/ir"
	"gocc/target"
)

// PLACEHOLDER (to be replaced by the backend).
func Generate(m *ir.Module, t *target.Target, opts *codegen.Options, w io.Writer) error {
	panic("amd64: not implemented")
}

var _ codegen.Generator = Generate
