// Package parser builds the syntax tree of a preprocessed C translation unit (C11 6.5-6.9,
// Annex A, with the GNU extensions gcc accepts in its default gnu17 mode).
//
// It is a recursive-descent parser; each parsing function carries the production it
// parses as its comment. The binary operators of C11 6.5.5-6.5.14 are parsed by one
// precedence-climbing function driven by a table indexed by token kind.
//
// The parser resolves only what the grammar needs: whether an identifier is a typedef name
// (C11 6.7.8, tracked per scope with the ordinary identifiers that shadow it) and which
// struct/union/enum a tag refers to (C11 6.7.2.3, tracked per scope). Everything else
// (name binding, types of expressions, constant folding, layout) is sema's job.
package parser

import (
	"fmt"
	"strings"

	"gocc/ast"
	"gocc/diag"
	"gocc/lexer"
)

// maxDepth bounds the nesting of expressions, declarators, initializers and statements
// (above the 10,000 levels real generated code has been seen to reach; gcc has no limit),
// so that pathological input gets a diagnostic instead of a stack overflow.
const maxDepth = 16384

// maxErrors is the number of syntax errors after which the parser gives up.
const maxErrors = 100

// Parse parses a preprocessed translation unit (toks ends with EOF).
func Parse(name string, toks []lexer.Token, diags *diag.List) (file *ast.File) {
	for i := range toks {
		if toks[i].Kind == lexer.Ident {
			// Universal character names in identifiers become UTF-8: one spelling
			// per identifier for names and for the assembler's symbols.
			toks[i].Text = lexer.DecodeUCN(toks[i].Text)
		}
	}
	p := newParser(toks, diags)
	file = &ast.File{Name: name}
	defer func() {
		// The parser is written never to panic; should a bug make it do so anyway, the
		// compilation fails with a diagnostic rather than a crash.
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				diags.Errorf(p.tok.Pos, "internal compiler error in parser: %v", r)
			}
		}
	}()
	p.translationUnit(file)
	return file
}

// bailout is panicked (and recovered in Parse) when the parser stops after too many
// errors; it is the only panic the parser raises.
type bailout struct{}

// Parser holds the state of one parse. Tokens are read in place from the caller's slice.
type Parser struct {
	toks  []lexer.Token
	kws   []keyword // kws[i] is the keyword toks[i] spells, or kwNone
	pos   int       // index of the current token
	tok   *lexer.Token
	prev  *lexer.Token // the token before tok (nil at the start)
	kw    keyword      // kws[pos]
	diags *diag.List

	errors    int
	depth     int // current nesting depth, bounded by maxDepth
	lastError int // token index of the last syntax error, to avoid cascades at one token

	// Scopes: names and tags map to the innermost visible binding; each scope logs the
	// names it bound so that closing it restores the outer bindings.
	names  map[string]*nameBinding
	tags   map[string]*tagBinding
	scopes []scopeLog
	level  int // current scope depth, 0 = file scope

	pragmaEnd map[int]int // for each '#' that starts a pragma line, the index just past it
	pack      packState

	// funcName is the name of the function whose body is being parsed, "" outside.
	funcName string
}

// nameBinding is one declaration of an ordinary identifier (C11 6.2.3): a typedef name
// when typ is non-nil, otherwise an object, function or enumerator that hides typedefs.
type nameBinding struct {
	typ   *ast.Type
	level int
	prev  *nameBinding
}

// tagBinding is one declaration of a struct, union or enum tag (C11 6.7.2.3).
type tagBinding struct {
	rec   *ast.Record  // struct or union
	enum  *ast.EnumDef // enum
	level int
	prev  *tagBinding
}

type scopeLog struct {
	names []string
	tags  []string
}

var eofToken = lexer.Token{Kind: lexer.EOF}

func newParser(toks []lexer.Token, diags *diag.List) *Parser {
	p := &Parser{
		toks:      toks,
		kws:       make([]keyword, len(toks)),
		diags:     diags,
		names:     make(map[string]*nameBinding),
		tags:      make(map[string]*tagBinding),
		scopes:    []scopeLog{{}},
		pragmaEnd: make(map[int]int),
	}
	for i := range toks {
		t := &toks[i]
		switch t.Kind {
		case lexer.Ident:
			p.kws[i] = keywordTable[t.Text]
		case lexer.Hash:
			// A #pragma line the preprocessor passed on, or an #ident line (skipped).
			if i+1 < len(toks) && (toks[i+1].IsIdent("pragma") || toks[i+1].IsIdent("ident")) {
				p.kws[i] = kwPragma
				j := i + 2
				for j < len(toks) && toks[j].Kind != lexer.EOF && toks[j].Kind != lexer.Newline &&
					toks[j].Flags&lexer.StartOfLine == 0 {
					j++
				}
				if j < len(toks) && toks[j].Kind == lexer.Newline {
					j++
				}
				p.pragmaEnd[i] = j
			}
		}
	}
	p.pos = -1
	p.next()
	return p
}

// next advances to the next token, acting on and skipping pragma lines.
func (p *Parser) next() {
	if p.pos >= 0 {
		p.prev = p.tok
	}
	p.pos++
	for p.pos < len(p.toks) {
		switch p.kws[p.pos] {
		case kwPragma:
			end := p.pragmaEnd[p.pos]
			p.pragma(p.pos+2, end)
			p.pos = end
			continue
		}
		if p.toks[p.pos].Kind == lexer.Newline {
			p.pos++
			continue
		}
		break
	}
	if p.pos >= len(p.toks) {
		p.pos = len(p.toks)
		p.tok = &eofToken
		p.kw = kwNone
		return
	}
	p.tok = &p.toks[p.pos]
	p.kw = p.kws[p.pos]
}

// peekIndex returns the index of the n-th token after the current one (n >= 1),
// skipping pragma lines, or len(toks) past the end.
func (p *Parser) peekIndex(n int) int {
	i := p.pos
	for ; n > 0; n-- {
		i++
		for i < len(p.toks) && (p.kws[i] == kwPragma || p.toks[i].Kind == lexer.Newline) {
			if p.kws[i] == kwPragma {
				i = p.pragmaEnd[i]
			} else {
				i++
			}
		}
		if i >= len(p.toks) {
			return len(p.toks)
		}
	}
	return i
}

// peek returns the n-th token after the current one and its keyword.
func (p *Parser) peek(n int) (*lexer.Token, keyword) {
	i := p.peekIndex(n)
	if i >= len(p.toks) {
		return &eofToken, kwNone
	}
	return &p.toks[i], p.kws[i]
}

func (p *Parser) at(k lexer.Kind) bool { return p.tok.Kind == k }

// accept consumes the current token if it has kind k.
func (p *Parser) accept(k lexer.Kind) bool {
	if p.tok.Kind == k {
		p.next()
		return true
	}
	return false
}

// expect consumes a token of kind k or reports gcc's "expected 'k' before …". Like
// gcc, it reports a missing token just after the previous token, where it belongs.
func (p *Parser) expect(k lexer.Kind) bool {
	if p.accept(k) {
		return true
	}
	p.errorExpectedAt(p.missingPos(), "'"+k.String()+"'")
	return false
}

// missingPos is where a missing token belongs: just after the previous token.
func (p *Parser) missingPos() diag.Pos {
	if pr := p.prev; pr != nil && pr.Pos.IsValid() && !strings.ContainsAny(pr.Text, "\n") {
		pos := pr.Pos
		pos.Col += int32(len(pr.Text))
		return pos
	}
	return p.tok.Pos
}

// describe renders the current token the way gcc names it in "before …" messages.
func describe(t *lexer.Token) string {
	switch t.Kind {
	case lexer.EOF:
		return "end of input"
	case lexer.Number:
		return "numeric constant"
	case lexer.String:
		return "string constant"
	case lexer.Char:
		return "character constant"
	case lexer.Ident:
		return "'" + t.Text + "'"
	}
	return "'" + t.Text + "' token"
}

// errorExpected reports "expected WHAT before TOKEN" (or "at end of input").
func (p *Parser) errorExpected(what string) { p.errorExpectedAt(p.tok.Pos, what) }

func (p *Parser) errorExpectedAt(pos diag.Pos, what string) {
	if p.tok.Kind == lexer.EOF {
		p.errorf(pos, "expected %s at end of input", what)
		return
	}
	p.errorf(pos, "expected %s before %s", what, describe(p.tok))
}

// errorf reports a syntax error. Only the first error at a given token is reported, so
// that recovery does not produce cascades; after maxErrors the parse stops.
func (p *Parser) errorf(pos diag.Pos, format string, args ...any) {
	if p.errors > 0 && p.lastError == p.pos {
		return
	}
	p.lastError = p.pos
	p.errors++
	p.diags.Errorf(p.position(pos), format, args...)
	if p.errors >= maxErrors || p.diags.TooMany() {
		if p.errors >= maxErrors {
			p.diags.Add(&diag.Diagnostic{Pos: p.position(pos), Severity: diag.Fatal,
				Msg: fmt.Sprintf("too many errors (%d); giving up", p.errors)})
		}
		panic(bailout{})
	}
}

func (p *Parser) warnf(pos diag.Pos, format string, args ...any) {
	p.diags.Warnf(p.position(pos), format, args...)
}

// warnOpt reports a warning that the gcc warning option name controls (diag.WarnOpt).
func (p *Parser) warnOpt(pos diag.Pos, name, format string, args ...any) {
	p.diags.WarnOpt(p.position(pos), name, format, args...)
}

// position returns pos, or the position of the last real token for EOF tokens that
// carry none, so that "at end of input" errors point somewhere useful.
func (p *Parser) position(pos diag.Pos) diag.Pos {
	if pos.IsValid() {
		return pos
	}
	for i := min(p.pos, len(p.toks)) - 1; i >= 0; i-- {
		if p.toks[i].Pos.IsValid() {
			return p.toks[i].Pos
		}
	}
	return pos
}

// enter increments the nesting depth; it reports false (after a diagnostic) when the
// input nests too deeply. Every successful enter must be paired with leave.
func (p *Parser) enter() bool {
	if p.depth >= maxDepth {
		p.errorf(p.tok.Pos, "nesting too deep (more than %d levels)", maxDepth)
		return false
	}
	p.depth++
	return true
}

func (p *Parser) leave() { p.depth-- }

// skipTo skips tokens up to (not past) one of the given kinds at bracket depth zero,
// or to EOF; it never skips past a '}' that closes an enclosing brace.
func (p *Parser) skipTo(kinds ...lexer.Kind) {
	depth := 0
	for {
		switch p.tok.Kind {
		case lexer.EOF:
			return
		case lexer.LParen, lexer.LBrack, lexer.LBrace:
			if depth == 0 && p.tok.Kind == lexer.LBrace && contains(kinds, lexer.LBrace) {
				return
			}
			depth++
		case lexer.RParen, lexer.RBrack, lexer.RBrace:
			if depth == 0 {
				if contains(kinds, p.tok.Kind) || p.tok.Kind == lexer.RBrace {
					return
				}
			} else {
				depth--
			}
		default:
			if depth == 0 && contains(kinds, p.tok.Kind) {
				return
			}
		}
		p.next()
	}
}

func contains(kinds []lexer.Kind, k lexer.Kind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

// Scopes (C11 6.2.1).

func (p *Parser) openScope() {
	p.level++
	p.scopes = append(p.scopes, scopeLog{})
}

func (p *Parser) closeScope() {
	s := &p.scopes[len(p.scopes)-1]
	for _, n := range s.names {
		if b := p.names[n]; b.prev != nil {
			p.names[n] = b.prev
		} else {
			delete(p.names, n)
		}
	}
	for _, n := range s.tags {
		if b := p.tags[n]; b.prev != nil {
			p.tags[n] = b.prev
		} else {
			delete(p.tags, n)
		}
	}
	p.scopes = p.scopes[:len(p.scopes)-1]
	p.level--
}

// bindName declares name in the current scope as a typedef for typ, or (typ == nil) as
// an ordinary identifier that hides any outer typedef of the same name.
func (p *Parser) bindName(name string, typ *ast.Type) {
	if name == "" {
		return
	}
	if b := p.names[name]; b != nil && b.level == p.level {
		b.typ = typ
		return
	}
	p.names[name] = &nameBinding{typ: typ, level: p.level, prev: p.names[name]}
	s := &p.scopes[len(p.scopes)-1]
	s.names = append(s.names, name)
}

// typedefType returns the type a typedef name stands for, or nil if name is not a
// visible typedef name.
func (p *Parser) typedefType(name string) *ast.Type {
	if b := p.names[name]; b != nil {
		return b.typ
	}
	return nil
}

// lookupTag returns the innermost visible binding of tag, or nil; with current set,
// only a binding in the current scope.
func (p *Parser) lookupTag(tag string, current bool) *tagBinding {
	b := p.tags[tag]
	if b != nil && current && b.level != p.level {
		return nil
	}
	return b
}

func (p *Parser) bindTag(tag string, b *tagBinding) {
	b.level = p.level
	b.prev = p.tags[tag]
	p.tags[tag] = b
	s := &p.scopes[len(p.scopes)-1]
	s.tags = append(s.tags, tag)
}

// isTypedefName reports whether the token at index i is an identifier that names a
// visible typedef (and is not a keyword).
func (p *Parser) isTypedefNameAt(t *lexer.Token, kw keyword) bool {
	if t.Kind != lexer.Ident || kw != kwNone {
		return false
	}
	return p.typedefType(t.Text) != nil
}

// startsTypeName reports whether the token begins a type-name (C11 6.7.7): a type
// specifier or qualifier keyword or a typedef name.
func (p *Parser) startsTypeName(t *lexer.Token, kw keyword) bool {
	if t.Kind != lexer.Ident {
		return false
	}
	if kw != kwNone {
		return isTypeSpecKw(kw)
	}
	return p.typedefType(t.Text) != nil
}

// startsDecl reports whether the token begins declaration-specifiers (C11 6.7).
func (p *Parser) startsDecl(t *lexer.Token, kw keyword) bool {
	if t.Kind != lexer.Ident {
		return false
	}
	if kw != kwNone {
		return isDeclSpecKw(kw)
	}
	return p.typedefType(t.Text) != nil
}
