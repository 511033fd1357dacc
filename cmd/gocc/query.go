package main

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// printQuery answers -print-search-dirs, -print-libgcc-file-name, -print-multiarch,
// -print-sysroot and -print-multi-*, in gcc's formats, with what gocc itself uses.
func (d *driver) printQuery() error {
	o := d.opts
	switch {
	case o.PrintMultiarch:
		// Debian's multiarch tuple is the target triple for every gocc target.
		fmt.Fprintln(d.stdout, d.tgt.Triple)
	case o.PrintSysroot:
		fmt.Fprintln(d.stdout, o.Sysroot)
	case o.PrintMultiDir, o.PrintMultiOSDir, o.PrintMultiLib:
		// gcc's multilib answers for Debian's layout: an x86-64 gocc's -m32 libraries
		// are in /usr/lib32 (libc6-dev-i386); each other target has one library set.
		native64 := o.ConfiguredTarget == "" || strings.HasPrefix(o.ConfiguredTarget, "x86_64")
		m32 := native64 && o.TargetName == "i386-linux-gnu"
		switch {
		case o.PrintMultiLib && native64:
			fmt.Fprint(d.stdout, ".;\n32;@m32\n")
		case o.PrintMultiLib:
			fmt.Fprint(d.stdout, ".;\n")
		case o.PrintMultiDir && m32:
			fmt.Fprintln(d.stdout, "32")
		case o.PrintMultiDir:
			fmt.Fprintln(d.stdout, ".")
		case m32:
			fmt.Fprintln(d.stdout, "../lib32")
		default:
			fmt.Fprintln(d.stdout, "../lib")
		}
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
		for _, tool := range []string{d.assembler(), d.linker()} {
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
