package irgen

import (
	"gocc/ast"
	"gocc/diag"
	"gocc/ir"
)

// fn holds the state of one function's generation.
type fn struct {
	g     *gen
	f     *ir.Func
	def   *ast.FuncDef
	entry *ir.Block
	b     *ir.Block // the current block; always open (not yet terminated)
	// head holds the values that give slot addresses (Slot, and the run-time rounding
	// of over-aligned ones) in creation order; they are placed at the start of the
	// entry block when the function is complete, so that they dominate every use
	// without an insertion into entry per slot (quadratic for 10,000 parameters).
	head []*ir.Value
	line int32
	at   diag.Pos // the position of the construct being lowered, for diagnostics

	objAddr map[*ast.Object]*ir.Value // locals: slot address or aggregate parameter pointer
	vlaPtr  map[*ast.Object]*ir.Value // VLA locals: address of the slot holding the VLA's address
	vlaLen  map[ast.Expr]*ir.Value    // VLA length expressions: address of the slot holding the value
	// vlaCap: VLA locals: address of the slot holding the size of the block the VLA's
	// slot points to (0 before the first allocation), see vlaAlloc.
	vlaCap map[*ast.Object]*ir.Value

	labels       map[string]*ir.Block
	takenLabels  map[string]bool
	indirect     []*ir.Block
	caseBlocks   map[*ast.CaseStmt]*ir.Block
	defaultBlock map[*ast.DefaultStmt]*ir.Block
	breakTo      *ir.Block
	continueTo   *ir.Block
	// cleanups are the variables in scope with __attribute__((cleanup(f))), innermost
	// last; breakDepth and continueDepth are its length where the targets were entered.
	cleanups      []*ast.Object
	breakDepth    int
	continueDepth int
	// noreturn is the block in which a noreturn function was called; it is ended with
	// BlockUnreachable at the end of the statement if control is still in it.
	noreturn *ir.Block

	retType *ast.Type
	isMain  bool
	// instrument: emit the -finstrument-functions entry and exit hooks.
	instrument bool
	// nest is the function's part in GNU C nested functions (nested.go), or nil.
	nest *nestState
	// varRet is the hidden result pointer of a function returning a record of variable
	// size (nested.go), or nil.
	varRet *ir.Value
}

// function lowers one function definition; parent is the generator of the enclosing
// function of a GNU C nested function (nested.go), nil at file scope.
func (g *gen) function(fd *ast.FuncDef, parent *fn) {
	o := fd.Obj
	name := o.LinkName
	if name == "" {
		name = o.Name
	}
	if g.defs[name] {
		return
	}
	g.defs[name] = true
	ft := o.Type
	f := ir.NewFunc(name)
	f.Linkage = linkage(o)
	f.Variadic = ft.Variadic
	f.Section = o.Section
	f.Visibility = o.Visibility
	f.NoReturn = o.Noreturn
	// A used function must be emitted even if unreferenced; opt drops unreferenced
	// static inline ones, so it is not marked.
	f.Inline = o.Inline && !o.Used
	f.Constructor = o.Constructor
	f.Destructor = o.Destructor
	f.Align = int(o.Align)
	fn := &fn{
		g: g, f: f, def: fd,
		objAddr:      map[*ast.Object]*ir.Value{},
		vlaPtr:       map[*ast.Object]*ir.Value{},
		vlaLen:       map[ast.Expr]*ir.Value{},
		vlaCap:       map[*ast.Object]*ir.Value{},
		labels:       map[string]*ir.Block{},
		takenLabels:  map[string]bool{},
		caseBlocks:   map[*ast.CaseStmt]*ir.Block{},
		defaultBlock: map[*ast.DefaultStmt]*ir.Block{},
		retType:      ft.Base,
		isMain:       o.Name == "main" && o.Linkage == ast.External,
	}
	for l := range g.takenLabels[o] {
		fn.takenLabels[l] = true
	}
	fn.line = o.Pos.Line
	switch {
	case ft.Base.Kind == ast.Void, isVariable(ft.Base):
		f.Ret = ir.Void // a record of variable size is returned through fn.varRet (nested.go)
	case byValueAgg(ft.Base):
		f.RetAgg = g.aggOf(ft.Base)
	default:
		f.Ret = g.scalarType(ft.Base)
	}
	fn.entry = f.NewBlock()
	fn.b = fn.entry

	// Parameters: a scalar is stored into its own slot; an aggregate lives where the
	// backend's copy is (Param Agg).
	for i, p := range fd.Params {
		pt := p.Type
		if isVariable(pt) {
			fn.variableParam(i, p)
			continue
		}
		if byValueAgg(pt) {
			f.Params = append(f.Params, ir.Param{Agg: g.aggOf(pt)})
			v := fn.op(ir.OpParam, ir.Ptr)
			v.AuxInt = int64(i)
			fn.objAddr[p] = v
			continue
		}
		st := g.scalarType(pt)
		f.Params = append(f.Params, ir.Param{Type: st})
		v := fn.op(ir.OpParam, st)
		v.AuxInt = int64(i)
		fn.store(fn.localAddr(p), v, pt, false)
	}
	if isVariable(ft.Base) {
		fn.variableResult()
	}
	fn.nestPrologue(parent)
	// Variably modified parameter types (int a[][n], int (*p)[n]) have their sizes
	// evaluated on entry (C11 6.9.1p10).
	for _, p := range fd.Params {
		fn.declareVLATypes(p.Type)
	}
	for _, e := range fd.ParamSizes {
		fn.expr(e)
	}
	for _, o := range fd.Locals {
		if o.VLA || isVariable(o.Type) {
			c := fn.newSlot(8, 8, "")
			fn.op(ir.OpStore, ir.Void, c, fn.iconst(ir.I64, 0))
			fn.vlaCap[o] = c
		}
	}

	fn.instrument = g.instrument && !o.NoInstrument
	if fn.instrument {
		fn.profileCall("__cyg_profile_func_enter")
	}

	fn.block(fd.Body)
	fn.endStmt()
	fn.nestEpilogue()

	// Falling off the end (C11 6.9.1p12); main returns 0 (C11 5.1.2.2.3).
	switch {
	case f.Ret == ir.Void && f.RetAgg == nil:
		fn.ret(nil)
	case fn.isMain && f.Ret.IsInt():
		fn.ret(fn.iconst(f.Ret, 0))
	case f.RetAgg != nil:
		fn.ret(fn.tempSlot(ft.Base))
	default:
		fn.ret(fn.op(ir.OpUndef, f.Ret))
	}

	// The last ret opened a fresh block that nothing can reach: drop it.
	if last := f.Blocks[len(f.Blocks)-1]; last == fn.b && len(last.Values) == 0 && len(last.Preds) == 0 {
		f.Blocks = f.Blocks[:len(f.Blocks)-1]
	}

	// Computed gotos may reach every label whose address is taken.
	if len(fn.indirect) > 0 {
		targets := fn.addressTakenLabels()
		for _, b := range fn.indirect {
			for _, t := range targets {
				b.AddEdge(t)
			}
		}
	}
	fn.entry.Values = append(fn.head, fn.entry.Values...)
	fn.head = nil
	lb := map[string]*ir.Block{}
	for n, b := range fn.labels {
		lb[n] = b
	}
	g.labelBlocks[o] = lb
	g.funcs[o] = f
	g.m.Funcs = append(g.m.Funcs, f)
}

// addressTakenLabels returns the blocks of the labels whose address is taken, in block
// order (every label if none is recorded).
func (fn *fn) addressTakenLabels() []*ir.Block {
	var out []*ir.Block
	for _, b := range fn.f.Blocks {
		for n, lb := range fn.labels {
			if lb == b && (len(fn.takenLabels) == 0 || fn.takenLabels[n]) {
				out = append(out, b)
				break
			}
		}
	}
	return out
}

// Value construction.

func (fn *fn) op(op ir.Op, t ir.Type, args ...*ir.Value) *ir.Value {
	v := fn.b.Append(op, t, args...)
	v.Line = fn.line
	return v
}

func (fn *fn) iconst(t ir.Type, c int64) *ir.Value {
	v := fn.op(ir.OpConst, t)
	v.AuxInt = c
	return v
}

func (fn *fn) intptrConst(c int64) *ir.Value { return fn.iconst(fn.g.intptr, c) }

// newSlot allocates a stack slot and returns its address, created in the entry block so
// that it dominates every use.
func (fn *fn) newSlot(size, align int64, name string) *ir.Value {
	if size < 1 {
		size = 1
	}
	if align < 1 {
		align = 1
	}
	// A frame is only as aligned as the stack pointer at the call (target.StackAlign):
	// a local aligned beyond that gets a slot with align-StackAlign bytes to spare and
	// its address rounded up at run time, (slot + align-1) & -align.
	stackAlign := int64(fn.g.t.StackAlign)
	over := stackAlign > 0 && align > stackAlign
	if over {
		size += align - stackAlign
	}
	idx := len(fn.f.Slots)
	fn.f.Slots = append(fn.f.Slots, ir.Slot{Size: size, Align: align, Name: name})
	if over {
		fn.f.Slots[idx].Align = stackAlign
	}
	atHead := func(op ir.Op, t ir.Type, args ...*ir.Value) *ir.Value {
		v := fn.f.NewValue(fn.entry, op, t, args...)
		v.Line = fn.line
		fn.head = append(fn.head, v)
		return v
	}
	v := atHead(ir.OpSlot, ir.Ptr)
	v.AuxInt = int64(idx)
	if over {
		c := atHead(ir.OpConst, fn.g.intptr)
		c.AuxInt = align - 1
		up := atHead(ir.OpAdd, ir.Ptr, v, c)
		m := atHead(ir.OpConst, fn.g.intptr)
		m.AuxInt = -align
		v = atHead(ir.OpAnd, ir.Ptr, up, m)
	}
	return v
}

// tempSlot is an unnamed slot for a value of type t.
func (fn *fn) tempSlot(t *ast.Type) *ir.Value {
	if isVariable(t) {
		// A temporary of a record with variably modified members (GNU C).
		a := fn.op(ir.OpAlloca, ir.Ptr, fn.toI64(fn.sizeOf(t)))
		a.AuxInt = max(t.Align, 16)
		return a
	}
	return fn.newSlot(t.Size, t.Align, "")
}

// localAddr returns the address of an automatic object.
func (fn *fn) localAddr(o *ast.Object) *ir.Value {
	if fn.foreign(o) {
		return fn.foreignAddr(o)
	}
	if p, ok := fn.vlaPtr[o]; ok {
		return fn.op(ir.OpLoad, ir.Ptr, p)
	}
	if o.VLA || isVariable(o.Type) {
		// Declaration not yet executed (jumped over): C11 6.8.6.1p1 forbids this.
		p := fn.newSlot(int64(fn.g.ptrSize), int64(fn.g.ptrSize), o.Name)
		fn.vlaPtr[o] = p
		return fn.op(ir.OpLoad, ir.Ptr, p)
	}
	if a, ok := fn.objAddr[o]; ok {
		return a
	}
	align := o.Type.Align
	if o.Align > align {
		align = o.Align
	}
	a := fn.newSlot(o.Type.Size, align, o.Name)
	fn.objAddr[o] = a
	return a
}

// Control flow. fn.b is always an open block; terminators start a fresh one.

// startBlock makes b the current block.
func (fn *fn) startBlock(b *ir.Block) { fn.b = b }

// jump ends the current block with a jump to to and continues in to.
func (fn *fn) jump(to *ir.Block) {
	fn.b.Kind = ir.BlockPlain
	fn.b.AddEdge(to)
	fn.b = to
}

// jumpAway ends the current block with a jump to to and continues in a fresh block
// without predecessors.
func (fn *fn) jumpAway(to *ir.Block) {
	fn.b.Kind = ir.BlockPlain
	fn.b.AddEdge(to)
	fn.b = fn.f.NewBlock()
}

// branch ends the current block with "if c != 0 goto t else f".
func (fn *fn) branch(c *ir.Value, t, f *ir.Block) {
	b := fn.b
	b.Kind = ir.BlockIf
	b.SetControl(c)
	b.AddEdge(t)
	b.AddEdge(f)
	fn.b = nil
}

func (fn *fn) ret(v *ir.Value) {
	if fn.instrument {
		fn.profileCall("__cyg_profile_func_exit") // after the value is computed, as gcc
	}
	fn.b.Kind = ir.BlockRet
	if v != nil {
		fn.b.SetControl(v)
	}
	fn.b = fn.f.NewBlock()
}

func (fn *fn) unreachable() {
	fn.b.Kind = ir.BlockUnreachable
	fn.b = fn.f.NewBlock()
}

// endStmt closes a block left open after a call to a noreturn function.
func (fn *fn) endStmt() {
	if fn.noreturn != nil && fn.noreturn == fn.b {
		fn.unreachable()
	}
	fn.noreturn = nil
}

func (fn *fn) label(name string) *ir.Block {
	b := fn.labels[name]
	if b == nil {
		b = fn.f.NewBlock()
		fn.labels[name] = b
	}
	return b
}

// Memory access.

// load reads a value of type t at addr; an aggregate's value is its address.
func (fn *fn) load(addr *ir.Value, t *ast.Type, volatile bool) *ir.Value {
	if inMemory(t) || t.Kind == ast.Func {
		return addr
	}
	if t.Kind == ast.Void {
		// *p for a (volatile) void *p: an expression of type void, with no object to
		// read (C11 6.3.2.2; gcc accesses nothing either).
		return nil
	}
	v := fn.op(ir.OpLoad, fn.g.scalarType(t), addr)
	if volatile || t.Qual&ast.Volatile != 0 {
		v.AuxInt = 1
	}
	return v
}

// store writes v (a scalar, or an aggregate's address) of type t at addr.
func (fn *fn) store(addr, v *ir.Value, t *ast.Type, volatile bool) {
	if inMemory(t) && isVariable(t) {
		// Run-time size (GNU C records with variably modified members): memmove.
		if v != addr {
			fn.g.refs["memmove"] = true
			c := fn.op(ir.OpCall, ir.Ptr, fn.addrOfSym("memmove"), addr, v, fn.sizeOf(t))
			c.Call = &ir.CallInfo{Ret: ir.Ptr, Params: []ir.Param{{Type: ir.Ptr}, {Type: ir.Ptr}, {Type: fn.g.intptr}}, NumFixed: 3}
			c.Sym = "memmove"
		}
		return
	}
	if inMemory(t) {
		if v != addr {
			c := fn.op(ir.OpCopy, ir.Void, addr, v)
			c.AuxInt = t.Size
		}
		return
	}
	s := fn.op(ir.OpStore, ir.Void, addr, v)
	if volatile || t.Qual&ast.Volatile != 0 {
		s.AuxInt = 1
	}
}

// offset returns addr + c.
func (fn *fn) offset(addr *ir.Value, c int64) *ir.Value {
	if c == 0 {
		return addr
	}
	return fn.op(ir.OpAdd, ir.Ptr, addr, fn.intptrConst(c))
}

// copyToTemp copies the aggregate at src to a fresh slot.
func (fn *fn) copyToTemp(src *ir.Value, t *ast.Type) *ir.Value {
	tmp := fn.tempSlot(t)
	fn.store(tmp, src, t, false)
	return tmp
}

// VLA support (C11 6.7.6.2p5: the size is evaluated when the declaration is reached).

// declareVLATypes evaluates the length of every variable-length array type in t and
// saves it in a slot, so later uses (sizeof, indexing) see the value of that moment.
func (fn *fn) declareVLATypes(t *ast.Type) {
	for t != nil {
		switch t.Kind {
		case ast.Array:
			fn.declareVLATypes(t.Base)
			if t.VLA && t.LenExpr != nil {
				if _, ok := fn.vlaLen[t.LenExpr]; !ok {
					slot := fn.newSlot(int64(fn.g.ptrSize), int64(fn.g.ptrSize), "")
					fn.vlaLen[t.LenExpr] = slot
				}
				n := fn.convert(fn.expr(t.LenExpr), t.LenExpr.Type(), fn.sizeType())
				fn.op(ir.OpStore, ir.Void, fn.vlaLen[t.LenExpr], n)
			}
			return
		case ast.Pointer:
			t = t.Base
		case ast.Struct, ast.Union:
			if isVariable(t) {
				for _, m := range t.Record.Members {
					fn.declareVLATypes(m.Type)
				}
			}
			return
		case ast.Func:
			return
		default:
			return
		}
	}
}

// alignUp rounds the intptr value v up to a multiple of a (a power of two).
func (fn *fn) alignUp(v *ir.Value, a int64) *ir.Value {
	if a <= 1 {
		return v
	}
	it := fn.g.intptr
	return fn.op(ir.OpAnd, it, fn.op(ir.OpAdd, it, v, fn.iconst(it, a-1)), fn.iconst(it, -a))
}

// recordLayout lays out a record with variably modified members at run time (GNU C):
// the offset of each member (nil for members at their static offset, before the first
// variable one) and the record's size.
func (fn *fn) recordLayout(t *ast.Type) ([]*ir.Value, *ir.Value) {
	it := fn.g.intptr
	ms := t.Record.Members
	offs := make([]*ir.Value, len(ms))
	var off *ir.Value // the end of the members so far, once one was variable
	size := fn.iconst(it, 0)
	for i, m := range ms {
		if t.Kind == ast.Union {
			offs[i] = fn.iconst(it, 0)
			sz := fn.sizeOf(m.Type)
			size = fn.op(ir.OpSelect, it, fn.op(ir.OpLtU, ir.I32, size, sz), sz, size)
			continue
		}
		if off == nil && !isVariable(m.Type) {
			continue
		}
		if off == nil {
			off = fn.iconst(it, m.Offset)
		} else {
			off = fn.alignUp(off, max(m.Align, 1))
		}
		offs[i] = off
		off = fn.op(ir.OpAdd, it, off, fn.sizeOf(m.Type))
	}
	if t.Kind != ast.Union {
		size = off
	}
	return offs, fn.alignUp(size, max(t.Align, 1))
}

// memberOffset returns the byte offset of member m of record type t as an intptr value.
func (fn *fn) memberOffset(t *ast.Type, m *ast.Member) *ir.Value {
	if t != nil && isVariable(t) {
		offs, _ := fn.recordLayout(t)
		for i, x := range t.Record.Members {
			if x == m && offs[i] != nil {
				return offs[i]
			}
		}
	}
	return fn.intptrConst(m.Offset)
}

// sizeType is the C type size_t for this target (an unsigned integer of pointer size).
func (fn *fn) sizeType() *ast.Type {
	if fn.g.ptrSize == 8 {
		return &ast.Type{Kind: ast.ULong, Size: 8, Align: 8}
	}
	return &ast.Type{Kind: ast.UInt, Size: 4, Align: 4}
}

// sizeOf returns sizeof(t) as an intptr value, computed at run time for VLAs.
func (fn *fn) sizeOf(t *ast.Type) *ir.Value {
	if !isVariable(t) {
		return fn.intptrConst(t.Size)
	}
	if t.Kind == ast.Struct || t.Kind == ast.Union {
		_, size := fn.recordLayout(t)
		return size
	}
	elem := fn.sizeOf(t.Base)
	var n *ir.Value
	if t.VLA && t.LenExpr != nil {
		if slot, ok := fn.vlaLen[t.LenExpr]; ok {
			n = fn.op(ir.OpLoad, fn.g.intptr, slot)
		} else if slot := fn.foreignVLALen(t.LenExpr); slot != nil {
			n = fn.op(ir.OpLoad, fn.g.intptr, slot)
		} else {
			n = fn.convert(fn.expr(t.LenExpr), t.LenExpr.Type(), fn.sizeType())
		}
	} else {
		n = fn.intptrConst(t.Len)
	}
	return fn.op(ir.OpMul, fn.g.intptr, n, elem)
}

func (fn *fn) pos() diag.Pos { return fn.at }

// runCleanups calls the cleanup functions of the variables in fn.cleanups[mark:],
// innermost first (GCC manual, "cleanup" variable attribute). Only normal exits from a
// scope and break, continue and return run them; goto out of a scope does not.
func (fn *fn) runCleanups(mark int) {
	for i := len(fn.cleanups) - 1; i >= mark; i-- {
		o := fn.cleanups[i]
		c := o.Cleanup
		ci := &ir.CallInfo{Params: []ir.Param{{Type: ir.Ptr}}, NumFixed: 1}
		if ft := c.Type; ft != nil && ft.Kind == ast.Func && ft.Base != nil && ft.Base.Kind != ast.Void && !byValueAgg(ft.Base) {
			ci.Ret = fn.g.scalarType(ft.Base)
		}
		v := fn.op(ir.OpCall, ci.Ret, fn.objAddress(c), fn.localAddr(o))
		v.Call = ci
		v.Sym = fn.g.ref(c)
	}
}

// profileCall emits the -finstrument-functions hook call name(this_fn, call_site)
// (gcc's void __cyg_profile_func_enter/exit(void *, void *)), call_site being the
// function's return address.
func (fn *fn) profileCall(name string) {
	fn.g.refs[name] = true
	this := fn.addrOfSym(fn.g.ref(fn.def.Obj)) // the code itself, also for a nested function (not its trampoline)
	site := fn.op(ir.OpRetAddr, ir.Ptr)
	c := fn.op(ir.OpCall, ir.Void, fn.addrOfSym(name), this, site)
	c.Call = &ir.CallInfo{Ret: ir.Void, Params: []ir.Param{{Type: ir.Ptr}, {Type: ir.Ptr}}, NumFixed: 2}
	c.Sym = name
}
