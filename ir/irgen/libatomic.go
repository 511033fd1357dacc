package irgen

import (
	"strings"

	"gocc/ast"
	"gocc/ir"
)

// Atomic operations on objects wider than the target's lock-free limit (16-byte
// __int128 on x86-64 without -mcx16) are calls into libatomic, with the names and
// signatures gcc uses (GCC manual §6.55; libatomic's ABI): the size-suffixed entry
// points __atomic_load_16(p, order), __atomic_store_16(p, v, order),
// __atomic_exchange_16(p, v, order), __atomic_compare_exchange_16(p, expected_ptr,
// desired, weak, success_order, failure_order), __atomic_fetch_OP_16 and
// __atomic_OP_fetch_16(p, v, order), and __sync_*_16 for the legacy builtins.
// Programs using them link with -latomic, as with gcc.

// libCall emits a call of the external function name with scalar arguments.
func (fn *fn) libCall(name string, ret ir.Type, args ...*ir.Value) *ir.Value {
	fn.g.refs[name] = true
	ci := &ir.CallInfo{Ret: ret, NumFixed: len(args)}
	for _, a := range args {
		ci.Params = append(ci.Params, ir.Param{Type: a.Type})
	}
	c := fn.op(ir.OpCall, ret, append([]*ir.Value{fn.addrOfSym(name)}, args...)...)
	c.Call = ci
	c.Sym = name
	return c
}

// atomicLibcall lowers an __atomic or __sync builtin (name without size suffix) on a
// size-byte object at p through libatomic. at is the integer type of the object.
func (fn *fn) atomicLibcall(e *ast.Call, name string, p *ir.Value, pointee *ast.Type, at ir.Type) *ir.Value {
	args, t := e.Args, e.Type()
	suffix := "_16"
	if pointee.Size == 8 {
		suffix = "_8"
	}
	// order evaluates memory-order argument i as an int, or seq_cst (5) if absent.
	order := func(i int) *ir.Value {
		if i < len(args) {
			return fn.resize(fn.toIntptr(fn.expr(args[i]), args[i].Type()), fn.g.intptr, ir.I32, true)
		}
		return fn.iconst(ir.I32, 5)
	}
	val := func(i int) *ir.Value {
		v := fn.convert(fn.expr(args[i]), args[i].Type(), pointee)
		return fn.asInt(v, at)
	}
	ind := func(i int) *ir.Value { return fn.op(ir.OpLoad, at, fn.expr(args[i])) }
	out := func(v *ir.Value) *ir.Value { return fn.fromInt(v, pointee, t) }
	switch name {
	case "__atomic_load_n":
		return out(fn.libCall("__atomic_load"+suffix, at, p, order(1)))
	case "__atomic_load":
		ret := fn.expr(args[1])
		r := fn.libCall("__atomic_load"+suffix, at, p, order(2))
		fn.op(ir.OpStore, ir.Void, ret, r)
		return nil
	case "__atomic_store_n", "__atomic_store":
		var v *ir.Value
		if name == "__atomic_store" {
			v = ind(1)
		} else {
			v = val(1)
		}
		fn.libCall("__atomic_store"+suffix, ir.Void, p, v, order(2))
		return nil
	case "__atomic_exchange_n":
		v := val(1)
		return out(fn.libCall("__atomic_exchange"+suffix, at, p, v, order(2)))
	case "__atomic_exchange":
		v := ind(1)
		ret := fn.expr(args[2])
		r := fn.libCall("__atomic_exchange"+suffix, at, p, v, order(3))
		fn.op(ir.OpStore, ir.Void, ret, r)
		return nil
	case "__atomic_compare_exchange_n", "__atomic_compare_exchange":
		expp := fn.expr(args[1])
		var desired *ir.Value
		if name == "__atomic_compare_exchange" {
			desired = ind(2)
		} else {
			desired = val(2)
		}
		weak := fn.iconst(ir.I8, 0)
		if len(args) > 3 {
			weak = fn.resize(fn.op(ir.OpNe, ir.I32, fn.toIntptr(fn.expr(args[3]), args[3].Type()), fn.intptrConst(0)), ir.I32, ir.I8, false)
		}
		ok := fn.libCall("__atomic_compare_exchange"+suffix, ir.I8, p, expp, desired, weak, order(4), order(5))
		return fn.fromI32(fn.resize(ok, ir.I8, ir.I32, false), t)
	case "__sync_val_compare_and_swap", "__sync_bool_compare_and_swap":
		expected, desired := val(1), val(2)
		if name == "__sync_bool_compare_and_swap" {
			ok := fn.libCall(name+suffix, ir.I8, p, expected, desired)
			return fn.fromI32(fn.resize(ok, ir.I8, ir.I32, false), t)
		}
		return out(fn.libCall(name+suffix, at, p, expected, desired))
	case "__sync_lock_test_and_set":
		return out(fn.libCall(name+suffix, at, p, val(1)))
	case "__sync_lock_release":
		fn.libCall(name+suffix, ir.Void, p)
		return nil
	}
	// Fetch-and-op and op-and-fetch: the libatomic names are the builtin's own.
	if strings.HasPrefix(name, "__atomic_") {
		return out(fn.libCall(name+suffix, at, p, val(1), order(2)))
	}
	if strings.HasPrefix(name, "__sync_") {
		return out(fn.libCall(name+suffix, at, p, val(1)))
	}
	fn.g.diags.Errorf(e.Pos, "builtin '%s' is not supported on a %d-byte object", e.Builtin, pointee.Size)
	return fn.op(ir.OpUndef, fn.g.scalarType(t))
}
