package opt

import (
	"encoding/binary"
	"math"

	"gocc/ir"
)

// constload replaces loads from read-only data defined in this module by the value
// stored there: an object defined const (C11 6.7.3p6: modifying it is undefined) or a
// string literal (6.4.5p7) holds its initializer for the whole execution, so
// `const double one = 1.0; ... (int)one` and `"hi"[0]` become constants that the later
// folds can use.
//
// A load is folded when its address is Addr(sym)+c (possibly through Add of constants)
// and sym is a ReadOnly global defined here that no other definition can replace (not
// weak, not extern, not thread-local; an external one needs an explicit initializer,
// since a tentative definition may be merged with another unit's as a common symbol),
// the loaded bytes lie inside the object and overlap no relocation, and the load is not
// volatile. Data is read little-endian, the byte order of every gocc target.
//
// Requires: valid IR. Preserves: the CFG; a folded load becomes an OpConst/OpConstFloat
// in place (same ID and type).
func constload(f *ir.Func, ctx *passContext) {
	for _, b := range f.Blocks {
		for _, v := range b.Values {
			if v.Op != ir.OpLoad || v.AuxInt&1 != 0 {
				continue
			}
			data, ok := ctx.readOnlyBytes(v.Args[0], int64(v.Type.Size(ctx.ptrSize)))
			if !ok {
				continue
			}
			switch v.Type {
			case ir.I8, ir.I16, ir.I32, ir.I64:
				var x uint64
				for i := len(data) - 1; i >= 0; i-- {
					x = x<<8 | uint64(data[i])
				}
				setConst(v, int64(x))
			case ir.F32:
				setFloat(v, float64(math.Float32frombits(binary.LittleEndian.Uint32(data))))
			case ir.F64:
				setFloat(v, math.Float64frombits(binary.LittleEndian.Uint64(data)))
			}
		}
	}
}

// symOffset decomposes an address into a symbol and a constant offset: Addr(sym)+c,
// possibly through Add/Sub of constants.
func symOffset(p *ir.Value) (string, int64, bool) {
	var off int64
	for {
		switch p.Op {
		case ir.OpAddr:
			return p.Sym, off + p.AuxInt, true
		case ir.OpAdd, ir.OpSub:
			if p.Type != ir.Ptr || p.Args[1].Op != ir.OpConst {
				return "", 0, false
			}
			if p.Op == ir.OpAdd {
				off += p.Args[1].AuxInt
			} else {
				off -= p.Args[1].AuxInt
			}
			p = p.Args[0]
		case ir.OpCopyValue:
			p = p.Args[0]
		default:
			return "", 0, false
		}
	}
}

// readOnlyGlobal returns the global sym if its contents are known for the whole
// execution (see constload).
func (ctx *passContext) readOnlyGlobal(sym string) *ir.Global {
	g := ctx.globals[sym]
	if g == nil || !g.ReadOnly || g.Extern || g.TLS || g.Alias != "" || g.Linkage == ir.Weak {
		return nil
	}
	if g.Data == nil && g.Linkage != ir.Internal {
		return nil
	}
	return g
}

// readOnlyBytes returns the n bytes at address p if they are known constants.
func (ctx *passContext) readOnlyBytes(p *ir.Value, n int64) ([]byte, bool) {
	sym, off, ok := symOffset(p)
	if !ok || n <= 0 {
		return nil, false
	}
	g := ctx.readOnlyGlobal(sym)
	if g == nil || off < 0 || n > g.Size || off > g.Size-n { // no overflow of off+n
		return nil, false
	}
	for _, r := range g.Relocs {
		if off < r.Offset+int64(r.Size) && r.Offset < off+n {
			return nil, false
		}
	}
	// Data may stop short of Size: the rest is zero.
	out := make([]byte, n)
	if off < int64(len(g.Data)) {
		copy(out, g.Data[off:min(off+n, int64(len(g.Data)))])
	}
	return out, true
}

// constString returns the bytes of the NUL-terminated string at address p (without the
// terminator) if they are known constants.
func (ctx *passContext) constString(p *ir.Value) ([]byte, bool) {
	sym, off, ok := symOffset(p)
	if !ok {
		return nil, false
	}
	g := ctx.readOnlyGlobal(sym)
	if g == nil || off < 0 || off >= g.Size {
		return nil, false
	}
	for i := off; i < g.Size; i++ {
		for _, r := range g.Relocs {
			if i >= r.Offset && i < r.Offset+int64(r.Size) {
				return nil, false
			}
		}
		if i >= int64(len(g.Data)) || g.Data[i] == 0 { // Data may stop short of Size: zeros
			return g.Data[min(off, int64(len(g.Data))):min(i, int64(len(g.Data)))], true
		}
	}
	return nil, false // no terminator inside the object
}
