package parser

import (
	"gocc/ast"
	"gocc/diag"
	"gocc/lexer"
)

// structOrUnionSpecifier parses
//
//	struct-or-union-specifier:
//		struct-or-union attributes? identifier? { struct-declaration-list } attributes?
//		struct-or-union attributes? identifier
//
// Tags follow C11 6.7.2.3: a definition or a "struct s;" declaration refers to the tag
// of the current scope (creating it), any other use to the innermost visible tag
// (creating an incomplete one in the current scope if none is visible).
func (p *Parser) structOrUnionSpecifier() *ast.Type {
	pos := p.tok.Pos
	isUnion := p.kw == kwUnion
	kind, kwName := ast.Struct, "struct"
	if isUnion {
		kind, kwName = ast.Union, "union"
	}
	p.next()
	attrs, tag, tagPos := p.tagName(pos)
	var rec *ast.Record
	switch {
	case tag == "" && !p.at(lexer.LBrace):
		p.errorExpected("'{'")
		return &ast.Type{Kind: ast.Unknown}
	case tag == "":
		rec = &ast.Record{Pos: pos, IsUnion: isUnion}
	default:
		// A definition or a lone "struct s;" declares the tag in the current scope.
		defining := p.at(lexer.LBrace) || p.at(lexer.Semi)
		b := p.lookupTag(tag, defining)
		switch {
		case b == nil:
			rec = &ast.Record{Pos: tagPos, Tag: tag, IsUnion: isUnion}
			p.bindTag(tag, &tagBinding{rec: rec})
		case b.rec == nil || b.rec.IsUnion != isUnion:
			p.errorf(tagPos, "'%s' defined as wrong kind of tag", tag)
			rec = &ast.Record{Pos: tagPos, Tag: tag, IsUnion: isUnion}
		default:
			rec = b.rec
		}
	}
	rec.Attrs = append(rec.Attrs, attrs...)
	if p.at(lexer.LBrace) {
		if rec.Complete {
			p.errorf(tagPos, "redefinition of '%s %s'", kwName, tag)
			rec = &ast.Record{Pos: tagPos, Tag: tag, IsUnion: isUnion}
		}
		p.structDeclarationList(rec)
		rec.Attrs = p.attributes(rec.Attrs)
		if n := p.pack.current(); n > 0 {
			rec.MaxFieldAlign = n
		}
		rec.Complete = true
		return &ast.Type{Kind: kind, Record: rec, Defines: true}
	}
	return &ast.Type{Kind: kind, Record: rec}
}

// structDeclarationList parses
//
//	{ struct-declaration-list? }
//	struct-declaration:
//		specifier-qualifier-list struct-declarator-list? ;
//		static_assert-declaration
//	struct-declarator-list: struct-declarator | struct-declarator-list , struct-declarator
//	struct-declarator: declarator attributes? | declarator? : constant-expression attributes?
func (p *Parser) structDeclarationList(rec *ast.Record) {
	p.next() // {
	if !p.enter() {
		p.skipTo(lexer.RBrace)
		p.accept(lexer.RBrace)
		return
	}
	defer p.leave()
	for !p.at(lexer.RBrace) && !p.at(lexer.EOF) {
		start := p.pos
		switch {
		case p.at(lexer.Semi):
			// An empty member declaration is a constraint violation gcc reports only
			// under -Wpedantic; Linux's DEFINE_LOCK_GUARD_0 relies on its silence.
			p.next()
			continue
		case p.kw == kwStaticAssert:
			p.staticAssert() // checked by nobody: sema sees only members. Parsed for syntax.
			continue
		case p.kw == kwExtension:
			p.next()
			continue
		}
		ds := p.declarationSpecifiers(false)
		if !ds.any {
			p.errorExpected("specifier-qualifier-list")
			p.skipTo(lexer.Semi)
			p.accept(lexer.Semi)
			if p.pos == start {
				p.next()
			}
			continue
		}
		if p.at(lexer.Semi) {
			// Anonymous struct or union member (C11 6.7.2.1p13).
			if ds.typ.IsRecord() && ds.typ.Record.Tag == "" {
				rec.Members = append(rec.Members, &ast.Member{Pos: ds.pos, Type: ds.typ, Attrs: ds.attrs})
			} else {
				// gcc (-fms-extensions) would accept a tagged record; plain gcc warns.
				p.warnf(ds.pos, "declaration does not declare anything")
				if ds.typ.Defines {
					rec.Defs = append(rec.Defs, ds.typ)
				}
			}
			p.next()
			continue
		}
		for {
			m := &ast.Member{Pos: p.tok.Pos}
			typ := ds.typ
			if !p.at(lexer.Colon) {
				d := p.declarator(declNamed)
				typ, _ = d.apply(ds.typ)
				in := d.innermost()
				m.Name, m.Pos = in.name, in.pos
				m.Attrs = append(m.Attrs, d.allAttrs()...)
			}
			if p.accept(lexer.Colon) {
				m.IsBitField = true
				m.WidthExpr = p.constantExpression()
			}
			m.Type = typ
			m.Attrs = append(append([]*ast.Attr(nil), ds.attrs...), m.Attrs...)
			m.Attrs = p.attributes(m.Attrs)
			rec.Members = append(rec.Members, m)
			if !p.accept(lexer.Comma) {
				break
			}
		}
		if !p.accept(lexer.Semi) {
			if p.at(lexer.RBrace) {
				p.warnf(p.tok.Pos, "no semicolon at end of struct or union")
			} else {
				p.errorExpected("':', ',', ';', '}' or '__attribute__'")
				p.skipTo(lexer.Semi)
				p.accept(lexer.Semi)
			}
		}
		if p.pos == start {
			p.next()
		}
	}
	if n := len(rec.Members); n > 0 {
		last := rec.Members[n-1].Type
		rec.HasFlexArray = last.Kind == ast.Array && last.Len < 0 && last.LenExpr == nil && !last.VLA
	}
	p.expect(lexer.RBrace)
}

// enumSpecifier parses
//
//	enum-specifier:
//		enum attributes? identifier? { enumerator-list ,? } attributes?
//		enum attributes? identifier
//	enumerator: enumeration-constant attributes? | enumeration-constant attributes? = constant-expression
//
// Enumerators become visible as ordinary identifiers right after their declaration
// (C11 6.2.1p7), hiding typedef names.
func (p *Parser) enumSpecifier() *ast.Type {
	pos := p.tok.Pos
	p.next()
	attrs, tag, tagPos := p.tagName(pos)
	var def *ast.EnumDef
	switch {
	case tag == "" && !p.at(lexer.LBrace):
		p.errorExpected("'{'")
		return &ast.Type{Kind: ast.Unknown}
	case tag == "":
		def = &ast.EnumDef{Pos: pos}
	default:
		b := p.lookupTag(tag, p.at(lexer.LBrace) || p.at(lexer.Semi))
		switch {
		case b == nil:
			def = &ast.EnumDef{Pos: tagPos, Tag: tag}
			p.bindTag(tag, &tagBinding{enum: def})
		case b.enum == nil:
			p.errorf(tagPos, "'%s' defined as wrong kind of tag", tag)
			def = &ast.EnumDef{Pos: tagPos, Tag: tag}
		default:
			def = b.enum
		}
	}
	def.Attrs = append(def.Attrs, attrs...)
	if p.accept(lexer.LBrace) {
		if def.Complete {
			p.errorf(tagPos, "redeclaration of 'enum %s'", tag)
			def = &ast.EnumDef{Pos: tagPos, Tag: tag}
		}
		for !p.at(lexer.RBrace) && !p.at(lexer.EOF) {
			if !p.at(lexer.Ident) || p.kw != kwNone {
				p.errorExpected("identifier")
				p.skipTo(lexer.RBrace)
				break
			}
			ec := &ast.EnumConst{Pos: p.tok.Pos, Name: p.tok.Text}
			p.next()
			p.attributes(nil) // enumerator attributes (deprecated, unavailable) are not kept
			if p.accept(lexer.Assign) {
				ec.Expr = p.constantExpression()
			}
			def.Consts = append(def.Consts, ec)
			p.bindName(ec.Name, nil)
			if !p.accept(lexer.Comma) {
				if !p.at(lexer.RBrace) {
					p.errorExpected("',' or '}'")
					p.skipTo(lexer.RBrace)
				}
				break
			}
		}
		p.expect(lexer.RBrace)
		def.Attrs = p.attributes(def.Attrs)
		def.Complete = true
		return &ast.Type{Kind: ast.Enum, Enum: def, Defines: true}
	}
	return &ast.Type{Kind: ast.Enum, Enum: def}
}

// tagName parses the attributes and the optional identifier after "struct", "union" or
// "enum" (C11 6.7.2.1p1, 6.7.2.2p1). Without an identifier, tag is "" and tagPos is pos.
func (p *Parser) tagName(pos diag.Pos) (attrs []*ast.Attr, tag string, tagPos diag.Pos) {
	attrs = p.attributes(nil)
	tagPos = pos
	if p.at(lexer.Ident) && p.kw == kwNone {
		tag, tagPos = p.tok.Text, p.tok.Pos
		p.next()
	}
	return attrs, tag, tagPos
}
