package sema

import (
	"maps"
	"slices"

	"gocc/ast"
	"gocc/diag"
)

// declType resolves a declaration's type, applying the type attributes written on the
// declaration itself (mode, vector_size) to a private copy.
func (c *checker) declType(d *ast.Decl) {
	if d.Type == nil {
		d.Type = c.types[ast.Int]
	}
	// A typedef's type already carries the declaration's attributes (parser); for other
	// declarations, type attributes written on the declaration apply to a private copy.
	if ta := typeAttrsOf(d.Attrs); len(ta) > 0 && d.Storage != ast.Typedef {
		nt := *d.Type
		nt.Attrs = append(append([]*ast.Attr(nil), d.Type.Attrs...), ta...)
		d.Type = &nt
	}
	if d.Type.Kind == ast.Typeof && d.Init != nil && d.Type.TypeofExpr == d.Init {
		// __auto_type: the type of the initializer after lvalue conversion and decay
		// (the parser makes the initializer the Typeof operand).
		ce := c.rvalue(d.Init)
		c.initCache[d.Init] = ce
		c.initCache[ce] = ce
		nt := ce.Type().Unqual()
		if d.Type.Qual != 0 {
			nt = nt.WithQual(d.Type.Qual)
		}
		d.Type = nt
	}
	c.resolveType(d.Type)
	if hasAttr(d.Attrs, "packed") && d.Type.IsRecord() && d.Storage == ast.Typedef {
		d.Type.Record.Packed = true
	}
}

// fileDecl handles an external declaration (C11 6.9).
func (c *checker) fileDecl(d *ast.Decl) {
	if d.Body != nil {
		c.funcDef(d)
		return
	}
	c.declType(d)
	if d.Name == "" || d.Storage == ast.Typedef {
		return
	}
	if d.Storage == ast.Register && d.AsmName != "" && d.Type.Kind != ast.Func {
		c.globalRegVar(d)
		return
	}
	if d.Storage == ast.Auto || d.Storage == ast.Register {
		c.errorf(d.Pos, "file-scope declaration of '%s' specifies '%s'", d.Name, map[ast.Storage]string{ast.Auto: "auto", ast.Register: "register"}[d.Storage])
	}
	o := c.linkDecl(d, true)
	if o == nil {
		return
	}
	if o.Kind == ast.ObjFunc {
		return
	}
	switch {
	case d.Init != nil:
		if d.Storage == ast.Extern {
			c.warnf(d.Pos, "'%s' initialized and declared 'extern'", d.Name)
		}
		if o.Defined && o.Init != nil {
			c.errorf(d.Pos, "redefinition of '%s'", d.Name)
		}
		c.initObject(d, o, true)
		o.Defined = true
	case d.Storage != ast.Extern:
		c.tentative = append(c.tentative, o)
	}
}

// linkDecl finds or creates the Object of a declaration with linkage (C11 6.2.2) and
// merges the declaration into it: composite type (C11 6.2.7), attributes, inline state.
func (c *checker) linkDecl(d *ast.Decl, fileScope bool) *ast.Object {
	isFunc := d.Type.Kind == ast.Func
	kind := ast.ObjVar
	if isFunc {
		kind = ast.ObjFunc
	}
	var prev *ast.Object
	if p := c.scope.lookup(d.Name); p != nil && p.Linkage != ast.NoLinkage {
		prev = p
	} else if p := c.linkObjs[d.Name]; p != nil {
		prev = p
	}
	if fileScope {
		if p := c.fileScope.names[d.Name]; p != nil && p.Linkage == ast.NoLinkage {
			c.errorf(d.Pos, "'%s' redeclared as different kind of symbol", d.Name)
			return nil
		}
	}
	linkage := ast.External
	if d.Storage == ast.Static {
		linkage = ast.Internal
	} else if prev != nil && (d.Storage == ast.Extern || isFunc) {
		linkage = prev.Linkage
	}
	if prev != nil {
		if prev.Kind != kind {
			c.errorf(d.Pos, "'%s' redeclared as different kind of symbol", d.Name)
			return nil
		}
		if implicitIntOverVoid(prev, d) {
			// "static void f(int); ... f(int x) {...}": gcc warns and keeps the void
			// return type of the earlier declaration.
			c.warnf(d.Pos, "conflicting types for '%s'", d.Name)
			nt := *d.Type
			nt.Base = prev.Type.Base
			d.Type = &nt
		}
		if !c.compatible(prev.Type, d.Type) && c.implicitFn[prev] && isFunc {
			// gcc only warns when the earlier declaration was an implicit one, and the
			// function takes the declared type from here on.
			c.warnf(d.Pos, "conflicting types for '%s'; have '%s'", d.Name, typeString(d.Type))
			prev.Type = d.Type
		} else if !c.compatible(prev.Type, d.Type) {
			c.errorf(d.Pos, "conflicting types for '%s'; have '%s'", d.Name, typeString(d.Type))
		} else {
			prev.Type = c.composite(prev.Type, d.Type)
		}
		if linkage == ast.Internal && prev.Linkage == ast.External {
			if isFunc {
				c.errorf(d.Pos, "static declaration of '%s' follows non-static declaration", d.Name)
			} else {
				c.errorf(d.Pos, "static declaration of '%s' follows non-static declaration", d.Name)
			}
		} else if linkage == ast.External && prev.Linkage == ast.Internal && !isFunc && d.Storage == ast.StorageNone {
			c.errorf(d.Pos, "non-static declaration of '%s' follows static declaration", d.Name)
		}
	}
	o := prev
	if o == nil {
		o = &ast.Object{Kind: kind, Name: d.Name, Pos: d.Pos, Type: d.Type, Linkage: linkage,
			Global: true, LinkName: d.Name, Constructor: -1, Destructor: -1}
		c.linkObjs[d.Name] = o
		c.addGlobal(o)
		if isFunc {
			c.inlineInfo[o] = &inlineState{allInline: true}
		}
	}
	if d.AsmName != "" {
		o.LinkName = d.AsmName
	}
	if d.ThreadLocal {
		o.ThreadLocal = true
	}
	if d.Noreturn {
		o.Noreturn = true
	}
	if d.Inline {
		o.Inline = true
	}
	if isFunc && fileScope {
		st := c.inlineInfo[o]
		if st != nil {
			if !d.Inline {
				st.allInline = false
			}
			if d.Storage == ast.Extern {
				st.anyExtern = true
			}
		}
	}
	c.declAttrs(o, d.Attrs)
	if o.Type.Qual&ast.Volatile != 0 {
		o.Volatile = true
	}
	d.Obj = o
	c.declareIn(c.scope, d.Name, o)
	return o
}

// funcDef checks a function definition (C11 6.9.1).
func (c *checker) funcDef(d *ast.Decl) {
	parent := c.fn // non-nil for a GNU C nested function (sema/nested.go)
	ft := d.Type
	if ft.Kind != ast.Func {
		c.errorf(d.Pos, "expected function definition")
		return
	}
	def := &ast.FuncDef{Decl: d, Body: d.Body}
	c.fn = &funcCtx{def: def, name: d.Name, labels: map[string]*ast.LabeledStmt{}, gotos: map[string]diag.Pos{}, parent: parent}
	// Parameters are declared in the function's outermost block scope (C11 6.2.1p4);
	// their types are resolved there so that VLA bounds refer to earlier parameters.
	outer := c.scope
	c.pushScope()
	funcScope := c.scope
	var promoted [][2]*ast.Object // K&R float parameters: incoming double, named float
	params := d.Params
	if len(params) == 0 && len(ft.Params) > 0 {
		for _, p := range ft.Params {
			params = append(params, &ast.Decl{Pos: p.Pos, Name: p.Name, Type: p.Type})
		}
		d.Params = params
	}
	for i, p := range params {
		if p.Type == nil {
			p.Type = c.types[ast.Int]
		}
		c.resolveType(p.Type)
		if t := p.Type; t.Kind == ast.Array && t.VLA && t.LenExpr != nil {
			def.ParamSizes = append(def.ParamSizes, t.LenExpr)
		}
		p.Type = c.adjustParam(p.Type)
		if i < len(ft.Params) {
			ft.Params[i].Type = p.Type
		}
		o := &ast.Object{Kind: ast.ObjVar, Name: p.Name, Pos: p.Pos, Type: p.Type, Param: true,
			Constructor: -1, Destructor: -1}
		if p.Type.Qual&ast.Volatile != 0 {
			o.Volatile = true
		}
		if p.Type.IsAggregate() {
			o.AddrTaken = true
		}
		c.declAttrs(o, p.Attrs)
		p.Obj = o
		c.declareIn(funcScope, p.Name, o)
		if ft.OldStyle && p.Type.Kind == ast.Float {
			// A K&R float parameter arrives as a double (default argument promotion,
			// C11 6.5.2.2p6, 6.9.1p10): the incoming parameter is an unnamed double and
			// the named float is a local initialized from it at entry.
			in := &ast.Object{Kind: ast.ObjVar, Pos: p.Pos, Type: c.types[ast.Double], Param: true,
				Constructor: -1, Destructor: -1}
			def.Params = append(def.Params, in)
			def.Locals = append(def.Locals, o)
			o.Param = false
			if i < len(ft.Params) {
				ft.Params[i].Type = c.types[ast.Double]
			}
			promoted = append(promoted, [2]*ast.Object{in, o})
			continue
		}
		def.Params = append(def.Params, o)
	}
	if ft.OldStyle && len(ft.Params) == 0 && len(params) > 0 {
		for _, p := range params {
			ft.Params = append(ft.Params, &ast.Param{Pos: p.Pos, Name: p.Name, Type: p.Type})
		}
	}
	// Declare the function itself at file scope.
	c.scope = outer
	var o *ast.Object
	if parent != nil {
		o = c.nestedFuncObj(d, def)
	} else {
		c.declType(d)
		ft = d.Type // a copy when attributes changed it ("vector float f(void) {...}")
		o = c.linkDecl(d, true)
	}
	c.scope = funcScope
	if o == nil {
		c.scope = outer
		c.fn = parent
		return
	}
	if o.Defined && o.Kind == ast.ObjFunc && c.inlineInfo[o] != nil && c.inlineInfo[o].definedHere {
		c.errorf(d.Pos, "redefinition of '%s'", d.Name)
	}
	o.Defined = true
	if st := c.inlineInfo[o]; st != nil {
		st.definedHere = true
		if hasAttr(d.Attrs, "gnu_inline") {
			st.gnuInline = true
		}
	}
	def.Obj = o
	ret := ft.Base
	c.resolveType(ret)
	c.fn.ret = ret
	if ret.Kind == ast.Array || ret.Kind == ast.Func {
		c.errorf(d.Pos, "function '%s' returns an array or function", d.Name)
	}
	c.blockItems(d.Body)
	if len(promoted) > 0 {
		var inits []ast.Stmt
		for _, pr := range promoted {
			id := &ast.Ident{Name: pr[1].Name, Obj: pr[0]}
			id.Pos, id.Ty = pr[1].Pos, pr[0].Type
			v := c.convert(id, pr[1].Type)
			dcl := &ast.Decl{Pos: pr[1].Pos, Name: pr[1].Name, Type: pr[1].Type, Obj: pr[1], Init: v,
				Inits: []*ast.InitEntry{{Type: pr[1].Type, Value: v}}}
			inits = append(inits, &ast.DeclStmt{StmtBase: ast.StmtBase{Pos: pr[1].Pos}, Decls: []*ast.Decl{dcl}})
		}
		d.Body.Items = append(inits, d.Body.Items...)
	}
	for _, name := range slices.Sorted(maps.Keys(c.fn.gotos)) { // sorted: deterministic output
		pos := c.fn.gotos[name]
		if c.fn.labels[name] == nil && !c.nonLocalLabel(name) {
			c.errorf(pos, "label '%s' used but not defined", sourceLabel(name))
		}
	}
	c.unusedWarnings()
	// The middle end never sees an inline function that is not emitted, and gcc
	// does not always give a nested one's flow warnings: no "control reaches end"
	// for either.
	// Nor (as gcc) for a function taking a label's address, or one with an
	// implicit int return type or internal linkage and no return statement
	// (torture compile pr40570).
	unseen := d.Inline || parent != nil || def.HasLabelAddr
	noFlow := unseen || (d.ImplicitInt || o.Linkage == ast.Internal) && !c.fn.returns
	c.returnTypeWarning(def, ret, d.Name, d.ImplicitInt || o.Noreturn || o.Linkage != ast.Internal || unseen, noFlow)
	c.scope = outer
	c.fn = parent
	c.file.Funcs = append(c.file.Funcs, def)
}

// localDecl handles a declaration inside a block (C11 6.7, 6.2.2p4-6).
func (c *checker) localDecl(d *ast.Decl) {
	if d.Body != nil {
		c.funcDef(d) // GNU C nested function
		return
	}
	if d.Storage == ast.Auto && d.Type.Kind == ast.Func {
		c.nestedFuncDecl(d)
		return
	}
	c.declType(d)
	if d.Name == "" || d.Storage == ast.Typedef {
		return
	}
	if d.Storage == ast.Extern || d.Type.Kind == ast.Func && d.Storage != ast.Static {
		if d.Init != nil {
			c.errorf(d.Pos, "'%s' has both 'extern' and initializer", d.Name)
		}
		c.linkDecl(d, false)
		return
	}
	o := &ast.Object{Kind: ast.ObjVar, Name: d.Name, Pos: d.Pos, Type: d.Type,
		ThreadLocal: d.ThreadLocal, Constructor: -1, Destructor: -1}
	if d.Type.Qual&ast.Volatile != 0 {
		o.Volatile = true
	}
	if isVariablyModified(d.Type) {
		o.VLA = d.Type.Kind == ast.Array
	}
	d.Obj = o
	c.declAttrs(o, d.Attrs)
	c.declareIn(c.scope, d.Name, o)
	if !hasAttr(d.Attrs, "unused") && !hasAttr(d.Attrs, "used") && !hasAttr(d.Attrs, "cleanup") && !o.Volatile {
		c.fn.locals = append(c.fn.locals, o)
	}
	if d.Storage == ast.Static {
		if d.Type.Kind == ast.Func {
			c.errorf(d.Pos, "invalid storage class for function '%s'", d.Name)
		}
		o.Global = true
		o.LinkName = c.uniqueName(d.Name)
		o.Defined = true
		if isVariablyModified(d.Type) {
			c.errorf(d.Pos, "storage size of '%s' isn't constant", d.Name)
		}
		c.addGlobal(o)
		if d.Init != nil {
			c.initObject(d, o, true)
		}
		if o.Type.Size < 0 {
			c.errorf(d.Pos, "storage size of '%s' isn't known", d.Name)
		}
		return
	}
	if d.ThreadLocal {
		c.errorf(d.Pos, "function-scope '%s' implicitly auto and declared '__thread'", d.Name)
	}
	if d.Type.IsAggregate() {
		o.AddrTaken = true
	}
	c.fn.def.Locals = append(c.fn.def.Locals, o)
	if d.Init != nil {
		if o.VLA {
			c.errorf(d.Pos, "variable-sized object may not be initialized")
		}
		c.initObject(d, o, false)
	}
	if o.Type.Size < 0 && !o.VLA && o.Type.Kind != ast.Void {
		c.errorf(d.Pos, "storage size of '%s' isn't known", d.Name)
	}
}

// variableRecord reports whether t is a struct or union with a member of variable size
// (GNU C), directly or through nested records; its size is computed at run time.
func variableRecord(t *ast.Type) bool {
	if t == nil || (t.Kind != ast.Struct && t.Kind != ast.Union) || t.Record == nil {
		return false
	}
	for _, m := range t.Record.Members {
		mt := m.Type
		for mt != nil && mt.Kind == ast.Array {
			if mt.VLA {
				return true
			}
			mt = mt.Base
		}
		if variableRecord(mt) {
			return true
		}
	}
	return false
}

func isVariablyModified(t *ast.Type) bool {
	for ; t != nil; t = t.Base {
		if t.Kind == ast.Array && t.VLA {
			return true
		}
		if t.Kind != ast.Array && t.Kind != ast.Pointer {
			return false
		}
	}
	return false
}

// initObject flattens d.Init for o (C11 6.7.9); static selects constant evaluation.
func (c *checker) initObject(d *ast.Decl, o *ast.Object, static bool) {
	entries, ty := c.initializer(o.Type, d.Init, static, o.Name)
	if ty != o.Type {
		o.Type = ty
		d.Type = ty
	}
	d.Inits = entries
	if d.Inits == nil {
		d.Inits = []*ast.InitEntry{}
	}
	if static {
		o.Init = d.Inits
	}
}

// implicitIntOverVoid reports whether d defines, with an implicit int return type, a
// function that prev declared as returning void (K&R code; gcc accepts it with a
// warning, the definition then returns void).
func implicitIntOverVoid(prev *ast.Object, d *ast.Decl) bool {
	return d.ImplicitInt && d.Body != nil && prev.Kind == ast.ObjFunc && d.Type.Kind == ast.Func &&
		prev.Type.Kind == ast.Func && prev.Type.Base != nil && prev.Type.Base.Kind == ast.Void &&
		d.Type.Base != nil && d.Type.Base.Kind == ast.Int
}
