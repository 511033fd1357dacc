package ir

import (
	"strings"
	"testing"
)

// A label-difference relocation (Reloc.Sub) survives printing and parsing.
func TestRelocSubRoundTrip(t *testing.T) {
	m := &Module{PtrSize: 8, Externs: map[string]bool{}}
	m.Globals = append(m.Globals, &Global{Name: "t", Linkage: Internal, Size: 8, Align: 4, Data: make([]byte, 8),
		Relocs: []Reloc{{Offset: 0, Size: 4, Sym: ".Lf_3", Sub: ".Lf_1"}, {Offset: 4, Size: 4, Sym: ".Lf_2", Sub: ".Lf_1", Addend: 5}}})
	var sb strings.Builder
	if err := Fprint(&sb, m); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(sb.String(), "minus") {
		t.Fatalf("no label difference in:\n%s", sb.String())
	}
	m2, err := Parse(sb.String())
	if err != nil {
		t.Fatalf("%v\n%s", err, sb.String())
	}
	got := m2.Globals[0].Relocs
	want := m.Globals[0].Relocs
	if len(got) != len(want) {
		t.Fatalf("relocs %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("reloc %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}
