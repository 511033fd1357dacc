package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzCompile runs the whole compiler, preprocessor to assembly text (-S), at -O0
// and -O2 on any input: the rule is output or diagnostics with exit 1, never an
// internal compiler error (exit 4: a panic recovered by the driver). Seeds:
// testdata/fuzz/FuzzCompile (a sample of the GCC torture suite, go run ./cmd/fuzzseed).
func FuzzCompile(f *testing.F) {
	for _, s := range []string{"int main(void) { return 0; }\n",
		"struct s { int a : 3; long double d; _Complex float c; } g = { 1, 2.0L, 3.0f };\nint f(struct s x, ...) { return x.a; }\n",
		"int f(int n) { int a[n]; for (int i = 0; i < n; i++) a[i] = i; return a[n - 1]; }\n",
		"__int128 d(__int128 a, __int128 b) { return a / b + (a % b); }\n",
		"int g(int x) { switch (x) { case 1 ... 5: return 1; default: return ({ int y = x; y * 2; }); } }\n",
		"int h(void *p) { static void *t[] = { &&a, &&b }; goto *t[p != 0]; a: return 1; b: return 2; }\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		dir := t.TempDir()
		in := filepath.Join(dir, "fuzz.c")
		if err := os.WriteFile(in, src, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, level := range []string{"-O0", "-O2"} {
			code, _, stderr := gocc(t, dir, "-S", "-w", "-nostdinc", level, "-o", filepath.Join(dir, "fuzz.s"), in)
			if code == exitICE || strings.Contains(stderr, "internal compiler error") {
				t.Fatalf("%s: exit %d:\n%s", level, code, stderr)
			}
			if code != 0 && code != 1 {
				t.Fatalf("%s: exit %d (want 0 or 1):\n%s", level, code, stderr)
			}
		}
	})
}
