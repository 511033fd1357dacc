package diag

import "fmt"

// Warning options (GCC manual, "Warning Options"): the gcc option each of gocc's
// option-controlled warnings belongs to, and when it is on. A warning shows its
// option as " [-Wname]" (" [-Werror=name]" when made an error), as gcc's do.
type warnSpec struct {
	byDefault bool // on without any -W option
	wall      bool // turned on by -Wall
	// always: the message is given even when the option is off, only without the
	// " [-Wname]" tag (gcc's pedwarns that an option names when it is on, like
	// "'return' with no value" and -Wreturn-type).
	always bool
}

var warningOptions = map[string]warnSpec{
	"attributes":                    {byDefault: true},
	"builtin-declaration-mismatch":  {byDefault: true},
	"char-subscripts":               {wall: true},
	"cpp":                           {byDefault: true}, // #warning
	"discarded-qualifiers":          {byDefault: true},
	"div-by-zero":                   {byDefault: true},
	"format":                        {wall: true}, // shown as -Wformat=
	"implicit-function-declaration": {byDefault: true, wall: true},
	"implicit-int":                  {byDefault: true, wall: true},
	"incompatible-pointer-types":    {byDefault: true},
	"int-conversion":                {byDefault: true},
	"int-to-pointer-cast":           {byDefault: true},
	"pointer-sign":                  {wall: true},
	"pointer-to-int-cast":           {byDefault: true},
	"return-type":                   {wall: true},
	"return-mismatch":               {wall: true, always: true}, // shown as -Wreturn-type
	"shift-count-negative":          {byDefault: true},
	"shift-count-overflow":          {byDefault: true},
	"unused-but-set-variable":       {wall: true},
	"unused-variable":               {wall: true},
}

// WarningOption reports whether name is a warning option gocc implements.
func WarningOption(name string) bool {
	_, ok := warningOptions[name]
	return ok && name != "return-mismatch"
}

// warnOn reports whether warning option name is on: as set by -Wname / -Wno-name,
// else by -Wall, else by default.
func (l *List) warnOn(name string) bool {
	if on, ok := l.WarnOpts[name]; ok {
		return on
	}
	spec := warningOptions[name]
	return spec.byDefault || spec.wall && l.Wall
}

// WarnOn reports whether warning option name is on, for checks worth skipping
// when it is not.
func (l *List) WarnOn(name string) bool { return !l.NoWarn && l.warnOn(name) }

// WarnOpt reports a warning that option name (without "-W") controls and returns it
// (nil when the option is off).
func (l *List) WarnOpt(pos Pos, name, format string, args ...any) *Diagnostic {
	on := l.warnOn(name)
	tag := name
	if name == "return-mismatch" {
		tag = "return-type" // gcc 12 names these -Wreturn-type
		on = l.warnOn("return-type")
	}
	if !on && !warningOptions[name].always {
		return nil
	}
	d := &Diagnostic{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, args...)}
	if on {
		d.Option = tag
	}
	l.Add(d)
	return d
}

// optionText is a warning option as gcc shows it: -Wformat's warnings name
// "-Wformat=" (the option takes a level).
func optionText(name string) string {
	if name == "format" {
		return "format="
	}
	return name
}
