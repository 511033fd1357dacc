package amd64

import (
	"strings"
	"testing"

	"gocc/codegen"

	"gocc/ir"
)

// High register pressure: 40 values live at once (forcing spills of both classes),
// a loop calling C with values live across the call (callee-saved registers), a
// switch (chain and jump table), alloca, atomics, globals and thread-locals.
func TestPressureAndControl(t *testing.T) {
	m := newModule()
	m.Externs["ext"] = true
	m.Externs["ext_var"] = false
	m.Externs["ext_tls"] = false
	{
		// long press(long a, double d): v_i = a*i + i^2; w_i = d*i; sum v_i*(i+1) + (long)sum w_i
		x := newFn(m, "press", ir.I64, ir.I64, ir.F64)
		a, d := x.param(0), x.param(1)
		var vs, ws []*ir.Value
		for i := 0; i < 40; i++ {
			vs = append(vs, x.op(ir.OpAdd, ir.I64, x.op(ir.OpMul, ir.I64, a, x.c(ir.I64, int64(i))), x.c(ir.I64, int64(i*i))))
			ws = append(ws, x.op(ir.OpMul, ir.F64, d, x.cf(ir.F64, float64(i))))
		}
		sum := x.c(ir.I64, 0)
		fs := x.cf(ir.F64, 0)
		for i := 39; i >= 0; i-- {
			sum = x.op(ir.OpAdd, ir.I64, sum, x.op(ir.OpMul, ir.I64, vs[i], x.c(ir.I64, int64(i+1))))
			fs = x.op(ir.OpAdd, ir.F64, fs, ws[i])
		}
		x.ret(x.op(ir.OpAdd, ir.I64, sum, x.op(ir.OpFToS, ir.I64, fs)))
	}
	{
		// long loopcall(long n): s = 0; k = 3; d = 0.5; for i < n: s += ext(i) * k + (long)d; d += 1
		x := newFn(m, "loopcall", ir.I64, ir.I64)
		n := x.param(0)
		k := x.op(ir.OpAdd, ir.I64, n, x.c(ir.I64, 3))
		head, body, exit := x.f.NewBlock(), x.f.NewBlock(), x.f.NewBlock()
		zero := x.c(ir.I64, 0)
		half := x.cf(ir.F64, 0.5)
		x.jump(head)
		x.b = head
		i := head.Append(ir.OpPhi, ir.I64)
		s := head.Append(ir.OpPhi, ir.I64)
		d := head.Append(ir.OpPhi, ir.F64)
		x.branch(x.op(ir.OpLtS, ir.I32, i, n), body, exit)
		x.b = body
		r := x.call("ext", ir.I64, -1, i)
		s2 := x.op(ir.OpAdd, ir.I64, s, x.op(ir.OpAdd, ir.I64, x.op(ir.OpMul, ir.I64, r, k), x.op(ir.OpFToS, ir.I64, d)))
		d2 := x.op(ir.OpAdd, ir.F64, d, x.cf(ir.F64, 1))
		i2 := x.op(ir.OpAdd, ir.I64, i, x.c(ir.I64, 1))
		x.jump(head)
		i.AddArg(zero)
		i.AddArg(i2)
		s.AddArg(zero)
		s.AddArg(s2)
		d.AddArg(half)
		d.AddArg(d2)
		x.b = exit
		x.ret(s)
	}
	for _, sw := range []struct {
		name  string
		cases []int64
	}{{"swchain", []int64{1, 5, 1000, -7}}, {"swtable", []int64{0, 1, 2, 3, 4, 6, 7, 9}}} {
		x := newFn(m, sw.name, ir.I32, ir.I32)
		v := x.param(0)
		sb := x.b
		sb.Kind = ir.BlockSwitch
		sb.SetControl(v)
		sb.Cases = sw.cases
		join := x.f.NewBlock()
		phi := join.Append(ir.OpPhi, ir.I32)
		for i := range sw.cases {
			cb := x.f.NewBlock()
			sb.AddEdge(cb)
			cb.AddEdge(join)
			x.b = cb
			phi.AddArg(x.c(ir.I32, int64(i*10+1)))
		}
		// default goes straight to the join (a critical edge with a phi argument)
		sb.AddEdge(join)
		phi.AddArg(x.c(ir.I32, -1))
		x.b = join
		x.ret(phi)
	}
	{
		// long useAlloca(long n): p = alloca(n*8); p[i] = i; sum
		x := newFn(m, "usealloca", ir.I64, ir.I64)
		n := x.param(0)
		p := x.aux(ir.OpAlloca, ir.Ptr, 32, x.op(ir.OpMul, ir.I64, n, x.c(ir.I64, 8)))
		x.call("fill", ir.Void, -1, p, n)
		x.ret(x.call("sumarr", ir.I64, -1, p, n, x.op(ir.OpAnd, ir.I64, p, x.c(ir.I64, 31))))
	}
	{
		// atomics on a global counter
		m.Globals = append(m.Globals, &ir.Global{Name: "counter", Linkage: ir.External, Size: 8, Align: 8})
		x := newFn(m, "atom", ir.I64, ir.I64)
		v := x.param(0)
		g := x.addr("counter")
		old1 := x.aux(ir.OpAtomicRMW, ir.I64, int64(ir.OpAdd), g, v) // counter += v
		old2 := x.aux(ir.OpAtomicRMW, ir.I64, int64(ir.OpOr), g, x.c(ir.I64, 0x100))
		old3 := x.op(ir.OpAtomicCAS, ir.I64, g, x.c(ir.I64, 12345), x.c(ir.I64, 1)) // fails
		old4 := x.aux(ir.OpAtomicRMW, ir.I64, int64(ir.OpCopyValue), g, x.c(ir.I64, 7))
		x.op(ir.OpFence, ir.Void)
		cur := x.op(ir.OpAtomicLoad, ir.I64, g)
		r := x.op(ir.OpAdd, ir.I64, x.op(ir.OpAdd, ir.I64, old1, old2), x.op(ir.OpAdd, ir.I64, old3, old4))
		x.op(ir.OpAtomicStore, ir.Void, g, x.op(ir.OpAdd, ir.I64, cur, x.c(ir.I64, 1)))
		x.ret(r)
	}
	{
		// data: initialized globals with relocations, externs via GOT, TLS
		m.Globals = append(m.Globals,
			&ir.Global{Name: "gtab", Linkage: ir.External, Size: 24, Align: 8, Data: make([]byte, 24),
				Relocs: []ir.Reloc{{Offset: 0, Size: 8, Sym: "counter"}, {Offset: 8, Size: 8, Sym: "gstr", Addend: 2}}},
			&ir.Global{Name: "gstr", Linkage: ir.Internal, Size: 6, Align: 1, Data: []byte("hello\x00"), ReadOnly: true},
			&ir.Global{Name: "ext_var", Extern: true},
			&ir.Global{Name: "tl", Linkage: ir.External, Size: 4, Align: 4, Data: []byte{5, 0, 0, 0}, TLS: true},
			&ir.Global{Name: "ext_tls", Extern: true, TLS: true},
		)
		x := newFn(m, "data", ir.I64)
		s := x.op(ir.OpLoad, ir.I8, x.op(ir.OpLoad, ir.Ptr, x.op(ir.OpAdd, ir.Ptr, x.addr("gtab"), x.c(ir.I64, 8))))
		e := x.op(ir.OpLoad, ir.I64, x.addr("ext_var"))
		tl := x.op(ir.OpTLSAddr, ir.Ptr)
		tl.Sym = "tl"
		tv := x.op(ir.OpLoad, ir.I32, tl)
		etl := x.op(ir.OpTLSAddr, ir.Ptr)
		etl.Sym = "ext_tls"
		x.op(ir.OpStore, ir.Void, etl, x.op(ir.OpAdd, ir.I32, tv, x.c(ir.I32, 1)))
		r := x.op(ir.OpAdd, ir.I64, x.op(ir.OpZExt, ir.I64, s), e)
		x.ret(x.op(ir.OpAdd, ir.I64, r, x.op(ir.OpSExt, ir.I64, tv)))
	}
	drv := cHeader + `
long press(long, double); long loopcall(long); int swchain(int); int swtable(int);
long usealloca(long); long atom(long); long data(void);
extern long counter; extern void *gtab[3];
long ext_var = 1000;
__thread int ext_tls = 0;
extern __thread int tl;
long ext(long i) { return i * 2; }
void fill(long *p, long n) { for (long i = 0; i < n; i++) p[i] = i; }
long sumarr(long *p, long n, long mis) { long s = mis * 1000000; for (long i = 0; i < n; i++) s += p[i]; return s; }
int main(void) {
	long a = 3; double d = 0.5;
	long want = 0; double fw = 0;
	for (int i = 0; i < 40; i++) { want += (a * i + i * i) * (i + 1); fw += d * i; }
	CHECK(press(a, d) == want + (long)fw);
	long s = 0, k = 10 + 3; double dd = 0.5;
	for (long i = 0; i < 10; i++) { s += ext(i) * k + (long)dd; dd += 1; }
	CHECK(loopcall(10) == s);
	int cs[] = {1, 5, 1000, -7};
	for (int i = 0; i < 4; i++) CHECK(swchain(cs[i]) == i * 10 + 1);
	CHECK(swchain(2) == -1); CHECK(swchain(-1000) == -1);
	int ts[] = {0, 1, 2, 3, 4, 6, 7, 9};
	for (int i = 0; i < 8; i++) CHECK(swtable(ts[i]) == i * 10 + 1);
	CHECK(swtable(5) == -1); CHECK(swtable(8) == -1); CHECK(swtable(-1) == -1); CHECK(swtable(100) == -1);
	CHECK(usealloca(10) == 45); CHECK(usealloca(1) == 0); CHECK(usealloca(1000) == 499500);
	counter = 5;
	long r = atom(10); /* old: 5, 15, 0x10f (cas fails), 0x10f */
	CHECK(r == 5 + 15 + 0x10f + 0x10f); CHECK(counter == 8);
	CHECK(gtab[0] == &counter);
	CHECK(data() == 'l' + 1000 + 5); CHECK(ext_tls == 6);
	return failures;
}
`
	runC(t, m, drv)
	// The same in PIC: GOT for non-preemptible-unknown symbols, general-dynamic TLS.
	runCOpts(t, m, drv, &codegen.Options{PIC: true}, nil)
	// Assembly checks: spills happen, callee-saved registers are used across calls.
	asm := genAsm(t, m, nil)
	if !strings.Contains(asm, "%rbx") {
		t.Errorf("expected a callee-saved register in loopcall")
	}
	if !strings.Contains(asm, "ext@PLT") || !strings.Contains(asm, "ext_var@GOTPCREL(%rip)") || !strings.Contains(asm, "ext_tls@gottpoff") {
		t.Errorf("expected PLT/GOT/IE-TLS references")
	}
}

// Computed goto into blocks with phis: the copies run before the indirect jump.
func TestComputedGotoPhis(t *testing.T) {
	m := newModule()
	x := newFn(m, "cgoto", ir.I64, ir.I64)
	n := x.param(0)
	b1, b2 := x.f.NewBlock(), x.f.NewBlock()
	entry := x.b
	a1 := x.aux(ir.OpBlockAddr, ir.Ptr, int64(b1.ID))
	entry.Kind = ir.BlockIndirectJump
	entry.SetControl(a1)
	entry.AddEdge(b1)
	x.b = b1
	acc := b1.Append(ir.OpPhi, ir.I64)
	acc2 := x.op(ir.OpAdd, ir.I64, acc, x.c(ir.I64, 1))
	c := x.op(ir.OpLtS, ir.I32, acc2, n)
	tgt := x.op(ir.OpSelect, ir.Ptr, c, x.aux(ir.OpBlockAddr, ir.Ptr, int64(b1.ID)), x.aux(ir.OpBlockAddr, ir.Ptr, int64(b2.ID)))
	b1.Kind = ir.BlockIndirectJump
	b1.SetControl(tgt)
	b1.AddEdge(b1)
	b1.AddEdge(b2)
	acc.AddArg(entry.Append(ir.OpConst, ir.I64)) // 0, from entry
	acc.AddArg(acc2)
	x.b = b2
	r := b2.Append(ir.OpPhi, ir.I64, acc2)
	x.ret(x.op(ir.OpMul, ir.I64, r, x.c(ir.I64, 10)))
	runC(t, m, cHeader+"long cgoto(long);\nint main(void) { CHECK(cgoto(5) == 50); CHECK(cgoto(1) == 10); return failures; }\n")
}
