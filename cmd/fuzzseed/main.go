// Command fuzzseed writes the seed corpora of gocc's fuzz targets: a fixed sample of
// the GCC torture suite's execute tests (every 30th file by name, at most 8 KB each),
// in the corpus format of go test -fuzz, into <package>/testdata/fuzz/<target>/.
//
//	go run ./cmd/fuzzseed [--torture ~/.cache/gocc/torture/execute] [--repo .]
//
// The torture files are extracted by the torture runner (go run ./cmd/torture).
// Inputs the fuzzer itself finds interesting land in Go's cache; copy the ones worth
// keeping next to these seeds.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
)

// targets are the fuzz targets and their packages.
var targets = []struct{ pkg, name string }{
	{"lexer", "FuzzTokenize"},
	{"preproc", "FuzzPreprocess"},
	{"parser", "FuzzParse"},
	{"sema", "FuzzCheck"},
	{"cmd/gocc", "FuzzCompile"},
}

const (
	stride  = 30
	maxSize = 8 << 10
)

func main() {
	cache, _ := os.UserCacheDir()
	torture := flag.String("torture", filepath.Join(cache, "gocc", "torture", "execute"), "extracted torture execute directory")
	repo := flag.String("repo", ".", "the gocc repository")
	flag.Parse()
	files, err := filepath.Glob(filepath.Join(*torture, "*.c"))
	if err != nil || len(files) == 0 {
		fmt.Fprintf(os.Stderr, "fuzzseed: no torture files in %s (run go run ./cmd/torture once)\n", *torture)
		os.Exit(1)
	}
	sort.Strings(files)
	var seeds []string
	for i := 0; i < len(files); i += stride {
		if st, err := os.Stat(files[i]); err == nil && st.Size() <= maxSize {
			seeds = append(seeds, files[i])
		}
	}
	for _, t := range targets {
		dir := filepath.Join(*repo, t.pkg, "testdata", "fuzz", t.name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			fmt.Fprintln(os.Stderr, "fuzzseed:", err)
			os.Exit(1)
		}
		for _, f := range seeds {
			src, err := os.ReadFile(f)
			if err != nil {
				fmt.Fprintln(os.Stderr, "fuzzseed:", err)
				os.Exit(1)
			}
			entry := "go test fuzz v1\n[]byte(" + strconv.Quote(string(src)) + ")\n"
			name := "torture-" + filepath.Base(f[:len(f)-2])
			if err := os.WriteFile(filepath.Join(dir, name), []byte(entry), 0o644); err != nil {
				fmt.Fprintln(os.Stderr, "fuzzseed:", err)
				os.Exit(1)
			}
		}
		fmt.Printf("%s: %d seeds in %s\n", t.name, len(seeds), dir)
	}
}
