// Package amd64 generates x86-64 GNU assembler (AT&T syntax) from IR, following the
// System V AMD64 psABI 1.0.
//
// Stages, one file each:
//
//	abi.go       classification and argument/return assignment (§3.2.3)
//	isel*.go     IR values -> machine instructions over virtual registers
//	regalloc.go  liveness, linear-scan allocation, spill rewriting
//	emit.go      frame layout, prologue/epilogue, instruction printing
//	data.go      globals, constant pool, constructors
//	asm.go       inline asm operands
package amd64

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"gocc/codegen"
	"gocc/ir"
	"gocc/target"
)

// gen is the state of one module's generation.
type gen struct {
	m        *ir.Module
	t        *target.Target
	opts     *codegen.Options
	defined  map[string]symInfo
	fnIndex  int
	consts   []poolEntry
	constIdx map[string]string
	// tlsModels are the TLS models requested per symbol (ir.Global.TLSModel), built on
	// first use (tls.go).
	tlsModels map[string]string
	// asmCount numbers the inline asm statements of the module (%= in their templates).
	asmCount int
}

// Generate writes the assembly for m to w.
func Generate(m *ir.Module, t *target.Target, opts *codegen.Options, w io.Writer) error {
	if t != nil && t.Arch != target.AMD64 {
		return fmt.Errorf("amd64: wrong target %s", t.Triple)
	}
	if opts == nil {
		opts = &codegen.Options{}
	}
	g := &gen{m: m, t: t, opts: opts, defined: map[string]symInfo{}, constIdx: map[string]string{}}
	for _, f := range m.Funcs {
		if len(f.Blocks) > 0 {
			g.defined[f.Name] = symInfo{linkage: f.Linkage, visibility: f.Visibility, isFunc: true}
		}
	}
	for _, gl := range m.Globals {
		if !gl.Extern {
			g.defined[gl.Name] = symInfo{linkage: gl.Linkage, visibility: gl.Visibility}
		}
	}
	var sb strings.Builder
	if opts.FileName != "" {
		fmt.Fprintf(&sb, "\t.file %q\n", opts.FileName)
		if opts.Debug {
			// DWARF line table only: .loc directives name file 1 (no .debug_info yet).
			fmt.Fprintf(&sb, "\t.file 1 %q\n", opts.FileName)
		}
	}
	for _, a := range m.TopAsm {
		sb.WriteString(a)
		sb.WriteString("\n")
	}
	for i, f := range m.Funcs {
		if len(f.Blocks) == 0 {
			continue
		}
		g.fnIndex = i
		if err := g.genFunc(f, &sb); err != nil {
			return err
		}
	}
	for _, gl := range m.Globals {
		g.emitGlobal(&sb, gl)
	}
	g.emitStructors(&sb)
	g.emitPool(&sb)
	if usesTrampolines(m) {
		// Stack trampolines (trampoline.go) need an executable stack, as with gcc.
		sb.WriteString("\t.section .note.GNU-stack,\"x\",@progbits\n")
	} else {
		sb.WriteString("\t.section .note.GNU-stack,\"\",@progbits\n")
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(sb.String())
	return bw.Flush()
}

func (g *gen) genFunc(f *ir.Func, sb *strings.Builder) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("amd64: panic while compiling %s: %v", f.Name, r)
		}
	}()
	s, err := g.selectFunc(f)
	if err != nil {
		return err
	}
	if err := s.regalloc(); err != nil {
		return err
	}
	s.emitFunc(sb)
	return nil
}

var _ codegen.Generator = Generate
