package ir

// EdgeIndex gives, for every edge b -> b.Succs[i] of a function, its index in
// b.Succs[i].Preds (the k-th occurrence of a successor matches the k-th occurrence
// of b among its predecessors), computed for the whole function in time linear in
// the number of edges. SuccPredIndex scans the predecessor list on each call, which
// is quadratic for a switch with thousands of cases jumping to one block.
// The index is valid until the CFG changes.
type EdgeIndex struct {
	bySucc [][]int // by block ID, then successor index
}

// NewEdgeIndex indexes the edges of f.
func NewEdgeIndex(f *Func) *EdgeIndex {
	type edge struct {
		from, to *Block
		k        int // occurrence of from among to.Preds
	}
	type pair struct{ from, to *Block }
	predPos := map[edge]int{}
	seen := map[pair]int{} // occurrences of from among to.Preds so far
	for _, c := range f.Blocks {
		for j, p := range c.Preds {
			k := seen[pair{p, c}]
			predPos[edge{p, c, k}] = j
			seen[pair{p, c}] = k + 1
		}
	}
	clear(seen) // now: occurrences of to among from.Succs so far
	x := &EdgeIndex{bySucc: make([][]int, f.NumBlockIDs())}
	for _, b := range f.Blocks {
		idx := make([]int, len(b.Succs))
		for i, s := range b.Succs {
			k := seen[pair{b, s}]
			j, ok := predPos[edge{b, s, k}]
			if !ok {
				panic("ir: succ/pred lists out of sync at " + b.String() + " -> " + s.String())
			}
			idx[i] = j
			seen[pair{b, s}] = k + 1
		}
		x.bySucc[b.ID] = idx
	}
	return x
}

// PredIndex returns the index in b.Succs[i].Preds of the edge b -> b.Succs[i].
func (x *EdgeIndex) PredIndex(b *Block, i int) int { return x.bySucc[b.ID][i] }
