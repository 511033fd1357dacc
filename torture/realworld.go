package torture

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"
)

// Real projects built with CC=gocc through their own build systems (issue 7): zlib
// and libiberty from Debian's binutils-source, a CMake and an autoconf project of
// testdata/realworld, a two-directory make -j2 build with -MD dependency files
// rebuilt after a header changes, and the same build through ccache and through a
// distccd on loopback.

// binutilsTarball is Debian's binutils-source, which carries zlib and libiberty with
// their tests.
const binutilsTarball = "/usr/src/binutils/binutils-2.40.tar.xz"

// RealWorld is the configuration of one run.
type RealWorld struct {
	Gocc     string    // absolute path of the gocc binary
	Repo     string    // the gocc checkout (for testdata/realworld)
	CacheDir string    // where the binutils sources are extracted, once
	WorkDir  string    // a fresh directory for this run's builds
	Log      io.Writer // full output of every command
}

// RealProject is one real-project check; Run returns nil when the project built and
// passed its tests.
type RealProject struct {
	Name string
	Fast bool // part of the --fast sample
	Run  func(rw *RealWorld) error
}

// RealProjects lists the checks, in the order they run.
var RealProjects = []RealProject{
	{"zlib", false, (*RealWorld).zlib},
	{"libiberty", false, (*RealWorld).libiberty},
	{"cmake", true, (*RealWorld).cmake},
	{"autoconf", true, (*RealWorld).autoconf},
	{"make-deps", true, (*RealWorld).makeDeps},
	{"ccache", false, (*RealWorld).ccache},
	{"distcc", false, (*RealWorld).distcc},
}

// cmd runs a command in dir with extra environment, logging its output; the error
// carries the last lines of the output.
func (rw *RealWorld) cmd(dir string, env []string, stdin []byte, name string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	c := exec.CommandContext(ctx, name, args...)
	c.Dir = dir
	c.Env = append(os.Environ(), env...)
	if stdin != nil {
		c.Stdin = bytes.NewReader(stdin)
	}
	var out bytes.Buffer
	c.Stdout, c.Stderr = &out, &out
	fmt.Fprintf(rw.Log, "\n$ (cd %s && %s %s)\n", dir, name, strings.Join(args, " "))
	err := c.Run()
	if bytes.IndexByte(out.Bytes(), 0) >= 0 || !utf8.Valid(out.Bytes()) {
		fmt.Fprintf(rw.Log, "(%d bytes of binary output)\n", out.Len())
	} else {
		rw.Log.Write(out.Bytes())
	}
	if err != nil {
		return out.Bytes(), fmt.Errorf("%s %s: %v: %s", filepath.Base(name), strings.Join(args, " "), err, lastLines(out.Bytes(), 3))
	}
	return out.Bytes(), nil
}

func lastLines(b []byte, n int) string {
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}

// binutils returns the extracted binutils-2.40 tree (zlib, libiberty and the shared
// autoconf files), extracting it on first use.
func (rw *RealWorld) binutils() (string, error) {
	dir := filepath.Join(rw.CacheDir, "binutils-2.40")
	if _, err := os.Stat(filepath.Join(dir, ".complete")); err == nil {
		return dir, nil
	}
	if _, err := os.Stat(binutilsTarball); err != nil {
		return "", fmt.Errorf("%s missing: make deps installs binutils-source", binutilsTarball)
	}
	tmp, err := os.MkdirTemp(rw.CacheDir, "extract-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	members := []string{"zlib", "libiberty", "include", "config", "config.guess", "config.sub", "install-sh",
		"ltmain.sh", "missing", "mkinstalldirs", "move-if-change", "symlink-tree", "depcomp", "compile",
		"test-driver", "ar-lib"}
	args := []string{"-xJf", binutilsTarball, "-C", tmp}
	for _, m := range members {
		args = append(args, "binutils-2.40/"+m)
	}
	if _, err := rw.cmd(rw.CacheDir, nil, nil, "tar", args...); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(tmp, "binutils-2.40", ".complete"), nil, 0o644); err != nil {
		return "", err
	}
	os.RemoveAll(dir)
	return dir, os.Rename(filepath.Join(tmp, "binutils-2.40"), dir)
}

// autotoolsBuild configures the package at src (a binutils subdirectory) in a fresh
// build directory with CC=cc and runs make -j2.
func (rw *RealWorld) autotoolsBuild(name, src, cc string) (string, error) {
	build := filepath.Join(rw.WorkDir, name)
	if err := os.MkdirAll(build, 0o755); err != nil {
		return "", err
	}
	if _, err := rw.cmd(build, nil, nil, filepath.Join(src, "configure"), "CC="+cc); err != nil {
		return "", err
	}
	if err := rw.checkGNU(build); err != nil {
		return "", err
	}
	_, err := rw.cmd(build, nil, nil, "make", "-j2")
	return build, err
}

// checkGNU reads config.log: configure must have found the compiler to be GNU C.
func (rw *RealWorld) checkGNU(build string) error {
	log, err := os.ReadFile(filepath.Join(build, "config.log"))
	if err != nil {
		return err
	}
	if !bytes.Contains(log, []byte("ac_cv_c_compiler_gnu=yes")) {
		return fmt.Errorf("configure did not detect a GNU C compiler (config.log has no ac_cv_c_compiler_gnu=yes)")
	}
	return nil
}

// zlib builds zlib with gocc and runs zlib's own test programs (binutils' copy has
// no check target): the three of test/ that zlib's Makefile runs in "make test" and
// "make cover" — example, a minigzip round trip, and infcover, which drives inflate
// through its error paths. (zlib/example.c beside them is a 2006 copy that predates
// the library: it fails its inflateSync check with gcc too, so it is not used.)
func (rw *RealWorld) zlib() error {
	tree, err := rw.binutils()
	if err != nil {
		return err
	}
	src := filepath.Join(tree, "zlib")
	build, err := rw.autotoolsBuild("zlib", src, rw.Gocc)
	if err != nil {
		return err
	}
	if err := rw.sameConfig(filepath.Join(src, "configure"), build, "zlib-gcc", true); err != nil {
		return err
	}
	for _, prog := range []string{"example", "minigzip", "infcover"} {
		if _, err := rw.cmd(build, nil, nil, rw.Gocc, "-O2", "-I"+src, "-I.", "-o", prog, filepath.Join(src, "test", prog+".c"), "libz.a"); err != nil {
			return err
		}
	}
	data := bytes.Repeat([]byte("the quick brown fox jumps over the lazy dog 0123456789\n"), 20000)
	packed, err := rw.cmd(build, nil, data, "./minigzip")
	if err != nil {
		return err
	}
	unpacked, err := rw.cmd(build, nil, packed, "./minigzip", "-d")
	if err != nil {
		return err
	}
	if !bytes.Equal(unpacked, data) || len(packed) >= len(data)/10 {
		return fmt.Errorf("minigzip round trip failed (%d bytes -> %d -> %d)", len(data), len(packed), len(unpacked))
	}
	out, err := rw.cmd(build, nil, nil, "./example")
	if err != nil {
		return err
	}
	if !bytes.Contains(out, []byte("inflate with dictionary: hello, hello!")) {
		return fmt.Errorf("example did not reach its last check: %s", lastLines(out, 1))
	}
	out, err = rw.cmd(build, nil, nil, "./infcover")
	if err != nil {
		return err
	}
	if !bytes.Contains(out, []byte("copy direct from output")) {
		return fmt.Errorf("infcover did not reach its last check: %s", lastLines(out, 1))
	}
	return nil
}

// libiberty builds libiberty with gocc and runs its test suite (make check: the
// demangler tests, pexecute, expandargv, strtol).
func (rw *RealWorld) libiberty() error {
	tree, err := rw.binutils()
	if err != nil {
		return err
	}
	build, err := rw.autotoolsBuild("libiberty", filepath.Join(tree, "libiberty"), rw.Gocc)
	if err != nil {
		return err
	}
	if err := rw.sameConfig(filepath.Join(tree, "libiberty", "configure"), build, "libiberty-gcc", true); err != nil {
		return err
	}
	out, err := rw.cmd(build, nil, nil, "make", "check")
	if err != nil {
		return err
	}
	failures := regexp.MustCompile(`(?m)^FAIL|[1-9][0-9]* failures`)
	if m := failures.Find(out); m != nil {
		return fmt.Errorf("make check: %s", m)
	}
	if n := bytes.Count(out, []byte("\nPASS: ")); n < 20 || !bytes.Contains(out, []byte("tests, 0 failures")) {
		return fmt.Errorf("make check ran too few tests (%d PASS lines)", n)
	}
	return nil
}

// configDiffAllowed are the configure results where gocc may answer otherwise than
// gcc: the stack direction, which autoconf measures by comparing the addresses of
// locals in recursive calls that gcc -O2 inlines (it finds 1, "grows up"; gocc finds
// the true -1; libiberty uses it only in its C alloca, unused here).
var configDiffAllowed = map[string]bool{"STACK_DIRECTION": true}

// sameConfig runs configure with CC=gcc in a fresh directory named gccName and
// compares its results with gocc's in build: every substitution and define of
// config.status (with gocc's path read as "gcc"), or with status false the lines of
// config.h (for a build whose directory layout differs from gcc's). The
// configure-time checks must find with gocc what they find with gcc.
func (rw *RealWorld) sameConfig(configure, build, gccName string, status bool) error {
	dir := filepath.Join(rw.WorkDir, gccName)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if _, err := rw.cmd(dir, nil, nil, configure, "CC=gcc"); err != nil {
		return err
	}
	want, err := rw.configResults(dir, status)
	if err != nil {
		return err
	}
	got, err := rw.configResults(build, status)
	if err != nil {
		return err
	}
	var diffs []string
	for k, g := range got {
		if w, ok := want[k]; (!ok || g != w) && !configDiffAllowed[k] {
			diffs = append(diffs, fmt.Sprintf("%s: gocc %q, gcc %q", k, g, w))
		}
	}
	for k, w := range want {
		if _, ok := got[k]; !ok && !configDiffAllowed[k] {
			diffs = append(diffs, fmt.Sprintf("%s: gocc none, gcc %q", k, w))
		}
	}
	if diffs != nil {
		slices.Sort(diffs)
		return fmt.Errorf("configure found otherwise than with gcc: %s", strings.Join(diffs, "; "))
	}
	return nil
}

var (
	statusLine = regexp.MustCompile(`^([SD])\["([^"]+)"\]=(.*)$`)
	defineLine = regexp.MustCompile(`^[#/* ]*(?:define|undef) ([A-Za-z0-9_]+)(.*)$`)
)

// configResults reads a configured directory's results, keyed by name: config.status's
// S["name"] and D["name"] lines, or config.h's #define and #undef lines.
func (rw *RealWorld) configResults(dir string, status bool) (map[string]string, error) {
	file := "config.h"
	if status {
		file = "config.status"
	}
	data, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		return nil, err
	}
	res := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if status {
			if m := statusLine.FindStringSubmatch(line); m != nil {
				res[m[2]] = m[1] + " " + strings.ReplaceAll(m[3], rw.Gocc, "gcc")
			}
		} else if m := defineLine.FindStringSubmatch(line); m != nil {
			res[m[1]] = line
		}
	}
	if len(res) < 5 {
		return nil, fmt.Errorf("%s: only %d configure results", filepath.Join(dir, file), len(res))
	}
	return res, nil
}

// cmake configures, builds and tests testdata/realworld/cmake: CMake must identify
// gocc as GNU and its flag, header, symbol and size checks must succeed (the
// CMakeLists.txt fails otherwise).
func (rw *RealWorld) cmake() error {
	build := filepath.Join(rw.WorkDir, "cmake")
	src := filepath.Join(rw.Repo, "testdata", "realworld", "cmake")
	out, err := rw.cmd(rw.WorkDir, nil, nil, "cmake", "-S", src, "-B", build, "-DCMAKE_C_COMPILER="+rw.Gocc)
	if err != nil {
		return err
	}
	if !bytes.Contains(out, []byte("The C compiler identification is GNU 12.2.0")) {
		return fmt.Errorf("CMake did not identify gocc as GNU 12.2.0")
	}
	if err := rw.sameCMakeCompiler(src, build); err != nil {
		return err
	}
	if _, err := rw.cmd(build, nil, nil, "cmake", "--build", ".", "--parallel", "2"); err != nil {
		return err
	}
	_, err = rw.cmd(build, nil, nil, "ctest", "--output-on-failure")
	return err
}

// sameCMakeCompiler configures the CMake project with gcc too and compares what
// CMake recorded of the two compilers (CMakeCCompiler.cmake: identification, version,
// standards and features, ABI): all must be equal but the compiler's path and the
// implicit directories and libraries, where gocc differs by design (its headers and
// runtime are embedded, so it names no gcc directory and links no libgcc).
func (rw *RealWorld) sameCMakeCompiler(src, build string) error {
	gccBuild := filepath.Join(rw.WorkDir, "cmake-gcc")
	if _, err := rw.cmd(rw.WorkDir, nil, nil, "cmake", "-S", src, "-B", gccBuild, "-DCMAKE_C_COMPILER=gcc"); err != nil {
		return err
	}
	read := func(dir string) ([]string, error) {
		files, _ := filepath.Glob(filepath.Join(dir, "CMakeFiles", "*", "CMakeCCompiler.cmake"))
		if len(files) != 1 {
			return nil, fmt.Errorf("%s: %d CMakeCCompiler.cmake files", dir, len(files))
		}
		data, err := os.ReadFile(files[0])
		if err != nil {
			return nil, err
		}
		var lines []string
		for _, l := range strings.Split(string(data), "\n") {
			if !strings.HasPrefix(l, "set(CMAKE_C_COMPILER \"") && !strings.HasPrefix(l, "set(CMAKE_C_IMPLICIT_") {
				lines = append(lines, l)
			}
		}
		return lines, nil
	}
	got, err := read(build)
	if err != nil {
		return err
	}
	want, err := read(gccBuild)
	if err != nil {
		return err
	}
	if len(got) != len(want) {
		return fmt.Errorf("CMakeCCompiler.cmake: %d lines with gocc, %d with gcc", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			return fmt.Errorf("CMake recorded otherwise than for gcc: gocc %q, gcc %q", got[i], want[i])
		}
	}
	return nil
}

// autoconf generates, configures, builds and checks testdata/realworld/autoconf.
func (rw *RealWorld) autoconf() error {
	dir := filepath.Join(rw.WorkDir, "autoconf")
	if err := copyTree(filepath.Join(rw.Repo, "testdata", "realworld", "autoconf"), dir); err != nil {
		return err
	}
	// Configured, built and checked with a PATH that has no gcc or cc: gocc needs
	// none (issue 7), and configure may not find one behind its back.
	noGCC, err := rw.pathWithoutGCC()
	if err != nil {
		return err
	}
	env := []string{"PATH=" + noGCC}
	if out, err := rw.cmd(dir, env, nil, "sh", "-c", "command -v gcc cc cpp || true"); err != nil || len(out) > 0 {
		return fmt.Errorf("the gcc-free PATH still has %q (%v)", out, err)
	}
	for _, step := range [][]string{{"autoconf"}, {"autoheader"}, {"./configure", "CC=" + rw.Gocc}} {
		if _, err := rw.cmd(dir, env, nil, step[0], step[1:]...); err != nil {
			return err
		}
	}
	if err := rw.checkGNU(dir); err != nil {
		return err
	}
	if err := rw.sameConfig(filepath.Join(dir, "configure"), dir, "autoconf-gcc", false); err != nil {
		return err
	}
	if _, err := rw.cmd(dir, env, nil, "make"); err != nil {
		return err
	}
	_, err = rw.cmd(dir, env, nil, "make", "check")
	return err
}

// gccNames are the C compilers and preprocessors a gcc-free PATH leaves out, with
// their triple-prefixed and versioned forms (x86_64-linux-gnu-gcc-12).
var gccNames = regexp.MustCompile(`(^|-)(gcc|cc|c89|c99|cpp|c\+\+|g\+\+|clang)(-[0-9.]+)?$|^gcc-`)

// pathWithoutGCC returns a one-directory PATH of links to everything on the current
// PATH but the C compilers.
func (rw *RealWorld) pathWithoutGCC() (string, error) {
	dir := filepath.Join(rw.WorkDir, "path-without-gcc")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	for _, d := range filepath.SplitList(os.Getenv("PATH")) {
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if gccNames.MatchString(e.Name()) {
				continue
			}
			link := filepath.Join(dir, e.Name())
			if _, err := os.Lstat(link); err == nil {
				continue // an earlier PATH directory's wins
			}
			if err := os.Symlink(filepath.Join(d, e.Name()), link); err != nil {
				return "", err
			}
		}
	}
	return dir, nil
}

// multidirBuild copies testdata/realworld/multidir to a fresh directory, builds it
// with make -j2 and the given CC and extra environment, and checks the program.
func (rw *RealWorld) multidirBuild(name, cc string, env []string) (string, error) {
	dir := filepath.Join(rw.WorkDir, name)
	if err := copyTree(filepath.Join(rw.Repo, "testdata", "realworld", "multidir"), dir); err != nil {
		return "", err
	}
	return dir, rw.multidirMake(dir, cc, env, "3 15 10 6\n")
}

func (rw *RealWorld) multidirMake(dir, cc string, env []string, want string) error {
	if _, err := rw.cmd(dir, env, nil, "make", "-j2", "CC="+cc); err != nil {
		return err
	}
	out, err := rw.cmd(dir, nil, nil, "./prog")
	if err != nil {
		return err
	}
	if string(out) != want {
		return fmt.Errorf("prog printed %q, want %q", out, want)
	}
	return nil
}

// makeDeps builds the two-directory project, changes a header and rebuilds: the
// -MD dependency files must make exactly the objects that include it rebuild.
func (rw *RealWorld) makeDeps() error {
	dir, err := rw.multidirBuild("make-deps", rw.Gocc, nil)
	if err != nil {
		return err
	}
	objs := []string{"lib/scaled.o", "lib/twice.o", "lib/plus.o", "src/main.o"}
	before := map[string]time.Time{}
	for _, o := range objs {
		st, err := os.Stat(filepath.Join(dir, o))
		if err != nil {
			return err
		}
		before[o] = st.ModTime()
	}
	time.Sleep(1100 * time.Millisecond) // past the file systems' timestamp granularity
	header := filepath.Join(dir, "include", "util.h")
	text, err := os.ReadFile(header)
	if err != nil {
		return err
	}
	if err := os.WriteFile(header, bytes.Replace(text, []byte("#define SCALE 3"), []byte("#define SCALE 4"), 1), 0o644); err != nil {
		return err
	}
	if err := rw.multidirMake(dir, rw.Gocc, nil, "4 20 10 6\n"); err != nil {
		return fmt.Errorf("after changing util.h: %v", err)
	}
	for _, o := range objs {
		st, err := os.Stat(filepath.Join(dir, o))
		if err != nil {
			return err
		}
		rebuilt := st.ModTime().After(before[o])
		if want := o != "lib/plus.o"; rebuilt != want {
			return fmt.Errorf("after changing util.h, %s rebuilt: %v, want %v", o, rebuilt, want)
		}
	}
	return nil
}

// ccache builds the project twice through ccache with a fresh cache: the second
// build must be served from the cache (every compilation a hit).
func (rw *RealWorld) ccache() error {
	cacheDir := filepath.Join(rw.WorkDir, "ccache-dir")
	env := []string{"CCACHE_DIR=" + cacheDir}
	cc := "ccache " + rw.Gocc
	dir, err := rw.multidirBuild("ccache", cc, env)
	if err != nil {
		return err
	}
	if _, err := rw.cmd(dir, nil, nil, "make", "clean"); err != nil {
		return err
	}
	if err := rw.multidirMake(dir, cc, env, "3 15 10 6\n"); err != nil {
		return err
	}
	// ccache restores each hit's -MD file too: without it make would lose track of
	// the headers.
	for obj, header := range map[string]string{"lib/scaled": "util.h", "lib/twice": "util.h", "lib/plus": "other.h", "src/main": "other.h"} {
		d, err := os.ReadFile(filepath.Join(dir, obj+".d"))
		if err != nil || !bytes.HasPrefix(d, []byte(obj+".o:")) || !bytes.Contains(d, []byte("include/"+header)) {
			return fmt.Errorf("after the cached build, %s.d is missing or wrong (%v): %q", obj, err, d)
		}
	}
	stats, err := rw.cmd(dir, env, nil, "ccache", "--print-stats")
	if err != nil {
		return err
	}
	hits := statValue(stats, "direct_cache_hit") + statValue(stats, "preprocessed_cache_hit")
	if misses := statValue(stats, "cache_miss"); hits != 4 || misses != 4 {
		return fmt.Errorf("ccache: %d hits and %d misses over two builds of 4 files, want 4 and 4", hits, misses)
	}
	return nil
}

func statValue(stats []byte, name string) int {
	m := regexp.MustCompile(`(?m)^` + name + `\t(\d+)$`).FindSubmatch(stats)
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// distcc builds the project through distcc with a distccd on loopback that may run
// only gocc: preprocessing is local, each .i is compiled by the daemon, and the
// client may not fall back to compiling locally. The -MD files are not checked:
// distcc 3.4 preprocesses "cc -MD -E lib/x.c" without the -o, so the compiler writes
// x.d (target x.o) in the current directory, for gcc as for gocc (the same files,
// but for gcc's stddef.h and stdarg.h, which gocc embeds).
func (rw *RealWorld) distcc() error {
	// distccd started by root runs as the distcc user, which may not enter the
	// cache directory (under $HOME): its files go to a world-writable temporary one.
	daemonDir, err := os.MkdirTemp("", "gocc-distccd-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(daemonDir)
	os.Chmod(daemonDir, 0o777)
	cmdlist := filepath.Join(daemonDir, "cmdlist")
	if err := os.WriteFile(cmdlist, []byte(rw.Gocc+"\n"), 0o644); err != nil {
		return err
	}
	port, err := freePort()
	if err != nil {
		return err
	}
	logFile, pidFile := filepath.Join(daemonDir, "distccd.log"), filepath.Join(daemonDir, "distccd.pid")
	env := []string{"DISTCC_CMDLIST=" + cmdlist, "DISTCC_CMDLIST_NUMWORDS=1"}
	if _, err := rw.cmd(daemonDir, env, nil, "distccd", "--daemon", "--allow", "127.0.0.1", "--listen", "127.0.0.1",
		"--port", strconv.Itoa(port), "--log-file", logFile, "--pid-file", pidFile, "--log-level", "info"); err != nil {
		return err
	}
	// The daemon leads its own process group with its preforked children: SIGTERM to
	// the group ends them all (a SIGKILL to the leader alone left the children behind,
	// still listening).
	defer func() {
		if pid, err := os.ReadFile(pidFile); err == nil {
			if n, err := strconv.Atoi(strings.TrimSpace(string(pid))); err == nil && n > 1 {
				syscall.Kill(-n, syscall.SIGTERM)
			}
		}
	}()
	for i := 0; i < 50; i++ { // wait for the daemon to listen
		if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port)); err == nil {
			c.Close()
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	clientDir := filepath.Join(rw.WorkDir, "distcc-client")
	if err := os.MkdirAll(clientDir, 0o755); err != nil {
		return err
	}
	clientEnv := []string{fmt.Sprintf("DISTCC_HOSTS=127.0.0.1:%d", port), "DISTCC_FALLBACK=0", "DISTCC_DIR=" + clientDir}
	if _, err := rw.multidirBuild("distcc", "distcc "+rw.Gocc, clientEnv); err != nil {
		return err
	}
	log, err := os.ReadFile(logFile)
	if err != nil {
		return err
	}
	if n := bytes.Count(log, []byte("COMPILE_OK")); n != 4 {
		return fmt.Errorf("distccd compiled %d of the 4 files (log %s)", n, logFile)
	}
	return nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// copyTree copies the regular files under src to dst.
func copyTree(src, dst string) error {
	return filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, info.Mode().Perm())
	})
}
