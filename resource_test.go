package gocc_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestResourceLimits compiles pathological but valid programs (and one too deep to
// accept) and checks that gocc neither crashes nor runs away: each compile must finish
// within a generous limit (a quadratic pass on these sizes takes minutes) and the
// programs must run correctly. The deep-nesting case beyond the parser's bound must
// get a diagnostic and exit 1, not a stack overflow.
func TestResourceLimits(t *testing.T) {
	requireCompiler(t)
	if testing.Short() {
		t.Skip("-short")
	}
	const n = 10000
	cases := []struct {
		name, src string
		flags     []string
		wantExit  int // of the compiler
	}{
		{"nested_parens", "int x = " + strings.Repeat("(", n) + "1" + strings.Repeat(")", n) + ";\nint main(void) { return x - 1; }\n", nil, 0},
		{"nested_blocks", "int main(void) { int r = 1; " + strings.Repeat("{", n) + "r = 0;" + strings.Repeat("}", n) + " return r; }\n", nil, 0},
		{"switch_100000_cases", bigSwitch(100000), []string{"-O2"}, 0},
		{"case_labels_100000_on_one_statement", chainedCases(10 * n), []string{"-O2"}, 0},
		{"initializer_64MB", "char big[64 << 20] = {1, [(64 << 20) - 1] = 2};\nint main(void) { return big[0] + big[(64 << 20) - 1] != 3; }\n", nil, 0},
		{"long_line", "int a[] = {" + longList(300000) + "};\nint main(void) { return a[299999] != 299999 % 100; }\n", nil, 0},
		{"long_expression", "int main(void) { int x = 1; return " + strings.Repeat("x+", 20000) + "0 != 20000; }\n", []string{"-O2"}, 0},
		{"parameters_10000", manyParams(10000), []string{"-O2"}, 0},
		{"too_deep", "int x = " + strings.Repeat("(", 100000) + "1" + strings.Repeat(")", 100000) + ";\n", nil, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			src := filepath.Join(dir, c.name+".c")
			if err := os.WriteFile(src, []byte(c.src), 0o644); err != nil {
				t.Fatal(err)
			}
			exe := filepath.Join(dir, "prog")
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			args := append(append([]string{}, c.flags...), "-o", exe, src)
			out, err := exec.CommandContext(ctx, goccPath, args...).CombinedOutput()
			if ctx.Err() != nil {
				t.Fatalf("gocc ran longer than 60 s")
			}
			code := 0
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != c.wantExit {
				t.Fatalf("gocc exit %d, want %d:\n%s", code, c.wantExit, firstLines(out, 5))
			}
			if c.wantExit != 0 {
				if !strings.Contains(string(out), "error:") || strings.Contains(string(out), "internal compiler error") {
					t.Errorf("want a diagnostic, got:\n%s", firstLines(out, 5))
				}
				return
			}
			if out, err := exec.Command(exe).CombinedOutput(); err != nil {
				t.Fatalf("program: %v\n%s", err, out)
			}
		})
	}
}

func bigSwitch(cases int) string {
	var b strings.Builder
	b.WriteString("int f(int x) {\n\tint r = -1;\n\tswitch (x) {\n")
	for i := 0; i < cases; i++ {
		fmt.Fprintf(&b, "\tcase %d: r = %d; break;\n", i, i*3)
	}
	fmt.Fprintf(&b, "\t}\n\treturn r;\n}\nint main(void) { return f(%d) != %d || f(5) != 15 || f(-1) != -1; }\n", cases-1, (cases-1)*3)
	return b.String()
}

// chainedCases is a switch whose cases all label one statement ("case 0: case 1:
// ... return 1;"), as gcc's limits-caselabels.c: a chain of empty blocks.
func chainedCases(cases int) string {
	var b strings.Builder
	b.WriteString("int f(long x) {\n\tswitch (x) {\n")
	for i := 0; i < cases; i++ {
		fmt.Fprintf(&b, "\tcase %d:\n", i)
	}
	fmt.Fprintf(&b, "\t\treturn 1;\n\t}\n\treturn 0;\n}\nint main(void) { return f(0) != 1 || f(%d) != 1 || f(%d) != 0 || f(-1) != 0; }\n", cases-1, cases)
	return b.String()
}

func longList(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprint(&b, i%100)
	}
	return b.String()
}

// manyParams is a function of n int parameters (gcc.c-torture/compile/limits-fndefn
// has 10,000) and a call that checks the first and last arrive.
func manyParams(n int) string {
	var b strings.Builder
	b.WriteString("static int f(")
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "int a%d", i)
	}
	fmt.Fprintf(&b, ") { return a0 + a%d; }\nint main(void) { return f(", n-1)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprint(&b, i%7)
	}
	fmt.Fprintf(&b, ") != %d; }\n", (n-1)%7)
	return b.String()
}
