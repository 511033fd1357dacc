package torture

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Test is one torture test: its name relative to the execute directory without ".c"
// ("20000112-1", "ieee/fp-cmp-1", "builtins/strlen"), the files to compile together,
// and the extra flags its directory's .exp file, its .x file and its dg- directives ask
// for.
type Test struct {
	Name  string
	Files []string
	Flags []string
	Skip  string // non-empty: why the test does not apply to x86_64-linux-gnu
}

// Per-directory flags, from execute.exp, ieee/ieee.exp and builtins/builtins.exp.
var dirFlags = map[string][]string{
	"ieee":     {"-fno-inline"},
	"builtins": {"-fno-tree-dse", "-fno-tree-loop-distribute-patterns", "-fno-tracer", "-fno-ipa-ra", "-fno-inline-functions"},
}

// List returns the tests under dir (the extracted execute directory), sorted by name.
// optFlag is the -O flag of the run, for dg-skip-if option lists.
func List(dir, optFlag string) ([]Test, error) {
	var tests []Test
	for _, sub := range []string{"", "ieee", "builtins"} {
		files, err := filepath.Glob(filepath.Join(dir, sub, "*.c"))
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			base := strings.TrimSuffix(filepath.Base(f), ".c")
			if sub == "builtins" && strings.HasSuffix(base, "-lib") {
				continue
			}
			t := Test{Name: filepath.ToSlash(filepath.Join(sub, base)), Files: []string{f}}
			t.Flags = append(t.Flags, dirFlags[sub]...)
			if sub == "builtins" {
				// builtins.exp links each test with its X-lib.c and lib/main.c.
				if lib := filepath.Join(dir, sub, base+"-lib.c"); exists(lib) {
					t.Files = append(t.Files, lib)
				}
				t.Files = append(t.Files, filepath.Join(dir, sub, "lib", "main.c"))
			}
			src, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			applyDirectives(&t, string(src), optFlag)
			if x, err := os.ReadFile(strings.TrimSuffix(f, ".c") + ".x"); err == nil {
				applyX(&t, string(x))
			}
			tests = append(tests, t)
		}
	}
	sort.Slice(tests, func(i, j int) bool { return tests[i].Name < tests[j].Name })
	return tests, nil
}

func exists(path string) bool { _, err := os.Stat(path); return err == nil }

// Effective targets (gcc's check_effective_target_*) that are false for
// x86_64-linux-gnu with glibc; a test requiring one of them is skipped. Every other
// effective target is taken as true, and the oracle filters out any mistake here.
var falseTargets = map[string]bool{
	"ilp32": true, "int16": true, "freestanding": true, "newlib_nano_io": true, "ia32": true,
}

var (
	dgRe      = regexp.MustCompile(`\{\s*dg-([a-z-]+)\s+(.*)\}`)
	quotedRe  = regexp.MustCompile(`"([^"]*)"`)
	targetsRe = regexp.MustCompile(`\{\s*target\s+(.*)\}`)
)

// applyDirectives honours these dg- directives of a test file:
//   - dg-skip-if "why" { targets } [{ options } [{ exclude }]]: skip when the target list
//     names *-*-*, x86_64-*-* or i?86-*-* (or, negated with !, does not), and, when an
//     option list is given, one of its options is the run's -O flag or "*".
//   - dg-require-effective-target X: skip when X is false on x86_64-linux-gnu.
//   - dg-options / dg-additional-options "flags" [{ target ... }]: add the flags when
//     there is no target selector or it names x86_64 and not ia32.
//
// dg-add-options, dg-xfail-if and dg-require-stack-size are ignored.
func applyDirectives(t *Test, src, optFlag string) {
	for _, m := range dgRe.FindAllStringSubmatch(src, -1) {
		kind, rest := m[1], m[2]
		switch kind {
		case "skip-if":
			if why := skipIf(rest, optFlag); why != "" && t.Skip == "" {
				t.Skip = "dg-skip-if " + why
			}
		case "require-effective-target":
			f := strings.Fields(rest)
			if len(f) > 0 && falseTargets[f[0]] {
				t.Skip = "requires effective target " + f[0]
			}
		case "options", "additional-options":
			flags := ""
			if q := quotedRe.FindStringSubmatch(rest); q != nil {
				flags = q[1]
			} else if i := strings.Index(rest, "{"); i >= 0 { // dg-options { "-fwrapv" }
				flags = strings.Trim(rest[i:], "{} \"")
			}
			if tm := targetsRe.FindStringSubmatch(rest); tm != nil {
				if !strings.Contains(tm[1], "x86_64") || strings.Contains(tm[1], "ia32") {
					continue
				}
			}
			t.Flags = append(t.Flags, strings.Fields(flags)...)
		}
	}
}

func skipIf(rest, optFlag string) string {
	q := quotedRe.FindStringSubmatch(rest)
	why := "(no reason given)"
	if q != nil {
		why = q[1]
		rest = rest[strings.Index(rest, q[0])+len(q[0]):]
	}
	// First braced group: the target list.
	open := strings.Index(rest, "{")
	if open < 0 {
		return ""
	}
	depth, end := 0, -1
	for i := open; i < len(rest); i++ {
		if rest[i] == '{' {
			depth++
		} else if rest[i] == '}' {
			if depth--; depth == 0 {
				end = i
				break
			}
		}
	}
	if end < 0 {
		return ""
	}
	targets := strings.TrimSpace(rest[open+1 : end])
	after := rest[end+1:]
	negated := strings.HasPrefix(targets, "!")
	matches := strings.Contains(targets, "*-*-*") || strings.Contains(targets, "x86_64-") || strings.Contains(targets, "i?86-")
	if negated {
		matches = !matches
		// "! alloca" and similar effective-target tests are true here: no skip.
		if !strings.Contains(targets, "-*-") {
			matches = false
		}
	}
	if !matches {
		return ""
	}
	// Option list: skip only when one of the options is in effect.
	if opts := quotedRe.FindAllStringSubmatch(after, -1); len(opts) > 0 {
		in := false
		for _, o := range strings.Fields(opts[0][1]) {
			if o == "*" || o == optFlag {
				in = true
			}
		}
		if !in {
			return ""
		}
	}
	return why
}

// applyX honours a test's .x file (Tcl run before the test): an unconditional
// "return 1" (outside any braces) skips the test, and unconditional
// "set additional_flags ..." / "lappend additional_flags ..." add flags.
func applyX(t *Test, x string) {
	depth := 0
	for _, line := range strings.Split(x, "\n") {
		trimmed := strings.TrimSpace(line)
		if depth == 0 && !strings.HasPrefix(trimmed, "#") {
			f := strings.Fields(strings.NewReplacer("\"", " ").Replace(trimmed))
			switch {
			case len(f) >= 2 && f[0] == "return" && f[1] == "1":
				t.Skip = ".x file returns 1"
			case len(f) >= 3 && (f[0] == "set" || f[0] == "lappend") && f[1] == "additional_flags":
				t.Flags = append(t.Flags, f[2:]...)
			}
		}
		depth += strings.Count(line, "{") - strings.Count(line, "}")
	}
}
