// Package diag holds source positions and the diagnostics every stage of gocc reports.
//
// Diagnostics are printed in gcc's format, "file:line:col: error: message", so that
// editors and build tools that parse gcc's output understand gocc's too.
package diag

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// File is one source file as the lexer saw it. Tokens point at it, so a position costs
// one pointer and two int32s.
type File struct {
	Name string // as spelled in the #include or on the command line
	// Contents is never written once the File is made: the lexer reads it as a string
	// without copying it.
	Contents []byte
	System   bool // found in a system include directory (-isystem or default)
	// ExternC: a system header whose declarations are implicitly extern "C", as gcc
	// takes every header from a system directory to be (flag 4 of a line marker);
	// false for one made a system header by #pragma GCC system_header.
	ExternC bool
	// Presumed: the name and line numbers come from #line or a line marker, so Line
	// does not index Contents (no source line or caret can be shown).
	Presumed bool
	// IncludedFrom is where the #include (or -include) that read this file is, in the
	// including file's inclusion; invalid for the main file. Each inclusion of a file
	// is a File of its own (sharing Contents), so that diagnostics name the chain of
	// includes that led to them, as gcc's "In file included from" lines do.
	IncludedFrom Pos
}

// Pos is a position in a source file. Line and Col are 1-based; the zero Pos means "no
// position" (command line, builtins).
type Pos struct {
	File *File
	Line int32
	Col  int32
}

func (p Pos) IsValid() bool { return p.File != nil }

func (p Pos) String() string {
	if p.File == nil {
		return "<command-line>"
	}
	if p.Line == 0 { // gcc omits a line 0 (after #line 0) and its column
		return p.File.Name
	}
	if p.Col == 0 { // a whole line, as gcc shows a location without a column
		return fmt.Sprintf("%s:%d", p.File.Name, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File.Name, p.Line, p.Col)
}

// Severity orders diagnostics; Error and Fatal make the compilation fail.
type Severity int

const (
	Note Severity = iota
	Warning
	Error
	Fatal
)

func (s Severity) String() string {
	switch s {
	case Note:
		return "note"
	case Warning:
		return "warning"
	case Fatal:
		return "fatal error"
	}
	return "error"
}

// Diagnostic is one message.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string
	// Option is the warning option (without "-W") that controls the diagnostic, shown
	// after the message; Promoted: a warning made an error by -Werror or -Werror=.
	Option   string
	Promoted bool
	// Func is the function the diagnostic is in ("" at file scope), for gcc's
	// "In function 'f':" lines.
	Func string
	// Verbatim: the message's quotes are printed as written, never as ‘ ’ (gcc's
	// preprocessor messages, and the text of #error and #warning).
	Verbatim bool
}

func (d *Diagnostic) Error() string {
	return fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, d.Msg)
}

// Errorf makes an error-severity diagnostic; it satisfies the error interface so stages
// can return it directly.
func Errorf(pos Pos, format string, args ...any) *Diagnostic {
	return &Diagnostic{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, args...)}
}

// List collects the diagnostics of one compilation. The zero value is ready to use.
// It is not safe for concurrent use; each compilation has its own.
type List struct {
	Diags     []*Diagnostic
	NoWarn    bool // -w
	WarnError bool // -Werror
	MaxErrors int  // -fmax-errors; 0 means no limit
	NoCaret   bool // -fno-diagnostics-show-caret: no source line and caret
	Fatal     bool // MaxErrors is 1 because of -Wfatal-errors (for the closing message)
	Color     bool // -fdiagnostics-color: gcc's default SGR colours
	JSON      bool // -fdiagnostics-format=json: one JSON array, gcc 12's shape
	UTF8      bool // a UTF-8 locale: quote names with ‘ ’ as gcc does, not ' '
	// SyntaxOnly: -fsyntax-only, which leaves out the warnings gcc gives only from
	// its middle end (control reaching the end of a non-void function).
	SyntaxOnly bool
	// Warning selection: WarnOpts holds -Wname (true) and -Wno-name (false);
	// WarnErrors -Werror=name (true) and -Wno-error=name (false); Wall is -Wall.
	WarnOpts   map[string]bool
	WarnErrors map[string]bool
	Wall       bool
	errors     int
	promoted   int // warnings made errors
}

// Add records d, honouring -w and -Werror.
func (l *List) Add(d *Diagnostic) {
	if l.TooMany() {
		return // gcc stops at the limit: nothing more is reported
	}
	if d.Severity == Warning {
		if l.NoWarn {
			return
		}
		if e, ok := l.WarnErrors[d.Option]; ok && d.Option != "" && e || !ok && l.WarnError {
			d.Severity, d.Promoted = Error, true
			l.promoted++
		}
	}
	if d.Severity >= Error {
		l.errors++
	}
	l.Diags = append(l.Diags, d)
}

func (l *List) Errorf(pos Pos, format string, args ...any) {
	l.Add(&Diagnostic{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

func (l *List) Warnf(pos Pos, format string, args ...any) {
	l.Add(&Diagnostic{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

// SortByPosition puts the diagnostics from index from on among the earlier ones in
// source order, for a stage that ran over the whole file after another (sema after
// the parser's recovery) where gcc, which checks each declaration as it parses it,
// would have reported them interleaved. Files are ordered by their first diagnostic.
func (l *List) SortByPosition(from int) {
	if from >= len(l.Diags) {
		return
	}
	rank := map[*File]int{}
	for _, d := range l.Diags {
		if _, ok := rank[d.Pos.File]; !ok {
			rank[d.Pos.File] = len(rank)
		}
	}
	slices.SortStableFunc(l.Diags, func(a, b *Diagnostic) int {
		return cmp.Or(cmp.Compare(rank[a.Pos.File], rank[b.Pos.File]),
			cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
}

// HasErrors reports whether an error (or a warning promoted by -Werror) was recorded.
func (l *List) HasErrors() bool { return l.errors > 0 }

// TooMany reports whether -fmax-errors has been reached, so a stage can stop early.
func (l *List) TooMany() bool { return l.MaxErrors > 0 && l.errors >= l.MaxErrors }

// quotes replaces each pair of quotes around a name in msg by open and close; a
// message with an odd number of quotes (an apostrophe) is left as it is.
func quotes(msg, open, close string) string {
	if strings.Count(msg, "'")%2 != 0 {
		return msg
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(msg, '\'')
		if i < 0 {
			break
		}
		j := strings.IndexByte(msg[i+1:], '\'')
		if j < 0 {
			break
		}
		b.WriteString(msg[:i] + open + msg[i+1:i+1+j] + close)
		msg = msg[i+1+j+1:]
	}
	b.WriteString(msg)
	return b.String()
}

// includeChain writes gcc's "In file included from" lines before a diagnostic in f,
// the first in f since one in another file: one line per #include that led to f,
// innermost first, each naming the including file and line (only the name for
// "<command-line>"), up to the main file or to an #include whose chain was already
// shown (seen holds those, as gcc's includes_seen does).
func includeChain(w io.Writer, f *File, seen map[Pos]bool, bold, end string) {
	shown := func(f *File) bool { // reports whether f's chain is known, and records it
		at := f.IncludedFrom
		if !at.IsValid() || seen[at] {
			return true
		}
		seen[at] = true
		return false
	}
	if shown(f) {
		return
	}
	lead := "In file included from "
	for {
		at := f.IncludedFrom
		locus := at.File.Name
		if at.Line > 0 {
			locus += ":" + strconv.Itoa(int(at.Line))
		}
		fmt.Fprintf(w, "%s%s%s%s", lead, bold, locus, end)
		lead = ",\n                 from "
		f = at.File
		if shown(f) {
			break
		}
	}
	fmt.Fprint(w, ":\n")
}

// Print writes the diagnostics in the order they were reported, in gcc's format:
// "file:line:col: severity: message", the column counted in display columns (tabs
// to the next multiple of 8, a UTF-8 character as one, gcc's default
// -fdiagnostics-column-unit=display), then unless NoCaret the source line and a caret
// under the column, as gcc's -fdiagnostics-show-caret:
//
//	2 |   int x = y + 1;
//	  |           ^
func (l *List) Print(w io.Writer) {
	if l.JSON {
		l.printJSON(w)
		return
	}
	// gcc's default GCC_COLORS: locus bold, error red, warning magenta, note cyan,
	// the caret in the severity's colour; each span ends with "ESC[m ESC[K".
	bold, end, sevColor := "", "", ""
	lines := map[*File][]int{} // line start offsets, per file shown
	fn := ""                   // the function of the last diagnostic, for "In function"
	if l.Color {
		bold, end = "\x1b[01m\x1b[K", "\x1b[m\x1b[K"
	}
	lq, rq := "'", "'" // gcc's quotes: ‘ ’ in a UTF-8 locale
	if l.UTF8 {
		lq, rq = "‘", "’"
	}
	var module *File // the file inclusion of the last diagnostic
	seen := map[Pos]bool{}
	for _, d := range l.Diags {
		if f := d.Pos.File; f != nil && f != module {
			module = f
			includeChain(w, f, seen, bold, end)
		}
		if d.Func != fn && d.Pos.File != nil {
			// gcc names the function (or the return to file scope) before the first
			// diagnostic in it.
			if d.Func != "" {
				fmt.Fprintf(w, "%s%s:%s In function %s%s%s%s%s:\n", bold, d.Pos.File.Name, end, lq, bold, d.Func, end, rq)
			} else {
				fmt.Fprintf(w, "%s%s:%s At top level:\n", bold, d.Pos.File.Name, end)
			}
			fn = d.Func
		}
		if l.Color {
			switch d.Severity {
			case Warning:
				sevColor = "\x1b[01;35m\x1b[K"
			case Note:
				sevColor = "\x1b[01;36m\x1b[K"
			default:
				sevColor = "\x1b[01;31m\x1b[K"
			}
		}
		p := d.Pos
		msg := d.Msg
		if (l.Color || l.UTF8) && !d.Verbatim {
			msg = quotes(msg, lq+bold, end+rq)
		}
		// The option, in the severity's colour as gcc shows it.
		if d.Option != "" && d.Promoted {
			msg += " [" + sevColor + "-Werror=" + optionText(d.Option) + end + "]"
		} else if d.Option != "" {
			msg += " [" + sevColor + "-W" + optionText(d.Option) + end + "]"
		}
		l.printOne(w, d, p, msg, lines, bold, end, sevColor)
		if d.Severity == Fatal {
			fmt.Fprintln(w, "compilation terminated.") // gcc stops at a fatal error
		}
	}
	if l.promoted > 0 {
		if l.WarnError {
			fmt.Fprintln(w, "cc1: all warnings being treated as errors")
		} else {
			fmt.Fprintln(w, "cc1: some warnings being treated as errors")
		}
	}
	if l.TooMany() {
		if l.Fatal {
			fmt.Fprintln(w, "compilation terminated due to -Wfatal-errors.")
		} else {
			fmt.Fprintf(w, "compilation terminated due to -fmax-errors=%d.\n", l.MaxErrors)
		}
	}
}

// printOne writes one diagnostic's locus, severity and message msg, and unless
// NoCaret its source line with a caret (none for a position without a column).
func (l *List) printOne(w io.Writer, d *Diagnostic, p Pos, msg string, lines map[*File][]int, bold, end, sevColor string) {
	src, ok := sourceLine(p, lines)
	if !ok {
		if l.Color && p.File != nil {
			fmt.Fprintf(w, "%s%s:%s %s%s: %s%s\n", bold, p, end, sevColor, d.Severity, end, msg)
		} else {
			fmt.Fprintln(w, d.Error())
		}
		return
	}
	col := 0
	if p.Col > 0 {
		col = displayWidth(src[:min(int(p.Col)-1, len(src))]) + 1
	}
	locus := Pos{File: p.File, Line: p.Line, Col: int32(col)} // in display columns
	fmt.Fprintf(w, "%s%s:%s %s%s: %s%s\n", bold, locus, end, sevColor, d.Severity, end, msg)
	if l.NoCaret {
		return
	}
	shown := expandTabs(src)
	if col == 0 {
		fmt.Fprintf(w, "%5d | %s\n%5s | \n", p.Line, shown, "")
		return
	}
	fmt.Fprintf(w, "%5d | %s\n%5s | %*s%s^%s\n", p.Line, shown, "", col-1, "", sevColor, end)
}

// printJSON writes the diagnostics as gcc 12's -fdiagnostics-format=json does: one
// array of objects with kind, column-origin, children, escape-source, locations (a
// caret with file, line and columns) and message, keys in gcc's order.
func (l *List) printJSON(w io.Writer) {
	lines := map[*File][]int{}
	var b strings.Builder
	b.WriteByte('[')
	for i, d := range l.Diags {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `{"kind": %s, "column-origin": 1, "children": [], "escape-source": false, "locations": [`, jsonString(d.Severity.String()))
		if p := d.Pos; p.File != nil && p.Line > 0 {
			col := int(p.Col)
			if src, ok := sourceLine(p, lines); ok {
				col = displayWidth(src[:min(int(p.Col)-1, len(src))]) + 1
			}
			fmt.Fprintf(&b, `{"caret": {"byte-column": %d, "display-column": %d, "line": %d, "file": %s, "column": %d}}`,
				p.Col, col, p.Line, jsonString(p.File.Name), col)
		}
		b.WriteString("]")
		if d.Option != "" {
			// gcc 12: the option as the text form shows it, and its entry in the
			// manual's Warning Options page.
			opt := "-W" + optionText(d.Option)
			if d.Promoted {
				opt = "-Werror=" + optionText(d.Option)
			}
			fmt.Fprintf(&b, `, "option": %s, "option_url": %s`, jsonString(opt),
				jsonString("https://gcc.gnu.org/onlinedocs/gcc/Warning-Options.html#index-W"+d.Option))
		}
		fmt.Fprintf(&b, `, "message": %s}`, jsonString(d.Msg))
	}
	b.WriteString("]\n")
	io.WriteString(w, b.String())
}

// jsonString quotes s as a JSON string.
func jsonString(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// sourceLine returns the text of p's line (without its newline) when p's file has
// its contents and its line numbers index them.
func sourceLine(p Pos, cache map[*File][]int) ([]byte, bool) {
	f := p.File
	if f == nil || f.Presumed || len(f.Contents) == 0 || p.Line < 1 || p.Col < 0 {
		return nil, false
	}
	starts, ok := cache[f]
	if !ok {
		starts = []int{0}
		for i, c := range f.Contents {
			if c == '\n' {
				starts = append(starts, i+1)
			}
		}
		cache[f] = starts
	}
	if int(p.Line) > len(starts) {
		return nil, false
	}
	start := starts[p.Line-1]
	end := len(f.Contents)
	if int(p.Line) < len(starts) {
		end = starts[p.Line] - 1
	}
	line := f.Contents[start:end]
	if len(line) > 0 && line[len(line)-1] == '\r' {
		line = line[:len(line)-1]
	}
	if int(p.Col)-1 > len(line) {
		return nil, false
	}
	return line, true
}

// tabStop is gcc's default -ftabstop.
const tabStop = 8

// displayWidth is the number of display columns b takes: tabs advance to the next
// tab stop, a UTF-8 sequence counts as one column.
func displayWidth(b []byte) int {
	w := 0
	for _, c := range b {
		switch {
		case c == '\t':
			w += tabStop - w%tabStop
		case c&0xC0 == 0x80: // UTF-8 continuation byte
		default:
			w++
		}
	}
	return w
}

// expandTabs replaces tabs by spaces up to the next tab stop, as gcc shows source lines.
func expandTabs(b []byte) string {
	out := make([]byte, 0, len(b))
	w := 0
	for _, c := range b {
		if c == '\t' {
			n := tabStop - w%tabStop
			for i := 0; i < n; i++ {
				out = append(out, ' ')
			}
			w += n
			continue
		}
		if c&0xC0 != 0x80 {
			w++
		}
		out = append(out, c)
	}
	return string(out)
}

// Sorted returns the diagnostics ordered by position (stable for equal positions).
func (l *List) Sorted() []*Diagnostic {
	out := append([]*Diagnostic(nil), l.Diags...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Pos, out[j].Pos
		if a.File != b.File {
			return false
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return out
}
