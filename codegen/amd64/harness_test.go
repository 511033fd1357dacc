package amd64

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gocc/codegen"
	"gocc/ir"
	"gocc/target"
)

// Test harness: functions are built with the ir helpers, compiled to assembly, and
// linked with a C driver compiled by gcc (the oracle for the calling convention),
// which calls them and checks the results; the program must exit 0.

// fn is a small builder over ir.Func for tests.
type fn struct {
	f *ir.Func
	b *ir.Block // current block
}

func newFn(m *ir.Module, name string, ret ir.Type, params ...ir.Type) *fn {
	f := ir.NewFunc(name)
	f.Ret = ret
	for _, p := range params {
		f.Params = append(f.Params, ir.Param{Type: p})
	}
	m.Funcs = append(m.Funcs, f)
	return &fn{f: f, b: f.NewBlock()}
}

func (x *fn) param(i int) *ir.Value {
	t := x.f.Params[i].Type
	if x.f.Params[i].Agg != nil {
		t = ir.Ptr
	}
	v := x.b.Append(ir.OpParam, t)
	v.AuxInt = int64(i)
	return v
}

func (x *fn) c(t ir.Type, n int64) *ir.Value {
	v := x.b.Append(ir.OpConst, t)
	v.AuxInt = n
	return v
}

func (x *fn) cf(t ir.Type, f float64) *ir.Value {
	v := x.b.Append(ir.OpConstFloat, t)
	v.AuxFloat = f
	return v
}

func (x *fn) op(op ir.Op, t ir.Type, args ...*ir.Value) *ir.Value {
	return x.b.Append(op, t, args...)
}

func (x *fn) aux(op ir.Op, t ir.Type, aux int64, args ...*ir.Value) *ir.Value {
	v := x.b.Append(op, t, args...)
	v.AuxInt = aux
	return v
}

func (x *fn) addr(sym string) *ir.Value {
	v := x.b.Append(ir.OpAddr, ir.Ptr)
	v.Sym = sym
	return v
}

func (x *fn) slot(size, align int64) *ir.Value {
	x.f.Slots = append(x.f.Slots, ir.Slot{Size: size, Align: align})
	return x.aux(ir.OpSlot, ir.Ptr, int64(len(x.f.Slots)-1))
}

func (x *fn) ret(v *ir.Value) {
	x.b.Kind = ir.BlockRet
	x.b.SetControl(v)
}

func (x *fn) jump(to *ir.Block) {
	x.b.Kind = ir.BlockPlain
	x.b.AddEdge(to)
}

func (x *fn) branch(c *ir.Value, t, f *ir.Block) {
	x.b.Kind = ir.BlockIf
	x.b.SetControl(c)
	x.b.AddEdge(t)
	x.b.AddEdge(f)
}

// call emits a direct call with scalar parameters.
func (x *fn) call(sym string, ret ir.Type, variadicFrom int, args ...*ir.Value) *ir.Value {
	ci := &ir.CallInfo{Ret: ret, NumFixed: len(args)}
	for _, a := range args {
		ci.Params = append(ci.Params, ir.Param{Type: a.Type})
	}
	if variadicFrom >= 0 {
		ci.Variadic = true
		ci.NumFixed = variadicFrom
	}
	all := append([]*ir.Value{x.addr(sym)}, args...)
	v := x.b.Append(ir.OpCall, ret, all...)
	v.Call = ci
	return v
}

func newModule() *ir.Module {
	return &ir.Module{PtrSize: 8, Externs: map[string]bool{}}
}

// genAsm generates the module's assembly.
func genAsm(t *testing.T, m *ir.Module, opts *codegen.Options) string {
	t.Helper()
	var buf bytes.Buffer
	if opts == nil {
		opts = &codegen.Options{PIE: true}
	}
	if err := Generate(m, target.Host(), opts, &buf); err != nil {
		t.Fatalf("Generate: %v", err)
	}
	return buf.String()
}

// runC links the module with the C driver and runs it; the driver must exit 0. It
// returns the program's standard output.
func runC(t *testing.T, m *ir.Module, driver string) string {
	t.Helper()
	return runCOpts(t, m, driver, nil, nil)
}

func runCOpts(t *testing.T, m *ir.Module, driver string, opts *codegen.Options, ldflags []string) string {
	t.Helper()
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("gcc not available")
	}
	asm := genAsm(t, m, opts)
	dir := t.TempDir()
	sfile := filepath.Join(dir, "gen.s")
	cfile := filepath.Join(dir, "driver.c")
	exe := filepath.Join(dir, "prog")
	os.WriteFile(sfile, []byte(asm), 0o644)
	os.WriteFile(cfile, []byte(driver), 0o644)
	args := append([]string{"-O1", "-w", "-o", exe, cfile, sfile}, ldflags...)
	if out, err := exec.Command("gcc", args...).CombinedOutput(); err != nil {
		t.Fatalf("gcc: %v\n%s\n--- asm:\n%s", err, out, numbered(asm))
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(exe)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("run: %v\nstdout:\n%s\nstderr:\n%s\n--- asm:\n%s", err, stdout.String(), stderr.String(), numbered(asm))
	}
	return stdout.String()
}

func numbered(s string) string {
	lines := strings.Split(s, "\n")
	if len(lines) > 400 {
		lines = append(lines[:400], "...")
	}
	return strings.Join(lines, "\n")
}

const cHeader = `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
static int failures;
#define CHECK(cond) do { if (!(cond)) { printf("FAIL line %d: %s\n", __LINE__, #cond); failures++; } } while (0)
`
