package opt

import "gocc/ir"

// deadcode removes blocks unreachable from the entry and values that are unused (also
// through dead phi cycles) and have no side effect.
//
// Requires: valid IR. Preserves: everything else; the memory order of what remains.
func deadcode(f *ir.Func, _ *passContext) {
	ir.RemoveUnreachableBlocks(f)
	ir.RemoveDeadValues(f)
}
