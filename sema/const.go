package sema

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"

	"gocc/ast"
)

// Constant evaluation for static initializers (C11 6.6p7-9): arithmetic constants,
// address constants (an object or function address plus an integer offset, also
// through casts to pointer-sized integers), and &&label.

// entryConst fills en.Const or reports "initializer element is not constant".
func (c *checker) entryConst(en *ast.InitEntry) {
	if _, ok := en.Value.(*ast.StringLit); ok {
		return // a character array initialized from a literal: irgen copies the bytes
	}
	if en.Type.IsRecord() {
		c.errorf(en.Value.Position(), "initializer element is not constant")
		return
	}
	c.inStaticInit = true
	v, ok := c.constValue(en.Value)
	c.inStaticInit = false
	if !ok {
		c.errorf(en.Value.Position(), "initializer element is not constant")
		return
	}
	if v.Kind == ast.ConstAddr || v.Kind == ast.ConstLabelAddr {
		if en.Type.Kind != ast.Pointer && !(en.Type.IsInteger() && en.Type.Size == int64(c.t.Pointer.Size)) {
			c.errorf(en.Value.Position(), "initializer element is not computable at load time")
			return
		}
	}
	en.Const = v
}

func (c *checker) constValue(e ast.Expr) (*ast.ConstValue, bool) {
	switch x := e.(type) {
	case *ast.IntLit:
		if x.Imag {
			// GNU integer imaginary constant (2i): a complex integer constant.
			return &ast.ConstValue{Kind: ast.ConstComplex, Imag: float64(int64(x.Value))}, true
		}
		return &ast.ConstValue{Kind: ast.ConstInt, Int: int64(x.Value)}, true
	case *ast.CharLit:
		return &ast.ConstValue{Kind: ast.ConstInt, Int: x.Value}, true
	case *ast.FloatLit:
		if x.Imag {
			return &ast.ConstValue{Kind: ast.ConstComplex, Imag: x.Value}, true
		}
		return &ast.ConstValue{Kind: ast.ConstFloat, Float: x.Value, Text: x.Text}, true
	case *ast.Cast:
		return c.constCast(x)
	case *ast.Call:
		// An undecided __builtin_constant_p (left for the optimizer) is 0 where a
		// constant is required, as in gcc.
		if x.Builtin == "__builtin_constant_p" {
			return &ast.ConstValue{Kind: ast.ConstInt}, true
		}
		if x.Builtin == "__builtin_complex" && len(x.Args) == 2 {
			// CMPLX(re, im) of constants is a constant (C11 7.3.9.3p3).
			re, ok1 := c.constValue(x.Args[0])
			im, ok2 := c.constValue(x.Args[1])
			if !ok1 || !ok2 || re.Kind != ast.ConstFloat || im.Kind != ast.ConstFloat {
				return nil, false
			}
			return &ast.ConstValue{Kind: ast.ConstComplex, Float: re.Float, Imag: im.Float}, true
		}
		return c.constBuiltin(x)
	case *ast.Unary:
		switch x.Op {
		case ast.Addr:
			return c.constAddr(x.X)
		case ast.Neg, ast.Plus:
			v, ok := c.constValue(x.X)
			if !ok || x.Op == ast.Plus {
				return v, ok
			}
			switch v.Kind {
			case ast.ConstFloat:
				r := &ast.ConstValue{Kind: ast.ConstFloat, Float: -v.Float}
				if v.Text != "" {
					r.Text = "-" + v.Text
					if v.Text[0] == '-' {
						r.Text = v.Text[1:]
					}
				}
				return r, true
			case ast.ConstComplex:
				return &ast.ConstValue{Kind: ast.ConstComplex, Float: -v.Float, Imag: -v.Imag}, true
			case ast.ConstInt:
				if t := c.intType(x.Type()); t.Size > 8 {
					return c.bigConst(wrapBig(new(big.Int).Neg(c.constBig(v, x.X.Type())), t.Size*8, c.isSigned(t)), t), true
				}
				return &ast.ConstValue{Kind: ast.ConstInt, Int: int64(c.truncate(uint64(-v.Int), x.Type()))}, true
			}
		case ast.BitNot:
			v, ok := c.constValue(x.X)
			if ok && v.Kind == ast.ConstComplex {
				return &ast.ConstValue{Kind: ast.ConstComplex, Float: v.Float, Imag: -v.Imag}, true
			}
			if ok && v.Kind == ast.ConstInt && x.Type().IsInteger() {
				if t := c.intType(x.Type()); t.Size > 8 {
					return c.bigConst(wrapBig(new(big.Int).Not(c.constBig(v, x.X.Type())), t.Size*8, c.isSigned(t)), t), true
				}
				return &ast.ConstValue{Kind: ast.ConstInt, Int: int64(c.truncate(^uint64(v.Int), x.Type()))}, true
			}
		case ast.LogNot:
			v, ok := c.constValue(x.X)
			if !ok {
				return nil, false
			}
			switch v.Kind {
			case ast.ConstFloat:
				return constBool(v.Float == 0), true
			case ast.ConstAddr:
				return constBool(false), true
			}
		case ast.Real, ast.Imag:
			v, ok := c.constValue(x.X)
			if ok && v.Kind == ast.ConstComplex {
				if x.Op == ast.Real {
					return &ast.ConstValue{Kind: ast.ConstFloat, Float: v.Float}, true
				}
				return &ast.ConstValue{Kind: ast.ConstFloat, Float: v.Imag}, true
			}
		}
		return nil, false
	case *ast.Binary:
		return c.constBinary(x)
	case *ast.Ident:
		return c.constObjectValue(x.Obj)
	case *ast.Cond:
		cv, ok := c.constValue(x.C)
		if !ok {
			return nil, false
		}
		truth := false
		switch cv.Kind {
		case ast.ConstInt:
			truth = cv.Int != 0 || cv.Wide
		case ast.ConstFloat:
			truth = cv.Float != 0
		case ast.ConstAddr:
			truth = true
		default:
			return nil, false
		}
		if truth {
			if x.Then == nil {
				return c.constValue(x.C)
			}
			return c.constValue(x.Then)
		}
		return c.constValue(x.Else)
	case *ast.LabelAddr:
		if c.fn == nil {
			return nil, false
		}
		return &ast.ConstValue{Kind: ast.ConstLabelAddr, Label: c.fn.labelName(x.Label, true), Func: c.fn.def.Obj}, true
	case *ast.StringLit:
		return &ast.ConstValue{Kind: ast.ConstAddr, Sym: c.stringObj(x)}, true
	case *ast.Generic:
		return c.constValue(x.Chosen)
	case *ast.ChooseExpr:
		return c.constValue(x.Chosen)
	}
	return nil, false
}

// constObjectValue folds, in a static initializer, a read of a const-qualified
// arithmetic object with static storage and a constant initializer, as gcc does
// ("const char a = 0x42; const double b = a;", gcc's pr83222.c). Elsewhere (case
// labels, array sizes) such a read is not a constant expression (C11 6.6).
func (c *checker) constObjectValue(o *ast.Object) (*ast.ConstValue, bool) {
	if !c.inStaticInit || o == nil || o.Kind != ast.ObjVar || !o.Global || o.Volatile ||
		o.Type.Qual&ast.Const == 0 || o.Type.Qual&ast.Volatile != 0 || !(o.Type.IsInteger() || o.Type.IsFloat()) ||
		len(o.Init) != 1 || o.Init[0].Const == nil || o.Init[0].Field != nil {
		return nil, false
	}
	v := o.Init[0].Const
	if v.Kind != ast.ConstInt && v.Kind != ast.ConstFloat {
		return nil, false
	}
	r := *v
	return &r, true
}

// addrCompare folds a comparison involving an address constant as gcc does in
// initializers: two addresses within one object compare by offset; the addresses of
// two distinct objects differ, and an object's address is not null (C11 6.5.9p6),
// unless a symbol is weak and may resolve to null or to the other.
func addrCompare(op ast.BinaryOp, a, b *ast.ConstValue) (*ast.ConstValue, bool) {
	if a.Kind != ast.ConstAddr && b.Kind != ast.ConstAddr {
		return nil, false
	}
	isNull := func(v *ast.ConstValue) bool { return v.Kind == ast.ConstInt && v.Int == 0 && !v.Wide }
	weak := func(v *ast.ConstValue) bool { return v.Kind == ast.ConstAddr && (v.Sym == nil || v.Sym.Weak) }
	if weak(a) || weak(b) {
		return nil, false
	}
	var cmp int // the sign of a - b, when known
	switch {
	case a.Kind == ast.ConstAddr && b.Kind == ast.ConstAddr && a.Sym == b.Sym:
		cmp = sign(a.Int - b.Int)
	case a.Kind == ast.ConstAddr && isNull(b):
		cmp = 1 // addresses compare as unsigned: above null
	case b.Kind == ast.ConstAddr && isNull(a):
		cmp = -1
	case a.Kind == ast.ConstAddr && b.Kind == ast.ConstAddr && (op == ast.Eq || op == ast.Ne):
		return constBool(op == ast.Ne), true // distinct objects
	default:
		return nil, false
	}
	return compareResult(op, cmp)
}

// compareResult is the value of relational or equality operator op for operands whose
// difference has the sign cmp; ok is false for any other operator.
func compareResult(op ast.BinaryOp, cmp int) (*ast.ConstValue, bool) {
	switch op {
	case ast.Eq:
		return constBool(cmp == 0), true
	case ast.Ne:
		return constBool(cmp != 0), true
	case ast.Lt:
		return constBool(cmp < 0), true
	case ast.Le:
		return constBool(cmp <= 0), true
	case ast.Gt:
		return constBool(cmp > 0), true
	case ast.Ge:
		return constBool(cmp >= 0), true
	}
	return nil, false
}

func sign(n int64) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

func constBool(b bool) *ast.ConstValue {
	v := &ast.ConstValue{Kind: ast.ConstInt}
	if b {
		v.Int = 1
	}
	return v
}

// stringObj makes the static object holding a string literal used as an address.
// Identical literals share one object, as gcc's do (C11 6.4.5p7 leaves it open), so
// &"ab"[1] - &"ab"[0] is the constant 1.
func (c *checker) stringObj(s *ast.StringLit) *ast.Object {
	key := stringKey{prefix: s.Prefix, bytes: string(s.Bytes), wide: fmt.Sprint(s.Wide), size: s.Type().Size}
	if o := c.stringObjs[key]; o != nil {
		return o
	}
	c.staticCount++
	o := &ast.Object{Kind: ast.ObjVar, Pos: s.Pos, Type: s.Type(), Global: true, Defined: true,
		LinkName: ".Lstr." + strconv.Itoa(c.staticCount), Str: s, Constructor: -1, Destructor: -1}
	c.addGlobal(o)
	c.stringObjs[key] = o
	return o
}

// stringKey identifies a string literal's contents and type, for stringObj.
type stringKey struct {
	prefix      ast.StrPrefix
	bytes, wide string
	size        int64
}

// constAddr evaluates the address of an lvalue as an address constant.
func (c *checker) constAddr(e ast.Expr) (*ast.ConstValue, bool) {
	switch x := e.(type) {
	case *ast.Ident:
		if x.Obj == nil || !(x.Obj.Global || x.Obj.Kind == ast.ObjFunc) || isNestedFunc(x.Obj) {
			return nil, false
		}
		return &ast.ConstValue{Kind: ast.ConstAddr, Sym: x.Obj}, true
	case *ast.StringLit:
		return &ast.ConstValue{Kind: ast.ConstAddr, Sym: c.stringObj(x)}, true
	case *ast.CompoundLit:
		if x.Obj == nil || !x.Obj.Global {
			return nil, false
		}
		return &ast.ConstValue{Kind: ast.ConstAddr, Sym: x.Obj}, true
	case *ast.MemberExpr:
		var base *ast.ConstValue
		var ok bool
		if x.Arrow {
			base, ok = c.constValue(x.X)
		} else {
			base, ok = c.constAddr(x.X)
		}
		if !ok || len(x.Path) == 0 {
			return nil, false
		}
		r := *base
		for _, m := range x.Path {
			r.Int += m.Offset
		}
		return &r, r.Kind == ast.ConstAddr || r.Kind == ast.ConstInt
	case *ast.Index:
		base, ok := c.constValue(x.X)
		if !ok {
			return nil, false
		}
		i, ok := c.constValue(x.I)
		if !ok || i.Kind != ast.ConstInt {
			return nil, false
		}
		r := *base
		r.Int += i.Int * x.Type().Size
		return &r, r.Kind == ast.ConstAddr || r.Kind == ast.ConstInt
	case *ast.Unary:
		if x.Op == ast.Deref {
			return c.constValue(x.X)
		}
	case *ast.Cast:
		if x.Kind == ast.CastDecay {
			return c.constAddr(x.X)
		}
	case *ast.Generic:
		return c.constAddr(x.Chosen)
	}
	return nil, false
}

func (c *checker) constCast(x *ast.Cast) (*ast.ConstValue, bool) {
	if x.Kind == ast.CastDecay {
		return c.constAddr(x.X)
	}
	if x.Kind == ast.CastToUnion {
		return nil, false
	}
	v, ok := c.constValue(x.X)
	if !ok {
		return nil, false
	}
	to, from := x.Type(), x.X.Type()
	switch {
	case to.Kind == ast.Pointer:
		if v.Kind == ast.ConstInt || v.Kind == ast.ConstAddr || v.Kind == ast.ConstLabelAddr {
			if v.Kind == ast.ConstInt {
				return &ast.ConstValue{Kind: ast.ConstInt, Int: int64(c.truncate(uint64(v.Int), c.sizeT))}, true
			}
			return v, true
		}
	case to.IsInteger():
		switch v.Kind {
		case ast.ConstInt:
			if v.Wide {
				if to.Kind == ast.Bool {
					return constBool(true), true
				}
				t := c.intType(to)
				return c.bigConst(wrapBig(c.constBig(v, from), t.Size*8, c.isSigned(t)), t), true
			}
			r := &ast.ConstValue{Kind: ast.ConstInt, Int: int64(c.truncate(uint64(v.Int), to))}
			if to.Size > 8 && !c.isSigned(to) && r.Int < 0 && (c.isSigned(from) && from.Size <= 16 || v.SExt) {
				r.SExt = true
			}
			return r, true
		case ast.ConstFloat:
			f := math.Trunc(v.Float)
			if to.Kind == ast.Bool {
				return constBool(v.Float != 0), true
			}
			if c.isSigned(to) || f < 0 {
				return &ast.ConstValue{Kind: ast.ConstInt, Int: int64(c.truncate(uint64(int64(f)), to))}, true
			}
			return &ast.ConstValue{Kind: ast.ConstInt, Int: int64(c.truncate(uint64(f), to))}, true
		case ast.ConstAddr, ast.ConstLabelAddr:
			if to.Kind == ast.Bool {
				return constBool(true), true
			}
			if to.Size == int64(c.t.Pointer.Size) {
				return v, true
			}
		case ast.ConstComplex:
			return &ast.ConstValue{Kind: ast.ConstInt, Int: int64(c.truncate(uint64(int64(v.Float)), to))}, true
		case ast.ConstLabelDiff:
			// Narrowed by the assembler, which checks that the value fits (as gcc).
			if to.Kind != ast.Bool && to.Size <= 8 {
				return v, true
			}
		}
	case to.IsFloat():
		var f float64
		text := ""
		switch v.Kind {
		case ast.ConstInt:
			if v.Wide || from.IsInteger() && c.intType(from).Size > 8 {
				f, _ = new(big.Float).SetInt(c.constBig(v, from)).Float64()
				text = c.constBig(v, from).String()
			} else if c.isSigned(from) || from.Kind == ast.Pointer && false {
				f = float64(v.Int)
				text = strconv.FormatInt(v.Int, 10)
			} else {
				f = float64(uint64(v.Int))
				text = strconv.FormatUint(uint64(v.Int), 10)
			}
		case ast.ConstFloat:
			f, text = v.Float, v.Text
		case ast.ConstComplex:
			f = v.Float
		default:
			return nil, false
		}
		if to.Kind == ast.Float {
			f = float64(float32(f))
		}
		if to.Kind != ast.LongDouble {
			text = ""
		}
		return &ast.ConstValue{Kind: ast.ConstFloat, Float: f, Text: text}, true
	case to.Kind == ast.Complex:
		var re, im float64
		switch v.Kind {
		case ast.ConstInt:
			if c.isSigned(from) {
				re = float64(v.Int)
			} else {
				re = float64(uint64(v.Int))
			}
		case ast.ConstFloat:
			re = v.Float
		case ast.ConstComplex:
			re, im = v.Float, v.Imag
		default:
			return nil, false
		}
		if to.Base.Kind == ast.Float {
			re, im = float64(float32(re)), float64(float32(im))
		}
		return &ast.ConstValue{Kind: ast.ConstComplex, Float: re, Imag: im}, true
	case to.Kind == ast.Void:
		return nil, false
	case to.Kind == ast.Vector:
		return nil, false
	}
	return nil, false
}

func (c *checker) constBinary(x *ast.Binary) (*ast.ConstValue, bool) {
	a, ok := c.constValue(x.X)
	if !ok {
		return nil, false
	}
	b, ok := c.constValue(x.Y)
	if !ok {
		return nil, false
	}
	xt, yt := x.X.Type(), x.Y.Type()
	if v, ok := addrCompare(x.Op, a, b); ok {
		return v, true
	}
	// Address arithmetic (C11 6.6p9): pointer ± integer, scaled by the element size.
	if xt.Kind == ast.Pointer && yt.IsInteger() && (x.Op == ast.Add || x.Op == ast.Sub) && b.Kind == ast.ConstInt {
		r := *a
		d := b.Int * elemSize(xt)
		if x.Op == ast.Sub {
			d = -d
		}
		r.Int += d
		return &r, a.Kind == ast.ConstAddr || a.Kind == ast.ConstInt
	}
	if yt.Kind == ast.Pointer && xt.IsInteger() && x.Op == ast.Add && a.Kind == ast.ConstInt {
		r := *b
		r.Int += a.Int * elemSize(yt)
		return &r, b.Kind == ast.ConstAddr || b.Kind == ast.ConstInt
	}
	if xt.Kind == ast.Pointer && yt.Kind == ast.Pointer && x.Op == ast.Sub && a.Kind == ast.ConstLabelAddr &&
		b.Kind == ast.ConstLabelAddr && a.Func == b.Func && elemSize(xt) == 1 {
		// GNU C: the difference of two label addresses of one function (void *, so
		// bytes) is a constant the assembler computes.
		return &ast.ConstValue{Kind: ast.ConstLabelDiff, Label: a.Label, SubLabel: b.Label, Func: a.Func, Int: a.Int - b.Int}, true
	}
	if xt.Kind == ast.Pointer && yt.Kind == ast.Pointer && x.Op == ast.Sub && a.Kind == ast.ConstAddr && b.Kind == ast.ConstAddr && a.Sym == b.Sym {
		return &ast.ConstValue{Kind: ast.ConstInt, Int: (a.Int - b.Int) / elemSize(xt)}, true
	}
	// Integer arithmetic on addresses cast to integers: sym + n.
	if (a.Kind == ast.ConstAddr || a.Kind == ast.ConstLabelDiff) && b.Kind == ast.ConstInt && (x.Op == ast.Add || x.Op == ast.Sub) && x.Type().IsInteger() {
		r := *a
		if x.Op == ast.Add {
			r.Int += b.Int
		} else {
			r.Int -= b.Int
		}
		return &r, true
	}
	if (x.Op == ast.LogAnd || x.Op == ast.LogOr) && (a.Kind == ast.ConstAddr || b.Kind == ast.ConstAddr) {
		ta := a.Kind == ast.ConstAddr || a.Kind == ast.ConstInt && a.Int != 0 || a.Kind == ast.ConstFloat && a.Float != 0
		tb := b.Kind == ast.ConstAddr || b.Kind == ast.ConstInt && b.Int != 0 || b.Kind == ast.ConstFloat && b.Float != 0
		if x.Op == ast.LogAnd {
			return constBool(ta && tb), true
		}
		return constBool(ta || tb), true
	}
	if a.Kind == ast.ConstInt && b.Kind == ast.ConstInt && (c.intType(xt).Size > 8 || c.intType(yt).Size > 8 || x.Type().Size > 8) {
		return c.constBinary128(x, a, b)
	}
	if a.Kind == ast.ConstInt && b.Kind == ast.ConstInt {
		la, lb := c.intLit(a.Int, xt), c.intLit(b.Int, yt)
		if r := c.foldBinary(x.Op, la, lb, x.Type()); r != nil {
			return &ast.ConstValue{Kind: ast.ConstInt, Int: int64(r.(*ast.IntLit).Value)}, true
		}
		return nil, false
	}
	if a.Kind == ast.ConstComplex || b.Kind == ast.ConstComplex {
		ar, ai := complexParts(a)
		br, bi := complexParts(b)
		var rr, ri float64
		switch x.Op {
		case ast.Add:
			rr, ri = ar+br, ai+bi
		case ast.Sub:
			rr, ri = ar-br, ai-bi
		case ast.Mul:
			rr, ri = ar*br-ai*bi, ar*bi+ai*br
		case ast.Div:
			d := br*br + bi*bi
			rr, ri = (ar*br+ai*bi)/d, (ai*br-ar*bi)/d
		case ast.Eq, ast.Ne: // equal when both parts are (C11 6.5.9p4)
			return constBool((ar == br && ai == bi) == (x.Op == ast.Eq)), true
		default:
			return nil, false
		}
		if x.Type().Kind == ast.Complex && x.Type().Base.Kind == ast.Float {
			rr, ri = float64(float32(rr)), float64(float32(ri))
		}
		return &ast.ConstValue{Kind: ast.ConstComplex, Float: rr, Imag: ri}, true
	}
	if a.Kind == ast.ConstFloat && b.Kind == ast.ConstFloat {
		fa, fb := a.Float, b.Float
		var r float64
		switch x.Op {
		case ast.Add:
			r = fa + fb
		case ast.Sub:
			r = fa - fb
		case ast.Mul:
			r = fa * fb
		case ast.Div:
			r = fa / fb
		case ast.Eq, ast.Ne, ast.Lt, ast.Le, ast.Gt, ast.Ge:
			return constBool(map[ast.BinaryOp]bool{ast.Eq: fa == fb, ast.Ne: fa != fb, ast.Lt: fa < fb,
				ast.Le: fa <= fb, ast.Gt: fa > fb, ast.Ge: fa >= fb}[x.Op]), true
		case ast.LogAnd:
			return constBool(fa != 0 && fb != 0), true
		case ast.LogOr:
			return constBool(fa != 0 || fb != 0), true
		default:
			return nil, false
		}
		if x.Type().Kind == ast.Float {
			r = float64(float32(r))
		}
		return &ast.ConstValue{Kind: ast.ConstFloat, Float: r}, true
	}
	return nil, false
}

func complexParts(v *ast.ConstValue) (float64, float64) {
	switch v.Kind {
	case ast.ConstComplex:
		return v.Float, v.Imag
	case ast.ConstFloat:
		return v.Float, 0
	}
	return float64(v.Int), 0
}

func elemSize(p *ast.Type) int64 {
	if p.Base == nil || p.Base.Size <= 0 {
		return 1
	}
	return p.Base.Size
}

// constBuiltin folds the integer builtins gcc evaluates at compile time when their
// operand is constant, so that they may appear where a constant is required (Linux's
// htons(ETH_P_IP) in a case label is __builtin_bswap16(0x0800), and its ilog2(n) of a
// constant is 63 - __builtin_clzll(n) in static initialisers). clz and ctz of zero
// are undefined (GCC manual, "Other Builtins") and are left unfolded.
func (c *checker) constBuiltin(x *ast.Call) (*ast.ConstValue, bool) {
	// The l and ll forms differ only in their operand's type, which gives the width
	// (long is 32 bits on i386); the argument has been converted to it.
	name := strings.TrimSuffix(strings.TrimSuffix(x.Builtin, "l"), "l")
	switch name {
	case "__builtin_bswap16", "__builtin_bswap32", "__builtin_bswap64", "__builtin_clz", "__builtin_ctz",
		"__builtin_popcount", "__builtin_parity", "__builtin_ffs", "__builtin_clrsb":
	default:
		return nil, false
	}
	if len(x.Args) != 1 || x.Args[0].Type().Size > 8 {
		return nil, false
	}
	width := int(x.Args[0].Type().Size * 8)
	v, ok := c.constValue(x.Args[0])
	if !ok || v.Kind != ast.ConstInt || v.Wide {
		return nil, false
	}
	u := uint64(v.Int)
	if width < 64 {
		u &= 1<<width - 1
	}
	var r int
	switch name {
	case "__builtin_clz":
		if u == 0 {
			return nil, false
		}
		r = bits.LeadingZeros64(u) - (64 - width)
	case "__builtin_ctz":
		if u == 0 {
			return nil, false
		}
		r = bits.TrailingZeros64(u)
	case "__builtin_popcount":
		r = bits.OnesCount64(u)
	case "__builtin_parity":
		r = bits.OnesCount64(u) & 1
	case "__builtin_ffs":
		if u != 0 {
			r = bits.TrailingZeros64(u) + 1
		}
	case "__builtin_clrsb":
		s := int64(u << (64 - width)) // the value in the top width bits, sign intact
		r = min(bits.LeadingZeros64(uint64(s^(s>>63)))-1, width-1)
	default: // bswap
		return &ast.ConstValue{Kind: ast.ConstInt, Int: int64(bits.ReverseBytes64(u) >> (64 - width))}, true
	}
	return &ast.ConstValue{Kind: ast.ConstInt, Int: int64(r)}, true
}
