package opt

import "gocc/ir"

// mem2reg promotes stack slots to SSA values (Cytron et al., "Efficiently Computing
// Static Single Assignment Form", 1991): phis go at the iterated dominance frontier of
// the blocks that store to the slot, then a walk of the dominator tree renames every
// load to the value last stored on the path (OpUndef before any store).
//
// A slot is promoted when every use of every OpSlot value naming it is the address
// operand of a non-volatile OpLoad or OpStore, all of one value type. Functions with
// ReturnsTwice are left alone (a setjmp return must see the values in memory).
//
// Requires: valid IR. Unreachable blocks are removed first.
// Preserves: the CFG of the reachable blocks; memory order of the remaining operations.
// Afterwards promoted slots keep their Func.Slots entries (indices of other slots do not
// change) but no OpSlot names them; backends may skip slots that no OpSlot references.
// Phis that end up unused are pruned; trivial phis (all arguments equal) are left to
// copyprop.
func mem2reg(f *ir.Func, _ *passContext) {
	if f.ReturnsTwice || len(f.Slots) == 0 || len(f.Blocks) == 0 {
		return
	}
	ir.RemoveUnreachableBlocks(f)

	// Find the promotable slots.
	n := len(f.Slots)
	typ := make([]ir.Type, n)
	bad := make([]bool, n)
	accounted := make([]int32, n)
	uses := make([]int32, n)
	slotOf := func(a *ir.Value) int {
		if a.Op == ir.OpSlot && a.AuxInt >= 0 && a.AuxInt < int64(n) {
			return int(a.AuxInt)
		}
		return -1
	}
	access := func(k int, t ir.Type, volatile bool) {
		if volatile || typ[k] != ir.Void && typ[k] != t || t == ir.Void {
			bad[k] = true
		}
		typ[k] = t
		accounted[k]++
	}
	for _, b := range f.Blocks {
		for _, v := range b.Values {
			switch v.Op {
			case ir.OpSlot:
				if k := slotOf(v); k >= 0 {
					uses[k] += v.Uses
				}
			case ir.OpLoad:
				if k := slotOf(v.Args[0]); k >= 0 {
					access(k, v.Type, v.AuxInt != 0)
				}
			case ir.OpStore:
				if k := slotOf(v.Args[0]); k >= 0 {
					access(k, v.Args[1].Type, v.AuxInt != 0)
				}
			}
		}
	}
	promoted := make([]int, n) // slot -> dense index + 1, 0 if not promoted
	var slots []int
	for k := range n {
		if !bad[k] && typ[k] != ir.Void && accounted[k] == uses[k] {
			slots = append(slots, k)
			promoted[k] = len(slots)
		}
	}
	if len(slots) == 0 {
		return
	}
	idx := func(a *ir.Value) int { // dense index of a promoted slot address, or -1
		if k := slotOf(a); k >= 0 {
			return promoted[k] - 1
		}
		return -1
	}

	// Place phis at the iterated dominance frontier of the storing blocks.
	dom := ir.NewDomTree(f)
	df := dom.Frontiers()
	defBlocks := make([][]*ir.Block, len(slots))
	for _, b := range f.Blocks {
		for _, v := range b.Values {
			if v.Op == ir.OpStore {
				if i := idx(v.Args[0]); i >= 0 {
					if d := defBlocks[i]; len(d) == 0 || d[len(d)-1] != b {
						defBlocks[i] = append(d, b)
					}
				}
			}
		}
	}
	type phiFor struct {
		slot int
		phi  *ir.Value
	}
	phis := make([][]phiFor, f.NumBlockIDs())
	created := map[*ir.Value]bool{}
	for i := range slots {
		for _, b := range dom.IteratedFrontier(df, defBlocks[i]) {
			phi := b.InsertAt(0, ir.OpPhi, typ[slots[i]])
			phi.Args = make([]*ir.Value, len(b.Preds))
			phis[b.ID] = append(phis[b.ID], phiFor{i, phi})
			created[phi] = true
		}
	}

	// Undefined values for loads before any store, one per type, at the top of the entry.
	entry := f.Blocks[0]
	undef := map[ir.Type]*ir.Value{}
	for _, k := range slots {
		if undef[typ[k]] == nil {
			undef[typ[k]] = entry.InsertAt(0, ir.OpUndef, typ[k])
		}
	}

	// Rename along the dominator tree.
	repl := make([]*ir.Value, f.NumValueIDs())
	resolve := func(a *ir.Value) *ir.Value {
		for a.ID < len(repl) && repl[a.ID] != nil {
			a = repl[a.ID]
		}
		return a
	}
	cur := make([]*ir.Value, len(slots))
	dead := map[*ir.Value]bool{}
	type saved struct {
		slot int
		old  *ir.Value
	}
	// The CFG does not change while the slots are renamed.
	edges := ir.NewEdgeIndex(f)
	var visit func(b *ir.Block)
	visit = func(b *ir.Block) {
		var undo []saved
		set := func(i int, v *ir.Value) {
			undo = append(undo, saved{i, cur[i]})
			cur[i] = v
		}
		current := func(i int) *ir.Value {
			if cur[i] == nil {
				return undef[typ[slots[i]]]
			}
			return cur[i]
		}
		for _, p := range phis[b.ID] {
			set(p.slot, p.phi)
		}
		for _, v := range b.Values {
			switch v.Op {
			case ir.OpLoad:
				if i := idx(v.Args[0]); i >= 0 {
					repl[v.ID] = current(i)
					dead[v] = true
				}
			case ir.OpStore:
				if i := idx(v.Args[0]); i >= 0 {
					set(i, resolve(v.Args[1]))
					dead[v] = true
				}
			}
		}
		for si, s := range b.Succs {
			j := edges.PredIndex(b, si)
			for _, p := range phis[s.ID] {
				a := resolve(current(p.slot))
				p.phi.Args[j] = a
				a.Uses++
			}
		}
		for _, c := range dom.Children(b) {
			visit(c)
		}
		for k := len(undo) - 1; k >= 0; k-- {
			cur[undo[k].slot] = undo[k].old
		}
	}
	visit(entry)
	f.ReplaceAll(repl)

	// Delete the promoted loads and stores, then the phis and undefs nothing uses.
	removeValues(f, func(v *ir.Value) bool { return dead[v] })
	pruneCreated(f, created)
	unusedUndef := map[*ir.Value]bool{}
	for _, u := range undef {
		if u.Uses == 0 {
			unusedUndef[u] = true
		}
	}
	removeUnused(f, unusedUndef)
}

// pruneCreated removes the phis in created that are not used, directly or through other
// live phis, by anything outside created: dead phi webs.
func pruneCreated(f *ir.Func, created map[*ir.Value]bool) {
	internal := map[*ir.Value]int32{}
	for p := range created {
		for _, a := range p.Args {
			if created[a] {
				internal[a]++
			}
		}
	}
	live := map[*ir.Value]bool{}
	var work []*ir.Value
	for p := range created {
		if p.Uses > internal[p] {
			live[p] = true
			work = append(work, p)
		}
	}
	for len(work) > 0 {
		p := work[len(work)-1]
		work = work[:len(work)-1]
		for _, a := range p.Args {
			if created[a] && !live[a] {
				live[a] = true
				work = append(work, a)
			}
		}
	}
	deadPhis := map[*ir.Value]bool{}
	for p := range created {
		if !live[p] {
			deadPhis[p] = true
		}
	}
	removeUnused(f, deadPhis)
}

// removeUnused deletes the given values from their blocks, dropping their arguments.
// The caller guarantees nothing outside the set uses them.
func removeUnused(f *ir.Func, set map[*ir.Value]bool) {
	if len(set) == 0 {
		return
	}
	for v := range set {
		v.ResetArgs()
	}
	for _, b := range f.Blocks {
		kept := b.Values[:0]
		for _, v := range b.Values {
			if !set[v] {
				kept = append(kept, v)
			}
		}
		clear(b.Values[len(kept):])
		b.Values = kept
	}
}
