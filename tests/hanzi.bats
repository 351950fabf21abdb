#!/usr/bin/env bats
# The hanzi table: lib/gai_hanzi_table.c is what tools/gen-hanzi.py makes of
# OpenCC's dictionary, and the tools that use it.

load helpers

@test "the committed hanzi table is what the generator makes of OpenCC's dictionary" {
	ts=${OPENCC_TS:-/usr/share/opencc/TSCharacters.ocd2}
	if ! command -v opencc_dict >/dev/null || [ ! -f "$ts" ]; then
		skip "no opencc_dict and $ts (apt-get install opencc)"
	fi
	opencc_dict -i "$ts" -f ocd2 -t text -o "$BATS_TEST_TMPDIR/ts.txt"
	python3 "$GAI_SRCDIR/tools/gen-hanzi.py" "$BATS_TEST_TMPDIR/ts.txt" \
	    >"$BATS_TEST_TMPDIR/table.c"
	assert_same "$BATS_TEST_TMPDIR/table.c" "$GAI_SRCDIR/lib/gai_hanzi_table.c"
}

@test "the generator refuses what is not a character table" {
	printf '區\t区\n' >"$BATS_TEST_TMPDIR/ok.txt"
	run -0 python3 "$GAI_SRCDIR/tools/gen-hanzi.py" "$BATS_TEST_TMPDIR/ok.txt"
	[[ $output == *'{ 0x5340, 0x533A },	/* 區 区 */'* ]]
	printf '區\t区\n後来\t后来\n' >"$BATS_TEST_TMPDIR/bad.txt"
	run -1 python3 "$GAI_SRCDIR/tools/gen-hanzi.py" "$BATS_TEST_TMPDIR/bad.txt"
	[ "$output" = "$BATS_TEST_TMPDIR/bad.txt:2: not one character each" ]
	: >"$BATS_TEST_TMPDIR/empty.txt"
	run -1 python3 "$GAI_SRCDIR/tools/gen-hanzi.py" "$BATS_TEST_TMPDIR/empty.txt"
	[ "$output" = "$BATS_TEST_TMPDIR/empty.txt: 0 pairs: not a character table" ]
}

@test "gai-normalize --simplified: traditional characters simplified, the rest unchanged" {
	printf '%s\n' '淮安市洪澤區人民政府 2020年度報告: 發 髮 後 乾 臺 | abc 一二三' \
	    >"$BATS_TEST_TMPDIR/t.txt"
	run -0 gai-normalize --no-name --simplified "$BATS_TEST_TMPDIR/t.txt"
	[ "$output" = '淮安市洪泽区人民政府 2020年度报告: 发 发 后 干 台 | abc 一二三' ]
	# Without the option the text keeps its characters.
	run -0 gai-normalize --no-name "$BATS_TEST_TMPDIR/t.txt"
	[ "$output" = "$(cat "$BATS_TEST_TMPDIR/t.txt")" ]
}

@test "gai-extract reads traditional text and its --simplified stream to the same records" {
	for f in "$SEEDS"/000_6f6c780c05ed1855.txt "$SEEDS"/001_45cb5db47e89188a.txt \
	    "$GAI_SRCDIR/examples/page-big5-2019.html"; do
		gai-normalize "$f" | gai-extract >"$BATS_TEST_TMPDIR/trad"
		gai-normalize --simplified "$f" | gai-extract >"$BATS_TEST_TMPDIR/simp"
		# The tables' records are the same, key for key and value for value.
		grep -v '	meta\.\(title\|org\)	' "$BATS_TEST_TMPDIR/trad" >"$BATS_TEST_TMPDIR/t"
		grep -v '	meta\.\(title\|org\)	' "$BATS_TEST_TMPDIR/simp" >"$BATS_TEST_TMPDIR/s"
		[ "$(wc -l <"$BATS_TEST_TMPDIR/t")" -gt 150 ]
		assert_same "$BATS_TEST_TMPDIR/s" "$BATS_TEST_TMPDIR/t"
		# The title and the body's name: the same, in simplified characters.
		grep '	meta\.\(title\|org\)	' "$BATS_TEST_TMPDIR/trad" |
		    gai-normalize --no-name --simplified >"$BATS_TEST_TMPDIR/t"
		grep '	meta\.\(title\|org\)	' "$BATS_TEST_TMPDIR/simp" >"$BATS_TEST_TMPDIR/s"
		[ "$(wc -l <"$BATS_TEST_TMPDIR/s")" -eq 2 ]
		assert_same "$BATS_TEST_TMPDIR/t" "$BATS_TEST_TMPDIR/s"
		! cmp -s "$BATS_TEST_TMPDIR/trad" "$BATS_TEST_TMPDIR/simp"
	done
	# What the traditional seed's org is in simplified characters.
	gai-normalize --simplified "$SEEDS"/000_6f6c780c05ed1855.txt | gai-extract |
	    grep -q '	meta\.org	攀枝花市米易县$'
}
