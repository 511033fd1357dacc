package preproc

import (
	"bytes"
	"os"
	"os/exec"
	"sort"
	"strings"
	"testing"

	"gocc/diag"
	"gocc/target"
)

// dmDeliberate lists the macros gocc's -dM deliberately leaves different from gcc 12's,
// per target (see README.md, "Predefined macros"); empty today.
var dmDeliberate = map[string]map[string]string{}

// TestDumpMacrosAllTargets compares gocc's predefined macros with `gcc -dM -E` for every
// target whose gcc is installed (the Debian cross compilers), with the options that
// change them.
func TestDumpMacrosAllTargets(t *testing.T) {
	for _, c := range []struct {
		name, triple string
		gcc          []string
		cfg          func(*Config)
	}{
		{"x86_64", "x86_64-linux-gnu", []string{"gcc"}, nil},
		{"x86_64-O2-fPIC", "x86_64-linux-gnu", []string{"gcc", "-O2", "-fPIC"}, func(c *Config) { c.OptLevel, c.PIC, c.PIE = 2, 2, 0 }},
		{"x86_64-std=c11-funsigned-char", "x86_64-linux-gnu", []string{"gcc", "-std=c11", "-funsigned-char"},
			func(c *Config) { c.Std, c.UnsignedChar = "c11", true }},
		{"i386", "i386-linux-gnu", []string{"gcc", "-m32"}, nil},
		{"i386-Os-fno-pie", "i386-linux-gnu", []string{"gcc", "-m32", "-Os", "-fno-pie"},
			func(c *Config) { c.OptLevel, c.OptSize, c.PIE = 2, true, 0 }},
		{"aarch64", "aarch64-linux-gnu", []string{"aarch64-linux-gnu-gcc"}, nil},
		{"riscv64", "riscv64-linux-gnu", []string{"riscv64-linux-gnu-gcc"}, nil},
		{"riscv64-fno-pie", "riscv64-linux-gnu", []string{"riscv64-linux-gnu-gcc", "-fno-pie"}, func(c *Config) { c.PIE = 0 }},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := exec.LookPath(c.gcc[0]); err != nil {
				t.Skipf("%s is not installed", c.gcc[0])
			}
			args := append(c.gcc[1:], "-dM", "-E", "-x", "c", "/dev/null")
			out, err := exec.Command(c.gcc[0], args...).Output()
			if err != nil {
				t.Skipf("%s %v: %v (no multilib?)", c.gcc[0], args, err)
			}
			tg, err := target.New(c.triple)
			if err != nil {
				t.Fatal(err)
			}
			cfg := &Config{Target: tg, PIE: 2}
			if c.cfg != nil {
				c.cfg(cfg)
			}
			var b bytes.Buffer
			var dl diag.List
			if err := DumpMacros(&b, nil, cfg, &dl); err != nil || dl.HasErrors() {
				dl.Print(os.Stderr)
				t.Fatal(err)
			}
			want, got := parseDM(string(out)), parseDM(b.String())
			var names []string
			for n := range want {
				names = append(names, n)
			}
			for n := range got {
				if _, ok := want[n]; !ok {
					names = append(names, n)
				}
			}
			sort.Strings(names)
			var bad []string
			for _, n := range names {
				w, inW := want[n]
				g, inG := got[n]
				if inW == inG && w == g {
					continue
				}
				if why, ok := dmDeliberate[c.triple][n]; ok {
					t.Logf("%s differs (deliberate: %s)", n, why)
					continue
				}
				switch {
				case !inG:
					bad = append(bad, "missing "+n+" "+w)
				case !inW:
					bad = append(bad, "extra "+n+" "+g)
				default:
					bad = append(bad, n+": gocc "+g+", gcc "+w)
				}
			}
			if len(bad) > 0 {
				t.Errorf("%d differences from %s:\n%s", len(bad), strings.Join(c.gcc, " "), strings.Join(bad, "\n"))
			}
		})
	}
}
