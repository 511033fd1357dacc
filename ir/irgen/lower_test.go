package irgen

import (
	"bytes"
	"testing"

	"gocc/ast"
	"gocc/ir"
)

// int sum(int n) { int s = 0; for (int i = 1; i <= n; i++) s += i; return s; }
func TestLoopSum(t *testing.T) {
	n, s, i := local("n", tInt), local("s", tInt), local("i", tInt)
	loop := &ast.ForStmt{
		Init: declare(i, lit(1, tInt)),
		Cond: bin(ast.Le, id(i), id(n), tInt),
		Post: un(ast.PostInc, id(i), tInt),
		Body: do(opSet(ast.Add, id(s), id(i), tInt)),
	}
	fd := funcDef("sum", tInt, []*ast.Object{n}, body(declare(s, lit(0, tInt)), loop, ret(id(s))))
	m := generate(t, nil, fd)
	for _, c := range []struct{ n, want uint64 }{{0, 0}, {1, 1}, {10, 55}} {
		if got := run(t, m, "sum", c.n); got != c.want {
			t.Errorf("sum(%d) = %d, want %d", c.n, got, c.want)
		}
	}
}

// struct { int a:3; unsigned b:5; int c; } v;
// int bf(void) { v.a = -3; v.b = 31; v.c = v.b; v.b += 2; return v.a*100 + v.b + v.c*1000; }
func TestBitFields(t *testing.T) {
	ma := &ast.Member{Name: "a", Type: tInt, IsBitField: true, BitWidth: 3}
	mb := &ast.Member{Name: "b", Type: tUInt, IsBitField: true, BitWidth: 5, BitOffset: 3}
	mc := &ast.Member{Name: "c", Type: tInt, Offset: 4}
	st := &ast.Type{Kind: ast.Struct, Size: 8, Align: 4, Record: &ast.Record{Members: []*ast.Member{ma, mb, mc}, Complete: true, Size: 8, Align: 4}}
	v := local("v", st)
	fd := funcDef("bf", tInt, nil, body(
		declare(v, nil),
		do(set(member(id(v), ma), lit(-3, tInt))),
		do(set(member(id(v), mb), lit(31, tUInt))),
		do(set(member(id(v), mc), conv(member(id(v), mb), tInt))),
		do(opSet(ast.Add, member(id(v), mb), lit(2, tUInt), tUInt)),
		ret(bin(ast.Add,
			bin(ast.Add, bin(ast.Mul, member(id(v), ma), lit(100, tInt), tInt), conv(member(id(v), mb), tInt), tInt),
			bin(ast.Mul, member(id(v), mc), lit(1000, tInt), tInt), tInt)),
	))
	m := generate(t, nil, fd)
	// b wraps to 1 (5 bits): -300 + 1 + 31000
	if got := int32(run(t, m, "bf")); got != 30701 {
		t.Errorf("bf() = %d, want 30701", got)
	}
}

// int sw(int x) { switch (x) { case 1: return 10; case 2 ... 5: return 20; case -1: x = 7; default: return x; } }
func TestSwitchRanges(t *testing.T) {
	x := local("x", tInt)
	c1 := &ast.CaseStmt{Lo: lit(1, tInt), LoVal: 1, Body: ret(lit(10, tInt))}
	c2 := &ast.CaseStmt{Lo: lit(2, tInt), Hi: lit(5, tInt), LoVal: 2, HiVal: 5, Body: ret(lit(20, tInt))}
	c3 := &ast.CaseStmt{Lo: lit(-1, tInt), LoVal: -1, Body: do(set(id(x), lit(7, tInt)))}
	d := &ast.DefaultStmt{Body: ret(id(x))}
	sw := &ast.SwitchStmt{X: id(x), Body: body(c1, c2, c3, d), Cases: []*ast.CaseStmt{c1, c2, c3}, Default: d}
	m := generate(t, nil, funcDef("sw", tInt, []*ast.Object{x}, body(sw)))
	for _, c := range []struct{ x, want int32 }{{1, 10}, {2, 20}, {5, 20}, {6, 6}, {0, 0}, {-1, 7}, {-5, -5}} {
		if got := int32(run(t, m, "sw", uint64(uint32(c.x)))); got != c.want {
			t.Errorf("sw(%d) = %d, want %d", c.x, got, c.want)
		}
	}
}

// int lg(int a, int b) { return (a > 0 && b > 0) ? a : (b || a); }
func TestLogicalAndConditional(t *testing.T) {
	a, b := local("a", tInt), local("b", tInt)
	e := &ast.Cond{ExprBase: ast.ExprBase{Ty: tInt},
		C:    bin(ast.LogAnd, bin(ast.Gt, id(a), lit(0, tInt), tInt), bin(ast.Gt, id(b), lit(0, tInt), tInt), tInt),
		Then: id(a),
		Else: bin(ast.LogOr, id(b), id(a), tInt)}
	m := generate(t, nil, funcDef("lg", tInt, []*ast.Object{a, b}, body(ret(e))))
	for _, c := range []struct{ a, b, want int32 }{{3, 4, 3}, {0, 4, 1}, {0, 0, 0}, {-1, 0, 1}} {
		if got := int32(run(t, m, "lg", uint64(uint32(c.a)), uint64(uint32(c.b)))); got != c.want {
			t.Errorf("lg(%d, %d) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// long pa(void) { int arr[4]; int *p = arr; p[2] = 7; arr[3] = 1; return *(p + 2) + (&arr[3] - p) + p[3]; }
func TestPointerArithmetic(t *testing.T) {
	arr, p := local("arr", arrayOf(tInt, 4)), local("p", ptrTo(tInt))
	pi := ptrTo(tInt)
	e := bin(ast.Add,
		bin(ast.Add,
			conv(un(ast.Deref, bin(ast.Add, id(p), lit(2, tLong), pi), tInt), tLong),
			bin(ast.Sub, un(ast.Addr, index(decay(id(arr)), lit(3, tLong)), pi), id(p), tLong), tLong),
		conv(index(id(p), lit(3, tLong)), tLong), tLong)
	fd := funcDef("pa", tLong, nil, body(
		declare(arr, nil),
		declare(p, decay(id(arr))),
		do(set(index(id(p), lit(2, tLong)), lit(7, tInt))),
		do(set(index(decay(id(arr)), lit(3, tLong)), lit(1, tInt))),
		ret(e)))
	m := generate(t, nil, fd)
	if got := run(t, m, "pa"); got != 11 {
		t.Errorf("pa() = %d, want 11", got)
	}
}

// unsigned ud(int x) { return (unsigned)x / 2 + (x >> 1) + (char)x; }  with signed char
func TestSignedness(t *testing.T) {
	x := local("x", tInt)
	e := bin(ast.Add,
		bin(ast.Add, bin(ast.Div, conv(id(x), tUInt), lit(2, tUInt), tUInt), conv(bin(ast.Shr, id(x), lit(1, tInt), tInt), tUInt), tUInt),
		conv(conv(conv(id(x), tChar), tInt), tUInt), tUInt)
	m := generate(t, nil, funcDef("ud", tUInt, []*ast.Object{x}, body(ret(e))))
	// x = -2: 0x7fffffff + 0xffffffff + 0xfffffffe = 0x7ffffffc (mod 2^32)
	if got := uint32(run(t, m, "ud", uint64(0xfffffffe))); got != 0x7ffffffc {
		t.Errorf("ud(-2) = %#x, want 0x7ffffffc", got)
	}
}

// _Bool conversions and ++ on _Bool: _Bool b = 5; b++; b--; int k = b; b--; return k*10 + b;
func TestBool(t *testing.T) {
	b, k := local("b", tBool), local("k", tInt)
	fd := funcDef("bo", tInt, nil, body(
		declare(b, conv(lit(5, tInt), tBool)),
		do(&ast.Unary{ExprBase: ast.ExprBase{Ty: tBool}, Op: ast.PostInc, X: id(b), OpType: tInt}),
		do(&ast.Unary{ExprBase: ast.ExprBase{Ty: tBool}, Op: ast.PostDec, X: id(b), OpType: tInt}),
		declare(k, conv(id(b), tInt)),
		do(&ast.Unary{ExprBase: ast.ExprBase{Ty: tBool}, Op: ast.PreDec, X: id(b), OpType: tInt}),
		ret(bin(ast.Add, bin(ast.Mul, id(k), lit(10, tInt), tInt), conv(id(b), tInt), tInt))))
	m := generate(t, nil, fd)
	// 5 -> 1; ++ -> 1; -- -> 0; k = 0; -- -> (0-1 != 0) = 1
	if got := run(t, m, "bo"); got != 1 {
		t.Errorf("bo() = %d, want 1", got)
	}
}

// Static data: int g[3] = {1, -2}; struct { char c; int x:4, y:4; } s = {'a', -1, 3}; int *pg = &g[1];
// long double ld = 1.0L; char str[6] = "hi";
func TestGlobalData(t *testing.T) {
	g := global("g", arrayOf(tInt, 3))
	g.Init = []*ast.InitEntry{
		{Offset: 0, Type: tInt, Const: &ast.ConstValue{Kind: ast.ConstInt, Int: 1}},
		{Offset: 4, Type: tInt, Const: &ast.ConstValue{Kind: ast.ConstInt, Int: -2}},
	}
	mx := &ast.Member{Name: "x", Type: tInt, IsBitField: true, BitWidth: 4, Offset: 0, BitOffset: 8}
	my := &ast.Member{Name: "y", Type: tInt, IsBitField: true, BitWidth: 4, Offset: 0, BitOffset: 12}
	st := &ast.Type{Kind: ast.Struct, Size: 4, Align: 4, Record: &ast.Record{Complete: true, Size: 4, Align: 4}}
	s := global("s", st)
	s.Init = []*ast.InitEntry{
		{Offset: 0, Type: tChar, Const: &ast.ConstValue{Kind: ast.ConstInt, Int: 'a'}},
		{Offset: 0, Type: tInt, Field: mx, Const: &ast.ConstValue{Kind: ast.ConstInt, Int: -1}},
		{Offset: 0, Type: tInt, Field: my, Const: &ast.ConstValue{Kind: ast.ConstInt, Int: 3}},
	}
	pg := global("pg", ptrTo(tInt))
	pg.Init = []*ast.InitEntry{{Type: pg.Type, Const: &ast.ConstValue{Kind: ast.ConstAddr, Sym: g, Int: 4}}}
	ld := global("ld", tLDbl)
	ld.Init = []*ast.InitEntry{{Type: tLDbl, Const: &ast.ConstValue{Kind: ast.ConstFloat, Float: 1, Text: "1.0"}}}
	str := global("str", arrayOf(tChar, 6))
	str.Init = []*ast.InitEntry{{Type: str.Type, Value: &ast.StringLit{Bytes: []byte("hi")}}}
	zero := global("zero", tInt)
	zero.Init = []*ast.InitEntry{{Type: tInt, Const: &ast.ConstValue{Kind: ast.ConstInt, Int: 0}}}
	undef := global("undef", tInt)
	undef.Defined = false
	fd := funcDef("use", tInt, nil, body(ret(id(undef))))
	m := generate(t, []*ast.Object{g, s, pg, ld, str, zero, undef}, fd)
	byName := map[string]*ir.Global{}
	for _, gl := range m.Globals {
		byName[gl.Name] = gl
	}
	check := func(name string, want []byte) {
		t.Helper()
		gl := byName[name]
		if gl == nil {
			t.Fatalf("no global %s", name)
		}
		if !bytes.Equal(gl.Data, want) {
			t.Errorf("%s data = % x, want % x", name, gl.Data, want)
		}
	}
	check("g", []byte{1, 0, 0, 0, 0xfe, 0xff, 0xff, 0xff, 0, 0, 0, 0})
	check("s", []byte{'a', 0x3f, 0, 0})
	check("pg", make([]byte, 8))
	check("ld", []byte{0, 0, 0, 0, 0, 0, 0, 0x80, 0xff, 0x3f, 0, 0, 0, 0, 0, 0})
	check("str", []byte{'h', 'i', 0, 0, 0, 0})
	check("zero", nil)
	if r := byName["pg"].Relocs; len(r) != 1 || r[0] != (ir.Reloc{Offset: 0, Size: 8, Sym: "g", Addend: 4}) {
		t.Errorf("pg relocs = %+v", r)
	}
	if _, ok := byName["undef"]; ok {
		t.Errorf("undefined variable emitted as a global")
	}
	if isFunc, ok := m.Externs["undef"]; !ok || isFunc {
		t.Errorf("Externs = %v, want undef: false", m.Externs)
	}
}

func TestAggFlatten(t *testing.T) {
	g := &gen{ptrSize: 8}
	// struct { float x, y; double d; struct { char c; short s; } in[2]; }
	inner := &ast.Type{Kind: ast.Struct, Size: 4, Align: 2, Record: &ast.Record{Members: []*ast.Member{
		{Name: "c", Type: tChar}, {Name: "s", Type: tShort, Offset: 2}}}}
	tf := &ast.Type{Kind: ast.Float, Size: 4, Align: 4}
	outer := &ast.Type{Kind: ast.Struct, Size: 24, Align: 8, Record: &ast.Record{Members: []*ast.Member{
		{Name: "x", Type: tf}, {Name: "y", Type: tf, Offset: 4}, {Name: "d", Type: tDbl, Offset: 8},
		{Name: "in", Type: arrayOf(inner, 2), Offset: 16}}}}
	a := g.aggOf(outer)
	want := []ir.AggField{{Offset: 0, Type: ir.F32}, {Offset: 4, Type: ir.F32}, {Offset: 8, Type: ir.F64}, {Offset: 16, Type: ir.I8}, {Offset: 18, Type: ir.I16}, {Offset: 20, Type: ir.I8}, {Offset: 22, Type: ir.I16}}
	if len(a.Fields) != len(want) || a.Union || a.Packed || a.Size != 24 || a.Align != 8 {
		t.Fatalf("agg = %+v", a)
	}
	for i := range want {
		if a.Fields[i] != want[i] {
			t.Errorf("field %d = %+v, want %+v", i, a.Fields[i], want[i])
		}
	}
	// union { int i; float f; } and two bit-fields sharing a unit
	u := &ast.Type{Kind: ast.Union, Size: 4, Align: 4, Record: &ast.Record{IsUnion: true, Members: []*ast.Member{
		{Name: "i", Type: tInt}, {Name: "f", Type: tf}}}}
	if a := g.aggOf(u); !a.Union || len(a.Fields) != 2 {
		t.Errorf("union agg = %+v", a)
	}
	bf := &ast.Type{Kind: ast.Struct, Size: 4, Align: 4, Record: &ast.Record{Members: []*ast.Member{
		{Name: "a", Type: tInt, IsBitField: true, BitWidth: 3}, {Name: "b", Type: tInt, IsBitField: true, BitWidth: 3, BitOffset: 3}}}}
	if a := g.aggOf(bf); len(a.Fields) != 1 || a.Fields[0] != (ir.AggField{Offset: 0, Type: ir.I32}) {
		t.Errorf("bit-field agg = %+v", a)
	}
}
