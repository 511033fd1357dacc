package main

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// printQuery answers -print-search-dirs, -print-libgcc-file-name, -print-multiarch
// and -print-sysroot, in gcc's formats, with what gocc itself uses.
func (d *driver) printQuery() error {
	o := d.opts
	switch {
	case o.PrintMultiarch:
		// Debian's multiarch tuple is the target triple for every gocc target.
		fmt.Fprintln(d.stdout, d.tgt.Triple)
	case o.PrintSysroot:
		fmt.Fprintln(d.stdout, o.Sysroot)
	case o.PrintLibgcc:
		// gocc's runtime object stands in for libgcc (link.go); build systems that
		// link it explicitly (Linux on some architectures) get that object.
		path, ok, err := d.runtimeObject()
		if err != nil {
			return err
		}
		if !ok {
			path = "libgcc.a" // gcc prints the bare name of a file it cannot find
		}
		fmt.Fprintln(d.stdout, path)
	case o.PrintSearchDirs:
		var programs []string
		for _, tool := range []string{d.assembler(), d.tgt.ToolPrefix + "ld"} {
			if p, err := exec.LookPath(tool); err == nil && !slices.Contains(programs, filepath.Dir(p)+"/") {
				programs = append(programs, filepath.Dir(p)+"/")
			}
		}
		libs := append(append([]string(nil), o.LibDirs...), targetLibDirs(d.tgt.LibDirs)...)
		for i := range libs {
			libs[i] = strings.TrimSuffix(libs[i], "/") + "/"
		}
		fmt.Fprintf(d.stdout, "install: %s/\nprograms: =%s\nlibraries: =%s\n",
			d.cacheDir(), strings.Join(programs, ":"), strings.Join(libs, ":"))
	}
	return nil
}
