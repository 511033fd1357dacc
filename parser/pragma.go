package parser

import (
	"strconv"

	"gocc/lexer"
)

// Pragmas. The preprocessor passes every "#pragma" line it does not consume itself
// through to the parser as its tokens: a '#' token that is first on its line (flag
// StartOfLine), the identifier "pragma", and the rest of the line, which ends before
// the next token flagged StartOfLine (or at a Newline token, or at EOF). The parser
// acts on "#pragma pack" and skips all others; it skips pragma lines wherever they
// appear, since next() steps over them.

// packState is the state of "#pragma pack" (a gcc/MSVC extension): the current maximum
// field alignment (0 = none) and the stack kept by push and pop.
type packState struct {
	cur   int
	stack []packEntry
}

type packEntry struct {
	id    string
	align int
}

func (s *packState) current() int { return s.cur }

// pragma acts on the pragma whose tokens (after "#pragma") are toks[from:to]:
//
//	#pragma pack ( [n] )
//	#pragma pack ( push [, identifier] [, n] )
//	#pragma pack ( pop [, identifier | n] )
//
// Structs whose definition ends while a value n is in effect get Record.MaxFieldAlign = n.
func (p *Parser) pragma(from, to int) {
	if from >= to || !p.toks[from].IsIdent("pack") {
		return
	}
	args := p.toks[from+1 : to] // a sub-slice, not a copy
	if len(args) < 2 || args[0].Kind != lexer.LParen || args[len(args)-1].Kind != lexer.RParen {
		p.warnf(p.toks[from].Pos, "missing '(' after '#pragma pack' - ignored")
		return
	}
	args = args[1 : len(args)-1]
	// Split the arguments at commas.
	var parts [][]lexer.Token
	for start, i := 0, 0; i <= len(args); i++ {
		if i == len(args) || args[i].Kind == lexer.Comma {
			parts = append(parts, args[start:i])
			start = i + 1
		}
	}
	value := func(ts []lexer.Token) (int, bool) {
		if len(ts) != 1 || ts[0].Kind != lexer.Number {
			return 0, false
		}
		n, err := strconv.Atoi(ts[0].Text)
		if err != nil || (n != 0 && n&(n-1) != 0) || n > 16 {
			p.warnf(ts[0].Pos, "alignment must be a small power of two, not %s", ts[0].Text)
			return 0, false
		}
		return n, true
	}
	st := &p.pack
	switch {
	case len(args) == 0:
		st.cur = 0
	case args[0].IsIdent("push"):
		e := packEntry{align: st.cur}
		for _, part := range parts[1:] {
			if n, ok := value(part); ok {
				st.cur = n
			} else if len(part) == 1 && part[0].Kind == lexer.Ident {
				e.id = part[0].Text
			}
		}
		st.stack = append(st.stack, e)
	case args[0].IsIdent("pop"):
		if len(st.stack) == 0 {
			p.warnf(args[0].Pos, "#pragma pack (pop) encountered without matching #pragma pack (push)")
			return
		}
		id := ""
		for _, part := range parts[1:] {
			if len(part) == 1 && part[0].Kind == lexer.Ident {
				id = part[0].Text
			}
		}
		i := len(st.stack) - 1
		if id != "" {
			for i >= 0 && st.stack[i].id != id {
				i--
			}
			if i < 0 {
				p.warnf(args[0].Pos, "#pragma pack(pop, %s) encountered without matching #pragma pack(push, %s)", id, id)
				return
			}
		}
		st.cur = st.stack[i].align
		st.stack = st.stack[:i]
		for _, part := range parts[1:] {
			if n, ok := value(part); ok {
				st.cur = n
			}
		}
	default:
		if n, ok := value(args); ok {
			st.cur = n
		}
	}
}
