package amd64

import (
	"fmt"
	"strings"
)

// Frame layout and emission of one allocated function.
//
// Frame (rbp-based, §3.2.2; rsp is 16-aligned at every call):
//
//	16(%rbp)...        incoming stack arguments
//	8(%rbp)            return address
//	0(%rbp)            caller's rbp
//	-8(%rbp)...        saved callee-saved registers (rbx, r12-r15 as used)
//	                   frame objects: IR slots, f80 values, spill slots, register save area
//	N(%rsp)...0(%rsp)  outgoing stack arguments (alloca'd blocks sit just above it)

func (s *fnState) layoutFrame() int64 {
	cur := int64(8 * len(s.usedCallee))
	for i := range s.frame {
		o := &s.frame[i]
		if o.fixed {
			continue
		}
		cur += o.size
		a := min(o.align, 16) // rbp is 16-aligned; over-aligned objects are not realigned
		cur = (cur + a - 1) &^ (a - 1)
		o.offset = -cur
	}
	return (cur + s.maxOut + 15) &^ 15
}

func (s *fnState) frameOff(obj int) int64 {
	if obj < 0 {
		return s.maxOut
	}
	return s.frame[obj].offset
}

func (s *fnState) emitFunc(w *strings.Builder) {
	f := s.f
	size := s.layoutFrame()
	g := s.g
	sect := ".text"
	if f.Section != "" {
		sect = f.Section
	} else if g.opts.FunctionSections {
		sect = ".text." + f.Name
	}
	if sect == ".text" {
		w.WriteString("\t.text\n")
	} else {
		fmt.Fprintf(w, "\t.section %s,\"ax\",@progbits\n", sect)
	}
	g.emitLinkage(w, f.Name, f.Linkage, f.Visibility)
	align := 16
	if f.Align > align {
		align = f.Align
	}
	fmt.Fprintf(w, "\t.p2align %d\n", log2(int64(align)))
	fmt.Fprintf(w, "\t.type %s, @function\n%s:\n", f.Name, f.Name)
	w.WriteString("\tpushq %rbp\n\tmovq %rsp, %rbp\n")
	if size > 0 {
		fmt.Fprintf(w, "\tsubq $%d, %%rsp\n", size)
	}
	for i, r := range s.usedCallee {
		fmt.Fprintf(w, "\tmovq %s, %d(%%rbp)\n", regName(r, 8), -8*(i+1))
	}
	if s.regSave >= 0 {
		// §3.5.7: the register save area holds rdi..r9 then xmm0..xmm7.
		base := s.frame[s.regSave].offset
		for i, r := range intArgRegs {
			fmt.Fprintf(w, "\tmovq %s, %d(%%rbp)\n", regName(r, 8), base+int64(8*i))
		}
		for i, r := range sseArgRegs {
			fmt.Fprintf(w, "\tmovaps %s, %d(%%rbp)\n", regName(r, 16), base+48+int64(16*i))
		}
	}
	line := int32(0)
	for bi, b := range s.blocks {
		fmt.Fprintf(w, "%s:\n", b.label)
		var next *mblock
		if bi+1 < len(s.blocks) {
			next = s.blocks[bi+1]
		}
		for _, in := range b.insts {
			if g.opts.Debug && g.opts.FileName != "" && in.line != 0 && in.line != line {
				line = in.line
				fmt.Fprintf(w, "\t.loc 1 %d\n", line)
			}
			s.emitInst(w, in, next)
		}
	}
	fmt.Fprintf(w, "\t.size %s, .-%s\n", f.Name, f.Name)
}

func (s *fnState) fmtOp(o operand) string { return formatOperand(o, s.frameOff) }

func (s *fnState) emitInst(w *strings.Builder, in *inst, next *mblock) {
	switch in.op {
	case "jmp":
		if in.target != next {
			fmt.Fprintf(w, "\tjmp %s\n", in.target.label)
		}
	case "jcc":
		fmt.Fprintf(w, "\tj%s %s\n", in.tmpl, in.target.label)
	case "ret":
		for i, r := range s.usedCallee {
			fmt.Fprintf(w, "\tmovq %d(%%rbp), %s\n", -8*(i+1), regName(r, 8))
		}
		w.WriteString("\tleave\n\tret\n")
	case "ud2term":
		w.WriteString("\tud2\n")
	case "jmpind":
		fmt.Fprintf(w, "\tjmp *%s\n", s.fmtOp(in.args[0]))
		if in.tmpl != "" {
			fmt.Fprintf(w, "\t.p2align 2\n%s:\n", in.tmpl)
			for _, t := range in.targets {
				fmt.Fprintf(w, "\t.long %s-%s\n", t.label, in.tmpl)
			}
		}
	case "call":
		if in.args[0].kind == kText {
			fmt.Fprintf(w, "\tcall %s\n", in.args[0].sym)
		} else {
			fmt.Fprintf(w, "\tcall *%s\n", s.fmtOp(in.args[0]))
		}
	case "raw":
		fmt.Fprintf(w, "\t%s\n", substTemplate(in.tmpl, in.args, in.asmNames, s.frameOff))
	default:
		w.WriteString("\t" + in.op)
		for i, o := range in.args {
			if i == 0 {
				w.WriteString(" ")
			} else {
				w.WriteString(", ")
			}
			w.WriteString(s.fmtOp(o))
		}
		w.WriteString("\n")
	}
}

func log2(n int64) int {
	k := 0
	for int64(1)<<k < n {
		k++
	}
	return k
}

// substTemplate replaces %N, %[name], %% and the operand modifiers of GNU C inline asm
// (b h w k q: register widths; z: the operand size's instruction suffix; c and P:
// bare constant or symbol; a: as an address; l: a label) in tmpl.
func substTemplate(tmpl string, args []operand, names map[string]int, frameOff func(int) int64) string {
	var sb strings.Builder
	for i := 0; i < len(tmpl); i++ {
		ch := tmpl[i]
		if ch != '%' || i+1 >= len(tmpl) {
			sb.WriteByte(ch)
			continue
		}
		j := i + 1
		switch tmpl[j] {
		case '%':
			sb.WriteByte('%')
			i = j
			continue
		case '=':
			sb.WriteString("0") // inline asm had %= numbered by numberInstance (asm.go)
			i = j
			continue
		}
		mod := byte(0)
		if strings.IndexByte("bhwkqzcPal", tmpl[j]) >= 0 && j+1 < len(tmpl) && (isDigit(tmpl[j+1]) || tmpl[j+1] == '[') {
			mod = tmpl[j]
			j++
		}
		idx := -1
		if tmpl[j] == '[' {
			end := strings.IndexByte(tmpl[j:], ']')
			if end < 0 {
				sb.WriteByte(ch)
				continue
			}
			if n, ok := names[tmpl[j+1:j+end]]; ok {
				idx = n
			}
			j += end
		} else if isDigit(tmpl[j]) {
			idx = 0
			for j < len(tmpl) && isDigit(tmpl[j]) {
				idx = idx*10 + int(tmpl[j]-'0')
				j++
			}
			j--
		} else {
			sb.WriteByte(ch)
			continue
		}
		if idx < 0 || idx >= len(args) {
			sb.WriteString("%?")
			i = j
			continue
		}
		sb.WriteString(formatModified(args[idx], mod, frameOff))
		i = j
	}
	return sb.String()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

var highByte = map[reg]string{RAX: "%ah", RBX: "%bh", RCX: "%ch", RDX: "%dh"}

func formatModified(o operand, mod byte, frameOff func(int) int64) string {
	switch mod {
	case 'b', 'w', 'k', 'q':
		if o.kind == kReg && o.reg < XMM0 {
			return regName(o.reg, map[byte]int{'b': 1, 'w': 2, 'k': 4, 'q': 8}[mod])
		}
	case 'z':
		// The size of a register or memory operand (inline asm sets it on both).
		if o.kind == kReg && o.reg < XMM0 || o.kind == kMem {
			return sfx(max(o.size, 1))
		}
	case 'h':
		if o.kind == kReg {
			if n, ok := highByte[o.reg]; ok {
				return n
			}
		}
	case 'c', 'P', 'l':
		if o.kind == kImm {
			return fmt.Sprint(o.disp)
		}
		if o.kind == kText || o.kind == kLabel {
			return strings.TrimPrefix(o.sym, "$")
		}
	case 'a':
		switch o.kind {
		case kImm:
			return fmt.Sprint(o.disp)
		case kReg:
			return "(" + regName(o.reg, 8) + ")"
		case kText:
			return strings.TrimPrefix(o.sym, "$")
		}
	}
	return formatOperand(o, frameOff)
}
