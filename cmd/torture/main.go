// Command torture runs gcc's C torture execution tests with gocc.
//
//	go run ./cmd/torture [--gocc bin/gocc] [-O 0] [--jobs 2] [--fast] [--filter RE]
//	                     [--expect torture/expect-x86_64-O0.txt] [--update-expect]
//	                     [--summary torture/SUMMARY.md]
//
// It installs gcc-12-source if needed, extracts the tests into
// os.UserCacheDir()/gocc/torture, computes (and caches) the tests gcc itself passes with
// the same flags (the oracle), and runs only those with gocc. It prints one line per
// failure, "ERROR <name>: <reason>", and last "N passed, M failed"; full logs go to a
// file whose path it prints. With --expect, failures listed in the expectations file
// are known: the run reports regressions and new passes separately and exits non-zero
// only on regressions. With --summary, it rewrites its level's section of a markdown
// summary (pass rate per subset) and keeps the other levels'.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"gocc/torture"
)

func main() {
	os.Exit(run())
}

func run() int {
	gocc := flag.String("gocc", "bin/gocc", "gocc binary to test")
	level := flag.String("O", "0", "optimization level: 0, 1, 2, 3, s")
	jobs := flag.Int("jobs", 2, "tests run in parallel")
	fast := flag.Bool("fast", false, "run a fixed tenth of the tests (every 10th by name)")
	filter := flag.String("filter", "", "run only tests whose name matches this regexp")
	expect := flag.String("expect", "", "expectations file (known failures); exit non-zero only on regressions")
	update := flag.Bool("update-expect", false, "rewrite the --expect file with this run's failures")
	timeout := flag.Duration("timeout", 10*time.Second, "run-time limit per test")
	noOracle := flag.Bool("no-oracle", false, "run every applicable test, not only those gcc passes")
	logPath := flag.String("log", "", "log file (default: $TMPDIR/gocc-torture-O<level>.log)")
	summary := flag.String("summary", "", "markdown summary file: this run's section (pass rate per subset) is rewritten, other levels' kept")
	flag.Parse()

	optFlag := "-O" + *level
	cacheBase, err := os.UserCacheDir()
	if err != nil {
		cacheBase = os.TempDir()
	}
	cache := filepath.Join(cacheBase, "gocc", "torture")
	say := func(s string) { fmt.Fprintln(os.Stderr, "torture: "+s) }

	goccPath, err := filepath.Abs(*gocc)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	if _, err := os.Stat(goccPath); err != nil {
		fmt.Fprintf(os.Stderr, "torture: %v (run make build first)\n", err)
		return 2
	}
	dir, err := torture.EnsureSource(cache, say)
	if err != nil {
		fmt.Fprintln(os.Stderr, "torture:", err)
		return 2
	}
	all, err := torture.List(dir, optFlag)
	if err != nil {
		fmt.Fprintln(os.Stderr, "torture:", err)
		return 2
	}
	var tests []torture.Test
	skipped := 0
	for _, t := range all {
		if t.Skip != "" {
			skipped++
			continue
		}
		tests = append(tests, t)
	}
	if *fast {
		tests = torture.Sample(tests)
	}
	if *filter != "" {
		re, err := regexp.Compile(*filter)
		if err != nil {
			fmt.Fprintln(os.Stderr, "torture: --filter:", err)
			return 2
		}
		var kept []torture.Test
		for _, t := range tests {
			if re.MatchString(t.Name) {
				kept = append(kept, t)
			}
		}
		tests = kept
	}
	work, err := os.MkdirTemp("", "gocc-torture-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer os.RemoveAll(work)

	// The oracle: gcc's verdict on each test with the same flags, cached.
	notInOracle := 0
	if !*noOracle {
		oracle, err := torture.LoadOracle(filepath.Join(cache, "oracle-gcc"+optFlag+".txt"))
		if err != nil {
			fmt.Fprintln(os.Stderr, "torture:", err)
			return 2
		}
		if missing := oracle.Missing(tests); len(missing) > 0 {
			say(fmt.Sprintf("computing the gcc oracle for %d tests (cached afterwards)", len(missing)))
			gcc := &torture.Runner{CC: "gcc", Flags: []string{optFlag}, Timeout: *timeout, WorkDir: work}
			if err := oracle.Record(torture.RunAll(gcc, missing, *jobs, nil)); err != nil {
				fmt.Fprintln(os.Stderr, "torture:", err)
				return 2
			}
		}
		var kept []torture.Test
		for _, t := range tests {
			if oracle.Passes(t.Name) {
				kept = append(kept, t)
			} else {
				notInOracle++
			}
		}
		tests = kept
	}
	say(fmt.Sprintf("running %d tests with %s %s (%d skipped by dg-/.x rules, %d failing with gcc too)",
		len(tests), goccPath, optFlag, skipped, notInOracle))

	if *logPath == "" {
		*logPath = filepath.Join(os.TempDir(), "gocc-torture"+optFlag+".log")
	}
	logFile, err := os.Create(*logPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, "torture:", err)
		return 2
	}
	defer logFile.Close()
	r := &torture.Runner{CC: goccPath, Flags: []string{optFlag}, Timeout: *timeout, WorkDir: work}
	results := torture.RunAll(r, tests, *jobs, func(res torture.Result) {
		verdict := "PASS"
		if !res.Pass {
			verdict = "FAIL " + res.Reason
		}
		fmt.Fprintf(logFile, "=== %s: %s\n%s\n", res.Name, verdict, res.Log)
	})
	// Reasons name test files relative to the execute directory, so the expectations file
	// does not depend on the cache's location.
	for i := range results {
		results[i].Reason = strings.ReplaceAll(results[i].Reason, dir+string(filepath.Separator), "")
	}
	passed, failed := 0, 0
	for _, res := range results {
		if res.Pass {
			passed++
			continue
		}
		failed++
		fmt.Printf("ERROR %s: %s\n", res.Name, res.Reason)
	}
	fmt.Printf("full log: %s\n", *logPath)
	if *summary != "" {
		sample := "full run"
		switch {
		case *filter != "":
			sample = "--filter " + *filter
		case *fast:
			sample = "--fast (every 10th test)"
		}
		info := torture.RunInfo{Target: "x86_64", OptFlag: optFlag, Sample: sample,
			Date: time.Now().UTC().Format("2006-01-02"), Expect: *expect, Skipped: skipped, GCCFails: notInOracle}
		if err := torture.UpdateSummary(*summary, info, torture.Summarize(results)); err != nil {
			fmt.Fprintln(os.Stderr, "torture:", err)
			return 2
		}
		fmt.Printf("summary: %s\n", *summary)
	}

	code := 0
	if *expect != "" {
		if *update {
			scope := "all tests"
			if *fast || *filter != "" {
				scope = "only the tests of a --fast/--filter run; other tests' failures show as regressions"
			}
			header := fmt.Sprintf("# Known torture failures for x86_64 %s: \"name: reason\" per line (%s).\n"+
				"# Regenerate: make build && go run ./cmd/torture -O %s [--fast] --expect torture/expect-x86_64%s.txt --update-expect\n",
				optFlag, scope, *level, optFlag)
			if err := os.WriteFile(*expect, torture.FormatExpectations(header, results), 0o644); err != nil {
				fmt.Fprintln(os.Stderr, "torture:", err)
				return 2
			}
			fmt.Printf("wrote %s\n", *expect)
		} else {
			exp, err := torture.LoadExpectations(*expect)
			if err != nil {
				fmt.Fprintln(os.Stderr, "torture:", err)
				return 2
			}
			regressions, newPasses := exp.Compare(results)
			for _, res := range regressions {
				fmt.Printf("REGRESSION %s: %s\n", res.Name, res.Reason)
			}
			for _, res := range newPasses {
				fmt.Printf("NEW PASS %s (remove it from %s)\n", res.Name, *expect)
			}
			fmt.Printf("%d regressions, %d new passes against %s\n", len(regressions), len(newPasses), *expect)
			if len(regressions) > 0 {
				code = 1
			}
		}
	} else if failed > 0 {
		code = 1
	}
	fmt.Printf("%d passed, %d failed\n", passed, failed)
	return code
}
