// Package lexer turns C source text into preprocessing tokens (C11 6.4).
//
// The token representation is shared by the preprocessor and the parser: the
// preprocessor consumes and produces []Token, the parser reads its output. Keywords are
// not distinguished here (a keyword is an Ident until the parser, after preprocessing,
// looks it up with Keyword), because the preprocessor treats them as identifiers
// (C11 6.4p1, 6.10.1p4).
package lexer

import "gocc/diag"

// Kind is a token kind. Punctuators each have their own kind so the parser switches on
// integers, never on strings.
type Kind uint8

const (
	EOF        Kind = iota
	Ident           // identifier or keyword
	Number          // pp-number (C11 6.4.8); the parser classifies it as integer or floating
	Char            // character constant, prefix included: 'a', L'a', u'a', U'a', u8'a'
	String          // string literal, prefix included: "a", L"a", u"a", U"a", u8"a"
	Other           // a stray character that is no other token (C11 6.4p3), e.g. '$' in asm, '\\'
	Newline         // only produced when the lexer is asked for newlines (preprocessor use)
	HeaderName      // <stdio.h> after #include, lexed specially
	Comment         // a comment, only from a Scanner asked to keep them (Options.KeepComments, -C)

	// Punctuators (C11 6.4.6). Digraphs are folded into their ordinary spelling's kind.
	LBrack    // [
	RBrack    // ]
	LParen    // (
	RParen    // )
	LBrace    // {
	RBrace    // }
	Dot       // .
	Arrow     // ->
	Inc       // ++
	Dec       // --
	Amp       // &
	Star      // *
	Plus      // +
	Minus     // -
	Tilde     // ~
	Not       // !
	Slash     // /
	Percent   // %
	Shl       // <<
	Shr       // >>
	Lt        // <
	Gt        // >
	Le        // <=
	Ge        // >=
	EqEq      // ==
	NotEq     // !=
	Xor       // ^
	Or        // |
	AndAnd    // &&
	OrOr      // ||
	Question  // ?
	Colon     // :
	Semi      // ;
	Ellipsis  // ...
	Assign    // =
	MulAssign // *=
	DivAssign // /=
	ModAssign // %=
	AddAssign // +=
	SubAssign // -=
	ShlAssign // <<=
	ShrAssign // >>=
	AndAssign // &=
	XorAssign // ^=
	OrAssign  // |=
	Comma     // ,
	Hash      // #
	HashHash  // ##
	numKinds
)

var kindNames = [...]string{
	EOF: "end of file", Ident: "identifier", Number: "number", Char: "character constant",
	String: "string literal", Other: "character", Newline: "newline", HeaderName: "header name",
	Comment: "comment", LBrack: "[", RBrack: "]", LParen: "(", RParen: ")", LBrace: "{", RBrace: "}", Dot: ".",
	Arrow: "->", Inc: "++", Dec: "--", Amp: "&", Star: "*", Plus: "+", Minus: "-", Tilde: "~",
	Not: "!", Slash: "/", Percent: "%", Shl: "<<", Shr: ">>", Lt: "<", Gt: ">", Le: "<=",
	Ge: ">=", EqEq: "==", NotEq: "!=", Xor: "^", Or: "|", AndAnd: "&&", OrOr: "||",
	Question: "?", Colon: ":", Semi: ";", Ellipsis: "...", Assign: "=", MulAssign: "*=",
	DivAssign: "/=", ModAssign: "%=", AddAssign: "+=", SubAssign: "-=", ShlAssign: "<<=",
	ShrAssign: ">>=", AndAssign: "&=", XorAssign: "^=", OrAssign: "|=", Comma: ",", Hash: "#",
	HashHash: "##",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "?"
}

// IsPunct reports whether k is a punctuator.
func (k Kind) IsPunct() bool { return k >= LBrack && k < numKinds }

// Flags describe a token's surroundings, which the preprocessor needs for directives,
// stringizing (C11 6.10.3.2) and -E output.
type Flags uint16

const (
	SpaceBefore  Flags = 1 << iota // white space (or a comment) precedes the token
	StartOfLine                    // first token on its line
	NoExpand                       // an identifier that must never be macro-expanded again (C11 6.10.3.4p2); on a '#', the start of a #pragma or #ident line the preprocessor passes on
	MacroArg                       // came into a macro's expansion from an argument: Pos is where the argument was written
	FromMacro                      // produced by a macro's replacement list: Pos is the invocation's
	SystemMacro                    // FromMacro, and the replacement list was written in a system header
	ExternCMacro                   // SystemMacro, in a header taken as extern "C" (line marker flag 4)
	// ExpansionStart and ExpansionEnd mark the first and last token of a macro's
	// expansion or of an argument substituted into one: -E output guards against
	// accidental pastes only at these edges, as gcc does.
	ExpansionStart
	ExpansionEnd
	// BuiltinMacro: FromMacro, and the replacement list is one of the macros the
	// compiler predefines ("<built-in>"); gcc gives these tokens no place of their own.
	BuiltinMacro
	// PaddingSpace: SpaceBefore says what -E output shows, set by the substitution
	// that produced the token (gcc's padding: the macro name's or parameter's white
	// space), and the token's own white space (gcc's PREV_WHITE, which an operand of
	// ## keeps) is the opposite.
	PaddingSpace
	// Digraph: the punctuator was written as a digraph (C11 6.4.6p3); Text holds its
	// ordinary spelling, Spelling the one written, which -E output keeps.
	Digraph
)

// digraphs are the spellings of the digraphs, by the kind they stand for.
var digraphs = map[Kind]string{LBrack: "<:", RBrack: ":>", LBrace: "<%", RBrace: "%>", Hash: "%:", HashHash: "%:%:"}

// Spelling is the token as written: Text, or the digraph it was written as.
func (t *Token) Spelling() string {
	if t.Flags&Digraph != 0 {
		return digraphs[t.Kind]
	}
	return t.Text
}

// Token is one preprocessing token. Text is its exact spelling (for punctuators the
// canonical spelling, digraphs folded). Pos is where it was written; for a token produced
// by macro expansion, Pos is the position of the macro's use, so diagnostics point at
// the user's code.
type Token struct {
	Kind  Kind
	Flags Flags
	Text  string
	Pos   diag.Pos
}

func (t *Token) Is(k Kind) bool { return t.Kind == k }

// IsIdent reports whether t is the identifier (or keyword) name.
func (t *Token) IsIdent(name string) bool { return t.Kind == Ident && t.Text == name }
