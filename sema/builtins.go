package sema

import (
	"math"
	"strings"

	"gocc/ast"
)

// GCC builtins supported by gocc.
//
// Signatures are written "R:ABC" (return type, then parameter types; a trailing '.'
// means variadic) with one letter per type:
//
//	v void   b _Bool  c char  i int  u unsigned int  l long  L unsigned long
//	x long long  X unsigned long long  W uint64 (8-byte unsigned)  H unsigned short
//	z size_t  f float  d double  D long double  p void *  P const void *
//	s char *  S const char *  j k K _Complex float, double, long double
//	Y unsigned __int128
//
// Three kinds:
//
//   - Library equivalents (libFuncs): "__builtin_NAME" is rewritten to a call of the
//     library function NAME (declared implicitly with this signature if needed); a call
//     of an undeclared NAME gets this signature instead of "int NAME()", as in gcc.
//   - Intrinsics (intrinsics): the call keeps the name in Call.Builtin and irgen expands
//     it: __builtin_unreachable, trap, alloca (also plain alloca), clz/ctz/popcount/
//     parity/ffs/clrsb (+l, ll), bswap16/32/64, frame_address, return_address,
//     va_start/va_end/va_copy (va_list arguments are left as lvalues, not decayed),
//     add/sub/mul_overflow (typed variants are rewritten to the generic ones after
//     converting the operands), isnan/isinf/isfinite/isnormal/signbit/isinf_sign
//     (type-generic: operands not promoted), fabs/fabsf/fabsl, setjmp/longjmp,
//     complex, apply_args/apply/return (untyped calls), clear_padding, __clear_cache, powi,
//     stack_save/stack_restore, and the __sync_* and __atomic_* families (type-generic:
//     value operands converted to the pointee type T, result T, bool or void).
//   - Folded or rewritten by sema: __builtin_expect (its first argument),
//     assume_aligned (its first argument), prefetch (evaluates its arguments),
//     constant_p, object_size (objsize.go), classify_type, huge_val/inf/nan
//     (float, double, long double), isgreater/isless/... (plain comparisons),
//     conj/creal/cimag (~, __real__, __imag__), atomic_always_lock_free/is_lock_free,
//     tgmath (a call of the selected function, tgmath.go).

var libFuncs = map[string]string{
	"abort": "v:", "exit": "v:i", "_exit": "v:i", "_Exit": "v:i", "malloc": "p:z", "calloc": "p:zz",
	"realloc": "p:pz", "free": "v:p", "memcpy": "p:pPz", "memmove": "p:pPz", "memset": "p:piz",
	"memcmp": "i:PPz", "memchr": "p:Piz", "strlen": "z:S", "strnlen": "z:Sz", "strcpy": "s:sS",
	"strncpy": "s:sSz", "strcat": "s:sS", "strncat": "s:sSz", "strcmp": "i:SS", "strncmp": "i:SSz",
	"strchr": "s:Si", "strrchr": "s:Si", "strstr": "s:SS", "strdup": "s:S", "strndup": "s:Sz",
	"stpcpy": "s:sS", "stpncpy": "s:sSz", "mempcpy": "p:pPz", "strspn": "z:SS", "strcspn": "z:SS", "strpbrk": "s:SS",
	"printf": "i:S.", "fprintf": "i:pS.", "sprintf": "i:sS.", "snprintf": "i:szS.",
	"vprintf": "i:Sp", "vfprintf": "i:pSp", "vsprintf": "i:sSp", "vsnprintf": "i:szSp",
	"scanf": "i:S.", "sscanf": "i:SS.", "fscanf": "i:pS.",
	"puts": "i:S", "putchar": "i:i", "fputs": "i:Sp", "fputc": "i:ip", "putc": "i:ip",
	"fwrite": "z:Pzzp", "fread": "z:pzzp",
	"abs": "i:i", "labs": "l:l", "llabs": "x:x", "imaxabs": "l:l",
	"atoi": "i:S", "atol": "l:S", "atoll": "x:S", "strtol": "l:Spi", "strtoul": "L:Spi",
	"strtoll": "x:Spi", "strtoull": "X:Spi", "strtod": "d:Sp", "qsort": "v:pzzp", "bzero": "v:pz",
	"bcmp": "i:PPz", "bcopy": "v:Ppz", "index": "s:Si", "rindex": "s:Si",
	"isalnum": "i:i", "isalpha": "i:i", "isdigit": "i:i", "isspace": "i:i", "isupper": "i:i",
	"islower": "i:i", "isprint": "i:i", "isxdigit": "i:i", "toupper": "i:i", "tolower": "i:i",
	"isascii": "i:i", "iscntrl": "i:i", "isgraph": "i:i", "ispunct": "i:i", "isblank": "i:i",
	"fmin": "d:dd", "fmax": "d:dd", "fminf": "f:ff", "fmaxf": "f:ff", "fminl": "D:DD", "fmaxl": "D:DD",
	"ldexp": "d:di", "ldexpf": "f:fi", "ldexpl": "D:Di", "frexp": "d:dp", "frexpf": "f:fp",
	"frexpl": "D:Dp", "modf": "d:dp", "modff": "f:fp", "modfl": "D:Dp",
	"scalbn": "d:di", "scalbnf": "f:fi", "scalbnl": "D:Di", "lround": "l:d", "llround": "x:d",
	"lrint": "l:d", "llrint": "x:d", "ilogb": "i:d", "nearbyint": "d:d",
	"setjmp": "i:p", "longjmp": "v:pi", "signal": "p:ip", "raise": "i:i", "getenv": "s:S",
	"copysign": "d:dd", "copysignf": "f:ff", "copysignl": "D:DD",
	"strcasecmp": "i:SS", "strncasecmp": "i:SSz", "aligned_alloc": "p:zz", "siglongjmp": "v:pi",
	"fma": "d:ddd", "fmaf": "f:fff", "fmal": "D:DDD", "remquo": "d:ddp", "remquof": "f:ffp",
	"remquol": "D:DDp", "drem": "d:dd", "dremf": "f:ff", "dreml": "D:DD",
	"cabs": "d:k", "cabsf": "f:j", "cabsl": "D:K", "carg": "d:k", "cargf": "f:j", "cargl": "D:K",
}

// unaryMath and binaryMath get their f and l variants generated.
var unaryMath = []string{"sqrt", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh",
	"tanh", "asinh", "acosh", "atanh", "exp", "exp2", "expm1", "log", "log10", "log2", "log1p",
	"floor", "ceil", "round", "trunc", "rint", "cbrt", "erf", "erfc", "lgamma", "tgamma", "logb",
	"roundeven"}
var binaryMath = []string{"pow", "atan2", "fmod", "hypot", "fdim", "remainder", "nextafter"}

// complexMath (C11 7.3) get their f and l variants generated; cpow is binary.
var complexMath = []string{"cexp", "clog", "csqrt", "csin", "ccos", "ctan", "csinh", "ccosh",
	"ctanh", "casin", "cacos", "catan", "casinh", "cacosh", "catanh", "cproj"}

// intrinsics map builtin names to signatures; "g" marks type-generic handling.
var intrinsics = map[string]string{
	"__builtin_unreachable": "v:", "__builtin_trap": "v:", "__builtin_alloca": "p:z", "alloca": "p:z",
	"__builtin_alloca_with_align": "p:zz",
	"__builtin_clz":               "i:u", "__builtin_clzl": "i:L", "__builtin_clzll": "i:X",
	"__builtin_ctz": "i:u", "__builtin_ctzl": "i:L", "__builtin_ctzll": "i:X",
	"__builtin_popcount": "i:u", "__builtin_popcountl": "i:L", "__builtin_popcountll": "i:X",
	"__builtin_parity": "i:u", "__builtin_parityl": "i:L", "__builtin_parityll": "i:X",
	"__builtin_ffs": "i:i", "__builtin_ffsl": "i:l", "__builtin_ffsll": "i:x",
	"__builtin_clrsb": "i:i", "__builtin_clrsbl": "i:l", "__builtin_clrsbll": "i:x",
	"__builtin_bswap16": "H:H", "__builtin_bswap32": "u:u", "__builtin_bswap64": "W:W", "__builtin_bswap128": "Y:Y",
	"__builtin_frame_address": "p:u", "__builtin_return_address": "p:u",
	"__builtin_va_start": "g", "__builtin_va_end": "g", "__builtin_va_copy": "g", "__builtin_c23_va_start": "g",
	"__builtin_add_overflow": "g", "__builtin_sub_overflow": "g", "__builtin_mul_overflow": "g",
	"__builtin_add_overflow_p": "g", "__builtin_sub_overflow_p": "g", "__builtin_mul_overflow_p": "g",
	"__builtin_isnan": "g", "__builtin_isinf": "g", "__builtin_isfinite": "g", "__builtin_isnormal": "g",
	"__builtin_signbit": "g", "__builtin_signbitf": "g", "__builtin_signbitl": "g", "__builtin_isinf_sign": "g",
	"__builtin_finite": "g", "__builtin_finitef": "g", "__builtin_isnanf": "g", "__builtin_isinff": "g",
	"__builtin_finitel": "g", "__builtin_isnanl": "g", "__builtin_isinfl": "g",
	"__builtin_fpclassify": "g",
	"__builtin_fabs":       "d:d", "__builtin_fabsf": "f:f", "__builtin_fabsl": "D:D",
	"__builtin_setjmp": "i:p", "__builtin_longjmp": "v:pi", "__builtin_complex": "g",
	"__builtin_shuffle": "g", "__builtin_expect": "l:ll", "__builtin_expect_with_probability": "l:lld", "__builtin_assume_aligned": "g",
	"__builtin_prefetch": "g", "__builtin_constant_p": "g", "__builtin_object_size": "g",
	"__builtin_dynamic_object_size": "g", "__builtin_classify_type": "g",
	"__builtin_huge_val": "d:", "__builtin_huge_valf": "f:", "__builtin_huge_vall": "D:",
	"__builtin_inf": "d:", "__builtin_inff": "f:", "__builtin_infl": "D:",
	"__builtin_nan": "d:S", "__builtin_nanf": "f:S", "__builtin_nanl": "D:S",
	"__builtin_nans": "d:S", "__builtin_nansf": "f:S", "__builtin_nansl": "D:S",
	"__builtin_isgreater": "g", "__builtin_isgreaterequal": "g", "__builtin_isless": "g",
	"__builtin_islessequal": "g", "__builtin_islessgreater": "g", "__builtin_isunordered": "g",
	"__builtin_conj": "g", "__builtin_conjf": "g", "__builtin_conjl": "g",
	"__builtin_creal": "g", "__builtin_crealf": "g", "__builtin_creall": "g",
	"__builtin_cimag": "g", "__builtin_cimagf": "g", "__builtin_cimagl": "g",
	"__builtin_apply_args": "p:", "__builtin_apply": "p:ppz", "__builtin_return": "v:p",
	"__builtin_clear_padding": "g", "__builtin___clear_cache": "v:pp", "__builtin_tgmath": "g",
	"__builtin_stack_save": "p:", "__builtin_stack_restore": "v:p",
	"__builtin_powi": "d:di", "__builtin_powif": "f:fi", "__builtin_powil": "D:Di",
	"__builtin_extract_return_addr": "g", "__builtin_speculation_safe_value": "g",
	"__sync_synchronize": "v:", "__atomic_thread_fence": "v:i", "__atomic_signal_fence": "v:i",
	"__atomic_always_lock_free": "g", "__atomic_is_lock_free": "g",
}

// atomicForms: the type-generic __sync/__atomic builtins. Letters per argument:
// P the atomic pointer, V a value of its pointee type, Q a pointer to the pointee
// type, O a memory order (int), B a bool; the result is T (the pointee type), b
// (_Bool) or v (void).
var atomicForms = map[string]string{
	"__sync_lock_test_and_set": "T:PV", "__sync_lock_release": "v:P",
	"__sync_val_compare_and_swap": "T:PVV", "__sync_bool_compare_and_swap": "b:PVV",
	"__atomic_load_n": "T:PO", "__atomic_store_n": "v:PVO", "__atomic_exchange_n": "T:PVO",
	"__atomic_compare_exchange_n": "b:PQVBOO", "__atomic_load": "v:PQO", "__atomic_store": "v:PQO",
	"__atomic_exchange": "v:PQQO", "__atomic_compare_exchange": "b:PQQBOO",
	"__atomic_test_and_set": "b:PO", "__atomic_clear": "v:PO",
}

func init() {
	for _, op := range []string{"add", "sub", "or", "and", "xor", "nand"} {
		atomicForms["__sync_fetch_and_"+op] = "T:PV"
		atomicForms["__sync_"+op+"_and_fetch"] = "T:PV"
		atomicForms["__atomic_fetch_"+op] = "T:PVO"
		atomicForms["__atomic_"+op+"_fetch"] = "T:PVO"
	}
	for _, n := range unaryMath {
		libFuncs[n], libFuncs[n+"f"], libFuncs[n+"l"] = "d:d", "f:f", "D:D"
	}
	for _, n := range binaryMath {
		libFuncs[n], libFuncs[n+"f"], libFuncs[n+"l"] = "d:dd", "f:ff", "D:DD"
	}
	for _, n := range complexMath {
		libFuncs[n], libFuncs[n+"f"], libFuncs[n+"l"] = "k:k", "j:j", "K:K"
	}
	libFuncs["cpow"], libFuncs["cpowf"], libFuncs["cpowl"] = "k:kk", "j:jj", "K:KK"
	for _, op := range []string{"add", "sub", "mul"} {
		for _, v := range []struct{ suffix, t string }{{"", "i"}, {"l", "l"}, {"ll", "x"}} {
			intrinsics["__builtin_s"+op+v.suffix+"_overflow"] = "g"
			intrinsics["__builtin_u"+op+v.suffix+"_overflow"] = "g"
		}
	}
}

type builtinInfo struct {
	name    string // canonical name
	sig     string
	lib     string // library function to call instead
	libOnly bool   // a plain library name: only its signature is known
	atomic  string // atomicForms entry
}

// lookupBuiltin finds a builtin by the name used in the source.
func lookupBuiltin(name string) (builtinInfo, bool) {
	if sig, ok := intrinsics[name]; ok {
		return builtinInfo{name: name, sig: sig}, true
	}
	if form, ok := atomicForms[name]; ok {
		return builtinInfo{name: name, atomic: form}, true
	}
	if strings.HasPrefix(name, "__sync_") || strings.HasPrefix(name, "__atomic_") {
		// Size-suffixed variants: __sync_fetch_and_add_4.
		if i := strings.LastIndexByte(name, '_'); i > 0 {
			switch name[i+1:] {
			case "1", "2", "4", "8", "16":
				if form, ok := atomicForms[name[:i]]; ok {
					return builtinInfo{name: name[:i], atomic: form}, true
				}
			}
		}
	}
	if lib, ok := strings.CutPrefix(name, "__builtin_"); ok {
		if sig, ok := libFuncs[lib]; ok {
			return builtinInfo{name: name, sig: sig, lib: lib}, true
		}
		// The stdio *_unlocked builtins behave as the locked functions.
		if base, ok := strings.CutSuffix(lib, "_unlocked"); ok {
			if sig, ok := libFuncs[base]; ok {
				return builtinInfo{name: name, sig: sig, lib: base}, true
			}
		}
	}
	if sig, ok := libFuncs[name]; ok {
		return builtinInfo{name: name, sig: sig, libOnly: true}, true
	}
	return builtinInfo{}, false
}

// sigType decodes one signature letter.
func (c *checker) sigType(ch byte) *ast.Type {
	switch ch {
	case 'v':
		return c.types[ast.Void]
	case 'b':
		return c.types[ast.Bool]
	case 'c':
		return c.types[ast.Char]
	case 'i':
		return c.types[ast.Int]
	case 'u':
		return c.types[ast.UInt]
	case 'l':
		return c.types[ast.Long]
	case 'L':
		return c.types[ast.ULong]
	case 'x':
		return c.types[ast.LongLong]
	case 'X':
		return c.types[ast.ULongLong]
	case 'W':
		if c.types[ast.ULong].Size == 8 {
			return c.types[ast.ULong]
		}
		return c.types[ast.ULongLong]
	case 'H':
		return c.types[ast.UShort]
	case 'z':
		return c.sizeT
	case 'f':
		return c.types[ast.Float]
	case 'd':
		return c.types[ast.Double]
	case 'D':
		return c.types[ast.LongDouble]
	case 'p':
		return c.voidPtr
	case 'P':
		return c.pointerTo(c.types[ast.Void].WithQual(ast.Const))
	case 's':
		return c.charPtr
	case 'S':
		return c.pointerTo(c.types[ast.Char].WithQual(ast.Const))
	case 'Y':
		return c.types[ast.UInt128]
	case 'j':
		return c.complexOf(c.types[ast.Float])
	case 'k':
		return c.complexOf(c.types[ast.Double])
	case 'K':
		return c.complexOf(c.types[ast.LongDouble])
	}
	return c.types[ast.Int]
}

// builtinSig builds the function type of a signature string.
func (c *checker) builtinSig(sig string) *ast.Type {
	ret, params, _ := strings.Cut(sig, ":")
	ft := &ast.Type{Kind: ast.Func, Base: c.sigType(ret[0])}
	for i := 0; i < len(params); i++ {
		if params[i] == '.' {
			ft.Variadic = true
			continue
		}
		ft.Params = append(ft.Params, &ast.Param{Type: c.sigType(params[i])})
	}
	c.resolveType(ft)
	return ft
}

// builtinObj returns the Object of kind ObjBuiltin for an intrinsic name.
func (c *checker) builtinObj(name string, b builtinInfo) *ast.Object {
	if o := c.builtinObjs[name]; o != nil {
		return o
	}
	var ft *ast.Type
	if b.sig != "" && b.sig != "g" {
		ft = c.builtinSig(b.sig)
	} else {
		ft = &ast.Type{Kind: ast.Func, Base: c.types[ast.Int], OldStyle: true}
		c.resolveType(ft)
	}
	o := &ast.Object{Kind: ast.ObjBuiltin, Name: name, Type: ft, Constructor: -1, Destructor: -1}
	c.builtinObjs[name] = o
	return o
}

// libObj returns the Object of library function name, declaring it implicitly (with
// the builtin signature) if the program has not.
func (c *checker) libObj(name, sig string) *ast.Object {
	if o := c.linkObjs[name]; o != nil {
		return o
	}
	o := &ast.Object{Kind: ast.ObjFunc, Name: name, Type: c.builtinSig(sig), Linkage: ast.External,
		Global: true, LinkName: name, Constructor: -1, Destructor: -1}
	c.linkObjs[name] = o
	c.addGlobal(o)
	return o
}

func (c *checker) floatConst(v float64, t *ast.Type, text string) *ast.FloatLit {
	f := &ast.FloatLit{Value: v, Text: text}
	f.Ty = t
	switch t.Kind {
	case ast.Float:
		f.Suffix = 'f'
	case ast.LongDouble:
		f.Suffix = 'l'
	}
	return f
}

// builtinCall checks a call of a builtin and returns the resulting expression.
func (c *checker) builtinCall(e *ast.Call, id *ast.Ident, b builtinInfo) ast.Expr {
	name := b.name
	argc := len(e.Args)
	need := func(n int) bool {
		if argc < n {
			c.errorf(e.Pos, "too few arguments to function '%s'", id.Name)
			return false
		}
		if argc > n {
			c.errorf(e.Pos, "too many arguments to function '%s'", id.Name)
			return false
		}
		return true
	}
	if b.lib != "" {
		o := c.libObj(b.lib, b.sig)
		id.Name = b.lib
		id.Obj = o
		id.Ty = o.Type
		return c.call(e)
	}
	if b.atomic != "" {
		return c.atomicCall(e, id, b)
	}
	if k, ok := chkBuiltins[name]; ok {
		return c.chkCall(e, id, k)
	}
	bo := c.builtinObj(name, b)
	id.Obj, id.Ty = bo, bo.Type
	e.Builtin = name
	int0 := func(v int64) ast.Expr {
		l := c.intLit(v, c.types[ast.Int])
		l.Pos = e.Pos
		return l
	}
	switch name {
	case "__builtin_expect", "__builtin_expect_with_probability":
		if argc < 2 {
			need(2)
			return int0(0)
		}
		// The other arguments are evaluated too (gcc keeps their side effects,
		// e.g. __builtin_expect(x, z++)); constants need no evaluation.
		r := c.convert(c.rvalue(e.Args[0]), c.types[ast.Long])
		for i := argc - 1; i >= 1; i-- {
			x := c.rvalue(e.Args[i])
			if _, ok := c.constValue(x); ok {
				continue
			}
			b := &ast.Binary{Op: ast.Comma, X: x, Y: r}
			b.Pos, b.Ty = e.Pos, r.Type()
			r = b
		}
		return r
	case "__builtin_assume_aligned", "__builtin_extract_return_addr", "__builtin_speculation_safe_value":
		if argc < 1 {
			need(1)
			return int0(0)
		}
		for i := 1; i < argc; i++ {
			e.Args[i] = c.rvalue(e.Args[i])
		}
		x := c.rvalue(e.Args[0])
		if name == "__builtin_assume_aligned" {
			return c.convert(x, c.voidPtr)
		}
		return x
	case "__builtin_prefetch":
		var r ast.Expr = int0(0)
		for i := argc - 1; i >= 0; i-- {
			x := c.rvalue(e.Args[i])
			b := &ast.Binary{Op: ast.Comma, X: x, Y: r}
			b.Pos, b.Ty = e.Pos, r.Type()
			r = b
		}
		return c.mkCast(r, c.types[ast.Void], ast.CastImplicit)
	case "__builtin_constant_p":
		if !need(1) {
			return int0(0)
		}
		x := c.rvalue(e.Args[0])
		switch x.(type) {
		case *ast.IntLit, *ast.FloatLit:
			return int0(1)
		}
		if k, ok := x.(*ast.Cast); ok && k.Kind == ast.CastDecay {
			if _, ok := k.X.(*ast.StringLit); ok {
				return int0(1)
			}
		}
		if stringLitElem(x) {
			return int0(1) // "hi"[0]: a character of a literal is a constant
		}
		// A scalar operand without side effects (a variable, x + 1) may become a
		// constant when optimizing: the optimizer decides (opt/bcp.go), as gcc does.
		if t := x.Type(); (t.IsInteger() || t.IsFloat() || t.Kind == ast.Pointer) && sideEffectFree(x) && !c.decideConstantP {
			e.Args = []ast.Expr{x}
			e.Ty = c.types[ast.Int]
			return e
		}
		return int0(0)
	case "__builtin_object_size", "__builtin_dynamic_object_size":
		if !need(2) {
			return int0(0)
		}
		ptr := c.rvalue(e.Args[0])
		t := c.rvalue(e.Args[1])
		typ := int64(0)
		if l, ok := t.(*ast.IntLit); ok {
			typ = int64(l.Value) & 3
		}
		r := c.intLit(c.objectSize(ptr, typ), c.sizeT)
		r.Pos = e.Pos
		return r
	case "__builtin_classify_type":
		if !need(1) {
			return int0(0)
		}
		x := c.rvalue(e.Args[0])
		t := x.Type()
		// gcc's type classes (typeclass.h).
		v := int64(-1)
		switch {
		case t.Kind == ast.Void:
			v = 0
		case t.Kind == ast.Enum:
			v = 3
		case t.Kind == ast.Bool:
			v = 4
		case t.Kind == ast.Char || t.Kind == ast.SChar || t.Kind == ast.UChar:
			v = 1
		case t.IsInteger():
			v = 1
		case t.Kind == ast.Pointer:
			v = 5
		case t.IsFloat():
			v = 8
		case t.Kind == ast.Complex:
			v = 9
		case t.Kind == ast.Struct:
			v = 12
		case t.Kind == ast.Union:
			v = 13
		case t.Kind == ast.Array:
			v = 14
		}
		return int0(v)
	case "__builtin_huge_val", "__builtin_huge_valf", "__builtin_huge_vall",
		"__builtin_inf", "__builtin_inff", "__builtin_infl":
		need(0)
		f := c.floatConst(math.Inf(1), bo.Type.Base, "")
		f.Pos = e.Pos
		return f
	case "__builtin_nan", "__builtin_nanf", "__builtin_nanl", "__builtin_nans", "__builtin_nansf", "__builtin_nansl":
		if need(1) {
			c.rvalue(e.Args[0])
		}
		f := c.floatConst(math.NaN(), bo.Type.Base, "")
		f.Pos = e.Pos
		return f
	case "__builtin_isgreater", "__builtin_isgreaterequal", "__builtin_isless",
		"__builtin_islessequal", "__builtin_islessgreater":
		if !need(2) {
			return int0(0)
		}
		op := map[string]ast.BinaryOp{"__builtin_isgreater": ast.Gt, "__builtin_isgreaterequal": ast.Ge,
			"__builtin_isless": ast.Lt, "__builtin_islessequal": ast.Le, "__builtin_islessgreater": ast.Ne}[name]
		if name == "__builtin_islessgreater" {
			// x < y || x > y: with ordered operands this is x != y, and it is false for NaNs.
			x, y := c.rvalue(e.Args[0]), c.rvalue(e.Args[1])
			lt := &ast.Binary{Op: ast.Lt, X: x, Y: y}
			lt.Pos = e.Pos
			gt := &ast.Binary{Op: ast.Gt, X: x, Y: y}
			gt.Pos = e.Pos
			or := &ast.Binary{Op: ast.LogOr, X: c.compare(c.arithOperands(lt)), Y: c.compare(c.arithOperands(gt))}
			or.Pos, or.Ty = e.Pos, c.types[ast.Int]
			return or
		}
		b := &ast.Binary{Op: op, X: e.Args[0], Y: e.Args[1]}
		b.Pos = e.Pos
		return c.binary(b)
	case "__builtin_isunordered":
		if !need(2) {
			return int0(0)
		}
		for i := 0; i < 2; i++ {
			e.Args[i] = c.rvalue(e.Args[i])
		}
		e.Builtin = name
		e.Ty = c.types[ast.Int]
		return e
	case "__builtin_conj", "__builtin_conjf", "__builtin_conjl",
		"__builtin_creal", "__builtin_crealf", "__builtin_creall",
		"__builtin_cimag", "__builtin_cimagf", "__builtin_cimagl":
		if !need(1) {
			return int0(0)
		}
		op := ast.BitNot
		if strings.Contains(name, "creal") {
			op = ast.Real
		} else if strings.Contains(name, "cimag") {
			op = ast.Imag
		}
		u := &ast.Unary{Op: op, X: e.Args[0]}
		u.Pos = e.Pos
		r := c.unary(u)
		if op != ast.BitNot {
			return c.decay(r)
		}
		return r
	case "__atomic_always_lock_free", "__atomic_is_lock_free":
		if !need(2) {
			return int0(0)
		}
		sz := c.rvalue(e.Args[0])
		c.rvalue(e.Args[1])
		v := int64(0)
		if l, ok := sz.(*ast.IntLit); ok && l.Value > 0 && l.Value <= uint64(c.t.Pointer.Size) && l.Value&(l.Value-1) == 0 {
			v = 1
		}
		r := c.intLit(v, c.types[ast.Bool])
		r.Pos = e.Pos
		return r
	case "__builtin_va_start", "__builtin_va_end", "__builtin_va_copy", "__builtin_c23_va_start":
		for i, a := range e.Args {
			e.Args[i] = c.expr(a)
		}
		if name != "__builtin_va_end" && name != "__builtin_c23_va_start" && argc != 2 || name == "__builtin_va_end" && argc != 1 {
			c.errorf(e.Pos, "wrong number of arguments to function '%s'", id.Name)
		}
		if c.fn != nil && name == "__builtin_va_start" {
			if ft := c.fn.def.Decl.Type; ft != nil && !ft.Variadic {
				c.errorf(e.Pos, "'va_start' used in function with fixed arguments")
			}
		}
		e.Ty = c.types[ast.Void]
		return e
	case "__builtin_add_overflow", "__builtin_sub_overflow", "__builtin_mul_overflow",
		"__builtin_add_overflow_p", "__builtin_sub_overflow_p", "__builtin_mul_overflow_p":
		if !need(3) {
			e.Ty = c.types[ast.Bool]
			return e
		}
		for i, a := range e.Args {
			x := c.rvalue(a)
			if i < 2 && !x.Type().IsInteger() {
				c.errorf(x.Position(), "operand to '%s' is not an integer", name)
			}
			e.Args[i] = x
		}
		if !strings.HasSuffix(name, "_p") {
			if pt := e.Args[2].Type(); pt.Kind != ast.Pointer || !pt.Base.IsInteger() || pt.Base.Qual&ast.Const != 0 {
				c.errorf(e.Pos, "argument 3 in call to function '%s' does not have pointer to integer type", name)
			}
		}
		e.Ty = c.types[ast.Bool]
		return e
	case "__builtin_shuffle":
		// GNU vector shuffle (gcc manual "Using Vector Instructions"): (a, mask) or
		// (a, b, mask); result element i is element mask[i] of a (modulo N), or of the
		// concatenation a:b (modulo 2N). The result has a's type.
		if argc != 2 && argc != 3 {
			need(3)
			e.Ty = c.types[ast.Int]
			return e
		}
		for i, a := range e.Args {
			e.Args[i] = c.rvalue(a)
		}
		vt, mt := e.Args[0].Type(), e.Args[argc-1].Type()
		switch {
		case vt.Kind != ast.Vector || mt.Kind != ast.Vector || !mt.Base.IsInteger():
			c.errorf(e.Pos, "'__builtin_shuffle' arguments must be vectors")
		case argc == 3 && !c.compatibleUnqual(e.Args[1].Type(), vt):
			c.errorf(e.Pos, "'__builtin_shuffle' argument vectors must be of the same type")
		case mt.Len != vt.Len || mt.Base.Size != vt.Base.Size:
			c.errorf(e.Pos, "'__builtin_shuffle' number of elements of the argument vector(s) and the mask vector should be the same")
		}
		e.Ty = vt.Unqual()
		return e
	case "__builtin_complex":
		if !need(2) {
			e.Ty = c.complexOf(c.types[ast.Double])
			return e
		}
		x, y := c.rvalue(e.Args[0]), c.rvalue(e.Args[1])
		if !x.Type().IsFloat() || x.Type().Kind != y.Type().Kind {
			c.errorf(e.Pos, "'__builtin_complex' operands of different types")
		}
		e.Args[0], e.Args[1] = x, y
		e.Ty = c.complexOf(x.Type())
		return e
	case "__builtin_isnan", "__builtin_isinf", "__builtin_isfinite", "__builtin_isnormal",
		"__builtin_signbit", "__builtin_signbitf", "__builtin_signbitl", "__builtin_isinf_sign",
		"__builtin_finite", "__builtin_finitef", "__builtin_isnanf", "__builtin_isinff",
		"__builtin_finitel", "__builtin_isnanl", "__builtin_isinfl":
		if !need(1) {
			return int0(0)
		}
		x := c.rvalue(e.Args[0])
		if !x.Type().IsArithmetic() {
			c.errorf(e.Pos, "non-floating-point argument in call to function '%s'", name)
		} else if x.Type().IsInteger() {
			x = c.convert(x, c.types[ast.Double])
		}
		e.Args[0] = x
		switch name {
		case "__builtin_finite", "__builtin_finitef", "__builtin_finitel":
			e.Builtin = "__builtin_isfinite"
		case "__builtin_isnanf", "__builtin_isnanl":
			e.Builtin = "__builtin_isnan"
		case "__builtin_isinff", "__builtin_isinfl":
			e.Builtin = "__builtin_isinf"
		case "__builtin_signbitf", "__builtin_signbitl":
			e.Builtin = "__builtin_signbit"
		}
		e.Ty = c.types[ast.Int]
		return e
	case "__builtin_clear_padding":
		return c.clearPaddingCall(e)
	case "__builtin_tgmath":
		return c.tgmathCall(e)
	case "__builtin_fpclassify":
		if !need(6) {
			return int0(0)
		}
		for i := range e.Args {
			e.Args[i] = c.rvalue(e.Args[i])
			if i < 5 {
				e.Args[i] = c.convert(e.Args[i], c.types[ast.Int])
			}
		}
		e.Ty = c.types[ast.Int]
		return e
	}
	if strings.HasSuffix(name, "_overflow") {
		// Typed variants: __builtin_saddl_overflow(a, b, &r) and friends become the
		// generic form with operands converted to the variant's type.
		rest := strings.TrimSuffix(strings.TrimPrefix(name, "__builtin_"), "_overflow")
		unsigned := rest[0] == 'u'
		op, width := rest[1:4], rest[4:]
		k := map[string]ast.TypeKind{"": ast.Int, "l": ast.Long, "ll": ast.LongLong}[width]
		if unsigned {
			k = toUnsigned(k)
		}
		if !need(3) {
			e.Ty = c.types[ast.Bool]
			return e
		}
		for i := 0; i < 2; i++ {
			e.Args[i] = c.convert(c.rvalue(e.Args[i]), c.types[k])
		}
		e.Args[2] = c.assignConv(c.rvalue(e.Args[2]), c.pointerTo(c.types[k]), convCtx{kind: ctxArg, pos: e.Pos, argNum: 3, fnName: name})
		e.Builtin = "__builtin_" + op + "_overflow"
		e.Ty = c.types[ast.Bool]
		return e
	}
	// Intrinsic with a fixed signature.
	ft := bo.Type
	if ft.OldStyle {
		for i, a := range e.Args {
			e.Args[i] = c.rvalue(a)
		}
		e.Ty = c.types[ast.Int]
		return e
	}
	need(len(ft.Params))
	for i, a := range e.Args {
		x := c.rvalue(a)
		if i < len(ft.Params) {
			x = c.assignConv(x, ft.Params[i].Type, convCtx{kind: ctxArg, pos: x.Position(), argNum: i + 1, fnName: id.Name})
		}
		e.Args[i] = x
	}
	if name == "alloca" {
		e.Builtin = "__builtin_alloca"
	}
	e.Ty = ft.Base
	if name == "__builtin_frame_address" || name == "__builtin_return_address" {
		if _, ok := e.Args[0].(*ast.IntLit); len(e.Args) == 1 && !ok {
			c.errorf(e.Pos, "invalid argument to '%s'", name)
		}
	}
	return e
}

// arithOperands checks both operands of a comparison built by sema.
func (c *checker) arithOperands(b *ast.Binary) *ast.Binary {
	b.X, b.Y = c.rvalue(b.X), c.rvalue(b.Y)
	b.Ty = c.types[ast.Int]
	return b
}

// atomicCall checks a __sync_* or __atomic_* builtin (gcc "__atomic Builtins").
func (c *checker) atomicCall(e *ast.Call, id *ast.Ident, b builtinInfo) ast.Expr {
	ret, params, _ := strings.Cut(b.atomic, ":")
	bo := c.builtinObj(b.name, builtinInfo{name: b.name, sig: "g"})
	id.Obj, id.Ty = bo, bo.Type
	e.Builtin = b.name
	if len(e.Args) != len(params) {
		c.errorf(e.Pos, "incorrect number of arguments to function '%s'", id.Name)
		for i, a := range e.Args {
			e.Args[i] = c.rvalue(a)
		}
		e.Ty = c.types[ast.Int]
		return e
	}
	p := c.rvalue(e.Args[0])
	e.Args[0] = p
	pt := p.Type()
	var T *ast.Type
	if pt.Kind != ast.Pointer {
		c.errorf(e.Pos, "argument 1 of '%s' must be a pointer type", id.Name)
		T = c.types[ast.Int]
	} else {
		c.resolveType(pt.Base)
		T = pt.Base.Unqual()
		if !(T.IsScalar()) && !strings.HasPrefix(params, "PQ") {
			c.errorf(e.Pos, "operand type '%s' is incompatible with argument 1 of '%s'", typeString(pt), id.Name)
		}
	}
	isArithOp := strings.Contains(b.name, "add") || strings.Contains(b.name, "sub")
	for i := 1; i < len(params); i++ {
		x := c.rvalue(e.Args[i])
		switch params[i] {
		case 'V':
			if T.Kind == ast.Pointer && isArithOp && x.Type().IsInteger() {
				x = c.ptrIndex(x)
			} else if T.IsScalar() && x.Type().IsScalar() {
				x = c.convert(x, T)
			}
		case 'O':
			x = c.convert(x, c.types[ast.Int])
		case 'B':
			x = c.convert(x, c.types[ast.Bool])
		case 'Q':
			if x.Type().Kind != ast.Pointer {
				c.errorf(x.Position(), "argument %d of '%s' must be a pointer type", i+1, id.Name)
			}
		}
		e.Args[i] = x
	}
	switch ret[0] {
	case 'T':
		e.Ty = T
	case 'b':
		e.Ty = c.types[ast.Bool]
	default:
		e.Ty = c.types[ast.Void]
	}
	return e
}

// stringLitElem reports whether e reads an element of a narrow string literal at a
// constant index within it ("hi"[0], *"hi"): a constant value.
func stringLitElem(e ast.Expr) bool {
	var base, idx ast.Expr
	switch x := e.(type) {
	case *ast.Index:
		base, idx = x.X, x.I
	case *ast.Unary:
		if x.Op != ast.Deref {
			return false
		}
		base = x.X
	default:
		return false
	}
	if k, ok := base.(*ast.Cast); ok && k.Kind == ast.CastDecay {
		base = k.X
	}
	lit, ok := base.(*ast.StringLit)
	if !ok || lit.Wide != nil {
		return false
	}
	n := uint64(0)
	if idx != nil {
		for {
			k, ok := idx.(*ast.Cast)
			if !ok {
				break
			}
			idx = k.X
		}
		l, ok := idx.(*ast.IntLit)
		if !ok {
			return false
		}
		n = l.Value
	}
	return n <= uint64(len(lit.Bytes))
}
