package amd64

import (
	"fmt"
	"strings"
	"testing"

	"gocc/ir"
)

// Conversions between every pair of scalar types, unary ops and builtins, checked
// against gcc.
func TestConversions(t *testing.T) {
	m := newModule()
	var drv strings.Builder
	drv.WriteString(cHeader)
	drv.WriteString("static int same(long double x, long double y) { return x == y || (x != x && y != y); }\n")
	var body strings.Builder
	type sc struct {
		t    ir.Type
		c    string
		sign bool
		flt  bool
	}
	types := []sc{
		{ir.I8, "signed char", true, false}, {ir.I8, "unsigned char", false, false},
		{ir.I16, "short", true, false}, {ir.I16, "unsigned short", false, false},
		{ir.I32, "int", true, false}, {ir.I32, "unsigned", false, false},
		{ir.I64, "long", true, false}, {ir.I64, "unsigned long", false, false},
		{ir.I128, "__int128", true, false}, {ir.I128, "unsigned __int128", false, false},
		{ir.F32, "float", true, true}, {ir.F64, "double", true, true}, {ir.F80, "long double", true, true},
	}
	// Source values as long double, converted to the source type first (all in range
	// of every type they are converted to where the conversion is defined).
	vals := "0, 1, 2, 100, 127, 3.75, 1e9, 4e9, 9.2e18, 1.7e19, 123456789012.5"
	n := 0
	for _, from := range types {
		for _, to := range types {
			if from.t == to.t && from.flt {
				continue
			}
			n++
			name := fmt.Sprintf("cv%d", n)
			var op ir.Op
			switch {
			case from.flt && to.flt:
				op = ir.OpFConv
			case from.flt && to.sign:
				op = ir.OpFToS
			case from.flt:
				op = ir.OpFToU
			case to.flt && from.sign:
				op = ir.OpSToF
			case to.flt:
				op = ir.OpUToF
			case from.t.Size(8) < to.t.Size(8) && from.sign:
				op = ir.OpSExt
			case from.t.Size(8) < to.t.Size(8):
				op = ir.OpZExt
			case from.t.Size(8) > to.t.Size(8):
				op = ir.OpTrunc
			default:
				op = ir.OpCopyValue
			}
			x := newFn(m, name, to.t, from.t)
			x.ret(x.op(op, to.t, x.param(0)))
			fmt.Fprintf(&drv, "%s %s(%s);\n", to.c, name, from.c)
			// Only test values representable in both (float->int out of range is UB).
			fmt.Fprintf(&body, "\t{ long double vs[] = { %s }; for (int i = 0; i < %d; i++) {\n", vals, len(strings.Split(vals, ",")))
			fmt.Fprintf(&body, "\t\tlong double v = vs[i]; %s a = (%s)v; if ((long double)a != v && !%d) continue;\n", from.c, from.c, b2i(from.flt))
			if to.flt {
				fmt.Fprintf(&body, "\t\t%s r = %s(a), w = (%s)a; if (!same(r, w)) { printf(\"FAIL %s %s->%s(%%Lg) = %%Lg want %%Lg\\n\", v, (long double)r, (long double)w); failures++; }\n",
					to.c, name, to.c, name, from.c, to.c)
			} else {
				// float -> integer: only in range values
				if from.flt {
					fmt.Fprintf(&body, "\t\tif ((long double)(%s)a != truncl_((long double)a)) continue;\n", to.c)
				}
				fmt.Fprintf(&body, "\t\t%s r = %s(a), w = (%s)a; if (r != w) { printf(\"FAIL %s %s->%s(%%Lg) = %%lld want %%lld\\n\", v, (long long)r, (long long)w); failures++; }\n",
					to.c, name, to.c, name, from.c, to.c)
			}
			body.WriteString("\t} }\n")
		}
	}
	drv.WriteString("static long double truncl_(long double x) { return x < 0 ? -(long double)(unsigned long)-x : (long double)(unsigned long)x; }\n")
	drv.WriteString("int main(void) {\n" + body.String() + "\treturn failures != 0;\n}\n")
	runC(t, m, drv.String())
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestUnaryAndBuiltins(t *testing.T) {
	m := newModule()
	un := func(name string, op ir.Op, rt, at ir.Type) {
		x := newFn(m, name, rt, at)
		x.ret(x.op(op, rt, x.param(0)))
	}
	un("neg32", ir.OpNeg, ir.I32, ir.I32)
	un("not64", ir.OpNot, ir.I64, ir.I64)
	un("neg128", ir.OpNeg, ir.I128, ir.I128)
	un("negf", ir.OpNeg, ir.F32, ir.F32)
	un("negd", ir.OpNeg, ir.F64, ir.F64)
	un("negld", ir.OpNeg, ir.F80, ir.F80)
	un("absd", ir.OpFAbs, ir.F64, ir.F64)
	un("absf", ir.OpFAbs, ir.F32, ir.F32)
	un("absld", ir.OpFAbs, ir.F80, ir.F80)
	un("sqrtd", ir.OpSqrt, ir.F64, ir.F64)
	un("sqrtld", ir.OpSqrt, ir.F80, ir.F80)
	un("clz32", ir.OpClz, ir.I32, ir.I32)
	un("clz64", ir.OpClz, ir.I32, ir.I64)
	un("ctz32", ir.OpCtz, ir.I32, ir.I32)
	un("ctz64", ir.OpCtz, ir.I32, ir.I64)
	un("pop32", ir.OpPopcount, ir.I32, ir.I32)
	un("pop64", ir.OpPopcount, ir.I32, ir.I64)
	un("bswap16", ir.OpBswap, ir.I16, ir.I16)
	un("bswap32", ir.OpBswap, ir.I32, ir.I32)
	un("bswap64", ir.OpBswap, ir.I64, ir.I64)
	un("bits2d", ir.OpBitcast, ir.F64, ir.I64)
	un("d2bits", ir.OpBitcast, ir.I64, ir.F64)
	un("f2bits", ir.OpBitcast, ir.I32, ir.F32)
	// select
	for _, st := range []struct {
		name string
		t    ir.Type
	}{{"seli", ir.I32}, {"sell", ir.I64}, {"seld", ir.F64}, {"selld", ir.F80}, {"sel128", ir.I128}} {
		x := newFn(m, st.name, st.t, ir.I32, st.t, st.t)
		x.ret(x.op(ir.OpSelect, st.t, x.param(0), x.param(1), x.param(2)))
	}
	// frame/return address, trap not called
	{
		x := newFn(m, "fa", ir.Ptr)
		x.ret(x.aux(ir.OpFrameAddr, ir.Ptr, 0))
	}
	runC(t, m, cHeader+`#include <math.h>
int neg32(int); long not64(long); __int128 neg128(__int128); float negf(float); double negd(double);
long double negld(long double); double absd(double); float absf(float); long double absld(long double);
double sqrtd(double); long double sqrtld(long double);
int clz32(unsigned); int clz64(unsigned long); int ctz32(unsigned); int ctz64(unsigned long);
int pop32(unsigned); int pop64(unsigned long); unsigned short bswap16(unsigned short);
unsigned bswap32(unsigned); unsigned long bswap64(unsigned long);
double bits2d(long); long d2bits(double); int f2bits(float);
int seli(int, int, int); long sell(int, long, long); double seld(int, double, double);
long double selld(int, long double, long double); __int128 sel128(int, __int128, __int128);
void *fa(void);
int main(void) {
	CHECK(neg32(5) == -5); CHECK(not64(0) == -1);
	CHECK(neg128(1) == -1); CHECK(neg128(((__int128)1) << 64) == -(((__int128)1) << 64));
	CHECK(negf(1.5f) == -1.5f); CHECK(negd(-2.0) == 2.0); CHECK(signbit(negd(0.0)));
	CHECK(negld(3.0L) == -3.0L); CHECK(absd(-4.5) == 4.5); CHECK(absf(-0.5f) == 0.5f); CHECK(absld(-7.25L) == 7.25L);
	CHECK(sqrtd(16.0) == 4.0); CHECK(sqrtld(2.25L) == 1.5L);
	CHECK(clz32(1) == 31); CHECK(clz32(0x80000000u) == 0); CHECK(clz64(1) == 63); CHECK(clz64(1UL << 40) == 23);
	CHECK(ctz32(8) == 3); CHECK(ctz64(1UL << 50) == 50);
	CHECK(pop32(0xffffffffu) == 32); CHECK(pop32(0x10101) == 3); CHECK(pop64(~0UL) == 64); CHECK(pop64(0x8000000000000001UL) == 2);
	CHECK(bswap16(0x1234) == 0x3412); CHECK(bswap32(0x12345678) == 0x78563412); CHECK(bswap64(0x0102030405060708UL) == 0x0807060504030201UL);
	CHECK(bits2d(0x3ff0000000000000L) == 1.0); CHECK(d2bits(2.0) == 0x4000000000000000L); CHECK(f2bits(1.0f) == 0x3f800000);
	CHECK(seli(1, 2, 3) == 2); CHECK(seli(0, 2, 3) == 3); CHECK(sell(5, -1, 9) == -1);
	CHECK(seld(1, 1.5, 2.5) == 1.5); CHECK(seld(0, 1.5, 2.5) == 2.5);
	CHECK(selld(1, 1.5L, 2.5L) == 1.5L); CHECK(selld(0, 1.5L, 2.5L) == 2.5L);
	CHECK(sel128(0, 1, ((__int128)5) << 80) == ((__int128)5) << 80);
	CHECK(fa() != 0);
	return failures;
}
`)
}
