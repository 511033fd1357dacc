#!/usr/bin/env bash
# Compile-speed benchmark: gocc versus gcc -O0 on the same corpus, in the same run.
# Corpus: the gcc torture execute tests (each file compiled with -c, the first
# $GOCC_BENCH_FILES that gcc compiles), and one large generated file. Prints wall time and peak memory (from /usr/bin/time -v) for each compiler and
# the gocc/gcc ratios.
#
#   bench/run.sh [path/to/gocc]     (GOCC_BENCH_FILES=N limits the corpus size)
set -euo pipefail
GOCC=${1:-bin/gocc}
GOCC=$(cd "$(dirname "$GOCC")" && pwd)/$(basename "$GOCC")
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/gocc/torture/execute
N=${GOCC_BENCH_FILES:-400}
if [ ! -d "$CACHE" ]; then
	echo "bench: torture sources missing; extracting via the torture runner" >&2
	go run ./cmd/torture --gocc "$GOCC" --filter '^$' >/dev/null 2>&1 || true
fi
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Files that gcc compiles cleanly with -c, sorted, the first N.
ls "$CACHE"/*.c | sort | head -n "$N" > "$WORK/all"
: > "$WORK/files"
while read -r f; do
	gcc -w -O0 -c -o /dev/null "$f" 2>/dev/null && echo "$f" >> "$WORK/files"
done < "$WORK/all"

# The big file: one generated translation unit of 2000 functions (loops, switches,
# structs, calls, floating point), about 60k lines, deterministic.
BIG="$WORK/big.c"
awk 'BEGIN {
	print "struct pt { int x, y; double w; };"
	for (i = 0; i < 2000; i++) {
		printf "static int f%d(int n, struct pt *p) {\n", i
		printf "\tint s = %d;\n\tdouble d = 0;\n", i
		printf "\tfor (int k = 0; k < n; k++) {\n\t\ts += k * %d ^ (s >> 3);\n\t\td += p[k %% 4].w * %d.5;\n\t}\n", i % 17 + 1, i % 5
		printf "\tswitch (s & 7) {\n\tcase 0: s += p->x; break;\n\tcase 1: s -= p->y; break;\n\tcase %d: s ^= %d; break;\n\tdefault: s++;\n\t}\n", 2 + i % 5, i
		printf "\tif (d > %d.0 && s %% 3 == 0) s += (int)d;\n", i
		if (i > 0) printf "\treturn s + (n > 0 ? f%d(n - 1, p) : 0);\n}\n", i - 1
		else printf "\treturn s;\n}\n"
	}
	print "int main(void) { struct pt p[4] = {{1, 2, 0.5}, {3, 4, 1.5}, {5, 6, 2.5}, {7, 8, 3.5}}; return f1999(3, p) & 1; }"
}' > "$BIG"

measure() { # measure <label> <cc> <args...>: runs the corpus, prints seconds and peak KiB
	local label=$1 cc=$2
	shift 2
	local start end peak=0 failures=0
	start=$(date +%s.%N)
	while read -r f; do
		if ! /usr/bin/time -v -o "$WORK/t" "$cc" -w -O0 -c -o "$WORK/out.o" "$f" >/dev/null 2>&1; then failures=$((failures + 1)); fi
		kb=$(awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}' "$WORK/t")
		[ "${kb:-0}" -gt "$peak" ] && peak=$kb
	done < "$WORK/files"
	end=$(date +%s.%N)
	echo "$label corpus $(echo "$end - $start" | bc) $peak $failures"
}
measure_big() {
	local label=$1 cc=$2 failures=0
	/usr/bin/time -v -o "$WORK/t" "$cc" -w -O0 -c -o "$WORK/out.o" "$BIG" >/dev/null 2>&1 || failures=1
	local secs kb
	secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$WORK/t")
	kb=$(awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}' "$WORK/t")
	echo "$label big $secs $kb $failures"
}
{
	measure gcc gcc
	measure gocc "$GOCC"
	measure_big gcc gcc
	measure_big gocc "$GOCC"
} > "$WORK/results"
echo "corpus: $(wc -l < "$WORK/files") torture files; big file: $(wc -l < "$BIG") lines"
awk '
	{ t[$1 "," $2] = $3; m[$1 "," $2] = $4; f[$1 "," $2] = $5 }
	END {
		for (k = 1; k <= 2; k++) {
			c = (k == 1) ? "corpus" : "big"
			printf "%-7s gcc -O0: %7.2fs %8d KiB | gocc: %7.2fs %8d KiB (%d failed) | ratio time %.2fx, memory %.2fx\n", c,
				t["gcc," c], m["gcc," c], t["gocc," c], m["gocc," c], f["gocc," c],
				(t["gcc," c] > 0 ? t["gocc," c] / t["gcc," c] : 0), (m["gcc," c] > 0 ? m["gocc," c] / m["gcc," c] : 0)
		}
	}' "$WORK/results"
