package parser

import (
	"gocc/ast"
	"gocc/diag"
	"gocc/lexer"
)

// declSpecs is the result of parsing declaration-specifiers (C11 6.7).
type declSpecs struct {
	pos         diag.Pos
	storage     ast.Storage
	threadLocal bool
	inline      bool
	noreturn    bool
	// typ is the specified type with its qualifiers; for implicit int (no type
	// specifier, C89 6.5.2, warned) it is int and noType is set.
	typ      *ast.Type
	noType   bool
	autoType bool        // __auto_type: each declarator gets its own Typeof type
	tag      bool        // the type specifier was a struct, union or enum specifier
	attrs    []*ast.Attr // attributes and _Alignas among the specifiers
	any      bool        // at least one specifier was seen
}

// specCounts counts the basic type specifiers of one declaration (C11 6.7.2p2 lists
// the allowed multisets).
type specCounts struct {
	void, char, short, int, long, signed, unsigned, float, double, bool, complex, int128 int
	other                                                                                *ast.Type // struct, union, enum, typedef name, typeof, __builtin_va_list, _Atomic(T)
	n                                                                                    int       // number of specifiers counted
}

// declarationSpecifiers parses
//
//	declaration-specifiers:
//		storage-class-specifier declaration-specifiers?
//		type-specifier declaration-specifiers?
//		type-qualifier declaration-specifiers?
//		function-specifier declaration-specifiers?
//		alignment-specifier declaration-specifiers?
//		attributes declaration-specifiers?          (GNU)
//
// With storage unset it parses a specifier-qualifier-list (C11 6.7.2.1) and reports
// storage classes and function specifiers as errors.
func (p *Parser) declarationSpecifiers(storage bool) *declSpecs {
	ds := &declSpecs{pos: p.tok.Pos}
	var c specCounts
	var qual ast.Qual
	for {
		t := p.tok
		if t.Kind == lexer.LBrack {
			if nt, _ := p.peek(1); nt.Kind == lexer.LBrack {
				p.skipStdAttributes()
				continue
			}
		}
		if t.Kind != lexer.Ident {
			break
		}
		kw := p.kw
		switch kw {
		case kwTypedef, kwExtern, kwStatic, kwAuto, kwRegister:
			st := storageClass(kw)
			switch {
			case !storage:
				p.errorf(t.Pos, "expected specifier-qualifier-list before '%s'", t.Text)
			case ds.storage == st:
				p.errorf(t.Pos, "duplicate '%s'", t.Text)
			case ds.storage != ast.StorageNone:
				p.errorf(t.Pos, "multiple storage classes in declaration specifiers")
			default:
				ds.storage = st
			}
			p.next()
		case kwThreadLocal:
			if !storage {
				p.errorf(t.Pos, "expected specifier-qualifier-list before '%s'", t.Text)
			}
			ds.threadLocal = true
			p.next()
		case kwInline:
			ds.inline = true
			p.next()
		case kwNoreturn:
			ds.noreturn = true
			p.next()
		case kwConst:
			qual |= ast.Const
			p.next()
		case kwVolatile:
			qual |= ast.Volatile
			p.next()
		case kwRestrict:
			qual |= ast.Restrict
			p.next()
		case kwAtomic:
			if nt, _ := p.peek(1); nt.Kind == lexer.LParen {
				// _Atomic ( type-name ): a type specifier (C11 6.7.2.4).
				p.next()
				p.next()
				tn := p.typeName()
				p.expect(lexer.RParen)
				p.addOther(&c, tn.WithQual(ast.Atomic), t.Pos)
			} else {
				qual |= ast.Atomic
				p.next()
			}
		case kwAlignas:
			ds.attrs = append(ds.attrs, p.alignas())
		case kwAttribute:
			ds.attrs = p.attributes(ds.attrs)
		case kwExtension:
			p.next()
		case kwVoid:
			c.void++
			c.n++
			p.next()
		case kwChar:
			c.char++
			c.n++
			p.next()
		case kwShort:
			c.short++
			c.n++
			p.next()
		case kwInt:
			c.int++
			c.n++
			p.next()
		case kwLong:
			c.long++
			c.n++
			p.next()
		case kwSigned:
			c.signed++
			c.n++
			p.next()
		case kwUnsigned:
			c.unsigned++
			c.n++
			p.next()
		case kwFloat, kwFloat32:
			c.float++
			c.n++
			p.next()
		case kwDouble, kwFloat64:
			c.double++
			c.n++
			p.next()
		case kwFloat128, kwFloat80:
			// _Float128, _Float64x and __float128 are long double for now; __float80
			// is long double on x86 (GCC manual, "Floating Types").
			c.long++
			c.double++
			c.n++
			p.next()
		case kwBool:
			c.bool++
			c.n++
			p.next()
		case kwComplex:
			c.complex++
			c.n++
			p.next()
		case kwImaginary:
			p.errorf(t.Pos, "'_Imaginary' is not supported")
			p.next()
		case kwInt128:
			c.int128++
			c.n++
			p.next()
		case kwInt128T:
			p.addOther(&c, &ast.Type{Kind: ast.Int128, Name: "__int128_t"}, t.Pos)
			p.next()
		case kwUInt128T:
			p.addOther(&c, &ast.Type{Kind: ast.UInt128, Name: "__uint128_t"}, t.Pos)
			p.next()
		case kwVaList:
			p.addOther(&c, &ast.Type{Kind: ast.VaList, Name: "__builtin_va_list"}, t.Pos)
			p.next()
		case kwStruct, kwUnion:
			p.addOther(&c, p.structOrUnionSpecifier(), t.Pos)
			ds.tag = true
		case kwEnum:
			p.addOther(&c, p.enumSpecifier(), t.Pos)
			ds.tag = true
		case kwTypeof:
			p.addOther(&c, p.typeofSpecifier(), t.Pos)
		case kwAutoType:
			ds.autoType = true
			p.addOther(&c, &ast.Type{Kind: ast.Typeof}, t.Pos)
			p.next()
		case kwNone:
			// A typedef name is a type specifier only where no other type specifier
			// has been seen (C11 6.7.2p2); otherwise it is the declarator's name.
			if c.n > 0 || c.other != nil {
				goto done
			}
			td := p.typedefType(t.Text)
			if td == nil {
				// "foo bar": gcc's "unknown type name" heuristic.
				if nt, nkw := p.peek(1); nt.Kind == lexer.Ident && nkw == kwNone {
					p.errorf(t.Pos, "unknown type name '%s'", t.Text)
					p.addOther(&c, &ast.Type{Kind: ast.Unknown, Name: t.Text}, t.Pos)
					p.next()
					break
				} else if nkw == kwAttribute || (nt.Kind == lexer.Star && ds.any) {
					p.errorf(t.Pos, "unknown type name '%s'", t.Text)
					p.addOther(&c, &ast.Type{Kind: ast.Unknown, Name: t.Text}, t.Pos)
					p.next()
					break
				}
				goto done
			}
			p.addOther(&c, td, t.Pos)
			p.next()
		default:
			goto done
		}
		ds.any = true
	}
done:
	ds.typ = p.typeFromSpecs(&c, ds)
	if qual != 0 {
		ds.typ = ds.typ.WithQual(qual)
	}
	return ds
}

// storageClass maps a storage-class keyword to its ast.Storage (C11 6.7.1).
func storageClass(kw keyword) ast.Storage {
	switch kw {
	case kwTypedef:
		return ast.Typedef
	case kwExtern:
		return ast.Extern
	case kwStatic:
		return ast.Static
	case kwAuto:
		return ast.Auto
	case kwRegister:
		return ast.Register
	}
	return ast.StorageNone
}

func (p *Parser) addOther(c *specCounts, t *ast.Type, pos diag.Pos) {
	if c.other != nil || c.n > 0 {
		p.errorf(pos, "two or more data types in declaration specifiers")
		return
	}
	c.other = t
}

// typeFromSpecs turns the counted type specifiers into a type (C11 6.7.2p2). The
// _FloatN keywords have been counted as float (_Float32), double (_Float64, _Float32x)
// and long double (_Float64x, _Float128, __float128).
func (p *Parser) typeFromSpecs(c *specCounts, ds *declSpecs) *ast.Type {
	if c.other != nil {
		return c.other
	}
	if c.n == 0 {
		ds.noType = true
		return &ast.Type{Kind: ast.Int}
	}
	bad := func() *ast.Type {
		p.errorf(ds.pos, "two or more data types in declaration specifiers")
		return &ast.Type{Kind: ast.Int}
	}
	if c.signed > 0 && c.unsigned > 0 {
		p.errorf(ds.pos, "both 'signed' and 'unsigned' in declaration specifiers")
		c.signed = 0
	}
	sign := c.signed + c.unsigned
	if c.signed > 1 || c.unsigned > 1 || c.int > 1 || c.short > 1 || c.char > 1 || c.complex > 1 || c.long > 2 {
		return bad()
	}
	var k ast.TypeKind
	switch {
	case c.void > 0:
		if c.n != 1 {
			return bad()
		}
		k = ast.Void
	case c.bool > 0:
		if c.n != 1 {
			return bad()
		}
		k = ast.Bool
	case c.float > 0 || c.double > 0:
		if sign > 0 || c.short > 0 || c.char > 0 || c.int > 0 || c.int128 > 0 || c.float+c.double > 1 ||
			(c.float > 0 && c.long > 0) || c.long > 1 {
			return bad()
		}
		switch {
		case c.float > 0:
			k = ast.Float
		case c.long > 0:
			k = ast.LongDouble
		default:
			k = ast.Double
		}
	case c.char > 0:
		if c.short > 0 || c.long > 0 || c.int > 0 || c.int128 > 0 {
			return bad()
		}
		k = ast.Char
		if c.signed > 0 {
			k = ast.SChar
		} else if c.unsigned > 0 {
			k = ast.UChar
		}
	case c.short > 0:
		if c.long > 0 || c.int128 > 0 {
			return bad()
		}
		k = ast.Short
		if c.unsigned > 0 {
			k = ast.UShort
		}
	case c.int128 > 0:
		if c.long > 0 || c.int > 0 || c.int128 > 1 {
			return bad()
		}
		k = ast.Int128
		if c.unsigned > 0 {
			k = ast.UInt128
		}
	case c.long == 2:
		k = ast.LongLong
		if c.unsigned > 0 {
			k = ast.ULongLong
		}
	case c.long == 1:
		k = ast.Long
		if c.unsigned > 0 {
			k = ast.ULong
		}
	case c.int > 0 || sign > 0:
		k = ast.Int
		if c.unsigned > 0 {
			k = ast.UInt
		}
	default:
		// _Complex alone means _Complex double (GNU).
		k = ast.Double
	}
	t := &ast.Type{Kind: k}
	if c.complex > 0 {
		if k == ast.Void || k == ast.Bool {
			return bad()
		}
		t = &ast.Type{Kind: ast.Complex, Base: t}
	}
	return t
}

// typeofSpecifier parses
//
//	typeof-specifier: typeof ( expression ) | typeof ( type-name )    (GNU)
func (p *Parser) typeofSpecifier() *ast.Type {
	p.next()
	t := &ast.Type{Kind: ast.Typeof}
	if !p.expect(lexer.LParen) {
		return t
	}
	if p.startsTypeName(p.tok, p.kw) {
		t.Base = p.typeName()
	} else {
		t.TypeofExpr = p.expression()
	}
	p.expect(lexer.RParen)
	return t
}

// declaration parses a declaration or a function definition (funcOK at file scope; in
// a block, !funcOK, a definition is a GNU C nested function):
//
//	declaration:
//		declaration-specifiers init-declarator-list? ;
//		static_assert-declaration
//	init-declarator-list: init-declarator | init-declarator-list , init-declarator
//	init-declarator: declarator asm-label? attributes? (= initializer)?
//	function-definition: declaration-specifiers declarator declaration-list? compound-statement
//
// The specifiers have already been parsed into ds.
func (p *Parser) declaration(ds *declSpecs, funcOK bool) []*ast.Decl {
	if p.accept(lexer.Semi) {
		// A declaration that declares only a tag (or nothing, C11 6.7p2).
		if ds.tag {
			return []*ast.Decl{{Pos: ds.pos, Type: ds.typ, Storage: ds.storage, Attrs: ds.attrs}}
		}
		if !ds.noType {
			p.warnf(ds.pos, "useless type name in empty declaration")
		} else {
			p.warnf(ds.pos, "empty declaration")
		}
		return nil
	}
	var decls []*ast.Decl
	for first := true; ; first = false {
		d := p.declarator(declNamed)
		in := d.innermost()
		if in.name == "" {
			p.skipTo(lexer.Semi, lexer.LBrace)
			if p.at(lexer.LBrace) {
				p.skipBlock()
			}
			p.accept(lexer.Semi)
			return decls
		}
		base := ds.typ
		if ds.autoType {
			// The qualifiers apply to the deduced type ("const __auto_type x = 1").
			base = &ast.Type{Kind: ast.Typeof}
			if ds.typ != nil {
				base.Qual = ds.typ.Qual
			}
		}
		typ, fn := d.apply(base)
		decl := &ast.Decl{Pos: in.pos, Name: in.name, Type: typ, Storage: ds.storage,
			ThreadLocal: ds.threadLocal, Inline: ds.inline, Noreturn: ds.noreturn}
		decl.Attrs = append(append([]*ast.Attr(nil), ds.attrs...), d.allAttrs()...)
		if ds.noType {
			decl.ImplicitInt = true
			if fn != nil && typ.Kind == ast.Func {
				p.warnOpt(in.pos, "implicit-int", "return type defaults to 'int'")
			} else {
				p.warnOpt(in.pos, "implicit-int", "type defaults to 'int' in declaration of '%s'", in.name)
			}
		}
		// Function definition: "{" after a function declarator, or a K&R declaration
		// list (C11 6.9.1).
		if first && fn != nil && typ.Kind == ast.Func && (p.at(lexer.LBrace) ||
			(fn.identList && p.startsDecl(p.tok, p.kw))) {
			// In a block (!funcOK) this is a GNU C nested function definition (GCC
			// manual, "Nested Functions"); sema gives it its meaning.
			p.functionDefinition(decl, fn)
			return append(decls, decl)
		}
		if p.kw == kwAsm {
			decl.AsmName = p.asmLabel()
		}
		decl.Attrs = p.attributes(decl.Attrs)
		if ds.storage == ast.Typedef {
			// The typedef name stands for this very type; Name and the attributes of
			// the typedef are recorded on it (C11 6.7.8).
			c := *typ
			c.Name = in.name
			c.Attrs = append(append([]*ast.Attr(nil), typ.Attrs...), decl.Attrs...)
			decl.Type = &c
			p.bindName(in.name, decl.Type)
		} else {
			p.bindName(in.name, nil)
		}
		if p.accept(lexer.Assign) {
			decl.Init = p.initializer()
		}
		if ds.autoType {
			if decl.Init == nil {
				p.errorf(in.pos, "'__auto_type' requires an initialized data declaration")
			} else if _, isList := decl.Init.(*ast.InitList); isList {
				p.errorf(in.pos, "'__auto_type' requires a plain identifier as declarator")
			}
			typ.TypeofExpr = decl.Init
		}
		decls = append(decls, decl)
		if !p.accept(lexer.Comma) {
			break
		}
	}
	if !p.accept(lexer.Semi) {
		if decls[len(decls)-1].Init != nil {
			p.errorExpected("',' or ';'")
		} else {
			p.errorExpected("'=', ',', ';', 'asm' or '__attribute__'")
		}
		// Skip to the ';' unless the next line visibly starts a new declaration.
		if !p.at(lexer.RBrace) && !(p.tok.Flags&lexer.StartOfLine != 0 && p.startsDecl(p.tok, p.kw)) {
			p.skipTo(lexer.Semi)
			p.accept(lexer.Semi)
		}
	}
	return decls
}

// skipBlock skips a brace-enclosed token sequence starting at '{'.
func (p *Parser) skipBlock() {
	depth := 0
	for !p.at(lexer.EOF) {
		switch p.tok.Kind {
		case lexer.LBrace:
			depth++
		case lexer.RBrace:
			depth--
			if depth == 0 {
				p.next()
				return
			}
		}
		p.next()
	}
}

// functionDefinition parses the rest of
//
//	function-definition: declaration-specifiers declarator declaration-list? compound-statement
//	declaration-list: declaration | declaration-list declaration
//
// The parameters are re-declared in the body's scope (C11 6.2.1p4); a K&R declaration
// list gives the identifier list its types (6.9.1p6), undeclared ones default to int.
func (p *Parser) functionDefinition(decl *ast.Decl, fn *suffixPart) {
	if fn.identList {
		declared := make([]bool, len(fn.paramDecls))
		for p.startsDecl(p.tok, p.kw) {
			ds := p.declarationSpecifiers(true)
			for {
				d := p.declarator(declNamed)
				in := d.innermost()
				typ, _ := d.apply(ds.typ)
				found := false
				for i, pd := range fn.paramDecls {
					if pd.Name == in.name && in.name != "" {
						found = true
						if declared[i] {
							p.errorf(in.pos, "redefinition of parameter '%s'", in.name)
						}
						declared[i] = true
						pd.Type, pd.Pos, pd.Storage = typ, in.pos, ds.storage
						pd.Attrs = append(append([]*ast.Attr(nil), ds.attrs...), d.allAttrs()...)
						pd.Attrs = p.attributes(pd.Attrs)
						fn.params[i].Type = typ
					}
				}
				if !found && in.name != "" {
					p.errorf(in.pos, "declaration for parameter '%s' but no such parameter", in.name)
				}
				if !p.accept(lexer.Comma) {
					break
				}
			}
			if !p.expect(lexer.Semi) {
				p.skipTo(lexer.Semi, lexer.LBrace)
				p.accept(lexer.Semi)
			}
		}
		for i, ok := range declared {
			if !ok {
				p.warnOpt(fn.paramDecls[i].Pos, "implicit-int", "type of '%s' defaults to 'int'", fn.paramDecls[i].Name)
			}
		}
	}
	decl.Params = fn.paramDecls
	p.bindName(decl.Name, nil)
	if !p.at(lexer.LBrace) {
		p.errorExpected("'{'")
		return
	}
	outer := p.funcName
	p.funcName = decl.Name
	p.openScope()
	for _, pd := range fn.paramDecls {
		p.bindName(pd.Name, nil)
	}
	decl.Body = p.compoundStatement(false)
	p.closeScope()
	p.funcName = outer
}

// staticAssert parses
//
//	static_assert-declaration: _Static_assert ( constant-expression , string-literal ) ;
//
// (the message may be omitted, as in C2x).
func (p *Parser) staticAssert() *ast.StaticAssert {
	sa := &ast.StaticAssert{StmtBase: ast.StmtBase{Pos: p.tok.Pos}}
	p.next()
	if !p.expect(lexer.LParen) {
		p.skipTo(lexer.Semi)
		p.accept(lexer.Semi)
		return sa
	}
	sa.Cond = p.constantExpression()
	if p.accept(lexer.Comma) {
		if p.at(lexer.String) {
			lit := p.stringLits()
			sa.Msg = string(lit.Bytes)
		} else {
			p.errorExpected("string literal")
		}
	}
	if !p.expect(lexer.RParen) {
		p.skipTo(lexer.Semi)
	}
	p.expect(lexer.Semi)
	return sa
}
