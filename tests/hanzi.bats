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
