package kernel

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"strings"
	"time"
)

// Result is gocc's verdict on one file.
type Result struct {
	File   string
	Pass   bool
	Reason string // first error line, for a failure
	Output []byte // gocc's complete stderr and stdout
}

// Check runs `gocc -fsyntax-only <flags> <file>` in tree, as kbuild ran gcc there, and
// passes when gocc exits 0 within timeout.
func Check(gocc, tree string, c Command, timeout time.Duration) Result {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	args := append(append([]string{"-fsyntax-only"}, c.Flags...), c.File)
	cmd := exec.CommandContext(ctx, gocc, args...)
	cmd.Dir = tree
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	r := Result{File: c.File, Output: out.Bytes()}
	switch {
	case ctx.Err() == context.DeadlineExceeded:
		r.Reason = "timeout after " + timeout.String()
	case err != nil:
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			r.Reason = err.Error()
		} else {
			r.Reason = FirstError(out.Bytes())
			if r.Reason == "" {
				r.Reason = "exit status " + strings.TrimPrefix(ee.Error(), "exit status ") + " without an error message"
			}
		}
	default:
		r.Pass = true
	}
	return r
}

// FirstError returns the first line of gocc's output that reports an error (a
// diagnostic "error:", an internal compiler error or a usage error).
func FirstError(out []byte) string {
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, "error:") || strings.Contains(line, "internal compiler error") || strings.HasPrefix(line, "panic:") {
			return line
		}
	}
	return ""
}

// Sample returns every 10th command (the 1st, 11th, ...) of cmds, which Collect sorted
// by file name: a fixed tenth for quick runs.
func Sample(cmds []Command) []Command {
	var s []Command
	for i := 0; i < len(cmds); i += 10 {
		s = append(s, cmds[i])
	}
	return s
}
