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
		f := m.Funcs[0]
		constfold(f, nil)
		ret := f.Blocks[0].Control
		if want := tc.konst<<4 + tc.arg; ret.Op != ir.OpConst || ret.AuxInt != want {
			t.Errorf("-O%d: result %v %d, want const %d (constant operand %d, variable %d)",
				tc.level, ret.Op, ret.AuxInt, want, tc.konst, tc.arg)
		}
	}
}
