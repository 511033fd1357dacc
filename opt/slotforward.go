package opt

import "gocc/ir"

// slotforward forwards stored values to loads within a block for the stack slots whose
// address never escapes: every use of the slot's address (OpSlot, and pointer
// arithmetic on it) is the address operand of a load or store, or further arithmetic.
// No call, no store through another pointer and no asm can then reach the slot (a
// pointer to it was never made available, C11 6.2.4p2: its lifetime is the function's),
// so after `a[0] = 0; f(); x = a[0];` x is 0 whatever f does. mem2reg already promotes
// scalar slots; this handles arrays and structs accessed piecewise.
//
// A load of the same type at the same constant offset as an earlier store (or load)
// in the block, or in its single predecessor (recursively), gets that value; a store kills what it overlaps, a store at a variable
// offset kills the whole slot. Volatile accesses are never forwarded. Functions that
// call setjmp-like functions are left alone.
//
// Requires: valid IR. Preserves: the CFG; forwarded loads become copies (OpCopyValue)
// of the value, their memory position no longer mattering.
func slotforward(f *ir.Func, ctx *passContext) {
	if f.ReturnsTwice {
		return
	}
	type addr struct {
		slot  int64
		off   int64
		known bool // off is a constant
	}
	addrs := map[*ir.Value]addr{}
	rpo := ir.ReversePostorder(f)
	for _, b := range rpo {
		for _, v := range b.Values {
			switch {
			case v.Op == ir.OpSlot:
				addrs[v] = addr{v.AuxInt, 0, true}
			case (v.Op == ir.OpAdd || v.Op == ir.OpSub) && v.Type == ir.Ptr:
				a, ok := addrs[v.Args[0]]
				if !ok {
					continue
				}
				if c, w, isConst := intConst(v.Args[1]); isConst && a.known {
					c = sext(c, w)
					if v.Op == ir.OpSub {
						c = -c
					}
					addrs[v] = addr{a.slot, a.off + c, true}
				} else {
					addrs[v] = addr{a.slot, 0, false}
				}
			}
		}
	}
	if len(addrs) == 0 {
		return
	}
	escaped := map[int64]bool{}
	for _, b := range f.Blocks {
		for _, v := range b.Values {
			for j, a := range v.Args {
				s, ok := addrs[a]
				if !ok {
					continue
				}
				switch {
				case v.Op == ir.OpLoad && j == 0, v.Op == ir.OpStore && j == 0:
				case (v.Op == ir.OpAdd || v.Op == ir.OpSub) && v.Type == ir.Ptr && j == 0:
				default:
					escaped[s.slot] = true
				}
			}
		}
		if s, ok := addrs[b.Control]; ok {
			escaped[s.slot] = true
		}
	}
	type entry struct {
		off int64
		t   ir.Type
		val *ir.Value
	}
	size := func(t ir.Type) int64 { return int64(t.Size(ctx.ptrSize)) }
	// out[b] is what is known at the end of b; a block with a single predecessor
	// starts with what its predecessor ended with (visited first in reverse postorder).
	out := map[*ir.Block]map[int64][]entry{}
	for _, b := range rpo {
		known := map[int64][]entry{} // slot -> contents known at this point
		if len(b.Preds) == 1 {
			for slot, es := range out[b.Preds[0]] {
				known[slot] = append([]entry(nil), es...)
			}
		}
		out[b] = known
		kill := func(slot, off int64, n int64, all bool) {
			if all {
				delete(known, slot)
				return
			}
			es := known[slot][:0]
			for _, e := range known[slot] {
				if off < e.off+size(e.t) && e.off < off+n {
					continue
				}
				es = append(es, e)
			}
			known[slot] = es
		}
		for _, v := range b.Values {
			if v.Op != ir.OpLoad && v.Op != ir.OpStore {
				continue
			}
			a, ok := addrs[v.Args[0]]
			if !ok || escaped[a.slot] {
				continue
			}
			volatile := v.AuxInt&1 != 0
			if v.Op == ir.OpStore {
				x := v.Args[1]
				kill(a.slot, a.off, size(x.Type), !a.known)
				if a.known && !volatile {
					known[a.slot] = append(known[a.slot], entry{a.off, x.Type, x})
				}
				continue
			}
			if volatile || !a.known {
				continue
			}
			var found *ir.Value
			for _, e := range known[a.slot] {
				if e.off == a.off && e.t == v.Type {
					found = e.val
				}
			}
			if found != nil {
				v.Op = ir.OpCopyValue
				v.AuxInt = 0
				v.SetArgs(found)
				continue
			}
			known[a.slot] = append(known[a.slot], entry{a.off, v.Type, v})
		}
	}
}
