package amd64

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"gocc/ir"
)

// Module-level emission: globals, the constant pool, constructors, aliases.

type symInfo struct {
	linkage    ir.Linkage
	visibility string
	isFunc     bool
}

// isLocal reports whether references to sym may bind to this module's definition
// directly (PC-relative): it is defined here and, in a shared object (-fPIC), cannot
// be preempted (static, hidden or protected).
func (g *gen) isLocal(sym string) bool {
	si, ok := g.defined[sym]
	if !ok {
		return false
	}
	if !g.opts.PIC {
		return true
	}
	return si.linkage == ir.Internal || si.visibility == "hidden" || si.visibility == "protected"
}

// defines reports whether sym is defined in this module.
func (g *gen) defines(sym string) bool {
	_, ok := g.defined[sym]
	return ok
}

func (g *gen) blockLabel(f *ir.Func, id int) string { return ir.BlockLabel(f, id) }

type poolEntry struct {
	label string
	data  []byte
	align int
}

// constBytes returns the label of a read-only constant with these bytes.
func (g *gen) constBytes(b []byte, align int) string {
	key := fmt.Sprintf("%d:%x", align, b)
	if l, ok := g.constIdx[key]; ok {
		return l
	}
	l := fmt.Sprintf(".LC%d", len(g.consts))
	g.consts = append(g.consts, poolEntry{label: l, data: append([]byte(nil), b...), align: align})
	g.constIdx[key] = l
	return l
}

func le64(x uint64) []byte {
	b := make([]byte, 8)
	for i := range b {
		b[i] = byte(x >> (8 * i))
	}
	return b
}

func (g *gen) constF32(f float32) string {
	return g.constBytes(le64(uint64(math.Float32bits(f)))[:4], 4)
}
func (g *gen) constF64(f float64) string { return g.constBytes(le64(math.Float64bits(f)), 8) }

// constPow2 is the constant 2^n of type t (F32 or F64).
func (g *gen) constPow2(t ir.Type, n int) string {
	if t == ir.F32 {
		return g.constF32(float32(math.Ldexp(1, n)))
	}
	return g.constF64(math.Ldexp(1, n))
}

// signMask is a 16-byte mask of the sign bits (or, for abs, of everything else) of
// t's lanes, for xorps/andps (which need 16-byte aligned memory operands).
func (g *gen) signMask(t ir.Type, abs bool) string {
	var lane []byte
	if t == ir.F32 {
		m := uint64(1) << 31
		if abs {
			m = 1<<31 - 1
		}
		lane = le64(m)[:4]
	} else {
		m := uint64(1) << 63
		if abs {
			m = 1<<63 - 1
		}
		lane = le64(m)
	}
	var b []byte
	for len(b) < 16 {
		b = append(b, lane...)
	}
	return g.constBytes(b, 16)
}

func (g *gen) emitLinkage(w *strings.Builder, name string, l ir.Linkage, vis string) {
	switch l {
	case ir.External:
		fmt.Fprintf(w, "\t.globl %s\n", name)
	case ir.Weak:
		fmt.Fprintf(w, "\t.weak %s\n", name)
	}
	switch vis {
	case "hidden", "protected", "internal":
		fmt.Fprintf(w, "\t.%s %s\n", vis, name)
	}
}

func (g *gen) emitPool(w *strings.Builder) {
	if len(g.consts) == 0 {
		return
	}
	w.WriteString("\t.section .rodata\n")
	for _, c := range g.consts {
		fmt.Fprintf(w, "\t.p2align %d\n%s:\n", log2(int64(c.align)), c.label)
		emitBytes(w, c.data)
	}
}

// emitBytes writes b as .byte lines of 16, and runs of at least zeroRun zero bytes as
// one .zero directive, so that a large mostly-zero initializer (char big[1<<26] =
// {1}) costs a few lines, not millions.
func emitBytes(w *strings.Builder, b []byte) {
	const zeroRun = 32
	var line []byte
	flush := func() {
		for len(line) > 0 {
			n := min(len(line), 16)
			buf := []byte("\t.byte ")
			for i := 0; i < n; i++ {
				if i > 0 {
					buf = append(buf, ',')
				}
				buf = strconv.AppendInt(buf, int64(line[i]), 10)
			}
			w.Write(append(buf, '\n'))
			line = line[n:]
		}
	}
	for i := 0; i < len(b); {
		if b[i] == 0 {
			j := i
			for j < len(b) && b[j] == 0 {
				j++
			}
			if j-i >= zeroRun {
				flush()
				fmt.Fprintf(w, "\t.zero %d\n", j-i)
				i = j
				continue
			}
			line = b[i-len(line) : j]
			i = j
			continue
		}
		line = b[i-len(line) : i+1]
		i++
	}
	flush()
}

// globalSection picks the section of a global: explicit, TLS (.tdata/.tbss),
// read-only (.rodata; .data.rel.ro when it holds addresses in PIC code), .bss for
// zero-initialized data, .data otherwise.
func (g *gen) globalSection(gl *ir.Global) string {
	if gl.Section != "" {
		flags := `"aw",@progbits`
		switch {
		case strings.HasPrefix(gl.Section, ".bss") || strings.HasPrefix(gl.Section, ".tbss"):
			flags = `"aw",@nobits`
		case strings.HasPrefix(gl.Section, ".rodata"):
			flags = `"a",@progbits`
		}
		if gl.TLS {
			flags = strings.Replace(flags, `"aw"`, `"awT"`, 1)
		}
		return gl.Section + "," + flags
	}
	suffix := ""
	if g.opts.DataSections {
		suffix = "." + gl.Name
	}
	zero := gl.Data == nil
	switch {
	case gl.TLS && zero:
		return ".tbss" + suffix + `,"awT",@nobits`
	case gl.TLS:
		return ".tdata" + suffix + `,"awT",@progbits`
	case gl.ReadOnly && len(gl.Relocs) > 0 && (g.opts.PIC || g.opts.PIE):
		return ".data.rel.ro" + suffix + `,"aw"`
	case gl.ReadOnly:
		return ".rodata" + suffix + `,"a"`
	case zero:
		return ".bss" + suffix + `,"aw",@nobits`
	}
	return ".data" + suffix + `,"aw"`
}

func (g *gen) emitGlobal(w *strings.Builder, gl *ir.Global) {
	if gl.Extern {
		if gl.Linkage == ir.Weak {
			fmt.Fprintf(w, "\t.weak %s\n", gl.Name)
		}
		return
	}
	if gl.Alias != "" {
		g.emitLinkage(w, gl.Name, gl.Linkage, gl.Visibility)
		fmt.Fprintf(w, "\t.set %s, %s\n", gl.Name, gl.Alias)
		return
	}
	if gl.Common && gl.Data == nil {
		// -fcommon: the linker merges the tentative definitions of all files (and
		// yields to an initialized one); .comm makes the symbol global.
		g.emitLinkage(w, gl.Name, ir.Internal, gl.Visibility)
		fmt.Fprintf(w, "\t.comm %s,%d,%d\n", gl.Name, max(gl.Size, 1), max(gl.Align, 1))
		return
	}
	fmt.Fprintf(w, "\t.section %s\n", g.globalSection(gl))
	g.emitLinkage(w, gl.Name, gl.Linkage, gl.Visibility)
	typ := "@object"
	if gl.TLS {
		typ = "@tls_object"
	}
	fmt.Fprintf(w, "\t.type %s, %s\n\t.size %s, %d\n", gl.Name, typ, gl.Name, gl.Size)
	fmt.Fprintf(w, "\t.p2align %d\n%s:\n", log2(max(gl.Align, 1)), gl.Name)
	if gl.Data == nil {
		if gl.Size > 0 {
			fmt.Fprintf(w, "\t.zero %d\n", gl.Size)
		}
		return
	}
	relocs := append([]ir.Reloc(nil), gl.Relocs...)
	sort.Slice(relocs, func(i, j int) bool { return relocs[i].Offset < relocs[j].Offset })
	off := int64(0)
	data := gl.Data
	for _, r := range relocs {
		if r.Offset > off {
			emitBytes(w, data[off:r.Offset])
		}
		dir := map[int]string{1: ".byte", 2: ".short", 4: ".long"}[r.Size]
		if dir == "" {
			dir = ".quad"
		}
		sym := r.Sym
		if r.Sub != "" {
			sym += "-" + r.Sub
		}
		if r.Addend != 0 {
			fmt.Fprintf(w, "\t%s %s%+d\n", dir, sym, r.Addend)
		} else {
			fmt.Fprintf(w, "\t%s %s\n", dir, sym)
		}
		off = r.Offset + int64(r.Size)
	}
	if off < int64(len(data)) {
		emitBytes(w, data[off:])
	}
	if int64(len(data)) < gl.Size {
		fmt.Fprintf(w, "\t.zero %d\n", gl.Size-int64(len(data)))
	}
}

// emitStructors lists constructors and destructors in .init_array/.fini_array; an
// explicit priority p (101..65534) goes to .init_array.%05d, which the linker sorts.
func (g *gen) emitStructors(w *strings.Builder) {
	for _, f := range g.m.Funcs {
		for _, e := range []struct {
			prio int
			sect string
		}{{f.Constructor, ".init_array"}, {f.Destructor, ".fini_array"}} {
			if e.prio < 0 {
				continue
			}
			sect := e.sect
			if e.prio > 0 && e.prio < 65535 {
				sect = fmt.Sprintf("%s.%05d", e.sect, e.prio)
			}
			fmt.Fprintf(w, "\t.section %s,\"aw\"\n\t.p2align 3\n\t.quad %s\n", sect, f.Name)
		}
	}
}
