package ir

// Parser of the IR text form printed by print.go (the grammar is described there).
// Value and block IDs are kept as written; forward references (phi arguments, branch
// targets, predecessors) are allowed. Use counts are computed from the parsed arguments
// and controls. The parser checks syntax and references only; Verify checks the rest.

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

type tokKind uint8

const (
	tokEOF tokKind = iota
	tokNewline
	tokIdent  // letters, digits, _ . $ (also "...")
	tokNumber // an integer or float, possibly signed (also +Inf, -Inf)
	tokString // a Go-quoted string, already unquoted in text
	tokPunct  // = , : ( ) { } @ -> <-
)

type token struct {
	kind tokKind
	text string
	line int
}

func lex(src string) ([]token, error) {
	var toks []token
	line := 1
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			toks = append(toks, token{tokNewline, "\n", line})
			line++
			i++
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == ';':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '"':
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				if j < len(src) && src[j] == '\n' {
					break
				}
				j++
			}
			if j >= len(src) || src[j] != '"' {
				return nil, fmt.Errorf("line %d: unterminated string", line)
			}
			s, err := strconv.Unquote(src[i : j+1])
			if err != nil {
				return nil, fmt.Errorf("line %d: bad string %s: %v", line, src[i:j+1], err)
			}
			toks = append(toks, token{tokString, s, line})
			i = j + 1
		case c == '-' && i+1 < len(src) && src[i+1] == '>':
			toks = append(toks, token{tokPunct, "->", line})
			i += 2
		case c == '<' && i+1 < len(src) && src[i+1] == '-':
			toks = append(toks, token{tokPunct, "<-", line})
			i += 2
		case c >= '0' && c <= '9' || (c == '-' || c == '+') && i+1 < len(src) && (src[i+1] >= '0' && src[i+1] <= '9' || src[i+1] == 'I'):
			j := i + 1
			for j < len(src) {
				d := src[j]
				if isIdentChar(d) && d != '$' {
					j++
					continue
				}
				if (d == '+' || d == '-') && (src[j-1] == 'e' || src[j-1] == 'E') && !strings.HasPrefix(src[i:j], "0x") && !strings.HasPrefix(src[i:j], "-0x") {
					j++
					continue
				}
				break
			}
			toks = append(toks, token{tokNumber, src[i:j], line})
			i = j
		case isIdentChar(c):
			j := i
			for j < len(src) && isIdentChar(src[j]) {
				j++
			}
			toks = append(toks, token{tokIdent, src[i:j], line})
			i = j
		case strings.IndexByte("=,:(){}@", c) >= 0:
			toks = append(toks, token{tokPunct, string(c), line})
			i++
		default:
			return nil, fmt.Errorf("line %d: unexpected character %q", line, c)
		}
	}
	toks = append(toks, token{tokEOF, "", line})
	return toks, nil
}

type parser struct {
	toks []token
	pos  int

	// Per function.
	f       *Func
	values  map[int]*Value
	defined map[int]bool
	blocks  map[int]*Block
	bdef    map[int]bool
}

type parseError struct{ msg string }

// Parse reads a module in the text form.
func Parse(src string) (m *Module, err error) {
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	defer func() {
		if r := recover(); r != nil {
			pe, ok := r.(parseError)
			if !ok {
				panic(r)
			}
			m, err = nil, fmt.Errorf("%s", pe.msg)
		}
	}()
	return p.module(), nil
}

// MustParse is Parse for tests and tables: it panics on error.
func MustParse(src string) *Module {
	m, err := Parse(src)
	if err != nil {
		panic(err)
	}
	return m
}

func (p *parser) peek() token { return p.toks[p.pos] }

func (p *parser) next() token {
	t := p.toks[p.pos]
	if t.kind != tokEOF {
		p.pos++
	}
	return t
}

func (p *parser) errorf(format string, args ...any) {
	panic(parseError{fmt.Sprintf("line %d: ", p.peek().line) + fmt.Sprintf(format, args...)})
}

func (p *parser) is(kind tokKind, text string) bool {
	t := p.peek()
	return t.kind == kind && t.text == text
}

func (p *parser) accept(kind tokKind, text string) bool {
	if p.is(kind, text) {
		p.pos++
		return true
	}
	return false
}

func (p *parser) expect(kind tokKind, text string) {
	if !p.accept(kind, text) {
		p.errorf("expected %q, found %q", text, p.peek().text)
	}
}

func (p *parser) skipNewlines() {
	for p.peek().kind == tokNewline {
		p.pos++
	}
}

func (p *parser) endLine() {
	if t := p.peek(); t.kind != tokNewline && t.kind != tokEOF {
		p.errorf("unexpected %q at end of line", t.text)
	}
	p.skipNewlines()
}

func (p *parser) int64() int64 {
	t := p.next()
	if t.kind != tokNumber {
		p.pos--
		p.errorf("expected a number, found %q", t.text)
	}
	n, err := strconv.ParseInt(t.text, 0, 64)
	if err != nil {
		u, err2 := strconv.ParseUint(t.text, 0, 64)
		if err2 != nil {
			p.pos--
			p.errorf("bad integer %q", t.text)
		}
		n = int64(u)
	}
	return n
}

func (p *parser) uint64() uint64 {
	t := p.next()
	u, err := strconv.ParseUint(t.text, 0, 64)
	if t.kind != tokNumber || err != nil {
		p.pos--
		p.errorf("expected an unsigned number, found %q", t.text)
	}
	return u
}

func (p *parser) str() string {
	t := p.next()
	if t.kind != tokString {
		p.pos--
		p.errorf("expected a string, found %q", t.text)
	}
	return t.text
}

func (p *parser) ident() string {
	t := p.next()
	if t.kind != tokIdent {
		p.pos--
		p.errorf("expected a name, found %q", t.text)
	}
	return t.text
}

// sym parses @name or @"name".
func (p *parser) sym() string {
	p.expect(tokPunct, "@")
	t := p.next()
	if t.kind != tokIdent && t.kind != tokString {
		p.pos--
		p.errorf("expected a symbol name, found %q", t.text)
	}
	return t.text
}

// symOff parses @sym with an optional signed offset.
func (p *parser) symOff() (string, int64) {
	s := p.sym()
	if t := p.peek(); t.kind == tokNumber && (t.text[0] == '+' || t.text[0] == '-') {
		return s, p.int64()
	}
	return s, 0
}

func typeByName(s string) (Type, bool) {
	for i, n := range typeNames {
		if n == s {
			return Type(i), true
		}
	}
	return Void, false
}

func (p *parser) typ() Type {
	name := p.ident()
	t, ok := typeByName(name)
	if !ok {
		p.pos--
		p.errorf("unknown type %q", name)
	}
	return t
}

func (p *parser) isType() bool {
	t := p.peek()
	if t.kind != tokIdent {
		return false
	}
	_, ok := typeByName(t.text)
	return ok
}

func (p *parser) module() *Module {
	m := &Module{}
	p.skipNewlines()
	p.expect(tokIdent, "module")
	p.expect(tokIdent, "ptrsize")
	m.PtrSize = int(p.int64())
	p.endLine()
	for p.peek().kind != tokEOF {
		switch kw := p.ident(); kw {
		case "extern":
			name := p.sym()
			kind := p.ident()
			if kind != "func" && kind != "data" {
				p.errorf("extern kind must be func or data, found %q", kind)
			}
			if m.Externs == nil {
				m.Externs = map[string]bool{}
			}
			m.Externs[name] = kind == "func"
		case "asm":
			m.TopAsm = append(m.TopAsm, p.str())
		case "global":
			m.Globals = append(m.Globals, p.global())
		case "func":
			m.Funcs = append(m.Funcs, p.function())
		default:
			p.pos--
			p.errorf("unexpected %q at top level", kw)
		}
		p.endLine()
	}
	return m
}

func (p *parser) linkage() Linkage {
	switch {
	case p.accept(tokIdent, "internal"):
		return Internal
	case p.accept(tokIdent, "weak"):
		return Weak
	}
	return External
}

func (p *parser) global() *Global {
	g := &Global{Linkage: p.linkage()}
	g.Name = p.sym()
	p.expect(tokIdent, "size")
	g.Size = p.int64()
	p.expect(tokIdent, "align")
	g.Align = p.int64()
	for p.peek().kind == tokIdent {
		switch kw := p.ident(); kw {
		case "readonly":
			g.ReadOnly = true
		case "tls":
			g.TLS = true
		case "string":
			g.IsString = true
		case "used":
			g.Used = true
		case "extern":
			g.Extern = true
		case "section":
			g.Section = p.str()
		case "visibility":
			g.Visibility = p.str()
		case "alias":
			g.Alias = p.str()
		case "tlsmodel":
			g.TLSModel = p.str()
		case "data":
			g.Data = []byte(p.str())
		case "reloc":
			var r Reloc
			r.Offset = p.int64()
			r.Size = int(p.int64())
			r.Sym, r.Addend = p.symOff()
			if p.accept(tokIdent, "minus") {
				r.Sub = p.sym()
			}
			g.Relocs = append(g.Relocs, r)
		default:
			p.pos--
			p.errorf("unknown global attribute %q", kw)
		}
	}
	return g
}

func (p *parser) agg() *Agg {
	p.expect(tokIdent, "agg")
	p.expect(tokPunct, "{")
	a := &Agg{}
	p.expect(tokIdent, "size")
	a.Size = p.int64()
	p.expect(tokIdent, "align")
	a.Align = p.int64()
	if p.accept(tokIdent, "union") {
		a.Union = true
	}
	if p.accept(tokIdent, "packed") {
		a.Packed = true
	}
	p.expect(tokPunct, ":")
	for !p.accept(tokPunct, "}") {
		if len(a.Fields) > 0 {
			p.expect(tokPunct, ",")
		}
		var fld AggField
		fld.Offset = p.int64()
		fld.Type = p.typ()
		a.Fields = append(a.Fields, fld)
	}
	return a
}

// typeOrAgg parses TYPE, agg{...} or TYPE agg{...}.
func (p *parser) typeOrAgg() (Type, *Agg) {
	if p.is(tokIdent, "agg") {
		return Void, p.agg()
	}
	t := p.typ()
	if p.is(tokIdent, "agg") {
		return t, p.agg()
	}
	return t, nil
}

// float parses a floating constant as printed by formatFloat.
func (p *parser) float() float64 {
	t := p.next()
	if t.kind != tokNumber && t.kind != tokIdent {
		p.pos--
		p.errorf("expected a float, found %q", t.text)
	}
	f, err := strconv.ParseFloat(t.text, 64)
	if err != nil {
		p.pos--
		p.errorf("bad float %q", t.text)
	}
	return f
}

// params parses (PARAM, ..., [...], ...) and returns the params, whether "..." appeared
// and the number of params before it.
func (p *parser) params() ([]Param, bool, int) {
	p.expect(tokPunct, "(")
	var ps []Param
	variadic, numFixed := false, -1
	first := true
	for !p.accept(tokPunct, ")") {
		if !first {
			p.expect(tokPunct, ",")
		}
		first = false
		if p.accept(tokIdent, "...") {
			variadic, numFixed = true, len(ps)
			continue
		}
		t, a := p.typeOrAgg()
		ps = append(ps, Param{Type: t, Agg: a})
	}
	if numFixed < 0 {
		numFixed = len(ps)
	}
	return ps, variadic, numFixed
}

func (p *parser) function() *Func {
	f := NewFunc("")
	f.Linkage = p.linkage()
	f.Name = p.sym()
	f.Params, f.Variadic, _ = p.params()
	p.expect(tokPunct, "->")
	f.Ret, f.RetAgg = p.typeOrAgg()
	for !p.accept(tokPunct, "{") {
		switch kw := p.ident(); kw {
		case "noreturn":
			f.NoReturn = true
		case "section":
			f.Section = p.str()
		case "visibility":
			f.Visibility = p.str()
		case "constructor":
			f.Constructor = int(p.int64())
		case "destructor":
			f.Destructor = int(p.int64())
		case "align":
			f.Align = int(p.int64())
		case "usesvastart":
			f.UsesVaStart = true
		case "returnstwice":
			f.ReturnsTwice = true
		case "inline":
			f.Inline = true
		default:
			p.pos--
			p.errorf("unknown function attribute %q", kw)
		}
	}
	p.endLine()
	p.f = f
	p.values = map[int]*Value{}
	p.defined = map[int]bool{}
	p.blocks = map[int]*Block{}
	p.bdef = map[int]bool{}
	for p.accept(tokIdent, "slot") {
		if n := p.int64(); n != int64(len(f.Slots)) {
			p.errorf("slot %d out of order (expected %d)", n, len(f.Slots))
		}
		var s Slot
		p.expect(tokIdent, "size")
		s.Size = p.int64()
		p.expect(tokIdent, "align")
		s.Align = p.int64()
		s.Name = p.str()
		f.Slots = append(f.Slots, s)
		p.endLine()
	}
	var cur *Block
	for !p.accept(tokPunct, "}") {
		t := p.peek()
		if t.kind == tokEOF {
			p.errorf("missing } at end of function %s", f.Name)
		}
		if t.kind != tokIdent {
			p.errorf("unexpected %q in function", t.text)
		}
		switch {
		case isRef(t.text, 'b') && p.toks[p.pos+1].text == ":":
			cur = p.blockHeader()
		case isRef(t.text, 'v') || isOpName(t.text):
			if cur == nil {
				p.errorf("value outside a block")
			}
			p.valueLine(cur)
		default:
			if cur == nil {
				p.errorf("terminator outside a block")
			}
			p.terminator(cur)
			cur = nil
		}
		p.endLine()
	}
	maxV, maxB := -1, -1
	for id := range p.values {
		if !p.defined[id] {
			p.errorf("function %s: v%d used but not defined", f.Name, id)
		}
		maxV = max(maxV, id)
	}
	for id := range p.blocks {
		if !p.bdef[id] {
			p.errorf("function %s: b%d referenced but not defined", f.Name, id)
		}
		maxB = max(maxB, id)
	}
	f.nextValueID, f.nextBlockID = maxV+1, maxB+1
	for _, b := range f.Blocks {
		for _, v := range b.Values {
			if v.ID < 0 {
				v.ID = f.nextValueID
				f.nextValueID++
			}
		}
	}
	return f
}

// isRef reports whether s is a reference like v12 or b3 with the given prefix.
func isRef(s string, prefix byte) bool {
	if len(s) < 2 || s[0] != prefix {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func (p *parser) refID(prefix byte) int {
	t := p.next()
	if t.kind != tokIdent || !isRef(t.text, prefix) {
		p.pos--
		p.errorf("expected %c<number>, found %q", prefix, t.text)
	}
	n, err := strconv.Atoi(t.text[1:])
	if err != nil {
		p.pos--
		p.errorf("bad reference %q", t.text)
	}
	return n
}

func (p *parser) blockRef() *Block {
	id := p.refID('b')
	b := p.blocks[id]
	if b == nil {
		b = &Block{ID: id, Func: p.f}
		p.blocks[id] = b
	}
	return b
}

func (p *parser) valueRef() *Value {
	id := p.refID('v')
	v := p.values[id]
	if v == nil {
		v = &Value{ID: id}
		p.values[id] = v
	}
	return v
}

func (p *parser) blockHeader() *Block {
	b := p.blockRef()
	if p.bdef[b.ID] {
		p.errorf("b%d defined twice", b.ID)
	}
	p.bdef[b.ID] = true
	p.f.Blocks = append(p.f.Blocks, b)
	p.expect(tokPunct, ":")
	if p.accept(tokPunct, "<-") {
		for p.peek().kind == tokIdent {
			b.Preds = append(b.Preds, p.blockRef())
		}
	}
	return b
}

func (p *parser) terminator(b *Block) {
	kw := p.ident()
	found := false
	for i, n := range blockKindNames {
		if n == kw {
			b.Kind, found = BlockKind(i), true
		}
	}
	if !found {
		p.pos--
		p.errorf("unknown block kind or bad line %q", kw)
	}
	if t := p.peek(); t.kind == tokIdent && isRef(t.text, 'v') {
		b.SetControl(p.valueRef())
	}
	if p.accept(tokPunct, "->") {
		first := true
		for {
			if b.Kind == BlockSwitch {
				if !first && !p.accept(tokPunct, ",") {
					break
				}
				if !p.accept(tokIdent, "default") {
					b.Cases = append(b.Cases, p.int64())
				}
				p.expect(tokPunct, ":")
			} else if t := p.peek(); t.kind != tokIdent || !isRef(t.text, 'b') {
				break
			}
			first = false
			b.Succs = append(b.Succs, p.blockRef())
		}
	}
	if p.accept(tokIdent, "cases") {
		for p.peek().kind == tokNumber {
			b.Cases = append(b.Cases, p.int64())
		}
	}
	switch {
	case p.accept(tokIdent, "likely"):
		b.Likely = 1
	case p.accept(tokIdent, "unlikely"):
		b.Likely = -1
	case p.accept(tokIdent, "hint"):
		b.Likely = int8(p.int64())
	}
}

func isOpName(s string) bool {
	_, ok := OpByName(s)
	return ok
}

// valueLine parses "vN = op ..." or, for a void value, "op ...".
func (p *parser) valueLine(b *Block) {
	var v *Value
	if isRef(p.peek().text, 'v') {
		v = p.valueRef()
		if p.defined[v.ID] {
			p.errorf("v%d defined twice", v.ID)
		}
		p.defined[v.ID] = true
		p.expect(tokPunct, "=")
	} else {
		v = &Value{ID: -1} // numbered after the function is read
	}
	v.Block = b
	b.Values = append(b.Values, v)
	name := p.ident()
	op, ok := OpByName(name)
	if !ok {
		p.pos--
		p.errorf("unknown op %q", name)
	}
	v.Op = op
	if p.isType() {
		v.Type = p.typ()
	}
	first, last := auxIntOperand(op)
	// Operands: a comma-separated list.
	var ints []int64
	operand := func() bool {
		t := p.peek()
		switch {
		case t.kind == tokIdent && isRef(t.text, 'v'):
			v.AddArg(p.valueRef())
		case t.kind == tokIdent && isRef(t.text, 'b') && op == OpBlockAddr:
			v.AuxInt = int64(p.blockRef().ID)
		case t.kind == tokPunct && t.text == "@":
			v.Sym, v.AuxInt = p.symOff()
		case op == OpConstFloat && (t.kind == tokNumber || t.kind == tokIdent && t.text == "NaN"):
			v.AuxFloat = p.float()
		case t.kind == tokNumber:
			ints = append(ints, p.int64())
		default:
			return false
		}
		return true
	}
	if operand() {
		for p.accept(tokPunct, ",") {
			if !operand() {
				p.errorf("expected an operand, found %q", p.peek().text)
			}
		}
	}
	switch {
	case len(ints) == 0:
	case len(ints) == 1 && (first || last):
		v.AuxInt = ints[0]
	default:
		p.errorf("unexpected integer operand for %s", op)
	}
	// Attributes.
	for p.peek().kind == tokIdent {
		switch kw := p.ident(); kw {
		case "volatile":
			v.AuxInt = 1
		case "aux":
			v.AuxInt = p.int64()
		case "rmw":
			o, ok := OpByName(p.ident())
			if !ok {
				p.errorf("unknown rmw op")
			}
			v.AuxInt = int64(o)
		case "float":
			v.AuxFloat = p.float()
		case "nanbits":
			v.AuxFloat = math.Float64frombits(p.uint64())
		case "bits":
			v.AuxBits[0] = p.uint64()
			v.AuxBits[1] = p.uint64()
		case "exact":
			v.Exact = true
			v.AuxBits[0] = p.uint64()
			v.AuxBits[1] = p.uint64()
		case "sym":
			v.Sym = p.sym()
		case "sig":
			c := &CallInfo{}
			c.Params, c.Variadic, c.NumFixed = p.params()
			p.expect(tokPunct, "->")
			c.Ret, c.RetAgg = p.typeOrAgg()
			for {
				if p.accept(tokIdent, "noreturn") {
					c.NoReturn = true
				} else if p.accept(tokIdent, "returnstwice") {
					c.ReturnsTwice = true
				} else if p.accept(tokIdent, "chain") {
					c.Chain = true
				} else if p.accept(tokIdent, "lib") {
					c.Lib = v.Sym
					if p.peek().kind == tokString {
						c.Lib = p.str()
					}
				} else if p.accept(tokIdent, "fixed") {
					c.NumFixed = int(p.int64())
				} else {
					break
				}
			}
			v.Call = c
		case "agg":
			p.pos--
			v.Agg = p.agg()
		case "asm":
			v.Asm = p.asm()
		case "line":
			v.Line = int32(p.int64())
		default:
			p.pos--
			p.errorf("unknown value attribute %q", kw)
		}
	}
}

func (p *parser) asm() *AsmInfo {
	a := &AsmInfo{}
	p.expect(tokPunct, "{")
	a.Template = p.str()
	for !p.accept(tokPunct, "}") {
		switch kw := p.ident(); kw {
		case "out", "in":
			p.expect(tokPunct, "(")
			var o AsmOperand
			o.Name = p.str()
			p.expect(tokPunct, ",")
			o.Constraint = p.str()
			p.expect(tokPunct, ",")
			o.Type = p.typ()
			p.expect(tokPunct, ",")
			o.Size = p.int64()
			p.expect(tokPunct, ")")
			if kw == "out" {
				a.Outputs = append(a.Outputs, o)
			} else {
				a.Inputs = append(a.Inputs, o)
			}
		case "clobber":
			p.expect(tokPunct, "(")
			a.Clobbers = append(a.Clobbers, p.str())
			p.expect(tokPunct, ")")
		case "label":
			p.expect(tokPunct, "(")
			a.Labels = append(a.Labels, p.blockRef())
			p.expect(tokPunct, ")")
		case "volatile":
			a.Volatile = true
		case "basic":
			a.Basic = true
		default:
			p.pos--
			p.errorf("unknown asm item %q", kw)
		}
	}
	return a
}
