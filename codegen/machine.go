package codegen

// Machine holds the x86 -m options that change generated code (gcc's "x86 Options"),
// as the driver parsed them. The zero value is gcc's x86-64 default. The driver refuses
// code generation with the ones a backend does not honour yet (see
// Machine.Unimplemented), so no build silently gets code that breaks their contract.
type Machine struct {
	// CodeModel is -mcmodel= ("" for the default, small). gocc addresses every symbol
	// RIP-relative (or through the GOT), which is valid in the small and kernel models
	// (x86-64 psABI §3.5.1: the kernel model places everything in the top 2 GB).
	CodeModel string
	// NoRedZone is -mno-red-zone: nothing may be stored below %rsp (psABI §3.2.2's
	// 128-byte red zone is unusable, as in kernels with interrupts on the same stack).
	// gocc's frames never use the red zone, so it always holds.
	NoRedZone bool
	// Disabled instruction-set extensions: -mno-sse (which implies no SSE2 and later),
	// -mno-sse2, -mno-mmx, -mno-3dnow, -mno-avx, -mno-80387 (no x87: "soft float").
	NoSSE, NoSSE2, NoMMX, No3DNow, NoAVX, No80387 bool
	// NoFPRetIn387 is -mno-fp-ret-in-387: floating results are not returned in %st(0).
	NoFPRetIn387 bool
	// SkipRaxSetup is -mskip-rax-setup: with SSE disabled, variadic calls need not set
	// %al (psABI §3.5.7: the upper bound of vector registers used). Setting it anyway,
	// as gocc does, is always valid.
	SkipRaxSetup bool
	// StackBoundary is log2 of -mpreferred-stack-boundary= (0: the ABI's 16 bytes,
	// psABI §3.2.2). A smaller boundary means incoming %rsp may be less aligned.
	StackBoundary int
	// RegParm is -mregparm=N (i386: the first N integer arguments in eax, edx, ecx).
	RegParm int
	// Code16 is -m16: i386 code assembled with .code16gcc, to run in real mode.
	Code16 bool
	// IndirectBranch and FunctionReturn are -mindirect-branch= and -mfunction-return=
	// ("keep", "thunk", "thunk-inline", "thunk-extern"; "" for keep): retpolines and
	// return thunks. IndirectBranchRegister is -mindirect-branch-register.
	IndirectBranch, FunctionReturn string
	IndirectBranchRegister         bool
	// HardenSLS is -mharden-sls= ("none", "return", "indirect-jmp", "all").
	HardenSLS string
	// Fentry is -mfentry (call __fentry__ at function entry, with -pg), RecordMcount
	// -mrecord-mcount (the __mcount_loc section).
	Fentry, RecordMcount bool
	// StackProtectorGuard is -mstack-protector-guard= ("global", "tls"), with
	// -mstack-protector-guard-reg= and -mstack-protector-guard-symbol=.
	StackProtectorGuard, StackProtectorGuardReg, StackProtectorGuardSymbol string
}

// Unimplemented lists the options in m that change code in a way the amd64 backend does
// not implement yet, as gcc spells them (empty when the backend honours m).
func (m *Machine) Unimplemented() []string {
	var u []string
	add := func(cond bool, opt string) {
		if cond {
			u = append(u, opt)
		}
	}
	add(m.CodeModel != "" && m.CodeModel != "small" && m.CodeModel != "kernel", "-mcmodel="+m.CodeModel)
	// Floating-point code, varargs prologues and block copies use SSE registers.
	add(m.NoSSE, "-mno-sse")
	add(m.NoSSE2, "-mno-sse2")
	add(m.No80387, "-mno-80387")
	add(m.NoFPRetIn387, "-mno-fp-ret-in-387")
	// Frames assume the 16-byte alignment of §3.2.2 at entry.
	add(m.StackBoundary != 0 && m.StackBoundary != 4, "-mpreferred-stack-boundary")
	add(m.RegParm != 0, "-mregparm")
	add(m.Code16, "-m16")
	add(m.IndirectBranch != "" && m.IndirectBranch != "keep", "-mindirect-branch="+m.IndirectBranch)
	add(m.FunctionReturn != "" && m.FunctionReturn != "keep", "-mfunction-return="+m.FunctionReturn)
	add(m.IndirectBranchRegister, "-mindirect-branch-register")
	add(m.HardenSLS != "" && m.HardenSLS != "none", "-mharden-sls="+m.HardenSLS)
	add(m.Fentry, "-mfentry")
	add(m.RecordMcount, "-mrecord-mcount")
	add(m.StackProtectorGuard != "" || m.StackProtectorGuardReg != "" || m.StackProtectorGuardSymbol != "", "-mstack-protector-guard")
	return u
}
