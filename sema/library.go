package sema

import (
	"strings"

	"gocc/ast"
)

// markLibraryFuncs sets Object.Library on the external functions that are the standard
// library functions gcc knows as builtins (libFuncs, and the stdio *_unlocked variants,
// which behave as the locked functions), as gcc does for a declaration whose type
// matches the builtin's: the optimizer may then replace calls with their result or with
// cheaper calls (strlen("abc") → 3, printf("x\n") → puts("x")). -fno-builtin and
// -fno-builtin-NAME turn this off, as do a static definition or an unrelated type.
func (c *checker) markLibraryFuncs() {
	nb := c.file.NoBuiltin
	if nb[""] {
		return
	}
	for name, o := range c.linkObjs {
		sig, ok := libFuncs[name]
		if !ok {
			sig, ok = chkStdio[name]
		}
		if base, unlocked := strings.CutSuffix(name, "_unlocked"); !ok && unlocked {
			sig, ok = libFuncs[base]
		}
		if !ok || nb[name] || o.Kind != ast.ObjFunc || o.Linkage != ast.External || o.Type == nil || o.Type.Kind != ast.Func {
			continue
		}
		o.Library = c.matchesLibSig(o.Type, c.builtinSig(sig))
	}
}

// chkStdio are glibc's checking output functions (_FORTIFY_SOURCE), builtins in gcc:
// __printf_chk(flag, fmt, ...) prints as printf(fmt, ...).
var chkStdio = map[string]string{
	"__printf_chk": "i:iS.", "__fprintf_chk": "i:piS.", "__vprintf_chk": "i:iSp", "__vfprintf_chk": "i:piSp",
}

// matchesLibSig reports whether a declared function type fits a library signature the
// way gcc accepts declarations of builtins: the same number of parameters and
// variadicness (or no prototype), integer types of the same size and signedness-blind,
// floating types equal, and pointers for pointers (the signatures write FILE * and
// other object pointers as void *; char pointers must point to a character type).
func (c *checker) matchesLibSig(have, want *ast.Type) bool {
	if !c.fitsLibType(have.Base, want.Base) {
		return false
	}
	if have.OldStyle {
		return true
	}
	if len(have.Params) != len(want.Params) || have.Variadic != want.Variadic {
		return false
	}
	for i, p := range have.Params {
		if !c.fitsLibType(p.Type, want.Params[i].Type) {
			return false
		}
	}
	return true
}

func (c *checker) fitsLibType(have, want *ast.Type) bool {
	if have == nil || want == nil {
		return have == want
	}
	have, want = have.Unqual(), want.Unqual()
	switch {
	case want.Kind == ast.Void:
		return have.Kind == ast.Void
	case want.Kind == ast.Pointer:
		if have.Kind != ast.Pointer {
			return false
		}
		if wb := want.Base.Unqual(); wb.Kind != ast.Void {
			hb := have.Base.Unqual()
			return hb.Kind == ast.Char || hb.Kind == ast.SChar || hb.Kind == ast.UChar
		}
		return true
	case want.IsInteger():
		return have.IsInteger() && have.Size == want.Size
	case want.IsFloat():
		return have.Kind == want.Kind
	}
	return c.compatible(have, want)
}

// inlineComplexParts marks a call of the standard conj, creal or cimag (and their f and
// l forms, C11 7.3.9) for expansion by irgen as ~z, __real__ z or __imag__ z, as gcc
// expands these builtins, unless -fno-builtin(-NAME) says otherwise or the declaration
// does not have the standard type.
func (c *checker) inlineComplexParts(e *ast.Call) {
	id, ok := e.Fn.(*ast.Ident)
	if k, isCast := e.Fn.(*ast.Cast); isCast && k.Kind == ast.CastDecay {
		id, ok = k.X.(*ast.Ident)
	}
	if !ok || id.Obj == nil || id.Obj.Kind != ast.ObjFunc || id.Obj.Linkage != ast.External || len(e.Args) != 1 {
		return
	}
	name := id.Name
	var base string
	for _, b := range []string{"conj", "creal", "cimag"} {
		if strings.HasPrefix(name, b) {
			base = b
		}
	}
	var kind ast.TypeKind
	switch strings.TrimPrefix(name, base) {
	case "":
		kind = ast.Double
	case "f":
		kind = ast.Float
	case "l":
		kind = ast.LongDouble
	default:
		return
	}
	if base == "" {
		return
	}
	if nb := c.file.NoBuiltin; nb[""] || nb[name] {
		return
	}
	at := e.Args[0].Type()
	if at == nil || at.Kind != ast.Complex || at.Base == nil || at.Base.Kind != kind {
		return
	}
	rt := e.Ty
	if base == "conj" && (rt.Kind != ast.Complex || rt.Base == nil || rt.Base.Kind != kind) {
		return
	}
	if base != "conj" && rt.Kind != kind {
		return
	}
	e.Builtin = "__builtin_" + name
}
