package sema

import (
	"testing"

	"gocc/diag"
	"gocc/lexer"
	"gocc/parser"
	"gocc/target"
)

// FuzzCheck: any program the parser accepts is type-checked, with diagnostics for
// what is wrong, and never panics. Seeds: testdata/fuzz/FuzzCheck (a sample of the
// GCC torture suite, go run ./cmd/fuzzseed).
func FuzzCheck(f *testing.F) {
	for _, s := range []string{"int main(void) { return 0; }", "struct s { int a : 3; char b[]; } x = { 1, { 2 } };",
		"int a[-1];", "struct s { struct s x; };", "int f(void) { return sizeof(void); }", "_Static_assert(1 / 0, \"\");",
		"enum { A = 1 << 40 };", "int x = (int)&x;", "typeof(1.0) d = 1 / 0.0;", "long double _Complex z = 1.0i;"} {
		f.Add([]byte(s))
	}
	tg, err := target.New("x86_64")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		diags := &diag.List{}
		toks := lexer.Tokenize(&diag.File{Name: "fuzz.c", Contents: src}, diags)
		file := parser.Parse("fuzz.c", toks, diags)
		if diags.HasErrors() {
			return // sema runs only on what parses, as in the driver
		}
		Check(file, tg, diags)
	})
}
