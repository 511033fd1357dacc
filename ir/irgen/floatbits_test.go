package irgen

import (
	"math"
	"testing"
)

// Expected patterns were produced by gcc 12 (x86-64 for x87, aarch64 for binary128).
func TestF80Bits(t *testing.T) {
	tests := []struct {
		text string
		v    float64
		want [2]uint64
	}{
		{"0.1", 0.1, [2]uint64{0xcccccccccccccccd, 0x3ffb}},
		{"1.0", 1, [2]uint64{0x8000000000000000, 0x3fff}},
		{"2.5", -2.5, [2]uint64{0xa000000000000000, 0xc000}}, // sign folded by sema
		{"", -2.5, [2]uint64{0xa000000000000000, 0xc000}},
		{"1.18973149535723176502e+4932", math.Inf(1), [2]uint64{0xffffffffffffffff, 0x7ffe}},
		{"3.64519953188247460253e-4951", 0, [2]uint64{1, 0}},
		{"1e-4940", 0, [2]uint64{0x0000000663278e62, 0}},
		{"0x1.23456789abcdef12p-16390", 0, [2]uint64{0x0091a2b3c4d5e6f8, 0}},
		{"3.3621031431120935063e-4932", 0, [2]uint64{0x8000000000000000, 1}},
		{"", 0, [2]uint64{0, 0}},
		{"", math.Copysign(0, -1), [2]uint64{0, 0x8000}},
		{"", math.Inf(-1), [2]uint64{0x8000000000000000, 0xffff}},
		{"1.5", 3.0, [2]uint64{0xc000000000000000, 0x4000}}, // text disagrees: use the value
	}
	for _, tc := range tests {
		if got := F80Bits(tc.text, tc.v); got != tc.want {
			t.Errorf("F80Bits(%q, %v) = %#x, want %#x", tc.text, tc.v, got, tc.want)
		}
	}
}

func TestF128Bits(t *testing.T) {
	tests := []struct {
		text string
		v    float64
		want [2]uint64
	}{
		{"0.1", 0.1, [2]uint64{0x999999999999999a, 0x3ffb999999999999}},
		{"1.0", 1, [2]uint64{0, 0x3fff000000000000}},
		{"", -2.5, [2]uint64{0, 0xc000400000000000}},
		{"1.18973149535723176508575932662800702e+4932", math.Inf(1), [2]uint64{0xffffffffffffffff, 0x7ffeffffffffffff}},
		{"6.47517511943802511092443895822764655e-4966", 0, [2]uint64{1, 0}},
		{"1e-4940", 0, [2]uint64{0x1cc4376f7da08f39, 0xcc64f}},
		{"0x1.23456789abcdef12p-16390", 0, [2]uint64{0xcdef120000000000, 0x123456789ab}},
		{"", math.NaN(), [2]uint64{0, 0x7fff800000000000}},
	}
	for _, tc := range tests {
		if got := F128Bits(tc.text, tc.v); got != tc.want {
			t.Errorf("F128Bits(%q, %v) = %#x, want %#x", tc.text, tc.v, got, tc.want)
		}
	}
}
