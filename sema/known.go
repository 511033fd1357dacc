package sema

import "strings"

// KnownBuiltin reports whether name is a builtin function gocc implements (a
// __builtin_*, __sync_*/__atomic_* or intrinsic, or a library function gcc treats as a
// builtin): what the preprocessor's __has_builtin answers, as gcc's does for its own.
func KnownBuiltin(name string) bool {
	_, ok := lookupBuiltin(name)
	return ok
}

// KnownAttribute reports whether gocc accepts the GNU attribute name (spelled with or
// without the surrounding "__"), with or without effect: what __has_attribute answers.
func KnownAttribute(name string) bool {
	if len(name) > 4 && strings.HasPrefix(name, "__") && strings.HasSuffix(name, "__") {
		name = name[2 : len(name)-2]
	}
	return ignoredAttrs[name]
}
