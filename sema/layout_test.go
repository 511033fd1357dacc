package sema

import (
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gocc/ast"
)

// The differential layout test: many struct/union declarations (hand-written corner
// cases plus a seeded random generator) are compiled with gcc into a program that
// prints sizeof, _Alignof, member offsets and bit-field bit positions (found by setting
// the field to all ones in a zeroed object); the output is compared with sema's layout.

var layoutSeed int64 = 1

var handLayouts = []string{
	"struct H0 { char a; int b; char c; };",
	"struct H1 { char a; int :0; char b; };",
	"struct H2 { char a; int b:3; int c:30; };",
	"struct H3 { int a:1; long long b:40; char c; };",
	"struct H4 { char a; short b:9; short c:9; char d; };",
	"struct __attribute__((packed)) H5 { char a; int b; short c:3; int d:31; };",
	"struct H6 { char a; int b __attribute__((aligned(16))); char c; };",
	"struct H7 { char a; char :0; char b; long long :0; char c; };",
	"union H8 { char a; int b:17; double d; };",
	"struct H9 { int n; char data[]; };",
	"struct H10 { char a; double d; } __attribute__((aligned(32)));",
	"struct H11 { _Bool a:1; _Bool b:1; unsigned char c:7; unsigned char d:2; };",
	"struct H12 { };",
	"struct H13 { char a; int z[0]; };",
	"struct H14 { char a; struct { char x; int y; }; char b; };",
	"struct H15 { unsigned a:4; unsigned :0; unsigned b:4; unsigned :3; unsigned c:30; };",
	"struct H16 { char a; int b:4 __attribute__((packed)); int c:30; };",
	"struct H17 { char a; long double ld; char b; };",
	"#pragma pack(2)\nstruct H18 { char a; int b; double c; short d:9; int e:20; };\n#pragma pack()",
	"#pragma pack(1)\nstruct H19 { char a; long long b; int c:7; int d:30; };\n#pragma pack()",
	"struct H20 { char a; int b:7 __attribute__((aligned(8))); char c; };",
	"struct H21 { short a; char b:3; long long c:61; };",
	"struct H22 { char a:3; char b:6; char c:7; char d:1; };",
	"union H23 { struct { char a; int b; } s; long long c:33; } __attribute__((packed));",
	"struct H24 { int a; char b __attribute__((packed)); int c __attribute__((packed)); };",
	"typedef int aint __attribute__((aligned(8)));\nstruct H25 { char a; aint b; char c; };",
	"struct H26 { char a; unsigned long long b:1; unsigned long long c:63; unsigned long long d:1; };",
	"struct H27 { char a; __int128 b; char c; unsigned __int128 d:70; };",
}

// layoutType is one type the random generator may use for members.
type layoutType struct {
	name     string
	bits     int // >0: usable for bit-fields with at most this width
	noBitAll bool
}

var layoutScalars = []layoutType{
	{"char", 8, false}, {"signed char", 8, false}, {"unsigned char", 8, false},
	{"short", 16, false}, {"unsigned short", 16, false}, {"int", 32, false}, {"unsigned", 32, false},
	{"long", 64, false}, {"unsigned long", 64, false}, {"long long", 64, false},
	{"unsigned long long", 64, false}, {"_Bool", 1, false}, {"float", 0, false}, {"double", 0, false},
	{"long double", 0, false}, {"void *", 0, false},
}

// genLayouts produces n random record declarations named R0...; earlier ones may be
// used as member types of later ones.
func genLayouts(seed int64, n int) []string {
	r := rand.New(rand.NewSource(seed))
	var out []string
	var prev []string // usable earlier record types (no flexible array)
	for i := 0; i < n; i++ {
		var b strings.Builder
		pack := 0
		if r.Intn(10) == 0 {
			pack = []int{1, 2, 4, 8}[r.Intn(4)]
			fmt.Fprintf(&b, "#pragma pack(%d)\n", pack)
		}
		kw := "struct"
		if r.Intn(5) == 0 {
			kw = "union"
		}
		b.WriteString(kw)
		if r.Intn(8) == 0 {
			b.WriteString(" __attribute__((packed))")
		}
		fmt.Fprintf(&b, " R%d {", i)
		nm := 1 + r.Intn(8)
		flex := false
		for j := 0; j < nm; j++ {
			name := fmt.Sprintf("m%d", j)
			switch k := r.Intn(10); {
			case k < 4: // bit-field
				var lt layoutType
				for lt.bits == 0 {
					lt = layoutScalars[r.Intn(len(layoutScalars))]
				}
				w := r.Intn(lt.bits + 1)
				if w == 0 && r.Intn(3) != 0 {
					w = 1 + r.Intn(lt.bits)
				}
				if w == 0 || r.Intn(12) == 0 {
					fmt.Fprintf(&b, " %s :%d;", lt.name, w)
				} else {
					attr := ""
					if r.Intn(12) == 0 {
						attr = " __attribute__((packed))"
					} else if r.Intn(15) == 0 {
						attr = fmt.Sprintf(" __attribute__((aligned(%d)))", 1<<r.Intn(4))
					}
					fmt.Fprintf(&b, " %s %s:%d%s;", lt.name, name, w, attr)
				}
			case k < 8: // scalar or array
				lt := layoutScalars[r.Intn(len(layoutScalars))]
				dim := ""
				if r.Intn(4) == 0 {
					dim = fmt.Sprintf("[%d]", 1+r.Intn(4))
				}
				attr := ""
				switch r.Intn(12) {
				case 0:
					attr = fmt.Sprintf(" __attribute__((aligned(%d)))", 1<<r.Intn(6))
				case 1:
					attr = " __attribute__((packed))"
				}
				fmt.Fprintf(&b, " %s %s%s%s;", lt.name, name, dim, attr)
			case k < 9 && len(prev) > 0:
				fmt.Fprintf(&b, " %s %s;", prev[r.Intn(len(prev))], name)
			default:
				if kw == "struct" && j == nm-1 && j > 0 && r.Intn(2) == 0 {
					fmt.Fprintf(&b, " int %s[];", name)
					flex = true
				} else {
					fmt.Fprintf(&b, " short %s[%d];", name, r.Intn(3))
				}
			}
		}
		b.WriteString(" }")
		if r.Intn(12) == 0 {
			fmt.Fprintf(&b, " __attribute__((aligned(%d)))", 1<<r.Intn(6))
		}
		b.WriteString(";")
		if pack != 0 {
			b.WriteString("\n#pragma pack()")
		}
		out = append(out, b.String())
		if !flex {
			prev = append(prev, fmt.Sprintf("%s R%d", kw, i))
		}
	}
	return out
}

// recordsOf returns the records declared at file scope by tag, in order.
func recordsOf(f *ast.File) []*ast.Record {
	var out []*ast.Record
	seen := map[*ast.Record]bool{}
	for _, n := range f.Decls {
		d, ok := n.(*ast.Decl)
		if !ok || d.Type == nil || !d.Type.IsRecord() || d.Name != "" || d.Type.Record.Tag == "" {
			continue
		}
		if !seen[d.Type.Record] {
			seen[d.Type.Record] = true
			out = append(out, d.Type.Record)
		}
	}
	return out
}

// layoutProgram builds the C program that prints gcc's layout of the records.
func layoutProgram(decls []string, recs []*ast.Record) string {
	var b strings.Builder
	b.WriteString("#include <stdio.h>\n#include <stddef.h>\n#include <string.h>\n")
	for _, d := range decls {
		b.WriteString(d + "\n")
	}
	b.WriteString(`static void bits(const unsigned char *p, size_t n, const char *name) {
	long first = -1, count = 0;
	for (size_t i = 0; i < n * 8; i++)
		if (p[i / 8] >> (i % 8) & 1) { if (first < 0) first = i; count++; }
	printf(" %s@%ld:%ld", name, first, count);
}
int main(void) {
`)
	for _, r := range recs {
		kw := "struct"
		if r.IsUnion {
			kw = "union"
		}
		ty := kw + " " + r.Tag
		fmt.Fprintf(&b, "\t{ %s v; printf(\"%s %%zu %%zu\", sizeof v, _Alignof(%s));\n", ty, r.Tag, ty)
		for _, m := range r.Members {
			switch {
			case m.Name == "":
				continue
			case m.IsBitField:
				fmt.Fprintf(&b, "\t  memset(&v, 0, sizeof v); v.%s = -1; bits((const unsigned char *)&v, sizeof v, \"%s\");\n", m.Name, m.Name)
			default:
				fmt.Fprintf(&b, "\t  printf(\" %s@%%ld\", (long)offsetof(%s, %s) * 8);\n", m.Name, ty, m.Name)
			}
		}
		b.WriteString("\t  printf(\"\\n\"); }\n")
	}
	b.WriteString("\treturn 0;\n}\n")
	return b.String()
}

// semaLayout prints sema's layout in the program's format.
func semaLayout(recs []*ast.Record) string {
	var b strings.Builder
	for _, r := range recs {
		fmt.Fprintf(&b, "%s %d %d", r.Tag, r.Size, r.Align)
		for _, m := range r.Members {
			switch {
			case m.Name == "":
				continue
			case m.IsBitField:
				fmt.Fprintf(&b, " %s@%d:%d", m.Name, m.Offset*8+int64(m.BitOffset), m.BitWidth)
			default:
				fmt.Fprintf(&b, " %s@%d", m.Name, m.Offset*8)
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

func testLayoutTarget(t *testing.T, triple, gcc string, run []string) {
	if _, err := exec.LookPath(gcc); err != nil {
		t.Skipf("%s not installed: cannot compare layouts for %s", gcc, triple)
	}
	if len(run) > 0 {
		if _, err := exec.LookPath(run[0]); err != nil {
			t.Skipf("%s not installed: cannot run %s programs", run[0], triple)
		}
	}
	decls := append(append([]string(nil), handLayouts...), genLayouts(layoutSeed, 300)...)
	src := strings.Join(decls, "\n") + "\n"
	f, diags := checkSrc(t, triple, src)
	if diags.HasErrors() {
		t.Fatalf("sema errors:\n%s", diagString(diags))
	}
	recs := recordsOf(f)
	for _, r := range recs {
		// Invariant of ast.Member: a bit-field's storage unit lies inside the record
		// whenever the record is at least as large as the unit.
		for _, m := range r.Members {
			if m.IsBitField && m.BitWidth > 0 && m.Type.Size <= r.Size && m.Offset+m.Type.Size > r.Size {
				t.Errorf("%s.%s: unit at %d+%d exceeds size %d", r.Tag, m.Name, m.Offset, m.Type.Size, r.Size)
			}
		}
	}
	dir := t.TempDir()
	cfile := filepath.Join(dir, "layout.c")
	exe := filepath.Join(dir, "layout")
	if err := os.WriteFile(cfile, []byte(layoutProgram(decls, recs)), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"-w", "-std=gnu17", "-o", exe, cfile}
	if len(run) > 0 {
		args = append([]string{"-static"}, args...)
	}
	if out, err := exec.Command(gcc, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", gcc, err, out)
	}
	out, err := exec.Command(append(run, exe)[0], append(run, exe)[1:]...).Output()
	if err != nil {
		t.Fatalf("running layout program: %v", err)
	}
	want := strings.Split(strings.TrimSpace(string(out)), "\n")
	got := strings.Split(strings.TrimSpace(semaLayout(recs)), "\n")
	if len(want) != len(got) {
		t.Fatalf("gcc printed %d records, sema has %d", len(want), len(got))
	}
	bad := 0
	for i := range want {
		if want[i] != got[i] {
			bad++
			if bad <= 15 {
				t.Errorf("%s\n gcc  %s\n sema %s", decls[min(i, len(decls)-1)], want[i], got[i])
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d records differ", bad, len(want))
	}
}

func TestLayoutX86_64(t *testing.T) { testLayoutTarget(t, "x86_64", "gcc", nil) }
func TestLayoutAArch64(t *testing.T) {
	testLayoutTarget(t, "aarch64", "aarch64-linux-gnu-gcc", []string{"qemu-aarch64"})
}
func TestLayoutRISCV64(t *testing.T) {
	testLayoutTarget(t, "riscv64", "riscv64-linux-gnu-gcc", []string{"qemu-riscv64"})
}
