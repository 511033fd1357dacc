package sema

import (
	"strings"

	"gocc/ast"
)

// GNU attributes (gcc manual "Common Function/Variable/Type Attributes"). Type
// attributes are applied when a type is resolved; declaration attributes fill Object
// fields. Attributes gocc accepts without any effect are listed in ignoredAttrs;
// others draw a warning as in gcc ("'x' attribute directive ignored").

var ignoredAttrs = map[string]bool{
	"may_alias": true, "unused": true, "always_inline": true, "noinline": true,
	"noclone": true, "no_instrument_function": true, "format": true, "format_arg": true,
	"nonnull": true, "pure": true, "const": true, "malloc": true, "warn_unused_result": true,
	"deprecated": true, "nothrow": true, "leaf": true, "cold": true, "hot": true,
	"artificial": true, "flatten": true, "optimize": true,
	"noipa": true, "no_reorder": true, "externally_visible": true, "unavailable": true,
	"sentinel": true, "alloc_size": true, "alloc_align": true, "access": true,
	"fallthrough": true, "maybe_unused": true, "nodiscard": true, "warning": true,
	"error": true, "no_sanitize": true, "no_sanitize_address": true, "target": true,
	"no_stack_protector": true, "nonstring": true, "designated_init": true,
	"returns_nonnull": true, "no_split_stack": true, "gnu_inline": true, "used": true,
	"weak": true, "alias": true, "section": true, "visibility": true, "noreturn": true,
	"constructor": true, "destructor": true, "cleanup": true, "aligned": true, "_Alignas": true,
	"packed": true, "vector_size": true, "mode": true, "transparent_union": true,
	"weakref": true, "common": true, "nocommon": true,
	"ms_abi": true, "sysv_abi": true, "regparm": true, "stdcall": true, "cdecl": true,
	"fastcall": true, "force_align_arg_pointer": true, "naked": true, "interrupt": true,
	"scalar_storage_order": false, "ifunc": true, "symver": true, "copy": true,
	"noplt": true, "stack_protect": true, "zero_call_used_regs": true, "retain": true,
	"assume_aligned": true, "noinit": true, "persistent": true, "expected_throw": true,
	"strict_flex_array": true, "counted_by": true, "nonnull_if_nonzero": true,
	"patchable_function_entry": true, "no_icf": true, "no_profile_instrument_function": true,
	"indirect_branch": true, "function_return": true, "warn_if_not_aligned": true,
	"visibility_hidden": true, "__pragma_pack": true, "pack": true,
}

func hasAttr(attrs []*ast.Attr, name string) bool { return findAttr(attrs, name) != nil }

func findAttr(attrs []*ast.Attr, name string) *ast.Attr {
	var found *ast.Attr
	for _, a := range attrs {
		if a.Name == name {
			found = a
		}
	}
	return found
}

// attrInt evaluates an attribute argument as an integer constant.
func (c *checker) attrInt(a *ast.Attr, i int) (int64, bool) {
	if i >= len(a.Args) {
		return 0, false
	}
	e := a.Args[i]
	if _, ok := e.(*ast.IntLit); !ok || e.Type() == nil {
		e = c.rvalue(e)
		a.Args[i] = e
	}
	lit, ok := e.(*ast.IntLit)
	if !ok {
		c.errorf(e.Position(), "requested alignment is not an integer constant")
		return 0, false
	}
	return c.litSigned(lit), true
}

// attrAlign returns the alignment requested by the last aligned attribute in attrs
// (bytes; "aligned" without argument means the target's biggest alignment), or 0.
func (c *checker) attrAlign(attrs []*ast.Attr) int64 {
	var al int64
	for _, a := range attrs {
		if a.Name != "aligned" && a.Name != "_Alignas" {
			continue
		}
		if len(a.Args) == 0 {
			al = max(al, int64(c.t.MaxAlign))
			continue
		}
		// _Alignas(type) is represented by the parser as an argument of type form; an
		// expression argument is a number.
		n, ok := c.attrInt(a, 0)
		if !ok {
			continue
		}
		if n <= 0 || n&(n-1) != 0 {
			if !(a.Name == "_Alignas" && n == 0) {
				c.errorf(a.Pos, "requested alignment '%d' is not a positive power of 2", n)
			}
			continue
		}
		al = max(al, n)
	}
	return al
}

// userAlign is the aligned attribute written on a type itself (typedef attributes).
func (c *checker) userAlign(t *ast.Type) int64 {
	if len(t.Attrs) == 0 {
		return 0
	}
	return c.attrAlign(t.Attrs)
}

// pragmaPack returns the #pragma pack value in effect for r (bytes), or 0; the parser
// records it in Record.MaxFieldAlign.
func (c *checker) pragmaPack(r *ast.Record) int64 { return int64(r.MaxFieldAlign) }

// innermostBase returns the type vector_size applies to when it is written on a
// derived type: through pointers, arrays and function returns to the innermost base,
// as gcc does ("vector float f(void)" returns a vector; "vector int *p" points to
// one). The chain down to it is copied, since base types are shared.
func innermostBase(t *ast.Type) *ast.Type {
	for (t.Kind == ast.Pointer || t.Kind == ast.Array || t.Kind == ast.Func) && t.Base != nil {
		b := *t.Base
		t.Base = &b
		t = &b
	}
	return t
}

// applyTypeAttrs applies the type-changing attributes (vector_size, mode) to t in place;
// aligned and packed are read when sizes and layouts are computed.
func (c *checker) applyTypeAttrs(t *ast.Type, attrs []*ast.Attr) {
	for _, a := range attrs {
		switch a.Name {
		case "mode":
			c.applyMode(t, a)
		case "vector_size":
			n, ok := c.attrInt(a, 0)
			if !ok {
				continue
			}
			t := innermostBase(t)
			elem := *t
			elem.Attrs = nil
			elem.Qual = 0
			elem.Name = ""
			et := &elem
			c.resolveSize(et)
			if !(et.IsInteger() || et.IsFloat()) || et.Size <= 0 || n%et.Size != 0 || n <= 0 || n&(n-1) != 0 {
				c.errorf(a.Pos, "invalid vector type for attribute 'vector_size'")
				continue
			}
			q := t.Qual
			*t = ast.Type{Kind: ast.Vector, Qual: q, Base: et, Len: n / et.Size, Attrs: t.Attrs, Name: t.Name}
		case "transparent_union":
			// Read by the argument conversion (C: GNU transparent unions) from the
			// union itself, also when written on a typedef of it ("typedef union
			// {...} T __attribute__((transparent_union))", as glibc's socket.h).
			if t.Kind == ast.Union && t.Record != nil && !hasAttr(t.Record.Attrs, a.Name) {
				t.Record.Attrs = append(t.Record.Attrs, a)
			}
		default:
			if !ignoredAttrs[a.Name] {
				c.warnOpt(a.Pos, "attributes", "'%s' attribute directive ignored", a.Name)
			}
		}
	}
}

// applyMode implements the mode attribute: the integer or floating type of the named
// machine mode, keeping signedness.
func (c *checker) applyMode(t *ast.Type, a *ast.Attr) {
	if len(a.Args) == 0 {
		return
	}
	id, ok := a.Args[0].(*ast.Ident)
	if !ok {
		return
	}
	mode := strings.Trim(id.Name, "_")
	signed := !t.IsInteger() || c.isSigned(t)
	pick := func(size int64) ast.TypeKind {
		for _, k := range []ast.TypeKind{ast.SChar, ast.Short, ast.Int, ast.Long, ast.LongLong, ast.Int128} {
			if c.types[k].Size == size {
				if !signed {
					return toUnsigned(k)
				}
				return k
			}
		}
		return t.Kind
	}
	var k ast.TypeKind
	switch mode {
	case "QI", "byte":
		k = pick(1)
	case "HI":
		k = pick(2)
	case "SI":
		k = pick(4)
	case "DI":
		k = pick(8)
	case "TI":
		k = pick(16)
	case "word", "pointer", "unwind_word":
		k = pick(int64(c.t.Pointer.Size))
	case "SF":
		k = ast.Float
	case "DF":
		k = ast.Double
	case "XF", "TF":
		k = ast.LongDouble
	case "SC":
		*t = ast.Type{Kind: ast.Complex, Base: c.types[ast.Float], Qual: t.Qual, Attrs: t.Attrs}
		return
	case "DC":
		*t = ast.Type{Kind: ast.Complex, Base: c.types[ast.Double], Qual: t.Qual, Attrs: t.Attrs}
		return
	default:
		c.errorf(a.Pos, "unknown machine mode '%s'", id.Name)
		return
	}
	if t.Kind == ast.Enum {
		t.Enum = nil
	}
	t.Kind = k
	c.setBasicSize(t)
}

// declAttrs records declaration attributes on o (gcc "Common Variable/Function
// Attributes").
func (c *checker) declAttrs(o *ast.Object, attrs []*ast.Attr) {
	for _, a := range attrs {
		switch a.Name {
		case "aligned", "_Alignas":
			if n := c.attrAlign([]*ast.Attr{a}); n > o.Align {
				o.Align = n
			}
		case "section":
			o.Section = c.attrString(a)
		case "weak":
			o.Weak = true
		case "alias":
			o.Alias = c.attrString(a)
			o.Defined = true
		case "visibility":
			o.Visibility = c.attrString(a)
		case "used":
			o.Used = true
		case "noreturn":
			o.Noreturn = true
		case "returns_twice":
			o.ReturnsTwice = true
		case "tls_model":
			switch m := c.attrString(a); m {
			case "global-dynamic", "local-dynamic", "initial-exec", "local-exec":
				o.TLSModel = m
			default:
				c.errorf(a.Pos, "'tls_model' argument must be one of \"local-exec\", \"initial-exec\", \"local-dynamic\" or \"global-dynamic\"")
			}
		case "no_instrument_function":
			o.NoInstrument = true
		case "constructor", "destructor":
			prio := 65535
			if len(a.Args) > 0 {
				if n, ok := c.attrInt(a, 0); ok {
					prio = int(n)
				}
			}
			if a.Name == "constructor" {
				o.Constructor = prio
			} else {
				o.Destructor = prio
			}
		case "cleanup":
			if len(a.Args) > 0 {
				if id, ok := a.Args[0].(*ast.Ident); ok {
					fn := c.scope.lookup(id.Name)
					if fn == nil || fn.Kind != ast.ObjFunc {
						c.errorf(a.Pos, "cleanup argument not a function")
					} else {
						id.Obj = fn
						id.Ty = fn.Type
						o.Cleanup = fn
					}
				}
			}
		case "gnu_inline":
			if st := c.inlineInfo[o]; st != nil {
				st.gnuInline = true
			}
		case "always_inline":
			if st := c.inlineInfo[o]; st != nil {
				st.alwaysInline = true
			}
		case "mode", "vector_size", "packed", "transparent_union", "may_alias":
			// Type attributes written on a declaration: applied to its type by the caller.
		default:
			if !ignoredAttrs[a.Name] {
				c.warnOpt(a.Pos, "attributes", "'%s' attribute directive ignored", a.Name)
			}
		}
	}
}

func (c *checker) attrString(a *ast.Attr) string {
	if len(a.Args) == 0 {
		return ""
	}
	switch s := a.Args[0].(type) {
	case *ast.StringLit:
		return string(s.Bytes)
	case *ast.Ident:
		return s.Name
	}
	return ""
}

// typeAttrsOf returns the attributes among attrs that change a declaration's type.
func typeAttrsOf(attrs []*ast.Attr) []*ast.Attr {
	var out []*ast.Attr
	for _, a := range attrs {
		switch a.Name {
		case "mode", "vector_size":
			out = append(out, a)
		}
	}
	return out
}
