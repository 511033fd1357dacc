package opt

import "gocc/ir"

// copyprop replaces every use of an OpCopyValue by its argument, and every phi whose
// arguments are all the same value (or the phi itself) by that value, then deletes the
// replaced values. A phi whose arguments are all w is dominated by w's definition, so
// the replacement keeps arguments dominating their uses.
//
// Requires: valid IR. Preserves: the CFG.
func copyprop(f *ir.Func, _ *passContext) {
	repl := make([]*ir.Value, f.NumValueIDs())
	resolve := func(a *ir.Value) *ir.Value {
		for repl[a.ID] != nil {
			a = repl[a.ID]
		}
		return a
	}
	did := false
	for changed := true; changed; {
		changed = false
		for _, b := range f.Blocks {
			for _, v := range b.Values {
				if repl[v.ID] != nil {
					continue
				}
				var w *ir.Value
				switch v.Op {
				case ir.OpCopyValue:
					w = resolve(v.Args[0])
				case ir.OpPhi:
					w = trivialPhi(v, resolve)
				}
				if w != nil && w != v {
					repl[v.ID] = w
					changed, did = true, true
				}
			}
		}
	}
	if !did {
		return
	}
	f.ReplaceAll(repl)
	removeValues(f, func(v *ir.Value) bool { return repl[v.ID] != nil })
}

// trivialPhi returns the single value a phi merges (ignoring references to itself), or
// nil if it merges several. resolve maps arguments through pending replacements.
func trivialPhi(v *ir.Value, resolve func(*ir.Value) *ir.Value) *ir.Value {
	var w *ir.Value
	for _, a := range v.Args {
		a = resolve(a)
		if a == v || a == w {
			continue
		}
		if w != nil {
			return nil
		}
		w = a
	}
	return w
}
