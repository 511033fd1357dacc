package ir

import "fmt"

// BlockLabel is the assembler label of block blockID of f, as backends emit it and as
// OpBlockAddr values and data relocations (Reloc.Sym) of labels-as-values name it. It
// is a local label (".L" prefix): unique in the module because function names are.
func BlockLabel(f *Func, blockID int) string {
	return fmt.Sprintf(".L.bb.%s.%d", f.Name, blockID)
}
