package ir

import (
	"os"
	"testing"
)

// TestEdgeIndex: the table agrees with SuccPredIndex on every edge of every function
// of the round-trip file, and on a switch with repeated successors in shuffled
// predecessor order.
func TestEdgeIndex(t *testing.T) {
	src, err := os.ReadFile("testdata/roundtrip.ir")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(string(src))
	if err != nil {
		t.Fatal(err)
	}
	f := &Func{Name: "sw"}
	entry, a, b := f.NewBlock(), f.NewBlock(), f.NewBlock()
	// entry -> a, b, a, a, b: the third edge to a is a's second predecessor from entry.
	entry.Succs = []*Block{a, b, a, a, b}
	a.Preds = []*Block{entry, b, entry, entry}
	b.Preds = []*Block{entry, entry}
	b.Succs = []*Block{a}
	m.Funcs = append(m.Funcs, f)
	checked := 0
	for _, fn := range m.Funcs {
		x := NewEdgeIndex(fn)
		for _, blk := range fn.Blocks {
			for i := range blk.Succs {
				if got, want := x.PredIndex(blk, i), blk.SuccPredIndex(i); got != want {
					t.Errorf("%s: edge %s -> succ %d: index %d, SuccPredIndex %d", fn.Name, blk, i, got, want)
				}
				checked++
			}
		}
	}
	if checked < 8 {
		t.Errorf("only %d edges checked", checked)
	}
	x := NewEdgeIndex(f)
	if got := []int{x.PredIndex(entry, 0), x.PredIndex(entry, 2), x.PredIndex(entry, 3), x.PredIndex(entry, 4), x.PredIndex(b, 0)}; got[0] != 0 || got[1] != 2 || got[2] != 3 || got[3] != 1 || got[4] != 1 {
		t.Errorf("switch edges: %v, want [0 2 3 1 1]", got)
	}
}
