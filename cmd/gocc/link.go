package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"gocc/libgocc"
)

// findLibFile looks name up in the target's library directories (crt1.o, libc.so, ...)
// and returns its path, or name itself when it is not found, as gcc's
// -print-file-name does.
func (d *driver) findLibFile(name string) string {
	for _, dir := range append(append([]string(nil), d.opts.LibDirs...), targetLibDirs(d.tgt.LibDirs)...) {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return name
}

// targetLibDirs expands the target's library directories: a final "/*" is the newest
// version directory present (gcc's /usr/lib/gcc/<triple>/<version>), dropped if none.
func targetLibDirs(dirs []string) []string {
	var out []string
	for _, dir := range dirs {
		parent, ok := strings.CutSuffix(dir, "/*")
		if !ok {
			out = append(out, dir)
			continue
		}
		entries, err := os.ReadDir(parent)
		if err != nil {
			continue
		}
		best, bestVer := "", []int(nil)
		for _, e := range entries {
			if v, ok := versionOf(e.Name()); ok && e.IsDir() && (best == "" || slices.Compare(v, bestVer) > 0) {
				best, bestVer = e.Name(), v
			}
		}
		if best != "" {
			out = append(out, filepath.Join(parent, best))
		}
	}
	return out
}

// versionOf parses a dotted version ("12", "4.9.3").
func versionOf(s string) ([]int, bool) {
	var v []int
	for _, part := range strings.Split(s, ".") {
		n, err := strconv.Atoi(part)
		if err != nil || n < 0 {
			return nil, false
		}
		v = append(v, n)
	}
	return v, true
}

// linkArgs builds ld's argument vector the way Debian's gcc 12 drives collect2, minus
// the LTO plugin and libgcc (gocc's runtime object stands in for libgcc and for
// crtbegin/crtend):
//
//	ld --build-id --eh-frame-hdr -m <emulation> --hash-style=gnu -z relro -z now
//	   [-dynamic-linker <ld.so> -pie | -static | -shared] -o <out>
//	   [Scrt1.o|crt1.o] crti.o -L<user dirs> -L<target dirs> <inputs and -l in order>
//	   [-lpthread] -lc <runtime.o> crtn.o
//
// A static link wraps the libraries in --start-group/--end-group.
// runtime lists gocc's runtime objects (none with -nodefaultlibs/-nostdlib, like libgcc).
func (d *driver) linkArgs(items []string, out string, runtime []string) []string {
	o, t := d.opts, d.tgt
	if o.Relocatable {
		// -r: a partial link of the inputs alone, as gcc's (no start files or
		// libraries unless named).
		args := []string{"-m", t.EmulationLD, "-r", "-o", out}
		for _, dir := range o.LibDirs {
			args = append(args, "-L"+dir)
		}
		return append(args, items...)
	}
	pie := !o.NoPIELink && !o.Static && !o.Shared || o.StaticPIE
	static := o.Static || o.StaticPIE
	args := []string{"--build-id", "--eh-frame-hdr", "-m", t.EmulationLD, "--hash-style=gnu",
		"-z", "relro", "-z", "now"}
	if d.opts.Sysroot != "" {
		args = append(args, "--sysroot="+d.opts.Sysroot)
	}
	switch {
	case o.Shared:
		args = append(args, "-shared")
	case o.StaticPIE:
		args = append(args, "-static", "-pie", "--no-dynamic-linker", "-z", "text")
	case o.Static:
		args = append(args, "-static")
	default:
		args = append(args, "-dynamic-linker", t.DynamicLinker)
		if pie {
			args = append(args, "-pie")
		}
	}
	if o.StripAll {
		args = append(args, "-s")
	}
	if o.ExportDynamic {
		args = append(args, "-export-dynamic")
	}
	args = append(args, "-o", out)
	if !o.NoStartFiles {
		switch {
		case o.Shared:
		case o.StaticPIE:
			args = append(args, d.findLibFile("rcrt1.o"))
		case pie:
			args = append(args, d.findLibFile("Scrt1.o"))
		default:
			args = append(args, d.findLibFile("crt1.o"))
		}
		args = append(args, d.findLibFile("crti.o"))
	}
	for _, dir := range o.LibDirs {
		args = append(args, "-L"+dir)
	}
	args = append(args, d.linkLibDirs(items)...)
	args = append(args, items...)
	if !o.NoDefaultLibs {
		var libs []string
		if o.Pthread {
			libs = append(libs, "-lpthread")
		}
		libs = append(libs, "-lc")
		if static {
			args = append(args, "--start-group")
			args = append(args, libs...)
			args = append(args, "--end-group")
		} else {
			args = append(args, libs...)
		}
	}
	args = append(args, runtime...)
	if !o.NoStartFiles {
		args = append(args, d.findLibFile("crtn.o"))
	}
	return args
}

// linkLibDirs is the -L list of the target's library directories. gcc's own library
// directory (/usr/lib/gcc/<triple>/<version>, where libatomic.so, libgomp.so and
// libgcc_s.so live) is added only when a -l library is found nowhere else: gocc's
// runtime stands in for libgcc, so an ordinary link names no directory of gcc's.
func (d *driver) linkLibDirs(items []string) []string {
	var plain, gccDirs []string
	for _, dir := range d.tgt.LibDirs {
		if strings.HasSuffix(dir, "/*") {
			gccDirs = append(gccDirs, targetLibDirs([]string{dir})...)
		} else {
			plain = append(plain, dir)
		}
	}
	search := append(append([]string(nil), d.opts.LibDirs...), plain...)
	found := func(lib string) bool {
		names := []string{"lib" + lib + ".so", "lib" + lib + ".a"}
		if n, ok := strings.CutPrefix(lib, ":"); ok {
			names = []string{n}
		}
		for _, dir := range search {
			for _, n := range names {
				if _, err := os.Stat(filepath.Join(dir, n)); err == nil {
					return true
				}
			}
		}
		return false
	}
	needGCC := false
	for _, it := range items {
		if lib, ok := strings.CutPrefix(it, "-l"); ok && lib != "" && !found(lib) {
			needGCC = true
		}
	}
	var args []string
	for _, dir := range plain {
		if _, err := os.Stat(dir); err == nil || d.opts.DryRun {
			args = append(args, "-L"+dir)
		}
	}
	if needGCC {
		for _, dir := range gccDirs {
			args = append(args, "-L"+dir)
		}
	}
	return args
}

// linker is the ld program: <prefix>ld, or <prefix>ld.<name> for -fuse-ld=<name>
// (bfd, gold, lld, mold), as gcc picks it.
func (d *driver) linker() string {
	if d.opts.UseLD != "" {
		return d.tool(d.tgt.ToolPrefix + "ld." + d.opts.UseLD)
	}
	return d.tool(d.tgt.ToolPrefix + "ld")
}

// link runs ld on the objects and linker options in items, writing out.
func (d *driver) link(items []string, out string) error {
	var runtime []string
	if !d.opts.NoDefaultLibs && !d.opts.Relocatable {
		objects := []func() (string, bool, error){d.runtimeObject}
		if d.opts.Static || d.opts.StaticPIE {
			objects = append(objects, d.staticRuntimeObject)
		}
		for _, object := range objects {
			path, ok, err := object()
			if err != nil {
				return err
			}
			if ok {
				runtime = append(runtime, path)
			}
		}
	}
	if o := d.opts; o.X87Precision != 0 && !o.NoStartFiles {
		// gcc's ENDFILE_SPEC links crtprec32/64/80.o for -mpc32/64/80.
		if src, ok := libgocc.PrecisionSource(d.tgt.Arch, o.X87Precision); ok {
			path, _, err := d.cachedObject(fmt.Sprintf("crtprec%d", o.X87Precision), src)
			if err != nil {
				return err
			}
			runtime = append(runtime, path)
		}
	}
	ld := d.linker()
	return d.writeOutput(out, func(tmp string) error {
		return d.runTool(ld, d.linkArgs(items, tmp, runtime))
	})
}
