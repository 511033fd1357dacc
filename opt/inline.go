package opt

import (
	"strings"

	"gocc/ir"
)

// inlineCalls copies the bodies of small functions declared inline (C11 6.7.4p6) into
// their direct callers in the same module, so that what the arguments make known
// (constants, addresses) reaches the body: __builtin_constant_p(x) of a constant
// argument becomes 1, branches on it fold, and each copy's labels have their own
// addresses (GNU C labels as values), as in gcc.
//
// A callee is copied when it is defined here, declared inline, small (maxInlineValues),
// not weak (another definition could replace it), takes and returns scalars only, has
// a fixed parameter list, and uses nothing tied to its own frame or call: va_start,
// setjmp-like calls, alloca, __builtin_return_address/frame_address, untyped calls,
// computed gotos, asm goto, a static chain (GNU C nested functions), or labels whose
// address static data holds. A call is
// replaced when it names the callee directly and its arguments match the parameter
// types; recursion is not expanded.
//
// The caller's block is split at the call: the copy's entry follows the first half,
// each return jumps to the second half, where a phi joins the returned values. The
// callee's stack slots are appended to the caller's (their OpSlot values placed at the
// head of the caller's entry block, after its parameters); OpParam values become the
// arguments.
//
// Requires: valid IR, callees already in SSA form (mem2reg). Preserves: every function
// stays valid; the callee itself is kept (removeDeadInline drops it if unused).
func inlineCalls(m *ir.Module, ctx *passContext) {
	funcs := map[string]*ir.Func{}
	for _, f := range m.Funcs {
		funcs[f.Name] = f
	}
	for _, f := range m.Funcs {
		budget := maxInlinesPerFunc // bounds expansion through mutual recursion
		for bi := 0; bi < len(f.Blocks) && budget > 0; bi++ {
			b := f.Blocks[bi]
			for i, v := range b.Values {
				if v.Op != ir.OpCall || v.Call == nil || len(v.Args) == 0 {
					continue
				}
				addr := v.Args[0]
				if addr.Op != ir.OpAddr || addr.AuxInt != 0 {
					continue
				}
				g := funcs[addr.Sym]
				if g == nil || g == f || !inlinable(g, ctx) || !callMatches(v, g) {
					continue
				}
				inlineAt(f, b, i, g)
				budget--
				break // b now ends at the copy; its continuation is visited later
			}
		}
	}
}

// maxInlineValues bounds the size of an inlined body, maxInlinesPerFunc the number of
// calls expanded in one function.
const (
	maxInlineValues   = 60
	maxInlinesPerFunc = 64
)

func inlinable(g *ir.Func, ctx *passContext) bool {
	if !g.Inline || g.Variadic || g.RetAgg != nil || g.UsesVaStart || g.ReturnsTwice ||
		g.Linkage == ir.Weak || len(g.Blocks) == 0 {
		return false
	}
	for _, p := range g.Params {
		if p.Agg != nil {
			return false
		}
	}
	n := 0
	for _, b := range g.Blocks {
		switch b.Kind {
		case ir.BlockIndirectJump, ir.BlockAsmGoto:
			return false
		}
		if ctx.dataLabels[ir.BlockLabel(g, b.ID)] {
			return false
		}
		for _, v := range b.Values {
			n++
			switch v.Op {
			case ir.OpAlloca, ir.OpRetAddr, ir.OpFrameAddr, ir.OpApplyArgs, ir.OpApply,
				ir.OpUntypedRet, ir.OpVaStart, ir.OpVaArg, ir.OpChain:
				return false
			case ir.OpCall:
				if v.Call == nil || v.Call.ReturnsTwice {
					return false
				}
			case ir.OpInlineAsm:
				if v.Asm != nil && len(v.Asm.Labels) > 0 {
					return false
				}
			}
		}
	}
	return n <= maxInlineValues
}

// callMatches reports whether call v passes g's parameters as g declares them and
// expects g's result type.
func callMatches(v *ir.Value, g *ir.Func) bool {
	c := v.Call
	if c.RetAgg != nil || c.Chain || len(v.Args)-1 != len(g.Params) || c.Variadic && c.NumFixed != len(g.Params) {
		return false
	}
	for i, p := range g.Params {
		if v.Args[1+i].Type != p.Type || (i < len(c.Params) && c.Params[i].Agg != nil) {
			return false
		}
	}
	return v.Type == g.Ret
}

// inlineAt replaces the call b.Values[i] of f by a copy of g's body.
func inlineAt(f *ir.Func, b *ir.Block, i int, g *ir.Func) {
	call := b.Values[i]
	// Split b after the call: cont takes the rest of b and its way out.
	cont := f.NewBlock()
	cont.Kind, cont.Likely, cont.Cases = b.Kind, b.Likely, b.Cases
	cont.Values = append(cont.Values, b.Values[i+1:]...)
	for _, v := range cont.Values {
		v.Block = cont
	}
	b.Values = b.Values[:i]
	if b.Control != nil {
		cont.SetControl(b.Control)
		b.SetControl(nil)
	}
	cont.Succs = b.Succs
	for _, s := range cont.Succs {
		for j, p := range s.Preds {
			if p == b {
				s.Preds[j] = cont
			}
		}
	}
	b.Succs = nil
	b.Kind, b.Likely, b.Cases = ir.BlockPlain, 0, nil

	// Copy g's blocks and values.
	slotBase := int64(len(f.Slots))
	f.Slots = append(f.Slots, g.Slots...)
	bmap := map[*ir.Block]*ir.Block{}
	for _, gb := range g.Blocks {
		bmap[gb] = f.NewBlock()
	}
	vmap := map[*ir.Value]*ir.Value{}
	entry := f.Blocks[0]
	var slots []*ir.Value
	for _, gb := range g.Blocks {
		nb := bmap[gb]
		for _, gv := range gb.Values {
			if gv.Op == ir.OpParam {
				vmap[gv] = call.Args[1+gv.AuxInt]
				continue
			}
			home := nb
			if gv.Op == ir.OpSlot {
				home = entry
			}
			nv := f.NewValue(home, gv.Op, gv.Type)
			nv.AuxInt, nv.AuxFloat, nv.AuxBits, nv.Exact = gv.AuxInt, gv.AuxFloat, gv.AuxBits, gv.Exact
			nv.Sym, nv.Agg, nv.Asm, nv.Line = gv.Sym, gv.Agg, gv.Asm, gv.Line
			if gv.Call != nil {
				ci := *gv.Call
				nv.Call = &ci
			}
			switch gv.Op {
			case ir.OpSlot:
				nv.AuxInt += slotBase
				slots = append(slots, nv)
				vmap[gv] = nv
				continue
			case ir.OpBlockAddr:
				for ob, cb := range bmap {
					if int64(ob.ID) == gv.AuxInt {
						nv.AuxInt = int64(cb.ID)
					}
				}
			}
			nb.Values = append(nb.Values, nv)
			vmap[gv] = nv
		}
	}
	// After the entry's parameters (backends read incoming registers there first).
	at := 0
	for at < len(entry.Values) && entry.Values[at].Op == ir.OpParam {
		at++
	}
	entry.Values = append(entry.Values[:at], append(slots, entry.Values[at:]...)...)
	for _, gb := range g.Blocks {
		for _, gv := range gb.Values {
			nv := vmap[gv]
			if gv.Op == ir.OpParam {
				continue
			}
			for _, a := range gv.Args {
				nv.AddArg(vmap[a])
			}
		}
	}
	// Control flow: returns go to cont.
	var rets []*ir.Value
	for _, gb := range g.Blocks {
		nb := bmap[gb]
		nb.Likely, nb.Cases = gb.Likely, gb.Cases
		if gb.Kind == ir.BlockRet {
			nb.Kind = ir.BlockPlain
			nb.AddEdge(cont)
			if gb.Control != nil {
				rets = append(rets, vmap[gb.Control])
			}
			continue
		}
		nb.Kind = gb.Kind
		if gb.Control != nil {
			nb.SetControl(vmap[gb.Control])
		}
		// Successors and predecessors keep g's order: phi arguments follow Preds.
		for _, s := range gb.Succs {
			nb.Succs = append(nb.Succs, bmap[s])
		}
	}
	for _, gb := range g.Blocks {
		nb := bmap[gb]
		for _, p := range gb.Preds {
			nb.Preds = append(nb.Preds, bmap[p])
		}
	}
	b.AddEdge(bmap[g.Blocks[0]]) // g's entry has no predecessors of its own

	// The call's result: the returned value, joined by a phi if several returns.
	var result *ir.Value
	switch {
	case call.Type == ir.Void || call.Uses == 0:
	case len(rets) == 1 && len(cont.Preds) == 1:
		result = rets[0]
	case len(rets) == len(cont.Preds) && len(rets) > 0:
		result = cont.InsertAt(0, ir.OpPhi, call.Type)
		for _, r := range rets {
			result.AddArg(r)
		}
	default:
		result = cont.InsertAt(0, ir.OpUndef, call.Type)
	}
	if result != nil {
		f.ReplaceUses(call, result)
	}
	call.ResetArgs()
}

// removeDeadInline drops the internal functions declared inline that nothing refers to
// any more (gcc never emits an unreferenced static inline function): no address of
// them in code or data, no alias, constructor or destructor role, no mention in
// top-level or inline asm text.
func removeDeadInline(m *ir.Module, _ *passContext) {
	for changed := true; changed; {
		changed = false
		refs := map[string]bool{}
		var asmText strings.Builder
		for _, s := range m.TopAsm {
			asmText.WriteString(s)
		}
		for _, f := range m.Funcs {
			for _, b := range f.Blocks {
				for _, v := range b.Values {
					if v.Sym != "" && v.Sym != f.Name {
						refs[v.Sym] = true
					}
					if len(v.Args) > 0 && v.Args[0].Op == ir.OpAddr && v.Args[0].Sym != f.Name {
						refs[v.Args[0].Sym] = true
					}
					if v.Asm != nil {
						asmText.WriteString(v.Asm.Template)
					}
				}
			}
		}
		for _, g := range m.Globals {
			refs[g.Alias] = true
			for _, r := range g.Relocs {
				refs[r.Sym] = true
			}
		}
		text := asmText.String()
		kept := m.Funcs[:0]
		for _, f := range m.Funcs {
			if f.Inline && f.Linkage == ir.Internal && !refs[f.Name] && f.Constructor == -1 &&
				f.Destructor == -1 && !strings.Contains(text, f.Name) {
				changed = true
				continue
			}
			kept = append(kept, f)
		}
		clear(m.Funcs[len(kept):])
		m.Funcs = kept
	}
}
