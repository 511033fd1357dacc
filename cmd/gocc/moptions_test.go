package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gocc/codegen"
)

// The options Linux's kbuild passes on x86-64 (tinyconfig, gcc 12) are recorded for
// the backend.
func TestKernelMachineOptions(t *testing.T) {
	o, err := parseArgs(strings.Fields("-mno-sse -mno-mmx -mno-sse2 -mno-3dnow -mno-avx -m64 -mno-80387 " +
		"-mno-fp-ret-in-387 -mpreferred-stack-boundary=3 -mskip-rax-setup -mtune=generic -mno-red-zone " +
		"-mcmodel=kernel -mindirect-branch=thunk-extern -mindirect-branch-register -mfunction-return=thunk-extern " +
		"-mharden-sls=all -mfentry -mrecord-mcount -fno-function-sections -fconserve-stack " +
		"-ftrivial-auto-var-init=zero a.c"))
	if err != nil {
		t.Fatal(err)
	}
	want := codegen.Machine{CodeModel: "kernel", NoRedZone: true, NoSSE: true, NoSSE2: true, NoMMX: true,
		No3DNow: true, NoAVX: true, No80387: true, NoFPRetIn387: true, SkipRaxSetup: true, StackBoundary: 3,
		IndirectBranch: "thunk-extern", FunctionReturn: "thunk-extern", IndirectBranchRegister: true,
		HardenSLS: "all", Fentry: true, RecordMcount: true}
	if !reflect.DeepEqual(o.Machine, want) {
		t.Errorf("Machine = %+v\nwant %+v", o.Machine, want)
	}
	if o.TrivialAutoVarInit != "zero" || o.FunctionSections {
		t.Errorf("TrivialAutoVarInit %q, FunctionSections %v", o.TrivialAutoVarInit, o.FunctionSections)
	}
	// Only the options the amd64 backend already satisfies are left out.
	u := strings.Join(o.codegenUnimplemented(), " ")
	for _, opt := range []string{"-mcmodel", "-mno-red-zone", "-mno-mmx", "-mskip-rax-setup"} {
		if strings.Contains(u, opt) {
			t.Errorf("%s listed as unimplemented: %s", opt, u)
		}
	}
	for _, opt := range []string{"-mno-sse", "-mno-80387", "-mindirect-branch=thunk-extern", "-ftrivial-auto-var-init=zero"} {
		if !strings.Contains(u, opt) {
			t.Errorf("%s missing from the unimplemented list: %s", opt, u)
		}
	}
	o, err = parseArgs([]string{"-m16", "-mregparm=3", "a.c"})
	if err != nil || o.TargetName != "i386-linux-gnu" || !o.Machine.Code16 || o.Machine.RegParm != 3 {
		t.Errorf("-m16 -mregparm=3: %+v, %v", o, err)
	}
	for _, bad := range []string{"-mcmodel=huge", "-mregparm=4", "-mindirect-branch=x", "-mno-such-thing"} {
		if _, err := parseArgs([]string{bad, "a.c"}); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}

// The -m options change the predefined macros as in gcc; -fsyntax-only and -E accept
// them, compiling to code reports the unimplemented ones.
func TestMachineOptionsDriver(t *testing.T) {
	dir := t.TempDir()
	src := `#ifdef __SSE__
#error __SSE__
#endif
#ifdef __SSE2__
#error __SSE2__
#endif
#ifdef __MMX__
#error __MMX__
#endif
#if !defined(__code_model_kernel__) || defined(__code_model_small__) || !_SOFT_FLOAT || __GCC_IEC_559 != 0
#error macros
#endif
int f(void) { return 1; }
`
	os.WriteFile(filepath.Join(dir, "k.c"), []byte(src), 0o644)
	flags := []string{"-fno-PIE", "-mcmodel=kernel", "-mno-sse", "-mno-mmx", "-mno-80387", "-mno-red-zone"}
	if code, _, stderr := gocc(t, dir, append(flags, "-fsyntax-only", "k.c")...); code != 0 || stderr != "" {
		t.Errorf("-fsyntax-only: exit %d, %q", code, stderr)
	}
	code, _, stderr := gocc(t, dir, append(flags, "-S", "-o", "k.s", "k.c")...)
	if want := "gocc: error: k.c: sorry, unimplemented: code generation with -mno-sse -mno-80387\n"; code != 1 || stderr != want {
		t.Errorf("-S: exit %d, %q; want 1, %q", code, stderr, want)
	}
	if code, _, stderr := gocc(t, dir, "-fno-PIE", "-mcmodel=kernel", "-mno-red-zone", "-mno-mmx", "-S", "-o", "k2.s", "k.c", "-D_SOFT_FLOAT=1", "-U__SSE__", "-U__SSE2__", "-D__GCC_IEC_559=0"); code != 0 {
		t.Errorf("implemented options refused: %q", stderr)
	}
}
