// Command gocc is a C compiler that works as a drop-in replacement for cc: it takes
// gcc's command line, compiles C with gocc's own pipeline (preproc, parser, sema,
// irgen, opt, codegen), and runs GNU as and ld for the rest. It never runs gcc.
//
// Exit status: 0 on success, 1 for errors in the input or on the command line (like
// gcc), 4 for an internal compiler error, 128+n when killed by signal n.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"syscall"
)

func main() {
	temps := &tempFiles{}
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		s := <-sigs
		temps.removeAll()
		os.Exit(128 + int(s.(syscall.Signal)))
	}()
	if os.Getenv("GOGC") == "" {
		// A compiler run is short and allocates much that stays live to its end (the
		// preprocessor's macro tables, the AST): collecting at 4x the live heap rather
		// than 2x spends a third less time in the collector (gocc -E on Linux's
		// mm/memory.c) for a bounded growth of the peak.
		debug.SetGCPercent(400)
	}
	stopProfile := startProfile(os.Getenv("GOCCCPUPROFILE"))
	if os.Getenv("GOCCMEMPROFILE") != "" {
		runtime.MemProfileRate = 4096
	}
	code := run(append(targetFromProgName(os.Args[0]), os.Args[1:]...), os.Stdin, os.Stdout, os.Stderr, os.Getenv, temps)
	stopProfile()
	writeMemProfile(os.Getenv("GOCCMEMPROFILE"))
	temps.removeAll()
	os.Exit(code)
}

// startProfile writes a CPU profile of the whole run to path when it is set (for
// `go tool pprof bin/gocc path`), and returns the function that finishes it.
func startProfile(path string) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "gocc: warning: GOCCCPUPROFILE: %v\n", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(os.Stderr, "gocc: warning: GOCCCPUPROFILE: %v\n", err)
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// writeMemProfile writes the allocations of the whole run to path when it is set (for
// `go tool pprof -sample_index=alloc_space bin/gocc path`).
func writeMemProfile(path string) {
	if path == "" {
		return
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.Lookup("allocs").WriteTo(f, 0)
		f.Close()
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "gocc: warning: GOCCMEMPROFILE: %v\n", err)
	}
}

// targetFromProgName returns "--target=<triple>" for a gocc invoked under a
// cross name, "<triple>-gocc" (aarch64-linux-gnu-gocc), as gcc's cross drivers are
// named; an explicit --target or -m32 later on the command line still wins.
func targetFromProgName(prog string) []string {
	triple, ok := strings.CutSuffix(filepath.Base(prog), "-gocc")
	if !ok || triple == "" {
		return nil
	}
	return []string{"--target=" + triple}
}

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1
	exitICE   = 4
)

// run is the whole driver, with its environment passed in so tests can call it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string, temps *tempFiles) int {
	args, err := expandResponseFiles(args)
	if err != nil {
		fmt.Fprintf(stderr, "gocc: error: %v\n", err)
		return exitError
	}
	opts, err := parseArgs(args)
	if err != nil {
		fmt.Fprintf(stderr, "gocc: error: %v\n", err)
		return exitError
	}
	d, err := newDriver(opts, stdin, stdout, stderr, getenv, temps)
	if err != nil {
		fmt.Fprintf(stderr, "gocc: error: %v\n", err)
		return exitError
	}
	err = func() (err error) {
		// A panic outside the compiler stages (in the driver itself) is an internal
		// compiler error too; the stages recover their own to name themselves.
		defer func() {
			if r := recover(); r != nil {
				err = &iceError{stage: "driving", file: strings.Join(args, " "), msg: fmt.Sprint(r), stack: debug.Stack()}
			}
		}()
		return d.run()
	}()
	var ice *iceError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ice):
		fmt.Fprintf(stderr, "gocc: internal compiler error: %s (during %s of %s)\n", ice.msg, ice.stage, ice.file)
		if getenv("GOCCSTACK") != "" {
			stderr.Write(ice.stack)
		}
		return exitICE
	case errors.Is(err, errReported):
		return exitError
	}
	fmt.Fprintf(stderr, "gocc: error: %v\n", err)
	return exitError
}

// errReported means the diagnostics were already printed; exit with status 1.
var errReported = errors.New("errors reported")

// iceError is a panic inside a compiler stage.
type iceError struct {
	stage, file, msg string
	stack            []byte
}

func (e *iceError) Error() string { return e.msg }
