package main

import (
	"os"
	"strings"
)

// maxResponseFiles bounds the @file expansions of one command line, so a file that
// names itself ends in an error rather than a loop (libiberty's expandargv stops too).
const maxResponseFiles = 2000

// expandResponseFiles replaces each "@file" argument by the arguments written in
// file, recursively, as gcc does (libiberty's expandargv): arguments are separated by
// white space; single and double quotes group characters, a backslash takes the next
// character literally, anywhere. An @file that cannot be read stays as it is.
func expandResponseFiles(args []string) ([]string, error) {
	out := make([]string, 0, len(args))
	expanded := 0
	var expand func(args []string) error
	expand = func(args []string) error {
		for _, a := range args {
			name, ok := strings.CutPrefix(a, "@")
			if !ok || name == "" {
				out = append(out, a)
				continue
			}
			data, err := os.ReadFile(name)
			if err != nil {
				out = append(out, a)
				continue
			}
			if expanded++; expanded > maxResponseFiles {
				return usageErrorf("too many response files (more than %d @file expansions)", maxResponseFiles)
			}
			if err := expand(splitResponseFile(string(data))); err != nil {
				return err
			}
		}
		return nil
	}
	if err := expand(args); err != nil {
		return nil, err
	}
	return out, nil
}

// splitResponseFile splits the text of a response file into arguments.
func splitResponseFile(text string) []string {
	var args []string
	var cur strings.Builder
	inArg, squote, dquote, escaped := false, false, false, false
	for _, c := range text {
		switch {
		case escaped:
			escaped = false
			cur.WriteRune(c)
		case c == '\\':
			escaped, inArg = true, true
		case squote:
			if c == '\'' {
				squote = false
			} else {
				cur.WriteRune(c)
			}
		case dquote:
			if c == '"' {
				dquote = false
			} else {
				cur.WriteRune(c)
			}
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			if inArg {
				args = append(args, cur.String())
				cur.Reset()
				inArg = false
			}
		case c == '\'':
			squote, inArg = true, true
		case c == '"':
			dquote, inArg = true, true
		default:
			cur.WriteRune(c)
			inArg = true
		}
	}
	if inArg {
		args = append(args, cur.String())
	}
	return args
}
