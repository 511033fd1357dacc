package irgen

import (
	"sort"

	"gocc/ast"
	"gocc/ir"
	"gocc/target"
)

// scalarType maps a C type to the IR type of its values. Aggregates (struct, union,
// array, complex, vector) are handled through their address, so they map to Ptr.
// Sizes come from sema's layout, never from assumptions about the target.
func (g *gen) scalarType(t *ast.Type) ir.Type {
	switch t.Kind {
	case ast.Void:
		return ir.Void
	case ast.Enum:
		if t.Enum != nil && t.Enum.Underlying != nil {
			return g.scalarType(t.Enum.Underlying)
		}
		return intType(t.Size)
	case ast.Pointer, ast.Func:
		return ir.Ptr
	case ast.Float:
		return ir.F32
	case ast.Double:
		return ir.F64
	case ast.LongDouble:
		return g.longDouble()
	}
	if t.IsInteger() {
		return intType(t.Size)
	}
	return ir.Ptr
}

// longDouble is the IR type of long double on the target.
func (g *gen) longDouble() ir.Type {
	switch g.t.LongDoubleFormat {
	case target.LDX87:
		return ir.F80
	case target.LDQuad:
		return ir.F128
	}
	return ir.F64
}

// intType is the IR integer type of the given size in bytes.
func intType(size int64) ir.Type {
	switch size {
	case 1:
		return ir.I8
	case 2:
		return ir.I16
	case 4:
		return ir.I32
	case 8:
		return ir.I64
	case 16:
		return ir.I128
	}
	return ir.I32
}

// isSigned reports whether integer type t is signed (plain char per target, C11 6.2.5p15).
func (g *gen) isSigned(t *ast.Type) bool {
	switch t.Kind {
	case ast.Char:
		return g.t.CharSigned
	case ast.SChar, ast.Short, ast.Int, ast.Long, ast.LongLong, ast.Int128:
		return true
	case ast.Enum:
		if t.Enum != nil && t.Enum.Underlying != nil {
			return g.isSigned(t.Enum.Underlying)
		}
	}
	return false
}

// inMemory reports whether values of t are handled by address (see ast.Type.IsAggregate).
func inMemory(t *ast.Type) bool { return t.IsAggregate() }

// byValueAgg reports whether t is passed and returned as an *ir.Agg: the aggregates a
// C function can take or return by value (arrays never are).
func byValueAgg(t *ast.Type) bool {
	switch t.Kind {
	case ast.Struct, ast.Union, ast.Complex, ast.Vector:
		return true
	}
	return false
}

// maxAggFields bounds flattening: no supported psABI passes an aggregate larger than
// 64 bytes in registers (AAPCS64 HFA of four 16-byte members is the largest), so larger
// aggregates get an Agg without leaves (always passed in memory).
const maxAggFields = 64

// aggOf describes t for the backend's calling convention: size, alignment and the scalar
// leaves in offset order, nested records and arrays expanded, bit-fields as their storage
// units, union members overlapping.
func (g *gen) aggOf(t *ast.Type) *ir.Agg {
	a := &ir.Agg{Size: t.Size, Align: t.Align}
	if t.Size <= maxAggFields {
		g.flatten(a, t, 0)
		sort.SliceStable(a.Fields, func(i, j int) bool { return a.Fields[i].Offset < a.Fields[j].Offset })
		// Drop exact duplicates (several bit-fields sharing one unit).
		out := a.Fields[:0]
		for i, f := range a.Fields {
			if i > 0 && f == a.Fields[i-1] {
				continue
			}
			out = append(out, f)
		}
		a.Fields = out
	}
	return a
}

func (g *gen) flatten(a *ir.Agg, t *ast.Type, off int64) {
	switch t.Kind {
	case ast.Struct, ast.Union:
		if t.Record == nil {
			return
		}
		if t.Kind == ast.Union {
			a.Union = true
		}
		if t.Record.Packed {
			a.Packed = true
		}
		for _, m := range t.Record.Members {
			if m.IsBitField {
				if m.BitWidth == 0 {
					continue
				}
				g.addLeaf(a, off+m.Offset, g.scalarType(m.Type))
				continue
			}
			g.flatten(a, m.Type, off+m.Offset)
		}
	case ast.Array, ast.Vector:
		if t.Base == nil || t.Base.Size <= 0 {
			return
		}
		for i := int64(0); i < t.Len; i++ {
			g.flatten(a, t.Base, off+i*t.Base.Size)
		}
	case ast.Complex:
		g.flatten(a, t.Base, off)
		g.flatten(a, t.Base, off+t.Base.Size)
	default:
		g.addLeaf(a, off, g.scalarType(t))
	}
}

func (g *gen) addLeaf(a *ir.Agg, off int64, t ir.Type) {
	if sz := int64(t.Size(g.ptrSize)); sz > 0 && off%sz != 0 && t != ir.F80 {
		a.Packed = true
	}
	a.Fields = append(a.Fields, ir.AggField{Offset: off, Type: t})
}

// isVariable reports whether t's size is only known at run time (C11 6.7.6.2p4): a VLA
// or an array of them.
func isVariable(t *ast.Type) bool {
	for ; t != nil && t.Kind == ast.Array; t = t.Base {
		if t.VLA {
			return true
		}
	}
	if t != nil && (t.Kind == ast.Struct || t.Kind == ast.Union) && t.Record != nil {
		// GNU: a record with a variably modified member.
		for _, m := range t.Record.Members {
			if isVariable(m.Type) {
				return true
			}
		}
	}
	return false
}

// funcType returns the function type called through an expression of type t (a function
// or a pointer to one).
func funcType(t *ast.Type) *ast.Type {
	if t.Kind == ast.Pointer {
		t = t.Base
	}
	return t
}
