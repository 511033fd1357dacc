package main

// acceptedFOptions are the -f options gocc accepts without any effect on its output,
// because gocc already behaves that way or the option only tunes optimizations,
// diagnostics or debug information gocc does not produce. An entry ending in '='
// accepts any value. Options missing here are rejected like gcc rejects unknown ones,
// so a build never silently gets code it did not ask for.
//
//	option                                   why it does not change gocc's output
//	-f[no-]strict-aliasing                   gocc makes no type-based alias assumptions
//	-f[no-]wrapv, -fno-strict-overflow       gocc's arithmetic wraps; passes do not exploit signed overflow
//	-fbuiltin                                builtins are recognised by their __builtin_ names (and abs,
//	                                         labs, llabs, imaxabs, see -fno-builtin in options.go)
//	-f[no-]stack-protector*, -fstack-clash-protection, -fcf-protection*, -fno-stack-check
//	                                         gocc emits no stack canaries, probes or CET markers
//	-f[no-]asynchronous-unwind-tables, -f[no-]unwind-tables, -f[no-]exceptions
//	                                         unwind tables are always emitted as the backend sees fit
//	-f[no-]inline*, -f[no-]unroll-loops, -f[no-]tree-*, -f[no-]optimize-sibling-calls,
//	-f[no-]gcse, -f[no-]ipa-*, -f[no-]peephole2, -f[no-]schedule-insns*, -f[no-]align-*,
//	-f[no-]reorder-*, -f[no-]jump-tables, -fno-delete-null-pointer-checks, -f[no-]lto,
//	-f[no-]merge-constants, -f[no-]merge-all-constants, -ffp-contract=, -fexcess-precision=,
//	-fno-tree-dse, -fno-tracer, -fno-ipa-ra, -fno-ivopts, -fmodulo-sched, -fexpensive-optimizations,
//	-ftree-loop-distribution, -fno-ira-share-spill-slots, -fno-tree-bit-ccp, -fno-vect-cost-model,
//	-fno-tree-coalesce-vars, -f[no-]dce, -f[no-]optimize-strlen, -f[no-]early-inlining,
//	-f[no-]ipa-cp, -fconserve-stack
//	                                         optimization tuning; gocc's passes are chosen by -O and -d=opt/
//	-f[no-]math-errno, -f[no-]trapping-math, -f[no-]signed-zeros, -ffast-math, -f[no-]finite-math-only
//	                                         gocc never relaxes IEEE semantics
//	-f[no-]diagnostics-*, -fmessage-length=, -f[no-]show-column, -fno-caret-diagnostics
//	                                         diagnostics formatting
//	-f[no-]fat-lto-objects, -flto-partition=  gocc writes ordinary objects, never LTO bytecode
//	-f[no-]debug-types-section, -femit-struct-debug-*
//	                                         gocc's debug information is the line table only
//	-f[no-]isolate-erroneous-paths-dereference
//	                                         optimization tuning (gocc never traps on a null path)
//	-fsigned-bitfields, -fasm, -fgnu-keywords, -fno-strict-volatile-bitfields
//	                                         gcc's defaults on x86-64, which gocc follows
//	-fvisibility-inlines-hidden              C++ only; gcc ignores it for C too
//	-frandom-seed=, -f[no-]use-linker-plugin gocc's output is deterministic and has no LTO plugin
//	-f[no-]ident, -f[no-]verbose-asm, -frecord-gcc-switches, -fdebug-prefix-map=,
//	-ffile-prefix-map=, -fmacro-prefix-map=, -f[no-]var-tracking*, -f[no-]dwarf2-cfi-asm,
//	-fno-eliminate-unused-debug-types, -f[no-]semantic-interposition, -f[no-]plt,
//	-f[no-]keep-inline-functions,
//	-f[no-]pcc-struct-return, -f[no-]stack-usage, -fno-allow-store-data-races, -ftrack-macro-expansion=,
//	-finput-charset=, -fexec-charset=, -fextended-identifiers, -fdollars-in-identifiers,
//	-f[no-]permissive, -fno-working-directory, -fno-threadsafe-statics, -fno-var-tracking-assignments,
//	-fnon-call-exceptions (C code throws no exceptions)
//	                                         no effect on gocc's code (charsets: UTF-8 only)
var acceptedFOptions = setOf(
	"-fstrict-aliasing", "-fno-strict-aliasing", "-fwrapv", "-fno-wrapv", "-fno-strict-overflow",
	"-fstrict-overflow", "-fbuiltin", "-fno-builtin",
	"-fstack-protector", "-fstack-protector-strong", "-fstack-protector-all",
	"-fstack-protector-explicit", "-fno-stack-protector", "-fstack-clash-protection",
	"-fno-stack-clash-protection", "-fcf-protection", "-fcf-protection=", "-fno-stack-check",
	"-fasynchronous-unwind-tables", "-fno-asynchronous-unwind-tables", "-funwind-tables",
	"-fno-unwind-tables", "-fexceptions", "-fno-exceptions",
	"-finline", "-fno-inline", "-finline-functions", "-fno-inline-functions",
	"-finline-small-functions", "-fno-inline-small-functions", "-finline-limit=",
	"-finline-functions-called-once", "-fno-inline-functions-called-once",
	"-funroll-loops", "-fno-unroll-loops", "-funroll-all-loops", "-ftree-vectorize",
	"-fno-tree-vectorize", "-ftree-loop-vectorize", "-fno-tree-loop-vectorize",
	"-fno-tree-pre", "-fno-tree-vrp", "-fno-tree-dce", "-fno-tree-loop-distribute-patterns",
	"-foptimize-sibling-calls", "-fno-optimize-sibling-calls", "-fgcse", "-fno-gcse",
	"-fno-ipa-cp-clone", "-fno-ipa-sra", "-fno-ipa-icf", "-fno-partial-inlining",
	"-fpeephole2", "-fno-peephole2", "-fschedule-insns", "-fno-schedule-insns",
	"-fno-schedule-insns2", "-falign-functions", "-falign-functions=", "-falign-jumps=",
	"-falign-loops=", "-falign-labels=", "-fno-align-functions", "-fno-align-jumps",
	"-fno-align-loops", "-fno-align-labels", "-freorder-blocks", "-fno-reorder-blocks",
	"-fno-reorder-functions", "-fjump-tables", "-fno-jump-tables",
	"-fno-delete-null-pointer-checks", "-fdelete-null-pointer-checks", "-flto", "-fno-lto",
	"-flto=", "-fmerge-constants", "-fno-merge-constants", "-fmerge-all-constants",
	"-fno-merge-all-constants", "-ffp-contract=", "-fexcess-precision=",
	"-fmath-errno", "-fno-math-errno", "-ftrapping-math", "-fno-trapping-math",
	"-fsigned-zeros", "-fno-signed-zeros", "-ffast-math", "-fno-fast-math",
	"-ffinite-math-only", "-fno-finite-math-only",
	"-fdiagnostics-show-option", "-fno-diagnostics-show-option",
	"-fdiagnostics-urls=",
	"-fno-diagnostics-show-labels", "-fno-diagnostics-show-line-numbers",
	"-fmessage-length=", "-fshow-column", "-fno-show-column",
	"-fident", "-fno-ident", "-fverbose-asm", "-fno-verbose-asm", "-frecord-gcc-switches",
	"-fdebug-prefix-map=", "-ffile-prefix-map=", "-fmacro-prefix-map=", "-fvar-tracking",
	"-fno-var-tracking", "-fvar-tracking-assignments", "-fno-var-tracking-assignments",
	"-fdwarf2-cfi-asm", "-fno-dwarf2-cfi-asm", "-fno-eliminate-unused-debug-types",
	"-fsemantic-interposition", "-fno-semantic-interposition", "-fplt", "-fno-plt",
	"-fkeep-inline-functions",
	"-fno-keep-inline-functions", "-fpcc-struct-return",
	"-fno-pcc-struct-return", "-fstack-usage", "-fno-stack-usage",
	"-fno-allow-store-data-races", "-ftrack-macro-expansion=", "-finput-charset=",
	"-fexec-charset=", "-fextended-identifiers", "-fdollars-in-identifiers", "-fpermissive",
	"-fno-permissive", "-fno-threadsafe-statics",
	"-fno-builtin-printf", "-fno-builtin-malloc", "-fno-builtin-memcpy",
	"-fno-builtin-memset", "-fno-builtin-strlen", "-fno-builtin-abort",
	"-fno-tree-dse", "-fno-tracer", "-fno-ipa-ra", "-fno-ivopts", "-fmodulo-sched",
	"-ftree-loop-distribution", "-fno-ira-share-spill-slots", "-fexpensive-optimizations",
	"-fno-tree-bit-ccp", "-fno-vect-cost-model", "-fnon-call-exceptions", "-fno-tree-coalesce-vars",
	"-fdce", "-fno-dce", "-foptimize-strlen", "-fno-optimize-strlen", "-fearly-inlining",
	"-fno-early-inlining", "-fipa-cp", "-fno-ipa-cp", "-fconserve-stack",
	"-ffat-lto-objects", "-fno-fat-lto-objects", "-flto-partition=",
	"-fdiagnostics-parseable-fixits", "-fdiagnostics-generate-patch",
	"-fdiagnostics-show-template-tree", "-fno-diagnostics-show-template-tree",
	"-fdebug-types-section", "-fno-debug-types-section", "-femit-struct-debug-baseonly",
	"-femit-struct-debug-reduced", "-fisolate-erroneous-paths-dereference",
	"-fno-isolate-erroneous-paths-dereference", "-fsigned-bitfields", "-fasm", "-fgnu-keywords",
	"-fno-strict-volatile-bitfields", "-fvisibility-inlines-hidden",
	"-frandom-seed=", "-fuse-linker-plugin", "-fno-use-linker-plugin",
)

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}
