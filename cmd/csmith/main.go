// Command csmith tests gocc against gcc with random programs from Csmith.
//
//	go run ./cmd/csmith [--gocc bin/gocc] [--seeds 1-1000 | --fast] [-O 0,2] [--jobs 2]
//	                    [--timeout 5s] [--out DIR] [--reduce [--reduce-time 20m]]
//	go run ./cmd/csmith --reduce-dir DIR     (reduce one saved finding)
//
// For every seed it generates a program with csmith, compiles it with gcc and with gocc
// at each level, runs both with a time limit and compares their output (the checksum).
// Seeds where gcc's own build or run fails or times out are skipped. Each finding (gocc
// compile error, gocc crash, wrong checksum, gocc executable failing or timing out) is
// printed as one "ERROR" line and saved with its seed, flags and a cvise
// interestingness script under --out; --reduce shrinks each finding with cvise. The
// last line is "N passed, M failed"; the exit status is 1 if anything failed.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"gocc/torture/csmith"
)

func main() { os.Exit(run()) }

func run() int {
	gocc := flag.String("gocc", "bin/gocc", "gocc binary to test")
	seeds := flag.String("seeds", "1-1000", "seed range FIRST-LAST (inclusive)")
	fast := flag.Bool("fast", false, "the CI sample: seeds 1-50")
	levels := flag.String("O", "0,2", "comma-separated optimisation levels")
	jobs := flag.Int("jobs", 2, "programs tested in parallel")
	runTimeout := flag.Duration("timeout", 5*time.Second, "run-time limit per executable")
	compileTimeout := flag.Duration("compile-timeout", 60*time.Second, "time limit per compiler run")
	out := flag.String("out", filepath.Join(os.TempDir(), "gocc-csmith"), "findings directory (and log)")
	reduce := flag.Bool("reduce", false, "reduce each finding with cvise after the campaign")
	reduceTime := flag.Duration("reduce-time", 20*time.Minute, "time limit per reduction")
	reduceDir := flag.String("reduce-dir", "", "only reduce the finding saved in this directory")
	include := flag.String("include", "/usr/include/csmith", "csmith's runtime headers")
	flag.Parse()

	if *reduceDir != "" {
		if err := csmith.Reduce(*reduceDir, *reduceTime, *jobs); err != nil {
			fmt.Fprintln(os.Stderr, "csmith:", err)
			return 1
		}
		fmt.Printf("reduced: %s\n", filepath.Join(*reduceDir, "reduced.c"))
		return 0
	}

	first, last, err := parseRange(*seeds)
	if *fast {
		first, last, err = 1, 50, nil
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "csmith: --seeds:", err)
		return 2
	}
	var opts []string
	for _, l := range strings.Split(*levels, ",") {
		opts = append(opts, "-O"+strings.TrimPrefix(strings.TrimSpace(l), "-O"))
	}
	goccPath, err := filepath.Abs(*gocc)
	if err != nil {
		fmt.Fprintln(os.Stderr, "csmith:", err)
		return 2
	}
	for _, tool := range []string{goccPath, "csmith", "gcc"} {
		if _, err := exec.LookPath(tool); err != nil {
			fmt.Fprintf(os.Stderr, "csmith: %v (make build; make deps installs csmith)\n", err)
			return 2
		}
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "csmith:", err)
		return 2
	}
	work, err := os.MkdirTemp("", "gocc-csmith-work-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "csmith:", err)
		return 2
	}
	defer os.RemoveAll(work)
	cfg := &csmith.Config{Gocc: goccPath, GCC: "gcc", Csmith: "csmith", Include: *include,
		RunTimeout: *runTimeout, CompileTimeout: *compileTimeout, WorkDir: work,
		FindingsDir: filepath.Join(*out, "findings")}
	logPath := filepath.Join(*out, "log.txt")
	logFile, err := os.Create(logPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, "csmith:", err)
		return 2
	}
	defer logFile.Close()
	fmt.Fprintf(os.Stderr, "csmith: seeds %d-%d at %s, %d jobs; log %s\n", first, last, strings.Join(opts, " "), *jobs, logPath)

	var (
		mu       sync.Mutex
		counts   = map[csmith.Class]int{}
		findings []csmith.Result
		wg       sync.WaitGroup
		next     = make(chan uint64)
	)
	start := time.Now()
	for w := 0; w < max(*jobs, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for seed := range next {
				results := cfg.Check(seed, opts)
				mu.Lock()
				for _, r := range results {
					counts[r.Class]++
					fmt.Fprintf(logFile, "seed %d %s: %s %s\n", r.Seed, r.Level, r.Class, r.Detail)
					if r.Class.IsFinding() {
						findings = append(findings, r)
						fmt.Printf("ERROR seed %d %s: %s: %s (saved in %s)\n", r.Seed, r.Level, r.Class, r.Detail, r.Saved)
					}
				}
				mu.Unlock()
			}
		}()
	}
	for s := first; s <= last; s++ {
		next <- s
	}
	close(next)
	wg.Wait()

	if *reduce {
		sort.Slice(findings, func(i, j int) bool { return findings[i].Seed < findings[j].Seed })
		for _, f := range findings {
			if f.Saved == "" {
				continue
			}
			if err := csmith.Reduce(f.Saved, *reduceTime, *jobs); err != nil {
				fmt.Printf("reduce %s: %v\n", f.Saved, err)
			} else {
				fmt.Printf("reduced: %s\n", filepath.Join(f.Saved, "reduced.c"))
			}
		}
	}

	failed := 0
	var parts []string
	for _, c := range []csmith.Class{csmith.WrongCode, csmith.Crash, csmith.CompileFail, csmith.RunFail, csmith.Timeout, csmith.Skip} {
		if c.IsFinding() {
			failed += counts[c]
		}
		parts = append(parts, fmt.Sprintf("%s %d", c, counts[c]))
	}
	fmt.Printf("%s (seeds %d-%d, %s, %s)\n", strings.Join(parts, ", "), first, last, strings.Join(opts, " "), time.Since(start).Round(time.Second))
	fmt.Printf("%d passed, %d failed\n", counts[csmith.Pass], failed)
	if failed > 0 {
		return 1
	}
	return 0
}

// parseRange reads "FIRST-LAST" or a single seed.
func parseRange(s string) (first, last uint64, err error) {
	a, b, found := strings.Cut(s, "-")
	if first, err = strconv.ParseUint(a, 10, 64); err != nil {
		return 0, 0, err
	}
	if !found {
		return first, first, nil
	}
	if last, err = strconv.ParseUint(b, 10, 64); err != nil {
		return 0, 0, err
	}
	if last < first {
		return 0, 0, fmt.Errorf("empty range %s", s)
	}
	return first, last, nil
}
