package amd64

import (
	"strings"
	"testing"
)

// TestEmitBytes: bytes go out 16 to a .byte line; zero runs of 32 or more become one
// .zero directive, shorter ones stay in the .byte lines.
func TestEmitBytes(t *testing.T) {
	b := make([]byte, 0, 200)
	b = append(b, 1, 2, 3)
	b = append(b, make([]byte, 40)...) // a long zero run
	b = append(b, 4)
	b = append(b, make([]byte, 5)...) // a short one
	b = append(b, 9)
	b = append(b, make([]byte, 33)...) // a trailing long run
	var w strings.Builder
	emitBytes(&w, b)
	want := "\t.byte 1,2,3\n\t.zero 40\n\t.byte 4,0,0,0,0,0,9\n\t.zero 33\n"
	if w.String() != want {
		t.Errorf("got\n%s\nwant\n%s", w.String(), want)
	}
	w.Reset()
	emitBytes(&w, []byte("abcdefghijklmnopq"))
	if want := "\t.byte 97,98,99,100,101,102,103,104,105,106,107,108,109,110,111,112\n\t.byte 113\n"; w.String() != want {
		t.Errorf("got\n%s\nwant\n%s", w.String(), want)
	}
}
