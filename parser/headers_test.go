package parser

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gocc/diag"
	"gocc/lexer"
)

// commonHeaders are parsed after preprocessing by gcc (the test oracle): they must parse
// with zero errors.
var commonHeaders = []string{
	"assert.h", "complex.h", "ctype.h", "errno.h", "fenv.h", "float.h", "inttypes.h",
	"limits.h", "locale.h", "math.h", "setjmp.h", "signal.h", "stdarg.h", "stdatomic.h",
	"stdbool.h", "stddef.h", "stdint.h", "stdio.h", "stdlib.h", "string.h", "strings.h",
	"tgmath.h", "threads.h", "time.h", "uchar.h", "wchar.h", "wctype.h", "pthread.h",
	"unistd.h", "fcntl.h", "dirent.h", "dlfcn.h", "getopt.h", "glob.h", "grp.h", "iconv.h",
	"langinfo.h", "libgen.h", "netdb.h", "poll.h", "pwd.h", "regex.h", "sched.h",
	"search.h", "semaphore.h", "spawn.h", "syslog.h", "termios.h", "utime.h",
	"arpa/inet.h", "netinet/in.h", "netinet/tcp.h", "sys/mman.h", "sys/socket.h",
	"sys/stat.h", "sys/time.h", "sys/types.h", "sys/wait.h", "sys/ioctl.h",
	"sys/resource.h", "sys/select.h", "sys/uio.h", "sys/utsname.h", "sys/epoll.h",
	"x86intrin.h",
}

// preprocess runs gcc -E -P on src (a file) with extra flags and returns its output.
func preprocess(t *testing.T, path string, flags ...string) ([]byte, error) {
	args := append([]string{"-E", "-P"}, flags...)
	args = append(args, path)
	return exec.Command("gcc", args...).Output()
}

func parseText(name string, text []byte) *diag.List {
	diags := &diag.List{}
	f := &diag.File{Name: name, Contents: text}
	toks := lexer.Tokenize(f, diags)
	Parse(name, toks, diags)
	return diags
}

func errorsOf(l *diag.List) []string {
	var out []string
	for _, d := range l.Diags {
		if d.Severity >= diag.Error {
			out = append(out, d.Error())
		}
	}
	return out
}

// TestSystemHeaders parses the common glibc and gcc headers, each alone (so an error
// points at one header) and all together with _GNU_SOURCE.
func TestSystemHeaders(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("gcc not found: it is the oracle that preprocesses the headers")
	}
	dir := t.TempDir()
	var all strings.Builder
	all.WriteString("#define _GNU_SOURCE 1\n")
	for _, h := range commonHeaders {
		all.WriteString("#include <" + h + ">\n")
	}
	path := filepath.Join(dir, "all.c")
	if err := os.WriteFile(path, []byte(all.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, flags := range [][]string{{"-std=gnu17"}, {"-std=c11"}, {"-std=gnu17", "-O2"}} {
		out, err := preprocess(t, path, flags...)
		if err != nil {
			t.Fatalf("gcc -E %v: %v", flags, err)
		}
		diags := parseText("all.i", out)
		if errs := errorsOf(diags); len(errs) > 0 {
			t.Errorf("%v: %d errors parsing the headers; first: %s", flags, len(errs), strings.Join(errs[:min(len(errs), 10)], "\n"))
			os.WriteFile(filepath.Join(os.TempDir(), "gocc-parser-headers.i"), out, 0o644)
		}
	}
}

// TestGCCTorture parses every file of the gcc testsuite (C torture tests) if a copy of
// the gcc sources is installed; it logs a total and lists the failures.
func TestGCCTorture(t *testing.T) {
	const root = "/usr/share/gcc-12-source"
	if _, err := os.Stat(root); err != nil {
		t.Skip(root + " is not installed (Debian package gcc-12-source); skipping the torture corpus")
	}
	if testing.Short() {
		t.Skip("corpus test skipped in -short mode")
	}
	var files []string
	filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && strings.HasSuffix(p, ".c") && strings.Contains(p, "gcc.c-torture") {
			files = append(files, p)
		}
		return nil
	})
	failed := 0
	for _, f := range files {
		out, err := preprocess(t, f, "-w")
		if err != nil {
			continue // gcc itself rejects it
		}
		if errs := errorsOf(parseText(f, out)); len(errs) > 0 {
			failed++
			t.Logf("%s: %s", f, errs[0])
		}
	}
	t.Logf("torture: %d files, %d with parse errors", len(files), failed)
}
