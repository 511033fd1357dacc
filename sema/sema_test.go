package sema

import (
	"fmt"
	"strings"
	"testing"

	"gocc/ast"
	"gocc/diag"
	"gocc/lexer"
	"gocc/parser"
	"gocc/target"
)

// checkSrc lexes, parses and checks src (no preprocessing) for target triple.
func checkSrc(t testing.TB, triple, src string) (*ast.File, *diag.List) {
	t.Helper()
	tg, err := target.New(triple)
	if err != nil {
		t.Fatal(err)
	}
	diags := &diag.List{}
	df := &diag.File{Name: "t.c", Contents: []byte(src)}
	toks := lexer.Tokenize(df, diags)
	f := parser.Parse("t.c", toks, diags)
	if diags.HasErrors() {
		t.Fatalf("parse errors:\n%s\nsource:\n%s", diagString(diags), src)
	}
	Check(f, tg, diags)
	return f, diags
}

func diagString(l *diag.List) string {
	var s []string
	for _, d := range l.Diags {
		s = append(s, fmt.Sprintf("%d:%d: %s: %s", d.Pos.Line, d.Pos.Col, d.Severity, d.Msg))
	}
	return strings.Join(s, "\n")
}

// mustCheck checks src and fails on any error.
func mustCheck(t testing.TB, src string) *ast.File {
	t.Helper()
	f, d := checkSrc(t, "x86_64", src)
	if d.HasErrors() {
		t.Fatalf("unexpected errors:\n%s\nsource:\n%s", diagString(d), src)
	}
	return f
}

func findDecl(f *ast.File, name string) *ast.Decl {
	for _, n := range f.Decls {
		if d, ok := n.(*ast.Decl); ok && d.Name == name {
			return d
		}
	}
	return nil
}

func findFunc(f *ast.File, name string) *ast.FuncDef {
	for _, fd := range f.Funcs {
		if fd.Obj.Name == name {
			return fd
		}
	}
	return nil
}

// sexpr prints a checked expression with its types, e.g. "(+:int (cast:int x:char) 1:int)".
func sexpr(e ast.Expr) string {
	if e == nil {
		return "nil"
	}
	ty := typeString(e.Type())
	switch x := e.(type) {
	case *ast.IntLit:
		if ty == "int" {
			return fmt.Sprint(int64(x.Value))
		}
		return fmt.Sprintf("%d:%s", int64(x.Value), ty)
	case *ast.FloatLit:
		return fmt.Sprintf("%g:%s", x.Value, ty)
	case *ast.CharLit:
		return fmt.Sprintf("'%d':%s", x.Value, ty)
	case *ast.StringLit:
		return fmt.Sprintf("%q:%s", x.Bytes, ty)
	case *ast.Ident:
		return x.Name + ":" + ty
	case *ast.Unary:
		op := [...]string{"neg", "plus", "!", "~", "*", "&", "++pre", "--pre", "post++", "post--", "real", "imag"}[x.Op]
		if x.OpType != nil {
			op += "@" + typeString(x.OpType)
		}
		return fmt.Sprintf("(%s:%s %s)", op, ty, sexpr(x.X))
	case *ast.Binary:
		return fmt.Sprintf("(%s:%s %s %s)", binOpSpelling[x.Op], ty, sexpr(x.X), sexpr(x.Y))
	case *ast.Assign:
		op := "="
		if !x.Simple {
			op = binOpSpelling[x.Op] + "=@" + typeString(x.OpType)
		}
		return fmt.Sprintf("(%s:%s %s %s)", op, ty, sexpr(x.L), sexpr(x.R))
	case *ast.Cast:
		k := [...]string{"cast", "conv", "decay", "tounion"}[x.Kind]
		return fmt.Sprintf("(%s:%s %s)", k, ty, sexpr(x.X))
	case *ast.Call:
		s := "(call"
		if x.Builtin != "" {
			s += "[" + x.Builtin + "]"
		}
		s += ":" + ty + " " + sexpr(x.Fn)
		for _, a := range x.Args {
			s += " " + sexpr(a)
		}
		return s + ")"
	case *ast.Index:
		return fmt.Sprintf("(index:%s %s %s)", ty, sexpr(x.X), sexpr(x.I))
	case *ast.MemberExpr:
		op := "."
		if x.Arrow {
			op = "->"
		}
		return fmt.Sprintf("(%s%s:%s %s)", op, x.Name, ty, sexpr(x.X))
	case *ast.Cond:
		return fmt.Sprintf("(?:%s %s %s %s)", ty, sexpr(x.C), sexpr(x.Then), sexpr(x.Else))
	case *ast.Sizeof:
		return fmt.Sprintf("(sizeof:%s)", ty)
	case *ast.CompoundLit:
		return fmt.Sprintf("(complit:%s)", ty)
	case *ast.StmtExpr:
		return fmt.Sprintf("(stmtexpr:%s)", ty)
	case *ast.VaArg:
		return fmt.Sprintf("(va_arg:%s %s)", ty, sexpr(x.Ap))
	case *ast.LabelAddr:
		return "&&" + x.Label
	}
	return fmt.Sprintf("<%T>", e)
}

// exprOf returns the checked initializer of variable name inside f's function
// "test" or at file scope: the first InitEntry's value.
func initOf(t *testing.T, f *ast.File, name string) ast.Expr {
	t.Helper()
	var found *ast.Decl
	var walk func(s ast.Stmt)
	walk = func(s ast.Stmt) {
		switch s := s.(type) {
		case *ast.Block:
			for _, it := range s.Items {
				walk(it)
			}
		case *ast.DeclStmt:
			for _, d := range s.Decls {
				if d.Name == name {
					found = d
				}
			}
		}
	}
	if d := findDecl(f, name); d != nil && d.Body == nil {
		found = d
	}
	for _, fd := range f.Funcs {
		walk(fd.Body)
	}
	if found == nil || len(found.Inits) == 0 {
		t.Fatalf("no initializer for %s", name)
	}
	return found.Inits[0].Value
}

// TestExprTypes checks expression typing, implicit conversions and folding through
// "T v = expr;" declarations inside a function.
func TestExprTypes(t *testing.T) {
	tests := []struct{ decls, expr, want string }{
		{"char c;", "c + 1", "(conv:long int (+:int (conv:int c:char) 1))"},
		{"unsigned u; int i;", "u + i", "(conv:long int (+:unsigned int u:unsigned int (conv:unsigned int i:int)))"},
		{"long l; unsigned u;", "l + u", "(+:long int l:long int (conv:long int u:unsigned int))"},
		{"int a[4];", "a[1]", "(conv:long int (index:int (decay:int * a:int[4]) 1:long int))"},
		{"int a[4];", "1[a]", "(conv:long int (index:int (decay:int * a:int[4]) 1:long int))"},
		{"int *p; int i;", "p - p", "(-:long int p:int * p:int *)"},
		{"double d;", "d > 1", "(conv:long int (>:int d:double 1:double))"},
		{"short s;", "s << 2L", "(conv:long int (<<:int (conv:int s:short int) 2:long int))"},
		{"", "sizeof(int[10])", "40:long int"},
		{"", "(char)300", "44:long int"},
		{"", "-1u >> 1", "2147483647:long int"},
		{"", "(unsigned char)-1 + 1", "256:long int"},
		{"", "1 ? 2 : 3", "2:long int"},
		{"", "0x7fffffff + 1", "-2147483648:long int"},
		{"", "2147483648", "2147483648:long int"},
		{"", "0xffffffff", "4294967295:long int"},
		{"", "'a'", "97:long int"},
		{"", "sizeof \"abc\"", "4:long int"},
		{"", "__builtin_offsetof(struct {char a; int b;}, b)", "4:long int"},
		{"", "_Alignof(double)", "8:long int"},
		{"", "__builtin_types_compatible_p(int, const int)", "1:long int"},
		{"", "__builtin_types_compatible_p(int, long)", "0:long int"},
		{"", "_Generic(1.0f, float: 10, default: 20)", "10:long int"},
		{"", "__builtin_choose_expr(1, 5, 6.0)", "5:long int"},
		{"", "__builtin_constant_p(3*4)", "1:long int"},
		// Undecided: left to the optimizer (opt/bcp.go), unless the operand has side effects.
		{"int x;", "__builtin_constant_p(x)", "(conv:long int (call[__builtin_constant_p]:int __builtin_constant_p:int() x:int))"},
		{"int x;", "__builtin_constant_p(x++)", "0:long int"},
		{"enum E { A, B = 5, C };", "C", "6:long int"},
		{"unsigned short us;", "us * us", "(conv:long int (*:int (conv:int us:short unsigned int) (conv:int us:short unsigned int)))"},
		{"struct S { unsigned b:3; } s;", "s.b + 0", "(conv:long int (+:int (conv:int (.b:unsigned int s:struct S)) 0))"},
		{"struct S { unsigned b:32; } s;", "s.b + 0", "(conv:long int (+:unsigned int (.b:unsigned int s:struct S) 0:unsigned int))"},
		{"int f(int, double);", "f(1.5, 2)", "(conv:long int (call:int (decay:int (*)(int, double) f:int(int, double)) 1 2:double))"},
		{"int g();", "g(1.5f, (char)1)", "(conv:long int (call:int (decay:int (*)() g:int()) 1.5:double 1))"},
		{"int x;", "x = 3.5", "(conv:long int (=:int x:int 3))"},
		{"int *p;", "p += 2", "(conv:long int (+=@int *:int * p:int * 2:long int))"},
		{"char c;", "c += 1", "(conv:long int (+=@int:char c:char 1))"},
		{"char c;", "c++", "(conv:long int (post++@int:char c:char))"},
		{"int *p;", "++p", "(conv:long int (++pre@int *:int * p:int *))"},
		{"_Bool b; int *p;", "b = p", "(conv:long int (=:_Bool b:_Bool (conv:_Bool p:int *)))"},
		{"double _Complex z;", "__real__ z", "(conv:long int (real:double z:complex double))"},
		{"", "__builtin_expect(5, 1)", "5:long int"},
	}
	for _, tc := range tests {
		src := fmt.Sprintf("%s\nvoid test(void) { long v = %s; }", tc.decls, tc.expr)
		f := mustCheck(t, src)
		got := sexpr(initOf(t, f, "v"))
		if got != tc.want {
			t.Errorf("%s\n got  %s\n want %s", tc.expr, got, tc.want)
		}
	}
}

// TestInlinedLibraryCalls: calls of the standard abs and fabs families are marked for
// inline expansion (gcc expands them at every level, so fabs needs no -lm), but not
// with a non-standard signature, and not under -fno-builtin-NAME.
func TestInlinedLibraryCalls(t *testing.T) {
	src := `double fabs(double); float fabsf(float); long double fabsl(long double);
int abs(int); long labs(long); int mine(int);
double d; float f; long double ld; int i; long l;
void use(void) { d = fabs(d); f = fabsf(f); ld = fabsl(ld); i = abs(i); l = labs(l); i = mine(i); d = fabs(i); }`
	want := []string{"__builtin_fabs", "__builtin_fabsf", "__builtin_fabsl", "__builtin_abs", "__builtin_abs", "", "__builtin_fabs"}
	calls := func(f *ast.File) []string {
		var got []string
		for _, s := range findFunc(f, "use").Body.Items {
			e := s.(*ast.ExprStmt).X.(*ast.Assign).R
			for {
				if c, ok := e.(*ast.Cast); ok {
					e = c.X
					continue
				}
				break
			}
			got = append(got, e.(*ast.Call).Builtin)
		}
		return got
	}
	if got := calls(mustCheck(t, src)); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("builtins %v, want %v", got, want)
	}
	tg, _ := target.New("x86_64")
	diags := &diag.List{}
	f := parser.Parse("t.c", lexer.Tokenize(&diag.File{Name: "t.c", Contents: []byte(src)}, diags), diags)
	f.NoBuiltin = map[string]bool{"fabs": true, "abs": true}
	Check(f, tg, diags)
	want = []string{"", "__builtin_fabsf", "__builtin_fabsl", "", "__builtin_abs", "", ""}
	if got := calls(f); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("with -fno-builtin-fabs -fno-builtin-abs: builtins %v, want %v", got, want)
	}
}

// TestLibraryBuiltinsNoWarning: __builtin_printf and friends call the library
// function without an implicit-declaration warning (gcc.dg/cpp/pr66415-2.c).
func TestLibraryBuiltinsNoWarning(t *testing.T) {
	_, d := checkSrc(t, "x86_64", `void f(void) { __builtin_printf("x%d", 1); __builtin_puts("y"); __builtin_fprintf(0, "z"); }`)
	if len(d.Diags) != 0 {
		t.Errorf("diagnostics: %s", diagString(d))
	}
	_, d = checkSrc(t, "x86_64", `void f(void) { __builtin_printf("x"); printf("y"); }`)
	if s := diagString(d); !strings.Contains(s, "implicit declaration of function 'printf'") {
		t.Errorf("plain printf without a declaration: %q, want the implicit-declaration warning", s)
	}
}
