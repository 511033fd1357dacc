package amd64

import "gocc/ir"

func (s *fnState) inlineAsm(v *ir.Value) {
	s.fail("inline asm not implemented yet")
}
