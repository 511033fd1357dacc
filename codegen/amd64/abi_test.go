package amd64

import (
	"fmt"
	"strings"
	"testing"

	"gocc/ir"
)

type aggCase struct {
	name   string
	cdecl  string // struct body
	agg    *ir.Agg
	init   string // C statements filling s (struct S_name s) from int k
	classN []argClass
}

func agg(size, align int64, fields ...any) *ir.Agg {
	a := &ir.Agg{Size: size, Align: align}
	for i := 0; i < len(fields); i += 2 {
		a.Fields = append(a.Fields, ir.AggField{Offset: int64(fields[i].(int)), Type: fields[i+1].(ir.Type)})
	}
	return a
}

var aggCases = []aggCase{
	{"c1", "char a;", agg(1, 1, 0, ir.I8), "s.a = k;", []argClass{clsInteger}},
	{"cs", "char a; short b;", agg(4, 2, 0, ir.I8, 2, ir.I16), "s.a = k; s.b = k * 3;", []argClass{clsInteger}},
	{"c3", "char c[3];", agg(3, 1, 0, ir.I8, 1, ir.I8, 2, ir.I8), "s.c[0] = k; s.c[1] = k+1; s.c[2] = k+2;", []argClass{clsInteger}},
	{"c7", "char c[7];", agg(7, 1, 0, ir.I8, 1, ir.I8, 2, ir.I8, 3, ir.I8, 4, ir.I8, 5, ir.I8, 6, ir.I8), "for (int i = 0; i < 7; i++) s.c[i] = k + i;", []argClass{clsInteger}},
	{"ll", "long a, b;", agg(16, 8, 0, ir.I64, 8, ir.I64), "s.a = k; s.b = -k * 1000000007L;", []argClass{clsInteger, clsInteger}},
	{"dd", "double x, y;", agg(16, 8, 0, ir.F64, 8, ir.F64), "s.x = k * 0.5; s.y = -k;", []argClass{clsSSE, clsSSE}},
	{"f3", "float x, y, z;", agg(12, 4, 0, ir.F32, 4, ir.F32, 8, ir.F32), "s.x = k; s.y = k * 0.25f; s.z = -k;", []argClass{clsSSE, clsSSE}},
	{"f1", "float x;", agg(4, 4, 0, ir.F32), "s.x = k + 0.5f;", []argClass{clsSSE}},
	{"ld", "long a; double b;", agg(16, 8, 0, ir.I64, 8, ir.F64), "s.a = k * 7; s.b = k / 4.0;", []argClass{clsInteger, clsSSE}},
	{"dl", "double b; int a;", agg(16, 8, 0, ir.F64, 8, ir.I32), "s.a = k * 7; s.b = k / 4.0;", []argClass{clsSSE, clsInteger}},
	{"ifi", "int a; float b; int c;", agg(12, 4, 0, ir.I32, 4, ir.F32, 8, ir.I32), "s.a = k; s.b = k * 2.5f; s.c = ~k;", []argClass{clsInteger, clsInteger}},
	{"mem24", "long a, b, c;", agg(24, 8, 0, ir.I64, 8, ir.I64, 16, ir.I64), "s.a = k; s.b = k + 1; s.c = k * k;", nil},
	{"mem40", "char c[40];", nil, "for (int i = 0; i < 40; i++) s.c[i] = k ^ i;", nil},
	{"mem100", "int c[25];", nil, "for (int i = 0; i < 25; i++) s.c[i] = k * i;", nil},
	{"ldbl", "long double x;", agg(16, 16, 0, ir.F80), "s.x = k * 1.5L;", []argClass{clsX87, clsX87Up}},
}

func init() {
	for i := range aggCases {
		c := &aggCases[i]
		if c.agg == nil {
			switch c.name {
			case "mem40":
				c.agg = &ir.Agg{Size: 40, Align: 1}
				for j := 0; j < 40; j++ {
					c.agg.Fields = append(c.agg.Fields, ir.AggField{Offset: int64(j), Type: ir.I8})
				}
			case "mem100":
				c.agg = &ir.Agg{Size: 100, Align: 4}
				for j := 0; j < 25; j++ {
					c.agg.Fields = append(c.agg.Fields, ir.AggField{Offset: int64(4 * j), Type: ir.I32})
				}
			}
		}
	}
}

func TestClassify(t *testing.T) {
	for _, c := range aggCases {
		got := classifyAgg(c.agg)
		if fmt.Sprint(got) != fmt.Sprint(c.classN) {
			t.Errorf("%s: classes %v, want %v", c.name, got, c.classN)
		}
	}
}

// For each aggregate: an identity function (parameter and return in every class), the
// same with five leading integer arguments (forcing two-register aggregates onto the
// stack), and a caller that gets one from C and passes it back to C.
func TestAggregateABI(t *testing.T) {
	m := newModule()
	var drv strings.Builder
	drv.WriteString(cHeader)
	var mainBody strings.Builder
	for _, c := range aggCases {
		n := c.name
		a := c.agg
		fmt.Fprintf(&drv, "struct S_%s { %s };\n", n, c.cdecl)
		fmt.Fprintf(&drv, "struct S_%s pass_%s(struct S_%s);\n", n, n, n)
		fmt.Fprintf(&drv, "struct S_%s pass5_%s(long, long, long, long, long, struct S_%s, double, double, double, double, double, double, double, struct S_%s);\n", n, n, n, n)
		fmt.Fprintf(&drv, "int call_%s(int);\n", n)
		fmt.Fprintf(&drv, "struct S_%s mk_%s(int k) { struct S_%s s; memset(&s, 0, sizeof s); %s return s; }\n", n, n, n, c.init)
		if n == "ldbl" { // padding bytes of an x87 value are not preserved
			fmt.Fprintf(&drv, "int eq_%s(struct S_%s x, struct S_%s y) { return x.x == y.x; }\n", n, n, n)
		} else {
			fmt.Fprintf(&drv, "int eq_%s(struct S_%s x, struct S_%s y) { return memcmp(&x, &y, sizeof x) == 0; }\n", n, n, n)
		}
		fmt.Fprintf(&drv, "int chk_%s(long p1, struct S_%s s, int k) { return p1 == 77 && eq_%s(s, mk_%s(k)); }\n", n, n, n, n)
		fmt.Fprintf(&mainBody, "\tfor (int k = 1; k < 4; k++) {\n")
		fmt.Fprintf(&mainBody, "\t\tCHECK(eq_%s(pass_%s(mk_%s(k)), mk_%s(k)));\n", n, n, n, n)
		fmt.Fprintf(&mainBody, "\t\tCHECK(eq_%s(pass5_%s(1,2,3,4,5, mk_%s(k+9), 1,2,3,4,5,6,7, mk_%s(k)), mk_%s(k)));\n", n, n, n, n, n)
		fmt.Fprintf(&mainBody, "\t\tCHECK(call_%s(k) == 1);\n\t}\n", n)

		// pass_N(s): copy to a local and return it.
		{
			f := ir.NewFunc("pass_" + n)
			f.Params = []ir.Param{{Agg: a}}
			f.RetAgg = a
			m.Funcs = append(m.Funcs, f)
			x := &fn{f: f, b: f.NewBlock()}
			p := x.param(0)
			sl := x.slot(a.Size, a.Align)
			x.aux(ir.OpCopy, ir.Void, a.Size, sl, p)
			x.ret(sl)
		}
		// pass5_N(5 longs, s1, 7 doubles, s2): return s2.
		{
			f := ir.NewFunc("pass5_" + n)
			for i := 0; i < 5; i++ {
				f.Params = append(f.Params, ir.Param{Type: ir.I64})
			}
			f.Params = append(f.Params, ir.Param{Agg: a})
			for i := 0; i < 7; i++ {
				f.Params = append(f.Params, ir.Param{Type: ir.F64})
			}
			f.Params = append(f.Params, ir.Param{Agg: a})
			f.RetAgg = a
			m.Funcs = append(m.Funcs, f)
			x := &fn{f: f, b: f.NewBlock()}
			x.ret(x.param(13))
		}
		// call_N(k): chk_N(77, mk_N(k), k)
		{
			x := newFn(m, "call_"+n, ir.I32, ir.I32)
			k := x.param(0)
			tmp := x.slot(a.Size, a.Align)
			ci := &ir.CallInfo{Params: []ir.Param{{Type: ir.I32}}, NumFixed: 1, RetAgg: a}
			call := x.op(ir.OpCall, ir.Void, x.addr("mk_"+n), k, tmp)
			call.Call = ci
			ci2 := &ir.CallInfo{Params: []ir.Param{{Type: ir.I64}, {Agg: a}, {Type: ir.I32}}, NumFixed: 3, Ret: ir.I32}
			r := x.op(ir.OpCall, ir.I32, x.addr("chk_"+n), x.c(ir.I64, 77), tmp, k)
			r.Call = ci2
			x.ret(r)
		}
	}
	drv.WriteString("int main(void) {\n" + mainBody.String() + "\treturn failures;\n}\n")
	runC(t, m, drv.String())
}

// Many scalar arguments: callee side (stack-passed ints and doubles) and caller side.
func TestManyArgs(t *testing.T) {
	m := newModule()
	// double many(i1..i8 long, d1..d10 double, char c, float f, short s)
	{
		var ps []ir.Type
		for i := 0; i < 8; i++ {
			ps = append(ps, ir.I64)
		}
		for i := 0; i < 10; i++ {
			ps = append(ps, ir.F64)
		}
		ps = append(ps, ir.I8, ir.F32, ir.I16)
		x := newFn(m, "many", ir.F64, ps...)
		acc := x.cf(ir.F64, 0)
		for i := 0; i < 8; i++ {
			w := x.op(ir.OpMul, ir.I64, x.param(i), x.c(ir.I64, int64(i+1)))
			acc = x.op(ir.OpAdd, ir.F64, acc, x.op(ir.OpSToF, ir.F64, w))
		}
		for i := 8; i < 18; i++ {
			acc = x.op(ir.OpAdd, ir.F64, acc, x.op(ir.OpMul, ir.F64, x.param(i), x.cf(ir.F64, float64(i))))
		}
		acc = x.op(ir.OpAdd, ir.F64, acc, x.op(ir.OpSToF, ir.F64, x.op(ir.OpSExt, ir.I32, x.param(18))))
		acc = x.op(ir.OpAdd, ir.F64, acc, x.op(ir.OpFConv, ir.F64, x.param(19)))
		acc = x.op(ir.OpAdd, ir.F64, acc, x.op(ir.OpSToF, ir.F64, x.op(ir.OpSExt, ir.I32, x.param(20))))
		x.ret(acc)
	}
	// long callmany(void) { return cmany(1,2,...,8, 0.5,...,  'x', 2.5f, -3); }
	{
		x := newFn(m, "callmany", ir.I64)
		var args []*ir.Value
		for i := 0; i < 8; i++ {
			args = append(args, x.c(ir.I64, int64(i+1)))
		}
		for i := 0; i < 10; i++ {
			args = append(args, x.cf(ir.F64, float64(i)+0.5))
		}
		args = append(args, x.c(ir.I8, 'x'), x.cf(ir.F32, 2.5), x.c(ir.I16, -3))
		x.ret(x.call("cmany", ir.I64, -1, args...))
	}
	runC(t, m, cHeader+`
double many(long,long,long,long,long,long,long,long,double,double,double,double,double,double,double,double,double,double,char,float,short);
long cmany(long a1,long a2,long a3,long a4,long a5,long a6,long a7,long a8,double d0,double d1,double d2,double d3,double d4,double d5,double d6,double d7,double d8,double d9,char c,float f,short s) {
	if (a1 != 1 || a8 != 8 || a7 != 7 || d0 != 0.5 || d9 != 9.5 || d8 != 8.5 || c != 'x' || f != 2.5f || s != -3) return -1;
	return a1+a2+a3+a4+a5+a6+a7+a8 + (long)(d0+d1+d2+d3+d4+d5+d6+d7+d8+d9);
}
int main(void) {
	double want = 0;
	for (int i = 0; i < 8; i++) want += (double)((i+10) * (i+1));
	for (int i = 8; i < 18; i++) want += (i * 0.25) * i;
	want += 'q' + 1.5f + (-300);
	double got = many(10,11,12,13,14,15,16,17, 8*0.25,9*0.25,10*0.25,11*0.25,12*0.25,13*0.25,14*0.25,15*0.25,16*0.25,17*0.25, 'q', 1.5f, -300);
	CHECK(got == want);
	CHECK(callmany() == 36 + 50);
	return failures;
}
`)
}
