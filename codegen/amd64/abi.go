package amd64

import (
	"gocc/ir"
)

// The System V AMD64 psABI 1.0 calling convention: classification (§3.2.3) and the
// assignment of arguments and return values to registers and stack.

// argClass is an eightbyte's class (§3.2.3).
type argClass uint8

const (
	clsNone argClass = iota
	clsInteger
	clsSSE
	clsSSEUp
	clsX87
	clsX87Up
	clsComplexX87
	clsMemory
)

// eightbyte is one register-sized piece of a value passed in registers.
type eightbyte struct {
	cls  argClass // clsInteger or clsSSE
	off  int64    // offset in the value
	size int64    // bytes of the value in this eightbyte (1..8)
	reg  reg      // assigned register
}

// abiLoc says where one argument or return value travels.
type abiLoc struct {
	memory   bool        // on the stack (argument) or through the hidden pointer (return)
	x87      bool        // long double return in st(0); complex long double: st(0), st(1)
	x87Pair  bool        // COMPLEX_X87 return
	parts    []eightbyte // register pieces, in offset order
	stackOff int64       // memory argument: offset in the argument area
	size     int64
	align    int64
}

// typeClass is the class of a scalar leaf (§3.2.3, "Classification").
func typeClass(t ir.Type) (lo, hi argClass) {
	switch t {
	case ir.F32, ir.F64:
		return clsSSE, clsNone
	case ir.F80:
		return clsX87, clsX87Up
	case ir.F128:
		return clsSSE, clsSSEUp
	case ir.I128:
		return clsInteger, clsInteger
	}
	return clsInteger, clsNone
}

// merge combines two classes of one eightbyte (§3.2.3 rule 4).
func merge(a, b argClass) argClass {
	switch {
	case a == b:
		return a
	case a == clsNone:
		return b
	case b == clsNone:
		return a
	case a == clsMemory || b == clsMemory:
		return clsMemory
	case a == clsInteger || b == clsInteger:
		return clsInteger
	case a == clsX87 || a == clsX87Up || a == clsComplexX87 || b == clsX87 || b == clsX87Up || b == clsComplexX87:
		return clsMemory
	}
	return clsSSE
}

// classifyAgg returns the classes of the eightbytes of an aggregate, or nil when it
// is passed in memory (§3.2.3: larger than 16 bytes — no __m256 here —, unaligned
// fields, or a merge giving MEMORY / an X87UP not preceded by X87).
func classifyAgg(a *ir.Agg) []argClass {
	if a.Size > 16 || a.Size == 0 {
		return nil
	}
	n := (a.Size + 7) / 8
	cls := make([]argClass, n)
	for _, f := range a.Fields {
		sz := int64(f.Type.Size(8))
		if f.Type == ir.F80 {
			sz = 10
		}
		if f.Offset%int64(min(sz, 16)) != 0 && f.Type != ir.F80 {
			return nil // unaligned field
		}
		lo, hi := typeClass(f.Type)
		i := f.Offset / 8
		if i >= n {
			continue
		}
		cls[i] = merge(cls[i], lo)
		if hi != clsNone && i+1 < n {
			cls[i+1] = merge(cls[i+1], hi)
		}
	}
	for i, c := range cls {
		switch c {
		case clsMemory:
			return nil
		case clsX87Up:
			if i == 0 || cls[i-1] != clsX87 {
				return nil
			}
		case clsSSEUp:
			if i == 0 {
				cls[i] = clsSSE
			}
		case clsNone:
			// Padding-only eightbyte: passed in no register of its own; treat as
			// SSE so the count stays right (gcc does the same for float padding).
			cls[i] = clsSSE
		}
	}
	return cls
}

func eightbytes(cls []argClass, size int64) []eightbyte {
	var parts []eightbyte
	for i, c := range cls {
		sz := min(8, size-int64(i)*8)
		parts = append(parts, eightbyte{cls: c, off: int64(i) * 8, size: sz})
	}
	return parts
}

// classifyParam classifies one argument (or return value when ret).
func classifyParam(p ir.Param, ret bool) abiLoc {
	if p.Agg != nil {
		loc := abiLoc{size: p.Agg.Size, align: max(p.Agg.Align, 1)}
		cls := classifyAgg(p.Agg)
		if cls == nil {
			// complex long double returns as COMPLEX_X87 in st(0) and st(1).
			if ret && p.Agg.Size == 32 && len(p.Agg.Fields) == 2 && p.Agg.Fields[0].Type == ir.F80 && p.Agg.Fields[1].Type == ir.F80 {
				loc.x87, loc.x87Pair = true, true
				return loc
			}
			loc.memory = true
			return loc
		}
		if cls[0] == clsX87 {
			if ret && len(cls) == 2 {
				loc.x87 = true
				return loc
			}
			loc.memory = true
			return loc
		}
		for _, c := range cls {
			if c == clsX87 || c == clsX87Up || c == clsSSEUp {
				loc.memory = true
				return loc
			}
		}
		loc.parts = eightbytes(cls, p.Agg.Size)
		return loc
	}
	t := p.Type
	loc := abiLoc{size: int64(t.Size(8)), align: int64(t.Size(8))}
	switch t {
	case ir.F80:
		loc.align = 16
		if ret {
			loc.x87 = true
		} else {
			loc.memory = true
		}
	case ir.I128:
		loc.align = 16
		loc.parts = []eightbyte{{cls: clsInteger, off: 0, size: 8}, {cls: clsInteger, off: 8, size: 8}}
	case ir.F32, ir.F64:
		loc.parts = []eightbyte{{cls: clsSSE, size: loc.size}}
	default:
		loc.parts = []eightbyte{{cls: clsInteger, size: loc.size}}
	}
	return loc
}

// callLayout is the assignment of a whole signature.
type callLayout struct {
	args       []abiLoc
	ret        abiLoc
	hasRet     bool
	retMemory  bool  // hidden pointer in rdi (§3.2.3 "Returning of Values", MEMORY)
	stackSize  int64 // bytes of stack arguments, 16-aligned
	stackBytes int64 // bytes of stack arguments (va_start's overflow_arg_area starts after them)
	numGP      int   // integer registers used by named arguments (va_start's gp_offset)
	numSSE     int   // vector registers used (%al for variadic calls)
}

// layoutCall assigns registers and stack offsets to params (§3.2.3 "Passing"): each
// argument takes the next free registers of its classes; if any eightbyte finds none,
// the whole argument goes on the stack. Stack arguments are 8-byte aligned, 16 for
// alignments above 8, in source order.
func layoutCall(params []ir.Param, ret ir.Type, retAgg *ir.Agg) callLayout {
	var cl callLayout
	gp, sse := 0, 0
	if retAgg != nil || (ret != ir.Void) {
		cl.hasRet = true
		cl.ret = classifyParam(ir.Param{Type: ret, Agg: retAgg}, true)
		if cl.ret.memory {
			cl.retMemory = true
			gp = 1
		} else {
			ri, rs := 0, 0
			for i := range cl.ret.parts {
				p := &cl.ret.parts[i]
				if p.cls == clsInteger {
					p.reg = [2]reg{RAX, RDX}[ri]
					ri++
				} else {
					p.reg = [2]reg{XMM0, XMM1}[rs]
					rs++
				}
			}
		}
	}
	var off int64
	for _, p := range params {
		loc := classifyParam(p, false)
		if !loc.memory {
			ng, ns := 0, 0
			for _, e := range loc.parts {
				if e.cls == clsInteger {
					ng++
				} else {
					ns++
				}
			}
			if gp+ng <= len(intArgRegs) && sse+ns <= len(sseArgRegs) {
				for i := range loc.parts {
					e := &loc.parts[i]
					if e.cls == clsInteger {
						e.reg = intArgRegs[gp]
						gp++
					} else {
						e.reg = sseArgRegs[sse]
						sse++
					}
				}
				cl.args = append(cl.args, loc)
				continue
			}
			loc.memory = true
		}
		al := int64(8)
		if loc.align > 8 {
			al = 16
		}
		off = (off + al - 1) &^ (al - 1)
		loc.stackOff = off
		off += (loc.size + 7) &^ 7
		cl.args = append(cl.args, loc)
	}
	cl.stackSize = (off + 15) &^ 15
	cl.stackBytes = off
	cl.numGP, cl.numSSE = gp, sse
	return cl
}
