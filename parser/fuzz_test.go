package parser

import (
	"testing"

	"gocc/diag"
	"gocc/lexer"
)

// FuzzParse: any token stream is parsed into a tree, with diagnostics for what is
// malformed, and never panics or recurses without bound. Seeds:
// testdata/fuzz/FuzzParse (a sample of the GCC torture suite, go run ./cmd/fuzzseed).
func FuzzParse(f *testing.F) {
	for _, s := range []string{"", "int main(void) { return 0; }", "struct { int a : 3; } s = { .a = 1 };",
		"int f(int (*)(int[static 3]), ...);", "x = ({ int y; y; });", "((((((", "{{{{", "int a[] = {[0 ... 3] = 1};",
		"typedef int T; T (T);", "void f() { goto *&&l; l: ; }", "asm(\"\" : \"=r\"(x) : : \"cc\");"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		diags := &diag.List{}
		toks := lexer.Tokenize(&diag.File{Name: "fuzz.c", Contents: src}, diags)
		if Parse("fuzz.c", toks, diags) == nil {
			t.Fatal("Parse returned no file")
		}
	})
}
