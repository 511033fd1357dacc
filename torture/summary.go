package torture

import (
	"bytes"
	"fmt"
	"os"
	"sort"
	"strings"
)

// SubsetCount is one subset's share of a run: "execute" (the top directory), "ieee"
// or "builtins".
type SubsetCount struct {
	Subset         string
	Passed, Failed int
}

// Subset names the subset a test belongs to: the directory part of its name, or
// "execute" for the top directory.
func Subset(name string) string {
	if dir, _, ok := strings.Cut(name, "/"); ok {
		return dir
	}
	return "execute"
}

// Summarize counts results per subset, in the order execute, ieee, builtins, then any
// other subset by name.
func Summarize(results []Result) []SubsetCount {
	bySubset := map[string]*SubsetCount{}
	for _, r := range results {
		s := Subset(r.Name)
		c := bySubset[s]
		if c == nil {
			c = &SubsetCount{Subset: s}
			bySubset[s] = c
		}
		if r.Pass {
			c.Passed++
		} else {
			c.Failed++
		}
	}
	rank := map[string]int{"execute": 0, "ieee": 1, "builtins": 2}
	var out []SubsetCount
	for _, c := range bySubset {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		ri, iok := rank[out[i].Subset]
		rj, jok := rank[out[j].Subset]
		switch {
		case iok && jok:
			return ri < rj
		case iok != jok:
			return iok
		}
		return out[i].Subset < out[j].Subset
	})
	return out
}

// RunInfo describes a run for its summary section.
type RunInfo struct {
	Target   string // e.g. "x86_64"
	OptFlag  string // e.g. "-O2"
	Sample   string // "full", "--fast (every 10th test)", or "--filter RE"
	Date     string // when the run was made, as the caller wants it shown
	Expect   string // expectations file, if any
	Skipped  int    // tests that do not apply to the target (dg-skip-if, .x files)
	GCCFails int    // tests gcc itself fails with the same flags (not counted)
}

// sectionMarker delimits one target and level's section of the summary file, so that
// a run rewrites its own section and keeps the others.
func sectionMarker(target, optFlag string) (begin, end string) {
	key := target + " " + optFlag
	return "<!-- begin " + key + " -->", "<!-- end " + key + " -->"
}

// summaryHeader starts a new summary file.
const summaryHeader = "# GCC torture suite: gocc results\n\n" +
	"Written by `go run ./cmd/torture --summary <this file>` (`make torture` writes it for each level).\n" +
	"Counts are over the tests gcc itself passes with the same flags on the same machine;\n" +
	"each failure and its reason is in the expectations file named in its section.\n"

// FormatSection renders one run as a markdown section.
func FormatSection(info RunInfo, counts []SubsetCount) string {
	begin, end := sectionMarker(info.Target, info.OptFlag)
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n## %s %s\n\n", begin, info.Target, info.OptFlag)
	fmt.Fprintf(&b, "Run: %s, %s.", info.Sample, info.Date)
	if info.Expect != "" {
		fmt.Fprintf(&b, " Known failures: `%s`.", info.Expect)
	}
	fmt.Fprintf(&b, " Not counted: %d tests that do not apply to the target, %d that gcc fails too.\n\n",
		info.Skipped, info.GCCFails)
	b.WriteString("| subset | passed | failed | pass rate |\n|---|---:|---:|---:|\n")
	var total SubsetCount
	for _, c := range counts {
		fmt.Fprintf(&b, "| %s | %d | %d | %s |\n", c.Subset, c.Passed, c.Failed, rate(c.Passed, c.Failed))
		total.Passed += c.Passed
		total.Failed += c.Failed
	}
	fmt.Fprintf(&b, "| **all** | **%d** | **%d** | **%s** |\n", total.Passed, total.Failed, rate(total.Passed, total.Failed))
	b.WriteString(end + "\n")
	return b.String()
}

func rate(passed, failed int) string {
	if passed+failed == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(passed)/float64(passed+failed))
}

// UpdateSummary replaces (or appends) the section of info's target and level in the
// markdown file at path, keeping every other section; sections stay sorted by key.
func UpdateSummary(path string, info RunInfo, counts []SubsetCount) error {
	old, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	sections := map[string]string{}
	text := string(old)
	for {
		i := strings.Index(text, "<!-- begin ")
		if i < 0 {
			break
		}
		keyEnd := strings.Index(text[i:], " -->")
		if keyEnd < 0 {
			break
		}
		key := text[i+len("<!-- begin ") : i+keyEnd]
		endMarker := "<!-- end " + key + " -->"
		j := strings.Index(text[i:], endMarker)
		if j < 0 {
			break
		}
		sections[key] = text[i:i+j+len(endMarker)] + "\n"
		text = text[i+j+len(endMarker):]
	}
	sections[info.Target+" "+info.OptFlag] = FormatSection(info, counts)
	keys := make([]string, 0, len(sections))
	for k := range sections {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b bytes.Buffer
	b.WriteString(summaryHeader)
	for _, k := range keys {
		b.WriteString("\n")
		b.WriteString(sections[k])
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
