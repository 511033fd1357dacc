package ir

import (
	"strings"
	"testing"
)

const verifyBase = `module ptrsize 8

func @f(i32, ptr) -> i32 {
  slot 0 size 4 align 4 "x"
b0:
  v0 = param i32 0
  v1 = param ptr 1
  v2 = const i32 1
  if v0 -> b1 b2
b1: <- b0
  v3 = add i32 v0, v2
  plain -> b3
b2: <- b0
  v4 = sub i32 v0, v2
  store v1, v4
  plain -> b3
b3: <- b1 b2
  v5 = phi i32 v3, v4
  ret v5
}
`

// TestVerifyReports breaks one invariant at a time and checks that Verify names it.
func TestVerifyReports(t *testing.T) {
	if err := VerifyModule(MustParse(verifyBase)); err != nil {
		t.Fatalf("base function: %v", err)
	}
	value := func(f *Func, id int) *Value {
		for _, b := range f.Blocks {
			for _, v := range b.Values {
				if v.ID == id {
					return v
				}
			}
		}
		t.Fatalf("no v%d", id)
		return nil
	}
	tests := []struct {
		name  string
		edit  func(f *Func)
		wants string
	}{
		{"value in two blocks", func(f *Func) { f.Blocks[1].Values = append(f.Blocks[1].Values, value(f, 4)) }, "listed in"},
		{"wrong Block field", func(f *Func) { value(f, 3).Block = f.Blocks[0] }, "Block field"},
		{"argument not in function", func(f *Func) {
			v := value(f, 3)
			v.SetArg(1, &Value{ID: 99, Op: OpConst, Type: I32})
		}, "not in any block"},
		{"phi arity", func(f *Func) { value(f, 5).AddArg(value(f, 3)) }, "phi has 3 arguments"},
		{"phi after non-phi", func(f *Func) {
			b := f.Blocks[3]
			k := b.Func.NewValue(b, OpConst, I32)
			b.Values = append([]*Value{k}, b.Values...)
		}, "phi after a non-phi"},
		{"argument does not dominate", func(f *Func) { value(f, 4).SetArg(0, value(f, 3)) }, "does not dominate its use"},
		{"phi argument does not dominate predecessor", func(f *Func) { value(f, 5).SetArg(0, value(f, 4)) }, "does not dominate the end of predecessor"},
		{"use before definition in block", func(f *Func) {
			b := f.Blocks[2]
			b.Values[0], b.Values[1] = b.Values[1], b.Values[0]
		}, "does not dominate its use"},
		{"succ without pred", func(f *Func) { f.Blocks[3].Preds = f.Blocks[3].Preds[:1] }, "edges in Succs"},
		{"plain with two succs", func(f *Func) { f.Blocks[1].AddEdge(f.Blocks[2]) }, "plain block has 2 successors"},
		{"if without control", func(f *Func) { f.Blocks[0].SetControl(nil) }, "has no control"},
		{"ret type", func(f *Func) { f.Blocks[3].SetControl(value(f, 1)) }, "returns v1 of type ptr"},
		{"wrong arg count", func(f *Func) { value(f, 3).AddArg(value(f, 0)) }, "takes 2 arguments"},
		{"operand types", func(f *Func) { value(f, 3).SetArg(1, value(f, 1)) }, "has type ptr"},
		{"store address type", func(f *Func) { f.Blocks[2].Values[1].SetArg(0, value(f, 4)) }, "want ptr"},
		{"use count", func(f *Func) { value(f, 2).Uses++ }, "Uses is 3 but it has 2 uses"},
		{"slot index", func(f *Func) { f.Blocks[0].Append(OpSlot, Ptr).AuxInt = 3 }, "slot 3 out of range"},
		{"entry with predecessor", func(f *Func) {
			f.Blocks[3].Kind = BlockPlain
			f.Blocks[3].SetControl(nil)
			f.Blocks[3].AddEdge(f.Blocks[0])
		}, "entry block b0 has predecessors"},
		{"switch arity", func(f *Func) {
			b := f.Blocks[0]
			b.Kind = BlockSwitch
			b.Cases = []int64{1, 2}
		}, "switch has 2 cases and 2 successors"},
		{"comparison result type", func(f *Func) { f.Blocks[1].Append(OpLtS, I64, value(f, 0), value(f, 2)) }, "want i32 or i8"},
		{"duplicate value ID", func(f *Func) { value(f, 4).ID = 3 }, "value ID 3 used twice"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := MustParse(verifyBase)
			tc.edit(m.Funcs[0])
			err := Verify(m.Funcs[0])
			if err == nil {
				t.Fatalf("no error, want one containing %q", tc.wants)
			}
			if !strings.Contains(err.Error(), tc.wants) {
				t.Errorf("error %q does not contain %q", err, tc.wants)
			}
		})
	}
}

func TestDominators(t *testing.T) {
	// b0 -> b1 -> b2 -> b1 (loop), b1 -> b3; b0 -> b3.
	m := MustParse(`module ptrsize 8

func @f(i32) -> void {
b0:
  v0 = param i32 0
  if v0 -> b1 b3
b1: <- b0 b2
  if v0 -> b2 b3
b2: <- b1
  plain -> b1
b3: <- b0 b1 b4
  ret
b4:
  plain -> b3
}
`)
	f := m.Funcs[0]
	b := f.Blocks
	d := NewDomTree(f)
	if d.Idom(b[1]) != b[0] || d.Idom(b[2]) != b[1] || d.Idom(b[3]) != b[0] {
		t.Errorf("idoms: %v %v %v", d.Idom(b[1]), d.Idom(b[2]), d.Idom(b[3]))
	}
	if d.Reachable(b[4]) || d.Dominates(b[0], b[4]) {
		t.Error("unreachable b4 treated as reachable")
	}
	if !d.Dominates(b[1], b[2]) || d.Dominates(b[2], b[1]) || !d.StrictlyDominates(b[0], b[3]) {
		t.Error("Dominates wrong")
	}
	df := d.Frontiers()
	if got := blockIDs(df[b[2].ID]); got != "b1" {
		t.Errorf("DF(b2) = %s, want b1", got)
	}
	if got := blockIDs(df[b[1].ID]); got != "b1 b3" && got != "b3 b1" {
		t.Errorf("DF(b1) = %s, want b1 b3", got)
	}
	if got := blockIDs(d.IteratedFrontier(df, []*Block{b[2]})); got != "b1 b3" {
		t.Errorf("IDF(b2) = %s, want b1 b3", got)
	}
	depth := LoopDepth(f)
	if depth[0] != 0 || depth[1] != 1 || depth[2] != 1 || depth[3] != 0 {
		t.Errorf("loop depths %v", depth)
	}
	if !RemoveUnreachableBlocks(f) || len(f.Blocks) != 4 || len(b[3].Preds) != 2 {
		t.Errorf("RemoveUnreachableBlocks: %d blocks, b3 preds %v", len(f.Blocks), b[3].Preds)
	}
	if n := SplitCriticalEdges(f); n != 3 { // b0->b1, b0->b3 and b1->b3
		t.Errorf("split %d critical edges, want 3", n)
	}
	if err := Verify(f); err != nil {
		t.Error(err)
	}
	for _, x := range f.Blocks {
		if len(x.Succs) > 1 {
			for _, s := range x.Succs {
				if len(s.Preds) > 1 {
					t.Errorf("critical edge %v -> %v left", x, s)
				}
			}
		}
	}
}

func TestSplitDuplicateEdgeKeepsPhiArgs(t *testing.T) {
	m := MustParse(`module ptrsize 8

func @f(i32, i32) -> i32 {
b0:
  v0 = param i32 0
  v1 = param i32 1
  if v0 -> b1 b1
b1: <- b0 b0
  v2 = phi i32 v0, v1
  ret v2
}
`)
	f := m.Funcs[0]
	SplitCriticalEdges(f)
	if err := Verify(f); err != nil {
		t.Fatal(err)
	}
	b0, b1 := f.Blocks[0], f.Blocks[1]
	phi := b1.Values[0]
	for i, s := range b0.Succs {
		j := b1.PredIndex(s)
		if want := f.Blocks[0].Values[i]; phi.Args[j] != want {
			t.Errorf("edge %d of b0 carries %v, want %v", i, phi.Args[j], want)
		}
	}
}

func blockIDs(bs []*Block) string {
	var s []string
	for _, b := range bs {
		s = append(s, b.String())
	}
	return strings.Join(s, " ")
}

func TestReplaceUsesAndDeadValues(t *testing.T) {
	m := MustParse(verifyBase)
	f := m.Funcs[0]
	v0, v2 := f.Blocks[0].Values[0], f.Blocks[0].Values[2]
	f.ReplaceUses(v2, v0)
	if v2.Uses != 0 || v0.Uses != 5 {
		t.Errorf("uses after ReplaceUses: v2 %d, v0 %d", v2.Uses, v0.Uses)
	}
	if n := RemoveDeadValues(f); n != 1 {
		t.Errorf("RemoveDeadValues removed %d, want 1 (v2)", n)
	}
	if err := Verify(f); err != nil {
		t.Error(err)
	}
}
