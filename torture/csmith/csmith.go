// Package csmith is differential testing of gocc against gcc with random programs
// from Csmith: each program is compiled by both compilers with the same flags, both
// executables run with a time limit, and the checksums they print are compared.
//
// Csmith programs are free of undefined and unspecified behaviour by construction (they
// route arithmetic through the safe_math.h wrappers), so any difference in the printed
// checksum is a miscompile by one of the two compilers; gcc is the oracle.
package csmith

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Class is the verdict on one program at one optimisation level.
type Class string

const (
	Pass        Class = "pass"
	Skip        Class = "skip"           // gcc's own build or run failed or timed out: the seed says nothing
	CompileFail Class = "compile error"  // gocc rejected a program gcc compiles (exit 1)
	Crash       Class = "crash"          // gocc crashed: internal compiler error, a signal, or a compile time-out
	WrongCode   Class = "wrong checksum" // both ran; the outputs differ
	RunFail     Class = "run failure"    // gocc's executable crashed or exited non-zero where gcc's did not
	Timeout     Class = "timeout"        // gocc's executable ran out of time where gcc's finished
)

// IsFinding reports whether the class is a gocc bug to save and report.
func (c Class) IsFinding() bool { return c != Pass && c != Skip }

// Config says how to generate, build and run the programs.
type Config struct {
	Gocc           string        // the gocc binary (absolute path)
	GCC            string        // the oracle, "gcc"
	Csmith         string        // the csmith binary, "csmith"
	Include        string        // csmith's runtime headers, /usr/include/csmith
	CsmithArgs     []string      // extra csmith options
	RunTimeout     time.Duration // per executable
	CompileTimeout time.Duration // per compiler invocation
	WorkDir        string        // scratch space; each seed gets a directory that is removed afterwards
	FindingsDir    string        // where findings are saved, one directory per seed and level
}

// Result is the verdict on one seed at one level.
type Result struct {
	Seed   uint64
	Level  string // "-O0", "-O2"
	Class  Class
	Detail string // one line: why
	Saved  string // the finding's directory, for findings
}

// Check generates the program of seed and tests it at each level.
func (c *Config) Check(seed uint64, levels []string) []Result {
	results := make([]Result, len(levels))
	for i, l := range levels {
		results[i] = Result{Seed: seed, Level: l}
	}
	fail := func(class Class, detail string) []Result {
		for i := range results {
			results[i].Class, results[i].Detail = class, detail
		}
		return results
	}
	dir, err := os.MkdirTemp(c.WorkDir, fmt.Sprintf("seed-%d-", seed))
	if err != nil {
		return fail(Skip, err.Error())
	}
	defer os.RemoveAll(dir)
	src := filepath.Join(dir, "prog.c")
	prog, err := c.generate(seed, dir)
	if err != nil {
		return fail(Skip, "csmith: "+err.Error())
	}
	if err := os.WriteFile(src, prog, 0o644); err != nil {
		return fail(Skip, err.Error())
	}
	for i, level := range levels {
		r := &results[i]
		r.Class, r.Detail = c.compare(dir, src, level)
		if r.Class.IsFinding() && c.FindingsDir != "" {
			saved, err := c.save(*r, prog)
			if err != nil {
				r.Detail += " (not saved: " + err.Error() + ")"
			}
			r.Saved = saved
		}
	}
	return results
}

// generate runs csmith for seed in dir (csmith writes a platform.info file into its
// working directory).
func (c *Config) generate(seed uint64, dir string) ([]byte, error) {
	args := append([]string{"--seed", strconv.FormatUint(seed, 10)}, c.CsmithArgs...)
	ctx, cancel := context.WithTimeout(context.Background(), c.CompileTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, c.Csmith, args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return nil, err
	}
	return out, nil
}

// outcome is what one compiler made of the program.
type outcome struct {
	compileErr  error  // nil if the executable was built
	compileOut  string // compiler diagnostics
	compileTime bool   // the compiler timed out
	runOut      string // the executable's output
	runErr      error
	runTimeout  bool
}

// build compiles src with cc at level and runs the result.
func (c *Config) build(dir, cc, src, level, exe string) outcome {
	var o outcome
	ctx, cancel := context.WithTimeout(context.Background(), c.CompileTimeout)
	defer cancel()
	// -w: Csmith programs draw many warnings; they are not what is tested.
	cmd := exec.CommandContext(ctx, cc, "-w", level, "-I", c.Include, "-o", exe, src)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	o.compileOut = string(out)
	if err != nil {
		o.compileErr = err
		o.compileTime = ctx.Err() != nil
		return o
	}
	rctx, rcancel := context.WithTimeout(context.Background(), c.RunTimeout)
	defer rcancel()
	run := exec.CommandContext(rctx, exe)
	run.Dir = dir
	var stdout bytes.Buffer
	run.Stdout = &stdout
	o.runErr = run.Run()
	o.runOut = stdout.String()
	o.runTimeout = rctx.Err() != nil
	return o
}

// compare builds and runs the program with gcc and with gocc at level.
func (c *Config) compare(dir, src, level string) (Class, string) {
	tag := strings.TrimPrefix(level, "-")
	ref := c.build(dir, c.GCC, src, level, filepath.Join(dir, "gcc-"+tag))
	switch {
	case ref.compileErr != nil:
		return Skip, "gcc does not build it: " + firstLine(ref.compileOut, ref.compileErr)
	case ref.runTimeout:
		return Skip, fmt.Sprintf("gcc's executable runs longer than %v", c.RunTimeout)
	case ref.runErr != nil:
		return Skip, "gcc's executable fails: " + ref.runErr.Error()
	}
	got := c.build(dir, c.Gocc, src, level, filepath.Join(dir, "gocc-"+tag))
	var ee *exec.ExitError
	switch {
	case got.compileTime:
		return Crash, fmt.Sprintf("gocc took longer than %v", c.CompileTimeout)
	case got.compileErr != nil && errors.As(got.compileErr, &ee) && ee.ExitCode() == 1:
		return CompileFail, firstLine(got.compileOut, got.compileErr)
	case got.compileErr != nil:
		return Crash, firstLine(got.compileOut, got.compileErr)
	case got.runTimeout && level != "-O0" && c.build(dir, c.GCC, src, "-O0", filepath.Join(dir, "gcc-O0")).runTimeout:
		// The program's work takes longer than the limit unless an optimiser removes
		// it (gcc -O2 often deletes whole loops whose results are unused): the outputs
		// cannot be compared, and the time is not a bug in gocc's code.
		return Skip, fmt.Sprintf("runs longer than %v unoptimised (gcc %s removes the work, gocc's does not)", c.RunTimeout, level)
	case got.runTimeout:
		return Timeout, fmt.Sprintf("gocc's executable runs longer than %v; gcc's finishes", c.RunTimeout)
	case got.runErr != nil:
		return RunFail, "gocc's executable: " + got.runErr.Error()
	case got.runOut != ref.runOut:
		return WrongCode, fmt.Sprintf("gcc %q, gocc %q", lastLine(ref.runOut), lastLine(got.runOut))
	}
	return Pass, ""
}

// save writes a finding's program, its verdict and a cvise interestingness script into
// FindingsDir/<seed><level>/.
func (c *Config) save(r Result, prog []byte) (string, error) {
	dir := filepath.Join(c.FindingsDir, fmt.Sprintf("%d%s", r.Seed, r.Level))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	verdict := fmt.Sprintf("seed: %d\nlevel: %s\nclass: %s\ndetail: %s\ncsmith: %s --seed %d %s\n"+
		"gocc: %s -w %s -I %s prog.c\nreduce: go run ./cmd/csmith --reduce %s\n",
		r.Seed, r.Level, r.Class, r.Detail, c.Csmith, r.Seed, strings.Join(c.CsmithArgs, " "),
		c.Gocc, r.Level, c.Include, dir)
	files := map[string][]byte{
		"prog.c":      prog, // cvise reduces this one in place
		"original.c":  prog,
		"verdict.txt": []byte(verdict),
		"interesting": []byte(c.InterestingnessScript(r)),
	}
	for name, data := range files {
		mode := os.FileMode(0o644)
		if name == "interesting" {
			mode = 0o755
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, mode); err != nil {
			return dir, err
		}
	}
	return dir, nil
}

func firstLine(out string, err error) string {
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "error") {
			return strings.TrimSpace(l)
		}
	}
	if l := strings.TrimSpace(out); l != "" {
		return strings.SplitN(l, "\n", 2)[0]
	}
	return err.Error()
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}
