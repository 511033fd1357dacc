package torture

import (
	"fmt"
	"os"
	"os/exec"
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
	if _, err := os.Stat(sourceTarball); err != nil {
		log("installing " + sourcePackage + " (apt-get)")
		if err := aptInstall(sourcePackage); err != nil {
			return "", fmt.Errorf("installing %s: %v", sourcePackage, err)
		}
	}
	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(cacheDir, "extract-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	member := testsuiteRoot + "/" + rel
	log("extracting " + member + " from " + sourceTarball)
	if out, err := exec.Command("tar", "-xJf", sourceTarball, "-C", tmp, member).CombinedOutput(); err != nil {
		return "", fmt.Errorf("tar: %v\n%s", err, out)
	}
	if err := os.WriteFile(filepath.Join(tmp, member, ".complete"), nil, 0o644); err != nil {
		return "", err
	}
	os.RemoveAll(dir)
	if err := os.Rename(filepath.Join(tmp, member), dir); err != nil {
		return "", err
	}
	return dir, nil
}
