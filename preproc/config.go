package preproc

import "gocc/target"

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
	MacroIncludes            []string // -imacros files, in order: only their macros are kept
	Std                      string   // -std= value, "" for gcc's default (gnu17)
	OptLevel                 int      // -O level (defines __OPTIMIZE__)
	OptSize                  bool     // -Os
	PIC, PIE                 int      // -fpic=1 / -fPIC=2; -fpie=1 / -fPIE=2 (Debian default PIE=2)
	Freestanding             bool
	UnsignedChar, SignedChar bool // -funsigned-char / -fsigned-char
	ShortWchar               bool
	Assembler                bool // assembler-with-cpp: '$' is no identifier character
	Trigraphs                bool // -trigraphs (the strict -std= modes imply it)
	// NoCanonicalSystemHeaders: -fno-canonical-system-headers, system headers keep
	// the name they were found under (see canonicalSystemPath).
	NoCanonicalSystemHeaders bool
	// MacroPrefixMap (-fmacro-prefix-map=old=new, in command-line order): __FILE__ and
	// __BASE_FILE__ of a name starting with old show new instead; the last matching
	// option wins, as in gcc.
	MacroPrefixMap [][2]string
	// DumpDefines (-dD): -E output keeps each #define and #undef, as gcc writes
	// them, where they occur, the predefined macros included.
	DumpDefines bool
	// WorkingDirectory (-fworking-directory, implied by -g): -E output names the
	// directory it was made in, in a marker after the first ("# 1 \"/dir//\"").
	WorkingDirectory bool
	// Comments (-C): -E output keeps the comments of the text, as gcc does; those in
	// directives go with the directive. CommentsInMacros (-CC) also keeps those of
	// #define bodies, which then appear where the macro is expanded. Comments are
	// then tokens: one that starts a line hides a '#' after it from being a directive,
	// and one after a function-like macro's name stops it from being invoked.
	Comments, CommentsInMacros bool

	// OnInclude, when set, is called once per file the preprocessor enters through
	// #include (or -include), in order, with the name as gcc spells it and whether it
	// is a system header: the -M family's dependency list.
	OnInclude func(name string, system bool)
	// MissingHeadersOK (-MG): a header that is not found is reported to OnInclude
	// as written and skipped, not an error.
	MissingHeadersOK bool
	// HasBuiltin and HasAttribute answer __has_builtin and __has_attribute from what
	// the compiler proper implements (the driver passes sema's tables); nil falls back
	// to a short built-in list.
	HasBuiltin, HasAttribute func(name string) bool
}
