#!/bin/sh
# Run each fuzz target (make fuzz-smoke): first on its regression inputs,
# tests/fuzz/regress/TARGET-*, then for SECONDS from its seed corpus and the
# test fixtures, under the sanitizers it was built with.  A crash stops it;
# the input is left as BIN/crash-TARGET-*.  The search starts from
# FUZZ_SEED (default 1), so a smoke run is repeatable.  A target named in
# FUZZ_OPEN has finds still open (tests/fuzz/open/): it runs its
# regression inputs and seed corpus only, so a smoke does not fail on a
# difference already known.
# Usage: run.sh SRCDIR BIN SECONDS
set -eu
srcdir=$1 bin=$2 seconds=$3
fz=$srcdir/tests/fuzz
fix=$srcdir/tests/fixtures

# Seeds beyond tests/fuzz/corpus/TARGET: the fixtures of the same stream.
seeds() {
	case $1 in
	normalize|normalize_html|diff_gb18030)
		echo "$fix/gai-normalize/html $fix/gai-normalize/seeds" ;;
	extract) echo "$fix/seeds $fix/gai-extract" ;;
	check|tsv) echo "$fix/gai-check $fix/common" ;;
	*) ;;
	esac
}

for t in $FUZZ_TARGETS; do
	work=$bin/corpus-$t
	mkdir -p "$work"
	set -- "$fz"/regress/"$t"-*
	if [ -e "$1" ]; then
		echo "== fuzz-$t: $# regression input(s)"
		"$bin/fuzz-$t" "$@" 2>"$bin/regress-$t.log" ||
			{ cat "$bin/regress-$t.log" >&2; exit 1; }
	fi
	case " ${FUZZ_OPEN:-} " in
	*" $t "*) limit=-runs=0; echo "== fuzz-$t: its corpus only (open finds)" ;;
	*) limit=-max_total_time=$seconds; echo "== fuzz-$t: ${seconds}s" ;;
	esac
	# shellcheck disable=SC2046 # seeds() lists directories
	"$bin/fuzz-$t" "$limit" -seed="${FUZZ_SEED:-1}" -timeout=10 \
	    -rss_limit_mb=2048 -max_len=65536 -dict="$fz/gai.dict" \
	    -artifact_prefix="$bin/crash-$t-" -print_final_stats=1 \
	    "$work" "$fz/corpus/$t" $(seeds "$t") 2>"$bin/fuzz-$t.log" ||
		{ tail -n 60 "$bin/fuzz-$t.log" >&2; exit 1; }
	grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)' \
	    "$bin/fuzz-$t.log" || true
done
