package sema

import (
	"fmt"
	"strings"

	"gocc/ast"
	"gocc/target"
)

// setBasicSize fills Size and Align of a type whose layout does not depend on other
// types (scalars, void, functions) from the target (C11 6.2.5, psABI tables).
func (c *checker) setBasicSize(t *ast.Type) {
	sa := func(s target.SizeAlign) { t.Size, t.Align = int64(s.Size), int64(s.Align) }
	switch t.Kind {
	case ast.Void, ast.Func:
		// GNU: sizeof(void) and sizeof of a function are 1 (pointer arithmetic on void *).
		t.Size, t.Align = 1, 1
	case ast.Bool:
		sa(c.t.Bool)
	case ast.Char, ast.SChar, ast.UChar:
		sa(c.t.Char)
	case ast.Short, ast.UShort:
		sa(c.t.Short)
	case ast.Int, ast.UInt:
		sa(c.t.Int)
	case ast.Long, ast.ULong:
		sa(c.t.Long)
	case ast.LongLong, ast.ULongLong:
		sa(c.t.LongLong)
	case ast.Int128, ast.UInt128:
		sa(c.t.Int128)
		if t.Size == 0 {
			t.Size, t.Align = 16, 16
		}
	case ast.Float:
		sa(c.t.Float)
	case ast.Double:
		sa(c.t.Double)
	case ast.LongDouble:
		sa(c.t.LongDouble)
	case ast.Pointer:
		sa(c.t.Pointer)
	case ast.Unknown:
		t.Size, t.Align = 1, 1
	}
}

func (c *checker) pointerTo(base *ast.Type) *ast.Type {
	p := ast.PointerTo(base)
	c.setBasicSize(p)
	return p
}

// buildVaList builds the target's __builtin_va_list type (target.VaList).
func (c *checker) buildVaList() *ast.Type {
	switch c.t.VaList {
	case target.VaListAMD64:
		// psABI §3.5.7: typedef struct { unsigned gp_offset, fp_offset; void
		// *overflow_arg_area, *reg_save_area; } va_list[1];
		rec := &ast.Record{Tag: "__va_list_tag", Complete: true, Members: []*ast.Member{
			{Name: "gp_offset", Type: c.types[ast.UInt]},
			{Name: "fp_offset", Type: c.types[ast.UInt]},
			{Name: "overflow_arg_area", Type: c.voidPtr},
			{Name: "reg_save_area", Type: c.voidPtr},
		}}
		st := &ast.Type{Kind: ast.Struct, Record: rec, Defines: true}
		arr := &ast.Type{Kind: ast.Array, Base: st, Len: 1}
		c.resolveType(arr)
		return arr
	case target.VaListAAPCS64:
		// AAPCS64 §10.1.5: struct __va_list { void *__stack, *__gr_top, *__vr_top;
		// int __gr_offs, __vr_offs; }.
		rec := &ast.Record{Tag: "__va_list", Complete: true, Members: []*ast.Member{
			{Name: "__stack", Type: c.voidPtr},
			{Name: "__gr_top", Type: c.voidPtr},
			{Name: "__vr_top", Type: c.voidPtr},
			{Name: "__gr_offs", Type: c.types[ast.Int]},
			{Name: "__vr_offs", Type: c.types[ast.Int]},
		}}
		st := &ast.Type{Kind: ast.Struct, Record: rec, Defines: true}
		c.resolveType(st)
		return st
	}
	if c.t.Arch == target.RISCV64 {
		return c.voidPtr
	}
	return c.charPtr
}

// resolveType completes t in place: Typeof and VaList are replaced by the types they
// denote, attributes are applied, array lengths evaluated, enumerators declared in the
// current scope, and Size/Align filled. It is idempotent and safe on recursive types.
func (c *checker) resolveType(t *ast.Type) {
	if t == nil || c.resolved[t] {
		if t != nil && (t.Kind == ast.Struct || t.Kind == ast.Union || t.Kind == ast.Enum) {
			c.resolveSize(t)
		}
		return
	}
	c.resolved[t] = true
	switch t.Kind {
	case ast.Typeof:
		var r *ast.Type
		if t.TypeofExpr != nil {
			c.unevaluated++
			e := c.exprNoDecay(t.TypeofExpr)
			c.unevaluated--
			t.TypeofExpr = e
			r = e.Type()
		} else if t.Base != nil {
			c.resolveType(t.Base)
			r = t.Base
		} else {
			r = c.types[ast.Int] // __auto_type without initializer: reported by the declaration
		}
		q, attrs, name := t.Qual, t.Attrs, t.Name
		*t = *r
		t.Qual |= q
		t.Attrs = append(append([]*ast.Attr(nil), r.Attrs...), attrs...)
		if name != "" {
			t.Name = name
		}
		c.resolved[t] = false
		delete(c.resolved, t)
		c.resolveType(t)
		return
	case ast.VaList:
		q, name := t.Qual, t.Name
		*t = *c.vaList
		t.Qual, t.Name = q, name
	case ast.Pointer:
		c.resolveType(t.Base)
	case ast.Array:
		c.resolveType(t.Base)
		if t.LenExpr != nil && !t.VLA {
			e := c.rvalue(t.LenExpr)
			if !e.Type().IsInteger() {
				c.errorf(e.Position(), "size of array has non-integer type")
				e = c.intLit(1, c.types[ast.Int])
			}
			t.LenExpr = e
			if lit, ok := e.(*ast.IntLit); ok {
				n := c.litSigned(lit)
				if n < 0 {
					c.errorf(e.Position(), "size of array is negative")
					n = 1
				}
				t.Len = n
			} else {
				t.VLA = true
				t.Len = -1
			}
		} else if t.LenExpr == nil && t.Len == 0 && !t.VLA {
			// The parser may leave Len 0 for "[]"; an incomplete array has Len -1.
		}
	case ast.Func:
		c.resolveType(t.Base)
		// The parameters are in scope from their declarators to the end of the
		// prototype (C11 6.2.1p4), so a later parameter's array size may name an
		// earlier one ("size_t n, int a[n]", glibc's regexec): a variable length that
		// the adjustment to a pointer then drops.
		c.pushScope()
		for _, p := range t.Params {
			c.resolveType(p.Type)
			p.Type = c.adjustParam(p.Type)
			if p.Name != "" {
				c.declareIn(c.scope, p.Name, &ast.Object{Kind: ast.ObjVar, Name: p.Name, Type: p.Type, Pos: p.Pos})
			}
		}
		c.popScope()
	case ast.Complex, ast.Vector:
		c.resolveType(t.Base)
	case ast.Struct, ast.Union:
		if t.Defines && t.Record != nil {
			c.recDefined[t.Record] = true
			for _, d := range t.Record.Defs {
				c.resolveType(d) // "struct S { struct T {...}; }": T is defined too
			}
		}
		c.layoutRecord(t.Record)
	case ast.Enum:
		// The enumerators are evaluated and declared at the definition (C11 6.2.1p7),
		// not at an earlier "enum e;" (GNU) or "enum e *p;".
		if t.Defines {
			c.defineEnum(t.Enum)
		}
	}
	if len(t.Attrs) > 0 {
		c.applyTypeAttrs(t, t.Attrs)
	}
	c.resolveSize(t)
	c.resolvedList = append(c.resolvedList, t)
}

// adjustParam applies the parameter type adjustments of C11 6.7.6.3p7-8: array of T
// becomes pointer to T (keeping the array's qualifiers), function becomes pointer to
// function.
func (c *checker) adjustParam(t *ast.Type) *ast.Type {
	switch t.Kind {
	case ast.Array:
		p := c.pointerTo(t.Base)
		p.Qual = t.Qual
		if len(t.Attrs) > 0 {
			p.Attrs = t.Attrs
		}
		return p
	case ast.Func:
		return c.pointerTo(t)
	}
	return t
}

// resolveSize (re)computes Size and Align of t from its components, which must already
// be resolved. Types with an explicit alignment attribute keep the larger alignment.
func (c *checker) resolveSize(t *ast.Type) {
	userAlign := c.userAlign(t)
	switch t.Kind {
	case ast.Struct, ast.Union:
		r := t.Record
		if r == nil || !r.Complete || c.recState[r] != 2 {
			if r != nil && r.Complete && c.recState[r] == 0 && c.recDefined[r] {
				c.layoutRecord(r)
			}
			if r == nil || c.recState[r] != 2 {
				t.Size, t.Align = -1, 0
				return
			}
		}
		t.Size, t.Align = r.Size, r.Align
	case ast.Enum:
		if t.Enum != nil && t.Enum.Underlying != nil {
			t.Size, t.Align = t.Enum.Underlying.Size, t.Enum.Underlying.Align
		} else {
			t.Size, t.Align = -1, 0
			if t.Enum != nil {
				// Completed by defineEnum ("extern enum e x;" before "enum e {...}",
				// a GNU extension Linux's asm/apic.h uses).
				c.enumPending[t.Enum] = append(c.enumPending[t.Enum], t)
			}
		}
	case ast.Array:
		if t.Base == nil {
			return
		}
		t.Align = t.Base.Align
		if t.VLA || t.Len < 0 || t.Base.Size < 0 {
			t.Size = -1
		} else {
			t.Size = t.Len * t.Base.Size
		}
	case ast.Complex:
		t.Size, t.Align = 2*t.Base.Size, t.Base.Align
	case ast.Vector:
		t.Size = t.Len * t.Base.Size
		t.Align = c.vectorAlign(t)
	case ast.Typeof, ast.VaList:
		return
	default:
		c.setBasicSize(t)
	}
	if userAlign > 0 && (userAlign > t.Align || t.Kind != ast.Struct && t.Kind != ast.Union) {
		t.Align = userAlign
	}
}

// defineEnum computes the values and underlying type of an enum the first time its
// definition is reached, declaring its enumerators in the current scope (C11 6.7.2.2,
// 6.2.1p7: each enumerator is in scope right after its own declaration).
func (c *checker) defineEnum(e *ast.EnumDef) {
	if e == nil || c.enumsSeen[e] || !e.Complete {
		return
	}
	c.enumsSeen[e] = true
	var next int64
	nextOverflow := false
	minV, maxV := int64(0), int64(0)
	intT := c.types[ast.Int]
	bigUnsigned := false
	for i, ec := range e.Consts {
		if ec.Expr != nil {
			ex := c.rvalue(ec.Expr)
			ec.Expr = ex
			lit, ok := ex.(*ast.IntLit)
			if !ok {
				c.errorf(ex.Position(), "enumerator value for '%s' is not an integer constant", ec.Name)
				ec.Value = next
			} else {
				ec.Value = c.litSigned(lit)
				if !c.isSigned(lit.Type()) && lit.Type().Size == 8 && int64(lit.Value) < 0 {
					bigUnsigned = true
				}
			}
		} else {
			if nextOverflow {
				c.errorf(ec.Pos, "overflow in enumeration values")
			}
			ec.Value = next
		}
		next = ec.Value + 1
		nextOverflow = ec.Value == 1<<63-1
		if i == 0 || ec.Value < minV {
			minV = ec.Value
		}
		if i == 0 || ec.Value > maxV {
			maxV = ec.Value
		}
		if ec.Value >= -1<<31 && ec.Value <= 1<<31-1 {
			ec.Type = intT
		}
		o := &ast.Object{Kind: ast.ObjEnumConst, Name: ec.Name, Pos: ec.Pos, Value: ec.Value, Type: ec.Type}
		if ec.Type == nil {
			o.Type = c.types[ast.Long]
		}
		c.declareIn(c.scope, ec.Name, o)
	}
	if len(e.Consts) == 0 {
		minV, maxV = 0, 0
	}
	e.Underlying = c.enumUnderlying(e, minV, maxV, bigUnsigned)
	for _, t := range c.enumPending[e] {
		c.resolveSize(t)
	}
	delete(c.enumPending, e)
	for _, ec := range e.Consts {
		if ec.Type == nil {
			ec.Type = e.Underlying
			if o := c.scope.names[ec.Name]; o != nil && o.Kind == ast.ObjEnumConst {
				o.Type = e.Underlying
			}
		}
	}
}

// enumUnderlying chooses the enum's compatible integer type as gcc does: unsigned int
// when no value is negative, else int; wider if needed; the smallest fitting type with
// the packed attribute.
func (c *checker) enumUnderlying(e *ast.EnumDef, minV, maxV int64, bigUnsigned bool) *ast.Type {
	packed := hasAttr(e.Attrs, "packed") || c.file.ShortEnums
	neg := minV < 0
	fits := func(size int64) bool {
		bits := uint(size * 8)
		if bits >= 64 {
			return true
		}
		if neg {
			return minV >= -(1<<(bits-1)) && maxV <= 1<<(bits-1)-1
		}
		return uint64(maxV) <= 1<<bits-1
	}
	pick := func(s, u ast.TypeKind) *ast.Type {
		if neg {
			return c.types[s]
		}
		return c.types[u]
	}
	if packed {
		for _, k := range [][2]ast.TypeKind{{ast.SChar, ast.UChar}, {ast.Short, ast.UShort}, {ast.Int, ast.UInt}} {
			if fits(c.types[k[0]].Size) {
				return pick(k[0], k[1])
			}
		}
	}
	if bigUnsigned {
		return c.types[ast.ULong]
	}
	if fits(c.types[ast.Int].Size) {
		return pick(ast.Int, ast.UInt)
	}
	if c.types[ast.Long].Size == 8 {
		return pick(ast.Long, ast.ULong)
	}
	return pick(ast.LongLong, ast.ULongLong)
}

// ---- Type predicates and conversions ----

// intKind returns the kind that determines an integer type's representation: an enum's
// underlying type, or the kind itself.
func (c *checker) intType(t *ast.Type) *ast.Type {
	if t.Kind == ast.Enum {
		if t.Enum != nil && t.Enum.Underlying != nil {
			return t.Enum.Underlying
		}
		return c.types[ast.UInt]
	}
	return t
}

// isSigned reports whether an integer type is signed (plain char per target).
func (c *checker) isSigned(t *ast.Type) bool {
	t = c.intType(t)
	switch t.Kind {
	case ast.Char:
		return c.t.CharSigned
	case ast.SChar, ast.Short, ast.Int, ast.Long, ast.LongLong, ast.Int128:
		return true
	}
	return false
}

// rank is the integer conversion rank (C11 6.3.1.1p1).
func rank(k ast.TypeKind) int {
	switch k {
	case ast.Bool:
		return 1
	case ast.Char, ast.SChar, ast.UChar:
		return 2
	case ast.Short, ast.UShort:
		return 3
	case ast.Int, ast.UInt:
		return 4
	case ast.Long, ast.ULong:
		return 5
	case ast.LongLong, ast.ULongLong:
		return 6
	case ast.Int128, ast.UInt128:
		return 7
	}
	return 0
}

func toUnsigned(k ast.TypeKind) ast.TypeKind {
	switch k {
	case ast.Char, ast.SChar:
		return ast.UChar
	case ast.Short:
		return ast.UShort
	case ast.Int:
		return ast.UInt
	case ast.Long:
		return ast.ULong
	case ast.LongLong:
		return ast.ULongLong
	case ast.Int128:
		return ast.UInt128
	}
	return k
}

// promote applies the integer promotions (C11 6.3.1.1p2) to a type.
func (c *checker) promoteType(t *ast.Type) *ast.Type {
	t = c.intType(t)
	if !t.IsInteger() {
		return t.Unqual()
	}
	if rank(t.Kind) < rank(ast.Int) {
		if t.Size < c.types[ast.Int].Size || c.isSigned(t) {
			return c.types[ast.Int]
		}
		return c.types[ast.UInt]
	}
	return c.types[t.Kind]
}

// arithConv computes the common real type of the usual arithmetic conversions
// (C11 6.3.1.8), extended to complex types.
func (c *checker) arithConv(a, b *ast.Type) *ast.Type {
	a, b = c.intType(a), c.intType(b)
	if a.Kind == ast.Complex || b.Kind == ast.Complex {
		ra, rb := a, b
		if a.Kind == ast.Complex {
			ra = a.Base
		}
		if b.Kind == ast.Complex {
			rb = b.Base
		}
		r := c.arithConv(ra, rb)
		return c.complexOf(r)
	}
	for _, k := range []ast.TypeKind{ast.LongDouble, ast.Double, ast.Float} {
		if a.Kind == k || b.Kind == k {
			return c.types[k]
		}
	}
	a, b = c.promoteType(a), c.promoteType(b)
	if a.Kind == b.Kind {
		return a
	}
	sa, sb := c.isSigned(a), c.isSigned(b)
	if sa == sb {
		if rank(a.Kind) >= rank(b.Kind) {
			return a
		}
		return b
	}
	u, s := a, b
	if sa {
		u, s = b, a
	}
	if rank(u.Kind) >= rank(s.Kind) {
		return u
	}
	if s.Size > u.Size {
		return s
	}
	return c.types[toUnsigned(s.Kind)]
}

func (c *checker) complexOf(base *ast.Type) *ast.Type {
	t := &ast.Type{Kind: ast.Complex, Base: c.types[base.Kind]}
	c.resolveSize(t)
	return t
}

// sameType reports whether two types are the same type ignoring top-level qualifiers,
// in the sense that no conversion is needed between them.
func (c *checker) sameType(a, b *ast.Type) bool {
	if a == b {
		return true
	}
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case ast.Pointer:
		return c.compatible(a.Base, b.Base) && a.Base.Qual == b.Base.Qual
	case ast.Struct, ast.Union:
		return a.Record == b.Record
	case ast.Enum:
		return a.Enum == b.Enum
	case ast.Complex, ast.Vector:
		return a.Size == b.Size && c.sameType(a.Base, b.Base)
	case ast.Array, ast.Func:
		return c.compatible(a, b)
	}
	return true
}

// compatible reports type compatibility (C11 6.2.7), qualifiers included.
func (c *checker) compatible(a, b *ast.Type) bool {
	if a == b {
		return true
	}
	if a.Qual&^ast.Restrict != b.Qual&^ast.Restrict {
		return false
	}
	return c.compatibleUnqual(a, b)
}

func (c *checker) compatibleUnqual(a, b *ast.Type) bool {
	if a == b {
		return true
	}
	if a.Kind == ast.Enum && b.IsInteger() && b.Kind != ast.Enum {
		u := c.intType(a)
		return u.Kind == b.Kind
	}
	if b.Kind == ast.Enum && a.IsInteger() && a.Kind != ast.Enum {
		return c.compatibleUnqual(b, a)
	}
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case ast.Pointer:
		return c.compatible(a.Base, b.Base)
	case ast.Array:
		if a.Len >= 0 && b.Len >= 0 && !a.VLA && !b.VLA && a.Len != b.Len {
			return false
		}
		return c.compatible(a.Base, b.Base)
	case ast.Func:
		if !c.compatible(a.Base.Unqual(), b.Base.Unqual()) {
			return false
		}
		if a.OldStyle || b.OldStyle {
			return true
		}
		if len(a.Params) != len(b.Params) || a.Variadic != b.Variadic {
			return false
		}
		for i := range a.Params {
			pa, pb := a.Params[i].Type.Unqual(), b.Params[i].Type.Unqual()
			if !c.compatible(pa, pb) && !c.unionParamMatch(pa, pb) && !c.unionParamMatch(pb, pa) {
				return false
			}
		}
		return true
	case ast.Struct, ast.Union:
		return a.Record == b.Record
	case ast.Enum:
		return a.Enum == b.Enum
	case ast.Complex:
		return a.Base.Kind == b.Base.Kind
	case ast.Vector:
		return a.Size == b.Size && c.compatibleUnqual(a.Base, b.Base)
	}
	return true
}

// unionParamMatch reports whether parameter type u, a transparent or unnamed union,
// has a member of type t and t's size: gcc takes "void f(union { int *p; } u)" and
// "void f(int *p)" as compatible declarations of one function (its pr34885.c,
// pr46866.c; glibc's transparent __SOCKADDR_ARG).
func (c *checker) unionParamMatch(u, t *ast.Type) bool {
	if u.Kind != ast.Union || u.Record == nil || u.Size != t.Size ||
		!hasAttr(u.Record.Attrs, "transparent_union") && (u.Record.Tag != "" || u.Name != "") {
		return false
	}
	for _, m := range u.Record.Members {
		if c.compatible(m.Type.Unqual(), t) {
			return true
		}
	}
	return false
}

// composite returns the composite type of two compatible types (C11 6.2.7p3).
func (c *checker) composite(a, b *ast.Type) *ast.Type {
	switch a.Kind {
	case ast.Array:
		if a.Len < 0 && b.Kind == ast.Array && b.Len >= 0 {
			return b
		}
	case ast.Func:
		if a.OldStyle && b.Kind == ast.Func && !b.OldStyle {
			return b
		}
	}
	return a
}

// typeString spells a type the way gcc's diagnostics do ("int *", "struct s",
// "const char *", "int (*)(int)").
func typeString(t *ast.Type) string { return declString(t, "") }

func qualString(q ast.Qual) string {
	var s []string
	if q&ast.Const != 0 {
		s = append(s, "const")
	}
	if q&ast.Volatile != 0 {
		s = append(s, "volatile")
	}
	if q&ast.Restrict != 0 {
		s = append(s, "restrict")
	}
	if q&ast.Atomic != 0 {
		s = append(s, "_Atomic")
	}
	return strings.Join(s, " ")
}

var kindNames = [...]string{
	ast.Void: "void", ast.Bool: "_Bool", ast.Char: "char", ast.SChar: "signed char",
	ast.UChar: "unsigned char", ast.Short: "short int", ast.UShort: "short unsigned int",
	ast.Int: "int", ast.UInt: "unsigned int", ast.Long: "long int", ast.ULong: "long unsigned int",
	ast.LongLong: "long long int", ast.ULongLong: "long long unsigned int",
	ast.Int128: "__int128", ast.UInt128: "__int128 unsigned", ast.Float: "float",
	ast.Double: "double", ast.LongDouble: "long double",
}

func declString(t *ast.Type, inner string) string {
	if t == nil {
		return "?"
	}
	q := qualString(t.Qual)
	withQ := func(base string) string {
		if q != "" {
			base = q + " " + base
		}
		if inner == "" {
			return base
		}
		if strings.HasPrefix(inner, "[") || strings.HasPrefix(inner, "(") && !strings.HasPrefix(inner, "(*") {
			return base + inner
		}
		return base + " " + inner
	}
	if t.Name != "" && t.Kind != ast.Pointer && t.Kind != ast.Array && t.Kind != ast.Func {
		return withQ(t.Name)
	}
	switch t.Kind {
	case ast.Pointer:
		s := "*"
		if q != "" {
			s += q + (map[bool]string{true: " ", false: ""}[inner != ""])
		}
		s += inner
		if t.Base != nil && (t.Base.Kind == ast.Array || t.Base.Kind == ast.Func) {
			s = "(" + s + ")"
		}
		return declString(t.Base, s)
	case ast.Array:
		n := ""
		if t.Len >= 0 && !t.VLA {
			n = fmt.Sprint(t.Len)
		} else if t.VLA {
			n = "*"
		}
		return declString(t.Base, inner+"["+n+"]")
	case ast.Func:
		var ps []string
		for _, p := range t.Params {
			ps = append(ps, typeString(p.Type))
		}
		if t.Variadic {
			ps = append(ps, "...")
		}
		if len(ps) == 0 && !t.OldStyle {
			ps = []string{"void"}
		}
		return declString(t.Base, inner+"("+strings.Join(ps, ", ")+")")
	case ast.Struct, ast.Union:
		kw := "struct"
		if t.Kind == ast.Union {
			kw = "union"
		}
		tag := "<anonymous>"
		if t.Record != nil && t.Record.Tag != "" {
			tag = t.Record.Tag
		}
		return withQ(kw + " " + tag)
	case ast.Enum:
		tag := "<anonymous>"
		if t.Enum != nil && t.Enum.Tag != "" {
			tag = t.Enum.Tag
		}
		return withQ("enum " + tag)
	case ast.Complex:
		return withQ("complex " + typeString(t.Base))
	case ast.Vector:
		return withQ(fmt.Sprintf("__vector(%d) %s", t.Len, typeString(t.Base)))
	case ast.VaList:
		return withQ("__builtin_va_list")
	}
	if int(t.Kind) < len(kindNames) && kindNames[t.Kind] != "" {
		return withQ(kindNames[t.Kind])
	}
	return withQ("<type>")
}
