package irgen

import (
	"strings"

	"gocc/ast"
	"gocc/ir"
	"gocc/target"
)

// builtin expands a compiler builtin named in Call.Builtin (sema).
func (fn *fn) builtin(e *ast.Call) *ir.Value {
	name := strings.TrimPrefix(e.Builtin, "__builtin_")
	t := e.Type()
	args := e.Args
	arg := func(i int) *ir.Value { return fn.expr(args[i]) }
	switch name {
	case "expect", "expect_with_probability", "assume_aligned":
		v := arg(0)
		for _, a := range args[1:] {
			fn.expr(a)
		}
		return fn.convert(v, args[0].Type(), t)
	case "unreachable":
		fn.unreachable()
		return nil
	case "shuffle":
		return fn.shuffle(args, t)
	case "trap", "abort_trap":
		fn.op(ir.OpTrap, ir.Void)
		fn.unreachable()
		return nil
	case "alloca", "alloca_with_align":
		size := fn.toI64(fn.toIntptr(arg(0), args[0].Type()))
		a := fn.op(ir.OpAlloca, ir.Ptr, size)
		a.AuxInt = int64(fn.g.t.MaxAlign)
		if name == "alloca_with_align" && len(args) > 1 {
			if lit, ok := args[1].(*ast.IntLit); ok && int64(lit.Value)/8 > a.AuxInt {
				a.AuxInt = int64(lit.Value) / 8
			}
		}
		return a
	case "frame_address", "return_address":
		op := ir.OpFrameAddr
		if name == "return_address" {
			op = ir.OpRetAddr
		}
		v := fn.op(op, ir.Ptr)
		if lit, ok := args[0].(*ast.IntLit); ok {
			v.AuxInt = int64(lit.Value)
		} else {
			fn.g.diags.Errorf(e.Pos, "invalid argument to '__builtin_%s'", name)
		}
		return v
	case "va_start", "c23_va_start":
		fn.f.UsesVaStart = true
		ap := fn.vaListAddr(args[0])
		for _, a := range args[1:] {
			_ = a // the last named parameter only locates the variadic arguments
		}
		fn.op(ir.OpVaStart, ir.Void, ap)
		return nil
	case "va_end":
		fn.vaListAddr(args[0])
		return nil
	case "va_copy":
		dst, src := fn.vaListAddr(args[0]), fn.vaListAddr(args[1])
		c := fn.op(ir.OpCopy, ir.Void, dst, src)
		c.AuxInt = int64(fn.g.t.VaListSize)
		return nil
	case "clz", "clzl", "clzll", "ctz", "ctzl", "ctzll", "popcount", "popcountl", "popcountll",
		"parity", "parityl", "parityll", "ffs", "ffsl", "ffsll", "clrsb", "clrsbl", "clrsbll":
		return fn.bitBuiltin(strings.TrimRight(name, "l"), arg(0), args[0].Type(), t)
	case "bswap16", "bswap32", "bswap64", "bswap128":
		x := arg(0)
		return fn.convert(fn.op(ir.OpBswap, x.Type, x), args[0].Type(), t)
	case "abs":
		// abs, labs, llabs, imaxabs (sema): x < 0 ? -x : x, wrapping for the minimum.
		x := fn.convert(arg(0), args[0].Type(), t)
		neg := fn.op(ir.OpSub, x.Type, fn.iconst(x.Type, 0), x)
		return fn.op(ir.OpSelect, x.Type, fn.op(ir.OpLtS, ir.I32, x, fn.iconst(x.Type, 0)), neg, x)
	case "fabs", "fabsf", "fabsl":
		x := fn.convert(arg(0), args[0].Type(), t)
		return fn.op(ir.OpFAbs, x.Type, x)
	case "sqrt", "sqrtf", "sqrtl":
		x := fn.convert(arg(0), args[0].Type(), t)
		return fn.op(ir.OpSqrt, x.Type, x)
	case "isnan", "isinf", "isfinite", "isnormal", "signbit", "signbitf", "signbitl", "isinf_sign",
		"isgreater", "isgreaterequal", "isless", "islessequal", "islessgreater", "isunordered":
		return fn.floatClass(name, e)
	case "prefetch":
		for i := range args {
			fn.expr(args[i])
		}
		return nil
	case "object_size", "dynamic_object_size":
		fn.expr(args[0])
		typ := int64(0)
		if lit, ok := args[1].(*ast.IntLit); ok {
			typ = int64(lit.Value)
		}
		if typ&2 != 0 {
			return fn.intConst(t, 0)
		}
		return fn.intConst(t, ^uint64(0))
	case "constant_p":
		return fn.constantP(e)
	case "conj", "conjf", "conjl", "creal", "crealf", "creall", "cimag", "cimagf", "cimagl":
		// A standard conj/creal/cimag call sema marked for expansion (sema/library.go).
		u := &ast.Unary{Op: ast.BitNot, X: args[0]}
		if strings.HasPrefix(name, "creal") {
			u.Op = ast.Real
		} else if strings.HasPrefix(name, "cimag") {
			u.Op = ast.Imag
		}
		u.Pos, u.Ty = e.Pos, t
		return fn.unary(u)
	case "setjmp", "longjmp":
		return fn.builtinSetjmp(name, e)
	case "fpclassify":
		return fn.fpclassify(e)
	case "powi", "powif", "powil":
		return fn.powi(e)
	case "clear_padding":
		fn.clearPadding(e)
		return nil
	case "__clear_cache":
		b, end := arg(0), arg(1)
		if fn.g.t.Arch == target.AMD64 {
			return nil // x86 keeps instruction fetch coherent with stores
		}
		fn.g.refs["__clear_cache"] = true // libgcc's
		c := fn.op(ir.OpCall, ir.Void, fn.addrOfSym("__clear_cache"), b, end)
		c.Call = &ir.CallInfo{Ret: ir.Void, Params: []ir.Param{{Type: ir.Ptr}, {Type: ir.Ptr}}, NumFixed: 2}
		c.Sym = "__clear_cache"
		return nil
	case "stack_save":
		// gocc releases dynamically allocated stack (alloca, VLAs) only on return, so
		// the saved "level" is never used to restore: any valid address will do.
		return fn.op(ir.OpFrameAddr, ir.Ptr)
	case "stack_restore":
		arg(0)
		return nil
	case "apply_args":
		return fn.op(ir.OpApplyArgs, ir.Ptr)
	case "apply":
		f, block := arg(0), arg(1)
		size := fn.toI64(fn.toIntptr(arg(2), args[2].Type()))
		return fn.op(ir.OpApply, ir.Ptr, f, block, size)
	case "return":
		fn.op(ir.OpUntypedRet, ir.Void, arg(0))
		fn.unreachable()
		return nil
	case "add_overflow", "sub_overflow", "mul_overflow",
		"add_overflow_p", "sub_overflow_p", "mul_overflow_p",
		"sadd_overflow", "saddl_overflow", "saddll_overflow", "uadd_overflow", "uaddl_overflow", "uaddll_overflow",
		"ssub_overflow", "ssubl_overflow", "ssubll_overflow", "usub_overflow", "usubl_overflow", "usubll_overflow",
		"smul_overflow", "smull_overflow", "smulll_overflow", "umul_overflow", "umull_overflow", "umulll_overflow":
		return fn.overflow(name, e)
	}
	if strings.HasPrefix(e.Builtin, "__atomic_") || strings.HasPrefix(e.Builtin, "__sync_") {
		return fn.atomic(e)
	}
	fn.g.diags.Errorf(e.Pos, "builtin '%s' is not yet supported", e.Builtin)
	for i := range args {
		fn.expr(args[i])
	}
	if t == nil || t.Kind == ast.Void {
		return nil
	}
	if inMemory(t) {
		return fn.tempSlot(t)
	}
	return fn.op(ir.OpUndef, fn.g.scalarType(t))
}

// vaListAddr returns the address of the va_list object an argument designates. On
// x86-64 va_list is an array type, so the (decayed) argument already is that address.
func (fn *fn) vaListAddr(e ast.Expr) *ir.Value {
	if fn.g.t.VaList == target.VaListAMD64 {
		if e.Type().Kind == ast.Pointer {
			return fn.expr(e)
		}
		return fn.lvalue(e).addr
	}
	for {
		c, ok := e.(*ast.Cast)
		if !ok || c.Kind == ast.CastDecay {
			break
		}
		e = c.X
	}
	if c, ok := e.(*ast.Cast); ok && c.Kind == ast.CastDecay {
		return fn.expr(c)
	}
	if u, ok := e.(*ast.Unary); ok && u.Op == ast.Addr {
		return fn.expr(u)
	}
	return fn.lvalue(e).addr
}

// bitBuiltin lowers clz, ctz, popcount, parity, ffs and clrsb (GCC manual §6.63).
func (fn *fn) bitBuiltin(name string, x *ir.Value, xt, t *ast.Type) *ir.Value {
	st := x.Type
	var r *ir.Value
	switch name {
	case "clz":
		r = fn.op(ir.OpClz, ir.I32, x)
	case "ctz":
		r = fn.op(ir.OpCtz, ir.I32, x)
	case "popcount":
		r = fn.op(ir.OpPopcount, ir.I32, x)
	case "parity":
		r = fn.op(ir.OpAnd, ir.I32, fn.op(ir.OpPopcount, ir.I32, x), fn.iconst(ir.I32, 1))
	case "ffs":
		// ffs(0) = 0, else ctz(x)+1.
		nz := fn.op(ir.OpNe, ir.I32, x, fn.iconst(st, 0))
		one := fn.op(ir.OpAdd, ir.I32, fn.op(ir.OpCtz, ir.I32, x), fn.iconst(ir.I32, 1))
		r = fn.op(ir.OpSelect, ir.I32, nz, one, fn.iconst(ir.I32, 0))
	case "clrsb":
		// Redundant sign bits: clz((x ^ (x >> (w-1))) << 1 | 1).
		w := int64(st.Size(fn.g.ptrSize) * 8)
		s := fn.op(ir.OpShrS, st, x, fn.iconst(st, w-1))
		y := fn.op(ir.OpXor, st, x, s)
		y = fn.op(ir.OpOr, st, fn.op(ir.OpShl, st, y, fn.iconst(st, 1)), fn.iconst(st, 1))
		r = fn.op(ir.OpClz, ir.I32, y)
	}
	return fn.fromI32(r, t)
}

// floatClass lowers the classification and comparison macros' builtins (C11 7.12.3,
// 7.12.14) without raising exceptions for quiet NaNs.
func (fn *fn) floatClass(name string, e *ast.Call) *ir.Value {
	t := e.Type()
	x := fn.expr(e.Args[0])
	xt := e.Args[0].Type()
	if !x.Type.IsFloat() {
		x = fn.convert(x, xt, &ast.Type{Kind: ast.Double, Size: 8, Align: 8})
	}
	ft := x.Type
	fc := func(v float64) *ir.Value {
		c := fn.op(ir.OpConstFloat, ft)
		c.AuxFloat = v
		if ft == ir.F80 {
			c.AuxBits, c.Exact = F80Bits("", v), true
		} else if ft == ir.F128 {
			c.AuxBits, c.Exact = F128Bits("", v), true
		}
		return c
	}
	var r *ir.Value
	switch name {
	case "isnan", "isunordered":
		r = fn.op(ir.OpNe, ir.I32, x, x)
		if name == "isunordered" {
			y := fn.convert(fn.expr(e.Args[1]), e.Args[1].Type(), xt)
			r = fn.op(ir.OpOr, ir.I32, r, fn.op(ir.OpNe, ir.I32, y, y))
		}
	case "isinf":
		r = fn.op(ir.OpEq, ir.I32, fn.op(ir.OpFAbs, ft, x), fc(inf))
	case "isinf_sign":
		isInf := fn.op(ir.OpEq, ir.I32, fn.op(ir.OpFAbs, ft, x), fc(inf))
		neg := fn.signBit(x)
		sign := fn.op(ir.OpSub, ir.I32, fn.iconst(ir.I32, 1), fn.op(ir.OpShl, ir.I32, neg, fn.iconst(ir.I32, 1)))
		r = fn.op(ir.OpSelect, ir.I32, isInf, sign, fn.iconst(ir.I32, 0))
	case "isfinite":
		r = fn.op(ir.OpLtS, ir.I32, fn.op(ir.OpFAbs, ft, x), fc(inf))
	case "isnormal":
		a := fn.op(ir.OpFAbs, ft, x)
		lo := fc(minNormal(ft))
		switch ft {
		case ir.F80: // 2^-16382, below double's range
			lo.AuxBits = [2]uint64{0x8000000000000000, 1}
		case ir.F128:
			lo.AuxBits = [2]uint64{0, 0x0001000000000000}
		}
		r = fn.op(ir.OpAnd, ir.I32, fn.op(ir.OpLtS, ir.I32, a, fc(inf)), fn.op(ir.OpGeS, ir.I32, a, lo))
	case "signbit", "signbitf", "signbitl":
		r = fn.signBit(x)
	default:
		y := fn.convert(fn.expr(e.Args[1]), e.Args[1].Type(), xt)
		switch name {
		case "isgreater":
			r = fn.op(ir.OpGtS, ir.I32, x, y)
		case "isgreaterequal":
			r = fn.op(ir.OpGeS, ir.I32, x, y)
		case "isless":
			r = fn.op(ir.OpLtS, ir.I32, x, y)
		case "islessequal":
			r = fn.op(ir.OpLeS, ir.I32, x, y)
		case "islessgreater":
			r = fn.op(ir.OpOr, ir.I32, fn.op(ir.OpLtS, ir.I32, x, y), fn.op(ir.OpGtS, ir.I32, x, y))
		}
	}
	return fn.fromI32(r, t)
}

var inf = func() float64 { z := 0.0; return 1 / z }()

func minNormal(t ir.Type) float64 {
	switch t {
	case ir.F32:
		return 1.1754943508222875e-38
	case ir.F64:
		return 2.2250738585072014e-308
	}
	return 0 // x87 and binary128: below double's range, given exactly by AuxBits
}

// signBit extracts the sign of a floating value as I32 0 or 1, through memory so that
// it works for every format (the sign is the top bit of the last little-endian byte
// that holds the value).
func (fn *fn) signBit(x *ir.Value) *ir.Value {
	size := int64(x.Type.Size(fn.g.ptrSize))
	if x.Type == ir.F80 {
		size = 10
	}
	tmp := fn.newSlot(16, 16, "")
	fn.op(ir.OpStore, ir.Void, tmp, x)
	b := fn.op(ir.OpLoad, ir.I8, fn.offset(tmp, size-1))
	b = fn.op(ir.OpShrU, ir.I8, b, fn.iconst(ir.I8, 7))
	return fn.op(ir.OpZExt, ir.I32, b)
}

// overflow lowers the checked arithmetic builtins (GCC manual §6.56): the result is
// computed exactly in a wider type, stored truncated, and overflow is whether the
// truncated value differs from the exact one.
func (fn *fn) overflow(name string, e *ast.Call) *ir.Value {
	var op ir.Op
	switch {
	case strings.Contains(name, "add"):
		op = ir.OpAdd
	case strings.Contains(name, "sub"):
		op = ir.OpSub
	default:
		op = ir.OpMul
	}
	a, b := fn.expr(e.Args[0]), fn.expr(e.Args[1])
	at, bt := e.Args[0].Type(), e.Args[1].Type()
	var rt *ast.Type
	var dst *ir.Value
	if strings.HasSuffix(name, "_p") {
		rt = e.Args[2].Type()
		fn.expr(e.Args[2])
	} else {
		pt := e.Args[2].Type()
		rt = pt.Base
		dst = fn.expr(e.Args[2])
	}
	wide, wideSize := ir.I64, int64(8)
	for i, x := range []*ast.Type{at, bt, rt} {
		if x.Size > 4 {
			wide, wideSize = ir.I128, 16
		}
		if x.Size > 8 && i < 2 {
			fn.g.diags.Errorf(e.Pos, "__builtin_%s on 128-bit operands is not yet supported", name)
		}
	}
	_ = wideSize
	wa := fn.resize(fn.intValue(a, at), fn.g.scalarType(at), wide, fn.g.isSigned(at))
	wb := fn.resize(fn.intValue(b, bt), fn.g.scalarType(bt), wide, fn.g.isSigned(bt))
	exact := fn.op(op, wide, wa, wb)
	if rt.Size > 8 && rt.Kind != ast.Bool {
		// A 128-bit result from operands of at most 64 bits: exact is the true value
		// read as signed, except that a sum or product of two unsigned operands is
		// nonnegative and may reach 2^128-1 (read as unsigned). So a signed result
		// overflows only for such an unsigned value >= 2^127, an unsigned result only
		// for a negative value.
		neg := fn.op(ir.OpLtS, ir.I32, exact, fn.iconst(wide, 0))
		ovf := fn.iconst(ir.I32, 0)
		nonnegUnsigned := op != ir.OpSub && !fn.g.isSigned(at) && !fn.g.isSigned(bt)
		if nonnegUnsigned == fn.g.isSigned(rt) {
			ovf = neg
		}
		if dst != nil {
			fn.op(ir.OpStore, ir.Void, dst, exact)
		}
		return fn.fromI32(ovf, e.Type())
	}
	rs := fn.g.scalarType(rt)
	res := fn.resize(exact, wide, rs, false)
	back := fn.resize(res, rs, wide, fn.g.isSigned(rt))
	ovf := fn.op(ir.OpNe, ir.I32, back, exact)
	if rt.Kind == ast.Bool {
		// A _Bool result holds only 0 and 1.
		res = fn.op(ir.OpTrunc, ir.I8, fn.op(ir.OpNe, ir.I32, exact, fn.iconst(wide, 0)))
		ovf = fn.op(ir.OpGtU, ir.I32, exact, fn.iconst(wide, 1))
	}
	if dst != nil {
		fn.op(ir.OpStore, ir.Void, dst, res)
	}
	return fn.fromI32(ovf, e.Type())
}

// intValue returns v as an integer (pointers and enums keep their bits).
func (fn *fn) intValue(v *ir.Value, t *ast.Type) *ir.Value {
	if v.Type == ir.Ptr {
		return fn.op(ir.OpBitcast, fn.g.intptr, v)
	}
	return v
}

// maxLockFree is the widest object the atomic builtins handle inline; wider ones go
// through libatomic (libatomic.go), as gcc does for 16 bytes without -mcx16.
const maxLockFree = 8

// atomic lowers the __atomic and __sync builtins (GCC manual §6.54, §6.55). Memory-order
// arguments are evaluated and ignored: every atomic op is sequentially consistent.
func (fn *fn) atomic(e *ast.Call) *ir.Value {
	name := e.Builtin
	args := e.Args
	t := e.Type()
	// Strip a size suffix: __atomic_load_4 -> __atomic_load.
	if i := strings.LastIndexByte(name, '_'); i > 0 {
		switch name[i+1:] {
		case "1", "2", "4", "8", "16":
			name = name[:i]
		}
	}
	switch name {
	case "__sync_synchronize", "__atomic_thread_fence":
		for _, a := range args {
			fn.expr(a)
		}
		fn.op(ir.OpFence, ir.Void)
		return nil
	case "__atomic_signal_fence":
		for _, a := range args {
			fn.expr(a)
		}
		return nil
	case "__atomic_always_lock_free", "__atomic_is_lock_free":
		size := fn.expr(args[0])
		if len(args) > 1 {
			fn.expr(args[1])
		}
		lim := fn.intptrConst(int64(fn.g.ptrSize))
		if fn.g.ptrSize == 8 {
			lim = fn.intptrConst(8)
		}
		return fn.fromI32(fn.op(ir.OpLeU, ir.I32, fn.toIntptr(size, args[0].Type()), lim), t)
	}
	if len(args) == 0 {
		fn.g.diags.Errorf(e.Pos, "'%s' needs arguments", e.Builtin)
		return nil
	}
	p := fn.expr(args[0])
	pointee := pointeeOf(args[0])
	if pointee == nil || pointee.Size <= 0 || pointee.Kind == ast.Void {
		pointee = t
	}
	at := intType(pointee.Size) // the integer type the operation is done in
	if pointee.Size > maxLockFree {
		return fn.atomicLibcall(e, name, p, pointee, at)
	}
	// val converts a C value to the operation type through the pointee type.
	val := func(i int) *ir.Value {
		v := fn.expr(args[i])
		v = fn.convert(v, args[i].Type(), pointee)
		return fn.asInt(v, at)
	}
	// load of a value given by address (generic __atomic_* forms).
	ind := func(i int) *ir.Value { return fn.op(ir.OpLoad, at, fn.expr(args[i])) }
	out := func(v *ir.Value) *ir.Value { return fn.fromInt(v, pointee, t) }
	rmw := func(op ir.Op, v *ir.Value) *ir.Value {
		r := fn.op(ir.OpAtomicRMW, at, p, v)
		r.AuxInt = int64(op)
		return r
	}
	orders := func(from int) {
		for _, a := range args[from:] {
			fn.expr(a)
		}
	}
	switch name {
	case "__atomic_load_n":
		orders(1)
		return out(fn.op(ir.OpAtomicLoad, at, p))
	case "__atomic_load":
		r := fn.op(ir.OpAtomicLoad, at, p)
		fn.op(ir.OpStore, ir.Void, fn.expr(args[1]), r)
		orders(2)
		return nil
	case "__atomic_store_n":
		v := val(1)
		orders(2)
		fn.op(ir.OpAtomicStore, ir.Void, p, v)
		return nil
	case "__atomic_store":
		v := ind(1)
		orders(2)
		fn.op(ir.OpAtomicStore, ir.Void, p, v)
		return nil
	case "__atomic_exchange_n", "__sync_lock_test_and_set":
		v := val(1)
		orders(2)
		return out(rmw(ir.OpCopyValue, v))
	case "__atomic_exchange":
		v := ind(1)
		r := rmw(ir.OpCopyValue, v)
		fn.op(ir.OpStore, ir.Void, fn.expr(args[2]), r)
		orders(3)
		return nil
	case "__atomic_compare_exchange_n", "__atomic_compare_exchange":
		expp := fn.expr(args[1])
		expected := fn.op(ir.OpLoad, at, expp)
		var desired *ir.Value
		if name == "__atomic_compare_exchange" {
			desired = ind(2)
		} else {
			desired = val(2)
		}
		orders(3)
		old := fn.op(ir.OpAtomicCAS, at, p, expected, desired)
		ok := fn.op(ir.OpEq, ir.I32, old, expected)
		// On failure the current value is written back to *expected; on success old
		// equals *expected, so storing unconditionally is equivalent.
		fn.op(ir.OpStore, ir.Void, expp, old)
		return fn.fromI32(ok, t)
	case "__sync_val_compare_and_swap", "__sync_bool_compare_and_swap":
		expected, desired := val(1), val(2)
		old := fn.op(ir.OpAtomicCAS, at, p, expected, desired)
		if name == "__sync_bool_compare_and_swap" {
			return fn.fromI32(fn.op(ir.OpEq, ir.I32, old, expected), t)
		}
		return out(old)
	case "__sync_lock_release":
		fn.op(ir.OpAtomicStore, ir.Void, p, fn.iconst(at, 0))
		return nil
	case "__atomic_test_and_set":
		orders(1)
		r := fn.op(ir.OpAtomicRMW, ir.I8, p, fn.iconst(ir.I8, 1))
		r.AuxInt = int64(ir.OpCopyValue)
		return fn.fromI32(fn.op(ir.OpNe, ir.I32, r, fn.iconst(ir.I8, 0)), t)
	case "__atomic_clear":
		orders(1)
		fn.op(ir.OpAtomicStore, ir.Void, p, fn.iconst(ir.I8, 0))
		return nil
	}
	// Fetch-and-op and op-and-fetch families.
	var kind string
	var fetchFirst bool
	switch {
	case strings.HasPrefix(name, "__atomic_fetch_"):
		kind, fetchFirst = strings.TrimPrefix(name, "__atomic_fetch_"), true
	case strings.HasPrefix(name, "__sync_fetch_and_"):
		kind, fetchFirst = strings.TrimPrefix(name, "__sync_fetch_and_"), true
	case strings.HasPrefix(name, "__atomic_") && strings.HasSuffix(name, "_fetch"):
		kind = strings.TrimSuffix(strings.TrimPrefix(name, "__atomic_"), "_fetch")
	case strings.HasPrefix(name, "__sync_") && strings.HasSuffix(name, "_and_fetch"):
		kind = strings.TrimSuffix(strings.TrimPrefix(name, "__sync_"), "_and_fetch")
	}
	ops := map[string]ir.Op{"add": ir.OpAdd, "sub": ir.OpSub, "and": ir.OpAnd, "or": ir.OpOr, "xor": ir.OpXor, "nand": ir.OpNot}
	op, ok := ops[kind]
	if !ok {
		fn.g.diags.Errorf(e.Pos, "builtin '%s' is not yet supported", e.Builtin)
		return fn.op(ir.OpUndef, fn.g.scalarType(t))
	}
	v := fn.expr(args[1])
	if pointee.Kind == ast.Pointer {
		// GNU: pointer operands are not scaled.
		v = fn.asInt(fn.convert(v, args[1].Type(), fn.ptrdiffType()), at)
	} else {
		v = fn.asInt(fn.convert(v, args[1].Type(), pointee), at)
	}
	orders(2)
	var old, nv *ir.Value
	if op == ir.OpNot {
		old, nv = fn.casLoop(p, at, func(o *ir.Value) *ir.Value {
			return fn.op(ir.OpNot, at, fn.op(ir.OpAnd, at, o, v))
		})
	} else {
		old = rmw(op, v)
		nv = fn.op(op, at, old, v)
	}
	if fetchFirst {
		return out(old)
	}
	return out(nv)
}

// casLoop performs *p = f(*p) atomically with a compare-and-swap loop and returns the
// old and new values.
func (fn *fn) casLoop(p *ir.Value, at ir.Type, f func(*ir.Value) *ir.Value) (old, nv *ir.Value) {
	slot := fn.newSlot(int64(at.Size(fn.g.ptrSize)), int64(at.Size(fn.g.ptrSize)), "")
	fn.op(ir.OpStore, ir.Void, slot, fn.op(ir.OpAtomicLoad, at, p))
	loop, done := fn.f.NewBlock(), fn.f.NewBlock()
	fn.jump(loop)
	cur := fn.op(ir.OpLoad, at, slot)
	next := f(cur)
	got := fn.op(ir.OpAtomicCAS, at, p, cur, next)
	fn.op(ir.OpStore, ir.Void, slot, got)
	fn.branch(fn.op(ir.OpEq, ir.I32, got, cur), done, loop)
	fn.startBlock(done)
	return cur, next
}

// pointeeOf returns the type an atomic builtin's pointer argument points to, looking
// through conversions sema added to the builtin's generic parameter type.
func pointeeOf(e ast.Expr) *ast.Type {
	for {
		c, ok := e.(*ast.Cast)
		if !ok || c.Kind != ast.CastImplicit {
			break
		}
		e = c.X
	}
	if t := e.Type(); t != nil && t.Kind == ast.Pointer {
		return t.Base
	}
	return nil
}

// asInt reinterprets a scalar as the integer type at of the same size.
func (fn *fn) asInt(v *ir.Value, at ir.Type) *ir.Value {
	if v.Type == at {
		return v
	}
	if v.Type.Size(fn.g.ptrSize) == at.Size(fn.g.ptrSize) && (v.Type == ir.Ptr || v.Type.IsFloat() || v.Type != at) {
		return fn.op(ir.OpBitcast, at, v)
	}
	return fn.resize(v, v.Type, at, false)
}

// fromInt turns an atomic result of integer type back into a value of C type pointee,
// then converts it to the expression's type t.
func (fn *fn) fromInt(v *ir.Value, pointee, t *ast.Type) *ir.Value {
	if t == nil || t.Kind == ast.Void {
		return nil
	}
	st := fn.g.scalarType(pointee)
	if inMemory(pointee) {
		tmp := fn.tempSlot(pointee)
		fn.op(ir.OpStore, ir.Void, tmp, v)
		return fn.convert(tmp, pointee, t)
	}
	if st != v.Type {
		v = fn.op(ir.OpBitcast, st, v)
	}
	return fn.convert(v, pointee, t)
}

// shuffle lowers __builtin_shuffle(a, mask) or (a, b, mask) of vector type t: the
// operands are copied into one array of N or 2N elements, and result element i is the
// element at mask[i] modulo that count (N is a power of two for GNU vectors).
func (fn *fn) shuffle(args []ast.Expr, t *ast.Type) *ir.Value {
	et := t.Base
	mask := args[len(args)-1]
	mt := mask.Type()
	srcs := make([]*ir.Value, 0, 2)
	for _, a := range args[:len(args)-1] {
		srcs = append(srcs, fn.expr(a))
	}
	m := fn.expr(mask)
	n := t.Len * int64(len(srcs))
	all := fn.newSlot(n*et.Size, t.Align, "")
	for k, src := range srcs {
		for i := int64(0); i < t.Len; i++ {
			off := i * et.Size
			fn.store(fn.offset(all, int64(k)*t.Len*et.Size+off), fn.load(fn.offset(src, off), et, false), et, false)
		}
	}
	res := fn.tempSlot(t)
	it := fn.g.intptr
	for i := int64(0); i < t.Len; i++ {
		idx := fn.toIntptr(fn.load(fn.offset(m, i*mt.Base.Size), mt.Base, false), mt.Base)
		idx = fn.op(ir.OpAnd, it, idx, fn.intptrConst(n-1))
		addr := fn.op(ir.OpAdd, ir.Ptr, all, fn.op(ir.OpMul, it, idx, fn.intptrConst(et.Size)))
		fn.store(fn.offset(res, i*et.Size), fn.load(addr, et, false), et, false)
	}
	return res
}
