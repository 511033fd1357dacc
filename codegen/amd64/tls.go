package amd64

import "gocc/ir"

// Thread-local storage access (Drepper, "ELF Handling For Thread-Local Storage",
// §4.3 "x86-64 Specific", and the psABI §3.4.6 / Chapter 6 TLS relocations). Four
// models, from the most general to the most efficient:
//
//	global-dynamic  any symbol, from any module: __tls_get_addr(&GOT tls_index)
//	                (padded with data16/rex64 prefixes so the linker can relax it)
//	local-dynamic   a symbol of this module: __tls_get_addr of the module's block,
//	                then the symbol's offset in it (@dtpoff)
//	initial-exec    a module loaded at start-up: %fs:0 plus the GOT's @gottpoff
//	local-exec      a symbol of the executable: %fs:0 plus the link-time @tpoff
//
// The model is gcc's choice (varasm.c decl_default_tls_model): the tls_model attribute
// if given; otherwise in executables (PIE included) local-exec for symbols defined here
// and initial-exec for others, and in shared objects (-fPIC) local-dynamic for symbols
// binding locally (global-dynamic at -O0, where nothing shares the module base) and
// global-dynamic for others; then at least the -ftls-model= model. The linker relaxes
// the general sequences when it links an executable.

type tlsModel int

const (
	tlsGlobalDynamic tlsModel = iota
	tlsLocalDynamic
	tlsInitialExec
	tlsLocalExec
)

var tlsModelNames = map[string]tlsModel{
	"global-dynamic": tlsGlobalDynamic, "local-dynamic": tlsLocalDynamic,
	"initial-exec": tlsInitialExec, "local-exec": tlsLocalExec,
}

// tlsModelFor picks the access model of thread-local symbol sym.
func (g *gen) tlsModelFor(sym string) tlsModel {
	if g.tlsModels == nil {
		g.tlsModels = map[string]string{}
		for _, gl := range g.m.Globals {
			if gl.TLS && gl.TLSModel != "" {
				g.tlsModels[gl.Name] = gl.TLSModel
			}
		}
	}
	if m, ok := tlsModelNames[g.tlsModels[sym]]; ok {
		return m
	}
	var m tlsModel
	switch {
	case !g.opts.PIC && g.defines(sym):
		m = tlsLocalExec
	case !g.opts.PIC:
		m = tlsInitialExec
	case g.isLocal(sym) && g.opts.OptLevel > 0:
		m = tlsLocalDynamic
	default:
		m = tlsGlobalDynamic
	}
	return max(m, tlsModelNames[g.opts.TLSModel])
}

// tlsAddr computes the address of v.Sym + v.AuxInt in the current thread into d.
func (s *fnState) tlsAddr(v *ir.Value, d reg) {
	fs0 := operand{kind: kMem, reg: noReg, index: noReg, seg: "%fs"}
	switch s.g.tlsModelFor(v.Sym) {
	case tlsGlobalDynamic:
		// The exact 16-byte sequence the linker recognizes (Drepper §4.3.1).
		i := s.raw(".byte 0x66\n\tleaq " + v.Sym + "@tlsgd(%%rip), %%rdi\n\t.value 0x6666\n\trex64\n\tcall __tls_get_addr@PLT")
		i.implDef = callerSaved
		s.emit("movq", use(RAX, 8), def(d, 8))
	case tlsLocalDynamic:
		// Drepper §4.3.2: the module's block, then the offset within it.
		i := s.raw("leaq " + v.Sym + "@tlsld(%%rip), %%rdi\n\tcall __tls_get_addr@PLT")
		i.implDef = callerSaved
		s.emit("leaq", operand{kind: kMem, reg: RAX, index: noReg, sym: v.Sym + "@dtpoff"}, def(d, 8))
	case tlsInitialExec:
		// Drepper §4.3.3.
		s.emit("movq", ripMem(v.Sym+"@gottpoff", 0), def(d, 8))
		s.emit("addq", fs0, mod(d, 8))
	case tlsLocalExec:
		// Drepper §4.3.4.
		s.emit("movq", fs0, def(d, 8))
		s.emit("leaq", operand{kind: kMem, reg: d, index: noReg, sym: v.Sym + "@tpoff"}, def(d, 8))
	}
	if v.AuxInt != 0 {
		s.addConst(d, v.AuxInt)
	}
}
