#!/usr/bin/env bats
# gai-tsv: stream 2 records to tables; byte-exact goldens in fixtures/gai-tsv.

load helpers

T="$FIX/gai-tsv"
ODDKEYS='meta.title,meta.org,req.new.total,checks_failed,checks_failed_ids,warn.req.row,prose.new'

# Run gai-tsv with stdout and stderr in files (bats' run would eat the
# trailing newlines and CRs the goldens pin), its exit status in $status.
golden() {
	status=0
	gai-tsv "$@" >"$BATS_TEST_TMPDIR/out" 2>"$BATS_TEST_TMPDIR/err" || status=$?
}

@test "wide: the seeds' records give the golden rows, both editions in one stream" {
	run -0 --separate-stderr sh -c 'gai-tsv "$1" >"$2"' sh "$T/seeds.in" "$BATS_TEST_TMPDIR/out"
	[ -z "$stderr" ]
	assert_same "$BATS_TEST_TMPDIR/out" "$T/wide-seeds.out"
}

@test "wide: every expected seed value is in its own column, the rest empty" {
	gai-tsv "$T/seeds.in" >"$BATS_TEST_TMPDIR/wide"
	for f in "$SEEDS"/expected/*.tsv; do
		doc=$(basename "$f" .tsv)
		# key=value for each non-empty cell of the doc's row...
		awk -F'\t' -v d="$doc" 'NR == 1 { for (i = 2; i <= NF; i++) k[i] = $i; next }
		    $1 == d { for (i = 2; i <= NF; i++) if ($i != "") print k[i] "\t" $i }' \
		    "$BATS_TEST_TMPDIR/wide" | grep -v '^\(meta\.\(title\|org\|org_key\)\|tables\|fields_read\|warnings\)	' |
		    sort >"$BATS_TEST_TMPDIR/got"
		# ...is exactly the seed's expected records.
		sort "$f" >"$BATS_TEST_TMPDIR/want"
		assert_same "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/want"
	done
}

@test "wide: the header is every FIELDS key once, in order, then the checks columns" {
	run -0 sh -c 'gai-tsv </dev/null'
	[ "${#lines[@]}" -eq 1 ]
	IFS=$'\t' read -r -a h <<<"${lines[0]}"
	[ "${h[0]}" = doc ]
	[ "${h[1]}" = meta.title ]
	[ "${h[3]}" = meta.org_key ]
	[ "${h[8]}" = meta.url ]
	[ "${h[9]}" = active.rules.issued ]
	[ "${h[-2]}" = checks_failed ]
	[ "${h[-1]}" = checks_failed_ids ]
	# no key twice (three keys are in both editions' active tables)
	[ -z "$(printf '%s\n' "${h[@]}" | sort | uniq -d)" ]
	# the same header whatever the data: files of different runs line up
	run -0 sh -c 'gai-tsv "$1" | head -1' sh "$T/odd.in"
	[ "$output" = "$(gai-tsv </dev/null)" ]
}

@test "wide: mlr and awk read the same number of fields on every line" {
	gai-tsv "$T/seeds.in" "$T/odd.in" >"$BATS_TEST_TMPDIR/out"
	run -0 awk -F'\t' '{ print NF }' "$BATS_TEST_TMPDIR/out"
	[ "$(printf '%s\n' "${lines[@]}" | sort -u)" = 240 ]
	[ "${#lines[@]}" -eq 9 ]
	run -0 mlr --itsv --ojson cat "$BATS_TEST_TMPDIR/out"
	run -0 mlr --itsv --onidx put -q 'print length($*)' "$BATS_TEST_TMPDIR/out"
	[ "$(printf '%s\n' "${lines[@]}" | sort -u)" = 240 ]
	[ "${#lines[@]}" -eq 8 ]
	run -0 mlr --itsv --ocsv cut -f doc,meta.year then filter '$doc == "001_45cb5db47e89188a"' \
	    "$BATS_TEST_TMPDIR/out"
	[ "${lines[1]}" = "001_45cb5db47e89188a,2019" ]
}

@test "wide: TAB, newline, CR and backslash in a value are escaped; mlr reads them back" {
	golden -k "$ODDKEYS" "$T/odd.in"
	[ "$status" -eq 0 ]
	[ ! -s "$BATS_TEST_TMPDIR/err" ]
	assert_same "$BATS_TEST_TMPDIR/out" "$T/odd-keys.out"
	run -0 awk -F'\t' '{ print NF }' "$BATS_TEST_TMPDIR/out"
	[ "$(printf '%s\n' "${lines[@]}" | sort -u)" = 8 ]
	# mlr undoes the same escapes: the value comes back with a real TAB
	run -0 mlr --itsv --ojson head -n 1 then cut -f meta.org "$BATS_TEST_TMPDIR/out"
	[[ $output == *'"Tab\there, line\nbreak, CR\rhere, back\\slash"'* ]]
}

@test "checks columns: count and ids of failing check records, empty when unchecked" {
	gai-tsv -k 'checks_*' "$T/odd.in" >"$BATS_TEST_TMPDIR/out"
	printf 'doc\tchecks_failed\tchecks_failed_ids\na,b\t2\treq_col_balance.total,appeal_sum.review\nplain\t0\t\nunchecked\t\t\n' \
	    >"$BATS_TEST_TMPDIR/want"
	assert_same "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "status columns: tables found, values read, warnings, before the checks" {
	run -0 gai-tsv -k 'tables,fields_read,warnings,checks_failed' "$T/status.in"
	[ "${lines[0]}" = "doc	tables	fields_read	warnings	checks_failed" ]
	# a blank cell is not a value read; meta.* are not table values
	[ "${lines[1]}" = "report	3	3	1	0" ]
	[ "${lines[2]}" = "half	1	2	2	1" ]
	[ "${lines[3]}" = "news.html	0	0	1	" ]
	[ "${lines[4]}" = "logo.png	0	0	1	" ]
	[ "${#lines[@]}" -eq 5 ]
	# the default columns end with them, in this order
	run -0 sh -c 'gai-tsv </dev/null | tr "\t" "\n" | tail -5 | paste -sd,'
	[ "$output" = tables,fields_read,warnings,checks_failed,checks_failed_ids ]
	run -0 sh -c 'gai-tsv --labels=zh -k "tables,fields_read,warnings" </dev/null'
	[ "$output" = "文档	读到的表数	读到的数值数	警告数" ]
}

@test "--reports-only: no row for a document without a table" {
	run -0 gai-tsv --reports-only --no-header -k 'tables' "$T/status.in"
	[ "$output" = "report	3
half	1" ]
	run -0 gai-tsv --reports-only --long -k 'meta.year' "$T/status.in"
	[ "$output" = "report	meta.year	2022
half	meta.year	2021" ]
}

@test "--status: 2 if a document upstream was unreadable, 1 if a check failed, else 0" {
	# without --status, gai-tsv's own status: all went well
	run -0 gai-tsv -q "$T/status.in"
	run -2 --separate-stderr gai-tsv --status --no-header -k tables "$T/status.in"
	[ "$stderr" = "gai-tsv: 1 document could not be read whole upstream" ]
	[ "${#lines[@]}" -eq 4 ]
	run -1 gai-tsv --status -q <(grep -v unreadable "$T/status.in")
	run -0 gai-tsv --status -q <(grep '^report' "$T/status.in")
	# -s: the same status, no message
	run -2 --separate-stderr gai-tsv --status -s -q "$T/status.in"
	[ -z "$stderr" ]
	# unchecked records: nothing failed
	run -0 gai-tsv --status -q <(grep -v check "$T/status.in" | grep -v unreadable)
	# a document cut at --max-size upstream is not read whole either
	run -2 --separate-stderr gai-tsv --status -q <(grep -v check "$T/status.in" |
	    sed 's/^logo.png\twarn.unreadable\t.*/big\twarn.cut\tlarger than the --max-size of 10 bytes, cut there (8 bytes read of at least 11)/')
	[ "$stderr" = "gai-tsv: 1 document could not be read whole upstream" ]
	# and so through the pipeline: gai-normalize cuts, gai-extract says so
	run -2 --separate-stderr sh -c 'gai-normalize -s --max-size=4K "$1" |
	    gai-extract -s | gai-tsv --status --no-header -k tables' sh "$SEEDS/000_6f6c780c05ed1855.txt"
	[ "$stderr" = "gai-tsv: 1 document could not be read whole upstream" ]
}

@test "--status: a stream without documents writes no row and exits 2" {
	run -2 --separate-stderr sh -c 'gai-extract </dev/null | gai-check | gai-tsv --status --no-header'
	[ -z "$output" ]
	[ "$stderr" = "gai-tsv: no document in the input" ]
	# without --status: nothing written, all well
	run -0 sh -c 'gai-extract </dev/null | gai-check | gai-tsv --no-header'
	[ -z "$output" ]
}

@test "-q: nothing written, the status still told; -s: no messages" {
	run -0 --separate-stderr gai-tsv -q "$T/seeds.in"
	[ -z "$output" ]
	run -2 --separate-stderr gai-tsv -q "$T/bad-line.in"
	[ -z "$output" ]
	[ -n "$stderr" ]
	run -2 --separate-stderr gai-tsv -s --no-header -k meta.year "$T/bad-line.in" /nonexistent
	[ -z "$stderr" ]
	[ -n "$output" ]
}

@test "--jsonl: one flat object per report; numbers, null, checks by rule" {
	run -0 gai-tsv --jsonl -k 'meta.title,meta.year,req.new.total,req.denied.query.total,tables,checks_failed' "$T/status.in"
	[ "${lines[0]}" = '{"doc":"report","meta.title":"某局2022年政府信息公开工作年度报告","meta.year":2022,"req.new.total":5,"req.denied.query.total":"","tables":3,"checks_failed":0,"checks":{"req_sum.total":"ok"}}' ]
	[ "${lines[2]}" = '{"doc":"news.html","meta.title":null,"meta.year":null,"req.new.total":null,"req.denied.query.total":null,"tables":0,"checks_failed":null,"checks":null}' ]
	[ "${#lines[@]}" -eq 4 ]
	# jq reads every object back, dotted keys whole, numbers as numbers
	run -0 sh -c 'gai-tsv --jsonl "$1" | jq -r "[.doc, (.\"req.new.total\" | type), .\"req.new.total\", .checks.\"req_col_balance.total\"] | @tsv"' sh "$T/status.in"
	[ "${lines[1]}" = "half	number	4	fail: new 4 + carried_in 0 != total 3 + carried_out 0" ]
	[ "${lines[2]}" = "news.html	null		" ]
	# the default: every column of --wide, and the checks object
	run -0 sh -c 'gai-tsv --jsonl "$1" | jq -c "keys | length"' sh "$T/seeds.in"
	[ "$(printf '%s\n' "${lines[@]}" | sort -u)" = 241 ]
}

@test "--jsonl: valid UTF-8 JSON that python reads back, escapes and all" {
	printf 'x\tmeta.title\tq"uote\\\\b \\t tab \\n nl \001 ctl\n' >"$BATS_TEST_TMPDIR/in"
	printf 'bad\xff\xc0\xed\xa0\x80 byte\tmeta.org\tA\xe4\xb8\n' >>"$BATS_TEST_TMPDIR/in"
	printf 'bad\xff\xc0\xed\xa0\x80 byte\treq.new.total\t007\n' >>"$BATS_TEST_TMPDIR/in"
	# the invalid bytes are named (exit 2), and the records kept
	gai-tsv --jsonl -k meta.title,meta.org,req.new.total "$BATS_TEST_TMPDIR/in" \
	    >"$BATS_TEST_TMPDIR/out" 2>"$BATS_TEST_TMPDIR/err" || [ $? -eq 2 ]
	LC_ALL=C grep -q ':2: in .*: the name is not valid UTF-8' "$BATS_TEST_TMPDIR/err"
	run -0 python3 -c '
import json, sys
for line in open(sys.argv[1], "rb"):
    o = json.loads(line.decode("utf-8"))
    print(ascii([o["doc"], o["meta.title"], o["meta.org"], o["req.new.total"]]))
' "$BATS_TEST_TMPDIR/out"
	[ "${lines[0]}" = "['x', 'q\"uote\\\\b \\t tab \\n nl \\x01 ctl', None, None]" ]
	# invalid bytes (a lone byte, an overlong, a surrogate, a cut sequence) as U+FFFD
	[ "${lines[1]}" = "['bad\ufffd\ufffd\ufffd\ufffd\ufffd byte', None, 'A\ufffd\ufffd', '007']" ]
	run -0 jq -e . "$BATS_TEST_TMPDIR/out"
}

@test "--jsonl --long: one object per record" {
	run -0 gai-tsv --jsonl --long -k 'meta.year,req.new.total,warn.*' "$T/status.in"
	[ "${lines[0]}" = '{"doc":"report","key":"meta.year","value":2022}' ]
	[ "${lines[2]}" = '{"doc":"report","key":"warn.req.row","value":"req.granted: not found"}' ]
	[ "${#lines[@]}" -eq 9 ]
	run -0 sh -c 'gai-tsv --jsonl --long "$1" | jq -s length' sh "$T/status.in"
	[ "$output" = "$(wc -l <"$T/status.in")" ]
	run -2 gai-tsv --jsonl --table=req "$T/status.in"
	run -2 gai-tsv --jsonl --bom "$T/status.in"
}

@test "--keys: globs in the user's order, '*' across dots, duplicates once" {
	golden -k 'appeal.review.*,meta.*,req.*.total,meta.year' "$T/seeds.in"
	[ "$status" -eq 0 ]
	assert_same "$BATS_TEST_TMPDIR/out" "$T/keys-globs.out"
	run -0 sh -c 'gai-tsv -k "appeal.review.*,meta.*,req.*.total" "$1" | head -1' sh "$T/seeds.in"
	[[ $output == "doc	appeal.review.upheld	"*"	appeal.review.total	meta.title	"*"	meta.encoding	meta.url	req.new.total	req.carried_in.total	"* ]]
	IFS=$'\t' read -r -a h <<<"$output"
	[ "${#h[@]}" -eq $((1 + 5 + 8 + 26)) ]
}

@test "--keys: an unknown key is an error before any output, with near matches" {
	run -2 --separate-stderr gai-tsv -k 'meta.title,req.new.totl' "$T/seeds.in"
	[ -z "$output" ]
	[ "${stderr_lines[0]}" = "gai-tsv: unknown key 'req.new.totl'; near matches: req.new.total" ]
	[ "${stderr_lines[1]}" = "Try 'gai-tsv --help' for more information." ]
	run -2 --separate-stderr gai-tsv -k 'req.denied.secret.*' "$T/seeds.in"
	[ -z "$output" ]
	[ "${stderr_lines[0]}" = "gai-tsv: unknown key 'req.denied.secret.*'; near matches: req.denied.security.*" ]
	run -2 --separate-stderr gai-tsv -k 'req.*.totl' "$T/seeds.in"
	[ "${stderr_lines[0]}" = "gai-tsv: unknown key 'req.*.totl'; near matches: req.*.total" ]
	run -2 --separate-stderr gai-tsv -k 'apeal.*' "$T/seeds.in"
	[ "${stderr_lines[0]}" = "gai-tsv: unknown key 'apeal.*'; near matches: appeal.*" ]
	run -2 --separate-stderr gai-tsv -k 'nothing' "$T/seeds.in"
	[[ $stderr == "gai-tsv: unknown key 'nothing' (keys start with"* ]]
}

@test "--keys: warn., check., prose. keys are never unknown; their globs need --long" {
	run -0 --separate-stderr gai-tsv -k 'warn.req.row' "$T/odd.in"
	[ "${lines[1]}" = "a,b	req.denied.query: not found" ]
	run -2 --separate-stderr gai-tsv -k 'warn.*' "$T/odd.in"
	[ -z "$output" ]
	[[ $stderr == *"'warn.*' names no fixed column of --wide"* ]]
	run -2 --separate-stderr gai-tsv --long -k 'checks_failed' "$T/odd.in"
	[[ $stderr == *"'checks_failed' is a --wide column"* ]]
	run -2 --separate-stderr gai-tsv -k 'meta.title,,meta.year' "$T/odd.in"
	[[ $stderr == *"empty key"* ]]
}

@test "--long -H: the header, then the chosen records in the user's key order" {
	golden --long -H -k 'check.*,meta.title,req.new.total' "$T/odd.in"
	[ "$status" -eq 0 ]
	assert_same "$BATS_TEST_TMPDIR/out" "$T/long-header.out"
}

@test "--long: without -k and -H, stream 2 in, the same stream 2 out" {
	gai-tsv --long "$T/seeds.in" "$T/odd.in" >"$BATS_TEST_TMPDIR/out"
	cat "$T/seeds.in" "$T/odd.in" >"$BATS_TEST_TMPDIR/want"
	assert_same "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "--labels=zh: the report's own labels in the header" {
	golden --labels=zh -k 'meta.year,req.denied.state_secret.natural_person,appeal.review.total,checks_failed' "$T/seeds.in"
	[ "$status" -eq 0 ]
	assert_same "$BATS_TEST_TMPDIR/out" "$T/labels-zh.out"
	run -0 sh -c 'gai-tsv --labels=zh -k req.denied.state_secret.natural_person </dev/null'
	[ "$output" = "文档	三、本年度办理结果/(三)不予公开/1.属于国家秘密/自然人" ]
	run -0 gai-tsv --long --labels=zh -k active.license.change "$T/seeds.in"
	[ "${lines[0]}" = "001_45cb5db47e89188a	active.license.change	0	二、主动公开政府信息情况/行政许可/本年增/减" ]
	run -2 --separate-stderr gai-tsv --labels=en "$T/seeds.in"
	[[ $stderr == *"'en' is not 'keys' or 'zh'"* ]]
}

@test "--csv: RFC 4180 quoting of commas, quotes, CR and LF; CRLF line ends" {
	golden --csv -k "$ODDKEYS" "$T/odd.in"
	[ "$status" -eq 0 ]
	assert_same "$BATS_TEST_TMPDIR/out" "$T/odd-keys.csv"
	# Python's csv module reads it back to the values in the records
	run -0 /usr/bin/python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
assert all(len(r) == 8 for r in rows), rows
print(rows[1][0]); print(rows[1][1]); print(repr(rows[1][2]))' "$BATS_TEST_TMPDIR/out"
	[ "${lines[0]}" = "a,b" ]
	[ "${lines[1]}" = 'Report, "quoted" title' ]
	[ "${lines[2]}" = "'Tab\\there, line\\nbreak, CR\\rhere, back\\\\slash'" ]
}

@test "--bom: a UTF-8 byte order mark first, once" {
	gai-tsv --csv --bom -k meta.title "$T/odd.in" "$T/odd.in" >"$BATS_TEST_TMPDIR/out"
	[ "$(head -c 3 "$BATS_TEST_TMPDIR/out" | od -An -tx1 | tr -d ' ')" = efbbbf ]
	[ "$(grep -c $'\xEF\xBB\xBF' "$BATS_TEST_TMPDIR/out")" -eq 1 ]
	tail -c +4 "$BATS_TEST_TMPDIR/out" | head -1 | cmp - <(printf 'doc,meta.title\r\n')
}

@test "several files: one header; --no-header: none" {
	gai-tsv -k meta.year "$T/seeds.in" "$T/odd.in" - <"$T/odd.in" >"$BATS_TEST_TMPDIR/out"
	[ "$(grep -c '^doc	' "$BATS_TEST_TMPDIR/out")" -eq 1 ]
	[ "$(wc -l <"$BATS_TEST_TMPDIR/out")" -eq $((1 + 5 + 3 + 3)) ]
	gai-tsv --no-header -k meta.year "$T/seeds.in" "$T/odd.in" >"$BATS_TEST_TMPDIR/out"
	[ "$(head -1 "$BATS_TEST_TMPDIR/out")" = "000_6f6c780c05ed1855	2021" ]
	[ "$(wc -l <"$BATS_TEST_TMPDIR/out")" -eq 8 ]
}

@test "--table=active|req|appeal: each seed's tables in the template's layout" {
	for t in active req appeal; do
		golden --table=$t "$T/seeds.in"
		[ "$status" -eq 0 ]
		[ ! -s "$BATS_TEST_TMPDIR/err" ]
		assert_same "$BATS_TEST_TMPDIR/out" "$T/table-$t.out"
	done
	# the document's name and the table's heading on lines of their own,
	# so column -t lines the table up without a gap after a long name
	run -0 sh -c 'gai-tsv --table=req "$1" | head -3' sh "$T/seeds.in"
	[ "${lines[0]}" = 000_6f6c780c05ed1855 ]
	[ "${lines[1]}" = 三、收到和处理政府信息公开申请情况 ]
	tab=$(printf '\t')
	gai-tsv --table=req "$T/seeds.in" | column -t -s "$tab" | grep '^一' >"$BATS_TEST_TMPDIR/with"
	gai-tsv --table=req "$T/seeds.in" | grep -v '^[0-9][0-9][0-9]_' |
	    column -t -s "$tab" | grep '^一' >"$BATS_TEST_TMPDIR/without"
	assert_same "$BATS_TEST_TMPDIR/with" "$BATS_TEST_TMPDIR/without"
}

@test "--table: cells where the page has them (checked against the seed texts)" {
	# 000 (2021 edition): 行政规范性文件 9 issued, 75 in force; 行政许可 9544.
	run -0 gai-tsv --table=active "$T/seeds.in"
	[ "${lines[5]}" = "行政规范性文件	9	0	75" ]
	[ "${lines[8]}" = "行政许可	9544		" ]
	# 001 (2019 edition): its own rows and columns, 政府集中采购 67 items.
	[[ $output == *$'\n001_45cb5db47e89188a\n'*$'信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t2153\t0\t122580\n'* ]]
	[[ $output == *$'政府集中采购\t67\t25409.5\t\n'* ]]
	# req of 000: 10 new requests by natural persons, all granted
	run -0 gai-tsv --table=req "$T/seeds.in"
	[ "${lines[5]}" = "一、本年新收政府信息公开申请数量			10	0	0	0	0	0	10" ]
	[ "${lines[7]}" = "三、本年度办理结果	(一)予以公开		10	0	0	0	0	0	10" ]
	# 2019 edition: one (六)其他处理 row
	[[ $output == *$'\n\t(六)其他处理\t\t'* ]]
	# appeal of 000: one review, upheld (维持原辦理結果)
	run -0 gai-tsv --table=appeal "$T/seeds.in"
	[ "${lines[5]}" = "1	0	0	0	1	0	0	0	0	0	0	0	0	0	0" ]
}

@test "--table: the edition from the keys when meta.edition is missing" {
	grep -v 'meta.edition' "$T/seeds.in" | gai-tsv --table=active >"$BATS_TEST_TMPDIR/out"
	gai-tsv --table=active "$T/seeds.in" >"$BATS_TEST_TMPDIR/want"
	assert_same "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
	run -2 --separate-stderr gai-tsv --table=req -k meta.year "$T/seeds.in"
	[[ $stderr == *"--keys does not apply to --table"* ]]
	run -2 --separate-stderr gai-tsv --table=nope "$T/seeds.in"
	[[ $stderr == *"'nope' is not 'active', 'req' or 'appeal'"* ]]
}

@test "a line that is not a record: named with its line, the rest still written, exit 2" {
	run -2 --separate-stderr gai-tsv -k meta.title,req.new.total,appeal.review.total "$T/bad-line.in"
	[ "$stderr" = "gai-tsv: $T/bad-line.in:3: in x: not a record (doc TAB key TAB value)" ]
	[ "${lines[1]}" = "x	First	4	2" ]
	[ "${lines[2]}" = "y	Second	5	" ]
}

@test "streaming: the header comes before the first record is read" {
	# the reader of a fifo sees the header while gai-tsv still waits for input
	mkfifo "$BATS_TEST_TMPDIR/in"
	gai-tsv --line-buffered -k meta.year "$BATS_TEST_TMPDIR/in" >"$BATS_TEST_TMPDIR/out" &
	pid=$!
	exec 7>"$BATS_TEST_TMPDIR/in"
	for i in 1 2 3 4 5 6 7 8 9 10; do
		[ -s "$BATS_TEST_TMPDIR/out" ] && break
		sleep 0.1
	done
	[ "$(cat "$BATS_TEST_TMPDIR/out")" = "doc	meta.year" ]
	printf 'd\tmeta.year\t2020\n' >&7
	exec 7>&-
	wait $pid
	[ "$(tail -1 "$BATS_TEST_TMPDIR/out")" = "d	2020" ]
}

@test "man page: every long option of --help, and groff is quiet" {
	man="$GAI_SRCDIR/man/gai-tsv.1"
	for o in $(gai-tsv --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		grep -q -- "${o#--}" "$man" || { echo "missing $o"; return 1; }
	done
	run -0 --separate-stderr groff -k -Tutf8 -mdoc -ww -z "$man"
	[ -z "$output$stderr" ]
}

@test "man example: totals of req as CSV for a spreadsheet" {
	run -0 sh -c 'gai-tsv -k "meta.*,req.*.total" --csv --bom "$1" | tail -n +2 | head -1' sh "$T/seeds.in"
	[[ $output == "000_6f6c780c05ed1855,攀枝花市米易縣2021年政府信息公開工作年度報告,米易縣人民政府,米易县人民政府,2021,2021,,,,10,0,10,"* ]]
}

@test "man example: the failed checks, one per line" {
	cp "$T/odd.in" "$BATS_TEST_TMPDIR/records.tsv"
	cd "$BATS_TEST_TMPDIR"
	# the command as the man page prints it
	cmd=$(sed -n '/The failed checks, one per line/,/^\.Ed/p' "$GAI_SRCDIR/man/gai-tsv.1" |
	    sed -n 's/\\e/\\/g; /^gai-tsv/p')
	[ -n "$cmd" ]
	run -0 sh -c "$cmd"
	[ "${#lines[@]}" -eq 2 ]
	[[ ${lines[0]} == *'	fail: '* ]]
}

@test "meta.org_key: the body's name folded, one key for its reports across years and scripts" {
	printf '%s\t%s\t%s\n' a meta.org 淮安市洪泽区人民政府 a meta.year 2024 \
	    b meta.org 洪泽区人民政府 b meta.year 2023 \
	    c meta.org '淮安市洪澤區 人民政府' c meta.year 2022 \
	    d meta.org 扬州市市场监督管理局 d meta.year 2022 \
	    e meta.year 2022 >"$BATS_TEST_TMPDIR/in"
	run -0 gai-tsv -k meta.org_key,meta.year "$BATS_TEST_TMPDIR/in"
	[ "${lines[0]}" = "doc	meta.org_key	meta.year" ]
	[ "${lines[1]}" = "a	洪泽区人民政府	2024" ]
	[ "${lines[2]}" = "b	洪泽区人民政府	2023" ]
	[ "${lines[3]}" = "c	洪泽区人民政府	2022" ]
	[ "${lines[4]}" = "d	扬州市市场监督管理局	2022" ]
	[ "${lines[5]}" = "e		2022" ]
	run -0 gai-tsv --labels=zh -k meta.org,meta.org_key "$BATS_TEST_TMPDIR/in"
	[ "${lines[0]}" = "文档	发布机关	发布机关(归一)" ]
	run --separate-stderr -2 gai-tsv --long -k meta.org_key "$BATS_TEST_TMPDIR/in"
	[[ $stderr == "gai-tsv: 'meta.org_key' is a --wide column, not a record key"* ]]
}
