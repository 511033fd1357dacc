package sema

import (
	"sort"

	"gocc/ast"
)

// Initializers (C11 6.7.9) are flattened into InitEntry lists: the object is
// zero-filled, then each entry stores one scalar, string or whole-record value at an
// offset. The walk keeps a stack of "current object" frames (6.7.9p17): a designator
// resets the stack to the list's own object and descends; a value that is not a braced
// list and does not initialize the current aggregate as a whole descends into its
// first member (brace elision, 6.7.9p20); after each value the innermost frame moves
// to its next member and exhausted implicit frames are popped.

type initFrame struct {
	t   *ast.Type
	off int64
	idx int64 // current element or member index
}

type initWalker struct {
	c       *checker
	static  bool
	entries []*ast.InitEntry
	maxLen  int64 // for an incomplete top-level array: elements seen
	topOpen bool  // the top-level array has unknown length
}

// initializer flattens init for an object of type t. It returns the entries and the
// type, completed if t was an array of unknown length (6.7.9p22).
func (c *checker) initializer(t *ast.Type, init ast.Expr, static bool, name string) ([]*ast.InitEntry, *ast.Type) {
	w := &initWalker{c: c, static: static}
	if t.Kind == ast.Array && t.Len < 0 && !t.VLA {
		w.topOpen = true
	}
	if cl, ok := init.(*ast.CompoundLit); ok && static && t.Kind == ast.Array && cl.To.Kind == ast.Array && cl.Init != nil {
		// GNU C: a static array initialized from a compound literal of array type
		// ("static const short a[] = (const short []){1, 2};", gcc's pr48517.c) takes
		// the literal's elements; gcc rejects it for automatic arrays.
		c.resolveType(cl.To)
		if c.compatibleUnqual(t.Base.Unqual(), cl.To.Base.Unqual()) {
			w.list(t, 0, cl.Init, true)
			if w.topOpen && cl.To.Len > w.maxLen {
				w.maxLen = cl.To.Len
			}
			init = nil
		}
	}
	if list, ok := init.(*ast.InitList); ok {
		w.list(t, 0, list, true)
	} else if init == nil {
		// taken from a compound literal above
	} else {
		w.value(t, 0, nil, init, true)
	}
	if w.topOpen {
		nt := *t
		nt.Len = w.maxLen
		c.resolveSize(&nt)
		t = &nt
	}
	sort.SliceStable(w.entries, func(i, j int) bool {
		a, b := w.entries[i], w.entries[j]
		if a.Offset != b.Offset {
			return a.Offset < b.Offset
		}
		return bitStart(a) < bitStart(b)
	})
	if static {
		for _, en := range w.entries {
			c.entryConst(en)
		}
	}
	return w.entries, t
}

func bitStart(e *ast.InitEntry) int64 {
	if e.Field != nil {
		return e.Offset*8 + int64(e.Field.BitOffset)
	}
	return e.Offset * 8
}

func bitRange(e *ast.InitEntry) (int64, int64) {
	s := bitStart(e)
	if e.Field != nil {
		return s, s + int64(e.Field.BitWidth)
	}
	size := e.Type.Size
	if size < 0 {
		size = 0
	}
	return s, s + size*8
}

// add records an entry, removing earlier entries it overrides (6.7.9p19).
func (w *initWalker) add(en *ast.InitEntry) {
	s, e := bitRange(en)
	if n := len(w.entries); n > 0 {
		_, le := bitRange(w.entries[n-1])
		if s < le || e == s {
			w.clear(s, e)
		}
	}
	w.entries = append(w.entries, en)
}

// clear removes entries overlapping bits [s, e).
func (w *initWalker) clear(s, e int64) {
	out := w.entries[:0]
	for _, x := range w.entries {
		xs, xe := bitRange(x)
		if xs < e && s < xe {
			continue
		}
		out = append(out, x)
	}
	w.entries = out
}

// checked returns the checked form of an initializer expression, checking it once.
func (w *initWalker) checked(e ast.Expr) ast.Expr {
	if r, ok := w.c.initCache[e]; ok {
		return r
	}
	r := w.c.expr(e)
	if _, isStr := r.(*ast.StringLit); !isStr {
		r = w.c.decay(r)
	}
	w.c.initCache[e] = r
	w.c.initCache[r] = r
	return r
}

func isCharArray(t *ast.Type) bool {
	if t.Kind != ast.Array {
		return false
	}
	b := t.Base
	return b.IsInteger()
}

// stringFits reports whether a string literal may initialize array type t: char
// arrays from narrow literals, wide arrays from literals of the same element size.
func (w *initWalker) stringFits(t *ast.Type, s *ast.StringLit) bool {
	if !isCharArray(t) {
		return false
	}
	w.c.typeStringLit(s)
	return s.Type().Base.Size == t.Base.Size
}

// value initializes the object of type t at off (member m if a bit-field) from a
// non-list expression.
func (w *initWalker) value(t *ast.Type, off int64, m *ast.Member, init ast.Expr, top bool) {
	c := w.c
	x := w.checked(init)
	if s, ok := x.(*ast.StringLit); ok && t.Kind == ast.Array {
		if w.stringFits(t, s) {
			w.string(t, off, s, top)
			return
		}
	}
	if s, ok := x.(*ast.StringLit); ok {
		x = c.decay(s)
	}
	if cl, ok := x.(*ast.CompoundLit); ok && w.static && cl.Obj != nil && c.compatibleUnqual(cl.Type().Unqual(), t.Unqual()) {
		// GNU: a compound literal initializing a static object is spliced in.
		w.clear(off*8, (off+max(t.Size, 0))*8)
		for _, en := range cl.Obj.Init {
			cp := *en
			cp.Offset += off
			w.add(&cp)
		}
		return
	}
	switch {
	case t.Kind == ast.Array:
		c.errorf(init.Position(), "invalid initializer")
		return
	case t.IsRecord():
		if !(x.Type().IsRecord() && x.Type().Record == t.Record) {
			if t.Kind == ast.Union && hasAttr(t.Record.Attrs, "transparent_union") {
				break
			}
			c.errorf(init.Position(), "invalid initializer")
			return
		}
		w.add(&ast.InitEntry{Offset: off, Type: t, Value: x})
		return
	}
	v := c.assignConv(x, t, convCtx{kind: ctxInit, pos: init.Position()})
	w.add(&ast.InitEntry{Offset: off, Type: t, Field: m, Value: v})
}

// string initializes a character array from a string literal (6.7.9p14-15).
func (w *initWalker) string(t *ast.Type, off int64, s *ast.StringLit, top bool) {
	n := s.Type().Len // including the terminating zero
	if top && w.topOpen {
		w.maxLen = max(w.maxLen, n)
		nt := *t
		nt.Len = n
		w.c.resolveSize(&nt)
		t = &nt
	} else if t.Len >= 0 && n-1 > t.Len {
		w.c.warnf(s.Pos, "initializer-string for array of '%s' is too long", typeString(t.Base))
	}
	w.clear(off*8, (off+max(t.Size, 0))*8)
	w.add(&ast.InitEntry{Offset: off, Type: t, Value: s})
}

// memberAt returns the idx-th initializable member of a record (skipping unnamed
// bit-fields), or nil.
func memberAt(r *ast.Record, idx int64) (*ast.Member, int64) {
	for i := idx; i < int64(len(r.Members)); i++ {
		m := r.Members[i]
		if m.IsBitField && m.Name == "" {
			continue
		}
		return m, i
	}
	return nil, -1
}

// elemCount is the number of elements of an aggregate frame; -1 if unbounded.
func (w *initWalker) elemCount(f *initFrame, top bool) int64 {
	switch f.t.Kind {
	case ast.Array:
		if top && w.topOpen || f.t.Len < 0 {
			return -1 // unknown length, or a GNU-initialized flexible array member
		}
		return f.t.Len
	case ast.Vector:
		return f.t.Len
	case ast.Complex:
		return 2
	case ast.Union:
		if f.idx > 0 {
			return 0 // a union takes one initializer
		}
		return int64(len(f.t.Record.Members))
	}
	return int64(len(f.t.Record.Members))
}

// sub returns the subobject of a frame at its current index.
func (w *initWalker) sub(f *initFrame, top bool) (*ast.Type, int64, *ast.Member, bool) {
	switch f.t.Kind {
	case ast.Array, ast.Vector, ast.Complex:
		n := w.elemCount(f, top)
		if n >= 0 && f.idx >= n {
			return nil, 0, nil, false
		}
		et := f.t.Base
		if f.t.Kind == ast.Array && f.t.Qual != 0 {
			et = et.WithQual(f.t.Qual)
		}
		return et, f.off + f.idx*et.Size, nil, true
	case ast.Struct, ast.Union:
		if f.t.Kind == ast.Union && f.idx > 0 && f.idx >= int64(len(f.t.Record.Members)) {
			return nil, 0, nil, false
		}
		m, i := memberAt(f.t.Record, f.idx)
		if m == nil {
			return nil, 0, nil, false
		}
		f.idx = i
		var bf *ast.Member
		if m.IsBitField {
			bf = m
		}
		return m.Type, f.off + m.Offset, bf, true
	}
	return nil, 0, nil, false
}

func isAggregateInit(t *ast.Type) bool {
	return t.Kind == ast.Array || t.IsRecord() || t.Kind == ast.Vector || t.Kind == ast.Complex
}

// list initializes the object of type t at off from a braced list.
func (w *initWalker) list(t *ast.Type, off int64, l *ast.InitList, top bool) {
	c := w.c
	l.Ty = t
	if !isAggregateInit(t) {
		// Scalar in braces (6.7.9p11).
		if len(l.Items) == 0 {
			w.add(&ast.InitEntry{Offset: off, Type: t, Value: c.convert(c.intLit(0, c.types[ast.Int]), t)})
			return
		}
		if len(l.Items) > 1 {
			c.warnf(l.Pos, "excess elements in scalar initializer")
		}
		it := l.Items[0]
		if sub, ok := it.Value.(*ast.InitList); ok {
			w.list(t, off, sub, false)
		} else {
			w.value(t, off, nil, it.Value, false)
		}
		return
	}
	if t.Kind == ast.Array && t.VLA {
		c.errorf(l.Pos, "variable-sized object may not be initialized")
		return
	}
	if t.Kind == ast.Array && t.Len < 0 && !(top && w.topOpen) && !w.static {
		c.errorf(l.Pos, "non-static initialization of a flexible array member")
		return
	}
	// char s[] = { "abc" }: a string literal in braces initializes the array.
	if isCharArray(t) && len(l.Items) == 1 && len(l.Items[0].Desg) == 0 {
		if s, ok := l.Items[0].Value.(*ast.StringLit); ok && w.stringFits(t, s) {
			w.string(t, off, s, top)
			return
		}
	}
	if t.Size >= 0 {
		w.clear(off*8, (off+t.Size)*8)
	}
	frames := []*initFrame{{t: t, off: off}}
	for _, it := range l.Items {
		if len(it.Desg) > 0 {
			w.designated(frames[0], it, top, 0, it.Desg)
			// Continue after the designated subobject: rebuild the frame stack by
			// walking the designators again without a value.
			frames = w.designatorFrames(frames[0], it.Desg, top)
			if frames == nil {
				frames = []*initFrame{{t: t, off: off, idx: 1 << 40}}
			}
			w.advance(&frames, top)
			continue
		}
		// Pop exhausted implicit frames.
		for len(frames) > 1 {
			f := frames[len(frames)-1]
			if _, _, _, ok := w.sub(f, false); ok {
				break
			}
			frames = frames[:len(frames)-1]
			frames[len(frames)-1].idx++
		}
		f := frames[len(frames)-1]
		st, so, sm, ok := w.sub(f, len(frames) == 1 && top)
		if !ok {
			c.warnf(it.Pos, "excess elements in %s initializer", aggName(t))
			continue
		}
		if sub, ok := it.Value.(*ast.InitList); ok {
			w.list(st, so, sub, false)
			w.noteIndex(frames, top)
			w.advance(&frames, top)
			continue
		}
		// Brace elision: descend until the value initializes the current subobject.
		x := w.checked(it.Value)
		for isAggregateInit(st) && !w.initsWhole(st, x) {
			nf := &initFrame{t: st, off: so}
			frames = append(frames, nf)
			var ok bool
			st, so, sm, ok = w.sub(nf, false)
			if !ok {
				c.errorf(it.Pos, "invalid initializer")
				break
			}
		}
		if st != nil {
			w.noteIndex(frames, top)
			w.value(st, so, sm, it.Value, false)
		}
		w.advance(&frames, top)
	}
}

func aggName(t *ast.Type) string {
	switch t.Kind {
	case ast.Struct:
		return "struct"
	case ast.Union:
		return "union"
	}
	return "array"
}

// initsWhole reports whether expression x initializes an aggregate t as a whole: a
// record of the same type, or a string literal for a character array.
func (w *initWalker) initsWhole(t *ast.Type, x ast.Expr) bool {
	if s, ok := x.(*ast.StringLit); ok {
		return w.stringFits(t, s)
	}
	xt := x.Type()
	if t.IsRecord() && xt.IsRecord() && t.Record == xt.Record {
		return true
	}
	if t.Kind == ast.Vector && xt.Kind == ast.Vector && t.Size == xt.Size {
		return true
	}
	if t.Kind == ast.Complex && xt.Kind == ast.Complex {
		return true
	}
	return false
}

// noteIndex records the length seen for a top-level array of unknown size.
func (w *initWalker) noteIndex(frames []*initFrame, top bool) {
	if top && w.topOpen {
		w.maxLen = max(w.maxLen, frames[0].idx+1)
	}
}

// advance moves the innermost frame to its next subobject (6.7.9p17).
func (w *initWalker) advance(frames *[]*initFrame, top bool) {
	fs := *frames
	f := fs[len(fs)-1]
	if f.t.Kind == ast.Union {
		f.idx = int64(len(f.t.Record.Members))
		return
	}
	f.idx++
}

// designatorIndex evaluates an array designator.
func (w *initWalker) designatorIndex(e ast.Expr) (int64, bool) {
	x := w.checked(e)
	l, ok := x.(*ast.IntLit)
	if !ok {
		w.c.errorf(e.Position(), "array index in initializer not of integer type")
		return 0, false
	}
	return int64(l.Value), true
}

// designated applies one designated item starting at frame f (the list's own object).
func (w *initWalker) designated(f *initFrame, it *ast.InitItem, top bool, depth int, desg []ast.Designator) {
	c := w.c
	t, off := f.t, f.off
	var m *ast.Member
	isTop := true
	for i, d := range desg {
		if d.Field != "" {
			if !t.IsRecord() {
				c.errorf(d.Pos, "field name not in record or union initializer")
				return
			}
			path := t.Record.FindMember(d.Field)
			if path == nil {
				c.errorf(d.Pos, "unknown field '%s' specified in initializer", d.Field)
				return
			}
			for _, pm := range path {
				off += pm.Offset
			}
			last := path[len(path)-1]
			m = nil
			if last.IsBitField {
				m = last
			}
			t = last.Type
			isTop = false
			continue
		}
		if t.Kind != ast.Array && t.Kind != ast.Vector {
			c.errorf(d.Pos, "array index in non-array initializer")
			return
		}
		lo, ok := w.designatorIndex(d.Index)
		if !ok {
			return
		}
		hi := lo
		if d.Hi != nil {
			if hi, ok = w.designatorIndex(d.Hi); !ok {
				return
			}
		}
		limit := t.Len
		if isTop && top && w.topOpen {
			limit = -1
			w.maxLen = max(w.maxLen, hi+1)
		}
		if lo < 0 || limit >= 0 && hi >= limit || hi < lo {
			c.errorf(d.Pos, "array index in initializer exceeds array bounds")
			return
		}
		if hi > lo {
			// GNU range: apply the rest of the designation to every element.
			for k := lo; k <= hi; k++ {
				sf := &initFrame{t: t.Base, off: off + k*t.Base.Size}
				if i+1 < len(desg) {
					w.designated(sf, it, false, depth+1, desg[i+1:])
				} else {
					w.apply(t.Base, sf.off, nil, it)
				}
			}
			return
		}
		off += lo * t.Base.Size
		t = t.Base
		m = nil
		isTop = false
	}
	w.apply(t, off, m, it)
}

// apply initializes one designated subobject with an item's value.
func (w *initWalker) apply(t *ast.Type, off int64, m *ast.Member, it *ast.InitItem) {
	if sub, ok := it.Value.(*ast.InitList); ok {
		w.list(t, off, sub, false)
		return
	}
	x := w.checked(it.Value)
	// Brace elision below a designator: the value goes to the first scalar.
	for isAggregateInit(t) && !w.initsWhole(t, x) {
		f := &initFrame{t: t, off: off}
		st, so, sm, ok := w.sub(f, false)
		if !ok {
			w.c.errorf(it.Pos, "invalid initializer")
			return
		}
		t, off, m = st, so, sm
	}
	w.value(t, off, m, it.Value, false)
}

// designatorFrames rebuilds the frame stack after a designated item so the next
// positional item initializes the following subobject (6.7.9p17). It returns nil if
// the designation was invalid.
func (w *initWalker) designatorFrames(top *initFrame, desg []ast.Designator, isTopList bool) []*initFrame {
	frames := []*initFrame{{t: top.t, off: top.off}}
	for i, d := range desg {
		f := frames[len(frames)-1]
		if d.Field != "" {
			if !f.t.IsRecord() {
				return nil
			}
			path := f.t.Record.FindMember(d.Field)
			if path == nil {
				return nil
			}
			for j, pm := range path {
				cur := frames[len(frames)-1]
				for k, mm := range cur.t.Record.Members {
					if mm == pm {
						cur.idx = int64(k)
					}
				}
				if j < len(path)-1 {
					frames = append(frames, &initFrame{t: pm.Type, off: cur.off + pm.Offset})
				}
			}
		} else {
			if f.t.Kind != ast.Array && f.t.Kind != ast.Vector {
				return nil
			}
			idx := d.Index
			if d.Hi != nil {
				idx = d.Hi
			}
			n, ok := w.designatorIndex(idx)
			if !ok {
				return nil
			}
			f.idx = n
		}
		if i < len(desg)-1 {
			cur := frames[len(frames)-1]
			st, so, _, ok := w.sub(cur, len(frames) == 1 && isTopList)
			if !ok {
				return nil
			}
			frames = append(frames, &initFrame{t: st, off: so})
		}
	}
	return frames
}
