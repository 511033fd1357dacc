package preproc

import (
	"bufio"
	"fmt"
	"io"

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
	bw := bufio.NewWriterSize(w, 64<<10)
	var stack []*diag.File // include stack as the markers have described it
	var cur *diag.File
	line := int32(0)
	var prev *lexer.Token
	marker := func(f *diag.File, l int32, flag string) {
		if !markers {
			if prev != nil {
				bw.WriteByte('\n') // -P: the tokens still start a new line
				prev = nil
			}
			return
		}
		if prev != nil {
			bw.WriteByte('\n')
		}
		fmt.Fprintf(bw, "# %d %s%s", l, quote(f.Name), flag)
		if f.System {
			bw.WriteString(" 3 4")
		}
		bw.WriteByte('\n')
		prev = nil
	}
	if n := len(toks); n > 0 && toks[n-1].Pos.File != nil {
		// The EOF token is in the main file: start there, as gcc does.
		cur = toks[n-1].Pos.File
		stack = append(stack, cur)
		line = 1
		fmt.Fprintf(bw, "# 1 %s\n", quote(cur.Name))
		if !markers {
			bw.Reset(w)
		}
	}
	for i := range toks {
		t := &toks[i]
		if t.Kind == lexer.EOF {
			break
		}
		f := t.Pos.File
		if f != nil && f != cur {
			flag := ""
			if cur != nil {
				flag = " 1"
				for k := len(stack) - 1; k >= 0; k-- {
					if stack[k] == f {
						stack = stack[:k+1]
						flag = " 2"
						break
					}
				}
				if flag == " 1" {
					stack = append(stack, f)
				}
			} else {
				stack = append(stack, f)
			}
			cur = f
			line = t.Pos.Line
			marker(f, line, flag)
		} else if t.Flags&lexer.StartOfLine != 0 && t.Pos.Line != line || prev == nil ||
			markers && t.Pos.Line > line && t.Flags&lexer.MacroArg == 0 &&
				(t.Flags&lexer.FromMacro == 0 || t.Flags&lexer.SpaceBefore != 0) {
			// gcc also moves to a token's own line when it comes from a later line
			// than the one being printed, which happens after a macro invocation
			// spanning several lines: for a token read from the file, and for the
			// expansion of a later invocation when white space precedes it. Tokens
			// of a macro argument stay on the invocation's line; -P never moves.
			if t.Pos.Line > line && t.Pos.Line-line <= 8 {
				if prev != nil || !markers {
					for ; line < t.Pos.Line; line++ {
						bw.WriteByte('\n')
					}
					if !markers {
						// -P: gcc squeezes runs of blank lines.
					}
				} else {
					for ; line < t.Pos.Line; line++ {
						bw.WriteByte('\n')
					}
				}
			} else if t.Pos.Line != line {
				marker(f, t.Pos.Line, "")
			} else if prev != nil {
				bw.WriteByte('\n')
			}
			line = t.Pos.Line
			prev = nil
		}
		if prev == nil {
			if t.Pos.Col > 1 && t.Flags&lexer.StartOfLine != 0 {
				for c := int32(1); c < t.Pos.Col; c++ {
					bw.WriteByte(' ')
				}
			}
		} else if t.Flags&lexer.SpaceBefore != 0 || wouldPaste(prev, t) {
			bw.WriteByte(' ')
		}
		bw.WriteString(t.Text)
		prev = t
	}
	bw.WriteByte('\n')
	return bw.Flush()
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
