package sema

// The layout differential test (issue 4, "Layout"): sema's sizeof, _Alignof, member
// offsets and bit-field positions are compared with gcc's for x86-64, aarch64, riscv64
// and i386 over three corpora:
//
//   - random records from a seeded generator (plus hand-written corner cases);
//   - every file-scope record of the gcc torture execute tests (records declared in the
//     test file itself, not in the system headers it includes);
//   - every record declared by a translation unit that includes many glibc headers.
//
// gcc's numbers are read at compile time, with no program to run: for each record the
// generated C defines
//
//	const long long __gocc_L3[] = { sizeof(T), _Alignof(T), __builtin_offsetof(T, m), ... };
//	union { T __gocc_r; unsigned char __gocc_b[sizeof(T)]; } __gocc_B3_1 = { .__gocc_r.f = -1 };
//
// (one such union per named bit-field f: static storage is zero-filled, and -1 sets
// every bit of the field whatever its signedness or width, _Bool giving 1 for its single
// bit), compiles it with `gcc -c` for the target and reads the symbols' bytes from the
// object file with debug/elf. Bits are numbered little-endian from the record's first
// byte (all four targets are little-endian), as ast.Member's Offset*8+BitOffset is.

import (
	"crypto/sha256"
	"debug/elf"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"gocc/ast"
	"gocc/diag"
	"gocc/parser"
	"gocc/preproc"
	"gocc/target"
	"gocc/torture"
)

// diffTarget is one target of the differential test and the gcc that is its oracle.
type diffTarget struct {
	name string   // target.New name
	gcc  string   // the gcc driver for the target
	args []string // extra driver arguments selecting the target
	// libcCheck is a header whose presence shows the target's glibc headers are
	// installed for this gcc ("" if the libc headers come with the cross compiler).
	libcCheck string
	// afterDirs are searched for headers after the system directories, by gcc
	// (-idirafter) and gocc alike.
	afterDirs []string
}

var diffTargets = []diffTarget{
	{name: "x86_64", gcc: "gcc"},
	{name: "aarch64", gcc: "aarch64-linux-gnu-gcc"},
	{name: "riscv64", gcc: "riscv64-linux-gnu-gcc"},
	// gcc -m32 -c needs no 32-bit libc for a file without #include; the glibc corpus
	// needs libc6-dev-i386 (pulled in by gcc-multilib).
	// Debian's gcc-multilib, which would provide the 32-bit <asm/...> as the symlink
	// /usr/include/asm -> x86_64-linux-gnu/asm, conflicts with the cross compilers;
	// searching that directory last gives the same headers (the x86 uapi headers
	// serve both word sizes).
	{name: "i386", gcc: "gcc", args: []string{"-m32"}, libcCheck: "/usr/include/x86_64-linux-gnu/gnu/stubs-32.h",
		afterDirs: []string{"/usr/include/x86_64-linux-gnu"}},
}

// diffLeaf is one member of a record whose position is compared: an ordinary member
// (byte offset) or a named bit-field (first bit and width). path is the member
// designator from the record ("a", "inner.b"; members of anonymous structs and unions
// are named directly, C11 6.7.2.1p13).
type diffLeaf struct {
	path  string
	bit   bool
	pos   int64 // bytes for an ordinary member, bits for a bit-field
	width int
}

// compareC11 compares _Alignof too, which sema tells from __alignof__.
const compareC11 = true

// diffSubject is one record type and how to spell it after the declarations.
type diffSubject struct {
	spell  string // "struct S", "union U", a typedef name or __typeof__(var)
	rec    *ast.Record
	ty     *ast.Type // the type spelled, for typedefs (which may add an aligned attribute)
	leaves []diffLeaf
	where  string // for messages: file:line, or the random declaration
	// c11Align is sema's value of _Alignof(spell), which gcc (min_align_of_type) may
	// make smaller than the alignment the record is laid out with (__alignof__).
	c11Align int64
}

// semaLine formats sema's layout of s; gccLine formats the same from gcc's numbers.
func (s *diffSubject) semaLine() string {
	var b strings.Builder
	size, align := s.rec.Size, s.rec.Align
	if s.ty != nil {
		size, align = s.ty.Size, s.ty.Align
	}
	fmt.Fprintf(&b, "size %d align %d", size, align)
	if compareC11 {
		fmt.Fprintf(&b, " c11 %d", s.c11Align)
	}
	for _, l := range s.leaves {
		if l.bit {
			fmt.Fprintf(&b, " %s@bit%d:%d", l.path, l.pos, l.width)
		} else {
			fmt.Fprintf(&b, " %s@%d", l.path, l.pos)
		}
	}
	return b.String()
}

// leavesOf lists the members of r whose positions are compared, base being r's offset
// inside the subject. Named members of untagged record type are followed (depth-limited)
// as "m.x"; tagged ones are subjects of their own.
func leavesOf(r *ast.Record, prefix string, base int64, depth int, out []diffLeaf) []diffLeaf {
	for _, m := range r.Members {
		if m.IsBitField {
			if m.Name != "" && m.BitWidth > 0 {
				out = append(out, diffLeaf{path: prefix + m.Name, bit: true,
					pos: (base+m.Offset)*8 + int64(m.BitOffset), width: m.BitWidth})
			}
			continue
		}
		sub := m.Type.Record
		if !m.Type.IsRecord() {
			sub = nil
		}
		if m.Name == "" {
			if sub != nil {
				out = leavesOf(sub, prefix, base+m.Offset, depth, out)
			}
			continue
		}
		out = append(out, diffLeaf{path: prefix + m.Name, pos: base + m.Offset})
		if sub != nil && sub.Tag == "" && depth < 3 {
			out = leavesOf(sub, prefix+m.Name+".", base+m.Offset, depth+1, out)
		}
	}
	return out
}

// subjectsOf returns the complete records declared at file scope in f whose position
// satisfies keep: tagged records (also those reached through member, pointer and array
// types of file-scope declarations, whose tags C11 6.2.1p4 puts at file scope too),
// untagged records named by a typedef, and untagged records of variables.
func subjectsOf(f *ast.File, keep func(diag.Pos) bool) []*diffSubject {
	var out []*diffSubject
	seen := map[*ast.Record]bool{}
	add := func(r *ast.Record, spell string, ty *ast.Type) {
		if seen[r] || !r.Complete || !keep(r.Pos) {
			return
		}
		seen[r] = true
		where := r.Pos.String()
		out = append(out, &diffSubject{spell: spell, rec: r, ty: ty, leaves: leavesOf(r, "", 0, 0, nil), where: where})
	}
	visiting := map[*ast.Type]bool{}
	var walk func(t *ast.Type)
	walk = func(t *ast.Type) {
		for t != nil && (t.Kind == ast.Pointer || t.Kind == ast.Array) {
			t = t.Base
		}
		if t == nil || !t.IsRecord() || t.Record == nil || visiting[t] {
			return
		}
		visiting[t] = true
		r := t.Record
		if r.Tag != "" {
			kw := "struct "
			if r.IsUnion {
				kw = "union "
			}
			add(r, kw+r.Tag, nil)
		}
		for _, m := range r.Members {
			walk(m.Type)
		}
	}
	for _, n := range f.Decls {
		d, ok := n.(*ast.Decl)
		if !ok || d.Type == nil || d.Type.Kind == ast.Func {
			continue
		}
		t := d.Type
		if t.IsRecord() && t.Record != nil && t.Record.Tag == "" && d.Name != "" {
			if d.Storage == ast.Typedef {
				add(t.Record, d.Name, t)
			} else {
				add(t.Record, "__typeof__("+d.Name+")", t)
			}
		}
		walk(t)
	}
	return out
}

// extractionC is the C text that makes gcc store the layout numbers of subjects as
// data, appended after their declarations.
func extractionC(subjects []*diffSubject) string {
	var b strings.Builder
	b.WriteString("\n/* gocc layout extraction */\n")
	b.WriteString(undefNames(subjects))
	for i, s := range subjects {
		fmt.Fprintf(&b, "const long long __gocc_L%d[] = { sizeof(%s), __alignof__(%s), _Alignof(%s)", i, s.spell, s.spell, s.spell)
		for _, l := range s.leaves {
			if !l.bit {
				fmt.Fprintf(&b, ", __builtin_offsetof(%s, %s)", s.spell, l.path)
			}
		}
		b.WriteString(" };\n")
		for k, l := range s.leaves {
			if l.bit {
				fmt.Fprintf(&b, "union { %s __gocc_r; unsigned char __gocc_b[sizeof(%s)]; } __gocc_B%d_%d = { .__gocc_r.%s = -1 };\n",
					s.spell, s.spell, i, k, l.path)
			}
		}
	}
	return b.String()
}

// undefNames undefines every identifier the extraction names: the names are those
// after preprocessing, and a header may define a macro of the same name (glibc's
// <signal.h> has "#define si_pid _sifields._kill.si_pid"), which must not expand again.
func undefNames(subjects []*diffSubject) string {
	seen := map[string]bool{}
	var b strings.Builder
	ident := regexp.MustCompile(`[A-Za-z_][A-Za-z_0-9]*`)
	for _, s := range subjects {
		words := ident.FindAllString(s.spell, -1)
		for _, l := range s.leaves {
			words = append(words, strings.Split(l.path, ".")...)
		}
		for _, w := range words {
			switch w {
			case "struct", "union", "__typeof__":
				continue
			}
			if !seen[w] {
				seen[w] = true
				fmt.Fprintf(&b, "#undef %s\n", w)
			}
		}
	}
	return b.String()
}

// gccCache remembers gcc's answers across runs, in ~/.cache/gocc/layoutdiff: the key is
// a hash of the compiler's identity (command, arguments, -dumpfullversion and
// -dumpmachine output) and the generated source, so only sources that changed are
// compiled again. gcc's answer does not depend on gocc, so this cannot hide a sema
// change; it keeps the torture corpus (hundreds of gcc runs per target) fast.
type gccCache struct {
	dir string // "" when caching is off
	id  string // compiler identity
}

func newGCCCache(dt diffTarget) *gccCache {
	home, err := os.UserHomeDir()
	if err != nil || os.Getenv("GOCC_LAYOUTDIFF_NOCACHE") != "" {
		return &gccCache{}
	}
	args := append(append([]string(nil), dt.args...), "-dumpfullversion", "-dumpmachine")
	out, err := exec.Command(dt.gcc, args...).Output()
	if err != nil {
		return &gccCache{}
	}
	c := &gccCache{dir: filepath.Join(home, ".cache", "gocc", "layoutdiff", dt.name)}
	c.id = fmt.Sprintf("%s %q %q %s", dt.gcc, dt.args, dt.afterDirs, out)
	if os.MkdirAll(c.dir, 0o755) != nil {
		return &gccCache{}
	}
	return c
}

// cachedEntry is one cached gcc answer: the symbols, or gcc's error.
type cachedEntry struct {
	Syms map[string][]byte
	Err  string
}

// symbols returns gccObjectSymbols(dt, dir, name, src), from the cache if it is there.
func (c *gccCache) symbols(dt diffTarget, dir, name, src string) (map[string][]byte, error) {
	if c.dir == "" {
		return gccObjectSymbols(dt, dir, name, src)
	}
	key := sha256.Sum256([]byte(c.id + "\x00" + src))
	path := filepath.Join(c.dir, hex.EncodeToString(key[:16])+".json")
	if data, err := os.ReadFile(path); err == nil {
		var e cachedEntry
		if json.Unmarshal(data, &e) == nil {
			if e.Err != "" {
				return nil, errors.New(e.Err)
			}
			return e.Syms, nil
		}
	}
	syms, err := gccObjectSymbols(dt, dir, name, src)
	e := cachedEntry{Syms: syms}
	if err != nil {
		e.Err = err.Error()
	}
	if data, jerr := json.Marshal(e); jerr == nil {
		tmp := fmt.Sprintf("%s.%d.tmp", path, os.Getpid())
		if os.WriteFile(tmp, data, 0o644) == nil {
			os.Rename(tmp, path)
		}
	}
	return syms, err
}

// gccObjectSymbols compiles src with the target's gcc and returns the bytes of every
// defined data symbol of the object file. dir is a scratch directory.
func gccObjectSymbols(tg diffTarget, dir, name, src string) (map[string][]byte, error) {
	cfile := filepath.Join(dir, name+".c")
	ofile := filepath.Join(dir, name+".o")
	if err := os.WriteFile(cfile, []byte(src), 0o644); err != nil {
		return nil, err
	}
	args := append([]string(nil), tg.args...)
	for _, d := range tg.afterDirs {
		args = append(args, "-idirafter", d)
	}
	args = append(args, "-w", "-O0", "-c", "-o", ofile, cfile)
	if out, err := exec.Command(tg.gcc, args...).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("%s %s: %v\n%s", tg.gcc, strings.Join(args, " "), err, limitLines(string(out), 20))
	}
	defer os.Remove(ofile)
	return elfDataSymbols(ofile)
}

// elfDataSymbols reads the contents of the defined object symbols of a relocatable ELF
// file: for a relocatable file a symbol's value is its offset in its section. The
// extraction data holds only integer constants, so no relocation applies to it.
func elfDataSymbols(path string) (map[string][]byte, error) {
	f, err := elf.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	syms, err := f.Symbols()
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	cache := map[int][]byte{}
	for _, s := range syms {
		if elf.ST_TYPE(s.Info) != elf.STT_OBJECT || !strings.HasPrefix(s.Name, "__gocc_") {
			continue
		}
		i := int(s.Section)
		if i <= 0 || i >= len(f.Sections) {
			continue
		}
		sec := f.Sections[i]
		if sec.Type == elf.SHT_NOBITS {
			out[s.Name] = make([]byte, s.Size)
			continue
		}
		data, ok := cache[i]
		if !ok {
			if data, err = sec.Data(); err != nil {
				return nil, err
			}
			cache[i] = data
		}
		if s.Value+s.Size > uint64(len(data)) {
			return nil, fmt.Errorf("%s: symbol %s outside its section", path, s.Name)
		}
		out[s.Name] = data[s.Value : s.Value+s.Size]
	}
	return out, nil
}

// gccLine formats gcc's layout of subject i from the extracted symbols, in semaLine's
// format.
func gccLine(s *diffSubject, i int, syms map[string][]byte) (string, error) {
	nums := syms[fmt.Sprintf("__gocc_L%d", i)]
	word := func(k int) int64 {
		if 8*k+8 > len(nums) {
			return -1
		}
		return int64(binary.LittleEndian.Uint64(nums[8*k:]))
	}
	if nums == nil {
		return "", fmt.Errorf("no symbol __gocc_L%d", i)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "size %d align %d", word(0), word(1))
	if compareC11 {
		fmt.Fprintf(&b, " c11 %d", word(2))
	}
	k := 3
	for j, l := range s.leaves {
		if !l.bit {
			fmt.Fprintf(&b, " %s@%d", l.path, word(k))
			k++
			continue
		}
		data := syms[fmt.Sprintf("__gocc_B%d_%d", i, j)]
		if data == nil {
			return "", fmt.Errorf("no symbol __gocc_B%d_%d", i, j)
		}
		first, count := int64(-1), 0
		for bi, c := range data {
			if c != 0 && first < 0 {
				first = int64(bi*8 + bits.TrailingZeros8(c))
			}
			count += bits.OnesCount8(c)
		}
		fmt.Fprintf(&b, " %s@bit%d:%d", l.path, first, count)
	}
	return b.String(), nil
}

// semaSubjects runs gocc's front end on src and returns the records to compare (see
// subjectsOf), with sema's value of _Alignof for each, got by checking src again with
// "char __gocc_aN[_Alignof(T)];" appended. reject is the first error if gocc rejects
// src itself; an error in the appended declarations is returned as err.
func semaSubjects(tg *target.Target, afterDirs []string, name string, src []byte, keep func(diag.Pos) bool) (subjects []*diffSubject, reject string, err error) {
	f, diags := frontEnd(tg, afterDirs, name, src)
	if f == nil || diags.HasErrors() {
		return nil, firstError(diags), nil
	}
	first := subjectsOf(f, keep)
	if len(first) == 0 {
		return nil, "", nil
	}
	var q strings.Builder
	q.WriteString("\n" + undefNames(first))
	for i, s := range first {
		fmt.Fprintf(&q, "char __gocc_a%d[_Alignof(%s)];\n", i, s.spell)
	}
	f, diags = frontEnd(tg, afterDirs, name, append(append([]byte(nil), src...), q.String()...))
	if f == nil || diags.HasErrors() {
		return nil, "", fmt.Errorf("gocc rejects the _Alignof queries: %s", firstError(diags))
	}
	subjects = subjectsOf(f, keep)
	if len(subjects) != len(first) {
		return nil, "", fmt.Errorf("%d records, then %d with the queries", len(first), len(subjects))
	}
	for _, n := range f.Decls {
		var i int
		if d, ok := n.(*ast.Decl); ok && d.Type != nil && d.Type.Kind == ast.Array {
			if _, e := fmt.Sscanf(d.Name, "__gocc_a%d", &i); e == nil && i < len(subjects) {
				subjects[i].c11Align = d.Type.Len
			}
		}
	}
	return subjects, "", nil
}

// frontEnd runs gocc's preprocessor, parser and sema on src for tg. A panic is turned
// into an error diagnostic so that one bad file does not stop a corpus.
func frontEnd(tg *target.Target, afterDirs []string, name string, src []byte) (f *ast.File, diags *diag.List) {
	diags = &diag.List{}
	defer func() {
		if e := recover(); e != nil {
			diags.Errorf(diag.Pos{}, "panic: %v", e)
			f = nil
		}
	}()
	toks := preproc.Preprocess(&diag.File{Name: name, Contents: src}, &preproc.Config{Target: tg, AfterDirs: afterDirs}, diags)
	if diags.HasErrors() {
		return nil, diags
	}
	f = parser.Parse(name, toks, diags)
	if diags.HasErrors() {
		return nil, diags
	}
	Check(f, tg, diags)
	return f, diags
}

// diffReport collects the differences of one corpus on one target.
type diffReport struct {
	mu       sync.Mutex
	t        *testing.T
	records  int
	leaves   int
	bitLeafs int
	bad      int
}

func (r *diffReport) compare(subjects []*diffSubject, syms map[string][]byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i, s := range subjects {
		r.records++
		for _, l := range s.leaves {
			r.leaves++
			if l.bit {
				r.bitLeafs++
			}
		}
		want, err := gccLine(s, i, syms)
		if err != nil {
			r.bad++
			r.t.Errorf("%s (%s): %v", s.spell, s.where, err)
			continue
		}
		if got := s.semaLine(); got != want {
			r.bad++
			if r.bad <= 12 {
				r.t.Errorf("%s (%s):\n gcc  %s\n sema %s", s.spell, s.where, want, got)
			}
		}
	}
}

func (r *diffReport) finish(what string) {
	r.t.Logf("%s: %d records, %d members (%d bit-fields) compared", what, r.records, r.leaves, r.bitLeafs)
	if r.bad > 0 {
		r.t.Errorf("%s: %d of %d records differ from gcc", what, r.bad, r.records)
	}
}

func limitLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = append(lines[:n], "...")
	}
	return strings.Join(lines, "\n")
}

func TestLayoutDiff(t *testing.T) {
	for _, dt := range diffTargets {
		t.Run(dt.name, func(t *testing.T) {
			if _, err := exec.LookPath(dt.gcc); err != nil {
				t.Skipf("%s not installed: no oracle for %s layouts", dt.gcc, dt.name)
			}
			tg, err := target.New(dt.name)
			if err != nil {
				t.Fatal(err)
			}
			cache := newGCCCache(dt)
			t.Run("random", func(t *testing.T) { t.Parallel(); diffRandom(t, dt, tg, cache) })
			t.Run("glibc", func(t *testing.T) { t.Parallel(); diffGlibc(t, dt, tg, cache) })
			t.Run("linux", func(t *testing.T) { t.Parallel(); diffLinux(t, dt, tg, cache) })
			t.Run("torture", func(t *testing.T) { t.Parallel(); diffTorture(t, dt, tg, cache) })
		})
	}
}

// ---- Random records ----

// handLayouts are corner cases written by hand, compared along with the random ones.
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

// diffSeed fixes the generator so that a failure reproduces.
const diffSeed = 20261122

func diffRandom(t *testing.T, dt diffTarget, tg *target.Target, cache *gccCache) {
	n := 2500
	if testing.Short() {
		n = 400
	}
	seed := int64(diffSeed)
	if v := os.Getenv("GOCC_LAYOUTDIFF_SEED"); v != "" { // explore other records
		fmt.Sscan(v, &seed)
		t.Logf("seed %d", seed)
	}
	decls := genDiffRecords(rand.New(rand.NewSource(seed)), n, tg.HasInt128)
	for _, h := range handLayouts {
		if tg.HasInt128 || !strings.Contains(h, "__int128") {
			decls = append(decls, h)
		}
	}
	src := diffPrelude(tg.HasInt128) + strings.Join(decls, "\n") + "\n"
	subjects, reject, err := semaSubjects(tg, nil, "random.c", []byte(src), func(p diag.Pos) bool { return p.File != nil && p.File.Name == "random.c" })
	if reject != "" || err != nil {
		t.Fatalf("gocc rejects the random records: %s%v", reject, err)
	}
	// Report each difference with its declaration.
	declOf := map[string]string{}
	for _, d := range decls {
		if m := regexp.MustCompile(`(?:struct|union)(?: __attribute__\(\([^)]*\)\))? ([RH]\d+) \{`).FindStringSubmatch(d); m != nil {
			declOf[m[1]] = d
		}
	}
	for _, s := range subjects {
		if d, ok := declOf[s.rec.Tag]; ok {
			s.where = d
		}
		// Invariant of ast.Member: a bit-field's storage unit lies inside the record
		// whenever the record is at least as large as the unit.
		for _, m := range s.rec.Members {
			if m.IsBitField && m.BitWidth > 0 && m.Type.Size <= s.rec.Size && m.Offset+m.Type.Size > s.rec.Size {
				t.Errorf("%s.%s: unit at %d+%d exceeds size %d", s.spell, m.Name, m.Offset, m.Type.Size, s.rec.Size)
			}
		}
	}
	syms, err := cache.symbols(dt, t.TempDir(), "random", src+extractionC(subjects)+scalarExtractionC(tg))
	if err != nil {
		t.Fatal(err)
	}
	rep := &diffReport{t: t}
	rep.compare(subjects, syms)
	rep.finish(dt.name + " random")
	diffScalars(t, tg, syms)
}

// scalarTypes are the member types of the random records plus the remaining basic
// types, whose sizeof, __alignof__ and _Alignof are compared on their own.
func scalarTypes(tg *target.Target) []string {
	var out []string
	for _, dt := range diffTypes {
		if !dt.int128 || tg.HasInt128 {
			out = append(out, dt.name)
		}
	}
	return append(out, "float _Complex", "_Complex long long", "_Complex char", "void (*)(void)",
		"long double[3]", "double[2]", "long long[3]", "V2sf[2]", "Tll4[2]")
}

func scalarExtractionC(tg *target.Target) string {
	var b strings.Builder
	for i, ty := range scalarTypes(tg) {
		fmt.Fprintf(&b, "const long long __gocc_T%d[] = { sizeof(%s), __alignof__(%s), _Alignof(%s) };\n", i, ty, ty, ty)
	}
	return b.String()
}

// diffScalars compares gcc's sizeof, __alignof__ and _Alignof of scalarTypes with
// sema's, which it gets by checking array declarations sized by the same expressions.
func diffScalars(t *testing.T, tg *target.Target, syms map[string][]byte) {
	types := scalarTypes(tg)
	var b strings.Builder
	b.WriteString(diffPrelude(tg.HasInt128))
	for i, ty := range types {
		fmt.Fprintf(&b, "char __gocc_s%d[sizeof(%s)], __gocc_g%d[__alignof__(%s)], __gocc_c%d[_Alignof(%s)];\n", i, ty, i, ty, i, ty)
	}
	f, diags := frontEnd(tg, nil, "scalars.c", []byte(b.String()))
	if f == nil || diags.HasErrors() {
		t.Fatalf("gocc rejects the scalar queries: %s", firstError(diags))
	}
	got := map[string]int64{}
	for _, n := range f.Decls {
		if d, ok := n.(*ast.Decl); ok && strings.HasPrefix(d.Name, "__gocc_") && d.Type.Kind == ast.Array {
			got[d.Name] = d.Type.Len
		}
	}
	bad := 0
	for i, ty := range types {
		nums := syms[fmt.Sprintf("__gocc_T%d", i)]
		if len(nums) != 24 {
			t.Errorf("%s: no gcc numbers", ty)
			continue
		}
		want := fmt.Sprintf("sizeof %d __alignof__ %d _Alignof %d", binary.LittleEndian.Uint64(nums), binary.LittleEndian.Uint64(nums[8:]), binary.LittleEndian.Uint64(nums[16:]))
		have := fmt.Sprintf("sizeof %d __alignof__ %d _Alignof %d", got[fmt.Sprintf("__gocc_s%d", i)], got[fmt.Sprintf("__gocc_g%d", i)], got[fmt.Sprintf("__gocc_c%d", i)])
		if want != have {
			bad++
			t.Errorf("%s:\n gcc  %s\n sema %s", ty, want, have)
		}
	}
	t.Logf("%s: %d scalar, vector and array types compared, %d differ", tg.Arch, len(types), bad)
}

// diffPrelude declares the types the random records use besides the basic ones: enums
// (packed ones are as small as their values allow), mode-attribute and aligned
// typedefs, and GNU vectors.
func diffPrelude(int128 bool) string {
	s := `typedef int Tqi __attribute__((mode(QI)));
typedef unsigned Tuhi __attribute__((mode(HI)));
typedef int Tsi __attribute__((mode(SI)));
typedef unsigned Tudi __attribute__((mode(DI)));
typedef int Tdi __attribute__((mode(DI)));
typedef int Tword __attribute__((mode(word)));
typedef unsigned Tptr __attribute__((mode(pointer)));
typedef float Tsf __attribute__((mode(SF)));
typedef float Tdf __attribute__((mode(DF)));
typedef int Ta8 __attribute__((aligned(8)));
typedef short Ta1 __attribute__((aligned(1)));
typedef long long Tll4 __attribute__((aligned(4)));
typedef char Tc16 __attribute__((aligned(16)));
typedef double Td16 __attribute__((aligned(16)));
typedef char V2qi __attribute__((vector_size(2)));
typedef short V2hi __attribute__((vector_size(4)));
typedef char V8qi __attribute__((vector_size(8)));
typedef float V2sf __attribute__((vector_size(8)));
typedef int V4si __attribute__((vector_size(16)));
typedef long long V2di __attribute__((vector_size(16)));
typedef double V4df __attribute__((vector_size(32)));
typedef float V16sf __attribute__((vector_size(64)));
enum __attribute__((packed)) Ep1 { EP1A, EP1B = 200 };
enum __attribute__((packed)) Ep2 { EP2A = -1, EP2B = 300 };
enum __attribute__((packed)) Ep3 { EP3A = 70000 };
enum Ee { EEA = -5, EEB };
enum El { ELA = 0x100000000 };
`
	if int128 {
		s += "typedef int Tti __attribute__((mode(TI)));\n"
	}
	return s
}

// diffType is a member type the generator may use; bits > 0 makes it usable for
// bit-fields of at most that width.
type diffType struct {
	name   string
	bits   int
	int128 bool // needs __int128
}

var diffTypes = []diffType{
	{"char", 8, false}, {"signed char", 8, false}, {"unsigned char", 8, false},
	{"short", 16, false}, {"unsigned short", 16, false}, {"int", 32, false}, {"unsigned", 32, false},
	{"long", -1, false}, {"unsigned long", -1, false}, {"long long", 64, false},
	{"unsigned long long", 64, false}, {"_Bool", 1, false},
	{"__int128", 128, true}, {"unsigned __int128", 128, true},
	{"enum Ep1", 8, false}, {"enum Ep2", 16, false}, {"enum Ep3", 32, false}, {"enum Ee", 32, false},
	{"enum El", 64, false},
	{"Tqi", 8, false}, {"Tuhi", 16, false}, {"Tsi", 32, false}, {"Tudi", 64, false}, {"Tdi", 64, false},
	{"Tword", -1, false}, {"Tptr", -1, false}, {"Tti", 128, true}, {"Ta8", 32, false}, {"Tll4", 64, false},
	{"float", 0, false}, {"double", 0, false}, {"long double", 0, false},
	{"_Complex float", 0, false}, {"_Complex double", 0, false}, {"_Complex long double", 0, false},
	{"_Complex short", 0, false}, {"void *", 0, false}, {"Tsf", 0, false}, {"Tdf", 0, false},
	{"Ta1", 0, false}, {"Tc16", 0, false}, {"Td16", 0, false},
	{"V2qi", 0, false}, {"V2hi", 0, false}, {"V8qi", 0, false}, {"V2sf", 0, false},
	{"V4si", 0, false}, {"V2di", 0, false}, {"V4df", 0, false}, {"V16sf", 0, false},
}

// overAligned reports the typedefs aligned beyond their size, whose arrays gcc rejects
// ("alignment of array elements is greater than element size").
func overAligned(name string) bool { return name == "Ta8" || name == "Tc16" || name == "Td16" }

// diffGen generates random record declarations.
type diffGen struct {
	r       *rand.Rand
	types   []diffType // usable on the target; bits -1 resolved to the pointer width
	prev    []string   // earlier complete records usable as member types
	members int        // member name counter within the current top-level record
}

// genDiffRecords produces n declarations of records R0, R1, ...; later ones may use
// earlier ones as member types.
func genDiffRecords(r *rand.Rand, n int, int128 bool) []string {
	g := &diffGen{r: r}
	for _, dt := range diffTypes {
		if dt.int128 && !int128 {
			continue
		}
		g.types = append(g.types, dt)
	}
	var out []string
	for i := 0; i < n; i++ {
		out = append(out, g.record(i))
	}
	return out
}

func (g *diffGen) pick(bitField bool) diffType {
	for {
		t := g.types[g.r.Intn(len(g.types))]
		if !bitField || t.bits != 0 {
			return t
		}
	}
}

func (g *diffGen) alignAttr(maxLog int) string {
	if g.r.Intn(8) == 0 {
		return " __attribute__((aligned))"
	}
	return fmt.Sprintf(" __attribute__((aligned(%d)))", 1<<g.r.Intn(maxLog+1))
}

func (g *diffGen) record(i int) string {
	r := g.r
	var b strings.Builder
	pack, push := 0, false
	if r.Intn(10) == 0 {
		pack, push = []int{1, 2, 4, 8, 16}[r.Intn(5)], r.Intn(2) == 0
		if push {
			fmt.Fprintf(&b, "#pragma pack(push, %d)\n", pack)
		} else {
			fmt.Fprintf(&b, "#pragma pack(%d)\n", pack)
		}
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
	g.members = 0
	flex := g.body(&b, kw == "union", 0)
	b.WriteString(" }")
	if r.Intn(12) == 0 {
		b.WriteString(g.alignAttr(6))
	}
	b.WriteString(";")
	switch {
	case push:
		b.WriteString("\n#pragma pack(pop)")
	case pack != 0:
		b.WriteString("\n#pragma pack()")
	}
	if !flex {
		g.prev = append(g.prev, fmt.Sprintf("%s R%d", kw, i))
	}
	return b.String()
}

// body writes the members of a record (nested ones when depth > 0) and reports whether
// it ends in a flexible array member.
func (g *diffGen) body(b *strings.Builder, union bool, depth int) (flex bool) {
	r := g.r
	nm := 1 + r.Intn(8-3*depth)
	if r.Intn(40) == 0 {
		nm = 0
	}
	named := false // a named member precedes (C11 6.7.2.1p18 for a flexible array)
	for j := 0; j < nm; j++ {
		name := fmt.Sprintf("m%d", g.members)
		g.members++
		switch k := r.Intn(100); {
		case k < 35: // bit-field
			t := g.pick(true)
			maxw := t.bits
			if maxw < 0 {
				maxw = 32
				if strings.Contains(t.name, "long") || t.name == "Tword" || t.name == "Tptr" {
					maxw = 32 // long and pointer-sized types: 32 bits fit on every target
				}
			}
			w := r.Intn(maxw + 1)
			if w == 0 && r.Intn(3) != 0 {
				w = 1 + r.Intn(maxw)
			}
			if w == 0 || r.Intn(12) == 0 {
				fmt.Fprintf(b, " %s :%d;", t.name, w)
				continue
			}
			attr := ""
			switch r.Intn(24) {
			case 0, 1:
				attr = " __attribute__((packed))"
			case 2:
				attr = g.alignAttr(4)
			}
			fmt.Fprintf(b, " %s %s:%d%s;", t.name, name, w, attr)
			named = true
		case k < 68: // scalar, vector or array of one
			t := g.pick(false)
			dim := ""
			if r.Intn(5) == 0 && !overAligned(t.name) {
				dim = fmt.Sprintf("[%d]", 1+r.Intn(4))
			}
			attr := ""
			switch r.Intn(16) {
			case 0:
				attr = g.alignAttr(5)
			case 1, 2:
				attr = " __attribute__((packed))"
			case 3:
				switch {
				case t.name == "char" || t.name == "short" || t.name == "unsigned char":
					// _Alignas(type-name) is _Alignas(_Alignof(type-name)) (C11 6.7.5p3).
					fmt.Fprintf(b, " _Alignas(%s)", []string{"double", "long long", "long double", "V4df", "V2di", "_Complex double"}[r.Intn(6)])
				case !strings.HasPrefix(t.name, "V") && t.name != "Tc16" && t.name != "Td16":
					fmt.Fprintf(b, " _Alignas(%d)", 16<<r.Intn(2))
				}
			case 4:
				if dim == "" && t.bits > 0 && !strings.Contains(t.name, "enum") && !strings.HasPrefix(t.name, "T") && t.name != "_Bool" {
					attr = fmt.Sprintf(" __attribute__((mode(%s)))", []string{"QI", "HI", "SI", "DI", "word", "pointer"}[r.Intn(6)])
				}
			}
			fmt.Fprintf(b, " %s %s%s%s;", t.name, name, dim, attr)
			named = true
		case k < 77 && len(g.prev) > 0: // an earlier record
			dim := ""
			if r.Intn(4) == 0 {
				dim = fmt.Sprintf("[%d]", 1+r.Intn(3))
			}
			attr := ""
			if r.Intn(10) == 0 {
				attr = " __attribute__((packed))"
			}
			fmt.Fprintf(b, " %s %s%s%s;", g.prev[r.Intn(len(g.prev))], name, dim, attr)
		case k < 88 && depth < 2: // nested untagged struct or union, anonymous or named
			kw := "struct"
			if r.Intn(2) == 0 {
				kw = "union"
			}
			b.WriteString(" " + kw)
			if r.Intn(6) == 0 {
				b.WriteString(" __attribute__((packed))")
			}
			b.WriteString(" {")
			g.body(b, kw == "union", depth+1)
			b.WriteString(" }")
			if r.Intn(8) == 0 {
				b.WriteString(g.alignAttr(5))
			}
			if r.Intn(3) == 0 {
				fmt.Fprintf(b, " %s", name)
			}
			b.WriteString(";")
		case k < 94: // zero-length array (GNU)
			t := g.pick(false)
			for overAligned(t.name) {
				t = g.pick(false)
			}
			fmt.Fprintf(b, " %s %s[0];", t.name, name)
		default:
			if t := g.pick(false); !overAligned(t.name) && !union && depth == 0 && j == nm-1 && named && r.Intn(2) == 0 {
				fmt.Fprintf(b, " %s %s[];", t.name, name)
				return true
			}
			fmt.Fprintf(b, " short %s[%d];", name, r.Intn(3))
		}
	}
	return false
}

// ---- glibc headers ----

// glibcHeaders are included, where the target has them, into one translation unit
// with _GNU_SOURCE; every record they declare is compared. A condition for the
// preprocessor may follow the name.
var glibcHeaders = []string{
	"aio.h", "argp.h", "arpa/inet.h", "assert.h", "complex.h", "ctype.h", "dirent.h", "dlfcn.h",
	"elf.h", "err.h", "errno.h", "fcntl.h", "fenv.h", "fmtmsg.h", "fnmatch.h", "fstab.h", "fts.h",
	"ftw.h", "gconv.h", "getopt.h", "glob.h", "gnu/libc-version.h", "grp.h", "gshadow.h", "iconv.h",
	"ifaddrs.h", "inttypes.h", "langinfo.h", "libgen.h", "libintl.h", "limits.h", "link.h",
	"locale.h", "malloc.h", "math.h", "mcheck.h", "monetary.h", "mntent.h", "mqueue.h",
	"net/ethernet.h", "net/if.h", "net/if_arp.h", "net/route.h", "netdb.h", "netinet/ether.h",
	"netinet/icmp6.h", "netinet/if_ether.h", "netinet/igmp.h", "netinet/in.h", "netinet/ip.h",
	"netinet/ip6.h", "netinet/ip_icmp.h", "netinet/tcp.h", "netinet/udp.h", "nl_types.h",
	"nss.h", "obstack.h", "poll.h", "printf.h", "pthread.h", "pty.h", "pwd.h", "re_comp.h",
	"regex.h", "resolv.h", "sched.h", "search.h", "semaphore.h", "setjmp.h", "sgtty.h",
	"shadow.h", "signal.h", "spawn.h", "stdatomic.h", "stdint.h", "stdio.h", "stdio_ext.h",
	"stdlib.h", "string.h", "strings.h", "sys/acct.h", "sys/auxv.h", "sys/epoll.h",
	"sys/eventfd.h", "sys/file.h", "sys/fsuid.h", "sys/inotify.h", "sys/ioctl.h", "sys/ipc.h",
	"sys/klog.h", "sys/mman.h", "sys/mount.h", "sys/msg.h", "sys/mtio.h", "sys/param.h",
	"sys/personality.h", "sys/poll.h", "sys/prctl.h", "sys/procfs.h", "sys/ptrace.h",
	"sys/quota.h", "sys/random.h", "sys/reboot.h", "sys/resource.h", "sys/select.h", "sys/sem.h",
	"sys/sendfile.h", "sys/shm.h", "sys/signalfd.h", "sys/socket.h", "sys/stat.h", "sys/statfs.h",
	"sys/statvfs.h", "sys/swap.h", "sys/syscall.h", "sys/sysinfo.h", "sys/time.h", "sys/timeb.h",
	"sys/timerfd.h", "sys/times.h", "sys/timex.h", "sys/types.h", "sys/ucontext.h", "sys/uio.h",
	"sys/un.h", "sys/user.h", "sys/utsname.h", "sys/vfs.h", "sys/wait.h", "sys/xattr.h",
	"syslog.h", "tar.h", "termios.h", "tgmath.h", "threads.h", "time.h", "uchar.h", "ucontext.h",
	"ulimit.h", "unistd.h", "utime.h", "utmp.h", "utmpx.h", "wchar.h", "wctype.h", "wordexp.h",
	"scsi/sg.h", "sys/fanotify.h", "sys/pidfd.h", "netpacket/packet.h", "sys/io.h", "sys/vm86.h defined __i386__",
	"sys/perm.h", "fpu_control.h", "sys/reg.h", "sys/debugreg.h",
}

// linuxHeaders are Linux uapi headers (from linux-libc-dev and its cross variants), in a
// translation unit of their own since some clash with glibc's: packed records,
// bit-fields and unions of the kernel's ABI.
var linuxHeaders = []string{
	"linux/types.h", "linux/perf_event.h", "linux/bpf.h", "linux/ethtool.h", "linux/usb/ch9.h",
	"linux/input.h", "linux/netlink.h", "linux/rtnetlink.h", "linux/if_packet.h", "linux/icmp.h",
	"linux/ip.h", "linux/ipv6.h", "linux/tcp.h", "linux/udp.h", "linux/fs.h", "linux/fiemap.h",
	"linux/videodev2.h", "linux/virtio_net.h", "linux/virtio_ring.h", "linux/vfio.h", "linux/kvm.h",
	"linux/btrfs.h", "linux/fb.h", "linux/hdreg.h", "linux/cdrom.h", "linux/serial.h",
	"linux/if_tun.h", "linux/net_tstamp.h", "linux/nl80211.h", "linux/cec.h", "linux/dma-buf.h",
	"linux/elf.h", "linux/audit.h", "linux/filter.h", "linux/seccomp.h", "linux/userfaultfd.h",
	"linux/io_uring.h", "linux/fuse.h", "linux/android/binder.h", "linux/rseq.h", "linux/mount.h",
	"linux/openat2.h", "linux/if_bridge.h", "linux/if_link.h", "linux/neighbour.h", "linux/can.h",
	"linux/can/raw.h", "linux/blktrace_api.h", "linux/dm-ioctl.h", "linux/fsverity.h",
	"linux/hidraw.h", "linux/i2c.h", "linux/i2c-dev.h", "linux/media.h", "linux/mii.h",
	"linux/nvme_ioctl.h", "linux/ptp_clock.h", "linux/rfkill.h", "linux/sctp.h", "linux/sound.h",
	"linux/spi/spidev.h", "linux/tipc.h", "linux/uinput.h", "linux/watchdog.h", "linux/xfrm.h",
	"sound/asound.h", "scsi/scsi_bsg_fc.h", "mtd/ubi-user.h", "drm/drm.h", "rdma/ib_user_verbs.h",
}

func diffGlibc(t *testing.T, dt diffTarget, tg *target.Target, cache *gccCache) {
	if dt.libcCheck != "" {
		if _, err := os.Stat(dt.libcCheck); err != nil {
			t.Skipf("%s glibc headers not installed (%s missing; Debian package libc6-dev-i386 from gcc-multilib)", dt.name, dt.libcCheck)
		}
	}
	diffHeaders(t, dt, tg, cache, "glibc", "#define _GNU_SOURCE 1\n", glibcHeaders)
}

func diffLinux(t *testing.T, dt diffTarget, tg *target.Target, cache *gccCache) {
	if dt.libcCheck != "" {
		if _, err := os.Stat(dt.libcCheck); err != nil {
			t.Skipf("%s libc headers not installed (%s missing)", dt.name, dt.libcCheck)
		}
	}
	diffHeaders(t, dt, tg, cache, "linux", "", linuxHeaders)
}

// diffHeaders compares every record declared by a translation unit that includes the
// headers the target has.
func diffHeaders(t *testing.T, dt diffTarget, tg *target.Target, cache *gccCache, name, prefix string, headers []string) {
	var b strings.Builder
	b.WriteString(prefix)
	for _, h := range headers {
		cond := ""
		if i := strings.IndexByte(h, ' '); i >= 0 {
			h, cond = h[:i], " && "+h[i+1:]
		}
		fmt.Fprintf(&b, "#if __has_include(<%s>)%s\n#include <%s>\n#endif\n", h, cond, h)
	}
	src := b.String()
	file := name + ".c"
	subjects, reject, err := semaSubjects(tg, dt.afterDirs, file, []byte(src), func(p diag.Pos) bool { return p.File != nil && p.File.Name != file })
	if reject != "" || err != nil {
		t.Fatalf("gocc rejects the %s headers: %s%v", name, reject, err)
	}
	syms, err := cache.symbols(dt, t.TempDir(), name, src+extractionC(subjects))
	if err != nil {
		t.Fatal(err)
	}
	rep := &diffReport{t: t}
	rep.compare(subjects, syms)
	rep.finish(dt.name + " " + name)
}

// ---- gcc torture execute tests ----

// hasRecordDef is a quick filter for files that may define a record.
var hasRecordDef = regexp.MustCompile(`\b(struct|union)\b[^;{}()]*\{`)

func diffTorture(t *testing.T, dt diffTarget, tg *target.Target, cache *gccCache) {
	home, err := os.UserHomeDir()
	if err != nil {
		t.Skip("no home directory for the torture cache")
	}
	dir := filepath.Join(home, ".cache", "gocc", "torture", "execute")
	if _, err := os.Stat(dir); err != nil {
		if _, err := torture.EnsureTestsuite(filepath.Join(home, ".cache", "gocc"), "execute", func(string) {}); err != nil {
			t.Skipf("torture tests not available: %v", err)
		}
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.c"))
	if err != nil || len(files) == 0 {
		t.Skipf("no torture tests under %s", dir)
	}
	sort.Strings(files)
	if testing.Short() {
		var sample []string
		for i := 0; i < len(files); i += 8 {
			sample = append(sample, files[i])
		}
		files = sample
	}
	var (
		mu                                   sync.Mutex
		withRecords, goccRejects, gccRejects int
		sso                                  int
		rejected                             []string
	)
	rep := &diffReport{t: t}
	scratch := t.TempDir()
	work := make(chan string)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for path := range work {
				src, err := os.ReadFile(path)
				if err != nil || !hasRecordDef.Match(src) {
					continue
				}
				subjects, reject, err := semaSubjects(tg, dt.afterDirs, path, src, func(p diag.Pos) bool {
					return p.File != nil && !p.File.System && !strings.HasPrefix(p.File.Name, "<")
				})
				if err != nil {
					t.Errorf("%s: %v", filepath.Base(path), err)
					continue
				}
				if reject != "" {
					mu.Lock()
					goccRejects++
					rejected = append(rejected, filepath.Base(path)+": "+reject)
					mu.Unlock()
					continue
				}
				kept := subjects[:0]
				for _, s := range subjects {
					if bigEndianSSO(s.rec, 0) {
						mu.Lock()
						sso++
						mu.Unlock()
						continue
					}
					kept = append(kept, s)
				}
				subjects = kept
				if len(subjects) == 0 {
					continue
				}
				base := strings.TrimSuffix(filepath.Base(path), ".c")
				gen := fmt.Sprintf("#include \"%s\"\n%s", path, extractionC(subjects))
				syms, err := cache.symbols(dt, scratch, base, gen)
				if err != nil {
					// Is it the test itself that gcc rejects for this target?
					if _, err2 := cache.symbols(dt, scratch, base+"-orig", fmt.Sprintf("#include \"%s\"\n", path)); err2 != nil {
						mu.Lock()
						gccRejects++
						mu.Unlock()
						continue
					}
					t.Errorf("%s: extraction failed: %v", filepath.Base(path), err)
					continue
				}
				mu.Lock()
				withRecords++
				mu.Unlock()
				rep.compare(subjects, syms)
			}
		}()
	}
	for _, p := range files {
		work <- p
	}
	close(work)
	wg.Wait()
	sort.Strings(rejected)
	for _, r := range rejected {
		t.Logf("skipped, gocc rejects: %s", r)
	}
	t.Logf("%s torture: %d files scanned, %d with records compared, %d skipped as gocc rejects them, %d as gcc does; "+
		"%d records skipped for scalar_storage_order(\"big-endian\"), which gocc ignores with a warning",
		dt.name, len(files), withRecords, goccRejects, gccRejects, sso)
	rep.finish(dt.name + " torture")
}

// bigEndianSSO reports a record laid out with gcc's scalar_storage_order("big-endian")
// attribute, or containing one: gocc does not implement reversed storage order (sema
// warns that it ignores the attribute), so such records are not compared.
func bigEndianSSO(r *ast.Record, depth int) bool {
	if r == nil || depth > 8 {
		return false
	}
	for _, a := range r.Attrs {
		if a.Name == "scalar_storage_order" && len(a.Args) == 1 {
			if sl, ok := a.Args[0].(*ast.StringLit); ok && string(sl.Bytes) == "big-endian" {
				return true
			}
		}
	}
	for _, m := range r.Members {
		t := m.Type
		for t != nil && t.Kind == ast.Array {
			t = t.Base
		}
		if t != nil && t.IsRecord() && bigEndianSSO(t.Record, depth+1) {
			return true
		}
	}
	return false
}

func firstError(l *diag.List) string {
	if l == nil {
		return ""
	}
	for _, d := range l.Diags {
		if d.Severity == diag.Error {
			return fmt.Sprintf("%d:%d: %s", d.Pos.Line, d.Pos.Col, d.Msg)
		}
	}
	return ""
}
