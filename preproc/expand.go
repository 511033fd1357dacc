package preproc

import (
	"fmt"
	"strconv"
	"strings"

	"gocc/diag"
	"gocc/lexer"
)

// Macro expansion (C11 6.10.3) with Prosser's hidesets.
//
// Every token carries a hideset: the set of macros whose expansion produced it. The
// algorithm (D. Prosser, "Complete ANSI C preprocessing algorithm", X3J11/86-196, as
// popularised by chibicc) is:
//
//	expand(TS):
//	  T, rest := head(TS)
//	  if T is in T.hideset, or T is no macro:    T is final; output it, expand(rest)
//	  if T is object-like:                        expand(subst(body, HS(T) ∪ {T}) · rest)
//	  if T is function-like and rest is "( args )":
//	      expand(subst(body, args, (HS(T) ∩ HS(")")) ∪ {T}) · rest-after-")")
//
//	subst(body, args, HS):
//	  '#' param         -> the argument stringized, not expanded (6.10.3.2)
//	  param '##' / '##' param -> the argument's raw tokens, or a placemarker when it has none (6.10.3.3)
//	  x '##' y          -> one token, the two spellings glued and lexed again
//	  param             -> the argument fully macro-expanded on its own (6.10.3.1)
//	  any other token   -> itself
//	  finally every output token's hideset gets HS added.
//
// Because the result is pushed back in front of the remaining input and scanned again,
// rescanning (6.10.3.4) needs no separate step, and a macro name that meets itself
// during the rescan finds itself in its own hideset and is not replaced again (6.10.3.4p2).
// Intersecting with the ')' token's hideset is what makes a function-like macro whose
// name comes out of one expansion and whose arguments come from the source behave as the
// standard requires. A name that is not replaced because of its hideset gets the
// NoExpand flag, so it stays unexpanded even if it is later copied into another macro's
// argument (6.10.3.4p2 "no longer available for further replacement").

// hideset is an immutable set of macros as a linked list; sets are small (the nesting
// depth of the expansion), so lists beat maps.
type hideset struct {
	m    *macro
	next *hideset
}

func (h *hideset) has(m *macro) bool {
	for ; h != nil; h = h.next {
		if h.m == m {
			return true
		}
	}
	return false
}

func (h *hideset) add(m *macro) *hideset {
	if h == nil {
		// The commonest set, {m} for a name read from a file, is made once per macro.
		if m.alone == nil {
			m.alone = &hideset{m, nil}
		}
		return m.alone
	}
	if h.has(m) {
		return h
	}
	return &hideset{m, h}
}

func hsUnion(a, b *hideset) *hideset {
	if a == nil {
		return b
	}
	for ; b != nil; b = b.next {
		a = a.add(b.m)
	}
	return a
}

func hsIntersect(a, b *hideset) *hideset {
	if a == b {
		return a
	}
	subset := true // a ⊆ b: the intersection is a itself
	for h := a; h != nil && subset; h = h.next {
		subset = b.has(h.m)
	}
	if subset {
		return a
	}
	var out *hideset
	for ; a != nil; a = a.next {
		if b.has(a.m) {
			out = &hideset{a.m, out}
		}
	}
	return out
}

// tok is a token during preprocessing: the public token plus its hideset.
type tok struct {
	lexer.Token
	hs *hideset
}

// Internal token kinds, never returned from Preprocess.
const (
	placemarker lexer.Kind = 250 // C11 6.10.3.3p2
	pragmaEnd   lexer.Kind = 251 // ends a passed-through #pragma; the next token starts a line
)

// builtinKind names the dynamic macros (C11 6.10.8 and GNU).
type builtinKind uint8

const (
	notBuiltin builtinKind = iota
	bFile
	bLine
	bCounter
	bDate
	bTime
	bTimestamp
	bBaseFile
	bIncludeLevel
	bPragma // _Pragma operator (C11 6.10.9)
	// __has_attribute (and __has_cpp_attribute, the same in C), __has_c_attribute and
	// __has_builtin: gcc's operators, usable in #if and in the text alike, whose
	// operands are macro-expanded.
	bHasAttribute
	bHasStdAttribute
	bHasBuiltin
	bPoisoned
)

// macro is one definition. For function-like macros paramIdx[i] is the parameter index
// of body[i], or -1.
type macro struct {
	name     string
	funcLike bool
	params   []string
	variadic bool // the last parameter collects the variable arguments
	body     []tok
	paramIdx []int
	builtin  builtinKind
	pos      diag.Pos
	alone    *hideset // {this macro}, made on first use (hideset.add)
	// hasInclude: the body uses __has_include, whose operand gcc reads unexpanded even
	// when it comes through a parameter (glibc's __glibc_has_include (<linux/stat.h>)
	// must not see "linux" replaced by 1).
	hasInclude bool
}

// input is a token stream expansion reads from: pushed-back tokens (top at the end) and,
// for the main stream, the open files below them. An input without fromFile ends with EOF
// when its stack is empty, which is how an argument is expanded "as if it formed the rest
// of the preprocessing file" (C11 6.10.3.1p1).
type input struct {
	stack    []tok
	fromFile bool
	ifMode   bool // evaluating #if: handle defined and __has_include
}

func (p *pp) read(in *input) tok {
	if n := len(in.stack); n > 0 {
		t := in.stack[n-1]
		in.stack = in.stack[:n-1]
		return t
	}
	if in.fromFile {
		return p.fileToken()
	}
	return tok{Token: lexer.Token{Kind: lexer.EOF}}
}

func (p *pp) unread(in *input, t tok) { in.stack = append(in.stack, t) }

// pushList makes toks the next tokens of in.
func pushList(in *input, toks []tok) {
	for i := len(toks) - 1; i >= 0; i-- {
		in.stack = append(in.stack, toks[i])
	}
}

// expandList fully macro-expands toks on their own.
func (p *pp) expandList(toks []tok, ifMode bool) []tok {
	return p.expandInto(make([]tok, 0, len(toks)), toks, ifMode)
}

// expandInto is expandList appending to out.
func (p *pp) expandInto(out, toks []tok, ifMode bool) []tok {
	in := input{stack: p.getBuf(), ifMode: ifMode}
	pushList(&in, toks)
	var space lexer.Flags
	for {
		t := p.expandOne(&in)
		if t.Kind == lexer.EOF {
			p.putBuf(in.stack)
			return out
		}
		if t.Kind == placemarker {
			// Only ## sees placemarkers (6.10.3.3p2-3); white space before an
			// empty expansion still separates the tokens around it in -E output.
			space |= t.Flags & lexer.SpaceBefore
			continue
		}
		if space != 0 {
			setSpace(&t, true)
			space = 0
		}
		out = append(out, t)
	}
}

// expandOne returns the next token of in that macro replacement leaves in place.
func (p *pp) expandOne(in *input) tok {
	for {
		t := p.read(in)
		if in.ifMode && t.Kind == lexer.Hash {
			return p.ifAssertion(in, t)
		}
		if t.Kind != lexer.Ident || t.Flags&lexer.NoExpand != 0 {
			return t
		}
		if in.ifMode {
			if r, ok := p.ifOperator(in, t); ok {
				return r
			}
		}
		m := p.macros.lookup(t.Text)
		if m == nil {
			return t
		}
		if t.hs.has(m) {
			t.Flags |= lexer.NoExpand
			return t
		}
		if in.fromFile && len(in.stack) == 0 && t.Flags&(lexer.FromMacro|lexer.MacroArg) == 0 {
			p.outerInvocation = t.Pos
		}
		if m.builtin != notBuiltin {
			if r, ok := p.expandBuiltin(in, m, t); ok {
				return r
			}
			continue
		}
		if !m.funcLike {
			res := p.subst(m, nil, t.hs.add(m), t)
			pushList(in, res)
			p.putBuf(res)
			continue
		}
		// A function-like macro name not followed by '(' is not an invocation (6.10.3p10).
		next := p.read(in)
		var pad tok // an empty expansion's white space between the name and what follows
		for next.Kind == placemarker {
			pad = next
			next = p.read(in)
		}
		if next.Kind != lexer.LParen {
			if next.Kind == lexer.Comment { // (-C) read as gcc reads arguments
				next.Text = blockComment(next.Text)
			}
			p.unread(in, next)
			if pad.Kind == placemarker {
				p.unread(in, pad)
			}
			return t
		}
		args, flat, rparen, ok := p.collectArgs(in, m, t)
		if !ok {
			return tok{Token: lexer.Token{Kind: lexer.EOF}}
		}
		hs := hsIntersect(t.hs, rparen.hs).add(m)
		res := p.subst(m, args, hs, t)
		pushList(in, res)
		p.putBuf(res)
		p.putBuf(flat)
		p.putArgs(args)
	}
}

// collectArgs reads the arguments of an invocation of m after its '(' (C11 6.10.3p11):
// commas at parenthesis depth 0 separate arguments, except inside the variable arguments.
// The arguments are slices of flat, one buffer for all of them; both come from the
// pools (getBuf, getArgs) and go back there once the replacement is made.
func (p *pp) collectArgs(in *input, m *macro, name tok) (args [][]tok, flat []tok, rparen tok, ok bool) {
	flat = p.getBuf()
	var endsArr [16]int
	ends := endsArr[:0] // where each argument ends in flat
	depth := 0
	end := past(name) // past the last token read, where gcc reports a missing ')'
	end.Col++         // (the '(')
	for {
		t := p.read(in)
		if t.Kind == lexer.EOF {
			p.errorf(end, "unterminated argument list invoking macro \"%s\"", m.name)
			return nil, nil, t, false
		}
		end = past(t)
		if t.Flags&lexer.StartOfLine != 0 {
			t.Flags = t.Flags&^lexer.StartOfLine | lexer.SpaceBefore
		}
		switch t.Kind {
		case lexer.Comment: // (-C) kept in the argument, as gcc does
			t.Text = blockComment(t.Text)
		case lexer.LParen:
			depth++
		case lexer.RParen:
			if depth == 0 {
				ends = append(ends, len(flat))
				args = p.getArgs()
				start := 0
				for _, end := range ends {
					// Full slice expressions: appending to one argument must not
					// overwrite the next.
					args = append(args, flat[start:end:end])
					start = end
				}
				return p.checkArgs(m, args, t), flat, t, true
			}
			depth--
		case lexer.Comma:
			if depth == 0 && !(m.variadic && len(ends) == len(m.params)-1) {
				ends = append(ends, len(flat))
				continue
			}
		}
		flat = append(flat, t)
	}
}

// checkArgs matches the argument count against the parameters (C11 6.10.3p4); an
// error points at the invocation's ')' (rparen), with a note at the definition.
func (p *pp) checkArgs(m *macro, args [][]tok, rparen tok) [][]tok {
	n := len(m.params)
	if n == 0 && len(args) == 1 && len(args[0]) == 0 {
		return nil
	}
	if m.variadic && len(args) == n-1 {
		// GNU: the variable arguments may be left out entirely.
		return append(args, nil)
	}
	if len(args) != n {
		if len(args) < n {
			p.errorf(rparen.Pos, "macro \"%s\" requires %d arguments, but only %d given", m.name, n, len(args))
		} else {
			p.errorf(rparen.Pos, "macro \"%s\" passed %d arguments, but takes just %d", m.name, len(args), n)
		}
		if m.pos.IsValid() {
			def := m.pos
			def.Col = 0
			p.diags.Add(&diag.Diagnostic{Pos: def, Severity: diag.Note, Msg: fmt.Sprintf("macro \"%s\" defined here", m.name), Verbatim: true})
		}
		for len(args) < n {
			args = append(args, nil)
		}
		args = args[:n]
	}
	return args
}

// subst performs the replacement of one invocation (see the algorithm above). inv is the
// macro name token: the result takes its position and its leading white space.
func (p *pp) subst(m *macro, args [][]tok, hs *hideset, inv tok) []tok {
	var expanded [][]tok // pre-expanded arguments, computed on first use
	if m.funcLike {
		expanded = append(p.getArgs(), make([][]tok, len(args))...)
	}
	out := p.substRange(p.getBuf(), m, 0, len(m.body), args, expanded, inv)
	for _, e := range expanded {
		if e != nil {
			p.putBuf(e)
		}
	}
	p.putArgs(expanded)
	res := out[:0]
	// An invocation that came in through an argument left unexpanded (next to ##)
	// expands while the outer replacement is rescanned: gcc's -E keeps its tokens on
	// the line, as an argument's.
	var nested lexer.Flags
	if inv.Flags&lexer.MacroArg != 0 {
		nested = lexer.MacroArg
	}
	// Tokens of one argument share their hideset: its union with hs is computed once
	// for each run of them (hidesets are immutable lists, so results can be shared).
	var lastIn, lastOut *hideset
	trailingSpace, emptyFirst := false, false
	for i, t := range out {
		if t.Kind == placemarker {
			trailingSpace = i == len(out)-1 && t.Flags&lexer.SpaceBefore != 0
			emptyFirst = emptyFirst || len(res) == 0 && t.Flags&lexer.ExpansionEnd != 0
			continue
		}
		if t.hs == nil {
			t.hs = hs
		} else if t.hs == lastIn {
			t.hs = lastOut
		} else {
			lastIn = t.hs
			t.hs = hsUnion(t.hs, hs)
			lastOut = t.hs
		}
		t.Flags &^= lexer.StartOfLine
		t.Flags |= nested
		res = append(res, t)
	}
	if len(res) > 0 {
		res[0].Flags |= inv.Flags&lexer.StartOfLine | lexer.ExpansionStart
		setSpace(&res[0], inv.Flags&lexer.SpaceBefore != 0 || emptyFirst && ownSpace(&res[0]))
		res[len(res)-1].Flags |= lexer.ExpansionEnd
		if trailingSpace {
			res = append(res, tok{Token: lexer.Token{Kind: placemarker, Flags: lexer.SpaceBefore, Pos: inv.Pos}})
		}
	} else {
		// An empty expansion still separates the tokens around it in -E output.
		res = append(res, tok{Token: lexer.Token{Kind: placemarker, Flags: inv.Flags, Pos: inv.Pos}})
	}
	return res
}

// getBuf returns an empty token buffer for a macro's replacement, reused from earlier
// expansions (subst's result is copied onto the input at once: putBuf gives it back).
// Expansions nest while arguments are pre-expanded, so the buffers form a stack.
func (p *pp) getBuf() []tok {
	if n := len(p.bufs); n > 0 {
		b := p.bufs[n-1]
		p.bufs = p.bufs[:n-1]
		return b[:0]
	}
	return make([]tok, 0, 64)
}

func (p *pp) putBuf(b []tok) {
	if cap(b) <= 1<<14 {
		p.bufs = append(p.bufs, b)
	}
}

// getArgs returns an empty list of argument token lists, reused like getBuf's buffers.
func (p *pp) getArgs() [][]tok {
	if n := len(p.argLists); n > 0 {
		a := p.argLists[n-1]
		p.argLists = p.argLists[:n-1]
		return a[:0]
	}
	return make([][]tok, 0, 8)
}

func (p *pp) putArgs(a [][]tok) {
	if a != nil {
		clear(a[:cap(a)]) // drop the references to the token buffers
		p.argLists = append(p.argLists, a)
	}
}

// argExpanded returns argument i fully macro-expanded (C11 6.10.3.1p1), expanding it on
// first use into a buffer from getBuf that subst gives back.
func (p *pp) argExpanded(i int, args, expanded [][]tok) []tok {
	if expanded[i] == nil {
		expanded[i] = p.expandInto(p.getBuf(), args[i], false)
	}
	return expanded[i]
}

func (p *pp) substRange(dst []tok, m *macro, lo, hi int, args, expanded [][]tok, inv tok) []tok {
	body, idx := m.body, m.paramIdx
	out := dst
	if out == nil {
		out = make([]tok, 0, hi-lo+8)
	}
	isParam := func(i int) bool { return m.funcLike && i < hi && idx[i] >= 0 }
	from := lexer.FromMacro
	def := m.pos.File
	builtin := def != nil && def.Name == "<built-in>"
	if builtin {
		from |= lexer.BuiltinMacro
	}
	sys := fileSysFlags(def)
	if builtin {
		// gcc takes a predefined macro's tokens to be spelled where it is used.
		sys = tokenSysFlags(&inv.Token)
	}
	switch sys {
	case systemExternC:
		from |= lexer.SystemMacro | lexer.ExternCMacro
	case systemHeader:
		from |= lexer.SystemMacro
	}
	for i := lo; i < hi; i++ {
		b := body[i]
		b.Pos = inv.Pos
		b.Flags |= from
		// __VA_OPT__ ( content ): the content if the variable arguments are present.
		if m.variadic && b.Kind == lexer.Ident && b.Text == "__VA_OPT__" && i+1 < hi && body[i+1].Kind == lexer.LParen {
			end := matchParen(body, i+1, hi)
			va := len(m.params) - 1
			if len(p.argExpanded(va, args, expanded)) > 0 {
				out = append(out, p.substRange(nil, m, i+2, end, args, expanded, inv)...)
			} else if i == 0 && len(out) == 0 {
				out = append(out, tok{Token: lexer.Token{Kind: placemarker, Flags: lexer.ExpansionEnd}}) // as an empty first argument
			} else {
				out = append(out, tok{Token: lexer.Token{Kind: placemarker}})
			}
			i = end
			continue
		}
		// # param (6.10.3.2)
		if m.funcLike && b.Kind == lexer.Hash && isParam(i+1) {
			s := stringize(args[idx[i+1]])
			// A new token, with no white space of its own. gcc places it where the
			// last token was read from the file (the invocation's), not in the
			// macro's definition: in -E output it is the user's code, as an
			// argument's tokens are.
			s.Pos = inv.Pos
			if p.outerInvocation.IsValid() {
				s.Pos = p.outerInvocation
			}
			s.Flags = b.Flags&^(lexer.SpaceBefore|lexer.FromMacro|lexer.SystemMacro|lexer.ExternCMacro|lexer.BuiltinMacro) | lexer.MacroArg
			setSpace(&s, b.Flags&lexer.SpaceBefore != 0)
			out = append(out, s)
			i++
			continue
		}
		// param next to ## is not expanded (6.10.3.1p1)
		if isParam(i) {
			a := args[idx[i]]
			if i+1 < hi && body[i+1].Kind == lexer.HashHash || i > lo && body[i-1].Kind == lexer.HashHash {
				if len(a) == 0 {
					out = append(out, tok{Token: lexer.Token{Kind: placemarker}})
				} else {
					out = appendArg(out, a, b.Flags)
				}
			} else if p.inIf && m.hasInclude {
				out = appendArg(out, a, b.Flags)
			} else {
				n := len(out)
				out = appendArg(out, p.argExpanded(idx[i], args, expanded), b.Flags)
				if n == 0 && len(out) == 0 && i == 0 {
					// An empty argument first in the replacement: gcc's padding
					// after it lets the next token keep its own white space (a
					// placemarker marked ExpansionEnd, which subst reads).
					out = append(out, tok{Token: lexer.Token{Kind: placemarker, Flags: lexer.ExpansionEnd}})
				} else if len(out) == n && i+1 == len(body) && b.Flags&lexer.SpaceBefore != 0 {
					// At the end of the replacement, the white space goes before
					// whatever follows the expansion (a placemarker that subst
					// keeps).
					out = append(out, tok{Token: lexer.Token{Kind: placemarker, Flags: lexer.SpaceBefore}})
				} else if len(out) == n && i+1 < hi && b.Flags&lexer.SpaceBefore != 0 {
					// An empty argument still separates what surrounds it in -E
					// output (gcc's padding): "lock; __VA_ARGS__;" gives "lock; ;".
					next := body[i+1]
					if !isParam(i+1) && next.Kind != lexer.HashHash && next.Kind != lexer.Hash {
						next.Pos = inv.Pos
						next.Flags |= from | lexer.ExpansionStart
						setSpace(&next, true)
						out = append(out, next)
						i++
					}
				}
			}
			continue
		}
		if b.Kind == lexer.HashHash && i > lo && i+1 < hi {
			// GNU: ", ## __VA_ARGS__" drops the comma when the variable arguments are empty.
			va := len(m.params) - 1
			if m.variadic && isParam(i+1) && idx[i+1] == va && len(out) > 0 && out[len(out)-1].Kind == lexer.Comma {
				if len(args[va]) == 0 {
					out = out[:len(out)-1]
				} else {
					// The arguments keep their own spacing: gcc pads no operand of ##.
					var own lexer.Flags
					if ownSpace(&args[va][0]) {
						own = lexer.SpaceBefore
					}
					out = appendArg(out, args[va], own)
				}
				i++
				continue
			}
			var rhs []tok
			if isParam(i + 1) {
				rhs = args[idx[i+1]]
			} else if m.variadic && body[i+1].Text == "__VA_OPT__" && i+2 < hi && body[i+2].Kind == lexer.LParen {
				end := matchParen(body, i+2, hi)
				if len(p.argExpanded(va, args, expanded)) > 0 {
					rhs = p.substRange(nil, m, i+3, end, args, expanded, inv)
				}
				i = end - 1
			} else {
				r := body[i+1]
				r.Pos = inv.Pos
				rhs = []tok{r}
			}
			i++
			if len(rhs) == 0 {
				continue // x ## placemarker = x
			}
			lhs := &out[len(out)-1]
			if lhs.Kind == placemarker {
				fl := lhs.Flags &^ lexer.ExpansionEnd
				*lhs = rhs[0]
				lhs.Flags = fl | rhs[0].Flags&(lexer.SpaceBefore|lexer.PaddingSpace)
			} else if rhs[0].Kind != placemarker {
				if res, ok := p.paste(*lhs, rhs[0]); ok {
					*lhs = res
					lhs.Flags |= lexer.ExpansionEnd // a pasted token is rescanned on its own
				} else {
					// An invalid paste: the operands stay two tokens, the right one
					// with its own spacing, as gcc leaves them.
					r := rhs[0]
					r.Flags &^= lexer.StartOfLine
					setSpace(&r, ownSpace(&r))
					out = append(out, r)
				}
			}
			out = append(out, rhs[1:]...)
			continue
		}
		out = append(out, b)
	}
	return out
}

// setSpace gives t the white space before it that -E output shows where a
// substitution places it (gcc's padding), keeping a record of the token's own
// (PaddingSpace), which an operand of ## goes by.
func setSpace(t *tok, space bool) {
	own := ownSpace(t)
	t.Flags &^= lexer.SpaceBefore | lexer.PaddingSpace
	if space {
		t.Flags |= lexer.SpaceBefore
	}
	if space != own {
		t.Flags |= lexer.PaddingSpace
	}
}

// ownSpace reports whether white space preceded t where it was written (gcc's
// PREV_WHITE), whatever the substitutions that carried it made of it.
func ownSpace(t *tok) bool {
	return (t.Flags&lexer.SpaceBefore != 0) != (t.Flags&lexer.PaddingSpace != 0)
}

// appendArg appends an argument's tokens, marked MacroArg; the first takes the
// parameter's spacing.
func appendArg(out, a []tok, flags lexer.Flags) []tok {
	n := len(out)
	out = append(out, a...)
	for i := n; i < len(out); i++ {
		out[i].Flags |= lexer.MacroArg
	}
	if len(out) > n {
		out[len(out)-1].Flags |= lexer.ExpansionEnd
		out[n].Flags |= lexer.ExpansionStart
		setSpace(&out[n], flags&lexer.SpaceBefore != 0)
	}
	return out
}

// matchParen returns the index of the ')' matching the '(' at body[open].
func matchParen(body []tok, open, hi int) int {
	depth := 0
	for i := open; i < hi; i++ {
		switch body[i].Kind {
		case lexer.LParen:
			depth++
		case lexer.RParen:
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return hi
}

// stringize implements the # operator (C11 6.10.3.2p2): white space between tokens
// becomes one space, and '"' and '\' inside string literals and character constants are
// escaped.
func stringize(arg []tok) tok {
	var b strings.Builder
	b.WriteByte('"')
	for i, t := range arg {
		if t.Kind == placemarker {
			continue
		}
		if i > 0 && t.Flags&(lexer.SpaceBefore|lexer.StartOfLine) != 0 {
			b.WriteByte(' ')
		}
		if t.Kind == lexer.String || t.Kind == lexer.Char {
			for k := 0; k < len(t.Text); k++ {
				if c := t.Text[k]; c == '"' || c == '\\' {
					b.WriteByte('\\')
				}
				b.WriteByte(t.Text[k])
			}
		} else {
			b.WriteString(t.Spelling())
		}
	}
	b.WriteByte('"')
	return tok{Token: lexer.Token{Kind: lexer.String, Text: b.String()}}
}

// paste implements ## (C11 6.10.3.3p3): the result must be one valid token. When it
// is not, ok is false and the operands stay apart; that is an error, except in
// assembler-with-cpp (gcc).
func (p *pp) paste(l, r tok) (tok, bool) {
	kind, spelling, ok := lexer.One(l.Text+r.Text, p.lexOpts)
	if !ok {
		if !p.cfg.Assembler {
			p.errorf(l.Pos, "pasting \"%s\" and \"%s\" does not give a valid preprocessing token", l.Text, r.Text)
		}
		return l, false
	}
	res := l
	res.Kind = kind
	res.Text = spelling
	// The result is a new token: a NoExpand paint on an operand (an identifier that
	// named a macro being expanded, 6.10.3.4p2) does not carry over to it
	// (gcc.c-torture/compile/981001-3: FLT painted, FLT ## _MIN_EXP expands).
	res.Flags &^= lexer.NoExpand
	res.hs = hsUnion(l.hs, r.hs)
	return res, true
}

// expandBuiltin replaces a dynamic macro. It returns (token, true) when the token is final,
// or false after pushing replacement tokens back onto in.
func (p *pp) expandBuiltin(in *input, m *macro, t tok) (tok, bool) {
	mk := func(k lexer.Kind, text string) (tok, bool) {
		// A new token, with no white space of its own; -E output shows the name's.
		r := tok{Token: lexer.Token{Kind: k, Flags: t.Flags &^ (lexer.SpaceBefore | lexer.PaddingSpace), Text: text, Pos: t.Pos}, hs: t.hs.add(m)}
		setSpace(&r, t.Flags&lexer.SpaceBefore != 0)
		return r, true
	}
	switch m.builtin {
	case bPoisoned:
		p.errorf(t.Pos, "attempt to use poisoned \"%s\"", t.Text)
		return t, true
	case bFile:
		return mk(lexer.String, quote(p.remapMacroFile(p.presumedName())))
	case bBaseFile:
		return mk(lexer.String, quote(p.remapMacroFile(p.baseFile)))
	case bLine:
		line := int(t.Pos.Line)
		return mk(lexer.Number, strconv.Itoa(line))
	case bCounter:
		p.counter++
		return mk(lexer.Number, strconv.Itoa(p.counter-1))
	case bIncludeLevel:
		return mk(lexer.Number, strconv.Itoa(p.includeLevel()))
	case bDate:
		return mk(lexer.String, p.now.Format(`"Jan _2 2006"`))
	case bTime:
		return mk(lexer.String, p.now.Format(`"15:04:05"`))
	case bTimestamp:
		return mk(lexer.String, p.timestamp())
	case bHasAttribute, bHasStdAttribute:
		return mk(lexer.Number, strconv.Itoa(p.hasAttributeOperator(in, t, m.builtin == bHasStdAttribute)))
	case bHasBuiltin:
		return mk(lexer.Number, strconv.Itoa(p.hasBuiltinOperator(in, t)))
	case bPragma:
		if !in.fromFile {
			// Inside an argument or #if: left for the rescan of the enclosing
			// expansion, as gcc does.
			return t, true
		}
		p.pragmaOperator(in, t)
		return tok{}, false
	}
	return t, true
}

// quote makes a string literal whose value is s.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('"')
	return b.String()
}

// pragmaOperator handles _Pragma ( string-literal ) (C11 6.10.9): the literal is
// destringized and processed as a #pragma line.
func (p *pp) pragmaOperator(in *input, name tok) {
	l := p.expandOne(in)
	s := p.expandOne(in)
	r := p.expandOne(in)
	if l.Kind != lexer.LParen || s.Kind != lexer.String || r.Kind != lexer.RParen {
		p.errorf(name.Pos, "_Pragma takes a parenthesized string literal")
		return
	}
	text := s.Text
	if text[0] == 'L' {
		text = text[1:]
	}
	text = text[1 : len(text)-1]
	text = strings.NewReplacer(`\"`, `"`, `\\`, `\`).Replace(text)
	lt := lexer.TokenizeString("<_Pragma>", text, name.Pos, p.diags)
	line := make([]tok, 0, len(lt))
	for _, x := range lt[:len(lt)-1] {
		x.Flags &^= lexer.StartOfLine
		line = append(line, tok{Token: x})
	}
	out := p.pragma(name, line)
	if !p.cfg.Assembler {
		pushList(in, out)
	}
}

// remapMacroFile applies -fmacro-prefix-map to a file name for __FILE__ and
// __BASE_FILE__: the last option whose old prefix starts name replaces it.
func (p *pp) remapMacroFile(name string) string {
	m := p.cfg.MacroPrefixMap
	for i := len(m) - 1; i >= 0; i-- {
		if strings.HasPrefix(name, m[i][0]) {
			return m[i][1] + name[len(m[i][0]):]
		}
	}
	return name
}
