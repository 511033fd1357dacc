package preproc

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"strconv"
	"strings"

	"gocc/diag"
	"gocc/lexer"
)

// PreprocessText is PreprocessTo into a buffer: the -E output as text. The caller
// decides, once it has seen the diagnostics, whether to write it.
func PreprocessText(f *diag.File, cfg *Config, diags *diag.List, markers bool) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(f.Contents)*8 + 4096)
	err := PreprocessTo(&buf, f, cfg, diags, markers)
	return buf.Bytes(), err
}

// PreprocessTo preprocesses f and writes the result to w as gcc -E does, token by token
// as the tokens come (gcc -E does the same: the output is there even when errors
// follow). With markers, line markers ("# 12 \"file.h\" 2 3 4") record every change of
// file and every jump in line numbers: flag 1 when a file is entered, 2 when returning
// to it, 3 in a system header, 4 for one whose declarations are implicitly extern "C"
// (every C system header). Without them (-P), only line breaks remain.
func PreprocessTo(w io.Writer, f *diag.File, cfg *Config, diags *diag.List, markers bool) error {
	pr := &printer{bw: bufio.NewWriterSize(w, 64<<10), markers: markers, lineAdjust: markers}
	if cfg != nil {
		pr.dumpDefines = cfg.DumpDefines
		pr.lineAdjust = markers && !cfg.Assembler
		if cfg.WorkingDirectory && markers {
			pr.workDir, _ = os.Getwd()
		}
	}
	preprocess(f, cfg, diags, pr, pr.token)
	return pr.finish()
}

// fileChange is why the preprocessor moved to another file or line numbering: the
// reason a line marker records.
type fileChange uint8

const (
	changeRename fileChange = iota // the first file, #line, a line marker, #pragma GCC system_header, <command-line> to the main file
	changeEnter                    // an #include (or -include) entered the file: flag 1
	changeLeave                    // back in the file after an include: flag 2
)

// printer writes the preprocessor's output as gcc -E does. The preprocessor reports the
// tokens, the changes of file, and with -dD the definitions, in output order. Lines of
// output follow the source's: srcLine is the source line the current output line shows;
// a token from a later line is reached by newlines when it is fewer than 8 lines ahead,
// and by a line marker otherwise. A token that starts a source line starts an output
// line, indented to its column; a token that follows white space and comes from
// another line than the one being written (the expansion of a macro invoked after a
// multi-line invocation) starts one too.
type printer struct {
	bw          *bufio.Writer
	markers     bool
	dumpDefines bool // -dD: #define and #undef lines are written where they occur
	// lineAdjust: tokens that the source has on another line than the one being
	// written, and changes between system and user code, start a new output line;
	// gcc does this with markers, except for assembler-with-cpp.
	lineAdjust bool

	srcFile *diag.File // the file the last marker named
	srcLine int32
	printed bool // the current output line has text
	// prev is the last token written on the current output line; hasPrev is false
	// at the start of a line.
	prev    lexer.Token
	hasPrev bool
	// prevSystem: the last token written came from a system header. gcc re-marks the
	// line when a token's system-ness differs from its predecessor's, unless a marker
	// was just written for it (markerWritten).
	prevSystem    bool
	markerWritten bool
	// spaceNext: an empty expansion with white space before it came after the last
	// token written, so a space separates it from the next; padded: an empty
	// expansion came after it.
	spaceNext, padded bool
	// expansion is where the outermost macro invocation being expanded was written.
	expansion diag.Pos
	// directiveWords counts the words written of a #pragma or #ident line being passed
	// on (0: not in one).
	directiveWords int
	names          map[*diag.File]string // file names quoted for markers
	workDir        string                // -fworking-directory: the directory, until its marker is written
}

// endLine finishes the current output line, if it has text.
func (pr *printer) endLine() {
	if pr.printed {
		pr.bw.WriteByte('\n')
		pr.srcLine++
		pr.printed = false
	}
}

// sysFlags is how a line marker says its line is in a system header.
type sysFlags string

const (
	notSystem     sysFlags = ""
	systemHeader  sysFlags = " 3"
	systemExternC sysFlags = " 3 4"
)

func fileSysFlags(f *diag.File) sysFlags {
	switch {
	case f == nil || !f.System:
		return notSystem
	case f.ExternC:
		return systemExternC
	}
	return systemHeader
}

// tokenSysFlags is what a marker for t's line says: gcc goes by where t was spelled,
// so a line showing a system header's macro is marked as system code.
func tokenSysFlags(t *lexer.Token) sysFlags {
	if t.Flags&(lexer.FromMacro|lexer.MacroArg) == lexer.FromMacro {
		switch {
		case t.Flags&lexer.ExternCMacro != 0:
			return systemExternC
		case t.Flags&lexer.SystemMacro != 0:
			return systemHeader
		}
		return notSystem
	}
	return fileSysFlags(t.Pos.File)
}

// moveTo brings the output to line of f: newlines for a short step forward in the
// same file, a line marker otherwise. It reports whether it wrote a marker.
func (pr *printer) moveTo(f *diag.File, line int32, sys sysFlags) bool {
	pr.endLine()
	if pr.markers && f != nil && pr.srcFile != nil && line >= pr.srcLine && line < pr.srcLine+8 &&
		(f == pr.srcFile || f.Name == pr.srcFile.Name) {
		for ; pr.srcLine < line; pr.srcLine++ {
			pr.bw.WriteByte('\n')
		}
		return false
	}
	return pr.marker(f, line, "", sys)
}

// marker ends the current output line and writes a line marker with the given flags
// ("", " 1" or " 2"); -P writes none.
func (pr *printer) marker(f *diag.File, line int32, flags string, sys sysFlags) bool {
	bw := pr.bw
	if pr.printed {
		bw.WriteByte('\n')
	}
	pr.printed = false
	if !pr.markers || f == nil {
		return false
	}
	pr.srcFile, pr.srcLine = f, line
	var num [12]byte
	bw.WriteString("# ")
	bw.Write(strconv.AppendInt(num[:0], int64(line), 10))
	bw.WriteByte(' ')
	bw.WriteString(pr.quoted(f))
	bw.WriteString(flags)
	bw.WriteString(string(sys))
	bw.WriteByte('\n')
	if pr.workDir != "" {
		// The first marker is followed by the working directory's (gcc's
		// -fworking-directory).
		bw.WriteString("# 1 " + quote(pr.workDir+"//") + "\n")
		pr.workDir = ""
	}
	return true
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

// fileChanged records that the preprocessor now reads line of f. For an include,
// from is the line of the #include in the current file, which the output reaches
// first.
func (pr *printer) fileChanged(f *diag.File, line int32, how fileChange, from int32) {
	flags := ""
	switch how {
	case changeEnter:
		if pr.srcFile != nil {
			pr.moveTo(pr.srcFile, from, fileSysFlags(pr.srcFile))
		}
		flags = " 1"
	case changeLeave:
		flags = " 2"
	}
	pr.marker(f, line, flags, fileSysFlags(f))
	pr.hasPrev = false
}

// definition writes a -dD line ("#define X 1", "#undef X") for a directive at line of f.
func (pr *printer) definition(f *diag.File, line int32, text string) {
	pr.moveTo(f, line, fileSysFlags(f))
	pr.bw.WriteString(text)
	pr.bw.WriteByte('\n')
	pr.printed = false
	pr.srcLine++
	pr.hasPrev = false
}

// lineChange starts the output line of a token that begins a source line (or of an
// empty expansion that does): the output moves to its line and is indented to its
// column. gcc indents by one column less and lets the token's own white space supply
// the last one.
func (pr *printer) lineChange(pos diag.Pos, sys sysFlags) bool {
	wrote := pr.moveTo(pos.File, pos.Line, sys)
	pr.hasPrev = false
	for c := int32(2); c < pos.Col; c++ {
		pr.bw.WriteByte(' ')
	}
	pr.printed = true
	return wrote
}

func (pr *printer) token(t *lexer.Token) {
	bw := pr.bw
	switch {
	case t.Kind == placemarker:
		// An empty expansion: if it began a source line, the line is still
		// started; white space before it goes before the next token.
		if t.Flags&lexer.StartOfLine != 0 {
			pr.lineChange(t.Pos, tokenSysFlags(t))
		}
		if t.Flags&lexer.SpaceBefore != 0 {
			pr.spaceNext = true
		}
		pr.padded = true
		return
	case t.Kind == pragmaEnd:
		if pr.directiveWords == 2 && pr.prev.Text == "pragma" {
			bw.WriteByte(' ') // gcc writes "#pragma " and then the pragma's words
		}
		if pr.directiveWords > 0 {
			bw.WriteByte('\n')
			pr.printed = false
			pr.srcLine++
			pr.directiveWords = 0
			pr.hasPrev = false
		}
		return
	case t.Kind == lexer.Hash && t.Flags&lexer.NoExpand != 0:
		// A #pragma or #ident line passed on: written on a line of its own,
		// unindented, its words separated as in the source.
		pr.moveTo(t.Pos.File, t.Pos.Line, fileSysFlags(t.Pos.File))
		bw.WriteByte('#')
		pr.directiveWords = 1
		return
	case pr.directiveWords > 0:
		if pr.directiveWords > 1 && (pr.directiveWords == 2 || t.Flags&lexer.SpaceBefore != 0) {
			bw.WriteByte(' ')
		}
		bw.WriteString(t.Spelling())
		pr.directiveWords++
		pr.prev = *t
		return
	}
	// A macro argument's tokens are placed where the outermost invocation is, as
	// gcc places them.
	pos := t.Pos
	if t.Flags&lexer.MacroArg != 0 && pr.expansion.File != nil {
		pos = pr.expansion
	}
	sys := tokenSysFlags(t)
	if t.Flags&lexer.StartOfLine != 0 {
		pr.lineChange(pos, sys)
		padded := pr.padded || t.Flags&lexer.ExpansionStart != 0 || pr.prev.Flags&lexer.ExpansionEnd != 0
		if t.Flags&lexer.SpaceBefore != 0 || pos.Col > 1 || t.Kind == lexer.Hash && padded {
			// (gcc keeps a '#' that an expansion puts first on a line from
			// looking like a directive.)
			bw.WriteByte(' ')
		}
	} else if pr.lineAdjust && pos.Line != pr.srcLine &&
		(t.Flags&lexer.SpaceBefore != 0 || t.Flags&(lexer.FromMacro|lexer.MacroArg) == 0) {
		// After an invocation spanning lines, the next token read from the file,
		// or the expansion of a later invocation with white space before it, goes
		// to its own line; -P never moves.
		pr.markerWritten = pr.lineChange(pos, sys)
		bw.WriteByte(' ')
	} else if t.Flags&lexer.SpaceBefore != 0 || pr.spaceNext {
		bw.WriteByte(' ')
	} else if pr.hasPrev && (pr.prev.Flags&lexer.ExpansionEnd != 0 || t.Flags&lexer.ExpansionStart != 0) && wouldPaste(&pr.prev, t) {
		// Tokens side by side in the source stay so; gcc guards against accidental
		// pastes only where an expansion begins or ends.
		bw.WriteByte(' ')
	}
	system := sys != notSystem
	builtin := t.Flags&(lexer.BuiltinMacro|lexer.MacroArg) == lexer.BuiltinMacro
	if pr.lineAdjust && !pr.markerWritten && system != pr.prevSystem && !builtin {
		// gcc marks a change between system and user code at the token, unless
		// it comes from a predefined macro.
		pr.lineChange(pos, sys)
		pr.prevSystem = system
	}
	bw.WriteString(t.Spelling())
	if t.Kind == lexer.Comment {
		// (-C) A comment's newlines carry the output to a later source line.
		pr.srcLine += int32(strings.Count(t.Text, "\n"))
	}
	pr.markerWritten, pr.spaceNext, pr.padded = false, false, false
	pr.printed = true
	pr.prev, pr.hasPrev = *t, true
}

func (pr *printer) finish() error {
	pr.endLine()
	return pr.bw.Flush()
}

// wouldPaste reports whether -E output separates a and b where an expansion begins
// or ends: gcc's cpp_avoid_paste, which guards against most (not all) accidental
// pastes, and against nothing else.
func wouldPaste(a, b *lexer.Token) bool {
	var c byte // b's first character when b is a punctuator
	if b.Kind.IsPunct() {
		c = b.Spelling()[0]
	}
	// A narrow character constant or string literal: gcc's CPP_CHAR and CPP_STRING
	// (an identifier before one would become its prefix).
	narrow := func(k lexer.Kind) bool {
		return b.Kind == k && (b.Text[0] == '\'' || b.Text[0] == '"')
	}
	switch a.Kind {
	case lexer.Assign, lexer.Not, lexer.Star, lexer.Xor, lexer.Shr, lexer.Shl:
		return c == '='
	case lexer.Gt:
		return c == '=' || c == '>'
	case lexer.Lt:
		return c == '=' || c == '<' || c == '%' || c == ':'
	case lexer.Plus:
		return c == '=' || c == '+'
	case lexer.Minus:
		return c == '=' || c == '-' || c == '>'
	case lexer.Slash:
		return c == '=' || c == '/' || c == '*'
	case lexer.Percent:
		return c == '=' || c == ':' || c == '>'
	case lexer.Amp:
		return c == '=' || c == '&'
	case lexer.Or:
		return c == '=' || c == '|'
	case lexer.Colon:
		return c == ':' || c == '>'
	case lexer.Arrow:
		return c == '*'
	case lexer.Dot:
		return c == '.' || c == '%' || b.Kind == lexer.Number
	case lexer.Hash:
		return c == '#' || c == '%'
	case lexer.Ident:
		// (A number that starts with a digit would continue the identifier; gcc
		// leaves ".5" next to it.)
		return b.Kind == lexer.Ident || b.Kind == lexer.Number && b.Text[0] != '.' || narrow(lexer.Char) || narrow(lexer.String)
	case lexer.Number:
		return b.Kind == lexer.Number || b.Kind == lexer.Ident || narrow(lexer.Char) || c == '.' || c == '+' || c == '-'
	case lexer.Other:
		// A backslash could begin a universal character name with what follows.
		return a.Text[0] == '\\' && b.Kind == lexer.Ident
	case lexer.Le:
		return c == '>'
	}
	return false
}
