// Package irgen lowers a translation unit checked by sema to gocc's SSA IR (package ir).
//
// The lowering is deliberately simple: every local and parameter gets a stack slot
// accessed with Load/Store (mem2reg in opt promotes them), aggregates (struct, union,
// array, complex, vector) are always handled through their address, and the calling
// convention is left to the backend, which reads each call's ir.CallInfo.
//
// Shapes the backend and optimizer can rely on (beyond ir/op.go):
//   - A value of aggregate C type is represented by its address (Ptr). Aggregate call
//     arguments are pointers to a fresh temporary copy the callee may clobber; an
//     aggregate result is written by the callee through the last argument (a pointer to a
//     fresh slot), CallInfo.RetAgg is set and the call's Type is Void.
//   - A function returning an aggregate ends in BlockRet whose Control points to the
//     value (Func.RetAgg set, Func.Ret Void); the backend copies it to the caller's buffer.
//   - Pointer arithmetic: OpAdd/OpSub of Type Ptr with Args[0] Ptr and Args[1] an
//     integer of pointer size (I64, or I32 on 32-bit targets), already scaled.
//     Pointer differences and pointer<->integer conversions use OpBitcast Ptr<->intptr.
//   - Null pointers are OpConst of Type Ptr with AuxInt 0.
//   - Calls to functions without a prototype are marked Variadic with NumFixed equal to
//     the number of arguments (so x86-64 sets %al, and no argument is treated as variadic).
//   - Switch: Cases hold each value truncated to the width of Control's type and then
//     sign-extended if the C type is signed, zero-extended otherwise. GNU case ranges are
//     tested with compare chains before the BlockSwitch.
//   - Labels as values: OpBlockAddr's AuxInt is a block ID; BlockIndirectJump's Succs are
//     every address-taken label of the function. Addresses of labels in static data
//     (static void *t[] = {&&l}) are Relocs against the symbol ir.BlockLabel(func, id);
//     the backend must define that label at the block, and passes must neither remove
//     nor renumber such blocks.
//   - Inline asm: Args are the output addresses (one per output, "+" outputs included:
//     the backend loads the initial value itself) followed by the inputs; an input whose
//     constraint allows only memory ("m", "o", "V") is passed as its address, others as
//     values (aggregate inputs as addresses). AsmOperand.Type is the scalar type (Ptr for
//     aggregates), Size the C operand's size.
//   - Comparisons produce I32; floating comparisons use the signed ops (LtS…);
//     BlockIf controls are always I32 comparison results.
//   - _Bool values are I8 holding 0 or 1.
//   - Integer<->floating conversions never have an operand or result narrower than I32
//     (irgen extends or truncates around them).
//   - After a call to a noreturn function (CallInfo.NoReturn), the block ends in
//     BlockUnreachable at the end of the enclosing statement if control is still in it.
//     Code after return/goto/break goes to fresh blocks without predecessors; values in
//     such unreachable blocks may use values of other blocks that do not dominate them,
//     so passes should drop unreachable blocks before checking dominance.
//   - Every local and scalar parameter has a Slot; a slot's OpSlot value is created once,
//     at the head of the entry block. Aggregate parameters use OpParam's pointer directly.
//   - VLAs: OpAlloca (I64 size, AuxInt alignment) each time the declaration is reached;
//     the stack is not released at the end of the block.
//   - GNU C nested functions (nested.go): a function containing nested ones keeps a
//     frame block slot filled in a block of its own right after the entry code; a nested
//     function's OpChain (entry block) is its parent's frame block; direct calls of a
//     nested function pass it as the last argument with CallInfo.Chain; its address is a
//     trampoline slot in its parent's frame, written by OpTrampoline in that block. A
//     function that nested functions goto calls __gocc_builtin_setjmp there (ReturnsTwice)
//     and dispatches the resumption with a BlockSwitch to the target labels.
package irgen

import (
	"fmt"
	"sort"
	"strings"

	"gocc/ast"
	"gocc/diag"
	"gocc/ir"
	"gocc/target"
)

// gen holds the state of one module's generation.
type gen struct {
	t       *target.Target
	diags   *diag.List
	m       *ir.Module
	ptrSize int
	intptr  ir.Type // the integer type of pointer size

	// refs are the symbols referenced, with whether each is a function; defs the symbols
	// defined here.
	refs map[string]bool
	defs map[string]bool
	// strs deduplicates string literals used in functions: content key -> symbol.
	strs map[string]string
	nstr int
	// labelBlocks maps a function's Object and a label name to its block, for
	// ConstLabelAddr relocations resolved after the functions are generated.
	labelBlocks map[*ast.Object]map[string]*ir.Block
	funcs       map[*ast.Object]*ir.Func
	// takenLabels are the labels whose address appears in static initializers, per function.
	takenLabels        map[*ast.Object]map[string]bool
	pendingLabelRelocs []labelReloc
	instrument         bool // -finstrument-functions (ast.File.InstrumentFunctions)
	// nestedDefs are the GNU C nested functions by Object (nested.go).
	nestedDefs map[*ast.Object]*ast.FuncDef
}

type labelReloc struct {
	g     *ir.Global
	idx   int // index in g.Relocs
	fn    *ast.Object
	label string
	sub   string // label difference: the subtracted label (ir.Reloc.Sub), or ""
}

// Generate lowers a checked translation unit to IR.
func Generate(f *ast.File, t *target.Target, diags *diag.List) *ir.Module {
	g := &gen{
		t:           t,
		diags:       diags,
		m:           &ir.Module{PtrSize: t.Pointer.Size, Externs: map[string]bool{}},
		ptrSize:     t.Pointer.Size,
		instrument:  f.InstrumentFunctions,
		intptr:      intType(int64(t.Pointer.Size)),
		refs:        map[string]bool{},
		defs:        map[string]bool{},
		strs:        map[string]string{},
		labelBlocks: map[*ast.Object]map[string]*ir.Block{},
		funcs:       map[*ast.Object]*ir.Func{},
		takenLabels: map[*ast.Object]map[string]bool{},
		nestedDefs:  map[*ast.Object]*ast.FuncDef{},
	}
	for _, d := range f.Decls {
		if a, ok := d.(*ast.AsmStmt); ok {
			g.m.TopAsm = append(g.m.TopAsm, a.Template)
		}
	}
	// Labels whose address is stored in static data must be kept as jump targets.
	for _, o := range f.Objects {
		for _, e := range o.Init {
			if e.Const != nil && (e.Const.Kind == ast.ConstLabelAddr || e.Const.Kind == ast.ConstLabelDiff) && e.Const.Func != nil {
				m := g.takenLabels[e.Const.Func]
				if m == nil {
					m = map[string]bool{}
					g.takenLabels[e.Const.Func] = m
				}
				m[e.Const.Label] = true
				if e.Const.SubLabel != "" {
					m[e.Const.SubLabel] = true
				}
			}
		}
	}
	for _, fd := range f.Funcs {
		if fd.Parent != nil && fd.Obj != nil {
			g.nestedDefs[fd.Obj] = fd
		}
	}
	for _, fd := range f.Funcs {
		if fd.Obj == nil || !fd.Obj.Defined {
			continue // C99 inline definition not to be emitted (sema)
		}
		if fd.Parent != nil {
			continue // generated within its parent (nested.go)
		}
		g.function(fd, nil)
	}
	seen := map[*ast.Object]bool{}
	for _, o := range f.Objects {
		if seen[o] {
			continue
		}
		seen[o] = true
		g.object(o)
	}
	for _, r := range g.pendingLabelRelocs {
		for i, l := range []string{r.label, r.sub} {
			if l == "" {
				continue
			}
			b := g.labelBlocks[r.fn][l]
			if b == nil {
				g.diags.Errorf(r.fn.Pos, "label '%s' used in a static initializer is not defined in '%s'", l, r.fn.Name)
				continue
			}
			if i == 0 {
				r.g.Relocs[r.idx].Sym = ir.BlockLabel(g.funcs[r.fn], b.ID)
			} else {
				r.g.Relocs[r.idx].Sub = ir.BlockLabel(g.funcs[r.fn], b.ID)
			}
		}
	}
	names := make([]string, 0, len(g.refs))
	for n := range g.refs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if !g.defs[n] && !strings.HasPrefix(n, ".L") {
			g.m.Externs[n] = g.refs[n]
		}
	}
	return g.m
}

func linkage(o *ast.Object) ir.Linkage {
	switch {
	case o.Weak:
		return ir.Weak
	case o.Linkage == ast.Internal || o.Linkage == ast.NoLinkage:
		return ir.Internal
	}
	return ir.External
}

// ref records a reference to o's symbol.
func (g *gen) ref(o *ast.Object) string {
	name := o.LinkName
	if name == "" {
		name = o.Name
	}
	if _, ok := g.refs[name]; !ok || o.Kind == ast.ObjFunc {
		g.refs[name] = o.Kind == ast.ObjFunc
	}
	return name
}

// object emits one entity with static storage duration: a variable definition, a
// string literal, or an alias; functions come from File.Funcs.
func (g *gen) object(o *ast.Object) {
	name := o.LinkName
	if name == "" {
		name = o.Name
	}
	if o.Alias != "" {
		g.defs[name] = true
		g.refs[o.Alias] = o.Kind == ast.ObjFunc
		g.m.Globals = append(g.m.Globals, &ir.Global{
			Name: name, Linkage: linkage(o), Alias: o.Alias, Visibility: o.Visibility, Used: o.Used,
		})
		return
	}
	if o.Kind == ast.ObjFunc && o.Defined {
		return // emitted from File.Funcs
	}
	if !o.Defined && o.Str == nil {
		if o.Weak && (o.Kind == ast.ObjVar || o.Kind == ast.ObjFunc) || o.TLSModel != "" && o.ThreadLocal {
			// An undefined weak reference still needs ".weak name"; the backend needs the
			// TLS model of a thread-local variable defined elsewhere.
			lk := ir.External
			if o.Weak {
				lk = ir.Weak
			}
			gl := &ir.Global{Name: name, Linkage: lk, Extern: true, TLS: o.ThreadLocal, Visibility: o.Visibility, TLSModel: o.TLSModel}
			if o.Kind == ast.ObjVar {
				gl.Size, gl.Align = o.Type.Size, o.Type.Align
			}
			g.m.Globals = append(g.m.Globals, gl)
		}
		return
	}
	if o.Kind != ast.ObjVar {
		return
	}
	if g.defs[name] {
		return
	}
	g.defs[name] = true
	align := o.Type.Align
	if o.Align > align {
		align = o.Align
	}
	if align < 1 {
		align = 1
	}
	if g.t.Arch == target.AMD64 && o.Type.Kind == ast.Array && o.Type.Size >= 16 && align < 16 {
		// x86-64 psABI 3.1.2: an array variable of at least 16 bytes is 16-byte
		// aligned; code compiled elsewhere may rely on it (aligned SSE accesses).
		align = 16
	}
	gl := &ir.Global{
		Name: name, Linkage: linkage(o), Size: o.Type.Size, Align: align,
		TLS: o.ThreadLocal, Section: o.Section, Visibility: o.Visibility, Used: o.Used,
		TLSModel: o.TLSModel,
	}
	if o.Str != nil {
		gl.IsString = true
		gl.ReadOnly = true
		gl.Linkage = ir.Internal
	}
	if gl.Size < 0 {
		gl.Size = 0
	}
	g.globalData(gl, o)
	// A tentative definition keeps a nil Init (sema gives an initialized object a
	// non-nil, possibly empty, list).
	gl.Tentative = o.Init == nil && o.Str == nil && gl.Linkage == ir.External && !o.ThreadLocal && o.Section == ""
	if o.Str == nil && isConstObject(o.Type) && len(gl.Relocs) == 0 && !o.ThreadLocal {
		gl.ReadOnly = true
	}
	g.m.Globals = append(g.m.Globals, gl)
}

// isConstObject reports whether an object of type t is const-qualified throughout
// (an array of const elements is const, C11 6.7.3p9).
func isConstObject(t *ast.Type) bool {
	for t.Kind == ast.Array {
		if t.Qual&ast.Const != 0 {
			return true
		}
		t = t.Base
	}
	if t.Qual&ast.Volatile != 0 {
		return false
	}
	if t.Qual&ast.Const != 0 {
		if t.IsRecord() && t.Record != nil && hasMutableMember(t.Record) {
			return false
		}
		return true
	}
	return false
}

func hasMutableMember(r *ast.Record) bool {
	for _, m := range r.Members {
		if m.Type.Qual&ast.Volatile != 0 {
			return true
		}
		if m.Type.IsRecord() && m.Type.Record != nil && hasMutableMember(m.Type.Record) {
			return true
		}
	}
	return false
}

// stringGlobal returns the symbol of a read-only global holding literal s with its
// terminating zero, deduplicated by content.
func (g *gen) stringGlobal(s *ast.StringLit, elem int64) string {
	data := stringBytes(s, elem, -1, g.t.BigEndian)
	key := fmt.Sprintf("%d:%s", elem, data)
	if name, ok := g.strs[key]; ok {
		return name
	}
	name := fmt.Sprintf(".L.str.%d", g.nstr)
	g.nstr++
	g.strs[key] = name
	g.defs[name] = true
	g.m.Globals = append(g.m.Globals, &ir.Global{
		Name: name, Linkage: ir.Internal, Size: int64(len(data)), Align: elem,
		Data: data, ReadOnly: true, IsString: true,
	})
	return name
}

// stringBytes encodes literal s as units of elem bytes including the terminating zero,
// limited to n bytes if n >= 0 (C11 6.7.9p14: the zero is dropped if it does not fit).
func stringBytes(s *ast.StringLit, elem int64, n int64, bigEndian bool) []byte {
	var out []byte
	if s.Wide == nil && (s.Prefix == ast.PrefixNone || s.Prefix == ast.PrefixU8 || elem == 1) {
		out = append(append(out, s.Bytes...), 0)
	} else {
		units := append(append([]uint32(nil), s.Wide...), 0)
		if s.Wide == nil {
			units = nil
			for _, c := range string(s.Bytes) {
				units = append(units, uint32(c))
			}
			units = append(units, 0)
		}
		for _, u := range units {
			b := make([]byte, elem)
			putUint(b, uint64(u), bigEndian)
			out = append(out, b...)
		}
	}
	if n >= 0 && int64(len(out)) > n {
		out = out[:n]
	}
	return out
}

// putUint stores the low len(b) bytes of v in the target's byte order.
func putUint(b []byte, v uint64, bigEndian bool) {
	for i := range b {
		sh := uint(i) * 8
		var byt byte
		if sh < 64 {
			byt = byte(v >> sh)
		}
		if bigEndian {
			b[len(b)-1-i] = byt
		} else {
			b[i] = byt
		}
	}
}
