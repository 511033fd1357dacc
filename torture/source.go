// Package torture runs gcc's C torture execution tests
// (gcc/testsuite/gcc.c-torture/execute, with ieee/ and builtins/) against gocc, scores
// them against the set gcc itself passes (the oracle), and compares the failures with a
// committed expectations file.
package torture

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// Debian's gcc-12-source package ships the gcc source as this tarball.
const (
	sourceTarball = "/usr/src/gcc-12/gcc-12.2.0-dfsg.tar.xz"
	sourcePackage = "gcc-12-source"
	executeDir    = "gcc-12.2.0/gcc/testsuite/gcc.c-torture/execute"
)

// EnsureSource returns the directory holding the extracted execute tests under
// cacheDir, installing gcc-12-source with apt-get and extracting the tests on first use.
// Extraction goes to a temporary directory that is renamed when complete, so an
// interrupted run never leaves a partial tree.
func EnsureSource(cacheDir string, log func(string)) (string, error) {
	dir := filepath.Join(cacheDir, "execute")
	if _, err := os.Stat(filepath.Join(dir, "execute.exp")); err == nil {
		return dir, nil
	}
	if err := extractInto(cacheDir, executeDir, dir, log, nil); err != nil {
		return "", err
	}
	return dir, nil
}

// extractInto extracts member of the gcc source tarball (installing gcc-12-source
// first if needed) into a temporary directory under cacheDir, runs finish on the
// extracted tree if given, and renames it to dir: an interrupted run leaves nothing
// half-made at dir.
func extractInto(cacheDir, member, dir string, log func(string), finish func(tree string) error) error {
	if _, err := os.Stat(sourceTarball); err != nil {
		log("installing " + sourcePackage + " (apt-get)")
		if err := aptInstall(sourcePackage); err != nil {
			return fmt.Errorf("installing %s: %v", sourcePackage, err)
		}
	}
	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(cacheDir, "extract-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	log("extracting " + member + " from " + sourceTarball)
	if out, err := exec.Command("tar", "-xJf", sourceTarball, "-C", tmp, member).CombinedOutput(); err != nil {
		return fmt.Errorf("tar: %v\n%s", err, out)
	}
	tree := filepath.Join(tmp, member)
	if finish != nil {
		if err := finish(tree); err != nil {
			return err
		}
	}
	os.RemoveAll(dir)
	return os.Rename(tree, dir)
}

func aptInstall(pkg string) error {
	var prefix []string
	if os.Geteuid() != 0 {
		prefix = []string{"sudo"}
	}
	run := func(args ...string) error {
		args = append(prefix, args...)
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("%v: %v\n%s", args, err, out)
		}
		return nil
	}
	if err := run("apt-get", "install", "-y", "-qq", pkg); err == nil {
		return nil
	}
	if err := run("apt-get", "update", "-qq"); err != nil {
		return err
	}
	return run("apt-get", "install", "-y", "-qq", pkg)
}
