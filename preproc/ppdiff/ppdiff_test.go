package ppdiff

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gocc/torture"
)

func texts(toks []Token) string {
	var s []string
	for _, t := range toks {
		s = append(s, t.Text)
	}
	return strings.Join(s, "|")
}

func TestTokenize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"a+++++b", "a|++|++|+|b"},
		{"x = 1.5e+3f+.5 0x1p-3 1..2", "x|=|1.5e+3f|+|.5|0x1p-3|1..2"},
		{`L"a\"b" u8"c" 'x' '\'' U'y' Lx`, `L"a\"b"|u8"c"|'x'|'\''|U'y'|Lx`},
		{"a ... <<= %:%: -> ## # @ \\ $x", "a|...|<<=|%:%:|->|##|#|@|\\|$x"},
		{"#pragma once\n  # 3 \"f.h\" 2\nq", "#|pragma|once|q"},
	} {
		toks, _ := Tokenize(c.in)
		if got := texts(toks); got != c.want {
			t.Errorf("Tokenize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTokenizePositions(t *testing.T) {
	toks, marks := Tokenize("# 1 \"a.c\"\nx\n# 7 \"b.h\" 1 3 4\n\ny z\n# 2 \"a.c\" 2\nw")
	if len(marks) != 3 || marks[1].Text != `# 7 "b.h" 1 3 4` || marks[1].OutLine != 3 {
		t.Fatalf("markers %+v", marks)
	}
	want := []Token{{"x", 2, "a.c", 1}, {"y", 5, "b.h", 8}, {"z", 5, "b.h", 8}, {"w", 7, "a.c", 2}}
	if len(toks) != len(want) {
		t.Fatalf("tokens %+v", toks)
	}
	for i := range want {
		if toks[i] != want[i] {
			t.Errorf("token %d = %+v, want %+v", i, toks[i], want[i])
		}
	}
}

func TestCompare(t *testing.T) {
	if r := Compare("a  +\n+ b", "# 1 \"x\"\na + + b", false); r != "" {
		t.Errorf("equal streams differ: %s", r)
	}
	if r := Compare("a ++ b", "a + + b", false); !strings.Contains(r, "gocc '++' gcc '+'") {
		t.Errorf("pasted tokens not found: %q", r)
	}
	if r := Compare("a b", "a\n\nb c", false); r != "first difference at line 3: gocc '<EOF>' gcc 'c' (:3)" {
		t.Errorf("missing tail: %q", r)
	}
	// Same tokens on different presumed lines: only a --lines comparison sees it.
	g, w := "# 1 \"x.c\"\na\nb", "# 1 \"x.c\"\na\n\nb"
	if r := Compare(g, w, false); r != "" {
		t.Errorf("token compare sees lines: %s", r)
	}
	if r := Compare(g, w, true); !strings.Contains(r, "gocc 'b' at x.c:2, gcc at x.c:3") {
		t.Errorf("line compare: %q", r)
	}
}

func TestSample(t *testing.T) {
	var items []Item
	for _, n := range []string{"k", "b", "a", "c", "d", "e", "f", "g", "h", "i", "j", "l"} {
		items = append(items, Item{Name: n})
	}
	s := Sample(items)
	if len(s) != 2 || s[0].Name != "a" || s[1].Name != "k" {
		t.Errorf("Sample = %+v", s)
	}
}

func TestHeaderItems(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, f := range []string{a + "/x.h", a + "/sys/y.h", b + "/x.h", b + "/z.h", b + "/notes.txt"} {
		os.MkdirAll(filepath.Dir(f), 0o755)
		os.WriteFile(f, nil, 0o644)
	}
	items, err := HeaderItems(t.TempDir(), []string{a, b})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, it := range items {
		names = append(names, it.Name)
	}
	if got := strings.Join(names, " "); got != "headers/sys/y.h headers/x.h headers/z.h" {
		t.Errorf("names %s", got)
	}
	src, _ := os.ReadFile(items[0].Path)
	if string(src) != "#include <sys/y.h>\n" {
		t.Errorf("source %q", src)
	}
}

// buildGocc builds cmd/gocc for the differential tests.
func buildGocc(t *testing.T) string {
	bin := filepath.Join(t.TempDir(), "gocc")
	cmd := exec.Command("go", "build", "-o", bin, "gocc/cmd/gocc")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestFastCheck is the quick form of `make ppdiff`: every 20th torture file, in both
// modes, and a fixed set of common headers, against the committed expectations.
func TestFastCheck(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("gcc is not installed: it is the oracle")
	}
	if testing.Short() {
		t.Skip("-short: builds gocc and runs gcc on a corpus sample")
	}
	cacheBase, err := os.UserCacheDir()
	if err != nil {
		cacheBase = os.TempDir()
	}
	items, err := TortureItems(filepath.Join(cacheBase, "gocc", "testsuite"), func(s string) { t.Log(s) })
	if err != nil {
		t.Skipf("torture corpus unavailable: %v", err)
	}
	search, err := SearchFlags("gcc", "x86_64-linux-gnu")
	if err != nil {
		t.Fatal(err)
	}
	var sample []Item
	for i := 0; i < len(items); i += 20 {
		sample = append(sample, items[i])
	}
	work := t.TempDir()
	var hdrs []Item
	for _, h := range []string{"stdio.h", "stdlib.h", "string.h", "math.h", "stddef.h", "stdint.h",
		"stdarg.h", "limits.h", "float.h", "pthread.h", "signal.h", "unistd.h", "sys/stat.h", "wchar.h",
		"x86intrin.h", "tgmath.h", "complex.h", "stdatomic.h"} {
		p := filepath.Join(work, strings.ReplaceAll(h, "/", "_")+".c")
		os.WriteFile(p, []byte("#include <"+h+">\n"), 0o644)
		hdrs = append(hdrs, Item{Name: "headers/" + h, Path: p})
	}
	c := &Checker{Gocc: buildGocc(t), GCC: "gcc", Search: search, WorkDir: work, Timeout: time.Minute}
	for _, m := range []struct {
		mode  Mode
		items []Item
	}{{ModeTokens, concat(sample, hdrs)}, {ModeDeps, concat(sample[:len(sample)/4], hdrs)}} {
		c.Mode = m.mode
		exp, err := torture.LoadExpectations("expect-" + string(m.mode) + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		passed, failed := 0, 0
		for _, r := range RunAll(c, m.items, 1, nil) {
			switch {
			case r.Skip != "":
			case r.Pass:
				passed++
			case exp[r.Item.Name] != "":
				t.Logf("known: %s: %s", r.Item.Name, r.Reason)
			default:
				failed++
				t.Errorf("%s %s: %s", m.mode, r.Item.Name, r.Reason)
			}
		}
		t.Logf("%s: %d passed, %d failed", m.mode, passed, failed)
	}
}

func concat(a, b []Item) []Item { return append(append([]Item(nil), a...), b...) }
