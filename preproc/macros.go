package preproc

// macroTable holds the defined macros by name. Most identifiers of a unit name no
// macro (in Linux's mm/memory.c, four lookups in five miss), so a bit filter indexed by
// a cheap hash of the name answers most misses before the map is consulted. Bits are
// only ever set: a name once defined may still be looked up in the map after #undef.
type macroTable struct {
	byName map[string]*macro
	maybe  [filterBits / 64]uint64
}

// filterBits is the filter's size; a kernel unit's ten thousand macros set about one
// bit in seven.
const filterBits = 1 << 16

func newMacroTable() macroTable {
	return macroTable{byName: make(map[string]*macro, 1<<13)}
}

// filterHash mixes a name's length with its first, middle and last bytes: enough to
// tell apart the upper-case macro names and the lower-case identifiers of C code.
func filterHash(name string) uint32 {
	n := len(name)
	if n == 0 {
		return 0
	}
	h := uint32(n)*0x9E3779B1 ^ uint32(name[0])<<16 ^ uint32(name[n-1])<<8 ^ uint32(name[n/2])
	h ^= h >> 15
	h *= 0x2C1B3C6D
	h ^= h >> 12
	return h % filterBits
}

// lookup returns the macro called name, or nil.
func (t *macroTable) lookup(name string) *macro {
	h := filterHash(name)
	if t.maybe[h/64]&(1<<(h%64)) == 0 {
		return nil
	}
	return t.byName[name]
}

// set defines name as m.
func (t *macroTable) set(name string, m *macro) {
	h := filterHash(name)
	t.maybe[h/64] |= 1 << (h % 64)
	t.byName[name] = m
}

// remove undefines name.
func (t *macroTable) remove(name string) { delete(t.byName, name) }
