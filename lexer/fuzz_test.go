package lexer

import (
	"testing"

	"gocc/diag"
)

// FuzzTokenize: any input is tokenized, with diagnostics for what is malformed, and
// never panics. Seeds: testdata/fuzz/FuzzTokenize (a sample of the GCC torture suite,
// written by go run ./cmd/fuzzseed) and the inputs below.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"", "int x = 0x1p-3f + 'a' + L\"s\" + u8\"t\";", "\"unterminated", "'", "/* open", "??=define", "a\\\n\\\nb", "0x.p", "1e+", "\x00\xff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		diags := &diag.List{}
		toks := Tokenize(&diag.File{Name: "fuzz.c", Contents: src}, diags)
		if len(toks) == 0 || toks[len(toks)-1].Kind != EOF {
			t.Fatalf("token stream does not end with EOF")
		}
	})
}
