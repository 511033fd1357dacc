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
//     #pragma pack, and on i386 capped to 4 for double/long long (fieldAlign).
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
	if r == nil || !r.Complete || c.recState[r] != 0 || !c.recDefined[r] {
		return
	}
	c.recState[r] = 1
	packed := r.Packed || hasAttr(r.Attrs, "packed")
	r.Packed = packed
	pack := c.pragmaPack(r) * 8 // maximum field alignment in bits, 0 if none
	var off, size bitPos
	recAlign := int64(8)
	var asFields map[*ast.Member]bool // bit-fields laid out as ordinary fields
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
		// A member's aligned attribute keeps its type's natural alignment from the i386
		// cap only if it asks for at least that much (see fieldAlign); a bit-field's
		// type alignment ignores it (gcc uses TYPE_ALIGN there).
		userMember := int64(0)
		if !m.IsBitField {
			userMember = memberAlign / 8
		}
		typeAlign := c.fieldAlign(mt, userMember) * 8
		if typeAlign == 0 {
			typeAlign = 8
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
			// gcc layout_decl: a bit-field exactly as wide as an integer machine mode
			// that starts where that mode is aligned becomes an ordinary field of the
			// mode (not when packed, unless the mode is a byte): it asks for the mode's
			// alignment (capped on i386 like other integer members unless the member
			// is aligned), and the straddle rule no longer applies to it. This matters
			// for types aligned beyond their size (aligned typedefs).
			asField := false
			if xa := c.bitFieldMode(mt, w); xa > 0 && !(xa > 8 && memberPacked) && off.mod(xa) == 0 {
				asField = true
				if asFields == nil {
					asFields = map[*ast.Member]bool{}
				}
				asFields[m] = true
				if lim := int64(c.t.StructDoubleAlign) * 8; lim > 0 && memberAlign == 0 && !memberPacked {
					xa = min(xa, lim)
				}
				desired = max(desired, xa)
			}
			if pack > 0 && desired > pack {
				desired = pack
			}
			if desired > 0 {
				off = off.roundUp(desired)
			}
			if !asField && !memberPacked && pack == 0 && typeAlign > 0 {
				if (off.mod(typeAlign)+w+typeAlign-1)/typeAlign > tsize/typeAlign {
					off = off.roundUp(typeAlign)
				}
			}
			// gcc update_alignment_for_field: only named bit-fields (all of them where
			// the target aligns anonymous ones) raise the record's alignment, to that
			// of their type and to the alignment they ask for.
			if m.Name != "" || c.t.AnonBitFieldAlign {
				ta := typeAlign
				if pack > 0 {
					ta = min(ta, pack)
				} else if memberPacked {
					ta = 8
				}
				recAlign = max(recAlign, ta, desired)
			}
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
	r.UserAligned = c.recordUserAligned(r, asFields)
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

// bitFieldMode returns the alignment in bits of the integer machine mode exactly w bits
// wide if a bit-field of type t and width w can have it (see layoutRecord), else 0.
func (c *checker) bitFieldMode(t *ast.Type, w int64) int64 {
	if !t.IsInteger() {
		return 0
	}
	switch w {
	case 8, 16, 32, 64:
		return w
	case 128:
		if c.t.HasInt128 {
			return w
		}
	}
	return 0
}

// fieldAlign is the alignment in bytes gcc gives a member of type t before packing and
// the member's own aligned attribute (userMember: the alignment that attribute asks
// for, 0 if none; it counts only if it is at least the type's): the type's
// alignment, except on i386, where ADJUST_FIELD_ALIGN (x86_field_alignment; i386 SysV
// ABI "Aggregates and Unions": double and long long members are 4-byte aligned) caps
// at 4 bytes the members whose machine mode is DFmode, DCmode or an integer mode:
// double, long long, their complex types, and 8-byte integer vectors, which have DImode
// there without MMX. The cap does not apply when the type or the member is user-aligned
// (gcc's TYPE_USER_ALIGN / DECL_USER_ALIGN), which then keep the natural alignment.
func (c *checker) fieldAlign(t *ast.Type, userMember int64) int64 {
	nat := c.naturalAlign(t)
	lim := int64(c.t.StructDoubleAlign)
	if lim == 0 || userMember >= nat || c.userAligned(t) || nat <= lim {
		return nat
	}
	et := t
	for et.Kind == ast.Array {
		et = et.Base
	}
	if c.i386CappedMode(et, 0) {
		return lim
	}
	return nat
}

// i386CappedMode reports whether gcc gives t, on i386, a machine mode that
// x86_field_alignment caps: DFmode, DCmode, or an integer or complex integer mode
// (see machineMode). So a small record raised to 8-byte alignment by a zero-length
// array of vectors is capped like long long.
func (c *checker) i386CappedMode(t *ast.Type, depth int) bool {
	switch m := c.machineMode(t, depth); m.class {
	case modeInt, modeComplexInt:
		return true
	case modeFloat:
		return m.size == 8 // DFmode
	case modeComplexFloat:
		return m.size == 16 // DCmode
	}
	return false
}

// machMode is the part of gcc's machine mode of a type that layout depends on.
type machMode struct {
	class int   // modeBLK, ...
	size  int64 // bytes
	align int64 // GET_MODE_ALIGNMENT in bytes
	// noForceBlk: BLKmode only because it is aligned less than its scalar mode needs
	// on a STRICT_ALIGNMENT target (gcc's TYPE_NO_FORCE_BLK), which does not make
	// the aggregates containing it BLKmode.
	noForceBlk bool
}

const (
	modeBLK = iota
	modeInt
	modeFloat
	modeComplexInt
	modeComplexFloat
)

// machineMode approximates gcc's TYPE_MODE on the targets where layout depends on it
// (i386 without MMX/SSE and RISC-V without the V extension, as gcc 12 configures them
// by default): scalars have their obvious modes; a vector is not supported there, so an
// integer vector gets the integer mode of its size if it has one (up to DImode) and
// every other vector BLKmode; an array gets the integer mode of its size unless its
// element is BLKmode (and, like a record, is BLKmode if not aligned for that mode on a
// STRICT_ALIGNMENT target). A struct or union (gcc compute_record_mode) has BLKmode if a
// member of non-zero size does; else the mode of a member as large as the record (for
// a union only an integer one); else the integer mode of its size (up to
// MAX_FIXED_MODE_SIZE: DImode on i386, TImode on 64-bit targets). On a STRICT_ALIGNMENT target a record aligned less than
// that mode needs has BLKmode.
func (c *checker) machineMode(t *ast.Type, depth int) machMode {
	intMode := func(size int64) machMode {
		switch size {
		case 1, 2, 4, 8:
			return machMode{class: modeInt, size: size, align: size}
		case 16:
			if c.t.Is64() { // MAX_FIXED_MODE_SIZE: TImode on 64-bit targets
				return machMode{class: modeInt, size: size, align: size}
			}
		}
		return machMode{}
	}
	// strict applies STRICT_ALIGNMENT to the mode of an aggregate aligned align bytes.
	strict := func(m machMode, align int64) machMode {
		if m.class != modeBLK && c.t.StrictAlign && align < m.align && align < int64(c.t.MaxAlign) {
			return machMode{noForceBlk: true}
		}
		return m
	}
	switch {
	case t == nil || depth > 16:
		return machMode{}
	case t.Kind == ast.Float || t.Kind == ast.Double || t.Kind == ast.LongDouble:
		return machMode{class: modeFloat, size: t.Size, align: t.Align}
	case t.IsInteger() || t.Kind == ast.Pointer:
		return machMode{class: modeInt, size: t.Size, align: t.Size}
	case t.Kind == ast.Complex && t.Base != nil:
		if t.Base.IsInteger() {
			return machMode{class: modeComplexInt, size: t.Size, align: t.Base.Size}
		}
		return machMode{class: modeComplexFloat, size: t.Size, align: t.Base.Align}
	case t.Kind == ast.Vector:
		if t.Base != nil && t.Base.IsInteger() {
			return intMode(t.Size)
		}
		return machMode{}
	case t.Kind == ast.Array:
		if em := c.machineMode(t.Base, depth+1); t.Size <= 0 || em.class == modeBLK && !em.noForceBlk {
			return machMode{}
		}
		return strict(intMode(t.Size), t.Align)
	case t.IsRecord() && t.Record != nil:
		r := t.Record
		var whole machMode
		for _, m := range r.Members {
			size := m.Type.Size * 8
			if m.IsBitField {
				size = int64(m.BitWidth)
			}
			if size == 0 {
				continue
			}
			mm := c.machineMode(m.Type, depth+1) // a bit-field's DECL_MODE is its type's
			if mm.class == modeBLK && !mm.noForceBlk {
				return machMode{}
			}
			if size == r.Size*8 {
				whole = mm
			}
		}
		mode := intMode(r.Size)
		if whole.class != modeBLK && whole.size == r.Size && (!r.IsUnion || whole.class == modeInt) {
			mode = whole
		}
		return strict(mode, r.Align)
	}
	return machMode{}
}

// recordUserAligned computes gcc's TYPE_USER_ALIGN of a record just laid out
// (stor-layout update_alignment_for_field, finalize_type_size): an aligned attribute
// on the record, or a member whose alignment the user set: an ordinary member with an
// aligned attribute asking at least its type's alignment (or any, when packed), or of
// a user-aligned type; a bit-field with an aligned attribute, or of a user-aligned type
// unless it is unnamed, the target does not align to anonymous bit-fields, and the PCC
// bit-field rule did not see it (see below). On a STRICT_ALIGNMENT target, a record with
// a scalar machine mode aligned as that mode loses the flag.
func (c *checker) recordUserAligned(r *ast.Record, asField map[*ast.Member]bool) bool {
	user := c.attrAlign(r.Attrs) > 0
	for _, m := range r.Members {
		if user {
			break
		}
		attr := c.attrAlign(m.Attrs)
		switch {
		case m.IsBitField:
			// update_alignment_for_field takes the type's flag for the bit-fields that
			// align the record, layout_decl for zero-width ones, and place_field's PCC
			// rule for the others of a struct it applies to (not packed, no #pragma
			// pack, not laid out as an ordinary field).
			pcc := !r.IsUnion && !asField[m] && !r.Packed && !hasAttr(m.Attrs, "packed") && r.MaxFieldAlign == 0
			user = attr > 0 || c.userAligned(m.Type) && (m.Name != "" || c.t.AnonBitFieldAlign || m.BitWidth == 0 || pcc)
		case attr > 0 && (attr >= c.naturalAlign(m.Type) || r.Packed || hasAttr(m.Attrs, "packed")):
			user = true
		default:
			user = c.userAligned(m.Type)
		}
	}
	if user && c.t.StrictAlign {
		if mm := c.machineMode(&ast.Type{Kind: ast.Struct, Record: r, Size: r.Size, Align: r.Align}, 0); mm.class != modeBLK && mm.align >= r.Align {
			user = false
		}
	}
	return user
}

// naturalAlign is gcc's TYPE_ALIGN of t in bytes, the value of __alignof__: t.Align,
// except that on i386 the types the target table gives their 4-byte field alignment
// (double, long long and their complex types, arrays of them) are naturally 8-byte
// aligned unless an aligned attribute set their alignment.
func (c *checker) naturalAlign(t *ast.Type) int64 {
	if c.t.StructDoubleAlign == 0 || c.userAligned(t) {
		return t.Align
	}
	et := t
	for et.Kind == ast.Array {
		et = et.Base
	}
	if et.Kind == ast.Complex && et.Base != nil {
		et = et.Base
	}
	switch et.Kind {
	case ast.Double, ast.LongLong, ast.ULongLong:
		return max(t.Align, et.Size)
	case ast.Enum:
		if u := c.intType(et); u != et && (u.Kind == ast.LongLong || u.Kind == ast.ULongLong) {
			return max(t.Align, u.Size)
		}
	}
	return t.Align
}

// minAlign is the value of C11 _Alignof(t) (6.5.3.4p3) as gcc computes it
// (min_align_of_type): the alignment every object of the type is guaranteed, which is
// the natural alignment when an aligned attribute set it, and otherwise the smaller of
// the natural alignment, __BIGGEST_ALIGNMENT__ and the member alignment (fieldAlign).
// A 32-byte vector is laid out 32-byte aligned on x86-64 but its _Alignof is 16.
func (c *checker) minAlign(t *ast.Type) int64 {
	nat := c.naturalAlign(t)
	if c.userAligned(t) {
		return nat
	}
	return min(nat, int64(c.t.MaxAlign), c.fieldAlign(t, 0))
}

// userAligned reports gcc's TYPE_USER_ALIGN: an aligned attribute (or _Alignas) set the
// alignment of t or of its element type, or t is a user-aligned record
// (recordUserAligned).
func (c *checker) userAligned(t *ast.Type) bool {
	for t != nil {
		if c.userAlign(t) > 0 {
			return true
		}
		switch t.Kind {
		case ast.Array:
			t = t.Base
		case ast.Struct, ast.Union:
			return t.Record != nil && t.Record.UserAligned
		default:
			return false
		}
	}
	return false
}

// vectorAlign is the alignment of a GNU vector type: its size, capped by the target
// (MaxVectorAlign); a vector whose size is not a power of two aligns like its element.
func (c *checker) vectorAlign(t *ast.Type) int64 {
	a := t.Size
	if m := int64(c.t.MaxVectorAlign); m > 0 && a > m {
		a = m
	}
	if a <= 0 || a&(a-1) != 0 {
		a = t.Base.Align
	}
	return a
}
