package irgen

import (
	"testing"

	"gocc/ast"
	"gocc/ir"
)

// TestGlobalAlignAndTentative: x86-64 arrays of 16 bytes or more are 16-byte aligned
// (psABI), and only file-scope definitions without an initializer are Tentative
// (the driver makes those common symbols under -fcommon).
func TestGlobalAlignAndTentative(t *testing.T) {
	small := global("small", arrayOf(tChar, 15))
	big := global("big", arrayOf(tChar, 16))
	zero := global("zero", tInt)
	zero.Init = []*ast.InitEntry{{Type: tInt, Const: &ast.ConstValue{Kind: ast.ConstInt, Int: 0}}}
	tent := global("tent", tInt)
	m := generate(t, []*ast.Object{small, big, zero, tent})
	byName := map[string]*ir.Global{}
	for _, gl := range m.Globals {
		byName[gl.Name] = gl
	}
	for name, want := range map[string]int64{"small": 1, "big": 16} {
		if gl := byName[name]; gl == nil || gl.Align != want {
			t.Errorf("%s: align %v, want %d", name, gl, want)
		}
	}
	for name, want := range map[string]bool{"tent": true, "big": true, "zero": false} {
		if gl := byName[name]; gl == nil || gl.Tentative != want {
			t.Errorf("%s: Tentative %v, want %v", name, gl, want)
		}
	}
}
