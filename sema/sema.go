// Package sema type-checks a translation unit and completes the syntax tree in place
// for code generation (see package ast for every field marked "(sema)").
//
// One pass over File.Decls in source order does everything: it binds identifiers to
// Objects through a chain of scopes (C11 6.2.1), resolves and lays out types for the
// target (C11 6.2.5, 6.7.2.1; System V / gcc record layout), checks expressions and
// inserts the implicit conversions as *ast.Cast nodes (C11 6.3, 6.5), folds integer
// constant expressions (C11 6.6), flattens initializers (C11 6.7.9) and checks
// statements (C11 6.8). Every size, alignment and signedness fact comes from the
// *target.Target; nothing here assumes x86-64.
package sema

import (
	"fmt"
	"strings"

	"gocc/ast"
	"gocc/diag"
	"gocc/target"
)

// Check type-checks f in place for target t (see package ast for what it fills in).
func Check(f *ast.File, t *target.Target, diags *diag.List) {
	c := newChecker(f, t, diags)
	for _, n := range f.Decls {
		if diags.TooMany() {
			break
		}
		switch n := n.(type) {
		case *ast.Decl:
			c.fileDecl(n)
		case *ast.StaticAssert:
			c.staticAssert(n)
		case *ast.AsmStmt:
			// Top-level asm: nothing to check.
		}
	}
	c.finishFile()
}

// scope is one level of ordinary-identifier scope (C11 6.2.1). Tags are resolved by
// the parser (every use of a tag shares the *ast.Record), so only ordinary identifiers
// live here.
type scope struct {
	parent *scope
	names  map[string]*ast.Object
}

func (s *scope) lookup(name string) *ast.Object {
	for ; s != nil; s = s.parent {
		if o, ok := s.names[name]; ok {
			return o
		}
	}
	return nil
}

// funcCtx is the state of the function definition being checked.
type funcCtx struct {
	def      *ast.FuncDef
	returns  bool // a return statement was seen (for -Wreturn-type)
	bareRet  bool // a return statement without a value was seen
	calls    bool // a function call was seen (for -Wreturn-type)
	ret      *ast.Type
	name     string
	labels   map[string]*ast.LabeledStmt
	gotos    map[string]diag.Pos
	loops    int // enclosing loops
	breaks   int // enclosing loops and switches
	switches []*ast.SwitchStmt
	caseVals []map[int64]bool
	// parent is the enclosing function's context while a GNU C nested function is
	// checked (sema/nested.go), nil otherwise.
	parent *funcCtx
	// localLabels are the names declared with __label__ in the blocks enclosing the
	// point being checked, innermost last (sema/nested.go).
	localLabels []string
	// localLabelNames holds, parallel to localLabels, the name each local label has
	// in the AST handed on: a label declared with __label__ is scoped to its block
	// (GCC manual, "Local Labels"), so a macro using one can be expanded twice in a
	// function (Linux's wait_event) and the function may have an ordinary label of
	// the same name. Each declaration gets its own name, "name.N", which no C
	// identifier can collide with.
	localLabelNames []string
	// locals are the variables declared in the function that -Wunused-variable and
	// -Wunused-but-set-variable look at, in declaration order (sema/unused.go).
	locals     []*ast.Object
	labelDecls int // __label__ declarations so far
}

// labelName maps a label name written in the source at the point being checked to
// its name in the AST: that of the innermost __label__ declaration of it in this
// function or, when outer is set, in an enclosing one (a nested function may jump
// to its parent's local labels), else name itself.
func (f *funcCtx) labelName(name string, outer bool) string {
	for ; f != nil; f = f.parent {
		for i := len(f.localLabels) - 1; i >= 0; i-- {
			if f.localLabels[i] == name {
				return f.localLabelNames[i]
			}
		}
		if !outer {
			break
		}
	}
	return name
}

// sourceLabel is the name a label had in the source (see funcCtx.localLabelNames).
func sourceLabel(name string) string {
	if i := strings.IndexByte(name, '.'); i >= 0 {
		return name[:i]
	}
	return name
}

// pushLocalLabels enters the scope of the labels a block declares with __label__;
// the returned function leaves it.
func (c *checker) pushLocalLabels(labels []string) (pop func()) {
	f := c.fn
	n := len(f.localLabels)
	for _, name := range labels {
		f.labelDecls++
		f.localLabels = append(f.localLabels, name)
		f.localLabelNames = append(f.localLabelNames, fmt.Sprintf("%s.%d", name, f.labelDecls))
	}
	return func() {
		f.localLabels = f.localLabels[:n]
		f.localLabelNames = f.localLabelNames[:n]
	}
}

// checker holds the state of one Check call; there is no package-level mutable state.
type checker struct {
	t     *target.Target
	diags *diag.List
	file  *ast.File

	fileScope *scope
	scope     *scope
	fn        *funcCtx
	// decideConstantP: a constant is required here (__builtin_choose_expr's
	// condition), so __builtin_constant_p of a non-constant is 0 now, not left to the
	// optimizer.
	decideConstantP bool

	// linkObjs holds every entity with linkage by name, so that block-scope extern
	// declarations and later file-scope ones find the same Object (C11 6.2.2p4).
	linkObjs map[string]*ast.Object
	// tentative file-scope variables to complete at the end (C11 6.9.2).
	tentative []*ast.Object
	// objDecls remembers, per object with linkage, whether every file-scope declaration
	// said inline and whether any said extern (C11 6.7.4p7).
	inlineInfo map[*ast.Object]*inlineState

	// Type resolution state.
	resolved     map[*ast.Type]bool
	resolvedList []*ast.Type
	recState     map[*ast.Record]uint8 // 1 in progress, 2 laid out
	// recDefined: records whose definition (the ast.Type with Defines) has been checked;
	// only those are laid out, so a member's array size is evaluated in the scope of the
	// definition, not of an earlier "struct s *p" (C11 6.7.2.1p8, 6.2.1p7).
	recDefined   map[*ast.Record]bool
	stringObjs   map[stringKey]*ast.Object // see stringObj
	unevaluated  int                       // > 0 inside the operand of sizeof, _Alignof or typeof
	inStaticInit bool                      // evaluating a static initializer's constant (constObjectValue)
	// assignTarget is the identifier a '=' whose value is discarded assigns, while its
	// left operand is checked (ast.Object.Assigned); discarded is the expression
	// statement being checked.
	assignTarget *ast.Ident
	discarded    ast.Expr
	// implicitLib: library functions declared implicitly with their builtin prototype.
	implicitLib map[*ast.Object]bool
	// implicitFn: every function declared implicitly by a call (C90 6.3.2.2).
	implicitFn map[*ast.Object]bool
	// enumPending: types of enums used before their definition, sized by defineEnum.
	enumPending map[*ast.EnumDef][]*ast.Type
	enumsSeen   map[*ast.EnumDef]bool

	builtinObjs map[string]*ast.Object
	// initCache memoizes checked initializer expressions so GNU range designators do not
	// check the same node twice.
	initCache map[ast.Expr]ast.Expr
	// bfWidth records the precision of arithmetic results computed in the width of a
	// bit-field wider than int (gcc: "unsigned long long:40" arithmetic), see fieldArith.
	bfWidth map[ast.Expr]int

	staticCount int

	// Basic types, resolved for the target.
	types   [ast.Unknown + 1]*ast.Type
	voidPtr *ast.Type
	charPtr *ast.Type
	sizeT   *ast.Type
	ptrdiff *ast.Type
	vaList  *ast.Type
}

type inlineState struct {
	allInline   bool
	anyExtern   bool
	gnuInline   bool
	definedHere bool
	// alwaysInline: the always_inline attribute. gcc inlines every call of such a
	// function even at -O0, so a C99 inline definition that provides no external
	// definition is still used for the calls in this file.
	alwaysInline bool
}

func newChecker(f *ast.File, t *target.Target, diags *diag.List) *checker {
	c := &checker{
		t: t, diags: diags, file: f,
		linkObjs:    map[string]*ast.Object{},
		inlineInfo:  map[*ast.Object]*inlineState{},
		resolved:    map[*ast.Type]bool{},
		recState:    map[*ast.Record]uint8{},
		recDefined:  map[*ast.Record]bool{},
		enumPending: map[*ast.EnumDef][]*ast.Type{},
		stringObjs:  map[stringKey]*ast.Object{},
		implicitLib: map[*ast.Object]bool{},
		implicitFn:  map[*ast.Object]bool{},
		enumsSeen:   map[*ast.EnumDef]bool{},
		builtinObjs: map[string]*ast.Object{},
		initCache:   map[ast.Expr]ast.Expr{},
		bfWidth:     map[ast.Expr]int{},
	}
	c.fileScope = &scope{names: map[string]*ast.Object{}}
	c.scope = c.fileScope
	for k := ast.Void; k <= ast.Unknown; k++ {
		ty := &ast.Type{Kind: k}
		c.setBasicSize(ty)
		c.types[k] = ty
	}
	c.voidPtr = c.pointerTo(c.types[ast.Void])
	c.charPtr = c.pointerTo(c.types[ast.Char])
	c.sizeT = c.types[c.kindNamed(t.SizeType)]
	c.ptrdiff = c.types[c.kindNamed(t.PtrdiffType)]
	c.vaList = c.buildVaList()
	return c
}

// kindNamed maps the target's C type names for size_t and friends to kinds.
func (c *checker) kindNamed(name string) ast.TypeKind {
	switch name {
	case "int":
		return ast.Int
	case "unsigned int":
		return ast.UInt
	case "long int":
		return ast.Long
	case "long unsigned int":
		return ast.ULong
	case "long long int":
		return ast.LongLong
	case "long long unsigned int":
		return ast.ULongLong
	}
	return ast.ULong
}

func (c *checker) errorf(pos diag.Pos, format string, args ...any) {
	c.diags.Add(&diag.Diagnostic{Pos: pos, Severity: diag.Error, Msg: fmt.Sprintf(format, args...), Func: c.funcName()})
}

func (c *checker) warnf(pos diag.Pos, format string, args ...any) {
	c.diags.Add(&diag.Diagnostic{Pos: pos, Severity: diag.Warning, Msg: fmt.Sprintf(format, args...), Func: c.funcName()})
}

// warnOpt reports a warning that the gcc warning option name (without "-W")
// controls (diag.WarnOpt).
func (c *checker) warnOpt(pos diag.Pos, name, format string, args ...any) {
	if d := c.diags.WarnOpt(pos, name, format, args...); d != nil {
		d.Func = c.funcName()
	}
}

// funcName is the name of the function being checked, "" at file scope.
func (c *checker) funcName() string {
	if c.fn == nil {
		return ""
	}
	return c.fn.name
}

func (c *checker) pushScope() {
	c.scope = &scope{parent: c.scope, names: map[string]*ast.Object{}}
}

func (c *checker) popScope() { c.scope = c.scope.parent }

// declareIn binds name in s.
func (c *checker) declareIn(s *scope, name string, o *ast.Object) {
	if name != "" {
		s.names[name] = o
	}
}

// addGlobal appends a static-storage object to File.Objects once.
func (c *checker) addGlobal(o *ast.Object) {
	c.file.Objects = append(c.file.Objects, o)
}

// uniqueName returns a fresh assembler-level name for a static local or literal.
func (c *checker) uniqueName(base string) string {
	c.staticCount++
	return fmt.Sprintf("%s.%d", base, c.staticCount)
}

// finishFile completes tentative definitions (C11 6.9.2p2), checks inline emission
// (C11 6.7.4p7) and re-synchronizes sizes of types completed after first use.
func (c *checker) finishFile() {
	for _, ty := range c.resolvedList {
		c.resolveSize(ty)
	}
	for _, o := range c.tentative {
		if o.Defined {
			continue
		}
		o.Defined = true
		if o.Type.Kind == ast.Array && o.Type.Len < 0 {
			c.warnf(o.Pos, "array '%s' assumed to have one element", o.Name)
			nt := *o.Type
			nt.Len = 1
			o.Type = &nt
			c.resolveSize(o.Type)
		}
		if o.Type.Size < 0 && o.Type.Kind != ast.Array {
			c.errorf(o.Pos, "storage size of '%s' isn't known", o.Name)
		}
	}
	for o, st := range c.inlineInfo {
		if o.Kind != ast.ObjFunc || !st.definedHere || o.Linkage != ast.External {
			continue
		}
		// gnu_inline on an extern inline definition, or a C99 inline definition (every
		// file-scope declaration inline, none extern), provides no external definition.
		if c.file.GNU89Inline {
			st.gnuInline = true
		}
		if (st.gnuInline && st.anyExtern) || (!st.gnuInline && st.allInline && !st.anyExtern && o.Name != "main") {
			if st.alwaysInline && !st.gnuInline {
				// Calls use the C99 inline definition (C11 6.7.4p7 lets them): a local
				// copy stands in for the inlining gcc always does. (gnu_inline ones,
				// like glibc's fortify wrappers, keep calling the external function.)
				o.Linkage = ast.Internal
			} else {
				o.Defined = false
			}
		}
	}
	c.markLibraryFuncs()
}
