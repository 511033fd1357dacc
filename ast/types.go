package ast

import (
	"slices"

	"gocc/diag"
)

// TypeKind classifies C types (C11 6.2.5).
type TypeKind uint8

const (
	Void TypeKind = iota
	Bool          // _Bool
	Char          // plain char; signedness from the target (C11 6.2.5p15)
	SChar
	UChar
	Short
	UShort
	Int
	UInt
	Long
	ULong
	LongLong
	ULongLong
	Int128  // __int128
	UInt128 // unsigned __int128
	Float
	Double
	LongDouble
	Complex // _Complex Base, Base one of Float, Double, LongDouble (or an integer type, GNU)
	Pointer // Base is the pointee
	Array   // Base is the element type; Len or LenExpr
	Func    // Base is the return type; Params, Variadic, OldStyle
	Struct  // Record
	Union   // Record
	Enum    // EnumDef; behaves as EnumDef.Underlying after sema
	Vector  // GNU vector_size: Base is the element type, Len the element count
	Typeof  // typeof(expr) / typeof(type) before sema resolves it; TypeofExpr or Base
	VaList  // __builtin_va_list as the parser sees it; sema replaces it with the target's type (see target.VaList)
	Unknown // placeholder after an error; never reaches irgen
)

// Qual is a set of type qualifiers (C11 6.7.3).
type Qual uint8

const (
	Const Qual = 1 << iota
	Volatile
	Restrict
	Atomic
)

// Type is a C type. Types are shared by pointer: a typedef name stands for the very
// *Type of its definition, and a qualified type is a shallow copy with Qual set (struct,
// union and enum copies share their *Record / *EnumDef, so completing a tag completes
// every copy). The parser builds types from declarators; sema resolves Typeof, evaluates
// LenExpr, and fills Size and Align (C11 6.2.5, 6.7.2.1, 6.7.6).
type Type struct {
	Kind TypeKind
	Qual Qual

	// Size and Align in bytes; Size is -1 while incomplete. Set by sema for every type
	// that reaches irgen. Align may exceed the natural alignment (aligned attribute).
	Size  int64
	Align int64

	Base *Type // see TypeKind

	// Array and Vector.
	Len     int64 // element count; -1 for an incomplete array ("int a[]")
	LenExpr Expr  // the length as written, if any
	VLA     bool  // LenExpr is not an integer constant expression (C11 6.7.6.2p4)
	// Static is set for "int a[static 4]" parameters; informative only.
	Static bool

	// Func.
	Params   []*Param
	Variadic bool // ends in ", ..."
	OldStyle bool // declared without a prototype: "int f()" or a K&R definition

	// Struct and Union.
	Record *Record
	// Defines (parser): this struct, union or enum specifier is the one with the member
	// or enumerator list. The type is complete only after it (C11 6.7.2.1p8, 6.7.2.2p4),
	// so sema lays out the record or evaluates the enumerators where it meets this node,
	// not at an earlier mention of the tag, although the parser completed it already.
	Defines bool
	// Enum.
	Enum *EnumDef

	// Typeof: exactly one of TypeofExpr and Base is set before sema.
	TypeofExpr Expr

	// Name is the typedef name this type was written as, for diagnostics only.
	Name string
	// Attrs are attributes that apply to this type (aligned, vector_size, mode, may_alias…);
	// sema applies them when it resolves the type.
	Attrs []*Attr
}

// Param is one parameter of a function type.
type Param struct {
	Pos  diag.Pos
	Name string // may be empty
	Type *Type
}

// Record is the definition of a struct or union tag.
type Record struct {
	Pos      diag.Pos
	Tag      string // empty for an anonymous struct/union
	IsUnion  bool
	Complete bool // the member list has been seen
	Members  []*Member
	Attrs    []*Attr // packed, aligned, transparent_union, may_alias…
	Packed   bool    // set by sema from Attrs or #pragma pack
	// MaxFieldAlign is the "#pragma pack(n)" value in effect where the definition ended
	// (parser), 0 if none: no member is aligned more than n bytes (gcc semantics).
	MaxFieldAlign int
	// Size and Align are set by sema when the record is complete.
	Size  int64
	Align int64
	// HasFlexArray: the last member is a flexible array member (C11 6.7.2.1p18).
	HasFlexArray bool
	// UserAligned (sema): an aligned attribute set the alignment of the record or of a
	// member (gcc's TYPE_USER_ALIGN); _Alignof then reports Align uncapped.
	UserAligned bool
	// Defs are the struct, union and enum types defined in the member list by a
	// declaration that declares no member ("struct S { struct T { int t; }; int s; }"):
	// their tags and enumerators belong to the enclosing scope (C11 6.2.1p4, 6.7.2.3),
	// so sema must still define them.
	Defs []*Type
}

// Member is a struct or union member. An anonymous struct or union member has
// Name == "" and Type of kind Struct or Union; its members are found through it
// (C11 6.7.2.1p13).
type Member struct {
	Pos   diag.Pos
	Name  string
	Type  *Type
	Attrs []*Attr

	// Bit-fields (C11 6.7.2.1p9-11). WidthExpr is as written; sema sets BitWidth.
	IsBitField bool
	WidthExpr  Expr
	BitWidth   int

	// Layout, set by sema. For an ordinary member, Offset is its byte offset.
	// For a bit-field, the field occupies bits [BitOffset, BitOffset+BitWidth) of the
	// little-endian storage unit of sizeof(Type) bytes that starts at byte Offset;
	// Offset+sizeof(Type) never exceeds the record's size. (Byte order within the unit is the
	// target's; all gocc targets are little-endian.)
	Offset    int64
	BitOffset int
	// BytesOnly (sema) marks a bit-field of a packed record too small for any unit of
	// sizeof(Type) bytes to hold it: Offset is then the byte holding its first bit, and
	// it must be accessed through exactly the bytes that hold it.
	BytesOnly bool
	// Align is the alignment in bytes an ordinary member is placed at (sema: its type's,
	// raised by aligned, lowered by packed), used to lay out records with variably
	// modified members at run time.
	Align int64
}

// EnumDef is the definition of an enum tag (C11 6.7.2.2).
type EnumDef struct {
	Pos      diag.Pos
	Tag      string
	Complete bool
	Consts   []*EnumConst
	Attrs    []*Attr
	// Underlying is the compatible integer type sema chooses (gcc: unsigned int if no
	// value is negative, else int, widened to (unsigned) long long if a value needs it;
	// char or short with the packed attribute).
	Underlying *Type
}

// EnumConst is one enumerator. Value is set by sema.
type EnumConst struct {
	Pos   diag.Pos
	Name  string
	Expr  Expr // the "= expr", or nil
	Value int64
	// Type is the enumerator's type after sema: int if the value fits, else the
	// enum's underlying type (gcc extension).
	Type *Type
}

// Attr is one GNU attribute, __attribute__((name(args))), or a C2x [[name]].
// Name has surrounding underscores stripped ("__aligned__" -> "aligned"). Args are
// expressions; an identifier argument (e.g. format(printf, 1, 2) or mode(DI)) is an
// *Ident whose name sema reads without resolving it.
type Attr struct {
	Pos  diag.Pos
	Name string
	Args []Expr
}

// Helpers shared by every stage.

// IsInteger reports whether t is an integer type (C11 6.2.5p17), counting _Bool, char
// and enums.
func (t *Type) IsInteger() bool { return t.Kind >= Bool && t.Kind <= UInt128 || t.Kind == Enum }

// IsFloat reports whether t is a real floating type.
func (t *Type) IsFloat() bool { return t.Kind == Float || t.Kind == Double || t.Kind == LongDouble }

// IsArithmetic reports whether t is an arithmetic type (integer, real or complex).
func (t *Type) IsArithmetic() bool { return t.IsInteger() || t.IsFloat() || t.Kind == Complex }

// IsScalar reports whether t is arithmetic or a pointer (C11 6.2.5p21).
func (t *Type) IsScalar() bool { return t.IsArithmetic() || t.Kind == Pointer }

// IsRecord reports whether t is a struct or union.
func (t *Type) IsRecord() bool { return t.Kind == Struct || t.Kind == Union }

// IsAggregate reports whether t is held in memory rather than a scalar register:
// structs, unions, arrays, complex numbers and vectors are all copied as blocks in irgen.
func (t *Type) IsAggregate() bool {
	return t.Kind == Struct || t.Kind == Union || t.Kind == Array || t.Kind == Complex || t.Kind == Vector
}

// Unqual returns t without qualifiers (a copy if t had any).
func (t *Type) Unqual() *Type {
	if t.Qual == 0 {
		return t
	}
	c := *t
	c.Qual = 0
	return &c
}

// WithQual returns t with q added (a copy if that changes anything).
func (t *Type) WithQual(q Qual) *Type {
	if t.Qual&q == q {
		return t
	}
	c := *t
	c.Qual |= q
	return &c
}

// PointerTo returns a new pointer type to base. Size and Align are left for sema.
func PointerTo(base *Type) *Type { return &Type{Kind: Pointer, Base: base} }

// Members are looked up through anonymous members too; FindMember returns the path
// of members from the outermost to the named one, or nil.
func (r *Record) FindMember(name string) []*Member {
	return r.findMember(name, nil)
}

// findMember is FindMember skipping the records in outer, the ones being searched
// already: an invalid record can contain itself as an anonymous member.
func (r *Record) findMember(name string, outer []*Record) []*Member {
	for _, m := range r.Members {
		if m.Name == name {
			return []*Member{m}
		}
		if m.Name == "" && m.Type != nil && m.Type.Record != nil && m.Type.Record != r && !slices.Contains(outer, m.Type.Record) {
			if p := m.Type.Record.findMember(name, append(outer, r)); p != nil {
				return append([]*Member{m}, p...)
			}
		}
	}
	return nil
}
