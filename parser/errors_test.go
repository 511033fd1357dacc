package parser

import (
	"fmt"
	"strings"
	"testing"

	"gocc/ast"
)

// TestErrors checks diagnostics (gcc's wording and positions, line:col) and that the
// parser recovers to parse what follows.
func TestErrors(t *testing.T) {
	tests := []struct {
		src  string
		want string // diagnostics, one per line
		tail string // the name of the last declaration, showing recovery
	}{
		{"int f(void) {\n  int x = 1\n}\nint g;", "3:1: error: expected ',' or ';' before '}' token", "g"},
		{"int f(void) {\n  return (1 + ;\n}\nint g;", "2:15: error: expected expression before ';' token", "g"},
		{"int 3x;\nint ok;", "1:5: error: expected identifier or '(' before numeric constant", "ok"},
		{"foo bar;\nint y;", "1:1: error: unknown type name 'foo'", "y"},
		{"static foo bar[] = {1};\nconst baz *p;\nint y;", "1:8: error: unknown type name 'foo'\n2:7: error: unknown type name 'baz'", "y"},
		{"void f(void) {\n  x = 1 y = 2;\n  if (x) }\nint z;",
			"2:8: error: expected ';' before 'y'\n3:10: error: expected expression before '}' token", "z"},
		{"struct s { int a int b; };\nint z = 0x;\nint w = 08;\nint v = 1.0e;\nint u = 12abc;\nint t = 1.0fx;\nint s2 = 99999999999999999999;",
			"1:18: error: expected ':', ',', ';', '}' or '__attribute__' before 'int'\n" +
				"2:9: error: invalid suffix \"x\" on integer constant\n" +
				"3:9: error: invalid digit \"8\" in octal constant\n" +
				"4:9: error: exponent has no digits\n" +
				"5:9: error: invalid suffix \"abc\" on integer constant\n" +
				"6:9: error: invalid suffix \"fx\" on floating constant\n" +
				"7:10: warning: integer constant is too large for its type", "s2"},
		{"int a = 1 +;\n}\nint q;", "1:12: error: expected expression before ';' token\n2:1: error: expected identifier or '(' before '}' token", "q"},
		{"void f(void) {\n  g(1, 2;\n}\nint q;", "2:9: error: expected ')' before ';' token", "q"},
		{"int f(void) { l: }", "1:18: warning: label at end of compound statement", "f"},
		{"int x\nint y;", "2:1: error: expected '=', ',', ';', 'asm' or '__attribute__' before 'int'", "y"},
		{"int f(void) { return 1; ", "1:24: error: expected '}' at end of input", "f"},
		{"long short x; signed unsigned y; int z;",
			"1:1: error: two or more data types in declaration specifiers\n1:15: error: both 'signed' and 'unsigned' in declaration specifiers", "z"},
		{"static extern int a; int b;", "1:8: error: multiple storage classes in declaration specifiers", "b"},
		{"char c = 'ab\nint q;", "1:10: error: missing terminating ' character\n2:1: error: expected ',' or ';' before 'int'", "q"},
		{"struct s { int a; }; union s u; int q;", "1:28: error: 's' defined as wrong kind of tag", "q"},
		{"struct s { int a; }; struct s { int b; }; int q;", "1:29: error: redefinition of 'struct s'", "q"},
		{"int a = '\\x100'; int q;", "1:9: error: hex escape sequence out of range", "q"},
	}
	for _, tc := range tests {
		f, diags := parse(t, tc.src)
		if got := diagString(diags); got != tc.want {
			t.Errorf("%q\n got: %s\nwant: %s", tc.src, got, tc.want)
		}
		if len(f.Decls) == 0 {
			t.Errorf("%q: no declarations", tc.src)
			continue
		}
		if d, ok := f.Decls[len(f.Decls)-1].(*ast.Decl); !ok || d.Name != tc.tail {
			t.Errorf("%q: recovery failed, last declaration %s", tc.src, sexpr(f.Decls[len(f.Decls)-1]))
		}
	}
}

// TestDepthLimit checks that absurd nesting gives a diagnostic, not a stack overflow.
func TestDepthLimit(t *testing.T) {
	for _, src := range []string{
		"int x = " + strings.Repeat("(", 100000) + "1" + strings.Repeat(")", 100000) + ";",
		"void f(void) " + strings.Repeat("{", 100000) + strings.Repeat("}", 100000),
		"int " + strings.Repeat("*", 100) + strings.Repeat("(", 50000) + "x" + strings.Repeat(")", 50000) + ";",
		"int x = " + strings.Repeat("-", 100000) + "1;",
		"int a[] = " + strings.Repeat("{", 100000) + strings.Repeat("}", 100000) + ";",
	} {
		_, diags := parse(t, src)
		if !strings.Contains(diagString(diags), "nesting too deep") {
			t.Errorf("%.30q...: no depth diagnostic, got %s", src, diagString(diags))
		}
	}
	// 10,000 levels are fine.
	for _, src := range []string{
		"int x = " + strings.Repeat("(", 10000) + "1" + strings.Repeat(")", 10000) + ";",
		"void f(void) " + strings.Repeat("{", 10000) + strings.Repeat("}", 10000),
	} {
		if _, diags := parse(t, src); len(diags.Diags) != 0 {
			t.Errorf("%.30q...: %s", src, diagString(diags))
		}
	}
	// A run of 100,000 case labels on one statement (gcc's limits-caselabels.c) is
	// parsed in a loop: no depth diagnostic, and every label is kept.
	var b strings.Builder
	b.WriteString("void f(int x) { switch (x) { ")
	for i := 0; i < 100000; i++ {
		fmt.Fprintf(&b, "case %d: ", i)
	}
	b.WriteString("return; } }")
	f, diags := parse(t, b.String())
	if len(diags.Diags) != 0 {
		t.Fatalf("case label chain: %s", diagString(diags))
	}
	var s ast.Stmt = f.Decls[0].(*ast.Decl).Body.Items[0].(*ast.SwitchStmt).Body.(*ast.Block).Items[0]
	n := 0
	for c, ok := s.(*ast.CaseStmt); ok; c, ok = s.(*ast.CaseStmt) {
		n++
		s = c.Body
	}
	if n != 100000 {
		t.Errorf("case label chain: %d labels, want 100000", n)
	}
}

// TestTooManyErrors checks that the parser gives up gracefully.
func TestTooManyErrors(t *testing.T) {
	_, diags := parse(t, strings.Repeat("int = ;\n", 1000))
	n := len(diags.Diags)
	if n < maxErrors || n > maxErrors+1 {
		t.Errorf("got %d diagnostics, want about %d", n, maxErrors)
	}
	if last := diags.Diags[n-1]; !strings.Contains(last.Msg, "too many errors") {
		t.Errorf("last diagnostic %q", last.Msg)
	}
}

// TestPragmaPack checks that "#pragma pack" reaches the records declared after it and
// that other pragmas are skipped wherever they appear.
func TestPragmaPack(t *testing.T) {
	src := `struct a { char c; int i; };
#pragma pack(push, 2)
struct b { char c; int i; };
#pragma pack(1)
struct c { char c;
#pragma GCC diagnostic push
 int i; };
#pragma pack(pop)
struct d { char c; int i; };
#pragma pack(4)
#pragma pack()
struct e { int i; };
void f(void) {
#pragma pack(8)
	struct g { int i; } x;
#pragma omp parallel
	x.i = 1;
}
`
	f, diags := parse(t, src)
	if len(diags.Diags) != 0 {
		t.Fatalf("diagnostics: %s", diagString(diags))
	}
	want := "(decl  (struct a (c char) (i int))) (decl  (struct b pack=2 (c char) (i int))) " +
		"(decl  (struct c pack=1 (c char) (i int))) (decl  (struct d (c char) (i int))) " +
		"(decl  (struct e (i int))) (decl f (fn void ()) (params) {(decl x (struct g pack=8 (i int))) (= (. x i) 1);})"
	if got := sexpr(f); got != want {
		t.Errorf("\n got: %s\nwant: %s", got, want)
	}
}
