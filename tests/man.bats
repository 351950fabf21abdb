#!/usr/bin/env bats
# The man pages say what the tools do: every option, no groff warnings.

load helpers

TOOLS="gai-normalize gai-extract gai-check gai-tsv"

@test "every long option in --help is in the tool's man page" {
	for t in $TOOLS; do
		page="$GAI_SRCDIR/man/$t.1"
		[ -f "$page" ]
		for opt in $("$t" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
			# mdoc writes --from as "Fl -from".
			grep -q -- "Fl ${opt#-}" "$page" || { echo "$t: $opt not in $page"; return 1; }
		done
	done
}

@test "the man pages format without groff warnings" {
	command -v groff >/dev/null || skip "groff not installed"
	for page in "$GAI_SRCDIR"/man/*.[17]; do
		run groff -k -Tutf8 -mdoc -ww -z "$page"
		[ -z "$output" ] || { echo "$page: $output"; return 1; }
	done
}

@test "gai(7) lists every table's keys" {
	for k in meta.title active.rules.issued active.procurement.amount \
	    req.ROW.COL not_processed.confirmation other.no_correction \
	    appeal.GROUP.COL suit_after_review; do
		grep -q "$k" "$GAI_SRCDIR/man/gai.7" || { echo "missing $k"; return 1; }
	done
}
