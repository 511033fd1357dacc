// End-to-end tests: every C program in testdata/run is compiled by gocc, linked (with a
// gcc-compiled helper when it asks for one, so calls between the two compilers check
// the ABI), run, and must exit 0 (and print testdata/run/x.out when that file exists).
// Every file in testdata/errors must be rejected with the diagnostics its
// `// ERROR "regexp"` comments describe (compiled with its `// flags:`, if any).
//
// Header lines of a test file:
//
//	// flags: -O1 -DFOO      compiler flags (default -O0); each test also runs at -O2
//	// helper: abi_helper.c   a file of testdata/helpers compiled with gcc -c and linked in
//	// args: a b              command-line arguments of the program
//
// testdata/known-failures.txt lists tests ("name: reason" per line) that fail because of
// a known gap in gocc; such a test still runs, and a failure is reported as a skip with
// its message, so `make test` stays green while the gap is open. Remove the line when
// the test passes (the run logs "known failure now passes").
//
// GOCC_E2E_CC=gcc runs the same suite with gcc instead of gocc, to check the tests
// themselves. While a stage of gocc's pipeline is still a placeholder (a trivial
// program gets an internal compiler error "not implemented"), the suite is skipped.
package gocc_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	goccPath   string // the compiler under test
	buildErr   error
	tmpRoot    string
	helperMu   sync.Mutex
	helperObjs = map[string]string{}
)

func TestMain(m *testing.M) {
	// Diagnostics quote names with ASCII quotes outside a UTF-8 locale, as the
	// expected messages do.
	os.Setenv("LC_ALL", "C")
	dir, err := os.MkdirTemp("", "gocc-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	tmpRoot = dir
	if cc := os.Getenv("GOCC_E2E_CC"); cc != "" {
		goccPath = cc
	} else {
		goccPath = filepath.Join(dir, "gocc")
		out, err := exec.Command("go", "build", "-o", goccPath, "./cmd/gocc").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build ./cmd/gocc: %v\n%s", err, out)
		}
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// requireCompiler fails when gocc did not build and skips while the pipeline is a
// placeholder.
func requireCompiler(t *testing.T) {
	t.Helper()
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	if os.Getenv("GOCC_E2E_CC") != "" {
		return
	}
	if reason := pipelineIncomplete(); reason != "" {
		t.Skip("gocc's pipeline is incomplete: " + reason)
	}
}

var (
	probeOnce   sync.Once
	probeReason string
)

// pipelineIncomplete compiles a trivial program once and returns the placeholder's
// message if a stage is not implemented yet.
func pipelineIncomplete() string {
	probeOnce.Do(func() {
		src := filepath.Join(tmpRoot, "probe.c")
		os.WriteFile(src, []byte("int main(void) { return 0; }\n"), 0o644)
		out, _ := exec.Command(goccPath, "-c", "-o", filepath.Join(tmpRoot, "probe.o"), src).CombinedOutput()
		if bytes.Contains(out, []byte("not implemented")) {
			probeReason = strings.TrimSpace(string(out))
		}
	})
	return probeReason
}

// header reads the "// key: value" lines at the top of a test file.
func header(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "//") {
			if line == "" {
				continue
			}
			break
		}
		if k, v, ok := strings.Cut(strings.TrimSpace(line[2:]), ":"); ok && !strings.Contains(k, " ") {
			h[k] = strings.TrimSpace(v)
		}
	}
	return h, sc.Err()
}

// helperObject compiles testdata/helpers/name with gcc once per test binary.
func helperObject(name string) (string, error) {
	helperMu.Lock()
	defer helperMu.Unlock()
	if obj, ok := helperObjs[name]; ok {
		return obj, nil
	}
	obj := filepath.Join(tmpRoot, "helper-"+strings.TrimSuffix(name, ".c")+".o")
	out, err := exec.Command("gcc", "-O1", "-c", "-o", obj, filepath.Join("testdata", "helpers", name)).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("gcc -c %s: %v\n%s", name, err, out)
	}
	helperObjs[name] = obj
	return obj, nil
}

// knownFailures reads testdata/known-failures.txt.
func knownFailures(t *testing.T) map[string]string {
	data, err := os.ReadFile("testdata/known-failures.txt")
	if err != nil {
		return nil
	}
	known := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, ":")
		known[strings.TrimSpace(name)] = strings.TrimSpace(reason)
	}
	return known
}

// expectFailure turns the failures of a known-failing test into a skip.
type expectFailure struct {
	*testing.T
	known string
}

func (e expectFailure) Fatalf(format string, args ...any) {
	e.Helper()
	if e.known != "" && os.Getenv("GOCC_E2E_CC") == "" {
		e.T.Skipf("known failure (%s): %s", e.known, fmt.Sprintf(format, args...))
	}
	e.T.Fatalf(format, args...)
}

func (e expectFailure) Fatal(args ...any) { e.Fatalf("%s", fmt.Sprint(args...)) }

func TestRun(t *testing.T) {
	requireCompiler(t)
	known := knownFailures(t)
	files, _ := filepath.Glob("testdata/run/*.c")
	if len(files) == 0 {
		t.Fatal("no tests in testdata/run")
	}
	for _, file := range files {
		file := file
		name := strings.TrimSuffix(filepath.Base(file), ".c")
		t.Run(name, func(t *testing.T) {
			h, err := header(file)
			if err != nil {
				t.Fatal(err)
			}
			flags := strings.Fields(h["flags"])
			if len(flags) == 0 {
				flags = []string{"-O0"}
			}
			variants := [][]string{flags, append(append([]string(nil), flags...), "-O2")}
			for i, v := range variants {
				v := v
				label := strings.Join(v, "_")
				if i == 1 {
					label = "O2"
				}
				t.Run(label, func(t *testing.T) {
					t.Parallel()
					runOne(expectFailure{t, known[name]}, file, h, v)
					if known[name] != "" && os.Getenv("GOCC_E2E_CC") == "" {
						t.Logf("known failure now passes: remove %s from testdata/known-failures.txt", name)
					}
				})
			}
		})
	}
}

func runOne(t expectFailure, file string, h map[string]string, flags []string) {
	dir := t.TempDir()
	exe := filepath.Join(dir, "prog")
	args := append(append([]string(nil), flags...), "-o", exe, file)
	if hname := h["helper"]; hname != "" {
		obj, err := helperObject(hname)
		if err != nil {
			t.Fatal(err)
		}
		args = append(args, obj)
	}
	args = append(args, strings.Fields(h["libs"])...) // after the objects, as ld wants libraries
	args = append(args, "-lm", "-pthread")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, goccPath, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("compile failed (%v): gocc %s\n%s", err, strings.Join(args, " "), firstLines(out, 15))
	}
	ctx2, cancel2 := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel2()
	cmd := exec.CommandContext(ctx2, exe, strings.Fields(h["args"])...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	if ctx2.Err() != nil {
		t.Fatalf("timeout after 10s; stdout:\n%s", firstLines(stdout.Bytes(), 15))
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		t.Fatalf("exit status %d (%v); stdout:\n%s\nstderr:\n%s", ee.ExitCode(), err, firstLines(stdout.Bytes(), 15), firstLines(stderr.Bytes(), 5))
	} else if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(strings.TrimSuffix(file, ".c") + ".out")
	if err == nil && !bytes.Equal(want, stdout.Bytes()) {
		t.Fatalf("stdout differs from %s:\n%s", strings.TrimSuffix(filepath.Base(file), ".c")+".out", lineDiff(string(want), stdout.String()))
	}
}

func firstLines(b []byte, n int) string {
	lines := strings.SplitAfter(string(b), "\n")
	if len(lines) > n {
		lines = append(lines[:n], fmt.Sprintf("... (%d more lines)\n", len(lines)-n))
	}
	return strings.Join(lines, "")
}

// lineDiff shows the first differing lines of want and got.
func lineDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			fmt.Fprintf(&b, "line %d:\n  want %q\n  got  %q\n", i+1, w, g)
			if shown++; shown == 5 {
				break
			}
		}
	}
	return b.String()
}

var errorComment = regexp.MustCompile(`//\s*ERROR\s+"((?:[^"\\]|\\.)*)"`)

func TestErrors(t *testing.T) {
	requireCompiler(t)
	files, _ := filepath.Glob("testdata/errors/*.c")
	for _, file := range files {
		file := file
		t.Run(strings.TrimSuffix(filepath.Base(file), ".c"), func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want := map[int]*regexp.Regexp{} // line -> expected message
			for i, line := range strings.Split(string(src), "\n") {
				if m := errorComment.FindStringSubmatch(line); m != nil {
					re, err := regexp.Compile(strings.ReplaceAll(m[1], `\"`, `"`))
					if err != nil {
						t.Fatalf("line %d: bad regexp: %v", i+1, err)
					}
					want[i+1] = re
				}
			}
			h, err := header(file)
			if err != nil {
				t.Fatal(err)
			}
			obj := filepath.Join(t.TempDir(), "x.o")
			args := append(strings.Fields(h["flags"]), "-c", "-o", obj, file)
			out, err := exec.Command(goccPath, args...).CombinedOutput()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 1 {
				t.Fatalf("want exit status 1, got %v; output:\n%s", err, firstLines(out, 10))
			}
			if _, err := os.Stat(obj); err == nil {
				t.Errorf("output file written despite errors")
			}
			diagLine := regexp.MustCompile(`^` + regexp.QuoteMeta(file) + `:(\d+)(?::(\d+))?: (?:fatal )?error: (.*)$`)
			got := map[int][]string{}
			for _, line := range strings.Split(string(out), "\n") {
				if m := diagLine.FindStringSubmatch(line); m != nil {
					var n int
					fmt.Sscan(m[1], &n)
					got[n] = append(got[n], m[3])
				}
			}
			for line, re := range want {
				found := false
				for _, msg := range got[line] {
					if re.MatchString(msg) {
						found = true
					}
				}
				if !found {
					t.Errorf("line %d: no error matching %q; got %q\noutput:\n%s", line, re, got[line], firstLines(out, 10))
				}
			}
			for line, msgs := range got {
				if want[line] == nil {
					t.Errorf("line %d: unexpected error %q", line, msgs)
				}
			}
		})
	}
}

// TestAcceptance builds a program that uses stdio, stdlib, string, math, setjmp,
// stdarg, pthreads and qsort with a PATH holding only as, ld and gocc: gocc needs no
// other compiler.
func TestAcceptance(t *testing.T) {
	requireCompiler(t)
	if os.Getenv("GOCC_E2E_CC") != "" {
		t.Skip("acceptance is about gocc alone")
	}
	bin := t.TempDir()
	for _, tool := range []string{"as", "ld"} {
		p, err := exec.LookPath(tool)
		if err != nil {
			t.Skipf("%s not installed", tool)
		}
		os.Symlink(p, filepath.Join(bin, tool))
	}
	os.Symlink(goccPath, filepath.Join(bin, "gocc"))
	src, _ := filepath.Abs("testdata/acceptance.c")
	exe := filepath.Join(bin, "acceptance")
	cmd := exec.Command(filepath.Join(bin, "gocc"), "-O2", "-pthread", "-o", exe, src, "-lm")
	cmd.Env = []string{"PATH=" + bin, "HOME=" + os.Getenv("HOME"), "TMPDIR=" + os.TempDir()}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gocc with PATH=%s: %v\n%s", bin, err, firstLines(out, 20))
	}
	out, err := exec.Command(exe).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "acceptance: ok") {
		t.Fatalf("run: %v\n%s", err, firstLines(out, 20))
	}
}
