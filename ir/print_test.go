package ir

import (
	"os"
	"strings"
	"testing"
)

// TestRoundTrip checks that print → parse → print gives identical text, and that the
// hand-written file parses to exactly what it says.
func TestRoundTrip(t *testing.T) {
	src, err := os.ReadFile("testdata/roundtrip.ir")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(string(src))
	if err != nil {
		t.Fatal(err)
	}
	text := m.String()
	if text != string(src) {
		t.Errorf("printed text differs from the source:\n%s", lineDiff(string(src), text))
	}
	m2, err := Parse(text)
	if err != nil {
		t.Fatalf("reparse: %v", err)
	}
	if text2 := m2.String(); text2 != text {
		t.Errorf("second print differs:\n%s", lineDiff(text, text2))
	}
	if err := VerifyModule(m); err != nil {
		t.Errorf("verify: %v", err)
	}
	f := m.Funcs[0]
	if got := f.Blocks[2].Values[0].Uses; got != 1 {
		t.Errorf("v21 uses = %d, want 1", got)
	}
	if f.NumValueIDs() != 29 || f.NumBlockIDs() != 4 {
		t.Errorf("next IDs = %d, %d; want 29, 4", f.NumValueIDs(), f.NumBlockIDs())
	}
}

func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var sb strings.Builder
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			sb.WriteString("- " + x + "\n+ " + y + "\n")
		}
	}
	return sb.String()
}
