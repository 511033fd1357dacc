package opt

import (
	"math"

	"gocc/ir"
)

// cse removes common subexpressions: a pure value (no side effect, not reading memory,
// not a phi or call) computing the same op with the same type, aux fields and arguments
// as a value that dominates it is replaced by that value. The dominator tree is walked in
// preorder with a scoped table, so only dominating definitions are ever reused.
// Commutative operations are keyed with their arguments in ID order.
//
// Requires: valid IR. Preserves: the CFG; the memory order (memory ops are never merged).
func cse(f *ir.Func, _ *passContext) {
	type key struct {
		op    ir.Op
		typ   ir.Type
		exact bool
		aux   int64
		fbits uint64
		bits  [2]uint64
		sym   string
		nargs int
		args  [3]int
	}
	dom := ir.NewDomTree(f)
	repl := make([]*ir.Value, f.NumValueIDs())
	table := map[key]*ir.Value{}
	did := false
	var visit func(b *ir.Block)
	visit = func(b *ir.Block) {
		var added []key
		for _, v := range b.Values {
			for i, a := range v.Args {
				if r := repl[a.ID]; r != nil {
					v.SetArg(i, r)
				}
			}
			if !cseable(v) {
				continue
			}
			k := key{op: v.Op, typ: v.Type, exact: v.Exact, aux: v.AuxInt, fbits: math.Float64bits(v.AuxFloat),
				bits: v.AuxBits, sym: v.Sym, nargs: len(v.Args)}
			for i, a := range v.Args {
				k.args[i] = a.ID
			}
			if v.Op.Flags()&ir.Commutative != 0 && k.args[0] > k.args[1] {
				k.args[0], k.args[1] = k.args[1], k.args[0]
			}
			if w, ok := table[k]; ok {
				repl[v.ID] = w
				did = true
				continue
			}
			table[k] = v
			added = append(added, k)
		}
		if c := b.Control; c != nil && repl[c.ID] != nil {
			b.SetControl(repl[c.ID])
		}
		for _, c := range dom.Children(b) {
			visit(c)
		}
		for _, k := range added {
			delete(table, k)
		}
	}
	if len(f.Blocks) == 0 {
		return
	}
	visit(f.Blocks[0])
	if !did {
		return
	}
	f.ReplaceAll(repl)
	removeValues(f, func(v *ir.Value) bool { return repl[v.ID] != nil })
}

// cseable reports whether two values with equal keys are interchangeable.
func cseable(v *ir.Value) bool {
	if v.HasSideEffect() || v.Op.Flags()&ir.ReadsMemory != 0 || len(v.Args) > 3 {
		return false
	}
	switch v.Op {
	case ir.OpPhi, ir.OpCopyValue, ir.OpCall, ir.OpInlineAsm, ir.OpVaArg, ir.OpInvalid:
		return false
	}
	return v.Call == nil && v.Agg == nil && v.Asm == nil
}
