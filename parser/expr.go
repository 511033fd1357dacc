package parser

import (
	"strings"

	"gocc/ast"
	"gocc/diag"
	"gocc/lexer"
)

// binaryOps gives, for each token kind that is a binary operator of C11 6.5.5-6.5.14,
// its precedence (higher binds tighter; 0 = not a binary operator) and its operator.
var binaryOps = [...]struct {
	prec int8
	op   ast.BinaryOp
}{
	lexer.OrOr:     {1, ast.LogOr},
	lexer.AndAnd:   {2, ast.LogAnd},
	lexer.Or:       {3, ast.BitOr},
	lexer.Xor:      {4, ast.BitXor},
	lexer.Amp:      {5, ast.BitAnd},
	lexer.EqEq:     {6, ast.Eq},
	lexer.NotEq:    {6, ast.Ne},
	lexer.Lt:       {7, ast.Lt},
	lexer.Gt:       {7, ast.Gt},
	lexer.Le:       {7, ast.Le},
	lexer.Ge:       {7, ast.Ge},
	lexer.Shl:      {8, ast.Shl},
	lexer.Shr:      {8, ast.Shr},
	lexer.Plus:     {9, ast.Add},
	lexer.Minus:    {9, ast.Sub},
	lexer.Star:     {10, ast.Mul},
	lexer.Slash:    {10, ast.Div},
	lexer.Percent:  {10, ast.Rem},
	lexer.HashHash: {0, 0}, // sizes the table to cover every punctuator
}

// assignOps maps compound assignment tokens to their operators (C11 6.5.16).
var assignOps = [...]struct {
	ok bool
	op ast.BinaryOp
}{
	lexer.MulAssign: {true, ast.Mul}, lexer.DivAssign: {true, ast.Div},
	lexer.ModAssign: {true, ast.Rem}, lexer.AddAssign: {true, ast.Add},
	lexer.SubAssign: {true, ast.Sub}, lexer.ShlAssign: {true, ast.Shl},
	lexer.ShrAssign: {true, ast.Shr}, lexer.AndAssign: {true, ast.BitAnd},
	lexer.XorAssign: {true, ast.BitXor}, lexer.OrAssign: {true, ast.BitOr},
	lexer.HashHash: {},
}

func base(pos diag.Pos) ast.ExprBase { return ast.ExprBase{Pos: pos} }

// badExpr is the placeholder for an expression that could not be parsed.
func badExpr(pos diag.Pos) ast.Expr { return &ast.IntLit{ExprBase: base(pos), Text: "0"} }

// expression parses
//
//	expression: assignment-expression | expression , assignment-expression
func (p *Parser) expression() ast.Expr {
	x := p.assignmentExpression()
	for p.at(lexer.Comma) {
		pos := p.tok.Pos
		p.next()
		y := p.assignmentExpression()
		x = &ast.Binary{ExprBase: base(pos), Op: ast.Comma, X: x, Y: y}
	}
	return x
}

// constantExpression parses
//
//	constant-expression: conditional-expression
func (p *Parser) constantExpression() ast.Expr { return p.conditionalExpression() }

// assignmentExpression parses
//
//	assignment-expression: conditional-expression | unary-expression assignment-operator assignment-expression
//
// Whether the left operand is a modifiable lvalue is checked by sema.
func (p *Parser) assignmentExpression() ast.Expr {
	x := p.conditionalExpression()
	k := p.tok.Kind
	if k == lexer.Assign {
		pos := p.tok.Pos
		p.next()
		return &ast.Assign{ExprBase: base(pos), Simple: true, L: x, R: p.assignmentExpression()}
	}
	if int(k) < len(assignOps) && assignOps[k].ok {
		pos := p.tok.Pos
		p.next()
		return &ast.Assign{ExprBase: base(pos), Op: assignOps[k].op, L: x, R: p.assignmentExpression()}
	}
	return x
}

// recoverExpr skips the rest of an over-deep expression. (Nesting is counted in
// castExpression and unaryExpression, which every recursive path passes through.)
func (p *Parser) recoverExpr() ast.Expr {
	pos := p.tok.Pos
	p.skipTo(lexer.Semi)
	return badExpr(pos)
}

// conditionalExpression parses
//
//	conditional-expression:
//		logical-OR-expression
//		logical-OR-expression ? expression : conditional-expression
//		logical-OR-expression ? : conditional-expression          (GNU)
func (p *Parser) conditionalExpression() ast.Expr {
	x := p.binaryExpression(1)
	if !p.at(lexer.Question) {
		return x
	}
	pos := p.tok.Pos
	p.next()
	c := &ast.Cond{ExprBase: base(pos), C: x}
	if !p.at(lexer.Colon) {
		c.Then = p.expression()
	}
	if !p.expect(lexer.Colon) {
		c.Else = badExpr(p.tok.Pos)
		return c
	}
	c.Else = p.conditionalExpression()
	return c
}

// binaryExpression parses, by precedence climbing over binaryOps,
//
//	logical-OR-expression: logical-AND-expression | logical-OR-expression || logical-AND-expression
//	logical-AND-expression: inclusive-OR-expression | logical-AND-expression && inclusive-OR-expression
//	inclusive-OR-expression: exclusive-OR-expression | inclusive-OR-expression | exclusive-OR-expression
//	exclusive-OR-expression: AND-expression | exclusive-OR-expression ^ AND-expression
//	AND-expression: equality-expression | AND-expression & equality-expression
//	equality-expression: relational-expression | equality-expression (== | !=) relational-expression
//	relational-expression: shift-expression | relational-expression (< | > | <= | >=) shift-expression
//	shift-expression: additive-expression | shift-expression (<< | >>) additive-expression
//	additive-expression: multiplicative-expression | additive-expression (+ | -) multiplicative-expression
//	multiplicative-expression: cast-expression | multiplicative-expression (* | / | %) cast-expression
//
// All these operators are left-associative; minPrec is the lowest precedence accepted.
func (p *Parser) binaryExpression(minPrec int8) ast.Expr {
	x := p.castExpression()
	for {
		k := p.tok.Kind
		if int(k) >= len(binaryOps) {
			return x
		}
		bo := binaryOps[k]
		if bo.prec == 0 || bo.prec < minPrec {
			return x
		}
		pos := p.tok.Pos
		p.next()
		y := p.binaryExpression(bo.prec + 1)
		x = &ast.Binary{ExprBase: base(pos), Op: bo.op, X: x, Y: y}
	}
}

// castExpression parses
//
//	cast-expression: unary-expression | ( type-name ) cast-expression
//
// "( type-name ) {" starts a compound literal, a postfix-expression.
func (p *Parser) castExpression() ast.Expr {
	if p.at(lexer.LParen) {
		if nt, nkw := p.peek(1); p.startsTypeName(nt, nkw) {
			if !p.enter() {
				return p.recoverExpr()
			}
			defer p.leave()
			pos := p.tok.Pos
			p.next()
			t := p.typeName()
			p.expect(lexer.RParen)
			if p.at(lexer.LBrace) {
				return p.postfixTail(p.compoundLiteral(pos, t))
			}
			return &ast.Cast{ExprBase: base(pos), Kind: ast.CastExplicit, To: t, X: p.castExpression()}
		}
	}
	return p.unaryExpression()
}

// compoundLiteral parses the braces of
//
//	postfix-expression: ( type-name ) { initializer-list ,? }
func (p *Parser) compoundLiteral(pos diag.Pos, t *ast.Type) ast.Expr {
	return &ast.CompoundLit{ExprBase: base(pos), To: t, Init: p.initializerList()}
}

// unaryExpression parses
//
//	unary-expression:
//		postfix-expression | ++ unary-expression | -- unary-expression
//		unary-operator cast-expression | sizeof unary-expression | sizeof ( type-name )
//		_Alignof ( type-name ) | _Alignof unary-expression (GNU)
//		&& identifier (GNU) | __real__ cast-expression | __imag__ cast-expression (GNU)
//		__extension__ cast-expression (GNU)
//	unary-operator: one of & * + - ~ !
func (p *Parser) unaryExpression() ast.Expr {
	if !p.enter() {
		return p.recoverExpr()
	}
	defer p.leave()
	pos := p.tok.Pos
	unary := func(op ast.UnaryOp, x ast.Expr) ast.Expr {
		return &ast.Unary{ExprBase: base(pos), Op: op, X: x}
	}
	switch p.tok.Kind {
	case lexer.Inc:
		p.next()
		return unary(ast.PreInc, p.unaryExpression())
	case lexer.Dec:
		p.next()
		return unary(ast.PreDec, p.unaryExpression())
	case lexer.Amp:
		p.next()
		return unary(ast.Addr, p.castExpression())
	case lexer.Star:
		p.next()
		return unary(ast.Deref, p.castExpression())
	case lexer.Plus:
		p.next()
		return unary(ast.Plus, p.castExpression())
	case lexer.Minus:
		p.next()
		return unary(ast.Neg, p.castExpression())
	case lexer.Tilde:
		p.next()
		return unary(ast.BitNot, p.castExpression())
	case lexer.Not:
		p.next()
		return unary(ast.LogNot, p.castExpression())
	case lexer.AndAnd:
		p.next()
		if !p.at(lexer.Ident) {
			p.errorExpected("identifier")
			return badExpr(pos)
		}
		l := &ast.LabelAddr{ExprBase: base(pos), Label: p.tok.Text}
		p.next()
		return l
	case lexer.Ident:
		switch p.kw {
		case kwSizeof, kwAlignof:
			return p.sizeofExpression()
		case kwReal:
			p.next()
			return unary(ast.Real, p.castExpression())
		case kwImag:
			p.next()
			return unary(ast.Imag, p.castExpression())
		case kwExtension:
			p.next()
			return p.castExpression()
		}
	}
	return p.postfixTail(p.primaryExpression())
}

// sizeofExpression parses
//
//	sizeof unary-expression | sizeof ( type-name ) | _Alignof ( type-name ) | _Alignof unary-expression
func (p *Parser) sizeofExpression() ast.Expr {
	pos := p.tok.Pos
	s := &ast.Sizeof{ExprBase: base(pos), Align: p.kw == kwAlignof}
	s.GNUAlign = s.Align && p.tok.Text != "_Alignof"
	p.next()
	if p.at(lexer.LParen) {
		if nt, nkw := p.peek(1); p.startsTypeName(nt, nkw) {
			lpos := p.tok.Pos
			p.next()
			t := p.typeName()
			p.expect(lexer.RParen)
			if p.at(lexer.LBrace) {
				// sizeof (T){...}: the operand is a compound literal.
				s.X = p.postfixTail(p.compoundLiteral(lpos, t))
				return s
			}
			s.Of = t
			return s
		}
	}
	s.X = p.unaryExpression()
	return s
}

// postfixTail parses the suffixes of
//
//	postfix-expression:
//		primary-expression | postfix-expression [ expression ]
//		postfix-expression ( argument-expression-list? )
//		postfix-expression . identifier | postfix-expression -> identifier
//		postfix-expression ++ | postfix-expression --
//	argument-expression-list: assignment-expression | argument-expression-list , assignment-expression
func (p *Parser) postfixTail(x ast.Expr) ast.Expr {
	for {
		pos := p.tok.Pos
		switch p.tok.Kind {
		case lexer.LBrack:
			p.next()
			i := p.expression()
			p.expect(lexer.RBrack)
			x = &ast.Index{ExprBase: base(pos), X: x, I: i}
		case lexer.LParen:
			p.next()
			call := &ast.Call{ExprBase: base(pos), Fn: x}
			for !p.at(lexer.RParen) && !p.at(lexer.EOF) {
				call.Args = append(call.Args, p.assignmentExpression())
				if !p.accept(lexer.Comma) {
					break
				}
			}
			if !p.expect(lexer.RParen) {
				p.skipTo(lexer.RParen, lexer.Semi)
				p.accept(lexer.RParen)
			}
			x = call
		case lexer.Dot, lexer.Arrow:
			arrow := p.at(lexer.Arrow)
			p.next()
			if !p.at(lexer.Ident) {
				p.errorExpected("identifier")
				return x
			}
			x = &ast.MemberExpr{ExprBase: base(pos), X: x, Name: p.tok.Text, Arrow: arrow}
			p.next()
		case lexer.Inc:
			p.next()
			x = &ast.Unary{ExprBase: base(pos), Op: ast.PostInc, X: x}
		case lexer.Dec:
			p.next()
			x = &ast.Unary{ExprBase: base(pos), Op: ast.PostDec, X: x}
		default:
			return x
		}
	}
}

// primaryExpression parses
//
//	primary-expression:
//		identifier | constant | string-literal | ( expression ) | generic-selection
//		( compound-statement )                                   (GNU statement expression)
//		__builtin_va_arg ( assignment-expression , type-name )   (GNU)
//		__builtin_convertvector ( assignment-expression , type-name )   (GNU)
//		__builtin_offsetof ( type-name , offsetof-member-designator )
//		__builtin_types_compatible_p ( type-name , type-name )
//		__builtin_choose_expr ( assignment-expression , assignment-expression , assignment-expression )
func (p *Parser) primaryExpression() ast.Expr {
	t := p.tok
	pos := t.Pos
	switch t.Kind {
	case lexer.Ident:
		switch p.kw {
		case kwNone:
			if p.typedefType(t.Text) != nil {
				p.errorExpected("expression")
				p.next()
				return badExpr(pos)
			}
			p.next()
			return &ast.Ident{ExprBase: base(pos), Name: t.Text}
		case kwGeneric:
			return p.genericSelection()
		case kwBuiltinVaArg:
			x, to := p.exprAndTypeArgs()
			return &ast.VaArg{ExprBase: base(pos), Ap: x, To: to}
		case kwBuiltinConvertVector:
			x, to := p.exprAndTypeArgs()
			return &ast.ConvertVector{ExprBase: base(pos), X: x, To: to}
		case kwBuiltinOffsetof:
			return p.offsetof()
		case kwBuiltinTypesCompatible:
			p.next()
			p.expect(lexer.LParen)
			tc := &ast.TypesCompatible{ExprBase: base(pos), A: p.typeName()}
			p.expect(lexer.Comma)
			tc.B = p.typeName()
			p.expect(lexer.RParen)
			return tc
		case kwBuiltinChooseExpr:
			p.next()
			p.expect(lexer.LParen)
			ce := &ast.ChooseExpr{ExprBase: base(pos), C: p.assignmentExpression()}
			p.expect(lexer.Comma)
			ce.A = p.assignmentExpression()
			p.expect(lexer.Comma)
			ce.B = p.assignmentExpression()
			p.expect(lexer.RParen)
			return ce
		}
	case lexer.Number:
		p.next()
		return p.numberLit(t)
	case lexer.Char:
		p.next()
		return p.charLit(t)
	case lexer.String:
		return p.stringLits()
	case lexer.LParen:
		if nt, _ := p.peek(1); nt.Kind == lexer.LBrace {
			// GNU statement expression ({ ... }).
			p.next()
			if p.funcName == "" {
				p.errorf(pos, "braced-group within expression allowed only inside a function")
			}
			body := p.compoundStatement(true)
			p.expect(lexer.RParen)
			return &ast.StmtExpr{ExprBase: base(pos), Body: body}
		}
		p.next()
		x := p.expression()
		if !p.expect(lexer.RParen) {
			p.skipTo(lexer.RParen, lexer.Semi)
			p.accept(lexer.RParen)
		}
		return x
	}
	if t.Kind == lexer.Other && (strings.HasPrefix(t.Text, "'") || strings.HasPrefix(t.Text, "\"")) {
		// The lexer turns an unterminated literal into an Other token.
		p.errorf(pos, "missing terminating %c character", t.Text[0])
		p.next()
		return badExpr(pos)
	}
	if t.Kind == lexer.Other {
		p.errorf(pos, "stray '%s' in program", t.Text)
		p.next()
		return badExpr(pos)
	}
	p.errorExpected("expression")
	if !p.at(lexer.EOF) && !p.at(lexer.Semi) && !p.at(lexer.RBrace) && !p.at(lexer.RParen) &&
		!p.at(lexer.Comma) && !p.at(lexer.RBrack) {
		p.next()
	}
	return badExpr(pos)
}

// genericSelection parses
//
//	generic-selection: _Generic ( assignment-expression , generic-assoc-list )
//	generic-assoc-list: generic-association | generic-assoc-list , generic-association
//	generic-association: type-name : assignment-expression | default : assignment-expression
func (p *Parser) genericSelection() ast.Expr {
	g := &ast.Generic{ExprBase: base(p.tok.Pos)}
	p.next()
	if !p.expect(lexer.LParen) {
		return g
	}
	g.Ctrl = p.assignmentExpression()
	for p.accept(lexer.Comma) {
		var a ast.GenericAssoc
		if p.kw == kwDefault {
			p.next()
		} else {
			a.Type = p.typeName()
		}
		p.expect(lexer.Colon)
		a.Expr = p.assignmentExpression()
		g.Assocs = append(g.Assocs, a)
	}
	if !p.expect(lexer.RParen) {
		p.skipTo(lexer.RParen, lexer.Semi)
		p.accept(lexer.RParen)
	}
	return g
}

// offsetof parses
//
//	__builtin_offsetof ( type-name , offsetof-member-designator )
//	offsetof-member-designator:
//		identifier | offsetof-member-designator . identifier | offsetof-member-designator [ expression ]
func (p *Parser) offsetof() ast.Expr {
	o := &ast.Offsetof{ExprBase: base(p.tok.Pos)}
	p.next()
	if !p.expect(lexer.LParen) {
		return o
	}
	o.Of = p.typeName()
	p.expect(lexer.Comma)
	if !p.at(lexer.Ident) {
		p.errorExpected("identifier")
	} else {
		o.Desg = append(o.Desg, ast.Designator{Pos: p.tok.Pos, Field: p.tok.Text})
		p.next()
		for p.at(lexer.Dot) || p.at(lexer.LBrack) {
			pos := p.tok.Pos
			if p.accept(lexer.Dot) {
				if !p.at(lexer.Ident) {
					p.errorExpected("identifier")
					break
				}
				o.Desg = append(o.Desg, ast.Designator{Pos: pos, Field: p.tok.Text})
				p.next()
			} else {
				p.next()
				o.Desg = append(o.Desg, ast.Designator{Pos: pos, Index: p.expression()})
				p.expect(lexer.RBrack)
			}
		}
	}
	if !p.expect(lexer.RParen) {
		p.skipTo(lexer.RParen, lexer.Semi)
		p.accept(lexer.RParen)
	}
	return o
}

// exprAndTypeArgs parses the "( assignment-expression , type-name )" of
// __builtin_va_arg and __builtin_convertvector, after the keyword.
func (p *Parser) exprAndTypeArgs() (ast.Expr, *ast.Type) {
	p.next()
	p.expect(lexer.LParen)
	x := p.assignmentExpression()
	p.expect(lexer.Comma)
	to := p.typeName()
	p.expect(lexer.RParen)
	return x, to
}
