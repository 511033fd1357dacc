package preproc

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"gocc/diag"
	"gocc/lexer"
	"gocc/target"
)

// Predefined macros: those of gcc 12 for the target (C11 6.10.8 plus GNU's), derived
// from *target.Target so every target gets its own.

// floatFormat is one binary floating format's <float.h> characteristics (C11 5.2.4.2.2),
// with values spelled as gcc spells them.
type floatFormat struct {
	mant, dig, minExp, min10Exp, maxExp, max10Exp, decimalDig int
	max, min, epsilon, denormMin                              string
}

var (
	binary16 = floatFormat{11, 3, -13, -4, 16, 4, 5,
		"6.55040000000000000000000000000000000e+4", "6.10351562500000000000000000000000000e-5",
		"9.76562500000000000000000000000000000e-4", "5.96046447753906250000000000000000000e-8"}
	binary32 = floatFormat{24, 6, -125, -37, 128, 38, 9,
		"3.40282346638528859811704183484516925e+38", "1.17549435082228750796873653722224568e-38",
		"1.19209289550781250000000000000000000e-7", "1.40129846432481707092372958328991613e-45"}
	binary64 = floatFormat{53, 15, -1021, -307, 1024, 308, 17,
		"1.79769313486231570814527423731704357e+308", "2.22507385850720138309023271733240406e-308",
		"2.22044604925031308084726333618164062e-16", "4.94065645841246544176568792868221372e-324"}
	x87ext = floatFormat{64, 18, -16381, -4931, 16384, 4932, 21,
		"1.18973149535723176502126385303097021e+4932", "3.36210314311209350626267781732175260e-4932",
		"1.08420217248550443400745280086994171e-19", "3.64519953188247460252840593361941982e-4951"}
	binary128 = floatFormat{113, 33, -16381, -4931, 16384, 4932, 36,
		"1.18973149535723176508575932662800702e+4932", "3.36210314311209350626267781732175260e-4932",
		"1.92592994438723585305597794258492732e-34", "6.47517511943802511092443895822764655e-4966"}
)

// stdInfo is what -std= says.
type stdInfo struct {
	version string // __STDC_VERSION__, "" for C89
	strict  bool   // an ISO mode: __STRICT_ANSI__, no non-reserved names
	gnu89   bool   // gnu_inline semantics
}

func parseStd(s string) stdInfo {
	switch s {
	case "c89", "c90", "iso9899:1990", "ansi":
		return stdInfo{strict: true, gnu89: true}
	case "iso9899:199409":
		return stdInfo{version: "199409L", strict: true, gnu89: true}
	case "gnu89", "gnu90":
		return stdInfo{gnu89: true}
	case "c99", "c9x", "iso9899:1999", "iso9899:199x":
		return stdInfo{version: "199901L", strict: true}
	case "gnu99", "gnu9x":
		return stdInfo{version: "199901L"}
	case "c11", "c1x", "iso9899:2011":
		return stdInfo{version: "201112L", strict: true}
	case "gnu11", "gnu1x":
		return stdInfo{version: "201112L"}
	case "c17", "c18", "iso9899:2017", "iso9899:2018":
		return stdInfo{version: "201710L", strict: true}
	case "c2x", "c23":
		return stdInfo{version: "202000L", strict: true}
	case "gnu2x", "gnu23":
		return stdInfo{version: "202000L"}
	}
	return stdInfo{version: "201710L"} // gnu17, gcc 12's default
}

// Predefined returns the predefined macros for cfg as (name, definition) pairs, where a
// function-like macro's name includes its parameter list, as -dM prints them.
func Predefined(cfg *Config) [][2]string {
	t := cfg.Target
	if t == nil {
		t = target.Host()
	}
	std := parseStd(cfg.Std)
	var out [][2]string
	def := func(name, val string) { out = append(out, [2]string{name, val}) }
	defi := func(name string, v int) { def(name, fmt.Sprint(v)) }

	def("__STDC__", "1")
	if std.version != "" {
		def("__STDC_VERSION__", std.version)
	}
	if std.strict {
		def("__STRICT_ANSI__", "1")
	}
	if cfg.Freestanding {
		def("__STDC_HOSTED__", "0")
	} else {
		def("__STDC_HOSTED__", "1")
	}
	def("__STDC_UTF_16__", "1")
	def("__STDC_UTF_32__", "1")
	def("__GNUC__", "12")
	def("__GNUC_MINOR__", "2")
	def("__GNUC_PATCHLEVEL__", "0")
	def("__VERSION__", `"12.2.0"`)
	if std.gnu89 {
		def("__GNUC_GNU_INLINE__", "1")
	} else {
		def("__GNUC_STDC_INLINE__", "1")
	}
	def("__ATOMIC_RELAXED", "0")
	def("__ATOMIC_SEQ_CST", "5")
	def("__ATOMIC_ACQUIRE", "2")
	def("__ATOMIC_RELEASE", "3")
	def("__ATOMIC_ACQ_REL", "4")
	def("__ATOMIC_CONSUME", "1")
	if cfg.OptLevel > 0 || cfg.OptSize {
		def("__OPTIMIZE__", "1")
	} else {
		def("__NO_INLINE__", "1")
	}
	if cfg.OptSize {
		def("__OPTIMIZE_SIZE__", "1")
	}
	def("__FINITE_MATH_ONLY__", "0")
	pic := cfg.PIC
	if cfg.PIE > pic {
		pic = cfg.PIE
	}
	if pic > 0 {
		defi("__pic__", pic)
		defi("__PIC__", pic)
	}
	if cfg.PIE > 0 {
		defi("__pie__", cfg.PIE)
		defi("__PIE__", cfg.PIE)
	}
	if t.Arch == target.RISCV64 {
		// RISC-V's code model follows position independence: gcc makes PIC and PIE
		// code medany (and says it is PIC), other code medlow.
		if pic > 0 {
			def("__riscv_cmodel_medany", "1")
			def("__riscv_cmodel_pic", "1")
		} else {
			def("__riscv_cmodel_medlow", "1")
		}
	}

	// Type sizes (gcc's c-cppbuiltin.cc).
	lp64 := t.Long.Size == 8 && t.Pointer.Size == 8
	if lp64 {
		def("_LP64", "1")
		def("__LP64__", "1")
	}
	defi("__SIZEOF_INT__", t.Int.Size)
	defi("__SIZEOF_LONG__", t.Long.Size)
	defi("__SIZEOF_LONG_LONG__", t.LongLong.Size)
	defi("__SIZEOF_SHORT__", t.Short.Size)
	defi("__SIZEOF_FLOAT__", t.Float.Size)
	defi("__SIZEOF_DOUBLE__", t.Double.Size)
	defi("__SIZEOF_LONG_DOUBLE__", t.LongDouble.Size)
	defi("__SIZEOF_SIZE_T__", t.Pointer.Size)
	defi("__CHAR_BIT__", 8)
	defi("__BIGGEST_ALIGNMENT__", t.MaxAlign)
	order := "__ORDER_LITTLE_ENDIAN__"
	if t.BigEndian {
		order = "__ORDER_BIG_ENDIAN__"
	}
	def("__ORDER_LITTLE_ENDIAN__", "1234")
	def("__ORDER_BIG_ENDIAN__", "4321")
	def("__ORDER_PDP_ENDIAN__", "3412")
	def("__BYTE_ORDER__", order)
	def("__FLOAT_WORD_ORDER__", order)
	defi("__SIZEOF_POINTER__", t.Pointer.Size)

	wcharType, wcharSize, wcharSigned := t.WCharType, t.WCharSize, t.WCharSigned
	if cfg.ShortWchar {
		wcharType, wcharSize, wcharSigned = "short unsigned int", 2, false
	}
	def("__SIZE_TYPE__", t.SizeType)
	def("__PTRDIFF_TYPE__", t.PtrdiffType)
	def("__WCHAR_TYPE__", wcharType)
	def("__WINT_TYPE__", "unsigned int")
	def("__INTMAX_TYPE__", t.IntmaxType)
	def("__UINTMAX_TYPE__", t.UintmaxType)
	def("__CHAR16_TYPE__", "short unsigned int")
	def("__CHAR32_TYPE__", "unsigned int")
	def("__SIG_ATOMIC_TYPE__", "int")

	// Integer types by width: the C type names, their suffixes and limits.
	ty := intTypes(t)
	int64T := ty.long
	if t.Long.Size != 8 {
		int64T = ty.llong
	}
	exact := []struct {
		bits int
		s, u intType
	}{{8, ty.schar, ty.uchar}, {16, ty.short, ty.ushort}, {32, ty.int, ty.uint}, {64, int64T, int64T.unsignedOf(ty)}}
	for _, e := range exact {
		def(fmt.Sprintf("__INT%d_TYPE__", e.bits), e.s.name)
	}
	for _, e := range exact {
		def(fmt.Sprintf("__UINT%d_TYPE__", e.bits), e.u.name)
	}
	for _, e := range exact {
		def(fmt.Sprintf("__INT_LEAST%d_TYPE__", e.bits), e.s.name)
	}
	for _, e := range exact {
		def(fmt.Sprintf("__UINT_LEAST%d_TYPE__", e.bits), e.u.name)
	}
	// glibc's fast types: int for 16/32 bits on 32-bit targets, long on 64-bit ones.
	fast := func(bits int) (intType, intType) {
		if bits == 8 {
			return ty.schar, ty.uchar
		}
		if bits == 64 {
			return int64T, int64T.unsignedOf(ty)
		}
		if t.Long.Size == 8 {
			return ty.long, ty.ulong
		}
		return ty.int, ty.uint
	}
	for _, b := range []int{8, 16, 32, 64} {
		s, _ := fast(b)
		def(fmt.Sprintf("__INT_FAST%d_TYPE__", b), s.name)
	}
	for _, b := range []int{8, 16, 32, 64} {
		_, u := fast(b)
		def(fmt.Sprintf("__UINT_FAST%d_TYPE__", b), u.name)
	}
	// intptr_t is ptrdiff_t's type on every target here (int on i386, where long is
	// also 32 bits; glibc's <stdint.h> agrees).
	ptrS := ty.byName(t.PtrdiffType)
	ptrU := ptrS.unsignedOf(ty)
	def("__INTPTR_TYPE__", ptrS.name)
	def("__UINTPTR_TYPE__", ptrU.name)
	def("__GXX_ABI_VERSION", "1017")
	def("__SCHAR_MAX__", ty.schar.max())
	def("__SHRT_MAX__", ty.short.max())
	def("__INT_MAX__", ty.int.max())
	def("__LONG_MAX__", ty.long.max())
	def("__LONG_LONG_MAX__", ty.llong.max())
	wchar := ty.byName(wcharType)
	def("__WCHAR_MAX__", wchar.max())
	if wcharSigned {
		def("__WCHAR_MIN__", "(-__WCHAR_MAX__ - 1)")
	} else {
		def("__WCHAR_MIN__", "0"+wchar.suffix)
	}
	def("__WINT_MAX__", ty.uint.max())
	def("__WINT_MIN__", "0U")
	def("__PTRDIFF_MAX__", ty.byName(t.PtrdiffType).max())
	def("__SIZE_MAX__", ty.byName(t.SizeType).max())
	defi("__SCHAR_WIDTH__", 8)
	defi("__SHRT_WIDTH__", t.Short.Size*8)
	defi("__INT_WIDTH__", t.Int.Size*8)
	defi("__LONG_WIDTH__", t.Long.Size*8)
	defi("__LONG_LONG_WIDTH__", t.LongLong.Size*8)
	defi("__WCHAR_WIDTH__", wcharSize*8)
	defi("__WINT_WIDTH__", 32)
	defi("__PTRDIFF_WIDTH__", t.Pointer.Size*8)
	defi("__SIZE_WIDTH__", t.Pointer.Size*8)
	intmax, uintmax := ty.byName(t.IntmaxType), ty.byName(t.UintmaxType)
	def("__INTMAX_MAX__", intmax.max())
	def("__INTMAX_C(c)", "c"+pasteSuffix(intmax.suffix))
	def("__UINTMAX_MAX__", uintmax.max())
	def("__UINTMAX_C(c)", "c"+pasteSuffix(uintmax.suffix))
	defi("__INTMAX_WIDTH__", intmax.bits)
	def("__SIG_ATOMIC_MAX__", ty.int.max())
	def("__SIG_ATOMIC_MIN__", "(-__SIG_ATOMIC_MAX__ - 1)")
	defi("__SIG_ATOMIC_WIDTH__", 32)
	for _, e := range exact {
		def(fmt.Sprintf("__INT%d_MAX__", e.bits), e.s.max())
	}
	for _, e := range exact {
		def(fmt.Sprintf("__UINT%d_MAX__", e.bits), e.u.max())
	}
	for _, e := range exact {
		def(fmt.Sprintf("__INT_LEAST%d_MAX__", e.bits), e.s.max())
		def(fmt.Sprintf("__INT%d_C(c)", e.bits), "c"+pasteSuffix(promoted(e.s, ty).suffix))
		defi(fmt.Sprintf("__INT_LEAST%d_WIDTH__", e.bits), e.bits)
	}
	for _, e := range exact {
		def(fmt.Sprintf("__UINT_LEAST%d_MAX__", e.bits), e.u.max())
		def(fmt.Sprintf("__UINT%d_C(c)", e.bits), "c"+pasteSuffix(promoted(e.u, ty).suffix))
	}
	for _, b := range []int{8, 16, 32, 64} {
		s, _ := fast(b)
		def(fmt.Sprintf("__INT_FAST%d_MAX__", b), s.max())
		defi(fmt.Sprintf("__INT_FAST%d_WIDTH__", b), s.bits)
	}
	for _, b := range []int{8, 16, 32, 64} {
		_, u := fast(b)
		def(fmt.Sprintf("__UINT_FAST%d_MAX__", b), u.max())
	}
	def("__INTPTR_MAX__", ptrS.max())
	defi("__INTPTR_WIDTH__", ptrS.bits)
	def("__UINTPTR_MAX__", ptrU.max())

	// Floating types.
	evalMethod := "0"
	if t.Arch == target.I386 {
		evalMethod = "2" // x87 arithmetic (-mfpmath=387)
	}
	def("__GCC_IEC_559", "2")
	def("__GCC_IEC_559_COMPLEX", "2")
	def("__FLT_EVAL_METHOD__", evalMethod)
	def("__FLT_EVAL_METHOD_TS_18661_3__", evalMethod)
	def("__DEC_EVAL_METHOD__", "2")
	def("__FLT_RADIX__", "2")
	ldbl := x87ext
	switch t.LongDoubleFormat {
	case target.LDQuad:
		ldbl = binary128
	case target.LDDouble:
		ldbl = binary64
	}
	floatMacros(def, "FLT", binary32, "F", "")
	floatMacros(def, "DBL", binary64, "L", "double")
	floatMacros(def, "LDBL", ldbl, "L", "")
	defi("__DECIMAL_DIG__", ldbl.decimalDig)
	x86 := t.Arch == target.AMD64 || t.Arch == target.I386
	// _Float16 is AArch64's always and x86's only with SSE2 (gcc 12), which i686,
	// the i386 target's default -march, lacks, and -mno-sse2 takes away.
	if x86 && hasSSE2(cfg, t) || t.Arch == target.ARM64 {
		floatMacros(def, "FLT16", binary16, "F16", "")
	}
	floatMacros(def, "FLT32", binary32, "F32", "")
	floatMacros(def, "FLT64", binary64, "F64", "")
	floatMacros(def, "FLT128", binary128, "F128", "")
	floatMacros(def, "FLT32X", binary64, "F32x", "")
	if x86 || ldbl == binary128 {
		floatMacros(def, "FLT64X", ldbl, "F64x", "")
	}
	if x86 {
		decimalMacros(def)
		def("__DECIMAL_BID_FORMAT__", "1")
	}
	def("__REGISTER_PREFIX__", "")
	def("__USER_LABEL_PREFIX__", "")
	def("__GNUC_EXECUTION_CHARSET_NAME", `"UTF-8"`)
	if t.BigEndian {
		def("__GNUC_WIDE_EXECUTION_CHARSET_NAME", `"UTF-32BE"`)
	} else {
		def("__GNUC_WIDE_EXECUTION_CHARSET_NAME", `"UTF-32LE"`)
	}
	// Atomics as gcc implements them per target: RISC-V's A extension has no byte or
	// halfword operations, so those are "sometimes lock-free" (1) and have no __sync
	// compare-and-swap; AArch64 has a 16-byte one (LDXP/STXP).
	subword := t.Arch != target.RISCV64
	for _, n := range []int{1, 2, 4, 8, 16} {
		if n <= 2 && !subword || n == 16 && t.Arch != target.ARM64 {
			continue
		}
		defi(fmt.Sprintf("__GCC_HAVE_SYNC_COMPARE_AND_SWAP_%d", n), 1)
	}
	for _, n := range []string{"BOOL", "CHAR", "CHAR16_T", "CHAR32_T", "WCHAR_T", "SHORT", "INT", "LONG", "LLONG", "POINTER"} {
		free := "2"
		if !subword && (n == "BOOL" || n == "CHAR" || n == "CHAR16_T" || n == "SHORT") {
			free = "1"
		}
		def("__GCC_ATOMIC_"+n+"_LOCK_FREE", free)
	}
	def("__GCC_ATOMIC_TEST_AND_SET_TRUEVAL", "1")
	// The cache-line sizes of C++17's hardware_*_interference_size (gcc 12 defines them
	// in C too); AArch64 uses 256 for the destructive one; RISC-V's gcc 12 defines
	// neither, nor the speculation-safe-value builtin, nor DWARF CFI directives by
	// default.
	if t.Arch != target.RISCV64 {
		if t.Arch == target.ARM64 {
			def("__GCC_DESTRUCTIVE_SIZE", "256")
		} else {
			def("__GCC_DESTRUCTIVE_SIZE", "64")
		}
		def("__GCC_CONSTRUCTIVE_SIZE", "64")
		def("__HAVE_SPECULATION_SAFE_VALUE", "1")
		def("__GCC_HAVE_DWARF2_CFI_ASM", "1")
	}
	if t.Arch == target.ARM64 {
		def("__FLT_EVAL_METHOD_C99__", "0") // AArch64's TARGET_C_EXCESS_PRECISION hook
	}
	def("__PRAGMA_REDEFINE_EXTNAME", "1")
	if t.HasInt128 {
		def("__SIZEOF_INT128__", "16")
	}
	defi("__SIZEOF_WCHAR_T__", wcharSize)
	def("__SIZEOF_WINT_T__", "4")
	defi("__SIZEOF_PTRDIFF_T__", t.Pointer.Size)

	// Target and OS.
	charUnsigned := !t.CharSigned
	if cfg.UnsignedChar {
		charUnsigned = true
	} else if cfg.SignedChar {
		charUnsigned = false
	}
	if charUnsigned {
		def("__CHAR_UNSIGNED__", "1")
	}
	for _, m := range t.Macros {
		if m[0] == "__CHAR_UNSIGNED__" || m[0] == "__CET__" {
			continue // from the options above; __CET__ only with -fcf-protection
		}
		if std.strict && !strings.HasPrefix(m[0], "_") {
			continue
		}
		def(m[0], m[1])
	}
	def("__gnu_linux__", "1")
	def("__linux", "1")
	def("__linux__", "1")
	if !std.strict {
		def("linux", "1")
	}
	def("__unix", "1")
	def("__unix__", "1")
	if !std.strict {
		def("unix", "1")
	}
	def("__ELF__", "1")
	return out
}

// floatMacros defines the __<P>_*__ characteristics of one floating type. cast, when set,
// wraps the values as gcc does for double ("((double)1.7...e+308L)").
func floatMacros(def func(string, string), p string, f floatFormat, suffix, cast string) {
	val := func(v string) string {
		if cast != "" {
			return "((" + cast + ")" + v + suffix + ")"
		}
		return v + suffix
	}
	neg := func(n int) string {
		if n < 0 {
			return fmt.Sprintf("(%d)", n)
		}
		return fmt.Sprint(n)
	}
	pre := "__" + p + "_"
	def(pre+"MANT_DIG__", fmt.Sprint(f.mant))
	def(pre+"DIG__", fmt.Sprint(f.dig))
	def(pre+"MIN_EXP__", neg(f.minExp))
	def(pre+"MIN_10_EXP__", neg(f.min10Exp))
	def(pre+"MAX_EXP__", fmt.Sprint(f.maxExp))
	def(pre+"MAX_10_EXP__", fmt.Sprint(f.max10Exp))
	def(pre+"DECIMAL_DIG__", fmt.Sprint(f.decimalDig))
	def(pre+"MAX__", val(f.max))
	def(pre+"NORM_MAX__", val(f.max))
	def(pre+"MIN__", val(f.min))
	def(pre+"EPSILON__", val(f.epsilon))
	def(pre+"DENORM_MIN__", val(f.denormMin))
	def(pre+"HAS_DENORM__", "1")
	def(pre+"HAS_INFINITY__", "1")
	def(pre+"HAS_QUIET_NAN__", "1")
	def(pre+"IS_IEC_60559__", "2")
}

func decimalMacros(def func(string, string)) {
	for _, d := range []struct {
		n, mant, minExp, maxExp  int
		min, max, eps, sub, suff string
	}{
		{32, 7, -94, 97, "1E-95", "9.999999E96", "1E-6", "0.000001E-95", "DF"},
		{64, 16, -382, 385, "1E-383", "9.999999999999999E384", "1E-15", "0.000000000000001E-383", "DD"},
		{128, 34, -6142, 6145, "1E-6143", "9.999999999999999999999999999999999E6144", "1E-33", "0.000000000000000000000000000000001E-6143", "DL"},
	} {
		p := fmt.Sprintf("__DEC%d_", d.n)
		def(p+"MANT_DIG__", fmt.Sprint(d.mant))
		def(p+"MIN_EXP__", fmt.Sprintf("(%d)", d.minExp))
		def(p+"MAX_EXP__", fmt.Sprint(d.maxExp))
		def(p+"MIN__", d.min+d.suff)
		def(p+"MAX__", d.max+d.suff)
		def(p+"EPSILON__", d.eps+d.suff)
		def(p+"SUBNORMAL_MIN__", d.sub+d.suff)
	}
}

// intType is a C integer type as the limit macros spell it.
type intType struct {
	name     string
	bits     int
	unsigned bool
	suffix   string // integer-constant suffix of the type, "" for int
}

// max is the type's maximum in gcc's spelling: hex with the type's suffix.
func (it intType) max() string {
	bits := it.bits
	if !it.unsigned {
		bits--
	}
	return "0x" + [...]string{"", "1", "3", "7"}[bits%4] + strings.Repeat("f", bits/4) + it.suffix
}

type intTypeSet struct {
	schar, uchar, short, ushort, int, uint, long, ulong, llong, ullong intType
}

func (it intType) unsignedOf(ts intTypeSet) intType {
	switch it.name {
	case "signed char":
		return ts.uchar
	case "short int":
		return ts.ushort
	case "int":
		return ts.uint
	case "long int":
		return ts.ulong
	}
	return ts.ullong
}

func intTypes(t *target.Target) intTypeSet {
	return intTypeSet{
		schar:  intType{"signed char", 8, false, ""},
		uchar:  intType{"unsigned char", 8, true, ""},
		short:  intType{"short int", t.Short.Size * 8, false, ""},
		ushort: intType{"short unsigned int", t.Short.Size * 8, true, ""},
		int:    intType{"int", t.Int.Size * 8, false, ""},
		uint:   intType{"unsigned int", t.Int.Size * 8, true, "U"},
		long:   intType{"long int", t.Long.Size * 8, false, "L"},
		ulong:  intType{"long unsigned int", t.Long.Size * 8, true, "UL"},
		llong:  intType{"long long int", t.LongLong.Size * 8, false, "LL"},
		ullong: intType{"long long unsigned int", t.LongLong.Size * 8, true, "ULL"},
	}
}

func (ts intTypeSet) byName(name string) intType {
	for _, c := range []intType{ts.schar, ts.uchar, ts.short, ts.ushort, ts.int, ts.uint, ts.long, ts.ulong, ts.llong, ts.ullong} {
		if c.name == name {
			return c
		}
	}
	return ts.int
}

// promoted is the type an INTn_C constant has: the integer promotion of the type (C11 7.20.4p3).
func promoted(it intType, ts intTypeSet) intType {
	if it.bits < ts.int.bits {
		return ts.int
	}
	return it
}

func pasteSuffix(s string) string {
	if s == "" {
		return ""
	}
	return " ## " + s
}

// predefinedText is the predefined macros as #define lines.
func predefinedText(cfg *Config) string {
	var b strings.Builder
	for _, m := range Predefined(cfg) {
		b.WriteString("#define ")
		b.WriteString(m[0])
		b.WriteByte(' ')
		b.WriteString(m[1])
		b.WriteByte('\n')
	}
	return b.String()
}

// DumpMacros preprocesses f (nil for an empty file) and writes every macro defined at its
// end as gcc -dM -E does: "#define NAME VALUE" lines, sorted by name (gcc prints them in
// hash-table order, which no one relies on). Dynamic macros (__FILE__ and friends) are
// not listed, as in gcc.
func DumpMacros(w io.Writer, f *diag.File, cfg *Config, diags *diag.List) error {
	if f == nil {
		f = &diag.File{Name: "<stdin>"}
	}
	p := newPP(cfg, diags)
	p.baseFile = f.Name
	p.pushFile(f, p.prepare(f), cleanPath(f.Name), -1)
	p.mainSource = p.files[0]
	p.pushPseudo("<command-line>", p.commandLineText())
	p.pushPseudo("<built-in>", predefinedText(p.cfg))
	in := &input{fromFile: true}
	for p.expandOne(in).Kind != lexer.EOF {
	}
	names := make([]string, 0, len(p.macros.byName))
	for n, m := range p.macros.byName {
		if m.builtin == notBuiltin {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		if _, err := io.WriteString(w, "#define "+macroDefinition(p.macros.lookup(n))+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// macroDefinition spells a macro as -dM does: "NAME(params) body".
func macroDefinition(m *macro) string {
	var b strings.Builder
	b.WriteString(m.name)
	if m.funcLike {
		b.WriteByte('(')
		for i, prm := range m.params {
			if i > 0 {
				b.WriteString(",")
			}
			if m.variadic && i == len(m.params)-1 {
				if prm == "__VA_ARGS__" {
					b.WriteString("...")
				} else {
					b.WriteString(prm + "...")
				}
			} else {
				b.WriteString(prm)
			}
		}
		b.WriteByte(')')
	}
	b.WriteByte(' ')
	b.WriteString(spell(m.body))
	return b.String()
}

// hasTargetMacro reports whether the target's own macro table defines name.
func hasTargetMacro(t *target.Target, name string) bool {
	for _, m := range t.Macros {
		if m[0] == name {
			return true
		}
	}
	return false
}

// hasSSE2 reports whether SSE2 is on for an x86 target: the target's default, as the
// machine options (which reach the preprocessor as the first -D/-U of cfg.Macros)
// leave it.
func hasSSE2(cfg *Config, t *target.Target) bool {
	on := hasTargetMacro(t, "__SSE2__")
	for _, op := range cfg.Macros {
		name, _, _ := strings.Cut(op.Name, "=")
		if name == "__SSE2__" {
			on = !op.Undef
		}
	}
	return on
}
