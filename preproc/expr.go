package preproc

import (
	"strings"

	"gocc/diag"
	"gocc/lexer"
)

// Conditional-inclusion expressions (C11 6.10.1): integer constant expressions evaluated
// in intmax_t / uintmax_t (6.10.1p4), after macro expansion, with 'defined' and the
// __has_* operators evaluated first and every remaining identifier replaced by 0.

// ifOperator evaluates 'defined', __has_include and __has_include_next met while
// expanding a #if line; their operands are not macro-expanded (the other __has_*
// operators are built-in macros: expandBuiltin).
func (p *pp) ifOperator(in *input, t tok) (tok, bool) {
	num := func(v bool) (tok, bool) {
		s := "0"
		if v {
			s = "1"
		}
		return tok{Token: lexer.Token{Kind: lexer.Number, Text: s, Pos: t.Pos, Flags: t.Flags}}, true
	}
	// at is where gcc reports a missing token: at the token read instead, or past the
	// last one when the line ends.
	at := func(x, last tok) diag.Pos {
		if x.Kind != lexer.EOF {
			return x.Pos
		}
		return past(last)
	}
	switch t.Text {
	case "defined":
		n := p.read(in)
		paren := n.Kind == lexer.LParen
		if paren {
			open := n
			n = p.read(in)
			if n.Kind == lexer.EOF {
				n.Pos = at(n, open)
			}
		}
		if n.Kind != lexer.Ident {
			p.errorf(at(n, t), "operator \"defined\" requires an identifier")
			return num(false)
		}
		if paren {
			if r := p.read(in); r.Kind != lexer.RParen {
				p.errorf(at(r, n), "missing ')' after \"defined\"")
				p.unread(in, r)
			}
		}
		m := p.macros.lookup(n.Text)
		return num(m != nil && m.builtin != bPoisoned || isHasOperator(n.Text))
	case "__has_include", "__has_include_next":
	default:
		return t, false
	}
	if l := p.read(in); l.Kind != lexer.LParen {
		p.errorf(t.Pos, "missing '(' after \"%s\"", t.Text)
		p.unread(in, l)
		return num(false)
	}
	var operand []tok
	depth := 0
	for {
		x := p.read(in)
		if x.Kind == lexer.EOF {
			p.errorf(t.Pos, "missing ')' after \"%s\" operand", t.Text)
			p.unread(in, x)
			break
		}
		if x.Kind == lexer.LParen {
			depth++
		} else if x.Kind == lexer.RParen {
			if depth == 0 {
				break
			}
			depth--
		}
		operand = append(operand, x)
	}
	return num(p.hasInclude(t, operand, t.Text == "__has_include_next"))
}

// isHasOperator reports whether name is __has_include or __has_include_next, which
// #ifdef and defined see as defined though they are no macros (the other __has_*
// operators are built-in macros).
func isHasOperator(name string) bool {
	return name == "__has_include" || name == "__has_include_next"
}

// operandToken returns the next token of an operator's operand, macro-expanded (gcc
// reads the operands of __has_attribute and __has_builtin with cpp_get_token), and
// where a diagnostic about it points.
func (p *pp) operandToken(in *input, op tok) (tok, diag.Pos) {
	for {
		x := p.expandOne(in)
		if x.Kind == placemarker {
			continue
		}
		if x.Kind == lexer.EOF || !x.Pos.IsValid() {
			return x, op.Pos
		}
		return x, x.Pos
	}
}

// hasAttributeOperator evaluates __has_attribute (attr) or __has_c_attribute (attr)
// (std, C2x 6.10.1) after its name op, as gcc 12 does: the C2x standard attributes
// give the version of their specification (also through __has_attribute), a GNU
// attribute 1, as gnu::name too, and anything else 0. Names are taken without
// surrounding "__" (gcc's canonicalize_attr_name).
func (p *pp) hasAttributeOperator(in *input, op tok, std bool) int {
	x, at := p.operandToken(in, op)
	if x.Kind != lexer.LParen {
		p.errorf(at, "missing '(' after \"__has_attribute\"")
		return 0
	}
	x, at = p.operandToken(in, op)
	if x.Kind != lexer.Ident {
		p.errorf(at, "macro \"__has_attribute\" requires an identifier")
		return 0
	}
	name := canonicalAttribute(x.Text)
	result := 0
	x, at = p.operandToken(in, op)
	if x.Kind == lexer.Colon && p.scopeToken() {
		y, _ := p.operandToken(in, op)
		if y.Kind == lexer.Colon && y.Flags&lexer.SpaceBefore == 0 { // "::": a scoped name
			z, zat := p.operandToken(in, op)
			if z.Kind != lexer.Ident {
				p.errorf(zat, "attribute identifier required after scope")
				x, at = z, zat
			} else {
				if name == "gnu" && p.knownAttribute(canonicalAttribute(z.Text)) {
					result = 1
				}
				x, at = p.operandToken(in, op)
			}
		} else {
			p.unread(in, y)
		}
	} else {
		switch name {
		case "deprecated", "maybe_unused", "fallthrough":
			result = 201904
		case "nodiscard":
			result = 202003
		default:
			if !std && p.knownAttribute(name) {
				result = 1
			}
		}
	}
	if x.Kind != lexer.RParen {
		p.errorf(at, "missing ')' after \"__has_attribute\"")
	}
	return result
}

// scopeToken reports whether "::" is a token, as gcc has it in the GNU modes and C2x.
func (p *pp) scopeToken() bool {
	st := parseStd(p.cfg.Std)
	return !p.cfg.Assembler && (!st.strict || st.version == "202000L")
}

// canonicalAttribute is an attribute name without the "__" around it, if it has both.
func canonicalAttribute(name string) string {
	if len(name) > 4 && strings.HasPrefix(name, "__") && strings.HasSuffix(name, "__") {
		return name[2 : len(name)-2]
	}
	return name
}

// knownAttribute reports whether the rest of gocc accepts the GNU attribute name.
func (p *pp) knownAttribute(name string) bool {
	if p.cfg.HasAttribute != nil {
		return p.cfg.HasAttribute(name)
	}
	return knownAttributes[name]
}

// hasBuiltinOperator evaluates __has_builtin (name) after its name op, as gcc 12 does
// (its errors included): 1 for a builtin the compiler implements.
func (p *pp) hasBuiltinOperator(in *input, op tok) int {
	x, at := p.operandToken(in, op)
	if x.Kind != lexer.LParen {
		p.errorf(at, "missing '(' after \"__has_builtin\"")
		return 0
	}
	name := ""
	x, at = p.operandToken(in, op)
	if x.Kind == lexer.Ident {
		name = x.Text
		x, at = p.operandToken(in, op)
		if x.Kind != lexer.RParen {
			p.errorf(at, "expected ')' after \"%s\"", name)
			name = ""
		}
	} else {
		p.errorf(at, "macro \"__has_builtin\" requires an identifier")
		if x.Kind == lexer.RParen {
			return 0
		}
	}
	// The rest of the operand, up to its ')', is passed over.
	for depth := 1; ; x, _ = p.operandToken(in, op) {
		switch x.Kind {
		case lexer.LParen:
			depth++
		case lexer.RParen:
			depth--
		}
		if x.Kind == lexer.EOF || depth == 0 {
			break
		}
	}
	switch {
	case name == "":
		return 0
	case keywordBuiltins[name]:
		return 1
	case p.cfg.HasBuiltin != nil:
		if p.cfg.HasBuiltin(name) {
			return 1
		}
		return 0
	case knownBuiltins[name]:
		return 1
	}
	return 0
}

// keywordBuiltins are the builtins gocc's parser implements as syntax, for which gcc's
// __has_builtin also answers 1 (not __builtin_va_arg, __builtin_complex or
// __builtin_tgmath, for which gcc 12 answers 0).
var keywordBuiltins = map[string]bool{
	"__builtin_offsetof": true, "__builtin_types_compatible_p": true, "__builtin_choose_expr": true,
}

var knownAttributes = map[string]bool{
	"aligned": true, "packed": true, "noreturn": true, "unused": true, "used": true,
	"const": true, "pure": true, "noinline": true, "always_inline": true, "weak": true,
	"alias": true, "section": true, "visibility": true, "deprecated": true, "format": true,
	"format_arg": true, "nonnull": true, "malloc": true, "cold": true, "hot": true,
	"constructor": true, "destructor": true, "cleanup": true, "mode": true,
	"may_alias": true, "transparent_union": true, "warn_unused_result": true,
	"sentinel": true, "returns_nonnull": true, "noclone": true, "nothrow": true,
	"leaf": true, "fallthrough": true, "gnu_inline": true, "artificial": true,
	"vector_size": true, "alloc_size": true,
}

var knownBuiltins = map[string]bool{
	"__builtin_va_start": true, "__builtin_va_end": true,
	"__builtin_va_copy": true, "__builtin_expect": true,
	"__builtin_constant_p": true, "__builtin_types_compatible_p": true,
	"__builtin_unreachable": true, "__builtin_trap": true, "__builtin_alloca": true,
	"__builtin_memcpy": true, "__builtin_memset": true, "__builtin_strlen": true,
	"__builtin_huge_val": true, "__builtin_inf": true, "__builtin_nan": true,
	"__builtin_inff": true, "__builtin_nanf": true, "__builtin_huge_valf": true,
	"__builtin_clz": true, "__builtin_ctz": true, "__builtin_popcount": true,
	"__builtin_bswap16": true, "__builtin_bswap32": true, "__builtin_bswap64": true,
	"__builtin_add_overflow": true, "__builtin_sub_overflow": true, "__builtin_mul_overflow": true,
}

// ppValue is an intmax_t or uintmax_t value (C11 6.10.1p4).
type ppValue struct {
	v        uint64
	unsigned bool
}

type evaluator struct {
	p    *pp
	toks []tok
	i    int
	err  bool
	dir  tok
}

// evalIf evaluates the expression of #if or #elif.
func (p *pp) evalIf(dir tok, args []tok) bool {
	p.inIf = true
	toks := p.expandList(args, true)
	p.inIf = false
	if len(toks) == 0 {
		p.errorf(past(dir), "#%s with no expression", dir.Text) // past the directive's name
		return false
	}
	e := &evaluator{p: p, toks: toks, dir: dir}
	v := e.comma(true)
	if !e.err && e.i < len(e.toks) {
		e.errorf("missing binary operator before token \"%s\"", e.toks[e.i].Text)
	}
	return !e.err && v.v != 0
}

// errorf reports the first error of the expression at the token being read, or
// where the line ends.
func (e *evaluator) errorf(format string, args ...any) {
	pos := e.dir.Pos
	if e.i < len(e.toks) {
		pos = e.toks[e.i].Pos
	} else if n := len(e.toks); n > 0 && e.toks[n-1].Flags&(lexer.FromMacro|lexer.MacroArg) == 0 {
		pos = past(e.toks[n-1])
	}
	e.errorAt(pos, format, args...)
}

// errorAt reports the first error of the expression at pos.
func (e *evaluator) errorAt(pos diag.Pos, format string, args ...any) {
	if e.err {
		return
	}
	e.err = true
	e.p.errorf(pos, format, args...)
}

func (e *evaluator) peek() lexer.Kind {
	if e.i < len(e.toks) {
		return e.toks[e.i].Kind
	}
	return lexer.EOF
}

func (e *evaluator) comma(live bool) ppValue {
	v := e.cond(live)
	for e.peek() == lexer.Comma {
		e.i++
		v = e.cond(live)
	}
	return v
}

func (e *evaluator) cond(live bool) ppValue {
	c := e.binary(0, live)
	if e.peek() != lexer.Question {
		return c
	}
	e.i++
	a := e.comma(live && c.v != 0)
	if e.peek() != lexer.Colon {
		e.errorf("'?' without following ':'")
		return c
	}
	e.i++
	b := e.cond(live && c.v == 0)
	r := b
	if c.v != 0 {
		r = a
	}
	r.unsigned = a.unsigned || b.unsigned // usual arithmetic conversions (6.5.15p5)
	return r
}

// precedence of binary operators, higher binds tighter; 0 means not binary.
func precedence(k lexer.Kind) int {
	switch k {
	case lexer.OrOr:
		return 1
	case lexer.AndAnd:
		return 2
	case lexer.Or:
		return 3
	case lexer.Xor:
		return 4
	case lexer.Amp:
		return 5
	case lexer.EqEq, lexer.NotEq:
		return 6
	case lexer.Lt, lexer.Gt, lexer.Le, lexer.Ge:
		return 7
	case lexer.Shl, lexer.Shr:
		return 8
	case lexer.Plus, lexer.Minus:
		return 9
	case lexer.Star, lexer.Slash, lexer.Percent:
		return 10
	}
	return 0
}

func (e *evaluator) binary(minPrec int, live bool) ppValue {
	l := e.unary(live)
	for {
		op := e.peek()
		prec := precedence(op)
		if prec == 0 || prec <= minPrec {
			return l
		}
		opTok := e.toks[e.i]
		e.i++
		if e.peek() == lexer.EOF {
			e.errorf("operator '%s' has no right operand", opTok.Text)
			return l
		}
		rlive := live
		if op == lexer.AndAnd && l.v == 0 || op == lexer.OrOr && l.v != 0 {
			rlive = false
		}
		r := e.binary(prec, rlive)
		l = e.apply(op, opTok.Pos, l, r, live)
	}
}

func b2v(b bool) ppValue {
	if b {
		return ppValue{v: 1}
	}
	return ppValue{}
}

// apply performs the binary operator op, written at at, on l and r.
func (e *evaluator) apply(op lexer.Kind, at diag.Pos, l, r ppValue, live bool) ppValue {
	switch op {
	case lexer.OrOr:
		return b2v(l.v != 0 || r.v != 0)
	case lexer.AndAnd:
		return b2v(l.v != 0 && r.v != 0)
	case lexer.Shl, lexer.Shr:
		// The result has the left operand's type (6.5.7p3).
		n := r.v
		if !r.unsigned && int64(n) < 0 {
			n = -n
			if op == lexer.Shl {
				op = lexer.Shr
			} else {
				op = lexer.Shl
			}
		}
		if op == lexer.Shl {
			if n >= 64 {
				return ppValue{0, l.unsigned}
			}
			return ppValue{l.v << n, l.unsigned}
		}
		if l.unsigned {
			if n >= 64 {
				return ppValue{0, true}
			}
			return ppValue{l.v >> n, true}
		}
		if n >= 64 {
			n = 63
		}
		return ppValue{uint64(int64(l.v) >> n), false}
	}
	u := l.unsigned || r.unsigned
	switch op {
	case lexer.Or:
		return ppValue{l.v | r.v, u}
	case lexer.Xor:
		return ppValue{l.v ^ r.v, u}
	case lexer.Amp:
		return ppValue{l.v & r.v, u}
	case lexer.EqEq:
		return b2v(l.v == r.v)
	case lexer.NotEq:
		return b2v(l.v != r.v)
	case lexer.Lt, lexer.Gt, lexer.Le, lexer.Ge:
		var lt, eq bool
		if u {
			lt, eq = l.v < r.v, l.v == r.v
		} else {
			lt, eq = int64(l.v) < int64(r.v), l.v == r.v
		}
		switch op {
		case lexer.Lt:
			return b2v(lt)
		case lexer.Gt:
			return b2v(!lt && !eq)
		case lexer.Le:
			return b2v(lt || eq)
		}
		return b2v(!lt)
	case lexer.Plus:
		return ppValue{l.v + r.v, u}
	case lexer.Minus:
		return ppValue{l.v - r.v, u}
	case lexer.Star:
		return ppValue{l.v * r.v, u}
	case lexer.Slash, lexer.Percent:
		if r.v == 0 {
			if live {
				e.errorAt(at, "division by zero in #%s", e.dir.Text)
			}
			return ppValue{0, u}
		}
		if u {
			if op == lexer.Slash {
				return ppValue{l.v / r.v, true}
			}
			return ppValue{l.v % r.v, true}
		}
		a, b := int64(l.v), int64(r.v)
		if b == -1 {
			if op == lexer.Slash {
				return ppValue{uint64(-a), false}
			}
			return ppValue{0, false}
		}
		if op == lexer.Slash {
			return ppValue{uint64(a / b), false}
		}
		return ppValue{uint64(a % b), false}
	}
	return l
}

func (e *evaluator) unary(live bool) ppValue {
	switch op := e.peek(); op {
	case lexer.Plus, lexer.Minus, lexer.Tilde, lexer.Not:
		if e.i+1 == len(e.toks) {
			e.i++
			e.errorf("operator '%s' has no right operand", op)
			return ppValue{}
		}
	}
	switch e.peek() {
	case lexer.Plus:
		e.i++
		return e.unary(live)
	case lexer.Minus:
		e.i++
		v := e.unary(live)
		return ppValue{-v.v, v.unsigned}
	case lexer.Tilde:
		e.i++
		v := e.unary(live)
		return ppValue{^v.v, v.unsigned}
	case lexer.Not:
		e.i++
		return b2v(e.unary(live).v == 0)
	case lexer.LParen:
		open := e.toks[e.i]
		e.i++
		v := e.comma(live)
		if e.peek() != lexer.RParen {
			e.errorAt(open.Pos, "missing ')' in expression")
			return v
		}
		e.i++
		return v
	case lexer.Number:
		t := e.toks[e.i]
		e.i++
		v, ok := e.p.parseNumber(t)
		if !ok {
			e.i--
			e.err = true
		}
		return v
	case lexer.Char:
		t := e.toks[e.i]
		e.i++
		return e.p.charValue(t)
	case lexer.Ident:
		// Identifiers left after expansion, keywords included, are 0 (6.10.1p4).
		t := e.toks[e.i]
		e.i++
		if e.peek() == lexer.LParen && live {
			e.errorf("missing binary operator before token \"(\"")
			_ = t
		}
		return ppValue{}
	case lexer.EOF:
		e.errorf("#%s with no expression", e.dir.Text)
		return ppValue{}
	}
	e.errorf("token \"%s\" is not valid in preprocessor expressions", e.toks[e.i].Text)
	return ppValue{}
}

// parseNumber parses an integer constant (C11 6.4.4.1) in a #if expression.
func (p *pp) parseNumber(t tok) (ppValue, bool) {
	s := t.Text
	// The prefix and digits of the base (C11 6.4.4.1); the rest must be a suffix. As
	// in gcc, "0x" without a hex digit is the octal 0 with a suffix "x".
	base, i := 10, 0
	switch {
	case len(s) > 2 && s[0] == '0' && s[1]|0x20 == 'x' && isHexDigit(s[2]):
		base, i = 16, 2
	case len(s) > 2 && s[0] == '0' && s[1]|0x20 == 'b' && (s[2] == '0' || s[2] == '1'):
		base, i = 2, 2
	case s[0] == '0':
		base = 8
	}
	start := i
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || base == 16 && isHexDigit(s[i])) {
		i++
	}
	digits, suffix := s[start:i], s[i:]
	if strings.HasPrefix(suffix, ".") || base == 16 && len(suffix) > 0 && suffix[0]|0x20 == 'p' ||
		base != 16 && len(suffix) > 0 && suffix[0]|0x20 == 'e' {
		p.errorf(t.Pos, "floating constant in preprocessor expression")
		return ppValue{}, false
	}
	for _, c := range digits {
		if base == 8 && c > '7' || base == 2 && c > '1' {
			kind := map[int]string{8: "octal", 2: "binary"}[base]
			p.errorf(t.Pos, "invalid digit \"%c\" in %s constant", c, kind)
			return ppValue{}, false
		}
	}
	unsigned, ok := integerSuffix(suffix)
	if !ok {
		p.errorf(t.Pos, "invalid suffix \"%s\" on integer constant", suffix)
		return ppValue{}, false
	}
	var v uint64
	tooLarge := false
	for _, c := range digits {
		d := uint64(c - '0')
		if c > '9' {
			d = uint64(c|0x20-'a') + 10
		}
		if v > (1<<64-1-d)/uint64(base) {
			tooLarge = true
		}
		v = v*uint64(base) + d
	}
	if tooLarge {
		// gcc's pedwarn; the value wraps.
		p.warnf(t.Pos, "integer constant is too large for its type")
	}
	if !unsigned && v > 1<<63-1 {
		if base == 10 && !tooLarge {
			p.warnf(t.Pos, "integer constant is so large that it is unsigned")
		}
		unsigned = true
	}
	return ppValue{v, unsigned}, true
}

// integerSuffix reports whether s is an integer suffix (C11 6.4.4.1p1: u, l, ll in
// either order and case, not lL), and whether it makes the constant unsigned.
func integerSuffix(s string) (unsigned, ok bool) {
	lower := strings.ToLower(s)
	if strings.Contains(s, "lL") || strings.Contains(s, "Ll") {
		return false, false
	}
	switch lower {
	case "", "l", "ll":
		return false, true
	case "u", "ul", "lu", "ull", "llu":
		return true, true
	}
	return false, false
}

// charValue evaluates a character constant (C11 6.4.4.4) as gcc does: a plain one has
// type int with the value of char (signed or not per target), a multi-character one
// combines its chars big-endian into an int, L'x' has wchar_t's signedness, u'x' and
// U'x' are unsigned.
func (p *pp) charValue(t tok) ppValue {
	s := t.Text
	q := strings.IndexByte(s, '\'')
	prefix := s[:q]
	body := s[q+1 : len(s)-1]
	var vals []uint64
	for i := 0; i < len(body); {
		c := body[i]
		if c != '\\' || i+1 >= len(body) {
			vals = append(vals, uint64(c))
			i++
			continue
		}
		i++
		e := body[i]
		i++
		switch e {
		case 'n':
			vals = append(vals, '\n')
		case 't':
			vals = append(vals, '\t')
		case 'r':
			vals = append(vals, '\r')
		case 'a':
			vals = append(vals, 7)
		case 'b':
			vals = append(vals, 8)
		case 'f':
			vals = append(vals, 12)
		case 'v':
			vals = append(vals, 11)
		case 'e', 'E':
			vals = append(vals, 27)
		case 'x':
			var v uint64
			for i < len(body) && isHexDigit(body[i]) {
				v = v*16 + uint64(hexVal(body[i]))
				i++
			}
			vals = append(vals, v)
		case 'u', 'U':
			n := 4
			if e == 'U' {
				n = 8
			}
			var v uint64
			for k := 0; k < n && i < len(body); k++ {
				v = v*16 + uint64(hexVal(body[i]))
				i++
			}
			vals = append(vals, v)
		default:
			if e >= '0' && e <= '7' {
				v := uint64(e - '0')
				for k := 0; k < 2 && i < len(body) && body[i] >= '0' && body[i] <= '7'; k++ {
					v = v*8 + uint64(body[i]-'0')
					i++
				}
				vals = append(vals, v)
			} else {
				vals = append(vals, uint64(e))
			}
		}
	}
	if len(vals) == 0 {
		return ppValue{}
	}
	switch prefix {
	case "L":
		v := vals[len(vals)-1]
		bits := uint(p.tgt.WCharSize * 8)
		v &= 1<<bits - 1
		if p.tgt.WCharSigned && bits < 64 && v&(1<<(bits-1)) != 0 {
			v |= ^uint64(0) << bits
		}
		return ppValue{v, false}
	case "u", "U", "u8":
		return ppValue{vals[len(vals)-1], false}
	}
	signed := p.tgt.CharSigned
	if p.cfg.UnsignedChar {
		signed = false
	} else if p.cfg.SignedChar {
		signed = true
	}
	if len(vals) == 1 {
		v := vals[0] & 0xff
		if signed && v >= 0x80 {
			v |= ^uint64(0xff)
		}
		return ppValue{v, false}
	}
	var v uint32
	for _, c := range vals {
		v = v<<8 | uint32(c&0xff)
	}
	return ppValue{uint64(int64(int32(v))), false}
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'f'
}

func hexVal(c byte) int {
	if c <= '9' {
		return int(c - '0')
	}
	return int(c|0x20-'a') + 10
}
