package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWallText: -Wall's warnings on testdata/wall/w.c (unused variables, a missing
// return, printf and scanf argument types, an incompatible pointer) are gcc 12's
// text exactly, under -Wall, -Wno-format, -Werror=format, no option, -Wformat and
// -w. The expected files are gcc's stderr (LC_ALL=C, -fno-diagnostics-show-caret).
func TestWallText(t *testing.T) {
	src, err := os.ReadFile("testdata/wall/w.c")
	if err != nil {
		t.Fatal(err)
	}
	for i, args := range []string{"-Wall", "-Wall -Wno-format", "-Wall -Werror=format", "", "-Wformat", "-w -Wall"} {
		want, err := os.ReadFile(filepath.Join("testdata/wall", "w"+string(rune('1'+i))+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "w.c"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		argv := append(strings.Fields(args), "-fno-diagnostics-show-caret", "-c", "w.c")
		code, _, stderr := gocc(t, dir, argv...)
		if stderr != string(want) {
			t.Errorf("gocc %s: got\n%s\nwant (gcc)\n%s", args, stderr, want)
		}
		if wantCode := map[bool]int{true: 1, false: 0}[strings.Contains(args, "-Werror")]; code != wantCode {
			t.Errorf("gocc %s: exit %d, want %d", args, code, wantCode)
		}
	}
}

// TestReturnTypeSyntaxOnly: under -fsyntax-only gcc gives only its front end's
// -Wreturn-type warnings ("no return statement" for a static function without any
// return, "'return' with no value"), never "control reaches end" (its middle end's).
// gcc's "declared here" notes are left out of the expected text (gocc has none).
func TestReturnTypeSyntaxOnly(t *testing.T) {
	want, err := os.ReadFile("testdata/wall/r-syntax.txt")
	if err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	_, _, stderr := gocc(t, filepath.Join(wd, "testdata/wall"), "-Wall", "-fsyntax-only", "-fno-diagnostics-show-caret", "r.c")
	if stderr != string(want) {
		t.Errorf("got\n%s\nwant (gcc)\n%s", stderr, want)
	}
}
