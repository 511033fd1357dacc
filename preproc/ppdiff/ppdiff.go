// Package ppdiff is the differential checker of gocc's preprocessor against gcc's: it
// preprocesses each file of a corpus with `gocc -E` and `gcc -E`, both given the same
// flags and the same include search path (`-nostdinc -isystem <gcc's include dir>
// -isystem /usr/local/include -isystem <multiarch> -isystem /usr/include`), so that only
// the preprocessors differ, and compares the pp-token streams of the outputs
// whitespace-insensitively and token-exactly. Line markers are taken out of the token
// stream; with Lines set, the presumed file and line of every token (what the markers
// say) are compared too. In text mode the -E outputs are compared line for line, byte
// for byte: line markers, blank lines and indentation included. In deps mode it compares
// the -M family's dependency output byte for byte instead.
//
// gcc is the oracle: a file gcc itself rejects is skipped, not failed.
package ppdiff

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// Item is one file of a corpus.
type Item struct {
	Name  string   // for reports and the expectations file, e.g. "compile/930506-1.c"
	Path  string   // the file to preprocess (absolute)
	Flags []string // its own flags (dg-options), before the search path
	// Dir is the directory both preprocessors run in (default: the checker's WorkDir);
	// with OwnSearch set, Flags carry the whole search path (kbuild's -nostdinc -I...)
	// and the checker's Search is not added.
	Dir       string
	OwnSearch bool
}

// args is the command line for it: -E or the deps options come from the caller.
func (c *Checker) args(it Item, mode ...string) []string {
	args := append(append([]string{}, mode...), it.Flags...)
	args = append(args, c.Extra...)
	if !it.OwnSearch {
		args = append(args, c.Search...)
	}
	return args
}

// dir is the working directory for it.
func (c *Checker) dir(it Item) string {
	if it.Dir != "" {
		return it.Dir
	}
	return c.WorkDir
}

// Mode selects what is compared.
type Mode string

const (
	ModeTokens Mode = "tokens" // -E output, pp-token by pp-token
	ModeText   Mode = "text"   // -E output, byte for byte
	ModeDeps   Mode = "deps"   // -M/-MM/-MD/-MMD/-MF/-MT/-MQ/-MP/-MG output, byte for byte
)

// Checker runs both preprocessors on items.
type Checker struct {
	Gocc, GCC string
	Search    []string // the search-path flags both get (see SearchFlags)
	Extra     []string // flags for every item (e.g. -m32)
	Mode      Mode
	Lines     bool // tokens mode: also compare each token's presumed file:line
	WorkDir   string
	Timeout   time.Duration
}

// Result is the verdict on one item.
type Result struct {
	Item   Item
	Skip   string // gcc rejects the file (the oracle): not counted
	Pass   bool
	Reason string // "first difference at line N: gocc 'x' gcc 'y'" or the failure
	Log    string // commands and details for the log file
	GCCOut []byte // outputs kept for a failure, for the log directory
	GoOut  []byte
}

// SearchFlags is the include search path gcc uses by default on this host, spelled
// out: gcc's private directory (`gcc -print-file-name=include`), then the system ones
// (gcc's cpp manual, "Search Path"; gcc -v -E shows the same list), all under
// -nostdinc so that neither compiler adds its own.
func SearchFlags(gcc string, multiarch string) ([]string, error) {
	out, err := exec.Command(gcc, "-print-file-name=include").Output()
	if err != nil {
		return nil, fmt.Errorf("%s -print-file-name=include: %v", gcc, err)
	}
	gccInc := strings.TrimSpace(string(out))
	flags := []string{"-nostdinc", "-isystem", gccInc}
	for _, d := range []string{"/usr/local/include", "/usr/include/" + multiarch, "/usr/include"} {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			flags = append(flags, "-isystem", d)
		}
	}
	return flags, nil
}

// env is the environment both preprocessors run in: a fixed SOURCE_DATE_EPOCH makes
// __DATE__ and __TIME__ equal, and the C locale keeps gcc's messages plain.
func env() []string {
	return append(os.Environ(), "SOURCE_DATE_EPOCH=0", "LC_ALL=C")
}

// run runs a command with the checker's time limit, returning stdout and the first
// lines of stderr.
func (c *Checker) run(dir string, name string, args ...string) ([]byte, string, error) {
	timeout := c.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = env()
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		err = fmt.Errorf("timed out after %v", timeout)
	}
	return stdout.Bytes(), stderr.String(), err
}

// Check compares the two preprocessors on one item.
func (c *Checker) Check(it Item) Result {
	if c.Mode == ModeDeps {
		return c.checkDeps(it)
	}
	r := Result{Item: it}
	args := append(c.args(it, "-E"), it.Path)
	r.Log = "args: " + strings.Join(args, " ") + "\n"
	gccOut, gccErr, err := c.run(c.dir(it), c.GCC, args...)
	if err != nil {
		r.Skip = "gcc rejects it: " + firstLine(gccErr, err)
		return r
	}
	goOut, goErr, err := c.run(c.dir(it), c.Gocc, args...)
	if err != nil {
		r.Reason = "gocc fails: " + firstLine(goErr, err)
		r.Log += goErr
		return r
	}
	if goErr != "" {
		r.Log += "gocc stderr:\n" + goErr
	}
	if c.Mode == ModeText {
		r.Reason = CompareText(string(goOut), string(gccOut))
	} else {
		r.Reason = Compare(string(goOut), string(gccOut), c.Lines)
	}
	r.Pass = r.Reason == ""
	if !r.Pass {
		r.GCCOut, r.GoOut = gccOut, goOut
	}
	return r
}

func firstLine(stderr string, err error) string {
	for _, l := range strings.Split(stderr, "\n") {
		if strings.Contains(l, "error") || strings.Contains(l, "fatal") || strings.Contains(l, "panic") {
			return strings.TrimSpace(l)
		}
	}
	if l, _, _ := strings.Cut(strings.TrimSpace(stderr), "\n"); l != "" {
		return l
	}
	return err.Error()
}

// Compare compares two -E outputs and describes the first difference, or returns "".
// The line it names is the line of gcc's output; the presumed source position follows
// in parentheses.
func Compare(gocc, gcc string, lines bool) string {
	gt, _ := Tokenize(gocc)
	wt, _ := Tokenize(gcc)
	for i := 0; i < len(gt) || i < len(wt); i++ {
		var g, w Token
		g.Text, w.Text = "<EOF>", "<EOF>"
		if i < len(gt) {
			g = gt[i]
		}
		if i < len(wt) {
			w = wt[i]
		} else if len(wt) > 0 {
			w.OutLine = wt[len(wt)-1].OutLine
		}
		if g.Text != w.Text {
			return fmt.Sprintf("first difference at line %d: gocc '%s' gcc '%s' (%s:%d)", w.OutLine, g.Text, w.Text, w.File, w.Line)
		}
		if lines && (g.File != w.File || g.Line != w.Line) {
			return fmt.Sprintf("first difference at line %d: gocc '%s' at %s:%d, gcc at %s:%d", w.OutLine, g.Text, g.File, g.Line, w.File, w.Line)
		}
	}
	return ""
}

// CompareText compares two -E outputs line for line and describes the first line that
// differs, or returns "".
func CompareText(gocc, gcc string) string {
	g := strings.SplitAfter(gocc, "\n")
	w := strings.SplitAfter(gcc, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		gl, wl := "<EOF>", "<EOF>"
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("first difference at line %d: gocc %q gcc %q", i+1, gl, wl)
		}
	}
	return ""
}

// depVariants are the dependency-output option sets compared in deps mode. OUT stands
// for the dependency file's path in the item's scratch directory; the variants that
// write to stdout compare stdout.
var depVariants = [][]string{
	{"-M"},
	{"-MM"},
	{"-M", "-MP"},
	{"-M", "-MT", "obj/x.o", "-MQ", "$(dir)/y z.o"},
	{"-MM", "-MG", "-MP", "-MT", "a.o", "-MT", "b.o"},
	{"-E", "-MD", "-MF", "OUT", "-o", "/dev/null"},
	{"-E", "-MMD", "-MF", "OUT", "-MP", "-o", "/dev/null"},
}

func (c *Checker) checkDeps(it Item) Result {
	r := Result{Item: it}
	dir, err := os.MkdirTemp(c.WorkDir, "deps-")
	if err != nil {
		r.Reason = err.Error()
		return r
	}
	defer os.RemoveAll(dir)
	for _, v := range depVariants {
		outFile := filepath.Join(dir, "out.d")
		args := c.args(it)
		for _, a := range v {
			if a == "OUT" {
				a = outFile
			}
			args = append(args, a)
		}
		args = append(args, it.Path)
		get := func(cc string) ([]byte, string, error) {
			os.Remove(outFile)
			out, stderr, err := c.run(dir, cc, args...)
			if err == nil && strings.Contains(strings.Join(v, " "), "OUT") {
				out, err = os.ReadFile(outFile)
			}
			return out, stderr, err
		}
		want, gccErr, err := get(c.GCC)
		if err != nil {
			r.Skip = "gcc rejects it: " + firstLine(gccErr, err)
			return r
		}
		got, goErr, err := get(c.Gocc)
		if err != nil {
			r.Reason = fmt.Sprintf("%s: gocc fails: %s", strings.Join(v, " "), firstLine(goErr, err))
			r.Log += "args: " + strings.Join(args, " ") + "\n" + goErr
			return r
		}
		if !bytes.Equal(got, want) {
			gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
			n := 0
			for n < len(gl) && n < len(wl) && gl[n] == wl[n] {
				n++
			}
			at := func(ls []string) string {
				if n < len(ls) {
					return ls[n]
				}
				return "<EOF>"
			}
			r.Reason = fmt.Sprintf("%s: first difference at line %d: gocc '%s' gcc '%s'", strings.Join(v, " "), n+1, at(gl), at(wl))
			r.Log += "args: " + strings.Join(args, " ") + "\n"
			r.GCCOut, r.GoOut = want, got
			return r
		}
	}
	r.Pass = true
	return r
}

// RunAll checks items with jobs workers, calling progress (serialised) per result, and
// returns the results in the items' order.
func RunAll(c *Checker, items []Item, jobs int, progress func(Result)) []Result {
	if jobs < 1 {
		jobs = 1
	}
	results := make([]Result, len(items))
	next := make(chan int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				res := c.Check(items[i])
				results[i] = res
				if progress != nil {
					mu.Lock()
					progress(res)
					mu.Unlock()
				}
			}
		}()
	}
	for i := range items {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

// Sample is the deterministic tenth of items that --fast checks: every tenth by name.
func Sample(items []Item) []Item {
	sorted := append([]Item(nil), items...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	var out []Item
	for i := 0; i < len(sorted); i += 10 {
		out = append(out, sorted[i])
	}
	return out
}
