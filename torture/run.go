package torture

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// Result is the outcome of one test with one compiler.
type Result struct {
	Name   string
	Pass   bool
	Reason string // why it failed: first line of the compile error, ICE, exit status, timeout
	Log    string // full compiler and program output
}

// Runner compiles and runs tests with one compiler.
type Runner struct {
	CC          string   // compiler command (gocc or gcc)
	Flags       []string // e.g. -O0
	Timeout     time.Duration
	WorkDir     string // parent of the per-test temporary directories
	CompileTime time.Duration
}

// Run compiles t with "CC -w <flags> <test flags> -o exe files -lm" and runs it.
func (r *Runner) Run(t Test) Result {
	res := Result{Name: t.Name}
	dir, err := os.MkdirTemp(r.WorkDir, "t-")
	if err != nil {
		res.Reason = err.Error()
		return res
	}
	defer os.RemoveAll(dir)
	exe := filepath.Join(dir, "t")
	args := append([]string{"-w"}, r.Flags...)
	args = append(args, t.Flags...)
	args = append(args, "-o", exe)
	args = append(args, t.Files...)
	args = append(args, "-lm")
	ctimeout := r.CompileTime
	if ctimeout == 0 {
		ctimeout = 120 * time.Second
	}
	ctx, cancel := context.WithTimeout(context.Background(), ctimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, r.CC, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	res.Log = fmt.Sprintf("$ %s %s\n%s", r.CC, strings.Join(args, " "), out)
	if err != nil {
		var ee *exec.ExitError
		switch {
		case ctx.Err() != nil:
			res.Reason = "compile timeout"
		case errors.As(err, &ee) && ee.ExitCode() == 4:
			res.Reason = firstLineWith(out, "internal compiler error")
		case bytes.Contains(out, []byte("ld returned")):
			res.Reason = "link error: " + firstLineWith(out, "undefined reference")
		case errors.As(err, &ee):
			res.Reason = "compile error: " + firstLineWith(out, "error")
		default:
			res.Reason = err.Error()
		}
		return res
	}
	timeout := r.Timeout
	if timeout == 0 {
		timeout = 10 * time.Second
	}
	rctx, rcancel := context.WithTimeout(context.Background(), timeout)
	defer rcancel()
	run := exec.CommandContext(rctx, exe)
	run.Dir = dir
	run.Stdin = nil
	pout, err := run.CombinedOutput()
	res.Log += fmt.Sprintf("$ ./t\n%s", limit(pout, 4000))
	if err != nil {
		var ee *exec.ExitError
		switch {
		case rctx.Err() != nil:
			res.Reason = fmt.Sprintf("timeout after %v", timeout)
		case errors.As(err, &ee):
			res.Reason = ee.String() // "exit status 1" or "signal: aborted"
		default:
			res.Reason = err.Error()
		}
		return res
	}
	res.Pass = true
	return res
}

// firstLineWith returns the first line of out containing word, or its first line.
func firstLineWith(out []byte, word string) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	for _, l := range lines {
		if strings.Contains(l, word) {
			return strings.TrimSpace(l)
		}
	}
	return strings.TrimSpace(lines[0])
}

func limit(b []byte, n int) []byte {
	if len(b) > n {
		return append(b[:n:n], "\n... (truncated)\n"...)
	}
	return b
}

// RunAll runs tests on jobs workers and returns the results in the order of tests.
// progress, if not nil, is called after each test (from the worker goroutines, serialized).
func RunAll(r *Runner, tests []Test, jobs int, progress func(Result)) []Result {
	if jobs < 1 {
		jobs = 1
	}
	results := make([]Result, len(tests))
	var mu sync.Mutex
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				res := r.Run(tests[i])
				results[i] = res
				if progress != nil {
					mu.Lock()
					progress(res)
					mu.Unlock()
				}
			}
		}()
	}
	for i := range tests {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

// Sample is the --fast subset: every tenth test in name order, a fixed and
// deterministic tenth of the suite.
func Sample(tests []Test) []Test {
	var out []Test
	for i, t := range tests {
		if i%10 == 0 {
			out = append(out, t)
		}
	}
	return out
}

// Oracle is the set of tests gcc passes with the same flags, cached in a file of
// "name pass|fail" lines keyed by the flags.
type Oracle struct {
	path   string
	passes map[string]bool
}

// LoadOracle reads the cache file (missing is fine).
func LoadOracle(path string) (*Oracle, error) {
	o := &Oracle{path: path, passes: map[string]bool{}}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return o, nil
	} else if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if name, verdict, ok := strings.Cut(sc.Text(), " "); ok {
			o.passes[name] = verdict == "pass"
		}
	}
	return o, sc.Err()
}

// Missing returns the tests the oracle has no verdict for.
func (o *Oracle) Missing(tests []Test) []Test {
	var out []Test
	for _, t := range tests {
		if _, ok := o.passes[t.Name]; !ok {
			out = append(out, t)
		}
	}
	return out
}

// Record adds verdicts and rewrites the cache file atomically.
func (o *Oracle) Record(results []Result) error {
	for _, r := range results {
		o.passes[r.Name] = r.Pass
	}
	names := make([]string, 0, len(o.passes))
	for n := range o.passes {
		names = append(names, n)
	}
	sort.Strings(names)
	var b bytes.Buffer
	for _, n := range names {
		v := "fail"
		if o.passes[n] {
			v = "pass"
		}
		fmt.Fprintf(&b, "%s %s\n", n, v)
	}
	if err := os.MkdirAll(filepath.Dir(o.path), 0o755); err != nil {
		return err
	}
	tmp := o.path + ".tmp"
	if err := os.WriteFile(tmp, b.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, o.path)
}

// Passes reports whether gcc passes the test.
func (o *Oracle) Passes(name string) bool { return o.passes[name] }

// Expectations are the known failures: "name: reason" lines; '#' starts a comment.
type Expectations map[string]string

// LoadExpectations reads an expectations file.
func LoadExpectations(path string) (Expectations, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	e := Expectations{}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, ":")
		e[strings.TrimSpace(name)] = strings.TrimSpace(reason)
	}
	return e, nil
}

// Format writes the failures of results as an expectations file.
func FormatExpectations(header string, results []Result) []byte {
	var b bytes.Buffer
	b.WriteString(header)
	for _, r := range results {
		if !r.Pass {
			fmt.Fprintf(&b, "%s: %s\n", r.Name, strings.ReplaceAll(r.Reason, "\n", " "))
		}
	}
	return b.Bytes()
}

// Compare splits the results against the expectations: regressions fail but are not
// expected to; newPasses pass but are expected to fail. Only tests that were run count.
func (e Expectations) Compare(results []Result) (regressions, newPasses []Result) {
	for _, r := range results {
		_, expectedFail := e[r.Name]
		switch {
		case !r.Pass && !expectedFail:
			regressions = append(regressions, r)
		case r.Pass && expectedFail:
			newPasses = append(newPasses, r)
		}
	}
	return regressions, newPasses
}
