package sema

import "strings"

// KnownBuiltin reports whether name is a builtin function gocc implements (a
// __builtin_*, __sync_*/__atomic_* or intrinsic, or a library function gcc treats as a
// builtin): what the preprocessor's __has_builtin answers, as gcc's does for its own.
func KnownBuiltin(name string) bool {
	_, ok := lookupBuiltin(name)
	return ok && !notGCC12Builtins[name]
}

// notGCC12Builtins are builtins gocc implements for which gcc 12's __has_builtin
// answers 0: those it parses as keywords, and one of later gccs.
var notGCC12Builtins = map[string]bool{
	"__builtin_complex": true, "__builtin_tgmath": true, "__builtin_c23_va_start": true,
}

// KnownAttribute reports whether gocc accepts the GNU attribute name (spelled with or
// without the surrounding "__"), with or without effect, and gcc 12 has it: what
// __has_attribute answers.
func KnownAttribute(name string) bool {
	if len(name) > 4 && strings.HasPrefix(name, "__") && strings.HasSuffix(name, "__") {
		name = name[2 : len(name)-2]
	}
	return ignoredAttrs[name] && !notGCC12Attrs[name]
}

// notGCC12Attrs are the names in ignoredAttrs that are no GNU attribute of gcc 12,
// for which its __has_attribute answers 0: the parser's own names for _Alignas and
// #pragma pack, attributes of later gccs that gocc accepts, and the C2x standard
// attributes, which gcc 12 knows only in [[ ]] syntax.
var notGCC12Attrs = map[string]bool{
	"_Alignas": true, "__pragma_pack": true, "pack": true, "visibility_hidden": true,
	"expected_throw": true, "strict_flex_array": true, "counted_by": true,
	"nonnull_if_nonzero": true, "nodiscard": true, "maybe_unused": true,
}
