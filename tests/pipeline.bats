#!/usr/bin/env bats
# The whole pipeline, as README.md runs it and as users' cron jobs do.

load helpers

# Field records of stream 2 on stdin that the expected file lists, in order.
fields_of() {
	cut -f2- | awk -F'\t' 'NR == FNR { w[$1] = 1; next } ($1 in w)' "$1" -
}

@test "README's main job on examples/: one wide row per report, exactly" {
	cd "$GAI_SRCDIR"
	gai-normalize examples/* | gai-extract | gai-check | gai-tsv --wide >"$BATS_TEST_TMPDIR/wide"
	assert_same "$BATS_TEST_TMPDIR/wide" "$FIX/pipeline/examples.tsv"
	# Every line has the header's number of fields, for awk and mlr alike.
	[ "$(awk -F'\t' '{ print NF }' "$BATS_TEST_TMPDIR/wide" | sort -u)" = "$(head -1 "$BATS_TEST_TMPDIR/wide" | awk -F'\t' '{ print NF }')" ]
	[ "$(mlr --itsv --ojson cat "$BATS_TEST_TMPDIR/wide" | grep -c '"doc":')" -eq 12 ]
}

@test "the seeds and the real reports, normalized first, give the expected records" {
	for f in "$SEEDS"/*.txt "$CORPUS"/00[234]_*-layout.txt; do
		want="$(dirname "$f")/expected/$(basename "$f" .txt).tsv"
		gai-normalize "$f" | gai-extract | fields_of "$want" >"$BATS_TEST_TMPDIR/got"
		assert_same "$BATS_TEST_TMPDIR/got" "$want"
	done
}

@test "a PDF through pdftotext -layout gives the expected records" {
	command -v pdftotext >/dev/null || skip "pdftotext not installed (poppler-utils)"
	for p in 002_huaian-city-2024 003_hongze-district-2023 004_hongze-district-2024; do
		want="$CORPUS/expected/$p-pdftotext-layout.tsv"
		pdftotext -layout "$CORPUS/pdf/$p.pdf" - | gai-normalize | gai-extract |
			fields_of "$want" >"$BATS_TEST_TMPDIR/got"
		assert_same "$BATS_TEST_TMPDIR/got" "$want"
	done
}

@test "a PDF read directly gives the expected records" {
	gai-normalize --version | grep -q '^Reads: .*PDF' || skip "built without poppler-cpp"
	for p in 002_huaian-city-2024 003_hongze-district-2023 004_hongze-district-2024; do
		want="$CORPUS/expected/$p-pdftotext-layout.tsv"
		gai-normalize "$CORPUS/pdf/$p.pdf" | gai-extract |
			fields_of "$want" >"$BATS_TEST_TMPDIR/got"
		assert_same "$BATS_TEST_TMPDIR/got" "$want"
	done
}

@test "the examples' checks: 003's appeal table fails, 003 -> 004 carries over" {
	cd "$GAI_SRCDIR"
	run --separate-stderr -1 sh -c 'gai-normalize examples/* | gai-extract | gai-check'
	printf '%s\n' "$output" | awk -F'\t' '$2 ~ /^check\./ && $3 ~ /^fail/ { print $1 "\t" $2 }' >"$BATS_TEST_TMPDIR/failed"
	printf '%s\n' \
	    "examples/003_hongze-district-2023-pdftotext-layout.txt	check.appeal_sum.review" \
	    "examples/003_hongze-district-2023-pdftotext-layout.txt	check.appeal_sum.suit_after_review" \
	    "examples/004_hongze-district-2024-pdftotext-layout.txt	check.prose_received" >"$BATS_TEST_TMPDIR/want"
	assert_same "$BATS_TEST_TMPDIR/failed" "$BATS_TEST_TMPDIR/want"
	[ "$(printf '%s\n' "$output" | grep -c '	check\.yoy_carry\.[a-z_]*	ok: .* (prior: examples/003_hongze-district-2023-pdftotext-layout.txt, 2023)$')" -eq 7 ]
}

@test "a stream of many pages in one process, and the same pages one by one, agree" {
	cd "$GAI_SRCDIR"
	gai-normalize examples/* | gai-extract >"$BATS_TEST_TMPDIR/together"
	for f in examples/*; do gai-extract "$f"; done | grep -v '	meta.encoding	' >"$BATS_TEST_TMPDIR/apart"
	assert_same "$BATS_TEST_TMPDIR/apart" "$BATS_TEST_TMPDIR/together"
}

# A copy of examples/ under $BATS_TEST_TMPDIR/pages and the serial run's rows.
pages_and_serial() {
	cd "$BATS_TEST_TMPDIR"
	cp -r "$GAI_SRCDIR/examples" pages
	gai-normalize pages/* | gai-extract | gai-check | gai-tsv --wide >serial
	[ "$(wc -l <serial)" -eq 13 ]
}

@test "#9: a zcat loop into gai-normalize gives one row per report (named with --label)" {
	pages_and_serial
	mkdir gz
	for f in pages/*; do gzip -c "$f" >"gz/${f#pages/}.gz"; done
	for f in gz/*.gz; do b=${f#gz/}; zcat "$f" | gai-normalize --label="pages/${b%.gz}"; done |
		gai-extract | gai-check | gai-tsv --wide >loop
	assert_same loop serial
	# without --label every document is "-": still one row each, never merged
	for f in gz/*.gz; do zcat "$f" | gai-normalize; done | gai-extract | gai-check | gai-tsv --wide >unnamed
	[ "$(cut -f1 unnamed | tr '\n' ' ')" = "doc - -#2 -#3 -#4 -#5 -#6 -#7 -#8 -#9 -#10 -#11 -#12 " ]
	diff <(cut -f2- unnamed) <(cut -f2- serial)
}

@test "#9: find -exec gai-normalize {} \\; and an xargs batch of one: one row per report" {
	pages_and_serial
	find pages -type f -exec gai-normalize {} \; | gai-extract | gai-check | gai-tsv --wide >found
	diff <(sort found) <(sort serial)
	ls pages/* | xargs -n1 gai-normalize | gai-extract | gai-check | gai-tsv --wide >xargs1
	assert_same xargs1 serial
	# a batch that happens to hold one file
	echo pages/seed-004_53c757b5f08b753a.txt | xargs gai-normalize | gai-extract | gai-tsv --wide --no-header | cut -f1 >one
	[ "$(cat one)" = "pages/seed-004_53c757b5f08b753a.txt" ]
}

@test "a report larger than --max-size: gai-normalize cuts it and marks it, gai-extract records warn.cut, as when it cuts the FILE itself" {
	cd "$BATS_TEST_TMPDIR"
	{ cat "$SEEDS/004_53c757b5f08b753a.txt"; yes '六、其他需要报告的事项:无。' | head -n 1000; } >big.txt
	page="$GAI_SRCDIR/examples/page-gb2312-label.html"
	for f in big.txt "$page"; do
		max=16K
		[ "$f" = big.txt ] || max=40K
		run --separate-stderr -2 gai-extract --max-size=$max "$f"
		why=${stderr#"gai-extract: $f: "}
		[[ $why == "larger than the --max-size of "*" bytes, cut there ("*" bytes read of at least $(wc -c <"$f"))" ]]
		printf '%s\n' "$output" | grep -v '	meta\.encoding	' >direct
		[ "$(tail -n 1 direct)" = "$f	warn.cut	$why" ]
		# the same records, the same reason; 1: a finding, said upstream
		run --separate-stderr -1 sh -c 'gai-normalize --max-size=$1 "$2" | gai-extract' sh $max "$f"
		[ "$stderr" = "gai-normalize: $f: $why" ]
		printf '%s\n' "$output" >piped
		assert_same piped direct
	done
	# the tables before the limit are read, the one it went through is not
	grep -q '	req\.new\.total	' direct
	grep -q '	warn\.row_unread	appeal: ' direct
}
