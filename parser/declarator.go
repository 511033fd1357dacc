package parser

import (
	"gocc/ast"
	"gocc/diag"
	"gocc/lexer"
)

// declMode says what kind of declarator is allowed.
type declMode uint8

const (
	declNamed    declMode = iota // declarator: an identifier is required
	declAbstract                 // abstract-declarator: no identifier
	declEither                   // parameter declarations: either
)

// declarator is a parsed declarator (C11 6.7.6), kept as the list of derivations so it
// can be applied to the specified type once it is complete.
type declarator struct {
	name     string
	pos      diag.Pos
	ptrs     []ptrPart
	inner    *declarator // "( declarator )", or nil
	suffixes []suffixPart
	attrs    []*ast.Attr // attributes within the declarator that apply to the declaration
}

type ptrPart struct {
	qual  ast.Qual
	attrs []*ast.Attr
}

// suffixPart is an array or function declarator suffix.
type suffixPart struct {
	pos   diag.Pos
	array bool
	// Array (C11 6.7.6.2): lenExpr nil means "[]" (or "[*]" if star).
	lenExpr ast.Expr
	static  bool
	star    bool
	qual    ast.Qual // "[const 3]": qualifiers for the pointer a parameter array becomes
	// Function (C11 6.7.6.3).
	params     []*ast.Param
	paramDecls []*ast.Decl // the same parameters as declarations, for definitions
	variadic   bool
	oldStyle   bool
	identList  bool // K&R identifier list
}

// apply builds the declared type from the specified type base. It also returns the
// parameter declarations if the outermost derivation is a function declarator (the
// parameters a function definition names), else nil.
func (d *declarator) apply(base *ast.Type) (*ast.Type, *suffixPart) {
	t := base
	var fn *suffixPart
	for d != nil {
		for _, ptr := range d.ptrs {
			t = &ast.Type{Kind: ast.Pointer, Base: t, Qual: ptr.qual, Attrs: ptr.attrs}
			fn = nil
		}
		for i := len(d.suffixes) - 1; i >= 0; i-- {
			s := &d.suffixes[i]
			if s.array {
				a := &ast.Type{Kind: ast.Array, Base: t, LenExpr: s.lenExpr, Static: s.static, Qual: s.qual}
				if s.lenExpr == nil {
					a.Len = -1
					a.VLA = s.star
				}
				t = a
				fn = nil
			} else {
				t = &ast.Type{Kind: ast.Func, Base: t, Params: s.params, Variadic: s.variadic, OldStyle: s.oldStyle}
				fn = s
			}
		}
		d = d.inner
	}
	return t, fn
}

// allAttrs returns the attributes written inside the declarator, at every level.
func (d *declarator) allAttrs() []*ast.Attr {
	if d.inner == nil {
		return d.attrs
	}
	return append(append([]*ast.Attr(nil), d.attrs...), d.inner.allAttrs()...)
}

// innermost returns the innermost declarator (the one holding the name).
func (d *declarator) innermost() *declarator {
	for d.inner != nil {
		d = d.inner
	}
	return d
}

// declarator parses
//
//	declarator: pointer? direct-declarator
//	pointer: * type-qualifier-list? | * type-qualifier-list? pointer
//	direct-declarator:
//		identifier | ( attributes? declarator )
//		direct-declarator [ ... ] | direct-declarator ( parameter-type-list )
//		direct-declarator ( identifier-list? )
//	abstract-declarator: pointer | pointer? direct-abstract-declarator
//	direct-abstract-declarator:
//		( abstract-declarator ) | direct-abstract-declarator? [ ... ]
//		direct-abstract-declarator? ( parameter-type-list? )
func (p *Parser) declarator(mode declMode) *declarator {
	d := &declarator{pos: p.tok.Pos}
	if !p.enter() {
		p.skipTo(lexer.Semi, lexer.Comma, lexer.RParen)
		return d
	}
	defer p.leave()
	d.attrs = p.attributes(nil) // GNU: "int a, __attribute__((unused)) b;"
	for p.at(lexer.Star) {
		p.next()
		var ptr ptrPart
		ptr.qual, ptr.attrs = p.typeQualifierList(nil)
		d.ptrs = append(d.ptrs, ptr)
	}
	d.pos = p.tok.Pos
	switch {
	case p.at(lexer.Ident) && p.kw == kwNone && mode != declAbstract:
		d.name = p.tok.Text
		p.next()
	case p.at(lexer.LParen) && p.nestedDeclarator(mode):
		p.next()
		d.inner = p.declarator(mode)
		p.expect(lexer.RParen)
	case mode == declNamed:
		p.errorExpected("identifier or '('")
		return d
	}
	for {
		switch {
		case p.at(lexer.LBrack):
			if nt, _ := p.peek(1); nt.Kind == lexer.LBrack {
				p.skipStdAttributes()
				continue
			}
			d.suffixes = append(d.suffixes, p.arraySuffix())
			continue
		case p.at(lexer.LParen):
			d.suffixes = append(d.suffixes, p.functionSuffix())
			continue
		}
		break
	}
	return d
}

// nestedDeclarator decides, at a '(' in a declarator, between "( declarator )" and a
// function suffix of an omitted (abstract) declarator: a parameter list starts with a
// type name or ')' (C11 6.7.6.3p11: a typedef name in parentheses is a parameter).
func (p *Parser) nestedDeclarator(mode declMode) bool {
	if mode == declNamed {
		return true
	}
	t, kw := p.peek(1)
	switch t.Kind {
	case lexer.Star, lexer.LParen, lexer.LBrack:
		return true
	case lexer.Ident:
		if kw == kwAttribute {
			// "(__attribute__((mode(SI))) int x)" is a parameter list: after the
			// attributes, declaration specifiers follow (gcc's 20010313-1.c).
			t, kw = p.peekPastAttributes(1)
			return t.Kind != lexer.RParen && !p.startsDecl(t, kw)
		}
		if kw != kwNone {
			return false
		}
		return mode == declEither && p.typedefType(t.Text) == nil
	}
	return false
}

// peekPastAttributes returns the token after the __attribute__((...)) groups that
// start at peek(n).
func (p *Parser) peekPastAttributes(n int) (*lexer.Token, keyword) {
	for {
		t, kw := p.peek(n)
		if kw != kwAttribute {
			return t, kw
		}
		n++
		for depth := 0; ; n++ {
			t, _ = p.peek(n)
			switch t.Kind {
			case lexer.EOF:
				return t, kwNone
			case lexer.LParen:
				depth++
			case lexer.RParen:
				depth--
			}
			if depth == 0 {
				n++
				break
			}
		}
	}
}

// typeQualifierList parses
//
//	type-qualifier-list: (type-qualifier | attributes)+
func (p *Parser) typeQualifierList(attrs []*ast.Attr) (ast.Qual, []*ast.Attr) {
	var q ast.Qual
	for {
		switch p.kw {
		case kwConst:
			q |= ast.Const
		case kwVolatile:
			q |= ast.Volatile
		case kwRestrict:
			q |= ast.Restrict
		case kwAtomic:
			q |= ast.Atomic
		case kwAttribute:
			attrs = p.attributes(attrs)
			continue
		default:
			return q, attrs
		}
		p.next()
	}
}

// arraySuffix parses
//
//	[ type-qualifier-list? assignment-expression? ]
//	[ static type-qualifier-list? assignment-expression ]
//	[ type-qualifier-list static assignment-expression ]
//	[ type-qualifier-list? * ]
func (p *Parser) arraySuffix() suffixPart {
	s := suffixPart{pos: p.tok.Pos, array: true}
	p.next()
	if p.kw == kwStatic {
		s.static = true
		p.next()
	}
	s.qual, _ = p.typeQualifierList(nil)
	if p.kw == kwStatic {
		s.static = true
		p.next()
	}
	if p.at(lexer.Star) {
		if nt, _ := p.peek(1); nt.Kind == lexer.RBrack {
			s.star = true
			p.next()
		}
	}
	if !s.star && !p.at(lexer.RBrack) {
		s.lenExpr = p.assignmentExpression()
	}
	if !p.expect(lexer.RBrack) {
		p.skipTo(lexer.RBrack, lexer.Semi)
		p.accept(lexer.RBrack)
	}
	return s
}

// functionSuffix parses
//
//	( parameter-type-list ) | ( identifier-list? )
//	parameter-type-list: parameter-list | parameter-list , ...
//	parameter-list: parameter-declaration | parameter-list , parameter-declaration
//	parameter-declaration:
//		declaration-specifiers declarator attributes?
//		declaration-specifiers abstract-declarator? attributes?
//	identifier-list: identifier | identifier-list , identifier
//
// Parameters are declared in a function prototype scope (C11 6.2.1p4) that ends with
// the list; a function definition re-declares them in its body's scope.
func (p *Parser) functionSuffix() suffixPart {
	s := suffixPart{pos: p.tok.Pos}
	p.next()
	if p.accept(lexer.RParen) {
		s.oldStyle = true
		return s
	}
	// K&R identifier list: an identifier that is not a type name.
	if p.at(lexer.Ident) && p.kw == kwNone && p.typedefType(p.tok.Text) == nil {
		if nt, _ := p.peek(1); nt.Kind == lexer.Comma || nt.Kind == lexer.RParen {
			s.oldStyle, s.identList = true, true
			for {
				if !p.at(lexer.Ident) || p.kw != kwNone {
					p.errorExpected("identifier")
					break
				}
				pos := p.tok.Pos
				name := p.tok.Text
				p.next()
				s.params = append(s.params, &ast.Param{Pos: pos, Name: name, Type: &ast.Type{Kind: ast.Int}})
				s.paramDecls = append(s.paramDecls, &ast.Decl{Pos: pos, Name: name, Type: &ast.Type{Kind: ast.Int}})
				if !p.accept(lexer.Comma) {
					break
				}
			}
			if !p.expect(lexer.RParen) {
				p.skipTo(lexer.RParen)
				p.accept(lexer.RParen)
			}
			return s
		}
	}
	p.openScope()
	defer p.closeScope()
	for {
		if p.accept(lexer.Ellipsis) {
			if len(s.params) == 0 {
				p.errorf(p.tok.Pos, "ISO C requires a named argument before '...'")
			}
			s.variadic = true
			break
		}
		pos := p.tok.Pos
		ds := p.declarationSpecifiers(true)
		if !ds.any {
			p.errorExpected("declaration specifiers or '...'")
			p.skipTo(lexer.RParen)
			break
		}
		if ds.storage != ast.StorageNone && ds.storage != ast.Register {
			p.errorf(pos, "storage class specified for parameter")
		}
		d := p.declarator(declEither)
		typ, _ := d.apply(ds.typ)
		in := d.innermost()
		attrs := append(append([]*ast.Attr(nil), ds.attrs...), d.allAttrs()...)
		attrs = p.attributes(attrs)
		if in.name != "" {
			pos = in.pos
		}
		p.bindName(in.name, nil)
		// The type attributes of a parameter declaration (mode, vector_size) belong
		// to its type, in the prototype as in the definition.
		for _, a := range attrs {
			if a.Name == "mode" || a.Name == "vector_size" {
				nt := *typ
				nt.Attrs = append(append([]*ast.Attr(nil), typ.Attrs...), a)
				typ = &nt
			}
		}
		s.params = append(s.params, &ast.Param{Pos: pos, Name: in.name, Type: typ})
		s.paramDecls = append(s.paramDecls, &ast.Decl{Pos: pos, Name: in.name, Type: typ,
			Storage: ds.storage, Attrs: attrs})
		if !p.accept(lexer.Comma) {
			break
		}
	}
	if !p.expect(lexer.RParen) {
		p.skipTo(lexer.RParen)
		p.accept(lexer.RParen)
	}
	// "(void)": no parameters (C11 6.7.6.3p10), also through a typedef for void.
	if len(s.params) == 1 && !s.variadic && s.params[0].Name == "" {
		if t := s.params[0].Type; t.Kind == ast.Void && t.Qual == 0 {
			s.params, s.paramDecls = nil, nil
		}
	}
	return s
}

// typeName parses
//
//	type-name: specifier-qualifier-list abstract-declarator?
func (p *Parser) typeName() *ast.Type {
	ds := p.declarationSpecifiers(false)
	if !ds.any {
		p.errorExpected("specifier-qualifier-list")
	}
	d := p.declarator(declAbstract)
	t, _ := d.apply(ds.typ)
	if len(ds.attrs) > 0 || len(d.allAttrs()) > 0 {
		c := *t
		c.Attrs = append(append(append([]*ast.Attr(nil), t.Attrs...), ds.attrs...), d.allAttrs()...)
		t = &c
	}
	return t
}
