package opt

import (
	"bytes"
	"math/rand"
	"testing"

	"gocc/ir"
	"gocc/ir/interp"
)

// randGen builds random functions over slots, a memory buffer and integer arithmetic:
// straight-line code, diamonds (with explicit phis at the join), switches and counted
// loops. Every slot is stored in the entry block, so no load reads an undefined value,
// and every operation is defined for all inputs (constant shift counts and divisors).
type randGen struct {
	r     *rand.Rand
	f     *ir.Func
	b     *ir.Block
	avail []*ir.Value // integer values usable at the current point
	slotT []ir.Type
	buf   *ir.Value // the ptr parameter: a 64-byte buffer
}

const bufSize = 64

func (g *randGen) intType() ir.Type {
	if g.r.Intn(2) == 0 {
		return ir.I32
	}
	return ir.I64
}

func (g *randGen) constant(t ir.Type, c int64) *ir.Value {
	v := g.b.Append(ir.OpConst, t)
	if t == ir.I32 {
		c = int64(int32(c))
	}
	v.AuxInt = c
	return v
}

// pick returns an available value of type t, or a new constant.
func (g *randGen) pick(t ir.Type) *ir.Value {
	var cands []*ir.Value
	for _, v := range g.avail {
		if v.Type == t {
			cands = append(cands, v)
		}
	}
	if len(cands) == 0 || g.r.Intn(3) == 0 {
		consts := []int64{0, 1, -1, 2, 7, 8, 255, -128, 1 << 31, 12345}
		return g.constant(t, consts[g.r.Intn(len(consts))])
	}
	return cands[g.r.Intn(len(cands))]
}

func (g *randGen) slotAddr(k int) *ir.Value {
	v := g.b.Append(ir.OpSlot, ir.Ptr)
	v.AuxInt = int64(k)
	return v
}

func (g *randGen) bufAddr(t ir.Type) *ir.Value {
	size := int64(t.Size(8))
	off := g.r.Int63n(bufSize/size) * size
	return g.b.Append(ir.OpAdd, ir.Ptr, g.buf, g.constant(ir.I64, off))
}

func (g *randGen) add(v *ir.Value) { g.avail = append(g.avail, v) }

func (g *randGen) op() {
	t := g.intType()
	w := int64(t.Size(8) * 8)
	switch g.r.Intn(12) {
	case 0, 1:
		ops := []ir.Op{ir.OpAdd, ir.OpSub, ir.OpMul, ir.OpAnd, ir.OpOr, ir.OpXor}
		g.add(g.b.Append(ops[g.r.Intn(len(ops))], t, g.pick(t), g.pick(t)))
	case 2:
		ops := []ir.Op{ir.OpShl, ir.OpShrS, ir.OpShrU}
		g.add(g.b.Append(ops[g.r.Intn(len(ops))], t, g.pick(t), g.constant(t, g.r.Int63n(w))))
	case 3:
		ops := []ir.Op{ir.OpDivU, ir.OpRemU, ir.OpDivS, ir.OpRemS}
		divs := []int64{1, 2, 3, 8, 10, 64}
		g.add(g.b.Append(ops[g.r.Intn(len(ops))], t, g.pick(t), g.constant(t, divs[g.r.Intn(len(divs))])))
	case 4:
		ops := []ir.Op{ir.OpEq, ir.OpNe, ir.OpLtS, ir.OpLeU, ir.OpGtU, ir.OpGeS}
		x := g.pick(t)
		y := x
		if g.r.Intn(4) != 0 {
			y = g.pick(t)
		}
		g.add(g.b.Append(ops[g.r.Intn(len(ops))], ir.I32, x, y))
	case 5:
		if t == ir.I32 {
			op := ir.OpSExt
			if g.r.Intn(2) == 0 {
				op = ir.OpZExt
			}
			g.add(g.b.Append(op, ir.I64, g.pick(ir.I32)))
		} else {
			g.add(g.b.Append(ir.OpTrunc, ir.I32, g.pick(ir.I64)))
		}
	case 6, 7:
		k := g.r.Intn(len(g.slotT))
		g.add(g.b.Append(ir.OpLoad, g.slotT[k], g.slotAddr(k)))
	case 8, 9:
		k := g.r.Intn(len(g.slotT))
		g.b.Append(ir.OpStore, ir.Void, g.slotAddr(k), g.pick(g.slotT[k]))
	case 10:
		if g.r.Intn(2) == 0 {
			g.add(g.b.Append(ir.OpLoad, t, g.bufAddr(t)))
		} else {
			g.b.Append(ir.OpStore, ir.Void, g.bufAddr(t), g.pick(t))
		}
	case 11:
		switch g.r.Intn(3) {
		case 0:
			g.add(g.b.Append(ir.OpSelect, t, g.pick(ir.I32), g.pick(t), g.pick(t)))
		case 1:
			g.add(g.b.Append(ir.OpNeg, t, g.pick(t)))
		default:
			g.add(g.b.Append(ir.OpNot, t, g.pick(t)))
		}
	}
}

func (g *randGen) straight(n int) {
	for range n {
		g.op()
	}
}

// region appends a straight, diamond, switch or loop region and leaves g.b at its end.
func (g *randGen) region(depth int) {
	saved := len(g.avail)
	switch k := g.r.Intn(4); {
	case k == 0 || depth > 2:
		g.straight(1 + g.r.Intn(6))
	case k == 1: // diamond with an explicit phi
		cond := g.pick(ir.I32)
		then, els, join := g.f.NewBlock(), g.f.NewBlock(), g.f.NewBlock()
		g.b.Kind = ir.BlockIf
		g.b.SetControl(cond)
		g.b.AddEdge(then)
		g.b.AddEdge(els)
		t := g.intType()
		var arms [2]*ir.Value
		for i, arm := range []*ir.Block{then, els} {
			g.b = arm
			g.region(depth + 1)
			arms[i] = g.pick(t)
			g.b.AddEdge(join)
			g.avail = g.avail[:saved]
		}
		g.b = join
		phi := join.Append(ir.OpPhi, t, arms[0], arms[1])
		g.add(phi)
		return
	case k == 2: // switch on a small value
		x := g.b.Append(ir.OpAnd, ir.I32, g.pick(ir.I32), g.constant(ir.I32, 3))
		g.b.Kind = ir.BlockSwitch
		g.b.SetControl(x)
		g.b.Cases = []int64{0, 2}
		join := g.f.NewBlock()
		head := g.b
		for range 3 {
			c := g.f.NewBlock()
			head.AddEdge(c)
			g.b = c
			g.straight(g.r.Intn(4))
			g.b.AddEdge(join)
			g.avail = g.avail[:saved]
		}
		g.b = join
	case k == 3: // for (i = 0; i < n; i++) body, with i in a fresh slot
		n := g.r.Int63n(4)
		ctr := len(g.f.Slots)
		g.f.Slots = append(g.f.Slots, ir.Slot{Size: 4, Align: 4, Name: "i"})
		g.b.Append(ir.OpStore, ir.Void, g.slotAddr(ctr), g.constant(ir.I32, 0))
		head, body, exit := g.f.NewBlock(), g.f.NewBlock(), g.f.NewBlock()
		g.b.AddEdge(head)
		g.b = head
		i := g.b.Append(ir.OpLoad, ir.I32, g.slotAddr(ctr))
		head.Kind = ir.BlockIf
		head.SetControl(g.b.Append(ir.OpLtS, ir.I32, i, g.constant(ir.I32, n)))
		head.AddEdge(body)
		head.AddEdge(exit)
		g.b = body
		g.region(depth + 1)
		i2 := g.b.Append(ir.OpLoad, ir.I32, g.slotAddr(ctr))
		g.b.Append(ir.OpStore, ir.Void, g.slotAddr(ctr), g.b.Append(ir.OpAdd, ir.I32, i2, g.constant(ir.I32, 1)))
		g.b.AddEdge(head)
		g.b = exit
	}
	g.avail = g.avail[:saved]
}

func randomFunc(r *rand.Rand) *ir.Module {
	f := ir.NewFunc("rand")
	f.Params = []ir.Param{{Type: ir.I32}, {Type: ir.I64}, {Type: ir.Ptr}}
	f.Ret = ir.I64
	g := &randGen{r: r, f: f}
	g.b = f.NewBlock()
	for i, p := range f.Params {
		v := g.b.Append(ir.OpParam, p.Type)
		v.AuxInt = int64(i)
		if p.Type == ir.Ptr {
			g.buf = v
		} else {
			g.add(v)
		}
	}
	for range 1 + r.Intn(4) {
		t := g.intType()
		g.slotT = append(g.slotT, t)
		f.Slots = append(f.Slots, ir.Slot{Size: 8, Align: 8, Name: "s"})
		g.b.Append(ir.OpStore, ir.Void, g.slotAddr(len(g.slotT)-1), g.pick(t))
	}
	for range 1 + r.Intn(5) {
		g.region(0)
	}
	// Return a mix of every slot and a few values.
	sum := g.pick(ir.I64)
	for k, t := range g.slotT {
		x := g.b.Append(ir.OpLoad, t, g.slotAddr(k))
		if t == ir.I32 {
			x = g.b.Append(ir.OpZExt, ir.I64, x)
		}
		sum = g.b.Append(ir.OpXor, ir.I64, g.b.Append(ir.OpMul, ir.I64, sum, g.constant(ir.I64, 31)), x)
	}
	g.b.Kind = ir.BlockRet
	g.b.SetControl(sum)
	return &ir.Module{PtrSize: 8, Funcs: []*ir.Func{f}}
}

// execute runs f on args and returns the result and the buffer contents afterwards.
func execute(f *ir.Func, args []uint64, init []byte) (uint64, []byte, error) {
	mem := interp.NewMemory(4096, bufSize)
	copy(mem.Bytes[16:], init)
	ret, err := interp.Run(f, append(args, 16), mem, 10000)
	return ret, mem.Bytes[16 : 16+bufSize], err
}

// TestRandomPrograms checks that the passes keep what random functions compute, with
// the verifier on after every pass.
func TestRandomPrograms(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	inputs := [][]uint64{{0, 0}, {1, 0xffffffffffffffff}, {0x80000000, 0x123456789}, {7, 0x8000000000000000}}
	n := 300
	if testing.Short() {
		n = 50
	}
	for iter := range n {
		m := randomFunc(r)
		if err := ir.VerifyModule(m); err != nil {
			t.Fatalf("generator built invalid IR: %v\n%s", err, m)
		}
		src := m.String()
		if again := ir.MustParse(src).String(); again != src {
			t.Fatalf("program %d does not round-trip through the text form:\n%s\n%s", iter, src, again)
		}
		init := make([]byte, bufSize)
		r.Read(init)
		for _, level := range []int{0, 1, 2} {
			opt := ir.MustParse(src)
			if err := Run(opt, &Config{Level: level, Verify: true}); err != nil {
				t.Fatalf("program %d -O%d: %v\n%s", iter, level, err, src)
			}
			for _, in := range inputs {
				want, wantMem, err := execute(m.Funcs[0], in, init)
				if err != nil {
					t.Fatalf("program %d: original fails: %v\n%s", iter, err, src)
				}
				got, gotMem, err := execute(opt.Funcs[0], in, init)
				if err != nil {
					t.Fatalf("program %d -O%d: optimized fails: %v\n%s\nafter:\n%s", iter, level, err, src, opt)
				}
				if got != want || !bytes.Equal(gotMem, wantMem) {
					t.Fatalf("program %d -O%d on %v: got %#x, want %#x (memory equal: %v)\n%s\nafter:\n%s",
						iter, level, in, got, want, bytes.Equal(gotMem, wantMem), src, opt)
				}
			}
		}
	}
}
