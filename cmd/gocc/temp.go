package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// tempFiles tracks every temporary file of one invocation so that all of them are
// removed on every exit path: success, error, internal compiler error and SIGINT/SIGTERM
// (the signal handler calls removeAll from another goroutine, hence the mutex).
type tempFiles struct {
	mu     sync.Mutex
	paths  []string
	dryRun bool // -###: invent names, create nothing
	n      int
}

// create makes an empty temporary file in dir ("" for $TMPDIR) whose name ends in
// suffix, and returns its path.
func (t *tempFiles) create(dir, suffix string) (string, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.dryRun {
		t.n++
		if dir == "" {
			dir = os.TempDir()
		}
		return filepath.Join(dir, fmt.Sprintf("gocc-tmp%d%s", t.n, suffix)), nil
	}
	f, err := os.CreateTemp(dir, "gocc-*"+suffix)
	if err != nil {
		return "", err
	}
	f.Close()
	t.paths = append(t.paths, f.Name())
	return f.Name(), nil
}

// forget stops tracking path (it was renamed to its final name).
func (t *tempFiles) forget(path string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for i, p := range t.paths {
		if p == path {
			t.paths = append(t.paths[:i], t.paths[i+1:]...)
			return
		}
	}
}

func (t *tempFiles) removeAll() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, p := range t.paths {
		os.Remove(p)
	}
	t.paths = nil
}
