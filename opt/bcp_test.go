package opt

import (
	"testing"

	"gocc/ir"
	"gocc/ir/irgen"
)

func TestConstantPSym(t *testing.T) {
	if constantPSym != irgen.ConstantPSym {
		t.Fatalf("opt's %q != irgen's %q", constantPSym, irgen.ConstantPSym)
	}
}

// TestBcpLevels: an undecided __builtin_constant_p is 1 for a constant operand only
// when optimizing, 0 for a variable operand at every level.
func TestBcpLevels(t *testing.T) {
	const src = `module ptrsize 8

func @f(i32) -> i32 {
b0:
  v0 = param i32 0
  v1 = const i32 4
  v2 = addr ptr @__builtin_constant_p
  v3 = call i32 v2, v1 sym @__builtin_constant_p sig(i32) -> i32
  v4 = call i32 v2, v0 sym @__builtin_constant_p sig(i32) -> i32
  v5 = shl i32 v3, v1
  v6 = add i32 v5, v4
  ret v6
}
`
	for _, tc := range []struct {
		level      int
		konst, arg int64
	}{{0, 0, 0}, {1, 1, 0}, {2, 1, 0}} {
		m, err := ir.Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		p, _ := findPass("bcp")
		if err := runPasses(m, &Config{Level: tc.level, Verify: true}, []pass{p}); err != nil {
			t.Fatal(err)
		}
		vals := m.Funcs[0].Blocks[0].Values
		if v := vals[3]; v.Op != ir.OpConst || v.AuxInt != tc.konst {
			t.Errorf("-O%d: constant operand: got %v %d, want const %d", tc.level, v.Op, v.AuxInt, tc.konst)
		}
		if v := vals[4]; v.Op != ir.OpConst || v.AuxInt != tc.arg {
			t.Errorf("-O%d: variable operand: got %v %d, want const %d", tc.level, v.Op, v.AuxInt, tc.arg)
		}
	}
}
