package amd64

import (
	"fmt"
	"sort"
)

// Register allocation: linear scan over live intervals (Poletto and Sarkar, "Linear
// Scan Register Allocation", TOPLAS 1999), with fixed physical-register ranges.
//
// Requires: instruction selection done (phis already replaced by copies on edges, so
// the machine code is not in SSA form and a vreg may have several definitions);
// every block ends in branches and lists its successors.
//
// Positions: instruction i reads its operands at 2i and writes its results at 2i+1
// (early-clobber results at 2i). A vreg's interval is the hull of its positions and of
// the blocks it is live into or out of. Each physical register has busy ranges from
// where isel writes it to where it is last read (argument registers, rax/rdx of
// division, rcx of shifts, call clobbers…); a vreg may get register r only if its
// interval meets none of r's busy ranges, which is how values live across a call
// end up in callee-saved registers (or in memory).
//
// Spilling is "spill everywhere": a spilled vreg lives in a frame slot and each
// instruction that touches it reloads it into a scratch register (r10/r11,
// xmm14/xmm15, never allocated) and stores it back after.

type interval struct {
	vr         reg
	start, end int
	assigned   reg // physical register, or noReg if spilled
	spillObj   int
}

type posRange struct{ start, end int }

func (s *fnState) regalloc() error {
	nv := len(s.vclass)
	// 1. Number instructions.
	pos := 0
	for _, b := range s.blocks {
		b.start = pos
		pos += len(b.insts)
		b.end = pos - 1
		if len(b.insts) == 0 {
			return fmt.Errorf("amd64: %s: empty block %s", s.f.Name, b.label)
		}
	}
	for _, b := range s.blocks {
		b.preds = nil
	}
	for _, b := range s.blocks {
		for _, c := range b.succs {
			c.preds = append(c.preds, b)
		}
	}

	// 2. Liveness of vregs: backward dataflow to a fixed point.
	gen := make([]bitset, len(s.blocks))
	kill := make([]bitset, len(s.blocks))
	for bi, b := range s.blocks {
		g, k := newBitset(nv), newBitset(nv)
		for _, in := range b.insts {
			forEachUse(in, func(r reg) {
				if r >= firstVirtual && !k.has(int(r-firstVirtual)) {
					g.set(int(r - firstVirtual))
				}
			})
			forEachDef(in, func(r reg, early bool) {
				if r >= firstVirtual {
					k.set(int(r - firstVirtual))
				}
			})
		}
		gen[bi], kill[bi] = g, k
		b.liveIn, b.liveOut = newBitset(nv), newBitset(nv)
	}
	tmp := newBitset(nv)
	for changed := true; changed; {
		changed = false
		for bi := len(s.blocks) - 1; bi >= 0; bi-- {
			b := s.blocks[bi]
			for _, c := range b.succs {
				b.liveOut.or(c.liveIn)
			}
			for i := range tmp {
				tmp[i] = gen[bi][i] | (b.liveOut[i] &^ kill[bi][i])
			}
			if !tmp.equal(b.liveIn) {
				b.liveIn.copyFrom(tmp)
				changed = true
			}
		}
	}

	// 3. Intervals.
	ivs := make([]interval, nv)
	for i := range ivs {
		ivs[i] = interval{vr: firstVirtual + reg(i), start: -1, end: -1, assigned: noReg, spillObj: -1}
	}
	extend := func(r reg, p int) {
		iv := &ivs[r-firstVirtual]
		if iv.start < 0 || p < iv.start {
			iv.start = p
		}
		if p > iv.end {
			iv.end = p
		}
	}
	var fixed [numPhys][]posRange
	for _, b := range s.blocks {
		for v := 0; v < nv; v++ {
			if b.liveIn.has(v) {
				extend(firstVirtual+reg(v), 2*b.start)
			}
			if b.liveOut.has(v) {
				extend(firstVirtual+reg(v), 2*b.end+1)
			}
		}
		var open [numPhys]posRange
		for r := range open {
			open[r] = posRange{-1, -1}
		}
		flush := func(r reg) {
			if open[r].start >= 0 {
				fixed[r] = append(fixed[r], open[r])
			}
			open[r] = posRange{-1, -1}
		}
		for k, in := range b.insts {
			i := b.start + k
			forEachUse(in, func(r reg) {
				if r >= firstVirtual {
					extend(r, 2*i)
				} else if r < ripReg {
					if open[r].start < 0 {
						open[r].start = 2 * b.start
					}
					open[r].end = 2 * i
				}
			})
			forEachDef(in, func(r reg, early bool) {
				p := 2*i + 1
				if early {
					p = 2 * i
				}
				if r >= firstVirtual {
					extend(r, p)
				} else if r < ripReg {
					flush(r)
					open[r] = posRange{p, 2*i + 1}
				}
			})
		}
		for r := range open {
			flush(reg(r))
		}
	}

	// 4. Linear scan in order of increasing start.
	order := make([]*interval, 0, nv)
	for i := range ivs {
		if ivs[i].start >= 0 {
			order = append(order, &ivs[i])
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return order[a].start < order[b].start })
	conflicts := func(iv *interval, r reg) bool {
		for _, pr := range fixed[r] {
			if pr.start <= iv.end && iv.start <= pr.end {
				return true
			}
		}
		return false
	}
	var active []*interval
	var owner [numPhys]*interval
	for _, cur := range order {
		// Expire intervals that ended before cur starts.
		kept := active[:0]
		for _, a := range active {
			if a.end < cur.start {
				owner[a.assigned] = nil
			} else {
				kept = append(kept, a)
			}
		}
		active = kept
		regs := gprAllocOrder
		if s.vclass[cur.vr-firstVirtual] == classXMM {
			regs = xmmAllocOrder
		}
		chosen := noReg
		for _, r := range regs {
			if owner[r] == nil && !conflicts(cur, r) {
				chosen = r
				break
			}
		}
		if chosen == noReg {
			// Spill the active interval that ends last, if it ends after cur and its
			// register suits cur; otherwise spill cur.
			var victim *interval
			for _, a := range active {
				if s.vclass[a.vr-firstVirtual] != s.vclass[cur.vr-firstVirtual] || conflicts(cur, a.assigned) {
					continue
				}
				if victim == nil || a.end > victim.end {
					victim = a
				}
			}
			if victim != nil && victim.end > cur.end {
				chosen = victim.assigned
				victim.assigned = noReg
				for j, a := range active {
					if a == victim {
						active = append(active[:j], active[j+1:]...)
						break
					}
				}
			}
		}
		if chosen == noReg {
			continue // spilled
		}
		cur.assigned = chosen
		owner[chosen] = cur
		active = append(active, cur)
	}

	// 5. Rewrite.
	used := map[reg]bool{}
	for i := range ivs {
		iv := &ivs[i]
		if iv.start < 0 {
			continue
		}
		if iv.assigned == noReg {
			iv.spillObj = s.newFrame(8, 8)
		} else {
			used[iv.assigned] = true
		}
	}
	// Fixed uses of callee-saved registers (inline asm operands and clobbers) also
	// oblige the prologue to save them.
	for _, b := range s.blocks {
		for _, in := range b.insts {
			forEachDef(in, func(r reg, _ bool) {
				if r < firstVirtual {
					used[r] = true
				}
			})
		}
	}
	s.usedCallee = nil
	for _, r := range calleeSaved {
		if used[r] {
			s.usedCallee = append(s.usedCallee, r)
		}
	}
	for _, b := range s.blocks {
		var out []*inst
		for _, in := range b.insts {
			pre, post, err := s.rewrite(in, ivs)
			if err != nil {
				return err
			}
			out = append(out, pre...)
			if !isNopMove(in) {
				out = append(out, in)
			}
			out = append(out, post...)
		}
		b.insts = out
	}
	return nil
}

// forEachUse calls f for every register the instruction reads.
func forEachUse(in *inst, f func(reg)) {
	for _, o := range in.args {
		switch o.kind {
		case kReg:
			if o.use {
				f(o.reg)
			}
		case kMem:
			if o.reg != noReg {
				f(o.reg)
			}
			if o.index != noReg {
				f(o.index)
			}
		}
	}
	for _, r := range in.implUse {
		f(r)
	}
}

// forEachDef calls f for every register the instruction writes.
func forEachDef(in *inst, f func(reg, bool)) {
	for _, o := range in.args {
		if o.kind == kReg && o.def {
			f(o.reg, o.early)
		}
	}
	for _, r := range in.implDef {
		f(r, false)
	}
}

func isNopMove(in *inst) bool {
	if (in.op == "movq" || in.op == "movaps") && len(in.args) == 2 &&
		in.args[0].kind == kReg && in.args[1].kind == kReg && in.args[0].reg == in.args[1].reg {
		return true
	}
	return false
}

// rewrite replaces the vregs of in by their registers, and spilled ones by scratch
// registers with a reload before (for reads) and a store after (for writes).
func (s *fnState) rewrite(in *inst, ivs []interval) (pre, post []*inst, err error) {
	type spillUse struct {
		vr      reg
		scratch reg
		read    bool
		written bool
	}
	var spills []spillUse
	nextScratch := [2]int{}
	find := func(vr reg) int {
		for i := range spills {
			if spills[i].vr == vr {
				return i
			}
		}
		return -1
	}
	take := func(vr reg, reuse bool) (reg, error) {
		c := s.vclass[vr-firstVirtual]
		sc := gprScratch
		if c == classXMM {
			sc = xmmScratch
		}
		if nextScratch[c] < len(sc) {
			r := sc[nextScratch[c]]
			nextScratch[c]++
			return r, nil
		}
		if reuse {
			return sc[0], nil
		}
		return noReg, fmt.Errorf("amd64: %s: too many spilled operands in %s", s.f.Name, in.op)
	}
	// Reads first (they need distinct scratch registers), then writes-only.
	for pass := 0; pass < 2; pass++ {
		for k := range in.args {
			o := &in.args[k]
			regs := []*reg{}
			switch o.kind {
			case kReg:
				regs = append(regs, &o.reg)
			case kMem:
				regs = append(regs, &o.reg, &o.index)
			}
			for _, rp := range regs {
				vr := *rp
				if vr < firstVirtual {
					continue
				}
				reads := o.kind == kMem || o.use
				if (pass == 0) != reads {
					continue
				}
				iv := &ivs[vr-firstVirtual]
				if iv.assigned != noReg {
					*rp = iv.assigned
					continue
				}
				j := find(vr)
				if j < 0 {
					r, e := take(vr, pass == 1 && !o.early)
					if e != nil {
						return nil, nil, e
					}
					spills = append(spills, spillUse{vr: vr, scratch: r})
					j = len(spills) - 1
				}
				if reads {
					spills[j].read = true
				}
				if o.kind == kReg && o.def {
					spills[j].written = true
				}
				*rp = spills[j].scratch
			}
		}
	}
	for _, sp := range spills {
		slot := frameMem(ivs[sp.vr-firstVirtual].spillObj, 0)
		mn := "movq"
		if s.vclass[sp.vr-firstVirtual] == classXMM {
			mn = "movsd"
		}
		if sp.read {
			pre = append(pre, &inst{op: mn, args: []operand{slot, {kind: kReg, reg: sp.scratch, size: 8}}})
		}
		if sp.written {
			post = append(post, &inst{op: mn, args: []operand{{kind: kReg, reg: sp.scratch, size: 8}, slot}})
		}
	}
	return pre, post, nil
}
