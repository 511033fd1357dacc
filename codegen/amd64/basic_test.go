package amd64

import (
	"strings"
	"testing"

	"gocc/codegen"

	"gocc/ir"
)

// int add3(int a, int b, int c) { return a + b * c - 7; }
// long sum(long n) { long s = 0; for (long i = 0; i < n; i++) s += i; return s; }
func TestBasicArithAndLoop(t *testing.T) {
	m := newModule()
	{
		x := newFn(m, "add3", ir.I32, ir.I32, ir.I32, ir.I32)
		a, b, c := x.param(0), x.param(1), x.param(2)
		x.ret(x.op(ir.OpSub, ir.I32, x.op(ir.OpAdd, ir.I32, a, x.op(ir.OpMul, ir.I32, b, c)), x.c(ir.I32, 7)))
	}
	{
		x := newFn(m, "sum", ir.I64, ir.I64)
		entry := x.b
		n := x.param(0)
		zero := x.c(ir.I64, 0)
		head := x.f.NewBlock()
		body := x.f.NewBlock()
		exit := x.f.NewBlock()
		x.jump(head)
		x.b = head
		i := head.Append(ir.OpPhi, ir.I64)
		s := head.Append(ir.OpPhi, ir.I64)
		x.branch(x.op(ir.OpLtS, ir.I32, i, n), body, exit)
		x.b = body
		s2 := x.op(ir.OpAdd, ir.I64, s, i)
		i2 := x.op(ir.OpAdd, ir.I64, i, x.c(ir.I64, 1))
		x.jump(head)
		// head.Preds = [entry, body]
		_ = entry
		i.AddArg(zero)
		i.AddArg(i2)
		s.AddArg(zero)
		s.AddArg(s2)
		x.b = exit
		x.ret(s)
	}
	if testing.Verbose() {
		t.Log(genAsm(t, m, nil))
	}
	runC(t, m, cHeader+`
int add3(int, int, int);
long sum(long);
int main(void) {
	CHECK(add3(1, 2, 3) == 0);
	CHECK(add3(100, -2, 3) == 87);
	CHECK(sum(10) == 45);
	CHECK(sum(0) == 0);
	CHECK(sum(100000) == 4999950000L);
	return failures;
}
`)
}

// -g: .file/.loc directives assemble, and leaf functions without locals need no frame.
func TestDebugLinesAndFrame(t *testing.T) {
	m := newModule()
	x := newFn(m, "twice", ir.I32, ir.I32)
	p := x.param(0)
	v := x.op(ir.OpAdd, ir.I32, p, p)
	v.Line = 7
	x.ret(v)
	asm := genAsm(t, m, &codegen.Options{Debug: true, FileName: "t.c"})
	if !strings.Contains(asm, "\t.loc 1 7\n") || !strings.Contains(asm, ".file 1 \"t.c\"") {
		t.Errorf("missing .loc/.file:\n%s", asm)
	}
	if strings.Contains(asm, "subq") {
		t.Errorf("leaf function allocated a frame:\n%s", asm)
	}
	runC(t, m, cHeader+"int twice(int);\nint main(void) { CHECK(twice(21) == 42); return failures; }\n")
}
