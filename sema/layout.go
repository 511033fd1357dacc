package sema

import (
	"gocc/ast"
)

// layoutRecord lays out a complete struct or union the way gcc does for System V
// targets (gcc stor-layout.c semantics, psABI "Aggregates and Unions"):
//
//   - An ordinary member is placed at the next multiple of its alignment: the alignment
//     of its type, raised by an aligned attribute on the member, lowered to 1 by packed
//     (record or member) unless the member itself carries aligned, capped by
//     #pragma pack, and on i386 capped to 4 for double/long long (StructDoubleAlign).
//   - A non-zero-width bit-field is placed at the next free bit, unless (not packed,
//     no #pragma pack) it would then span more aligned units of its declared type than
//     the type itself has; then it moves to the next boundary of its type's alignment.
//     Named bit-fields raise the record's alignment to their type's (packed: 1 byte;
//     #pragma pack: capped); unnamed ones do not.
//   - A zero-width bit-field rounds the position up to its type's alignment (ignoring
//     packing) and does not change the record's alignment.
//   - A flexible array member adds no size but its alignment. The size is the end of
//     the last member rounded up to the record's alignment; an empty struct has size 0.
//
// Offsets are tracked in bits.
func (c *checker) layoutRecord(r *ast.Record) {
	if r == nil || !r.Complete || c.recState[r] != 0 {
		return
	}
	c.recState[r] = 1
	packed := r.Packed || hasAttr(r.Attrs, "packed")
	r.Packed = packed
	pack := c.pragmaPack(r) * 8 // maximum field alignment in bits, 0 if none
	var off, size bitPos
	recAlign := int64(8)
	for i, m := range r.Members {
		if ta := typeAttrsOf(m.Attrs); len(ta) > 0 {
			nt := *m.Type
			nt.Attrs = append(append([]*ast.Attr(nil), m.Type.Attrs...), ta...)
			m.Type = &nt
		}
		c.resolveType(m.Type)
		mt := m.Type
		if m.IsBitField {
			c.bitFieldWidth(m)
		}
		if mt.Kind == ast.Array && mt.Len < 0 && !mt.VLA {
			if i != len(r.Members)-1 || r.IsUnion && false {
				c.errorf(m.Pos, "flexible array member not at end of struct")
			}
			r.HasFlexArray = true
		} else if mt.Size < 0 && !mt.VLA {
			c.errorf(m.Pos, "field '%s' has incomplete type", m.Name)
			continue
		}
		memberPacked := packed || hasAttr(m.Attrs, "packed")
		memberAlign := c.attrAlign(m.Attrs) * 8 // explicit aligned on the member, bits
		typeAlign := mt.Align * 8
		if typeAlign == 0 {
			typeAlign = 8
		}
		if c.t.StructDoubleAlign > 0 && c.userAlign(mt) == 0 {
			// i386 ADJUST_FIELD_ALIGN: scalar double/long long members align to 4.
			et := mt
			for et.Kind == ast.Array {
				et = et.Base
			}
			if (et.IsScalar() || et.Kind == ast.Complex) && typeAlign > int64(c.t.StructDoubleAlign)*8 {
				typeAlign = int64(c.t.StructDoubleAlign) * 8
			}
		}
		if r.IsUnion {
			off = bitPos{}
		}
		if m.IsBitField {
			w := int64(m.BitWidth)
			tsize := mt.Size * 8
			if w == 0 {
				// Zero-width: align to the type, packing does not apply.
				off = off.roundUp(typeAlign)
				if c.t.AnonBitFieldAlign {
					recAlign = max(recAlign, typeAlign)
				}
				m.Offset, m.BitOffset, _ = c.unitFor(off, 0, mt, -1)
				if size.less(off) {
					size = off
				}
				continue
			}
			// gcc place_field: first the alignment the field asks for, then the PCC rule
			// that a bit-field may not straddle more units of its type than it has.
			desired := memberAlign
			if pack > 0 && desired > pack {
				desired = pack
			}
			if desired > 0 {
				off = off.roundUp(desired)
			}
			if !memberPacked && pack == 0 && typeAlign > 0 {
				if (off.mod(typeAlign)+w+typeAlign-1)/typeAlign > tsize/typeAlign {
					off = off.roundUp(typeAlign)
				}
			}
			if m.Name != "" || c.t.AnonBitFieldAlign {
				ta := typeAlign
				if pack > 0 {
					ta = min(ta, pack)
				} else if memberPacked {
					ta = 8
				}
				recAlign = max(recAlign, ta)
			}
			recAlign = max(recAlign, desired)
			m.Offset = off.bytes // provisional: final unit chosen once the size is known
			m.BitOffset = int(off.bits)
			off = off.addBits(w)
		} else {
			// An aligned attribute on a member of a packed record sets its alignment
			// exactly; otherwise it can only raise the type's alignment.
			align := typeAlign
			switch {
			case memberPacked && memberAlign > 0:
				align = memberAlign
			case memberPacked:
				align = 8
			case memberAlign > align:
				align = memberAlign
			}
			if pack > 0 && align > pack {
				align = pack
			}
			off = off.roundUp(align)
			recAlign = max(recAlign, align)
			m.Offset = off.bytes
			m.BitOffset = 0
			m.Align = max(align/8, 1)
			if mt.Size > 0 {
				off.bytes += mt.Size
			}
		}
		if size.less(off) {
			size = off
		}
	}
	if ra := c.attrAlign(r.Attrs) * 8; ra > recAlign {
		recAlign = ra
	}
	r.Align = recAlign / 8
	r.Size = roundUp(size.roundUp(8).bytes, r.Align)
	// Choose the storage unit of each bit-field now that the record's size is known.
	for _, m := range r.Members {
		if m.IsBitField && m.BitWidth > 0 {
			pos := bitPos{m.Offset, int64(m.BitOffset)}
			m.Offset, m.BitOffset, m.BytesOnly = c.unitFor(pos, int64(m.BitWidth), m.Type, r.Size)
		}
	}
	c.recState[r] = 2
}

// unitFor picks the storage unit (Member.Offset, BitOffset) of a bit-field at
// position pos: a unit of sizeof(type) bytes that contains the whole field and lies
// inside the record, preferring one aligned to the type's size. bytesOnly reports
// that there is none (a packed record smaller than the type).
func (c *checker) unitFor(pos bitPos, width int64, t *ast.Type, recSize int64) (unit int64, bitOffset int, bytesOnly bool) {
	us := t.Size
	if us <= 0 {
		us = 1
	}
	fits := func(start int64) bool {
		if start < 0 || recSize >= 0 && start+us > recSize {
			return false
		}
		d := pos.bytes - start // the field's first byte relative to the unit
		if d < 0 || d > us {
			return false
		}
		return d*8+pos.bits+width <= us*8
	}
	cands := []int64{pos.bytes - pos.bytes%us, pos.bytes}
	if recSize >= 0 {
		cands = append(cands, recSize-us)
	}
	for _, s := range cands {
		if fits(s) {
			return s, int((pos.bytes-s)*8 + pos.bits), false
		}
	}
	// No unit of the declared size fits (packed record smaller than the type):
	// report the byte that holds the first bit.
	return pos.bytes, int(pos.bits), true
}

// bitPos is a position inside a record as bytes plus 0-7 bits, so that records up to
// the full int64 byte range do not overflow a bit count.
type bitPos struct{ bytes, bits int64 }

func (p bitPos) less(q bitPos) bool {
	return p.bytes < q.bytes || p.bytes == q.bytes && p.bits < q.bits
}

func (p bitPos) addBits(n int64) bitPos {
	t := p.bits + n
	return bitPos{p.bytes + t/8, t % 8}
}

// mod returns the position modulo an alignment a given in bits (a multiple of 8).
func (p bitPos) mod(a int64) int64 {
	if a < 8 {
		return 0
	}
	return p.bytes%(a/8)*8 + p.bits
}

// roundUp rounds the position up to an alignment a in bits (a multiple of 8).
func (p bitPos) roundUp(a int64) bitPos {
	b := p.bytes
	if p.bits > 0 {
		b++
	}
	return bitPos{roundUp(b, max(a/8, 1)), 0}
}

// bitFieldWidth evaluates a member's width (C11 6.7.2.1p4).
func (c *checker) bitFieldWidth(m *ast.Member) {
	if m.WidthExpr == nil {
		return
	}
	e := c.rvalue(m.WidthExpr)
	m.WidthExpr = e
	lit, ok := e.(*ast.IntLit)
	if !ok {
		c.errorf(e.Position(), "bit-field '%s' width not an integer constant", memberName(m))
		m.BitWidth = 1
		return
	}
	w := c.litSigned(lit)
	if !m.Type.IsInteger() {
		c.errorf(m.Pos, "bit-field '%s' has invalid type", memberName(m))
	}
	switch {
	case w < 0:
		c.errorf(e.Position(), "negative width in bit-field '%s'", memberName(m))
		w = 1
	case w > m.Type.Size*8 && m.Type.Size > 0:
		c.errorf(e.Position(), "width of '%s' exceeds its type", memberName(m))
		w = m.Type.Size * 8
	case w == 0 && m.Name != "":
		c.errorf(e.Position(), "zero width for bit-field '%s'", m.Name)
	}
	m.BitWidth = int(w)
}

func memberName(m *ast.Member) string {
	if m.Name == "" {
		return "<anonymous>"
	}
	return m.Name
}

func roundUp(x, a int64) int64 {
	if a <= 1 {
		return x
	}
	return (x + a - 1) / a * a
}
