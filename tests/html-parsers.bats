#!/usr/bin/env bats
# gai-normalize --html-parser: gai's own tokenizer gives the stream 1 that
# libxml2's HTML parser (the oracle) gives, page for page and byte for byte.

load helpers

# Both parsers over the same operands: same output, messages and status.
both_agree() {
	local d=$BATS_TEST_TMPDIR st1=0 st2=0
	gai-normalize -H --html-parser=gai "$@" >"$d/gai" 2>"$d/gai.err" || st1=$?
	gai-normalize -H --html-parser=libxml2 "$@" >"$d/lx" 2>"$d/lx.err" || st2=$?
	[ "$st1" = "$st2" ] || { echo "exit $st1 (gai) vs $st2 (libxml2)"; return 1; }
	cmp -s "$d/gai" "$d/lx" || { diff -u "$d/lx" "$d/gai" | head -40; return 1; }
	cmp -s "$d/gai.err" "$d/lx.err" || { diff -u "$d/lx.err" "$d/gai.err"; return 1; }
	# Not two empty outputs: there was text to read.
	[ "$(wc -l <"$d/gai")" -ge "$MIN_LINES" ]
}

@test "every fixture and example: the same stream 1 from both parsers" {
	mapfile -t files < <(find "$FIX" "$GAI_SRCDIR/examples" -type f | sort)
	[ "${#files[@]}" -ge 100 ]
	MIN_LINES=1000 both_agree "${files[@]}"
}

@test "generated report pages: the same stream 1 from both parsers" {
	python3 "$GAI_SRCDIR/bench/gen_corpus.py" --pages 200 \
	    --out "$BATS_TEST_TMPDIR/corpus" >/dev/null
	MIN_LINES=10000 both_agree "$BATS_TEST_TMPDIR"/corpus/html/*.html
}

@test "randomly broken markup: the same stream 1 from both parsers" {
	python3 "$GAI_SRCDIR/tests/html_broken.py" "$BATS_TEST_TMPDIR/broken" 3000 1
	MIN_LINES=6000 both_agree "$BATS_TEST_TMPDIR"/broken/*.html
}

# Where the two differ on purpose (bench/README.md, "Differences from
# libxml2"): each case with what each parser gives, so that a change in
# either shows here.  Options after the three go to gai-normalize.
differs() {
	local page=$1 want_gai=$2 want_lx=$3
	shift 3
	run -0 --separate-stderr bash -c 'printf %s "$1" | gai-normalize --no-name --html-parser=gai "${@:2}"' _ "$page" "$@"
	[ "$output" = "$want_gai" ] || { echo "gai: $output"; return 1; }
	run -0 --separate-stderr bash -c 'printf %s "$1" | gai-normalize --no-name --html-parser=libxml2 "${@:2}"' _ "$page" "$@"
	[ "$output" = "$want_lx" ] || { echo "libxml2: $output"; return 1; }
}

@test "known differences: where libxml2 2.9 reads a page wrong" {
	# "<!-->" and "<!--->" are empty comments (WHATWG); libxml2 2.9
	# reads on to the next "-->", or drops the rest of the page.
	differs '<p>a<!-->b<p>c-->d' $'ab\nc-->d' 'ad'
	differs '<p>a<!--->b' 'ab' 'a'
	# "<!--!>" and "<!---!>" end no comment (WHATWG); libxml2's look-ahead
	# takes the opening "--" for half of "--!>", reads the comment where
	# only part of it is in (up to the bad byte, a chunk of its own),
	# drops it and shows the rest.  In one chunk both read on to "-->".
	differs $'<html><p>a<!--!>\x85b-->c' 'ac' $'a\uFFFDb-->c' -f UTF-8
	differs $'<html><p>a<!---!>\x85b-->c' 'ac' $'a\uFFFDb-->c' -f UTF-8
	differs $'<html><p>a<!--!>\x85b' 'a' $'a\uFFFDb' -f UTF-8
	differs $'<html><p>a<!--!>b-->c' 'ac' 'ac' -f UTF-8
	# "<!----!>" is a comment (comment end bang state): both agree.
	differs $'<html><p>a<!----!>\x85b' $'a\uFFFDb' $'a\uFFFDb' -f UTF-8
	differs $'<html><p>a<!--x--!>\x85b' $'a\uFFFDb' $'a\uFFFDb' -f UTF-8
	# A control character as the page's last text: libxml2 keeps it.
	p='<p>一个普通的页面，文字足够多，不会被当作二进制数据。</p><p>a<b>'
	differs "$p"$'\x01' $'一个普通的页面,文字足够多,不会被当作二进制数据。\na' \
	    $'一个普通的页面,文字足够多,不会被当作二进制数据。\na\x01'
	# An end tag where no element is open (a page that starts with
	# one, or after <html/>): libxml2 drops the rest of the page.
	differs '</td><table><tr><td>a</td></tr></table>' 'a' ''
	differs '<html/></p><p>a' 'a' ''
	differs '<html/></+a' '+a' ''	# "</" and no name: the same
	# </body> or </html> with attributes: libxml2 drops what follows.
	differs '<p>a</html x><p>b' $'a\nb' 'a'
	# Both are the same for the plain end tags (gai_html.c takes them
	# out before libxml2 sees them, as it does inside another tag).
	differs '<p>a</html><p>b' $'a\nb' $'a\nb'
	differs '<p>a<b</body>&#65;' 'aA' 'a'
	# A </head> after a misplaced <html> or <body>: libxml2 counts them
	# with the misplaced <head>s and leaves as many </head> unread, so
	# what follows stays in <head> (a browser ends <head> at the <t>).
	differs '<html><html><head><t></head>x' 'x' ''
	differs '<html><body><body/><head><t></head>x' 'x' ''
	# ... where nothing is open inside that <head>, only what does not
	# end it there differs (a '<' read as text, not a <p> or text).
	differs '<html><html><head></head><<p>x' $'<\nx' 'x'
	differs '<html><html><head><title>t</title></head>x<p>y' $'t\nx\ny' $'t\nx\ny'
	# A '>' in a DOCTYPE's quoted id ends it (WHATWG's
	# abrupt-doctype-public-identifier); libxml2 reads to the quote.
	differs '<html><!DOCTYPE html PUBLIC "a>b">x' 'b">x' 'x'
	differs "<html><!doctype html system 'a>b'>x" "b'>x" 'x'
	# A quote libxml2's look-ahead for a tag's '>' pairs otherwise (a
	# junk '"' after the name, one in an unquoted value): it cuts the
	# last quoted value where its input ends, here at the bad byte.
	differs $'<html><s" h=">\x85x" y>text' 'text' $'\uFFFDx" y>text' -f UTF-8
	differs $'<html><p>a<s h=a"b c=">\x85x" y>z' 'az' $'a\uFFFDx" y>z' -f UTF-8
	differs $'<html><p>a<s h=a c=">\x85x" y>z' 'az' 'az' -f UTF-8
	# "<?." and a '>': a bogus comment to a browser, as to gai; libxml2
	# takes no PI target that starts with '.' and shows the rest.
	differs '<html><p>a<?.x>y' 'ay' 'a.x>y'
	differs '<html><p>a<?x.>y' 'ay' 'ay'
	# An attribute name past 100 characters: libxml2 reads it in pieces
	# of 100, and one that starts with a digit or '-' it skips as junk,
	# the '=' and the value with it, to a blank or a '>', even one in the
	# quotes; gai, like a browser, reads the whole name and the value.
	local z
	z=$(printf '0%.0s' {1..99})
	differs "<html><p>a<h o${z}0='>-l'>y" 'ay' "a-l'>y"
	differs "<html><p>a<h o${z}- = '>-l" 'a' 'a-l'
	differs "<html><p>a<h o${z}='>-l" 'a' 'a'
	differs "<html><p>a<h o${z}x='>-l'>y" 'ay' 'ay'
	differs "<html><p>a<h o${z}0 b='>-l'>y" 'ay' 'ay'
	# A <style> or <script> whose content libxml2 read from a "</" to the
	# end of a chunk (here cut at the bad byte): it takes the next
	# chunk's "</p>" for an end tag, or reads "</sty" and the bad byte
	# as one up to the "</style>"; a browser, like gai, ends it at
	# "</style".
	differs $'<html>t<style></\x85</p>l' 't' $'t\nl' -f UTF-8
	differs $'<html><p>t<style></p></sty\x85</style>l' 'tl' 't' -f UTF-8
	differs $'<html>t<style>a</\x85</p>l' 't' 't' -f UTF-8
	differs $'<html>t<style></\x85</style>l' 'tl' 'tl' -f UTF-8
	# The fuzz target's find without its "<html>": a page that starts
	# with text and a tag gai-normalize does not look for is text.
	local page want
	page=$(cat "$GAI_SRCDIR/tests/fuzz/regress/diff_html-long-attr-name")
	want=$(printf %s "$page" | LC_ALL=C sed $'s/\xe5\xba/\uFFFD\uFFFD/')
	[[ $want == $'a\uFFFD\uFFFD<h o:n'* ]]
	differs "$page" "$want" "$want" -f UTF-8
}

# The cases the differential fuzzer (tests/fuzz/diff_html.c) found.
@test "fuzz finds: a '&' that ends the page, after text and after markup" {
	differs '<html>&' '' ''
	differs '<p>x&' 'x&' 'x&'
	differs '<p>a&amp;&' 'a&&' 'a&&'
	differs '<p>a<b>&' 'a' 'a'
}

@test "fuzz finds: a '<!' cut by the end of the page is lost" {
	differs '<html><!x' '' ''
	differs '<html><<!x' '<' '<'
	differs '<p>a<!' 'a' 'a'
}

@test "fuzz finds: a processing instruction cut by the end of the page" {
	differs '<body><?x' 'x' 'x'
	differs '<p>a<?xyz abc' 'a' 'a'
	differs '<p>a<?xy>z' 'az' 'az'
	differs '<p>a<?¬b' 'a¬b' 'a¬b'
	differs '<p>a<?中文 x>b' 'ab' 'ab'
	# A letter outside the Han block: a known difference.
	differs '<p>a<?é x>b' 'aé x>b' 'ab'
}

@test "--html-parser takes gai or libxml2 and nothing else" {
	run -2 --separate-stderr gai-normalize --html-parser=lxml </dev/null
	[[ "$stderr" == *"--html-parser: 'lxml' is neither gai nor libxml2"* ]]
	run -0 gai-normalize --no-name --html-parser=libxml2 <<<'<p>x'
	[ "$output" = x ]
}
