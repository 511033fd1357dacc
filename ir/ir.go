// Package ir is gocc's intermediate representation: typed values in static single
// assignment form, grouped into basic blocks, functions and a module.
//
// The IR is target-independent above the level of type sizes: pointers have type Ptr,
// whose size the module's target gives; calling conventions are not lowered here (a
// call names its arguments' C-level classes in CallInfo and each backend applies its
// psABI). Memory is not in SSA form: loads, stores and calls stay in the order they have
// in their block, and passes must keep that order among memory operations.
//
// Invariants (checked by Verify):
//   - the entry block Blocks[0] has no predecessors;
//   - every Value is in exactly one Block, listed in Block.Values, and its Block field
//     points there;
//   - Phi values come first in their block and have one argument per predecessor, in
//     Preds order;
//   - every argument of a non-Phi value dominates it; a Phi argument dominates the end
//     of the corresponding predecessor;
//   - a Block ends in exactly one control transfer, given by Kind; Succs has the number
//     of successors Kind requires (Plain 1, If 2, Ret 0, Unreachable 0, Switch >= 1,
//     IndirectJump >= 0); Preds and Succs mirror each other;
//   - operand types match the op's signature (see opInfo).
package ir

import (
	"fmt"
)

// Type is the type of an IR value. Aggregates never appear as values: they live in
// memory and are handled through pointers, Copy and Zero.
type Type uint8

const (
	Void Type = iota
	I8
	I16
	I32
	I64
	I128
	F32
	F64
	F80 // x87 extended precision (x86 long double)
	F128
	Ptr // a pointer; its size is the target's pointer size
)

var typeNames = [...]string{"void", "i8", "i16", "i32", "i64", "i128", "f32", "f64", "f80", "f128", "ptr"}

func (t Type) String() string { return typeNames[t] }

// IsInt reports whether t is an integer type (Ptr excluded).
func (t Type) IsInt() bool { return t >= I8 && t <= I128 }

// IsFloat reports whether t is a floating type.
func (t Type) IsFloat() bool { return t >= F32 && t <= F128 }

// Size is the size in bytes of a value of type t; ptrSize gives Ptr's.
func (t Type) Size(ptrSize int) int {
	switch t {
	case I8:
		return 1
	case I16:
		return 2
	case I32, F32:
		return 4
	case I64, F64:
		return 8
	case I128, F128:
		return 16
	case F80:
		return 16
	case Ptr:
		return ptrSize
	}
	return 0
}

// Block kinds: how a block ends.
type BlockKind uint8

const (
	BlockPlain        BlockKind = iota // jump to Succs[0]
	BlockIf                            // Control != 0 ? Succs[0] : Succs[1]
	BlockRet                           // return Control (nil for void; for an aggregate return, Control is a pointer to the value)
	BlockUnreachable                   // control never reaches the end (after noreturn calls, __builtin_unreachable)
	BlockSwitch                        // Control compared with Cases[i] -> Succs[i]; no match -> Succs[len(Cases)]
	BlockIndirectJump                  // jump to the address Control (computed goto); Succs are all possible targets
	// BlockAsmGoto ends in an OpInlineAsm with Asm.Labels (GNU asm goto): it falls
	// through to Succs[0] or jumps to Succs[1+i] == Asm.Labels[i]. Label edges are not
	// split (the asm names the blocks); irgen gives each its own single-predecessor block.
	BlockAsmGoto
)

var blockKindNames = [...]string{"plain", "if", "ret", "unreachable", "switch", "jumpi", "asmgoto"}

func (k BlockKind) String() string { return blockKindNames[k] }

// Value is one SSA value: the result of one operation. The ID and Type of a Value never
// change after creation; Op, Args and Aux* may change only if the value computed stays
// the same (or the value is dead and removed).
type Value struct {
	ID    int
	Op    Op
	Type  Type
	Args  []*Value
	Block *Block

	// Aux fields; which are used depends on Op (see opInfo).
	AuxInt   int64     // constant, offset, size, parameter index, comparison…
	AuxFloat float64   // ConstFloat
	AuxBits  [2]uint64 // ConstFloat of F80/F128: the exact bit pattern (little-endian words) when Exact
	Sym      string    // symbol name for Addr, TLSAddr, and direct Call via Addr
	Call     *CallInfo // Call, VaArg of an aggregate
	Agg      *Agg      // Param/VaArg of an aggregate: its layout
	Asm      *AsmInfo  // InlineAsm
	Exact    bool      // AuxBits holds the exact constant

	// Uses counts the arguments (in values and block controls) that refer to this value.
	// Kept up to date by the helpers in this package (AddArg, SetArgs, SetControl…).
	Uses int32
	// Pos is a source position for debug info and diagnostics: file line only.
	Line int32
}

// Block is a basic block.
type Block struct {
	ID      int
	Kind    BlockKind
	Values  []*Value
	Control *Value
	Succs   []*Block
	Preds   []*Block
	Cases   []int64 // BlockSwitch: case values, one per Succs[i] for i < len(Cases)
	Func    *Func
	// Likely is a branch hint for BlockIf: +1 first successor likely, -1 second, 0 none.
	Likely int8
}

// Linkage of a function or global.
type Linkage uint8

const (
	External Linkage = iota // global symbol
	Internal                // local symbol (C static)
	Weak                    // weak global symbol
)

// Param describes one parameter of a function as the C source declared it, so the
// backend can apply the calling convention. A scalar parameter has Type; an aggregate
// (struct/union/complex/vector passed by value) has Agg, and its Param value is a
// pointer to a copy the callee owns.
type Param struct {
	Type Type
	Agg  *Agg
}

// Func is a function.
type Func struct {
	Name     string
	Linkage  Linkage
	Params   []Param
	Variadic bool
	Ret      Type     // Void if none or if RetAgg is set
	RetAgg   *Agg     // returns an aggregate by value
	Blocks   []*Block // Blocks[0] is the entry
	// Attributes for the emitter.
	Section     string
	Visibility  string
	NoReturn    bool
	Constructor int // priority, -1 if not a constructor
	Destructor  int
	Align       int
	// FrameSlots are the stack slots the function allocates (see op Slot): size, align.
	Slots []Slot
	// UsesVaStart: the function calls va_start, so the backend must save the argument registers.
	UsesVaStart bool
	// ReturnsTwice: the function calls setjmp-like functions; values must not live in
	// registers across those calls.
	ReturnsTwice bool
	// Inline: declared inline (C11 6.7.4p6: a suggestion that calls be fast), so the
	// optimizer may copy its body into callers (opt/inline.go).
	Inline bool

	nextValueID int
	nextBlockID int
}

// Slot is a stack object: a local that lives in memory.
type Slot struct {
	Size  int64
	Align int64
	Name  string // C name, for debugging
}

// Global is a variable with static storage duration.
type Global struct {
	Name       string
	Linkage    Linkage
	Size       int64
	Align      int64
	Data       []byte  // initial contents, len(Data) == Size; nil means all zero (.bss)
	Relocs     []Reloc // addresses stored in Data
	ReadOnly   bool    // may go in .rodata
	TLS        bool    // thread-local (.tdata/.tbss)
	Section    string  // explicit section, or ""
	Visibility string
	Used       bool
	Extern     bool // declared here, defined elsewhere: only referenced (may matter for PIC)
	Alias      string
	IsString   bool // a string literal (may be merged)
	// Common: a tentative definition (C11 6.9.2, no initializer) with external
	// linkage, emitted as a common symbol (.comm) as gcc's -fcommon does; set by the
	// driver for -fcommon on the globals irgen marks Tentative.
	Common, Tentative bool
	// TLSModel is the ELF TLS access model requested for a thread-local symbol
	// (tls_model attribute: "global-dynamic", "local-dynamic", "initial-exec",
	// "local-exec"), "" to let the backend choose; Extern globals carry it for symbols
	// defined elsewhere.
	TLSModel string
}

// Reloc is an address stored into a global's data: Size bytes at Offset hold the address
// of Sym plus Addend, or, if Sub is set, the difference Sym - Sub + Addend (a constant
// the assembler computes: GNU C label differences &&a - &&b).
type Reloc struct {
	Offset int64
	Size   int
	Sym    string
	Addend int64
	Sub    string
}

// Module is a translation unit.
type Module struct {
	PtrSize int
	Funcs   []*Func
	Globals []*Global
	// Externs lists symbols referenced but not defined here, with whether each is a
	// function, for PIC code generation (PLT vs GOT).
	Externs map[string]bool
	// TopAsm are top-level asm("...") blocks, in order.
	TopAsm []string
}

// Agg describes the layout of an aggregate passed or returned by value, enough for every
// psABI's classification: its size and alignment and its scalar leaves, flattened
// (nested structs and arrays expanded, unions overlapping). Fields are in offset order.
type Agg struct {
	Size   int64
	Align  int64
	Fields []AggField
	// Union: some fields overlap. HomogeneousFloat etc. are computed by backends.
	Union bool
	// Packed: some fields are unaligned.
	Packed bool
	// Flex or variable size aggregates are never passed by value.
}

// AggField is one scalar leaf of an aggregate. Bit-fields appear as their storage unit.
type AggField struct {
	Offset int64
	Type   Type
}

// CallInfo is the signature of a call site.
type CallInfo struct {
	Params   []Param // the argument classes, fixed arguments then variadic ones
	NumFixed int     // arguments before the "..."; == len(Params) if not variadic
	Variadic bool
	Ret      Type
	RetAgg   *Agg
	NoReturn bool
	// ReturnsTwice marks setjmp-like callees.
	ReturnsTwice bool
	// Chain: the callee is a GNU C nested function and the call's last argument (after
	// the aggregate result pointer, if any) is its static chain (see OpChain).
	Chain bool
	// Lib names the standard library function the callee is (C11 7.1.2; see
	// ast.Object.Library), "" if none: passes may use its specified semantics
	// (opt/libcalls.go). Usually Lib == Sym; an asm label can rename the symbol.
	Lib string
}

// AsmInfo is an extended inline asm statement after irgen: the template and operands.
// Operand order follows GNU C: outputs first, then inputs.
type AsmInfo struct {
	Template string
	Outputs  []AsmOperand
	Inputs   []AsmOperand
	Clobbers []string
	Labels   []*Block
	Volatile bool
	Basic    bool
}

// AsmOperand is one operand of an inline asm.
type AsmOperand struct {
	Name       string
	Constraint string
	Type       Type
	Size       int64 // size in bytes of the C operand
}

func (v *Value) String() string { return fmt.Sprintf("v%d", v.ID) }

func (b *Block) String() string { return fmt.Sprintf("b%d", b.ID) }
