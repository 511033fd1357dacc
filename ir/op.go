package ir

// Op is an IR operation. Integer ops work on I8..I128 and Ptr (pointer arithmetic is
// done with Add/Sub on Ptr and an I64 offset converted by the front end); floating ops
// on F32..F128. Where signedness matters the op says so (DivS/DivU…); the types say
// nothing about signedness.
type Op uint16

const (
	OpInvalid Op = iota

	// Constants and addresses.
	OpConst      // AuxInt, truncated to Type
	OpConstFloat // AuxFloat (and AuxBits if Exact)
	OpAddr       // address of global symbol Sym + AuxInt (Type Ptr)
	OpTLSAddr    // address of thread-local Sym + AuxInt in the current thread
	OpSlot       // address of stack slot Func.Slots[AuxInt] (Type Ptr)
	OpParam      // the AuxInt'th parameter (an aggregate parameter: a pointer to the callee's copy)
	OpUndef      // an undefined value of Type (reading an uninitialized local)
	OpBlockAddr  // address of block AuxInt of this function (labels as values); Type Ptr

	// Integer and floating arithmetic: Args[0] op Args[1], all of Type.
	OpAdd
	OpSub
	OpMul
	OpDivS // signed (integer) or floating division
	OpDivU
	OpRemS
	OpRemU
	OpAnd
	OpOr
	OpXor
	OpShl  // shift count Args[1] is of Type too; counts >= width are undefined
	OpShrS // arithmetic shift right
	OpShrU // logical shift right
	OpNeg
	OpNot // bitwise complement

	// Comparisons: Args[0], Args[1] of the same type; the result is I32 0 or 1 (Type I32,
	// or I8 if a pass narrows it). Floating comparisons are ordered (false on NaN)
	// except Ne, which is true on NaN, as C's != (C11 F.9.3).
	OpEq
	OpNe
	OpLtS
	OpLeS
	OpGtS
	OpGeS
	OpLtU
	OpLeU
	OpGtU
	OpGeU

	// Conversions: Args[0] to Type.
	OpSExt    // sign-extend to a wider integer
	OpZExt    // zero-extend to a wider integer
	OpTrunc   // truncate to a narrower integer
	OpFConv   // between floating types
	OpFToS    // floating to signed integer (truncating toward zero)
	OpFToU    // floating to unsigned integer
	OpSToF    // signed integer to floating
	OpUToF    // unsigned integer to floating
	OpBitcast // reinterpret bits between same-size types (I64<->Ptr, I32<->F32, I64<->F64)

	// Memory. Memory ops keep their relative order within a function.
	OpLoad   // load Type from address Args[0]; AuxInt 1 = volatile
	OpStore  // store Args[1] to address Args[0]; Type Void; AuxInt 1 = volatile
	OpCopy   // copy AuxInt bytes from Args[1] to Args[0] (non-overlapping); Type Void
	OpZero   // zero AuxInt bytes at Args[0]; Type Void
	OpAlloca // allocate Args[0] bytes (I64) on the stack, aligned to AuxInt; Type Ptr

	// Calls. Args[0] is the callee address; Args[1:] the arguments. If Call.RetAgg is set
	// the last argument is a pointer where the callee's aggregate result is stored. An
	// aggregate argument is a pointer to its value (the backend copies it as the ABI says).
	OpCall

	// Variadic arguments (ABI-specific; the backend expands them).
	OpVaStart // initialize the va_list at Args[0]; Type Void
	OpVaArg   // next argument of Type from the va_list at Args[0]; for an aggregate (Agg set) Type is Ptr and the result points to a copy of the argument

	// SSA plumbing.
	OpPhi       // one argument per predecessor
	OpCopyValue // Args[0] unchanged (regalloc and passes insert these)
	OpSelect    // Args[0] != 0 ? Args[1] : Args[2]

	// Builtins with a direct meaning.
	OpClz       // count leading zeros of Args[0] (undefined for 0); Type I32
	OpCtz       // count trailing zeros; Type I32
	OpPopcount  // Type I32
	OpBswap     // byte swap, Type = Args[0].Type
	OpFrameAddr // frame address of the current function (AuxInt levels up; 0 only); Ptr
	OpRetAddr   // return address of the current function (AuxInt 0 only); Ptr
	OpTrap      // abort execution (ud2); Type Void
	OpFAbs      // |Args[0]|, floating
	OpSqrt      // square root, floating
	OpInlineAsm // Asm: Args are output addresses then input values (or addresses for memory operands)
	OpFence     // memory barrier (__sync_synchronize, seq_cst fence)
	OpAtomicRMW // atomic read-modify-write: AuxInt is the binary op (OpAdd…, or OpCopyValue for exchange); Args[0] address, Args[1] operand; result is the old value
	OpAtomicCAS // compare-and-swap: Args[0] address, Args[1] expected, Args[2] desired; result is the old value
	OpAtomicLoad
	OpAtomicStore

	// GCC's untyped calls (gcc manual "Constructing Function Calls"); the block layouts
	// are the backend's.
	OpApplyArgs  // __builtin_apply_args: address of a block holding this function's incoming argument registers and stack-argument pointer; Ptr
	OpApply      // __builtin_apply(Args[0] function, Args[1] apply_args block, Args[2] I64 stack bytes): address of a block holding the result registers; Ptr
	OpUntypedRet // __builtin_return(Args[0] result block): return from the function with those result registers; Void (the block then ends in BlockUnreachable)

	// GNU C nested functions. The static chain is the pointer a nested function receives
	// to reach its enclosing functions' frames; each backend passes it where its psABI
	// says (x86-64 psABI §3.2.3, Figure 3.4: %r10).
	OpChain      // the static chain this function was called with; Ptr, in the entry block (like Param)
	OpTrampoline // write at Args[0] (target.TrampolineSize bytes) code that calls function Args[1] with static chain Args[2]; Void

	NumOps
)

// OpFlags describe properties passes need.
type OpFlags uint8

const (
	Commutative OpFlags = 1 << iota
	SideEffect          // must not be removed even if unused, nor reordered with other memory ops
	ReadsMemory         // result depends on memory: not movable across side effects
	Comparison
)

// opInfo is the table every pass reads: an op's text name, its argument count (-1 for
// a variable count) and flags.
type opInfo struct {
	name  string
	nargs int
	flags OpFlags
}

var opTable = [NumOps]opInfo{
	OpInvalid:     {"invalid", 0, 0},
	OpConst:       {"const", 0, 0},
	OpConstFloat:  {"fconst", 0, 0},
	OpAddr:        {"addr", 0, 0},
	OpTLSAddr:     {"tlsaddr", 0, 0},
	OpSlot:        {"slot", 0, 0},
	OpParam:       {"param", 0, 0},
	OpUndef:       {"undef", 0, 0},
	OpBlockAddr:   {"blockaddr", 0, 0},
	OpAdd:         {"add", 2, Commutative},
	OpSub:         {"sub", 2, 0},
	OpMul:         {"mul", 2, Commutative},
	OpDivS:        {"divs", 2, 0},
	OpDivU:        {"divu", 2, 0},
	OpRemS:        {"rems", 2, 0},
	OpRemU:        {"remu", 2, 0},
	OpAnd:         {"and", 2, Commutative},
	OpOr:          {"or", 2, Commutative},
	OpXor:         {"xor", 2, Commutative},
	OpShl:         {"shl", 2, 0},
	OpShrS:        {"shrs", 2, 0},
	OpShrU:        {"shru", 2, 0},
	OpNeg:         {"neg", 1, 0},
	OpNot:         {"not", 1, 0},
	OpEq:          {"eq", 2, Commutative | Comparison},
	OpNe:          {"ne", 2, Commutative | Comparison},
	OpLtS:         {"lts", 2, Comparison},
	OpLeS:         {"les", 2, Comparison},
	OpGtS:         {"gts", 2, Comparison},
	OpGeS:         {"ges", 2, Comparison},
	OpLtU:         {"ltu", 2, Comparison},
	OpLeU:         {"leu", 2, Comparison},
	OpGtU:         {"gtu", 2, Comparison},
	OpGeU:         {"geu", 2, Comparison},
	OpSExt:        {"sext", 1, 0},
	OpZExt:        {"zext", 1, 0},
	OpTrunc:       {"trunc", 1, 0},
	OpFConv:       {"fconv", 1, 0},
	OpFToS:        {"ftos", 1, 0},
	OpFToU:        {"ftou", 1, 0},
	OpSToF:        {"stof", 1, 0},
	OpUToF:        {"utof", 1, 0},
	OpBitcast:     {"bitcast", 1, 0},
	OpLoad:        {"load", 1, ReadsMemory},
	OpStore:       {"store", 2, SideEffect},
	OpCopy:        {"copy", 2, SideEffect},
	OpZero:        {"zero", 1, SideEffect},
	OpAlloca:      {"alloca", 1, SideEffect},
	OpCall:        {"call", -1, SideEffect},
	OpVaStart:     {"vastart", 1, SideEffect},
	OpVaArg:       {"vaarg", 1, SideEffect},
	OpPhi:         {"phi", -1, 0},
	OpCopyValue:   {"mov", 1, 0},
	OpSelect:      {"select", 3, 0},
	OpClz:         {"clz", 1, 0},
	OpCtz:         {"ctz", 1, 0},
	OpPopcount:    {"popcount", 1, 0},
	OpBswap:       {"bswap", 1, 0},
	OpFrameAddr:   {"frameaddr", 0, 0},
	OpRetAddr:     {"retaddr", 0, ReadsMemory},
	OpTrap:        {"trap", 0, SideEffect},
	OpFAbs:        {"fabs", 1, 0},
	OpSqrt:        {"sqrt", 1, 0},
	OpInlineAsm:   {"asm", -1, SideEffect},
	OpFence:       {"fence", 0, SideEffect},
	OpAtomicRMW:   {"atomicrmw", 2, SideEffect},
	OpAtomicCAS:   {"cas", 3, SideEffect},
	OpAtomicLoad:  {"atomicload", 1, SideEffect},
	OpAtomicStore: {"atomicstore", 2, SideEffect},
	OpApplyArgs:   {"applyargs", 0, SideEffect},
	OpApply:       {"apply", 3, SideEffect},
	OpUntypedRet:  {"untypedret", 1, SideEffect},
	OpChain:       {"chain", 0, 0},
	OpTrampoline:  {"trampoline", 3, SideEffect},
}

func (o Op) String() string { return opTable[o].name }

// NumArgs is the op's fixed argument count, or -1 if it takes a variable number.
func (o Op) NumArgs() int { return opTable[o].nargs }

// Flags returns the op's flags.
func (o Op) Flags() OpFlags { return opTable[o].flags }

// HasSideEffect reports whether a value of this op must be kept even when unused.
func (o Op) HasSideEffect() bool { return opTable[o].flags&SideEffect != 0 }

// IsComparison reports whether o is one of the comparison ops.
func (o Op) IsComparison() bool { return opTable[o].flags&Comparison != 0 }

// OpByName maps a text name back to its op, for the IR text parser.
func OpByName(name string) (Op, bool) {
	for i := range opTable {
		if opTable[i].name == name {
			return Op(i), true
		}
	}
	return OpInvalid, false
}
