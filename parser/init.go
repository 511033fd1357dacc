package parser

import (
	"gocc/ast"
	"gocc/lexer"
)

// initializer parses
//
//	initializer: assignment-expression | { initializer-list ,? } | { }
func (p *Parser) initializer() ast.Expr {
	if !p.at(lexer.LBrace) {
		return p.assignmentExpression()
	}
	return p.initializerList()
}

// initializerList parses
//
//	{ initializer-list ,? }
//	initializer-list: designation? initializer | initializer-list , designation? initializer
//	designation: designator-list = | identifier :  (GNU, obsolete) | [ const-expr ] (GNU, no '=')
//	designator: [ constant-expression ] | [ constant-expression ... constant-expression ] | . identifier
func (p *Parser) initializerList() *ast.InitList {
	list := &ast.InitList{ExprBase: ast.ExprBase{Pos: p.tok.Pos}}
	p.next() // {
	if !p.enter() {
		p.skipTo(lexer.RBrace)
		p.accept(lexer.RBrace)
		return list
	}
	defer p.leave()
	for !p.at(lexer.RBrace) && !p.at(lexer.EOF) {
		item := &ast.InitItem{Pos: p.tok.Pos}
		if p.at(lexer.Ident) && p.kw == kwNone {
			if nt, _ := p.peek(1); nt.Kind == lexer.Colon {
				// GNU old-style "field: value".
				item.Desg = []ast.Designator{{Pos: p.tok.Pos, Field: p.tok.Text}}
				p.next()
				p.next()
			}
		}
		if item.Desg == nil && (p.at(lexer.LBrack) || p.at(lexer.Dot)) {
			for p.at(lexer.LBrack) || p.at(lexer.Dot) {
				dg := ast.Designator{Pos: p.tok.Pos}
				if p.accept(lexer.Dot) {
					if !p.at(lexer.Ident) {
						p.errorExpected("identifier")
						break
					}
					dg.Field = p.tok.Text
					p.next()
				} else {
					p.next()
					dg.Index = p.constantExpression()
					if p.accept(lexer.Ellipsis) {
						dg.Hi = p.constantExpression()
					}
					p.expect(lexer.RBrack)
				}
				item.Desg = append(item.Desg, dg)
			}
			if !p.accept(lexer.Assign) {
				// GNU allows "[i] value" without '='; anything else needs it.
				if len(item.Desg) != 1 || item.Desg[0].Field != "" {
					p.errorExpected("'='")
				}
			}
		}
		item.Value = p.initializer()
		list.Items = append(list.Items, item)
		if !p.accept(lexer.Comma) {
			break
		}
	}
	if !p.expect(lexer.RBrace) {
		p.skipTo(lexer.RBrace, lexer.Semi)
		p.accept(lexer.RBrace)
	}
	return list
}
