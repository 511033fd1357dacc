package diag

import (
	"strings"
	"testing"
)

// TestPrint: gcc's format with display columns (tabs to 8, UTF-8 as one column), the
// source line and a caret; no source line for presumed (#line) files, positions
// without a file, or with NoCaret.
func TestPrint(t *testing.T) {
	f := &File{Name: "t.c", Contents: []byte("int a;\r\n\tint x = y;\nchar *s = \"é\"; z;\n")}
	l := &List{}
	l.Errorf(Pos{File: f, Line: 2, Col: 10}, "'y' undeclared")
	l.Warnf(Pos{File: f, Line: 3, Col: 17}, "statement with no effect")
	l.Errorf(Pos{File: &File{Name: "p.h", Contents: f.Contents, Presumed: true}, Line: 40, Col: 3}, "presumed")
	l.Errorf(Pos{}, "no position")
	var b strings.Builder
	l.Print(&b)
	want := "t.c:2:17: error: 'y' undeclared\n" +
		"    2 |         int x = y;\n" +
		"      |                 ^\n" +
		"t.c:3:16: warning: statement with no effect\n" +
		"    3 | char *s = \"é\"; z;\n" +
		"      |                ^\n" +
		"p.h:40:3: error: presumed\n" +
		"<command-line>: error: no position\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
	l.NoCaret = true
	b.Reset()
	l.Print(&b)
	if strings.Contains(b.String(), " | ") || !strings.HasPrefix(b.String(), "t.c:2:17: error:") {
		t.Errorf("NoCaret:\n%s", b.String())
	}
}

// TestQuotes: in a UTF-8 locale 'x' is printed ‘x’, as gcc quotes names, except in a
// Verbatim message (the preprocessor's, as libcpp's).
func TestQuotes(t *testing.T) {
	f := &File{Name: "t.c", Contents: []byte("y\n")}
	l := &List{UTF8: true, NoCaret: true}
	l.Errorf(Pos{File: f, Line: 1, Col: 1}, "'y' undeclared")
	l.Add(&Diagnostic{Pos: Pos{File: f, Line: 1, Col: 1}, Severity: Error, Msg: "missing ')' after \"defined\"", Verbatim: true})
	var b strings.Builder
	l.Print(&b)
	want := "t.c:1:1: error: ‘y’ undeclared\nt.c:1:1: error: missing ')' after \"defined\"\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}
