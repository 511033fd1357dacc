package parser

import (
	"fmt"
	"strings"

	"gocc/ast"
)

// sexpr renders a syntax tree node as a compact S-expression, for tests.
func sexpr(n any) string {
	var b strings.Builder
	w := &sexprWriter{b: &b, seen: map[*ast.Record]bool{}}
	w.node(n)
	return b.String()
}

type sexprWriter struct {
	b    *strings.Builder
	seen map[*ast.Record]bool // records whose members were printed already
}

func (w *sexprWriter) p(format string, args ...any) { fmt.Fprintf(w.b, format, args...) }

var binNames = map[ast.BinaryOp]string{
	ast.Add: "+", ast.Sub: "-", ast.Mul: "*", ast.Div: "/", ast.Rem: "%", ast.Shl: "<<",
	ast.Shr: ">>", ast.BitAnd: "&", ast.BitOr: "|", ast.BitXor: "^", ast.Eq: "==",
	ast.Ne: "!=", ast.Lt: "<", ast.Le: "<=", ast.Gt: ">", ast.Ge: ">=", ast.LogAnd: "&&",
	ast.LogOr: "||", ast.Comma: ",",
}

var unNames = map[ast.UnaryOp]string{
	ast.Neg: "-", ast.Plus: "+", ast.LogNot: "!", ast.BitNot: "~", ast.Deref: "deref",
	ast.Addr: "addr", ast.PreInc: "pre++", ast.PreDec: "pre--", ast.PostInc: "post++",
	ast.PostDec: "post--", ast.Real: "real", ast.Imag: "imag",
}

var kindNames = map[ast.TypeKind]string{
	ast.Void: "void", ast.Bool: "_Bool", ast.Char: "char", ast.SChar: "schar", ast.UChar: "uchar",
	ast.Short: "short", ast.UShort: "ushort", ast.Int: "int", ast.UInt: "uint", ast.Long: "long",
	ast.ULong: "ulong", ast.LongLong: "llong", ast.ULongLong: "ullong", ast.Int128: "int128",
	ast.UInt128: "uint128", ast.Float: "float", ast.Double: "double", ast.LongDouble: "ldouble",
	ast.VaList: "va_list", ast.Unknown: "?",
}

var storageNames = [...]string{"", "typedef", "extern", "static", "auto", "register"}

func (w *sexprWriter) list(items []ast.Expr) {
	for _, x := range items {
		w.p(" ")
		w.node(x)
	}
}

func (w *sexprWriter) attrs(as []*ast.Attr) {
	for _, a := range as {
		w.p(" (attr %s", a.Name)
		w.list(a.Args)
		w.p(")")
	}
}

func (w *sexprWriter) typ(t *ast.Type) {
	if t == nil {
		w.p("nil")
		return
	}
	if t.Qual != 0 {
		var qs []string
		for _, q := range []struct {
			q ast.Qual
			s string
		}{{ast.Const, "const"}, {ast.Volatile, "volatile"}, {ast.Restrict, "restrict"}, {ast.Atomic, "atomic"}} {
			if t.Qual&q.q != 0 {
				qs = append(qs, q.s)
			}
		}
		w.p("(%s ", strings.Join(qs, " "))
		defer w.p(")")
	}
	if len(t.Attrs) > 0 {
		w.p("(with")
		w.attrs(t.Attrs)
		w.p(" ")
		defer w.p(")")
	}
	if s, ok := kindNames[t.Kind]; ok {
		w.p("%s", s)
		return
	}
	switch t.Kind {
	case ast.Complex:
		w.p("(complex ")
		w.typ(t.Base)
		w.p(")")
	case ast.Pointer:
		w.p("(* ")
		w.typ(t.Base)
		w.p(")")
	case ast.Array:
		w.p("([")
		if t.Static {
			w.p("static ")
		}
		switch {
		case t.LenExpr != nil:
			w.node(t.LenExpr)
		case t.VLA:
			w.p("*")
		}
		w.p("] ")
		w.typ(t.Base)
		w.p(")")
	case ast.Func:
		w.p("(fn ")
		w.typ(t.Base)
		w.p(" (")
		for i, prm := range t.Params {
			if i > 0 {
				w.p(" ")
			}
			if prm.Name != "" {
				w.p("%s:", prm.Name)
			}
			w.typ(prm.Type)
		}
		if t.Variadic {
			w.p(" ...")
		}
		w.p(")")
		if t.OldStyle {
			w.p(" oldstyle")
		}
		w.p(")")
	case ast.Struct, ast.Union:
		r := t.Record
		kw := "struct"
		if r.IsUnion {
			kw = "union"
		}
		w.p("(%s %s", kw, r.Tag)
		if r.Complete && !w.seen[r] {
			w.seen[r] = true
			if r.MaxFieldAlign != 0 {
				w.p(" pack=%d", r.MaxFieldAlign)
			}
			w.attrs(r.Attrs)
			for _, m := range r.Members {
				w.p(" (%s ", m.Name)
				w.typ(m.Type)
				if m.IsBitField {
					w.p(" :")
					w.node(m.WidthExpr)
				}
				w.attrs(m.Attrs)
				w.p(")")
			}
		}
		w.p(")")
	case ast.Enum:
		e := t.Enum
		w.p("(enum %s", e.Tag)
		for _, c := range e.Consts {
			w.p(" %s", c.Name)
			if c.Expr != nil {
				w.p("=")
				w.node(c.Expr)
			}
		}
		w.p(")")
	case ast.Typeof:
		w.p("(typeof ")
		if t.TypeofExpr != nil {
			w.node(t.TypeofExpr)
		} else {
			w.typ(t.Base)
		}
		w.p(")")
	default:
		w.p("kind%d", t.Kind)
	}
}

func (w *sexprWriter) node(n any) {
	switch n := n.(type) {
	case nil:
		w.p("nil")
	case *ast.File:
		for i, d := range n.Decls {
			if i > 0 {
				w.p(" ")
			}
			w.node(d)
		}
	case *ast.Decl:
		w.p("(decl %s ", n.Name)
		w.typ(n.Type)
		if n.Storage != 0 {
			w.p(" %s", storageNames[n.Storage])
		}
		if n.ThreadLocal {
			w.p(" thread")
		}
		if n.Inline {
			w.p(" inline")
		}
		if n.Noreturn {
			w.p(" noreturn")
		}
		if n.AsmName != "" {
			w.p(" (asm %q)", n.AsmName)
		}
		w.attrs(n.Attrs)
		if n.Init != nil {
			w.p(" = ")
			w.node(n.Init)
		}
		if n.Body != nil {
			w.p(" (params")
			for _, pd := range n.Params {
				w.p(" %s", pd.Name)
			}
			w.p(") ")
			w.node(n.Body)
		}
		w.p(")")
	case *ast.StaticAssert:
		w.p("(static_assert ")
		w.node(n.Cond)
		w.p(" %q)", n.Msg)
	case *ast.Ident:
		w.p("%s", n.Name)
	case *ast.IntLit:
		w.p("%d", n.Value)
		if n.Unsigned {
			w.p("u")
		}
		w.p("%s", strings.Repeat("l", n.Longs))
		if n.Imag {
			w.p("i")
		}
	case *ast.FloatLit:
		w.p("%g", n.Value)
		if n.Suffix != 0 {
			w.p("%c", n.Suffix)
		}
		if n.Imag {
			w.p("i")
		}
	case *ast.CharLit:
		w.p("(char%d %d)", n.Prefix, n.Value)
	case *ast.StringLit:
		if n.Wide != nil {
			w.p("(wstr%d %v)", n.Prefix, n.Wide)
		} else {
			w.p("%q", n.Bytes)
		}
	case *ast.Unary:
		w.p("(%s ", unNames[n.Op])
		w.node(n.X)
		w.p(")")
	case *ast.Binary:
		w.p("(%s ", binNames[n.Op])
		w.node(n.X)
		w.p(" ")
		w.node(n.Y)
		w.p(")")
	case *ast.Assign:
		if n.Simple {
			w.p("(= ")
		} else {
			w.p("(%s= ", binNames[n.Op])
		}
		w.node(n.L)
		w.p(" ")
		w.node(n.R)
		w.p(")")
	case *ast.Cond:
		w.p("(? ")
		w.node(n.C)
		w.p(" ")
		w.node(n.Then)
		w.p(" ")
		w.node(n.Else)
		w.p(")")
	case *ast.Call:
		w.p("(call ")
		w.node(n.Fn)
		w.list(n.Args)
		w.p(")")
	case *ast.Index:
		w.p("(index ")
		w.node(n.X)
		w.p(" ")
		w.node(n.I)
		w.p(")")
	case *ast.MemberExpr:
		op := "."
		if n.Arrow {
			op = "->"
		}
		w.p("(%s ", op)
		w.node(n.X)
		w.p(" %s)", n.Name)
	case *ast.Cast:
		w.p("(cast ")
		w.typ(n.To)
		w.p(" ")
		w.node(n.X)
		w.p(")")
	case *ast.Sizeof:
		if n.Align {
			w.p("(alignof ")
		} else {
			w.p("(sizeof ")
		}
		if n.Of != nil {
			w.typ(n.Of)
		} else {
			w.node(n.X)
		}
		w.p(")")
	case *ast.CompoundLit:
		w.p("(compound ")
		w.typ(n.To)
		w.p(" ")
		w.node(n.Init)
		w.p(")")
	case *ast.StmtExpr:
		w.p("(stmtexpr ")
		w.node(n.Body)
		w.p(")")
	case *ast.Generic:
		w.p("(generic ")
		w.node(n.Ctrl)
		for _, a := range n.Assocs {
			w.p(" (")
			if a.Type == nil {
				w.p("default")
			} else {
				w.typ(a.Type)
			}
			w.p(" ")
			w.node(a.Expr)
			w.p(")")
		}
		w.p(")")
	case *ast.VaArg:
		w.p("(va_arg ")
		w.node(n.Ap)
		w.p(" ")
		w.typ(n.To)
		w.p(")")
	case *ast.Offsetof:
		w.p("(offsetof ")
		w.typ(n.Of)
		w.desg(n.Desg)
		w.p(")")
	case *ast.TypesCompatible:
		w.p("(types_compatible ")
		w.typ(n.A)
		w.p(" ")
		w.typ(n.B)
		w.p(")")
	case *ast.ChooseExpr:
		w.p("(choose ")
		w.node(n.C)
		w.p(" ")
		w.node(n.A)
		w.p(" ")
		w.node(n.B)
		w.p(")")
	case *ast.LabelAddr:
		w.p("(&& %s)", n.Label)
	case *ast.InitList:
		w.p("{")
		for i, it := range n.Items {
			if i > 0 {
				w.p(" ")
			}
			if len(it.Desg) > 0 {
				w.p("(")
				w.desg(it.Desg)
				w.p(" = ")
				w.node(it.Value)
				w.p(")")
			} else {
				w.node(it.Value)
			}
		}
		w.p("}")
	case *ast.Block:
		w.p("{")
		if len(n.Labels) > 0 {
			w.p("(__label__ %s)", strings.Join(n.Labels, " "))
		}
		for i, s := range n.Items {
			if i > 0 || len(n.Labels) > 0 {
				w.p(" ")
			}
			w.node(s)
		}
		w.p("}")
	case *ast.DeclStmt:
		for i, d := range n.Decls {
			if i > 0 {
				w.p(" ")
			}
			w.node(d)
		}
	case *ast.ExprStmt:
		w.node(n.X)
		w.p(";")
	case *ast.Empty:
		w.p(";")
	case *ast.IfStmt:
		w.p("(if ")
		w.node(n.Cond)
		w.p(" ")
		w.node(n.Then)
		if n.Else != nil {
			w.p(" ")
			w.node(n.Else)
		}
		w.p(")")
	case *ast.WhileStmt:
		w.p("(while ")
		w.node(n.Cond)
		w.p(" ")
		w.node(n.Body)
		w.p(")")
	case *ast.DoStmt:
		w.p("(do ")
		w.node(n.Body)
		w.p(" ")
		w.node(n.Cond)
		w.p(")")
	case *ast.ForStmt:
		w.p("(for ")
		w.node(n.Init)
		w.p(" ")
		w.node(n.Cond)
		w.p(" ")
		w.node(n.Post)
		w.p(" ")
		w.node(n.Body)
		w.p(")")
	case *ast.SwitchStmt:
		w.p("(switch ")
		w.node(n.X)
		w.p(" ")
		w.node(n.Body)
		w.p(")")
	case *ast.CaseStmt:
		w.p("(case ")
		w.node(n.Lo)
		if n.Hi != nil {
			w.p(" ... ")
			w.node(n.Hi)
		}
		w.p(" ")
		w.node(n.Body)
		w.p(")")
	case *ast.DefaultStmt:
		w.p("(default ")
		w.node(n.Body)
		w.p(")")
	case *ast.BreakStmt:
		w.p("break;")
	case *ast.ContinueStmt:
		w.p("continue;")
	case *ast.ReturnStmt:
		w.p("(return")
		if n.X != nil {
			w.p(" ")
			w.node(n.X)
		}
		w.p(")")
	case *ast.GotoStmt:
		w.p("(goto %s)", n.Label)
	case *ast.IndirectGoto:
		w.p("(goto* ")
		w.node(n.X)
		w.p(")")
	case *ast.LabeledStmt:
		w.p("(label %s", n.Label)
		w.attrs(n.Attrs)
		w.p(" ")
		w.node(n.Body)
		w.p(")")
	case *ast.AsmStmt:
		w.p("(asm")
		if n.Volatile {
			w.p(" volatile")
		}
		if n.Inline {
			w.p(" inline")
		}
		if n.Goto {
			w.p(" goto")
		}
		if n.Basic {
			w.p(" basic")
		}
		w.p(" %q", n.Template)
		for _, sec := range [][]*ast.AsmOperand{n.Outputs, n.Inputs} {
			w.p(" (")
			for i, op := range sec {
				if i > 0 {
					w.p(" ")
				}
				if op.Name != "" {
					w.p("[%s]", op.Name)
				}
				w.p("%q:", op.Constraint)
				w.node(op.X)
			}
			w.p(")")
		}
		w.p(" %q %q)", n.Clobbers, n.Labels)
	default:
		w.p("<%T>", n)
	}
}

func (w *sexprWriter) desg(ds []ast.Designator) {
	for _, d := range ds {
		switch {
		case d.Field != "":
			w.p(" .%s", d.Field)
		case d.Hi != nil:
			w.p(" [")
			w.node(d.Index)
			w.p(" ... ")
			w.node(d.Hi)
			w.p("]")
		default:
			w.p(" [")
			w.node(d.Index)
			w.p("]")
		}
	}
}
