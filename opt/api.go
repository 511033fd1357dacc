// Package opt is gocc's machine-independent optimizer: a list of passes over the SSA IR
// of package ir. The list is data (passes below); each pass lives in its own file, which
// opens with what the pass requires and what it preserves. Any pass can be switched off
// by name (-d=opt/<name>/off), the IR can be verified after every pass, and a panic
// inside a pass is reported naming the pass and the function.
package opt

import (
	"fmt"
	"io"
	"runtime/debug"
	"sort"
	"strings"

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

// pass is one entry of the pipeline: a function pass (fn, run on each function) or a
// module pass (module, run once). The pipeline runs pass by pass over the module, so a
// module pass sees every function after the passes before it.
type pass struct {
	name     string
	fn       func(f *ir.Func, ctx *passContext)
	minLevel int  // runs when Config.Level >= minLevel
	required bool // runs at every level, -O0 included (the IR must be SSA for the backends)
	module   func(m *ir.Module, ctx *passContext)
}

// passContext is what a pass may know beyond its function: facts about the module,
// computed once per Run.
type passContext struct {
	// dataLabels are the block labels (ir.BlockLabel) that static data refers to
	// (labels as values in initializers); those blocks must be kept as they are.
	dataLabels map[string]bool
	// m is the module; globals indexes its globals by name; ptrSize is its pointer size.
	m       *ir.Module
	globals map[string]*ir.Global
	ptrSize int
	level   int // Config.Level
}

// passes is the pipeline, in order. Names are unique (checked by checkPasses).
var passes = []pass{
	{"mem2reg", mem2reg, 0, true, nil},
	{"constload", constload, 1, false, nil},
	{"constfold", constfold, 1, false, nil},
	{"algebra", algebra, 1, false, nil},
	{"copyprop", copyprop, 1, false, nil},
	{"early deadcode", deadcode, 1, false, nil},
	{"simplifycfg", simplifycfg, 1, false, nil},
	{"inline", nil, 1, false, inlineCalls},
	{"inline constfold", constfold, 1, false, nil},
	{"inline copyprop", copyprop, 1, false, nil},
	{"libcalls", libcalls, 1, false, nil},
	{"slotforward", slotforward, 1, false, nil},
	{"mid copyprop", copyprop, 1, false, nil},
	{"cse", cse, 1, false, nil},
	{"compare", compare, 1, false, nil},
	{"bcp", bcp, 0, true, nil},
	{"late constfold", constfold, 1, false, nil},
	{"late algebra", algebra, 1, false, nil},
	{"late copyprop", copyprop, 1, false, nil},
	{"deadcode", deadcode, 0, false, nil},
	{"late simplifycfg", simplifycfg, 1, false, nil},
	{"dead inline", nil, 1, false, removeDeadInline},
}

// checkPasses reports duplicate pass names.
func checkPasses(ps []pass) error {
	seen := map[string]bool{}
	for _, p := range ps {
		if seen[p.name] {
			return fmt.Errorf("opt: pass %q listed twice", p.name)
		}
		seen[p.name] = true
	}
	return nil
}

// PassNames lists the pass names in pipeline order (for -d=opt/help).
func PassNames() []string {
	names := make([]string, len(passes))
	for i, p := range passes {
		names[i] = p.name
	}
	return names
}

// PassPanic is the error returned when a pass panics: an internal compiler error.
type PassPanic struct {
	Pass, Func string
	Value      any
	Stack      []byte
}

func (e *PassPanic) Error() string {
	return fmt.Sprintf("internal compiler error: panic during %s while compiling %s: %v", e.Pass, e.Func, e.Value)
}

// Run runs the pass list for cfg.Level on every function of m.
func Run(m *ir.Module, cfg *Config) error {
	if cfg == nil {
		cfg = &Config{}
	}
	return runPasses(m, cfg, passes)
}

func runPasses(m *ir.Module, cfg *Config, ps []pass) error {
	if err := checkPasses(ps); err != nil {
		return err
	}
	var unknown []string
	for name := range cfg.Disabled {
		found := false
		for _, p := range ps {
			found = found || p.name == name
		}
		if !found {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return fmt.Errorf("opt: unknown pass %s in -d=opt/<pass>/off (passes: %s)",
			strings.Join(unknown, ", "), strings.Join(PassNames(), ", "))
	}
	ctx := &passContext{dataLabels: map[string]bool{}, m: m, globals: map[string]*ir.Global{}, ptrSize: m.PtrSize, level: cfg.Level}
	if ctx.ptrSize == 0 {
		ctx.ptrSize = 8
	}
	for _, g := range m.Globals {
		ctx.globals[g.Name] = g
		for _, r := range g.Relocs {
			ctx.dataLabels[r.Sym] = true
			if r.Sub != "" {
				ctx.dataLabels[r.Sub] = true
			}
		}
	}
	dump := func(f *ir.Func) bool { return cfg.DumpTo != nil && cfg.DumpFunc != "" && cfg.DumpFunc == f.Name }
	for _, f := range m.Funcs {
		if dump(f) {
			fmt.Fprintf(cfg.DumpTo, "// %s before optimization\n%s\n", f.Name, f)
		}
		if cfg.Verify {
			if err := ir.Verify(f); err != nil {
				return fmt.Errorf("opt: invalid IR before optimization: %w", err)
			}
		}
	}
	for _, p := range ps {
		if !(p.required || cfg.Level >= p.minLevel) || cfg.Disabled[p.name] {
			continue
		}
		if p.module != nil {
			if err := runModulePass(p, m, ctx); err != nil {
				return err
			}
		}
		for _, f := range m.Funcs {
			if p.fn != nil {
				if err := runPass(p, f, ctx); err != nil {
					return err
				}
			}
			if dump(f) {
				fmt.Fprintf(cfg.DumpTo, "// %s after %s\n%s\n", f.Name, p.name, f)
			}
			if cfg.Verify {
				if err := ir.Verify(f); err != nil {
					return fmt.Errorf("opt: invalid IR after pass %s: %w", p.name, err)
				}
			}
		}
	}
	return nil
}

// runModulePass runs a module pass, turning a panic into a *PassPanic.
func runModulePass(p pass, m *ir.Module, ctx *passContext) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &PassPanic{Pass: p.name, Func: "(module)", Value: r, Stack: debug.Stack()}
		}
	}()
	p.module(m, ctx)
	return nil
}

// runPass runs one pass, turning a panic into a *PassPanic.
func runPass(p pass, f *ir.Func, ctx *passContext) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &PassPanic{Pass: p.name, Func: f.Name, Value: r, Stack: debug.Stack()}
		}
	}()
	p.fn(f, ctx)
	return nil
}
