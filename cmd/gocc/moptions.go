package main

import (
	"strconv"
	"strings"

	"gocc/preproc"
)

// parseMOption handles the x86 -m options that change code generation (recorded in
// o.Machine for the backend) and the ones gocc's code already satisfies. It reports
// whether a was one of them.
func (o *Options) parseMOption(a string) (bool, error) {
	m := &o.Machine
	switch a {
	case "-mno-red-zone":
		m.NoRedZone = true
	case "-mred-zone":
		m.NoRedZone = false
	case "-mno-sse":
		m.NoSSE = true
	case "-mno-sse2":
		m.NoSSE2 = true
	case "-msse":
		m.NoSSE = false
	case "-msse2":
		// -msse2 implies -msse, as each SSE level implies the ones before it.
		m.NoSSE, m.NoSSE2 = false, false
	case "-mno-mmx":
		m.NoMMX = true
	case "-mno-3dnow":
		m.No3DNow = true
	case "-mno-avx":
		m.NoAVX = true
	case "-mno-80387", "-msoft-float":
		m.No80387 = true
	case "-m80387", "-mhard-float":
		m.No80387 = false
	case "-mno-fp-ret-in-387":
		m.NoFPRetIn387 = true
	case "-mfp-ret-in-387":
		m.NoFPRetIn387 = false
	case "-mskip-rax-setup":
		m.SkipRaxSetup = true
	case "-mno-skip-rax-setup":
		m.SkipRaxSetup = false
	case "-mindirect-branch-register":
		m.IndirectBranchRegister = true
	case "-mno-indirect-branch-register":
		m.IndirectBranchRegister = false
	case "-mfentry":
		m.Fentry = true
	case "-mno-fentry":
		m.Fentry = false
	case "-mrecord-mcount":
		m.RecordMcount = true
	case "-mno-record-mcount":
		m.RecordMcount = false
	case "-m16":
		// gcc's -m16 is the i386 ABI with the output assembled as .code16gcc.
		o.TargetName = "i386-linux-gnu"
		m.Code16 = true
	default:
		name, val, ok := strings.Cut(a, "=")
		if !ok {
			return false, nil
		}
		switch name {
		case "-mcmodel":
			switch val {
			case "small", "kernel", "medium", "large":
				m.CodeModel = val
			default:
				return true, usageErrorf("unrecognized argument in option '%s'", a)
			}
		case "-mpreferred-stack-boundary":
			n, err := strconv.Atoi(val)
			// gcc: "-mpreferred-stack-boundary=N is not between 3 and 12" on x86-64 (2
			// is allowed for i386).
			if err != nil || n < 2 || n > 12 {
				return true, usageErrorf("'-mpreferred-stack-boundary=%s' is not between 2 and 12", val)
			}
			m.StackBoundary = n
		case "-mregparm":
			n, err := strconv.Atoi(val)
			if err != nil || n < 0 || n > 3 {
				return true, usageErrorf("'-mregparm=%s' is not between 0 and 3", val)
			}
			m.RegParm = n
		case "-mindirect-branch", "-mfunction-return":
			switch val {
			case "keep", "thunk", "thunk-inline", "thunk-extern":
			default:
				return true, usageErrorf("bad value '%s' for '%s=' switch", val, name)
			}
			if name == "-mindirect-branch" {
				m.IndirectBranch = val
			} else {
				m.FunctionReturn = val
			}
		case "-mharden-sls":
			switch val {
			case "none", "return", "indirect-jmp", "all":
				m.HardenSLS = val
			default:
				return true, usageErrorf("bad value '%s' for '-mharden-sls=' switch", val)
			}
		case "-mstack-protector-guard":
			m.StackProtectorGuard = val
		case "-mstack-protector-guard-reg":
			m.StackProtectorGuardReg = val
		case "-mstack-protector-guard-symbol":
			m.StackProtectorGuardSymbol = val
		default:
			return false, nil
		}
	}
	return true, nil
}

// machineMacros are the changes the -m options make to gcc's predefined macros on x86,
// measured with `gcc -E -dM` (gcc 12): the extension macros of disabled ISA extensions
// go, _SOFT_FLOAT appears without an x87, __FLT_EVAL_METHOD__ follows the unit that
// evaluates float and double (C11 5.2.4.2.2p9), and __code_model_<model>__ names the
// code model.
func (o *Options) machineMacros() []preproc.MacroOp {
	m := &o.Machine
	var ops []preproc.MacroOp
	undef := func(names ...string) {
		for _, n := range names {
			ops = append(ops, preproc.MacroOp{Name: n, Undef: true})
		}
	}
	// A predefined macro is replaced, not redefined (which would warn).
	def := func(name, value string) {
		ops = append(ops, preproc.MacroOp{Name: name, Undef: true}, preproc.MacroOp{Name: name, Value: value})
	}
	if m.Code16 {
		// gcc -m16 keeps the compiler's default -march, x86-64 (k8: MMX, SSE, SSE2,
		// FXSR); Debian's i686 default for 32-bit code applies to -m32 only.
		undef("__i686", "__i686__", "__pentiumpro", "__pentiumpro__")
		for _, n := range []string{"__k8", "__k8__", "__MMX__", "__SSE__", "__SSE2__", "__FXSR__"} {
			def(n, "1")
		}
	}
	sseMath := !m.NoSSE
	sse2Math := sseMath && !m.NoSSE2
	x87 := !m.No80387
	if !sseMath {
		undef("__SSE__", "__SSE_MATH__")
	}
	if !sse2Math {
		undef("__SSE2__", "__SSE2_MATH__", "__MMX_WITH_SSE__")
		switch {
		case !x87:
			// Soft float: evaluated in the type itself.
		case sseMath:
			def("__FLT_EVAL_METHOD__", "-1") // float in SSE, double in the x87
			def("__FLT_EVAL_METHOD_TS_18661_3__", "-1")
		default:
			def("__FLT_EVAL_METHOD__", "2") // everything in the x87's long double
			def("__FLT_EVAL_METHOD_TS_18661_3__", "2")
		}
	}
	if m.NoMMX {
		undef("__MMX__")
	}
	if !x87 {
		def("_SOFT_FLOAT", "1")
		if !sseMath {
			// No floating-point hardware: IEC 60559 (Annex F) is not claimed.
			def("__GCC_IEC_559", "0")
			def("__GCC_IEC_559_COMPLEX", "0")
		}
	}
	if m.CodeModel != "" && m.CodeModel != "small" {
		undef("__code_model_small__")
		def("__code_model_"+m.CodeModel+"__", "1")
	}
	return ops
}

// codegenUnimplemented lists the options given that change generated code in ways the
// backend does not implement yet; compiling to assembly with any of them is an error
// (syntax checking and preprocessing are not affected).
func (o *Options) codegenUnimplemented() []string {
	u := o.Machine.Unimplemented()
	if o.TrivialAutoVarInit != "" && o.TrivialAutoVarInit != "uninitialized" {
		u = append(u, "-ftrivial-auto-var-init="+o.TrivialAutoVarInit)
	}
	return u
}
