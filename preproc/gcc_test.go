package preproc

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gocc/diag"
	"gocc/lexer"
)

// These tests use gcc as the oracle (the compiler itself never runs it).

func needGCC(t testing.TB) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("gcc not installed")
	}
}

// dmKnownDiffs are the macros where gocc's -dM differs from gcc 12's on x86-64, with why.
var dmKnownDiffs = map[string]string{}

func parseDM(text string) map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimPrefix(line, "#define ")
		if line == "" {
			continue
		}
		// Name (with parameter list) up to the first space not inside parentheses.
		depth, i := 0, 0
		for ; i < len(line); i++ {
			if line[i] == '(' {
				depth++
			} else if line[i] == ')' {
				depth--
			} else if line[i] == ' ' && depth == 0 {
				break
			}
		}
		val := ""
		if i < len(line) {
			val = line[i+1:]
		}
		m[line[:i]] = val
	}
	return m
}

func TestDumpMacrosMatchesGCC(t *testing.T) {
	needGCC(t)
	out, err := exec.Command("gcc", "-dM", "-E", "-x", "c", "/dev/null").Output()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	var dl diag.List
	if err := DumpMacros(&b, nil, testConfig(), &dl); err != nil || dl.HasErrors() {
		dl.Print(os.Stderr)
		t.Fatal(err)
	}
	want, got := parseDM(string(out)), parseDM(b.String())
	var names []string
	for n := range want {
		names = append(names, n)
	}
	for n := range got {
		if _, ok := want[n]; !ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		w, inW := want[n]
		g, inG := got[n]
		if inW == inG && w == g {
			continue
		}
		if why, ok := dmKnownDiffs[n]; ok {
			t.Logf("%s differs (known: %s)", n, why)
			continue
		}
		switch {
		case !inG:
			t.Errorf("missing %s %s", n, w)
		case !inW:
			t.Errorf("extra %s %s", n, g)
		default:
			t.Errorf("%s: got %q want %q", n, g, w)
		}
	}
}

// extractHeaders writes gocc's embedded headers to a directory so gcc can use the same
// ones, which makes token streams comparable.
func extractHeaders(t testing.TB) string {
	dir := t.TempDir()
	err := fs.WalkDir(builtinHeaders, "include", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := builtinHeaders.ReadFile(p)
		return os.WriteFile(filepath.Join(dir, filepath.Base(p)), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// gccTokens runs gcc -E -P on src with gocc's headers in place of gcc's own.
func gccTokens(t testing.TB, hdrs, src string, extra ...string) string {
	args := []string{"-E", "-P", "-nostdinc", "-isystem", hdrs}
	for _, d := range testConfig().Target.IncludeDirs {
		args = append(args, "-isystem", d)
	}
	args = append(args, extra...)
	args = append(args, "-x", "c", "-")
	cmd := exec.Command("gcc", args...)
	cmd.Stdin = strings.NewReader(src)
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=0")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("gcc: %v\n%s", err, stderr.String())
	}
	return dropPragmas(string(out))
}

// dropPragmas removes #pragma lines, which gocc consumes in part (GCC diagnostic).
func dropPragmas(s string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "#pragma") {
			continue
		}
		keep = append(keep, l)
	}
	return norm(strings.Join(keep, "\n"))
}

func goccTokens(t testing.TB, src string) (string, *diag.List) {
	cfg := testConfig()
	var dl diag.List
	text, _ := PreprocessText(&diag.File{Name: "<stdin>", Contents: []byte(src)}, cfg, &dl, false)
	return dropPragmas(string(text)), &dl
}

func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-200)
	return "gocc: ..." + a[lo:min(len(a), i+200)] + "\ngcc:  ..." + b[lo:min(len(b), i+200)]
}

var diffInputs = []string{
	"#define f(x, y) x ## y\nf(a, b) f(, 1) f(1, ) f(-, =)\n",
	"#define str(x) #x\n#define xstr(x) str(x)\nxstr(__LINE__) str( a  \"b\\n\"  'c' ) str(@) xstr(__STDC_VERSION__)\n",
	"#define EMPTY\n#define LPAREN (\n#define f(x) [x]\nf EMPTY (1) f LPAREN 2)\n",
	"#define a a b\n#define b a\na b\n",
	"#define g(x, ...) h(x, ##__VA_ARGS__) i(__VA_OPT__(<__VA_ARGS__>))\ng(1) g(1,2,3) g()\n",
	"#if defined(__x86_64__) && __SIZEOF_POINTER__ == 8 && __CHAR_BIT__ * sizeof_none == 0\nok\n#else\nbad\n#endif\n",
	"#define x(a) a+1\n#define y x(x(x(1)))\ny x(y) x(\n1\n)\n",
	"#define cat(a,b) a##b\n#define xcat(a,b) cat(a,b)\nxcat(xcat(1,2),3) cat(1,cat(2,3))\n",
	"int a = 1+-+1; int b = a++ + ++a; x = a - -1; y = .5 + 1.e+3;\n",
	"#define P(x) x\nP(P)(1) P(P(P))(2)\n",
	"#define NIL(x) x\n#define G_0(arg) NIL(G_1)(arg)\n#define G_1(arg) NIL(arg)\nG_0(42)\n",
	"#define f(a) a*g\n#define g(a) f(a)\nf(2)(9)\n",
	"#define AND &\n#define a(x) x AND x\na(&) a(&&)\n",
	"__FILE__ __LINE__ __INCLUDE_LEVEL__ __DATE__ __TIME__ __STDC_HOSTED__ __GNUC__\n",
	"#line 10 \"x.c\"\n__LINE__ __FILE__\n",
	"#define EMPTY\n#define f(x) (x)\nf(EMPTY) f( ) f(()) f((,))\n",
	"#if 'ab' == 24930 && L'\\xffffffff' < 0 && u'\\xffff' > 0 && '\\377' == -1\nchars\n#endif\n", // Assertions (gcc's predefined ones and #assert/#unassert); an empty macro in #if.
	"#define empty\n#if empty 1\nok\n#endif\n#if empty#cpu(x86_64) && #system(linux) && !#cpu(m68k) && #machine\nasserted\n#endif\n" +
		"#assert a(b  c)\n#if #a(b c) && #a\nyes\n#endif\n#unassert a\n#if #a\nno\n#endif\n",
	// A token pasted from a painted (self-referential) operand expands (torture 981001-3).
	"#define P(a, b) P1(a,b)\n#define P1(a,b) a##b\n#define F_X 1\n#define F F\nP(F,_X) F\n",
	// #ident and #sccs pass through, their operand macro-expanded.
	"#ident \"x\"\n#define S \"s\"\n#sccs S\nint i;\n",
}

func TestDifferentialGCC(t *testing.T) {
	needGCC(t)
	t.Setenv("SOURCE_DATE_EPOCH", "0")
	hdrs := extractHeaders(t)
	for i, src := range diffInputs {
		want := gccTokens(t, hdrs, src)
		got, dl := goccTokens(t, src)
		if dl.HasErrors() {
			var b bytes.Buffer
			dl.Print(&b)
			t.Errorf("input %d: errors:\n%s", i, b.String())
		}
		if got != want {
			t.Errorf("input %d %q:\n%s", i, src, firstDiff(got, want))
		}
	}
}

var commonHeaders = strings.Fields(`assert.h complex.h ctype.h errno.h fenv.h float.h inttypes.h iso646.h
limits.h locale.h math.h setjmp.h signal.h stdalign.h stdarg.h stdatomic.h stdbool.h stddef.h
stdint.h stdio.h stdlib.h stdnoreturn.h string.h tgmath.h threads.h time.h uchar.h wchar.h wctype.h
pthread.h unistd.h fcntl.h sys/stat.h sys/types.h sys/time.h sys/wait.h sys/mman.h sys/socket.h
sys/ioctl.h sys/select.h dirent.h dlfcn.h getopt.h glob.h grp.h pwd.h netdb.h netinet/in.h
arpa/inet.h poll.h regex.h sched.h semaphore.h spawn.h strings.h syslog.h termios.h utime.h
fnmatch.h libgen.h search.h sys/resource.h sys/uio.h sys/un.h sys/utsname.h endian.h byteswap.h
alloca.h err.h malloc.h`)

func headerSource(hs []string) string {
	var b strings.Builder
	for _, h := range hs {
		b.WriteString("#include <" + h + ">\n")
	}
	return b.String()
}

func TestGlibcHeaders(t *testing.T) {
	needGCC(t)
	hdrs := extractHeaders(t)
	var avail []string
	for _, h := range commonHeaders {
		if fileExists("/usr/include/"+h) || fileExists("/usr/include/x86_64-linux-gnu/"+h) || fileExists(hdrs+"/"+h) {
			avail = append(avail, h)
		}
	}
	if len(avail) < 40 {
		t.Fatalf("only %d headers available", len(avail))
	}
	for _, variant := range []struct {
		name string
		pre  string
	}{{"default", ""}, {"gnu_source", "#define _GNU_SOURCE 1\n"}} {
		t.Run(variant.name, func(t *testing.T) {
			// Each header alone, then all together.
			for _, h := range avail {
				src := variant.pre + headerSource([]string{h})
				got, dl := goccTokens(t, src)
				if dl.HasErrors() {
					var b bytes.Buffer
					dl.Print(&b)
					t.Errorf("%s: errors:\n%s", h, b.String())
					continue
				}
				if want := gccTokens(t, hdrs, src); got != want {
					t.Errorf("%s:\n%s", h, firstDiff(got, want))
				}
			}
			src := variant.pre + headerSource(avail)
			got, dl := goccTokens(t, src)
			if dl.HasErrors() {
				t.Errorf("all headers: errors")
			}
			if want := gccTokens(t, hdrs, src); got != want {
				t.Errorf("all headers:\n%s", firstDiff(got, want))
			}
			t.Logf("%d headers, %d bytes of output", len(avail), len(got))
		})
	}
}

func BenchmarkHeaders(b *testing.B) {
	src := []byte(headerSource(commonHeaders[:40]) + "#define _GNU_SOURCE\n")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		var dl diag.List
		toks := Preprocess(&diag.File{Name: "bench.c", Contents: src}, testConfig(), &dl)
		if dl.HasErrors() || len(toks) < 1000 {
			b.Fatal("preprocessing failed")
		}
	}
}

var _ = lexer.EOF
