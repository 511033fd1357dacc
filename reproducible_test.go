package gocc_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
)

// TestReproducible compiles the end-to-end programs and a sample of the GCC torture
// suite (when it has been extracted) twice, at -O2 with -g, from different temporary
// directories and in a different order, and requires byte-identical object files:
// the same input and flags must give the same output.
func TestReproducible(t *testing.T) {
	requireCompiler(t)
	files, _ := filepath.Glob("testdata/run/*.c")
	if cache, err := os.UserCacheDir(); err == nil {
		torture, _ := filepath.Glob(filepath.Join(cache, "gocc", "torture", "execute", "*.c"))
		sort.Strings(torture)
		for i := 0; i < len(torture); i += 20 {
			files = append(files, torture[i])
		}
	}
	if len(files) < 20 {
		t.Fatalf("only %d files to compile", len(files))
	}
	compileAll := func(order []string) map[string][]byte {
		tmp := t.TempDir()
		objs := map[string][]byte{}
		for _, f := range order {
			obj := filepath.Join(tmp, "out.o")
			cmd := exec.Command(goccPath, "-w", "-O2", "-g", "-c", "-o", obj, f)
			cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
			if out, err := cmd.CombinedOutput(); err != nil {
				continue // a file gocc rejects is another test's business
			} else if len(out) > 0 {
				t.Logf("%s: %s", f, out)
			}
			data, err := os.ReadFile(obj)
			if err != nil {
				t.Fatal(err)
			}
			objs[f] = data
		}
		return objs
	}
	first := compileAll(files)
	reversed := append([]string(nil), files...)
	for i, j := 0, len(reversed)-1; i < j; i, j = i+1, j-1 {
		reversed[i], reversed[j] = reversed[j], reversed[i]
	}
	second := compileAll(reversed)
	if len(first) < 20 {
		t.Fatalf("only %d files compiled", len(first))
	}
	for f, a := range first {
		if b, ok := second[f]; !ok {
			t.Errorf("%s: compiled once, failed the second time", f)
		} else if !bytes.Equal(a, b) {
			t.Errorf("%s: object files differ between two compilations", f)
		}
	}
	t.Logf("%d object files identical across two runs", len(first))
}
