package torture

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// The no-crash corpus: every C file of gcc's testsuite directories goes through gocc
// (to assembly, or -fsyntax-only for tests that expect errors). Many of the files are
// invalid on purpose; the rule is that gocc either compiles a file or rejects it with
// diagnostics and exit 1 — never an internal compiler error, a signal or a hang.

// CorpusFile is one file of the no-crash corpus.
type CorpusFile struct {
	Path       string   // absolute
	Name       string   // relative to the corpus root, for reports
	ExpectsErr bool     // the test has dg-error lines: gcc rejects it
	Flags      []string // the dg-options gocc should honour (-D, -U, -I, -std=, ...)
}

// Verdict classes of the no-crash run.
const (
	NoCrashCompiled = "compiled"
	NoCrashRejected = "rejected" // diagnostics and exit 1
	NoCrashCrash    = "crash"    // internal compiler error, signal, or another exit status
	NoCrashHang     = "hang"     // ran past the time limit
)

// NoCrashResult is gocc's verdict on one file.
type NoCrashResult struct {
	File   CorpusFile
	Class  string
	Detail string // first line of the ICE or the time-out
}

// Failed reports whether the result breaks the no-crash rule.
func (r NoCrashResult) Failed() bool { return r.Class == NoCrashCrash || r.Class == NoCrashHang }

var (
	dgOptions = regexp.MustCompile(`\{\s*dg-(?:additional-)?options\s+"([^"]*)"`)
	dgError   = regexp.MustCompile(`\{\s*dg-error\b`)
)

// corpusFlag reports whether a dg-options word changes what the source means and is
// one gocc takes; target-specific and optimiser-tuning options are left out, so that
// an option gocc rightly rejects does not hide what it makes of the file.
func corpusFlag(w string) bool {
	for _, p := range []string{"-D", "-U", "-std=", "-ansi", "-funsigned-char", "-fsigned-char", "-fshort-wchar",
		"-fshort-enums", "-fwrapv", "-fno-common", "-ffreestanding", "-fno-builtin", "-O", "-g", "-fPIC", "-fpic",
		"-fexec-charset=", "-finput-charset=", "-fdollars-in-identifiers", "-trigraphs", "-pedantic"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// CorpusFiles lists the .c files under root (recursively), sorted, with their
// dg-options and whether they expect errors.
func CorpusFiles(root string) ([]CorpusFile, error) {
	var files []CorpusFile
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".c") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		f := CorpusFile{Path: path, Name: filepath.ToSlash(rel), ExpectsErr: dgError.Match(src)}
		for _, m := range dgOptions.FindAllSubmatch(src, -1) {
			for _, w := range strings.Fields(string(m[1])) {
				if corpusFlag(w) {
					f.Flags = append(f.Flags, w)
				}
			}
		}
		files = append(files, f)
		return nil
	})
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	return files, err
}

// CheckNoCrash runs gocc on f: -fsyntax-only for a file that expects errors (or for
// every file when syntaxOnly), else -S to /dev/null at the file's own -O level
// (default -O2, so the optimiser is covered).
func CheckNoCrash(gocc string, f CorpusFile, workDir string, limit time.Duration, syntaxOnly bool) NoCrashResult {
	r := NoCrashResult{File: f}
	out, err, timedOut := runCorpusCompiler(gocc, f, workDir, limit, syntaxOnly || f.ExpectsErr)
	var ee *exec.ExitError
	switch {
	case timedOut:
		r.Class, r.Detail = NoCrashHang, fmt.Sprintf("still running after %v", limit)
	case err == nil:
		r.Class = NoCrashCompiled
	case errors.As(err, &ee) && ee.ExitCode() == 1 && !bytes.Contains(out, []byte("internal compiler error")):
		r.Class, r.Detail = NoCrashRejected, firstLineWith(out, "error")
	default:
		r.Class, r.Detail = NoCrashCrash, err.Error()+": "+firstLineWith(out, "internal compiler error")
	}
	return r
}

// GCCAccepts reports whether gcc compiles f with -fsyntax-only and the same flags:
// the oracle for which files gocc must accept.
func GCCAccepts(f CorpusFile, workDir string, limit time.Duration) bool {
	_, err, timedOut := runCorpusCompiler("gcc", f, workDir, limit, true)
	return err == nil && !timedOut
}

// runCorpusCompiler runs cc on f with the file's flags.
func runCorpusCompiler(cc string, f CorpusFile, workDir string, limit time.Duration, syntaxOnly bool) ([]byte, error, bool) {
	args := []string{"-w"}
	if !hasOpt(f.Flags) {
		args = append(args, "-O2")
	}
	args = append(args, f.Flags...)
	if syntaxOnly {
		args = append(args, "-fsyntax-only")
	} else {
		args = append(args, "-S", "-o", os.DevNull)
	}
	args = append(args, f.Path)
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, cc, args...)
	cmd.Dir = workDir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.Bytes(), err, ctx.Err() != nil
}

func hasOpt(flags []string) bool {
	for _, f := range flags {
		if strings.HasPrefix(f, "-O") {
			return true
		}
	}
	return false
}
