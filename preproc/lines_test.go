package preproc

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"gocc/diag"
	"gocc/preproc/ppdiff"
)

// TestLineMarkersGCC checks that every token of gocc's -E output has the presumed file
// and line gcc's has (what the line markers and newlines say), on inputs that exercise
// the printer: a long gap before the first token, macro invocations spanning lines, an
// argument on a later line, an empty expansion, and a header.
func TestLineMarkersGCC(t *testing.T) {
	needGCC(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "h.h"), []byte("\n\n\n\n\n\n\n\n\n\n\nint in_header;\n#define H(a, b) a b\n"), 0o644)
	for i, src := range []string{
		"\n\n\n\n\n\n\n\n\n\n\n\nint after_gap;\n",
		"#define F(a, b) a + b\n#define G(x) [x]\nint x = F(1,\n  2) G(3);\nint y = F(\n  G(1),\n\n  2)\n   G(4);\n",
		"#define E\n#define R(n, p, a) n p a\nextern int R (f, (int a,\n  int b),\n  g) E;\nint z;\n",
		"#include \"h.h\"\nint k = H(1,\n 2);\n\n\n\n\n\n\n\n\n\n\nint far;\n",
		// An empty expansion starts the line: the argument's tokens still begin it.
		"#define API\n#define EXPORT(t) API t API\n#define CONST const\nEXPORT(CONST char *) f(void);\n\n#if 1\nEXPORT(CONST char *) g(void);\n#endif\n",
		// A macro in an unexpanded argument (## input) expands while the outer
		// replacement is rescanned: it stays on the outer invocation's line (Linux
		// asm/segment.h's alternative_io(..., [seg] "r" (__CPUNODE_SEG))).
		"#define E 15\n#define SEG (E*8 + 3)\n#define IO(o, in...) asm(o : \"i\" (0), ## in)\nvoid f(void) {\n\tIO(\"x\",\n\n\n\t  [seg] \"r\" (SEG));\n\tint after;\n}\n",
	} {
		file := filepath.Join(dir, "in.c")
		os.WriteFile(file, []byte(src), 0o644)
		cmd := exec.Command("gcc", "-E", "-nostdinc", file)
		want, err := cmd.Output()
		if err != nil {
			t.Fatalf("gcc: %v", err)
		}
		cfg := testConfig()
		cfg.NoStdInc = true
		var dl diag.List
		toks := Preprocess(&diag.File{Name: file, Contents: []byte(src)}, cfg, &dl)
		var b bytes.Buffer
		Print(&b, toks)
		if r := ppdiff.Compare(b.String(), string(want), true); r != "" {
			t.Errorf("input %d: %s\ngocc:\n%s\ngcc:\n%s", i, r, b.String(), want)
		}
	}
}

// TestCanonicalSystemHeaderNames: gcc names a system header by its real path when that
// is shorter (-fcanonical-system-headers): symbolic links and ".." resolved.
func TestCanonicalSystemHeaderNames(t *testing.T) {
	needGCC(t)
	dir := t.TempDir()
	sys := filepath.Join(dir, "sys")
	os.MkdirAll(filepath.Join(sys, "sub"), 0o755)
	os.WriteFile(filepath.Join(sys, "a.h"), []byte("int in_a;\n#include \"sub/../b.h\"\n"), 0o644)
	os.WriteFile(filepath.Join(sys, "b.h"), []byte("int in_b;\n"), 0o644)
	if err := os.Symlink("a.h", filepath.Join(sys, "a_longer_name.h")); err != nil {
		t.Skip(err)
	}
	file := filepath.Join(dir, "in.c")
	src := "#include <a_longer_name.h>\nint main_file;\n"
	os.WriteFile(file, []byte(src), 0o644)
	want, err := exec.Command("gcc", "-E", "-nostdinc", "-isystem", sys, file).Output()
	if err != nil {
		t.Fatal(err)
	}
	cfg := testConfig()
	cfg.NoStdInc, cfg.SystemDirs = true, []string{sys}
	var dl diag.List
	toks := Preprocess(&diag.File{Name: file, Contents: []byte(src)}, cfg, &dl)
	var b bytes.Buffer
	Print(&b, toks)
	if r := ppdiff.Compare(b.String(), string(want), true); r != "" {
		t.Errorf("%s\ngocc:\n%s\ngcc:\n%s", r, b.String(), want)
	}
}
