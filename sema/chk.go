package sema

import (
	"bytes"

	"gocc/ast"
)

// The object-size-checking builtins (gcc manual "Object Size Checking"):
// __builtin___memcpy_chk(dst, src, n, os) and friends take the destination's object
// size os (normally __builtin_object_size(dst, 0 or 1)) as an extra argument. When
// the compiler can tell that the operation cannot overflow (os unknown, or the length
// a constant within os), the call becomes one of the plain function; otherwise it
// calls the checking function __memcpy_chk etc. (glibc's, or the program's), which
// verifies at run time. The folding rules are gcc's (gimple-fold.cc,
// gimple_fold_builtin_{memory,stxcpy,stxncpy,sprintf,snprintf}_chk and
// fold_builtin_strcat_chk/strncat_chk).

type chkKind uint8

const (
	chkMem      chkKind = iota // (dst, src|c, n, os): plain if n <= os
	chkStrcpy                  // (dst, src, os): plain if strlen(src) < os
	chkStrcat                  // (dst, src, os)
	chkStrncat                 // (dst, src, n, os)
	chkSprintf                 // (dst, flag, os, fmt, ...) and vsprintf (..., fmt, ap)
	chkSnprintf                // (dst, n, flag, os, fmt, ...) and vsnprintf
)

type chkBuiltin struct {
	lib  string // the plain function
	sig  string // the checking function's signature
	kind chkKind
	os   int // index of the object-size argument
}

var chkBuiltins = map[string]chkBuiltin{
	"__builtin___memcpy_chk":    {"memcpy", "p:pPzz", chkMem, 3},
	"__builtin___mempcpy_chk":   {"mempcpy", "p:pPzz", chkMem, 3},
	"__builtin___memmove_chk":   {"memmove", "p:pPzz", chkMem, 3},
	"__builtin___memset_chk":    {"memset", "p:pizz", chkMem, 3},
	"__builtin___strncpy_chk":   {"strncpy", "s:sSzz", chkMem, 3},
	"__builtin___stpncpy_chk":   {"stpncpy", "s:sSzz", chkMem, 3},
	"__builtin___strcpy_chk":    {"strcpy", "s:sSz", chkStrcpy, 2},
	"__builtin___stpcpy_chk":    {"stpcpy", "s:sSz", chkStrcpy, 2},
	"__builtin___strcat_chk":    {"strcat", "s:sSz", chkStrcat, 2},
	"__builtin___strncat_chk":   {"strncat", "s:sSzz", chkStrncat, 3},
	"__builtin___sprintf_chk":   {"sprintf", "i:sizS.", chkSprintf, 2},
	"__builtin___vsprintf_chk":  {"vsprintf", "i:sizSp", chkSprintf, 2},
	"__builtin___snprintf_chk":  {"snprintf", "i:szizS.", chkSnprintf, 3},
	"__builtin___vsnprintf_chk": {"vsnprintf", "i:szizSp", chkSnprintf, 3},
}

func init() {
	for name, k := range chkBuiltins {
		intrinsics[name] = k.sig
	}
}

// chkCall checks a call of a checking builtin against the checking function's
// prototype, then calls the plain function instead when the check cannot fail.
func (c *checker) chkCall(e *ast.Call, id *ast.Ident, k chkBuiltin) ast.Expr {
	chkName := "__" + k.lib + "_chk"
	o := c.libObj(chkName, k.sig)
	id.Name, id.Obj, id.Ty = chkName, o, o.Type
	e.Builtin = ""
	r := c.call(e)
	call, ok := r.(*ast.Call)
	if !ok || len(call.Args) <= k.os {
		return r
	}
	args := call.Args
	osLit, osKnown := args[k.os].(*ast.IntLit)
	unknownSize := osKnown && osLit.Value == ^uint64(0)
	// fits reports whether the constant byte count n is at most os.
	fits := func(n ast.Expr, strict bool) bool {
		if unknownSize {
			return true
		}
		v, ok := maxConst(n)
		if !ok || !osKnown {
			return false
		}
		if strict {
			return v < osLit.Value
		}
		return v <= osLit.Value
	}
	var plainArgs []ast.Expr
	switch k.kind {
	case chkMem:
		if !fits(args[2], false) {
			return r
		}
		plainArgs = args[:3]
	case chkStrcpy:
		n, known := constStrlen(args[1])
		if !unknownSize && !(known && fits(c.intLit(n, c.sizeT), true)) {
			return r
		}
		plainArgs = args[:2]
	case chkStrcat:
		if n, known := constStrlen(args[1]); known && n == 0 {
			return c.discardInto(args[1], args[0]) // strcat(d, "") is d
		}
		if !unknownSize {
			return r
		}
		plainArgs = args[:2]
	case chkStrncat:
		if l, ok := args[2].(*ast.IntLit); ok && l.Value == 0 {
			return c.discardInto(args[1], args[0])
		}
		if n, known := constStrlen(args[1]); known && n == 0 {
			return c.discardInto(args[2], args[0])
		}
		if !unknownSize {
			return r
		}
		plainArgs = args[:3]
	case chkSprintf, chkSnprintf:
		dst, flag, rest := args[0], args[k.os-1], args[k.os+1:]
		var n ast.Expr
		if k.kind == chkSnprintf {
			n = args[1]
		}
		fmtStr, fmtKnown := constString(rest[0])
		if !unknownSize {
			if k.kind == chkSnprintf {
				if !fits(n, false) {
					return r
				}
			} else {
				// The output length is known when the format has no conversion (for
				// sprintf, no further argument either), or is "%s" of a literal.
				length, known := int64(0), false
				switch {
				case fmtKnown && bytes.IndexByte(fmtStr, '%') < 0 && (k.lib == "vsprintf" || len(rest) == 1):
					length, known = int64(len(fmtStr)), true
				case fmtKnown && string(fmtStr) == "%s" && k.lib == "sprintf" && len(rest) == 2:
					length, known = constStrlen(rest[1])
				}
				if !known || !fits(c.intLit(length, c.sizeT), true) {
					return r
				}
			}
		}
		if l, ok := flag.(*ast.IntLit); !ok || l.Value != 0 {
			if !fmtKnown || (bytes.IndexByte(fmtStr, '%') >= 0 && string(fmtStr) != "%s") {
				return r
			}
		}
		plainArgs = append([]ast.Expr{dst}, rest...)
		if n != nil {
			plainArgs = append([]ast.Expr{dst, n}, rest...)
		}
	}
	plain := c.libObj(k.lib, libFuncs[k.lib])
	fid := &ast.Ident{Name: k.lib, Obj: plain}
	fid.Pos, fid.Ty = id.Pos, plain.Type
	call.Fn = c.mkCast(fid, c.pointerTo(plain.Type), ast.CastDecay)
	call.Args = plainArgs
	call.Ty = plain.Type.Base.Unqual()
	return call
}

// maxConst is the largest value a size_t expression can have when that is known at
// compile time: a constant, or a conditional choosing between such expressions (gcc
// uses the value range, e.g. l ? sizeof buf : 4).
func maxConst(e ast.Expr) (uint64, bool) {
	switch x := e.(type) {
	case *ast.IntLit:
		return x.Value, true
	case *ast.Cond:
		if x.Then == nil {
			return 0, false
		}
		a, ok1 := maxConst(x.Then)
		b, ok2 := maxConst(x.Else)
		return max(a, b), ok1 && ok2
	case *ast.Cast:
		if x.X.Type().IsInteger() && x.Type().IsInteger() && x.X.Type().Size <= x.Type().Size {
			if v, ok := maxConst(x.X); ok && (int64(v) >= 0 || x.X.Type().Size == x.Type().Size) {
				return v, true
			}
		}
	}
	return 0, false
}

// discardInto evaluates x for its side effects and yields v: (x, v).
func (c *checker) discardInto(x, v ast.Expr) ast.Expr {
	b := &ast.Binary{Op: ast.Comma, X: x, Y: v}
	b.Pos, b.Ty = v.Position(), v.Type()
	return b
}

// constString returns the bytes (up to the first NUL) of a string literal, possibly
// offset by a constant, that a converted pointer expression points to.
func constString(e ast.Expr) ([]byte, bool) {
	off := int64(0)
	for {
		switch x := e.(type) {
		case *ast.Cast:
			if x.Kind == ast.CastDecay {
				s, ok := x.X.(*ast.StringLit)
				if !ok || s.Type().Base == nil || s.Type().Base.Size != 1 {
					return nil, false
				}
				b := s.Bytes
				if off < 0 || off > int64(len(b)) {
					return nil, false
				}
				b = b[off:]
				if i := bytes.IndexByte(b, 0); i >= 0 {
					b = b[:i]
				}
				return b, true
			}
			if x.Type().Kind != ast.Pointer || x.X.Type().Kind != ast.Pointer {
				return nil, false
			}
			e = x.X
		case *ast.Binary:
			l, ok := x.Y.(*ast.IntLit)
			if x.Op != ast.Add || !ok {
				return nil, false
			}
			off += int64(l.Value)
			e = x.X
		default:
			return nil, false
		}
	}
}

// constStrlen is strlen of a constant string argument.
func constStrlen(e ast.Expr) (int64, bool) {
	b, ok := constString(e)
	return int64(len(b)), ok
}
