package lexer

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unsafe"

	"gocc/diag"
)

// Tokenize performs translation phases 1-3 (C11 5.1.1.2) on f and returns its
// preprocessing tokens, ending with an EOF token.
//
//   - Phase 1: trigraphs are not replaced (gcc's default outside strict ISO modes).
//   - Phase 2: every backslash-newline is deleted (a line splice). Positions still name the
//     physical line and column where each token starts.
//   - Phase 3: the text is split into preprocessing tokens (C11 6.4); each comment becomes
//     one space (C11 5.1.1.2p1.3, 6.4.9). Newlines are not returned as tokens: the first
//     token of each logical line carries StartOfLine, and a token preceded by white space
//     or a comment carries SpaceBefore.
//
// After a '#' that starts a line followed by include, include_next or import, a
// <...> sequence is lexed as one HeaderName token (C11 6.4.7p1).
//
// Errors (an unterminated comment) are reported to diags. An unterminated character
// constant or string literal becomes an Other token holding the rest of the line, as gcc
// does, because in a skipped #if group it must not be an error (C11 6.10p4 lets the
// group hold any text); the parser diagnoses the Other token if it ever gets there.
func Tokenize(f *diag.File, diags *diag.List) []Token {
	return TokenizeWith(f, diags, Options{})
}

// Options select the lexing variants of TokenizeWith.
type Options struct {
	// Asm: assembler-with-cpp (.S) sources, where '$' is not an identifier character,
	// as in gcc, so "$CONST" is '$' and a macro name ("movl $RET, %eax" expands RET).
	Asm bool
	// NoDigraphs: "<:" and the other digraphs (C11 6.4.6p3) are two punctuators, as
	// in C90 (gcc -std=c90) and in assembler-with-cpp, where they never are digraphs.
	NoDigraphs bool
	// Trigraphs: replace the nine trigraphs first (C11 5.2.1.1; gcc does it with
	// -trigraphs and the strict -std= modes).
	Trigraphs bool
	// KeepComments: a Scanner returns each comment as a Comment token, spelled as
	// written (line splices removed), for gcc's -C. The comment does not count as white
	// space: the token after it has SpaceBefore only if white space follows the
	// comment, and a comment that starts a line takes StartOfLine from the token after
	// it (so "/* c */ #define" is no directive, as in gcc -C). SkipLine still passes
	// over comments.
	KeepComments bool
}

// TokenizeAsm is Tokenize for assembler-with-cpp sources (Options.Asm).
func TokenizeAsm(f *diag.File, diags *diag.List) []Token {
	return TokenizeWith(f, diags, Options{Asm: true})
}

// TokenizeWith is Tokenize with the variants opts selects.
func TokenizeWith(f *diag.File, diags *diag.List, opts Options) []Token {
	text := Prepare(f, opts)
	sc := NewScanner(f, text, diags, opts)
	toks := make([]Token, 0, len(text.src)/4+16)
	for {
		t := sc.Next()
		toks = append(toks, t)
		if t.Kind == EOF {
			return toks
		}
	}
}

// trigraphs maps the third character of each trigraph "??x" to its replacement.
var trigraphs = map[byte]byte{'=': '#', '(': '[', '/': '\\', ')': ']', '\'': '^', '<': '{', '!': '|', '>': '}', '-': '~'}

// replaceTrigraphs replaces the trigraph sequences of src (translation phase 1, before
// line splicing, so "??/" followed by a newline splices the line). Columns after a
// trigraph in diagnostics are then two less per trigraph before them on the line.
func replaceTrigraphs(src []byte) []byte {
	if !bytes.Contains(src, []byte("??")) {
		return src
	}
	out := make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		if src[i] == '?' && i+2 < len(src) && src[i+1] == '?' {
			if r, ok := trigraphs[src[i+2]]; ok {
				out = append(out, r)
				i += 2
				continue
			}
		}
		out = append(out, src[i])
	}
	return out
}

// TokenizeString lexes text as a file of its own called name (used for -D values,
// _Pragma operands and built-in text). Every token is positioned at pos when pos is valid,
// so diagnostics point at the command line or the _Pragma; otherwise at the new file.
func TokenizeString(name, text string, pos diag.Pos, diags *diag.List) []Token {
	f := &diag.File{Name: name, Contents: []byte(text)}
	toks := Tokenize(f, diags)
	if pos.IsValid() {
		for i := range toks {
			toks[i].Pos = pos
		}
	}
	return toks
}

// spliceMark records one deleted backslash-newline: the offset in the spliced text where
// it was, and the physical line it ended (so the following text is on line+1).
type spliceMark struct {
	at   int
	line int32
}

// splice deletes backslash-newline pairs (and backslash-CR-LF) from src. It returns the
// text as a string and the splice marks, empty (and src itself, not copied) when the
// file has none.
func splice(src []byte) (string, []spliceMark) {
	spliceAt := func(i int) int { // length of the splice at src[i] == '\\', or 0
		if i+1 < len(src) && src[i+1] == '\n' {
			return 2
		}
		if i+2 < len(src) && src[i+1] == '\r' && src[i+2] == '\n' {
			return 3
		}
		return 0
	}
	first := -1
	for i := 0; i < len(src); {
		j := bytes.IndexByte(src[i:], '\\')
		if j < 0 {
			break
		}
		if spliceAt(i+j) > 0 {
			first = i + j
			break
		}
		i += j + 1
	}
	if first < 0 {
		// No copy: a diag.File's contents are never written (see diag.File).
		return unsafe.String(unsafe.SliceData(src), len(src)), nil
	}
	out := make([]byte, 0, len(src))
	var marks []spliceMark
	line := int32(1)
	// Copy the text between splices in runs, counting its newlines.
	for i := 0; i < len(src); {
		j := bytes.IndexByte(src[i:], '\\')
		if j < 0 {
			out = append(out, src[i:]...)
			break
		}
		run := src[i : i+j]
		line += int32(bytes.Count(run, []byte{'\n'}))
		out = append(out, run...)
		i += j
		if n := spliceAt(i); n > 0 {
			marks = append(marks, spliceMark{len(out), line})
			line++
			i += n
			continue
		}
		out = append(out, '\\')
		i++
	}
	return string(out), marks
}

type lexer struct {
	src       string
	file      *diag.File
	diags     *diag.List
	splices   []spliceMark
	noDollar  bool // '$' is no identifier character (TokenizeAsm)
	noDigraph bool // digraphs are not recognized (Options.NoDigraphs, assembler)
	ucn       bool // the identifier just lexed holds a universal character name

	pos       int   // next byte
	line      int32 // logical line number (newlines seen in the spliced text) + 1
	lineStart int   // offset of the current logical line's first byte
}

// position maps a spliced-text offset to the physical line and column.
func (lx *lexer) position(off int) diag.Pos {
	if lx.splices == nil {
		return diag.Pos{File: lx.file, Line: lx.line, Col: int32(off-lx.lineStart) + 1}
	}
	// Number of splices before off: each adds one physical line.
	n := sort.Search(len(lx.splices), func(i int) bool { return lx.splices[i].at > off })
	line := lx.line + int32(n)
	start := lx.lineStart
	if n > 0 && lx.splices[n-1].at > start {
		start = lx.splices[n-1].at
	}
	return diag.Pos{File: lx.file, Line: line, Col: int32(off-start) + 1}
}

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$' || c >= 0x80
}

func isIdentChar(c byte) bool {
	return isIdentStart(c) || c >= '0' && c <= '9'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// ucnLen returns the length of a universal character name (C11 6.4.3) at src[i:], or 0.
func ucnLen(src string, i int) int {
	if i+1 >= len(src) || src[i] != '\\' {
		return 0
	}
	n := 0
	switch src[i+1] {
	case 'u':
		n = 4
	case 'U':
		n = 8
	default:
		return 0
	}
	if i+2+n > len(src) {
		return 0
	}
	for k := 0; k < n; k++ {
		if !isHex(src[i+2+k]) {
			return 0
		}
	}
	return 2 + n
}

// canonicalUCN spells every universal character name of an identifier as gcc does,
// "\U" and eight lower-case hex digits, so that "\u00C1" and "\U000000c1" are one
// identifier (C11 6.4.2.1p3, 6.4.3) in macro names and -E output alike.
func canonicalUCN(id string) string {
	var b strings.Builder
	for i := 0; i < len(id); {
		if n := ucnLen(id, i); n > 0 {
			v, _ := strconv.ParseUint(id[i+2:i+n], 16, 32)
			fmt.Fprintf(&b, "\\U%08x", v)
			i += n
			continue
		}
		b.WriteByte(id[i])
		i++
	}
	return b.String()
}

// DecodeUCN returns an identifier with its universal character names (as
// canonicalUCN spells them) replaced by UTF-8, the name the compiler proper and the
// assembler use: "\U000000c1" and "Á" are the same identifier.
func DecodeUCN(id string) string {
	if strings.IndexByte(id, '\\') < 0 {
		return id
	}
	var b strings.Builder
	for i := 0; i < len(id); {
		if n := ucnLen(id, i); n > 0 {
			v, _ := strconv.ParseUint(id[i+2:i+n], 16, 32)
			b.WriteRune(rune(v))
			i += n
			continue
		}
		b.WriteByte(id[i])
		i++
	}
	return b.String()
}

// One lexes text as a single preprocessing token (the result of the ## operator, C11
// 6.10.3.3p3): its kind and spelling as Next gives them. ok is false when text is not
// exactly one token: empty, holding white space or a comment, or several tokens.
func One(text string, opts Options) (kind Kind, spelling string, ok bool) {
	if text == "" {
		return EOF, "", false
	}
	switch c := text[0]; {
	case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
		return EOF, "", false
	case c == '/' && len(text) > 1 && (text[1] == '*' || text[1] == '/'):
		return EOF, "", false
	}
	lx := lexer{src: text, noDollar: opts.Asm, noDigraph: opts.Asm || opts.NoDigraphs}
	kind = lx.next(false)
	if lx.pos != len(text) {
		return kind, "", false
	}
	spelling = text
	if kind.IsPunct() {
		spelling = kindNames[kind]
	} else if kind == Ident && lx.ucn {
		spelling = canonicalUCN(text)
	}
	return kind, spelling, true
}

// Text is a file after translation phases 1 and 2 (trigraphs when asked for, line
// splices), ready to be scanned any number of times: the preprocessor prepares each
// file once and scans it again at every inclusion.
type Text struct {
	src     string
	splices []spliceMark
}

// Prepare performs phases 1 and 2 on f's contents.
func Prepare(f *diag.File, opts Options) *Text {
	text := f.Contents
	if opts.Trigraphs {
		text = replaceTrigraphs(text)
	}
	src, marks := splice(text)
	return &Text{src: src, splices: marks}
}

// Scanner returns the preprocessing tokens of a prepared file one at a time (phase 3
// on demand), so the preprocessor holds no token array per file and passes over the
// lines of a skipped group (C11 6.10.1p6) without making tokens of them (SkipLine).
// Tokens are as Tokenize makes them.
type Scanner struct {
	lx           lexer
	flags        Flags // flags of the next token so far (SpaceBefore, StartOfLine)
	keepComments bool
	// Directive state for header names: 0 none, 1 saw '#' at line start, 2 saw include.
	dirState int
}

// NewScanner starts scanning text, the prepared contents of f (positions name f).
func NewScanner(f *diag.File, text *Text, diags *diag.List, opts Options) *Scanner {
	return &Scanner{
		lx: lexer{src: text.src, file: f, diags: diags, splices: text.splices, noDollar: opts.Asm,
			noDigraph: opts.Asm || opts.NoDigraphs, line: 1},
		flags:        StartOfLine,
		keepComments: opts.KeepComments,
	}
}

// Next returns the next token; at the end of the text, an EOF token (every time).
func (sc *Scanner) Next() Token {
	lx := &sc.lx
	src := lx.src
	// Skip white space and comments.
	for lx.pos < len(src) {
		c := src[lx.pos]
		switch {
		case c == '\n':
			lx.newline(lx.pos)
			lx.pos++
			sc.flags = StartOfLine
			sc.dirState = 0
			continue
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			lx.pos++
			sc.flags |= SpaceBefore
			continue
		case c == '/' && lx.pos+1 < len(src) && (src[lx.pos+1] == '*' || src[lx.pos+1] == '/'):
			start := lx.pos
			pos := lx.position(start)
			if src[lx.pos+1] == '*' {
				lx.blockComment()
			} else {
				lx.lineComment()
			}
			if sc.keepComments {
				tok := Token{Kind: Comment, Flags: sc.flags, Text: src[start:lx.pos], Pos: pos}
				sc.flags = 0
				return tok
			}
			sc.flags |= SpaceBefore
			continue
		}
		break
	}
	flags := sc.flags
	if lx.pos >= len(src) {
		return Token{Kind: EOF, Flags: flags | StartOfLine, Pos: lx.position(lx.pos)}
	}
	start := lx.pos
	pos := lx.position(start)
	kind := lx.next(sc.dirState == 2)
	tok := Token{Kind: kind, Flags: flags, Text: src[start:lx.pos], Pos: pos}
	if kind.IsPunct() {
		if len(tok.Text) != len(kindNames[kind]) {
			tok.Flags |= Digraph // (a spliced or trigraph spelling was made plain before)
		}
		tok.Text = kindNames[kind]
	}
	if kind == Ident && lx.ucn {
		tok.Text = canonicalUCN(tok.Text)
	}
	switch {
	case kind == Hash && flags&StartOfLine != 0:
		sc.dirState = 1
	case sc.dirState == 1 && kind == Ident && (tok.Text == "include" || tok.Text == "include_next" || tok.Text == "import"):
		sc.dirState = 2
	default:
		sc.dirState = 0
	}
	sc.flags = 0
	return tok
}

// SkipLine passes over the rest of the current logical line without making tokens: the
// next token is the first of the following line. Comments are skipped as Next skips
// them (one may run over several lines, which then belong to this one), and a quote
// starts a literal that ends at its closing quote or at the end of the line, so a quote
// or comment delimiter inside a literal is text.
func (sc *Scanner) SkipLine() {
	lx := &sc.lx
	src := lx.src
	for lx.pos < len(src) {
		switch c := src[lx.pos]; c {
		case '\n':
			lx.newline(lx.pos)
			lx.pos++
			sc.flags = StartOfLine
			sc.dirState = 0
			return
		case '/':
			if lx.pos+1 < len(src) && src[lx.pos+1] == '*' {
				lx.blockComment()
			} else if lx.pos+1 < len(src) && src[lx.pos+1] == '/' {
				lx.lineComment()
			} else {
				lx.pos++
			}
		case '"', '\'':
			lx.pos = skipQuoted(src, lx.pos)
		default:
			// Nothing else matters until a newline, a comment or a quote.
			i := lx.pos + 1
			for i < len(src) && !lineSpecial[src[i]] {
				i++
			}
			lx.pos = i
		}
	}
}

// lineSpecial marks the bytes SkipLine stops at.
var lineSpecial = [256]bool{'\n': true, '/': true, '"': true, '\'': true}

// newline records the newline at offset i.
func (lx *lexer) newline(i int) {
	lx.line++
	lx.lineStart = i + 1
}

// blockComment passes over the comment starting at lx.pos ("/*"), counting its lines.
func (lx *lexer) blockComment() {
	src := lx.src
	start := lx.pos
	end := len(src)
	if i := strings.Index(src[start+2:], "*/"); i >= 0 {
		end = start + 2 + i + 2
	} else {
		lx.diags.Errorf(lx.position(start), "unterminated comment")
	}
	body := src[start:end]
	if n := strings.Count(body, "\n"); n > 0 {
		lx.line += int32(n)
		lx.lineStart = start + strings.LastIndexByte(body, '\n') + 1
	}
	lx.pos = end
}

// lineComment passes over a "//" comment up to (not including) its newline.
func (lx *lexer) lineComment() {
	if i := strings.IndexByte(lx.src[lx.pos:], '\n'); i >= 0 {
		lx.pos += i
	} else {
		lx.pos = len(lx.src)
	}
}

// skipQuoted returns the offset after the literal whose opening quote is at src[i]: past
// its closing quote, or at the newline (or end) that leaves it unterminated.
func skipQuoted(src string, i int) int {
	q := src[i]
	i++
	for i < len(src) && src[i] != q && src[i] != '\n' {
		if src[i] == '\\' && i+1 < len(src) && src[i+1] != '\n' {
			i++
		}
		i++
	}
	if i < len(src) && src[i] == q {
		i++
	}
	return i
}

// next lexes one token starting at lx.pos (not white space) and advances past it.
func (lx *lexer) next(headerName bool) Kind {
	src := lx.src
	i := lx.pos
	c := src[i]

	if headerName && c == '<' {
		for j := i + 1; j < len(src) && src[j] != '\n'; j++ {
			if src[j] == '>' {
				lx.pos = j + 1
				return HeaderName
			}
		}
	}

	// Encoding prefixes of character constants and string literals (C11 6.4.4.4, 6.4.5).
	if c == 'L' || c == 'U' || c == 'u' {
		j := i + 1
		if c == 'u' && j < len(src) && src[j] == '8' {
			j++
		}
		if j < len(src) && (src[j] == '"' || src[j] == '\'' && j == i+1 || src[j] == '\'' && c == 'u') {
			lx.pos = j
			return lx.quoted(i)
		}
	}

	switch {
	case isIdentStart(c) && !(lx.noDollar && c == '$') || c == '\\' && ucnLen(src, i) > 0:
		lx.ucn = false
		for i < len(src) {
			if isIdentChar(src[i]) && !(lx.noDollar && src[i] == '$') {
				i++
			} else if n := ucnLen(src, i); n > 0 {
				i += n
				lx.ucn = true
			} else {
				break
			}
		}
		lx.pos = i
		return Ident
	case isDigit(c) || c == '.' && i+1 < len(src) && isDigit(src[i+1]):
		// pp-number (C11 6.4.8): digit or .digit, then digits, identifier-nondigits,
		// '.', and e+ e- E+ E- p+ p- P+ P-.
		i++
		for i < len(src) {
			d := src[i]
			if (d == '+' || d == '-') && (src[i-1]|0x20 == 'e' || src[i-1]|0x20 == 'p') {
				i++
			} else if isIdentChar(d) && !(lx.noDollar && d == '$') || d == '.' {
				i++
			} else if n := ucnLen(src, i); n > 0 {
				i += n
			} else {
				break
			}
		}
		lx.pos = i
		return Number
	case c == '"' || c == '\'':
		return lx.quoted(i)
	}
	return lx.punct()
}

// quoted lexes a character constant or string literal whose prefix starts at start and
// whose opening quote is at lx.pos.
func (lx *lexer) quoted(start int) Kind {
	src := lx.src
	q := src[lx.pos]
	i := lx.pos + 1
	for i < len(src) && src[i] != q && src[i] != '\n' {
		if src[i] == '\\' && i+1 < len(src) && src[i+1] != '\n' {
			i++
		}
		i++
	}
	if i >= len(src) || src[i] != q {
		// Unterminated: the rest of the line is one Other token (see Tokenize).
		lx.pos = i
		return Other
	}
	lx.pos = i + 1
	if q == '"' {
		return String
	}
	return Char
}

// punct lexes a punctuator (C11 6.4.6), digraphs included, or a stray character.
func (lx *lexer) punct() Kind {
	src := lx.src
	i := lx.pos
	c := src[i]
	at := func(k int) byte {
		if i+k < len(src) {
			return src[i+k]
		}
		return 0
	}
	n, k := 1, Other
	switch c {
	case '[':
		k = LBrack
	case ']':
		k = RBrack
	case '(':
		k = LParen
	case ')':
		k = RParen
	case '{':
		k = LBrace
	case '}':
		k = RBrace
	case '~':
		k = Tilde
	case '?':
		k = Question
	case ';':
		k = Semi
	case ',':
		k = Comma
	case '.':
		k = Dot
		if at(1) == '.' && at(2) == '.' {
			n, k = 3, Ellipsis
		}
	case '-':
		switch at(1) {
		case '>':
			n, k = 2, Arrow
		case '-':
			n, k = 2, Dec
		case '=':
			n, k = 2, SubAssign
		default:
			k = Minus
		}
	case '+':
		switch at(1) {
		case '+':
			n, k = 2, Inc
		case '=':
			n, k = 2, AddAssign
		default:
			k = Plus
		}
	case '&':
		switch at(1) {
		case '&':
			n, k = 2, AndAnd
		case '=':
			n, k = 2, AndAssign
		default:
			k = Amp
		}
	case '|':
		switch at(1) {
		case '|':
			n, k = 2, OrOr
		case '=':
			n, k = 2, OrAssign
		default:
			k = Or
		}
	case '*':
		k = Star
		if at(1) == '=' {
			n, k = 2, MulAssign
		}
	case '/':
		k = Slash
		if at(1) == '=' {
			n, k = 2, DivAssign
		}
	case '^':
		k = Xor
		if at(1) == '=' {
			n, k = 2, XorAssign
		}
	case '!':
		k = Not
		if at(1) == '=' {
			n, k = 2, NotEq
		}
	case '=':
		k = Assign
		if at(1) == '=' {
			n, k = 2, EqEq
		}
	case ':':
		k = Colon
		if at(1) == '>' && !lx.noDigraph { // digraph :>
			n, k = 2, RBrack
		}
	case '#':
		k = Hash
		if at(1) == '#' {
			n, k = 2, HashHash
		}
	case '%':
		switch {
		case at(1) == '=':
			n, k = 2, ModAssign
		case at(1) == '>' && !lx.noDigraph: // digraph %>
			n, k = 2, RBrace
		case at(1) == ':' && !lx.noDigraph: // digraphs %: and %:%:
			if at(2) == '%' && at(3) == ':' {
				n, k = 4, HashHash
			} else {
				n, k = 2, Hash
			}
		default:
			k = Percent
		}
	case '<':
		switch at(1) {
		case '<':
			k, n = Shl, 2
			if at(2) == '=' {
				n, k = 3, ShlAssign
			}
		case '=':
			n, k = 2, Le
		case ':', '%':
			if lx.noDigraph {
				k = Lt
			} else if at(1) == ':' { // digraph <:
				n, k = 2, LBrack
			} else { // digraph <%
				n, k = 2, LBrace
			}
		default:
			k = Lt
		}
	case '>':
		switch at(1) {
		case '>':
			k, n = Shr, 2
			if at(2) == '=' {
				n, k = 3, ShrAssign
			}
		case '=':
			n, k = 2, Ge
		default:
			k = Gt
		}
	default:
		// A stray character; keep a whole UTF-8 sequence together.
		if c >= 0xC0 {
			for i+n < len(src) && src[i+n]&0xC0 == 0x80 {
				n++
			}
		}
	}
	lx.pos = i + n
	return k
}
