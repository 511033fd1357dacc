package ir

// The IR text form. A whole Module prints to text that Parse reads back to an equal
// module; print → parse → print yields identical text (tested). The grammar, one item
// per line (";" starts a comment that runs to the end of the line):
//
//	module ptrsize 8
//	extern @printf func                  (Module.Externs, sorted by name; "data" for objects)
//	asm "top-level asm text"             (Module.TopAsm, in order)
//	global [internal|weak] @name size N align N [readonly] [tls] [string] [used] [extern]
//	       [section "s"] [visibility "v"] [alias "s"] [data "bytes"] [reloc OFF SIZE @sym+ADD]...
//	func [internal|weak] @name(PARAM, ..., [...]) -> RET [noreturn] [section "s"]
//	       [visibility "v"] [constructor N] [destructor N] [align N] [usesvastart] [returnstwice] [inline] {
//	  slot N size N align N "name"        (Func.Slots in order; N is the index)
//	b0:                                  (a block; "<- b1 b2" lists Preds in order)
//	  v5 = add i32 v3, v4                (value ID, op, type unless void, operands, attributes)
//	  store v6, v5                       (a void value: no ID)
//	  if v9 -> b3 b4 [likely|unlikely]   (block kind, control, successors)
//	b3: <- b0
//	  switch v2 -> 1: b4, -7: b5, default: b6
//	}
//
// PARAM and RET are a type or an aggregate layout agg{size N align N [union] [packed]:
// OFF TYPE, ...}. Operand shorthands: const/param/slot/frameaddr/retaddr show AuxInt as
// an integer operand, copy/zero/alloca as a trailing integer operand, addr/tlsaddr as
// @sym+off, fconst as a float, blockaddr as a block. Everything else a value carries is
// an attribute after the operands: volatile, aux N, rmw OP, float F, bits LO HI,
// exact LO HI, nanbits B, sym @s, sig(PARAMS) -> RET [noreturn] [returnstwice]
// [lib ["NAME"]] [fixed N], agg{...}, asm{...}, line N.

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Fprint writes the text form of m to w.
func Fprint(w io.Writer, m *Module) error {
	var sb strings.Builder
	printModule(&sb, m)
	_, err := io.WriteString(w, sb.String())
	return err
}

// String returns the text form of m.
func (m *Module) String() string {
	var sb strings.Builder
	printModule(&sb, m)
	return sb.String()
}

// String returns the text form of f.
func (f *Func) String() string {
	var sb strings.Builder
	printFunc(&sb, f)
	return sb.String()
}

// LongString returns v's line in the text form, without indentation.
func (v *Value) LongString() string {
	var sb strings.Builder
	printValue(&sb, v)
	return sb.String()
}

func printModule(sb *strings.Builder, m *Module) {
	fmt.Fprintf(sb, "module ptrsize %d\n", m.PtrSize)
	names := make([]string, 0, len(m.Externs))
	for n := range m.Externs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		kind := "data"
		if m.Externs[n] {
			kind = "func"
		}
		fmt.Fprintf(sb, "extern %s %s\n", symText(n), kind)
	}
	for _, a := range m.TopAsm {
		fmt.Fprintf(sb, "asm %s\n", strconv.QuoteToASCII(a))
	}
	for _, g := range m.Globals {
		printGlobal(sb, g)
	}
	for _, f := range m.Funcs {
		sb.WriteString("\n")
		printFunc(sb, f)
	}
}

func linkageText(l Linkage) string {
	switch l {
	case Internal:
		return "internal "
	case Weak:
		return "weak "
	}
	return ""
}

// symText prints a symbol name: bare when it is made of identifier characters, else quoted.
func symText(s string) string {
	if isPlainSym(s) {
		return "@" + s
	}
	return "@" + strconv.QuoteToASCII(s)
}

func isPlainSym(s string) bool {
	if s == "" || (s[0] >= '0' && s[0] <= '9') {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isIdentChar(s[i]) {
			return false
		}
	}
	return true
}

func isIdentChar(c byte) bool {
	return c == '_' || c == '.' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func symOffText(s string, off int64) string {
	if off == 0 {
		return symText(s)
	}
	return fmt.Sprintf("%s%+d", symText(s), off)
}

func printGlobal(sb *strings.Builder, g *Global) {
	fmt.Fprintf(sb, "global %s%s size %d align %d", linkageText(g.Linkage), symText(g.Name), g.Size, g.Align)
	flag := func(on bool, name string) {
		if on {
			sb.WriteString(" " + name)
		}
	}
	str := func(s, name string) {
		if s != "" {
			fmt.Fprintf(sb, " %s %s", name, strconv.QuoteToASCII(s))
		}
	}
	flag(g.ReadOnly, "readonly")
	flag(g.TLS, "tls")
	flag(g.IsString, "string")
	flag(g.Used, "used")
	flag(g.Extern, "extern")
	str(g.Section, "section")
	str(g.Visibility, "visibility")
	str(g.Alias, "alias")
	str(g.TLSModel, "tlsmodel")
	if g.Data != nil {
		fmt.Fprintf(sb, " data %s", strconv.QuoteToASCII(string(g.Data)))
	}
	for _, r := range g.Relocs {
		fmt.Fprintf(sb, " reloc %d %d %s", r.Offset, r.Size, symOffText(r.Sym, r.Addend))
		if r.Sub != "" {
			fmt.Fprintf(sb, " minus %s", symText(r.Sub))
		}
	}
	sb.WriteString("\n")
}

func aggText(a *Agg) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "agg{size %d align %d", a.Size, a.Align)
	if a.Union {
		sb.WriteString(" union")
	}
	if a.Packed {
		sb.WriteString(" packed")
	}
	sb.WriteString(":")
	for i, f := range a.Fields {
		if i > 0 {
			sb.WriteString(",")
		}
		fmt.Fprintf(&sb, " %d %s", f.Offset, f.Type)
	}
	sb.WriteString("}")
	return sb.String()
}

func paramText(p Param) string {
	if p.Agg != nil {
		if p.Type != Void && p.Type != Ptr {
			// Not expected, but keep the type so nothing is lost.
			return p.Type.String() + " " + aggText(p.Agg)
		}
		if p.Type == Ptr {
			return "ptr " + aggText(p.Agg)
		}
		return aggText(p.Agg)
	}
	return p.Type.String()
}

func retText(t Type, agg *Agg) string {
	if agg != nil {
		if t != Void {
			return t.String() + " " + aggText(agg)
		}
		return aggText(agg)
	}
	return t.String()
}

// paramsText prints a parameter list, with "..." after the first numFixed when variadic.
func paramsText(ps []Param, variadic bool, numFixed int) string {
	var parts []string
	for i, p := range ps {
		if variadic && i == numFixed {
			parts = append(parts, "...")
		}
		parts = append(parts, paramText(p))
	}
	if variadic && numFixed >= len(ps) {
		parts = append(parts, "...")
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

func printFunc(sb *strings.Builder, f *Func) {
	fmt.Fprintf(sb, "func %s%s%s -> %s", linkageText(f.Linkage), symText(f.Name),
		paramsText(f.Params, f.Variadic, len(f.Params)), retText(f.Ret, f.RetAgg))
	if f.NoReturn {
		sb.WriteString(" noreturn")
	}
	if f.Section != "" {
		fmt.Fprintf(sb, " section %s", strconv.QuoteToASCII(f.Section))
	}
	if f.Visibility != "" {
		fmt.Fprintf(sb, " visibility %s", strconv.QuoteToASCII(f.Visibility))
	}
	if f.Constructor != -1 {
		fmt.Fprintf(sb, " constructor %d", f.Constructor)
	}
	if f.Destructor != -1 {
		fmt.Fprintf(sb, " destructor %d", f.Destructor)
	}
	if f.Align != 0 {
		fmt.Fprintf(sb, " align %d", f.Align)
	}
	if f.UsesVaStart {
		sb.WriteString(" usesvastart")
	}
	if f.ReturnsTwice {
		sb.WriteString(" returnstwice")
	}
	if f.Inline {
		sb.WriteString(" inline")
	}
	sb.WriteString(" {\n")
	for i, s := range f.Slots {
		fmt.Fprintf(sb, "  slot %d size %d align %d %s\n", i, s.Size, s.Align, strconv.QuoteToASCII(s.Name))
	}
	for _, b := range f.Blocks {
		printBlock(sb, b)
	}
	sb.WriteString("}\n")
}

func printBlock(sb *strings.Builder, b *Block) {
	fmt.Fprintf(sb, "b%d:", b.ID)
	if len(b.Preds) > 0 {
		sb.WriteString(" <-")
		for _, p := range b.Preds {
			fmt.Fprintf(sb, " b%d", p.ID)
		}
	}
	sb.WriteString("\n")
	for _, v := range b.Values {
		sb.WriteString("  ")
		printValue(sb, v)
		sb.WriteString("\n")
	}
	sb.WriteString("  ")
	printTerminator(sb, b)
	sb.WriteString("\n")
}

func printTerminator(sb *strings.Builder, b *Block) {
	if int(b.Kind) < len(blockKindNames) {
		sb.WriteString(b.Kind.String())
	} else {
		fmt.Fprintf(sb, "kind%d", b.Kind)
	}
	if b.Control != nil {
		fmt.Fprintf(sb, " v%d", b.Control.ID)
	}
	if len(b.Succs) > 0 {
		sb.WriteString(" ->")
		for i, s := range b.Succs {
			if b.Kind == BlockSwitch {
				if i > 0 {
					sb.WriteString(",")
				}
				if i < len(b.Cases) {
					fmt.Fprintf(sb, " %d: b%d", b.Cases[i], s.ID)
				} else {
					fmt.Fprintf(sb, " default: b%d", s.ID)
				}
				continue
			}
			fmt.Fprintf(sb, " b%d", s.ID)
		}
	}
	if b.Kind != BlockSwitch || len(b.Cases) >= len(b.Succs) {
		// Cases that have no successor (invalid IR) or on a non-switch block.
		extra := b.Cases
		if b.Kind == BlockSwitch {
			extra = b.Cases[min(len(b.Cases), len(b.Succs)):]
		}
		if len(extra) > 0 {
			sb.WriteString(" cases")
			for _, c := range extra {
				fmt.Fprintf(sb, " %d", c)
			}
		}
	}
	switch b.Likely {
	case 0:
	case 1:
		sb.WriteString(" likely")
	case -1:
		sb.WriteString(" unlikely")
	default:
		fmt.Fprintf(sb, " hint %d", b.Likely)
	}
}

// auxIntOperand reports whether op shows AuxInt as its first operand (before any args)
// or as its last one.
func auxIntOperand(op Op) (first, last bool) {
	switch op {
	case OpConst, OpParam, OpSlot, OpFrameAddr, OpRetAddr:
		return true, false
	case OpCopy, OpZero, OpAlloca:
		return false, true
	}
	return false, false
}

func formatFloat(f float64) string {
	if math.IsNaN(f) {
		return "NaN"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

var canonicalNaNBits = math.Float64bits(math.NaN())

func printValue(sb *strings.Builder, v *Value) {
	if v.Type != Void || v.Uses != 0 {
		// A void value cannot be used, so its ID is not printed; the parser gives it a
		// fresh one.
		fmt.Fprintf(sb, "v%d = ", v.ID)
	}
	if int(v.Op) < int(NumOps) {
		sb.WriteString(v.Op.String())
	} else {
		fmt.Fprintf(sb, "op%d", v.Op)
	}
	if v.Type != Void {
		if int(v.Type) < len(typeNames) {
			sb.WriteString(" " + v.Type.String())
		} else {
			fmt.Fprintf(sb, " type%d", v.Type)
		}
	}
	var ops []string
	first, last := auxIntOperand(v.Op)
	auxShown := first || last
	symShown, floatShown := false, false
	switch v.Op {
	case OpAddr, OpTLSAddr:
		ops = append(ops, symOffText(v.Sym, v.AuxInt))
		auxShown, symShown = true, true
	case OpConstFloat:
		ops = append(ops, formatFloat(v.AuxFloat))
		floatShown = true
	case OpBlockAddr:
		ops = append(ops, fmt.Sprintf("b%d", v.AuxInt))
		auxShown = true
	}
	if first {
		ops = append(ops, strconv.FormatInt(v.AuxInt, 10))
	}
	for _, a := range v.Args {
		if a == nil {
			ops = append(ops, "<nil>")
			continue
		}
		ops = append(ops, fmt.Sprintf("v%d", a.ID))
	}
	if last {
		ops = append(ops, strconv.FormatInt(v.AuxInt, 10))
	}
	if len(ops) > 0 {
		sb.WriteString(" " + strings.Join(ops, ", "))
	}
	if !auxShown && v.AuxInt != 0 {
		switch {
		case (v.Op == OpLoad || v.Op == OpStore) && v.AuxInt == 1:
			sb.WriteString(" volatile")
		case v.Op == OpAtomicRMW && v.AuxInt > 0 && v.AuxInt < int64(NumOps):
			fmt.Fprintf(sb, " rmw %s", Op(v.AuxInt))
		default:
			fmt.Fprintf(sb, " aux %d", v.AuxInt)
		}
	}
	if floatShown {
		if math.IsNaN(v.AuxFloat) && math.Float64bits(v.AuxFloat) != canonicalNaNBits {
			fmt.Fprintf(sb, " nanbits %#x", math.Float64bits(v.AuxFloat))
		}
	} else if v.AuxFloat != 0 || math.Signbit(v.AuxFloat) {
		fmt.Fprintf(sb, " float %s", formatFloat(v.AuxFloat))
		if math.IsNaN(v.AuxFloat) && math.Float64bits(v.AuxFloat) != canonicalNaNBits {
			fmt.Fprintf(sb, " nanbits %#x", math.Float64bits(v.AuxFloat))
		}
	}
	if v.Exact {
		fmt.Fprintf(sb, " exact %#x %#x", v.AuxBits[0], v.AuxBits[1])
	} else if v.AuxBits != [2]uint64{} {
		fmt.Fprintf(sb, " bits %#x %#x", v.AuxBits[0], v.AuxBits[1])
	}
	if !symShown && v.Sym != "" {
		fmt.Fprintf(sb, " sym %s", symText(v.Sym))
	}
	if c := v.Call; c != nil {
		fmt.Fprintf(sb, " sig%s -> %s", paramsText(c.Params, c.Variadic, c.NumFixed), retText(c.Ret, c.RetAgg))
		if c.NoReturn {
			sb.WriteString(" noreturn")
		}
		if c.ReturnsTwice {
			sb.WriteString(" returnstwice")
		}
		if c.Chain {
			sb.WriteString(" chain")
		}
		switch c.Lib {
		case "":
		case v.Sym:
			sb.WriteString(" lib")
		default:
			fmt.Fprintf(sb, " lib %s", strconv.Quote(c.Lib))
		}
		if !c.Variadic && c.NumFixed != len(c.Params) {
			fmt.Fprintf(sb, " fixed %d", c.NumFixed)
		}
	}
	if v.Agg != nil {
		sb.WriteString(" " + aggText(v.Agg))
	}
	if v.Asm != nil {
		sb.WriteString(" " + asmText(v.Asm))
	}
	if v.Line != 0 {
		fmt.Fprintf(sb, " line %d", v.Line)
	}
	if v.Op == OpSlot && v.Block != nil && v.Block.Func != nil {
		if s := v.Block.Func.Slots; v.AuxInt >= 0 && v.AuxInt < int64(len(s)) && isPlainSym(s[v.AuxInt].Name) {
			fmt.Fprintf(sb, " ; %s", s[v.AuxInt].Name)
		}
	}
}

func asmText(a *AsmInfo) string {
	var sb strings.Builder
	sb.WriteString("asm{" + strconv.QuoteToASCII(a.Template))
	operand := func(kind string, o AsmOperand) {
		fmt.Fprintf(&sb, " %s(%s, %s, %s, %d)", kind, strconv.QuoteToASCII(o.Name),
			strconv.QuoteToASCII(o.Constraint), o.Type, o.Size)
	}
	for _, o := range a.Outputs {
		operand("out", o)
	}
	for _, o := range a.Inputs {
		operand("in", o)
	}
	for _, c := range a.Clobbers {
		fmt.Fprintf(&sb, " clobber(%s)", strconv.QuoteToASCII(c))
	}
	for _, l := range a.Labels {
		fmt.Fprintf(&sb, " label(b%d)", l.ID)
	}
	if a.Volatile {
		sb.WriteString(" volatile")
	}
	if a.Basic {
		sb.WriteString(" basic")
	}
	sb.WriteString("}")
	return sb.String()
}
