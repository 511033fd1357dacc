package main

import (
	"os/exec"
	"sort"
	"strings"
	"testing"
)

// TestDumpMacrosMachineOptions compares `gocc -dM -E` with gcc's (the oracle) under the
// machine options that change the predefined macros through the driver: -m16 keeps
// x86-64's default -march, -mno-sse2 takes the _Float16 macros away.
func TestDumpMacrosMachineOptions(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("gcc is not installed: it is the oracle")
	}
	lines := func(s string) []string {
		l := strings.Split(strings.TrimSpace(s), "\n")
		sort.Strings(l)
		return l
	}
	for _, flags := range [][]string{{"-m16"}, {"-m32"}, {"-mno-sse2"}, {"-m16", "-mno-sse"}, {"-m32", "-O2", "-fPIC"}} {
		args := append(append([]string{}, flags...), "-dM", "-E", "-x", "c", "/dev/null")
		out, err := exec.Command("gcc", args...).Output()
		if err != nil {
			t.Logf("gcc %v: %v (multilib missing?)", flags, err)
			continue
		}
		code, got, stderr := gocc(t, "", args...)
		if code != 0 {
			t.Errorf("gocc %v: exit %d: %s", flags, code, stderr)
			continue
		}
		want, have := lines(string(out)), lines(got)
		inWant := map[string]bool{}
		for _, l := range want {
			inWant[l] = true
		}
		inHave := map[string]bool{}
		for _, l := range have {
			inHave[l] = true
			if !inWant[l] {
				t.Errorf("%v: extra %s", flags, l)
			}
		}
		for _, l := range want {
			if !inHave[l] {
				t.Errorf("%v: missing %s", flags, l)
			}
		}
	}
}
