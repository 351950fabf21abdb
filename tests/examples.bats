#!/usr/bin/env bats
# Every command README.md, --help and the man pages show runs as printed,
# in a directory holding the files they name (made from examples/).

load helpers

setup() {
	D="$BATS_TEST_TMPDIR/w"
	mkdir -p "$D/pages" "$D/crawl/$(date +%F)"
	cd "$D"
	ln -s "$GAI_SRCDIR/examples" examples
	for t in gai-normalize gai-extract gai-check gai-tsv; do
		ln -s "$GAI_BUILDDIR/$t" "$t"
	done
	cp examples/*.html pages/
	for f in pages/*.html; do gzip -c "$f" >"$f.gz"; done
	# commands write records.tsv from pages/: a failing report among them
	cp examples/00[34]_* pages/
	cp examples/seed-00[0-2]* "crawl/$(date +%F)/"
	cp examples/page-utf8.html page.html
	cp examples/page-big5-2019.html report.htm
	cp examples/page-big5-2019.html odd-page.htm
	cp examples/003_hongze-district-2023-pdftotext-layout.txt r.txt
	cp r.txt report.txt
	cp "$CORPUS/pdf/003_hongze-district-2023.pdf" report.pdf
	# xz and zip by python3, which the suite needs anyway
	python3 - <<'PY'
import glob, lzma, os, zipfile
open("page.html.xz", "wb").write(lzma.compress(open("page.html", "rb").read()))
with zipfile.ZipFile("pages.zip", "w") as z:
    for f in glob.glob("pages/*.html"):
        z.write(f, os.path.basename(f))
PY
	tar -czf crawl.tar.gz pages/*.html
	# a web archive with one resource record, as wget --warc-file keeps it
	{ printf 'WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://a.gov.cn/r.html\r\n'
	  printf 'WARC-Record-ID: <urn:uuid:6a2b1c3d-0000-4000-8000-000000000001>\r\n'
	  printf 'WARC-Date: 2024-05-01T08:00:00Z\r\nContent-Type: text/html\r\n'
	  printf 'Content-Length: %d\r\n\r\n' "$(wc -c <page.html)"
	  cat page.html; printf '\r\n\r\n'; } | gzip >crawl.warc.gz
	./gai-normalize examples/* >pages.txt
	./gai-extract pages.txt >records.tsv || [ $? -eq 1 ]
	./gai-check records.tsv >checked.tsv || [ $? -eq 1 ]
	./gai-tsv checked.tsv >reports.tsv
	printf 'fees_small: active.fees.amount <= 100000\n' >mine.rules
}

# Commands that need what a test has not: root, the network, the
# project's own checkout and build tree (make, the fuzzers), other hosts.
skipped() {
	case $1 in
	apt-get*|make\ *|tests/fuzz/*|git\ clone*|export\ LANG*|curl\ *|*--sshlogin*)
		return 0 ;;
	esac
	return 1
}

# Run one command as printed: 0 or 1 (findings) is fine; 2, a missing
# command or file is not; a pipeline into grep must match something.
runs() {
	skipped "$1" && return 0
	run bash -c "$1"
	if [ "$status" -ge 2 ] || { [ "$status" -eq 1 ] && [[ $1 == *'| grep'* ]]; } ||
	    [[ $output == *'command not found'* ]]; then
		printf "failed (%s): %s\n%s\n" "$status" "$1" "$(printf "%s\n" "$output" | head -5)"
		return 1
	fi
}

# The indented code blocks of a markdown file: a line per command, or for
# a "$ " transcript the command and then what it prints.
md_commands() {
	awk '/^    / { sub(/^    /, ""); print; next } { print "" }' "$1"
}

@test "README: every command in a code block runs as printed" {
	n=0
	while IFS= read -r cmd; do
		[ -n "$cmd" ] && [[ $cmd != '$ '* ]] && [[ $cmd != examples/* ]] || continue
		runs "$cmd"
		n=$((n + 1))
	done < <(md_commands "$GAI_SRCDIR/README.md")
	[ "$n" -ge 30 ]
}

@test "README: a transcript prints what README shows" {
	md_commands "$GAI_SRCDIR/README.md" | awk '
	    /^\$ / { on = 1; sub(/^\$ /, ""); print > "cmd"; next }
	    on && /^$/ { exit } on { print > "want" }'
	[ -s cmd ] && [ -s want ]
	run -0 bash -c "$(cat cmd)"
	[ "$output" = "$(cat want)" ]
}

@test "--help: every example runs as printed" {
	n=0
	for t in gai-normalize gai-extract gai-check gai-tsv; do
		while IFS= read -r cmd; do
			runs "$cmd"
			n=$((n + 1))
		done < <("$t" --help | sed -n '/^Examples:/,/^$/p' |
		    sed -n 's/^  \([a-z].*\)/\1/p' | sed 's/  *# .*//')
	done
	[ "$n" -ge 12 ]
}

@test "man pages: every example runs as printed" {
	n=0
	for page in "$GAI_SRCDIR"/man/*.[17]; do
		while IFS= read -r cmd; do
			runs "$cmd"
			n=$((n + 1))
		done < <(sed -n '/^\.Sh EXAMPLES/,/^\.Sh [^E]/p' "$page" | awk '
		    /^\.Dl / { sub(/^\.Dl /, ""); print; next }
		    /^\.Bd -literal/ { lit = 1; cmd = ""; next }
		    /^\.Ed/ { if (cmd != "") print cmd; lit = 0; next }
		    lit { sub(/^ +/, ""); cmd = cmd (cmd == "" ? "" : " ") $0 }' |
		    sed 's/\\e/\\/g')
	done
	[ "$n" -ge 12 ]
}

@test "README's cron job: 2 on a day with an unreadable page or no pages, 0 on a clean day" {
	cron=$(md_commands "$GAI_SRCDIR/README.md" | grep -F 'crawl/$(date +%F)/*')
	[ -n "$cron" ]
	# a clean day: every page read, every check holds
	rm reports.tsv
	run -0 bash -c "$cron"
	[ "$(wc -l <reports.tsv)" -eq 3 ]
	# an image among the pages: its row says so, and cron hears 2
	printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >"crawl/$(date +%F)/logo.png"
	run -2 bash -c "$cron"
	grep -q "/logo.png	.*	0	0	1	0	$" reports.tsv
	[[ $output == *'PNG image'* ]]
	# a day without pages (no directory): 2, and no row that looks like a report
	rm -r crawl
	run -2 bash -c "$cron"
	[ "$(tail -1 reports.tsv | cut -f1)" = "crawl/$(date +%F)/*" ]
	[ "$(tail -1 reports.tsv | awk -F'\t' '{ print $(NF-4) }')" = 0 ]
	# a day with a failed check: 1
	mkdir -p "crawl/$(date +%F)"
	cp examples/003_* "crawl/$(date +%F)/"
	run -1 bash -c "$cron"
}
