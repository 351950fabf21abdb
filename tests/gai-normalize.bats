#!/usr/bin/env bats
# gai-normalize: any page to stream 1.

load helpers

NF="$FIX/gai-normalize"

seed() { ls "$SEEDS"/"$1"_*.txt; }

# Run gai-normalize on a file and compare its text with a golden output.
normalizes_to() {
	local in=$1 want=$2
	shift 2
	run --separate-stderr -0 gai-normalize --no-name "$@" "$in"
	[ -z "$stderr" ] || { echo "stderr: $stderr"; return 1; }
	gai-normalize --no-name "$@" "$in" >"$BATS_TEST_TMPDIR/got"
	assert_same "$BATS_TEST_TMPDIR/got" "$want"
}

@test "each seed as UTF-8: folded text, one LF at the end" {
	for n in 000 001 002 003 004; do
		normalizes_to "$(seed $n)" "$NF/seeds/$n.out"
	done
}

@test "each seed as GB18030 gives the same text" {
	for n in 000 001 002 003 004; do
		iconv -f UTF-8 -t GB18030 "$(seed $n)" >"$BATS_TEST_TMPDIR/$n.gb"
		normalizes_to "$BATS_TEST_TMPDIR/$n.gb" "$NF/seeds/$n.out"
	done
}

@test "the traditional seeds as Big5 give the same text" {
	for n in 000 001; do
		iconv -f UTF-8 -t BIG5 "$(seed $n)" >"$BATS_TEST_TMPDIR/$n.big5"
		normalizes_to "$BATS_TEST_TMPDIR/$n.big5" "$NF/seeds/$n.out"
	done
}

@test "each seed as UTF-16 with a BOM (LE and BE) gives the same text" {
	for n in 000 001 002 003 004; do
		{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$(seed $n)"; } >"$BATS_TEST_TMPDIR/$n.le"
		{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$(seed $n)"; } >"$BATS_TEST_TMPDIR/$n.be"
		normalizes_to "$BATS_TEST_TMPDIR/$n.le" "$NF/seeds/$n.out"
		normalizes_to "$BATS_TEST_TMPDIR/$n.be" "$NF/seeds/$n.out"
	done
}

@test "each seed as UTF-8 with a BOM and CRLF line ends gives the same text" {
	for n in 000 001 002 003 004; do
		{ printf '\357\273\277'; sed 's/$/\r/' "$(seed $n)"; } >"$BATS_TEST_TMPDIR/$n.crlf"
		normalizes_to "$BATS_TEST_TMPDIR/$n.crlf" "$NF/seeds/$n.out"
	done
}

@test "HTML pages: every fixture of tests/fixtures/gai-normalize/html" {
	for page in "$NF"/html/*.html; do
		normalizes_to "$page" "${page%.html}.out"
	done
}

@test "an HTML page in GB18030 and in Big5 gives the same lines as in UTF-8" {
	page="$NF/html/gov-report.html"
	sed 's/charset=[a-zA-Z0-9-]*/charset=gb2312/' "$page" | iconv -f UTF-8 -t GB18030 >"$BATS_TEST_TMPDIR/gb.html"
	normalizes_to "$BATS_TEST_TMPDIR/gb.html" "${page%.html}.out"
	printf '<html><head><meta charset="big5"><title>政府信息公開工作年度報告</title></head><body><table><tr><td rowspan="2">申請人情況</td><td>自然人</td></tr><tr><td>10</td></tr></table></body></html>\n' >"$BATS_TEST_TMPDIR/u8.html"
	iconv -f UTF-8 -t BIG5 "$BATS_TEST_TMPDIR/u8.html" >"$BATS_TEST_TMPDIR/big5.html"
	run --separate-stderr -0 gai-normalize --no-name "$BATS_TEST_TMPDIR/big5.html"
	[ -z "$stderr" ]
	[ "$output" = "$(printf '政府信息公開工作年度報告\n申請人情況\t自然人\n10')" ]
}

@test "folding: full-width forms, Unicode spaces, zero-width characters, line ends" {
	printf 'Ａ１（一）：\343\200\200x\302\240y\342\200\202z\342\200\257w\r\n' >"$BATS_TEST_TMPDIR/in"
	printf 'so\302\255ft\342\200\213zero\357\273\277bom\rcr\fff\nend' >>"$BATS_TEST_TMPDIR/in"
	run --separate-stderr -0 gai-normalize --no-name "$BATS_TEST_TMPDIR/in"
	[ "$output" = "$(printf 'A1(一): x y z w\nsoftzerobom\ncr\nff\nend')" ]
	gai-normalize "$BATS_TEST_TMPDIR/in" | tail -c 1 | od -An -c | grep -q '\\n'
}

@test "traditional characters are kept" {
	printf '申請 處罰 結轉\n' | gai-normalize --no-name >"$BATS_TEST_TMPDIR/out"
	[ "$(cat "$BATS_TEST_TMPDIR/out")" = "申請 處罰 結轉" ]
}

@test "runs of spaces in text are kept (pdftotext -layout columns)" {
	gai-normalize "$CORPUS/002_huaian-city-2024-pdftotext-layout.txt" >"$BATS_TEST_TMPDIR/out"
	grep -qx '规章  \+1  \+0  \+11' "$BATS_TEST_TMPDIR/out"
}

@test "name headers: one per document, even alone; stdin is - or --label; --no-name" {
	a=$(seed 002) b=$(seed 003)
	gai-normalize "$a" "$b" >"$BATS_TEST_TMPDIR/two"
	{ printf '\f%s\n' "$a"; cat "$NF/seeds/002.out"; printf '\f%s\n' "$b"; cat "$NF/seeds/003.out"; } >"$BATS_TEST_TMPDIR/want"
	assert_same "$BATS_TEST_TMPDIR/two" "$BATS_TEST_TMPDIR/want"
	for opt in "" -H --with-name; do
		gai-normalize $opt "$a" >"$BATS_TEST_TMPDIR/one"
		{ printf '\f%s\n' "$a"; cat "$NF/seeds/002.out"; } >"$BATS_TEST_TMPDIR/want"
		assert_same "$BATS_TEST_TMPDIR/one" "$BATS_TEST_TMPDIR/want"
	done
	gai-normalize --no-name "$a" "$b" >"$BATS_TEST_TMPDIR/none"
	cat "$NF/seeds/002.out" "$NF/seeds/003.out" >"$BATS_TEST_TMPDIR/want"
	assert_same "$BATS_TEST_TMPDIR/none" "$BATS_TEST_TMPDIR/want"
	gai-normalize <"$a" >"$BATS_TEST_TMPDIR/stdin"
	{ printf '\f-\n'; cat "$NF/seeds/002.out"; } >"$BATS_TEST_TMPDIR/want"
	assert_same "$BATS_TEST_TMPDIR/stdin" "$BATS_TEST_TMPDIR/want"
	# --label names standard input only, wherever "-" comes.
	gai-normalize --label=pages/p1.html "$b" - <"$a" >"$BATS_TEST_TMPDIR/label"
	{ printf '\f%s\n' "$b"; cat "$NF/seeds/003.out"; printf '\fpages/p1.html\n'; cat "$NF/seeds/002.out"; } >"$BATS_TEST_TMPDIR/want"
	assert_same "$BATS_TEST_TMPDIR/label" "$BATS_TEST_TMPDIR/want"
}

@test "a name with a newline, TAB or backslash is escaped in its header, read back whole" {
	d="$BATS_TEST_TMPDIR/odd"
	mkdir "$d"
	n1="$d/two
lines.txt" n2="$d/tab	and\\back"
	cp "$(seed 002)" "$n1"
	cp "$(seed 003)" "$n2"
	gai-normalize "$n1" "$n2" >"$BATS_TEST_TMPDIR/out"
	[ "$(grep -c $'^\f' "$BATS_TEST_TMPDIR/out")" -eq 2 ]
	grep -qxF $'\f'"$d/two\\nlines.txt" "$BATS_TEST_TMPDIR/out"
	grep -qxF $'\f'"$d/tab\\tand\\\\back" "$BATS_TEST_TMPDIR/out"
	# gai-extract undoes the header's escapes and escapes the record's field.
	gai-extract "$BATS_TEST_TMPDIR/out" | cut -f1 | sort -u >"$BATS_TEST_TMPDIR/docs"
	printf '%s\n' "$d/tab\\tand\\\\back" "$d/two\\nlines.txt" >"$BATS_TEST_TMPDIR/want"
	assert_same "$BATS_TEST_TMPDIR/docs" "$BATS_TEST_TMPDIR/want"
	# gai-tsv reads the name back as it was.
	gai-extract "$BATS_TEST_TMPDIR/out" | gai-tsv --wide --no-header | cut -f1 >"$BATS_TEST_TMPDIR/rows"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/rows")" -eq 2 ]
}

@test "a missing or unreadable FILE: a diagnostic, an unreadable header, the rest done, exit 2" {
	a=$(seed 002)
	run --separate-stderr -2 gai-normalize "$BATS_TEST_TMPDIR/gone" "$a" "$BATS_TEST_TMPDIR"
	[ "$stderr" = "gai-normalize: $BATS_TEST_TMPDIR/gone: No such file or directory
gai-normalize: $BATS_TEST_TMPDIR: Is a directory" ]
	gai-normalize "$BATS_TEST_TMPDIR/gone" "$a" "$BATS_TEST_TMPDIR" >"$BATS_TEST_TMPDIR/out" 2>/dev/null || true
	{ printf '\f%s\tunreadable: No such file or directory\n\f%s\n' "$BATS_TEST_TMPDIR/gone" "$a"
	  cat "$NF/seeds/002.out"
	  printf '\f%s\tunreadable: Is a directory\n' "$BATS_TEST_TMPDIR"; } >"$BATS_TEST_TMPDIR/want"
	assert_same "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
	# --no-name writes no header, so no marker either; the status still says it.
	run --separate-stderr -2 gai-normalize --no-name "$BATS_TEST_TMPDIR/gone"
	[ -z "$output" ]
}

@test "-f forces an encoding; an unknown one is a usage error" {
	iconv -f UTF-8 -t GB18030 "$(seed 002)" >"$BATS_TEST_TMPDIR/gb"
	normalizes_to "$BATS_TEST_TMPDIR/gb" "$NF/seeds/002.out" -f gbk
	normalizes_to "$BATS_TEST_TMPDIR/gb" "$NF/seeds/002.out" --from=GB18030
	run --separate-stderr -2 gai-normalize -f no-such-charset "$(seed 002)"
	[ -z "$output" ]
	[[ $stderr == "gai-normalize: unknown encoding 'no-such-charset'"* ]]
}

@test "GBK-only characters in a page labelled gb2312 decode (GB18030 superset)" {
	# 镕 and 堃 are in GBK but not GB2312; the en space U+2002 is in neither.
	printf '<html><head><meta charset="gb2312"><title>朱镕基 堃\342\200\202报告</title></head><body><p>正文</p></body></html>\n' |
		iconv -f UTF-8 -t GB18030 >"$BATS_TEST_TMPDIR/page"
	run --separate-stderr -0 gai-normalize --no-name "$BATS_TEST_TMPDIR/page"
	[ -z "$stderr" ]
	[ "${lines[0]}" = "朱镕基 堃 报告" ]
	[ "${lines[1]}" = "正文" ]
}

@test "a page labelled gbk that is UTF-8 is read as UTF-8" {
	printf '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>年度报告</title></head><body><p>申请数量</p></body></html>\n' >"$BATS_TEST_TMPDIR/page"
	run --separate-stderr -0 gai-normalize --no-name "$BATS_TEST_TMPDIR/page"
	[ -z "$stderr" ]
	[ "$output" = "$(printf '年度报告\n申请数量')" ]
}

@test "a page labelled utf-8 that is GB18030 is guessed from its bytes" {
	iconv -f UTF-8 -t GB18030 "$(seed 002)" >"$BATS_TEST_TMPDIR/body"
	{ printf '<meta charset="utf-8">\n'; cat "$BATS_TEST_TMPDIR/body"; } >"$BATS_TEST_TMPDIR/page"
	run --separate-stderr -0 gai-normalize --no-name "$BATS_TEST_TMPDIR/page"
	[ -z "$stderr" ]
	[[ $output == *"2021年,我局严格按照《中华人民共和国政府信息公开条例》"* ]]
}

@test "undeclared Big5 and GB18030 text are told apart" {
	iconv -f UTF-8 -t BIG5 "$(seed 001)" >"$BATS_TEST_TMPDIR/big5"
	iconv -f UTF-8 -t GB18030 "$(seed 001)" >"$BATS_TEST_TMPDIR/gb"
	normalizes_to "$BATS_TEST_TMPDIR/big5" "$NF/seeds/001.out"
	normalizes_to "$BATS_TEST_TMPDIR/gb" "$NF/seeds/001.out"
}

@test "text in neither GB18030 nor Big5 is left to uchardet: Latin-1, Shift_JIS" {
	printf 'Le caf\351 est tr\350s bon, la cr\350me br\373l\351e aussi. Une d\351claration tr\350s na\357ve.\n' >"$BATS_TEST_TMPDIR/latin1"
	run --separate-stderr -0 gai-normalize --no-name "$BATS_TEST_TMPDIR/latin1"
	[ "$output" = "Le café est très bon, la crème brûlée aussi. Une déclaration très naïve." ]
	printf 'これは日本語の文章です。日本語の文章です。\n' | iconv -f UTF-8 -t SHIFT_JIS >"$BATS_TEST_TMPDIR/sjis"
	run --separate-stderr -0 gai-normalize --no-name "$BATS_TEST_TMPDIR/sjis"
	[ "$output" = "これは日本語の文章です。日本語の文章です。" ]
}

@test "a truncated multibyte sequence at the end: U+FFFD, one diagnostic, exit 0" {
	printf '申请' | iconv -f UTF-8 -t GB18030 >"$BATS_TEST_TMPDIR/cut"
	printf '\xc9' >>"$BATS_TEST_TMPDIR/cut"
	run --separate-stderr -0 gai-normalize --no-name -f gb18030 "$BATS_TEST_TMPDIR/cut"
	[ "$output" = "申请�" ]
	[ "$stderr" = "gai-normalize: $BATS_TEST_TMPDIR/cut: 1 byte was not valid GB18030 (first at offset 4), replaced by U+FFFD" ]
}

@test "invalid bytes in UTF-8 text are replaced and counted, the rest kept" {
	printf 'ok\xff\xfe line\n第二行\n' >"$BATS_TEST_TMPDIR/bad"
	run --separate-stderr -0 gai-normalize --no-name -f utf-8 "$BATS_TEST_TMPDIR/bad"
	[ "$output" = "$(printf 'ok\357\277\275\357\277\275 line\n第二行')" ]
	[ "$stderr" = "gai-normalize: $BATS_TEST_TMPDIR/bad: 2 bytes were not valid UTF-8 (first at offset 2), replaced by U+FFFD" ]
	# the offset is in the file, its byte-order mark counted, as in
	# GB18030 and UTF-16
	printf '\357\273\277ok\377 line\n' >"$BATS_TEST_TMPDIR/bom"
	run --separate-stderr -0 gai-normalize --no-name "$BATS_TEST_TMPDIR/bom"
	[ "$output" = "$(printf 'ok\357\277\275 line')" ]
	[ "$stderr" = "gai-normalize: $BATS_TEST_TMPDIR/bom: 1 byte was not valid UTF-8 (first at offset 5), replaced by U+FFFD" ]
}

@test "an unpaired surrogate in UTF-16: one U+FFFD, the rest decodes" {
	printf '\377\376a\000\000\330b\000\n\000' >"$BATS_TEST_TMPDIR/u16"
	run --separate-stderr -0 gai-normalize --no-name "$BATS_TEST_TMPDIR/u16"
	[ "$output" = "$(printf 'a\357\277\275b')" ]
	[ "$stderr" = "gai-normalize: $BATS_TEST_TMPDIR/u16: 2 bytes were not valid UTF-16LE (first at offset 4), replaced by U+FFFD" ]
}

@test "NUL bytes are dropped and counted" {
	printf 'a\0b\0\0c\n' >"$BATS_TEST_TMPDIR/nul"
	run --separate-stderr -0 gai-normalize --no-name "$BATS_TEST_TMPDIR/nul"
	[ "$output" = "abc" ]
	[ "$stderr" = "gai-normalize: $BATS_TEST_TMPDIR/nul: 3 NUL bytes dropped" ]
}

@test "binary junk: said, marked unreadable, the next document still done" {
	awk 'BEGIN { srand(7); for (i = 0; i < 20000; i++) printf "%c", int(rand() * 256) }' >"$BATS_TEST_TMPDIR/junk"
	run --separate-stderr -2 gai-normalize "$BATS_TEST_TMPDIR/junk" "$(seed 002)"
	[ "$stderr" = "gai-normalize: $BATS_TEST_TMPDIR/junk: binary data, not text" ]
	gai-normalize "$BATS_TEST_TMPDIR/junk" "$(seed 002)" 2>/dev/null >"$BATS_TEST_TMPDIR/out" || true
	[ "$(head -n 1 "$BATS_TEST_TMPDIR/out")" = "$(printf '\f%s\tunreadable: binary data, not text' "$BATS_TEST_TMPDIR/junk")" ]
	[ "$(tr -cd '\f' <"$BATS_TEST_TMPDIR/out" | wc -c)" -eq 2 ]
	tail -n +2 "$NF/seeds/002.out" >"$BATS_TEST_TMPDIR/tail"
	[[ $(cat "$BATS_TEST_TMPDIR/out") == *"$(cat "$BATS_TEST_TMPDIR/tail")" ]]
}

@test "an empty file gives an empty document" {
	: >"$BATS_TEST_TMPDIR/empty"
	run --separate-stderr -0 gai-normalize --no-name "$BATS_TEST_TMPDIR/empty"
	[ -z "$output" ] && [ -z "$stderr" ]
	run --separate-stderr -0 gai-normalize "$BATS_TEST_TMPDIR/empty"
	[ "$output" = "$(printf '\f%s' "$BATS_TEST_TMPDIR/empty")" ]
	run --separate-stderr -0 gai-normalize "$BATS_TEST_TMPDIR/empty" "$BATS_TEST_TMPDIR/empty"
	[ "$output" = "$(printf '\f%s\n\f%s' "$BATS_TEST_TMPDIR/empty" "$BATS_TEST_TMPDIR/empty")" ]
}

@test "a 100 MB line with no newline: all of it out, memory bounded" {
	head -c 100000000 /dev/zero | tr '\0' 'a' >"$BATS_TEST_TMPDIR/long"
	# ASan and valgrind reserve far more address space than ulimit -v allows.
	if [ -n "${GAI_WRAPDIR:-}" ] ||
	    grep -qa __asan_init "$(command -v gai-normalize)"; then
		run -0 sh -c 'gai-normalize --no-name --max-size=0 "$1" | wc -c' sh "$BATS_TEST_TMPDIR/long"
	else
		# The document itself, plus buffers: well under three times its size.
		run -0 sh -c 'ulimit -v 300000; gai-normalize --no-name --max-size=0 "$1" | wc -c' sh "$BATS_TEST_TMPDIR/long"
	fi
	[ "$output" -eq 100000001 ]
}

@test "a 30 MB page that is one run of text, or one comment: memory about the page's size" {
	skip_unless_own_memory gai-normalize
	cd "$BATS_TEST_TMPDIR"
	python3 -c 'import sys
sys.stdout.write("<html><body><p>" + "数据" * 5000000 + "</p><p>end</p></body></html>")' >run.html
	python3 -c 'import sys
sys.stdout.write("<html><body><!--" + "x" * 30000000 + "--><p>end</p></body></html>")' >comment.html
	kb=$(( $(wc -c <run.html) / 1024 ))
	for f in run comment; do
		[ "$(gai-normalize --no-name --max-size=0 $f.html | tail -c 4)" = "end" ]
		# gai's parser: the page, and buffers that do not grow with it
		# (a run of text was held three times over, a comment twice)
		read -r _ m <<<"$(peak_kb "gai-normalize --max-size=0 $f.html >/dev/null")"
		echo "$f gai: $m KB, page $kb KB"
		[ "$m" -lt $((kb * 3 / 2 + 16384)) ]
	done
	# libxml2 holds a run of text until the next '<' (it was five times
	# the page when it held the run in its output too), and a comment
	# twice: with the page given back as it is decoded, not that as well
	# (2.5 and 3.8 times the page)
	read -r _ m <<<"$(peak_kb "gai-normalize --html-parser=libxml2 --max-size=0 run.html >/dev/null")"
	echo "run libxml2: $m KB"
	[ "$m" -lt $((kb * 2 + 12288)) ]
	read -r _ m <<<"$(peak_kb "gai-normalize --html-parser=libxml2 --max-size=0 comment.html >/dev/null")"
	echo "comment libxml2: $m KB"
	[ "$m" -lt $((kb * 26 / 10 + 12288)) ]
}

@test "--max-size: text is cut at its last line end, said, its header marked cut, the stream goes on, exit 2" {
	cd "$BATS_TEST_TMPDIR"
	printf '第二个\n' >small
	{ printf 'line one\nline two\n'; head -c 3000 /dev/zero | tr '\0' x; } >big
	why='larger than the --max-size of 1024 bytes, cut there (18 bytes read of at least 3018)'
	run --separate-stderr -2 gai-normalize --max-size=1K big small
	[ "$stderr" = "gai-normalize: big: $why" ]
	printf '\fbig\tcut: %s\nline one\nline two\n\fsmall\n第二个\n' "$why" >want
	gai-normalize --max-size=1K big small 2>/dev/null >out || true
	assert_same out want
	# A file that never ends does not hold the stream up.
	run --separate-stderr -2 timeout 20 gai-normalize --max-size=1M /dev/zero small
	[[ $stderr == "gai-normalize: /dev/zero: larger than the --max-size of 1048576 bytes, cut there (1048576 bytes read of at least "* ]]
	[[ $output == *"第二个" ]]
	# The default is 64 MiB; sizes take K, M, G; a bad one is a usage error.
	gai-normalize --help | grep -q 'default 64M'
	run --separate-stderr -2 gai-normalize --max-size=12X small
	[[ $stderr == "gai-normalize: invalid size '12X'"* ]]
}

@test "--max-size: GB18030 and UTF-8 text cut at a line end, or inside a character of a line with none: whole characters, nothing replaced" {
	cd "$BATS_TEST_TMPDIR"
	# short lines, then a long one the limit goes through: the text of
	# what is kept is within the limit too (else it is cut again: below)
	python3 -c 'import sys
sys.stdout.buffer.write(("".join("第%d行、政府信息公开\n" % i for i in range(20)) + "政府" * 400 + "\n").encode("gb18030"))' >lines.gb
	# its lines within 1 KiB: 410 bytes, up to the line end of 第19行
	head -c 410 lines.gb >kept.gb
	[ "$(tail -n 1 kept.gb | iconv -f GB18030 -t UTF-8)" = 第19行、政府信息公开 ]
	run --separate-stderr -2 gai-normalize --max-size=1K lines.gb
	[ "$stderr" = "gai-normalize: lines.gb: larger than the --max-size of 1024 bytes, cut there (410 bytes read of at least $(wc -c <lines.gb))" ]
	{ printf '\flines.gb\tcut: %s\n' "${stderr#*lines.gb: }"; iconv -f GB18030 -t UTF-8 kept.gb; } >want
	gai-normalize --max-size=1K lines.gb >out 2>/dev/null || true
	assert_same out want
	# one line of 1500 two-byte characters cut at 1001 bytes: 500 whole
	# characters (a four-byte one, 𠀀, at the end of the next case),
	# whose 1500 bytes of text are cut again: 333 characters and LF
	python3 -c 'import sys
sys.stdout.buffer.write(("政府信息公开" * 250).encode("gb18030"))' >line.gb
	run --separate-stderr -2 gai-normalize --max-size=1001 line.gb
	[ "$stderr" = "gai-normalize: line.gb: larger than the --max-size of 1001 bytes, cut there (1001 bytes read of at least 3000)
gai-normalize: line.gb: its text larger than the --max-size of 1001 bytes, cut there (1000 bytes written of at least 1500)" ]
	[ "${lines[1]}" = "$(python3 -c 'print(("政府信息公开" * 250)[:333])')" ]
	[ "${#lines[@]}" -eq 2 ]
	python3 -c 'import sys
sys.stdout.buffer.write(("政府" * 300 + "\U00020000" * 10).encode("gb18030"))' >four.gb
	run --separate-stderr -2 gai-normalize --max-size=1202 four.gb
	[ "$stderr" = "gai-normalize: four.gb: larger than the --max-size of 1202 bytes, cut there (1202 bytes read of at least 1240)
gai-normalize: four.gb: its text larger than the --max-size of 1202 bytes, cut there (1201 bytes written of at least 1800)" ]
	[ "${lines[1]}" = "$(python3 -c 'print("政府" * 200)')" ]
	# UTF-8: a three-byte character cut at 1000 bytes is left out
	python3 -c 'import sys; sys.stdout.write("政府信息公开" * 100)' >line.u8
	run --separate-stderr -2 gai-normalize --max-size=1000 line.u8
	[ "$stderr" = "gai-normalize: line.u8: larger than the --max-size of 1000 bytes, cut there (999 bytes read of at least 1800)" ]
	[ "${lines[1]}" = "$(python3 -c 'print(("政府信息公开" * 100)[:333])')" ]
	# UTF-16: whole units, the line the cut went through dropped
	python3 -c 'import sys
sys.stdout.buffer.write("".join("line %d 上下\n" % i for i in range(100)).encode("utf-16"))' >lines.u16
	run --separate-stderr -2 gai-normalize --max-size=301 lines.u16
	[ "${lines[1]}" = "line 0 上下" ]
	[ "${lines[-1]}" = "$(python3 -c 'import sys
b = "".join("line %d 上下\n" % i for i in range(100)).encode("utf-16")[:301]
print(b[:len(b) & ~1].decode("utf-16").split("\n")[-2])')" ]
	[[ $stderr != *U+FFFD* && $stderr != *"its text"* ]]
}

@test "--max-size bounds the text written too: a GB18030 page within the limit whose UTF-8 is larger is cut at a line end, and gai-extract does not cut it again" {
	cd "$BATS_TEST_TMPDIR"
	python3 -c 'import sys
sys.stdout.buffer.write("".join("第%d行、政府信息公开\n" % i for i in range(200)).encode("gb18030"))' >lines.gb
	iconv -f GB18030 -t UTF-8 lines.gb >lines.u8
	[ "$(wc -c <lines.gb)" -eq 4290 ] && [ "$(wc -c <lines.u8)" -eq 6090 ]
	# its lines within 5000 bytes of UTF-8: up to the line end of 第163行
	keep=$(python3 -c 'import sys; b = open("lines.u8", "rb").read()[:5000]; print(b.rindex(b"\n") + 1)')
	why="its text larger than the --max-size of 5000 bytes, cut there ($keep bytes written of at least 6090)"
	run --separate-stderr -2 gai-normalize --max-size=5000 lines.gb
	[ "$stderr" = "gai-normalize: lines.gb: $why" ]
	{ printf '\flines.gb\tcut: %s\n' "$why"; head -c "$keep" lines.u8; } >want
	printf '%s\n' "$output" >got
	assert_same got want
	[ "$(tail -n 1 got)" = 第163行、政府信息公开 ]
	# gai-extract under the same limit: the upstream cut only
	run --separate-stderr -1 gai-extract --max-size=5000 got
	[ "$stderr" = "" ]
	[ "$(printf '%s\n' "$output" | grep -c warn.cut)" -eq 1 ]
	[ "$(printf '%s\n' "$output" | tail -n 1)" = "lines.gb	warn.cut	$why" ]
	# a text within the limit is whole, though the page was measured
	run --separate-stderr -0 gai-normalize --no-name --max-size=6090 lines.gb
	[ "$output" = "$(cat lines.u8)" ]
	[ "$stderr" = "" ]
	# a line with no end: whole characters, room left for its LF
	python3 -c 'import sys
sys.stdout.buffer.write(("政府信息公开" * 75).encode("gb18030"))' >line.gb
	run --separate-stderr -2 gai-normalize --max-size=1000 --simplified line.gb
	[ "$stderr" = "gai-normalize: line.gb: its text larger than the --max-size of 1000 bytes, cut there (1000 bytes written of at least 1350)" ]
	[ "${lines[1]}" = "$(python3 -c 'print(("政府信息公开" * 75)[:333])')" ]
	[ "${#lines[@]}" -eq 2 ]
}

@test "--max-size: a UTF-16 page is cut after its last LF unit within the limit, not after an 0A byte, LE and BE; gai-extract adds no byte to it" {
	cd "$BATS_TEST_TMPDIR"
	# mostly ASCII, so that the text is shorter than the page and not
	# cut again; 上 is U+4E0A, an 0A byte that is no line end
	for enc in utf-16-le utf-16-be; do
		python3 -c 'import sys
sys.stdout.buffer.write("\ufeff".encode(sys.argv[1]) + "".join("line %d 上下\n" % i for i in range(100)).encode(sys.argv[1]))' $enc >page
		# line 5's end (LF: 0A 00 in LE, 00 0A in BE) ends at $end,
		# within the limit, which goes a byte into line 6 (the last 0A
		# byte within it, in LE, is the LF's first)
		end=$(python3 -c 'import sys
b = open("page", "rb").read()
lf = "\n".encode(sys.argv[1])
at = -1
for i in range(6):
    at = b.index(lf, at + 1)
    while at % 2: at = b.index(lf, at + 1)
print(at + 2)' $enc)
		max=$((end + 1))
		run --separate-stderr -2 gai-normalize --no-name --max-size=$max page
		[ "$output" = "$(printf 'line %d 上下\n' 0 1 2 3 4 5)" ]
		[ "$stderr" = "gai-normalize: page: larger than the --max-size of $max bytes, cut there ($end bytes read of at least $(wc -c <page))" ]
		# gai-extract cuts so too (its warn.cut says the bytes kept)
		run --separate-stderr -2 gai-extract --max-size=$max page
		[[ $output == *"	warn.cut	larger than the --max-size of $max bytes, cut there ($end bytes read of at least $(wc -c <page))" ]]
		# whole: read as UTF-16, as its BOM says, though nearly all of
		# it is ASCII, which is valid UTF-8; no LF byte added, which
		# would be half a unit, one bad byte
		run --separate-stderr -1 gai-extract page
		[ "$stderr" = "" ]
	done
}

@test "--max-size: an HTML page cut inside a table row: the rows before it, never a row or a number cut short" {
	cd "$BATS_TEST_TMPDIR"
	{ printf '<html><head><title>报告</title></head><body>\n<table>\n'
	  for r in 规章 行政规范性文件 行政许可 行政处罚; do
		printf '<tr>\n<td>%s</td>\n<td>1234</td>\n<td>5678</td>\n</tr>\n' "$r"
	  done
	  printf '</table>\n<p>end</p></body></html>\n'; } >page.html
	# the limit ends inside the third row: after its first two cells
	max=$(grep -bo '<td>1234</td>' page.html | sed -n 3p | cut -d: -f1)
	max=$((max + 16))
	run --separate-stderr -2 gai-normalize --max-size=$max page.html
	printf '\fpage.html\tcut: %s\n报告\n规章\t1234\t5678\n行政规范性文件\t1234\t5678\n' "${stderr#*page.html: }" >want
	gai-normalize --max-size=$max page.html >out 2>/dev/null || true
	assert_same out want
	# minified, no line end at all: cut inside a number, the row dropped
	tr -d '\n' <page.html >min.html
	max=$(($(grep -bo '<td>5678</td>' min.html | sed -n 2p | cut -d: -f1) + 6))
	run --separate-stderr -2 gai-normalize --max-size=$max min.html
	[ "$stderr" = "gai-normalize: min.html: larger than the --max-size of $max bytes, cut there ($max bytes read of at least $(wc -c <min.html))" ]
	[ "$output" = "$(printf '\fmin.html\tcut: %s\n报告\n规章\t1234\t5678' "${stderr#*min.html: }")" ]
}

@test "--max-size: compressed text, an archive member, a FIFO that never ends, a name with TAB and newline" {
	cd "$BATS_TEST_TMPDIR"
	{ printf 'line one\nline two\n'; head -c 3000 /dev/zero | tr '\0' x; } >big
	why='larger than the --max-size of 1024 bytes, cut there (18 bytes read of at least 3018)'
	for c in gzip xz; do
		$c -c big >big.$c
		run --separate-stderr -2 gai-normalize --max-size=1K big.$c
		[ "$stderr" = "gai-normalize: big.$c: $why" ]
		[ "$output" = "$(printf '\fbig.%s\tcut: %s\nline one\nline two' $c "$why")" ]
	done
	tar cf big.tar big
	run --separate-stderr -2 gai-normalize --max-size=1K big.tar
	[ "$output" = "$(printf '\fbig.tar:big\tcut: %s\nline one\nline two' "$why")" ]
	# endless text through a FIFO: its lines within the limit, then the next
	mkfifo endless
	(yes 规章 >endless) 2>/dev/null &
	printf '第二个\n' >small
	run --separate-stderr -2 timeout 20 gai-normalize --max-size=1M endless small
	wait
	[[ $stderr =~ ^"gai-normalize: endless: larger than the --max-size of 1048576 bytes, cut there (1048572 bytes read of at least "[0-9]+")"$ ]]
	[ "${lines[0]}" = "$(printf '\fendless\tcut: %s' "${stderr#*endless: }")" ]
	[ "${#lines[@]}" -eq $((1048572 / 7 + 3)) ]
	[ "$(printf '%s\n' "${lines[@]:1:149796}" | sort -u)" = 规章 ]
	[ "${lines[-2]}" = $'\fsmall' ] && [ "${lines[-1]}" = 第二个 ]
	# a name that needs escapes, in the header and in the record
	cp big "$(printf 'a\tb\nc')"
	run --separate-stderr -2 gai-normalize --max-size=1K "$(printf 'a\tb\nc')"
	[ "${lines[0]}" = "$(printf '\fa\\tb\\nc\tcut: %s' "$why")" ]
	run --separate-stderr -1 sh -c 'gai-normalize --max-size=1K "$1" 2>/dev/null | gai-extract' sh "$(printf 'a\tb\nc')"
	[ "$output" = "$(printf 'a\\tb\\nc\twarn.no_tables\tdocument: no report table found (二、主动公开, 三、申请, 四、复议诉讼)\na\\tb\\nc\twarn.cut\t%s' "$why")" ]
}
