package amd64

import (
	"fmt"
	"strings"
	"testing"

	"gocc/ir"
)

// The op matrix: for each (op, type) an IR function of two parameters is compared
// with the same C expression compiled by gcc, over a set of interesting values.

type ctype struct {
	t        ir.Type
	s, u     string // signed and unsigned C type
	vals     string // C initializer of test values (as the signed type)
	isFloat  bool
	bits     int
	ldformat string
}

var ctypes = []ctype{
	{t: ir.I8, s: "signed char", u: "unsigned char", vals: "0, 1, -1, 7, -128, 127, 100, -3", bits: 8},
	{t: ir.I16, s: "short", u: "unsigned short", vals: "0, 1, -1, 300, -32768, 32767, -7, 12345", bits: 16},
	{t: ir.I32, s: "int", u: "unsigned", vals: "0, 1, -1, 7, -2147483647-1, 2147483647, 100000, -3", bits: 32},
	{t: ir.I64, s: "long", u: "unsigned long", vals: "0, 1, -1, 7, -9223372036854775807L-1, 9223372036854775807L, 5000000000L, -3", bits: 64},
	{t: ir.I128, s: "__int128", u: "unsigned __int128", vals: "0, 1, -1, 7, ((__int128)1 << 100) + 12345, -((__int128)3 << 70), (__int128)5000000000L * 3000000000L, -3", bits: 128},
	{t: ir.F32, s: "float", vals: "0.0f, 1.0f, -1.5f, 3.25f, 1e30f, -0.0f, __builtin_nanf(\"\"), 7.0f", isFloat: true},
	{t: ir.F64, s: "double", vals: "0.0, 1.0, -1.5, 3.25, 1e300, -0.0, __builtin_nan(\"\"), 7.0", isFloat: true},
	{t: ir.F80, s: "long double", vals: "0.0L, 1.0L, -1.5L, 3.25L, 1e4000L, -0.0L, __builtin_nanl(\"\"), 7.0L", isFloat: true},
}

type opCase struct {
	op       ir.Op
	expr     string // C expression over a and b (of the signed type S / unsigned U)
	intOnly  bool
	fltOK    bool
	cmp      bool
	unsigned bool
	guard    string // skip values where this is true
}

var opCases = []opCase{
	{op: ir.OpAdd, expr: "(S)((U)a + (U)b)", fltOK: true},
	{op: ir.OpSub, expr: "(S)((U)a - (U)b)", fltOK: true},
	{op: ir.OpMul, expr: "(S)((U)a * (U)b)", fltOK: true},
	{op: ir.OpDivS, expr: "a / b", fltOK: true, guard: "!FLT && (b == 0 || (b == -1 && a == MINV))"},
	{op: ir.OpDivU, expr: "(S)((U)a / (U)b)", intOnly: true, guard: "b == 0"},
	{op: ir.OpRemS, expr: "a % b", intOnly: true, guard: "b == 0 || (b == -1 && a == MINV)"},
	{op: ir.OpRemU, expr: "(S)((U)a % (U)b)", intOnly: true, guard: "b == 0"},
	{op: ir.OpAnd, expr: "a & b", intOnly: true},
	{op: ir.OpOr, expr: "a | b", intOnly: true},
	{op: ir.OpXor, expr: "a ^ b", intOnly: true},
	{op: ir.OpShl, expr: "(S)((U)a << ((U)b % BITS))", intOnly: true},
	{op: ir.OpShrS, expr: "a >> ((U)b % BITS)", intOnly: true},
	{op: ir.OpShrU, expr: "(S)((U)a >> ((U)b % BITS))", intOnly: true},
	{op: ir.OpEq, expr: "a == b", fltOK: true, cmp: true},
	{op: ir.OpNe, expr: "a != b", fltOK: true, cmp: true},
	{op: ir.OpLtS, expr: "a < b", fltOK: true, cmp: true},
	{op: ir.OpLeS, expr: "a <= b", fltOK: true, cmp: true},
	{op: ir.OpGtS, expr: "a > b", fltOK: true, cmp: true},
	{op: ir.OpGeS, expr: "a >= b", fltOK: true, cmp: true},
	{op: ir.OpLtU, expr: "(U)a < (U)b", intOnly: true, cmp: true},
	{op: ir.OpLeU, expr: "(U)a <= (U)b", intOnly: true, cmp: true},
	{op: ir.OpGtU, expr: "(U)a > (U)b", intOnly: true, cmp: true},
	{op: ir.OpGeU, expr: "(U)a >= (U)b", intOnly: true, cmp: true},
}

func cname(t ir.Type) string { return t.String() }

func TestOpMatrix(t *testing.T) {
	m := newModule()
	var drv strings.Builder
	drv.WriteString(cHeader + "#include <math.h>\n")
	drv.WriteString("static int same(long double x, long double y) { return x == y || (x != x && y != y); }\n")
	var body strings.Builder
	for ti, ct := range ctypes {
		s, u := ct.s, ct.u
		if ct.isFloat {
			u = s
		}
		fmt.Fprintf(&body, "\t{ %s v%d[] = { %s };\n", s, ti, ct.vals)
		fmt.Fprintf(&body, "\tfor (int i = 0; i < 8; i++) for (int j = 0; j < 8; j++) { %s a = v%d[i], b = v%d[j]; (void)a; (void)b;\n", s, ti, ti)
		for _, oc := range opCases {
			if ct.isFloat && !oc.fltOK || !ct.isFloat && !oc.intOnly && !oc.fltOK && false {
				continue
			}
			name := fmt.Sprintf("f_%s_%s", oc.op, cname(ct.t))
			rt := ct.t
			crt := s
			if oc.cmp {
				rt, crt = ir.I32, "int"
			}
			fmt.Fprintf(&drv, "%s %s(%s, %s);\n", crt, name, s, s)
			x := newFn(m, name, rt, ct.t, ct.t)
			x.ret(x.op(oc.op, rt, x.param(0), x.param(1)))
			expr := oc.expr
			expr = strings.ReplaceAll(expr, "(S)", "("+s+")")
			expr = strings.ReplaceAll(expr, "(U)", "("+u+")")
			expr = strings.ReplaceAll(expr, "BITS", fmt.Sprint(max(ct.bits, 1)))
			call := name + "(a, b)"
			if oc.op == ir.OpShl || oc.op == ir.OpShrS || oc.op == ir.OpShrU {
				call = fmt.Sprintf("%s(a, (%s)((%s)b %% %d))", name, s, u, ct.bits)
			}
			guard := oc.guard
			if guard == "" {
				guard = "0"
			}
			minv := "0"
			if !ct.isFloat {
				minv = fmt.Sprintf("(%s)((%s)1 << %d)", s, u, ct.bits-1)
			}
			guard = strings.ReplaceAll(guard, "MINV", minv)
			guard = strings.ReplaceAll(guard, "!FLT", map[bool]string{true: "0", false: "1"}[ct.isFloat])
			if ct.isFloat {
				fmt.Fprintf(&body, "\t\tif (!(%s)) { %s r = %s(a, b); %s w = %s; if (!same(r, w)) { printf(\"FAIL %s(%%Lg, %%Lg) = %%Lg want %%Lg\\n\", (long double)a, (long double)b, (long double)r, (long double)w); failures++; } }\n",
					guard, crt, name, crt, expr, name)
			} else {
				fmt.Fprintf(&body, "\t\tif (!(%s)) { %s r = %s; %s w = %s; if (r != w) { printf(\"FAIL %s(%%lld, %%lld) = %%lld want %%lld\\n\", (long long)a, (long long)b, (long long)r, (long long)w); failures++; } }\n",
					guard, crt, call, crt, expr, name)
			}
		}
		body.WriteString("\t} }\n")
	}
	drv.WriteString("int main(void) {\n" + body.String() + "\treturn failures != 0;\n}\n")
	runC(t, m, drv.String())
}
