package csmith

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// ubWarnings are gcc warnings that mark a program reduction made undefined (cvise
// happily deletes initialisations and return statements); a candidate drawing one of
// them is not interesting, whatever gocc does with it.
var ubWarnings = []string{
	"uninitialized", "no return statement", "control reaches end", "incompatible pointer",
	"without a cast", "makes integer from pointer", "makes pointer from integer",
	"return type defaults", "implicit declaration", "array subscript", "division by zero",
	"integer overflow in expression", "out of bounds", "shift count", "comparison between pointer",
	"incompatible implicit", "too few arguments", "too many arguments",
}

// InterestingnessScript is the cvise test for finding r: it succeeds (exit 0) while
// prog.c in the current directory is still a valid program by gcc's lights (compiles
// without the warnings that mark undefined behaviour, runs cleanly under
// -fsanitize=undefined,address with the same output as gcc at r.Level) and gocc still
// shows the finding's class of bug.
func (c *Config) InterestingnessScript(r Result) string {
	var b strings.Builder
	q := shellQuote
	fmt.Fprintf(&b, "#!/bin/sh\n# cvise interestingness test: gocc %s at %s (seed %d).\n", r.Class, r.Level, r.Seed)
	fmt.Fprintf(&b, "GCC=%s\nGOCC=%s\nINC=%s\nLEVEL=%s\n", q(c.GCC), q(c.Gocc), q(c.Include), q(r.Level))
	b.WriteString(`# 1. A valid program for gcc: no warnings that mark undefined behaviour.
"$GCC" -c -O1 -Wall -Wextra -I "$INC" prog.c -o /dev/null 2> warnings.txt || exit 1
`)
	fmt.Fprintf(&b, "grep -Eq %s warnings.txt && exit 1\n", q(strings.Join(ubWarnings, "|")))
	b.WriteString(`# 2. Clean under the sanitizers, and gcc's output at the level is the reference.
"$GCC" -w -O0 -fsanitize=undefined,address -fno-sanitize-recover=all -I "$INC" prog.c -o san || exit 1
timeout 10 ./san > san.out 2>/dev/null || exit 1
"$GCC" -w $LEVEL -I "$INC" prog.c -o ref || exit 1
timeout 5 ./ref > ref.out 2>/dev/null || exit 1
cmp -s ref.out san.out || exit 1
# 3. gocc still shows the bug.
`)
	build := `timeout 60 "$GOCC" -w $LEVEL -I "$INC" prog.c -o got`
	switch r.Class {
	case WrongCode:
		b.WriteString(build + " || exit 1\ntimeout 5 ./got > got.out 2>/dev/null || exit 1\n! cmp -s ref.out got.out\n")
	case RunFail:
		b.WriteString(build + " || exit 1\ntimeout 5 ./got > /dev/null 2>&1\nrc=$?\n[ $rc -ne 0 ] && [ $rc -ne 124 ]\n")
	case Timeout:
		b.WriteString(build + " || exit 1\ntimeout 5 ./got > /dev/null 2>&1\n[ $? -eq 124 ]\n")
	case CompileFail:
		// The same message (without its position) keeps cvise on this bug.
		msg := r.Detail
		if i := strings.Index(msg, "error: "); i >= 0 {
			msg = msg[i:]
		}
		b.WriteString(build + " 2> errors.txt\n[ $? -eq 1 ] || exit 1\n")
		fmt.Fprintf(&b, "grep -qF -- %s errors.txt\n", q(msg))
	default: // Crash
		b.WriteString(build + " > /dev/null 2>&1\nrc=$?\n[ $rc -ne 0 ] && [ $rc -ne 1 ]\n")
	}
	return b.String()
}

// Reduce runs cvise on the finding saved in dir (prog.c and its interesting script),
// for at most limit, and leaves the smallest interesting program in dir/reduced.c.
func Reduce(dir string, limit time.Duration, jobs int) error {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	check := exec.Command("./interesting")
	check.Dir = dir
	if err := check.Run(); err != nil {
		return fmt.Errorf("the program in %s is not interesting to begin with: %v", dir, err)
	}
	cmd := exec.CommandContext(ctx, "cvise", "--n", fmt.Sprint(max(jobs, 1)), "--timeout", "60",
		"--tidy", filepath.Join(dir, "interesting"), "prog.c")
	cmd.Dir = dir
	log, err := os.Create(filepath.Join(dir, "cvise.log"))
	if err != nil {
		return err
	}
	defer log.Close()
	cmd.Stdout, cmd.Stderr = log, log
	runErr := cmd.Run()
	// cvise rewrites prog.c as it goes, so even a run cut short leaves the smallest
	// interesting program found so far.
	data, err := os.ReadFile(filepath.Join(dir, "prog.c"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "reduced.c"), data, 0o644); err != nil {
		return err
	}
	if runErr != nil && ctx.Err() == nil {
		return fmt.Errorf("cvise: %v (log in %s)", runErr, filepath.Join(dir, "cvise.log"))
	}
	return nil
}

// shellQuote quotes s for sh.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
