package amd64

import (
	"testing"

	"gocc/codegen"
	"gocc/ir"
)

func asmValue(x *fn, info *ir.AsmInfo, args ...*ir.Value) *ir.Value {
	v := x.op(ir.OpInlineAsm, ir.Void, args...)
	v.Asm = info
	return v
}

// Inline asm: register and fixed-register operands, "+", matching and memory
// operands, modifiers, named operands, immediates, and a callee-saved clobber.
func TestInlineAsm(t *testing.T) {
	m := newModule()
	{
		// int asm1(int a, int b): asm("addl %2, %0" : "=r"(r) : "0"(a), "r"(b)); return r;
		x := newFn(m, "asm1", ir.I32, ir.I32, ir.I32)
		r := x.slot(4, 4)
		asmValue(x, &ir.AsmInfo{Template: "addl %2, %0",
			Outputs: []ir.AsmOperand{{Constraint: "=r", Type: ir.I32, Size: 4}},
			Inputs:  []ir.AsmOperand{{Constraint: "0", Type: ir.I32, Size: 4}, {Constraint: "r", Type: ir.I32, Size: 4}}},
			r, x.param(0), x.param(1))
		x.ret(x.op(ir.OpLoad, ir.I32, r))
	}
	{
		// long asm2(long a): asm("imulq %[k], %[v]\n\tmovq %[v], %%rbx" : [v] "+a"(a) : [k] "c"(3L) : "rbx"); mem: asm("incq %0" : "+m"(a))
		x := newFn(m, "asm2", ir.I64, ir.I64)
		a := x.slot(8, 8)
		x.op(ir.OpStore, ir.Void, a, x.param(0))
		asmValue(x, &ir.AsmInfo{Template: "imulq %[k], %[v]\n\tmovq %[v], %%rbx",
			Outputs:  []ir.AsmOperand{{Name: "v", Constraint: "+a", Type: ir.I64, Size: 8}},
			Inputs:   []ir.AsmOperand{{Name: "k", Constraint: "c", Type: ir.I64, Size: 8}},
			Clobbers: []string{"rbx", "cc"}},
			a, x.c(ir.I64, 3))
		asmValue(x, &ir.AsmInfo{Template: "incq %0", Outputs: []ir.AsmOperand{{Constraint: "+m", Type: ir.I64, Size: 8}}}, a)
		x.ret(x.op(ir.OpLoad, ir.I64, a))
	}
	{
		// int asm3(int a): asm("movl %1, %k0\n\taddl %2, %k0" : "=&r"(r) : "r"(a), "i"(100)) ; byte modifier
		x := newFn(m, "asm3", ir.I32, ir.I32)
		r := x.slot(4, 4)
		asmValue(x, &ir.AsmInfo{Template: "movl %1, %k0\n\taddl %2, %k0\n\tmovb $7, %b0",
			Outputs: []ir.AsmOperand{{Constraint: "=&r", Type: ir.I32, Size: 4}},
			Inputs:  []ir.AsmOperand{{Constraint: "r", Type: ir.I32, Size: 4}, {Constraint: "i", Type: ir.I32, Size: 4}}},
			r, x.param(0), x.c(ir.I32, 0x100))
		x.ret(x.op(ir.OpLoad, ir.I32, r))
	}
	drv := cHeader + `
int asm1(int, int); long asm2(long); int asm3(int);
int main(void) {
	CHECK(asm1(40, 2) == 42);
	CHECK(asm2(5) == 16);
	CHECK(asm3(0x1000) == 0x1107);
	return failures;
}
`
	runC(t, m, drv)
	runCOpts(t, m, drv, &codegen.Options{PIC: true}, nil)
}
