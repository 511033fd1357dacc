package ppdiff

import (
	"strconv"
	"strings"
)

// Token is one preprocessing token of -E output (C11 6.4 pp-token), with where it came
// from: its line in the output text and its presumed source position, which the line
// markers (`# N "file" flags`, gcc's cpp manual "Preprocessor Output") and the newlines
// after them give.
type Token struct {
	Text    string
	OutLine int    // 1-based line in the -E output
	File    string // presumed file
	Line    int    // presumed line
}

// Marker is one line marker of -E output.
type Marker struct {
	OutLine int
	Text    string // the marker line as written, e.g. `# 1 "x.h" 1 3 4`
}

// punctuators are C11 6.4.6's punctuators, longest first, so that a greedy match
// splits text as translation phase 3 does.
var punctuators = []string{
	"%:%:", "...", "<<=", ">>=",
	"->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "*=", "/=", "%=", "+=",
	"-=", "&=", "^=", "|=", "##", "<:", ":>", "<%", "%>", "%:",
}

func isIdentStart(c byte) bool {
	return c == '_' || c == '$' || c >= 0x80 || (c|0x20) >= 'a' && (c|0x20) <= 'z'
}

func isIdentChar(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// Tokenize splits -E output into pp-tokens, dropping white space and taking line
// markers out of the token stream. It is deliberately independent of gocc's own lexer,
// so a lexer bug cannot hide a preprocessor difference.
func Tokenize(text string) ([]Token, []Marker) {
	var toks []Token
	var marks []Marker
	outLine, file, line := 1, "", 1
	bol := true // at the beginning of a line (only white space before)
	for i := 0; i < len(text); {
		c := text[i]
		if c == '\n' {
			outLine++
			line++
			bol = true
			i++
			continue
		}
		if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
			i++
			continue
		}
		if bol && c == '#' {
			end := strings.IndexByte(text[i:], '\n')
			if end < 0 {
				end = len(text) - i
			}
			l := text[i : i+end]
			if n, f, ok := parseMarker(l); ok {
				marks = append(marks, Marker{OutLine: outLine, Text: l})
				if f != "" {
					file = f
				}
				line = n - 1 // the newline ending the marker moves to line n
				i += end
				continue
			}
		}
		bol = false
		start := i
		switch {
		case isIdentStart(c):
			for i < len(text) && isIdentChar(text[i]) {
				i++
			}
			if i < len(text) && (text[i] == '"' || text[i] == '\'') && isStringPrefix(text[start:i]) {
				i = skipQuoted(text, i)
			}
		case isDigit(c) || c == '.' && i+1 < len(text) && isDigit(text[i+1]):
			// pp-number (C11 6.4.8): digits, identifier characters, '.', and e+ e- p+ p-.
			i++
			for i < len(text) {
				d := text[i]
				if (d == '+' || d == '-') && strings.ContainsRune("eEpP", rune(text[i-1])) {
					i++
				} else if isIdentChar(d) || d == '.' {
					i++
				} else {
					break
				}
			}
		case c == '"' || c == '\'':
			i = skipQuoted(text, i)
		default:
			i++
			for _, p := range punctuators {
				if strings.HasPrefix(text[start:], p) {
					i = start + len(p)
					break
				}
			}
		}
		toks = append(toks, Token{Text: text[start:i], OutLine: outLine, File: file, Line: line})
	}
	return toks, marks
}

func isStringPrefix(s string) bool {
	return s == "L" || s == "u" || s == "U" || s == "u8"
}

// skipQuoted returns the index after the string or character literal starting at i
// (its opening quote), or the end of the line for an unterminated one.
func skipQuoted(text string, i int) int {
	q := text[i]
	i++
	for i < len(text) && text[i] != '\n' {
		switch text[i] {
		case '\\':
			i += 2
			continue
		case q:
			return i + 1
		}
		i++
	}
	return min(i, len(text))
}

// parseMarker parses `# N "file" [flags]` (also `#line N "file"`).
func parseMarker(l string) (int, string, bool) {
	rest := strings.TrimLeft(l[1:], " \t")
	rest = strings.TrimPrefix(rest, "line ")
	rest = strings.TrimLeft(rest, " \t")
	j := 0
	for j < len(rest) && isDigit(rest[j]) {
		j++
	}
	if j == 0 {
		return 0, "", false
	}
	n, err := strconv.Atoi(rest[:j])
	if err != nil {
		return 0, "", false
	}
	rest = strings.TrimLeft(rest[j:], " \t")
	if !strings.HasPrefix(rest, `"`) {
		return n, "", true
	}
	end := skipQuoted(rest, 0)
	f, err := strconv.Unquote(rest[:end])
	if err != nil {
		f = rest[1 : end-1]
	}
	return n, f, true
}
