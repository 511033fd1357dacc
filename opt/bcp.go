package opt

import "gocc/ir"

// constantPSym is irgen.ConstantPSym: calls of it stand for an undecided
// __builtin_constant_p(x) (checked equal in bcp_test.go).
const constantPSym = "__builtin_constant_p"

// bcp resolves the __builtin_constant_p calls irgen left for the optimizer (gcc manual,
// "Other Builtins": the result may depend on optimization): 1 if the operand is now a
// constant — an integer or floating constant, or the address of a string literal —
// and 0 otherwise. At -O0 the answer is always 0, as gcc gives without optimization,
// and the branches it decides are folded in that function, as gcc does.
// The pass is required: the pseudo-function does not exist at link time.
//
// Requires: valid IR; at -O1 and above, after constant folding and copy propagation.
// Preserves: the CFG; each call becomes an OpConst in place.
func bcp(f *ir.Func, ctx *passContext) {
	resolved := false
	defer func() {
		if resolved && ctx.level == 0 {
			// gcc removes the code a constant 0 condition guards even at -O0
			// (if (__builtin_constant_p(x)) link_error(); must link): fold what the
			// answers decide in this function.
			constfold(f, ctx)
			simplifycfg(f, ctx)
			deadcode(f, ctx)
		}
	}()
	for _, b := range f.Blocks {
		for _, v := range b.Values {
			if v.Op != ir.OpCall || v.Sym != constantPSym || len(v.Args) != 2 {
				continue
			}
			r := int64(0)
			if ctx.level > 0 {
				switch x := v.Args[1]; x.Op {
				case ir.OpConst, ir.OpConstFloat:
					r = 1
				case ir.OpAddr:
					if g := ctx.globals[x.Sym]; g != nil && g.IsString {
						r = 1
					}
				}
			}
			v.Call, v.Sym = nil, ""
			setConst(v, r)
			resolved = true
		}
	}
}
