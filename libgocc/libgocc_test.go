package libgocc

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gocc/target"
)

// TestAgainstLibgcc builds testdata/check.c with gcc twice, once linked normally (the
// helpers come from libgcc) and once with -nodefaultlibs and the assembled runtime, and
// requires identical output.
func TestAgainstLibgcc(t *testing.T) {
	for _, tool := range []string{"gcc", "as"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not found", tool)
		}
	}
	src, ok := Source(target.AMD64)
	if !ok {
		t.Fatal("no amd64 runtime")
	}
	dir := t.TempDir()
	run := func(name string, args ...string) []byte {
		t.Helper()
		cmd := exec.Command(name, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
		}
		return out
	}
	rtS := filepath.Join(dir, "rt.s")
	if err := os.WriteFile(rtS, src, 0o644); err != nil {
		t.Fatal(err)
	}
	rtO := filepath.Join(dir, "rt.o")
	run("as", "--64", "-o", rtO, rtS)
	static, _ := StaticSource(target.AMD64)
	stS, stO := filepath.Join(dir, "st.s"), filepath.Join(dir, "st.o")
	if err := os.WriteFile(stS, static, 0o644); err != nil {
		t.Fatal(err)
	}
	run("as", "--64", "-o", stO, stS)

	// Every symbol the package advertises is defined and hidden.
	syms := string(run("readelf", "-sW", rtO)) + string(run("readelf", "-sW", stO))
	for _, s := range append(Symbols(target.AMD64), StaticSymbols(target.AMD64)...) {
		found := false
		for _, line := range strings.Split(syms, "\n") {
			f := strings.Fields(line)
			if len(f) >= 8 && f[7] == s {
				found = true
				if f[4] != "GLOBAL" || f[5] != "HIDDEN" || f[6] == "UND" {
					t.Errorf("%s: want a defined GLOBAL HIDDEN symbol, got %q", s, line)
				}
			}
		}
		if !found {
			t.Errorf("%s not defined by the runtime", s)
		}
	}

	ref := filepath.Join(dir, "ref")
	mine := filepath.Join(dir, "mine")
	run("gcc", "-O1", "-o", ref, "testdata/check.c")
	// No crtbegin/crtend either: the runtime defines __dso_handle itself.
	crt := func(name string) string { return strings.TrimSpace(string(run("gcc", "-print-file-name="+name))) }
	run("gcc", "-O1", "-nodefaultlibs", "-nostartfiles", "-o", mine, crt("Scrt1.o"), crt("crti.o"),
		"testdata/check.c", rtO, stO, "-lc", crt("crtn.o"))
	// The second binary must really use the runtime's helpers, not libgcc's.
	if !strings.Contains(string(run("nm", mine)), "gocc_udivmodti4") {
		t.Fatal("runtime object not linked")
	}
	want := run(ref)
	got := run(mine)
	if bytes.Equal(want, got) {
		t.Logf("%d result lines identical", bytes.Count(want, []byte("\n")))
		return
	}
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	bad := 0
	for i := 0; i < len(wl) && i < len(gl); i++ {
		if wl[i] != gl[i] {
			t.Errorf("line %d: libgcc %q, libgocc %q", i+1, wl[i], gl[i])
			if bad++; bad > 20 {
				break
			}
		}
	}
	if len(wl) != len(gl) {
		t.Errorf("libgcc printed %d lines, libgocc %d", len(wl), len(gl))
	}
}
