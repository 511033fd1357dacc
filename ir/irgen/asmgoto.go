package irgen

import (
	"slices"
	"strconv"
	"strings"

	"gocc/ast"
	"gocc/ir"
)

// asmGoto ends the current block after the asm goto statement v (GNU C "Goto Labels"):
// the block becomes a BlockAsmGoto that falls through to a fresh block or jumps to one
// of the labels. Each label operand gets its own block, with the asm block as its only
// predecessor, which jumps on to the C label: the asm names that block, so the edge
// never needs splitting and phi copies for the label land in it (and the backend
// stores the asm's outputs there too: they hold on every path, as in gcc 11+).
func (fn *fn) asmGoto(s *ast.AsmStmt, v *ir.Value) {
	v.Asm.Template = numberLabels(v.Asm.Template, s.Labels, len(v.Asm.Outputs)+len(v.Asm.Inputs))
	b := fn.b
	b.Kind = ir.BlockAsmGoto
	next := fn.f.NewBlock()
	b.AddEdge(next)
	for _, name := range s.Labels {
		l := fn.f.NewBlock()
		b.AddEdge(l)
		v.Asm.Labels = append(v.Asm.Labels, l)
		l.Kind = ir.BlockPlain
		l.AddEdge(fn.label(name))
	}
	fn.b = next
}

// numberLabels rewrites the %l[name] label references of an asm goto template to
// %lN, N being the label's operand number: labels are numbered after the outputs and
// inputs, in order (gcc manual "Goto Labels"). %% escapes are kept.
func numberLabels(tmpl string, labels []string, first int) string {
	var sb strings.Builder
	for i := 0; i < len(tmpl); i++ {
		if tmpl[i] != '%' || i+1 >= len(tmpl) {
			sb.WriteByte(tmpl[i])
			continue
		}
		if tmpl[i+1] == '%' {
			sb.WriteString("%%")
			i++
			continue
		}
		if tmpl[i+1] == 'l' && i+2 < len(tmpl) && tmpl[i+2] == '[' {
			if end := strings.IndexByte(tmpl[i+3:], ']'); end >= 0 {
				if k := slices.Index(labels, tmpl[i+3:i+3+end]); k >= 0 {
					sb.WriteString("%l" + strconv.Itoa(first+k))
					i += 3 + end
					continue
				}
			}
		}
		sb.WriteByte('%')
	}
	return sb.String()
}
