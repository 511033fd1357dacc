package opt

import (
	"math"

	"gocc/ir"
)

// compare decides comparisons from what is known about their operands' order:
//
//   - a branch on a comparison of a and b tells, in the blocks its successor dominates
//     (when that successor is reached only by that edge), which outcome a ? b had; a
//     later comparison of the same operands (in either order) is decided if all the
//     outcomes still possible agree on it: (x == y && x != y) is 0, (x < y || x >= y)
//     is 1 for integers;
//   - a NaN constant operand makes the outcome "unordered": every comparison but != is
//     false (C11 F.9.3; ir comparisons are ordered except Ne);
//   - fabs(x) is never negative: fabs(x) < c with c <= 0 is false (and its mirror).
//
// Outcomes are sets of {less, equal, greater, unordered}; floating operands may be
// unordered (NaN), so !(x < y) does not imply x >= y for them. Signed and unsigned
// orders are kept apart; equality is common to both.
//
// Requires: valid IR. Preserves: the CFG; decided comparisons become constants in place,
// decided block controls get a new constant.
func compare(f *ir.Func, _ *passContext) {
	ir.RemoveUnreachableBlocks(f)
	dom := ir.NewDomTree(f)
	facts := &factSet{byPair: map[[2]operandKey][]int{}}
	var visit func(b *ir.Block)
	visit = func(b *ir.Block) {
		for _, v := range b.Values {
			if r, ok := decideCompare(v, facts); ok {
				setConst(v, r)
			}
		}
		if c := b.Control; b.Kind == ir.BlockIf && c != nil && c.Block != b {
			if r, ok := decideCompare(c, facts); ok {
				b.SetControl(b.Func.NewValue(b, ir.OpConst, c.Type))
				b.Control.AuxInt = r
				b.Values = append(b.Values, b.Control)
			}
		}
		for _, c := range dom.Children(b) {
			n := len(facts.list)
			if b.Kind == ir.BlockIf && b.Succs[0] != b.Succs[1] && len(c.Preds) == 1 {
				switch c {
				case b.Succs[0]:
					facts.push(deriveFacts(b.Control, true, nil))
				case b.Succs[1]:
					facts.push(deriveFacts(b.Control, false, nil))
				}
			}
			visit(c)
			facts.truncate(n)
		}
	}
	visit(f.Blocks[0])
}

// cmpFact records that comparison cmp had the result holds.
type cmpFact struct {
	cmp   *ir.Value
	holds bool
}

// operandKey identifies a comparison operand: its value, or an integer constant's
// type and value (equal constants are the same operand, see sameOperand).
type operandKey struct {
	id    int
	typ   ir.Type
	c     int64
	konst bool
}

func keyOf(x *ir.Value) operandKey {
	if x.Op == ir.OpConst {
		c := x.AuxInt
		if w := intWidth(x.Type); w != 0 {
			c = sext(c, w)
		}
		return operandKey{typ: x.Type, c: c, konst: true}
	}
	return operandKey{id: x.ID}
}

func pairKey(x, y *ir.Value) [2]operandKey {
	a, b := keyOf(x), keyOf(y)
	if b.konst && !a.konst || b.konst == a.konst && (b.id < a.id || b.id == a.id && (b.typ < a.typ || b.typ == a.typ && b.c < a.c)) {
		a, b = b, a
	}
	return [2]operandKey{a, b}
}

// factSet is the stack of facts known at a point, indexed by the (unordered) pair of
// operands they compare, so a lookup costs no more than the facts about that pair.
type factSet struct {
	list   []cmpFact
	byPair map[[2]operandKey][]int
}

func (fs *factSet) push(new []cmpFact) {
	for _, f := range new {
		k := pairKey(f.cmp.Args[0], f.cmp.Args[1])
		fs.byPair[k] = append(fs.byPair[k], len(fs.list))
		fs.list = append(fs.list, f)
	}
}

func (fs *factSet) truncate(n int) {
	for i := len(fs.list) - 1; i >= n; i-- {
		c := fs.list[i].cmp
		k := pairKey(c.Args[0], c.Args[1])
		s := fs.byPair[k]
		fs.byPair[k] = s[:len(s)-1]
	}
	fs.list = fs.list[:n]
}

// about returns the facts comparing x and y (in either order).
func (fs *factSet) about(x, y *ir.Value) []cmpFact {
	idx := fs.byPair[pairKey(x, y)]
	out := make([]cmpFact, len(idx))
	for i, j := range idx {
		out[i] = fs.list[j]
	}
	return out
}

// deriveFacts appends what "x != 0 is nonzero" tells about comparisons: x itself if it
// is one; for x = (y != 0) or (y == 0), what y's truth tells; a zero y|z makes y and z
// zero; a nonzero y&z of two comparisons (each 0 or 1) makes both true.
func deriveFacts(x *ir.Value, nonzero bool, out []cmpFact) []cmpFact {
	switch x.Op {
	case ir.OpZExt, ir.OpSExt:
		return deriveFacts(x.Args[0], nonzero, out)
	case ir.OpOr:
		if !nonzero {
			out = deriveFacts(x.Args[0], false, out)
			out = deriveFacts(x.Args[1], false, out)
		}
		return out
	case ir.OpAnd:
		if nonzero && x.Args[0].Op.IsComparison() && x.Args[1].Op.IsComparison() {
			out = deriveFacts(x.Args[0], true, out)
			out = deriveFacts(x.Args[1], true, out)
		}
		return out
	}
	if !x.Op.IsComparison() {
		return out
	}
	out = append(out, cmpFact{x, nonzero})
	if y := x.Args[0]; (x.Op == ir.OpNe || x.Op == ir.OpEq) && y.Type.IsInt() && isConstVal(x.Args[1], 0, intWidth(y.Type)) {
		out = deriveFacts(y, nonzero == (x.Op == ir.OpNe), out)
	}
	return out
}

// Outcomes of comparing a with b.
const (
	outLT uint8 = 1 << iota
	outEQ
	outGT
	outUN // unordered: a NaN operand
)

// cmpDomain tells which order a comparison consults.
type cmpDomain uint8

const (
	domEq       cmpDomain = iota // == and != (any order)
	domSigned                    // signed integer or floating order
	domUnsigned                  // unsigned integer order
)

// outcomes returns the outcomes for which a comparison op is true, and its domain.
func outcomes(op ir.Op, float bool) (uint8, cmpDomain) {
	un := uint8(0)
	if float {
		un = outUN
	}
	switch op {
	case ir.OpEq:
		return outEQ, domEq
	case ir.OpNe:
		return outLT | outGT | un, domEq
	case ir.OpLtS:
		return outLT, domSigned
	case ir.OpLeS:
		return outLT | outEQ, domSigned
	case ir.OpGtS:
		return outGT, domSigned
	case ir.OpGeS:
		return outGT | outEQ, domSigned
	case ir.OpLtU:
		return outLT, domUnsigned
	case ir.OpLeU:
		return outLT | outEQ, domUnsigned
	case ir.OpGtU:
		return outGT, domUnsigned
	case ir.OpGeU:
		return outGT | outEQ, domUnsigned
	}
	return 0, domEq
}

// mirror swaps less and greater: the outcomes of b ? a from those of a ? b.
func mirror(s uint8) uint8 {
	return s&^(outLT|outGT) | (s&outLT)<<2 | (s&outGT)>>2
}

// decideCompare returns the value of comparison v if the facts and its operands decide it.
func decideCompare(v *ir.Value, fs *factSet) (int64, bool) {
	if !v.Op.IsComparison() || len(v.Args) != 2 {
		return 0, false
	}
	a, b := v.Args[0], v.Args[1]
	float := a.Type.IsFloat()
	all := outLT | outEQ | outGT
	if float {
		all |= outUN
	}
	want, dom := outcomes(v.Op, float)
	// possible[d] are the outcomes still possible in domain d (equality is shared).
	possible := [3]uint8{all, all, all}
	restrict := func(s uint8, d cmpDomain) {
		if d == domEq {
			// Only equality is known: restrict every domain by it.
			for i := range possible {
				if s&outEQ == 0 {
					possible[i] &^= outEQ
				}
				if s&(outLT|outGT|outUN) == 0 {
					possible[i] &= outEQ
				}
			}
			return
		}
		possible[d] &= s
	}
	if float {
		if x, ok := floatConst(a); ok && math.IsNaN(x) {
			restrict(outUN, domSigned)
		}
		if y, ok := floatConst(b); ok && math.IsNaN(y) {
			restrict(outUN, domSigned)
		}
		// fabs(x) is in [0, +Inf] or NaN.
		if y, ok := floatConst(b); ok && a.Op == ir.OpFAbs && y <= 0 {
			s := outGT | outUN
			if y == 0 {
				s |= outEQ
			}
			restrict(s, domSigned)
		}
		if x, ok := floatConst(a); ok && b.Op == ir.OpFAbs && x <= 0 {
			s := outLT | outUN
			if x == 0 {
				s |= outEQ
			}
			restrict(s, domSigned)
		}
	}
	// ordered reports whether the facts say x is not a NaN: some comparison of x with
	// itself had a result impossible when unordered.
	ordered := func(x *ir.Value) bool {
		if !float {
			return true
		}
		for _, fa := range fs.about(x, x) {
			c := fa.cmp
			if c.Args[0] != x || c.Args[1] != x {
				continue
			}
			s, _ := outcomes(c.Op, true)
			if !fa.holds {
				s = all &^ s
			}
			if s&outUN == 0 {
				return true
			}
		}
		return false
	}
	if float && ordered(a) && ordered(b) {
		restrict(all&^outUN, domSigned)
		restrict(all&^outUN, domUnsigned)
		possible[domEq] &^= outUN
	}
	for _, fa := range fs.about(a, b) {
		c := fa.cmp
		var s uint8
		var d cmpDomain
		switch {
		case sameOperand(c.Args[0], a) && sameOperand(c.Args[1], b):
			s, d = outcomes(c.Op, float)
		case sameOperand(c.Args[0], b) && sameOperand(c.Args[1], a):
			s, d = outcomes(c.Op, float)
			s = mirror(s)
		default:
			continue
		}
		if c.Args[0].Type != a.Type {
			continue
		}
		if !fa.holds {
			s = all &^ s
		}
		restrict(s, d)
	}
	var p uint8
	if dom == domEq {
		// Equality is decided if some domain knows it.
		for _, q := range possible {
			switch {
			case q&want == 0:
				return 0, true
			case q&^want == 0:
				return 1, true
			}
		}
		return 0, false
	}
	p = possible[dom]
	// An equality fact also bounds the ordered domains (restrict applied it to all).
	switch {
	case p&want == 0:
		return 0, true
	case p&^want == 0:
		return 1, true
	}
	return 0, false
}

// sameOperand reports whether x and y are the same value: the same SSA value, or equal
// integer constants of one type.
func sameOperand(x, y *ir.Value) bool {
	if x == y {
		return true
	}
	if x.Op != ir.OpConst || y.Op != ir.OpConst || x.Type != y.Type {
		return false
	}
	w := intWidth(x.Type)
	if w == 0 {
		return x.Type == ir.Ptr && x.AuxInt == y.AuxInt
	}
	return sext(x.AuxInt, w) == sext(y.AuxInt, w)
}
