package amd64

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"gocc/codegen"
	"gocc/ir"
)

// tlsModule defines thread-local variables of each kind and a function per variable
// returning its address: g (global), s (static), h (hidden), e (defined elsewhere), and
// one per tls_model attribute.
func tlsModule() *ir.Module {
	m := newModule()
	four := func(name string, lk ir.Linkage, model, vis string) *ir.Global {
		return &ir.Global{Name: name, Linkage: lk, Size: 4, Align: 4, Data: []byte{byte(len(name)), 0, 0, 0},
			TLS: true, TLSModel: model, Visibility: vis}
	}
	m.Globals = append(m.Globals,
		four("tg", ir.External, "", ""),
		four("ts", ir.Internal, "", ""),
		four("th", ir.External, "", "hidden"),
		&ir.Global{Name: "te", Extern: true, TLS: true},
		four("tmgd", ir.External, "global-dynamic", ""),
		four("tmld", ir.Internal, "local-dynamic", ""),
		four("tmie", ir.External, "initial-exec", ""),
		four("tmle", ir.External, "local-exec", ""),
	)
	for _, name := range []string{"tg", "ts", "th", "te", "tmgd", "tmld", "tmie", "tmle"} {
		x := newFn(m, "addr_"+name, ir.Ptr)
		a := x.op(ir.OpTLSAddr, ir.Ptr)
		a.Sym = name
		x.ret(a)
	}
	return m
}

// The model chosen for each variable (gcc's rules, see tls.go) shows in the relocation
// operators of its access sequence.
func TestTLSModelChoice(t *testing.T) {
	gd, ld, ie, le := "@tlsgd", "@tlsld", "@gottpoff", "@tpoff"
	cases := []struct {
		name string
		opts codegen.Options
		want map[string]string
	}{
		{"executable", codegen.Options{PIE: true},
			map[string]string{"tg": le, "ts": le, "th": le, "te": ie, "tmgd": gd, "tmld": ld, "tmie": ie, "tmle": le}},
		{"pic-O0", codegen.Options{PIC: true},
			map[string]string{"tg": gd, "ts": gd, "th": gd, "te": gd, "tmgd": gd, "tmld": ld, "tmie": ie, "tmle": le}},
		{"pic-O2", codegen.Options{PIC: true, OptLevel: 2},
			map[string]string{"tg": gd, "ts": ld, "th": ld, "te": gd, "tmgd": gd, "tmld": ld, "tmie": ie, "tmle": le}},
		{"pic-ftls-initial-exec", codegen.Options{PIC: true, OptLevel: 2, TLSModel: "initial-exec"},
			map[string]string{"tg": ie, "ts": ie, "th": ie, "te": ie, "tmgd": gd, "tmld": ld, "tmie": ie, "tmle": le}},
		{"exe-ftls-local-dynamic", codegen.Options{TLSModel: "local-dynamic"},
			map[string]string{"tg": le, "te": ie, "tmgd": gd}},
	}
	seq := regexp.MustCompile(`(?m)^addr_(\w+):\n((?:.*\n)*?)\t(?:\.size|ret)`)
	reloc := regexp.MustCompile(`@(tlsgd|tlsld|gottpoff|tpoff|dtpoff)`)
	for _, c := range cases {
		asm := genAsm(t, tlsModule(), &c.opts)
		got := map[string]string{}
		for _, m := range seq.FindAllStringSubmatch(asm, -1) {
			if r := reloc.FindString(m[2]); r != "" {
				got[m[1]] = r
			}
		}
		for v, w := range c.want {
			if got[v] != w {
				t.Errorf("%s: %s accessed with %q, want %q", c.name, v, got[v], w)
			}
		}
		if c.want["tmld"] == ld && !regexp.MustCompile(`tmld@dtpoff\(%rax\)`).MatchString(asm) {
			t.Errorf("%s: local-dynamic without the @dtpoff offset from the module base", c.name)
		}
	}
}

// In a shared object the linker cannot relax the dynamic models: the module, built
// with -fPIC, is linked with -shared and used from a gcc-compiled executable, which
// also reaches the exported variables directly, in the main thread and another one.
func TestTLSSharedObject(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("gcc not available")
	}
	m := tlsModule()
	// In a shared object local-exec cannot work; drop that variable's accessor.
	var funcs []*ir.Func
	for _, f := range m.Funcs {
		if f.Name != "addr_tmle" {
			funcs = append(funcs, f)
		}
	}
	m.Funcs = funcs
	for _, opt := range []int{0, 2} {
		asm := genAsm(t, m, &codegen.Options{PIC: true, OptLevel: opt})
		dir := t.TempDir()
		sfile := filepath.Join(dir, "lib.s")
		so := filepath.Join(dir, "libtls.so")
		os.WriteFile(sfile, []byte(asm), 0o644)
		if out, err := exec.Command("gcc", "-shared", "-o", so, sfile).CombinedOutput(); err != nil {
			t.Fatalf("gcc -shared: %v\n%s\n--- asm:\n%s", err, out, numbered(asm))
		}
		// The dynamic models must survive in the shared object: TLSGD/TLSLD calls of
		// __tls_get_addr, hence DTPMOD64 dynamic relocations.
		if out, err := exec.Command("readelf", "-rW", so).CombinedOutput(); err == nil && !bytes.Contains(out, []byte("DTPMOD64")) {
			t.Errorf("-O%d: no R_X86_64_DTPMOD64 in the shared object:\n%s", opt, out)
		}
		driver := cHeader + `
#include <pthread.h>
extern __thread int tg, tmgd, tmie;
__thread int te = 42;
int *addr_tg(void), *addr_ts(void), *addr_th(void), *addr_te(void), *addr_tmgd(void), *addr_tmld(void), *addr_tmie(void);
static int check(void) {
	int bad = 0;
	bad |= addr_tg() != &tg || *addr_tg() != 2;
	bad |= *addr_ts() != 2 || *addr_th() != 2 || *addr_te() != 42 || addr_te() != &te;
	bad |= addr_tmgd() != &tmgd || *addr_tmgd() != 4 || *addr_tmld() != 4 || addr_tmie() != &tmie;
	*addr_ts() += 1; *addr_tmld() += 1;
	bad |= *addr_ts() != 3 || *addr_tmld() != 5;
	bad |= addr_ts() == addr_tmld() || addr_ts() == addr_th();
	return bad;
}
static void *thr(void *p) { return (void *)(long)check(); }
int main(void) {
	CHECK(check() == 0);
	pthread_t t1;
	void *r;
	CHECK(pthread_create(&t1, 0, thr, 0) == 0 && pthread_join(t1, &r) == 0 && r == 0);
	CHECK(*addr_ts() == 3); /* the main thread's copy only */
	return failures;
}
`
		cfile := filepath.Join(dir, "main.c")
		exe := filepath.Join(dir, "prog")
		os.WriteFile(cfile, []byte(driver), 0o644)
		if out, err := exec.Command("gcc", "-O1", "-w", "-pthread", "-o", exe, cfile, so, "-Wl,-rpath,"+dir).CombinedOutput(); err != nil {
			t.Fatalf("gcc: %v\n%s", err, out)
		}
		var stdout, stderr bytes.Buffer
		cmd := exec.Command(exe)
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("-O%d run: %v\n%s%s\n--- asm:\n%s", opt, err, stdout.String(), stderr.String(), numbered(asm))
		}
	}
}
