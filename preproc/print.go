package preproc

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"

	"gocc/diag"
	"gocc/lexer"
)

// Print writes toks as gcc -E does, with line markers ("# 12 \"file.h\" 2 3 4"):
// flag 1 when a file is entered, 2 when returning to it, 3 for a system header. A token
// that started a line in the source starts an output line; gaps of up to 8 lines are
// kept as blank lines, longer ones become a line marker. Tokens are separated by a space
// where the source had white space and wherever printing them side by side would make
// them lex differently.
func Print(w io.Writer, toks []lexer.Token) error {
	return print(w, toks, true)
}

// PrintNoLines is Print without line markers (gcc -E -P).
func PrintNoLines(w io.Writer, toks []lexer.Token) error {
	return print(w, toks, false)
}

func print(w io.Writer, toks []lexer.Token, markers bool) error {
	var main *diag.File
	if n := len(toks); n > 0 {
		main = toks[n-1].Pos.File // the EOF token is in the main file
	}
	pr := newPrinter(w, main, markers)
	for i := range toks {
		if toks[i].Kind == lexer.EOF {
			break
		}
		pr.token(&toks[i])
	}
	return pr.finish()
}

// PreprocessText is Preprocess followed by Print (or PrintNoLines without markers),
// printing each token as it comes instead of collecting the whole unit first: the -E
// path, where the token slice of a large translation unit costs more than the
// preprocessing. It returns the text; the caller decides, once it has seen the
// diagnostics, whether to write it.
func PreprocessText(f *diag.File, cfg *Config, diags *diag.List, markers bool) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(f.Contents)*8 + 4096)
	err := PreprocessTo(&buf, f, cfg, diags, markers)
	return buf.Bytes(), err
}

// PreprocessTo is PreprocessText writing straight to w as the tokens come (gcc -E
// does the same: the output is there even when errors follow).
func PreprocessTo(w io.Writer, f *diag.File, cfg *Config, diags *diag.List, markers bool) error {
	pr := newPrinter(w, f, markers)
	preprocess(f, cfg, diags, pr.token)
	return pr.finish()
}

// printer writes tokens as gcc -E does, one at a time (see Print).
type printer struct {
	w       io.Writer
	bw      *bufio.Writer
	markers bool
	stack   []*diag.File // include stack as the markers have described it
	cur     *diag.File
	names   map[*diag.File]string // file names quoted for markers
	line    int32
	prev    lexer.Token // the last token written on the current output line
	hasPrev bool
}

func newPrinter(w io.Writer, main *diag.File, markers bool) *printer {
	pr := &printer{w: w, bw: bufio.NewWriterSize(w, 64<<10), markers: markers}
	if main != nil {
		// Start in the main file, as gcc does.
		pr.cur = main
		pr.stack = append(pr.stack, main)
		pr.line = 1
		if markers {
			fmt.Fprintf(pr.bw, "# 1 %s\n", quote(main.Name))
		}
	}
	return pr
}

func (pr *printer) marker(f *diag.File, l int32, flag string) {
	bw := pr.bw
	if !pr.markers {
		if pr.hasPrev {
			bw.WriteByte('\n') // -P: the tokens still start a new line
			pr.hasPrev = false
		}
		return
	}
	if pr.hasPrev {
		bw.WriteByte('\n')
	}
	var num [12]byte
	bw.WriteString("# ")
	bw.Write(strconv.AppendInt(num[:0], int64(l), 10))
	bw.WriteByte(' ')
	bw.WriteString(pr.quoted(f))
	bw.WriteString(flag)
	if f.System {
		bw.WriteString(" 3 4")
	}
	bw.WriteByte('\n')
	pr.hasPrev = false
}

// quoted returns f's name as a string literal, quoting each file's name once.
func (pr *printer) quoted(f *diag.File) string {
	q, ok := pr.names[f]
	if !ok {
		q = quote(f.Name)
		if pr.names == nil {
			pr.names = map[*diag.File]string{}
		}
		pr.names[f] = q
	}
	return q
}

func (pr *printer) token(t *lexer.Token) {
	bw := pr.bw
	f := t.Pos.File
	if f != nil && f != pr.cur {
		flag := ""
		if pr.cur != nil {
			flag = " 1"
			for k := len(pr.stack) - 1; k >= 0; k-- {
				if pr.stack[k] == f {
					pr.stack = pr.stack[:k+1]
					flag = " 2"
					break
				}
			}
			if flag == " 1" {
				pr.stack = append(pr.stack, f)
			}
		} else {
			pr.stack = append(pr.stack, f)
		}
		pr.cur = f
		pr.line = t.Pos.Line
		pr.marker(f, pr.line, flag)
	} else if t.Flags&lexer.StartOfLine != 0 && t.Pos.Line != pr.line || !pr.hasPrev ||
		pr.markers && t.Pos.Line > pr.line && t.Flags&lexer.MacroArg == 0 &&
			(t.Flags&lexer.FromMacro == 0 || t.Flags&lexer.SpaceBefore != 0) {
		// gcc also moves to a token's own line when it comes from a later line
		// than the one being printed, which happens after a macro invocation
		// spanning several lines: for a token read from the file, and for the
		// expansion of a later invocation when white space precedes it. Tokens
		// of a macro argument stay on the invocation's line; -P never moves.
		if t.Pos.Line > pr.line && t.Pos.Line-pr.line <= 8 {
			for ; pr.line < t.Pos.Line; pr.line++ {
				bw.WriteByte('\n')
			}
		} else if t.Pos.Line != pr.line {
			pr.marker(f, t.Pos.Line, "")
		} else if pr.hasPrev {
			bw.WriteByte('\n')
		}
		pr.line = t.Pos.Line
		pr.hasPrev = false
	}
	if !pr.hasPrev {
		if t.Pos.Col > 1 && t.Flags&lexer.StartOfLine != 0 {
			for c := int32(1); c < t.Pos.Col; c++ {
				bw.WriteByte(' ')
			}
		}
	} else if t.Flags&lexer.SpaceBefore != 0 || wouldPaste(&pr.prev, t) {
		bw.WriteByte(' ')
	}
	bw.WriteString(t.Text)
	pr.prev, pr.hasPrev = *t, true
}

func (pr *printer) finish() error {
	pr.bw.WriteByte('\n')
	return pr.bw.Flush()
}

// wouldPaste reports whether printing a and b without a space would lex differently
// (gcc's avoid_paste).
func wouldPaste(a, b *lexer.Token) bool {
	x := a.Text[len(a.Text)-1]
	y := b.Text[0]
	ident := func(c byte) bool {
		return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80 || c == '\\'
	}
	if a.Kind == lexer.Other || b.Kind == lexer.Other {
		// Like gcc, no space around a stray character ("$0" in assembler-with-cpp
		// output stays "$0"), except a backslash that could begin a UCN with an
		// identifier character next to it.
		return a.Kind == lexer.Other && x == '\\' && ident(y) ||
			b.Kind == lexer.Other && y == '\\' && (a.Kind == lexer.Ident || a.Kind == lexer.Number)
	}
	switch {
	case (a.Kind == lexer.Ident || a.Kind == lexer.Number) && (ident(y) || b.Kind == lexer.Char || b.Kind == lexer.String):
		return true
	case a.Kind == lexer.Number && (y == '.' || y == '+' || y == '-'):
		return true
	case a.Kind.IsPunct() && b.Kind.IsPunct():
		two := string([]byte{x, y})
		switch two {
		case "++", "--", "<<", ">>", "&&", "||", "##", "->", "<=", ">=", "==", "!=", "+=", "-=", "*=",
			"/=", "%=", "&=", "|=", "^=", "<:", "<%", "%>", "%:", ":>", "//", "/*", "..":
			return true
		}
		return false
	case a.Kind == lexer.Dot && y >= '0' && y <= '9':
		return true
	}
	return false
}
