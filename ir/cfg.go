package ir

// CFG and use-list utilities shared by the passes and the backends. All of them keep the
// invariants Verify checks (use counts, pred/succ mirroring, phi arity).

// HasSideEffect reports whether v must be kept even when unused: its op has a side effect
// or it is a volatile load (C11 6.7.3p7: every access to a volatile object is a side
// effect).
func (v *Value) HasSideEffect() bool {
	return v.Op.HasSideEffect() || v.Op == OpLoad && v.AuxInt == 1
}

// succOccurrence returns which occurrence of b.Succs[i] among b.Succs it is (0 for the
// first edge from b to that block, 1 for the second…); the predecessor list of the
// successor holds b's edges in the same relative order.
func succOccurrence(b *Block, i int) int {
	k := 0
	for j := 0; j < i; j++ {
		if b.Succs[j] == b.Succs[i] {
			k++
		}
	}
	return k
}

// predIndexOfEdge returns the index in c.Preds of the edge b.Succs[i] == c.
func predIndexOfEdge(b *Block, i int) int {
	c := b.Succs[i]
	first, n := -1, 0
	for j, p := range c.Preds {
		if p == b {
			if n == 0 {
				first = j
			}
			n++
		}
	}
	if n == 1 { // the only edge b -> c: no need to count b's earlier edges to c
		return first
	}
	k := succOccurrence(b, i)
	for j, p := range c.Preds {
		if p == b {
			if k == 0 {
				return j
			}
			k--
		}
	}
	panic("ir: succ/pred lists out of sync at " + b.String() + " -> " + c.String())
}

// SuccPredIndex returns the index in b.Succs[i].Preds of the edge b -> b.Succs[i]
// (correct also when b has several edges to the same block).
func (b *Block) SuccPredIndex(i int) int { return predIndexOfEdge(b, i) }

// RemovePredKeepOrder removes predecessor i of b and the matching phi arguments, keeping
// the order of the other predecessors (RemovePred moves the last one into the hole).
func (b *Block) RemovePredKeepOrder(i int) {
	b.Preds = append(b.Preds[:i], b.Preds[i+1:]...)
	for _, v := range b.Values {
		if v.Op != OpPhi {
			continue
		}
		v.Args[i].Uses--
		v.Args = append(v.Args[:i], v.Args[i+1:]...)
	}
}

// RemoveSuccEdge removes the edge b -> b.Succs[i] and its phi arguments in the successor,
// keeping the order of all other edges. For a Switch, the matching case is removed too.
func (b *Block) RemoveSuccEdge(i int) {
	c := b.Succs[i]
	c.RemovePredKeepOrder(predIndexOfEdge(b, i))
	b.Succs = append(b.Succs[:i], b.Succs[i+1:]...)
	if b.Kind == BlockSwitch && i < len(b.Cases) {
		b.Cases = append(b.Cases[:i], b.Cases[i+1:]...)
	}
}

// KeepOnlySucc removes every edge of b but b.Succs[keep], with the successors' phi
// arguments for them, keeping the order of the remaining predecessors; it takes time
// linear in the edges (removing them one by one with RemoveSuccEdge is quadratic for
// a switch of 100,000 cases). The caller sets b's kind and control.
func (b *Block) KeepOnlySucc(keep int) {
	kb, kocc := b.Succs[keep], succOccurrence(b, keep)
	done := map[*Block]bool{}
	for _, c := range b.Succs {
		if done[c] {
			continue
		}
		done[c] = true
		keepPred := make([]bool, len(c.Preds))
		occ := 0
		for j, p := range c.Preds {
			if p != b {
				keepPred[j] = true
				continue
			}
			keepPred[j] = c == kb && occ == kocc
			occ++
		}
		n := 0
		for j, p := range c.Preds {
			if keepPred[j] {
				c.Preds[n] = p
				n++
			}
		}
		clear(c.Preds[n:])
		c.Preds = c.Preds[:n]
		for _, v := range c.Values {
			if v.Op != OpPhi {
				continue
			}
			n := 0
			for j, a := range v.Args {
				if keepPred[j] {
					v.Args[n] = a
					n++
				} else {
					a.Uses--
				}
			}
			clear(v.Args[n:])
			v.Args = v.Args[:n]
		}
	}
	b.Succs = []*Block{kb}
	if b.Kind == BlockSwitch {
		b.Cases = nil
	}
}

// RedirectSucc makes edge i of b go to nb instead, with the given phi arguments for nb's
// phis (in the order the phis appear in nb). The old successor loses the edge and its phi
// arguments.
func (b *Block) RedirectSucc(i int, nb *Block, phiArgs []*Value) {
	old := b.Succs[i]
	old.RemovePredKeepOrder(predIndexOfEdge(b, i))
	b.Succs[i] = nb
	nb.Preds = append(nb.Preds, b)
	k := 0
	for _, v := range nb.Values {
		if v.Op == OpPhi {
			v.AddArg(phiArgs[k])
			k++
		}
	}
}

// ReplaceUses makes every use of old (value arguments and block controls) use nw instead.
func (f *Func) ReplaceUses(old, nw *Value) {
	if old == nw {
		return
	}
	for _, b := range f.Blocks {
		for _, v := range b.Values {
			for i, a := range v.Args {
				if a == old {
					v.SetArg(i, nw)
				}
			}
		}
		if b.Control == old {
			b.SetControl(nw)
		}
	}
}

// ReplaceAll rewrites every argument and control a through repl (indexed by value ID;
// nil entries mean "unchanged"), following chains (repl[a] may itself be replaced).
// It is the batch form of ReplaceUses for passes that decide many replacements first.
func (f *Func) ReplaceAll(repl []*Value) {
	resolve := func(a *Value) *Value {
		for a.ID < len(repl) && repl[a.ID] != nil && repl[a.ID] != a {
			a = repl[a.ID]
		}
		return a
	}
	for _, b := range f.Blocks {
		for _, v := range b.Values {
			for i, a := range v.Args {
				if r := resolve(a); r != a {
					v.SetArg(i, r)
				}
			}
		}
		if b.Control != nil {
			if r := resolve(b.Control); r != b.Control {
				b.SetControl(r)
			}
		}
	}
}

// RemoveDeadValues removes values whose results are not used, directly or through other
// dead values (dead phi cycles included), and which have no side effect. It returns the
// number removed.
func RemoveDeadValues(f *Func) int {
	live := make([]bool, f.NumValueIDs())
	var work []*Value
	mark := func(v *Value) {
		if v != nil && !live[v.ID] {
			live[v.ID] = true
			work = append(work, v)
		}
	}
	for _, b := range f.Blocks {
		for _, v := range b.Values {
			if v.HasSideEffect() {
				mark(v)
			}
		}
		mark(b.Control)
	}
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		for _, a := range v.Args {
			mark(a)
		}
	}
	removed := 0
	for _, b := range f.Blocks {
		kept := b.Values[:0]
		for _, v := range b.Values {
			if live[v.ID] {
				kept = append(kept, v)
				continue
			}
			v.ResetArgs()
			removed++
		}
		clear(b.Values[len(kept):])
		b.Values = kept
	}
	return removed
}

// RemoveUnreachableBlocks deletes blocks that cannot be reached from the entry, with
// their values and their edges into reachable blocks. It returns whether anything
// changed. A BlockAddr naming a removed block keeps its stale block ID (labels whose
// address is taken are reachable through an IndirectJump's Succs when the function
// jumps to them).
func RemoveUnreachableBlocks(f *Func) bool {
	if len(f.Blocks) == 0 {
		return false
	}
	reach := make([]bool, f.NumBlockIDs())
	for _, b := range PostOrder(f) {
		reach[b.ID] = true
	}
	changed := false
	for _, b := range f.Blocks {
		if reach[b.ID] {
			continue
		}
		changed = true
		for i := len(b.Succs) - 1; i >= 0; i-- {
			if reach[b.Succs[i].ID] {
				b.RemoveSuccEdge(i)
			}
		}
	}
	if !changed {
		return false
	}
	for _, b := range f.Blocks {
		if reach[b.ID] {
			continue
		}
		for _, v := range b.Values {
			v.ResetArgs()
		}
		b.SetControl(nil)
	}
	kept := f.Blocks[:0]
	for _, b := range f.Blocks {
		if reach[b.ID] {
			kept = append(kept, b)
		}
	}
	clear(f.Blocks[len(kept):])
	f.Blocks = kept
	return true
}

// SplitCriticalEdges inserts an empty Plain block on every edge from a block with several
// successors to a block with several predecessors, so that a move can be placed on the
// edge. Edges out of IndirectJump blocks cannot be split (their targets are addresses)
// and are left alone. It returns the number of edges split.
func SplitCriticalEdges(f *Func) int {
	n := 0
	for _, b := range f.Blocks[:len(f.Blocks):len(f.Blocks)] {
		if len(b.Succs) < 2 || b.Kind == BlockIndirectJump {
			continue
		}
		for i, c := range b.Succs {
			if len(c.Preds) < 2 || b.Kind == BlockAsmGoto && i > 0 {
				continue
			}
			j := predIndexOfEdge(b, i)
			mid := f.NewBlock()
			mid.Kind = BlockPlain
			mid.Preds = []*Block{b}
			mid.Succs = []*Block{c}
			b.Succs[i] = mid
			c.Preds[j] = mid
			n++
		}
	}
	return n
}

// LoopDepth returns the loop nesting depth of every block, indexed by block ID: the
// number of natural loops (a back edge p -> h where h dominates p, plus every block
// that reaches p without passing through h) containing the block. Loops sharing a
// header count once. Cycles that are not natural loops (irreducible control flow) add
// nothing.
func LoopDepth(f *Func) []int {
	d := NewDomTree(f)
	depth := make([]int, f.NumBlockIDs())
	inLoop := make([]int, f.NumBlockIDs()) // header ID + 1 of the last loop that marked the block
	for _, h := range d.RPO() {
		var tails []*Block
		for _, p := range h.Preds {
			if d.Dominates(h, p) {
				tails = append(tails, p)
			}
		}
		if len(tails) == 0 {
			continue
		}
		mark := h.ID + 1
		inLoop[h.ID] = mark
		depth[h.ID]++
		work := tails
		for len(work) > 0 {
			b := work[len(work)-1]
			work = work[:len(work)-1]
			if inLoop[b.ID] == mark {
				continue
			}
			inLoop[b.ID] = mark
			depth[b.ID]++
			for _, p := range b.Preds {
				if d.Reachable(p) && inLoop[p.ID] != mark {
					work = append(work, p)
				}
			}
		}
	}
	return depth
}
