package sema

import (
	"math/big"

	"gocc/ast"
)

// 128-bit integer constants in static initializers (GNU __int128, C11 6.6p6-7).
// IntLit folding works in 64 bits, so an expression whose operands or result are
// __int128 reaches constant evaluation unfolded; it is evaluated here exactly with
// math/big, modulo 2^128. The result is a ConstInt in the usual form (Int
// sign-extended for signed types or with SExt, zero-extended otherwise) when that can
// represent it, and otherwise Wide with the high 64 bits in Hi.

var (
	two64  = new(big.Int).Lsh(big.NewInt(1), 64)
	two128 = new(big.Int).Lsh(big.NewInt(1), 128)
)

// constBig is the value of integer constant v of type t.
func (c *checker) constBig(v *ast.ConstValue, t *ast.Type) *big.Int {
	t = c.intType(t)
	signed := c.isSigned(t)
	var r *big.Int
	switch {
	case v.Wide:
		r = new(big.Int).Lsh(big.NewInt(v.Hi), 64)
		r.Add(r, new(big.Int).SetUint64(uint64(v.Int)))
	case signed || v.SExt:
		r = big.NewInt(v.Int)
	default:
		r = new(big.Int).SetUint64(uint64(v.Int))
	}
	return wrapBig(r, t.Size*8, signed)
}

// wrapBig reduces r to bits bits, as a signed or unsigned value.
func wrapBig(r *big.Int, bits int64, signed bool) *big.Int {
	m := new(big.Int).Lsh(big.NewInt(1), uint(bits))
	r = new(big.Int).Mod(r, m)
	if signed && r.Bit(int(bits-1)) == 1 {
		r.Sub(r, m)
	}
	return r
}

// bigConst packs r, already reduced to t's width, as a ConstInt of type t.
func (c *checker) bigConst(r *big.Int, t *ast.Type) *ast.ConstValue {
	t = c.intType(t)
	if t.Size <= 8 {
		return &ast.ConstValue{Kind: ast.ConstInt, Int: int64(c.truncate(new(big.Int).Mod(r, two64).Uint64(), t))}
	}
	u := new(big.Int).Mod(r, two128)
	lo := new(big.Int).Mod(u, two64).Uint64()
	hi := new(big.Int).Rsh(u, 64).Uint64()
	signed := c.isSigned(t)
	switch {
	case signed && hi == uint64(int64(lo)>>63):
		return &ast.ConstValue{Kind: ast.ConstInt, Int: int64(lo)}
	case !signed && hi == 0:
		return &ast.ConstValue{Kind: ast.ConstInt, Int: int64(lo)}
	case !signed && hi == ^uint64(0) && int64(lo) < 0:
		return &ast.ConstValue{Kind: ast.ConstInt, Int: int64(lo), SExt: true}
	}
	return &ast.ConstValue{Kind: ast.ConstInt, Int: int64(lo), Hi: int64(hi), Wide: true}
}

// constBinary128 folds x, a binary operator with integer constant operands a and b of
// which an operand or the result is wider than 64 bits.
func (c *checker) constBinary128(x *ast.Binary, a, b *ast.ConstValue) (*ast.ConstValue, bool) {
	xt, yt, rt := x.X.Type(), x.Y.Type(), x.Type()
	p, q := c.constBig(a, xt), c.constBig(b, yt)
	var r *big.Int
	cmp := p.Cmp(q)
	switch x.Op {
	case ast.Add:
		r = new(big.Int).Add(p, q)
	case ast.Sub:
		r = new(big.Int).Sub(p, q)
	case ast.Mul:
		r = new(big.Int).Mul(p, q)
	case ast.Div, ast.Rem:
		if q.Sign() == 0 {
			return nil, false
		}
		// C truncates toward zero (C11 6.5.5p6): big's Quo and Rem.
		if x.Op == ast.Div {
			r = new(big.Int).Quo(p, q)
		} else {
			r = new(big.Int).Rem(p, q)
		}
	case ast.BitAnd:
		r = new(big.Int).And(p, q)
	case ast.BitOr:
		r = new(big.Int).Or(p, q)
	case ast.BitXor:
		r = new(big.Int).Xor(p, q)
	case ast.Shl, ast.Shr:
		// C11 6.5.7p3: the count must be below the promoted left operand's width.
		if q.Sign() < 0 || q.Cmp(big.NewInt(c.intType(xt).Size*8)) >= 0 {
			return nil, false
		}
		if x.Op == ast.Shl {
			r = new(big.Int).Lsh(p, uint(q.Uint64()))
		} else {
			r = new(big.Int).Rsh(p, uint(q.Uint64())) // arithmetic for negative p
		}
	case ast.Eq, ast.Ne, ast.Lt, ast.Le, ast.Gt, ast.Ge:
		return compareResult(x.Op, cmp)
	case ast.LogAnd:
		return constBool(p.Sign() != 0 && q.Sign() != 0), true
	case ast.LogOr:
		return constBool(p.Sign() != 0 || q.Sign() != 0), true
	default:
		return nil, false
	}
	t := c.intType(rt)
	return c.bigConst(wrapBig(r, t.Size*8, c.isSigned(t)), t), true
}
