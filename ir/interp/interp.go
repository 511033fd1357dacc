// Package interp executes IR functions directly, for tests: it checks that a pass or a
// front-end lowering keeps what a function computes. It covers integer and pointer
// arithmetic, comparisons, conversions between integers, loads and stores on a
// little-endian byte array, stack slots, phis, selects and all block kinds except
// indirect jumps. Calls, floating point, globals and the other ops report an error.
package interp

import (
	"encoding/binary"
	"errors"
	"fmt"

	"gocc/ir"
)

// Memory is the flat address space: address a is Bytes[a]. Address 0 is never valid.
type Memory struct {
	Bytes []byte
	top   uint64 // next free byte for stack slots
}

// NewMemory returns a memory of n bytes whose first `reserved` bytes (after the null
// page of 16 bytes) are for the caller's own data, addressed from 16; slots are
// allocated after them.
func NewMemory(n, reserved int) *Memory {
	return &Memory{Bytes: make([]byte, n), top: uint64(16 + reserved)}
}

// ErrUndefined reports behavior C leaves undefined (or a trap) during execution.
var ErrUndefined = errors.New("undefined behavior")

// Run executes f with the given arguments (integers and pointers, as bit patterns) and
// returns the value it returns (0 for void). maxSteps bounds the number of blocks run.
func Run(f *ir.Func, args []uint64, mem *Memory, maxSteps int) (uint64, error) {
	vals := make([]uint64, f.NumValueIDs())
	slots := make([]uint64, len(f.Slots))
	for i, s := range f.Slots {
		align := uint64(max(s.Align, 1))
		mem.top = (mem.top + align - 1) &^ (align - 1)
		slots[i] = mem.top
		mem.top += uint64(max(s.Size, 1))
		if mem.top > uint64(len(mem.Bytes)) {
			return 0, fmt.Errorf("interp: out of memory for slots")
		}
	}
	b := f.Blocks[0]
	var pred *ir.Block
	for step := 0; step < maxSteps; step++ {
		// Phis read their arguments all at once, on the edge from pred.
		if pred != nil {
			pi := -1
			for i, p := range b.Preds {
				if p == pred {
					pi = i
					break
				}
			}
			var phiVals []uint64
			for _, v := range b.Values {
				if v.Op == ir.OpPhi {
					phiVals = append(phiVals, vals[v.Args[pi].ID])
				}
			}
			k := 0
			for _, v := range b.Values {
				if v.Op == ir.OpPhi {
					vals[v.ID] = phiVals[k]
					k++
				}
			}
		}
		for _, v := range b.Values {
			if v.Op == ir.OpPhi {
				continue
			}
			r, err := eval(v, vals, slots, args, mem)
			if err != nil {
				return 0, fmt.Errorf("%s: %v", v.LongString(), err)
			}
			vals[v.ID] = r
		}
		var next *ir.Block
		switch b.Kind {
		case ir.BlockPlain:
			next = b.Succs[0]
		case ir.BlockIf:
			if vals[b.Control.ID] != 0 {
				next = b.Succs[0]
			} else {
				next = b.Succs[1]
			}
		case ir.BlockSwitch:
			c := vals[b.Control.ID]
			w := width(b.Control.Type)
			next = b.Succs[len(b.Cases)]
			for i, k := range b.Cases {
				if trunc(uint64(k), w) == c {
					next = b.Succs[i]
					break
				}
			}
		case ir.BlockRet:
			if b.Control == nil {
				return 0, nil
			}
			return vals[b.Control.ID], nil
		case ir.BlockUnreachable:
			return 0, fmt.Errorf("%v: reached unreachable: %w", b, ErrUndefined)
		default:
			return 0, fmt.Errorf("%v: block kind %s not supported", b, b.Kind)
		}
		pred, b = b, next
	}
	return 0, fmt.Errorf("interp: step limit %d exceeded", maxSteps)
}

// width of an integer or pointer type in bits (pointers are 64-bit).
func width(t ir.Type) uint {
	switch t {
	case ir.I8:
		return 8
	case ir.I16:
		return 16
	case ir.I32:
		return 32
	case ir.I64, ir.Ptr:
		return 64
	}
	return 0
}

func trunc(x uint64, w uint) uint64 { return x << (64 - w) >> (64 - w) }

func signed(x uint64, w uint) int64 { return int64(x<<(64-w)) >> (64 - w) }

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func eval(v *ir.Value, vals, slots, args []uint64, mem *Memory) (uint64, error) {
	arg := func(i int) uint64 { return vals[v.Args[i].ID] }
	w := width(v.Type)
	if v.Type != ir.Void && w == 0 {
		return 0, fmt.Errorf("type %s not supported", v.Type)
	}
	aw := uint(0)
	if len(v.Args) > 0 {
		aw = width(v.Args[0].Type)
	}
	switch v.Op {
	case ir.OpConst:
		return trunc(uint64(v.AuxInt), w), nil
	case ir.OpParam:
		if v.AuxInt < 0 || int(v.AuxInt) >= len(args) {
			return 0, fmt.Errorf("missing argument %d", v.AuxInt)
		}
		return trunc(args[v.AuxInt], w), nil
	case ir.OpSlot:
		return slots[v.AuxInt], nil
	case ir.OpUndef:
		return 0, nil
	case ir.OpCopyValue:
		return arg(0), nil
	case ir.OpSelect:
		if arg(0) != 0 {
			return arg(1), nil
		}
		return arg(2), nil
	case ir.OpAdd:
		return trunc(arg(0)+arg(1), w), nil
	case ir.OpSub:
		return trunc(arg(0)-arg(1), w), nil
	case ir.OpMul:
		return trunc(arg(0)*arg(1), w), nil
	case ir.OpAnd:
		return arg(0) & arg(1), nil
	case ir.OpOr:
		return arg(0) | arg(1), nil
	case ir.OpXor:
		return arg(0) ^ arg(1), nil
	case ir.OpDivS, ir.OpRemS:
		x, y := signed(arg(0), w), signed(arg(1), w)
		if y == 0 || y == -1 && x == -1<<(w-1) {
			return 0, fmt.Errorf("division overflow: %w", ErrUndefined)
		}
		if v.Op == ir.OpDivS {
			return trunc(uint64(x/y), w), nil
		}
		return trunc(uint64(x%y), w), nil
	case ir.OpDivU, ir.OpRemU:
		if arg(1) == 0 {
			return 0, fmt.Errorf("division by zero: %w", ErrUndefined)
		}
		if v.Op == ir.OpDivU {
			return arg(0) / arg(1), nil
		}
		return arg(0) % arg(1), nil
	case ir.OpShl, ir.OpShrS, ir.OpShrU:
		n := arg(1)
		if n >= uint64(w) {
			return 0, fmt.Errorf("shift by %d: %w", n, ErrUndefined)
		}
		switch v.Op {
		case ir.OpShl:
			return trunc(arg(0)<<n, w), nil
		case ir.OpShrS:
			return trunc(uint64(signed(arg(0), w)>>n), w), nil
		}
		return arg(0) >> n, nil
	case ir.OpNeg:
		return trunc(-arg(0), w), nil
	case ir.OpNot:
		return trunc(^arg(0), w), nil
	case ir.OpEq:
		return b2u(arg(0) == arg(1)), nil
	case ir.OpNe:
		return b2u(arg(0) != arg(1)), nil
	case ir.OpLtS:
		return b2u(signed(arg(0), aw) < signed(arg(1), aw)), nil
	case ir.OpLeS:
		return b2u(signed(arg(0), aw) <= signed(arg(1), aw)), nil
	case ir.OpGtS:
		return b2u(signed(arg(0), aw) > signed(arg(1), aw)), nil
	case ir.OpGeS:
		return b2u(signed(arg(0), aw) >= signed(arg(1), aw)), nil
	case ir.OpLtU:
		return b2u(arg(0) < arg(1)), nil
	case ir.OpLeU:
		return b2u(arg(0) <= arg(1)), nil
	case ir.OpGtU:
		return b2u(arg(0) > arg(1)), nil
	case ir.OpGeU:
		return b2u(arg(0) >= arg(1)), nil
	case ir.OpSExt:
		return trunc(uint64(signed(arg(0), aw)), w), nil
	case ir.OpZExt, ir.OpTrunc, ir.OpBitcast:
		return trunc(arg(0), w), nil
	case ir.OpLoad:
		return load(mem, arg(0), w/8)
	case ir.OpStore:
		return 0, store(mem, arg(0), arg(1), width(v.Args[1].Type)/8)
	case ir.OpZero:
		a := arg(0)
		if a < 16 || a+uint64(v.AuxInt) > uint64(len(mem.Bytes)) {
			return 0, fmt.Errorf("bad address %#x: %w", a, ErrUndefined)
		}
		clear(mem.Bytes[a : a+uint64(v.AuxInt)])
		return 0, nil
	}
	return 0, fmt.Errorf("op %s not supported", v.Op)
}

func load(mem *Memory, a uint64, size uint) (uint64, error) {
	if a < 16 || a+uint64(size) > uint64(len(mem.Bytes)) {
		return 0, fmt.Errorf("load from bad address %#x: %w", a, ErrUndefined)
	}
	var buf [8]byte
	copy(buf[:], mem.Bytes[a:a+uint64(size)])
	return binary.LittleEndian.Uint64(buf[:]), nil
}

func store(mem *Memory, a, x uint64, size uint) error {
	if a < 16 || a+uint64(size) > uint64(len(mem.Bytes)) {
		return fmt.Errorf("store to bad address %#x: %w", a, ErrUndefined)
	}
	var buf [8]byte
	binary.LittleEndian.PutUint64(buf[:], x)
	copy(mem.Bytes[a:a+uint64(size)], buf[:size])
	return nil
}
