package ir

import (
	"errors"
	"fmt"
	"strings"
)

// Verify checks the invariants listed in the package comment and reports every violation
// found (joined into one error), or nil. Dominance is checked only in blocks reachable
// from the entry, since dominance is undefined elsewhere.
func Verify(f *Func) error {
	c := &checker{f: f}
	c.run()
	if len(c.errs) == 0 {
		return nil
	}
	const maxErrs = 20
	if len(c.errs) > maxErrs {
		n := len(c.errs) - maxErrs
		c.errs = append(c.errs[:maxErrs], fmt.Sprintf("... and %d more", n))
	}
	return errors.New("ir: invalid function " + f.Name + ":\n\t" + strings.Join(c.errs, "\n\t"))
}

// VerifyModule verifies every function of m.
func VerifyModule(m *Module) error {
	var errs []error
	for _, f := range m.Funcs {
		if err := Verify(f); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

type checker struct {
	f    *Func
	errs []string
}

func (c *checker) errorf(format string, args ...any) {
	c.errs = append(c.errs, fmt.Sprintf(format, args...))
}

func (c *checker) run() {
	f := c.f
	if len(f.Blocks) == 0 {
		c.errorf("no blocks")
		return
	}
	// Membership and IDs.
	blockAt := make(map[*Block]bool, len(f.Blocks))
	blockIDs := make(map[int]bool, len(f.Blocks))
	valueIDs := map[int]*Value{}
	where := map[*Value]*Block{}
	index := map[*Value]int{} // position in its block
	for _, b := range f.Blocks {
		if b == nil {
			c.errorf("nil block in Blocks")
			return
		}
		if blockAt[b] {
			c.errorf("%v listed twice in Blocks", b)
		}
		blockAt[b] = true
		if blockIDs[b.ID] {
			c.errorf("block ID %d used twice", b.ID)
		}
		blockIDs[b.ID] = true
		if b.ID < 0 || b.ID >= f.NumBlockIDs() {
			c.errorf("%v: ID out of range [0,%d)", b, f.NumBlockIDs())
		}
		if b.Func != f {
			c.errorf("%v: Func field does not point to %s", b, f.Name)
		}
		for i, v := range b.Values {
			if v == nil {
				c.errorf("%v: nil value at index %d", b, i)
				continue
			}
			if w, dup := where[v]; dup {
				c.errorf("%v listed in %v and %v", v, w, b)
			}
			where[v] = b
			index[v] = i
			if o, dup := valueIDs[v.ID]; dup && o != v {
				c.errorf("value ID %d used twice", v.ID)
			}
			valueIDs[v.ID] = v
			if v.ID < 0 || v.ID >= f.NumValueIDs() {
				c.errorf("%v: ID out of range [0,%d)", v, f.NumValueIDs())
			}
			if v.Block != b {
				c.errorf("%v: in %v.Values but its Block field is %v", v, b, v.Block)
			}
		}
	}
	if len(f.Blocks[0].Preds) > 0 {
		// The entry is entered from the caller, which no phi could name.
		c.errorf("entry block %v has predecessors", f.Blocks[0])
	}
	// Edges.
	for _, b := range f.Blocks {
		for _, s := range b.Succs {
			if !blockAt[s] {
				c.errorf("%v: successor %v is not in the function", b, s)
			}
		}
		for _, p := range b.Preds {
			if !blockAt[p] {
				c.errorf("%v: predecessor %v is not in the function", b, p)
			}
		}
		// Succs and Preds mirror each other: the number of edges b -> s equals the
		// number of times b appears in s.Preds.
		for _, s := range b.Succs {
			if count(b.Succs, s) != count(s.Preds, b) {
				c.errorf("%v -> %v: %d edges in Succs but %d in %v.Preds", b, s, count(b.Succs, s), count(s.Preds, b), s)
			}
		}
		for _, p := range b.Preds {
			if count(p.Succs, b) != count(b.Preds, p) {
				c.errorf("%v <- %v: %d in Preds but %d edges in %v.Succs", b, p, count(b.Preds, p), count(p.Succs, b), p)
			}
		}
		c.checkKind(b)
	}
	// Values.
	uses := map[*Value]int32{}
	for _, b := range f.Blocks {
		seenNonPhi := false
		for _, v := range b.Values {
			if v == nil {
				continue
			}
			for i, a := range v.Args {
				if a == nil {
					c.errorf("%v: argument %d is nil", v, i)
					continue
				}
				uses[a]++
				if _, ok := where[a]; !ok {
					c.errorf("%v: argument %v is not in any block of the function", v, a)
				}
			}
			if v.Op == OpPhi {
				if seenNonPhi {
					c.errorf("%v: phi after a non-phi value in %v", v, b)
				}
				if len(v.Args) != len(b.Preds) {
					c.errorf("%v: phi has %d arguments but %v has %d predecessors", v, len(v.Args), b, len(b.Preds))
				}
			} else {
				seenNonPhi = true
			}
			c.checkValue(v)
		}
		if b.Control != nil {
			uses[b.Control]++
			if _, ok := where[b.Control]; !ok {
				c.errorf("%v: control %v is not in any block of the function", b, b.Control)
			}
		}
	}
	for v := range where {
		if v.Uses != uses[v] {
			c.errorf("%v: Uses is %d but it has %d uses", v, v.Uses, uses[v])
		}
	}
	if len(c.errs) > 0 {
		return // dominance needs a sane graph
	}
	// Dominance of arguments.
	d := NewDomTree(f)
	dominatesUse := func(a *Value, b *Block, i int) bool {
		ab := a.Block
		if ab == b {
			return index[a] < i
		}
		return d.Dominates(ab, b)
	}
	for _, b := range f.Blocks {
		if !d.Reachable(b) {
			continue
		}
		for i, v := range b.Values {
			for j, a := range v.Args {
				if v.Op == OpPhi {
					p := b.Preds[j]
					if d.Reachable(p) && !dominatesUse(a, p, len(p.Values)) {
						c.errorf("%v: phi argument %v does not dominate the end of predecessor %v", v, a, p)
					}
					continue
				}
				if !dominatesUse(a, b, i) {
					c.errorf("%v: argument %v does not dominate its use", v, a)
				}
			}
		}
		if b.Control != nil && !dominatesUse(b.Control, b, len(b.Values)) {
			c.errorf("%v: control %v does not dominate the end of the block", b, b.Control)
		}
	}
}

func count(bs []*Block, b *Block) int {
	n := 0
	for _, x := range bs {
		if x == b {
			n++
		}
	}
	return n
}

func (c *checker) checkKind(b *Block) {
	f := c.f
	ctl := b.Control
	wantSuccs := func(n int) {
		if len(b.Succs) != n {
			c.errorf("%v: %s block has %d successors, want %d", b, b.Kind, len(b.Succs), n)
		}
	}
	noControl := func() {
		if ctl != nil {
			c.errorf("%v: %s block has a control value %v", b, b.Kind, ctl)
		}
	}
	needControl := func() bool {
		if ctl == nil {
			c.errorf("%v: %s block has no control value", b, b.Kind)
			return false
		}
		return true
	}
	if b.Kind != BlockSwitch && len(b.Cases) > 0 {
		c.errorf("%v: %s block has switch cases", b, b.Kind)
	}
	switch b.Kind {
	case BlockPlain:
		wantSuccs(1)
		noControl()
	case BlockIf:
		wantSuccs(2)
		if needControl() && !(ctl.Type.IsInt() || ctl.Type == Ptr) {
			c.errorf("%v: if control %v has type %s", b, ctl, ctl.Type)
		}
	case BlockRet:
		wantSuccs(0)
		switch {
		case f.RetAgg != nil:
			if needControl() && ctl.Type != Ptr {
				c.errorf("%v: aggregate return needs a pointer, %v has type %s", b, ctl, ctl.Type)
			}
		case f.Ret == Void:
			noControl()
		default:
			if needControl() && ctl.Type != f.Ret {
				c.errorf("%v: returns %v of type %s from a function returning %s", b, ctl, ctl.Type, f.Ret)
			}
		}
	case BlockUnreachable:
		wantSuccs(0)
		noControl()
	case BlockSwitch:
		if len(b.Succs) != len(b.Cases)+1 {
			c.errorf("%v: switch has %d cases and %d successors, want cases+1", b, len(b.Cases), len(b.Succs))
		}
		if needControl() && !ctl.Type.IsInt() {
			c.errorf("%v: switch control %v has type %s", b, ctl, ctl.Type)
		}
		seen := map[int64]bool{}
		for _, k := range b.Cases {
			if seen[k] {
				c.errorf("%v: duplicate switch case %d", b, k)
			}
			seen[k] = true
		}
	case BlockIndirectJump:
		if needControl() && ctl.Type != Ptr {
			c.errorf("%v: indirect jump through %v of type %s", b, ctl, ctl.Type)
		}
	case BlockAsmGoto:
		noControl()
		var last *Value
		if len(b.Values) > 0 {
			last = b.Values[len(b.Values)-1]
		}
		switch {
		case last == nil || last.Op != OpInlineAsm || last.Asm == nil:
			c.errorf("%v: asm goto block does not end in an asm", b)
		case len(b.Succs) != 1+len(last.Asm.Labels):
			c.errorf("%v: asm goto with %d labels has %d successors", b, len(last.Asm.Labels), len(b.Succs))
		default:
			for i, l := range last.Asm.Labels {
				if b.Succs[1+i] != l {
					c.errorf("%v: asm goto label %d is %v, successor is %v", b, i, l, b.Succs[1+i])
				}
			}
		}
	default:
		c.errorf("%v: unknown block kind %d", b, b.Kind)
	}
}

// checkValue checks v's argument count, the types of its arguments and result, and the
// aux fields its op needs.
func (c *checker) checkValue(v *Value) {
	if v.Op <= OpInvalid || v.Op >= NumOps {
		c.errorf("%v: invalid op %d", v, v.Op)
		return
	}
	if n := v.Op.NumArgs(); n >= 0 && len(v.Args) != n {
		c.errorf("%v: %s takes %d arguments, has %d", v.LongString(), v.Op, n, len(v.Args))
		return
	}
	for _, a := range v.Args {
		if a == nil {
			return
		}
	}
	if int(v.Type) >= len(typeNames) {
		c.errorf("%v: invalid type %d", v, v.Type)
		return
	}
	bad := func(format string, args ...any) {
		c.errorf("%s: %s", v.LongString(), fmt.Sprintf(format, args...))
	}
	t := v.Type
	arg := func(i int) Type { return v.Args[i].Type }
	isIntOrPtr := func(x Type) bool { return x.IsInt() || x == Ptr }
	// ptrCompatible: types that may meet in address arithmetic (Ptr with a pointer-sized
	// integer; the pointer size is not known here, so I32 and I64 both pass).
	ptrCompatible := func(x, y Type) bool {
		return x == y || x == Ptr && (y == I64 || y == I32) || y == Ptr && (x == I64 || x == I32)
	}
	wantType := func(ok bool, what string) {
		if !ok {
			bad("result type %s, want %s", t, what)
		}
	}
	wantArg := func(i int, ok bool, what string) {
		if !ok {
			bad("argument %d (%v) has type %s, want %s", i, v.Args[i], arg(i), what)
		}
	}
	switch op := v.Op; op {
	case OpConst:
		wantType(isIntOrPtr(t), "an integer or ptr")
	case OpConstFloat:
		wantType(t.IsFloat(), "a floating type")
	case OpAddr, OpTLSAddr:
		wantType(t == Ptr, "ptr")
		if v.Sym == "" {
			bad("no symbol")
		}
	case OpSlot:
		wantType(t == Ptr, "ptr")
		if v.AuxInt < 0 || v.AuxInt >= int64(len(c.f.Slots)) {
			bad("slot %d out of range (function has %d)", v.AuxInt, len(c.f.Slots))
		}
	case OpParam:
		wantType(t != Void, "non-void")
		if v.AuxInt < 0 || v.AuxInt >= int64(len(c.f.Params)) {
			bad("parameter %d out of range (function has %d)", v.AuxInt, len(c.f.Params))
		}
	case OpUndef:
		wantType(t != Void, "non-void")
	case OpChain:
		wantType(t == Ptr, "ptr")
		if v.Block != c.f.Blocks[0] {
			bad("chain outside the entry block")
		}
	case OpTrampoline:
		wantType(t == Void, "void")
		wantArg(0, arg(0) == Ptr, "ptr")
		wantArg(1, arg(1) == Ptr, "ptr")
		wantArg(2, arg(2) == Ptr, "ptr")
	case OpBlockAddr, OpFrameAddr, OpRetAddr:
		wantType(t == Ptr, "ptr")
	case OpAdd, OpSub, OpAnd, OpOr, OpXor:
		wantType(isIntOrPtr(t) || t.IsFloat() && (op == OpAdd || op == OpSub), "an integer, ptr or float")
		for i := range 2 {
			switch {
			case t == Ptr:
				// Address arithmetic: pointer plus or minus a pointer-sized integer.
				wantArg(i, ptrCompatible(arg(i), t), "ptr or a pointer-sized integer")
			case op == OpSub && arg(0) == Ptr && arg(1) == Ptr:
				// Pointer difference (in bytes) as an integer.
			default:
				wantArg(i, arg(i) == t, t.String())
			}
		}
	case OpMul, OpDivS:
		wantType(t.IsInt() || t.IsFloat(), "an integer or float")
		for i := range 2 {
			wantArg(i, arg(i) == t, t.String())
		}
	case OpDivU, OpRemS, OpRemU, OpShl, OpShrS, OpShrU:
		wantType(t.IsInt(), "an integer")
		for i := range 2 {
			wantArg(i, arg(i) == t, t.String())
		}
	case OpNeg:
		wantType(t.IsInt() || t.IsFloat(), "an integer or float")
		wantArg(0, arg(0) == t, t.String())
	case OpNot:
		wantType(t.IsInt(), "an integer")
		wantArg(0, arg(0) == t, t.String())
	case OpEq, OpNe, OpLtS, OpLeS, OpGtS, OpGeS, OpLtU, OpLeU, OpGtU, OpGeU:
		wantType(t == I32 || t == I8, "i32 or i8")
		if !ptrCompatible(arg(0), arg(1)) {
			bad("compares %s with %s", arg(0), arg(1))
		}
		if arg(0).IsFloat() && op != OpEq && op != OpNe && op != OpLtS && op != OpLeS && op != OpGtS && op != OpGeS {
			bad("unsigned comparison of floats")
		}
	case OpSExt, OpZExt:
		wantType(t.IsInt(), "an integer")
		wantArg(0, isIntOrPtr(arg(0)) && (arg(0) == Ptr || arg(0).Size(8) < t.Size(8)), "a narrower integer")
	case OpTrunc:
		wantType(t.IsInt(), "an integer")
		wantArg(0, isIntOrPtr(arg(0)) && (arg(0) == Ptr || arg(0).Size(8) > t.Size(8)), "a wider integer")
	case OpFConv:
		wantType(t.IsFloat(), "a floating type")
		wantArg(0, arg(0).IsFloat(), "a floating type")
	case OpFToS, OpFToU:
		wantType(t.IsInt(), "an integer")
		wantArg(0, arg(0).IsFloat(), "a floating type")
	case OpSToF, OpUToF:
		wantType(t.IsFloat(), "a floating type")
		wantArg(0, arg(0).IsInt(), "an integer")
	case OpBitcast:
		if !(ptrCompatible(arg(0), t) || arg(0).Size(8) == t.Size(8) && t != Void) {
			bad("bitcast between %s and %s of different sizes", arg(0), t)
		}
	case OpLoad, OpAtomicLoad:
		wantType(t != Void, "non-void")
		wantArg(0, arg(0) == Ptr, "ptr")
	case OpStore, OpAtomicStore:
		wantType(t == Void, "void")
		wantArg(0, arg(0) == Ptr, "ptr")
		wantArg(1, arg(1) != Void, "non-void")
	case OpCopy:
		wantType(t == Void, "void")
		wantArg(0, arg(0) == Ptr, "ptr")
		wantArg(1, arg(1) == Ptr, "ptr")
	case OpZero, OpVaStart:
		wantType(t == Void, "void")
		wantArg(0, arg(0) == Ptr, "ptr")
	case OpAlloca:
		wantType(t == Ptr, "ptr")
		wantArg(0, isIntOrPtr(arg(0)), "an integer")
	case OpVaArg:
		wantType(t != Void, "non-void")
		wantArg(0, arg(0) == Ptr, "ptr")
		if v.Agg != nil && t != Ptr {
			bad("aggregate vaarg must have type ptr")
		}
	case OpCall:
		if len(v.Args) < 1 {
			bad("call without a callee")
			return
		}
		wantArg(0, arg(0) == Ptr, "ptr")
		ci := v.Call
		if ci == nil {
			bad("call without CallInfo")
			return
		}
		want := len(ci.Params) + 1
		if ci.RetAgg != nil {
			want++
		}
		if ci.Chain {
			want++
			wantArg(len(v.Args)-1, arg(len(v.Args)-1) == Ptr, "ptr (static chain)")
		}
		if len(v.Args) != want {
			bad("call has %d arguments, its signature wants %d", len(v.Args)-1, want-1)
		}
		if ci.RetAgg == nil && t != ci.Ret {
			bad("call result type %s, signature returns %s", t, ci.Ret)
		}
		for i, p := range ci.Params {
			if i+1 >= len(v.Args) {
				break
			}
			if p.Agg != nil {
				wantArg(i+1, arg(i+1) == Ptr, "ptr (aggregate argument)")
			} else {
				wantArg(i+1, ptrCompatible(arg(i+1), p.Type), p.Type.String())
			}
		}
		if ci.NumFixed > len(ci.Params) || ci.NumFixed < 0 {
			bad("NumFixed %d out of range", ci.NumFixed)
		}
	case OpPhi:
		wantType(t != Void, "non-void")
		for i := range v.Args {
			wantArg(i, arg(i) == t, t.String())
		}
	case OpCopyValue:
		wantArg(0, arg(0) == t, t.String())
	case OpSelect:
		wantArg(0, isIntOrPtr(arg(0)), "an integer")
		wantArg(1, arg(1) == t, t.String())
		wantArg(2, arg(2) == t, t.String())
	case OpClz, OpCtz, OpPopcount:
		wantType(t == I32, "i32")
		wantArg(0, arg(0).IsInt(), "an integer")
	case OpBswap:
		wantType(t.IsInt(), "an integer")
		wantArg(0, arg(0) == t, t.String())
	case OpTrap, OpFence:
		wantType(t == Void, "void")
	case OpFAbs, OpSqrt:
		wantType(t.IsFloat(), "a floating type")
		wantArg(0, arg(0) == t, t.String())
	case OpInlineAsm:
		if v.Asm == nil {
			bad("asm without AsmInfo")
			return
		}
		if want := len(v.Asm.Outputs) + len(v.Asm.Inputs); len(v.Args) != want {
			bad("asm has %d arguments, its operands want %d", len(v.Args), want)
		}
	case OpAtomicRMW:
		wantArg(0, arg(0) == Ptr, "ptr")
		wantArg(1, arg(1) == t, t.String())
	case OpAtomicCAS:
		wantArg(0, arg(0) == Ptr, "ptr")
		wantArg(1, arg(1) == t, t.String())
		wantArg(2, arg(2) == t, t.String())
	}
}
