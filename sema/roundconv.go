package sema

import (
	"strings"

	"gocc/ast"
)

// gcc's rounding-and-converting builtins that have no library function:
// __builtin_{i,l,ll}{floor,ceil}{,f,l} and __builtin_i{round,rint}{,f,l} (gcc's
// builtins.def), which are the conversion of floor, ceil, round or rint of the argument
// to int, long or long long (undefined when out of range, as the conversion, C11
// 6.3.1.4p1). The l and ll forms of round and rint are the C library's lround, llrint…
var roundConvBuiltins = map[string]bool{}

func init() {
	for _, to := range []string{"i", "l", "ll"} {
		for _, op := range []string{"floor", "ceil", "round", "rint"} {
			if to != "i" && (op == "round" || op == "rint") {
				continue // lround, llrint… are library functions (libFuncs)
			}
			for _, sfx := range []string{"", "f", "l"} {
				name := "__builtin_" + to + op + sfx
				roundConvBuiltins[name] = true
				intrinsics[name] = "g"
			}
		}
	}
	for _, op := range []string{"lround", "llround", "lrint", "llrint"} {
		ret := "l"
		if strings.HasPrefix(op, "ll") {
			ret = "x"
		}
		libFuncs[op+"f"], libFuncs[op+"l"] = ret+":f", ret+":D"
	}
}

// roundConvCall rewrites __builtin_lfloor(x) and friends to (long)__builtin_floor(x).
func (c *checker) roundConvCall(e *ast.Call, name string) ast.Expr {
	rest := strings.TrimPrefix(name, "__builtin_")
	to := c.types[ast.Int]
	switch {
	case strings.HasPrefix(rest, "ll"):
		to, rest = c.types[ast.LongLong], rest[2:]
	case strings.HasPrefix(rest, "l"):
		to, rest = c.types[ast.Long], rest[1:]
	default:
		rest = rest[1:]
	}
	id := &ast.Ident{Name: "__builtin_" + rest}
	id.Pos = e.Pos
	inner := &ast.Call{Fn: id, Args: e.Args}
	inner.Pos = e.Pos
	return c.convert(c.call(inner), to)
}
