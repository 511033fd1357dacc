// Package kernel checks gocc's front end against the Linux kernel: it builds Debian's
// linux-source-6.1 once with gcc in an x86-64 tinyconfig configuration, recovers the
// exact gcc command line kbuild used for every C file from the .o.cmd files kbuild
// writes next to the objects, and runs gocc -fsyntax-only with the same flags on each
// file, in the kernel tree as kbuild does. The recovered commands are saved as JSON
// (see Manifest) so other tools can reuse them; kernel/README.md describes the format.
package kernel

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
)

// Debian's linux-source-6.1 package ships the kernel source as this tarball, whose
// top-level directory is TreeName.
const (
	SourceTarball = "/usr/src/linux-source-6.1.tar.xz"
	SourcePackage = "linux-source-6.1"
	TreeName      = "linux-source-6.1"
	// Config is the kbuild configuration target; Arch its ARCH=.
	Config = "tinyconfig"
	Arch   = "x86_64"
)

// Stamp files in the tree: written only after the step succeeded, so an interrupted
// run redoes just the unfinished step.
const (
	extractedStamp = ".gocc-extracted"
	builtStamp     = ".gocc-built"
)

// EnsureBuilt returns the kernel tree under cacheDir, built with gcc: on first use it
// extracts SourceTarball (installing SourcePackage with apt-get if needed), runs
// `make ARCH=x86_64 tinyconfig` and `make ARCH=x86_64 -j<jobs> CC=gcc`, logging the
// build to cacheDir/build.log. Later calls find the stamps and return at once.
func EnsureBuilt(cacheDir string, jobs int, log func(string)) (string, error) {
	tree := filepath.Join(cacheDir, TreeName)
	if exists(filepath.Join(tree, builtStamp)) {
		return tree, nil
	}
	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		return "", err
	}
	if !exists(filepath.Join(tree, extractedStamp)) {
		if !exists(SourceTarball) {
			log("installing " + SourcePackage + " (apt-get)")
			if err := aptInstall(SourcePackage); err != nil {
				return "", fmt.Errorf("installing %s: %v", SourcePackage, err)
			}
		}
		// A partial tree from an interrupted extraction is removed first.
		if err := os.RemoveAll(tree); err != nil {
			return "", err
		}
		log("extracting " + SourceTarball + " into " + cacheDir)
		if out, err := exec.Command("tar", "-xJf", SourceTarball, "-C", cacheDir).CombinedOutput(); err != nil {
			return "", fmt.Errorf("tar: %v\n%s", err, out)
		}
		if err := os.WriteFile(filepath.Join(tree, extractedStamp), nil, 0o644); err != nil {
			return "", err
		}
	}
	logPath := filepath.Join(cacheDir, "build.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return "", err
	}
	defer logFile.Close()
	steps := [][]string{
		{"make", "ARCH=" + Arch, Config},
		{"make", "ARCH=" + Arch, "-j" + strconv.Itoa(jobs), "CC=gcc"},
	}
	for _, args := range steps {
		log(fmt.Sprintf("running %v in %s (log: %s)", args, tree, logPath))
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir = tree
		cmd.Stdout, cmd.Stderr = logFile, logFile
		if err := cmd.Run(); err != nil {
			return "", fmt.Errorf("%v: %v (see %s)", args, err, logPath)
		}
	}
	if err := os.WriteFile(filepath.Join(tree, builtStamp), nil, 0o644); err != nil {
		return "", err
	}
	return tree, nil
}

func exists(path string) bool { _, err := os.Stat(path); return err == nil }

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
