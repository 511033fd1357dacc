package ir

import (
	"strings"
	"testing"
)

// The GNU C nested-function shapes (OpChain, OpTrampoline, CallInfo.Chain) print, parse
// back to the same text and verify; the verifier rejects a chain outside the entry
// block and a chain call whose last argument is not a pointer.
func TestNestedRoundTrip(t *testing.T) {
	src := `module ptrsize 8

func @outer(i32) -> i32 {
  slot 0 size 16 align 8 ".frame"
  slot 1 size 24 align 16 "add.tramp"
b0:
  v1 = slot ptr 0 ; .frame
  v2 = slot ptr 1 ; add.tramp
  v0 = param i32 0
  v3 = chain ptr
  store v1, v3
  v4 = addr ptr @add.1
  trampoline v2, v4, v1
  v5 = call i32 v4, v0, v1 sym @add.1 sig(i32) -> i32 chain
  ret v5
}
`
	m, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	if text := m.String(); text != src {
		t.Errorf("printed text differs from the source:\n%s", lineDiff(src, text))
	}
	if err := VerifyModule(m); err != nil {
		t.Errorf("verify: %v", err)
	}
	vals := m.Funcs[0].Blocks[0].Values
	if call := vals[len(vals)-1]; call.Op != OpCall || !call.Call.Chain {
		t.Fatalf("last value is %v, want a chain call", call.Op)
	}

	bad := strings.Replace(src, "v5 = call i32 v4, v0, v1", "v5 = call i32 v4, v0, v0", 1)
	if m, err := Parse(bad); err != nil {
		t.Fatal(err)
	} else if err := VerifyModule(m); err == nil || !strings.Contains(err.Error(), "static chain") {
		t.Errorf("non-pointer static chain: got %v", err)
	}
	moved := strings.Replace(strings.Replace(src, "  v3 = chain ptr\n", "", 1), "  ret v5\n", "  plain -> b1\nb1: <- b0\n  v3 = chain ptr\n  ret v5\n", 1)
	moved = strings.Replace(moved, "  store v1, v3\n", "", 1)
	if m, err := Parse(moved); err != nil {
		t.Fatalf("%v\n%s", err, moved)
	} else if err := VerifyModule(m); err == nil || !strings.Contains(err.Error(), "entry block") {
		t.Errorf("chain outside the entry block: got %v", err)
	}
}
