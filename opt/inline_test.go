package opt

import (
	"testing"

	"gocc/ir"
)

// TestRemoveDeadInline: an internal inline function nobody refers to is dropped; one
// still called, one named in asm text, an external one and a constructor are kept.
func TestRemoveDeadInline(t *testing.T) {
	const src = `module ptrsize 8

func internal @dead() -> void inline {
b0:
  ret
}

func internal @called() -> void inline {
b0:
  ret
}

func internal @inasm() -> void inline {
b0:
  ret
}

func @ext() -> void inline {
b0:
  ret
}

func internal @ctor() -> void constructor 65535 inline {
b0:
  ret
}

func @main() -> void {
b0:
  v0 = addr ptr @called
  call v0 sym @called sig() -> void
  asm asm{"call inasm" volatile}
  ret
}
`
	m, err := ir.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	removeDeadInline(m, nil)
	var got []string
	for _, f := range m.Funcs {
		got = append(got, f.Name)
	}
	want := []string{"called", "inasm", "ext", "ctor", "main"}
	if len(got) != len(want) {
		t.Fatalf("functions kept: %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("functions kept: %v, want %v", got, want)
		}
	}
}
