package preproc

import (
	"io"

	"gocc/diag"
	"gocc/lexer"
	"gocc/target"
)

// MacroOp is one -D or -U option, kept in command-line order.
type MacroOp struct {
	Name  string
	Value string // "1" for a bare -DNAME
	Undef bool   // -U
}

// Config is everything the command line says about preprocessing.
type Config struct {
	Target                   *target.Target
	IncludeDirs              []string // -I, in order
	QuoteDirs                []string // -iquote
	SystemDirs               []string // -isystem
	AfterDirs                []string // -idirafter
	NoStdInc                 bool     // -nostdinc
	Macros                   []MacroOp
	Includes                 []string // -include files, in order
	Std                      string   // -std= value, "" for gcc's default (gnu17)
	OptLevel                 int      // -O level (defines __OPTIMIZE__)
	OptSize                  bool     // -Os
	PIC, PIE                 int      // -fpic=1 / -fPIC=2; -fpie=1 / -fPIE=2 (Debian default PIE=2)
	Freestanding             bool
	UnsignedChar, SignedChar bool // -funsigned-char / -fsigned-char
	ShortWchar               bool
}

// PLACEHOLDER (to be replaced by the preprocessor implementation).
//
// Preprocess runs translation phases 1-4 on f and returns the resulting tokens, ending
// with an EOF token. Diagnostics go to diags.
func Preprocess(f *diag.File, cfg *Config, diags *diag.List) []lexer.Token {
	panic("preproc: not implemented")
}

// Print writes toks as gcc -E does, with line markers ("# 12 \"file.h\" 2 3 4").
func Print(w io.Writer, toks []lexer.Token) error {
	panic("preproc: not implemented")
}
