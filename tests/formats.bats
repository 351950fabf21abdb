#!/usr/bin/env bats
# gai-normalize: inputs as crawls store them, told by their first bytes.

load helpers

EX="$GAI_SRCDIR/examples"
GB="$EX/page-gb2312-label.html"
U8="$EX/page-utf8.html"
B5="$EX/page-big5-2019.html"

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# The documents' names in stream 1, one a line.
names() {
	grep -a $'^\f' | cut -c2-
}

# doc and meta.title of each report, as gai-tsv gives them.
rows() {
	gai-extract | gai-tsv | cut -f1-2 | tail -n +2
}

@test "gzip, xz, zstd, bzip2: read as the page itself, whatever the name" {
	gai-normalize --no-name "$GB" >want
	for c in gzip xz zstd bzip2; do
		"$c" -c "$GB" >"page.$c"
		run -0 gai-normalize --no-name "page.$c"
		[ "$output" = "$(cat want)" ] || { echo "$c differs"; return 1; }
	done
	# A name that says nothing, or lies, changes nothing.
	gzip -c "$GB" >page.txt
	run -0 gai-normalize --no-name page.txt
	[ "$output" = "$(cat want)" ]
}

@test "a compressed page on standard input" {
	gai-normalize --no-name "$B5" >want
	run -0 sh -c 'xz -c "$1" | gai-normalize --no-name' sh "$B5"
	[ "$output" = "$(cat want)" ]
	run -0 sh -c 'gzip -c "$1" | gai-normalize --no-name -' sh "$B5"
	[ "$output" = "$(cat want)" ]
}

@test "a cut gzip file: said, marked unreadable, exit 2, the next operand done" {
	gzip -c "$GB" | head -c 3000 >cut.gz
	run --separate-stderr -2 gai-normalize cut.gz "$U8"
	[ "$stderr" = "gai-normalize: cut.gz: truncated gzip input" ]
	[ "$(printf '%s\n' "$output" | names)" = "$(printf 'cut.gz\tunreadable: truncated gzip input\n%s' "$U8")" ]
}

@test "an empty gzip file is an empty document" {
	: | gzip >empty.gz
	run --separate-stderr -0 gai-normalize empty.gz
	[ "$output" = $'\fempty.gz' ] && [ -z "$stderr" ]
}

@test "tar, tar.gz and zip: each member a document named archive:member" {
	mkdir -p pages/sub
	cp "$GB" pages/a.html
	cp "$U8" pages/sub/b.html
	cp "$B5" pages/c.htm
	(cd pages && tar cf ../p.tar a.html sub/b.html c.htm &&
		tar czf ../p.tgz a.html sub/b.html c.htm)
	python3 -c 'import sys, zipfile
z = zipfile.ZipFile("p.zip", "w", zipfile.ZIP_DEFLATED)
for m in sys.argv[1:]:
    z.write("pages/" + m, m)
z.close()' a.html sub/b.html c.htm
	for a in p.tar p.tgz p.zip; do
		run -0 gai-normalize "$a"
		[ "$(printf '%s\n' "$output" | names)" = "$(printf '%s\n' "$a:a.html" "$a:sub/b.html" "$a:c.htm")" ]
		# Each member is the page itself.
		gai-normalize "$a" | awk -v RS='\f' 'NR == 3 { printf "%s", $0 }' | tail -n +2 >b.got
		gai-normalize --no-name "$U8" >b.want
		cmp b.got b.want
	done
	gai-normalize p.zip | rows >got
	printf '%s\t%s\n' \
		"p.zip:a.html" "攀枝花市人民政府办公室2022年政府信息公开工作年度报告" \
		"p.zip:sub/b.html" "宿迁市生态环境局2022年政府信息公开工作年度报告" \
		"p.zip:c.htm" "$(gai-normalize "$B5" | gai-extract | gai-tsv | cut -f2 | tail -n 1)" >want
	diff want got
}

@test "a PNG among pages: one diagnostic, marked unreadable, exit 2, the rest read" {
	printf '\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\10\2\0\0\0' >logo.png
	run --separate-stderr -2 gai-normalize "$GB" logo.png "$U8"
	[ "$stderr" = "gai-normalize: logo.png: PNG image" ]
	[ "$(printf '%s\n' "$output" | names)" = "$(printf '%s\n' "$GB" $'logo.png\tunreadable: PNG image' "$U8")" ]
	# In an archive too: the member is named.
	tar cf mixed.tar logo.png -C "$EX" page-utf8.html
	run --separate-stderr -2 gai-normalize mixed.tar
	[ "$stderr" = "gai-normalize: mixed.tar:logo.png: PNG image" ]
	[ "$(printf '%s\n' "$output" | names)" = "$(printf '%s\n' $'mixed.tar:logo.png\tunreadable: PNG image' mixed.tar:page-utf8.html)" ]
}

@test "executables and other binary files are named, never read as text" {
	printf '\177ELF\2\1\1\0\0\0\0\0\0\0\0\0\2\0>\0' >prog
	run --separate-stderr -2 gai-normalize prog
	[ "$stderr" = "gai-normalize: prog: ELF executable" ]
	head -c 4096 /dev/urandom | tr -d '\0\t\n\r\f' >noise 2>/dev/null || true
	printf '\1\2\3\4\5\6\7\16\17\20' >>noise
	run --separate-stderr -2 gai-normalize noise
	[ "$stderr" = "gai-normalize: noise: binary data, not text" ]
}

@test "UTF-16 without a BOM is text, not binary" {
	iconv -f UTF-8 -t UTF-16LE "$U8" >u16
	run --separate-stderr gai-normalize u16
	[[ $stderr != *"binary"* ]]
}

@test "--version lists the formats this build reads" {
	run -0 gai-normalize --version
	[[ ${lines[2]} == "Reads: pages (HTML, text), gzip, xz, zstd, bzip2, tar, zip"* ]]
}
