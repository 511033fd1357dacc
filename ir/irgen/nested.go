package irgen

import (
	"gocc/ast"
	"gocc/ir"
)

// GNU C nested functions (GCC manual, "Nested Functions").
//
// A function that contains nested functions keeps a frame block: a stack slot of
// pointer-sized words, filled once on entry in a block of its own (nestState.fill):
//
//	word 0      the function's own static chain (its parent's frame block), or null
//	word 1+i    the address of captured item i (nestState.keys[i])
//
// A captured item is an automatic object of the function used by a nested function
// (for a VLA: the slot holding the array's address), the slot holding the value of a
// VLA length expression, or the trampoline of one of its nested functions. The items
// are collected while the nested functions are generated, which happens when their
// definition is reached in the parent's body, so the block is filled at the parent's
// end. Storing the addresses there makes the objects escape, so mem2reg leaves them
// in memory, where both functions see every write.
//
// A nested function receives its parent's frame block as its static chain (ir.OpChain;
// calls set ir.CallInfo.Chain) and reaches an item of an ancestor n levels up by
// following word 0 n-1 times, then loading word 1+i. A nested function whose address
// is taken is called through a trampoline (ir.OpTrampoline) kept in its parent's frame
// and written on entry to the parent, which holds the parent's frame block as chain.

// nestState is a function's part in nested functions; nil for a function that neither
// is nested nor contains nested functions.
type nestState struct {
	parent *fn // the enclosing function's generator; nil at file scope
	// own holds a nested function's parameters and locals; other automatic objects it
	// uses belong to its ancestors. nil for a function defined at file scope.
	own   map[*ast.Object]bool
	chain *ir.Value // nested functions: the incoming static chain (OpChain)

	// Functions containing nested ones: the frame block and the block filling it.
	frame     *ir.Value
	frameSlot int
	fill      *ir.Block
	keys      []any
	index     map[any]int
	tramps    map[*ast.Object]*ir.Value // trampoline slots of nested functions
	trampList []*ast.Object             // in creation order

	// Functions with labels that nested functions jump to (non-local goto): the
	// __builtin_setjmp buffer and the slot holding the number of the label to go to.
	nlBuf, nlIdx *ir.Value
}

// vlaLenKey is the frame-block key of the slot holding a VLA length expression's value.
type vlaLenKey struct{ e ast.Expr }

// trampKey is the frame-block key of the trampoline of a nested function.
type trampKey struct{ o *ast.Object }

// labelKey is the frame-block key of the address of a label (&&label in a nested
// function naming a label of an enclosing one).
type labelKey struct{ name string }

// nlBufKey and nlIdxKey are the frame-block keys of nestState.nlBuf and nlIdx.
type (
	nlBufKey struct{}
	nlIdxKey struct{}
)

// nestPrologue sets up a function's part in nested functions, on entry after the
// parameters have been stored: the incoming chain, and the frame block with its fill
// block between the entry code and the body.
func (fn *fn) nestPrologue(parent *fn) {
	fd := fn.def
	if fd.Parent == nil && len(fd.Nested) == 0 {
		return
	}
	ns := &nestState{parent: parent, index: map[any]int{}, tramps: map[*ast.Object]*ir.Value{}}
	fn.nest = ns
	if fd.Parent != nil {
		ns.own = map[*ast.Object]bool{}
		for _, o := range fd.Params {
			ns.own[o] = true
		}
		for _, o := range fd.Locals {
			ns.own[o] = true
		}
		ns.chain = fn.op(ir.OpChain, ir.Ptr)
	}
	if len(fd.Nested) > 0 {
		ps := int64(fn.g.ptrSize)
		ns.frameSlot = len(fn.f.Slots)
		ns.frame = fn.newSlot(ps, ps, ".frame")
		ns.fill = fn.f.NewBlock()
		body := fn.f.NewBlock()
		fn.jump(ns.fill)
		fn.jump(body)
	}
	if len(fd.NonLocalLabels) > 0 {
		fn.nonLocalReceiver()
	}
}

// nonLocalReceiver makes the landing site of non-local gotos into this function (GCC
// manual, "Nested Functions": a nested function may jump to a label inherited from a
// containing function, provided the label is declared with __label__). On entry the
// function saves its frame with __builtin_setjmp (setjmp.go); a nested function going
// to label number i (1-based in FuncDef.NonLocalLabels) stores i in the nlIdx slot
// and calls __builtin_longjmp, which resumes here with the frame and stack pointer of
// this activation; the switch below then goes to the label. The setjmp call marks the
// function ReturnsTwice, so no value lives in a register across the resumption.
func (fn *fn) nonLocalReceiver() {
	ns := fn.nest
	ps := int64(fn.g.ptrSize)
	ns.nlBuf = fn.newSlot(5*ps, ps, ".nlgoto")
	ns.nlIdx = fn.newSlot(4, 4, ".nltarget")
	dispatch, body := fn.f.NewBlock(), fn.f.NewBlock()
	fn.g.refs[builtinSetjmpSym] = true
	c := fn.op(ir.OpCall, ir.I32, fn.addrOfSym(builtinSetjmpSym), ns.nlBuf)
	c.Call = &ir.CallInfo{Params: []ir.Param{{Type: ir.Ptr}}, NumFixed: 1, Ret: ir.I32, ReturnsTwice: true}
	c.Sym = builtinSetjmpSym
	fn.f.ReturnsTwice = true
	fn.branch(fn.op(ir.OpNe, ir.I32, c, fn.iconst(ir.I32, 0)), dispatch, body)
	fn.b = dispatch
	d := fn.b
	d.Kind = ir.BlockSwitch
	d.SetControl(fn.op(ir.OpLoad, ir.I32, ns.nlIdx))
	for i, name := range fn.def.NonLocalLabels {
		d.Cases = append(d.Cases, int64(i+1))
		d.AddEdge(fn.label(name))
	}
	d.AddEdge(body)
	fn.b = body
}

// nonLocalOwner returns the generator of the enclosing function whose label name a
// goto or && in this function refers to, or nil if the label is this function's.
func (fn *fn) nonLocalOwner(name string) *fn {
	def := fn.def.NonLocalGotos[name]
	if def == nil || fn.nest == nil {
		return nil
	}
	for a := fn.nest.parent; a != nil; a = a.nest.parent {
		if a.def == def {
			return a
		}
	}
	return nil
}

// nonLocalGoto lowers "goto name" to a label of an enclosing function (see
// nonLocalReceiver); it reports false if name is a label of this function.
func (fn *fn) nonLocalGoto(name string) bool {
	a := fn.nonLocalOwner(name)
	if a == nil {
		return false
	}
	idx := 0
	for i, l := range a.def.NonLocalLabels {
		if l == name {
			idx = i + 1
		}
	}
	fn.op(ir.OpStore, ir.Void, fn.captured(nlIdxKey{}, a), fn.iconst(ir.I32, int64(idx)))
	buf := fn.captured(nlBufKey{}, a)
	fn.g.refs[builtinLongjmpSym] = true
	c := fn.op(ir.OpCall, ir.Void, fn.addrOfSym(builtinLongjmpSym), buf)
	c.Call = &ir.CallInfo{Params: []ir.Param{{Type: ir.Ptr}}, NumFixed: 1, Ret: ir.Void, NoReturn: true}
	c.Sym = builtinLongjmpSym
	fn.unreachable()
	return true
}

// nonLocalLabelAddr lowers &&name for a label of an enclosing function, or returns nil
// if name is a label of this function.
func (fn *fn) nonLocalLabelAddr(name string) *ir.Value {
	a := fn.nonLocalOwner(name)
	if a == nil {
		return nil
	}
	return fn.captured(labelKey{name}, a)
}

// nestEpilogue generates nested functions whose definition was never reached and fills
// the frame block.
func (fn *fn) nestEpilogue() {
	ns := fn.nest
	if ns == nil || ns.frame == nil {
		return
	}
	for _, d := range fn.def.Nested {
		fn.g.function(d, fn)
	}
	save := fn.b
	fn.b = ns.fill
	ps := int64(fn.g.ptrSize)
	fn.f.Slots[ns.frameSlot].Size = ps * int64(1+len(ns.keys))
	chain := ns.chain
	if chain == nil {
		chain = fn.op(ir.OpConst, ir.Ptr) // null: a function at file scope has no chain
	}
	fn.op(ir.OpStore, ir.Void, ns.frame, chain)
	for _, o := range ns.trampList {
		name := fn.g.ref(o)
		fn.op(ir.OpTrampoline, ir.Void, ns.tramps[o], fn.addrOfSym(name), ns.frame)
	}
	for i, k := range ns.keys {
		fn.op(ir.OpStore, ir.Void, fn.offset(ns.frame, ps*int64(1+i)), fn.itemAddr(k))
	}
	fn.b = save
	if ns.nlBuf != nil {
		fn.saveStackLevels()
	}
}

// saveStackLevels makes a non-local goto restore the stack pointer the receiving
// function has at its labels when it allocates stack dynamically (VLAs, alloca): after
// each allocation the new level is stored in the setjmp buffer (word 2, the stack
// pointer __gocc_builtin_longjmp reloads). The level is read by calling
// __gocc_builtin_setjmp on a scratch buffer, which records the stack pointer after its
// return, that is the caller's current one, in word 2 too. gcc likewise updates its
// non-local goto save area after every dynamic allocation.
func (fn *fn) saveStackLevels() {
	ns := fn.nest
	has := false
	for _, b := range fn.f.Blocks {
		for _, v := range b.Values {
			has = has || v.Op == ir.OpAlloca
		}
	}
	if !has {
		return
	}
	ps := int64(fn.g.ptrSize)
	tmp := fn.newSlot(5*ps, ps, "")
	for _, b := range fn.f.Blocks {
		for i := 0; i < len(b.Values); i++ {
			a := b.Values[i]
			if a.Op != ir.OpAlloca {
				continue
			}
			at := i + 1
			ins := func(op ir.Op, t ir.Type, args ...*ir.Value) *ir.Value {
				v := b.InsertAt(at, op, t, args...)
				v.Line = a.Line
				at++
				return v
			}
			sym := ins(ir.OpAddr, ir.Ptr)
			sym.Sym = builtinSetjmpSym
			c := ins(ir.OpCall, ir.I32, sym, tmp)
			c.Call = &ir.CallInfo{Params: []ir.Param{{Type: ir.Ptr}}, NumFixed: 1, Ret: ir.I32}
			c.Sym = builtinSetjmpSym
			off := ins(ir.OpConst, fn.g.intptr)
			off.AuxInt = 2 * ps
			level := ins(ir.OpLoad, ir.Ptr, ins(ir.OpAdd, ir.Ptr, tmp, off))
			ins(ir.OpStore, ir.Void, ins(ir.OpAdd, ir.Ptr, ns.nlBuf, off), level)
			i = at - 1
		}
	}
}

// itemAddr is the address a frame-block item stands for, in the function that owns it.
func (fn *fn) itemAddr(k any) *ir.Value {
	switch k := k.(type) {
	case *ast.Object:
		if k.VLA || isVariable(k.Type) {
			p, ok := fn.vlaPtr[k]
			if !ok {
				p = fn.newSlot(int64(fn.g.ptrSize), int64(fn.g.ptrSize), k.Name)
				fn.vlaPtr[k] = p
			}
			return p
		}
		return fn.localAddr(k)
	case vlaLenKey:
		return fn.vlaLen[k.e]
	case trampKey:
		return fn.nest.tramps[k.o]
	case labelKey:
		fn.takenLabels[k.name] = true
		v := fn.op(ir.OpBlockAddr, ir.Ptr)
		v.AuxInt = int64(fn.label(k.name).ID)
		return v
	case nlBufKey:
		return fn.nest.nlBuf
	case nlIdxKey:
		return fn.nest.nlIdx
	}
	panic("irgen: bad frame-block item")
}

// nestedFuncDecl generates a nested function where its definition is reached.
func (fn *fn) nestedFuncDecl(d *ast.Decl) {
	if def := fn.g.nestedDefs[d.Obj]; def != nil {
		fn.g.function(def, fn)
	}
}

// foreign reports whether automatic object o belongs to an enclosing function.
func (fn *fn) foreign(o *ast.Object) bool {
	return fn.nest != nil && fn.nest.own != nil && !fn.nest.own[o]
}

// foreignAddr returns the address of an automatic object of an enclosing function.
func (fn *fn) foreignAddr(o *ast.Object) *ir.Value {
	a := fn.nest.parent
	for a.nest.own != nil && !a.nest.own[o] {
		a = a.nest.parent
	}
	p := fn.captured(o, a)
	if o.VLA || isVariable(o.Type) {
		return fn.op(ir.OpLoad, ir.Ptr, p)
	}
	return p
}

// foreignVLALen returns the address of the slot holding the value of VLA length
// expression e when an enclosing function evaluated it, or nil.
func (fn *fn) foreignVLALen(e ast.Expr) *ir.Value {
	if fn.nest == nil {
		return nil
	}
	for a := fn.nest.parent; a != nil; a = a.nest.parent {
		if _, ok := a.vlaLen[e]; ok {
			return fn.captured(vlaLenKey{e}, a)
		}
	}
	return nil
}

// captured loads the address of item k from the frame block of ancestor a.
func (fn *fn) captured(k any, a *fn) *ir.Value {
	ns := a.nest
	i, ok := ns.index[k]
	if !ok {
		i = len(ns.keys)
		ns.keys = append(ns.keys, k)
		ns.index[k] = i
	}
	p := fn.offset(fn.frameOf(a), int64(fn.g.ptrSize)*int64(1+i))
	return fn.op(ir.OpLoad, ir.Ptr, p)
}

// frameOf returns the address of the frame block of a, which is fn or an ancestor.
func (fn *fn) frameOf(a *fn) *ir.Value {
	if a == fn {
		return fn.nest.frame
	}
	p := fn.nest.chain
	for c := fn.nest.parent; c != a; c = c.nest.parent {
		p = fn.op(ir.OpLoad, ir.Ptr, p) // word 0 of c's frame block: c's chain
	}
	return p
}

// definer returns the generator of the function in which nested function def is
// defined: fn itself or an ancestor.
func (fn *fn) definer(def *ast.FuncDef) *fn {
	for a := fn; a != nil; a = a.nest.parent {
		if a.def == def.Parent {
			return a
		}
		if a.nest == nil {
			return nil
		}
	}
	return nil
}

// nestedChain returns the static chain for a direct call of nested function o, or nil
// if o is not a nested function.
func (fn *fn) nestedChain(o *ast.Object) *ir.Value {
	def := fn.g.nestedDefs[o]
	if def == nil {
		return nil
	}
	a := fn.definer(def)
	if a == nil {
		fn.g.diags.Errorf(fn.pos(), "irgen: nested function '%s' used outside its scope", o.Name)
		return fn.op(ir.OpConst, ir.Ptr)
	}
	return fn.frameOf(a)
}

// nestedFuncAddr returns the address of nested function o's trampoline, or nil if o
// is not a nested function.
func (fn *fn) nestedFuncAddr(o *ast.Object) *ir.Value {
	def := fn.g.nestedDefs[o]
	if def == nil {
		return nil
	}
	a := fn.definer(def)
	t := fn.g.t
	if a == nil || t.TrampolineSize == 0 {
		fn.g.diags.Errorf(fn.pos(), "taking the address of nested function '%s' is not supported here", o.Name)
		return fn.op(ir.OpConst, ir.Ptr)
	}
	ns := a.nest
	if _, ok := ns.tramps[o]; !ok {
		ns.tramps[o] = a.newSlot(int64(t.TrampolineSize), int64(t.TrampolineAlign), o.Name+".tramp")
		ns.trampList = append(ns.trampList, o)
	}
	if a == fn {
		return ns.tramps[o]
	}
	return fn.captured(trampKey{o}, a)
}

// Records of variable size (GNU C) passed to and returned from functions. Such a type
// can only be written inside the function whose locals its size depends on, so only
// nested functions take or return one; the convention is gocc's own, as gcc's is (the
// psABI classifies no object of variable size). An argument is passed as a pointer to
// a copy the callee owns (call.go); a result is written by the callee through a
// trailing pointer parameter to a temporary of the caller.

// variableParam binds parameter i, a record of variable size, to the caller's copy.
func (fn *fn) variableParam(i int, p *ast.Object) {
	fn.f.Params = append(fn.f.Params, ir.Param{Type: ir.Ptr})
	v := fn.op(ir.OpParam, ir.Ptr)
	v.AuxInt = int64(i)
	slot := fn.newSlot(int64(fn.g.ptrSize), int64(fn.g.ptrSize), p.Name)
	fn.op(ir.OpStore, ir.Void, slot, v)
	fn.vlaPtr[p] = slot
}

// variableResult adds the hidden result pointer of a function returning a record of
// variable size, after the declared parameters.
func (fn *fn) variableResult() {
	fn.varRet = fn.op(ir.OpParam, ir.Ptr)
	fn.varRet.AuxInt = int64(len(fn.f.Params))
	fn.f.Params = append(fn.f.Params, ir.Param{Type: ir.Ptr})
}

// returnVariable returns v, a record of variable size, through the result pointer.
func (fn *fn) returnVariable(v *ir.Value) {
	fn.store(fn.varRet, v, fn.retType, false)
	fn.runCleanups(0)
	fn.ret(nil)
}
