package sema

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"gocc/ast"
)

// entriesString prints flattened initializer entries as "off:type=value" (bit-fields
// as "off.bit:width"), with constants for static objects.
func entriesString(es []*ast.InitEntry) string {
	var out []string
	for _, e := range es {
		pos := fmt.Sprint(e.Offset)
		if e.Field != nil {
			pos += fmt.Sprintf(".%d:%d", e.Field.BitOffset, e.Field.BitWidth)
		}
		v := sexpr(e.Value)
		if e.Const != nil {
			switch e.Const.Kind {
			case ast.ConstInt:
				v = fmt.Sprint(e.Const.Int)
			case ast.ConstFloat:
				v = fmt.Sprintf("%gf", e.Const.Float)
			case ast.ConstAddr:
				name := e.Const.Sym.Name
				if e.Const.Sym.Str != nil {
					name = fmt.Sprintf("%q", e.Const.Sym.Str.Bytes)
				}
				v = fmt.Sprintf("&%s+%d", name, e.Const.Int)
			case ast.ConstLabelAddr:
				v = "&&" + e.Const.Label
			}
		}
		out = append(out, pos+"="+v)
	}
	return strings.Join(out, " ")
}

// TestInitializers checks flattening (C11 6.7.9): brace elision, designators, GNU
// ranges, overriding, strings, unions, bit-fields and static constants.
func TestInitializers(t *testing.T) {
	tests := []struct{ src, name, want, typ string }{
		{"int a[] = {1, 2, [5] = 3, 4};", "a", "0=1 4=2 20=3 24=4", "int[7]"},
		{"char s[] = \"ab\";", "s", `0="ab":char[3]`, "char[3]"},
		{"char s[5] = {\"ab\"};", "s", `0="ab":char[3]`, "char[5]"},
		{"struct P { int x, y; } ps[] = {1, 2, 3};", "ps", "0=1 4=2 8=3", "struct P[2]"},
		{"struct P { int x, y; } p = {.y = 2, .x = 1};", "p", "0=1 4=2", ""},
		{"struct P { int x, y; } p = {.y = 2, 3};", "p", "4=2", ""},
		{"int a[6] = {[1 ... 3] = 7};", "a", "4=7 8=7 12=7", ""},
		{"int a[3] = {1, 2, 3, [0] = 9};", "a", "0=9 4=2 8=3", ""},
		{"union U { char c; int i; } u = {.i = 5};", "u", "0=5", ""},
		{"union U { char c; int i; } u = {65};", "u", "0=65", ""},
		{"struct B { unsigned a:3, b:5; int c; } b = {1, 2, 3};", "b", "0.0:3=1 0.3:5=2 4=3", ""},
		{"struct I { int a[2]; int b; } s = {{1}, 2};", "s", "0=1 8=2", ""},
		{"struct I { int a[2]; int b; } s = {1, 2, 3};", "s", "0=1 4=2 8=3", ""},
		{"struct N { struct { int x, y; } in; int z; } n = {.in.y = 5, 6};", "n", "4=5 8=6", ""},
		{"struct A { int x; struct { int y, z; }; } a = {1, 2, .z = 3};", "a", "0=1 4=2 8=3", ""},
		{"double d = 1 / 2.0;", "d", "0=0.5f", ""},
		{"int x; int *p = &x + 2;", "p", "0=&x+8", ""},
		{"struct S { int a; int b[4]; } s; int *q = &s.b[2];", "q", "0=&s+12", ""},
		{"char *str = \"hi\";", "str", `0=&"hi"+0`, ""},
		{"int x; long l = (long)&x;", "l", "0=&x+0", ""},
		{"int x = {3};", "x", "0=3", ""},
		{"int f(void); int (*fp)(void) = f;", "fp", "0=&f+0", ""},
		{"_Bool b = 0.5;", "b", "0=1", ""},
		{"unsigned char c = 300;", "c", "0=44", ""},
		{"int m[2][2] = {1, 2, 3};", "m", "0=1 4=2 8=3", ""},
		{"int m[2][2] = {{1}, {3, 4}};", "m", "0=1 8=3 12=4", ""},
		{"struct F { int n; char d[]; } f = {1, {2, 3}};", "f", "0=1 4=2 5=3", ""},
		{"int *ip = (int[]){1, 2};", "ip", "0=&+0", ""},
	}
	for _, tc := range tests {
		f := mustCheck(t, tc.src)
		d := findDecl(f, tc.name)
		if d == nil || d.Obj == nil {
			t.Errorf("%s: no object %s", tc.src, tc.name)
			continue
		}
		got := entriesString(d.Obj.Init)
		if got != tc.want {
			t.Errorf("%s\n got  %s\n want %s", tc.src, got, tc.want)
		}
		if tc.typ != "" && typeString(d.Obj.Type) != tc.typ {
			t.Errorf("%s: type %s, want %s", tc.src, typeString(d.Obj.Type), tc.typ)
		}
	}
}

// TestObjects checks binding and linkage (C11 6.2.2, 6.9.2): one Object per entity,
// composite types, tentative definitions, static locals, inline emission.
func TestObjects(t *testing.T) {
	f := mustCheck(t, `
extern int a[];
int a[10];
int t;
int t;
static int s;
int f();
int f(int x) { static int n; extern int a[]; return x + n + a[0]; }
int g(void) { static int n = 4; return n; }
inline int in1(void) { return 1; }
static inline int in2(void) { return 2; }
extern inline int in3(void) { return 3; }
int in4(void);
inline int in4(void) { return 4; }
int arr[];
`)
	byName := map[string][]*ast.Object{}
	for _, o := range f.Objects {
		byName[o.Name] = append(byName[o.Name], o)
	}
	if n := len(byName["a"]); n != 1 {
		t.Fatalf("a: %d objects", n)
	}
	if a := byName["a"][0]; a.Type.Len != 10 || !a.Defined || a.Linkage != ast.External {
		t.Errorf("a: len %d defined %v linkage %v", a.Type.Len, a.Defined, a.Linkage)
	}
	if tt := byName["t"]; len(tt) != 1 || !tt[0].Defined || tt[0].Init != nil {
		t.Errorf("tentative t: %+v", tt)
	}
	if s := byName["s"][0]; s.Linkage != ast.Internal {
		t.Errorf("s linkage %v", s.Linkage)
	}
	if fo := byName["f"][0]; fo.Type.OldStyle || len(fo.Type.Params) != 1 {
		t.Errorf("f composite type %s", typeString(fo.Type))
	}
	ns := byName["n"]
	if len(ns) != 2 || ns[0].LinkName == ns[1].LinkName || !strings.HasPrefix(ns[0].LinkName, "n.") {
		t.Errorf("static locals: %d objects, link names %v", len(ns), []string{ns[0].LinkName, ns[1].LinkName})
	}
	if len(ns) == 2 && (len(ns[1].Init) != 1 || ns[1].Init[0].Const.Int != 4) {
		t.Errorf("static local init %v", entriesString(ns[1].Init))
	}
	for name, defined := range map[string]bool{"in1": false, "in2": true, "in3": true, "in4": true} {
		if o := byName[name][0]; o.Defined != defined {
			t.Errorf("%s: Defined=%v, want %v", name, o.Defined, defined)
		}
	}
	if arr := byName["arr"][0]; arr.Type.Len != 1 {
		t.Errorf("arr: tentative incomplete array has length %d", arr.Type.Len)
	}
	fd := findFunc(f, "f")
	if fd == nil || len(fd.Params) != 1 || fd.Params[0].Name != "x" || !fd.Params[0].Param {
		t.Fatalf("f params: %+v", fd)
	}
}

// TestSwitchAndLabels checks case collection and conversion to the promoted type.
func TestSwitchAndLabels(t *testing.T) {
	f := mustCheck(t, `
int f(unsigned char c) {
	switch (c) { case 1: return 1; case 'a' ... 'z': return 2; case 300: break; default: return 0; }
	void *p = &&out;
	goto *p;
out:
	return 3;
}`)
	fd := findFunc(f, "f")
	var sw *ast.SwitchStmt
	for _, it := range fd.Body.Items {
		if s, ok := it.(*ast.SwitchStmt); ok {
			sw = s
		}
	}
	if sw == nil || len(sw.Cases) != 3 || sw.Default == nil {
		t.Fatalf("switch: %+v", sw)
	}
	if typeString(sw.X.Type()) != "int" {
		t.Errorf("switch type %s", typeString(sw.X.Type()))
	}
	if sw.Cases[1].LoVal != 'a' || sw.Cases[1].HiVal != 'z' || sw.Cases[2].LoVal != 300 {
		t.Errorf("case values %d..%d, %d", sw.Cases[1].LoVal, sw.Cases[1].HiVal, sw.Cases[2].LoVal)
	}
	if !fd.HasLabelAddr {
		t.Errorf("HasLabelAddr not set")
	}
}

// TestTargets checks that sizes and literal types come from the target.
func TestTargets(t *testing.T) {
	for _, tc := range []struct{ triple, want string }{
		{"x86_64", "8 16 1 long int 4"},
		{"aarch64", "8 16 0 long int 4"},
		{"riscv64", "8 16 0 long int 4"},
		{"i386", "4 12 1 long long int 4"},
	} {
		f, d := checkSrc(t, tc.triple, `
int a = sizeof(long);
int b = sizeof(long double);
int c = (char)-1 < 0;
__typeof__(2147483648) e;
int w = sizeof(L'x');
`)
		if d.HasErrors() {
			t.Fatalf("%s: %s", tc.triple, diagString(d))
		}
		val := func(n string) int64 { return findDecl(f, n).Obj.Init[0].Const.Int }
		got := fmt.Sprintf("%d %d %d %s %d", val("a"), val("b"), val("c"), typeString(findDecl(f, "e").Obj.Type), val("w"))
		if got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.triple, got, tc.want)
		}
	}
	f, _ := checkSrc(t, "x86_64", "__builtin_va_list ap;")
	if ty := findDecl(f, "ap").Obj.Type; ty.Kind != ast.Array || ty.Size != 24 || ty.Align != 8 {
		t.Errorf("x86-64 va_list: %s size %d", typeString(ty), ty.Size)
	}
	f, _ = checkSrc(t, "aarch64", "__builtin_va_list ap;")
	if ty := findDecl(f, "ap").Obj.Type; ty.Kind != ast.Struct || ty.Size != 32 {
		t.Errorf("aarch64 va_list: %s size %d", typeString(ty), ty.Size)
	}
	f, _ = checkSrc(t, "riscv64", "__builtin_va_list ap;")
	if ty := findDecl(f, "ap").Obj.Type; ty.Kind != ast.Pointer {
		t.Errorf("riscv64 va_list: %s", typeString(ty))
	}
}

// TestDiagnostics checks errors and warnings with gcc's wording. Each case lists the
// expected diagnostics as "error: regexp" / "warning: regexp"; other errors fail.
func TestDiagnostics(t *testing.T) {
	tests := []struct {
		src  string
		want []string
	}{
		{"void f(void) { 1 = 2; }", []string{"error: lvalue required as left operand of assignment"}},
		{"void f(void) { const int x = 1; x = 2; }", []string{"error: assignment of read-only variable 'x'"}},
		{"void f(void) { int a[2], b[2]; a = b; }", []string{"error: assignment to expression with array type"}},
		{"int f(void) { return g(1); } int g(int x) { return x; }", []string{"warning: implicit declaration of function 'g'"}},
		{"void f(void) { int *p; char *q = 0; p = q; }", []string{"warning: assignment to 'int \\*' from incompatible pointer type 'char \\*'"}},
		{"void f(void) { int *p = 5; }", []string{"warning: initialization of 'int \\*' from 'int' makes pointer from integer without a cast"}},
		{"void f(void) { int i; char *p = 0; i = p; }", []string{"warning: assignment to 'int' from 'char \\*' makes integer from pointer without a cast"}},
		{"void f(const char *s) { char *p = s; }", []string{"warning: initialization discards 'const' qualifier from pointer target type"}},
		{"void f(void) { break; }", []string{"error: break statement not within loop or switch"}},
		{"void f(void) { continue; }", []string{"error: continue statement not within a loop"}},
		{"void f(int x) { switch (x) { case 1: case 1: ; } }", []string{"error: duplicate case value"}},
		{"void f(void) { goto nowhere; }", []string{"error: label 'nowhere' used but not defined"}},
		{"int f(void) { return; }", []string{"warning: 'return' with no value, in function returning non-void"}},
		{"void f(void) { return 1; }", []string{"warning: 'return' with a value, in function returning void"}},
		{"int x; int y = x;", []string{"error: initializer element is not constant"}},
		{"void f(void) { int v = undeclared; }", []string{"error: 'undeclared' undeclared \\(first use in this function\\)"}},
		{"struct S { int a; }; int f(struct S s) { return s.b; }", []string{"error: 'struct S' has no member named 'b'"}},
		{"int f(int); void g(void) { f(1, 2); }", []string{"error: too many arguments to function 'f'"}},
		{"int f(int, int); void g(void) { f(1); }", []string{"error: too few arguments to function 'f'"}},
		{"_Static_assert(1 == 2, \"nope\");", []string{"error: static assertion failed: \"nope\""}},
		{"int a[-1];", []string{"error: size of array is negative"}},
		{"struct S; int n = sizeof(struct S);", []string{"error: invalid application of 'sizeof' to incomplete type 'struct S'"}},
		{"int x; double x;", []string{"error: conflicting types for 'x'.*"}},
		{"int f(void) { return 1; } int f(void) { return 2; }", []string{"error: redefinition of 'f'"}},
		{"void f(void) { int *p; p(); }", []string{"error: called object is not a function or function pointer"}},
		{"void f(void) { int x = 1 / 0; }", []string{"warning: division by zero"}},
		{"void f(int x) { &(x + 1); }", []string{"error: lvalue required as unary '&' operand"}},
		{"int x __attribute__((bogus_attr));", []string{"warning: 'bogus_attr' attribute directive ignored"}},
		{"void *f(void) { return malloc(4); }", []string{"warning: implicit declaration of function 'malloc'", "warning: incompatible implicit declaration of built-in function 'malloc'"}},
		{"void f(void) { int a = 1 << 40; }", []string{"warning: left shift count >= width of type"}},
		{"void f(void) { fputs(\"\"); }", []string{"warning: implicit declaration of function 'fputs'", "warning: too few arguments to built-in function 'fputs' expecting 2"}},
		{"static void g(int); g(int x) { }", []string{"warning: return type defaults to 'int'", "warning: conflicting types for 'g'"}},
		{"struct S { int a; } s; void f(void) { int x = (int)s; }", []string{"error: aggregate value used where an integer was expected"}},
		{"int x[2] = {1, 2, 3};", []string{"warning: excess elements in array initializer"}},
		{"void f(int x) { int a = x ? (int *)0 : 1.0; }", []string{"error: type mismatch in conditional expression"}},
	}
	for _, tc := range tests {
		_, d := checkSrc(t, "x86_64", tc.src)
		var got []string
		for _, dg := range d.Diags {
			got = append(got, dg.Severity.String()+": "+dg.Msg)
		}
		matched := make([]bool, len(got))
		for _, w := range tc.want {
			re := regexp.MustCompile("^" + w + "$")
			found := false
			for i, g := range got {
				if !matched[i] && re.MatchString(g) {
					matched[i], found = true, true
					break
				}
			}
			if !found {
				t.Errorf("%s\n missing %q\n got %q", tc.src, w, got)
			}
		}
		for i, g := range got {
			if !matched[i] && strings.HasPrefix(g, "error") {
				t.Errorf("%s\n unexpected %q", tc.src, g)
			}
		}
	}
}
