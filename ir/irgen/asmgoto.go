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
	hidden := 0
	for _, o := range v.Asm.Outputs {
		if strings.Contains(o.Constraint, "+") {
			hidden++
		}
	}
	v.Asm.Template = numberLabels(v.Asm.Template, s.Labels, len(v.Asm.Outputs)+len(v.Asm.Inputs), hidden)
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

// numberLabels rewrites the label references of an asm goto template to the backend's
// operand numbers, where labels follow the outputs and inputs: %l[name] by its name,
// and %lN as gcc numbers labels, after the outputs, the inputs and one hidden input
// per "+" output (gcc manual "Goto Labels"). %% escapes are kept.
func numberLabels(tmpl string, labels []string, first, hidden int) string {
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
		if tmpl[i+1] == 'l' && i+2 < len(tmpl) {
			if tmpl[i+2] == '[' {
				if end := strings.IndexByte(tmpl[i+3:], ']'); end >= 0 {
					if k := slices.Index(labels, tmpl[i+3:i+3+end]); k >= 0 {
						sb.WriteString("%l" + strconv.Itoa(first+k))
						i += 3 + end
						continue
					}
				}
			} else if j := i + 2; tmpl[j] >= '0' && tmpl[j] <= '9' {
				for j < len(tmpl) && tmpl[j] >= '0' && tmpl[j] <= '9' {
					j++
				}
				n, _ := strconv.Atoi(tmpl[i+2 : j])
				if k := n - first - hidden; k >= 0 && k < len(labels) {
					n = first + k
				}
				sb.WriteString("%l" + strconv.Itoa(n))
				i = j - 1
				continue
			}
		}
		sb.WriteByte('%')
	}
	return sb.String()
}
