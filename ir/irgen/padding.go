package irgen

import (
	"gocc/ast"
	"gocc/ir"
	"gocc/target"
)

// clearPadding lowers __builtin_clear_padding(p) (gcc manual "Other Builtins"): every
// bit of *p that is not part of a value is set to zero: gaps between and after struct
// members, unused bits around bit-fields, bits of a union that no member covers, and
// the 6 unused bytes of an x87 long double. Whole padding bytes are stored as zero;
// bytes that mix value and padding bits are masked.
func (fn *fn) clearPadding(e *ast.Call) {
	p := fn.expr(e.Args[0])
	t := e.Args[0].Type().Base
	if t == nil || !isVariable(t) {
		fn.clearPaddingAt(p, t)
		return
	}
	// A VLA: clear each element of the first fixed-size element type, in a loop over
	// the run-time size.
	elem := t
	for elem != nil && elem.Kind == ast.Array && isVariable(elem) {
		elem = elem.Base
	}
	if elem == nil || isVariable(elem) || elem.Size <= 0 {
		return
	}
	mask := make([]byte, elem.Size)
	fn.g.valueBits(elem, mask, 0)
	if !hasPadding(mask) {
		return
	}
	total := fn.toI64(fn.sizeOf(t))
	i := fn.newSlot(8, 8, "")
	fn.op(ir.OpStore, ir.Void, i, fn.iconst(ir.I64, 0))
	head, body, done := fn.f.NewBlock(), fn.f.NewBlock(), fn.f.NewBlock()
	fn.jump(head)
	off := fn.op(ir.OpLoad, ir.I64, i)
	fn.branch(fn.op(ir.OpLtU, ir.I32, off, total), body, done)
	fn.startBlock(body)
	fn.clearPaddingAt(fn.op(ir.OpAdd, ir.Ptr, p, off), elem)
	fn.op(ir.OpStore, ir.Void, i, fn.op(ir.OpAdd, ir.I64, off, fn.iconst(ir.I64, elem.Size)))
	fn.jump(head)
	fn.startBlock(done)
}

func hasPadding(mask []byte) bool {
	for _, m := range mask {
		if m != 0xff {
			return true
		}
	}
	return false
}

// clearPaddingAt zeroes the padding bits of the object of type t at p.
func (fn *fn) clearPaddingAt(p *ir.Value, t *ast.Type) {
	if t == nil || t.Size <= 0 {
		return
	}
	mask := make([]byte, t.Size) // bits holding a value
	fn.g.valueBits(t, mask, 0)
	for i := int64(0); i < t.Size; {
		switch mask[i] {
		case 0xff:
			i++
		case 0:
			j := i
			for j < t.Size && mask[j] == 0 {
				j++
			}
			z := fn.op(ir.OpZero, ir.Void, fn.offset(p, i))
			z.AuxInt = j - i
			i = j
		default:
			a := fn.offset(p, i)
			b := fn.op(ir.OpLoad, ir.I8, a)
			fn.op(ir.OpStore, ir.Void, a, fn.op(ir.OpAnd, ir.I8, b, fn.iconst(ir.I8, int64(mask[i]))))
			i++
		}
	}
}

// valueBits marks in mask (from byte off) the bits an object of type t uses for its
// value.
func (g *gen) valueBits(t *ast.Type, mask []byte, off int64) {
	set := func(from, n int64) {
		for i := from; i < from+n && i < int64(len(mask)); i++ {
			mask[i] = 0xff
		}
	}
	switch t.Kind {
	case ast.Enum:
		if t.Enum != nil && t.Enum.Underlying != nil {
			g.valueBits(t.Enum.Underlying, mask, off)
			return
		}
		set(off, t.Size)
	case ast.LongDouble:
		if g.t.LongDoubleFormat == target.LDX87 {
			set(off, 10) // 64-bit significand, sign and 15-bit exponent
			return
		}
		set(off, t.Size)
	case ast.Complex:
		g.valueBits(t.Base, mask, off)
		g.valueBits(t.Base, mask, off+t.Base.Size)
	case ast.Array:
		if t.Base == nil || t.Base.Size <= 0 {
			return
		}
		for k := int64(0); k < t.Len; k++ {
			g.valueBits(t.Base, mask, off+k*t.Base.Size)
		}
	case ast.Struct, ast.Union:
		if t.Record == nil {
			return
		}
		for _, m := range t.Record.Members {
			if m.Type == nil || m.Type.Size < 0 {
				continue
			}
			if !m.IsBitField {
				g.valueBits(m.Type, mask, off+m.Offset)
				continue
			}
			if m.Name == "" {
				continue // an unnamed bit-field is padding (C11 6.7.2.1p12)
			}
			// Bits [BitOffset, BitOffset+BitWidth) of the little-endian storage unit
			// at Offset (ast.Member).
			for b := m.BitOffset; b < m.BitOffset+m.BitWidth; b++ {
				i := off + m.Offset + int64(b/8)
				if i < int64(len(mask)) {
					mask[i] |= 1 << (b % 8)
				}
			}
		}
	default:
		set(off, t.Size)
	}
}
