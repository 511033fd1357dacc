package sema

import (
	"strings"

	"gocc/ast"
)

// Statements (C11 6.8).

func (c *checker) staticAssert(s *ast.StaticAssert) {
	e := c.rvalue(s.Cond)
	s.Cond = e
	l, ok := e.(*ast.IntLit)
	if !ok {
		c.errorf(s.Pos, "expression in static assertion is not an integer constant expression")
		return
	}
	if l.Value == 0 {
		if s.Msg != "" {
			c.errorf(s.Pos, "static assertion failed: \"%s\"", s.Msg)
		} else {
			c.errorf(s.Pos, "static assertion failed")
		}
	}
}

// blockItems checks the items of a block in the current scope (the function body
// shares its scope with the parameters, C11 6.2.1p4).
func (c *checker) blockItems(b *ast.Block) {
	if c.fn != nil && len(b.Labels) > 0 {
		// Local labels (GNU C __label__) may be targets of nested functions' gotos.
		defer c.pushLocalLabels(b.Labels)()
	}
	for _, it := range b.Items {
		c.stmt(it)
	}
}

// cond checks a controlling expression: scalar type required (C11 6.8.4.1p1, 6.8.5p2).
func (c *checker) condExpr(e ast.Expr) ast.Expr {
	x := c.rvalue(e)
	if !x.Type().IsScalar() {
		c.errorf(x.Position(), "used %s type value where scalar is required", map[bool]string{true: "struct", false: "non-scalar"}[x.Type().IsRecord()])
	}
	if x.Type().IsInteger() {
		x = c.promote(x)
	}
	return x
}

func (c *checker) stmt(s ast.Stmt) {
	switch s := s.(type) {
	case nil:
	case *ast.Block:
		c.pushScope()
		c.blockItems(s)
		c.popScope()
	case *ast.DeclStmt:
		for _, d := range s.Decls {
			c.localDecl(d)
		}
	case *ast.StaticAssert:
		c.staticAssert(s)
	case *ast.ExprStmt:
		if s.X != nil {
			c.discarded = s.X
			s.X = c.rvalue(s.X)
		}
	case *ast.Empty:
	case *ast.IfStmt:
		s.Cond = c.condExpr(s.Cond)
		c.subStmt(s.Then)
		c.subStmt(s.Else)
	case *ast.WhileStmt:
		s.Cond = c.condExpr(s.Cond)
		c.loop(s.Body)
	case *ast.DoStmt:
		c.loop(s.Body)
		s.Cond = c.condExpr(s.Cond)
	case *ast.ForStmt:
		c.pushScope()
		if s.Init != nil {
			c.stmt(s.Init)
		}
		if s.Cond != nil {
			s.Cond = c.condExpr(s.Cond)
		}
		if s.Post != nil {
			c.discarded = s.Post
			s.Post = c.rvalue(s.Post)
		}
		c.loop(s.Body)
		c.popScope()
	case *ast.SwitchStmt:
		x := c.rvalue(s.X)
		if !x.Type().IsInteger() {
			c.errorf(s.Pos, "switch quantity not an integer")
		} else {
			x = c.promote(x)
		}
		s.X = x
		c.fn.switches = append(c.fn.switches, s)
		c.fn.caseVals = append(c.fn.caseVals, map[int64]bool{})
		c.fn.breaks++
		c.subStmt(s.Body)
		c.fn.breaks--
		c.fn.switches = c.fn.switches[:len(c.fn.switches)-1]
		c.fn.caseVals = c.fn.caseVals[:len(c.fn.caseVals)-1]
	case *ast.CaseStmt:
		c.caseStmt(s)
		c.subStmt(s.Body)
	case *ast.DefaultStmt:
		if n := len(c.fn.switches); n == 0 {
			c.errorf(s.Pos, "'default' label not within a switch statement")
		} else if sw := c.fn.switches[n-1]; sw.Default != nil {
			c.errorf(s.Pos, "multiple default labels in one switch")
		} else {
			sw.Default = s
		}
		c.subStmt(s.Body)
	case *ast.BreakStmt:
		if c.fn.breaks == 0 {
			c.errorf(s.Pos, "break statement not within loop or switch")
		}
	case *ast.ContinueStmt:
		if c.fn.loops == 0 {
			c.errorf(s.Pos, "continue statement not within a loop")
		}
	case *ast.ReturnStmt:
		c.returnStmt(s)
	case *ast.GotoStmt:
		s.Label = c.fn.labelName(s.Label, true)
		if _, ok := c.fn.gotos[s.Label]; !ok {
			c.fn.gotos[s.Label] = s.Pos
		}
	case *ast.IndirectGoto:
		x := c.rvalue(s.X)
		if x.Type().Kind != ast.Pointer {
			c.errorf(s.Pos, "cannot convert to a pointer type")
		}
		s.X = x
		c.fn.def.HasLabelAddr = true
	case *ast.LabeledStmt:
		s.Label = c.fn.labelName(s.Label, false)
		if prev := c.fn.labels[s.Label]; prev != nil {
			c.errorf(s.Pos, "duplicate label '%s'", sourceLabel(s.Label))
		} else {
			c.fn.labels[s.Label] = s
		}
		c.subStmt(s.Body)
	case *ast.AsmStmt:
		c.asmStmt(s)
	default:
		c.errorf(s.Position(), "unsupported statement")
	}
}

// subStmt checks a secondary block (C11 6.8p3: selection and iteration statements
// and their bodies are blocks of their own).
func (c *checker) subStmt(s ast.Stmt) {
	if s == nil {
		return
	}
	c.pushScope()
	c.stmt(s)
	c.popScope()
}

func (c *checker) loop(body ast.Stmt) {
	c.fn.loops++
	c.fn.breaks++
	c.subStmt(body)
	c.fn.loops--
	c.fn.breaks--
}

// caseStmt evaluates a case label and converts it to the promoted controlling type
// (C11 6.8.4.2p3, p5); GNU ranges "case lo ... hi" are accepted.
func (c *checker) caseStmt(s *ast.CaseStmt) {
	n := len(c.fn.switches)
	if n == 0 {
		c.errorf(s.Pos, "case label not within a switch statement")
		return
	}
	sw := c.fn.switches[n-1]
	val := func(e ast.Expr) (ast.Expr, int64, bool) {
		x := c.rvalue(e)
		l, ok := x.(*ast.IntLit)
		if !ok && x.Type().IsInteger() {
			// Like gcc, accept a label that folds to an integer although it is not an
			// integer constant expression (C11 6.6p6), such as a conditional whose
			// unselected operand is a call: Linux's htons(ETH_P_IP) is
			// "__builtin_constant_p(x) ? swab(x) : __fswab16(x)".
			if v, isConst := c.constValue(x); isConst && v.Kind == ast.ConstInt && !v.Wide {
				l, ok = c.intLit(v.Int, x.Type()), true
				x = l
			}
		}
		if !ok || !x.Type().IsInteger() {
			c.errorf(e.Position(), "case label does not reduce to an integer constant")
			return x, 0, false
		}
		t := sw.X.Type()
		if !t.IsInteger() {
			return x, int64(l.Value), true
		}
		return x, int64(c.truncate(l.Value, t)), true
	}
	var ok bool
	s.Lo, s.LoVal, ok = val(s.Lo)
	if !ok {
		return
	}
	s.HiVal = s.LoVal
	if s.Hi != nil {
		if s.Hi, s.HiVal, ok = val(s.Hi); !ok {
			return
		}
		if s.HiVal < s.LoVal {
			c.warnf(s.Pos, "empty range specified")
		}
	}
	seen := c.fn.caseVals[n-1]
	if s.Hi == nil {
		if seen[s.LoVal] {
			c.errorf(s.Pos, "duplicate case value")
		}
		seen[s.LoVal] = true
	} else {
		for _, other := range sw.Cases {
			if other.Hi != nil && s.LoVal <= other.HiVal && other.LoVal <= s.HiVal || other.Hi == nil && s.LoVal <= other.LoVal && other.LoVal <= s.HiVal {
				c.errorf(s.Pos, "duplicate (or overlapping) case value")
				break
			}
		}
	}
	sw.Cases = append(sw.Cases, s)
}

// returnStmt converts the value to the return type (C11 6.8.6.4); gcc warns rather
// than errs about a missing or superfluous value.
func (c *checker) returnStmt(s *ast.ReturnStmt) {
	ret := c.fn.ret
	c.fn.returns = true
	if s.X == nil {
		c.fn.bareRet = true
		if ret.Kind != ast.Void {
			c.warnOpt(s.Pos, "return-mismatch", "'return' with no value, in function returning non-void")
		}
		return
	}
	x := c.rvalue(s.X)
	if ret.Kind == ast.Void {
		if x.Type().Kind != ast.Void {
			c.warnOpt(s.Pos, "return-mismatch", "'return' with a value, in function returning void")
		}
		s.X = x
		return
	}
	if x.Type().Kind == ast.Void {
		c.errorf(s.Pos, "void value not ignored as it ought to be")
		s.X = x
		return
	}
	s.X = c.assignConv(x, ret, convCtx{kind: ctxReturn, pos: x.Position()})
}

// asmStmt checks the operands of an extended asm: outputs are lvalues; inputs with
// only memory constraints stay lvalues, the others are rvalues.
func (c *checker) asmStmt(s *ast.AsmStmt) {
	for _, o := range s.Outputs {
		x := c.expr(o.X)
		if !isLvalue(x) {
			c.errorf(o.Pos, "invalid lvalue in asm output")
		}
		c.markAddrTaken(x)
		o.X = x
	}
	for _, in := range s.Inputs {
		memOnly := strings.ContainsAny(in.Constraint, "mo") && !strings.ContainsAny(in.Constraint, "rgiInX0123456789")
		if memOnly {
			x := c.expr(in.X)
			c.markAddrTaken(x)
			in.X = x
		} else {
			in.X = c.rvalue(in.X)
		}
	}
	if c.fn != nil {
		for i, l := range s.Labels {
			l = c.fn.labelName(l, true)
			s.Labels[i] = l
			if _, ok := c.fn.gotos[l]; !ok {
				c.fn.gotos[l] = s.Pos
			}
		}
	}
}
