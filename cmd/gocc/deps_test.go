package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestQuoteMake(t *testing.T) {
	for in, want := range map[string]string{
		"a.o": "a.o", "a b": `a\ b`, `a\ b`: `a\\\ b`, "$(x)": "$$(x)", "a#b": `a\#b`, "t\tx": "t\\\tx",
	} {
		if got := quoteMake(in); got != want {
			t.Errorf("quoteMake(%q) = %q, want %q", in, got, want)
		}
	}
	if got := depName(".//./x/y.h"); got != "x/y.h" {
		t.Errorf("depName = %q", got)
	}
}

// TestDependencyOutputMatchesGCC runs the -M family with gocc and gcc (the oracle) on
// a small tree: quoted and angled includes, relative paths, a system header, missing
// headers with -MG, long names that wrap, and targets that need quoting.
func TestDependencyOutputMatchesGCC(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("gcc is not installed: it is the oracle")
	}
	dir := t.TempDir()
	files := map[string]string{
		"main.c":  "#include \"sub/a.h\"\n#include <inc.h>\n#include <stddef.h>\n#include \"sub/a.h\"\nint main(void) { return 0; }\n",
		"sub/a.h": "#pragma once\n#include \"../b.h\"\n#include \"a_very_long_header_name_that_forces_the_line_to_wrap_around.h\"\n",
		"sub/a_very_long_header_name_that_forces_the_line_to_wrap_around.h": "",
		"b.h":       "#ifndef B\n#define B\n#endif\n",
		"inc/inc.h": "int inc;\n",
		"gen.c":     "#include \"gen1.h\"\n#include <gen2.h>\n#include \"b.h\"\n",
		"sp ace.c":  "#include \"b.h\"\n",
		"sub/dir.c": "#include \"a.h\"\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gccInc, err := exec.Command("gcc", "-print-file-name=include").Output()
	if err != nil {
		t.Fatal(err)
	}
	search := []string{"-nostdinc", "-isystem", strings.TrimSpace(string(gccInc)), "-isystem", "/usr/include", "-I./inc/"}
	for _, c := range []struct {
		args []string
		out  string // the file to compare, "" for stdout
	}{
		{[]string{"-M", "main.c"}, ""},
		{[]string{"-MM", "main.c"}, ""},
		{[]string{"-M", "-MP", "./main.c"}, ""},
		{[]string{"-MM", "-MT", "x y", "-MQ", "$(o)/x y#1", "-MT", "z", "main.c"}, ""},
		{[]string{"-M", "-MG", "gen.c"}, ""},
		{[]string{"-MM", "-MG", "-MP", "gen.c"}, ""},
		{[]string{"-M", "sp ace.c", "sub/dir.c"}, ""},
		{[]string{"-M", "-MF", "out.d", "main.c"}, "out.d"},
		{[]string{"-M", "-o", "out.d", "main.c"}, "out.d"},
		{[]string{"-E", "-MD", "main.c", "-o", "pre.i"}, "pre.d"},
		{[]string{"-E", "-MMD", "-MT", "t", "main.c", "-o", "/dev/null", "-MF", "x.d"}, "x.d"},
		{[]string{"-c", "-MD", "main.c", "-o", "obj/m.o"}, "obj/m.d"},
		{[]string{"-S", "-MMD", "-MP", "main.c"}, "main.d"},
		{[]string{"-c", "-Wp,-MD,wp.d", "main.c"}, "wp.d"},
	} {
		os.MkdirAll(filepath.Join(dir, "obj"), 0o755)
		args := append(append([]string{}, search...), c.args...)
		read := func() string {
			if c.out == "" {
				return ""
			}
			data, err := os.ReadFile(filepath.Join(dir, c.out))
			if err != nil {
				t.Errorf("%v: %v", c.args, err)
			}
			os.Remove(filepath.Join(dir, c.out))
			return string(data)
		}
		cmd := exec.Command("gcc", args...)
		cmd.Dir = dir
		want, err := cmd.Output()
		if err != nil {
			t.Fatalf("gcc %v: %v", args, err)
		}
		wantFile := read()
		code, got, stderr := gocc(t, dir, args...)
		if code != 0 {
			t.Errorf("gocc %v: exit %d\n%s", c.args, code, stderr)
			continue
		}
		gotFile := read()
		if c.out != "" {
			want, got = []byte(wantFile), gotFile
		}
		if got != string(want) {
			t.Errorf("gocc %v:\n%s\ngcc:\n%s", c.args, got, want)
		}
	}
	if code, _, stderr := gocc(t, dir, "-E", "-MD", "-MG", filepath.Join(dir, "main.c")); code != 1 || !strings.Contains(stderr, "-MG") {
		t.Errorf("-MD -MG: exit %d, %s", code, stderr)
	}
}

// TestDependencyOutputSkipsBuiltinHeaders: gocc's built-in headers are not files, so
// they must not become make prerequisites (make would stop: no rule to make them).
func TestDependencyOutputSkipsBuiltinHeaders(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x.c"), []byte("#include <stddef.h>\n#include <stdarg.h>\nint x;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := gocc(t, dir, "-M", "x.c")
	if code != 0 || !strings.HasPrefix(out, "x.o: x.c") || strings.Contains(out, "<gocc>") {
		t.Errorf("gocc -M: exit %d, %q %s", code, out, stderr)
	}
}
