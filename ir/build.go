package ir

// Construction helpers. Every pass and irgen create values and edges only through these,
// so IDs stay unique and use counts stay right.

// NewFunc returns an empty function.
func NewFunc(name string) *Func {
	return &Func{Name: name, Constructor: -1, Destructor: -1}
}

// NewBlock appends a new empty block of kind Plain to f.
func (f *Func) NewBlock() *Block {
	b := &Block{ID: f.nextBlockID, Func: f}
	f.nextBlockID++
	f.Blocks = append(f.Blocks, b)
	return b
}

// NumValueIDs is an upper bound on value IDs, for dense per-value tables.
func (f *Func) NumValueIDs() int { return f.nextValueID }

// NumBlockIDs is an upper bound on block IDs, for dense per-block tables.
func (f *Func) NumBlockIDs() int { return f.nextBlockID }

// NewValue creates a value in b without placing it in b.Values; callers insert it
// (Append, InsertBefore) or it is a block control created in place.
func (f *Func) NewValue(b *Block, op Op, t Type, args ...*Value) *Value {
	v := &Value{ID: f.nextValueID, Op: op, Type: t, Block: b}
	f.nextValueID++
	if len(args) > 0 {
		v.Args = make([]*Value, len(args))
		copy(v.Args, args)
		for _, a := range args {
			a.Uses++
		}
	}
	return v
}

// Append creates a value at the end of b.
func (b *Block) Append(op Op, t Type, args ...*Value) *Value {
	v := b.Func.NewValue(b, op, t, args...)
	b.Values = append(b.Values, v)
	return v
}

// InsertBefore creates a value in b just before index i of b.Values.
func (b *Block) InsertAt(i int, op Op, t Type, args ...*Value) *Value {
	v := b.Func.NewValue(b, op, t, args...)
	b.Values = append(b.Values, nil)
	copy(b.Values[i+1:], b.Values[i:])
	b.Values[i] = v
	return v
}

// AddArg appends an argument to v.
func (v *Value) AddArg(a *Value) {
	v.Args = append(v.Args, a)
	a.Uses++
}

// SetArg replaces argument i of v.
func (v *Value) SetArg(i int, a *Value) {
	v.Args[i].Uses--
	v.Args[i] = a
	a.Uses++
}

// SetArgs replaces all arguments of v.
func (v *Value) SetArgs(args ...*Value) {
	v.ResetArgs()
	for _, a := range args {
		v.AddArg(a)
	}
}

// ResetArgs drops all arguments of v.
func (v *Value) ResetArgs() {
	for _, a := range v.Args {
		a.Uses--
	}
	v.Args = v.Args[:0]
}

// SetControl sets b's control value.
func (b *Block) SetControl(v *Value) {
	if b.Control != nil {
		b.Control.Uses--
	}
	b.Control = v
	if v != nil {
		v.Uses++
	}
}

// AddEdge adds the edge b -> c.
func (b *Block) AddEdge(c *Block) {
	b.Succs = append(b.Succs, c)
	c.Preds = append(c.Preds, b)
}

// RemovePred removes predecessor index i of b, and the matching argument of every Phi
// in b.
func (b *Block) RemovePred(i int) {
	last := len(b.Preds) - 1
	b.Preds[i] = b.Preds[last]
	b.Preds = b.Preds[:last]
	for _, v := range b.Values {
		if v.Op != OpPhi {
			continue
		}
		v.Args[i].Uses--
		v.Args[i] = v.Args[last]
		v.Args = v.Args[:last]
	}
}

// RemoveEdge removes the edge b -> Succs[i] (and the successor's phi arguments).
func (b *Block) RemoveEdge(i int) {
	c := b.Succs[i]
	for j, p := range c.Preds {
		if p == b {
			c.RemovePred(j)
			break
		}
	}
	b.Succs = append(b.Succs[:i], b.Succs[i+1:]...)
}

// PredIndex returns the index of p in b.Preds, or -1.
func (b *Block) PredIndex(p *Block) int {
	for i, q := range b.Preds {
		if q == p {
			return i
		}
	}
	return -1
}
