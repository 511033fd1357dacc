package torture

import (
	"os"
	"path/filepath"
	"strings"
)

// testsuiteRoot is where gcc's C tests live inside the source tarball.
const testsuiteRoot = "gcc-12.2.0/gcc/testsuite"

// EnsureTestsuite returns the directory under cacheDir holding the extracted
// gcc/testsuite/<rel> (for example "gcc.dg" or "gcc.c-torture/compile"), installing
// gcc-12-source and extracting on first use. Like EnsureSource, it extracts into a
// temporary directory renamed when complete, so an interrupted run leaves nothing
// half-made; a ".complete" file marks a finished extraction.
func EnsureTestsuite(cacheDir, rel string, log func(string)) (string, error) {
	dir := filepath.Join(cacheDir, strings.ReplaceAll(rel, "/", "-"))
	if _, err := os.Stat(filepath.Join(dir, ".complete")); err == nil {
		return dir, nil
	}
	member := testsuiteRoot + "/" + rel
	mark := func(tree string) error { return os.WriteFile(filepath.Join(tree, ".complete"), nil, 0o644) }
	if err := extractInto(cacheDir, member, dir, log, mark); err != nil {
		return "", err
	}
	return dir, nil
}
