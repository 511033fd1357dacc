package opt

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"gocc/ir"
)

var update = flag.Bool("update", false, "rewrite the .golden files of the pass tests")

func findPass(name string) (pass, bool) {
	for _, p := range passes {
		if p.name == name {
			return p, true
		}
	}
	return pass{}, false
}

// TestGolden runs each pass on testdata/<pass>/*.ir (the pass alone, verified before and
// after) and compares the printed result with the matching .golden file.
func TestGolden(t *testing.T) {
	dirs, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		p, ok := findPass(d.Name())
		if !ok {
			t.Errorf("testdata/%s: no pass of that name", d.Name())
			continue
		}
		files, _ := filepath.Glob(filepath.Join("testdata", d.Name(), "*.ir"))
		if len(files) == 0 {
			t.Errorf("testdata/%s: no tests", d.Name())
		}
		for _, file := range files {
			t.Run(strings.TrimSuffix(file[len("testdata/"):], ".ir"), func(t *testing.T) {
				src, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				m, err := ir.Parse(string(src))
				if err != nil {
					t.Fatal(err)
				}
				if err := runPasses(m, &Config{Level: 3, Verify: true}, []pass{p}); err != nil {
					t.Fatal(err)
				}
				got := m.String()
				golden := strings.TrimSuffix(file, ".ir") + ".golden"
				if *update {
					if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test ./opt -update)", err)
				}
				if diff := cmp.Diff(string(want), got); diff != "" {
					t.Errorf("%s: result differs from %s (-want +got):\n%s", file, golden, diff)
				}
				// The golden file itself must parse back to the same text.
				m2, err := ir.Parse(got)
				if err != nil {
					t.Fatalf("golden output does not parse: %v", err)
				}
				if again := m2.String(); again != got {
					t.Errorf("golden output does not round-trip:\n%s", cmp.Diff(got, again))
				}
			})
		}
	}
}

func TestPassNamesUnique(t *testing.T) {
	if err := checkPasses(passes); err != nil {
		t.Fatal(err)
	}
	dup := []pass{{"a", deadcode, 0, false, nil}, {"a", deadcode, 0, false, nil}}
	if err := checkPasses(dup); err == nil {
		t.Error("duplicate pass names not reported")
	}
}

const smallFunc = `module ptrsize 8

func @f(i32) -> i32 {
  slot 0 size 4 align 4 "x"
b0:
  v0 = param i32 0
  v1 = slot ptr 0
  store v1, v0
  v2 = const i32 2
  v3 = const i32 3
  v4 = add i32 v2, v3
  v5 = load i32 v1
  v6 = add i32 v5, v4
  ret v6
}
`

func TestRunLevels(t *testing.T) {
	m := ir.MustParse(smallFunc)
	if err := Run(m, &Config{Level: 0, Verify: true}); err != nil {
		t.Fatal(err)
	}
	// -O0: mem2reg runs (no load or store is left), constfold does not.
	got := m.Funcs[0].String()
	if strings.Contains(got, "load") || strings.Contains(got, "store") {
		t.Errorf("-O0 left memory operations:\n%s", got)
	}
	if !strings.Contains(got, "const i32 2") {
		t.Errorf("-O0 folded constants:\n%s", got)
	}
	m = ir.MustParse(smallFunc)
	if err := Run(m, &Config{Level: 2, Verify: true}); err != nil {
		t.Fatal(err)
	}
	if got := m.Funcs[0].String(); !strings.Contains(got, "const i32 5") {
		t.Errorf("-O2 did not fold 2+3:\n%s", got)
	}
}

func TestDisable(t *testing.T) {
	m := ir.MustParse(smallFunc)
	// slotforward would forward the slot's store to its load as well.
	if err := Run(m, &Config{Level: 2, Verify: true, Disabled: map[string]bool{"mem2reg": true, "slotforward": true}}); err != nil {
		t.Fatal(err)
	}
	if got := m.Funcs[0].String(); !strings.Contains(got, "load") {
		t.Errorf("mem2reg ran although disabled:\n%s", got)
	}
	err := Run(ir.MustParse(smallFunc), &Config{Disabled: map[string]bool{"nosuchpass": true}})
	if err == nil || !strings.Contains(err.Error(), "nosuchpass") {
		t.Errorf("unknown pass name: err = %v", err)
	}
}

func TestPanicNamesPassAndFunc(t *testing.T) {
	boom := pass{"boom", func(f *ir.Func, _ *passContext) { panic("kaboom") }, 0, true, nil}
	err := runPasses(ir.MustParse(smallFunc), &Config{}, []pass{boom})
	want := "internal compiler error: panic during boom while compiling f: kaboom"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
}

func TestVerifyAfterPass(t *testing.T) {
	breaker := pass{"breaker", func(f *ir.Func, _ *passContext) { f.Blocks[0].Values[0].Uses++ }, 0, true, nil}
	err := runPasses(ir.MustParse(smallFunc), &Config{Verify: true}, []pass{breaker})
	if err == nil || !strings.Contains(err.Error(), "after pass breaker") {
		t.Errorf("err = %v, want a verify error after pass breaker", err)
	}
}

func TestDump(t *testing.T) {
	var buf bytes.Buffer
	m := ir.MustParse(smallFunc)
	if err := Run(m, &Config{Level: 1, DumpFunc: "f", DumpTo: &buf}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, p := range passes {
		if !strings.Contains(out, "// f after "+p.name+"\n") {
			t.Errorf("dump lacks the IR after %s", p.name)
		}
	}
}
