package parser

// keyword identifies a C keyword (C11 6.4.1) or a GNU spelling of one. The lexer leaves
// keywords as identifiers; the parser classifies each identifier token once, with one
// lookup in keywordTable, before parsing starts.
type keyword uint8

const (
	kwNone keyword = iota
	// Storage classes and function specifiers (C11 6.7.1, 6.7.4).
	kwAuto
	kwExtern
	kwRegister
	kwStatic
	kwTypedef
	kwThreadLocal // _Thread_local, __thread
	kwInline      // inline, __inline, __inline__
	kwNoreturn    // _Noreturn
	// Type specifiers (C11 6.7.2).
	kwVoid
	kwChar
	kwShort
	kwInt
	kwLong
	kwSigned // signed, __signed, __signed__
	kwUnsigned
	kwFloat
	kwDouble
	kwBool    // _Bool
	kwComplex // _Complex, __complex__
	kwImaginary
	kwInt128  // __int128
	kwInt128T // __int128_t: behaves like a typedef name for signed __int128
	kwUInt128T
	kwFloat32  // _Float32: float
	kwFloat64  // _Float64, _Float32x: double
	kwFloat128 // _Float128, _Float64x, __float128: long double for now (see typeFromSpecs)
	kwFloat80  // __float80: the x86 80-bit extended type, which is long double there
	kwStruct
	kwUnion
	kwEnum
	kwTypeof   // typeof, __typeof, __typeof__
	kwAutoType // __auto_type
	kwVaList   // __builtin_va_list
	kwAtomic   // _Atomic (qualifier, or specifier when followed by '(')
	kwAlignas  // _Alignas
	// Type qualifiers (C11 6.7.3).
	kwConst    // const, __const, __const__
	kwVolatile // volatile, __volatile, __volatile__
	kwRestrict // restrict, __restrict, __restrict__
	// Statements (C11 6.8).
	kwBreak
	kwCase
	kwContinue
	kwDefault
	kwDo
	kwElse
	kwFor
	kwGoto
	kwIf
	kwReturn
	kwSwitch
	kwWhile
	// Expressions and the rest.
	kwSizeof
	kwAlignof // _Alignof, __alignof, __alignof__
	kwGeneric // _Generic
	kwStaticAssert
	kwAsm       // asm, __asm, __asm__
	kwAttribute // __attribute, __attribute__
	kwExtension // __extension__
	kwLabel     // __label__
	kwReal      // __real, __real__
	kwImag      // __imag, __imag__
	kwBuiltinVaArg
	kwBuiltinConvertVector
	kwBuiltinOffsetof
	kwBuiltinTypesCompatible
	kwBuiltinChooseExpr
	// kwPragma marks a '#' token that starts a pragma line passed through by the
	// preprocessor (see pragma.go); it is set by the pre-pass, not by keywordTable.
	kwPragma
)

// keywordTable maps every keyword spelling, GNU alternates included, to its keyword.
var keywordTable = map[string]keyword{
	"auto": kwAuto, "extern": kwExtern, "register": kwRegister, "static": kwStatic,
	"typedef": kwTypedef, "_Thread_local": kwThreadLocal, "__thread": kwThreadLocal,
	"inline": kwInline, "__inline": kwInline, "__inline__": kwInline, "_Noreturn": kwNoreturn,

	"void": kwVoid, "char": kwChar, "short": kwShort, "int": kwInt, "long": kwLong,
	"signed": kwSigned, "__signed": kwSigned, "__signed__": kwSigned, "unsigned": kwUnsigned,
	"float": kwFloat, "double": kwDouble, "_Bool": kwBool,
	"_Complex": kwComplex, "__complex": kwComplex, "__complex__": kwComplex, "_Imaginary": kwImaginary,
	"__int128": kwInt128, "__int128_t": kwInt128T, "__uint128_t": kwUInt128T,
	"_Float32": kwFloat32, "_Float16": kwFloat32, "_Float64": kwFloat64, "_Float32x": kwFloat64,
	"_Float128": kwFloat128, "_Float64x": kwFloat128, "__float128": kwFloat128, "__float80": kwFloat80,
	"struct": kwStruct, "union": kwUnion, "enum": kwEnum,
	"typeof": kwTypeof, "__typeof": kwTypeof, "__typeof__": kwTypeof, "__auto_type": kwAutoType,
	"__builtin_va_list": kwVaList, "_Atomic": kwAtomic, "_Alignas": kwAlignas,

	"const": kwConst, "__const": kwConst, "__const__": kwConst,
	"volatile": kwVolatile, "__volatile": kwVolatile, "__volatile__": kwVolatile,
	"restrict": kwRestrict, "__restrict": kwRestrict, "__restrict__": kwRestrict,

	"break": kwBreak, "case": kwCase, "continue": kwContinue, "default": kwDefault, "do": kwDo,
	"else": kwElse, "for": kwFor, "goto": kwGoto, "if": kwIf, "return": kwReturn,
	"switch": kwSwitch, "while": kwWhile,

	"sizeof": kwSizeof, "_Alignof": kwAlignof, "__alignof": kwAlignof, "__alignof__": kwAlignof,
	"_Generic": kwGeneric, "_Static_assert": kwStaticAssert,
	"asm": kwAsm, "__asm": kwAsm, "__asm__": kwAsm,
	"__attribute": kwAttribute, "__attribute__": kwAttribute,
	"__extension__": kwExtension, "__label__": kwLabel,
	"__real": kwReal, "__real__": kwReal, "__imag": kwImag, "__imag__": kwImag,
	"__builtin_va_arg":             kwBuiltinVaArg,
	"__builtin_convertvector":      kwBuiltinConvertVector,
	"__builtin_offsetof":           kwBuiltinOffsetof,
	"__builtin_types_compatible_p": kwBuiltinTypesCompatible,
	"__builtin_choose_expr":        kwBuiltinChooseExpr,
}

// isTypeSpecKw reports whether k can begin a specifier-qualifier-list (C11 6.7.2.1),
// i.e. a type specifier or qualifier keyword; typedef names are checked separately.
func isTypeSpecKw(k keyword) bool {
	switch k {
	case kwVoid, kwChar, kwShort, kwInt, kwLong, kwSigned, kwUnsigned, kwFloat, kwDouble,
		kwBool, kwComplex, kwImaginary, kwInt128, kwInt128T, kwUInt128T, kwFloat32, kwFloat64,
		kwFloat128, kwFloat80, kwStruct, kwUnion, kwEnum, kwTypeof, kwAutoType, kwVaList, kwAtomic,
		kwAlignas, kwConst, kwVolatile, kwRestrict, kwAttribute:
		return true
	}
	return false
}

// isDeclSpecKw reports whether k can begin declaration-specifiers (C11 6.7).
func isDeclSpecKw(k keyword) bool {
	switch k {
	case kwAuto, kwExtern, kwRegister, kwStatic, kwTypedef, kwThreadLocal, kwInline, kwNoreturn:
		return true
	}
	return isTypeSpecKw(k)
}
