package parser

import (
	"gocc/ast"
	"gocc/lexer"
)

// compoundStatement parses
//
//	compound-statement: { label-declarations? block-item-list? }
//	label-declaration: __label__ identifier-list ;          (GNU)
//	block-item-list: block-item | block-item-list block-item
//
// With scope set the block opens its own scope (C11 6.2.1p4); a function body shares
// the scope its parameters were declared in.
func (p *Parser) compoundStatement(scope bool) *ast.Block {
	b := &ast.Block{StmtBase: ast.StmtBase{Pos: p.tok.Pos}}
	if !p.expect(lexer.LBrace) {
		return b
	}
	if scope {
		p.openScope()
		defer p.closeScope()
	}
	for p.kw == kwLabel {
		p.next()
		for p.at(lexer.Ident) {
			b.Labels = append(b.Labels, p.tok.Text)
			p.next()
			if !p.accept(lexer.Comma) {
				break
			}
		}
		p.expect(lexer.Semi)
	}
	for !p.at(lexer.RBrace) && !p.at(lexer.EOF) {
		start := p.pos
		if s := p.blockItem(); s != nil {
			b.Items = append(b.Items, s)
		}
		if p.pos == start {
			p.next() // no progress after an error: drop the token
		}
	}
	b.End = p.tok.Pos
	p.expect(lexer.RBrace)
	return b
}

// blockItem parses
//
//	block-item: declaration | statement
//
// An identifier starts a declaration if it is a typedef name not followed by ':'
// (which would make it a label); "unknown_type name" is treated as a declaration
// with an error, as gcc does.
func (p *Parser) blockItem() ast.Stmt {
	if p.at(lexer.Ident) || p.at(lexer.LBrack) {
		switch {
		case p.kw == kwStaticAssert:
			return p.staticAssert()
		case p.kw == kwExtension:
			if nt, nkw := p.peek(1); p.startsDecl(nt, nkw) || nkw == kwExtension {
				p.next()
				return p.blockItem()
			}
		case p.kw == kwNone && p.at(lexer.Ident):
			nt, nkw := p.peek(1)
			if nt.Kind == lexer.Colon {
				break
			}
			if p.typedefType(p.tok.Text) != nil || (nt.Kind == lexer.Ident && nkw == kwNone) {
				return p.declarationStatement()
			}
		case p.kw == kwAttribute || p.at(lexer.LBrack):
			if p.at(lexer.LBrack) {
				if nt, _ := p.peek(1); nt.Kind != lexer.LBrack {
					break
				}
			}
			// Attributes before a declaration belong to it; before ';' they are a
			// statement attribute (fallthrough), before a statement they are dropped.
			pos := p.tok.Pos
			attrs := p.attributes(nil)
			if p.startsDecl(p.tok, p.kw) {
				ds := p.declarationSpecifiers(true)
				ds.attrs = append(attrs, ds.attrs...)
				ds.pos = pos
				return &ast.DeclStmt{StmtBase: ast.StmtBase{Pos: pos}, Decls: p.declaration(ds, false)}
			}
			if p.accept(lexer.Semi) {
				return &ast.Empty{StmtBase: ast.StmtBase{Pos: pos}}
			}
			return p.statement()
		default:
			if p.startsDecl(p.tok, p.kw) {
				return p.declarationStatement()
			}
		}
	}
	return p.statement()
}

func (p *Parser) declarationStatement() ast.Stmt {
	pos := p.tok.Pos
	ds := p.declarationSpecifiers(true)
	return &ast.DeclStmt{StmtBase: ast.StmtBase{Pos: pos}, Decls: p.declaration(ds, false)}
}

// statement parses
//
//	statement:
//		labeled-statement | compound-statement | expression-statement
//		selection-statement | iteration-statement | jump-statement
//		asm-statement (GNU) | attributes ; (GNU, e.g. fallthrough)
func (p *Parser) statement() ast.Stmt {
	if !p.enter() {
		pos := p.tok.Pos
		p.skipTo(lexer.Semi)
		p.accept(lexer.Semi)
		return &ast.Empty{StmtBase: ast.StmtBase{Pos: pos}}
	}
	defer p.leave()
	pos := p.tok.Pos
	sb := ast.StmtBase{Pos: pos}
	switch p.tok.Kind {
	case lexer.LBrace:
		return p.compoundStatement(true)
	case lexer.Semi:
		p.next()
		return &ast.Empty{StmtBase: sb}
	case lexer.Ident:
		switch p.kw {
		case kwNone:
			if nt, _ := p.peek(1); nt.Kind == lexer.Colon {
				return p.labeledStatement()
			}
		case kwCase:
			return p.caseStatement()
		case kwDefault:
			p.next()
			p.expect(lexer.Colon)
			return &ast.DefaultStmt{StmtBase: sb, Body: p.labelBody()}
		case kwIf:
			return p.ifStatement()
		case kwSwitch:
			p.next()
			p.openScope()
			defer p.closeScope()
			s := &ast.SwitchStmt{StmtBase: sb, X: p.parenExpression()}
			s.Body = p.subStatement()
			return s
		case kwWhile:
			p.next()
			p.openScope()
			defer p.closeScope()
			s := &ast.WhileStmt{StmtBase: sb, Cond: p.parenExpression()}
			s.Body = p.subStatement()
			return s
		case kwDo:
			p.next()
			s := &ast.DoStmt{StmtBase: sb, Body: p.subStatement()}
			if p.kw != kwWhile {
				p.errorExpected("'while'")
				p.skipTo(lexer.Semi)
				p.accept(lexer.Semi)
				return s
			}
			p.next()
			s.Cond = p.parenExpression()
			p.expectSemi()
			return s
		case kwFor:
			return p.forStatement()
		case kwGoto:
			p.next()
			if p.accept(lexer.Star) {
				s := &ast.IndirectGoto{StmtBase: sb, X: p.expression()}
				p.expectSemi()
				return s
			}
			s := &ast.GotoStmt{StmtBase: sb}
			if p.at(lexer.Ident) {
				s.Label = p.tok.Text
				p.next()
			} else {
				p.errorExpected("identifier or '*'")
			}
			p.expectSemi()
			return s
		case kwContinue:
			p.next()
			p.expectSemi()
			return &ast.ContinueStmt{StmtBase: sb}
		case kwBreak:
			p.next()
			p.expectSemi()
			return &ast.BreakStmt{StmtBase: sb}
		case kwReturn:
			p.next()
			s := &ast.ReturnStmt{StmtBase: sb}
			if !p.at(lexer.Semi) {
				s.X = p.expression()
			}
			p.expectSemi()
			return s
		case kwAsm:
			s := p.asmStatement(false)
			p.expectSemi()
			return s
		case kwAttribute:
			p.attributes(nil)
			if p.accept(lexer.Semi) {
				return &ast.Empty{StmtBase: sb}
			}
			return p.statement()
		case kwElse:
			p.errorExpected("expression")
			p.next()
			return &ast.Empty{StmtBase: sb}
		}
	}
	s := &ast.ExprStmt{StmtBase: sb, X: p.expression()}
	p.expectSemi()
	return s
}

// expectSemi expects the ';' that ends a statement; on error it skips to the next ';'
// unless the statement list visibly continues.
func (p *Parser) expectSemi() {
	if p.accept(lexer.Semi) {
		return
	}
	p.errorExpectedAt(p.missingPos(), "';'")
	if p.at(lexer.RBrace) || p.at(lexer.EOF) {
		return
	}
	p.skipTo(lexer.Semi)
	p.accept(lexer.Semi)
}

// subStatement parses the body of a selection or iteration statement, which is a block
// of its own (C11 6.8.4p3, 6.8.5p5).
func (p *Parser) subStatement() ast.Stmt {
	p.openScope()
	defer p.closeScope()
	return p.statement()
}

// parenExpression parses "( expression )".
func (p *Parser) parenExpression() ast.Expr {
	pos := p.tok.Pos
	if !p.expect(lexer.LParen) {
		return badExpr(pos)
	}
	x := p.expression()
	if !p.expect(lexer.RParen) {
		p.skipTo(lexer.RParen, lexer.Semi, lexer.LBrace)
		p.accept(lexer.RParen)
	}
	return x
}

// labeledStatement parses
//
//	labeled-statement: identifier : attributes? statement
func (p *Parser) labeledStatement() ast.Stmt {
	s := &ast.LabeledStmt{StmtBase: ast.StmtBase{Pos: p.tok.Pos}, Label: p.tok.Text}
	p.next()
	p.next() // :
	s.Attrs = p.attributes(nil)
	s.Body = p.labelBody()
	return s
}

// labelBody parses the statement after a label. A label directly before '}' gets an
// empty statement (with a warning, as gcc), and one before a declaration labels the
// declaration (C2x, accepted by gcc).
func (p *Parser) labelBody() ast.Stmt {
	if p.at(lexer.RBrace) {
		p.warnf(p.tok.Pos, "label at end of compound statement")
		return &ast.Empty{StmtBase: ast.StmtBase{Pos: p.tok.Pos}}
	}
	if p.at(lexer.Ident) && p.kw != kwAttribute {
		if nt, _ := p.peek(1); nt.Kind != lexer.Colon && p.startsDecl(p.tok, p.kw) {
			return p.declarationStatement()
		}
	}
	return p.statement()
}

// caseStatement parses
//
//	labeled-statement: case constant-expression : statement
//	                 | case constant-expression ... constant-expression : statement  (GNU)
func (p *Parser) caseStatement() ast.Stmt {
	// A run of case labels on one statement ("case 0: case 1: ... stmt", 100,000 of
	// them in gcc's limits-caselabels.c) is parsed in a loop, not by recursion, so
	// it does not count against the nesting limit.
	var chain []*ast.CaseStmt
	for {
		s := &ast.CaseStmt{StmtBase: ast.StmtBase{Pos: p.tok.Pos}}
		p.next()
		s.Lo = p.constantExpression()
		if p.accept(lexer.Ellipsis) {
			s.Hi = p.constantExpression()
		}
		if !p.expect(lexer.Colon) {
			p.skipTo(lexer.Colon, lexer.Semi)
			p.accept(lexer.Colon)
		}
		chain = append(chain, s)
		if !p.at(lexer.Ident) || p.kw != kwCase {
			break
		}
	}
	body := p.labelBody()
	for i := len(chain) - 1; i >= 0; i-- {
		chain[i].Body = body
		body = chain[i]
	}
	return body
}

// ifStatement parses
//
//	selection-statement: if ( expression ) statement | if ( expression ) statement else statement
func (p *Parser) ifStatement() ast.Stmt {
	s := &ast.IfStmt{StmtBase: ast.StmtBase{Pos: p.tok.Pos}}
	p.next()
	p.openScope()
	defer p.closeScope()
	s.Cond = p.parenExpression()
	s.Then = p.subStatement()
	if p.kw == kwElse {
		p.next()
		s.Else = p.subStatement()
	}
	return s
}

// forStatement parses
//
//	iteration-statement:
//		for ( expression? ; expression? ; expression? ) statement
//		for ( declaration expression? ; expression? ) statement
func (p *Parser) forStatement() ast.Stmt {
	s := &ast.ForStmt{StmtBase: ast.StmtBase{Pos: p.tok.Pos}}
	p.next()
	p.openScope()
	defer p.closeScope()
	if !p.expect(lexer.LParen) {
		p.skipTo(lexer.Semi)
		p.accept(lexer.Semi)
		return s
	}
	switch {
	case p.accept(lexer.Semi):
	case p.startsDecl(p.tok, p.kw) || p.kw == kwExtension:
		if p.kw == kwExtension {
			p.next()
		}
		s.Init = p.declarationStatement()
	default:
		pos := p.tok.Pos
		s.Init = &ast.ExprStmt{StmtBase: ast.StmtBase{Pos: pos}, X: p.expression()}
		p.expect(lexer.Semi)
	}
	if !p.at(lexer.Semi) {
		s.Cond = p.expression()
	}
	p.expect(lexer.Semi)
	if !p.at(lexer.RParen) {
		s.Post = p.expression()
	}
	if !p.expect(lexer.RParen) {
		p.skipTo(lexer.RParen, lexer.LBrace, lexer.Semi)
		p.accept(lexer.RParen)
	}
	s.Body = p.subStatement()
	return s
}

// asmStatement parses (without the final ';')
//
//	asm-statement:
//		asm asm-qualifiers? ( asm-string )
//		asm asm-qualifiers? ( asm-string : asm-operands? [: asm-operands? [: clobbers? [: labels?]]] )
//	asm-qualifiers: (volatile | inline | goto)+
//	asm-operand: [ identifier ]? string-literal ( expression )
//	clobbers: string-literal | clobbers , string-literal
//	labels: identifier | labels , identifier
//
// At file scope (toplevel) only the basic form is allowed.
func (p *Parser) asmStatement(toplevel bool) *ast.AsmStmt {
	s := &ast.AsmStmt{StmtBase: ast.StmtBase{Pos: p.tok.Pos}}
	p.next()
	for {
		switch p.kw {
		case kwVolatile:
			s.Volatile = true
		case kwInline:
			s.Inline = true
		case kwGoto:
			s.Goto = true
		default:
			goto quals
		}
		p.next()
	}
quals:
	if !p.expect(lexer.LParen) {
		p.skipTo(lexer.Semi)
		return s
	}
	s.Template = p.stringText()
	if !p.at(lexer.Colon) {
		s.Basic = true
	} else if toplevel {
		p.errorf(p.tok.Pos, "expected ')' before ':' token")
	} else {
		for section := 0; section < 4 && p.accept(lexer.Colon); section++ {
			switch section {
			case 0:
				s.Outputs = p.asmOperands()
			case 1:
				s.Inputs = p.asmOperands()
			case 2:
				for p.at(lexer.String) {
					s.Clobbers = append(s.Clobbers, p.stringText())
					if !p.accept(lexer.Comma) {
						break
					}
				}
			case 3:
				for p.at(lexer.Ident) {
					s.Labels = append(s.Labels, p.tok.Text)
					p.next()
					if !p.accept(lexer.Comma) {
						break
					}
				}
			}
		}
	}
	if !p.expect(lexer.RParen) {
		p.skipTo(lexer.RParen, lexer.Semi)
		p.accept(lexer.RParen)
	}
	return s
}

func (p *Parser) asmOperands() []*ast.AsmOperand {
	var ops []*ast.AsmOperand
	for p.at(lexer.String) || p.at(lexer.LBrack) {
		op := &ast.AsmOperand{Pos: p.tok.Pos}
		if p.accept(lexer.LBrack) {
			if p.at(lexer.Ident) {
				op.Name = p.tok.Text
				p.next()
			} else {
				p.errorExpected("identifier")
			}
			p.expect(lexer.RBrack)
		}
		op.Constraint = p.stringText()
		if p.expect(lexer.LParen) {
			op.X = p.expression()
			p.expect(lexer.RParen)
		}
		ops = append(ops, op)
		if !p.accept(lexer.Comma) {
			break
		}
	}
	return ops
}

// translationUnit parses
//
//	translation-unit: external-declaration | translation-unit external-declaration
func (p *Parser) translationUnit(f *ast.File) {
	for !p.at(lexer.EOF) {
		start := p.pos
		p.externalDeclaration(f)
		if p.pos == start {
			p.next()
		}
	}
}

// externalDeclaration parses
//
//	external-declaration:
//		function-definition | declaration | static_assert-declaration
//		asm-definition: asm ( string-literal ) ;        (GNU)
//		__extension__ external-declaration             (GNU)
//		;                                              (GNU: ignored)
//		attribute-specifier-sequence ;                  (C2x attribute declaration)
func (p *Parser) externalDeclaration(f *ast.File) {
	switch {
	case p.at(lexer.Semi):
		p.next()
		return
	case p.kw == kwExtension:
		p.next()
		return
	case p.kw == kwStaticAssert:
		f.Decls = append(f.Decls, p.staticAssert())
		return
	case p.kw == kwAsm:
		s := p.asmStatement(true)
		p.expect(lexer.Semi)
		f.Decls = append(f.Decls, s)
		return
	}
	for p.at(lexer.LBrack) {
		if nt, _ := p.peek(1); nt.Kind != lexer.LBrack {
			break
		}
		p.skipStdAttributes() // ignored, as in declaration specifiers
		if p.accept(lexer.Semi) {
			return // a C2x attribute declaration: "[[...]];"
		}
	}
	pos := p.tok.Pos
	ds := p.declarationSpecifiers(true)
	if !ds.any {
		// Implicit int: "f() {}", "x;" (C89); only an identifier, '*' or '(' may start a declarator.
		if !(p.at(lexer.Ident) && p.kw == kwNone) && !p.at(lexer.Star) && !p.at(lexer.LParen) {
			p.errorExpected("identifier or '('")
			p.skipTo(lexer.Semi)
			if !p.accept(lexer.Semi) {
				p.accept(lexer.RBrace)
			}
			return
		}
		if nt, _ := p.peek(1); !(p.at(lexer.Ident) && nt.Kind == lexer.LParen) {
			p.warnf(pos, "data definition has no type or storage class")
		}
	}
	for _, d := range p.declaration(ds, true) {
		f.Decls = append(f.Decls, d)
	}
}
