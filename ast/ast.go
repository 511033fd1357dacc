// Package ast defines the syntax tree of a C translation unit and the C type system.
//
// The parser builds it (syntax only: names unresolved, no expression types, declared
// types built from declarators); sema then checks and completes it in place: every
// Expr gets its Type, implicit conversions become explicit *Cast nodes, identifiers are
// bound to *Object, types get sizes and layouts, initializers are flattened, and
// constant expressions are folded. irgen reads only sema's result. Invariants that hold
// after sema are marked "(sema)".
package ast

import "gocc/diag"

// Node is any syntax tree node.
type Node interface{ Position() diag.Pos }

// Expr is an expression (C11 6.5).
type Expr interface {
	Node
	// Type is the expression's type (sema). For an lvalue it is the object's type;
	// arrays and functions are converted to pointers by explicit *Cast nodes (sema)
	// wherever C11 6.3.2.1p3-4 says so.
	Type() *Type
	SetType(*Type)
	exprNode()
}

// ExprBase is embedded in every expression node.
type ExprBase struct {
	Pos diag.Pos
	Ty  *Type
}

func (e *ExprBase) Position() diag.Pos { return e.Pos }
func (e *ExprBase) Type() *Type        { return e.Ty }
func (e *ExprBase) SetType(t *Type)    { e.Ty = t }
func (*ExprBase) exprNode()            {}

// Ident is a use of an identifier in an expression.
type Ident struct {
	ExprBase
	Name string
	Obj  *Object // what the name denotes (sema); for an enumerator, an Object of kind ObjEnumConst
}

// IntLit is an integer constant (C11 6.4.4.1) or, after sema, any folded integer
// constant. Sema chooses its Type from the value, the suffix and the target.
type IntLit struct {
	ExprBase
	Text     string // spelling, for diagnostics; empty for folded constants
	Value    uint64 // the value, two's complement for folded negative results
	Unsigned bool   // u/U suffix
	Longs    int    // 0, 1 (l) or 2 (ll)
	Imag     bool   // GNU imaginary suffix i/j
}

// FloatLit is a floating constant (C11 6.4.4.2).
type FloatLit struct {
	ExprBase
	Text  string  // spelling without suffix, for exact long double conversion
	Value float64 // value as a double
	// Suffix is 0 (double), 'f' (float) or 'l' (long double).
	Suffix byte
	Imag   bool
}

// CharLit is a character constant; Value is its value as the type sema gives it
// (int for plain, wchar_t for L, char16_t/char32_t for u/U; C11 6.4.4.4).
type CharLit struct {
	ExprBase
	Prefix StrPrefix
	Value  int64
}

// StrPrefix is a string or character literal's encoding prefix.
type StrPrefix uint8

const (
	PrefixNone StrPrefix = iota
	PrefixL
	Prefix16 // u
	Prefix32 // U
	PrefixU8 // u8
)

// StringLit is a string literal after concatenation of adjacent literals (C11 6.4.5,
// translation phase 6). Its type is an array including the terminating zero (sema).
type StringLit struct {
	ExprBase
	Prefix StrPrefix
	// Bytes holds a narrow (none, u8) literal after escape processing, without the
	// terminating zero; UCNs and non-ASCII are UTF-8.
	Bytes []byte
	// Wide holds an L, u or U literal as code units (UTF-16 for u), without the zero.
	Wide []uint32
}

// UnaryOp is a prefix or postfix operator.
type UnaryOp uint8

const (
	Neg     UnaryOp = iota // -x
	Plus                   // +x
	LogNot                 // !x
	BitNot                 // ~x (also complex conjugate, GNU)
	Deref                  // *x
	Addr                   // &x
	PreInc                 // ++x
	PreDec                 // --x
	PostInc                // x++
	PostDec                // x--
	Real                   // __real__ x
	Imag                   // __imag__ x
)

// Unary is a unary operator expression.
type Unary struct {
	ExprBase
	Op UnaryOp
	X  Expr
	// OpType is, for ++/--, the type in which the addition is done (sema): the promoted
	// type of X, or X's pointer type.
	OpType *Type
}

// BinaryOp is a binary operator.
type BinaryOp uint8

const (
	Add BinaryOp = iota
	Sub
	Mul
	Div
	Rem
	Shl
	Shr
	BitAnd
	BitOr
	BitXor
	Eq
	Ne
	Lt
	Le
	Gt
	Ge
	LogAnd // &&
	LogOr  // ||
	Comma
)

// Binary is a binary operator expression. After sema, for arithmetic operators both
// operands have the same (converted) type equal to the result type, except: shifts
// (each operand promoted separately, C11 6.5.7p3), comparisons (operands converted to
// a common type, result int), && || (operands scalar, result int), comma, and pointer
// arithmetic: ptr+int, int+ptr, ptr-int keep the integer operand as ptrdiff_t-sized
// integer; ptr-ptr yields ptrdiff_t (C11 6.5.6).
type Binary struct {
	ExprBase
	Op   BinaryOp
	X, Y Expr
}

// Assign is "L = R" (Op is nil-like: Simple) or a compound assignment "L op= R".
type Assign struct {
	ExprBase
	Simple bool     // plain "="; then R has been converted to L's type (sema)
	Op     BinaryOp // the operator of a compound assignment
	L, R   Expr
	// OpType is the type the compound operation is computed in (sema): L's value is
	// converted to OpType, combined with R (already converted to OpType, or to the
	// integer type for pointer += int and for shifts), and converted back to L's type
	// (C11 6.5.16.2p3).
	OpType *Type
}

// Cond is "C ? Then : Else"; Then is nil for the GNU "C ?: Else".
type Cond struct {
	ExprBase
	C, Then, Else Expr
}

// Call is a function call (C11 6.5.2.2). After sema the arguments have been converted
// to the parameter types, or promoted by the default argument promotions.
type Call struct {
	ExprBase
	Fn   Expr
	Args []Expr
	// Builtin names a compiler builtin that irgen must expand itself (sema), e.g.
	// "__builtin_clz", "__builtin_alloca", "__builtin_va_start"; empty for ordinary calls.
	// Builtins that are plain library calls (__builtin_memcpy) are rewritten by sema to
	// call the library function instead.
	Builtin string
}

// Index is "X[I]". After sema, X is the pointer operand and I the integer one,
// whichever order they were written in (C11 6.5.2.1p2).
type Index struct {
	ExprBase
	X, I Expr
}

// MemberExpr is "X.Name" or "X->Name".
type MemberExpr struct {
	ExprBase
	X     Expr
	Name  string
	Arrow bool
	// Path is the member chain (sema): one entry, or several when Name was found through
	// anonymous struct/union members. Offsets add up along the path.
	Path []*Member
}

// CastKind refines a conversion. The parser only makes Explicit casts; sema adds the rest.
type CastKind uint8

const (
	CastExplicit CastKind = iota // (T)x as written
	CastImplicit                 // usual arithmetic conversions, assignment, argument passing, return
	CastDecay                    // array or function to pointer (C11 6.3.2.1p3-4): irgen takes the address
	CastToUnion                  // GNU cast to union type: builds a union from one member's value
)

// Cast converts X to Type(). A cast to void discards the value.
type Cast struct {
	ExprBase
	Kind CastKind
	To   *Type // the type as written (parser); equals Type() after sema
	X    Expr
}

// Sizeof is sizeof or _Alignof (or __alignof__) applied to an expression or a type.
// Sema folds it to an IntLit unless it applies to a VLA.
type Sizeof struct {
	ExprBase
	Align bool // _Alignof rather than sizeof
	// GNUAlign: spelled __alignof__ or __alignof, gcc's preferred alignment (the one
	// the type is laid out with), which may exceed C11 _Alignof's (sema/layout.go).
	GNUAlign bool
	X        Expr  // operand expression, or nil
	Of       *Type // operand type, or nil
}

// CompoundLit is "(T){ init }" (C11 6.5.2.5). Sema creates an unnamed object for it.
type CompoundLit struct {
	ExprBase
	To   *Type
	Init *InitList
	Obj  *Object // the unnamed object (sema): static at file scope, automatic inside functions
}

// StmtExpr is the GNU statement expression "({ ... })"; its value is that of the last
// expression statement, if any (type void otherwise).
type StmtExpr struct {
	ExprBase
	Body *Block
}

// GenericAssoc is one association of a _Generic selection; Type nil means default.
type GenericAssoc struct {
	Type *Type
	Expr Expr
}

// Generic is a _Generic selection (C11 6.5.1.1).
type Generic struct {
	ExprBase
	Ctrl   Expr
	Assocs []GenericAssoc
	Chosen Expr // the selected expression (sema); irgen uses only this
}

// VaArg is __builtin_va_arg(ap, T).
type VaArg struct {
	ExprBase
	Ap Expr
	To *Type
}

// ConvertVector is GNU C's __builtin_convertvector(X, To): the vector X converted
// element by element to the vector type To, which has as many elements.
type ConvertVector struct {
	ExprBase
	X  Expr
	To *Type
}

// Offsetof is __builtin_offsetof(T, designator); sema folds it to an IntLit.
type Offsetof struct {
	ExprBase
	Of   *Type
	Desg []Designator
}

// TypesCompatible is __builtin_types_compatible_p(T1, T2); sema folds it.
type TypesCompatible struct {
	ExprBase
	A, B *Type
}

// ChooseExpr is __builtin_choose_expr(C, A, B); sema picks one and sets Chosen.
type ChooseExpr struct {
	ExprBase
	C, A, B Expr
	Chosen  Expr
}

// LabelAddr is the GNU "&&label" (labels as values).
type LabelAddr struct {
	ExprBase
	Label string
}

// InitList is a brace-enclosed initializer list (C11 6.7.9) as written.
type InitList struct {
	ExprBase
	Items []*InitItem
}

// InitItem is one element of an initializer list: optional designators, then a value
// that is an Expr or a nested *InitList.
type InitItem struct {
	Pos   diag.Pos
	Desg  []Designator
	Value Expr
}

// Designator is ".name", "[index]" or the GNU range "[lo ... hi]".
type Designator struct {
	Pos   diag.Pos
	Field string // ".field", or empty
	Index Expr   // "[index]" or the low end of a range
	Hi    Expr   // the high end of a GNU range, or nil
}

// Stmt is a statement (C11 6.8).
type Stmt interface {
	Node
	stmtNode()
}

// StmtBase is embedded in every statement node.
type StmtBase struct{ Pos diag.Pos }

func (s *StmtBase) Position() diag.Pos { return s.Pos }
func (*StmtBase) stmtNode()            {}

type (
	// Block is a compound statement; Items are statements and *DeclStmt.
	Block struct {
		StmtBase
		Items []Stmt
		// Labels are the names declared with __label__ at the start of the block.
		Labels []string
		// End is the position of the closing brace.
		End diag.Pos
	}
	// DeclStmt holds declarations inside a block.
	DeclStmt struct {
		StmtBase
		Decls []*Decl
	}
	ExprStmt struct {
		StmtBase
		X Expr
	}
	Empty  struct{ StmtBase }
	IfStmt struct {
		StmtBase
		Cond       Expr
		Then, Else Stmt // Else may be nil
	}
	WhileStmt struct {
		StmtBase
		Cond Expr
		Body Stmt
	}
	DoStmt struct {
		StmtBase
		Body Stmt
		Cond Expr
	}
	ForStmt struct {
		StmtBase
		Init Stmt // nil, *ExprStmt or *DeclStmt
		Cond Expr // may be nil
		Post Expr // may be nil
		Body Stmt
	}
	SwitchStmt struct {
		StmtBase
		X    Expr // promoted controlling expression (sema)
		Body Stmt
		// Cases and Default are collected by sema, in source order.
		Cases   []*CaseStmt
		Default *DefaultStmt
	}
	// CaseStmt is "case Lo:" or the GNU "case Lo ... Hi:".
	CaseStmt struct {
		StmtBase
		Lo, Hi Expr // Hi may be nil
		Body   Stmt
		// LoVal and HiVal are the values converted to the switch's type (sema).
		LoVal, HiVal int64
	}
	DefaultStmt struct {
		StmtBase
		Body Stmt
	}
	BreakStmt    struct{ StmtBase }
	ContinueStmt struct{ StmtBase }
	ReturnStmt   struct {
		StmtBase
		X Expr // converted to the function's return type (sema); may be nil
	}
	GotoStmt struct {
		StmtBase
		Label string
	}
	// IndirectGoto is the GNU "goto *expr".
	IndirectGoto struct {
		StmtBase
		X Expr
	}
	LabeledStmt struct {
		StmtBase
		Label string
		Body  Stmt
		Attrs []*Attr
	}
	// AsmStmt is a basic or extended asm statement (GNU C).
	AsmStmt struct {
		StmtBase
		Template string
		Volatile bool
		Goto     bool
		Inline   bool
		Outputs  []*AsmOperand
		Inputs   []*AsmOperand
		Clobbers []string
		Labels   []string
		Basic    bool // no colon at all: the template is not scanned for operands
	}
)

// AsmOperand is "[name] "constraint" (expr)".
type AsmOperand struct {
	Pos        diag.Pos
	Name       string
	Constraint string
	X          Expr
}

// Storage is a storage-class specifier (C11 6.7.1).
type Storage uint8

const (
	StorageNone Storage = iota
	Typedef
	Extern
	Static
	Auto
	Register
)

// Decl is one declarator with its specifiers: a variable, a function (declaration or
// definition), or a typedef. "int a, *b;" gives two Decls sharing specifiers.
type Decl struct {
	Pos         diag.Pos
	Name        string // empty for a declaration that declares only a tag ("struct s {…};")
	Type        *Type
	Storage     Storage
	ThreadLocal bool // _Thread_local / __thread
	Inline      bool
	Noreturn    bool
	ImplicitInt bool // no type specifier: the type is int (C89), or returns int
	Attrs       []*Attr
	AsmName     string // "int f(void) __asm__("g")": the symbol name to use
	Init        Expr   // an Expr or *InitList; nil if none
	// Body is set for a function definition; Params then name its parameters in order
	// (for K&R definitions, with the types from the declaration list).
	Body   *Block
	Params []*Decl

	// Obj is the entity this declaration declares (sema).
	Obj *Object
	// Inits is the flattened initializer (sema), see InitEntry; nil if Init is nil.
	Inits []*InitEntry
}

func (d *Decl) Position() diag.Pos { return d.Pos }

// StaticAssert is a _Static_assert at file or block scope (also a Stmt in blocks).
type StaticAssert struct {
	StmtBase
	Cond Expr
	Msg  string
}

// File is a translation unit.
type File struct {
	Name string
	// Decls are the external declarations in order: *Decl and *StaticAssert, and
	// *AsmStmt for top-level asm("...") (Basic set).
	Decls []Node

	// Set by sema: the entities with static storage duration that irgen must emit or
	// reference, in first-declaration order (functions, variables, static locals,
	// compound literals and string literals at file scope), and the function definitions.
	Objects []*Object
	Funcs   []*FuncDef

	// GNU89Inline selects GNU89 inline semantics (-fgnu89-inline, -std=gnu89/c90; set by
	// the driver before sema): "inline" definitions are external definitions and
	// "extern inline" ones are never emitted, as with the gnu_inline attribute.
	GNU89Inline bool
	// ShortEnums (-fshort-enums): every enum type is the smallest integer type that
	// holds its values, as if declared with the packed attribute.
	ShortEnums bool
	// ShortWchar (-fshort-wchar): wchar_t, and so the type of L literals, is
	// unsigned short.
	ShortWchar bool
	// NoBuiltin names the functions whose plain names are not treated as builtins
	// (-fno-builtin-NAME; "" for -fno-builtin: all of them). Set by the driver.
	NoBuiltin map[string]bool
	// InstrumentFunctions (-finstrument-functions): every function defined here, except
	// those with the no_instrument_function attribute, calls
	// __cyg_profile_func_enter(this_fn, call_site) on entry and
	// __cyg_profile_func_exit(this_fn, call_site) before returning.
	InstrumentFunctions bool
}

// ObjKind says what an Object is.
type ObjKind uint8

const (
	ObjVar       ObjKind = iota // a variable (any storage duration)
	ObjFunc                     // a function
	ObjEnumConst                // an enumerator; Value holds it
	ObjBuiltin                  // a compiler builtin function name (e.g. __builtin_clz)
)

// Linkage of an object with static storage duration (C11 6.2.2).
type Linkage uint8

const (
	NoLinkage Linkage = iota
	Internal
	External
)

// Object is one entity: all declarations of the same variable or function share it
// (sema). irgen keys everything on *Object.
type Object struct {
	Kind    ObjKind
	Name    string // the C name
	Pos     diag.Pos
	Type    *Type // composite type of all declarations (C11 6.2.7)
	Linkage Linkage
	// Global: static storage duration (file scope, static locals, file-scope compound
	// literals and string literals). Otherwise automatic: a local or a parameter.
	Global      bool
	ThreadLocal bool
	Param       bool // a function parameter
	Defined     bool // a definition was seen (function body, or an initialized/tentative variable)
	// LinkName is the assembler symbol name: AsmName if given, the C name for linkage,
	// or a unique generated name (e.g. "x.1") for static locals and literals.
	LinkName string
	// Init is the definition's flattened initializer (for Global variables), see InitEntry.
	Init []*InitEntry
	// Value of an enumerator.
	Value int64
	// Attributes resolved by sema.
	Align      int64  // explicit alignment (aligned attribute, _Alignas), 0 if none
	Section    string // section attribute
	Weak       bool
	Alias      string // alias("target"): this symbol is an alias of LinkName target
	Visibility string // "", "default", "hidden", "protected", "internal"
	Used       bool   // used attribute: emit even if unreferenced
	Inline     bool   // declared inline (C99 6.7.4 / gnu_inline decide emission; sema sets Defined=false for inline definitions that must not be emitted)
	Noreturn   bool
	// ReturnsTwice: returns_twice attribute (setjmp-like; see ir.CallInfo.ReturnsTwice).
	ReturnsTwice bool
	// Library (sema): an external function with a standard library name (C11 7.1.2),
	// declared with a type compatible with the standard one, builtins not disabled
	// (-fno-builtin): calls of it may be simplified with the library semantics.
	Library bool
	// TLSModel: tls_model attribute of a thread-local variable ("global-dynamic",
	// "local-dynamic", "initial-exec" or "local-exec"), "" for the default.
	TLSModel string
	// NoInstrument: no_instrument_function attribute (see File.InstrumentFunctions).
	NoInstrument bool
	// Constructor/Destructor priorities: -1 if not a constructor/destructor, 65535 default.
	Constructor, Destructor int
	// AddrTaken: the address of a local is taken (or it is an aggregate), so it must
	// stay in memory; a hint for irgen (mem2reg decides for itself).
	AddrTaken bool
	// Read and Assigned (sema, for -Wunused-variable and -Wunused-but-set-variable):
	// the variable's value is used somewhere; it is the left operand of a '=' whose
	// value is discarded.
	Read, Assigned bool
	// Volatile locals are never promoted to registers.
	Volatile bool
	// VLA: an automatic variable of variably modified array type; its size is computed
	// when its declaration is executed.
	VLA bool
	// GlobalReg is the register of a GNU global register variable
	// (`register T x asm("reg");` at file scope, sema/globalreg.go): x has no storage
	// and no linkage, it names the register.
	GlobalReg string
	// Str is the literal for an Object made for a string literal.
	Str *StringLit
	// Cleanup is the function named by __attribute__((cleanup(f))) on a local variable
	// (sema): irgen calls f(&var) when the variable's scope ends.
	Cleanup *Object
	// Builtin data for ObjBuiltin: the builtin's name.
	// (Name holds it; the type is the builtin's signature.)
}

// InitEntry is one piece of a flattened initializer (sema): the object is first
// zero-filled (all of it, C11 6.7.9p10/p21), then each entry stores Value at Offset.
// Entries are in increasing Offset order with later designators overriding earlier ones
// (C11 6.7.9p19) already resolved.
type InitEntry struct {
	Offset int64
	Type   *Type   // the type of the sub-object initialized
	Field  *Member // for a bit-field: the member (BitOffset, BitWidth); else nil
	// Value is an expression converted to Type; or a *StringLit initializing a char or
	// wide array of Type (copy min(len+1, sizeof Type) units; the rest stays zero).
	Value Expr
	// Const is Value's value as a constant (sema), set for initializers of objects with
	// static storage duration (C11 6.6p7-9); nil for automatic objects.
	Const *ConstValue
}

// ConstValue is the value of a constant expression used in a static initializer:
// an integer, a floating value, or an address constant (Sym + Offset).
type ConstValue struct {
	Kind  ConstKind
	Int   int64   // ConstInt; also the byte offset added to Sym for ConstAddr
	Float float64 // ConstFloat (long double constants are rounded from Text if set)
	Text  string  // the decimal/hex spelling of a floating literal, for exact long double
	Sym   *Object // ConstAddr: the object whose address is taken (function, variable, literal)
	Label string  // ConstLabelAddr: &&label inside a function (static void *t[] = {&&a})
	Func  *Object // ConstLabelAddr, ConstLabelDiff: the function the labels belong to
	// ConstLabelDiff: &&Label - &&SubLabel + Int, an integer the assembler computes.
	SubLabel string
	// Complex constants: Float is the real part, Imag the imaginary.
	Imag float64
	// SExt: a ConstInt of an unsigned type wider than 64 bits whose value is Int
	// sign-extended ((unsigned __int128)-1); otherwise such a value is Int zero-extended.
	SExt bool
	// Wide: a ConstInt of a 128-bit type whose high 64 bits are Hi (Int the low ones),
	// for values the forms above cannot represent ((__int128)1 << 100).
	Wide bool
	Hi   int64
}

type ConstKind uint8

const (
	ConstInt ConstKind = iota
	ConstFloat
	ConstAddr
	ConstLabelAddr
	ConstComplex
	ConstLabelDiff
)

// FuncDef is a function definition after sema.
type FuncDef struct {
	Obj    *Object
	Decl   *Decl
	Params []*Object // in order; each has Param set
	Body   *Block
	// Locals are every automatic object of the function (parameters excluded), including
	// unnamed compound-literal objects, in declaration order.
	Locals []*Object
	// HasLabelAddr: the function uses &&label (so every label may be a jump target).
	HasLabelAddr bool
	// ParamSizes are the size expressions of parameters declared as variable-length
	// arrays (int b[a++]), lost when the type is adjusted to a pointer; they are
	// evaluated on entry for their side effects (C11 6.9.1p10), in order (sema).
	ParamSizes []Expr
	// Parent is the function a GNU C nested function is defined in (sema); nil for a
	// function defined at file scope. Nested are the functions defined directly in this
	// one's body, in source order. Nested functions are also listed in File.Funcs
	// (before their parent); they may use the automatic objects of every enclosing
	// function (GCC manual, "Nested Functions").
	Parent *FuncDef
	Nested []*FuncDef
	// NonLocalGotos maps each label this function jumps to with a non-local goto (a
	// label declared with __label__ in an enclosing function) to the function that
	// defines it (sema). NonLocalLabels are the labels of this function that nested
	// functions jump to, in first-use order (sema).
	NonLocalGotos  map[string]*FuncDef
	NonLocalLabels []string
	// Static locals and literals of the function are in File.Objects.
}

// DirectCallee returns the function a call's function operand designates directly
// (through decay, & and *), or nil for a call through a pointer value.
func DirectCallee(e Expr) *Object {
	for {
		switch x := e.(type) {
		case *Cast:
			if x.Kind != CastDecay && x.Kind != CastImplicit {
				return nil
			}
			e = x.X
		case *Unary:
			if x.Op != Deref && x.Op != Addr {
				return nil
			}
			e = x.X
		case *Ident:
			if x.Obj != nil && x.Obj.Kind == ObjFunc {
				return x.Obj
			}
			return nil
		default:
			return nil
		}
	}
}
