// Package libgocc holds gocc's runtime: the routines a gcc link takes from libgcc and
// crtbegin/crtend (128-bit division, __int128 <-> floating conversions, __dso_handle,
// bit counting), written in each target's assembly language. The driver assembles the
// source for its target once, caches the object, and links it into every program.
package libgocc

import (
	_ "embed"

	"gocc/target"
)

//go:embed asm/amd64.s
var amd64Source []byte

//go:embed asm/amd64_static.s
var amd64StaticSource []byte

// Source returns the runtime's assembly source for arch, or false when gocc has no
// runtime for it yet.
func Source(arch target.Arch) ([]byte, bool) {
	switch arch {
	case target.AMD64:
		return amd64Source, true
	}
	return nil, false
}

// StaticSource returns the assembly of the additions a -static link needs (libgcc
// routines that glibc's libc.a refers to), or false when there are none for arch.
func StaticSource(arch target.Arch) ([]byte, bool) {
	switch arch {
	case target.AMD64:
		return amd64StaticSource, true
	}
	return nil, false
}

// Symbols lists the functions and objects the runtime for arch defines (tests check
// each one exists and callers can tell what is available).
func Symbols(arch target.Arch) []string {
	switch arch {
	case target.AMD64:
		return []string{
			"__dso_handle",
			"__divti3", "__udivti3", "__modti3", "__umodti3",
			"__floattidf", "__floattisf", "__floatuntidf", "__floatuntisf",
			"__fixdfti", "__fixsfti", "__fixunsdfti", "__fixunssfti",
			"__popcountdi2", "__popcountti2", "__paritydi2",
			"__gocc_builtin_setjmp", "__gocc_builtin_longjmp",
		}
	}
	return nil
}

// StaticSymbols lists what StaticSource defines.
func StaticSymbols(arch target.Arch) []string {
	switch arch {
	case target.AMD64:
		return []string{"__unordtf2", "__letf2", "__lttf2", "__getf2", "__gttf2", "__eqtf2", "__netf2",
			"_Unwind_Resume", "__gcc_personality_v0"}
	}
	return nil
}

// PrecisionSource returns the assembly of the object a link with -mpc32, -mpc64 or
// -mpc80 adds (gcc's crtprec32/64/80.o): a constructor that sets the x87 precision
// control to a 24-, 53- or 64-bit significand. bits is 32, 64 or 80; false when arch has
// no x87 or bits is none of those.
func PrecisionSource(arch target.Arch, bits int) ([]byte, bool) {
	if arch != target.AMD64 {
		return nil, false
	}
	var pc string
	switch bits {
	case 32:
		pc = "0x0000"
	case 64:
		pc = "0x0200"
	case 80:
		pc = "0x0300"
	default:
		return nil, false
	}
	return []byte(`	.text
	.p2align 4
	.type	__gocc_set_x87_precision, @function
__gocc_set_x87_precision:
	subq	$8, %rsp
	fnstcw	(%rsp)
	andw	$0xfcff, (%rsp)
	orw	$` + pc + `, (%rsp)
	fldcw	(%rsp)
	addq	$8, %rsp
	ret
	.size	__gocc_set_x87_precision, .-__gocc_set_x87_precision
	.section	.init_array,"aw"
	.p2align 3
	.quad	__gocc_set_x87_precision
	.section	.note.GNU-stack,"",@progbits
`), true
}
