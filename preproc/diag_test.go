package preproc

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"gocc/diag"
)

// TestDiagnosticsMatchGCC compares the preprocessor's diagnostics for malformed input
// with gcc's, line for line: message, line and column, severity, and the closing
// "compilation terminated." of a fatal error.
func TestDiagnosticsMatchGCC(t *testing.T) {
	needGCC(t)
	for _, tc := range []struct{ name, src string }{
		{"unterminated-if", "#if 1\nint a;\n"},
		{"unterminated-else", "#ifdef X\n#else\n"},
		{"missing-header", "#include \"nope.h\"\nint c;\n"},
		{"directives", "#foo\n#else\n#endif\n#elif 1\n"},
		{"if-expressions", "#if 1 +\n#endif\n#if (1\n#endif\n#if 1/0\n#endif\n#if 2 % 0 + 1\n#endif\n" +
			"#if (2 || 1/0)\n#endif\n#if 1 ? 2\n#endif\n#if 1 2\n#endif\n#if ~\n#endif\n#if 1.0\n#endif\n" +
			"#if x(\n#endif\n#if defined\n#endif\n#if defined(X\n#endif\n#if\n#endif\n"},
		{"numbers", "#if 0x\n#endif\n#if 99999999999999999999\n#endif\n#if 09\n#endif\n#if 0b12\n#endif\n" +
			"#if 1lL\n#endif\n#if 1uz\n#endif\n#if 0x1p3\n#endif\n#if 1e5\n#endif\n#if 0xe+1 == 15\n#endif\n"},
		{"has-operators", "__has_attribute(1)\n__has_attribute(packed\nz\n__has_builtin(x y)\n__has_builtin(1)\n"},
		{"error-warning", "#warning careful 'x'\n#error stop 'y'\n"},
		{"macro-names", "#ifdef\n#endif\n#ifdef 3\n#endif\n#undef\n#define\n#define 3\n#define defined\n#line x\n" +
			"#line 0\n#undef 3\n#ifndef\n#endif\n"},
		{"definitions", "#define F(x,x) x\n#define G(x\n#define H(...) __VA_ARGS__\n#define I(x) __VA_ARGS__\n" +
			"#define J(x) #y\n#define K(x) ## x\n#define L(x) x ##\n#define O ## x\n#define P(a b) a\n" +
			"#define Q(a,) a\n#define R(a...,b) a\n#define S(,) 1\n#define T(\n"},
		{"invocations", "#define M(x) x\nM(1,2)\n#define N(x,y) x\nN(1)\nM(\n"},
		{"pragmas", "#pragma GCC poison foo\nfoo\n#pragma GCC error \"boom\"\n#pragma GCC warning \"wb\"\n"},
		{"includes", "#include\n#include <a.h\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			file := tc.name + ".c"
			if err := os.WriteFile(filepath.Join(dir, file), []byte(tc.src), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("gcc", "-E", "-fno-diagnostics-show-caret", file)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "LC_ALL=C")
			var want bytes.Buffer
			cmd.Stderr = &want
			cmd.Run() // exit 1 for the errors
			cfg := testConfig()
			var dl diag.List
			dl.NoCaret = true
			wd, _ := os.Getwd()
			os.Chdir(dir)
			PreprocessText(&diag.File{Name: file, Contents: []byte(tc.src)}, cfg, &dl, true)
			os.Chdir(wd)
			var got bytes.Buffer
			dl.Print(&got)
			if got.String() != want.String() {
				t.Errorf("gocc:\n%s\ngcc:\n%s", got.String(), want.String())
			}
		})
	}
}
