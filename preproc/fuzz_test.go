package preproc

import (
	"io"
	"testing"

	"gocc/diag"
	"gocc/target"
)

// FuzzPreprocess: any input is preprocessed (with gocc's own headers only, so that
// the result does not depend on the machine), with diagnostics for malformed
// directives, and never panics. Seeds: testdata/fuzz/FuzzPreprocess (a sample of the
// GCC torture suite, go run ./cmd/fuzzseed) and the inputs below.
func FuzzPreprocess(f *testing.F) {
	for _, s := range []string{"#define f(x) #x\nf(a b)\n", "#if 1\n", "#define a a b\na\n", "#define g(x,...) x ## __VA_ARGS__\ng(1,2)\n",
		"#include \"fuzz.c\"\n", "#if 1/0\n#endif\n", "#define h(x) x\nh(\n", "_Pragma(\"once\")\n", "#line 0x10\n", "#24\nx __LINE__\n", "# 7 \"a.h\" 1 3\n", "#define e() __VA_OPT__(x)\ne()\n",
		"#if __has_include(<stddef.h>) && defined(__x86_64__)\n#endif\n", "#include <stddef.h>\noffsetof(struct s, a)\n"} {
		f.Add([]byte(s))
	}
	tg, err := target.New("x86_64")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		diags := &diag.List{}
		cfg := &Config{Target: tg, NoStdInc: true}
		Preprocess(&diag.File{Name: "fuzz.c", Contents: src}, cfg, diags)
		if err := PreprocessTo(io.Discard, &diag.File{Name: "fuzz.c", Contents: src}, cfg, &diag.List{}, true); err != nil {
			t.Fatalf("PreprocessTo: %v", err)
		}
	})
}
