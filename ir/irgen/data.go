package irgen

import (
	"encoding/binary"
	"math"

	"gocc/ast"
	"gocc/ir"
	"gocc/target"
)

// globalData builds the initial contents of a static object from its flattened
// initializer (C11 6.7.9p10: everything not initialized explicitly is zero).
// Data stays nil (.bss) when every byte is zero and there is no relocation.
func (g *gen) globalData(gl *ir.Global, o *ast.Object) {
	if o.Str != nil {
		elem := int64(1)
		if o.Type.Kind == ast.Array && o.Type.Base != nil && o.Type.Base.Size > 0 {
			elem = o.Type.Base.Size
		}
		gl.Data = stringBytes(o.Str, elem, gl.Size, g.t.BigEndian)
		if int64(len(gl.Data)) < gl.Size {
			gl.Data = append(gl.Data, make([]byte, gl.Size-int64(len(gl.Data)))...)
		}
		if gl.Size == 0 {
			gl.Size = int64(len(gl.Data))
		}
		return
	}
	if len(o.Init) == 0 {
		return
	}
	if o.Type.IsRecord() && o.Type.Record.HasFlexArray {
		// GNU static initialization of a flexible array member: the object extends past
		// sizeof its type to hold the member's initializer (gcc's symbol size is then
		// sizeof plus the initialized elements).
		for _, e := range o.Init {
			if end := g.entryEnd(e); end > gl.Size {
				gl.Size = end
			}
		}
	}
	data := make([]byte, gl.Size)
	for _, e := range o.Init {
		g.writeEntry(gl, data, e, o)
	}
	if len(gl.Relocs) == 0 {
		zero := true
		for _, b := range data {
			if b != 0 {
				zero = false
				break
			}
		}
		if zero {
			return
		}
	}
	gl.Data = data
}

// entryEnd returns the offset just past the bytes initializer entry e writes; a string
// literal for an array of unknown length (a flexible array member) takes all its
// elements and the terminating zero.
func (g *gen) entryEnd(e *ast.InitEntry) int64 {
	ty := e.Type
	if s, ok := e.Value.(*ast.StringLit); ok && (e.Const == nil || ty.Kind == ast.Array) && ty.Kind == ast.Array && ty.Len < 0 {
		elem := int64(1)
		if ty.Base != nil && ty.Base.Size > 0 {
			elem = ty.Base.Size
		}
		return e.Offset + int64(len(stringBytes(s, elem, -1, g.t.BigEndian)))
	}
	if e.Field != nil {
		return e.Offset + e.Field.Type.Size
	}
	if ty.Size < 0 {
		return e.Offset
	}
	return e.Offset + ty.Size
}

func (g *gen) writeEntry(gl *ir.Global, data []byte, e *ast.InitEntry, o *ast.Object) {
	off := e.Offset
	ty := e.Type
	if s, ok := e.Value.(*ast.StringLit); ok && (e.Const == nil || ty.Kind == ast.Array) {
		elem := int64(1)
		if ty.Kind == ast.Array && ty.Base != nil && ty.Base.Size > 0 {
			elem = ty.Base.Size
		}
		n := ty.Size
		if n < 0 || off+n > int64(len(data)) {
			n = int64(len(data)) - off
		}
		copy(data[off:], stringBytes(s, elem, n, g.t.BigEndian))
		return
	}
	c := e.Const
	if c == nil {
		g.diags.Errorf(o.Pos, "initializer element is not a compile-time constant")
		return
	}
	end := off + ty.Size
	if e.Field != nil {
		// A bit-field of a packed record may be smaller than its declared type.
		end = off + int64(e.Field.BitOffset+e.Field.BitWidth+7)/8
	}
	if off < 0 || end > int64(len(data)) {
		g.diags.Errorf(o.Pos, "irgen: initializer entry at offset %d outside object '%s'", off, o.Name)
		return
	}
	if e.Field != nil {
		// Bit-field: bits [BitOffset, BitOffset+BitWidth) counted from byte Offset
		// (C11 6.7.2.1p11). A field of a packed record may run past the unit of its
		// declared type, so the bits are inserted one by one, not through that unit.
		f := e.Field
		if g.t.BigEndian {
			unit := data[off : off+f.Type.Size]
			old := getUint(unit, true)
			mask := uint64(1)<<uint(f.BitWidth) - 1
			if f.BitWidth >= 64 {
				mask = math.MaxUint64
			}
			old &^= mask << uint(f.BitOffset)
			old |= (uint64(c.Int) & mask) << uint(f.BitOffset)
			putUint(unit, old, true)
			return
		}
		for i := 0; i < f.BitWidth; i++ {
			bit := int64(f.BitOffset + i)
			// Bits above the 64 of c.Int (an __int128 field) repeat its sign.
			v := uint64(c.Int>>min(i, 63)) & 1
			if i >= 64 && !(g.isSigned(f.Type) || c.SExt) {
				v = 0
			}
			b := &data[off+bit/8]
			*b = *b&^(1<<(bit%8)) | byte(v)<<(bit%8)
		}
		return
	}
	switch c.Kind {
	case ast.ConstInt:
		switch {
		case ty.IsFloat():
			g.putFloat(data[off:], ty, "", float64(c.Int))
		case ty.Kind == ast.Complex:
			g.putFloat(data[off:], ty.Base, "", float64(c.Int))
		case c.Wide && ty.Size == 16:
			lo, hi := data[off:off+8], data[off+8:off+16]
			if g.t.BigEndian {
				lo, hi = hi, lo
			}
			putUint(lo, uint64(c.Int), g.t.BigEndian)
			putUint(hi, uint64(c.Hi), g.t.BigEndian)
		default:
			g.putInt(data[off:off+ty.Size], c.Int, g.isSigned(ty) || c.SExt)
		}
	case ast.ConstFloat:
		switch {
		case ty.IsInteger():
			g.putInt(data[off:off+ty.Size], int64(c.Float), g.isSigned(ty))
		case ty.Kind == ast.Complex:
			g.putFloat(data[off:], ty.Base, c.Text, c.Float)
		default:
			g.putFloat(data[off:], ty, c.Text, c.Float)
		}
	case ast.ConstComplex:
		base := ty
		if ty.Kind == ast.Complex {
			base = ty.Base
		}
		if base.IsInteger() {
			g.putInt(data[off:off+base.Size], int64(c.Float), g.isSigned(base))
			g.putInt(data[off+base.Size:off+2*base.Size], int64(c.Imag), g.isSigned(base))
			return
		}
		g.putFloat(data[off:], base, c.Text, c.Float)
		if ty.Kind == ast.Complex {
			g.putFloat(data[off+base.Size:], base, "", c.Imag)
		}
	case ast.ConstAddr:
		if c.Sym == nil {
			g.putInt(data[off:off+ty.Size], c.Int, false)
			return
		}
		gl.Relocs = append(gl.Relocs, ir.Reloc{Offset: off, Size: int(ty.Size), Sym: g.ref(c.Sym), Addend: c.Int})
	case ast.ConstLabelAddr, ast.ConstLabelDiff:
		gl.Relocs = append(gl.Relocs, ir.Reloc{Offset: off, Size: int(ty.Size), Addend: c.Int})
		g.pendingLabelRelocs = append(g.pendingLabelRelocs, labelReloc{gl, len(gl.Relocs) - 1, c.Func, c.Label, c.SubLabel})
	}
}

// putInt stores v in len(b) bytes, sign-extending beyond 64 bits for signed types.
func (g *gen) putInt(b []byte, v int64, signed bool) {
	if len(b) > 8 {
		lo, hi := b[:8], b[8:]
		if g.t.BigEndian {
			hi, lo = b[:len(b)-8], b[len(b)-8:]
		}
		putUint(lo, uint64(v), g.t.BigEndian)
		ext := uint64(0)
		if signed && v < 0 {
			ext = math.MaxUint64
		}
		putUint(hi, ext, g.t.BigEndian)
		return
	}
	putUint(b, uint64(v), g.t.BigEndian)
}

func getUint(b []byte, bigEndian bool) uint64 {
	var v uint64
	for i := range b {
		var byt byte
		if bigEndian {
			byt = b[len(b)-1-i]
		} else {
			byt = b[i]
		}
		if i < 8 {
			v |= uint64(byt) << (8 * uint(i))
		}
	}
	return v
}

// putFloat encodes a floating value of C type ty (float, double, long double per the
// target's format) at the start of b.
func (g *gen) putFloat(b []byte, ty *ast.Type, text string, v float64) {
	var order binary.ByteOrder = binary.LittleEndian
	if g.t.BigEndian {
		order = binary.BigEndian
	}
	switch ty.Kind {
	case ast.Float:
		order.PutUint32(b, math.Float32bits(float32(v)))
	case ast.LongDouble:
		switch g.t.LongDoubleFormat {
		case target.LDX87:
			w := F80Bits(text, v)
			order.PutUint64(b, w[0])
			order.PutUint16(b[8:], uint16(w[1]))
		case target.LDQuad:
			w := F128Bits(text, v)
			order.PutUint64(b, w[0])
			order.PutUint64(b[8:], w[1])
		default:
			order.PutUint64(b, math.Float64bits(v))
		}
	default:
		order.PutUint64(b, math.Float64bits(v))
	}
}
