package preproc

import (
	"strings"

	"gocc/lexer"
	"gocc/target"
)

// Assertions, the deprecated GCC extension (gcc's cpp manual, "Obsolete Features"):
// `#assert pred(answer)` and `#unassert pred[(answer)]` keep a set of answers per
// predicate, and `#pred(answer)` or `#pred` in a #if tests it (1 or 0). gcc predefines
// system(linux), system(unix) and system(posix) on GNU/Linux, and cpu and machine for
// the x86 targets only (x86_64 or i386; `#if #cpu(x86_64)` is how old code tests it).

// predefinedAssertions are the answers gcc asserts for tgt.
func predefinedAssertions(tgt *target.Target) map[string][]string {
	a := map[string][]string{"system": {"linux", "unix", "posix"}}
	switch tgt.Arch {
	case target.AMD64, target.I386:
		a["cpu"] = []string{tgt.Arch.String()}
		a["machine"] = []string{tgt.Arch.String()}
	}
	return a
}

// assertionAnswer spells an answer's tokens as gcc compares them: each token's
// spelling, one space where white space separated them.
func assertionAnswer(toks []tok) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && t.Flags&lexer.SpaceBefore != 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// parseAssertion splits `pred` or `pred ( answer )` from args. ok is false (with a
// diagnostic) when it is malformed; hasAnswer tells whether an answer was given.
func (p *pp) parseAssertion(at tok, args []tok, what string) (pred, answer string, hasAnswer, ok bool) {
	if len(args) == 0 || args[0].Kind != lexer.Ident {
		p.errorf(at.Pos, "assertion without predicate")
		return "", "", false, false
	}
	pred = args[0].Text
	rest := args[1:]
	if len(rest) == 0 {
		return pred, "", false, true
	}
	if rest[0].Kind != lexer.LParen || rest[len(rest)-1].Kind != lexer.RParen {
		p.errorf(at.Pos, "missing '(' after predicate")
		return "", "", false, false
	}
	inner := rest[1 : len(rest)-1]
	if len(inner) == 0 {
		p.errorf(at.Pos, "predicate's answer is empty")
		return "", "", false, false
	}
	return pred, assertionAnswer(inner), true, true
}

// assertDirective handles #assert and #unassert.
func (p *pp) assertDirective(name tok, args []tok) {
	pred, answer, hasAnswer, ok := p.parseAssertion(name, args, name.Text)
	if !ok {
		return
	}
	if name.Text == "assert" {
		if !hasAnswer {
			p.errorf(name.Pos, "missing '(' after predicate")
			return
		}
		for _, a := range p.asserts[pred] {
			if a == answer {
				return
			}
		}
		p.asserts[pred] = append(p.asserts[pred], answer)
		return
	}
	if !hasAnswer {
		delete(p.asserts, pred)
		return
	}
	var keep []string
	for _, a := range p.asserts[pred] {
		if a != answer {
			keep = append(keep, a)
		}
	}
	p.asserts[pred] = keep
}

// ifAssertion evaluates `# pred [( answer )]` in a #if after its '#': the predicate and
// answer are not macro-expanded.
func (p *pp) ifAssertion(in *input, hash tok) tok {
	res := tok{Token: lexer.Token{Kind: lexer.Number, Text: "0", Pos: hash.Pos, Flags: hash.Flags}}
	n := p.read(in)
	if n.Kind != lexer.Ident {
		p.errorf(hash.Pos, "assertion without predicate")
		p.unread(in, n)
		return res
	}
	answers := p.asserts[n.Text]
	l := p.read(in)
	if l.Kind != lexer.LParen {
		p.unread(in, l)
		if len(answers) > 0 {
			res.Text = "1"
		}
		return res
	}
	var inner []tok
	for {
		x := p.read(in)
		if x.Kind == lexer.EOF {
			p.errorf(hash.Pos, "missing ')' to complete answer")
			p.unread(in, x)
			return res
		}
		if x.Kind == lexer.RParen {
			break
		}
		inner = append(inner, x)
	}
	want := assertionAnswer(inner)
	for _, a := range answers {
		if a == want {
			res.Text = "1"
		}
	}
	return res
}

// identLine handles #ident and #sccs: the operand, macro-expanded, must be one string
// literal; gcc passes the line on as `#ident "string"` (-E output, and .ident in the
// assembly). The tokens go to the compiler proper like a passed-through pragma line,
// which the parser skips.
func (p *pp) identLine(hash tok, args []tok) []tok {
	exp := p.expandList(args, false)
	if len(exp) != 1 || exp[0].Kind != lexer.String {
		p.errorf(hash.Pos, "invalid #ident directive")
		return nil
	}
	str := exp[0]
	str.Flags = lexer.SpaceBefore
	return []tok{
		{Token: lexer.Token{Kind: lexer.Hash, Flags: lexer.StartOfLine | lexer.NoExpand, Text: "#", Pos: hash.Pos}},
		{Token: lexer.Token{Kind: lexer.Ident, Flags: lexer.NoExpand, Text: "ident", Pos: hash.Pos}},
		str,
		{Token: lexer.Token{Kind: pragmaEnd, Pos: hash.Pos}},
	}
}
