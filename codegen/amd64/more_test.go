package amd64

import (
	"strings"
	"testing"

	"gocc/ir"
)

func strGlobal(m *ir.Module, name, s string) {
	m.Globals = append(m.Globals, &ir.Global{Name: name, Linkage: ir.Internal, Size: int64(len(s) + 1), Align: 1,
		Data: append([]byte(s), 0), ReadOnly: true, IsString: true})
}

// Variadic calls to printf, a variadic callee using va_arg of long, double, struct,
// long double, and qsort with a comparator written in IR.
func TestVariadicAndCallbacks(t *testing.T) {
	m := newModule()
	m.Externs["printf"] = true
	m.Externs["qsort"] = true
	strGlobal(m, "fmt1", "%d %.2f %s %ld\n")
	strGlobal(m, "hi", "hi")
	{
		x := newFn(m, "hello", ir.Void)
		x.call("printf", ir.I32, 1, x.addr("fmt1"), x.c(ir.I32, 42), x.cf(ir.F64, 3.5), x.addr("hi"), x.c(ir.I64, -7))
		x.ret(nil)
	}
	// double vsum(int n, ...): sum of n (long, double, struct P{long a; double b}) triples,
	// then a long double.
	pAgg := agg(16, 8, 0, ir.I64, 8, ir.F64)
	bigAgg := agg(24, 8, 0, ir.I64, 8, ir.I64, 16, ir.I64)
	{
		x := newFn(m, "vsum", ir.F64, ir.I32)
		x.f.Variadic = true
		x.f.UsesVaStart = true
		entry := x.b
		n := x.param(0)
		ap := x.slot(24, 8)
		x.op(ir.OpVaStart, ir.Void, ap)
		zero := x.c(ir.I32, 0)
		fz := x.cf(ir.F64, 0)
		head, body, exit := x.f.NewBlock(), x.f.NewBlock(), x.f.NewBlock()
		x.jump(head)
		x.b = head
		i := head.Append(ir.OpPhi, ir.I32)
		acc := head.Append(ir.OpPhi, ir.F64)
		x.branch(x.op(ir.OpLtS, ir.I32, i, n), body, exit)
		x.b = body
		l := x.op(ir.OpVaArg, ir.I64, ap)
		d := x.op(ir.OpVaArg, ir.F64, ap)
		pp := x.op(ir.OpVaArg, ir.Ptr, ap)
		pp.Agg = pAgg
		pa := x.op(ir.OpLoad, ir.I64, pp)
		pb := x.op(ir.OpLoad, ir.F64, x.op(ir.OpAdd, ir.Ptr, pp, x.c(ir.I64, 8)))
		bp := x.op(ir.OpVaArg, ir.Ptr, ap)
		bp.Agg = bigAgg
		bc := x.op(ir.OpLoad, ir.I64, x.op(ir.OpAdd, ir.Ptr, bp, x.c(ir.I64, 16)))
		s := x.op(ir.OpAdd, ir.F64, acc, x.op(ir.OpSToF, ir.F64, x.op(ir.OpAdd, ir.I64, x.op(ir.OpAdd, ir.I64, l, pa), bc)))
		s = x.op(ir.OpAdd, ir.F64, s, x.op(ir.OpAdd, ir.F64, d, pb))
		i2 := x.op(ir.OpAdd, ir.I32, i, x.c(ir.I32, 1))
		x.jump(head)
		_ = entry
		i.AddArg(zero)
		i.AddArg(i2)
		acc.AddArg(fz)
		acc.AddArg(s)
		x.b = exit
		ld := x.op(ir.OpVaArg, ir.F80, ap)
		x.ret(x.op(ir.OpAdd, ir.F64, acc, x.op(ir.OpFConv, ir.F64, ld)))
	}
	// int cmpint(const void *a, const void *b) { return (*a > *b) - (*a < *b); }
	{
		x := newFn(m, "cmpint", ir.I32, ir.Ptr, ir.Ptr)
		a := x.op(ir.OpLoad, ir.I32, x.param(0))
		b := x.op(ir.OpLoad, ir.I32, x.param(1))
		x.ret(x.op(ir.OpSub, ir.I32, x.op(ir.OpGtS, ir.I32, a, b), x.op(ir.OpLtS, ir.I32, a, b)))
	}
	// void sortints(int *p, long n) { qsort(p, n, 4, cmpint); }
	{
		x := newFn(m, "sortints", ir.Void, ir.Ptr, ir.I64)
		x.call("qsort", ir.Void, -1, x.param(0), x.param(1), x.c(ir.I64, 4), x.addr("cmpint"))
		x.ret(nil)
	}
	out := runC(t, m, cHeader+`
void hello(void);
struct P { long a; double b; };
struct B { long a, b, c; };
double vsum(int n, ...);
int cmpint(const void *, const void *);
void sortints(int *, long);
int main(void) {
	hello();
	fflush(stdout);
	struct P p1 = {100, 0.25}, p2 = {200, 0.5};
	struct B b1 = {0, 0, 1000}, b2 = {0, 0, 2000};
	CHECK(vsum(0, 1.5L) == 1.5);
	CHECK(vsum(1, 1L, 2.0, p1, b1, 0.5L) == 1 + 2.0 + 100 + 0.25 + 1000 + 0.5);
	CHECK(vsum(2, 1L, 2.0, p1, b1, 3L, 4.0, p2, b2, 0.25L) == 1 + 2.0 + 100 + 0.25 + 1000 + 3 + 4 + 200 + 0.5 + 2000 + 0.25);
	double want = 0;
	for (int i = 0; i < 5; i++) want += i + i * 0.5 + 10 + 0.125 + 7;
	struct P q = {10, 0.125};
	struct B c = {0, 0, 7};
	CHECK(vsum(5, 0L, 0.0, q, c, 1L, 0.5, q, c, 2L, 1.0, q, c, 3L, 1.5, q, c, 4L, 2.0, q, c, 0.0L) == want);
	int a[] = {5, -3, 9, 0, 2, 2, -100, 77};
	qsort(a, 8, sizeof(int), cmpint);
	CHECK(a[0] == -100 && a[7] == 77);
	int b[] = {3, 1, 2};
	sortints(b, 3);
	CHECK(b[0] == 1 && b[1] == 2 && b[2] == 3);
	return failures;
}
`)
	if !strings.Contains(out, "42 3.50 hi -7\n") {
		t.Errorf("printf output %q", out)
	}
}
