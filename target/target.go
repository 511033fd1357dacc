// Package target describes the machines gocc compiles for, as data: type sizes and
// alignments, char signedness, the long double format, va_list, predefined macros and
// the tool names. Nothing above codegen/ may assume one target; it asks this package.
//
// Sources: System V AMD64 psABI 1.0 §3.1.2 (x86-64), AAPCS64 §5 and the Linux
// aarch64 ABI (char is unsigned, long double is IEEE binary128), RISC-V ELF psABI
// "LP64D" (char is unsigned, long double is binary128), i386 System V ABI (long double
// is x87 80-bit in 12 bytes, 4-byte aligned; long long and double 4-byte aligned in
// structs). Each row was checked against gcc 12's sizeof/_Alignof and -dM -E output.
package target

import (
	"fmt"
	"strings"
)

// Arch names an instruction set.
type Arch int

const (
	AMD64 Arch = iota
	ARM64
	RISCV64
	I386
)

func (a Arch) String() string {
	return [...]string{"x86_64", "aarch64", "riscv64", "i386"}[a]
}

// LongDoubleFormat is the representation of C's long double.
type LongDoubleFormat int

const (
	LDX87    LongDoubleFormat = iota // Intel 80-bit extended, stored in 16 (or 12) bytes
	LDQuad                           // IEEE 754 binary128
	LDDouble                         // same as double
)

// VaListKind tells how __builtin_va_list is laid out, which sema needs for its type and
// the backend for va_start/va_arg.
type VaListKind int

const (
	VaListAMD64   VaListKind = iota // struct { unsigned gp_offset, fp_offset; void *overflow_arg_area, *reg_save_area; }[1] (psABI §3.5.7)
	VaListAAPCS64                   // struct { void *__stack, *__gr_top, *__vr_top; int __gr_offs, __vr_offs; } (AAPCS64 §10.1.5)
	VaListPointer                   // void * (RISC-V, i386)
)

// SizeAlign is a scalar type's size and alignment in bytes.
type SizeAlign struct{ Size, Align int }

// Target is one target machine. Values are read-only after construction; pass *Target
// down the pipeline, never a global.
type Target struct {
	Triple string // canonical GNU triple, e.g. "x86_64-linux-gnu"
	Arch   Arch

	// Scalar types (C11 6.2.5). Pointer also gives size_t, ptrdiff_t, intptr_t.
	Bool, Char, Short, Int, Long, LongLong, Int128 SizeAlign
	Float, Double, LongDouble                      SizeAlign
	Pointer                                        SizeAlign
	// MaxStructFieldAlign caps the alignment of double/long long inside structs on
	// i386 (4); 0 elsewhere.
	StructDoubleAlign int

	CharSigned       bool
	LongDoubleFormat LongDoubleFormat
	WCharSigned      bool // wchar_t is int (signed) or unsigned int
	WCharSize        int
	VaList           VaListKind
	VaListSize       int
	VaListAlign      int
	HasInt128        bool
	BigEndian        bool
	MaxAlign         int // __BIGGEST_ALIGNMENT__
	// StackAlign is the alignment of the stack pointer at a call, which every frame
	// inherits (x86-64 psABI §3.2.2, AAPCS64 §6.4.5.1, RISC-V psABI: 16 bytes; the i386
	// psABI as Linux uses it: 16). Locals aligned beyond it are realigned at run time.
	StackAlign int
	// TrampolineSize and TrampolineAlign are the size and alignment of the stack
	// trampoline through which a GNU C nested function whose address is taken is called
	// (it loads the static chain and jumps to the function; gcc's TRAMPOLINE_SIZE: 24 on
	// x86-64). 0 if the backend makes none.
	TrampolineSize, TrampolineAlign int
	// MaxVectorAlign caps the alignment of GNU vector types in bytes; 0 if a vector is
	// aligned to its size (gcc's TARGET_VECTOR_ALIGNMENT: AArch64 caps at 16 bytes, the
	// 128-bit alignment of AAPCS64 §5.5 short vectors; x86 and RISC-V do not cap).
	MaxVectorAlign int
	// StrictAlign is gcc's STRICT_ALIGNMENT (RISC-V: unaligned accesses are slow): a
	// record whose size is that of a scalar machine mode gets the mode only if aligned
	// for it, and then loses the user-set alignment flag that _Alignof looks at.
	StrictAlign bool
	// AnonBitFieldAlign: unnamed bit-fields (zero-width ones too) raise the alignment of
	// the struct to that of their declared type, as named ones do (gcc's
	// TARGET_ALIGN_ANON_BITFIELD: true on AArch64, false on x86 and RISC-V).
	AnonBitFieldAlign bool

	// SizeType and the like, named as C types for the predefined macros.
	SizeType, PtrdiffType, WCharType, IntmaxType, UintmaxType string

	ToolPrefix string // "" for the host, "aarch64-linux-gnu-" for a cross build
	// DynamicLinker is the ELF interpreter of a dynamically linked program.
	DynamicLinker string
	// LibDirs are searched for crt*.o and libc, in order (gcc's multiarch directories),
	// then gcc's own library directory for the support libraries gcc keeps there
	// (libatomic, libgcc_s). A final "*" stands for the newest version present.
	LibDirs []string
	// IncludeDirs are the system header directories after gocc's own, in order.
	IncludeDirs []string
	// EmulationLD is ld's -m emulation.
	EmulationLD string

	// Macros are the target-specific predefined macros (name, value); the common GNU C
	// ones are in preproc. Order is stable for -dM output.
	Macros [][2]string
}

// Is64 reports whether pointers are 8 bytes.
func (t *Target) Is64() bool { return t.Pointer.Size == 8 }

var (
	sa1  = SizeAlign{1, 1}
	sa2  = SizeAlign{2, 2}
	sa4  = SizeAlign{4, 4}
	sa8  = SizeAlign{8, 8}
	sa16 = SizeAlign{16, 16}
)

// New returns the target for a triple or an alias ("x86_64", "amd64", "aarch64",
// "arm64", "riscv64", "i386", "i686", with or without "-linux-gnu", "-unknown-").
func New(triple string) (*Target, error) {
	arch := triple
	if i := strings.IndexByte(triple, '-'); i >= 0 {
		arch = triple[:i]
	}
	switch arch {
	case "x86_64", "amd64", "x86-64":
		return amd64(), nil
	case "aarch64", "arm64":
		return arm64(), nil
	case "riscv64":
		return riscv64(), nil
	case "i386", "i486", "i586", "i686", "x86":
		return i386(), nil
	}
	return nil, fmt.Errorf("unknown target '%s'", triple)
}

// Host returns the target gocc runs on by default.
func Host() *Target { return amd64() }

func lp64(t *Target) *Target {
	t.Bool, t.Char, t.Short, t.Int, t.Long, t.LongLong, t.Int128 = sa1, sa1, sa2, sa4, sa8, sa8, sa16
	t.Float, t.Double, t.Pointer = sa4, sa8, sa8
	t.HasInt128 = true
	t.SizeType, t.PtrdiffType, t.IntmaxType, t.UintmaxType = "long unsigned int", "long int", "long int", "long unsigned int"
	t.WCharSize = 4
	t.MaxAlign = 16
	t.StackAlign = 16
	return t
}

func amd64() *Target {
	t := lp64(&Target{Triple: "x86_64-linux-gnu", Arch: AMD64})
	t.LongDouble = sa16
	t.CharSigned = true
	t.LongDoubleFormat = LDX87
	t.WCharSigned, t.WCharType = true, "int"
	t.VaList, t.VaListSize, t.VaListAlign = VaListAMD64, 24, 8
	t.DynamicLinker = "/lib64/ld-linux-x86-64.so.2"
	t.LibDirs = []string{"/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib", "/lib", "/usr/lib/gcc/x86_64-linux-gnu/*"}
	t.IncludeDirs = []string{"/usr/local/include", "/usr/include/x86_64-linux-gnu", "/usr/include"}
	t.EmulationLD = "elf_x86_64"
	t.TrampolineSize, t.TrampolineAlign = 24, 16
	t.Macros = [][2]string{
		{"__x86_64__", "1"}, {"__x86_64", "1"}, {"__amd64__", "1"}, {"__amd64", "1"},
		{"__SIZEOF_FLOAT80__", "16"}, {"__SIZEOF_FLOAT128__", "16"},
		{"__MMX__", "1"}, {"__SSE__", "1"}, {"__SSE2__", "1"}, {"__FXSR__", "1"},
		{"__SSE_MATH__", "1"}, {"__SSE2_MATH__", "1"}, {"__MMX_WITH_SSE__", "1"},
		{"__k8", "1"}, {"__k8__", "1"}, {"__code_model_small__", "1"},
		{"__ATOMIC_HLE_ACQUIRE", "65536"}, {"__ATOMIC_HLE_RELEASE", "131072"},
		{"__GCC_ASM_FLAG_OUTPUTS__", "1"}, {"__SEG_FS", "1"}, {"__SEG_GS", "1"},
		{"__CET__", "3"},
	}
	return t
}

func arm64() *Target {
	t := lp64(&Target{Triple: "aarch64-linux-gnu", Arch: ARM64})
	t.LongDouble = sa16
	t.CharSigned = false
	t.LongDoubleFormat = LDQuad
	t.WCharSigned, t.WCharType = false, "unsigned int"
	t.VaList, t.VaListSize, t.VaListAlign = VaListAAPCS64, 32, 8
	t.AnonBitFieldAlign = true
	t.MaxVectorAlign = 16
	t.ToolPrefix = "aarch64-linux-gnu-"
	t.DynamicLinker = "/lib/ld-linux-aarch64.so.1"
	t.LibDirs = []string{"/usr/aarch64-linux-gnu/lib", "/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/gcc-cross/aarch64-linux-gnu/*"}
	t.IncludeDirs = []string{"/usr/aarch64-linux-gnu/include", "/usr/include/aarch64-linux-gnu"}
	t.EmulationLD = "aarch64linux"
	t.Macros = [][2]string{
		{"__aarch64__", "1"}, {"__ARM_64BIT_STATE", "1"}, {"__ARM_ARCH", "8"},
		{"__ARM_ARCH_8A", "1"}, {"__ARM_ARCH_ISA_A64", "1"}, {"__ARM_ARCH_PROFILE", "65"},
		{"__ARM_PCS_AAPCS64", "1"}, {"__ARM_FP", "14"}, {"__ARM_NEON", "1"},
		{"__ARM_FEATURE_CLZ", "1"}, {"__ARM_FEATURE_FMA", "1"}, {"__ARM_FEATURE_IDIV", "1"},
		{"__ARM_FEATURE_NUMERIC_MAXMIN", "1"}, {"__ARM_FEATURE_UNALIGNED", "1"},
		{"__ARM_ALIGN_MAX_STACK_PWR", "16"}, {"__ARM_ALIGN_MAX_PWR", "28"},
		{"__ARM_SIZEOF_MINIMAL_ENUM", "4"}, {"__ARM_SIZEOF_WCHAR_T", "4"},
		{"__AARCH64EL__", "1"}, {"__AARCH64_CMODEL_SMALL__", "1"}, {"__ARM_FP16_ARGS", "1"},
		{"__ARM_FP16_FORMAT_IEEE", "1"}, {"__CHAR_UNSIGNED__", "1"},
		{"__GCC_ASM_FLAG_OUTPUTS__", "1"},
		{"__FP_FAST_FMA", "1"}, {"__FP_FAST_FMAF", "1"}, {"__FP_FAST_FMAF32", "1"},
		{"__FP_FAST_FMAF32x", "1"}, {"__FP_FAST_FMAF64", "1"},
	}
	return t
}

func riscv64() *Target {
	t := lp64(&Target{Triple: "riscv64-linux-gnu", Arch: RISCV64})
	t.LongDouble = sa16
	t.CharSigned = false
	t.LongDoubleFormat = LDQuad
	t.WCharSigned, t.WCharType = true, "int"
	t.VaList, t.VaListSize, t.VaListAlign = VaListPointer, 8, 8
	t.StrictAlign = true
	t.ToolPrefix = "riscv64-linux-gnu-"
	t.DynamicLinker = "/lib/ld-linux-riscv64-lp64d.so.1"
	t.LibDirs = []string{"/usr/riscv64-linux-gnu/lib", "/usr/lib/riscv64-linux-gnu", "/lib/riscv64-linux-gnu", "/usr/lib/gcc-cross/riscv64-linux-gnu/*"}
	t.IncludeDirs = []string{"/usr/riscv64-linux-gnu/include", "/usr/include/riscv64-linux-gnu"}
	t.EmulationLD = "elf64lriscv"
	t.Macros = [][2]string{
		{"__riscv", "1"}, {"__riscv_xlen", "64"}, {"__riscv_flen", "64"},
		{"__riscv_float_abi_double", "1"}, {"__riscv_mul", "1"}, {"__riscv_div", "1"},
		{"__riscv_muldiv", "1"}, {"__riscv_atomic", "1"}, {"__riscv_fdiv", "1"},
		{"__riscv_fsqrt", "1"}, {"__riscv_compressed", "1"},
		{"__riscv_arch_test", "1"}, {"__riscv_a", "2001000"}, {"__riscv_c", "2000000"},
		{"__riscv_d", "2002000"}, {"__riscv_f", "2002000"}, {"__riscv_i", "2001000"},
		{"__riscv_m", "2000000"}, {"__riscv_zicsr", "2000000"}, {"__riscv_zifencei", "2000000"},
		{"__CHAR_UNSIGNED__", "1"},
		{"__FP_FAST_FMA", "1"}, {"__FP_FAST_FMAF", "1"}, {"__FP_FAST_FMAF32", "1"},
		{"__FP_FAST_FMAF32x", "1"}, {"__FP_FAST_FMAF64", "1"},
	}
	return t
}

func i386() *Target {
	t := &Target{Triple: "i386-linux-gnu", Arch: I386}
	t.Bool, t.Char, t.Short, t.Int, t.Long, t.LongLong = sa1, sa1, sa2, sa4, sa4, SizeAlign{8, 4}
	t.Float, t.Double, t.Pointer = sa4, SizeAlign{8, 4}, sa4
	t.LongDouble = SizeAlign{12, 4}
	t.StructDoubleAlign = 4
	t.CharSigned = true
	t.LongDoubleFormat = LDX87
	t.WCharSigned, t.WCharType, t.WCharSize = true, "long int", 4
	t.VaList, t.VaListSize, t.VaListAlign = VaListPointer, 4, 4
	t.SizeType, t.PtrdiffType, t.IntmaxType, t.UintmaxType = "unsigned int", "int", "long long int", "long long unsigned int"
	t.MaxAlign = 16
	t.StackAlign = 16
	t.DynamicLinker = "/lib/ld-linux.so.2"
	t.LibDirs = []string{"/usr/lib/i386-linux-gnu", "/lib/i386-linux-gnu", "/usr/lib32"}
	t.IncludeDirs = []string{"/usr/local/include", "/usr/include/i386-linux-gnu", "/usr/include"}
	t.EmulationLD = "elf_i386"
	t.Macros = [][2]string{
		{"__i386__", "1"}, {"__i386", "1"}, {"i386", "1"}, {"__i686", "1"}, {"__i686__", "1"},
		{"__pentiumpro", "1"}, {"__pentiumpro__", "1"}, {"__code_model_32__", "1"},
		{"__SIZEOF_FLOAT80__", "12"}, {"__SIZEOF_FLOAT128__", "16"},
		{"__ILP32__", "1"}, {"_ILP32", "1"}, {"__SEG_FS", "1"}, {"__SEG_GS", "1"},
		{"__GCC_ASM_FLAG_OUTPUTS__", "1"}, {"__CET__", "3"},
		{"__ATOMIC_HLE_ACQUIRE", "65536"}, {"__ATOMIC_HLE_RELEASE", "131072"}, {"__LAHF_SAHF__", "1"},
	}
	return t
}
