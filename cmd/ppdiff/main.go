// Command ppdiff compares gocc's preprocessor with gcc's on a corpus (package
// gocc/preproc/ppdiff does the work).
//
//	go run ./cmd/ppdiff [--gocc bin/gocc] [--corpus torture,headers] [--mode tokens|text|deps]
//	                    [--lines] [--fast] [--jobs 1] [--filter RE] [--flags '-m32']
//	                    [--expect preproc/ppdiff/expect-tokens.txt] [--update-expect]
//	go run ./cmd/ppdiff --bench N [--corpus headers] [--fast]
//
// Both compilers get the same flags and the same include search path (-nostdinc, then
// -isystem gcc's own include directory and the system directories). The torture corpus
// is every .c of gcc.c-torture/compile and execute (extracted into
// os.UserCacheDir()/gocc/testsuite on first use); the headers corpus is one generated
// `#include <h>` file per header under the system directories and gcc's own; the kernel
// corpus is every C and .S file of the x86-64 tinyconfig Linux 6.1 build that `make
// kernel-syntax` makes (os.UserCacheDir()/gocc/kernel), with kbuild's flags and search
// path, run in the kernel tree. A file gcc
// rejects is skipped. It prints one line per differing file, "ERROR <file>: first
// difference at line N: gocc 'x' gcc 'y'" (N is the line of gcc's output), a count per
// corpus, and last "N passed, M failed"; the full log, with both outputs of each
// failure, goes to $TMPDIR/gocc-ppdiff-<mode>/. With --expect, failures listed in the
// expectations file ("name: reason") are known and only regressions make the exit
// status non-zero. With --bench N it compares nothing and instead times gocc -E and
// gcc -E over the corpus (N rounds each, one process at a time) and prints the ratio.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"gocc/kernel"
	"gocc/preproc/ppdiff"
	"gocc/torture"
)

func main() {
	os.Exit(run())
}

func run() int {
	gocc := flag.String("gocc", "bin/gocc", "gocc binary to test")
	gcc := flag.String("gcc", "gcc", "the reference gcc")
	corpora := flag.String("corpus", "torture,headers", "comma-separated corpora: torture, headers, kernel")
	mode := flag.String("mode", "tokens", "tokens (-E output token by token), text (-E output byte for byte) or deps (-M family output)")
	lines := flag.Bool("lines", false, "tokens mode: also compare each token's presumed file:line (line markers)")
	fast := flag.Bool("fast", false, "check a fixed tenth of each corpus (every 10th by name)")
	jobs := flag.Int("jobs", 1, "files checked in parallel")
	filter := flag.String("filter", "", "check only files whose name matches this regexp")
	extra := flag.String("flags", "", "extra flags for both compilers (space-separated), e.g. -m32")
	multiarch := flag.String("multiarch", "x86_64-linux-gnu", "multiarch directory under /usr/include")
	expect := flag.String("expect", "", "expectations file (known differences); exit non-zero only on regressions")
	update := flag.Bool("update-expect", false, "rewrite the --expect file with this run's failures")
	logDir := flag.String("log", "", "log directory (default: $TMPDIR/gocc-ppdiff-<mode>)")
	bench := flag.Int("bench", 0, "instead of comparing, time gocc -E and gcc -E over the corpus this many rounds each")
	flag.Parse()

	say := func(s string) { fmt.Fprintln(os.Stderr, "ppdiff: "+s) }
	fail := func(err error) int { fmt.Fprintln(os.Stderr, "ppdiff:", err); return 2 }

	goccPath, err := filepath.Abs(*gocc)
	if err != nil {
		return fail(err)
	}
	if _, err := os.Stat(goccPath); err != nil {
		return fail(fmt.Errorf("%v (run make build first)", err))
	}
	search, err := ppdiff.SearchFlags(*gcc, *multiarch)
	if err != nil {
		return fail(err)
	}
	if *logDir == "" {
		*logDir = filepath.Join(os.TempDir(), "gocc-ppdiff-"+*mode)
	}
	os.RemoveAll(*logDir)
	if err := os.MkdirAll(*logDir, 0o755); err != nil {
		return fail(err)
	}
	work, err := os.MkdirTemp("", "gocc-ppdiff-work-")
	if err != nil {
		return fail(err)
	}
	defer os.RemoveAll(work)
	cacheBase, err := os.UserCacheDir()
	if err != nil {
		cacheBase = os.TempDir()
	}
	cache := filepath.Join(cacheBase, "gocc", "testsuite")

	var re *regexp.Regexp
	if *filter != "" {
		if re, err = regexp.Compile(*filter); err != nil {
			return fail(fmt.Errorf("--filter: %v", err))
		}
	}
	c := &ppdiff.Checker{Gocc: goccPath, GCC: *gcc, Search: search, Extra: strings.Fields(*extra),
		Mode: ppdiff.Mode(*mode), Lines: *lines, WorkDir: work, Timeout: 60 * time.Second}
	if c.Mode != ppdiff.ModeTokens && c.Mode != ppdiff.ModeText && c.Mode != ppdiff.ModeDeps {
		return fail(fmt.Errorf("--mode %s: want tokens, text or deps", *mode))
	}

	logFile, err := os.Create(filepath.Join(*logDir, "ppdiff.log"))
	if err != nil {
		return fail(err)
	}
	defer logFile.Close()
	fmt.Fprintf(logFile, "gocc %s, gcc %s, mode %s, search path %s\n", goccPath, *gcc, *mode, strings.Join(search, " "))

	var all []ppdiff.Result
	var counts []string
	for _, corpus := range strings.Split(*corpora, ",") {
		var items []ppdiff.Item
		switch corpus {
		case "torture":
			items, err = ppdiff.TortureItems(cache, say)
		case "kernel":
			items, err = ppdiff.KernelItems(filepath.Join(cacheBase, "gocc", "kernel", kernel.ManifestName))
		case "headers":
			var dirs []string
			for i := 0; i+1 < len(search); i++ {
				if search[i] == "-isystem" {
					dirs = append(dirs, search[i+1])
				}
			}
			items, err = ppdiff.HeaderItems(work, dirs)
		default:
			err = fmt.Errorf("unknown corpus %q", corpus)
		}
		if err != nil {
			return fail(err)
		}
		if *fast {
			items = ppdiff.Sample(items)
		}
		if re != nil {
			var kept []ppdiff.Item
			for _, it := range items {
				if re.MatchString(it.Name) {
					kept = append(kept, it)
				}
			}
			items = kept
		}
		if *bench > 0 {
			r := ppdiff.Bench(c, items, *bench)
			fmt.Printf("bench %s: %d files x %d rounds: gocc -E %v, gcc -E %v, gocc/gcc %.2f\n", corpus, r.Files, *bench,
				r.Gocc.Round(time.Millisecond), r.GCC.Round(time.Millisecond), r.Gocc.Seconds()/r.GCC.Seconds())
			continue
		}
		say(fmt.Sprintf("%s: %d files, %d jobs", corpus, len(items), *jobs))
		start := time.Now()
		results := ppdiff.RunAll(c, items, *jobs, func(r ppdiff.Result) {
			verdict := "PASS"
			switch {
			case r.Skip != "":
				verdict = "SKIP " + r.Skip
			case !r.Pass:
				verdict = "FAIL " + r.Reason
				base := filepath.Join(*logDir, strings.ReplaceAll(r.Item.Name, "/", "__"))
				if r.GCCOut != nil {
					os.WriteFile(base+".gcc", r.GCCOut, 0o644)
					os.WriteFile(base+".gocc", r.GoOut, 0o644)
				}
			}
			fmt.Fprintf(logFile, "=== %s: %s\n%s", r.Item.Name, verdict, r.Log)
		})
		passed, failed, skipped := 0, 0, 0
		for _, r := range results {
			switch {
			case r.Skip != "":
				skipped++
			case r.Pass:
				passed++
			default:
				failed++
				fmt.Printf("ERROR %s: %s\n", r.Item.Name, r.Reason)
			}
		}
		counts = append(counts, fmt.Sprintf("%s: %d passed, %d failed, %d skipped (gcc rejects them) in %v",
			corpus, passed, failed, skipped, time.Since(start).Round(time.Second)))
		all = append(all, results...)
	}
	if *bench > 0 {
		return 0
	}
	for _, l := range counts {
		fmt.Println(l)
		fmt.Fprintln(logFile, l)
	}
	fmt.Printf("full log: %s\n", logFile.Name())

	passed, failed := 0, 0
	var tr []torture.Result // expectations use package torture's format and logic
	for _, r := range all {
		if r.Skip != "" {
			continue
		}
		if r.Pass {
			passed++
		} else {
			failed++
		}
		tr = append(tr, torture.Result{Name: r.Item.Name, Pass: r.Pass, Reason: r.Reason})
	}
	code := 0
	switch {
	case *expect != "" && *update:
		header := fmt.Sprintf("# Known differences of gocc's preprocessor from gcc's (ppdiff --mode %s): \"name: reason\" per line.\n"+
			"# Regenerate: make build && go run ./cmd/ppdiff --mode %s --expect %s --update-expect\n", *mode, *mode, *expect)
		if err := os.WriteFile(*expect, torture.FormatExpectations(header, tr), 0o644); err != nil {
			return fail(err)
		}
		fmt.Printf("wrote %s\n", *expect)
	case *expect != "":
		exp, err := torture.LoadExpectations(*expect)
		if err != nil {
			return fail(err)
		}
		regressions, newPasses := exp.Compare(tr)
		for _, r := range regressions {
			fmt.Printf("REGRESSION %s: %s\n", r.Name, r.Reason)
		}
		for _, r := range newPasses {
			fmt.Printf("NEW PASS %s (remove it from %s)\n", r.Name, *expect)
		}
		fmt.Printf("%d regressions, %d new passes against %s\n", len(regressions), len(newPasses), *expect)
		if len(regressions) > 0 {
			code = 1
		}
	case failed > 0:
		code = 1
	}
	fmt.Printf("%d passed, %d failed\n", passed, failed)
	return code
}
