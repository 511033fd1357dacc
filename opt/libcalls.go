package opt

import (
	"bytes"
	"fmt"
	"strings"

	"gocc/ir"
)

// libcalls simplifies calls of standard library functions (ir.CallInfo.Lib: the callee
// is the library function of that name, see ast.Object.Library) using what the C
// standard specifies they do (C11 7.24 string handling, 7.21.6 formatted output, 7.21.7
// character output, 7.12 mathematics):
//
//   - results computable from constant strings (read-only data defined here, see
//     constload) are folded: strlen, strnlen, strcmp, strncmp, memcmp, strchr, strrchr,
//     index, rindex, memchr, strstr, strpbrk, strspn, strcspn; strlen(s+k) of a constant
//     s without embedded NUL is strlen(s)-k for any valid k;
//   - strlen(p) used only for its zero-ness becomes the first byte of p; comparing with
//     the empty string reads one byte; comparisons of one byte (n == 1) read the bytes;
//     memcmp(a, b, n) of a small constant n whose result is only compared with zero
//     compares the bytes;
//   - copies of known length become memory copies (OpCopy): strcpy, stpcpy, strncpy,
//     strcat of a constant string, memcpy/memmove/mempcpy of a constant n (memmove when
//     the source is read-only or n is 1 — then no overlap can change the result),
//     bcopy; the result is the destination (stpcpy, mempcpy: its end);
//   - output of constant text is done with cheaper calls when the result is unused,
//     as gcc does: printf("") → nothing, printf("c") → putchar('c'), printf("s\n") →
//     puts("s"), printf("%s\n", s) → puts(s), printf("%c", c) → putchar(c),
//     fprintf(f, "s") → fputs("s", f), fprintf(f, "%s", s) → fputs(s, f),
//     fprintf(f, "%c", c) → fputc(c, f), fputs("", f) → nothing, fputs("c", f) →
//     fputc('c', f), fputs("s", f) → fwrite("s", 1, n, f); sprintf(d, "s") and
//     sprintf(d, "%s", "s") copy the string and give its length;
//   - floor, ceil, trunc, round, rint, nearbyint of a float widened to double are the
//     float function's result widened (exact: the result is an integer representable
//     in float);
//
// Arguments are kept as values, so their side effects (evaluated before the call) stay.
//
// Requires: valid IR, after copy propagation and constant folding (constant operands
// visible). Preserves: the CFG; the memory order (new memory operations take the call's
// place).
func libcalls(f *ir.Func, ctx *passContext) {
	for _, b := range f.Blocks {
		for i := 0; i < len(b.Values); i++ {
			v := b.Values[i]
			if v.Op != ir.OpCall || v.Call == nil || v.Call.Lib == "" {
				continue
			}
			// The stdio *_unlocked functions behave as the locked ones.
			name, unlocked := strings.CutSuffix(v.Call.Lib, "_unlocked")
			fold := libFolds[name]
			if fold == nil || (unlocked && !stdioFuncs[name]) {
				continue
			}
			lc := &libCall{ctx: ctx, v: v, b: b, i: i}
			if unlocked {
				lc.suffix = "_unlocked"
			}
			fold(lc)
			i = lc.i
		}
	}
}

// libCall is one call being simplified: v is b.Values[i].
type libCall struct {
	ctx    *passContext
	v      *ir.Value
	b      *ir.Block
	i      int
	suffix string // "_unlocked" when simplifying printf_unlocked and the like
	// argMap, if set, selects the arguments a fold sees: arg(i) is call argument
	// argMap[i] (the checking variants' flag and va_list arguments are skipped).
	argMap []int
}

// stdioFuncs are the output functions with *_unlocked variants.
var stdioFuncs = map[string]bool{"printf": true, "fprintf": true, "fputs": true, "puts": true,
	"putchar": true, "fputc": true, "fwrite": true}

func (lc *libCall) nargs() int {
	if lc.argMap != nil {
		return len(lc.argMap)
	}
	return len(lc.v.Args) - 1
}

func (lc *libCall) arg(i int) *ir.Value {
	if lc.argMap != nil {
		return lc.v.Args[1+lc.argMap[i]]
	}
	return lc.v.Args[1+i]
}

// withArgs runs fold seeing only the call arguments idx, if the call has n arguments
// (n >= 0), or at least -n of which the ones after the first -n are variadic and seen
// after idx.
func withArgs(n int, idx []int, fold func(*libCall)) func(*libCall) {
	return func(lc *libCall) {
		if len(lc.v.Args)-1 != n && n >= 0 {
			return
		}
		m := append([]int(nil), idx...)
		if n < 0 { // variadic with -n fixed arguments: the variadic ones follow
			if len(lc.v.Args)-1 < -n {
				return
			}
			for i := -n; i < len(lc.v.Args)-1; i++ {
				m = append(m, i)
			}
		}
		lc.argMap = m
		fold(lc)
	}
}

// plainFormat runs fold (a printf-like fold) when the format argument fmtArg has no
// conversion, so the va_list argument is not read (vprintf("x\n", ap) is printf("x\n")).
func plainFormat(fmtArg int, fold func(*libCall)) func(*libCall) {
	return func(lc *libCall) {
		if s, ok := lc.str(fmtArg); ok && bytes.IndexByte(s, '%') < 0 {
			fold(lc)
		}
	}
}

// intArg returns argument i if it is an integer constant (zero-extended from its width:
// the size_t and int arguments here are non-negative or converted to unsigned char).
func (lc *libCall) intArg(i int) (int64, bool) {
	if i >= lc.nargs() {
		return 0, false
	}
	x, w, ok := intConst(lc.arg(i))
	if !ok {
		return 0, false
	}
	return sext(x, w), true
}

func (lc *libCall) str(i int) ([]byte, bool) {
	if i >= lc.nargs() {
		return nil, false
	}
	return lc.ctx.constString(lc.arg(i))
}

// knownStrlen returns the length of the string at p if it is known: a constant
// string, or a phi or select all of whose operands have that same known length (strlen
// of "foo"+1 or "bar"+1 chosen at run time is 2); phi cycles (a loop choosing among
// constant strings) add no new lengths.
func (ctx *passContext) knownStrlen(p *ir.Value, seen map[*ir.Value]bool) (int64, bool) {
	if s, ok := ctx.constString(p); ok {
		return int64(len(s)), true
	}
	var ops []*ir.Value
	switch p.Op {
	case ir.OpPhi:
		ops = p.Args
	case ir.OpSelect:
		ops = p.Args[1:]
	case ir.OpCopyValue:
		ops = p.Args
	default:
		return 0, false
	}
	if seen == nil {
		seen = map[*ir.Value]bool{}
	}
	if len(seen) > 64 {
		return 0, false
	}
	seen[p] = true
	n := int64(-1)
	for _, a := range ops {
		if seen[a] {
			continue
		}
		m, ok := ctx.knownStrlen(a, seen)
		if !ok || (n >= 0 && m != n) {
			return 0, false
		}
		n = m
	}
	return n, n >= 0
}

// strlen returns the known length of the string argument i.
func (lc *libCall) strlen(i int) (int64, bool) {
	if i >= lc.nargs() {
		return 0, false
	}
	return lc.ctx.knownStrlen(lc.arg(i), nil)
}

// before inserts a new value just before the call.
func (lc *libCall) before(op ir.Op, t ir.Type, args ...*ir.Value) *ir.Value {
	x := lc.b.InsertAt(lc.i, op, t, args...)
	x.Line = lc.v.Line
	lc.i++
	return x
}

func (lc *libCall) iconst(t ir.Type, c int64) *ir.Value {
	x := lc.before(ir.OpConst, t)
	x.AuxInt = c
	if w := intWidth(t); w != 0 {
		x.AuxInt = sext(c, w)
	}
	return x
}

// offset is p + n.
func (lc *libCall) offset(p *ir.Value, n int64) *ir.Value {
	if n == 0 {
		return p
	}
	return lc.before(ir.OpAdd, ir.Ptr, p, lc.iconst(lc.intptr(), n))
}

func (lc *libCall) intptr() ir.Type {
	if lc.ctx.ptrSize == 4 {
		return ir.I32
	}
	return ir.I64
}

// detach turns the call into a non-call value (its arguments are dropped by the caller).
func (lc *libCall) detach() {
	lc.v.Call = nil
	lc.v.Sym = ""
}

// result replaces the call by the integer constant c.
func (lc *libCall) result(c int64) {
	lc.detach()
	setConst(lc.v, c)
}

// resultValue replaces the call by x (of the call's type).
func (lc *libCall) resultValue(x *ir.Value) {
	lc.detach()
	lc.v.Op = ir.OpCopyValue
	lc.v.AuxInt = 0
	lc.v.SetArgs(x)
}

// resultNull replaces a pointer-returning call by a null pointer.
func (lc *libCall) resultNull() {
	lc.detach()
	lc.v.ResetArgs()
	lc.v.Op = ir.OpConst
	lc.v.AuxInt = 0
}

// copyBytes copies n bytes from src to dst (non-overlapping) at the call's place.
func (lc *libCall) copyBytes(dst, src *ir.Value, n int64) {
	if n <= 0 {
		return
	}
	c := lc.before(ir.OpCopy, ir.Void, dst, src)
	c.AuxInt = n
}

// call inserts a call of library function sym before the call being simplified.
func (lc *libCall) call(sym string, ret ir.Type, args ...*ir.Value) *ir.Value {
	if stdioFuncs[sym] {
		sym += lc.suffix
	}
	addr := lc.before(ir.OpAddr, ir.Ptr)
	addr.Sym = sym
	ci := &ir.CallInfo{Ret: ret, Lib: sym}
	for _, a := range args {
		ci.Params = append(ci.Params, ir.Param{Type: a.Type})
	}
	ci.NumFixed = len(ci.Params)
	c := lc.before(ir.OpCall, ret, append([]*ir.Value{addr}, args...)...)
	c.Call, c.Sym = ci, sym
	if lc.ctx.m.Externs == nil {
		lc.ctx.m.Externs = map[string]bool{}
	}
	if _, defined := lc.ctx.globals[sym]; !defined {
		lc.ctx.m.Externs[sym] = true
	}
	return c
}

// replaceCall replaces the call by a call of sym with args (same result type).
func (lc *libCall) replaceCall(sym string, args ...*ir.Value) {
	c := lc.call(sym, lc.v.Type, args...)
	if lc.v.Type == ir.Void {
		lc.remove()
		return
	}
	lc.resultValue(c)
}

// remove deletes a call whose result is unused (or void).
func (lc *libCall) remove() {
	lc.detach()
	lc.v.ResetArgs()
	if lc.v.Type == ir.Void {
		lc.b.Values = append(lc.b.Values[:lc.i], lc.b.Values[lc.i+1:]...)
		lc.i--
		return
	}
	lc.v.Op = ir.OpConst
	lc.v.AuxInt = 0
	lc.v.AuxFloat = 0
	if lc.v.Type.IsFloat() {
		lc.v.Op = ir.OpConstFloat
	}
}

// unused reports whether the call's result is unused.
func (lc *libCall) unused() bool { return lc.v.Uses == 0 }

// stringGlobal returns the address of a read-only global holding s and a NUL.
func (lc *libCall) stringGlobal(s []byte) *ir.Value {
	data := append(append([]byte(nil), s...), 0)
	var name string
	for _, g := range lc.ctx.m.Globals {
		if g.IsString && g.ReadOnly && g.Align == 1 && bytes.Equal(g.Data, data) {
			name = g.Name
			break
		}
	}
	if name == "" {
		for n := 0; ; n++ {
			name = fmt.Sprintf(".L.str.opt.%d", n)
			if lc.ctx.globals[name] == nil {
				break
			}
		}
		g := &ir.Global{Name: name, Linkage: ir.Internal, Size: int64(len(data)), Align: 1,
			Data: data, ReadOnly: true, IsString: true}
		lc.ctx.m.Globals = append(lc.ctx.m.Globals, g)
		lc.ctx.globals[name] = g
	}
	a := lc.before(ir.OpAddr, ir.Ptr)
	a.Sym = name
	return a
}

// loadByte is the byte at p as an unsigned char widened to t.
func (lc *libCall) loadByte(p *ir.Value, t ir.Type) *ir.Value {
	return lc.before(ir.OpZExt, t, lc.before(ir.OpLoad, ir.I8, p))
}

// onlyZeroTested reports whether every use of v compares it with zero (== 0, != 0,
// and for unsigned results < 1, >= 1, <= 0, > 0), so only its zero-ness matters.
func onlyZeroTested(v *ir.Value) bool {
	if v.Uses == 0 {
		return false
	}
	n := int32(0)
	for _, b := range v.Block.Func.Blocks {
		if b.Control == v {
			return false
		}
		for _, u := range b.Values {
			for j, a := range u.Args {
				if a != v {
					continue
				}
				if len(u.Args) != 2 {
					return false
				}
				c, w, ok := intConst(u.Args[1-j])
				if !ok {
					return false
				}
				c = sext(c, w)
				op := u.Op
				if j == 1 { // c op v: mirror
					switch op {
					case ir.OpLtU:
						op = ir.OpGtU
					case ir.OpGtU:
						op = ir.OpLtU
					case ir.OpLeU:
						op = ir.OpGeU
					case ir.OpGeU:
						op = ir.OpLeU
					}
				}
				switch {
				case (op == ir.OpEq || op == ir.OpNe) && c == 0:
				case (op == ir.OpLtU || op == ir.OpGeU) && c == 1:
				case (op == ir.OpLeU || op == ir.OpGtU) && c == 0:
				default:
					return false
				}
				n++
			}
		}
	}
	return n == v.Uses
}

// sign is -1, 0 or 1 for the comparison of a and b as unsigned char arrays (C11 7.24.4p1).
func sign(a, b []byte) int64 { return int64(bytes.Compare(a, b)) }

// strHasNoInnerNUL reports whether p is Addr(sym)+c of a constant string whose first
// NUL is the object's last byte; it returns the string length from p.
func (ctx *passContext) wholeString(p *ir.Value) (int64, bool) {
	sym, off, ok := symOffset(p)
	if !ok {
		return 0, false
	}
	g := ctx.readOnlyGlobal(sym)
	s, ok := ctx.constString(p)
	if g == nil || !ok || off+int64(len(s)) != g.Size-1 {
		return 0, false
	}
	return int64(len(s)), true
}

var libFolds map[string]func(*libCall)

func init() {
	libFolds = map[string]func(*libCall){
		"strlen":  foldStrlen,
		"strnlen": foldStrnlen,
		"strcmp":  func(lc *libCall) { foldStrcmp(lc, -1) },
		"strncmp": func(lc *libCall) {
			if n, ok := lc.intArg(2); ok {
				foldStrcmp(lc, n)
			}
		},
		"memcmp":  foldMemcmp,
		"bcmp":    foldMemcmp,
		"strchr":  func(lc *libCall) { foldStrchr(lc, false) },
		"index":   func(lc *libCall) { foldStrchr(lc, false) },
		"strrchr": func(lc *libCall) { foldStrchr(lc, true) },
		"rindex":  func(lc *libCall) { foldStrchr(lc, true) },
		"memchr":  foldMemchr,
		"strstr":  foldStrstr,
		"strpbrk": foldStrpbrk,
		"strspn":  func(lc *libCall) { foldSpan(lc, true) },
		"strcspn": func(lc *libCall) { foldSpan(lc, false) },
		"strcpy":  func(lc *libCall) { foldStrcpy(lc, false) },
		"stpcpy":  func(lc *libCall) { foldStrcpy(lc, true) },
		"strncpy": foldStrncpy,
		"strcat":  foldStrcat,
		"strncat": foldStrncat,
		"memcpy":  func(lc *libCall) { foldMemcpy(lc, false, false) },
		"mempcpy": func(lc *libCall) { foldMemcpy(lc, true, false) },
		"memmove": func(lc *libCall) { foldMemcpy(lc, false, true) },
		"bcopy":   foldBcopy,
		"printf":  foldPrintf,
		"fprintf": foldFprintf,
		"fputs":   foldFputs,
		"puts":    foldPuts,
		"sprintf": foldSprintf,
		// The checking variants (glibc's _FORTIFY_SOURCE entry points, gcc builtins)
		// print as the plain functions; constant formats without %n need no check.
		"__printf_chk":   withArgs(-2, []int{1}, foldPrintf),
		"__fprintf_chk":  withArgs(-3, []int{0, 2}, foldFprintf),
		"vprintf":        withArgs(2, []int{0}, plainFormat(0, foldPrintf)),
		"__vprintf_chk":  withArgs(3, []int{1}, plainFormat(0, foldPrintf)),
		"vfprintf":       withArgs(3, []int{0, 1}, plainFormat(1, foldFprintf)),
		"__vfprintf_chk": withArgs(4, []int{0, 2}, plainFormat(1, foldFprintf)),
		"floor":          foldNarrowMath,
		"ceil":           foldNarrowMath,
		"trunc":          foldNarrowMath,
		"round":          foldNarrowMath,
		"rint":           foldNarrowMath,
		"nearbyint":      foldNarrowMath,
	}
}

func foldStrlen(lc *libCall) {
	if lc.nargs() != 1 {
		return
	}
	p := lc.arg(0)
	if n, ok := lc.strlen(0); ok {
		lc.result(n)
		return
	}
	// strlen(s + k) for a constant s without embedded NUL: k must be in [0, len] for
	// the call to be defined, and then the result is len - k.
	if p.Op == ir.OpAdd && p.Type == ir.Ptr {
		if n, ok := lc.ctx.wholeString(p.Args[0]); ok && p.Args[1].Type.Size(lc.ctx.ptrSize) == lc.v.Type.Size(lc.ctx.ptrSize) {
			k := p.Args[1]
			if k.Type != lc.v.Type {
				return
			}
			lc.resultValue(lc.before(ir.OpSub, lc.v.Type, lc.iconst(lc.v.Type, n), k))
			return
		}
	}
	if onlyZeroTested(lc.v) {
		lc.resultValue(lc.loadByte(p, lc.v.Type))
	}
}

func foldStrnlen(lc *libCall) {
	if lc.nargs() != 2 {
		return
	}
	n, ok := lc.intArg(1)
	if !ok {
		// strnlen(s, n) of a string of known length L is min(n, L) (POSIX strnlen).
		if l, ok := lc.strlen(0); ok && lc.arg(1).Type == lc.v.Type {
			if l == 0 {
				lc.result(0)
				return
			}
			lv := lc.iconst(lc.v.Type, l)
			lt := lc.before(ir.OpLtU, ir.I32, lc.arg(1), lv)
			lc.resultValue(lc.before(ir.OpSelect, lc.v.Type, lt, lc.arg(1), lv))
		}
		return
	}
	if n == 0 {
		lc.result(0)
		return
	}
	if s, ok := lc.strlen(0); ok {
		if n < 0 || n > s { // n is a size_t: negative means huge
			n = s
		}
		lc.result(n)
	}
}

// foldStrcmp folds strcmp (n < 0) and strncmp (n >= 0).
func foldStrcmp(lc *libCall, n int64) {
	if lc.nargs() < 2 {
		return
	}
	if n == 0 || lc.arg(0) == lc.arg(1) {
		lc.result(0)
		return
	}
	a, okA := lc.str(0)
	b, okB := lc.str(1)
	cut := func(s []byte) []byte {
		if n >= 0 && int64(len(s)) > n {
			return s[:n]
		}
		return s
	}
	switch {
	case okA && okB:
		lc.result(sign(cut(a), cut(b)))
	case okB && len(b) == 0:
		// Compared with "": the first byte of a decides (C11 7.24.4.2).
		lc.resultValue(lc.loadByte(lc.arg(0), lc.v.Type))
	case okA && len(a) == 0:
		lc.resultValue(lc.before(ir.OpNeg, lc.v.Type, lc.loadByte(lc.arg(1), lc.v.Type)))
	case n == 1:
		lc.resultValue(lc.before(ir.OpSub, lc.v.Type, lc.loadByte(lc.arg(0), lc.v.Type), lc.loadByte(lc.arg(1), lc.v.Type)))
	}
}

func foldMemcmp(lc *libCall) {
	n, ok := lc.intArg(2)
	if !ok || n < 0 {
		return
	}
	if n == 0 || lc.arg(0) == lc.arg(1) {
		lc.result(0)
		return
	}
	a, okA := lc.ctx.readOnlyBytes(lc.arg(0), n)
	b, okB := lc.ctx.readOnlyBytes(lc.arg(1), n)
	switch {
	case okA && okB:
		lc.result(sign(a, b))
	case n == 1:
		lc.resultValue(lc.before(ir.OpSub, lc.v.Type, lc.loadByte(lc.arg(0), lc.v.Type), lc.loadByte(lc.arg(1), lc.v.Type)))
	case n <= 32 && lc.v.Type == ir.I32 && onlyZeroTested(lc.v):
		// Only equality matters: compare the bytes in 8/4/2/1-byte pieces and give a
		// nonzero result iff some piece differs.
		var diff *ir.Value
		for off := int64(0); off < n; {
			t := ir.I64
			switch {
			case n-off >= 8:
			case n-off >= 4:
				t = ir.I32
			case n-off >= 2:
				t = ir.I16
			default:
				t = ir.I8
			}
			x := lc.before(ir.OpLoad, t, lc.offset(lc.arg(0), off))
			y := lc.before(ir.OpLoad, t, lc.offset(lc.arg(1), off))
			d := lc.before(ir.OpXor, t, x, y)
			if t != ir.I64 {
				d = lc.before(ir.OpZExt, ir.I64, d)
			}
			if diff == nil {
				diff = d
			} else {
				diff = lc.before(ir.OpOr, ir.I64, diff, d)
			}
			off += int64(t.Size(8))
		}
		lc.resultValue(lc.before(ir.OpNe, ir.I32, diff, lc.iconst(ir.I64, 0)))
	}
}

// foldStrchr folds strchr/index (last false) and strrchr/rindex (last true).
func foldStrchr(lc *libCall, last bool) {
	c, okC := lc.intArg(1)
	s, okS := lc.str(0)
	if !okC || lc.nargs() != 2 {
		return
	}
	if !okS {
		// The terminating NUL is the only (and so the last) zero: s + strlen(s).
		if byte(c) == 0 {
			end := lc.call("strlen", lc.intptr(), lc.arg(0))
			lc.resultValue(lc.before(ir.OpAdd, ir.Ptr, lc.arg(0), end))
		}
		return
	}
	ch := byte(c) // converted to char (C11 7.24.5.2p2)
	full := append(append([]byte(nil), s...), 0)
	i := bytes.IndexByte(full, ch)
	if last {
		i = bytes.LastIndexByte(full, ch)
	}
	if i < 0 {
		lc.resultNull()
		return
	}
	lc.resultValue(lc.offset(lc.arg(0), int64(i)))
}

func foldMemchr(lc *libCall) {
	c, okC := lc.intArg(1)
	n, okN := lc.intArg(2)
	if !okC || !okN || n < 0 {
		return
	}
	if n == 0 {
		lc.resultNull()
		return
	}
	data, ok := lc.ctx.readOnlyBytes(lc.arg(0), n)
	if !ok {
		// The object may be shorter than n if c occurs before its end.
		s, okS := lc.str(0)
		if !okS {
			return
		}
		full := append(append([]byte(nil), s...), 0)
		if i := bytes.IndexByte(full, byte(c)); i >= 0 && int64(i) < n {
			lc.resultValue(lc.offset(lc.arg(0), int64(i)))
		}
		return
	}
	if i := bytes.IndexByte(data, byte(c)); i >= 0 {
		lc.resultValue(lc.offset(lc.arg(0), int64(i)))
	} else {
		lc.resultNull()
	}
}

func foldStrstr(lc *libCall) {
	needle, okN := lc.str(1)
	if !okN || lc.nargs() != 2 {
		return
	}
	if len(needle) == 0 {
		lc.resultValue(lc.arg(0))
		return
	}
	if hay, ok := lc.str(0); ok {
		if i := bytes.Index(hay, needle); i >= 0 {
			lc.resultValue(lc.offset(lc.arg(0), int64(i)))
		} else {
			lc.resultNull()
		}
		return
	}
	if len(needle) == 1 {
		lc.replaceCall("strchr", lc.arg(0), lc.iconst(ir.I32, int64(needle[0])))
	}
}

func foldStrpbrk(lc *libCall) {
	accept, okA := lc.str(1)
	if !okA || lc.nargs() != 2 {
		return
	}
	if len(accept) == 0 {
		lc.resultNull()
		return
	}
	if s, ok := lc.str(0); ok {
		if i := bytesIndexSet(s, accept); i >= 0 {
			lc.resultValue(lc.offset(lc.arg(0), int64(i)))
		} else {
			lc.resultNull()
		}
		return
	}
	if len(accept) == 1 {
		lc.replaceCall("strchr", lc.arg(0), lc.iconst(ir.I32, int64(accept[0])))
	}
}

// bytesIndexSet is the index of the first byte of s in set, or -1 (bytes, not runes).
func bytesIndexSet(s, set []byte) int {
	for i, c := range s {
		if bytes.IndexByte(set, c) >= 0 {
			return i
		}
	}
	return -1
}

// foldSpan folds strspn (accept true) and strcspn.
func foldSpan(lc *libCall, accept bool) {
	if lc.nargs() != 2 {
		return
	}
	s, okS := lc.str(0)
	set, okSet := lc.str(1)
	switch {
	case okS && okSet:
		n := 0
		for n < len(s) && (bytes.IndexByte(set, s[n]) >= 0) == accept {
			n++
		}
		lc.result(int64(n))
	case okS && len(s) == 0, accept && okSet && len(set) == 0:
		lc.result(0)
	case !accept && okSet && len(set) == 0:
		lc.replaceCall("strlen", lc.arg(0))
	}
}

// foldStrcpy folds strcpy and stpcpy (end true) of a constant string.
func foldStrcpy(lc *libCall, end bool) {
	if lc.nargs() != 2 {
		return
	}
	l, ok := lc.strlen(1)
	if !ok {
		if end && lc.unused() {
			lc.replaceCall("strcpy", lc.arg(0), lc.arg(1))
		}
		return
	}
	d := lc.arg(0)
	lc.copyBytes(d, lc.arg(1), l+1)
	if end {
		d = lc.offset(d, l)
	}
	lc.resultValue(d)
}

func foldStrncpy(lc *libCall) {
	n, ok := lc.intArg(2)
	if !ok || n < 0 {
		return
	}
	d := lc.arg(0)
	if n == 0 {
		lc.resultValue(d)
		return
	}
	l, ok := lc.strlen(1)
	if !ok {
		return
	}
	// Copies min(n, len+1) bytes of s, then pads with zeros to n (C11 7.24.2.4).
	k := min(n, l+1)
	lc.copyBytes(d, lc.arg(1), k)
	if n > k {
		z := lc.before(ir.OpZero, ir.Void, lc.offset(d, k))
		z.AuxInt = n - k
	}
	lc.resultValue(d)
}

func foldStrcat(lc *libCall) {
	if lc.nargs() != 2 {
		return
	}
	l, ok := lc.strlen(1)
	if !ok {
		return
	}
	d := lc.arg(0)
	if l > 0 {
		// strcat(d, s) is strcpy(d + strlen(d), s).
		end := lc.call("strlen", lc.intptr(), d)
		lc.copyBytes(lc.before(ir.OpAdd, ir.Ptr, d, end), lc.arg(1), l+1)
	}
	lc.resultValue(d)
}

func foldStrncat(lc *libCall) {
	if lc.nargs() != 3 {
		return
	}
	d := lc.arg(0)
	n, okN := lc.intArg(2)
	l, okS := lc.strlen(1)
	switch {
	case okN && n == 0, okS && l == 0:
		lc.resultValue(d)
	case okN && okS && n >= l:
		// Appends all of s and a NUL: strcat (C11 7.24.3.2).
		lc.replaceCall("strcat", d, lc.arg(1))
	}
}

// foldMemcpy folds memcpy, mempcpy (end) and memmove (move) of a constant length.
func foldMemcpy(lc *libCall, end, move bool) {
	if lc.nargs() != 3 {
		return
	}
	d, s := lc.arg(0), lc.arg(1)
	n, ok := lc.intArg(2)
	if !ok || n < 0 {
		if end && lc.unused() {
			lc.replaceCall("memcpy", d, s, lc.arg(2))
		}
		return
	}
	if move && n > 1 && !noOverlap(lc.ctx, d, s, n) {
		return
	}
	if move && n == 1 {
		// One byte: load it, then store it (overlap cannot matter).
		x := lc.before(ir.OpLoad, ir.I8, s)
		lc.before(ir.OpStore, ir.Void, d, x)
	} else if d != s {
		lc.copyBytes(d, s, n)
	}
	if end {
		d = lc.offset(d, n)
	}
	lc.resultValue(d)
}

// noOverlap reports whether n bytes at d (written) and at s cannot overlap: s is
// read-only data (which d, being written, is not), or they lie in different objects
// (pointer arithmetic stays inside its object, C11 6.5.6p8).
func noOverlap(ctx *passContext, d, s *ir.Value, n int64) bool {
	if _, ro := ctx.readOnlyBytes(s, n); ro {
		return true
	}
	bd, okD := baseObject(ctx, d)
	bs, okS := baseObject(ctx, s)
	return okD && okS && bd != bs
}

// baseObject names the object an address points into: a stack slot, an alloca, or a
// global that is not an alias (distinct symbols are distinct objects then).
func baseObject(ctx *passContext, p *ir.Value) (string, bool) {
	for {
		switch p.Op {
		case ir.OpAdd, ir.OpSub:
			if p.Type != ir.Ptr {
				return "", false
			}
			p = p.Args[0]
		case ir.OpCopyValue:
			p = p.Args[0]
		case ir.OpSlot:
			return fmt.Sprintf("slot %d", p.AuxInt), true
		case ir.OpAlloca:
			return fmt.Sprintf("alloca v%d", p.ID), true
		case ir.OpAddr:
			if g := ctx.globals[p.Sym]; g != nil && g.Alias == "" {
				return "@" + p.Sym, true
			}
			return "", false
		default:
			return "", false
		}
	}
}

// foldBcopy: bcopy(s, d, n) is memmove(d, s, n).
func foldBcopy(lc *libCall) {
	if lc.nargs() != 3 {
		return
	}
	s, d := lc.arg(0), lc.arg(1)
	n, ok := lc.intArg(2)
	switch {
	case ok && n == 0:
		lc.remove()
	case ok && n == 1:
		x := lc.before(ir.OpLoad, ir.I8, s)
		lc.before(ir.OpStore, ir.Void, d, x)
		lc.remove()
	case ok:
		if noOverlap(lc.ctx, d, s, n) {
			lc.copyBytes(d, s, n)
			lc.remove()
			return
		}
		fallthrough
	default:
		lc.replaceCallVoid("memmove", ir.Ptr, d, s, lc.arg(2))
	}
}

// constFormat returns the format string argument i and the arguments after it, with a
// "%s" format whose argument is a constant string replaced by that string.
func (lc *libCall) constFormat(i int) (fmtStr []byte, rest []*ir.Value, ok bool) {
	fs, ok := lc.str(i)
	if !ok {
		return nil, nil, false
	}
	for j := i + 1; j < lc.nargs(); j++ {
		rest = append(rest, lc.arg(j))
	}
	if string(fs) == "%s" && len(rest) == 1 {
		if s, ok := lc.ctx.constString(rest[0]); ok {
			return s, nil, true
		}
	}
	return fs, rest, true
}

func foldPrintf(lc *libCall) {
	if !lc.unused() || lc.nargs() < 1 {
		return
	}
	fs, rest, ok := lc.constFormat(0)
	if !ok {
		return
	}
	plain := bytes.IndexByte(fs, '%') < 0 && len(rest) == 0
	switch {
	case plain && len(fs) == 0:
		lc.remove()
	case plain && len(fs) == 1:
		lc.replaceCall("putchar", lc.iconst(ir.I32, int64(fs[0])))
	case plain && fs[len(fs)-1] == '\n':
		lc.replaceCall("puts", lc.stringGlobal(fs[:len(fs)-1]))
	case string(fs) == "%s\n" && len(rest) == 1 && rest[0].Type == ir.Ptr:
		lc.replaceCall("puts", rest[0])
	case string(fs) == "%c" && len(rest) == 1 && rest[0].Type == ir.I32:
		lc.replaceCall("putchar", rest[0])
	}
}

func foldFprintf(lc *libCall) {
	if !lc.unused() || lc.nargs() < 2 {
		return
	}
	fp := lc.arg(0)
	fs, rest, ok := lc.constFormat(1)
	if !ok {
		return
	}
	plain := bytes.IndexByte(fs, '%') < 0 && len(rest) == 0
	switch {
	case plain && len(fs) == 0:
		lc.remove()
	case plain:
		lc.replaceCall("fputs", lc.stringGlobal(fs), fp)
	case string(fs) == "%s" && len(rest) == 1 && rest[0].Type == ir.Ptr:
		lc.replaceCall("fputs", rest[0], fp)
	case string(fs) == "%c" && len(rest) == 1 && rest[0].Type == ir.I32:
		lc.replaceCall("fputc", rest[0], fp)
	}
}

func foldFputs(lc *libCall) {
	if !lc.unused() || lc.nargs() != 2 {
		return
	}
	l, ok := lc.strlen(0)
	if !ok {
		return
	}
	fp := lc.arg(1)
	switch l {
	case 0:
		lc.remove()
	case 1:
		lc.replaceCall("fputc", lc.loadByte(lc.arg(0), ir.I32), fp)
	default:
		one := lc.iconst(lc.intptr(), 1)
		lc.call("fwrite", lc.intptr(), lc.arg(0), one, lc.iconst(lc.intptr(), l), fp)
		lc.remove()
	}
}

func foldPuts(lc *libCall) {
	if s, ok := lc.str(0); ok && len(s) == 0 && lc.unused() {
		lc.replaceCall("putchar", lc.iconst(ir.I32, '\n'))
	}
}

func foldSprintf(lc *libCall) {
	if lc.nargs() < 2 {
		return
	}
	fs, rest, ok := lc.constFormat(1)
	if !ok {
		return
	}
	d := lc.arg(0)
	switch {
	case bytes.IndexByte(fs, '%') < 0 && len(rest) == 0:
		// The output is the format itself; the result its length (C11 7.21.6.6).
		src := lc.stringGlobal(fs)
		lc.copyBytes(d, src, int64(len(fs))+1)
		lc.result(int64(len(fs)))
	case string(fs) == "%s" && len(rest) == 1 && lc.unused():
		lc.replaceCallVoid("strcpy", ir.Ptr, d, rest[0])
	}
}

// replaceCallVoid replaces an unused call by a call of sym returning ret.
func (lc *libCall) replaceCallVoid(sym string, ret ir.Type, args ...*ir.Value) {
	lc.call(sym, ret, args...)
	lc.remove()
}

// foldNarrowMath: f((double)x) for float x, with f one of floor, ceil, trunc, round,
// rint, nearbyint, is (double)ff(x): the exact result is an integer of magnitude at
// most |x| (or x itself), representable as float, and rounding-mode dependent ones
// (rint, nearbyint) round the same way in either type.
func foldNarrowMath(lc *libCall) {
	if lc.nargs() != 1 || lc.v.Type != ir.F64 {
		return
	}
	x := lc.arg(0)
	if x.Op != ir.OpFConv || x.Args[0].Type != ir.F32 {
		return
	}
	r := lc.call(lc.v.Call.Lib+"f", ir.F32, x.Args[0])
	lc.resultValue(lc.before(ir.OpFConv, ir.F64, r))
}
