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
		case kwFloat128:
			// _Float128, _Float64x and __float128 are long double for now.
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
				if nt, nkw := p.peek(1); nt.Kind == lexer.Ident && nkw == kwNone && !ds.any {
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

// alignas parses
//
//	alignment-specifier: _Alignas ( type-name ) | _Alignas ( constant-expression )
//
// as the attribute aligned(expr), with a type operand written as _Alignof(type).
func (p *Parser) alignas() *ast.Attr {
	pos := p.tok.Pos
	p.next()
	a := &ast.Attr{Pos: pos, Name: "aligned"}
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
	attrs := p.attributes(nil)
	tag := ""
	tagPos := pos
	if p.at(lexer.Ident) && p.kw == kwNone {
		tag, tagPos = p.tok.Text, p.tok.Pos
		p.next()
	}
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
			p.warnf(p.tok.Pos, "extra semicolon in struct or union specified")
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
			} else if ds.typ.IsRecord() {
				// gcc (-fms-extensions) would accept a tagged one; plain gcc warns.
				p.warnf(ds.pos, "declaration does not declare anything")
			} else {
				p.warnf(ds.pos, "declaration does not declare anything")
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
				m.Name, m.Pos = d.name, d.pos
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
	attrs := p.attributes(nil)
	tag := ""
	tagPos := pos
	if p.at(lexer.Ident) && p.kw == kwNone {
		tag, tagPos = p.tok.Text, p.tok.Pos
		p.next()
	}
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
	}
	return &ast.Type{Kind: ast.Enum, Enum: def}
}

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
			return true
		}
		if kw != kwNone {
			return false
		}
		return mode == declEither && p.typedefType(t.Text) == nil
	}
	return false
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

// declaration parses a declaration or, where funcOK, a function definition:
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
			base = &ast.Type{Kind: ast.Typeof}
		}
		typ, fn := d.apply(base)
		decl := &ast.Decl{Pos: in.pos, Name: in.name, Type: typ, Storage: ds.storage,
			ThreadLocal: ds.threadLocal, Inline: ds.inline, Noreturn: ds.noreturn}
		decl.Attrs = append(append([]*ast.Attr(nil), ds.attrs...), d.allAttrs()...)
		if ds.noType {
			if fn != nil && typ.Kind == ast.Func {
				p.warnf(in.pos, "return type defaults to 'int'")
			} else {
				p.warnf(in.pos, "type defaults to 'int' in declaration of '%s'", in.name)
			}
		}
		// Function definition: "{" after a function declarator, or a K&R declaration
		// list (C11 6.9.1).
		if first && fn != nil && typ.Kind == ast.Func && (p.at(lexer.LBrace) ||
			(fn.identList && p.startsDecl(p.tok, p.kw))) {
			if !funcOK {
				p.errorf(in.pos, "nested functions are not supported")
			}
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
				p.warnf(fn.paramDecls[i].Pos, "type of '%s' defaults to 'int'", fn.paramDecls[i].Name)
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
