// Command kernelsyntax checks that gocc accepts every C file of an x86-64 tinyconfig
// Linux build with the exact flags kbuild passed to gcc, -fsyntax-only added.
//
//	go run ./cmd/kernelsyntax [--gocc bin/gocc] [--fast] [--filter RE] [--jobs 1]
//	                          [--build-jobs 2] [--log FILE] [--list]
//
// On first use it extracts Debian's linux-source-6.1 into os.UserCacheDir()/gocc/kernel,
// configures it with `make ARCH=x86_64 tinyconfig` and builds it with gcc (a few
// minutes, cached). Each run then reads kbuild's .o.cmd files, writes the C files and
// their flags to commands.json in the same directory (format in kernel/README.md), and
// runs gocc on each file in the kernel tree. It prints "ERROR <file>: <first error
// line>" per rejected file and last "N passed, M failed"; gocc's full output goes to the
// log file. It exits 1 if any file fails. With --list it only writes the manifest.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"time"

	"gocc/kernel"
)

func main() {
	os.Exit(run())
}

func run() int {
	gocc := flag.String("gocc", "bin/gocc", "gocc binary to test")
	fast := flag.Bool("fast", false, "check a fixed tenth of the files (every 10th by name)")
	filter := flag.String("filter", "", "check only files whose path matches this regexp")
	jobs := flag.Int("jobs", 1, "files checked in parallel")
	buildJobs := flag.Int("build-jobs", 2, "make -j for the one-time gcc build of the kernel")
	timeout := flag.Duration("timeout", 60*time.Second, "time limit per file")
	logPath := flag.String("log", filepath.Join(os.TempDir(), "gocc-kernel-syntax.log"), "log file with gocc's full output per file")
	listOnly := flag.Bool("list", false, "only build the kernel (if needed) and write the manifest")
	flag.Parse()
	fail := func(err error) int {
		fmt.Fprintln(os.Stderr, "kernelsyntax:", err)
		return 2
	}
	say := func(s string) { fmt.Fprintln(os.Stderr, "kernelsyntax: "+s) }

	cacheBase, err := os.UserCacheDir()
	if err != nil {
		cacheBase = os.TempDir()
	}
	cache := filepath.Join(cacheBase, "gocc", "kernel")
	tree, err := kernel.EnsureBuilt(cache, *buildJobs, say)
	if err != nil {
		return fail(err)
	}
	cmds, err := kernel.Collect(tree)
	if err != nil {
		return fail(err)
	}
	if len(cmds) == 0 {
		return fail(fmt.Errorf("no kernel C files found in the .o.cmd files under %s", tree))
	}
	manifest := filepath.Join(cache, kernel.ManifestName)
	if err := kernel.WriteManifest(manifest, &kernel.Manifest{Tree: tree, Arch: kernel.Arch, Config: kernel.Config, Files: cmds}); err != nil {
		return fail(err)
	}
	say(fmt.Sprintf("%d C files; manifest: %s", len(cmds), manifest))
	if *listOnly {
		return 0
	}

	goccPath, err := filepath.Abs(*gocc)
	if err != nil {
		return fail(err)
	}
	if _, err := os.Stat(goccPath); err != nil {
		return fail(fmt.Errorf("%v (run make build first)", err))
	}
	if *fast {
		cmds = kernel.Sample(cmds)
	}
	if *filter != "" {
		re, err := regexp.Compile(*filter)
		if err != nil {
			return fail(fmt.Errorf("--filter: %v", err))
		}
		var kept []kernel.Command
		for _, c := range cmds {
			if re.MatchString(c.File) {
				kept = append(kept, c)
			}
		}
		cmds = kept
	}
	logFile, err := os.Create(*logPath)
	if err != nil {
		return fail(err)
	}
	defer logFile.Close()
	say(fmt.Sprintf("checking %d files with %s -fsyntax-only in %s", len(cmds), goccPath, tree))

	results := make([]kernel.Result, len(cmds))
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
	for w := 0; w < max(*jobs, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= len(cmds) {
					return
				}
				r := kernel.Check(goccPath, tree, cmds[i], *timeout)
				results[i] = r
				verdict := "PASS"
				if !r.Pass {
					verdict = "FAIL " + r.Reason
				}
				mu.Lock()
				fmt.Fprintf(logFile, "=== %s: %s\n%s\n", r.File, verdict, r.Output)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()

	passed, failed := 0, 0
	for _, r := range results {
		if r.Pass {
			passed++
			continue
		}
		failed++
		fmt.Printf("ERROR %s: %s\n", r.File, r.Reason)
	}
	fmt.Printf("full log: %s\n", *logPath)
	fmt.Printf("%d passed, %d failed\n", passed, failed)
	if failed > 0 {
		return 1
	}
	return 0
}
