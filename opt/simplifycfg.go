package opt

import "gocc/ir"

// simplifycfg cleans up the control flow graph until nothing changes:
//   - an If or Switch on a constant becomes a Plain jump to the chosen successor, and an
//     If or Switch whose edges all reach one block with the same phi arguments becomes
//     Plain;
//   - unreachable blocks are removed;
//   - phis whose arguments are all one value (or the phi itself) are replaced by it;
//   - a block whose only predecessor ends in a Plain jump to it is merged into that
//     predecessor;
//   - an empty Plain block is bypassed: its predecessors jump straight to its successor.
//
// Blocks whose address is taken (OpBlockAddr, asm goto labels, labels in static data,
// indirect jump targets) are never merged away or bypassed, and the entry block stays
// first. Unreachable blocks are removed even if their address is taken (the backend
// must then define their label elsewhere, e.g. at the end of the function).
//
// Requires: valid IR. Preserves: values (none are created; trivial phis are removed).
func simplifycfg(f *ir.Func, ctx *passContext) {
	for changed := true; changed; {
		changed = foldBranches(f)
		changed = ir.RemoveUnreachableBlocks(f) || changed
		changed = removeTrivialPhis(f) || changed
		changed = mergeBlocks(f, ctx) || changed
		changed = bypassEmptyBlocks(f, ctx) || changed
	}
}

// addressTaken returns the IDs of blocks whose address escapes: into a value
// (OpBlockAddr), an asm goto, or static data (a Reloc naming ir.BlockLabel), or that an
// indirect jump may reach.
func addressTaken(f *ir.Func, ctx *passContext) map[int]bool {
	taken := map[int]bool{}
	for _, b := range f.Blocks {
		if ctx != nil && ctx.dataLabels[ir.BlockLabel(f, b.ID)] {
			taken[b.ID] = true
		}
		if b.Kind == ir.BlockIndirectJump {
			for _, s := range b.Succs {
				taken[s.ID] = true
			}
		}
		for _, v := range b.Values {
			if v.Op == ir.OpBlockAddr {
				taken[int(v.AuxInt)] = true
			}
			if v.Asm != nil {
				for _, l := range v.Asm.Labels {
					taken[l.ID] = true
				}
			}
		}
	}
	return taken
}

// makePlain keeps only edge keep of b and makes b a Plain block.
func makePlain(b *ir.Block, keep int) {
	b.KeepOnlySucc(keep)
	b.Kind = ir.BlockPlain
	b.SetControl(nil)
	b.Cases = nil
	b.Likely = 0
}

// allSameSucc reports whether every edge of b goes to one block with the same phi
// arguments, so the branch decides nothing.
func allSameSucc(b *ir.Block) bool {
	if len(b.Succs) < 2 {
		return false
	}
	s := b.Succs[0]
	for _, t := range b.Succs[1:] {
		if t != s {
			return false
		}
	}
	// Every edge goes to s; b's entries in s.Preds are its edges in order.
	var idx []int
	for j, p := range s.Preds {
		if p == b {
			idx = append(idx, j)
		}
	}
	for _, v := range s.Values {
		if v.Op != ir.OpPhi {
			continue
		}
		for _, j := range idx[1:] {
			if v.Args[j] != v.Args[idx[0]] {
				return false
			}
		}
	}
	return true
}

func foldBranches(f *ir.Func) bool {
	changed := false
	for _, b := range f.Blocks {
		switch b.Kind {
		case ir.BlockIf:
			if c := b.Control; c.Op == ir.OpConst {
				w := intWidth(c.Type)
				taken := 1
				if w == 0 && c.AuxInt != 0 || w != 0 && zext(c.AuxInt, w) != 0 {
					taken = 0
				}
				makePlain(b, taken)
				changed = true
			} else if allSameSucc(b) {
				makePlain(b, 0)
				changed = true
			}
		case ir.BlockSwitch:
			c := b.Control
			w := intWidth(c.Type)
			if allSameSucc(b) {
				makePlain(b, 0)
				changed = true
				continue
			}
			if c.Op != ir.OpConst || w == 0 {
				continue
			}
			keep := len(b.Cases) // default
			for i, k := range b.Cases {
				if zext(k, w) == zext(c.AuxInt, w) {
					keep = i
					break
				}
			}
			makePlain(b, keep)
			changed = true
		}
	}
	return changed
}

func removeTrivialPhis(f *ir.Func) bool {
	changed := false
	same := func(a *ir.Value) *ir.Value { return a }
	for _, b := range f.Blocks {
		for i := 0; i < len(b.Values); i++ {
			v := b.Values[i]
			if v.Op != ir.OpPhi {
				break
			}
			w := trivialPhi(v, same)
			if w == nil {
				continue
			}
			f.ReplaceUses(v, w)
			v.ResetArgs()
			b.Values = append(b.Values[:i], b.Values[i+1:]...)
			i--
			changed = true
		}
	}
	return changed
}

// mergeBlocks merges c into b when b ends in a Plain jump to c and c has no other
// predecessor.
func mergeBlocks(f *ir.Func, ctx *passContext) bool {
	taken := addressTaken(f, ctx)
	merged := map[*ir.Block]bool{}
	for _, b := range f.Blocks {
		if merged[b] {
			continue
		}
		for b.Kind == ir.BlockPlain && len(b.Succs) == 1 {
			c := b.Succs[0]
			if c == b || len(c.Preds) != 1 || c == f.Blocks[0] || taken[c.ID] {
				break
			}
			// c's phis have the single argument coming from b.
			for len(c.Values) > 0 && c.Values[0].Op == ir.OpPhi {
				phi := c.Values[0]
				f.ReplaceUses(phi, phi.Args[0])
				phi.ResetArgs()
				c.Values = c.Values[1:]
			}
			for _, v := range c.Values {
				v.Block = b
			}
			b.Values = append(b.Values, c.Values...)
			b.Kind, b.Control, b.Cases, b.Likely = c.Kind, c.Control, c.Cases, c.Likely
			b.Succs = c.Succs
			for _, s := range b.Succs {
				for j, p := range s.Preds {
					if p == c {
						s.Preds[j] = b
					}
				}
			}
			c.Values, c.Control, c.Succs, c.Preds, c.Cases = nil, nil, nil, nil, nil
			merged[c] = true
		}
	}
	if len(merged) == 0 {
		return false
	}
	kept := f.Blocks[:0]
	for _, b := range f.Blocks {
		if !merged[b] {
			kept = append(kept, b)
		}
	}
	clear(f.Blocks[len(kept):])
	f.Blocks = kept
	return true
}

// bypassEmptyBlocks redirects the predecessors of an empty Plain block e straight to its
// successor s. When s has phis, a predecessor is redirected only if it is not already a
// predecessor of s and does not end in an indirect jump (so every edge into s stays
// splittable and distinct); the phis get, for the new edge, their argument for e -> s.
// e is then unreachable and removed by the next round.
//
// Blocks are visited last to first: a chain of empty blocks in layout order (the
// "case 1: case 2: ... case 10000:" labels of one statement, gcc's
// limits-caselabels.c) then moves each edge once, not once per later block of the
// chain, which was cubic in the chain's length.
func bypassEmptyBlocks(f *ir.Func, ctx *passContext) bool {
	taken := addressTaken(f, ctx)
	changed := false
	if len(f.Blocks) == 0 {
		return false
	}
	// edgesTo[p][e] lists the indices of p's edges to e, for predecessors with many
	// successors (a switch), kept up to date as edges are redirected; scanning all
	// of p.Succs for each of them would be quadratic. A block with few successors is
	// just scanned.
	const manySuccs = 8
	edgesTo := map[*ir.Block]map[*ir.Block][]int{}
	edgesOf := func(p, e *ir.Block) []int {
		if len(p.Succs) <= manySuccs {
			var idx []int
			for i, t := range p.Succs {
				if t == e {
					idx = append(idx, i)
				}
			}
			return idx
		}
		m := edgesTo[p]
		if m == nil {
			m = map[*ir.Block][]int{}
			for i, t := range p.Succs {
				m[t] = append(m[t], i)
			}
			edgesTo[p] = m
		}
		return m[e]
	}
	for i := len(f.Blocks) - 1; i >= 1; i-- {
		e := f.Blocks[i]
		if e.Kind != ir.BlockPlain || len(e.Values) != 0 || taken[e.ID] || len(e.Succs) != 1 {
			continue
		}
		s := e.Succs[0]
		if s == e {
			continue
		}
		var phis []*ir.Value
		for _, v := range s.Values {
			if v.Op == ir.OpPhi {
				phis = append(phis, v)
			}
		}
		var args []*ir.Value
		if len(phis) > 0 {
			ei := s.PredIndex(e) // unchanged below: redirecting appends to s.Preds
			args = make([]*ir.Value, len(phis))
			for k, phi := range phis {
				args[k] = phi.Args[ei]
			}
		}
		for _, p := range append([]*ir.Block(nil), e.Preds...) {
			if len(phis) > 0 && (p.Kind == ir.BlockIndirectJump || s.PredIndex(p) >= 0) {
				continue
			}
			idx := edgesOf(p, e)
			if len(phis) > 0 {
				idx = idx[:1] // p becomes a predecessor of s: one edge only
			}
			m := edgesTo[p] // nil unless p has many successors
			for _, i := range idx {
				p.RedirectSucc(i, s, args)
				if m != nil {
					m[s] = append(m[s], i)
				}
				changed = true
			}
			if m != nil {
				m[e] = m[e][len(idx):]
			}
		}
	}
	return changed
}
