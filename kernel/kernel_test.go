package kernel

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

func TestSplitShell(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{`gcc -c -o a.o a.c`, []string{"gcc", "-c", "-o", "a.o", "a.c"}},
		{`gcc -DKBUILD_MODNAME='"main"' x.c`, []string{"gcc", `-DKBUILD_MODNAME="main"`, "x.c"}},
		{`gcc "-DA=\"b c\"" -DX=a\ b`, []string{"gcc", `-DA="b c"`, "-DX=a b"}},
		{`gcc "a\b"`, []string{"gcc", `a\b`}},
		{`gcc -c x.c   ; ./tools/objtool/objtool --uaccess x.o`, []string{"gcc", "-c", "x.c"}},
		{`  `, nil},
	} {
		got, err := SplitShell(tc.in)
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("SplitShell(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	if _, err := SplitShell(`gcc 'x`); err == nil {
		t.Errorf("unterminated quote accepted")
	}
}

func TestParseCmdLine(t *testing.T) {
	line := `cmd_init/main.o := gcc -Wp,-MMD,init/.main.o.d -nostdinc -I./include -D__KERNEL__ -mcmodel=kernel ` +
		`-DKBUILD_BASENAME='"main"' -c -o init/main.o init/main.c   ; ./tools/objtool/objtool --uaccess init/main.o`
	c, ok, err := ParseCmdLine(line)
	if err != nil || !ok {
		t.Fatalf("ParseCmdLine: ok=%v err=%v", ok, err)
	}
	want := Command{
		File: "init/main.c", Object: "init/main.o",
		Flags: []string{"-nostdinc", "-I./include", "-D__KERNEL__", "-mcmodel=kernel", `-DKBUILD_BASENAME="main"`},
		Argv: []string{"gcc", "-Wp,-MMD,init/.main.o.d", "-nostdinc", "-I./include", "-D__KERNEL__", "-mcmodel=kernel",
			`-DKBUILD_BASENAME="main"`, "-c", "-o", "init/main.o", "init/main.c"},
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got %+v\nwant %+v", c, want)
	}
	for _, line := range []string{
		// A host program, an assembler file, a link, and a non-command line.
		`cmd_scripts/kallsyms := gcc -Wp,-MMD,scripts/.kallsyms.d -O2 -o scripts/kallsyms scripts/kallsyms.c`,
		`cmd_scripts/mod/empty.o := gcc -Wp,-MMD,x.d -c -o scripts/mod/empty.o scripts/mod/empty.c`,
		`cmd_arch/x86/entry/entry_64.o := gcc -D__ASSEMBLY__ -D__KERNEL__ -c -o arch/x86/entry/entry_64.o arch/x86/entry/entry_64.S`,
		`cmd_init/built-in.a := rm -f init/built-in.a; ar cDPrST init/built-in.a init/main.o`,
		`source_init/main.o := init/main.c`,
	} {
		if _, ok, err := ParseCmdLine(line); ok || err != nil {
			t.Errorf("ParseCmdLine(%q) = ok %v, err %v; want neither", line, ok, err)
		}
	}
}

func TestManifestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "init")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := "cmd_init/main.o := gcc -D__KERNEL__ -c -o init/main.o init/main.c\n\nsource_init/main.o := init/main.c\n"
	if err := os.WriteFile(filepath.Join(sub, ".main.o.cmd"), []byte(cmd), 0o644); err != nil {
		t.Fatal(err)
	}
	cmds, err := Collect(dir)
	if err != nil || len(cmds) != 1 || cmds[0].File != "init/main.c" {
		t.Fatalf("Collect = %+v, %v", cmds, err)
	}
	path := filepath.Join(dir, ManifestName)
	m := &Manifest{Tree: dir, Arch: Arch, Config: Config, Files: cmds}
	if err := WriteManifest(path, m); err != nil {
		t.Fatal(err)
	}
	got, err := ReadManifest(path)
	if err != nil || !reflect.DeepEqual(got, m) {
		t.Errorf("ReadManifest = %+v, %v; want %+v", got, err, m)
	}
}

func TestSampleAndFirstError(t *testing.T) {
	cmds := make([]Command, 25)
	if got := len(Sample(cmds)); got != 3 {
		t.Errorf("Sample of 25 = %d commands, want 3", got)
	}
	out := []byte("x.c:1:2: warning: w\nx.c:3:4: error: e\n")
	if got := FirstError(out); got != "x.c:3:4: error: e" {
		t.Errorf("FirstError = %q", got)
	}
}

// TestKernelSyntax runs the whole check (cmd/kernelsyntax --fast) when
// GOCC_KERNEL_TEST=1: it needs the kernel build in the cache (a few minutes the first
// time) and bin/gocc, so plain `go test ./...` skips it. `make kernel-syntax` runs the
// full check.
func TestKernelSyntax(t *testing.T) {
	if os.Getenv("GOCC_KERNEL_TEST") != "1" {
		t.Skip("set GOCC_KERNEL_TEST=1 (or run make kernel-syntax)")
	}
	gocc, err := filepath.Abs("../bin/gocc")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(gocc); err != nil {
		t.Skipf("%v: run make build first", err)
	}
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no gcc")
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	tree, err := EnsureBuilt(filepath.Join(cache, "gocc", "kernel"), 2, func(s string) { t.Log(s) })
	if err != nil {
		t.Fatal(err)
	}
	cmds, err := Collect(tree)
	if err != nil || len(cmds) == 0 {
		t.Fatalf("Collect: %d files, %v", len(cmds), err)
	}
	failed := 0
	sample := Sample(cmds)
	for _, c := range sample {
		if r := Check(gocc, tree, c, time.Minute); !r.Pass {
			failed++
			t.Errorf("%s: %s", r.File, r.Reason)
		}
	}
	t.Logf("%d passed, %d failed", len(sample)-failed, failed)
}
