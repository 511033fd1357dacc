package csmith

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The tests stand in for csmith and gocc with shell scripts, and use gcc as the oracle,
// so that every verdict can be provoked on purpose.

// program's MUL lets a fake gocc miscompile it: -DMUL=37 changes the checksum.
const program = `#include <stdio.h>
#ifndef MUL
#define MUL 31
#endif
int main(void) {
	unsigned x = 1;
	for (int i = 0; i < 10; i++) x = x * MUL + i;
	printf("checksum = %X\n", x);
	return 0;
}
`

func script(t *testing.T, dir, name, body string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+body), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

func setup(t *testing.T, goccBody string) *Config {
	t.Helper()
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("gcc (the oracle) is not installed")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "prog.txt"), []byte(program), 0o644); err != nil {
		t.Fatal(err)
	}
	return &Config{
		Gocc:           script(t, dir, "fake-gocc", goccBody),
		GCC:            "gcc",
		Csmith:         script(t, dir, "fake-csmith", "cat "+filepath.Join(dir, "prog.txt")+"\n"),
		Include:        dir,
		RunTimeout:     5 * time.Second,
		CompileTimeout: 30 * time.Second,
		WorkDir:        dir,
		FindingsDir:    filepath.Join(dir, "findings"),
	}
}

func TestVerdicts(t *testing.T) {
	cases := []struct {
		name, gocc string
		want       Class
	}{
		{"same", `exec gcc "$@"`, Pass},
		{"wrong", `exec gcc -DMUL=37 "$@"`, WrongCode},
		{"reject", `echo "prog.c:1:1: error: nope" >&2; exit 1`, CompileFail},
		{"ice", `echo "internal compiler error" >&2; exit 4`, Crash},
		{"abort", `exec gcc -Dprintf=abort "$@"`, RunFail},
		{"hang", `exec gcc "-Dreturn=for(;;);return" "$@"`, Timeout},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := setup(t, c.gocc)
			cfg.RunTimeout = time.Second
			rs := cfg.Check(7, []string{"-O0", "-O1"})
			if len(rs) != 2 {
				t.Fatalf("%d results", len(rs))
			}
			for _, r := range rs {
				if r.Class != c.want {
					t.Errorf("%s: %s (%s), want %s", r.Level, r.Class, r.Detail, c.want)
				}
				if r.Class.IsFinding() {
					for _, f := range []string{"prog.c", "original.c", "verdict.txt", "interesting"} {
						if _, err := os.Stat(filepath.Join(r.Saved, f)); err != nil {
							t.Errorf("finding lacks %s: %v", f, err)
						}
					}
				} else if r.Saved != "" {
					t.Errorf("a pass was saved in %s", r.Saved)
				}
			}
		})
	}
}

// TestSkipWhenGCCFails: a seed whose program gcc cannot build is skipped, not blamed on gocc.
func TestSkipWhenGCCFails(t *testing.T) {
	cfg := setup(t, `exec gcc "$@"`)
	if err := os.WriteFile(filepath.Join(cfg.WorkDir, "prog.txt"), []byte("int main(void) { return x; }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := cfg.Check(1, []string{"-O0"})[0]; r.Class != Skip || !strings.Contains(r.Detail, "gcc does not build it") {
		t.Errorf("got %s (%s), want a skip", r.Class, r.Detail)
	}
}

// TestInterestingness runs the saved cvise script: interesting while gocc still
// miscompiles, not once gocc is fixed, and not when the program itself goes wrong.
func TestInterestingness(t *testing.T) {
	cfg := setup(t, `exec gcc -DMUL=37 "$@"`)
	r := cfg.Check(3, []string{"-O0"})[0]
	if r.Class != WrongCode {
		t.Fatalf("got %s (%s)", r.Class, r.Detail)
	}
	interesting := func() bool {
		cmd := exec.Command("./interesting")
		cmd.Dir = r.Saved
		return cmd.Run() == nil
	}
	if !interesting() {
		t.Fatal("the finding is not interesting to its own script")
	}
	// "Fix" gocc: the same program is no longer interesting.
	if err := os.WriteFile(cfg.Gocc, []byte("#!/bin/sh\nexec gcc \"$@\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if interesting() {
		t.Error("still interesting after gocc was fixed")
	}
	// A reduction that introduces undefined behaviour is rejected.
	if err := os.WriteFile(cfg.Gocc, []byte("#!/bin/sh\nexec gcc -DMUL=37 \"$@\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	ub := strings.Replace(program, "unsigned x = 1;", "unsigned x;", 1)
	if err := os.WriteFile(filepath.Join(r.Saved, "prog.c"), []byte(ub), 0o644); err != nil {
		t.Fatal(err)
	}
	if interesting() {
		t.Error("a program reading an uninitialised variable was found interesting")
	}
}
