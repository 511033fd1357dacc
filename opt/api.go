package opt

import (
	"io"

	"gocc/ir"
)

// Config selects and instruments the passes.
type Config struct {
	Level    int             // -O level: 0, 1, 2, 3; 's' optimizes for size as 2
	Disabled map[string]bool // -d=opt/<pass>/off
	Verify   bool            // run ir.Verify after every pass (tests turn it on)
	DumpFunc string          // GOCCDUMP: dump this function's IR after every pass
	DumpTo   io.Writer
}

// PLACEHOLDER (to be replaced by the pass manager).
//
// Run runs the pass list for cfg.Level on every function of m.
func Run(m *ir.Module, cfg *Config) error {
	panic("opt: not implemented")
}
