#!/usr/bin/env bats
# The fuzzers' finds, tests/fuzz/regress/TARGET-NAME, each run through the
# tools as its target calls the library: none may die, exit above 2 or
# trip a sanitizer (CI runs the suite under ASan and UBSan, built with
# clang, whose UBSan also catches a null pointer plus an offset).

load helpers

REG="$GAI_SRCDIR/tests/fuzz/regress"
SAMPLE="$GAI_SRCDIR/tests/fuzz/corpus/check/records.tsv"

# Run a command; fail on a signal, an exit status above 2 or a sanitizer
# report, showing what it said.
survives() {
	local rc=0
	"$@" >"$BATS_TEST_TMPDIR/out" 2>"$BATS_TEST_TMPDIR/err" || rc=$?
	if [ "$rc" -gt 2 ] ||
	    grep -Eq 'runtime error|Sanitizer' "$BATS_TEST_TMPDIR/err"; then
		echo "$* exited $rc"
		head -40 "$BATS_TEST_TMPDIR/err"
		return 1
	fi
}

# The regression inputs of a target (none is fine: the loop is empty).
inputs() {
	local f
	for f in "$REG/$1"-*; do
		[ -e "$f" ] && printf '%s\n' "$f"
	done
	return 0
}

@test "fuzz regress: normalize (page bytes, as read)" {
	for f in $(inputs normalize); do
		survives gai-normalize "$f"
		survives gai-normalize <"$f"
		survives gai-extract "$f"
	done
}

@test "fuzz regress: normalize_html (after <html>, as UTF-8)" {
	for f in $(inputs normalize_html); do
		{ printf '<html>'; cat "$f"; } >"$BATS_TEST_TMPDIR/page"
		survives gai-normalize -f UTF-8 "$BATS_TEST_TMPDIR/page"
	done
}

@test "fuzz regress: extract (stream 1)" {
	for f in $(inputs extract); do
		survives gai-extract "$f"
		survives gai-extract <"$f"
	done
}

@test "fuzz regress: check (built-in rules)" {
	for f in $(inputs check); do
		survives gai-check "$f"
	done
}

@test "fuzz regress: check_rules (rules, NUL, records)" {
	for f in $(inputs check_rules); do
		python3 -c 'import sys
b = open(sys.argv[1], "rb").read()
r, nul, rec = b.partition(b"\0")
open(sys.argv[2], "wb").write(r)
open(sys.argv[3], "wb").write(rec if nul else open(sys.argv[4], "rb").read())
' "$f" "$BATS_TEST_TMPDIR/rules" "$BATS_TEST_TMPDIR/recs" "$SAMPLE"
		survives gai-check --no-builtin --rules "$BATS_TEST_TMPDIR/rules" \
		    "$BATS_TEST_TMPDIR/recs"
	done
}

@test "fuzz regress: tsv (every output)" {
	local o
	for f in $(inputs tsv); do
		for o in --wide --labels=zh -kmeta.*,req.*.total,checks_failed \
		    --long "--long -kmeta.org,check.*,warn.*,req.**" \
		    --table=active --table=req --table=appeal; do
			# shellcheck disable=SC2086 # o may be two options
			survives gai-tsv $o "$f"
			# shellcheck disable=SC2086
			survives gai-tsv --csv $o "$f"
		done
	done
}

@test "fuzz regress: diff_gb18030 (UTF-8 and GB18030 alike)" {
	for f in $(inputs diff_gb18030); do
		survives gai-normalize --no-name "$f"
		mv "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/utf8"
		iconv -f UTF-8 -t GB18030 "$f" >"$BATS_TEST_TMPDIR/gb" || continue
		survives gai-normalize --no-name "$BATS_TEST_TMPDIR/gb"
		assert_same "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/utf8"
	done
}

# The campaign's diff_gb18030 finds: a tag looked for in the first 4096
# bytes, which hold more text in GB18030 (2 bytes a hanzi) than in UTF-8
# (3), made the same page HTML in one form and text in the other.
@test "fuzz regress: a table after 2000 hanzi is HTML in UTF-8 and GB18030" {
	python3 -c 'import sys
page = "说明" * 1000 + "\n<table><tr><td>收到申请数</td><td>12</td></tr></table>\n"
open(sys.argv[1], "wb").write(page.encode("utf-8"))
open(sys.argv[2], "wb").write(page.encode("gb18030"))
' "$BATS_TEST_TMPDIR/u.html" "$BATS_TEST_TMPDIR/g.html"
	{ python3 -c 'print("说明" * 1000)'; printf '收到申请数\t12\n'; } \
	    >"$BATS_TEST_TMPDIR/want"
	survives gai-normalize --no-name "$BATS_TEST_TMPDIR/u.html"
	assert_same "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
	survives gai-normalize --no-name "$BATS_TEST_TMPDIR/g.html"
	assert_same "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

# The target itself (tests/fuzz/replay.c runs its entry point): both
# parsers alike, or a difference listed in bench/README.md that gai's
# parser reports (gai_html_unlike_libxml2); it aborts on any other.
@test "fuzz regress: diff_html (both HTML parsers alike, or a known difference)" {
	mapfile -t files < <(inputs diff_html)
	[ "${#files[@]}" -ge 4 ]
	survives "$GAI_BUILDDIR/tests/fuzz/replay-diff_html" "${files[@]}"
	for f in "${files[@]}"; do
		{ printf '<html>'; cat "$f"; } >"$BATS_TEST_TMPDIR/page"
		survives gai-normalize -f UTF-8 --html-parser=gai "$BATS_TEST_TMPDIR/page"
		survives gai-normalize -f UTF-8 --html-parser=libxml2 "$BATS_TEST_TMPDIR/page"
	done
}

# #11 item 3: the three null pointer plus offset cases, with their output.
@test "fuzz regress: a chunk of NUL bytes after a tag (sanitize, NULL + 0)" {
	survives gai-normalize --no-name "$REG/normalize-nul-chunk"
	printf '表\xef\xbf\xbd\n' >"$BATS_TEST_TMPDIR/want"
	assert_same "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
	grep -q '1 NUL byte dropped' "$BATS_TEST_TMPDIR/err"
}

@test "fuzz regress: a document without tables (eval_pred, NULL + 0)" {
	survives gai-check "$REG/check-no-tables"
	[ "$(head -n 1 "$BATS_TEST_TMPDIR/out")" = "$(printf 'd\tk\tv')" ]
	grep -q "$(printf '^d\tcheck\\.count_natural\tskip: ')" \
	    "$BATS_TEST_TMPDIR/out"
}

# The 2026-11-28 campaign (check_rules): a body's name that folds to
# nothing (a blank) went to the year-over-year index as a NULL string.
@test "fuzz regress: meta.org a blank, year-over-year rules (strlen of NULL)" {
	survives gai-check "$REG/check-org-blank"
	[ "$(grep -c "$(printf '^d\tcheck\\.')" "$BATS_TEST_TMPDIR/out")" -gt 0 ]
	printf 'r: active.*.in_force = prev(active.*.in_force)\n' \
	    >"$BATS_TEST_TMPDIR/rules"
	survives gai-check --no-builtin --rules "$BATS_TEST_TMPDIR/rules" \
	    "$REG/check-org-blank"
}

# The third campaign (check_rules, run 5): a meta.year of LONG_MAX, whose
# next year overflowed, and which the index would have cut to 32 bits.
@test "fuzz regress: meta.year past any calendar (signed overflow)" {
	survives gai-check "$REG/check-year-max"
	grep -q "$(printf '^d\tcheck\\.')" "$BATS_TEST_TMPDIR/out"
	! grep -q yoy "$BATS_TEST_TMPDIR/out"
}

@test "fuzz regress: empty input (gai_text_fold, NULL + 0)" {
	survives gai-extract "$REG/extract-empty"
	survives gai-extract </dev/null
	survives gai-normalize --no-name "$REG/extract-empty"
	[ ! -s "$BATS_TEST_TMPDIR/out" ]
}

@test "fuzz regress: GB18030's byte-order mark is one, as UTF-8's is" {
	iconv -f UTF-8 -t GB18030 "$REG/diff_gb18030-bom" >"$BATS_TEST_TMPDIR/gb"
	[ "$(head -c 4 "$BATS_TEST_TMPDIR/gb" | od -An -tx1 | tr -d ' ')" = 84319533 ]
	survives gai-normalize --no-name "$REG/diff_gb18030-bom"
	mv "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/utf8"
	printf '\xc6\xae\n' >"$BATS_TEST_TMPDIR/want"
	assert_same "$BATS_TEST_TMPDIR/utf8" "$BATS_TEST_TMPDIR/want"
	survives gai-normalize --no-name "$BATS_TEST_TMPDIR/gb"
	assert_same "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "the dictionary holds every stream-1 header mark, TAB first, as gai_doc writes them" {
	# the marks gai_doc_header writes, from its table
	marks=$(sed -n 's/^static const char \*const marks\[\] = { NULL, \(.*\) };$/\1/p' "$GAI_SRCDIR/lib/gai_doc.c" | tr ',' '\n' | tr -d '" ')
	[ -n "$marks" ]
	run -0 python3 -c '
import re, sys
have = set()
for line in open(sys.argv[1], encoding="latin-1"):
    m = re.match(r"^k\d+=\"(.*)\"$", line.rstrip("\n"))
    if m:
        have.add(re.sub(r"\\x([0-9a-f]{2})|\\(.)", lambda g: chr(int(g.group(1), 16)) if g.group(1) else g.group(2), m.group(1)))
for mark in sys.argv[2:]:
    print(mark, "\t%s: " % mark in have)' "$GAI_SRCDIR/tests/fuzz/gai.dict" $marks
	echo "$output"
	[[ $output != *False* ]]
	[ "${#lines[@]}" -eq 2 ]
}
