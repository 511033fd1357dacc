package opt

import "gocc/ir"

// removeValues deletes from every block the values for which drop returns true, dropping
// their arguments' use counts. The caller guarantees nothing uses them any more
// (typically after f.ReplaceAll has redirected their uses).
func removeValues(f *ir.Func, drop func(*ir.Value) bool) {
	for _, b := range f.Blocks {
		kept := b.Values[:0]
		for _, v := range b.Values {
			if drop(v) {
				v.ResetArgs()
				continue
			}
			kept = append(kept, v)
		}
		clear(b.Values[len(kept):])
		b.Values = kept
	}
}
