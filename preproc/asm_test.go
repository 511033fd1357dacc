package preproc

import (
	"bytes"
	"strings"
	"testing"

	"gocc/diag"
)

// TestAssemblerWithCpp: in assembler-with-cpp (.S) gcc passes a '#' line that is no
// directive through unexpanded (an assembler comment), drops #pragma, _Pragma and
// #ident, and lets ## of two tokens that make no single token keep both, all without
// an error (Linux's arch/x86 .S files rely on each).
func TestAssemblerWithCpp(t *testing.T) {
	cfg := testConfig()
	cfg.Assembler = true
	src := "#define Kernel K\n# Kernel stuff here\n#pragma GCC visibility push(hidden)\n_Pragma(\"foo\") x\n" +
		"#ident \"v\"\n#define P(a,b) a##b\nP(x,.) P(L,\\) P(x,+)\n# 0x90000 segment\n"
	got, dl := runPP(t, src, cfg)
	if dl.HasErrors() {
		var b bytes.Buffer
		dl.Print(&b)
		t.Fatalf("errors:\n%s", b.String())
	}
	if want := "# Kernel stuff here x x . L \\ x + # 0x90000 segment"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	var dl2 diag.List
	text, _ := PreprocessText(&diag.File{Name: "a.S", Contents: []byte("#define P(a,b) a##b\nP(x,.) P(x,+)\n")}, cfg, &dl2, false)
	if !strings.Contains(string(text), "x. x+") {
		t.Errorf("pasted operands printed apart: %q", text)
	}
	// The same in C is an error.
	if _, dl := runPP(t, "#define P(a,b) a##b\nP(x,.)\n", nil); !dl.HasErrors() {
		t.Errorf("invalid paste in C: no error")
	}
}

// TestMacroPrefixMap: -fmacro-prefix-map=old=new rewrites __FILE__ and __BASE_FILE__,
// the last matching option winning (kbuild passes -fmacro-prefix-map=./=).
func TestMacroPrefixMap(t *testing.T) {
	cfg := testConfig()
	cfg.MacroPrefixMap = [][2]string{{"./", ""}, {"./src/", "S/"}, {"/x", "y"}}
	var dl diag.List
	toks := Preprocess(&diag.File{Name: "./src/a.c", Contents: []byte("__FILE__ __BASE_FILE__\n")}, cfg, &dl)
	if got, want := join(toks), `"S/a.c" "S/a.c"`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	toks = Preprocess(&diag.File{Name: "./b.c", Contents: []byte("__FILE__\n")}, cfg, &dl)
	if got, want := join(toks), `"b.c"`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
