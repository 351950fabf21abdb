#!/usr/bin/env bats
# gai-check: the built-in rules passing and failing, year over year, prose,
# user rules, options.

load helpers

G="$FIX/gai-check"
S000=000_6f6c780c05ed1855
S001=001_45cb5db47e89188a
S004=004_53c757b5f08b753a
C003=003_hongze-district-2023-pdftotext-layout
C004=004_hongze-district-2024-pdftotext-layout

# set_rec IN OUT DOC KEY VALUE: IN with one record's value changed (or added
# at the end of the document's table records when the key is not there).
set_rec() {
	awk -F'\t' -v OFS='\t' -v d="$3" -v k="$4" -v v="$5" '
	$1 == d && $2 == k { $3 = v; done = 1 }
	{ print }
	END { if (!done) print d, k, v }' "$1" >"$2"
}

# check_value FILE DOC KEY: the value of that check record.
check_value() {
	awk -F'\t' -v d="$2" -v k="$3" '$1 == d && $2 == k { print $3 }' "$1"
}

one_doc() {
	awk -F'\t' -v d="$1" '$1 == d' "$G/seeds.tsv"
}

@test "the seeds' expected records: every check ok, records passed through" {
	run --separate-stderr -0 gai-check "$G/seeds.tsv"
	[ -z "$stderr" ]
	gai-check "$G/seeds.tsv" >"$BATS_TEST_TMPDIR/out"
	assert_same "$BATS_TEST_TMPDIR/out" "$G/seeds.out"
	# Input first, unchanged, then the checks of each document.
	grep -v '	check\.' "$BATS_TEST_TMPDIR/out" >"$BATS_TEST_TMPDIR/in"
	assert_same "$BATS_TEST_TMPDIR/in" "$G/seeds.tsv"
	! grep -E '	(fail|skip)' "$BATS_TEST_TMPDIR/out"
	[ "$(awk -F'\t' '$2 ~ /^check\./' "$BATS_TEST_TMPDIR/out" | wc -l)" -eq 288 ]
}

@test "checks come after each document's own records" {
	gai-check "$G/seeds.tsv" | awk -F'\t' '
	$1 != doc { doc = $1; inchk = 0 }
	$2 ~ /^check\./ { inchk = 1; next }
	inchk { bad = 1 }
	END { exit bad }'
}

@test "req_row_sum fails on a changed cell, both sides written out" {
	one_doc $S000 >"$BATS_TEST_TMPDIR/in"
	set_rec "$BATS_TEST_TMPDIR/in" "$BATS_TEST_TMPDIR/bad" $S000 req.new.natural_person 11
	run --separate-stderr -1 gai-check "$BATS_TEST_TMPDIR/bad"
	[ -z "$stderr" ]
	echo "$output" >"$BATS_TEST_TMPDIR/out"
	[ "$(check_value "$BATS_TEST_TMPDIR/out" $S000 check.req_row_sum.new)" = \
	    "fail: total 10 != natural_person 11 + commercial 0 + research 0 + nonprofit 0 + legal_service 0 + other_org 0" ]
	[ "$(check_value "$BATS_TEST_TMPDIR/out" $S000 check.req_col_balance.natural_person)" = \
	    "fail: new 11 + carried_in 0 != total 10 + carried_out 0" ]
	[ "$(check_value "$BATS_TEST_TMPDIR/out" $S000 check.req_row_sum.carried_in)" = ok ]
}

@test "no req_row_legal: the 法人 subtotal has no key, gai-extract checks it" {
	# even records that name a subtotal get no check of it
	one_doc $S000 >"$BATS_TEST_TMPDIR/in"
	set_rec "$BATS_TEST_TMPDIR/in" "$BATS_TEST_TMPDIR/a" $S000 req.granted.legal_person 3
	gai-check "$BATS_TEST_TMPDIR/a" >"$BATS_TEST_TMPDIR/out" || true
	! grep -q req_row_legal "$BATS_TEST_TMPDIR/out"
	! grep -q req_row_legal "$GAI_SRCDIR/rules/builtin.rules"
	# what gai-extract does instead: the 2019 subtotal fixture says so
	run -0 gai-extract "$FIX/gai-extract/ok-2019-subtotal.txt"
	[[ $output == *"warn.subtotal	req: an eighth column, a 法人或其他组织 subtotal, read, checked against the five columns and left out"* ]]
}

@test "req_col_outcome fails, 2021 edition (three other rows) and 2019 (one)" {
	one_doc $S000 >"$BATS_TEST_TMPDIR/in"
	set_rec "$BATS_TEST_TMPDIR/in" "$BATS_TEST_TMPDIR/bad" $S000 req.other.misc.total 2
	run -1 gai-check "$BATS_TEST_TMPDIR/bad"
	echo "$output" >"$BATS_TEST_TMPDIR/out"
	v=$(check_value "$BATS_TEST_TMPDIR/out" $S000 check.req_col_outcome.total)
	[[ $v == "fail: total.total 10 != granted.total 10 + partial.total 0 + "* ]] ||
	[[ $v == "fail: total 10 != granted 10 + partial 0 + "* ]]
	[[ $v == *"(other.no_correction 0 + other.unpaid_fee 0 + other.misc 2)" ]]
	one_doc $S001 >"$BATS_TEST_TMPDIR/in"
	set_rec "$BATS_TEST_TMPDIR/in" "$BATS_TEST_TMPDIR/bad" $S001 req.other.commercial 1
	run -1 gai-check "$BATS_TEST_TMPDIR/bad"
	echo "$output" >"$BATS_TEST_TMPDIR/out"
	v=$(check_value "$BATS_TEST_TMPDIR/out" $S001 check.req_col_outcome.commercial)
	[[ $v == "fail: total 0 != granted 0 + "*" + other 1" ]]
}

@test "appeal_sum: corpus 003's published table fails, 004 passes" {
	run --separate-stderr -1 gai-check "$G/corpus-003.tsv" "$G/corpus-004.tsv"
	[ -z "$stderr" ]
	echo "$output" >"$BATS_TEST_TMPDIR/out"
	[ "$(check_value "$BATS_TEST_TMPDIR/out" $C003 check.appeal_sum.review)" = \
	    "fail: total 0 != upheld 10 + corrected 1 + other 0 + pending 0" ]
	[ "$(check_value "$BATS_TEST_TMPDIR/out" $C004 check.appeal_sum.review)" = ok ]
	run -0 gai-check "$G/corpus-004.tsv"
}

@test "count_natural, change_integer, amount_nonneg fail on bad values" {
	one_doc $S000 >"$BATS_TEST_TMPDIR/in"
	set_rec "$BATS_TEST_TMPDIR/in" "$BATS_TEST_TMPDIR/a" $S000 appeal.review.pending -1
	set_rec "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b" $S000 active.fees.amount -2.5
	set_rec "$BATS_TEST_TMPDIR/b" "$BATS_TEST_TMPDIR/c" $S000 req.new.research 0.5
	run -1 gai-check "$BATS_TEST_TMPDIR/c"
	echo "$output" >"$BATS_TEST_TMPDIR/out"
	[ "$(check_value "$BATS_TEST_TMPDIR/out" $S000 check.count_natural)" = \
	    "fail: req.new.research 0.5, appeal.review.pending -1" ]
	[ "$(check_value "$BATS_TEST_TMPDIR/out" $S000 check.amount_nonneg)" = \
	    "fail: active.fees.amount -2.5" ]
	one_doc $S001 >"$BATS_TEST_TMPDIR/in"
	set_rec "$BATS_TEST_TMPDIR/in" "$BATS_TEST_TMPDIR/a" $S001 active.fees.change -3
	run -0 gai-check "$BATS_TEST_TMPDIR/a"
	set_rec "$BATS_TEST_TMPDIR/in" "$BATS_TEST_TMPDIR/a" $S001 active.fees.change 1.5
	run -1 gai-check "$BATS_TEST_TMPDIR/a"
	echo "$output" >"$BATS_TEST_TMPDIR/out"
	[ "$(check_value "$BATS_TEST_TMPDIR/out" $S001 check.change_integer)" = \
	    "fail: active.fees.change 1.5" ]
}

@test "a missing or blank operand is a skip naming it, never a pass or a failure" {
	one_doc $S000 | grep -v '	req.carried_out.total	' >"$BATS_TEST_TMPDIR/in"
	set_rec "$BATS_TEST_TMPDIR/in" "$BATS_TEST_TMPDIR/a" $S000 appeal.review.total ""
	run --separate-stderr -0 gai-check "$BATS_TEST_TMPDIR/a"
	echo "$output" >"$BATS_TEST_TMPDIR/out"
	[ "$(check_value "$BATS_TEST_TMPDIR/out" $S000 check.req_col_balance.total)" = \
	    "skip: no req.carried_out.total" ]
	[ "$(check_value "$BATS_TEST_TMPDIR/out" $S000 check.appeal_sum.review)" = \
	    "skip: appeal.review.total is blank" ]
}

@test "year over year: carry-over that disagrees fails, in both stream orders" {
	set_rec "$G/corpus-004.tsv" "$BATS_TEST_TMPDIR/004" $C004 req.carried_in.total 5
	cat "$G/corpus-003.tsv" "$BATS_TEST_TMPDIR/004" >"$BATS_TEST_TMPDIR/fwd"
	cat "$BATS_TEST_TMPDIR/004" "$G/corpus-003.tsv" >"$BATS_TEST_TMPDIR/rev"
	run -1 gai-check "$BATS_TEST_TMPDIR/fwd"
	echo "$output" >"$BATS_TEST_TMPDIR/out"
	# each result names the other report: the prior one...
	[ "$(check_value "$BATS_TEST_TMPDIR/out" $C004 check.yoy_carry.total)" = \
	    "fail: 2024 carried_in 5 != 2023 carried_out 0 (prior: $C003, 2023)" ]
	[ "$(check_value "$BATS_TEST_TMPDIR/out" $C004 check.yoy_carry.natural_person)" = \
	    "ok: 2024 carried_in 0 = 2023 carried_out 0 (prior: $C003, 2023)" ]
	[ -z "$(check_value "$BATS_TEST_TMPDIR/out" $C003 check.yoy_carry.total)" ]
	run -1 gai-check "$BATS_TEST_TMPDIR/rev"
	echo "$output" >"$BATS_TEST_TMPDIR/out"
	# ...or, on the prior report's records, the next one
	[ "$(check_value "$BATS_TEST_TMPDIR/out" $C003 check.yoy_carry.total)" = \
	    "fail: 2024 carried_in 5 != 2023 carried_out 0 (next: $C004, 2024)" ]
	[ -z "$(check_value "$BATS_TEST_TMPDIR/out" $C004 check.yoy_carry.total)" ]
}

@test "year over year: the real pair 003 -> 004 agrees; 现行有效 continues" {
	run -1 gai-check "$G/corpus-003.tsv" "$G/corpus-004.tsv"
	echo "$output" >"$BATS_TEST_TMPDIR/out"
	[ "$(grep -c '	check.yoy_carry\.' "$BATS_TEST_TMPDIR/out")" -eq 7 ]
	! grep '	check.yoy.*fail' "$BATS_TEST_TMPDIR/out"
	[ "$(check_value "$BATS_TEST_TMPDIR/out" $C004 check.yoy_in_force.normative)" = \
	    "ok: 2024 in_force 8 = 2023 in_force 5 + 2024 issued 3 - 2024 repealed 0 (prior: $C003, 2023)" ]
	set_rec "$G/corpus-004.tsv" "$BATS_TEST_TMPDIR/004" $C004 active.normative.in_force 9
	run -1 gai-check "$G/corpus-003.tsv" "$BATS_TEST_TMPDIR/004"
	echo "$output" >"$BATS_TEST_TMPDIR/out"
	[ "$(check_value "$BATS_TEST_TMPDIR/out" $C004 check.yoy_in_force.normative)" = \
	    "fail: 2024 in_force 9 != 2023 in_force 5 + 2024 issued 3 - 2024 repealed 0 (prior: $C003, 2023)" ]
}

@test "year over year: body names folded (traditional, width, spaces); other bodies and years never pair" {
	sed "s/淮安市洪泽区人民政府/淮安市 洪澤區人民政府/" "$G/corpus-003.tsv" >"$BATS_TEST_TMPDIR/003"
	run -1 gai-check "$BATS_TEST_TMPDIR/003" "$G/corpus-004.tsv"
	[[ $output == *"check.yoy_carry.total	ok"* ]]
	# The county named without its city, as the real 2023 report does.
	sed "s/淮安市洪泽区人民政府/洪泽区人民政府/" "$G/corpus-003.tsv" >"$BATS_TEST_TMPDIR/003"
	run -1 gai-check "$BATS_TEST_TMPDIR/003" "$G/corpus-004.tsv"
	[[ $output == *"check.yoy_carry.total	ok"* ]]
	sed "s/淮安市洪泽区人民政府/江苏省淮安市洪泽区人民政府/" "$G/corpus-003.tsv" >"$BATS_TEST_TMPDIR/003"
	run -1 gai-check "$BATS_TEST_TMPDIR/003" "$G/corpus-004.tsv"
	[[ $output == *"check.yoy_carry.total	ok"* ]]
	sed "s/淮安市洪泽区人民政府/淮安市人民政府/" "$G/corpus-003.tsv" >"$BATS_TEST_TMPDIR/003"
	run -1 gai-check "$BATS_TEST_TMPDIR/003" "$G/corpus-004.tsv"
	[[ $output != *yoy* ]]
	# An office keeps its city: 淮安市财政局 is not 宿迁市财政局, nor
	# 扬州市市场监督管理局 常州市市场监督管理局 (州 is no parent there).
	sed "s/淮安市洪泽区人民政府/扬州市市场监督管理局/" "$G/corpus-003.tsv" >"$BATS_TEST_TMPDIR/003"
	sed "s/淮安市洪泽区人民政府/常州市市场监督管理局/" "$G/corpus-004.tsv" >"$BATS_TEST_TMPDIR/004"
	run -1 gai-check "$BATS_TEST_TMPDIR/003" "$BATS_TEST_TMPDIR/004"
	[[ $output != *yoy* ]]
	# A county-level city under its prefecture: 苏州市昆山市 is 昆山市.
	sed "s/淮安市洪泽区人民政府/苏州市昆山市人民政府/" "$G/corpus-003.tsv" >"$BATS_TEST_TMPDIR/003"
	sed "s/淮安市洪泽区人民政府/昆山市人民政府/" "$G/corpus-004.tsv" >"$BATS_TEST_TMPDIR/004"
	run -1 gai-check "$BATS_TEST_TMPDIR/003" "$BATS_TEST_TMPDIR/004"
	[[ $output == *"check.yoy_carry.total	ok"* ]]
	sed "s/淮安市洪泽区人民政府/淮安市财政局/" "$G/corpus-003.tsv" >"$BATS_TEST_TMPDIR/003"
	sed "s/淮安市洪泽区人民政府/宿迁市财政局/" "$G/corpus-004.tsv" >"$BATS_TEST_TMPDIR/004"
	run -1 gai-check "$BATS_TEST_TMPDIR/003" "$BATS_TEST_TMPDIR/004"
	[[ $output != *yoy* ]]
	set_rec "$G/corpus-003.tsv" "$BATS_TEST_TMPDIR/003" $C003 meta.year 2022
	run -1 gai-check "$BATS_TEST_TMPDIR/003" "$G/corpus-004.tsv"
	[[ $output != *yoy* ]]
}

@test "year over year: a 2020 (2019 edition) and a 2021 report of one body never pair" {
	{ one_doc $S004; one_doc $S000; } |
	    awk -F'\t' -v OFS='\t' '$2 == "meta.year" { print $1, "meta.org", "某县人民政府" } { print }' \
	    >"$BATS_TEST_TMPDIR/in"
	set_rec "$BATS_TEST_TMPDIR/in" "$BATS_TEST_TMPDIR/a" $S000 req.carried_in.total 7
	run gai-check "$BATS_TEST_TMPDIR/a"
	[ "$status" -eq 1 ]
	[[ $output != *yoy* ]]
}

@test "year over year, 2019 edition: prior_items follows prior_items + change" {
	one_doc $S001 | awk -F'\t' -v OFS='\t' '$2 == "meta.year" { print $1, "meta.org", "某县人民政府" } { print }' \
	    >"$BATS_TEST_TMPDIR/2019"
	sed -e "s/^$S001/next/" -e 's/meta.year	2019/meta.year	2020/' \
	    -e 's/active.license.prior_items	2153/active.license.prior_items	2154/' \
	    "$BATS_TEST_TMPDIR/2019" >"$BATS_TEST_TMPDIR/2020"
	run -1 gai-check "$BATS_TEST_TMPDIR/2020" "$BATS_TEST_TMPDIR/2019"
	echo "$output" >"$BATS_TEST_TMPDIR/out"
	[ "$(check_value "$BATS_TEST_TMPDIR/out" $S001 check.yoy_prior_items.license)" = \
	    "fail: 2020 prior_items 2154 != 2019 prior_items 2153 + 2019 change 0 (next: next, 2020)" ]
	[[ $(check_value "$BATS_TEST_TMPDIR/out" $S001 check.yoy_prior_items.punishment) == 'ok: '* ]]
	[[ $(check_value "$BATS_TEST_TMPDIR/out" $S001 check.yoy_carry.total) == 'ok: '*' (next: next, 2020)' ]]
}

@test "prose against table: new, new + carried_in, neither" {
	one_doc $S000 >"$BATS_TEST_TMPDIR/in"
	set_rec "$BATS_TEST_TMPDIR/in" "$BATS_TEST_TMPDIR/a" $S000 req.carried_in.total 2
	set_rec "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b" $S000 prose.req.received 10
	run gai-check "$BATS_TEST_TMPDIR/b"
	echo "$output" >"$BATS_TEST_TMPDIR/out"
	[ "$(check_value "$BATS_TEST_TMPDIR/out" $S000 check.prose_received)" = \
	    "ok: prose.req.received 10 = req.new.total 10" ]
	set_rec "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b" $S000 prose.req.received 12
	run gai-check "$BATS_TEST_TMPDIR/b"
	echo "$output" >"$BATS_TEST_TMPDIR/out"
	[ "$(check_value "$BATS_TEST_TMPDIR/out" $S000 check.prose_received)" = \
	    "ok: prose.req.received 12 = req.new.total 10 + req.carried_in.total 2" ]
	set_rec "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b" $S000 prose.req.received 11
	run -1 gai-check "$BATS_TEST_TMPDIR/b"
	echo "$output" >"$BATS_TEST_TMPDIR/out"
	[ "$(check_value "$BATS_TEST_TMPDIR/out" $S000 check.prose_received)" = \
	    "fail: prose.req.received 11 != req.new.total 10 nor req.new.total 10 + req.carried_in.total 2" ]
}

@test "prose against table: the other prose keys; no prose, no record" {
	one_doc $S000 >"$BATS_TEST_TMPDIR/in"
	run -0 gai-check "$BATS_TEST_TMPDIR/in"
	[[ $output != *prose_* ]]
	for kv in prose.appeal.review:1 prose.appeal.suit:0 prose.req.answered:10 \
	    prose.req.carried_in:0 prose.req.carried_out:0; do
		set_rec "$BATS_TEST_TMPDIR/in" "$BATS_TEST_TMPDIR/a" $S000 "${kv%:*}" "${kv#*:}"
		cp "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/in"
	done
	run -0 gai-check "$BATS_TEST_TMPDIR/in"
	[ "$(grep -c '	check.prose_.*	ok$' <<<"$output")" -eq 5 ]
	set_rec "$BATS_TEST_TMPDIR/in" "$BATS_TEST_TMPDIR/a" $S000 prose.appeal.suit 9
	run -1 gai-check "$BATS_TEST_TMPDIR/a"
	[[ $output == *"check.prose_suit	fail: prose.appeal.suit 9 != appeal.suit_direct.total 0 + appeal.suit_after_review.total 0"* ]]
}

@test "--rules FILE adds rules; --no-builtin leaves only them" {
	printf '%s\n' '# mine' 'fees_small: active.fees.amount = 3415.891' \
	    'sum_denied: sum(req.denied.?.total) = 0' >"$BATS_TEST_TMPDIR/r"
	one_doc $S000 >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr -0 gai-check --no-builtin --rules "$BATS_TEST_TMPDIR/r" "$BATS_TEST_TMPDIR/in"
	[ "$(grep -c '	check\.' <<<"$output")" -eq 2 ]
	[[ $output == *"check.fees_small	ok"* ]]
	[[ $output == *"check.sum_denied	ok"* ]]
	run -0 gai-check --rules "$BATS_TEST_TMPDIR/r" "$BATS_TEST_TMPDIR/in"
	[ "$(grep -c '	check\.' <<<"$output")" -eq 60 ]
}

@test "inequalities: <=, >=, <, > hold or fail with the relation that holds instead" {
	printf '%s\n' 'le: req.partial.total <= req.total.total' \
	    'ge: req.total.total >= req.partial.total' 'lt: req.partial.total < 3' \
	    'gt: req.partial.total > 3 or 2' 'eq_le: req.total.total<=2' >"$BATS_TEST_TMPDIR/r"
	printf 'd\treq.partial.total\t3\nd\treq.total.total\t2\n' >"$BATS_TEST_TMPDIR/in"
	run -1 gai-check --no-builtin --rules "$BATS_TEST_TMPDIR/r" "$BATS_TEST_TMPDIR/in"
	[ "${lines[2]}" = "d	check.le	fail: partial.total 3 > total.total 2" ]
	[ "${lines[3]}" = "d	check.ge	fail: total.total 2 < partial.total 3" ]
	[ "${lines[4]}" = "d	check.lt	fail: total 3 >= 3" ]
	[ "${lines[5]}" = "d	check.gt	ok: total 3 > 2" ]
	[ "${lines[6]}" = "d	check.eq_le	ok" ]
	# the built-in ones: a denial too large for the (七)总计 column
	one_doc $S000 >"$BATS_TEST_TMPDIR/in"
	run -0 gai-check "$BATS_TEST_TMPDIR/in"
	[[ $output == *"check.req_denied_le_total.total	ok"* ]]
	set_rec "$BATS_TEST_TMPDIR/in" "$BATS_TEST_TMPDIR/a" $S000 req.denied.query.total 11
	run -1 gai-check "$BATS_TEST_TMPDIR/a"
	[[ $output == *"check.req_denied_le_total.total	fail: sum(denied.?) 11 > total 10"* ]]
	set_rec "$BATS_TEST_TMPDIR/in" "$BATS_TEST_TMPDIR/a" $S000 req.partial.natural_person 12
	run -1 gai-check "$BATS_TEST_TMPDIR/a"
	[[ $output == *"check.req_partial_le_total.natural_person	fail: partial 12 > total 10"* ]]
}

@test "a rules file with a syntax error: file, line and column, exit 2, no output" {
	printf '%s\n' 'ok_rule: req.new.total = req.total.total' '' \
	    'bad: req.new.total = req.total.total +' 'next: a = b' >"$BATS_TEST_TMPDIR/r"
	run --separate-stderr -2 gai-check --rules "$BATS_TEST_TMPDIR/r" "$G/seeds.tsv"
	[ -z "$output" ]
	[ "$stderr" = "gai-check: $BATS_TEST_TMPDIR/r:3:39: expected a key before the end of the rule" ]
	printf 'x: req.new.total = 总计\n' >"$BATS_TEST_TMPDIR/r"
	run --separate-stderr -2 gai-check --rules "$BATS_TEST_TMPDIR/r" "$G/seeds.tsv"
	[ "$stderr" = "gai-check: $BATS_TEST_TMPDIR/r:1:20: expected a key" ]
	printf 'x: req.*.total = req.**.new\n' >"$BATS_TEST_TMPDIR/r"
	run --separate-stderr -2 gai-check --rules "$BATS_TEST_TMPDIR/r" "$G/seeds.tsv"
	[ "$stderr" = "gai-check: $BATS_TEST_TMPDIR/r:1:22: a rule uses either '*' or '**', not both" ]
	run --separate-stderr -2 gai-check --rules "$BATS_TEST_TMPDIR/none" "$G/seeds.tsv"
	[ "$stderr" = "gai-check: $BATS_TEST_TMPDIR/none: No such file or directory" ]
}

@test "the installed builtin.rules is the compiled-in copy" {
	run -0 gai-check --no-builtin --rules "$GAI_SRCDIR/rules/builtin.rules" "$G/seeds.tsv"
	echo "$output" >"$BATS_TEST_TMPDIR/out"
	assert_same "$BATS_TEST_TMPDIR/out" "$G/seeds.out"
}

@test "--failed: all input records, only the failing checks" {
	run --separate-stderr -1 gai-check --failed "$G/corpus-003.tsv"
	[ "$(grep -c '	check\.' <<<"$output")" -eq 2 ]
	[ "$(grep -vc '	check\.' <<<"$output")" -eq "$(wc -l <"$G/corpus-003.tsv")" ]
}

@test "-q: nothing written, status only; --summary counts per rule on stderr" {
	run --separate-stderr -1 gai-check -q "$G/corpus-003.tsv"
	[ -z "$output" ] && [ -z "$stderr" ]
	run -0 gai-check --quiet "$G/seeds.tsv"
	[ -z "$output" ]
	run --separate-stderr -1 gai-check -q --summary "$G/corpus-003.tsv" "$G/seeds.tsv"
	[[ $stderr == *"gai-check: appeal_sum: 16 ok, 2 failed, 0 skipped"* ]]
	[[ $stderr == *"gai-check: req_col_balance: 42 ok, 0 failed, 0 skipped"* ]]
}

@test "malformed lines: message with file, line and document, the rest checked, exit 2" {
	{ head -3 "$G/corpus-004.tsv"; echo "broken line"; tail -n +4 "$G/corpus-004.tsv"; } >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr -2 gai-check "$BATS_TEST_TMPDIR/in"
	[ "$stderr" = "gai-check: $BATS_TEST_TMPDIR/in:4: in $C004: not a record (doc TAB key TAB value)" ]
	[[ $output == *"check.appeal_sum.review	ok"* ]]
	run --separate-stderr -2 gai-check -s "$BATS_TEST_TMPDIR/in"
	[ -z "$stderr" ]
	# -s: a missing file is not named either, but it is still trouble.
	run --separate-stderr -2 gai-check -s "$BATS_TEST_TMPDIR/missing" "$G/corpus-004.tsv"
	[ -z "$stderr" ]
	[[ $output == *"check.appeal_sum.review	ok"* ]]
	# Trouble wins over a failed check.
	cat "$G/corpus-003.tsv" "$BATS_TEST_TMPDIR/in" >"$BATS_TEST_TMPDIR/both"
	run -2 gai-check -q "$BATS_TEST_TMPDIR/both"
}

@test "escaped names and values pass through; checks name the document as its records do" {
	# TAB and backslash escaped in a name and a value; a backslash that
	# escapes nothing (p\q) is a backslash: p\q and p\\q are one document.
	printf '%s\t%s\t%s\n' 'r\tx\\y' meta.title 'a\nb\\c' \
	    'r\tx\\y' appeal.review.total 2 'r\tx\\y' appeal.review.upheld 1 \
	    'r\tx\\y' appeal.review.corrected 1 'r\tx\\y' appeal.review.other 0 \
	    'r\tx\\y' appeal.review.pending 0 \
	    'p\q' appeal.review.total 1 'p\\q' appeal.review.upheld 2 \
	    >"$BATS_TEST_TMPDIR/in"
	{
		head -n 6 "$BATS_TEST_TMPDIR/in"
		printf '%s\t%s\t%s\n' 'r\tx\\y' check.appeal_sum.review ok \
		    'r\tx\\y' check.count_natural ok \
		    'r\tx\\y' check.amount_nonneg \
		    'skip: no active.fees.amount active.procurement.amount' \
		    'p\\q' appeal.review.total 1 'p\\q' appeal.review.upheld 2 \
		    'p\\q' check.appeal_sum.review \
		    'skip: no appeal.review.corrected' \
		    'p\\q' check.count_natural ok \
		    'p\\q' check.amount_nonneg \
		    'skip: no active.fees.amount active.procurement.amount'
	} >"$BATS_TEST_TMPDIR/want"
	run --separate-stderr -0 gai-check "$BATS_TEST_TMPDIR/in"
	[ -z "$stderr" ]
	printf '%s\n' "$output" >"$BATS_TEST_TMPDIR/got"
	assert_same "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/want"
}

@test "every rule id is in the man page" {
	for id in $(sed -n 's/^\([a-z_]*\)[ :].*/\1/p' "$GAI_SRCDIR/rules/builtin.rules"); do
		grep -q "$id" "$GAI_SRCDIR/man/gai-check.1" || { echo "$id"; return 1; }
	done
	for opt in $(gai-check --help | grep -o -- '--[a-z-]*' | sort -u); do
		grep -q -- "${opt#--}" "$GAI_SRCDIR/man/gai-check.1" || { echo "$opt"; return 1; }
	done
	[ -z "$(groff -k -Tutf8 -mdoc -ww -z "$GAI_SRCDIR/man/gai-check.1" 2>&1)" ]
}

@test "sums are exact: one unit off fails at any size; too large is a skip, never ok" {
	printf '%s\n' 'big: a.total = a.x + a.y' 'dec: b.total = b.x + b.y' \
	    'huge: c.total = c.x + c.y' 'over: d.total = d.x + d.y' \
	    'long: e.total = e.x' 'sums: g.total = sum(g.?.n)' \
	    'scale: h.total = h.x' 'alt: i.total = (i.x | i.y)' \
	    'either: j.total = j.x or j.y' 'nn: nonneg(e.total)' >"$BATS_TEST_TMPDIR/r"
	check_doc() {	# KEY VALUE ...: one document's records checked
		printf 'doc\t%s\t%s\n' "$@" >"$BATS_TEST_TMPDIR/in"
		gai-check --no-builtin --rules "$BATS_TEST_TMPDIR/r" \
		    "$BATS_TEST_TMPDIR/in" >"$BATS_TEST_TMPDIR/out" || true
	}
	v() { check_value "$BATS_TEST_TMPDIR/out" doc "check.$1"; }
	check_doc a.total 1000000001 a.x 600000000 a.y 400000000 \
	    b.total 0.3 b.x 0.1 b.y 0.2 c.total 9007199254740993 \
	    c.x 9007199254740992 c.y 1 j.total 5 j.x 4 j.y 5
	[ "$(v big)" = "fail: total 1000000001 != x 600000000 + y 400000000" ]
	[ "$(v dec)" = ok ]
	[ "$(v huge)" = ok ]
	[ "$(v either)" = "ok: total 5 = y 5" ]
	check_doc b.total 0.30 b.x 0.1 b.y 0.19 c.total 9007199254740993 \
	    c.x 9007199254740992 c.y 0 g.total 3 g.a.n 1.50 g.b.n -2.25 \
	    g.c.n -0.25
	[ "$(v dec)" = "fail: total 0.30 != x 0.1 + y 0.19" ]
	[ "$(v huge)" = "fail: total 9007199254740993 != x 9007199254740992 + y 0" ]
	[ "$(v sums)" = "fail: total 3 != sum(?.n) -1" ]
	# Past 2^63, or with more digits than fit: skip, saying why.
	check_doc d.total 1 d.x 9223372036854775807 d.y 1 \
	    e.total -99999999999999999999 e.x 1 g.total 0 \
	    g.a.n 9223372036854775807 g.b.n 1 h.total 92233720368547758.07 \
	    h.x 92233720368547759 i.total 5 i.x 99999999999999999999 i.y 5 \
	    j.total 5 j.x 4 j.y 99999999999999999999
	[ "$(v over)" = "skip: the sum is too large to add exactly" ]
	[ "$(v long)" = "skip: e.total has too many digits to compare exactly" ]
	[ "$(v sums)" = "skip: sum(g.?.n) is too large to add exactly" ]
	[ "$(v scale)" = "skip: the two sides are too large to compare exactly" ]
	# The first alternative is there: its value decides, not the second.
	[ "$(v alt)" = "skip: i.x has too many digits to compare exactly" ]
	[ "$(v either)" = "skip: j.y has too many digits to compare exactly" ]
	[ "$(v nn)" = "fail: e.total -99999999999999999999" ]
}

@test "rules files: parentheses nested too deep and a rule id used twice are errors at file:line:col" {
	python3 -c "print('ok_rule: a.x = b.x\nr: a.x = ' + '(' * 100000 + 'b.x' + ')' * 100000)" \
	    >"$BATS_TEST_TMPDIR/r"
	run --separate-stderr -2 gai-check --no-builtin --rules "$BATS_TEST_TMPDIR/r" "$G/seeds.tsv"
	[ -z "$output" ]
	[ "$stderr" = "gai-check: $BATS_TEST_TMPDIR/r:2:74: parentheses nested more than 64 deep" ]
	# 64 levels are fine.
	python3 -c "print('r: a.x = ' + '(' * 64 + 'b.x' + ')' * 64)" >"$BATS_TEST_TMPDIR/r"
	run -0 gai-check --no-builtin --rules "$BATS_TEST_TMPDIR/r" /dev/null
	printf '%s\n' 'a: x.y = x.z' '' 'b: x.y = x.z' '	+ x.w' 'a: x.y = x.w' \
	    >"$BATS_TEST_TMPDIR/r"
	run --separate-stderr -2 gai-check --no-builtin --rules "$BATS_TEST_TMPDIR/r" "$G/seeds.tsv"
	[ -z "$output" ]
	[ "$stderr" = "gai-check: $BATS_TEST_TMPDIR/r:5:1: rule 'a' is defined twice in this file" ]
	printf 'appeal_sum: x.y = x.z\n' >"$BATS_TEST_TMPDIR/r"
	run --separate-stderr -2 gai-check --rules "$BATS_TEST_TMPDIR/r" "$G/seeds.tsv"
	[ "$stderr" = "gai-check: $BATS_TEST_TMPDIR/r:1:1: rule 'appeal_sum' is defined already (built in, or in an earlier file)" ]
	run -0 gai-check --no-builtin --rules "$BATS_TEST_TMPDIR/r" /dev/null
}

@test "year over year: many reports of one body are each paired with the first of the years around it" {
	# 20,000 reports of one body over 20 years: each year 1,000 times.
	awk 'BEGIN { for (i = 0; i < 20000; i++) {
		d = sprintf("r%05d", i)
		printf "%s\tmeta.org\t甲局\n%s\tmeta.year\t%d\n", d, d, 2001 + i % 20
		printf "%s\tmeta.edition\t2021\n%s\treq.carried_in.total\t1\n", d, d
		printf "%s\treq.carried_out.total\t1\n", d } }' >"$BATS_TEST_TMPDIR/in"
	printf 'carry: req.carried_in.total = prev(req.carried_out.total)\n' >"$BATS_TEST_TMPDIR/r"
	gai-check --no-builtin --rules "$BATS_TEST_TMPDIR/r" "$BATS_TEST_TMPDIR/in" |
	    grep '	check\.' >"$BATS_TEST_TMPDIR/out"
	# The first 20 reports pair with the one before (19); after them each
	# pairs with the first of its year - 1 and of its year + 1 (but 2001
	# and 2020): 19980 * 2 - 999 - 999.  Compared with every copy, it was
	# 20 million.
	[ "$(wc -l <"$BATS_TEST_TMPDIR/out")" -eq $((19 + 19980 * 2 - 999 - 999)) ]
	grep -q '^r00031	check.carry	ok: 2012 carried_in.total 1 = 2011 carried_out.total 1 (prior: r00010, 2011)$' "$BATS_TEST_TMPDIR/out"
	grep -q '^r00031	check.carry	ok: 2013 carried_in.total 1 = 2012 carried_out.total 1 (next: r00012, 2013)$' "$BATS_TEST_TMPDIR/out"
	# A second copy: checked, but the next year's report only against the first.
	[ "$(grep -c '^r00039	' "$BATS_TEST_TMPDIR/out")" -eq 1 ]
	[ "$(grep -c '(prior: r00039, 2020)' "$BATS_TEST_TMPDIR/out")" -eq 0 ]
}
