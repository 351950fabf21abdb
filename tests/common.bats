#!/usr/bin/env bats
# The command-line rules every tool keeps (DESIGN.md "Every tool").

load helpers

TOOLS="gai-normalize gai-extract gai-check gai-tsv"

# A valid input for each tool, so the error cases have something to do.
input_for() {
	case $1 in
	gai-normalize) echo "$SEEDS/000_6f6c780c05ed1855.txt" ;;
	gai-extract) echo "$FIX/common/stream1.txt" ;;
	gai-check | gai-tsv) echo "$FIX/common/records.tsv" ;;
	esac
}

@test "--help: stdout, exit 0, names the tool, same as -h" {
	for t in $TOOLS; do
		run --separate-stderr -0 "$t" --help
		[ -z "$stderr" ]
		[[ ${lines[0]} == "Usage: $t "* ]]
		[[ $output == *"Exit status"* ]]
		help=$output
		run -0 "$t" -h
		[ "$output" = "$help" ]
	done
}

@test "--version: tool, package and version on line 1, libraries on line 2" {
	for t in $TOOLS; do
		run --separate-stderr -0 "$t" --version
		[ -z "$stderr" ]
		[[ ${lines[0]} =~ ^$t\ \(gai\)\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
		[[ ${lines[1]} == *PCRE2*libxml2* ]]
	done
}

@test "a bad option: exit 2, names it, gives the --help hint, no output" {
	for t in $TOOLS; do
		run --separate-stderr -2 "$t" --no-such-option
		[ -z "$output" ]
		[[ $stderr == *"no-such-option"* ]]
		[[ $stderr == *"Try '$t --help' for more information."* ]]
	done
}

@test "a missing file: message naming it, the other files still done, exit 2" {
	for t in $TOOLS; do
		in=$(input_for "$t")
		"$t" "$in" >"$BATS_TEST_TMPDIR/want" 2>/dev/null || true
		run --separate-stderr -2 "$t" "$BATS_TEST_TMPDIR/missing" "$in"
		[[ $stderr == "$t: $BATS_TEST_TMPDIR/missing: No such file or directory"* ]]
		[ -s "$BATS_TEST_TMPDIR/want" ]
		# Same output as the good file alone, but for the name header
		# gai-normalize adds when given two files.
		[[ $output == *"$(tail -n 3 "$BATS_TEST_TMPDIR/want")" ]]
	done
}

@test "a full disk: exit 2 and 'write error'" {
	[ -w /dev/full ] || skip "no /dev/full"
	for t in $TOOLS; do
		run --separate-stderr -2 sh -c "$t \"\$1\" >/dev/full" sh "$(input_for "$t")"
		[[ $stderr == "$t: write error: No space left on device" ]]
	done
}

@test "a reader that closes the pipe early: quiet" {
	for t in $TOOLS; do
		in=$(input_for "$t")
		run --separate-stderr sh -c "$t \"\$1\" \"\$1\" \"\$1\" | head -1 >/dev/null" sh "$in"
		[ -z "$stderr" ]
	done
}

@test "-q and -s on every tool, with grep's meanings" {
	cd "$BATS_TEST_TMPDIR"
	printf '\xef\xbb\xbfok\n\xff bad byte\n' >bad.txt
	# a decoding note is a warning: exit 0, and -s silences it
	run -0 --separate-stderr gai-normalize bad.txt
	[[ $stderr == *'replaced by U+FFFD'* ]]
	run -0 --separate-stderr gai-normalize -s bad.txt
	[ -z "$stderr" ] && [ -n "$output" ]
	run -1 --separate-stderr gai-extract bad.txt
	[[ $stderr == *'replaced by U+FFFD'* ]]
	run -1 --separate-stderr gai-extract -s bad.txt
	[ -z "$stderr" ] && [ -n "$output" ]
	# -q: no output, the status alone; -s: no message, the same status
	run -0 --separate-stderr gai-normalize -q "$GAI_SRCDIR/examples/page-utf8.html" bad.txt
	[ -z "$output" ]
	run -2 --separate-stderr gai-normalize -q -s bad.txt missing.html
	[ -z "$output" ] && [ -z "$stderr" ]
	run -0 --separate-stderr gai-extract -q "$SEEDS/000_6f6c780c05ed1855.txt"
	[ -z "$output" ] && [ -z "$stderr" ]
	run -1 --separate-stderr gai-extract -q bad.txt
	[ -z "$output" ]
	run -2 --separate-stderr gai-extract -s missing.txt
	[ -z "$stderr" ]
	gai-extract "$SEEDS/000_6f6c780c05ed1855.txt" >rec.tsv
	for t in gai-check gai-tsv; do
		run -0 --separate-stderr "$t" -q rec.tsv
		[ -z "$output" ] && [ -z "$stderr" ]
		run -2 --separate-stderr "$t" -s -q rec.tsv missing.tsv
		[ -z "$stderr" ]
		run -2 --separate-stderr "$t" -q rec.tsv missing.tsv
		[ -n "$stderr" ]
	done
}

@test "gai-check, gai-tsv: input that is not records: one message, exit 2" {
	cd "$BATS_TEST_TMPDIR"
	page="$GAI_SRCDIR/examples/page-utf8.html"
	gai-normalize -H "$page" >stream1.txt
	gai-extract "$SEEDS/000_6f6c780c05ed1855.txt" >rec.tsv
	printf 'stray line\n' | cat - rec.tsv >one-bad.tsv
	for t in gai-check gai-tsv; do
		# a page, and stream 1: one message for the whole file
		run -2 --separate-stderr "$t" -q "$page"
		[ "$stderr" = "$t: $page: input is not gai records: did you mean gai-extract?" ]
		run -2 --separate-stderr "$t" -q <stream1.txt
		[ "$stderr" = "$t: -: input is not gai records: did you mean gai-extract?" ]
		# the FILEs after it are still read
		run -2 --separate-stderr "$t" "$page" rec.tsv
		[ "${#stderr_lines[@]}" -eq 1 ]
		[[ $output == *'000_6f6c780c05ed1855'* ]]
		# one bad line before records is a bad line, said with its number
		run -2 --separate-stderr "$t" -q one-bad.tsv
		[ "$stderr" = "$t: one-bad.tsv:1: not a record (doc TAB key TAB value)" ]
		# as are two on their own
		run -2 --separate-stderr "$t" -q <(printf 'a\nb\n')
		[ "${#stderr_lines[@]}" -eq 2 ]
		[[ ${stderr_lines[1]} == *':2: not a record (doc TAB key TAB value)' ]]
	done
}

@test "stream 2: invalid UTF-8 or a lone trailing backslash is named, the record kept" {
	printf 'd\tmeta.year\t2021\nd\treq.new.total\t5\\\nd\tmeta.org\t\xe6\x9f\x90\xff\n\xc3\tk\t1\nd\tk\t\\\\\n' >"$BATS_TEST_TMPDIR/recs"
	for t in gai-check gai-tsv; do
		run --separate-stderr -2 "$t" "$BATS_TEST_TMPDIR/recs"
		[ "${#stderr_lines[@]}" -eq 3 ]
		[ "${stderr_lines[0]}" = "$t: $BATS_TEST_TMPDIR/recs:2: in d: the value ends in a lone backslash (a backslash is \\\\)" ]
		[ "${stderr_lines[1]}" = "$t: $BATS_TEST_TMPDIR/recs:3: in d: the value is not valid UTF-8 (byte 4 of it)" ]
		[[ ${stderr_lines[2]} == "$t: $BATS_TEST_TMPDIR/recs:4: in "*": the name is not valid UTF-8 (byte 1 of it)" ]]
	done
	# every record goes on, the lone backslash as a backslash
	gai-tsv --long "$BATS_TEST_TMPDIR/recs" >"$BATS_TEST_TMPDIR/out" 2>/dev/null || [ $? -eq 2 ]
	printf 'd\tmeta.year\t2021\nd\treq.new.total\t5\\\\\nd\tmeta.org\t\xe6\x9f\x90\xff\n\xc3\tk\t1\nd\tk\t\\\\\n' >"$BATS_TEST_TMPDIR/want"
	assert_same "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/want"
}

@test "a read error names the line being read, not :0:" {
	mkdir "$BATS_TEST_TMPDIR/dir"
	for t in gai-check gai-tsv; do
		run --separate-stderr -2 "$t" "$BATS_TEST_TMPDIR/dir"
		[ "$stderr" = "$t: $BATS_TEST_TMPDIR/dir:1: read error: Is a directory" ]
	done
}

@test "standard input is '-' in every tool's messages" {
	for t in gai-check gai-tsv; do
		run --separate-stderr -2 sh -c "printf 'd\tk\tv\nx\n' | $t"
		[[ ${stderr_lines[0]} == "$t: -:2: in d: not a record"* ]]
	done
	run --separate-stderr gai-normalize - </dev/null
	[[ $stderr != *"<stdin>"* ]]
	run --separate-stderr gai-extract - </dev/null
	[[ $stderr != *"<stdin>"* ]]
}
