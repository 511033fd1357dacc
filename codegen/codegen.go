// Package codegen holds what every backend shares: the options that select code
// generation variants. Each target is one sub-package (codegen/amd64, …) with a
// Generate function of type Generator; the driver keeps the table from target.Arch to
// Generator.
package codegen

import (
	"io"

	"gocc/ir"
	"gocc/target"
)

// Options are the code generation flags of the command line.
type Options struct {
	PIC              bool // -fpic/-fPIC: calls to non-local functions through the PLT, data through the GOT
	PIE              bool // -fpie/-fPIE (Debian's default): locally defined symbols are PC-relative
	Debug            bool // -g
	OptLevel         int
	FunctionSections bool
	DataSections     bool
	OmitFramePointer bool
	FileName         string // the main source file, for .file
	// TLSModel is -ftls-model=: the least optimized ELF TLS model to use ("" for
	// global-dynamic, i.e. no constraint).
	TLSModel string
	Machine  Machine // the x86 -m options (machine.go)
}

// Generator writes GNU assembler text for m.
type Generator func(m *ir.Module, t *target.Target, opts *Options, w io.Writer) error
