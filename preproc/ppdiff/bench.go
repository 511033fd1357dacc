package ppdiff

import (
	"time"
)

// BenchResult is the wall time each preprocessor took over a corpus.
type BenchResult struct {
	Files     int // files both preprocessed successfully
	Gocc, GCC time.Duration
}

// Bench preprocesses each item with `gocc -E` and `gcc -E` (same flags and search path
// as Check, output discarded by the harness), one process at a time, alternating
// between the two so that both see the same cache state, and sums the wall times of the
// files both accept. Process start-up is part of the measure, as it is for a build.
func Bench(c *Checker, items []Item, rounds int) BenchResult {
	var r BenchResult
	for _, it := range items {
		args := append(c.args(it, "-E"), it.Path, "-o", "/dev/null")
		var g, w time.Duration
		ok := true
		for i := 0; i < rounds && ok; i++ {
			start := time.Now()
			_, _, err := c.run(c.dir(it), c.GCC, args...)
			w += time.Since(start)
			if err != nil {
				ok = false
				break
			}
			start = time.Now()
			_, _, err = c.run(c.dir(it), c.Gocc, args...)
			g += time.Since(start)
			ok = err == nil
		}
		if ok {
			r.Files++
			r.Gocc += g
			r.GCC += w
		}
	}
	return r
}
