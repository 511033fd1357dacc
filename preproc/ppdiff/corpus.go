package ppdiff

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gocc/kernel"
	"gocc/torture"
)

// ppFlag reports whether a dg-options word is one that changes preprocessing (the
// predefined macros or the token stream); the rest (warnings, code generation) are left
// out so that only the preprocessor is compared.
func ppFlag(w string) bool {
	for _, p := range []string{"-D", "-U", "-std=", "-ansi", "-funsigned-char", "-fsigned-char", "-fshort-wchar",
		"-ffreestanding", "-O", "-fPIC", "-fpic", "-fPIE", "-fpie", "-fno-PIE", "-fno-pie", "-trigraphs"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// TortureItems lists every .c of gcc.c-torture/compile and gcc.c-torture/execute
// (extracted under cacheDir by package torture on first use), named "compile/<file>"
// and "execute/<file>", with their preprocessing dg-options.
func TortureItems(cacheDir string, log func(string)) ([]Item, error) {
	var items []Item
	for _, sub := range []string{"compile", "execute"} {
		root, err := torture.EnsureTestsuite(cacheDir, "gcc.c-torture/"+sub, log)
		if err != nil {
			return nil, err
		}
		files, err := torture.CorpusFiles(root)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			it := Item{Name: sub + "/" + f.Name, Path: f.Path}
			for _, w := range f.Flags {
				if ppFlag(w) {
					it.Flags = append(it.Flags, w)
				}
			}
			items = append(items, it)
		}
	}
	return items, nil
}

// HeaderItems makes one source file per header under the given include directories,
// each holding only `#include <name>` where name is the header's path relative to the
// first of dirs containing it (so /usr/include/x86_64-linux-gnu/sys/stat.h is
// <sys/stat.h>); a name already taken by an earlier directory is skipped, as the search
// would never reach it. The sources are written under workDir and named
// "headers/<name>".
func HeaderItems(workDir string, dirs []string) ([]Item, error) {
	seen := map[string]bool{}
	var names []string
	for i, d := range dirs {
		err := filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return nil // unreadable directories are not part of the corpus
			}
			if e.IsDir() {
				// A directory that is itself in dirs is walked under its own name.
				for j, o := range dirs {
					if j != i && p == o && p != d {
						return filepath.SkipDir
					}
				}
				return nil
			}
			if !strings.HasSuffix(p, ".h") {
				return nil
			}
			rel, err := filepath.Rel(d, p)
			if err != nil || seen[rel] {
				return nil
			}
			seen[rel] = true
			names = append(names, rel)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(names)
	src := filepath.Join(workDir, "headers")
	var items []Item
	for _, n := range names {
		file := filepath.Join(src, strings.ReplaceAll(n, "/", "__")+".c")
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(file, []byte(fmt.Sprintf("#include <%s>\n", n)), 0o644); err != nil {
			return nil, err
		}
		items = append(items, Item{Name: "headers/" + n, Path: file})
	}
	return items, nil
}

// KernelItems lists the kernel corpus: every C file of the x86-64 tinyconfig Linux
// build recorded in the manifest at manifestPath (written by package kernel, `make
// kernel-syntax`), and every .S file of that build (from the .o.cmd files in the
// tree), each with the flags kbuild gave gcc for it (for .S, kbuild's own
// -D__ASSEMBLY__; gcc takes the language, assembler-with-cpp, from the suffix), run in
// the tree. Named "kernel/<file>".
func KernelItems(manifestPath string) ([]Item, error) {
	m, err := kernel.ReadManifest(manifestPath)
	if err != nil {
		return nil, fmt.Errorf("%v (run make kernel-syntax first: it builds the kernel and writes the manifest)", err)
	}
	asm, err := kernel.CollectAsm(m.Tree)
	if err != nil {
		return nil, err
	}
	var items []Item
	for _, c := range append(m.Files, asm...) {
		items = append(items, Item{Name: "kernel/" + c.File, Path: c.File, Flags: c.Flags, Dir: m.Tree, OwnSearch: true})
	}
	sort.Slice(items, func(i, j int) bool { return items[i].Name < items[j].Name })
	return items, nil
}
