#!/usr/bin/env bats
# Many files, many cores: --files-from, -0, -r, --progress, GNU parallel.

load helpers

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# The documents' names in stream 1, one a line.
names() {
	grep -a $'^\f' | cut -c2-
}

# A tree: files at two depths, a hidden one, a link to a file, a link to a
# directory (not followed), a FIFO (not read).
tree() {
	mkdir -p t/b t/a/.h
	cp "$SEEDS"/000_*.txt t/b/2.txt
	cp "$SEEDS"/001_*.txt t/b/10.txt
	cp "$GAI_SRCDIR/examples/page-utf8.html" t/a/page.html
	cp "$SEEDS"/004_*.txt t/a/.h/x.txt
	ln -s ../b t/a/linkdir
	ln -s ../b/2.txt t/a/link.txt
	mkfifo t/a/fifo
}

@test "-r walks directories in byte order, files and links to files only, on both tools" {
	tree
	want=$(printf '%s\n' t/a/.h/x.txt t/a/link.txt t/a/page.html t/b/10.txt t/b/2.txt)
	run -0 sh -c 'gai-normalize -r t | grep -a "^$(printf "\f")" | cut -c2-'
	[ "$output" = "$want" ]
	run -0 sh -c 'gai-normalize --recursive t/ | grep -a "^$(printf "\f")" | cut -c2-'
	[ "$output" = "$want" ]
	# gai-extract: a document per file, named so
	run -0 sh -c 'gai-extract -r t | cut -f1 | uniq'
	[ "$output" = "$want" ]
	# a file operand next to a directory is read as given; - is stdin
	run -0 sh -c 'echo hi | gai-normalize -r t/b t/a/page.html - | grep -a "^$(printf "\f")" | cut -c2-'
	[ "$output" = "$(printf '%s\n' t/b/10.txt t/b/2.txt t/a/page.html -)" ]
}

@test "without -r a directory is unreadable: said, marked, exit 2" {
	tree
	run --separate-stderr -2 gai-normalize t/b
	[ "$output" = "$(printf '\ft/b\tunreadable: read error: Is a directory')" ] ||
		[[ $output == $'\ft/b\tunreadable: '*"Is a directory" ]]
}

@test "--files-from: one path a line, or NUL-ended with -0; from a file or stdin; both tools" {
	tree
	printf '%s\n' t/b/2.txt '' t/a/page.html >list
	run -0 sh -c 'gai-normalize --files-from=list | grep -a "^$(printf "\f")" | cut -c2-'
	[ "$output" = "$(printf '%s\n' t/b/2.txt t/a/page.html)" ]
	# a name with a newline in it needs -0
	cp t/b/2.txt 't/two
lines.txt'
	find t -name '*.txt' -type f -print0 | sort -z >list0
	gai-normalize -0 --files-from=- <list0 | names >got
	tr '\0' '\n' <list0 | sed 's/^t\/two$/t\/two\\nlines.txt/; /^lines.txt$/d' >want
	assert_same got want
	gai-extract --null --files-from=list0 | cut -f1 | uniq >got
	assert_same got want
	# command-line operands first, then the list
	run -0 sh -c 'gai-extract --files-from=list t/b/10.txt | cut -f1 | uniq'
	[ "$output" = "$(printf '%s\n' t/b/10.txt t/b/2.txt t/a/page.html)" ]
	# a list with a directory and -r
	echo t/b >dirs
	run -0 sh -c 'gai-normalize -r --files-from=dirs | grep -a "^$(printf "\f")" | cut -c2-'
	[ "$output" = "$(printf '%s\n' t/b/10.txt t/b/2.txt)" ]
}

@test "--files-from: an empty list is no document; a missing path is unreadable; a missing list is exit 2" {
	: >empty
	run --separate-stderr -0 gai-normalize --files-from=empty
	[ -z "$output" ] && [ -z "$stderr" ]
	run --separate-stderr -0 gai-extract --files-from=empty
	[ -z "$output" ]
	echo gone.html >list
	run --separate-stderr -2 gai-normalize --files-from=list
	[ "$stderr" = "gai-normalize: gone.html: No such file or directory" ]
	[ "$output" = "$(printf '\fgone.html\tunreadable: No such file or directory')" ]
	run --separate-stderr -2 gai-extract --files-from=list
	[ "$output" = "gone.html	warn.unreadable	No such file or directory" ]
	run --separate-stderr -2 gai-normalize --files-from=no-such-list
	[ "$stderr" = "gai-normalize: no-such-list: No such file or directory" ]
	[ -z "$output" ]
}

@test "--files-from: 42,000 paths, past what one command line holds" {
	printf '报告\n' >p.txt
	yes p.txt | head -n 42000 >list
	run -0 sh -c 'gai-normalize --files-from=list | grep -ac "^$(printf "\f")p.txt$"'
	[ "$output" -eq 42000 ]
}

@test "--progress: documents, MB, MB/s on stderr; redrawn in place on a terminal" {
	run --separate-stderr -0 gai-normalize --progress "$GAI_SRCDIR"/examples/*
	[[ $stderr =~ ^gai-normalize:\ 12\ documents,\ 0\.[0-9]\ MB,\ [0-9.]+\ MB/s$ ]]
	[ "$(printf '%s\n' "$output" | names | wc -l)" -eq 12 ]
	command -v script >/dev/null || skip "script (util-linux) not installed"
	script -qc "gai-normalize --progress $GAI_SRCDIR/examples/* >/dev/null" /dev/null >tty
	grep -q $'^\rgai-normalize: 12 documents, 0\\.[0-9] MB, [0-9.]* MB/s\e\\[K' tty
}

# The serial run's rows, sorted, and the same pages under pages/.
serial_rows() {
	cp -r "$GAI_SRCDIR/examples" pages
	gai-normalize pages/* | gai-extract | gai-check | gai-tsv --wide --no-header | sort >serial
	[ "$(wc -l <serial)" -eq 12 ]
}

@test "README's parallel recipe: GNU parallel -X, grouped, gives the serial run's rows" {
	command -v parallel >/dev/null || skip "GNU parallel not installed"
	serial_rows
	find pages -type f -print0 |
		parallel -0 -X -j4 -n3 gai-normalize |
		gai-extract | gai-check | gai-tsv --wide --no-header | sort >par
	assert_same par serial
	# extract on every core too: stream 1 split at the headers
	find pages -type f -print0 | parallel -0 -X -j4 -n3 gai-normalize |
		parallel --pipe --recstart $'\f' --block 20k -j4 gai-extract |
		gai-check | gai-tsv --wide --no-header | sort >par2
	assert_same par2 serial
	# or each job all the way to records
	find pages -type f -print0 | parallel -0 -X -j4 -n3 'gai-normalize {} | gai-extract' |
		gai-check | gai-tsv --wide --no-header | sort >par3
	assert_same par3 serial
}
