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

@test "an empty gzip file is an empty document; an empty archive holds none" {
	: | gzip >empty.gz
	run --separate-stderr -0 gai-normalize empty.gz
	[ "$output" = $'\fempty.gz' ] && [ -z "$stderr" ]
	run --separate-stderr -1 gai-extract empty.gz
	[ "$output" = "empty.gz	warn.no_tables	document: no report table found (二、主动公开, 三、申请, 四、复议诉讼)" ]
	# an archive with no member holds no document
	tar cf - --files-from /dev/null | gzip >empty.tgz
	run --separate-stderr -0 gai-normalize empty.tgz
	[ -z "$output" ] && [ -z "$stderr" ]
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

@test "text or binary is judged on characters: the same page in UTF-8 and GB18030 alike" {
	# 408 characters, then control characters, then more text: the first
	# 1024 bytes held none of them in UTF-8, all of them in GB18030
	for ctl in 40 20; do
		python3 -c 'import sys
t = "政府信息公开工作年度报告" * 34 + "\x01" * int(sys.argv[1]) + "申请" * 600
open("page.u8", "wb").write(t.encode("utf-8"))
open("page.gb", "wb").write(t.encode("gb18030"))' $ctl
		for e in u8 gb; do
			run --separate-stderr gai-normalize page.$e
			if [ $ctl = 40 ]; then
				# one in 32 of the first 1024 characters and more
				[ "$status" -eq 2 ]
				[ "$stderr" = "gai-normalize: page.$e: binary data, not text" ]
				[ "$output" = "$(printf '\fpage.%s\tunreadable: binary data, not text' $e)" ]
			else
				[ "$status" -eq 0 ] && [ -z "$stderr" ]
				[ "${lines[1]}" = "$(python3 -c 'print("政府信息公开工作年度报告" * 34 + "\x01" * 20 + "申请" * 600)')" ]
			fi
		done
	done
}

@test "UTF-16 without a BOM is text, not binary" {
	iconv -f UTF-8 -t UTF-16LE "$U8" >u16
	run --separate-stderr gai-normalize u16
	[[ $stderr != *"binary"* ]]
}

@test "--version lists the formats this build reads" {
	run -0 gai-normalize --version
	[[ ${lines[2]} == "Reads: pages (HTML, text), gzip, xz, zstd, bzip2, tar, zip, WARC"* ]]
}

# A WARC file as crawlers write it, to $1 (gzip per record when $2 is gz):
# warcinfo, a request, responses (UTF-8; chunked and gzip GB18030; a 404;
# a PNG; a GB18030 page declared only by its HTTP header), metadata, a
# revisit and a resource record.
mkwarc() {
	python3 - "$1" "${2:-}" "$U8" "$GB" "$B5" <<'PY'
import gzip, sys, uuid
out, gz, u8, gb, b5 = sys.argv[1:]
read = lambda p: open(p, "rb").read()

def rec(typ, uri, block, ctype):
    head = ("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\n"
            "WARC-Date: 2024-05-01T08:00:00Z\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
            "Content-Type: %s\r\nContent-Length: %d\r\n\r\n"
            % (typ, uri, uuid.uuid4(), ctype, len(block)))
    r = head.encode() + block + b"\r\n\r\n"
    return gzip.compress(r) if gz == "gz" else r

def http(status, headers, body):
    h = "HTTP/1.1 %s\r\n" % status + "".join("%s: %s\r\n" % kv for kv in headers)
    return h.encode() + b"\r\n" + body

def chunked(body, size=700):
    parts = [b"%x\r\n%s\r\n" % (len(body[i:i + size]), body[i:i + size])
             for i in range(0, len(body), size)]
    return b"".join(parts) + b"0\r\n\r\n"

HT = "application/http; msgtype=response"
small = "<html><body><p>办理结果</p></body></html>"
recs = [
    rec("warcinfo", "", b"software: test\r\n", "application/warc-fields"),
    rec("request", "http://a.gov.cn/a.html",
        b"GET /a.html HTTP/1.1\r\nHost: a.gov.cn\r\n\r\n",
        "application/http; msgtype=request"),
    rec("response", "http://a.gov.cn/a.html",
        http("200 OK", [("Content-Type", "text/html; charset=utf-8")], read(u8)), HT),
    rec("metadata", "http://a.gov.cn/a.html", b"via: test\r\n", "application/warc-fields"),
    rec("response", "http://b.gov.cn/b.html",
        http("200 OK", [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked"),
                        ("Content-Encoding", "gzip")], chunked(gzip.compress(read(gb)))), HT),
    rec("revisit", "http://a.gov.cn/a.html",
        http("200 OK", [("Content-Type", "text/html")], b""), HT),
    rec("response", "http://a.gov.cn/missing.html",
        http("404 Not Found", [("Content-Type", "text/html")], b"<p>not here</p>"), HT),
    rec("response", "http://a.gov.cn/logo.png",
        http("200 OK", [("Content-Type", "image/png")], b"\x89PNG\r\n\x1a\n"), HT),
    rec("response", "http://c.gov.cn/c.html",
        http("200 OK", [("Content-Type", "text/html; charset=GB18030")],
             small.encode("gb18030")), HT),
    rec("resource", "file:///d.html", read(b5), "text/html"),
]
open(out, "wb").write(b"".join(recs))
PY
}

WARC_NAMES='http://a.gov.cn/a.html
http://b.gov.cn/b.html
http://c.gov.cn/c.html
file:///d.html'

WARC_SKIPPED='6 WARC records passed over: warcinfo 1, request 1, metadata 1, revisit 1, non-2xx 1, not a page 1'

# The WARC's documents are the pages themselves.
warc_docs_are_pages() {
	local out=$1
	gai-normalize --no-name "$U8" >want.a
	gai-normalize --no-name "$GB" >want.b
	gai-normalize --no-name "$B5" >want.d
	for n in 2:a 3:b 5:d; do
		awk -v RS='\f' -v n="${n%:*}" 'NR == n { printf "%s", $0 }' "$out" |
			tail -n +2 >got
		cmp got "want.${n#*:}" || { echo "document ${n#*:} differs"; return 1; }
	done
}

@test "WARC: each 2xx page response and resource a document named by its URI" {
	mkwarc crawl.warc
	run --separate-stderr -0 gai-normalize crawl.warc
	[ "$(printf '%s\n' "$output" | names)" = "$WARC_NAMES" ]
	[ "$stderr" = "gai-normalize: crawl.warc: $WARC_SKIPPED" ]
	gai-normalize crawl.warc >out 2>/dev/null
	warc_docs_are_pages out
}

@test "WARC.gz (a gzip member per record), also on standard input" {
	mkwarc crawl.warc.gz gz
	run --separate-stderr -0 gai-normalize crawl.warc.gz
	[ "$(printf '%s\n' "$output" | names)" = "$WARC_NAMES" ]
	[ "$stderr" = "gai-normalize: crawl.warc.gz: $WARC_SKIPPED" ]
	gai-normalize <crawl.warc.gz >out 2>err
	warc_docs_are_pages out
	[ "$(cat err)" = "gai-normalize: -: $WARC_SKIPPED" ]
}

@test "WARC: the HTTP charset is a declaration the bytes are checked against" {
	mkwarc crawl.warc
	gai-normalize crawl.warc 2>/dev/null | awk -v RS='\f' 'NR == 4' >got
	[ "$(sed -n 2p got)" = "办理结果" ]
	# Without the header the same bytes are guessed wrong: it is needed.
	printf '<html><body><p>办理结果</p></body></html>' |
		iconv -f UTF-8 -t GB18030 >c.html
	[ "$(gai-normalize --no-name c.html | head -n 1)" != "办理结果" ]
	# A header the bytes contradict (utf-8 on GB18030) is not believed.
	python3 -c 'import sys
b = open("c.html", "rb").read()
h = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + b
sys.stdout.buffer.write(b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://c/\r\n"
    b"Content-Type: application/http\r\nContent-Length: %d\r\n\r\n" % len(h) + h + b"\r\n\r\n")' >lie.warc
	run --separate-stderr -0 gai-normalize lie.warc
	[ "$stderr" = "" ]
	[ "$output" = "$(printf '\fhttp://c/\n'; gai-normalize --no-name c.html)" ]
}

@test "WARC: each page a row, named by its URI" {
	mkwarc crawl.warc.gz gz
	gai-normalize crawl.warc.gz 2>/dev/null | gai-extract | gai-tsv | cut -f1 | tail -n +2 >got
	printf '%s\n' "$WARC_NAMES" >want
	diff want got
}

@test "WARC: a record cut short is said, the pages before it kept, exit 2" {
	mkwarc crawl.warc
	head -c "$(($(stat -c %s crawl.warc) - 500))" crawl.warc >cut.warc
	run --separate-stderr -2 gai-normalize cut.warc
	[ "$(printf '%s\n' "$output" | names)" = "$(printf '%s\n' "$WARC_NAMES" | head -n 3; printf 'file:///d.html\tunreadable: WARC record cut short: unexpected end of data')" ]
	[[ $stderr == "gai-normalize: file:///d.html: WARC record cut short: unexpected end of data"* ]]
}

@test "WARC: a body that does not inflate is its page's diagnostic, the rest go on" {
	python3 - <<'PY'
h = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Type: text/html\r\n\r\n\x1f\x8bnot gzip at all"
ok = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nhello\n"
def rec(uri, b):
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
            b"\r\nContent-Type: application/http\r\nContent-Length: %d\r\n\r\n" % len(b) + b + b"\r\n\r\n")
open("bad.warc", "wb").write(rec(b"http://x/bad", h) + rec(b"http://x/ok", ok))
PY
	run --separate-stderr -2 gai-normalize bad.warc
	[[ $stderr == "gai-normalize: http://x/bad: the body does not inflate: "* ]]
	[ "$output" = "$(printf '\fhttp://x/bad\tunreadable: %s\n\fhttp://x/ok\nhello' "${stderr#*http://x/bad: }")" ]
}

@test "PDF: the text pdftotext -layout gives, byte for byte" {
	gai-normalize --version | grep -q '^Reads: .*PDF' || skip "built without poppler-cpp"
	command -v pdftotext >/dev/null || skip "pdftotext not installed (poppler-utils)"
	for f in "$CORPUS"/pdf/*.pdf; do
		gai-normalize --no-name "$f" >got
		pdftotext -layout "$f" - | gai-normalize --no-name >want
		cmp got want
	done
	# The same on standard input, compressed, and as a zip member.
	f="$CORPUS/pdf/004_hongze-district-2024.pdf"
	gzip -c "$f" | gai-normalize --no-name >got
	cmp got want
	cp "$f" r.pdf && python3 -c 'import zipfile; zipfile.ZipFile("r.zip", "w").write("r.pdf")'
	run -0 gai-normalize r.zip
	[ "$output" = "$(printf '\fr.zip:r.pdf\n'; cat want)" ]
}

@test "PDF: broken, or without text: said, marked unreadable, exit 2" {
	gai-normalize --version | grep -q '^Reads: .*PDF' || skip "built without poppler-cpp"
	printf '%%PDF-1.4\ngarbage\n' >bad.pdf
	printf '%%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%%%EOF\n' >scan.pdf
	run --separate-stderr -2 gai-normalize bad.pdf scan.pdf "$U8"
	[ "$stderr" = "$(printf '%s\n' 'gai-normalize: bad.pdf: PDF that poppler cannot read' 'gai-normalize: scan.pdf: PDF without text (scanned pages?)')" ]
	[ "$(printf '%s\n' "$output" | names)" = "$(printf '%s\n' $'bad.pdf\tunreadable: PDF that poppler cannot read' $'scan.pdf\tunreadable: PDF without text (scanned pages?)' "$U8")" ]
}

# A DOCX made as Word lays one out, to $1: each line of the text file $2 a
# paragraph, each run of lines holding a TAB a table (cells split at TABs).
mkdocx() {
	python3 - "$1" "$2" <<'PY'
import sys, zipfile
from xml.sax.saxutils import escape
out, src = sys.argv[1:]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
par = lambda s: '<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % escape(s)
body, rows = [], []
def flush():
    if rows:
        body.append("<w:tbl><w:tblPr/>" + "".join(
            "<w:tr>" + "".join("<w:tc><w:tcPr/>%s</w:tc>" % par(c) for c in r) + "</w:tr>"
            for r in rows) + "</w:tbl>")
        rows.clear()
for line in open(src, encoding="utf-8").read().splitlines():
    if "\t" in line:
        rows.append(line.split("\t"))
    else:
        flush()
        body.append(par(line))
flush()
z = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)
z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>')
z.writestr("word/document.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="%s"><w:body>%s<w:sectPr/></w:body></w:document>' % (W, "".join(body)))
z.close()
PY
}

@test "DOCX: paragraphs as lines, tables as TAB rows: a seed report reads the same" {
	seed=$(ls "$SEEDS"/002_*.txt)
	mkdocx report.docx "$seed"
	gai-normalize --no-name "$seed" >want
	run --separate-stderr -0 gai-normalize --no-name report.docx
	[ -z "$stderr" ]
	printf '%s\n' "$output" | cmp - want
	# Its records are the seed's.
	gai-normalize "$seed" | gai-extract | cut -f2- >want.rec
	gai-normalize report.docx | gai-extract | cut -f2- | grep -v '^meta.encoding' >got.rec
	grep -v '^meta.encoding' want.rec | diff - got.rec
}

@test "DOCX: merged cells once, breaks in cells as spaces, deleted text dropped" {
	python3 - <<'PY'
import zipfile
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
doc = ('<w:document %s><w:body>'
       '<w:p><w:r><w:t>标题</w:t></w:r><w:r><w:tab/><w:t>2021</w:t></w:r></w:p>'
       '<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>收到</w:t><w:br/><w:t>申请</w:t></w:r></w:p></w:tc>'
       '<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p><w:p><w:r><w:t>件</w:t></w:r></w:p></w:tc></w:tr>'
       '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:ins><w:r><w:t>2</w:t></w:r></w:ins>'
       '<w:del><w:r><w:delText>3</w:delText></w:r></w:del></w:p></w:tc></w:tr></w:tbl>'
       '<w:p><w:hyperlink><w:r><w:t>完</w:t></w:r></w:hyperlink></w:p>'
       '</w:body></w:document>' % W)
z = zipfile.ZipFile("t.docx", "w")
z.writestr("[Content_Types].xml", "<Types/>")
z.writestr("word/document.xml", doc)
z.close()
z = zipfile.ZipFile("sheet.xlsx", "w")
z.writestr("[Content_Types].xml", "<Types/>")
z.writestr("xl/workbook.xml", "<workbook/>")
z.close()
PY
	run --separate-stderr -0 gai-normalize --no-name t.docx
	[ "$output" = "$(printf '标题\t2021\n收到 申请\t1 件\n2\n完')" ]
	# A spreadsheet is an Office file too, but not a document read here.
	run --separate-stderr -2 gai-normalize sheet.xlsx
	[ "$stderr" = "gai-normalize: sheet.xlsx: Office file without word/document.xml (a spreadsheet or a presentation?)" ]
}

@test "gai-extract reads the same inputs as raw pages: WARC.gz, zip, PDF, a PNG" {
	mkwarc crawl.warc.gz gz
	gai-normalize crawl.warc.gz 2>/dev/null | gai-extract >want || true
	run --separate-stderr gai-extract crawl.warc.gz
	[ "$stderr" = "gai-extract: crawl.warc.gz: $WARC_SKIPPED" ]
	# The same records, and the encoding each page was read in.
	printf '%s\n' "$output" | grep -v '	meta.encoding	' | diff want -
	[ "$(printf '%s\n' "$output" | grep -c '^http://c.gov.cn/c.html	meta.encoding	GB18030$')" -eq 1 ]
	# A zip member, compressed stdin.
	cp "$GB" a.html && python3 -c 'import zipfile; zipfile.ZipFile("p.zip", "w").write("a.html")'
	gai-extract p.zip | cut -f1 | sort -u >got
	[ "$(cat got)" = "p.zip:a.html" ]
	gai-normalize "$GB" | gai-extract | cut -f2- >want
	gzip -c "$GB" | gai-extract | cut -f2- | grep -v '^meta.encoding' | diff want -
	# A PNG: its one record, exit 2, the next operand read.
	printf '\211PNG\r\n\032\n\0\0\0\rIHDR' >logo.png
	run --separate-stderr -2 gai-extract logo.png "$U8"
	[ "$stderr" = "gai-extract: logo.png: PNG image" ]
	[ "${lines[0]}" = "$(printf 'logo.png\twarn.unreadable\tPNG image')" ]
	[ "$(printf '%s\n' "$output" | cut -f1 | uniq)" = "$(printf '%s\n' logo.png "$U8")" ]
}

@test "gai-extract: a PDF read directly gives the records of its pdftotext text" {
	gai-normalize --version | grep -q '^Reads: .*PDF' || skip "built without poppler-cpp"
	f="$CORPUS/pdf/003_hongze-district-2023.pdf"
	gai-normalize "$f" | gai-extract | cut -f2- >want || true
	gai-extract "$f" | cut -f2- | grep -v '^meta.encoding' >got || true
	grep -v '^meta.encoding' want | diff - got
}
