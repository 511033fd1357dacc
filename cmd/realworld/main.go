// Command realworld builds real C projects with gocc through their own build
// systems and runs their tests (torture/realworld.go lists them):
//
//	go run ./cmd/realworld [--gocc bin/gocc] [--fast] [--only RE]
//
// It prints one line per failing project, "ERROR <project>: <reason>", and last
// "N passed, M failed"; the full output of every command goes to a log file whose
// path it prints. --fast runs the quick projects only (CMake, autoconf, make -MD).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"gocc/torture"
)

func main() {
	os.Exit(run())
}

func run() int {
	gocc := flag.String("gocc", "bin/gocc", "gocc binary to test")
	fast := flag.Bool("fast", false, "only the quick projects")
	only := flag.String("only", "", "run only the projects whose name matches this regexp")
	flag.Parse()

	goccPath, err := filepath.Abs(*gocc)
	if err == nil {
		_, err = os.Stat(goccPath)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "realworld: gocc binary: %v (run make build)\n", err)
		return 2
	}
	repo, _ := os.Getwd()
	cacheBase, err := os.UserCacheDir()
	if err != nil {
		cacheBase = os.TempDir()
	}
	cache := filepath.Join(cacheBase, "gocc", "realworld")
	if err := os.MkdirAll(cache, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	work, err := os.MkdirTemp(cache, "run-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	logPath := filepath.Join(cache, "log.txt")
	logFile, err := os.Create(logPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer logFile.Close()
	var filter *regexp.Regexp
	if *only != "" {
		if filter, err = regexp.Compile(*only); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
	}
	rw := &torture.RealWorld{Gocc: goccPath, Repo: repo, CacheDir: cache, WorkDir: work, Log: logFile}
	passed, failed := 0, 0
	for _, p := range torture.RealProjects {
		if *fast && !p.Fast || filter != nil && !filter.MatchString(p.Name) {
			continue
		}
		fmt.Fprintf(logFile, "\n===== %s\n", p.Name)
		fmt.Fprintf(os.Stderr, "realworld: %s\n", p.Name)
		if err := p.Run(rw); err != nil {
			fmt.Printf("ERROR %s: %v\n", p.Name, err)
			fmt.Fprintf(logFile, "===== %s: FAIL: %v\n", p.Name, err)
			failed++
			continue
		}
		fmt.Fprintf(logFile, "===== %s: PASS\n", p.Name)
		passed++
	}
	if failed == 0 {
		os.RemoveAll(work)
	} else {
		fmt.Printf("builds kept in %s\n", work)
	}
	fmt.Printf("full log: %s\n", logPath)
	fmt.Printf("%d passed, %d failed\n", passed, failed)
	if failed > 0 {
		return 1
	}
	return 0
}
