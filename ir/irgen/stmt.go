package irgen

import (
	"strings"

	"gocc/ast"
	"gocc/ir"
)

func (fn *fn) block(b *ast.Block) {
	if b == nil {
		return
	}
	mark := len(fn.cleanups)
	for _, s := range b.Items {
		fn.stmt(s)
	}
	fn.runCleanups(mark)
	fn.cleanups = fn.cleanups[:mark]
}

// stmt lowers one statement (C11 6.8).
func (fn *fn) stmt(s ast.Stmt) {
	if s == nil {
		return
	}
	if p := s.Position(); p.Line != 0 {
		fn.line = p.Line
		fn.at = p
	}
	defer fn.endStmt()
	switch s := s.(type) {
	case *ast.Block:
		fn.block(s)
	case *ast.DeclStmt:
		for _, d := range s.Decls {
			fn.decl(d)
		}
	case *ast.ExprStmt:
		if s.X != nil {
			fn.expr(s.X)
		}
	case *ast.Empty, *ast.StaticAssert:
	case *ast.IfStmt:
		then, end := fn.f.NewBlock(), fn.f.NewBlock()
		els := end
		if s.Else != nil {
			els = fn.f.NewBlock()
		}
		fn.cond(s.Cond, then, els)
		fn.startBlock(then)
		fn.stmt(s.Then)
		fn.jump(end)
		if s.Else != nil {
			fn.startBlock(els)
			fn.stmt(s.Else)
			fn.jump(end)
		}
	case *ast.WhileStmt:
		head, body, end := fn.f.NewBlock(), fn.f.NewBlock(), fn.f.NewBlock()
		fn.jump(head)
		fn.cond(s.Cond, body, end)
		fn.startBlock(body)
		fn.loopBody(s.Body, end, head)
		fn.jump(head)
		fn.startBlock(end)
	case *ast.DoStmt:
		body, test, end := fn.f.NewBlock(), fn.f.NewBlock(), fn.f.NewBlock()
		fn.jump(body)
		fn.loopBody(s.Body, end, test)
		fn.jump(test)
		fn.cond(s.Cond, body, end)
		fn.startBlock(end)
	case *ast.ForStmt:
		if s.Init != nil {
			fn.stmt(s.Init)
		}
		head, body, post, end := fn.f.NewBlock(), fn.f.NewBlock(), fn.f.NewBlock(), fn.f.NewBlock()
		fn.jump(head)
		if s.Cond != nil {
			fn.cond(s.Cond, body, end)
			fn.startBlock(body)
		} else {
			fn.jump(body)
		}
		fn.loopBody(s.Body, end, post)
		fn.jump(post)
		if s.Post != nil {
			fn.expr(s.Post)
			fn.endStmt()
		}
		fn.jump(head)
		fn.startBlock(end)
	case *ast.SwitchStmt:
		fn.switchStmt(s)
	case *ast.CaseStmt:
		b := fn.caseBlocks[s]
		if b == nil {
			fn.g.diags.Errorf(s.Pos, "case label not within a switch statement")
			b = fn.f.NewBlock()
		}
		fn.jump(b)
		fn.stmt(s.Body)
	case *ast.DefaultStmt:
		b := fn.defaultBlock[s]
		if b == nil {
			fn.g.diags.Errorf(s.Pos, "'default' label not within a switch statement")
			b = fn.f.NewBlock()
		}
		fn.jump(b)
		fn.stmt(s.Body)
	case *ast.BreakStmt:
		if fn.breakTo == nil {
			fn.g.diags.Errorf(s.Pos, "break statement not within loop or switch")
			return
		}
		fn.runCleanups(fn.breakDepth)
		fn.jumpAway(fn.breakTo)
	case *ast.ContinueStmt:
		if fn.continueTo == nil {
			fn.g.diags.Errorf(s.Pos, "continue statement not within a loop")
			return
		}
		fn.runCleanups(fn.continueDepth)
		fn.jumpAway(fn.continueTo)
	case *ast.ReturnStmt:
		fn.returnStmt(s)
	case *ast.GotoStmt:
		if fn.nonLocalGoto(s.Label) {
			break
		}
		fn.jumpAway(fn.label(s.Label))
	case *ast.IndirectGoto:
		target := fn.expr(s.X)
		fn.b.Kind = ir.BlockIndirectJump
		fn.b.SetControl(target)
		fn.indirect = append(fn.indirect, fn.b)
		fn.b = fn.f.NewBlock()
	case *ast.LabeledStmt:
		fn.jump(fn.label(s.Label))
		fn.stmt(s.Body)
	case *ast.AsmStmt:
		fn.asmStmt(s)
	default:
		fn.g.diags.Errorf(s.Position(), "irgen: unsupported statement %T", s)
	}
}

func (fn *fn) loopBody(body ast.Stmt, brk, cont *ir.Block) {
	ob, oc, obd, ocd := fn.breakTo, fn.continueTo, fn.breakDepth, fn.continueDepth
	fn.breakTo, fn.continueTo = brk, cont
	fn.breakDepth, fn.continueDepth = len(fn.cleanups), len(fn.cleanups)
	fn.stmt(body)
	fn.breakTo, fn.continueTo, fn.breakDepth, fn.continueDepth = ob, oc, obd, ocd
}

func (fn *fn) returnStmt(s *ast.ReturnStmt) {
	if s.X == nil {
		fn.runCleanups(0)
		if fn.f.Ret != ir.Void {
			fn.ret(fn.op(ir.OpUndef, fn.f.Ret))
			return
		}
		if fn.f.RetAgg != nil {
			fn.ret(fn.tempSlot(fn.retType))
			return
		}
		fn.ret(nil)
		return
	}
	v := fn.expr(s.X)
	if fn.varRet != nil {
		fn.returnVariable(v)
		return
	}
	if fn.retType.Kind == ast.Void || v == nil {
		fn.runCleanups(0)
		fn.ret(nil)
		return
	}
	if fn.f.RetAgg == nil && s.X.Type() != nil && !sameScalar(fn.g, s.X.Type(), fn.retType) {
		v = fn.convert(v, s.X.Type(), fn.retType)
	}
	if len(fn.cleanups) > 0 && fn.f.RetAgg != nil {
		v = fn.copyToTemp(v, fn.retType) // the value is read before cleanups run
	}
	fn.runCleanups(0)
	fn.ret(v)
}

func sameScalar(g *gen, a, b *ast.Type) bool {
	return g.scalarType(a) == g.scalarType(b) && a.IsFloat() == b.IsFloat()
}

// switchStmt lowers a switch (C11 6.8.4.2): GNU case ranges are tested first with
// compare chains, then one BlockSwitch dispatches the single values.
func (fn *fn) switchStmt(s *ast.SwitchStmt) {
	xt := s.X.Type()
	v := fn.expr(s.X)
	it := fn.g.scalarType(xt)
	signed := fn.g.isSigned(xt)
	end := fn.f.NewBlock()
	for _, c := range s.Cases {
		fn.caseBlocks[c] = fn.f.NewBlock()
	}
	dflt := end
	if s.Default != nil {
		dflt = fn.f.NewBlock()
		fn.defaultBlock[s.Default] = dflt
	}
	for _, c := range s.Cases {
		if c.Hi == nil {
			continue
		}
		// lo <= v && v <= hi  as  (v - lo) <=u (hi - lo)
		lo := normCase(c.LoVal, it, signed)
		diff := fn.op(ir.OpSub, it, v, fn.iconst(it, lo))
		t := fn.op(ir.OpLeU, ir.I32, diff, fn.iconst(it, normCase(c.HiVal, it, signed)-lo))
		next := fn.f.NewBlock()
		fn.branch(t, fn.caseBlocks[c], next)
		fn.startBlock(next)
	}
	b := fn.b
	n := 0
	for _, c := range s.Cases {
		if c.Hi == nil {
			n++
		}
	}
	if n == 0 {
		fn.jump(dflt)
	} else {
		b.Kind = ir.BlockSwitch
		b.SetControl(v)
		for _, c := range s.Cases {
			if c.Hi == nil {
				b.Cases = append(b.Cases, normCase(c.LoVal, it, signed))
				b.AddEdge(fn.caseBlocks[c])
			}
		}
		b.AddEdge(dflt)
	}
	fn.b = fn.f.NewBlock()
	ob, obd := fn.breakTo, fn.breakDepth
	fn.breakTo, fn.breakDepth = end, len(fn.cleanups)
	fn.stmt(s.Body)
	fn.breakTo, fn.breakDepth = ob, obd
	fn.jump(end)
}

// normCase truncates c to the width of t and extends it back per signedness.
func normCase(c int64, t ir.Type, signed bool) int64 {
	bits := uint(64)
	switch t {
	case ir.I8:
		bits = 8
	case ir.I16:
		bits = 16
	case ir.I32:
		bits = 32
	}
	if bits == 64 {
		return c
	}
	sh := 64 - bits
	if signed {
		return c << sh >> sh
	}
	return int64(uint64(c) << sh >> sh)
}

// decl lowers a block-scope declaration.
func (fn *fn) decl(d *ast.Decl) {
	if d.Pos.Line != 0 {
		fn.line = d.Pos.Line
	}
	if d.Storage == ast.Typedef {
		fn.declareVLATypes(d.Type)
		return
	}
	if d.Body != nil {
		fn.nestedFuncDecl(d)
		return
	}
	o := d.Obj
	if o == nil && d.Type != nil && (d.Type.Kind == ast.Struct || d.Type.Kind == ast.Union) {
		// A tag declaration: the sizes of variably modified members are evaluated here.
		fn.declareVLATypes(d.Type)
	}
	if o == nil || o.Kind != ast.ObjVar || o.Global || d.Storage == ast.Extern {
		return
	}
	fn.declareVLATypes(o.Type)
	if o.VLA || isVariable(o.Type) {
		size := fn.sizeOf(o.Type)
		align := o.Type.Align
		if o.Align > align {
			align = o.Align
		}
		if align < 16 {
			align = 16
		}
		p, ok := fn.vlaPtr[o]
		if !ok {
			p = fn.newSlot(int64(fn.g.ptrSize), int64(fn.g.ptrSize), o.Name)
			fn.vlaPtr[o] = p
		}
		fn.vlaAlloc(o, p, fn.toI64(size), align)
		return
	}
	if d.Inits != nil || d.Init != nil {
		fn.initLocal(fn.localAddr(o), o.Type, d.Inits)
	} else {
		fn.localAddr(o)
	}
	if o.Cleanup != nil {
		fn.cleanups = append(fn.cleanups, o)
	}
}

// toI64 widens an intptr value to I64 (OpAlloca's operand type).
func (fn *fn) toI64(v *ir.Value) *ir.Value {
	if v.Type == ir.I64 {
		return v
	}
	return fn.op(ir.OpZExt, ir.I64, v)
}

// initLocal stores a flattened initializer into an automatic object: zero-fill unless
// the entries cover every byte (C11 6.7.9p21), then each entry in order.
func (fn *fn) initLocal(addr *ir.Value, t *ast.Type, entries []*ast.InitEntry) {
	if !coversAll(entries, t.Size) {
		z := fn.op(ir.OpZero, ir.Void, addr)
		z.AuxInt = t.Size
	}
	for _, e := range entries {
		p := fn.offset(addr, e.Offset)
		if s, ok := e.Value.(*ast.StringLit); ok && e.Type.Kind == ast.Array {
			elem := int64(1)
			if e.Type.Base != nil && e.Type.Base.Size > 0 {
				elem = e.Type.Base.Size
			}
			n := stringLen(s, elem)
			if e.Type.Size >= 0 && n > e.Type.Size {
				n = e.Type.Size
			}
			if n > 0 {
				src := fn.addrOfSym(fn.g.stringGlobal(s, elem))
				c := fn.op(ir.OpCopy, ir.Void, p, src)
				c.AuxInt = n
			}
			continue
		}
		if e.Field != nil {
			v := fn.expr(e.Value)
			fn.storeBitField(p, e.Field, fn.convert(v, e.Value.Type(), e.Field.Type), false)
			continue
		}
		v := fn.expr(e.Value)
		if vt := e.Value.Type(); vt != nil && !inMemory(e.Type) {
			v = fn.convert(v, vt, e.Type)
		}
		fn.store(p, v, e.Type, false)
	}
}

// stringLen is the size in bytes of a literal with its terminating zero.
func stringLen(s *ast.StringLit, elem int64) int64 {
	if s.Wide != nil {
		return int64(len(s.Wide)+1) * elem
	}
	if elem == 1 {
		return int64(len(s.Bytes) + 1)
	}
	return int64(len([]rune(string(s.Bytes)))+1) * elem
}

// coversAll reports whether the entries initialize every byte of an object of size n
// without bit-fields (which need the zero-filled unit).
func coversAll(entries []*ast.InitEntry, n int64) bool {
	var next int64
	for _, e := range entries {
		if e.Field != nil || e.Offset != next || e.Type.Size <= 0 {
			return false
		}
		if s, ok := e.Value.(*ast.StringLit); ok && e.Type.Kind == ast.Array {
			elem := int64(1)
			if e.Type.Base != nil && e.Type.Base.Size > 0 {
				elem = e.Type.Base.Size
			}
			if stringLen(s, elem) < e.Type.Size {
				return false
			}
		}
		next += e.Type.Size
	}
	return next == n
}

// asmStmt lowers a basic or extended asm statement (GNU C).
func (fn *fn) asmStmt(s *ast.AsmStmt) {
	info := &ir.AsmInfo{Template: s.Template, Clobbers: s.Clobbers, Volatile: s.Volatile || len(s.Outputs) == 0, Basic: s.Basic}
	var args []*ir.Value
	for _, o := range s.Outputs {
		lv := fn.lvalue(o.X)
		if lv.bf != nil {
			fn.g.diags.Errorf(o.Pos, "asm output operand is a bit-field")
		}
		t := o.X.Type()
		info.Outputs = append(info.Outputs, ir.AsmOperand{Name: o.Name, Constraint: o.Constraint, Type: fn.g.scalarType(t), Size: t.Size})
		args = append(args, lv.addr)
	}
	for _, in := range s.Inputs {
		t := in.X.Type()
		var v *ir.Value
		if memOnly(in.Constraint) && !inMemory(t) {
			v = fn.lvalue(in.X).addr
		} else {
			v = fn.expr(in.X)
		}
		info.Inputs = append(info.Inputs, ir.AsmOperand{Name: in.Name, Constraint: in.Constraint, Type: fn.g.scalarType(t), Size: t.Size})
		args = append(args, v)
	}
	v := fn.op(ir.OpInlineAsm, ir.Void, args...)
	v.Asm = info
	if s.Goto || len(s.Labels) > 0 {
		fn.asmGoto(s, v)
	}
}

// memOnly reports whether an asm constraint allows only a memory operand.
func memOnly(c string) bool {
	mem := false
	for _, r := range c {
		switch {
		case strings.ContainsRune("moV", r):
			mem = true
		case strings.ContainsRune("=+&%<>", r):
		default:
			return false
		}
	}
	return mem
}

// vlaAlloc allocates the storage of VLA o each time its declaration is reached and
// stores its address in slot p. Stack space is only released on return, so when the
// declaration is reached again (a loop, or a goto back before it: C11 6.2.4p7 ends the
// previous instance's lifetime, and at most one instance per declaration and frame is
// alive) the previous block is reused if it is large enough; otherwise a block of
// max(size, 2*previous) bytes is allocated, which bounds the stack such a loop uses
// (gcc releases it instead).
func (fn *fn) vlaAlloc(o *ast.Object, p, size *ir.Value, align int64) {
	c, ok := fn.vlaCap[o]
	if !ok {
		a := fn.op(ir.OpAlloca, ir.Ptr, size)
		a.AuxInt = align
		fn.op(ir.OpStore, ir.Void, p, a)
		return
	}
	alloc, done := fn.f.NewBlock(), fn.f.NewBlock()
	cur := fn.op(ir.OpLoad, ir.I64, c)
	// The first time (cur == 0) always allocates, also for a zero size.
	first := fn.op(ir.OpEq, ir.I32, cur, fn.iconst(ir.I64, 0))
	fn.branch(fn.op(ir.OpOr, ir.I32, fn.op(ir.OpLtU, ir.I32, cur, size), first), alloc, done)
	fn.startBlock(alloc)
	twice := fn.op(ir.OpAdd, ir.I64, cur, cur)
	n := fn.op(ir.OpSelect, ir.I64, fn.op(ir.OpLtU, ir.I32, size, twice), twice, size)
	a := fn.op(ir.OpAlloca, ir.Ptr, n)
	a.AuxInt = align
	fn.op(ir.OpStore, ir.Void, p, a)
	fn.op(ir.OpStore, ir.Void, c, n)
	fn.jump(done)
}
