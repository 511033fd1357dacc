package main

import (
	"os"
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

// TestHasOperatorsMatchGCC compares what __has_attribute, __has_c_attribute and
// __has_builtin answer through the driver (sema's tables) with gcc's answers, in the
// text and in #if, for attributes and builtins gocc implements or accepts, names it
// uses internally, and names gcc 12 does not have. The one deliberate difference:
// scalar_storage_order, which gcc has and gocc does not implement, answers 0.
func TestHasOperatorsMatchGCC(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("gcc is not installed: it is the oracle")
	}
	var src strings.Builder
	for _, a := range []string{"packed", "__packed__", "__packed", "aligned", "noreturn", "deprecated",
		"fallthrough", "maybe_unused", "nodiscard", "unused", "cleanup", "access", "nonstring",
		"no_sanitize", "retain", "zero_call_used_regs", "_Alignas", "__pragma_pack", "pack",
		"visibility_hidden", "counted_by", "strict_flex_array", "no_such_attribute"} {
		src.WriteString(a + " __has_attribute(" + a + ") __has_attribute(gnu::" + a + ") __has_attribute(__gnu__::" + a +
			") __has_c_attribute(" + a + ") __has_cpp_attribute(" + a + ")\n")
	}
	for _, b := range []string{"__builtin_expect", "__builtin_offsetof", "__builtin_va_arg", "__builtin_complex",
		"__builtin_tgmath", "__builtin_c23_va_start", "__builtin_clzll", "__atomic_load_n", "__sync_synchronize",
		"__builtin_memcpy", "memcpy", "__builtin_no_such"} {
		src.WriteString(b + " __has_builtin(" + b + ")\n#if __has_builtin(" + b + ")\nyes\n#endif\n")
	}
	src.WriteString("#define A packed\n#if __has_attribute(A) && __has_c_attribute(deprecated) == 201904\nexpanded\n#endif\n")
	dir := t.TempDir()
	file := dir + "/has.c"
	if err := os.WriteFile(file, []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	want, err := exec.Command("gcc", "-E", "-P", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	code, got, stderr := gocc(t, "", "-E", "-P", file)
	if code != 0 || got != string(want) {
		t.Errorf("exit %d, stderr %q\ngocc:\n%s\ngcc:\n%s", code, stderr, got, want)
	}
}
