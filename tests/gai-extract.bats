#!/usr/bin/env bats
# gai-extract: the numbers it prints are the report's, or it says why not.

load helpers

X="$FIX/gai-extract"
UNIT="$GAI_BUILDDIR/tests/unit/extract_test"

# The records of OUT (stream 2) whose keys WANT (key<TAB>value) lists,
# without the doc column, in OUT's order: must equal WANT exactly.
same_as_want() {
	local out=$1 want=$2
	cut -f2- "$out" | awk -F'\t' 'NR == FNR { w[$1] = 1; next } ($1 in w)' \
	    "$want" - >"$BATS_TEST_TMPDIR/filtered"
	assert_same "$BATS_TEST_TMPDIR/filtered" "$want"
}

# Every FIELDS.md key of the document's edition is in OUT, or a warn.*
# record names it or a prefix of it ("req.other: ...").
all_covered() {
	local out=$1 ed
	ed=$(awk -F'\t' '$2 == "meta.edition" { print $3 }' "$out")
	[ -n "$ed" ] || { echo "no meta.edition"; return 1; }
	"$UNIT" --keys "$ed" | awk -F'\t' '
	    NR == FNR { if ($2 ~ /^warn\./) { p = $3; sub(/:.*/, "", p); pre[p] = 1 }
		else have[$2] = 1; next }
	    { if ($1 in have) next
	      k = $1
	      while (k != "") { if (k in pre) next; if (!sub(/\.[^.]*$/, "", k)) break }
	      print "not covered: " $1; bad = 1 }
	    END { exit bad }' "$out" -
}

# Every field value in OUT equals the one in WANT: never a wrong number.
never_wrong() {
	local out=$1 want=$2
	cut -f2- "$out" | awk -F'\t' 'NR == FNR { w[$1] = $2; next }
	    ($1 in w) && w[$1] != $2 { print "wrong: " $0 " (want " w[$1] ")"; bad = 1 }
	    END { exit bad }' "$want" -
}

# Each seed (or each report of the corpus, its pages one text), rewritten
# by the perl -0 expression $2, gives no wrong number and warns for every
# field it does not read; the outputs are left in $BATS_TEST_TMPDIR/NAME.out.
rewritten_never_wrong() {
	local dir=$1 expr=$2 f b
	for f in "$dir"/*.txt; do
		b=$(basename "$f" .txt)
		tr '\f' '\n' <"$f" | perl -0pe "$expr" >"$BATS_TEST_TMPDIR/$b.txt"
		gai-extract "$BATS_TEST_TMPDIR/$b.txt" >"$BATS_TEST_TMPDIR/$b.out"
		never_wrong "$BATS_TEST_TMPDIR/$b.out" "$dir/expected/$b.tsv"
		all_covered "$BATS_TEST_TMPDIR/$b.out"
	done
}

@test "seeds: every field of the expected records, exactly; the rest warned" {
	for f in "$SEEDS"/*.txt; do
		b=$(basename "$f" .txt)
		run --separate-stderr -0 gai-extract "$f"
		[ -z "$stderr" ]
		printf '%s\n' "$output" >"$BATS_TEST_TMPDIR/$b.out"
		same_as_want "$BATS_TEST_TMPDIR/$b.out" "$SEEDS/expected/$b.tsv"
		all_covered "$BATS_TEST_TMPDIR/$b.out"
	done
}

@test "seeds: meta.* from the title, the signature, the page's date" {
	gai-extract "$SEEDS/000_6f6c780c05ed1855.txt" | cut -f2- | grep '^meta' \
	    >"$BATS_TEST_TMPDIR/m"
	printf '%s\n' "meta.title	攀枝花市米易縣2021年政府信息公開工作年度報告" \
	    "meta.org	攀枝花市米易縣" "meta.year	2021" "meta.edition	2021" \
	    "meta.published	2022-02-08" >"$BATS_TEST_TMPDIR/w"
	assert_same "$BATS_TEST_TMPDIR/m" "$BATS_TEST_TMPDIR/w"
	run -0 gai-extract "$SEEDS/003_be8646bbc2c5aa8c.txt"
	[[ $output == *"	meta.org	昌图县昌图镇人民政府"* ]]
	[[ $output != *"meta.title"* ]]
	run -0 gai-extract "$SEEDS/004_53c757b5f08b753a.txt"
	[[ $output == *"	meta.title	六盘水市人民政府(市人民政府办公室)2020年政府信息公开工作年度报告"* ]]
	[[ $output == *"	meta.published	2021-01-29"* ]]
}

# pdftotext ends pages with a form feed; gai-normalize folds it to LF.
@test "corpus 002-004 (pdftotext -layout): exactly the expected records" {
	for f in "$CORPUS"/00[234]_*.txt; do
		b=$(basename "$f" .txt)
		tr '\f' '\n' <"$f" >"$BATS_TEST_TMPDIR/$b.txt"
		run --separate-stderr -0 gai-extract "$BATS_TEST_TMPDIR/$b.txt"
		[ -z "$stderr" ]
		printf '%s\n' "$output" >"$BATS_TEST_TMPDIR/$b.out"
		same_as_want "$BATS_TEST_TMPDIR/$b.out" "$CORPUS/expected/$b.tsv"
		all_covered "$BATS_TEST_TMPDIR/$b.out"
	done
}

@test "corpus 003: one (六)其他处理 row under 2021 headings is req.other.*, warned" {
	tr '\f' '\n' <"$CORPUS/003_hongze-district-2023-pdftotext-layout.txt" |
	    gai-extract >"$BATS_TEST_TMPDIR/out"
	grep -q '	req.other.total	0$' "$BATS_TEST_TMPDIR/out"
	grep -q '	warn.other_single	req.other: ' "$BATS_TEST_TMPDIR/out"
	! grep -q 'req.other.no_correction' "$BATS_TEST_TMPDIR/out"
	# the table's own sums are off: kept as printed, and said
	grep -q '	warn.identity	appeal.review: the parts add up to 11, the total says 0$' \
	    "$BATS_TEST_TMPDIR/out"
}

@test "corpus 005 (pdftotext raw): every value printed is right, the rest warned" {
	b=005_hongze-district-2024-pdftotext-raw
	tr '\f' '\n' <"$CORPUS/$b.txt" | gai-extract >"$BATS_TEST_TMPDIR/out"
	never_wrong "$BATS_TEST_TMPDIR/out" "$CORPUS/expected/$b.tsv"
	all_covered "$BATS_TEST_TMPDIR/out"
	# and it did read what it could be sure of
	[ "$(grep -c '	[ar][ce][tqp][a-z]*\.' "$BATS_TEST_TMPDIR/out")" -ge 20 ]
}

@test "own layouts: golden output, the wanted values, the rest warned" {
	cd "$X"
	for f in ok-*.txt; do
		b=${f%.txt}
		run --separate-stderr -0 gai-extract "$f"
		[ -z "$stderr" ]
		gai-extract "$f" >"$BATS_TEST_TMPDIR/$b.out"
		assert_same "$BATS_TEST_TMPDIR/$b.out" "$b.out"
		same_as_want "$BATS_TEST_TMPDIR/$b.out" "$b.want"
		all_covered "$BATS_TEST_TMPDIR/$b.out"
	done
}

@test "run-together digits: read only when exactly one split fits" {
	run -0 gai-extract "$X/ok-run-together.txt"
	[[ $output == *'warn.split	req.new: cell "640020470" read as 64|0|0|2|0|4|70, the only reading that fits the row'* ]]
	[[ $output == *'warn.ambiguous	req.carried_in: digits "110000011" can be read 2 ways and none fits the column identities: 1|10|0|0|0|0|11, 11|0|0|0|0|0|11;'* ]]
	# the cells the readings differ in are left out, the others read
	[[ $output != *"req.carried_in.natural_person"* ]]
	[[ $output != *"req.carried_in.commercial"* ]]
	[[ $output == *"	req.carried_in.total	11"$'\n'* ]]
	# two fit the row, one of them the columns too: that one, said
	run -0 gai-extract "$X/ok-run-together-columns.txt"
	[[ $output == *'warn.split	req.carried_in: cell "101000011" read as 10|1|0|0|0|0|11, the only one of its 2 readings that fits the column identities: 一+二 = (七)总计+四'* ]]
	[[ $output == *"	req.carried_in.natural_person	10"$'\n'* ]]
}

@test "glued text: labels in running text, each row's digits read only when one reading is left" {
	run -0 gai-extract "$X/ok-glued-oneline.txt"
	[[ $output == *"	req.new.natural_person	30"$'\n'* ]]
	[[ $output == *"	active.license.decisions	1234"$'\n'* ]]	# 1,234
	# 12345 in three columns: six readings, no identity to choose
	[[ $output == *'warn.ambiguous	active.normative: digits "12345" can be read 6 ways (no identity of the row chooses): 1|2|345, 1|23|45, 1|234|5, 12|3|45 and 2 more;'* ]]
	[[ $output != *"active.normative.issued"* ]]
	# 101000011: two readings fit the row, the results rows pick one
	[[ $output == *'warn.split	req.granted: cell "101000011" read as 10|1|0|0|0|0|11, the only one of its 2 readings that fits the column identities: the results rows add up to (七)总计'* ]]
	# the column-header run is no data, the heading after the glued
	# header is found, the appeal row is read
	[[ $output == *"	appeal.review.total	4"$'\n'* ]]
	run -0 gai-extract --trace "$X/ok-glued-oneline.txt"
	[[ $output == *'req.granted.natural_person = 10 from "10", read as 10|1|0|0|0|0|11 (the only one of its 2 readings that fits the column identities: the results rows add up to (七)总计)'* ]]
	[[ $output == *'active.rules.in_force = 3 from "3", read as 0|0|3 (the only reading of its digits)'* ]]
	# 3015 in 规章: 3|0|15 or 30|1|5, never a guess; 55 for seven columns
	run -0 gai-extract "$X/ok-glued-broken.txt"
	[[ $output == *'warn.ambiguous	active.rules: digits "3015" can be read 2 ways (no identity of the row chooses): 3|0|15, 30|1|5;'* ]]
	[[ $output != *"active.rules.issued"* ]]
	[[ $output == *'warn.row_unread	req.partial: the label is at line 1 but its values cannot be read for certain: cell "55" holds 7 columns run together and no reading fits'* ]]
	# a label broken over two lines still finds its digits
	[[ $output == *"	req.new.total	34"$'\n'* ]]
	# 2019: a signed change splits its row's digits at the sign
	run -0 gai-extract "$X/ok-glued-2019.txt"
	[[ $output == *"	active.license.prior_items	120"$'\n'*"	active.license.change	-3"$'\n'*"	active.license.decisions	1234"$'\n'* ]]
	[[ $output == *'warn.ambiguous	active.other_service: digits "15+2300" can be read 2 ways (no identity of the row chooses): 15|+2|300, 15|+230|0;'* ]]
	[[ $output != *"active.other_service.change"* ]]
	# traditional, tables glued and prose on lines, an &nbsp; space
	run -0 gai-extract "$X/ok-glued-tables.txt"
	[[ $output == *'warn.split	req.granted: cell "10 1000011" read as 10|1|0|0|0|0|11'* ]]
	[[ $output == *"	active.fees.amount	12.5"$'\n'* ]]
}

# The meta.* records of OUT, without the doc column.
meta_of() {
	cut -f2- "$1" | grep -E '^(meta\.|warn\.title_start)' || true
}

@test "glued text: the title of a report glued on one line, junk before it out of meta.org" {
	cd "$X"
	# 彩天下 glued in front; the signature names the body again
	gai-extract ok-glued-title.txt >"$BATS_TEST_TMPDIR/out"
	[ "$(meta_of "$BATS_TEST_TMPDIR/out")" = "$(printf '%s\n' \
	    "meta.title	某某县人民政府办公室2022年政府信息公开工作年度报告" \
	    "meta.org	某某县人民政府办公室" "meta.year	2022" \
	    "meta.edition	2021" "meta.published	2023-01-20")" ]
	# a site's name that starts like the body's; 2020年度, traditional
	gai-extract ok-glued-title-2019-trad.txt >"$BATS_TEST_TMPDIR/out"
	[ "$(meta_of "$BATS_TEST_TMPDIR/out")" = "$(printf '%s\n' \
	    "meta.title	某某縣2020年度政府信息公開工作年度報告" \
	    "meta.org	某某縣" "meta.year	2020" "meta.edition	2019" \
	    "meta.published	2023-01-20")" ]
	# a crawler's preamble glued too: 标题's value is the title
	gai-extract ok-glued-title-preamble.txt >"$BATS_TEST_TMPDIR/out"
	[ "$(meta_of "$BATS_TEST_TMPDIR/out")" = "$(printf '%s\n' \
	    "meta.title	灵溪縣2023年度政府信息公開工作年度報告" \
	    "meta.org	灵溪縣" "meta.year	2023" "meta.edition	2021" \
	    "meta.published	2024-01-15")" ]
	# the preamble on its lines: its fields, not the glued junk
	gai-extract ok-glued-title-preamble-2019.txt >"$BATS_TEST_TMPDIR/out"
	[ "$(meta_of "$BATS_TEST_TMPDIR/out" | sed -n 2p)" = "meta.org	某某县人民政府办公室" ]
	# nothing names the body again: neither title nor body, and why
	gai-extract ok-glued-title-unsure.txt >"$BATS_TEST_TMPDIR/out"
	[ "$(meta_of "$BATS_TEST_TMPDIR/out")" = "$(printf '%s\n' \
	    "meta.year	2023" "meta.edition	2021" "meta.published	2023-01-20" \
	    'warn.title_start	meta.title: where the body'"'"'s name starts in the glued title "彩天下某某县人民政府2023年度政府信息公开工作年度报告" is not certain (the report does not name it again on its own): meta.title and meta.org not read')" ]
}

@test "glued text: the seeds glued whole give the title and body their lines give" {
	for b in 000_6f6c780c05ed1855 001_45cb5db47e89188a 004_53c757b5f08b753a; do
		# as a crawler's textContent: no separators, no line ends
		tr -d '\n\t|' <"$SEEDS/$b.txt" >"$BATS_TEST_TMPDIR/$b.txt"
		echo >>"$BATS_TEST_TMPDIR/$b.txt"
		[ "$(gai-extract "$SEEDS/$b.txt" | cut -f2- | grep '^meta\.[ot]')" = \
		    "$(gai-extract "$BATS_TEST_TMPDIR/$b.txt" | cut -f2- | grep '^meta\.[ot]')" ]
	done
	# 004 starts with a spam link, 彩天下: not part of the body's name
	run -0 gai-extract "$BATS_TEST_TMPDIR/004_53c757b5f08b753a.txt"
	[[ $output == *"	meta.org	六盘水市人民政府(市人民政府办公室)"$'\n'* ]]
}

@test "glued text: the joint search bounds its sums, so 2^21 readings are decided at once" {
	run -0 timeout 10 gai-extract "$X/glued-joint.txt"
	[[ $output == *"	req.granted.natural_person	11"$'\n'*"	req.granted.commercial	0"$'\n'* ]]
	[[ $output == *"	req.other.misc.natural_person	11"$'\n'* ]]
	[[ $output == *'warn.split	req.denied.query: cell "110000011" read as 11|0|0|0|0|0|11, the only one of its 2 readings that fits the column identities: the results rows add up to (七)总计'* ]]
	[[ $output != *"too many to try"* ]]
	[[ $output != *"warn.ambiguous"* ]]
}

@test "glued text: 本年增/减 written with words and signs splits its row at the word" {
	run -0 gai-extract --trace "$X/ok-glued-variants-2019.txt"
	[[ $output == *"	active.license.change	-3"$'\n'* ]]
	[[ $output == *'	warn.change_word	active.license.change: cell "减3" read as -3'$'\n'* ]]
	[[ $output == *'active.license.change = -3 from "减3", read as 120|减3|1234 (the only reading of its digits)'* ]]
	# 持平 is a cell of no digits; −1 the last cell
	[[ $output == *"	active.punishment.prior_items	400"$'\n'*"	active.punishment.change	0"$'\n'*"	active.punishment.decisions	56"$'\n'* ]]
	[[ $output == *"	active.fees.change	-1"$'\n'* ]]
	# 增加2300: 增加2|300 or 增加230|0, the first cell read, warned
	[[ $output == *"	active.other_service.prior_items	15"$'\n'* ]]
	[[ $output == *'warn.ambiguous	active.other_service: digits "15增加2300" can be read 2 ways (no identity of the row chooses): 15|增加2|300, 15|增加230|0;'* ]]
	# traditional: 增981,234 is 增9|81,234 or 增98|1,234; never 增98|1,23|4
	run -0 gai-extract "$X/ok-glued-variants-2019-trad.txt"
	[[ $output == *'warn.ambiguous	active.license: digits "120增981,234" can be read 2 ways (no identity of the row chooses): 120|增9|81234, 120|增98|1234;'* ]]
	[[ $output == *'	warn.change_word	active.fees.change: cell "減少1" read as -1'$'\n'* ]]
}

@test "glued text: a 法人 subtotal column in the glued header, rows read as eight cells" {
	# 小计 before the five 法人 columns, 2019: checked and left out
	run -0 gai-extract "$X/ok-glued-subtotal-2019.txt"
	[[ $output == *"	warn.subtotal	req: an eighth column, a 法人或其他组织 subtotal, read, checked against the five columns and left out"$'\n'* ]]
	[[ $output == *"	req.new.natural_person	30"$'\n'*"	req.new.commercial	2"$'\n'* ]]
	[[ $output == *"	req.granted.natural_person	10"$'\n'* ]]
	# a subtotal that is not its five columns' sum: no reading, warned
	[[ $output == *'warn.row_unread	req.denied.query: the label is at line 1 but its values cannot be read for certain: cell "31000003" holds 7 columns run together and no reading fits the table'"'"'s identities'* ]]
	[[ $output != *"req.denied.query.natural_person"* ]]
	# after the five, traditional, 2021; --trace shows the cell left out
	run -0 gai-extract --trace "$X/ok-glued-subtotal-trad.txt"
	[[ $output == *'req.new.natural_person = 30 from "30", read as 30|2|0|1|0|1|[4]|34 (the only reading that fits the row'"'"'s identities)'* ]]
	[[ $output == *"	req.total.total	35"$'\n'* ]]
}

@test "glued text: the seeds and the corpus glued whole onto one line, never a wrong number" {
	rewritten_never_wrong "$SEEDS" 's/ ?\| ?//g; s/[\t\n]//g; s/$/\n/'
	# 002 has rows of eight cells under a seven-column header: read as
	# the TAB layout reads them, every expected record
	same_as_want "$BATS_TEST_TMPDIR/002_9c1716e9954b7ff2.out" \
	    "$SEEDS/expected/002_9c1716e9954b7ff2.tsv"
	grep -q '	warn.extra_cell	req.denied.query: digits "00000000" read as 8 cells for 7 columns, 0|0|0|0|0|0|0|0, one left out: the readings agree whichever it is' \
	    "$BATS_TEST_TMPDIR/002_9c1716e9954b7ff2.out"
	same_as_want "$BATS_TEST_TMPDIR/003_be8646bbc2c5aa8c.out" \
	    "$SEEDS/expected/003_be8646bbc2c5aa8c.tsv"
	# the PDF conversions glued: a page number (-2-) after a label is
	# no cell of its row
	rewritten_never_wrong "$CORPUS" 's/[\t\n]//g; s/$/\n/'
}

@test "(六)其他处理 with one of its three sub-rows gone: that row is missing, said" {
	grep -v '3\. 其他' "$SEEDS/002_9c1716e9954b7ff2.txt" >"$BATS_TEST_TMPDIR/in.txt"
	run -0 gai-extract "$BATS_TEST_TMPDIR/in.txt"
	[[ $output == *"	warn.row_missing	req.other.misc: row 三、本年度办理结果/(六)其他处理/3.其他 not found"* ]]
	[[ $output == *"	req.other.unpaid_fee.total	0"* ]]
	[[ $output != *"req.other.misc.total"* ]]
}

@test "glued text joined with runs of spaces: cells of their own, each run one cell when the row has as many as columns" {
	# a crawler that joined the page's text nodes with spaces: every
	# separator and line end is a run of two spaces, on one line
	rewritten_never_wrong "$SEEDS" 's/[ |\t\n]+/  /g; s/$/\n/'
	# both editions, simplified and traditional: every table read
	for b in 000_6f6c780c05ed1855 001_45cb5db47e89188a \
	    003_be8646bbc2c5aa8c 004_53c757b5f08b753a; do
		[ "$(grep -v '^warn' "$SEEDS/expected/$b.tsv" | sort |
		    comm -23 - <(cut -f2- "$BATS_TEST_TMPDIR/$b.out" | sort))" = "" ]
		! grep -q '	warn\.' "$BATS_TEST_TMPDIR/$b.out"
	done
	rewritten_never_wrong "$CORPUS" 's/[ |\t\n]+/  /g; s/$/\n/'
}

@test "markdown from converters: small tables under headings, wrapped labels, waiting labels" {
	run -0 gai-extract "$X/ok-md-converted.txt"
	# "#### (一)予以公开" over a table whose row says 予以公开 again
	[[ $output == *"	req.granted.natural_person	10"$'\n'* ]]
	# a label wrapped over two lines, its numbers on a third
	[[ $output == *"	req.partial.total	5"$'\n'* ]]
	# "| 4. | 保护第三方合法权益 |", "| (七) | 总计 |" after a header
	# row whose last cell is 总计
	[[ $output == *"	req.denied.third_party.natural_person	2"$'\n'* ]]
	[[ $output == *"	req.total.total	35"$'\n'* ]]
	[[ $output != *"warn."* ]]
	# two labels wait: the numbers after them are neither's
	run -0 gai-extract "$X/ok-md-two-columns.txt"
	[[ $output == *'warn.row_unread	req.denied.deliberative: the label is at line 39 but its values cannot be read for certain: no numbers follow it before the label of req.denied.enforcement at line 40'* ]]
	[[ $output == *'warn.row_unread	req.denied.enforcement: the label is at line 40 but its values cannot be read for certain: the numbers that follow on line 41 could be its or those of req.denied.deliberative, whose label at line 39 waits for numbers too'* ]]
	[[ $output != *"req.denied.enforcement.natural_person"* ]]
	# one label waits, but the numbers break its row's sum: not its
	[[ $output == *'warn.row_unread	req.denied.query: the label is at line 43 but its values cannot be read for certain: the numbers on the lines after it do not add up'* ]]
	[[ $output != *"req.denied.query.natural_person"* ]]
	run -0 gai-extract "$X/ok-md-2019.txt"
	[[ $output == *"	req.partial.natural_person	5"$'\n'* ]]
	[[ $output == *"	meta.edition	2019"$'\n'* ]]
}

@test "values: units, separators, dashes, 元 to 万元, blanks, non-numbers" {
	run -0 gai-extract "$X/ok-values.txt"
	[[ $output == *"	active.license.decisions	1234"* ]]
	[[ $output == *"	active.normative.repealed	"$'\n'* ]]
	[[ $output == *"	active.fees.amount	12.5"$'\n'* ]]
	[[ $output == *'warn.unit	active.fees.amount: cell "125000元" is in 元, converted to 12.5 万元'* ]]
	[[ $output == *'warn.dash_zero	active.coercion.decisions: cell "无" read as 0'* ]]
	[[ $output == *'warn.not_number	req.new.research: cell "若干" is not a number'* ]]
	[[ $output != *"req.new.research	"* ]]
}

@test "a news page: warn.no_tables, no field records, exit 1" {
	cd "$X"
	run --separate-stderr -1 gai-extract bad-news.txt
	[ -z "$stderr" ]
	gai-extract bad-news.txt >"$BATS_TEST_TMPDIR/out" || true
	assert_same "$BATS_TEST_TMPDIR/out" bad-news.out
}

@test "a stream of documents: names from the headers, status 1 if one had no tables" {
	{
		# the seeds lack a final newline: a header starts a line
		printf '\fone\n'; cat "$SEEDS/001_45cb5db47e89188a.txt"; echo
		printf '\fnews\n'; cat "$X/bad-news.txt"
		printf '\fthree\n'; cat "$SEEDS/004_53c757b5f08b753a.txt"
	} >"$BATS_TEST_TMPDIR/stream"
	run --separate-stderr -1 gai-extract "$BATS_TEST_TMPDIR/stream"
	[ -z "$stderr" ]
	# contiguous: each name appears in one run of lines
	[ "$(printf '%s\n' "$output" | cut -f1 | uniq | tr '\n' ' ')" = "one news three " ]
	[[ $output == *"news	warn.no_tables	"* ]]
	[[ $output == *"three	meta.edition	2019"* ]]
	run -0 gai-extract "$SEEDS/001_45cb5db47e89188a.txt" "$SEEDS/004_53c757b5f08b753a.txt"
}

@test "--trace: each field's line and cell on stderr; stdout unchanged" {
	cd "$X"
	gai-extract ok-values.txt >"$BATS_TEST_TMPDIR/plain"
	gai-extract --trace ok-values.txt >"$BATS_TEST_TMPDIR/traced" 2>"$BATS_TEST_TMPDIR/err"
	assert_same "$BATS_TEST_TMPDIR/traced" "$BATS_TEST_TMPDIR/plain"
	grep -qx 'gai-extract: ok-values.txt:13: active.license.decisions = 1234 from "1,234件"' \
	    "$BATS_TEST_TMPDIR/err"
	grep -qx 'gai-extract: ok-values.txt:20: active.fees.amount = 12.5 from "125000元"' \
	    "$BATS_TEST_TMPDIR/err"
	# one line per record read from a cell: all but warn.* and meta.edition
	[ "$(grep -vc '	warn\.\|	meta\.edition	' "$BATS_TEST_TMPDIR/plain")" -eq \
	    "$(wc -l <"$BATS_TEST_TMPDIR/err")" ]
	run -0 gai-extract -t ok-values.txt
}

@test "--trace: line numbers count the document's own lines, not the stream's" {
	printf '\fa\nx\n\fb\n规章\t7\t8\t9\n' >"$BATS_TEST_TMPDIR/s"
	run --separate-stderr gai-extract --trace "$BATS_TEST_TMPDIR/s"
	[[ $stderr == *'gai-extract: b:1: active.rules.issued = 7 from "7"'* ]]
	# the line of the file the document came from, whichever way it came
	gai-extract --trace "$X/ok-values.txt" 2>"$BATS_TEST_TMPDIR/alone" >/dev/null
	gai-normalize "$SEEDS/000_6f6c780c05ed1855.txt" "$X/ok-values.txt" |
	    gai-extract --trace 2>"$BATS_TEST_TMPDIR/both" >/dev/null
	grep -F "$X/ok-values.txt:" "$BATS_TEST_TMPDIR/both" >"$BATS_TEST_TMPDIR/second"
	assert_same "$BATS_TEST_TMPDIR/second" "$BATS_TEST_TMPDIR/alone"
	grep -q "ok-values.txt:13: active.license.decisions = 1234" "$BATS_TEST_TMPDIR/second"
}

@test "--trace: a raw HTML page's lines are the lines of its source" {
	cd "$X"
	# title over two lines, a script and a comment holding tables, labels
	# and cells split over lines, &nbsp; and empty first cells: see .err
	for f in trace-2021 trace-2019-trad; do
		gai-extract --trace $f.html >"$BATS_TEST_TMPDIR/$f.out" \
		    2>"$BATS_TEST_TMPDIR/$f.err"
		assert_same "$BATS_TEST_TMPDIR/$f.err" $f.err
	done
	grep -qx 'gai-extract: trace-2021.html:49: req.new.total = 32 from "32"' trace-2021.err
	grep -qx 'gai-extract: trace-2019-trad.html:25: active.normative.total = 45 from "45"' \
	    trace-2019-trad.err
}

@test "--trace: the same source lines with CR LF, in GB18030, in a stream, gzipped" {
	cd "$X"
	t=$BATS_TEST_TMPDIR
	for f in trace-2021 trace-2019-trad; do
		sed 's/$/\r/' $f.html >"$t/$f.crlf"
		sed -E 's/charset=("?)utf-8/charset=\1gb18030/' $f.html |
		    iconv -f UTF-8 -t GB18030 >"$t/$f.gb"
		{ printf '\fearlier\n规章\t1\t2\t3\n\f%s\n' $f.html; cat $f.html; } >"$t/$f.stream"
		gzip -c $f.html >"$t/$f.gz"
		for v in crlf gb stream gz; do
			gai-extract --trace "$t/$f.$v" 2>&1 >/dev/null |
			    grep -v '^gai-extract: earlier:' |
			    sed "s|^gai-extract: [^:]*:|gai-extract: $f.html:|" >"$t/got.err"
			assert_same "$t/got.err" $f.err
		done
	done
}

@test "--trace: text in GB18030 counts the lines of the file, as UTF-8 does" {
	cd "$X"
	gai-extract --trace ok-values.txt 2>"$BATS_TEST_TMPDIR/utf8" >/dev/null
	iconv -f UTF-8 -t GB18030 ok-values.txt >"$BATS_TEST_TMPDIR/ok-values.txt"
	(cd "$BATS_TEST_TMPDIR" && gai-extract --trace ok-values.txt 2>gb >/dev/null)
	assert_same "$BATS_TEST_TMPDIR/gb" "$BATS_TEST_TMPDIR/utf8"
	grep -q "ok-values.txt:13: active.license.decisions = 1234" "$BATS_TEST_TMPDIR/gb"
}

@test "--trace: prose.* records with the sentence they came from" {
	run --separate-stderr -0 gai-extract --trace "$SEEDS/000_6f6c780c05ed1855.txt"
	[[ $stderr == *"000_6f6c780c05ed1855.txt:10: prose.req.received = 10 from \"年內共接到申請10件,辦理10件,全部按時有效回復。\""* ]]
	[[ $stderr == *"000_6f6c780c05ed1855.txt:10: prose.appeal.suit = 0 from \"引發行政訴訟共0件。\""* ]]
}

@test "the unit test of numbers and splits passes" {
	run -0 "$UNIT"
}

@test "man page: every long option of --help, and groff is quiet" {
	man="$GAI_SRCDIR/man/gai-extract.1"
	for o in $(gai-extract --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		grep -q -- "${o#--}" "$man" || { echo "missing $o"; return 1; }
	done
	run groff -k -Tutf8 -mdoc -ww -z "$man"
	[ -z "$output" ]
}

@test "a table cut out: one warn.table_missing, the edition from the year, the rest read" {
	awk 'NR < 15 || NR > 38' "$SEEDS/001_45cb5db47e89188a.txt" >"$BATS_TEST_TMPDIR/cut.txt"
	run --separate-stderr -0 gai-extract "$BATS_TEST_TMPDIR/cut.txt"
	[ "$(printf '%s\n' "$output" | grep -c '	warn\.table_missing	active: ')" -eq 1 ]
	[[ $output == *"warn.edition	meta.edition: the active table's headings do not say; 2019 assumed from the year"* ]]
	[[ $output == *"warn.row_missing	req.new: "* ]]
	[[ $output == *"	req.carried_in.total	0"* ]]
	[[ $output != *"	active."* ]]
}

@test "man: every warn.* key the code can emit is in the page" {
	man="$GAI_SRCDIR/man/gai-extract.1"
	for k in $(grep -oh 'gx_warn(x, [^,]*' "$GAI_SRCDIR"/lib/gai_extract*.c |
	    grep -o '"[a-z_]*"' | tr -d '"' | sort -u); do
		grep -q "^\.It Li warn\.$k\$" "$man" || { echo "missing warn.$k"; return 1; }
	done
}

@test "man example: the pipeline" {
	command -v gai-normalize >/dev/null && command -v gai-check >/dev/null ||
	    skip "gai-normalize or gai-check not built"
	run -0 sh -c "gai-normalize \"\$1\" | gai-extract | gai-check" sh \
	    "$SEEDS/001_45cb5db47e89188a.txt"
	[[ $output == *"	req.new.total	0"* ]]
}

@test "man example: what could not be read, by reason" {
	run -0 sh -c "gai-extract \"\$1\" | cut -f2 | grep '^warn' | sort | uniq -c" \
	    sh "$X/ok-values.txt"
	[ "$(printf '%s\n' "$output" | tr -s ' ' | sed 's/^ //')" = "4 warn.dash_zero
1 warn.not_number
1 warn.unit" ]
}

@test "man example: where a number came from" {
	cd "$X"
	run -0 sh -c "gai-extract --trace ok-markdown.txt 2>&1 >/dev/null | grep req.new.total"
	[ "$output" = 'gai-extract: ok-markdown.txt:30: req.new.total = 34 from "34"' ]
}

@test "numbers one space after the label, in its own cell" {
	printf '%s\n' '二、主动公开政府信息情况' '信息内容 本年制发件数 本年废止件数 现行有效件数' \
	    '规章 1 0 2' '行政规范性文件 3 1 9' '三、收到和处理政府信息公开申请情况' \
	    '一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3' \
	    '二、上年结转政府信息公开申请数量1000001' >"$BATS_TEST_TMPDIR/in"
	run -0 gai-extract "$BATS_TEST_TMPDIR/in"
	[[ $output == *"	active.rules.in_force	2"$'\n'* ]]
	[[ $output == *"	active.normative.in_force	9"$'\n'* ]]
	[[ $output == *"	req.new.total	3"$'\n'* ]]
	[[ $output == *"	req.carried_in.total	1"$'\n'* ]]
	[[ $output != *'warn.split'* ]]	# 1000001 has one reading anyway
	run -0 gai-extract --trace "$BATS_TEST_TMPDIR/in"
	[[ $output == *'req.carried_in.total = 1 from "1", read as 1|0|0|0|0|0|1 (the only reading of its digits)'* ]]
}

@test "a raw page is normalized on the way in: GB18030 text, HTML, Big5" {
	s=$SEEDS/002_9c1716e9954b7ff2.txt
	iconv -f UTF-8 -t GB18030 "$s" >"$BATS_TEST_TMPDIR/002.gb"
	run --separate-stderr -0 gai-extract "$BATS_TEST_TMPDIR/002.gb"
	[ -z "$stderr" ]
	printf '%s\n' "$output" >"$BATS_TEST_TMPDIR/gb.out"
	same_as_want "$BATS_TEST_TMPDIR/gb.out" "$SEEDS/expected/002_9c1716e9954b7ff2.tsv"
	[ "$(awk -F'\t' '$2 == "meta.encoding" { print $3 }' "$BATS_TEST_TMPDIR/gb.out")" = GB18030 ]
	# The same records, whichever way the page came in.
	gai-normalize "$BATS_TEST_TMPDIR/002.gb" | gai-extract | cut -f2- >"$BATS_TEST_TMPDIR/piped"
	cut -f2- "$BATS_TEST_TMPDIR/gb.out" | grep -v '^meta.encoding' >"$BATS_TEST_TMPDIR/direct"
	assert_same "$BATS_TEST_TMPDIR/direct" "$BATS_TEST_TMPDIR/piped"

	iconv -f UTF-8 -t BIG5 "$SEEDS/000_6f6c780c05ed1855.txt" >"$BATS_TEST_TMPDIR/000.big5"
	gai-extract "$BATS_TEST_TMPDIR/000.big5" >"$BATS_TEST_TMPDIR/big5.out"
	same_as_want "$BATS_TEST_TMPDIR/big5.out" "$SEEDS/expected/000_6f6c780c05ed1855.tsv"

	page=$FIX/gai-normalize/html/gov-report.html
	gai-extract "$page" | cut -f2- >"$BATS_TEST_TMPDIR/html"
	gai-normalize "$page" | gai-extract | cut -f2- >"$BATS_TEST_TMPDIR/html.piped"
	grep -qx 'meta.encoding	UTF-8' "$BATS_TEST_TMPDIR/html"
	grep -v '^meta.encoding' "$BATS_TEST_TMPDIR/html" >"$BATS_TEST_TMPDIR/html.direct"
	assert_same "$BATS_TEST_TMPDIR/html.direct" "$BATS_TEST_TMPDIR/html.piped"
	grep -q '^req\.new\.total	' "$BATS_TEST_TMPDIR/html"
	# The page's <title> carries the site's name after a dash: not the title's.
	grep -qx 'meta.title	XX市XX区人民政府2023年政府信息公开工作年度报告' "$BATS_TEST_TMPDIR/html"
	grep -qx 'meta.org	XX市XX区人民政府' "$BATS_TEST_TMPDIR/html"
}

@test "the counts the prose states become prose.* records, after the tables" {
	run --separate-stderr -0 gai-extract "$SEEDS/000_6f6c780c05ed1855.txt"
	printf '%s\n' "$output" | cut -f2- | grep '^prose\.' >"$BATS_TEST_TMPDIR/prose"
	printf 'prose.req.received\t10\nprose.appeal.review\t1\nprose.appeal.suit\t0\n' >"$BATS_TEST_TMPDIR/want"
	assert_same "$BATS_TEST_TMPDIR/prose" "$BATS_TEST_TMPDIR/want"
	# After the last table record, before any warn.* record.
	printf '%s\n' "$output" | cut -f2 | awk '
	    /^prose\./ { p = NR } /^(req|appeal|active)\./ { t = NR } /^warn\./ && !w { w = NR }
	    END { exit !(p > t && (w == 0 || p < w)) }'
	# A page with no tables has no prose records either.
	run -1 sh -c "printf '新闻：今年共收到申请10件。\n' | gai-extract"
	[[ $output != *prose.* ]]
}

@test "per document: <html> in one, invalid UTF-8 or a NUL in another, every report still read" {
	s1="$SEEDS/001_45cb5db47e89188a.txt" s4="$SEEDS/004_53c757b5f08b753a.txt"
	{
		# the first document is an HTML page; the second has a bad byte and a NUL
		printf '\fone\n'; cat "$FIX/gai-normalize/html/gov-report.html"
		printf '\ftwo\nbad \377 byte and a NUL \0 here\n'; cat "$s4"; echo
		printf '\fthree\n'; cat "$s4"
	} >"$BATS_TEST_TMPDIR/stream"
	run --separate-stderr gai-extract "$BATS_TEST_TMPDIR/stream"
	[ "$(printf '%s\n' "$output" | cut -f1 | uniq | tr '\n' ' ')" = "one two three " ]
	for d in one two three; do
		[ "$(printf '%s\n' "$output" | grep -c "^$d	meta.edition	")" -eq 1 ]
	done
	[[ $output != *"warn.no_tables"* ]]
	# the stream-1 documents read the same as alone
	gai-extract "$s4" | cut -f2- | grep -v '^meta.encoding' >"$BATS_TEST_TMPDIR/alone"
	printf '%s\n' "$output" | awk -F'\t' '$1 == "three"' | cut -f2- >"$BATS_TEST_TMPDIR/three"
	assert_same "$BATS_TEST_TMPDIR/three" "$BATS_TEST_TMPDIR/alone"
}

@test "raw pages and stream 1 mixed in one stream: each document decided alone" {
	s1="$SEEDS/001_45cb5db47e89188a.txt"
	iconv -f UTF-8 -t GB18030 "$s1" >"$BATS_TEST_TMPDIR/gb"
	{ printf '\fgb\n'; cat "$BATS_TEST_TMPDIR/gb"; echo; printf '\futf8\n'; cat "$s1"; } >"$BATS_TEST_TMPDIR/stream"
	run --separate-stderr -0 gai-extract "$BATS_TEST_TMPDIR/stream"
	[[ $output == *"gb	meta.encoding	GB18030"* ]]
	[[ $output != *"utf8	meta.encoding"* ]]
	diff <(printf '%s\n' "$output" | awk -F'\t' '$1 == "gb" && $2 != "meta.encoding"' | cut -f2-) \
	     <(printf '%s\n' "$output" | awk -F'\t' '$1 == "utf8"' | cut -f2-)
}

@test "a byte 4096 that is '<' is not read past (#11 item 1)" {
	head -c 4095 /dev/zero | tr '\0' a >"$BATS_TEST_TMPDIR/in"
	printf '<' >>"$BATS_TEST_TMPDIR/in"
	run --separate-stderr -1 gai-extract <"$BATS_TEST_TMPDIR/in"
	[[ $output == "-	warn.no_tables	"* ]]
}

@test "the unreadable marker becomes one warn.unreadable record; exit 1" {
	printf '\fgone.html\tunreadable: No such file or directory\n\fimg\\tx.png\tunreadable: PNG image\n\fnext\n' >"$BATS_TEST_TMPDIR/s"
	cat "$SEEDS/004_53c757b5f08b753a.txt" >>"$BATS_TEST_TMPDIR/s"
	run --separate-stderr -1 gai-extract "$BATS_TEST_TMPDIR/s"
	[ -z "$stderr" ]
	[ "$(printf '%s\n' "$output" | grep -v '^next	')" = "$(printf 'gone.html\twarn.unreadable\tNo such file or directory\nimg\\tx.png\twarn.unreadable\tPNG image')" ]
	[[ $output == *"next	meta.edition	2019"* ]]
	# through gai-normalize: a missing FILE comes out as its record
	run --separate-stderr -1 sh -c 'gai-normalize "$1/missing.html" 2>/dev/null | gai-extract' sh "$BATS_TEST_TMPDIR"
	[ "$output" = "$BATS_TEST_TMPDIR/missing.html	warn.unreadable	No such file or directory" ]
	# an attribute it does not know: said, the document read
	printf '\fodd\tcolour: red\nx\n' | { run --separate-stderr -1 gai-extract; [ "$stderr" = "gai-extract: odd: header attribute not understood, ignored" ]; }
}

@test "the cut marker: the document read, a warn.cut record after its others, no diagnostic; exit 1" {
	{ printf '\fbig\tcut: larger\\tthan the limit\n'; cat "$SEEDS/004_53c757b5f08b753a.txt"; printf '\n\fnext\tcut\nx\n'; } >"$BATS_TEST_TMPDIR/s"
	run --separate-stderr -1 gai-extract "$BATS_TEST_TMPDIR/s"
	[ -z "$stderr" ]
	[ "$(printf '%s\n' "$output" | grep -c '^big	')" -eq $(($(gai-extract "$SEEDS/004_53c757b5f08b753a.txt" | wc -l) + 1)) ]
	[[ $output == *$'\nbig\tmeta.edition\t2019\n'* ]]
	[[ $output == *$'\nbig\twarn.cut\tlarger\\tthan the limit\nnext\twarn.no_tables\t'*$'\nnext\twarn.cut\tno reason given' ]]
}

@test "stdin with nothing in it holds no document; an empty FILE is one" {
	run --separate-stderr -0 gai-extract </dev/null
	[ -z "$output" ]
	: >"$BATS_TEST_TMPDIR/empty"
	run --separate-stderr -1 gai-extract "$BATS_TEST_TMPDIR/empty"
	[[ $output == "$BATS_TEST_TMPDIR/empty	warn.no_tables	"* ]]
}

@test "--max-size: a larger document is cut, said and recorded (warn.cut), the next read whole, exit 2" {
	s4="$SEEDS/004_53c757b5f08b753a.txt"
	{ printf '\fbig\nline one\n'; head -c 20000 /dev/zero | tr '\0' x; echo; printf '\fnext\n'; cat "$s4"; } >"$BATS_TEST_TMPDIR/s"
	run --separate-stderr -2 gai-extract --max-size=16K "$BATS_TEST_TMPDIR/s"
	why='larger than the --max-size of 16384 bytes, cut there (9 bytes read of at least 20010)'
	[ "$stderr" = "gai-extract: big: $why" ]
	[[ $output == "big	warn.no_tables	"*$'\n'"big	warn.cut	$why"$'\n'"next	"* ]]
	[[ $output == *"next	meta.edition	2019"* ]]
	# a FILE that never ends: cut, said, and the next operand read
	run --separate-stderr -2 timeout 20 gai-extract --max-size=1M /dev/zero "$s4"
	[[ $stderr == "gai-extract: /dev/zero: larger than the --max-size of 1048576 bytes, cut there"* ]]
	[[ $output == *"$s4	meta.edition	2019"* ]]
	# on standard input it is cut, and the stream ends there
	run --separate-stderr -2 sh -c 'timeout 20 gai-extract --max-size=1M </dev/zero'
	[[ $stderr == "gai-extract: -: larger than the --max-size of 1048576 bytes, cut there"* ]]
	run --separate-stderr -2 gai-extract --max-size=-1 "$s4"
}

@test "--max-size: a FILE through gai_source (gzip, xz, tar, zip, WARC) is cut as a plain FILE is" {
	cd "$BATS_TEST_TMPDIR"
	# a report, then lines past a 16K limit: the report is read, the rest cut
	{ cat "$SEEDS/004_53c757b5f08b753a.txt"; yes '六、其他需要报告的事项:无。' | head -n 1000; } >big.txt
	size=$(wc -c <big.txt)
	run --separate-stderr -2 gai-extract --max-size=16K big.txt
	[[ $stderr =~ ^"gai-extract: big.txt: larger than the --max-size of 16384 bytes, cut there ("([0-9]+)" bytes read of at least $size)"$ ]]
	kept=${BASH_REMATCH[1]}
	[ "$kept" -le 16384 ] && [ "$kept" -gt 16300 ]
	printf '%s\n' "$output" | cut -f2- >plain
	grep -qx 'req.new.natural_person	3' plain
	# the last record says it was cut
	[ "$(tail -n 1 plain)" = "warn.cut	${stderr#*big.txt: }" ]
	python3 - <<'PY'
import gzip, io, lzma, tarfile, zipfile
page = open("big.txt", "rb").read()
open("big.gz", "wb").write(gzip.compress(page))
open("big.xz", "wb").write(lzma.compress(page))
with tarfile.open("big.tar", "w") as t:
    for name, data in (("big.txt", page), ("next.txt", b"\xe8\xa7\x84\xe7\xab\xa0\t1\t2\t3\n")):
        i = tarfile.TarInfo(name); i.size = len(data); t.addfile(i, io.BytesIO(data))
with zipfile.ZipFile("big.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("big.txt", page)
def warc(uri, block):
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
            b"Content-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n" % (uri, len(block)) + block + b"\r\n\r\n")
plain = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n"
gz = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\n\r\n"
open("big.warc", "wb").write(warc(b"http://a/big", plain + page) +
    warc(b"http://a/gz", gz + gzip.compress(page)) + warc(b"http://a/next", plain + page[:page.index(b"\n", 12000) + 1]))
PY
	for f in big.gz big.xz; do
		run --separate-stderr -2 gai-extract --max-size=16K $f
		[ "$stderr" = "gai-extract: $f: larger than the --max-size of 16384 bytes, cut there ($kept bytes read of at least $size)" ]
		printf '%s\n' "$output" | cut -f2- | grep -v '^meta\.encoding' >got
		assert_same got plain
	done
	# a member cut, the next one read; its size from the archive
	run --separate-stderr -2 gai-extract --max-size=16K big.tar
	[ "$stderr" = "gai-extract: big.tar:big.txt: larger than the --max-size of 16384 bytes, cut there ($kept bytes read of at least $size)" ]
	[[ $output == *"big.tar:next.txt	active.rules.issued	1"* ]]
	printf '%s\n' "$output" | grep '^big.tar:big.txt	' | cut -f2- | grep -v '^meta\.encoding' >got
	assert_same got plain
	run --separate-stderr -2 gai-extract --max-size=16K big.zip
	[ "$stderr" = "gai-extract: big.zip:big.txt: larger than the --max-size of 16384 bytes, cut there ($kept bytes read of at least $size)" ]
	# WARC: the record read up to the limit, the payload inflated no further
	run --separate-stderr -2 gai-extract --max-size=16K big.warc
	# (the limit holds the record's block: its HTTP header and the payload)
	[[ ${stderr%%$'\n'*} =~ ^"gai-extract: http://a/big: larger than the --max-size of 16384 bytes, cut there ("([0-9]+)" bytes read of at least $size)"$ ]]
	[ "${BASH_REMATCH[1]}" -le $((16384 - 45)) ] && [ "${BASH_REMATCH[1]}" -gt 16200 ]
	[[ ${stderr#*$'\n'} =~ ^"gai-extract: http://a/gz: larger than the --max-size of 16384 bytes, cut there ($kept bytes read of at least "[0-9]+")"$ ]]
	# (the first record's limit held its HTTP header too: fewer bytes read)
	grep -v '^warn\.cut' plain >whole
	for u in http://a/big http://a/gz http://a/next; do
		printf '%s\n' "$output" | grep "^$u	" | cut -f2- | grep -v '^meta\.encoding' >got
		grep -v '^warn\.cut' got >got.whole
		assert_same got.whole whole
	done
	why=${stderr%%$'\n'*}
	[[ $output == *$'\nhttp://a/big\twarn.cut\t'"${why#*http://a/big: }"$'\n'* ]]
	# a PDF cut short is no PDF: unreadable, naming the limit
	run --separate-stderr -2 gai-extract --max-size=16K "$FIX/corpus/pdf/004_hongze-district-2024.pdf"
	[[ $output == *"	warn.unreadable	larger than the maximum size (16384 bytes), and a PDF cannot be cut" ]]
	# compressed text that never ends: cut, said, and the next FILE read
	mkfifo endless
	(yes 规章 | gzip -1 >endless) 2>/dev/null &
	run --separate-stderr -2 timeout 20 gai-extract --max-size=1M endless big.gz
	[[ $stderr =~ ^"gai-extract: endless: larger than the --max-size of 1048576 bytes, cut there ("[0-9]+" bytes read of at least "[0-9]+")"$ ]]
	[[ $output == *"big.gz	req.new.natural_person	3"* ]]
	wait
}

@test "blank cells keep their columns: trailing blanks, a blank column, in every layout" {
	# "（二）部分公开…<TAB>5<TAB><TAB><TAB><TAB><TAB><TAB>": seven cells, six blank
	for f in ok-blank-tab ok-blank-per-line; do
		gai-extract "$X/$f.txt" | cut -f2- | grep '^req\.partial\.' >"$BATS_TEST_TMPDIR/p"
		printf 'req.partial.%s\t%s\n' natural_person 5 commercial '' research '' \
		    nonprofit '' legal_service '' other_org '' total '' >"$BATS_TEST_TMPDIR/w"
		assert_same "$BATS_TEST_TMPDIR/p" "$BATS_TEST_TMPDIR/w"
		# a blank 总计 is no sum the report got wrong
		run -0 gai-extract "$X/$f.txt"
		[[ $output != *warn.identity* ]]
		[[ $output == *"	req.denied.state_secret.total	"$'\n'* ]]
		[[ $output == *"	active.coercion.decisions	"$'\n'* ]]
		[[ $output == *"	appeal.suit_direct.upheld	"$'\n'"$X/$f.txt	appeal.suit_direct.corrected	0"* ]]
	done
	# pipes, 2019, traditional: the five 法人 columns blank, five trailing blanks
	run -0 gai-extract "$X/ok-blank-pipes-2019.txt"
	[[ $output == *"	req.new.natural_person	30"$'\n'*"	req.new.other_org	"$'\n'*"	req.new.total	34"$'\n'* ]]
	[[ $output == *"	appeal.suit_after_review.total	"$'\n'* ]]
}

@test "blank cells: a row with fewer blank cells than columns is unknown, warned" {
	printf '%s\n' '二、主动公开政府信息情况' '信息内容|本年制发件数|本年废止件数|现行有效件数' \
	    '规章 | ||' '行政规范性文件|3|1|9' '信息内容|本年处理决定数量' '行政许可 | ||||' \
	    '行政处罚|7' >"$BATS_TEST_TMPDIR/in"
	run -0 gai-extract "$BATS_TEST_TMPDIR/in"
	[[ $output == *'warn.row_unread	active.rules: the label is at line 3 but its values cannot be read for certain: its 2 cells are blank and do not match its 3 columns'* ]]
	[[ $output == *'warn.row_unread	active.license: the label is at line 6 but its values cannot be read for certain: its 4 cells are blank and do not match its 1 column'* ]]
	[[ $output != *"active.rules.issued"* ]]
	[[ $output != *"active.license.decisions"* ]]
	[[ $output == *"	active.punishment.decisions	7"$'\n'* ]]
}

@test "peak memory within twice the document plus a constant: a 40 MB one-line document (#11 item 10)" {
	skip_unless_own_memory gai-extract
	{ printf '\fbig\n'; head -c 40000000 /dev/zero | tr '\0' a; echo; } >"$BATS_TEST_TMPDIR/big"
	# peak RSS of the child in KB, through getrusage
	run -0 peak_kb "gai-extract '$BATS_TEST_TMPDIR/big' >/dev/null"
	read -r st kb <<<"$output"
	[ "$st" -eq 1 ]
	echo "peak $kb KB for 40 MB"
	[ "$kb" -le $((2 * 40000000 / 1024 + 20000)) ]
}

@test "a label with no numbers after it at the document's end, another waiting: no numbers follow, not a line past the cells" {
	printf '\fx.txt\n三、收到和处理政府信息公开申请情况\n（三）不予公开\n7.属于行政执法案卷\n8.属于行政查询事项\n（四）无法提供\n1.本机关不掌握相关政府信息\n' >"$BATS_TEST_TMPDIR/in"
	run -0 gai-extract "$BATS_TEST_TMPDIR/in"
	[[ $output == *'req.unavailable.not_held: the label is at line 6 but its values cannot be read for certain: no numbers follow the label'* ]]
	[[ $output == *'req.denied.query: the label is at line 4 but its values cannot be read for certain: no numbers follow it before the label of req.unavailable.not_held at line 6'* ]]
}

@test "peak memory within twice the document plus a constant: millions of tiny cells, one a line, ten a row, all on one line (#11 item 10)" {
	skip_unless_own_memory gai-extract
	# three documents of 10 MB: 5 million cells of "1" a line after a
	# label, 5 million in rows of ten after another, and 5 million on a
	# label's line; the counts in the warnings are exact
	python3 -c 'import sys
w = sys.stdout.write
w("\fone.txt\n二、主动公开政府信息情况\n规章\n" + "1\n" * 5000000 +
    "规范性文件\n行政许可\n3\n")
w("\frows.txt\n二、主动公开政府信息情况\n规章\t1\t0\t5\n规范性文件\n" +
    "1\t2\t3\t4\t5\t6\t7\t8\t9\t0\n" * 500000 + "行政许可\t7\n")
w("\fline.txt\n二、主动公开政府信息情况\n规章\t" + "1\t" * 4999999 +
    "1\n规范性文件\t1\t2\t3\n行政许可\t4\n")' >"$BATS_TEST_TMPDIR/tiny"
	run -0 peak_kb "gai-extract '$BATS_TEST_TMPDIR/tiny' >'$BATS_TEST_TMPDIR/tiny.out'"
	read -r st kb <<<"$output"
	[ "$st" -eq 0 ]
	echo "peak $kb KB for documents of 10 MB"
	run -0 grep -c . "$BATS_TEST_TMPDIR/tiny.out"
	[ "$output" -eq 34 ]
	run -0 grep -F -e row_unread -e rules -e license "$BATS_TEST_TMPDIR/tiny.out"
	[ "$output" = "one.txt	warn.row_unread	active.rules: the label is at line 2 but its values cannot be read for certain: a run of 5000000 numbers follows it
one.txt	warn.row_unread	active.normative: the label is at line 5000003 but its values cannot be read for certain: no numbers follow it before the label of active.license at line 5000004
one.txt	warn.row_unread	active.license: the label is at line 5000004 but its values cannot be read for certain: the numbers that follow on line 5000005 could be its or those of active.normative, whose label at line 5000003 waits for numbers too
rows.txt	active.rules.issued	1
rows.txt	active.rules.repealed	0
rows.txt	active.rules.in_force	5
rows.txt	active.license.decisions	7
rows.txt	warn.row_unread	active.normative: the label is at line 3 but its values cannot be read for certain: a run of 5000000 numbers follows it
line.txt	active.license.decisions	4
line.txt	warn.row_unread	active.rules: the label is at line 2 but its values cannot be read for certain: 5000000 cells on its line" ]
	# a 16-byte cell each was 6.4 times the document
	[ "$kb" -le $((2 * 10000000 / 1024 + 12288)) ]
}

@test "peak memory within twice the document plus a constant: millions of lines of a word, of one blank cell, of several, of both in turn, on one line (#11 item 10)" {
	skip_unless_own_memory gai-extract
	# five documents of 10 MB: 5 million lines of "a" between labels,
	# runs of lines of one blank cell, after a label and after the
	# heading of a table whose first row has no label, lines of three
	# blank cells after a label, lines of "a" and "||" in turn, and
	# millions of blank cells and of words on labels' lines; the counts
	# exact
	python3 -c 'import sys
w = sys.stdout.write
w("\fwords.txt\n二、主动公开政府信息情况\n规章\n" + "a\n" * 5000000 +
    "规范性文件\n行政许可\n3\n")
w("\fblanks.txt\n二、主动公开政府信息情况\n规章\t1\t0\t5\n规范性文件\n" +
    "||\n" * 1666666 + "2\n四、政府信息公开行政复议、行政诉讼情况\n" +
    "||\n" * 1666666 + "1\t2\n")
w("\fblankrows.txt\n二、主动公开政府信息情况\n规章\t1\t0\t5\n规范性文件\n2\n" +
    "| | | |\n" * 1250000 + "行政许可\n" + "| | | |\n" * 10 + "3\n")
w("\fmixed.txt\n二、主动公开政府信息情况\n规章\n" + "a\n||\n" * 2000000 +
    "规范性文件\n行政许可\n3\n")
w("\flines.txt\n二、主动公开政府信息情况\n规章|" + "|" * 5000000 + "1\n规范性文件" +
    "|a" * 2500000 + "\n行政许可\t4\n")' >"$BATS_TEST_TMPDIR/fill"
	run -0 peak_kb "gai-extract '$BATS_TEST_TMPDIR/fill' >'$BATS_TEST_TMPDIR/fill.out'"
	read -r st kb <<<"$output"
	[ "$st" -eq 0 ]
	echo "peak $kb KB for documents of 10 MB"
	run -0 grep -c . "$BATS_TEST_TMPDIR/fill.out"
	[ "$output" -eq 54 ]
	run -0 grep -F -e row_unread -e rules -e license.decisions "$BATS_TEST_TMPDIR/fill.out"
	[ "$output" = "words.txt	warn.row_unread	active.rules: the label is at line 2 but its values cannot be read for certain: no numbers follow the label
words.txt	warn.row_unread	active.normative: the label is at line 5000003 but its values cannot be read for certain: no numbers follow it before the label of active.license at line 5000004
words.txt	warn.row_unread	active.license: the label is at line 5000004 but its values cannot be read for certain: the numbers that follow on line 5000005 could be its or those of active.normative, whose label at line 5000003 waits for numbers too
blanks.txt	active.rules.issued	1
blanks.txt	active.rules.repealed	0
blanks.txt	active.rules.in_force	5
blanks.txt	warn.row_unread	active.normative: the label is at line 3 but its values cannot be read for certain: a run of 1666667 numbers follows it
blanks.txt	warn.row_unread	appeal: the label is at line 1666671 but its values cannot be read for certain: a run of 1666668 numbers follows it
blankrows.txt	active.rules.issued	1
blankrows.txt	active.rules.repealed	0
blankrows.txt	active.rules.in_force	5
blankrows.txt	active.license.decisions	3
blankrows.txt	warn.row_unread	active.normative: the label is at line 3 but its values cannot be read for certain: a run of 3750001 numbers follows it
mixed.txt	warn.row_unread	active.rules: the label is at line 2 but its values cannot be read for certain: its 1 cells are blank and do not match its 3 columns
mixed.txt	warn.row_unread	active.normative: the label is at line 4000003 but its values cannot be read for certain: no numbers follow it before the label of active.license at line 4000004
mixed.txt	warn.row_unread	active.license: the label is at line 4000004 but its values cannot be read for certain: the numbers that follow on line 4000005 could be its or those of active.normative, whose label at line 4000003 waits for numbers too
lines.txt	active.license.decisions	4
lines.txt	warn.row_unread	active.rules: the label is at line 2 but its values cannot be read for certain: 5000001 cells on its line
lines.txt	warn.row_unread	active.normative: the label is at line 3 but its values cannot be read for certain: 2500000 cells on its line" ]
	# a 16-byte cell each was 10 times the document
	[ "$kb" -le $((2 * 10000000 / 1024 + 12288)) ]
}

@test "peak memory: a raw 50 MB HTML page that is nearly all text, freed once normalized (#11 item 10)" {
	skip_unless_own_memory gai-extract
	cd "$BATS_TEST_TMPDIR"
	python3 -c 'import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
body = "".join("<p>%s</p>\n" % l for l in lines if l.strip())
sys.stdout.write("<html><head><title>t</title></head><body>\n" + body * (50000000 // len(body.encode())) + "</body></html>\n")' "$SEEDS/004_53c757b5f08b753a.txt" >page.html
	run -0 peak_kb "gai-extract --max-size=0 page.html >/dev/null"
	read -r st kb <<<"$output"
	[ "$st" -eq 0 ]
	page=$(($(wc -c <page.html) / 1024))
	echo "peak $kb KB for a page of $page KB"
	# the page and its text (0.8 of it) at once, not those and the
	# extraction's memory too (2.4 times the page)
	[ "$kb" -le $((2 * page + 12288)) ]
}

@test "peak memory: a raw 40 MB text page that folding changes, folded where it is; one with a stray byte, normalized (#11 item 10)" {
	skip_unless_own_memory gai-extract
	cd "$BATS_TEST_TMPDIR"
	# seed 004 as its page gave it: full-width （）： and U+3000 in it,
	# so not folded yet, and blank-line separated cells
	python3 -c 'import sys
d = open(sys.argv[1], "rb").read() * 4000
open("text.txt", "wb").write(d)
open("stray.txt", "wb").write(d[:len(d) // 2] + b"\xff" + d[len(d) // 2:])' \
	    "$SEEDS/004_53c757b5f08b753a.txt"
	for f in text.txt stray.txt; do
		run -0 peak_kb "gai-extract --max-size=0 $f >$f.out 2>/dev/null"
		read -r st kb <<<"$output"
		page=$(($(wc -c <$f) / 1024))
		echo "$f: peak $kb KB for a page of $page KB"
		[ "$st" -eq 0 ]
		# folded into a copy beside it, the text was held twice: 3
		# times the page
		[ "$kb" -le $((2 * page + 12288)) ]
	done
	# the records as through gai-normalize
	gai-normalize --max-size=0 text.txt | gai-extract --max-size=0 >want
	cmp want text.txt.out
	grep -q '^stray.txt	meta.encoding	UTF-8$' stray.txt.out
}

@test "peak memory: a raw 30 MB page in GB18030, Big5 or UTF-16, whose text is larger, given back as it is decoded (#11 item 10)" {
	skip_unless_own_memory gai-extract
	cd "$BATS_TEST_TMPDIR"
	for enc in gb18030 big5 utf-16 utf-16-be; do
		python3 -c 'import sys
enc = sys.argv[1]
body = "<p>%s</p>\n" % ("政府資訊公開工作年度報告，本行政機關主動公開政府資訊。"
    if enc == "big5" else "政府信息公开工作年度报告，本行政机关主动公开政府信息。")
page = "<html><head><title>t</title></head><body>\n" + body * (30000000 // len(body.encode(enc))) + "</body></html>\n"
sys.stdout.buffer.write(("\ufeff" if enc == "utf-16-be" else "").encode(enc) + page.encode(enc))' $enc >page
		page=$(($(wc -c <page) / 1024))
		# compressed, or in a WARC record, it is in gai_source's
		# buffer, given back so too
		if [ $enc = gb18030 ]; then
			gzip -1 -c page >page.gz
			python3 -c 'import sys
b = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + open("page", "rb").read()
sys.stdout.buffer.write(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.cn/p\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % len(b) + b + b"\r\n\r\n")' >page.warc
		fi
		for tool in gai-extract gai-normalize; do
			run -0 peak_kb "$tool --max-size=0 page >/dev/null 2>/dev/null"
			read -r st kb <<<"$output"
			echo "$enc $tool: peak $kb KB for a page of $page KB"
			[ "$st" -eq $([ $tool = gai-extract ] && echo 1 || echo 0) ]
			# the page and its text (1.3 to 1.5 times the page) were
			# held whole at once: 2.5 times the page
			[ "$kb" -le $((2 * page + 8192)) ]
		done
	done
	page=$(($(gzip -dc page.gz | wc -c) / 1024))
	for f in page.gz page.warc; do
		run -0 peak_kb "gai-extract --max-size=0 $f >/dev/null 2>/dev/null"
		read -r st kb <<<"$output"
		echo "gb18030 $f gai-extract: peak $kb KB for a page of $page KB"
		[ "$st" -eq 1 ] && [ "$kb" -le $((2 * page + 8192)) ]
	done
}

@test "headings and labels as reports word them: a character more or less, 年度, broken labels" {
	for f in ok-headings ok-headings-2019-trad; do
		run -0 gai-extract "$X/$f.txt"
		[[ $output != *warn.row_missing* && $output != *warn.table_missing* ]]
		# 一、本年新 / 收政府信息公开申请数量: one label over a line end
		[[ $output == *"	req.new.natural_person	30"$'\n'* ]]
		[[ $output == *"	req.carried_in.total	2"$'\n'* ]]	# 上年度结转
		[[ $output == *"	req.unavailable.not_held.natural_person	4"$'\n'* ]]	# 不不掌握
		[[ $output == *"	req.unavailable.needs_creation.total	1"$'\n'* ]]	# 现成信需要
		[[ $output == *"	req.carried_out.natural_person	"* ]]	# 下一年度
		[[ $output == *"	appeal.review.total	4"$'\n'* ]]
	done
	# the appeal heading with a character dropped, header cells unlike the template's
	printf '%s\n' '三、收到和处理政府信息公开申请情况' '一、本年新收政府信息公开申请数量	1	0	0	0	0	0	1' \
	    '四、政府信息公开行政复、行政诉讼情况' '复议情况	诉讼情况' \
	    '2	1	0	1	4	1	0	0	0	1	0	0	0	0	0' >"$BATS_TEST_TMPDIR/in"
	run -0 gai-extract "$BATS_TEST_TMPDIR/in"
	[[ $output == *"	appeal.review.total	4"$'\n'* ]]
	[[ $output != *"warn.table_missing	appeal"* ]]
}

@test "tables found by their content when the headings are reworded or gone" {
	for f in ok-headings-lost ok-headings-lost-2019-trad; do
		run -0 gai-extract "$X/$f.txt"
		[[ $output != *warn.table_missing* && $output != *warn.row_missing* ]]
		[[ $output == *"	active.rules.total	3"$'\n'* || $output == *"	active.rules.in_force	3"$'\n'* ]]
		[[ $output == *"	req.total.natural_person	31"$'\n'* ]]
		[[ $output == *"	appeal.suit_direct.total	1"$'\n'* ]]
	done
}

@test "FILE operands as crawls store them: gzip, tar, stream 1 gzipped, a PNG (through gai_source)" {
	cd "$BATS_TEST_TMPDIR"
	s4="$SEEDS/004_53c757b5f08b753a.txt"
	gai-extract "$s4" | cut -f2- >want
	gzip -c "$s4" >r.gz
	run --separate-stderr -0 gai-extract r.gz
	[ "$(printf '%s\n' "$output" | cut -f1 | uniq)" = "r.gz" ]
	diff <(printf '%s\n' "$output" | cut -f2- | grep -v '^meta.encoding') want
	# stream 1 saved and gzipped: a document per header
	gai-normalize "$GAI_SRCDIR"/examples/* | gzip >s1.gz
	run --separate-stderr -0 gai-extract s1.gz
	[ "$(printf '%s\n' "$output" | cut -f1 | uniq | wc -l)" -eq 12 ]
	[[ $output == *"$GAI_SRCDIR/examples/seed-004_53c757b5f08b753a.txt	meta.edition	2019"* ]]
	# a tar of pages: archive:member
	mkdir p && cp "$s4" p/a.txt && cp "$GAI_SRCDIR/examples/page-utf8.html" p/b.html
	(cd p && tar cf ../p.tar a.txt b.html)
	run --separate-stderr -0 gai-extract p.tar
	[ "$(printf '%s\n' "$output" | cut -f1 | uniq | tr '\n' ' ')" = "p.tar:a.txt p.tar:b.html " ]
	# an image: said, one record, exit 2
	printf '\211PNG\r\n\032\n\0\0\0\rIHDR' >logo.png
	run --separate-stderr -2 gai-extract logo.png "$s4"
	[ "$stderr" = "gai-extract: logo.png: PNG image" ]
	[[ $output == "logo.png	warn.unreadable	PNG image"$'\n'* ]]
}

@test "stream 1 gzipped: read document by document, each bounded by --max-size alone, nothing after the limit lost" {
	cd "$BATS_TEST_TMPDIR"
	# 100 KB of stream 1, none of its documents over 32K; one of 50 KB
	# among them
	{ gai-normalize "$GAI_SRCDIR"/examples/seed-00[01]*
	  printf '\fbig\n'; yes 规章 | head -n 7000
	  gai-normalize "$GAI_SRCDIR"/examples/page-*.html; } >s1
	gzip -c s1 >s1.gz
	xz -c s1 >s1.xz
	run --separate-stderr -2 gai-extract --max-size=32K s1
	[ "$stderr" = "gai-extract: big: larger than the --max-size of 32768 bytes, cut there (32767 bytes read of at least 49000)" ]
	printf '%s\n' "$output" >plain
	[ "$(cut -f1 plain | uniq | wc -l)" -eq 7 ]
	grep -qx 'big	warn.cut	larger than the --max-size of 32768 bytes, cut there (32767 bytes read of at least 49000)' plain
	for f in s1.gz s1.xz; do
		run --separate-stderr -2 gai-extract --max-size=32K $f
		[ "$stderr" = "gai-extract: big: larger than the --max-size of 32768 bytes, cut there (32767 bytes read of at least 49000)" ]
		printf '%s\n' "$output" >got
		assert_same got plain
	done
	# cut short: said in libarchive's words
	head -c 8000 s1.gz >short.gz
	run --separate-stderr -2 gai-extract short.gz
	[ "$stderr" = "gai-extract: short.gz: truncated gzip input" ]
	[[ $output == *"short.gz	warn.unreadable	truncated gzip input" ]]
}

@test "stream 1 saved in a tar or zip member: read document by document, each bounded by --max-size alone; cut in a WARC record: warn.cut" {
	cd "$BATS_TEST_TMPDIR"
	# the seeds under names of their own: where the WARC record's cut
	# falls in a character must not hang on the source tree's path
	cp "$GAI_SRCDIR"/examples/seed-00[01]* .
	{ gai-normalize seed-00[01]*
	  printf '\fbig\n'; yes 规章 | head -n 7000
	  gai-normalize "$GAI_SRCDIR"/examples/page-*.html; } >s1
	run --separate-stderr -2 gai-extract --max-size=32K s1
	printf '%s\n' "$output" >plain
	grep -qx 'big	warn.cut	larger than the --max-size of 32768 bytes, cut there (32767 bytes read of at least 49000)' plain
	tar cf s.tar s1
	python3 -c 'import zipfile
zipfile.ZipFile("s.zip", "w", zipfile.ZIP_DEFLATED).write("s1")'
	for f in s.tar s.zip; do
		# the member was one block, cut at the limit: "big" had no
		# warn.cut, and the four pages after it were lost
		run --separate-stderr -2 gai-extract --max-size=32K $f
		[ "$stderr" = "gai-extract: big: larger than the --max-size of 32768 bytes, cut there (32767 bytes read of at least 49000)" ]
		printf '%s\n' "$output" >got
		assert_same got plain
	done
	# a WARC resource record of 40,000 bytes of it, cut at 32K: within
	# "big", the last document read, which gets the record's warn.cut
	python3 -c 'import sys
b = open("s1", "rb").read()[:40000]
sys.stdout.buffer.write(b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://x.cn/s1\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % len(b) + b + b"\r\n\r\n")' >s1.warc
	run --separate-stderr -2 gai-extract --max-size=32K s1.warc
	why='larger than the --max-size of 32768 bytes, cut there (32766 bytes read of at least 40000)'
	[ "$stderr" = "gai-extract: http://x.cn/s1: $why" ]
	[ "$(printf '%s\n' "$output" | cut -f1 | uniq | tail -n 1)" = big ]
	[ "$(printf '%s\n' "$output" | tail -n 1)" = "big	warn.cut	$why" ]
}

@test "a crawler's preamble: meta.title without its label, meta.org, meta.published, meta.url" {
	run -0 gai-extract "$X/ok-preamble.txt"
	printf '%s\n' "$output" | cut -f2- | grep '^meta\.' >"$BATS_TEST_TMPDIR/m"
	printf '%s\t%s\n' meta.title 灵溪县2023年度政府信息公开工作年度报告 meta.org 灵溪县 \
	    meta.year 2023 meta.edition 2021 meta.published 2024-01-15 \
	    meta.url 'https://www.cncn.gov.cn/art/2024/1/15/art_1229_3.html#top' >"$BATS_TEST_TMPDIR/w"
	assert_same "$BATS_TEST_TMPDIR/m" "$BATS_TEST_TMPDIR/w"
	# 發布機構 filled: the body is the preamble's, not the title's
	run -0 gai-extract "$X/ok-preamble-2019-trad.txt"
	[[ $output == *"	meta.org	某某縣人民政府辦公室"$'\n'* ]]
	[[ $output == *"	meta.url	http://www.example.gov.cn/zwgk/2021/0128/n1.html"$'\n'* ]]
	# gai-tsv's wide columns have meta.url
	gai-extract "$X/ok-preamble.txt" | gai-tsv --wide | head -1 | tr '\t' '\n' | grep -qx meta.url
}

@test "template variants: notes in brackets, 規範性檔案, 本年增/减 in words and signs" {
	run -0 gai-extract "$X/ok-variants-2019.txt"
	[[ $output == *"	active.rules.total	3"$'\n'* ]]	# 规章(设区的市…应提供相关数据)
	[[ $output == *"	active.other_service.decisions	300"$'\n'* ]]	# …事项(指…)
	[[ $output == *'warn.change_word	active.license.change: cell "减3" read as -3'* ]]
	[[ $output == *'warn.change_word	active.other_service.change: cell "增加2" read as 2'* ]]
	[[ $output == *'warn.change_word	active.punishment.change: cell "持平" read as 0'* ]]
	[[ $output == *'warn.change_word	active.fees.change: cell "−1" read as -1'* ]]
	[[ $output == *"	active.fees.change	-1"$'\n'* ]]
	# one such cell never loses the rest of its row
	[[ $output == *"	active.license.decisions	1234"$'\n'* ]]
	run -0 gai-extract "$X/ok-variants-2019-pipes.txt"
	[[ $output == *"	active.normative.total	45"$'\n'* ]]	# 規範性檔案
	[[ $output == *"	active.license.change	98"$'\n'"$X/ok-variants-2019-pipes.txt	active.license.decisions	1234"$'\n'* ]]
	# blank separators, or a label followed by the next label: unknown, said
	[[ $output == *'warn.row_unread	active.other_service: '*'its 4 cells are blank'* ]]
	[[ $output == *'warn.row_unread	active.punishment: '* ]]
	[[ $output != *"active.punishment.prior_items"* && $output != *"active.other_service.prior_items"* ]]
	[[ $output == *"	active.coercion.prior_items	30"$'\n'* ]]
}

@test "both editions in one active table: each block's keys follow its own headings" {
	for f in ok-mixed-editions ok-mixed-editions-trad; do
		run -0 gai-extract "$X/$f.txt"
		[[ $output == *"warn.edition	active: the table mixes the two editions' column headings (2019 first)"* ]]
		# 本年新制作数量 / 本年新公开数量 / 对外公开总数量 name these
		[[ $output == *"	active.normative.published	3"$'\n'* ]]
		[[ $output == *"	active.normative.total	45"$'\n'* ]]
		# never under a key its column heading does not name
		[[ $output != *"active.normative.issued"* && $output != *"active.rules.in_force"* ]]
		# the 2021 blocks: 本年处理决定数量, 本年收费金额
		[[ $output == *"	active.license.decisions	1234"$'\n'* ]]
		[[ $output == *"	active.fees.amount	12.5"$'\n'* ]]
		[[ $output != *"active.fees.prior_items"* && $output != *warn.row_missing* ]]
	done
}

@test "GAI_NO_JIT=1: PCRE2's JIT off (for valgrind), the same records" {
	run -0 env GAI_NO_JIT=1 gai-extract --version
	[[ $output == *"(JIT off: GAI_NO_JIT)"* ]]
	run -0 env GAI_NO_JIT=0 gai-extract --version
	[[ $output != *"JIT off"* ]]
	gai-extract "$SEEDS"/*.txt >"$BATS_TEST_TMPDIR/jit" || true
	GAI_NO_JIT=1 gai-extract "$SEEDS"/*.txt >"$BATS_TEST_TMPDIR/nojit" || true
	[ -s "$BATS_TEST_TMPDIR/jit" ]
	assert_same "$BATS_TEST_TMPDIR/nojit" "$BATS_TEST_TMPDIR/jit"
}
