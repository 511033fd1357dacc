package parser

import (
	"gocc/ast"
	"gocc/lexer"
)

// alignas parses
//
//	alignment-specifier: _Alignas ( type-name ) | _Alignas ( constant-expression )
//
// as an attribute "_Alignas" (sema treats it as aligned(expr), but _Alignas(0) has no
// effect, C11 6.7.5p6), with a type operand written as _Alignof(type).
func (p *Parser) alignas() *ast.Attr {
	pos := p.tok.Pos
	p.next()
	a := &ast.Attr{Pos: pos, Name: "_Alignas"}
	if !p.expect(lexer.LParen) {
		return a
	}
	if p.startsTypeName(p.tok, p.kw) {
		tpos := p.tok.Pos
		t := p.typeName()
		a.Args = []ast.Expr{&ast.Sizeof{ExprBase: ast.ExprBase{Pos: tpos}, Align: true, Of: t}}
	} else {
		a.Args = []ast.Expr{p.constantExpression()}
	}
	p.expect(lexer.RParen)
	return a
}

// asmLabel parses
//
//	asm-label: asm ( string-literal )       (GNU: the declarator's assembler name)
func (p *Parser) asmLabel() string {
	p.next()
	if !p.expect(lexer.LParen) {
		return ""
	}
	s := p.stringText()
	p.expect(lexer.RParen)
	return s
}

// attributes parses any number of
//
//	attributes: __attribute__ ( ( attribute-list ) )
//	attribute-list: attribute? | attribute-list , attribute?
//	attribute: attribute-name | attribute-name ( attribute-arguments? )
//
// appending them to attrs, and skips C2x [[...]] attributes.
func (p *Parser) attributes(attrs []*ast.Attr) []*ast.Attr {
	for {
		if p.at(lexer.LBrack) {
			if nt, _ := p.peek(1); nt.Kind == lexer.LBrack {
				p.skipStdAttributes()
				continue
			}
		}
		if p.kw != kwAttribute {
			return attrs
		}
		p.next()
		if !p.expect(lexer.LParen) || !p.expect(lexer.LParen) {
			p.skipTo(lexer.RParen)
			p.accept(lexer.RParen)
			return attrs
		}
		for !p.at(lexer.RParen) && !p.at(lexer.EOF) {
			if p.accept(lexer.Comma) {
				continue
			}
			if !p.at(lexer.Ident) {
				p.errorExpected("identifier")
				p.skipTo(lexer.RParen)
				break
			}
			a := &ast.Attr{Pos: p.tok.Pos, Name: stripUnderscores(p.tok.Text)}
			p.next()
			if p.accept(lexer.LParen) {
				for !p.at(lexer.RParen) && !p.at(lexer.EOF) {
					a.Args = append(a.Args, p.attributeArgument())
					if !p.accept(lexer.Comma) {
						break
					}
				}
				if !p.expect(lexer.RParen) {
					p.skipTo(lexer.RParen)
					p.accept(lexer.RParen)
				}
			}
			attrs = append(attrs, a)
			if !p.at(lexer.RParen) && !p.expect(lexer.Comma) {
				p.skipTo(lexer.RParen)
				break
			}
		}
		p.expect(lexer.RParen)
		p.expect(lexer.RParen)
	}
}

// attributeArgument parses one argument: an identifier (kept as an unresolved
// *ast.Ident, whatever it names) or an assignment-expression.
func (p *Parser) attributeArgument() ast.Expr {
	if p.at(lexer.Ident) {
		if nt, _ := p.peek(1); nt.Kind == lexer.Comma || nt.Kind == lexer.RParen {
			id := &ast.Ident{ExprBase: ast.ExprBase{Pos: p.tok.Pos}, Name: p.tok.Text}
			p.next()
			return id
		}
	}
	return p.assignmentExpression()
}

// stripUnderscores turns "__name__" into "name" (gcc treats both spellings alike).
func stripUnderscores(s string) string {
	if len(s) > 4 && s[:2] == "__" && s[len(s)-2:] == "__" {
		return s[2 : len(s)-2]
	}
	return s
}

// skipStdAttributes skips one C2x attribute-specifier "[[ ... ]]"; such attributes are
// accepted and ignored.
func (p *Parser) skipStdAttributes() {
	p.next()
	p.next()
	depth := 0
	for !p.at(lexer.EOF) {
		switch p.tok.Kind {
		case lexer.LBrack, lexer.LParen, lexer.LBrace:
			depth++
		case lexer.RParen, lexer.RBrace:
			depth--
		case lexer.RBrack:
			if depth == 0 {
				p.next()
				p.expect(lexer.RBrack)
				return
			}
			depth--
		}
		p.next()
	}
}
