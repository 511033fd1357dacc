// Package diag holds source positions and the diagnostics every stage of gocc reports.
//
// Diagnostics are printed in gcc's format, "file:line:col: error: message", so that
// editors and build tools that parse gcc's output understand gocc's too.
package diag

import (
	"fmt"
	"io"
	"sort"
)

// File is one source file as the lexer saw it. Tokens point at it, so a position costs
// one pointer and two int32s.
type File struct {
	Name     string // as spelled in the #include or on the command line
	Contents []byte
	System   bool // found in a system include directory (-isystem or default)
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
	errors    int
}

// Add records d, honouring -w and -Werror.
func (l *List) Add(d *Diagnostic) {
	if d.Severity == Warning {
		if l.NoWarn {
			return
		}
		if l.WarnError {
			d.Severity = Error
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

// HasErrors reports whether an error (or a warning promoted by -Werror) was recorded.
func (l *List) HasErrors() bool { return l.errors > 0 }

// TooMany reports whether -fmax-errors has been reached, so a stage can stop early.
func (l *List) TooMany() bool { return l.MaxErrors > 0 && l.errors >= l.MaxErrors }

// Print writes the diagnostics in the order they were reported.
func (l *List) Print(w io.Writer) {
	for _, d := range l.Diags {
		fmt.Fprintln(w, d.Error())
	}
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
