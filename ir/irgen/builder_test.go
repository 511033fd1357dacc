package irgen

// A tiny builder of checked ASTs, standing in for the front end in unit tests: it fills
// in what sema would (types, objects, layouts, explicit conversions).

import (
	"testing"

	"gocc/ast"
	"gocc/diag"
	"gocc/ir"
	"gocc/ir/interp"
	"gocc/target"
)

var (
	tVoid  = &ast.Type{Kind: ast.Void, Size: 1, Align: 1}
	tBool  = &ast.Type{Kind: ast.Bool, Size: 1, Align: 1}
	tChar  = &ast.Type{Kind: ast.Char, Size: 1, Align: 1}
	tUChar = &ast.Type{Kind: ast.UChar, Size: 1, Align: 1}
	tShort = &ast.Type{Kind: ast.Short, Size: 2, Align: 2}
	tInt   = &ast.Type{Kind: ast.Int, Size: 4, Align: 4}
	tUInt  = &ast.Type{Kind: ast.UInt, Size: 4, Align: 4}
	tLong  = &ast.Type{Kind: ast.Long, Size: 8, Align: 8}
	tULong = &ast.Type{Kind: ast.ULong, Size: 8, Align: 8}
	tDbl   = &ast.Type{Kind: ast.Double, Size: 8, Align: 8}
	tLDbl  = &ast.Type{Kind: ast.LongDouble, Size: 16, Align: 16}
)

func ptrTo(t *ast.Type) *ast.Type { return &ast.Type{Kind: ast.Pointer, Base: t, Size: 8, Align: 8} }
func arrayOf(t *ast.Type, n int64) *ast.Type {
	return &ast.Type{Kind: ast.Array, Base: t, Len: n, Size: n * t.Size, Align: t.Align}
}
func funcOf(ret *ast.Type, params ...*ast.Type) *ast.Type {
	ft := &ast.Type{Kind: ast.Func, Base: ret, Size: 1, Align: 1}
	for _, p := range params {
		ft.Params = append(ft.Params, &ast.Param{Type: p})
	}
	return ft
}

func local(name string, t *ast.Type) *ast.Object {
	return &ast.Object{Kind: ast.ObjVar, Name: name, Type: t, Constructor: -1, Destructor: -1}
}
func global(name string, t *ast.Type) *ast.Object {
	return &ast.Object{Kind: ast.ObjVar, Name: name, LinkName: name, Type: t, Global: true, Linkage: ast.External, Defined: true, Constructor: -1, Destructor: -1}
}

func id(o *ast.Object) *ast.Ident {
	return &ast.Ident{ExprBase: ast.ExprBase{Ty: o.Type}, Name: o.Name, Obj: o}
}
func lit(v int64, t *ast.Type) *ast.IntLit {
	return &ast.IntLit{ExprBase: ast.ExprBase{Ty: t}, Value: uint64(v)}
}
func bin(op ast.BinaryOp, x, y ast.Expr, t *ast.Type) *ast.Binary {
	return &ast.Binary{ExprBase: ast.ExprBase{Ty: t}, Op: op, X: x, Y: y}
}
func set(l, r ast.Expr) *ast.Assign {
	return &ast.Assign{ExprBase: ast.ExprBase{Ty: l.Type()}, Simple: true, L: l, R: r}
}
func opSet(op ast.BinaryOp, l, r ast.Expr, ot *ast.Type) *ast.Assign {
	return &ast.Assign{ExprBase: ast.ExprBase{Ty: l.Type()}, Op: op, L: l, R: r, OpType: ot}
}
func conv(x ast.Expr, t *ast.Type) *ast.Cast {
	return &ast.Cast{ExprBase: ast.ExprBase{Ty: t}, Kind: ast.CastImplicit, To: t, X: x}
}
func decay(x ast.Expr) *ast.Cast {
	t := ptrTo(x.Type().Base)
	return &ast.Cast{ExprBase: ast.ExprBase{Ty: t}, Kind: ast.CastDecay, To: t, X: x}
}
func un(op ast.UnaryOp, x ast.Expr, t *ast.Type) *ast.Unary {
	return &ast.Unary{ExprBase: ast.ExprBase{Ty: t}, Op: op, X: x, OpType: t}
}
func index(p, i ast.Expr) *ast.Index {
	return &ast.Index{ExprBase: ast.ExprBase{Ty: p.Type().Base}, X: p, I: i}
}
func member(x ast.Expr, m *ast.Member) *ast.MemberExpr {
	return &ast.MemberExpr{ExprBase: ast.ExprBase{Ty: m.Type}, X: x, Name: m.Name, Path: []*ast.Member{m}}
}
func ret(x ast.Expr) *ast.ReturnStmt { return &ast.ReturnStmt{X: x} }
func do(x ast.Expr) *ast.ExprStmt    { return &ast.ExprStmt{X: x} }
func declare(o *ast.Object, init ast.Expr) *ast.DeclStmt {
	d := &ast.Decl{Name: o.Name, Type: o.Type, Obj: o}
	if init != nil {
		d.Init = init
		d.Inits = []*ast.InitEntry{{Offset: 0, Type: o.Type, Value: init}}
	}
	return &ast.DeclStmt{Decls: []*ast.Decl{d}}
}
func body(items ...ast.Stmt) *ast.Block { return &ast.Block{Items: items} }

// funcDef makes a function definition with parameters params.
func funcDef(name string, ret *ast.Type, params []*ast.Object, b *ast.Block) *ast.FuncDef {
	var pts []*ast.Type
	for _, p := range params {
		p.Param = true
		pts = append(pts, p.Type)
	}
	o := &ast.Object{Kind: ast.ObjFunc, Name: name, LinkName: name, Type: funcOf(ret, pts...), Global: true,
		Linkage: ast.External, Defined: true, Constructor: -1, Destructor: -1}
	return &ast.FuncDef{Obj: o, Params: params, Body: b}
}

// generate lowers the definitions for x86-64 and verifies the module.
func generate(t *testing.T, objs []*ast.Object, fds ...*ast.FuncDef) *ir.Module {
	t.Helper()
	tgt, _ := target.New("x86_64")
	var diags diag.List
	f := &ast.File{Funcs: fds, Objects: objs}
	for _, fd := range fds {
		f.Objects = append(f.Objects, fd.Obj)
	}
	m := Generate(f, tgt, &diags)
	for _, d := range diags.Diags {
		t.Errorf("diagnostic: %v", d)
	}
	if err := ir.VerifyModule(m); err != nil {
		t.Fatalf("verify: %v\n%s", err, m)
	}
	return m
}

// run executes function name of m with integer arguments.
func run(t *testing.T, m *ir.Module, name string, args ...uint64) uint64 {
	t.Helper()
	for _, f := range m.Funcs {
		if f.Name == name {
			r, err := interp.Run(f, args, interp.NewMemory(1<<16, 0), 100000)
			if err != nil {
				t.Fatalf("run %s: %v\n%s", name, err, f)
			}
			return r
		}
	}
	t.Fatalf("no function %s", name)
	return 0
}
