package parser

import (
	"os"
	"os/exec"
	"testing"
	"time"

	"gocc/diag"
	"gocc/lexer"
)

func TestTmpWarnings(t *testing.T) {
	os.WriteFile("/tmp/all.c", []byte("#define _GNU_SOURCE 1\n#include <stdio.h>\n#include <stdlib.h>\n#include <x86intrin.h>\n#include <math.h>\n#include <pthread.h>\n#include <complex.h>\n#include <wchar.h>\n"), 0o644)
	out, _ := exec.Command("gcc", "-E", "-P", "/tmp/all.c").Output()
	diags := &diag.List{}
	f := &diag.File{Name: "all.i", Contents: out}
	toks := lexer.Tokenize(f, diags)
	st := time.Now()
	file := Parse("all.i", toks, diags)
	t.Logf("%d bytes, %d tokens, %d decls, parse %v", len(out), len(toks), len(file.Decls), time.Since(st))
	for i, d := range diags.Diags {
		if i < 20 {
			t.Log(d)
		}
	}
}
