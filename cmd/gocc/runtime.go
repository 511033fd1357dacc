package main

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"

	"gocc/libgocc"
)

// runtimeObject returns the path of the assembled libgocc runtime for the target,
// assembling it on first use. The object is cached under os.UserCacheDir()/gocc,
// keyed by the hash of the assembly source and the assembler's name, so a changed
// runtime is re-assembled and concurrent invocations never see a partial file
// (the object is written to a temporary name and renamed). ok is false when gocc has
// no runtime for the target.
func (d *driver) runtimeObject() (path string, ok bool, err error) {
	src, ok := libgocc.Source(d.tgt.Arch)
	if !ok {
		return "", false, nil
	}
	return d.cachedObject("libgocc", src)
}

// staticRuntimeObject is runtimeObject for the additions a -static link needs.
func (d *driver) staticRuntimeObject() (path string, ok bool, err error) {
	src, ok := libgocc.StaticSource(d.tgt.Arch)
	if !ok {
		return "", false, nil
	}
	return d.cachedObject("libgocc-static", src)
}

// cachedObject returns the cached object assembled from src, assembling it if needed.
func (d *driver) cachedObject(kind string, src []byte) (path string, ok bool, err error) {
	sum := sha256.Sum256(append([]byte(d.assembler()+"\x00"), src...))
	name := kind + "-" + d.tgt.Arch.String() + "-" + hex.EncodeToString(sum[:8]) + ".o"
	dir := d.cacheDir()
	if dir == "" {
		// No cache: assemble into this invocation's temporaries.
		obj, err := d.temps.create("", ".o")
		if err != nil {
			return "", true, err
		}
		return obj, true, d.assembleRuntime(src, obj)
	}
	path = filepath.Join(dir, name)
	if d.opts.DryRun {
		return path, true, nil
	}
	if _, err := os.Stat(path); err == nil {
		return path, true, nil
	}
	tmp, err := d.temps.create(dir, ".o")
	if err != nil {
		return "", true, err
	}
	if err := d.assembleRuntime(src, tmp); err != nil {
		return "", true, err
	}
	if err := os.Rename(tmp, path); err != nil {
		return "", true, err
	}
	d.temps.forget(tmp)
	return path, true, nil
}

func (d *driver) assembleRuntime(src []byte, obj string) error {
	s, err := d.temps.create("", ".s")
	if err != nil {
		return err
	}
	if err := os.WriteFile(s, src, 0o644); err != nil {
		return err
	}
	return d.runTool(d.assembler(), d.asArgs(s, obj, false))
}

// cacheDir returns gocc's cache directory, creating it, or "" when there is none
// ($GOCCCACHE overrides the location; "off" disables the cache).
func (d *driver) cacheDir() string {
	dir := d.getenv("GOCCCACHE")
	if dir == "off" {
		return ""
	}
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(base, "gocc")
	}
	if d.opts.DryRun {
		return dir
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return ""
	}
	return dir
}
