package parser

import (
	"math"
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"

	"gocc/ast"
	"gocc/lexer"
)

// numberLit classifies a pp-number (C11 6.4.8) as an integer constant (6.4.4.1) or a
// floating constant (6.4.4.2) and converts it. Invalid constants are reported and
// yield an IntLit with value 0, so parsing continues.
func (p *Parser) numberLit(t *lexer.Token) ast.Expr {
	s := t.Text
	hex := len(s) > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')
	isFloat := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '.' || (hex && (c == 'p' || c == 'P')) || (!hex && (c == 'e' || c == 'E')) {
			isFloat = true
			break
		}
	}
	if isFloat {
		return p.floatLit(t, hex)
	}
	return p.intLit(t)
}

// intLit converts an integer constant: decimal, octal (leading 0), hexadecimal (0x) or
// binary (0b, GNU), followed by a suffix made of at most one of u/U and one of l/L/ll/LL
// in either order (C11 6.4.4.1), and the GNU imaginary suffix i/j.
func (p *Parser) intLit(t *lexer.Token) ast.Expr {
	s := t.Text
	lit := &ast.IntLit{ExprBase: ast.ExprBase{Pos: t.Pos}, Text: s}
	base := uint64(10)
	digits := s
	switch {
	case len(s) > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'):
		base, digits = 16, s[2:]
	case len(s) > 1 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B'):
		base, digits = 2, s[2:]
	case len(s) > 1 && s[0] == '0':
		base, digits = 8, s[1:]
	}
	n := 0
	var v uint64
	overflow := false
	for ; n < len(digits); n++ {
		d := digitValue(digits[n])
		if base == 8 && (d == 8 || d == 9) {
			p.errorf(t.Pos, "invalid digit \"%c\" in octal constant", digits[n])
			return lit
		}
		if base == 2 && d >= 2 && d <= 9 {
			p.errorf(t.Pos, "invalid digit \"%c\" in binary constant", digits[n])
			return lit
		}
		if d >= base {
			break
		}
		hi, lo := bits.Mul64(v, base)
		lo, carry := bits.Add64(lo, d, 0)
		if hi != 0 || carry != 0 {
			overflow = true
		}
		v = lo
	}
	if n == 0 && base != 8 {
		p.errorf(t.Pos, "invalid suffix \"%s\" on integer constant", s[1:])
		return lit
	}
	suffix := digits[n:]
	if !parseIntSuffix(suffix, lit) {
		p.errorf(t.Pos, "invalid suffix \"%s\" on integer constant", suffix)
		return lit
	}
	if overflow {
		// A pedantic warning in gcc, which goes on with the value in the widest type.
		p.warnf(t.Pos, "integer constant is too large for its type")
		v = math.MaxUint64
		lit.Unsigned, lit.Longs = true, 2 // no second warning from sema's typing
	}
	lit.Value = v
	return lit
}

// digitValue returns the value of a hex digit, or 16 for anything else.
func digitValue(c byte) uint64 {
	switch {
	case c >= '0' && c <= '9':
		return uint64(c - '0')
	case c >= 'a' && c <= 'f':
		return uint64(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return uint64(c-'A') + 10
	}
	return 16
}

// parseIntSuffix decodes an integer suffix into lit; it reports false if invalid.
func parseIntSuffix(s string, lit *ast.IntLit) bool {
	for len(s) > 0 {
		switch {
		case s[0] == 'u' || s[0] == 'U':
			if lit.Unsigned {
				return false
			}
			lit.Unsigned = true
			s = s[1:]
		case strings.HasPrefix(s, "ll") || strings.HasPrefix(s, "LL"):
			if lit.Longs != 0 {
				return false
			}
			lit.Longs = 2
			s = s[2:]
		case s[0] == 'l' || s[0] == 'L':
			if lit.Longs != 0 {
				return false
			}
			lit.Longs = 1
			s = s[1:]
		case s[0] == 'i' || s[0] == 'j' || s[0] == 'I' || s[0] == 'J':
			if lit.Imag {
				return false
			}
			lit.Imag = true
			s = s[1:]
		default:
			return false
		}
	}
	return true
}

// floatLit converts a decimal or hexadecimal floating constant (C11 6.4.4.2) with an
// optional f/F/l/L suffix, gcc's _FloatN suffixes (f32, f64, f128, f32x, f64x; see
// floatSuffixes) and q/Q for __float128, and the GNU imaginary suffix i/j.
func (p *Parser) floatLit(t *lexer.Token, hex bool) ast.Expr {
	s := t.Text
	lit := &ast.FloatLit{ExprBase: ast.ExprBase{Pos: t.Pos}}
	// The numeric part ends at the first character that cannot belong to it.
	end := 0
	if hex {
		end = 2
	}
	// The exponent of a hexadecimal constant is decimal (C11 6.4.4.2p1), so once it
	// starts, 'f' is a suffix and not a digit: 0x1p100f is float.
	inExponent := false
	for end < len(s) {
		c := s[end]
		switch {
		case c >= '0' && c <= '9' || c == '.' && !inExponent:
		case hex && !inExponent && digitValue(c) < 16:
		case !inExponent && ((hex && (c == 'p' || c == 'P')) || (!hex && (c == 'e' || c == 'E'))):
			inExponent = true
			if end+1 < len(s) && (s[end+1] == '+' || s[end+1] == '-') {
				end++
			}
		default:
			goto done
		}
		end++
	}
done:
	num, suffix := s[:end], s[end:]
	lit.Text = num
	if !parseFloatSuffix(suffix, lit) {
		p.errorf(t.Pos, "invalid suffix \"%s\" on floating constant", suffix)
		return lit
	}
	if hex && !strings.ContainsAny(num, "pP") {
		p.errorf(t.Pos, "hexadecimal floating constants require an exponent")
		return lit
	}
	if last := num[len(num)-1]; last == 'e' || last == 'E' || last == 'p' || last == 'P' || last == '+' || last == '-' {
		p.errorf(t.Pos, "exponent has no digits")
		return lit
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			if math.IsInf(v, 0) && lit.Suffix != 'l' {
				p.warnf(t.Pos, "floating constant exceeds range of '%s'", map[byte]string{0: "double", 'f': "float"}[lit.Suffix])
			}
		} else {
			p.errorf(t.Pos, "invalid floating constant \"%s\"", s)
			return lit
		}
	}
	lit.Value = v
	return lit
}

// floatSuffixes are gcc's floating suffixes beyond f and l. The _FloatN types map onto
// the standard types (for now _Float64x, _Float128 and __float128 are long double,
// which is exact for _Float64x on x86 and approximate for the 128-bit formats).
var floatSuffixes = []struct {
	s      string
	suffix byte
}{
	{"f32x", 0}, {"F32x", 0}, {"f64x", 'l'}, {"F64x", 'l'},
	{"f128", 'l'}, {"F128", 'l'}, {"f32", 'f'}, {"F32", 'f'}, {"f64", 0}, {"F64", 0},
	{"f16", 'f'}, {"F16", 'f'}, // _Float16 is float for now, as its keyword (keywords.go)
	{"f", 'f'}, {"F", 'f'}, {"l", 'l'}, {"L", 'l'}, {"q", 'l'}, {"Q", 'l'},
}

func parseFloatSuffix(s string, lit *ast.FloatLit) bool {
	seenType := false
	for len(s) > 0 {
		if s[0] == 'i' || s[0] == 'j' || s[0] == 'I' || s[0] == 'J' {
			if lit.Imag {
				return false
			}
			lit.Imag = true
			s = s[1:]
			continue
		}
		matched := false
		for _, fs := range floatSuffixes {
			if strings.HasPrefix(s, fs.s) {
				if seenType {
					return false
				}
				seenType, matched = true, true
				lit.Suffix = fs.suffix
				s = s[len(fs.s):]
				break
			}
		}
		if !matched {
			return false
		}
	}
	return true
}

// literalPrefix splits a character or string literal's spelling into its encoding
// prefix and the part after the prefix (starting with the quote).
func literalPrefix(text string) (ast.StrPrefix, string) {
	switch {
	case strings.HasPrefix(text, "u8"):
		return ast.PrefixU8, text[2:]
	case strings.HasPrefix(text, "L"):
		return ast.PrefixL, text[1:]
	case strings.HasPrefix(text, "u"):
		return ast.Prefix16, text[1:]
	case strings.HasPrefix(text, "U"):
		return ast.Prefix32, text[1:]
	}
	return ast.PrefixNone, text
}

// unitBits is the width of one code unit of a literal with the prefix.
func unitBits(prefix ast.StrPrefix) uint {
	switch prefix {
	case ast.PrefixL, ast.Prefix32:
		return 32 // wchar_t is 32 bits on every gocc target (SysV psABIs)
	case ast.Prefix16:
		return 16
	}
	return 8
}

// decoder reads the body of a character or string literal, handling escape sequences
// (C11 6.4.4.4, plus GNU \e and \E). Each call to next yields one code point from the
// source (raw, to be encoded) or one code unit given by an octal/hex escape.
type decoder struct {
	p    *Parser
	tok  *lexer.Token
	s    string
	i    int
	bits uint
}

// next returns the next value and whether it is a code unit (numeric escape) rather
// than a code point.
func (d *decoder) next() (v uint32, unit bool) {
	c := d.s[d.i]
	if c != '\\' {
		r, size := utf8.DecodeRuneInString(d.s[d.i:])
		if r == utf8.RuneError && size == 1 {
			// Not UTF-8: pass the byte through unchanged.
			d.i++
			return uint32(c), true
		}
		d.i += size
		return uint32(r), false
	}
	d.i++
	if d.i >= len(d.s) {
		return '\\', false
	}
	c = d.s[d.i]
	d.i++
	switch c {
	case 'n':
		return '\n', false
	case 't':
		return '\t', false
	case 'v':
		return '\v', false
	case 'b':
		return '\b', false
	case 'r':
		return '\r', false
	case 'f':
		return '\f', false
	case 'a':
		return 7, false
	case 'e', 'E':
		return 27, false
	case '\\', '\'', '"', '?':
		return uint32(c), false
	case '0', '1', '2', '3', '4', '5', '6', '7':
		v := uint32(c - '0')
		for k := 0; k < 2 && d.i < len(d.s) && d.s[d.i] >= '0' && d.s[d.i] <= '7'; k++ {
			v = v*8 + uint32(d.s[d.i]-'0')
			d.i++
		}
		if d.bits < 32 && v >= 1<<d.bits {
			d.p.errorf(d.tok.Pos, "octal escape sequence out of range")
		}
		return v & d.mask(), true
	case 'x':
		start := d.i
		var v uint64
		for d.i < len(d.s) && digitValue(d.s[d.i]) < 16 {
			v = v<<4 | digitValue(d.s[d.i])
			if v > math.MaxUint32 {
				v = math.MaxUint64 // stays out of range
			}
			d.i++
		}
		if d.i == start {
			d.p.errorf(d.tok.Pos, "\\x used with no following hex digits")
			return 0, true
		}
		if v > uint64(d.mask()) {
			d.p.errorf(d.tok.Pos, "hex escape sequence out of range")
		}
		return uint32(v) & d.mask(), true
	case 'u', 'U':
		n := 4
		if c == 'U' {
			n = 8
		}
		var v uint32
		k := 0
		for ; k < n && d.i < len(d.s) && digitValue(d.s[d.i]) < 16; k++ {
			v = v<<4 | uint32(digitValue(d.s[d.i]))
			d.i++
		}
		if k < n {
			d.p.errorf(d.tok.Pos, "incomplete universal character name \\%c%s", c, d.s[d.i-k:d.i])
			return 0, false
		}
		// C11 6.4.3p2: UCNs below 0xA0 other than $ @ ` and surrogates are invalid.
		if (v < 0xA0 && v != '$' && v != '@' && v != '`') || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF {
			d.p.errorf(d.tok.Pos, "\\%c%0*x is not a valid universal character", c, n, v)
		}
		return v, false
	}
	d.p.warnf(d.tok.Pos, "unknown escape sequence: '\\%c'", c)
	return uint32(c), false
}

func (d *decoder) mask() uint32 {
	if d.bits >= 32 {
		return math.MaxUint32
	}
	return 1<<d.bits - 1
}

// charLit converts a character constant (C11 6.4.4.4). A plain constant with several
// characters is computed as gcc does: each char shifted in by 8 bits, truncated to int.
// A plain single-character constant has the value of that char converted to int; the
// parser assumes plain char is signed (as on x86), so sema must reinterpret the low 8
// bits for targets whose char is unsigned.
func (p *Parser) charLit(t *lexer.Token) ast.Expr {
	prefix, rest := literalPrefix(t.Text)
	lit := &ast.CharLit{ExprBase: ast.ExprBase{Pos: t.Pos}, Prefix: prefix}
	if len(rest) < 2 || rest[0] != '\'' || rest[len(rest)-1] != '\'' {
		p.errorf(t.Pos, "malformed character constant %s", t.Text)
		return lit
	}
	body := rest[1 : len(rest)-1]
	if body == "" {
		p.errorf(t.Pos, "empty character constant")
		return lit
	}
	bitsPerUnit := unitBits(prefix)
	d := &decoder{p: p, tok: t, s: body, bits: bitsPerUnit}
	if prefix == ast.PrefixNone || prefix == ast.PrefixU8 {
		// Narrow: code points outside ASCII contribute their UTF-8 bytes.
		var units []byte
		for d.i < len(body) {
			v, unit := d.next()
			if unit || v < 0x80 {
				units = append(units, byte(v))
			} else {
				units = utf8.AppendRune(units, rune(v))
			}
		}
		if prefix == ast.PrefixU8 {
			if len(units) > 1 {
				p.errorf(t.Pos, "character constant too long for its type")
			}
			lit.Value = int64(units[0])
			return lit
		}
		if len(units) > 4 {
			p.warnf(t.Pos, "character constant too long for its type")
		} else if len(units) > 1 {
			p.warnf(t.Pos, "multi-character character constant")
		}
		var v uint32
		for _, u := range units {
			v = v<<8 | uint32(u)
		}
		if len(units) == 1 {
			lit.Value = int64(int8(v))
		} else {
			lit.Value = int64(int32(v))
		}
		return lit
	}
	// Wide: one code unit; with several, gcc keeps the last and warns.
	var v uint32
	n := 0
	for d.i < len(body) {
		u, unit := d.next()
		if !unit && prefix == ast.Prefix16 && u > 0xFFFF {
			p.errorf(t.Pos, "character not encodable in a single code unit")
		}
		v = u & d.mask()
		n++
	}
	if n > 1 {
		p.warnf(t.Pos, "character constant too long for its type")
	}
	if prefix == ast.PrefixL {
		lit.Value = int64(int32(v)) // wchar_t is int on the SysV targets
	} else {
		lit.Value = int64(v)
	}
	return lit
}

// stringLits parses one or more adjacent string literals and concatenates them (C11
// 6.4.5p5, translation phase 6). If any literal has an encoding prefix the result has
// it; literals with two different prefixes cannot be concatenated (u8 with none is
// fine). Escapes are decoded per literal, into the result's encoding.
func (p *Parser) stringLits() *ast.StringLit {
	lit := &ast.StringLit{ExprBase: ast.ExprBase{Pos: p.tok.Pos}}
	start := p.pos
	// First pass: the common prefix.
	for i := start; i < len(p.toks) && p.toks[i].Kind == lexer.String; i = p.peekFrom(i) {
		pre, _ := literalPrefix(p.toks[i].Text)
		if pre == ast.PrefixNone {
			continue
		}
		if lit.Prefix != ast.PrefixNone && lit.Prefix != pre {
			p.errorf(p.toks[i].Pos, "unsupported non-standard concatenation of string literals")
			continue
		}
		lit.Prefix = pre
	}
	bitsPerUnit := unitBits(lit.Prefix)
	wide := bitsPerUnit > 8
	for p.tok.Kind == lexer.String {
		t := p.tok
		_, rest := literalPrefix(t.Text)
		if len(rest) < 2 || rest[0] != '"' || rest[len(rest)-1] != '"' {
			p.errorf(t.Pos, "malformed string literal %s", t.Text)
			p.next()
			continue
		}
		body := rest[1 : len(rest)-1]
		d := &decoder{p: p, tok: t, s: body, bits: bitsPerUnit}
		for d.i < len(body) {
			v, unit := d.next()
			switch {
			case !wide && (unit || v < 0x80):
				lit.Bytes = append(lit.Bytes, byte(v))
			case !wide:
				lit.Bytes = utf8.AppendRune(lit.Bytes, rune(v))
			case !unit && bitsPerUnit == 16 && v > 0xFFFF:
				v -= 0x10000
				lit.Wide = append(lit.Wide, 0xD800+(v>>10), 0xDC00+(v&0x3FF))
			default:
				lit.Wide = append(lit.Wide, v)
			}
		}
		p.next()
	}
	if !wide && lit.Bytes == nil {
		lit.Bytes = []byte{}
	}
	if wide && lit.Wide == nil {
		lit.Wide = []uint32{}
	}
	return lit
}

// peekFrom returns the index of the token after index i, skipping pragma lines.
func (p *Parser) peekFrom(i int) int {
	i++
	for i < len(p.toks) && (p.kws[i] == kwPragma || p.toks[i].Kind == lexer.Newline) {
		if p.kws[i] == kwPragma {
			i = p.pragmaEnd[i]
		} else {
			i++
		}
	}
	return i
}

// stringText parses adjacent narrow string literals and returns their bytes as a Go
// string (asm templates, constraints, attribute-free contexts).
func (p *Parser) stringText() string {
	if !p.at(lexer.String) {
		p.errorExpected("string literal")
		return ""
	}
	return string(p.stringLits().Bytes)
}
