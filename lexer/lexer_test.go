package lexer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"gocc/diag"
)

func lex(t *testing.T, src string) ([]Token, *diag.List) {
	t.Helper()
	var dl diag.List
	toks := Tokenize(&diag.File{Name: "t.c", Contents: []byte(src)}, &dl)
	if len(toks) == 0 || toks[len(toks)-1].Kind != EOF {
		t.Fatalf("%q: no EOF token", src)
	}
	return toks, &dl
}

// show renders tokens as "kind:text" with "^" for StartOfLine and "_" for SpaceBefore.
func show(toks []Token) string {
	var parts []string
	for _, tk := range toks[:len(toks)-1] {
		s := ""
		if tk.Flags&StartOfLine != 0 {
			s += "^"
		}
		if tk.Flags&SpaceBefore != 0 {
			s += "_"
		}
		switch tk.Kind {
		case Ident:
			s += "id:"
		case Number:
			s += "num:"
		case Char:
			s += "chr:"
		case String:
			s += "str:"
		case Other:
			s += "oth:"
		case HeaderName:
			s += "hdr:"
		}
		parts = append(parts, s+tk.Text)
	}
	return strings.Join(parts, " ")
}

func TestTokenize(t *testing.T) {
	tests := []struct{ src, want string }{
		{"int x;", "^id:int _id:x ;"},
		{"a/*c*/b//x\nc", "^id:a _id:b ^id:c"},
		{"a\\\nb", "^id:ab"},
		{"1e+5 0x1p-3 1.2.3 .5e-x 1+2 0xe+1 12ULL 1'2", "^num:1e+5 _num:0x1p-3 _num:1.2.3 _num:.5e-x _num:1 + num:2 _num:0xe+1 _num:12ULL _num:1 oth:'2"},
		{`L"a" u"b" U"c" u8"d" 'x' L'y' u'z' U'w' u8 "e"`, `^str:L"a" _str:u"b" _str:U"c" _str:u8"d" _chr:'x' _chr:L'y' _chr:u'z' _chr:U'w' _id:u8 _str:"e"`},
		{`"a\"b" '\''`, `^str:"a\"b" _chr:'\''`},
		{"a$b \\u00e9x \xc3\xa9t", "^id:a$b _id:\\U000000e9x _id:\xc3\xa9t"}, // UCNs spelled as gcc spells them
		{"<: :> <% %> %: %:%: %", "^[ _] _{ _} _# _## _%"},
		{"a->b ++ -- <<= >>= ... .. != == && || ^= |= &= %= *= /= += -=", "^id:a -> id:b _++ _-- _<<= _>>= _... _. . _!= _== _&& _|| _^= _|= _&= _%= _*= _/= _+= _-="},
		{"@ ` \\", "^oth:@ _oth:` _oth:\\"},
		{"#include <stdio.h>\n#include <a//b.h>\nx < y >", "^# id:include _hdr:<stdio.h> ^# id:include _hdr:<a//b.h> ^id:x _< _id:y _>"},
		{"  # define X", "^_# _id:define _id:X"},
		{"don't\nx", "^id:don oth:'t ^id:x"},
		{"a\r\nb", "^id:a ^id:b"},
	}
	for _, tc := range tests {
		toks, dl := lex(t, tc.src)
		if got := show(toks); got != tc.want {
			t.Errorf("%q:\n got  %s\n want %s", tc.src, got, tc.want)
		}
		if dl.HasErrors() {
			t.Errorf("%q: unexpected errors", tc.src)
		}
	}
}

func TestPositions(t *testing.T) {
	src := "int a;\n  b /* x\n y */ c\nd\\\n  e f\n\"s\\\nt\" g"
	toks, _ := lex(t, src)
	var got []string
	for _, tk := range toks {
		got = append(got, fmt.Sprintf("%s@%d:%d", tk.Text, tk.Pos.Line, tk.Pos.Col))
	}
	want := `int@1:1 a@1:5 ;@1:6 b@2:3 c@3:7 d@4:1 e@5:3 f@5:5 "st"@6:1 g@7:4 @7:5`
	if s := strings.Join(got, " "); s != want {
		t.Errorf("got  %s\nwant %s", s, want)
	}
}

func TestUnterminatedComment(t *testing.T) {
	_, dl := lex(t, "a /* b")
	if !dl.HasErrors() {
		t.Fatal("want an error")
	}
}

func TestTokenizeString(t *testing.T) {
	p := diag.Pos{File: &diag.File{Name: "x"}, Line: 3, Col: 4}
	toks := TokenizeString("<pragma>", "pack(1)", p, &diag.List{})
	if len(toks) != 5 || toks[0].Pos != p || toks[0].Text != "pack" {
		t.Fatalf("got %v", toks)
	}
}

func BenchmarkTokenize(b *testing.B) {
	src := []byte(strings.Repeat("static int foo(int a, char *b) { /* comment */ return a + b[0x10] * 1.5e+3; } // x\n", 2000))
	b.SetBytes(int64(len(src)))
	for i := 0; i < b.N; i++ {
		Tokenize(&diag.File{Name: "b.c", Contents: src}, &diag.List{})
	}
}

// TestTokenizeAsm: in assembler-with-cpp sources '$' is no identifier character, so
// "$RET" is '$' then the identifier RET, which a macro can replace.
func TestTokenizeAsm(t *testing.T) {
	f := &diag.File{Name: "t.S", Contents: []byte("movl $RET, %eax\n")}
	var got []string
	for _, tok := range TokenizeAsm(f, &diag.List{}) {
		if tok.Kind != Newline && tok.Kind != EOF {
			got = append(got, tok.Text)
		}
	}
	want := []string{"movl", "$", "RET", ",", "%", "eax"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("TokenizeAsm: %q, want %q", got, want)
	}
	c := Tokenize(&diag.File{Name: "t.c", Contents: []byte("a$b")}, &diag.List{})
	if c[0].Text != "a$b" {
		t.Errorf("C: '$' is an identifier character (GNU): got %q", c[0].Text)
	}
}

// TestTrigraphs: with Options.Trigraphs the nine trigraphs are replaced before line
// splicing (C11 5.2.1.1, 5.1.1.2p1); without it they are ordinary characters.
func TestTrigraphs(t *testing.T) {
	src := "??=define A ??( ??) ??< ??> ??! ??' ??- \"??/\"\" B??/\nC"
	texts := func(opts Options) string {
		var got []string
		for _, tok := range TokenizeWith(&diag.File{Name: "t.c", Contents: []byte(src)}, &diag.List{}, opts) {
			if tok.Kind != Newline && tok.Kind != EOF {
				got = append(got, tok.Text)
			}
		}
		return strings.Join(got, " ")
	}
	if got, want := texts(Options{Trigraphs: true}), `# define A [ ] { } | ^ ~ "\"" BC`; got != want {
		t.Errorf("with trigraphs: %s\nwant %s", got, want)
	}
	if got := texts(Options{}); !strings.HasPrefix(got, "? ? =") {
		t.Errorf("without trigraphs: %s", got)
	}
}

// TestKeepComments: with KeepComments each comment is a token spelled as written
// (splices removed); it takes the flags of its place, and the token after it has
// SpaceBefore only for real white space.
func TestKeepComments(t *testing.T) {
	src := "/* a\n b */ #x // end\n/**/y /* s\\\nplice */ z\n"
	var got []string
	for _, tok := range TokenizeWith(&diag.File{Name: "t.c", Contents: []byte(src)}, &diag.List{}, Options{KeepComments: true}) {
		if tok.Kind == EOF {
			break
		}
		got = append(got, fmt.Sprintf("%s%q@%d:%d/%d", tok.Kind, tok.Text, tok.Pos.Line, tok.Pos.Col, tok.Flags&(SpaceBefore|StartOfLine)))
	}
	want := []string{
		`comment"/* a\n b */"@1:1/2`, `#"#"@2:7/1`, `identifier"x"@2:8/0`, `comment"// end"@2:10/1`,
		`comment"/**/"@3:1/2`, `identifier"y"@3:5/0`, `comment"/* splice */"@3:7/1`, `identifier"z"@4:10/1`,
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), strings.Join(want, " "))
	}
}

// TestSkipLine checks that skipping lines finds the same line starts as lexing every
// token: quotes and comments inside a skipped line hide newlines, comment openers and
// quotes exactly as they do for Next.
func TestSkipLine(t *testing.T) {
	srcs := []string{
		"a b c\n#if x\nd\n",
		"x = \"/*\"; y\n# z\n",
		"x = '\"'; /* a\nb */ c\nd\n",
		"don't\n#endif\n",
		"a // \"comment\n#else\nb /* unterminated",
		"\"str\\\"ing\" q\r\n  # w\n",
		"a \\\n b\n#c\n",
	}
	for _, src := range srcs {
		f := &diag.File{Name: "t.c", Contents: []byte(src)}
		var want []Token
		for _, tok := range Tokenize(f, &diag.List{}) {
			if tok.Flags&StartOfLine != 0 {
				want = append(want, tok)
			}
		}
		sc := NewScanner(f, Prepare(f, Options{}), &diag.List{}, Options{})
		var got []Token
		for {
			tok := sc.Next()
			got = append(got, tok)
			if tok.Kind == EOF {
				break
			}
			sc.SkipLine()
		}
		if n := len(got) - 1; n >= 0 && n < len(want) {
			want[n].Flags = got[n].Flags // an EOF's SpaceBefore says nothing
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%q: line starts differ (-Tokenize +SkipLine):\n%s", src, diff)
		}
	}
}

func TestOne(t *testing.T) {
	for _, c := range []struct {
		text  string
		kind  Kind
		spell string
		ok    bool
	}{
		{"ab", Ident, "ab", true}, {"<<=", ShlAssign, "<<=", true}, {"%:%:", HashHash, "##", true},
		{"1e+", Number, "1e+", true}, {"a+", Ident, "", false}, {"//", EOF, "", false},
		{"/*", EOF, "", false}, {"", EOF, "", false}, {" a", EOF, "", false},
		{"\\u00C1x", Ident, "\\U000000c1x", true}, {"L\"s\"", String, "L\"s\"", true},
	} {
		k, s, ok := One(c.text, Options{})
		if ok != c.ok || ok && (k != c.kind || s != c.spell) {
			t.Errorf("One(%q) = %v %q %v, want %v %q %v", c.text, k, s, ok, c.kind, c.spell, c.ok)
		}
	}
}
