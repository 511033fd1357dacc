package torture

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestDirectives(t *testing.T) {
	cases := []struct {
		src   string
		skip  bool
		flags []string
	}{
		{`/* { dg-skip-if "requires io" { freestanding } }  */`, false, nil},
		{`/* { dg-skip-if "" { ! { i?86-*-* x86_64-*-* } } } */`, false, nil},
		{`/* { dg-skip-if "requires higher optimization" { *-*-* } "-O1" "" } */`, false, nil},
		{`/* { dg-skip-if "requires higher optimization" { *-*-* } "-O0" "" } */`, true, nil},
		{`/* { dg-skip-if "x86 only bug" { x86_64-*-* } } */`, true, nil},
		{`/* { dg-skip-if "requires alloca" { ! alloca } { "-O0" } { "" } } */`, false, nil},
		{`/* { dg-require-effective-target int32plus } */`, false, nil},
		{`/* { dg-require-effective-target int16 } */`, true, nil},
		{`/* { dg-options "-fwrapv" } */`, false, []string{"-fwrapv"}},
		{`/* { dg-options { "-fwrapv" } } */`, false, []string{"-fwrapv"}},
		{`/* { dg-additional-options "-mno-stv" { target i?86-*-* x86_64-*-* } } */`, false, []string{"-mno-stv"}},
		{`/* { dg-options "-mtune=i686" { target { { i?86-*-* x86_64-*-* } && ia32 } } } */`, false, nil},
		{`/* { dg-options "-mno-eabi" { target powerpc-*-eabi* } } */`, false, nil},
	}
	for _, c := range cases {
		var tt Test
		applyDirectives(&tt, c.src, "-O0")
		if (tt.Skip != "") != c.skip || !reflect.DeepEqual(tt.Flags, c.flags) {
			t.Errorf("%s: skip %q flags %q, want skip %v flags %q", c.src, tt.Skip, tt.Flags, c.skip, c.flags)
		}
	}
}

func TestXFile(t *testing.T) {
	var a Test
	applyX(&a, "if [istarget \"avr-*-*\"] {\n    return 1\n}\nreturn 0\n")
	if a.Skip != "" {
		t.Errorf("conditional return 1 skipped the test")
	}
	var b Test
	applyX(&b, "# comment\nset additional_flags -fno-builtin-abs\nreturn 1\n")
	if b.Skip == "" || !reflect.DeepEqual(b.Flags, []string{"-fno-builtin-abs"}) {
		t.Errorf("got %+v", b)
	}
}

func TestSampleAndCompare(t *testing.T) {
	var tests []Test
	for i := 0; i < 25; i++ {
		tests = append(tests, Test{Name: string(rune('a' + i))})
	}
	s := Sample(tests)
	if len(s) != 3 || s[0].Name != "a" || s[1].Name != "k" || s[2].Name != "u" {
		t.Errorf("Sample = %v", s)
	}
	e := Expectations{"a": "exit status 1", "b": "timeout"}
	reg, np := e.Compare([]Result{{Name: "a", Pass: true}, {Name: "b"}, {Name: "c"}, {Name: "d", Pass: true}})
	if len(reg) != 1 || reg[0].Name != "c" || len(np) != 1 || np[0].Name != "a" {
		t.Errorf("regressions %v, new passes %v", reg, np)
	}
}

func TestOracleRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "oracle.txt")
	o, err := LoadOracle(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := o.Record([]Result{{Name: "x", Pass: true}, {Name: "y"}}); err != nil {
		t.Fatal(err)
	}
	o2, _ := LoadOracle(path)
	if !o2.Passes("x") || o2.Passes("y") || len(o2.Missing([]Test{{Name: "x"}, {Name: "z"}})) != 1 {
		t.Errorf("oracle did not round-trip: %v", o2.passes)
	}
}

// TestRunnerWithGCC runs two tiny programs through the runner with gcc: one passes,
// one aborts.
func TestRunnerWithGCC(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.c")
	bad := filepath.Join(dir, "bad.c")
	os.WriteFile(good, []byte("int main(void) { return 0; }\n"), 0o644)
	os.WriteFile(bad, []byte("#include <stdlib.h>\nint main(void) { abort(); }\n"), 0o644)
	r := &Runner{CC: "gcc", Flags: []string{"-O0"}, WorkDir: dir}
	res := RunAll(r, []Test{{Name: "good", Files: []string{good}}, {Name: "bad", Files: []string{bad}}}, 2, nil)
	if !res[0].Pass || res[1].Pass || res[1].Reason != "signal: aborted" {
		t.Errorf("results: %+v", res)
	}
	broken := filepath.Join(dir, "broken.c")
	os.WriteFile(broken, []byte("int main(void) { return x; }\n"), 0o644)
	if r := r.Run(Test{Name: "broken", Files: []string{broken}}); r.Pass || len(r.Reason) < 14 || r.Reason[:14] != "compile error:" {
		t.Errorf("broken: %+v", r)
	}
}

// TestSummary writes two levels' sections, then rewrites one: the other must survive
// and the counts must be per subset.
func TestSummary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "summary.md")
	results := []Result{{Name: "a", Pass: true}, {Name: "b"}, {Name: "ieee/c", Pass: true}, {Name: "builtins/d", Pass: true}}
	counts := Summarize(results)
	if len(counts) != 3 || counts[0] != (SubsetCount{"execute", 1, 1}) || counts[1] != (SubsetCount{"ieee", 1, 0}) || counts[2] != (SubsetCount{"builtins", 1, 0}) {
		t.Fatalf("counts %+v", counts)
	}
	info := RunInfo{Target: "x86_64", OptFlag: "-O0", Sample: "full", Date: "today"}
	if err := UpdateSummary(path, info, counts); err != nil {
		t.Fatal(err)
	}
	info.OptFlag = "-O2"
	if err := UpdateSummary(path, info, Summarize(results[:1])); err != nil {
		t.Fatal(err)
	}
	info.OptFlag = "-O0"
	if err := UpdateSummary(path, info, Summarize(results[:2])); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	text := string(data)
	for _, want := range []string{
		"## x86_64 -O0", "## x86_64 -O2",
		"| execute | 1 | 1 | 50.0% |",  // the rewritten -O0 section
		"| execute | 1 | 0 | 100.0% |", // the -O2 section kept
		"| **all** | **1** | **1** | **50.0%** |",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
	if strings.Count(text, "## x86_64 -O0") != 1 || strings.Contains(text, "| ieee |") {
		t.Errorf("the -O0 section was not replaced:\n%s", text)
	}
}
