package ir

// Dominators by the iterative algorithm of Cooper, Harvey and Kennedy, "A Simple, Fast
// Dominance Algorithm" (2001): process blocks in reverse postorder, intersecting the
// dominators of the already processed predecessors by walking up the tree with
// postorder numbers, until nothing changes. Only blocks reachable from the entry take
// part; for the others Idom is nil and Reachable is false.

// DomTree is the dominator tree of a function at the time it was computed; any change to
// the CFG invalidates it.
type DomTree struct {
	f        *Func
	rpo      []*Block
	postNum  []int    // by block ID: postorder number, -1 if unreachable
	idom     []*Block // by block ID: immediate dominator (nil for the entry and unreachable blocks)
	children [][]*Block
	pre, end []int32 // by block ID: preorder interval in the tree, for O(1) Dominates
}

// PostOrder returns the blocks reachable from the entry in postorder of a depth-first
// search that follows Succs in order.
func PostOrder(f *Func) []*Block {
	if len(f.Blocks) == 0 {
		return nil
	}
	seen := make([]bool, f.NumBlockIDs())
	var order []*Block
	type frame struct {
		b *Block
		i int
	}
	stack := []frame{{f.Blocks[0], 0}}
	seen[f.Blocks[0].ID] = true
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if top.i < len(top.b.Succs) {
			s := top.b.Succs[top.i]
			top.i++
			if !seen[s.ID] {
				seen[s.ID] = true
				stack = append(stack, frame{s, 0})
			}
			continue
		}
		order = append(order, top.b)
		stack = stack[:len(stack)-1]
	}
	return order
}

// ReversePostorder returns the reachable blocks in reverse postorder: every block comes
// after its dominators, and after all its predecessors except along back edges.
func ReversePostorder(f *Func) []*Block {
	po := PostOrder(f)
	for i, j := 0, len(po)-1; i < j; i, j = i+1, j-1 {
		po[i], po[j] = po[j], po[i]
	}
	return po
}

// NewDomTree computes the dominator tree of f.
func NewDomTree(f *Func) *DomTree {
	n := f.NumBlockIDs()
	d := &DomTree{f: f, postNum: make([]int, n), idom: make([]*Block, n), children: make([][]*Block, n),
		pre: make([]int32, n), end: make([]int32, n)}
	for i := range d.postNum {
		d.postNum[i] = -1
	}
	po := PostOrder(f)
	for i, b := range po {
		d.postNum[b.ID] = i
	}
	d.rpo = make([]*Block, len(po))
	for i, b := range po {
		d.rpo[len(po)-1-i] = b
	}
	if len(po) == 0 {
		return d
	}
	entry := d.rpo[0]
	d.idom[entry.ID] = entry // temporarily, so intersect terminates at the entry
	intersect := func(a, b *Block) *Block {
		for a != b {
			for d.postNum[a.ID] < d.postNum[b.ID] {
				a = d.idom[a.ID]
			}
			for d.postNum[b.ID] < d.postNum[a.ID] {
				b = d.idom[b.ID]
			}
		}
		return a
	}
	for changed := true; changed; {
		changed = false
		for _, b := range d.rpo[1:] {
			var nd *Block
			for _, p := range b.Preds {
				if d.postNum[p.ID] < 0 || d.idom[p.ID] == nil {
					continue // unreachable or not yet processed
				}
				if nd == nil {
					nd = p
				} else {
					nd = intersect(p, nd)
				}
			}
			if nd != d.idom[b.ID] {
				d.idom[b.ID] = nd
				changed = true
			}
		}
	}
	d.idom[entry.ID] = nil
	for _, b := range d.rpo[1:] {
		p := d.idom[b.ID]
		d.children[p.ID] = append(d.children[p.ID], b)
	}
	// Number the tree in preorder; a dominates b iff pre[a] <= pre[b] < end[a].
	var num int32
	type frame struct {
		b *Block
		i int
	}
	stack := []frame{{entry, 0}}
	d.pre[entry.ID] = num
	num++
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if kids := d.children[top.b.ID]; top.i < len(kids) {
			c := kids[top.i]
			top.i++
			d.pre[c.ID] = num
			num++
			stack = append(stack, frame{c, 0})
			continue
		}
		d.end[top.b.ID] = num
		stack = stack[:len(stack)-1]
	}
	return d
}

// RPO returns the reachable blocks in reverse postorder (shared; do not modify).
func (d *DomTree) RPO() []*Block { return d.rpo }

// Reachable reports whether b is reachable from the entry.
func (d *DomTree) Reachable(b *Block) bool { return b.ID < len(d.postNum) && d.postNum[b.ID] >= 0 }

// Idom returns b's immediate dominator, nil for the entry and unreachable blocks.
func (d *DomTree) Idom(b *Block) *Block { return d.idom[b.ID] }

// Children returns the blocks b immediately dominates.
func (d *DomTree) Children(b *Block) []*Block { return d.children[b.ID] }

// Dominates reports whether a dominates b (every block dominates itself). Unreachable
// blocks dominate nothing and are dominated by nothing.
func (d *DomTree) Dominates(a, b *Block) bool {
	if !d.Reachable(a) || !d.Reachable(b) {
		return false
	}
	return d.pre[a.ID] <= d.pre[b.ID] && d.pre[b.ID] < d.end[a.ID]
}

// StrictlyDominates reports whether a dominates b and a != b.
func (d *DomTree) StrictlyDominates(a, b *Block) bool { return a != b && d.Dominates(a, b) }

// Frontiers returns the dominance frontier of every reachable block, indexed by block ID
// (Cooper, Harvey and Kennedy, figure 5): for each join point, walk up from each
// predecessor to the join's immediate dominator.
func (d *DomTree) Frontiers() [][]*Block {
	df := make([][]*Block, len(d.idom))
	for _, b := range d.rpo {
		if len(b.Preds) < 2 {
			continue
		}
		for _, p := range b.Preds {
			if !d.Reachable(p) {
				continue
			}
			for r := p; r != nil && r != d.idom[b.ID]; r = d.idom[r.ID] {
				if n := len(df[r.ID]); n > 0 && df[r.ID][n-1] == b {
					break // already added while walking from another predecessor
				}
				df[r.ID] = append(df[r.ID], b)
			}
		}
	}
	return df
}

// IteratedFrontier returns the iterated dominance frontier of the given blocks: where
// phis are needed for a variable assigned in them (Cytron et al. 1991).
func (d *DomTree) IteratedFrontier(df [][]*Block, defs []*Block) []*Block {
	in := make([]bool, len(d.idom))
	queued := make([]bool, len(d.idom))
	work := append([]*Block(nil), defs...)
	for _, b := range defs {
		queued[b.ID] = true
	}
	var out []*Block
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		for _, y := range df[b.ID] {
			if in[y.ID] {
				continue
			}
			in[y.ID] = true
			out = append(out, y)
			if !queued[y.ID] {
				queued[y.ID] = true
				work = append(work, y)
			}
		}
	}
	return out
}
