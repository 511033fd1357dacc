package sema

import (
	"bytes"

	"gocc/diag"

	"gocc/ast"
)

// -Wformat (on with -Wall): the arguments of a printf or scanf family call whose
// format is a string literal, checked against the conversions, as gcc's "format
// '%d' expects argument of type 'int', but argument 2 has type 'char *'". Only the
// plain cases are checked (no '*' widths, positional arguments, z/j/t sizes,
// typedef'd or enum argument types, formats whose source text is not one literal);
// a false warning costs more than a missed one.

// formatFuncs: the index of the format argument, and whether it is a scanf format.
var formatFuncs = map[string]struct {
	fmt  int
	scan bool
}{
	"printf": {0, false}, "fprintf": {1, false}, "sprintf": {1, false}, "snprintf": {2, false},
	"scanf": {0, true}, "fscanf": {1, true}, "sscanf": {1, true},
}

// formatWarnings checks call e to library function name, its arguments converted.
func (c *checker) formatWarnings(e *ast.Call, name string, callee *ast.Object) {
	ff, ok := formatFuncs[name]
	if !ok || callee == nil || callee.Kind != ast.ObjFunc || callee.Linkage != ast.External || len(e.Args) <= ff.fmt {
		return
	}
	if !c.diags.WarnOn("format") {
		return
	}
	lit, ok := stripConv(e.Args[ff.fmt]).(*ast.StringLit)
	if !ok || lit.Prefix != ast.PrefixNone {
		return
	}
	cols := literalColumns(lit)
	if cols == nil {
		return
	}
	s := lit.Bytes
	arg := ff.fmt + 1
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		i++
		if i < len(s) && s[i] == '%' {
			continue
		}
		if ff.scan && i < len(s) && s[i] == '*' {
			return // assignment suppression: not handled
		}
		for i < len(s) && bytes.IndexByte([]byte("-+ #0'"), s[i]) >= 0 {
			i++
		}
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
			i++
		}
		if i < len(s) && (s[i] == '*' || s[i] == '$') {
			return
		}
		start := i
		for i < len(s) && bytes.IndexByte([]byte("hlL"), s[i]) >= 0 {
			i++
		}
		if i >= len(s) {
			return
		}
		size, conv := string(s[start:i]), s[i]
		want := formatType(size, conv, ff.scan)
		if want == "" {
			return // a conversion not checked: stop, the arguments no longer line up
		}
		if arg >= len(e.Args) {
			return
		}
		t := stripConv(e.Args[arg]).Type()
		if !ff.scan {
			t = e.Args[arg].Type() // after the default argument promotions
		}
		if ok, known := formatArgOK(want, t); known && !ok {
			c.warnOpt(cols[i], "format", "format '%%%s%c' expects argument of type '%s', but argument %d has type '%s'", size, conv, want, arg+1, typeString(t))
		} else if !known {
			return
		}
		arg++
	}
}

// stripConv removes the implicit conversions sema put around x.
func stripConv(x ast.Expr) ast.Expr {
	for {
		cv, ok := x.(*ast.Cast)
		if !ok || cv.Kind == ast.CastExplicit {
			return x
		}
		x = cv.X
	}
}

// formatType is the type a conversion expects, as gcc spells it ("" if not checked).
func formatType(size string, conv byte, scan bool) string {
	var t string
	switch conv {
	case 'd', 'i':
		t = map[string]string{"": "int", "h": "int", "hh": "int", "l": "long int", "ll": "long long int"}[size]
	case 'u', 'o', 'x', 'X':
		t = map[string]string{"": "unsigned int", "h": "unsigned int", "hh": "unsigned int", "l": "long unsigned int", "ll": "long long unsigned int"}[size]
	case 'c':
		if size == "" {
			t = "int"
			if scan {
				t = "char"
			}
		}
	case 's':
		if size == "" {
			t = "char *"
		}
	case 'f', 'e', 'g', 'E', 'G', 'a', 'A', 'F':
		t = map[string]string{"": "double", "L": "long double"}[size]
		if scan {
			t = map[string]string{"": "float", "l": "double", "L": "long double"}[size]
		}
	case 'p':
		if size == "" && !scan {
			t = "void *"
		}
	}
	if scan && t != "" {
		if conv == 's' {
			return "char *"
		}
		if size == "h" || size == "hh" {
			return "" // short * and char *: not checked
		}
		return t + " *"
	}
	if !scan && (size == "h" || size == "hh") && t != "" && conv != 'd' && conv != 'i' {
		return "" // %hu and friends: gcc's types are subtle
	}
	return t
}

// formatArgOK reports whether an argument of type t fits the wanted type; known is
// false for argument types not checked (typedefs, enums, records…).
func formatArgOK(want string, t *ast.Type) (ok, known bool) {
	if t.Name != "" || t.Kind == ast.Enum || t.Kind == ast.Pointer && (t.Base.Name != "" || t.Base.Kind == ast.Enum) {
		return false, false
	}
	scalar := func(k ast.TypeKind) string {
		return map[ast.TypeKind]string{ast.Int: "int", ast.UInt: "unsigned int", ast.Long: "long int",
			ast.ULong: "long unsigned int", ast.LongLong: "long long int", ast.ULongLong: "long long unsigned int",
			ast.Double: "double", ast.LongDouble: "long double", ast.Float: "float", ast.Char: "char",
			ast.SChar: "signed char", ast.UChar: "unsigned char", ast.Pointer: "*"}[k]
	}
	got := scalar(t.Kind)
	if got == "" {
		return false, false
	}
	// Signedness does not matter (that is -Wformat-signedness).
	unsign := func(s string) string {
		switch s {
		case "int", "unsigned int":
			return "int"
		case "long int", "long unsigned int":
			return "long"
		case "long long int", "long long unsigned int":
			return "long long"
		case "char", "signed char", "unsigned char":
			return "char"
		}
		return s
	}
	if n := len(want); want[n-1] == '*' {
		if t.Kind != ast.Pointer {
			return false, true
		}
		if want == "void *" {
			return true, true
		}
		b := scalar(t.Base.Kind)
		if b == "" || b == "*" {
			return false, t.Base.Kind == ast.Pointer
		}
		return unsign(b) == unsign(want[:n-2]), true
	}
	if got == "*" {
		return false, true
	}
	return unsign(got) == unsign(want), true
}

// literalColumns maps each byte of a narrow string literal to its source position,
// or returns nil when the literal's source text is not at its position as one
// plain literal (a macro expansion, concatenation, unusual escapes).
func literalColumns(lit *ast.StringLit) []diag.Pos {
	p := lit.Position()
	f := p.File
	if f == nil || f.Presumed || p.Line < 1 || p.Col < 1 {
		return nil
	}
	line := 1
	off := 0
	for off < len(f.Contents) && line < int(p.Line) {
		if f.Contents[off] == '\n' {
			line++
		}
		off++
	}
	off += int(p.Col) - 1
	src := f.Contents
	if off >= len(src) || src[off] != '"' {
		return nil
	}
	var cols []diag.Pos
	var got []byte
	col := p.Col + 1
	for i := off + 1; i < len(src); {
		ch := src[i]
		switch {
		case ch == '"':
			if !bytes.Equal(got, lit.Bytes) {
				return nil
			}
			return cols
		case ch == '\n' || ch >= 0x80:
			return nil
		case ch == '\\':
			if i+1 >= len(src) {
				return nil
			}
			v, ok := map[byte]byte{'n': '\n', 't': '\t', 'r': '\r', '\\': '\\', '"': '"', '\'': '\'', 'a': 7, 'b': 8, 'f': 12, 'v': 11, '0': 0, '?': '?'}[src[i+1]]
			if !ok || src[i+1] == '0' && i+2 < len(src) && src[i+2] >= '0' && src[i+2] <= '7' {
				return nil
			}
			got = append(got, v)
			cols = append(cols, diag.Pos{File: f, Line: p.Line, Col: col})
			i += 2
			col += 2
		default:
			got = append(got, ch)
			cols = append(cols, diag.Pos{File: f, Line: p.Line, Col: col})
			i++
			col++
		}
	}
	return nil
}
