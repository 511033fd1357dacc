// Command nocrash runs gocc over gcc's testsuite directories — gcc.dg,
// gcc.c-torture/compile and gcc.c-torture/execute by default — and counts crashes
// (internal compiler errors, signals), hangs and how the files that expect errors
// were treated. Files with dg-error lines go through -fsyntax-only, the rest through
// -S. Many files are invalid on purpose; rejecting them with diagnostics is fine.
//
//	go run ./cmd/nocrash [--gocc bin/gocc] [--jobs 2] [--fast] [--timeout 30s] [--dirs gcc.dg,...]
//	                     [--syntax] [--compare-gcc [--expect torture/expect-syntax.txt]]
//
// With --compare-gcc, gcc -fsyntax-only gives each file's verdict too: the run reports
// how many of the files gcc rejects gocc also rejects, and counts a file gcc accepts
// but gocc rejects as a failure unless the expectations file lists it with a reason.
//
// It prints "ERROR <file>: crash|hang: <detail>" per failure, a summary per
// directory, and "N passed, M failed" last (a pass is a file compiled or rejected
// cleanly); the full list of verdicts goes to $TMPDIR/gocc-nocrash.log.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"gocc/torture"
)

func main() { os.Exit(run()) }

func run() int {
	gocc := flag.String("gocc", "bin/gocc", "gocc binary to test")
	jobs := flag.Int("jobs", 2, "files compiled in parallel")
	fast := flag.Bool("fast", false, "every 10th file of each directory")
	limit := flag.Duration("timeout", 30*time.Second, "time limit per file")
	dirs := flag.String("dirs", "gcc.dg,gcc.c-torture/compile,gcc.c-torture/execute", "testsuite directories")
	logPath := flag.String("log", filepath.Join(os.TempDir(), "gocc-nocrash.log"), "full log")
	syntax := flag.Bool("syntax", false, "run gocc with -fsyntax-only on every file (the front end only)")
	compare := flag.Bool("compare-gcc", false, "also run gcc -fsyntax-only: a file gcc accepts and gocc rejects is a failure, unless listed in --expect")
	expectPath := flag.String("expect", "", "with --compare-gcc: known rejections, \"dir/file: reason\" per line")
	flag.Parse()
	var expect torture.Expectations
	if *expectPath != "" {
		e, err := torture.LoadExpectations(*expectPath)
		if err != nil {
			fmt.Fprintln(os.Stderr, "nocrash:", err)
			return 2
		}
		expect = e
	}
	usedExpect := map[string]bool{}

	goccPath, err := filepath.Abs(*gocc)
	if err != nil {
		fmt.Fprintln(os.Stderr, "nocrash:", err)
		return 2
	}
	cacheBase, err := os.UserCacheDir()
	if err != nil {
		cacheBase = os.TempDir()
	}
	cache := filepath.Join(cacheBase, "gocc", "testsuite")
	say := func(s string) { fmt.Fprintln(os.Stderr, "nocrash: "+s) }
	work, err := os.MkdirTemp("", "gocc-nocrash-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "nocrash:", err)
		return 2
	}
	defer os.RemoveAll(work)
	logFile, err := os.Create(*logPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, "nocrash:", err)
		return 2
	}
	defer logFile.Close()

	type tally struct {
		compiled, rejected, crash, hang, expectErr, expectErrRejected int
		gccRejects, bothReject, goccOnlyRejects, known                int
	}
	totalPassed, totalFailed := 0, 0
	for _, rel := range strings.Split(*dirs, ",") {
		root, err := torture.EnsureTestsuite(cache, rel, say)
		if err != nil {
			fmt.Fprintln(os.Stderr, "nocrash:", err)
			return 2
		}
		files, err := torture.CorpusFiles(root)
		if err != nil {
			fmt.Fprintln(os.Stderr, "nocrash:", err)
			return 2
		}
		if *fast {
			var sample []torture.CorpusFile
			for i := 0; i < len(files); i += 10 {
				sample = append(sample, files[i])
			}
			files = sample
		}
		say(fmt.Sprintf("%s: %d files", rel, len(files)))
		var (
			mu   sync.Mutex
			t    tally
			wg   sync.WaitGroup
			next = make(chan torture.CorpusFile)
		)
		for w := 0; w < max(*jobs, 1); w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for f := range next {
					r := torture.CheckNoCrash(goccPath, f, work, *limit, *syntax)
					gccOK := true
					if *compare {
						gccOK = torture.GCCAccepts(f, work, *limit)
					}
					name := rel + "/" + f.Name
					mu.Lock()
					fmt.Fprintf(logFile, "%s: %s %s (gcc accepts: %v)\n", name, r.Class, r.Detail, gccOK)
					if *compare {
						rejected := r.Class == torture.NoCrashRejected
						switch {
						case !gccOK:
							t.gccRejects++
							if rejected {
								t.bothReject++
							}
						case rejected && expect[name] != "":
							t.known++
							usedExpect[name] = true
						case rejected:
							t.goccOnlyRejects++
							fmt.Printf("ERROR %s: gocc rejects what gcc accepts: %s\n", name, r.Detail)
						}
					}
					switch r.Class {
					case torture.NoCrashCompiled:
						t.compiled++
					case torture.NoCrashRejected:
						t.rejected++
					case torture.NoCrashCrash:
						t.crash++
					case torture.NoCrashHang:
						t.hang++
					}
					if f.ExpectsErr {
						t.expectErr++
						if r.Class == torture.NoCrashRejected {
							t.expectErrRejected++
						}
					}
					if r.Failed() {
						fmt.Printf("ERROR %s/%s: %s: %s\n", rel, f.Name, r.Class, r.Detail)
					}
					mu.Unlock()
				}
			}()
		}
		for _, f := range files {
			next <- f
		}
		close(next)
		wg.Wait()
		fmt.Printf("%s: %d files: %d compiled, %d rejected, %d crashes, %d hangs; of %d expecting errors, %d rejected\n",
			rel, len(files), t.compiled, t.rejected, t.crash, t.hang, t.expectErr, t.expectErrRejected)
		if *compare {
			fmt.Printf("%s: gcc rejects %d files, gocc rejects %d of them; gocc rejects %d files gcc accepts (%d more known, listed in %s)\n",
				rel, t.gccRejects, t.bothReject, t.goccOnlyRejects, t.known, *expectPath)
		}
		totalPassed += t.compiled + t.rejected - t.goccOnlyRejects
		totalFailed += t.crash + t.hang + t.goccOnlyRejects
	}
	for name := range expect {
		if !usedExpect[name] && *compare && !*fast {
			fmt.Printf("NEW PASS %s (gocc accepts it now: remove it from %s)\n", name, *expectPath)
		}
	}
	fmt.Printf("full log: %s\n", *logPath)
	fmt.Printf("%d passed, %d failed\n", totalPassed, totalFailed)
	if totalFailed > 0 {
		return 1
	}
	return 0
}
