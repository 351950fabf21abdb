#!/bin/sh
# SPDX-License-Identifier: MIT
# bench/run.sh: measure the gai tools on a generated corpus against iconv and Python.
#
# Run from the build directory (make bench does; it builds first).  Builds
# nothing.  Environment:
#   BENCH_PAGES  pages in the corpus (default: gen_corpus.py's default)
#   BENCH_RUNS   runs per measurement, the median is reported (default 3)
#   BENCH_OUT    where the corpus and results go (default $srcdir/bench/out)
#   PYTHON       the Python with lxml (default /usr/bin/python3)
#   BENCH_N      FILE operands per process for the HTML runs (default 5000)
#   BENCH_BODIES, BENCH_YEARS  gai-check at scale: reports of BODIES bodies
#                over YEARS years (default 100000 and 10: 10^6 reports)
#   BENCH_ONE    gai-check at scale: reports of one body (default 100000)

set -u
LC_ALL=C
export LC_ALL

builddir=$(pwd)
srcdir=$(cd "$(dirname "$0")/.." && pwd)
bench=$srcdir/bench
out=${BENCH_OUT:-$bench/out}
runs=${BENCH_RUNS:-3}
py=${PYTHON:-/usr/bin/python3}
nargs=${BENCH_N:-5000}

mkdir -p "$out" || exit 2
out=$(cd "$out" && pwd)
work=$out/work
mkdir -p "$work" || exit 2
results=$out/results.txt
tsv=$work/results.tsv
: >"$tsv"

say() { printf '%s\n' "$*"; }

# ---- corpus ---------------------------------------------------------------
gen_args=
if [ -n "${BENCH_PAGES:-}" ]; then
	gen_args="--pages $BENCH_PAGES"
fi
gen_info=$("$py" -B -c "import sys; sys.path.insert(0, '$bench'); import gen_corpus as g; print(g.DEFAULT_PAGES, g.GEN_VERSION)") || exit 2
want_pages=${BENCH_PAGES:-${gen_info% *}}
want_version=${gen_info#* }
have_pages=$(awk -F'\t' '$1 == "pages" { print $2 }' "$out/MANIFEST" 2>/dev/null)
have_version=$(awk -F'\t' '$1 == "version" { print $2 }' "$out/MANIFEST" 2>/dev/null)
if [ "$have_pages" != "$want_pages" ] || [ "$have_version" != "$want_version" ] ||
    [ ! -d "$out/html" ]; then
	say "bench: generating the corpus ($want_pages pages) in $out"
	rm -rf "$out/html" "$out/text" "$out/expected.tsv" "$out/MANIFEST"
	# shellcheck disable=SC2086
	"$py" "$bench/gen_corpus.py" $gen_args --out "$out" || exit 2
fi
manifest() { awk -F'\t' -v k="$1" '$1 == k { print $2 }' "$out/MANIFEST"; }
pages=$(manifest pages)
html_bytes=$(manifest html_bytes)
gb_bytes=$(manifest text_gb18030_bytes)

cd "$out" || exit 2
find html -name '*.html' | sort >"$work/html.list"
find text/gb18030 -name '*.txt' | sort >"$work/gb1.list"
# The text corpus is small (a page's text is a sixth of its HTML): pass its
# file list several times over so that each run reads at least 100 MB and
# the timing is not lost in process start-up.  Both tools get the same list.
reps=$(awk -v b="$gb_bytes" 'BEGIN { r = int(1e8 / b) + 1; print (r < 1 ? 1 : r) }')
: >"$work/gb.list"
_i=0
while [ "$_i" -lt "$reps" ]; do
	cat "$work/gb1.list" >>"$work/gb.list"
	_i=$((_i + 1))
done
gb_total=$((gb_bytes * reps))
# The same text as one file, given $reps times: the tools' speed without the
# cost of opening a file and starting a document for each page.
xargs cat <"$work/gb1.list" >"$work/gb_all.txt"
gb_all_ops=
_i=0
while [ "$_i" -lt "$reps" ]; do
	gb_all_ops="$gb_all_ops '$work/gb_all.txt'"
	_i=$((_i + 1))
done

# ---- measuring --------------------------------------------------------------
# measure NAME BYTES PAGES UNITS COMMAND: run COMMAND (sh -c, in $out)
# $runs times; record the median wall time and the peak RSS of its largest
# process (GNU time's %M, else getrusage(RUSAGE_CHILDREN) through Python).
if [ "${BENCH_TIMER:-}" != python ] && [ -x /usr/bin/time ] &&
    /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
	timer=gnu
else
	timer=python
fi

run_once() {	# run_once COMMAND: prints "SECONDS KB STATUS CPU-SECONDS"
	if [ "$timer" = gnu ]; then
		_t0=$(date +%s%N)
		/usr/bin/time -f '%M %U %S' -o "$work/mem" sh -c "$1"
		_st=$?
		_t1=$(date +%s%N)
		tail -n 1 "$work/mem" | awk -v a="$_t0" -v b="$_t1" -v st="$_st" \
		    '{ printf "%.4f %s %s %.4f\n", (b - a) / 1e9, $1, st, $2 + $3 }'
	else
		# The child is forked from Python: its peak counts Python's own
		# pages (about 10 MB) until it execs the command.
		"$py" -c '
import resource, subprocess, sys, time
t0 = time.perf_counter()
st = subprocess.call(["sh", "-c", sys.argv[1]])
t1 = time.perf_counter()
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.4f %d %d %.4f" % (t1 - t0, ru.ru_maxrss, st,
      ru.ru_utime + ru.ru_stime))' "$1"
	fi
}

measure() {	# measure NAME BYTES UNITS COUNT COMMAND
	_name=$1 _bytes=$2 _units=$3 _count=$4 _cmd=$5
	say "bench: $_name: $_cmd"
	: >"$work/runs"
	_i=0
	while [ "$_i" -lt "$runs" ]; do
		run_once "$_cmd" >>"$work/runs"
		_i=$((_i + 1))
	done
	sort -n "$work/runs" | awk -v n="$runs" -v name="$_name" \
	    -v bytes="$_bytes" -v units="$_units" -v count="$_count" '
		BEGIN { kb = 0; st = 0; cpu = -1 }
		{ t[NR] = $1; kb = ($2 > kb ? $2 : kb); if ($3 > st) st = $3
		  if (cpu < 0 || $4 < cpu) cpu = $4
		  all = all (NR > 1 ? " " : "") $1 }
		END {
			m = t[int((n + 1) / 2)]
			if (m <= 0) m = 0.0001
			if (cpu <= 0) cpu = 0.0001
			printf "%s\t%.3f\t%.1f\t%.1f\t%s\t%.1f\t%s\t%s\t%.3f\t%.1f\t%.1f\n",
			    name, m, bytes / 1e6 / m, count / m, units, kb / 1024,
			    st, all, cpu, bytes / 1e6 / cpu, count / cpu
		}' >>"$tsv"
	tail -n 1 "$tsv" | awk -F'\t' '{ printf "bench:   median %.3f s (runs %s), %.1f MB/s, %.1f %s/s, %.1f MB peak, status %s; best CPU %.3f s, %.1f MB/s\n", $2, $8, $3, $4, $5, $6, $7, $9, $10 }'
}

skip() {	# skip NAME TOOL
	say "bench: $1: skipped: $2 not built"
	printf '%s\tskipped: %s not built\n' "$1" "$2" >>"$tsv"
}

have() { [ -x "$builddir/$1" ]; }
g() { printf '%s' "$builddir/$1"; }

ratio() {	# ratio A B: A's MB/s over B's, or "-"
	awk -F'\t' -v a="$1" -v b="$2" '
		$1 == a && NF > 3 { x = $3 } $1 == b && NF > 3 { y = $3 }
		END { if (x != "" && y != "" && y > 0) printf "%.2f", x / y; else printf "-" }' "$tsv"
}
cratio() {	# cratio A B: A's MB/s over B's, both by CPU time, or "-"
	awk -F'\t' -v a="$1" -v b="$2" '
		$1 == a && NF > 9 { x = $10 } $1 == b && NF > 9 { y = $10 }
		END { if (x != "" && y != "" && y > 0) printf "%.2f", x / y; else printf "-" }' "$tsv"
}
field() {	# field NAME COLUMN
	awk -F'\t' -v a="$1" -v c="$2" '$1 == a && NF > 3 { print $c }' "$tsv"
}

# Records of a record file whose key expected.tsv has with another value.
wrong() {
	awk -F'\t' 'NR == FNR { want[$1 FS $2] = $3; next }
		($1 FS $2) in want && want[$1 FS $2] != $3 { n++ }
		END { printf "%d", n }' expected.tsv "$1"
}

# Correct records: those of expected.tsv found byte for byte in a record file.
accuracy() {
	if [ -s "$1" ]; then
		awk -F'\t' 'NR == FNR { want[$0] = 1; n++; next }
			($0 in want) { got++; delete want[$0] }
			END { printf "%d/%d (%.2f%%)", got, n, n ? 100 * got / n : 0 }' \
		    expected.tsv "$1"
	else
		printf -- '-'
	fi
}

# ---- 1. plain text: gai-normalize vs iconv ------------------------------------
measure "text: iconv -f GB18030" "$gb_total" pages "$((pages * reps))" \
    "xargs -n $nargs iconv -f GB18030 -t UTF-8 <'$work/gb.list' >/dev/null"
if have gai-normalize; then
	measure "text: gai-normalize" "$gb_total" pages "$((pages * reps))" \
	    "xargs -n $nargs '$(g gai-normalize)' <'$work/gb.list' >/dev/null 2>'$work/text.gai.err'"
	measure "text: gai-normalize -f" "$gb_total" pages "$((pages * reps))" \
	    "xargs -n $nargs '$(g gai-normalize)' -f GB18030 <'$work/gb.list' >/dev/null 2>'$work/text.gaif.err'"
else
	skip "text: gai-normalize" gai-normalize
fi
measure "text1: iconv -f GB18030" "$gb_total" pages "$((pages * reps))" \
    "iconv -f GB18030 -t UTF-8 $gb_all_ops >/dev/null"
if have gai-normalize; then
	measure "text1: gai-normalize" "$gb_total" pages "$((pages * reps))" \
	    "'$(g gai-normalize)' $gb_all_ops >/dev/null 2>'$work/text1.gai.err'"
else
	skip "text1: gai-normalize" gai-normalize
fi

# ---- 2. HTML pages: gai-normalize vs Python (lxml) ----------------------------
measure "html: python lxml" "$html_bytes" pages "$pages" \
    "xargs -n $nargs '$py' '$bench/baseline_normalize.py' <'$work/html.list' >'$work/norm.py.txt' 2>'$work/norm.py.err'"
if have gai-normalize; then
	measure "html: gai-normalize" "$html_bytes" pages "$pages" \
	    "xargs -n $nargs '$(g gai-normalize)' <'$work/html.list' >'$work/norm.gai.txt' 2>'$work/norm.gai.err'"
	norm=$work/norm.gai.txt
else
	skip "html: gai-normalize" gai-normalize
	norm=$work/norm.py.txt
fi
norm_bytes=$(wc -c <"$norm")

# ---- 2b. the same pages as a crawl stores them: one WARC.gz ---------------------
# A request and a response record per page, a gzip member per record: what
# gai-normalize reads compressed, against the same pages as files (above).
warc=$work/crawl.warc.gz
if [ ! -s "$warc" ] || [ "$work/html.list" -nt "$warc" ]; then
	"$py" "$bench/mkwarc.py" "$work/html.list" "$warc" || exit 2
fi
if have gai-normalize; then
	measure "warc.gz: gai-normalize" "$html_bytes" pages "$pages" \
	    "'$(g gai-normalize)' '$warc' >'$work/norm.warc.txt' 2>'$work/norm.warc.err'"
	# The same text as the files give, document for document.
	grep -v "$(printf '^\f')" "$work/norm.warc.txt" >"$work/norm.warc.body"
	grep -v "$(printf '^\f')" "$work/norm.gai.txt" >"$work/norm.files.body" 2>/dev/null
	if cmp -s "$work/norm.warc.body" "$work/norm.files.body"; then
		warc_same=yes
	else
		warc_same=NO
	fi
	warc_docs=$(grep -c "$(printf '^\f')" "$work/norm.warc.txt")
else
	skip "warc.gz: gai-normalize" gai-normalize
	warc_same=- warc_docs=-
fi
warc_bytes=$(wc -c <"$warc")

# ---- 3. extraction: gai-extract vs Python regex -------------------------------
measure "extract: python regex" "$norm_bytes" pages "$pages" \
    "'$py' '$bench/baseline_extract.py' '$norm' >'$work/recs.py.tsv'"
if have gai-extract; then
	measure "extract: gai-extract" "$norm_bytes" pages "$pages" \
	    "'$(g gai-extract)' '$norm' >'$work/recs.gai.tsv' 2>'$work/recs.gai.err'"
	recs=$work/recs.gai.tsv
else
	skip "extract: gai-extract" gai-extract
	recs=$work/recs.py.tsv
fi
recs_bytes=$(wc -c <"$recs")
recs_lines=$(wc -l <"$recs")
# The same text glued as a crawler's textContent glues it: no TAB, every
# document on one line (its header line kept).
awk 'BEGIN { ORS = "" }
	/^\f/ { if (body) print "\n"; print $0 "\n"; body = 0; next }
	{ gsub(/\t/, ""); print; body = 1 }
	END { if (body) print "\n" }' "$norm" >"$work/glued.txt"
glued_bytes=$(wc -c <"$work/glued.txt")
if have gai-extract; then
	measure "extract: gai-extract glued" "$glued_bytes" pages "$pages" \
	    "'$(g gai-extract)' '$work/glued.txt' >'$work/recs.glued.tsv' 2>'$work/recs.glued.err'"
else
	skip "extract: gai-extract glued" gai-extract
fi
# ---- 4. gai-check, gai-tsv ----------------------------------------------------
if have gai-check; then
	measure "check: gai-check" "$recs_bytes" records "$recs_lines" \
	    "'$(g gai-check)' '$recs' >'$work/checked.tsv' 2>'$work/checked.err'"
	checked=$work/checked.tsv
else
	skip "check: gai-check" gai-check
	checked=$recs
fi
if have gai-tsv; then
	measure "tsv: gai-tsv --wide" "$(wc -c <"$checked")" records \
	    "$(wc -l <"$checked")" \
	    "'$(g gai-tsv)' --wide '$checked' >'$work/wide.tsv' 2>'$work/wide.err'"
	measure "tsv: gai-tsv --long" "$(wc -c <"$checked")" records \
	    "$(wc -l <"$checked")" \
	    "'$(g gai-tsv)' --long '$checked' >'$work/long.tsv' 2>'$work/long.err'"
else
	skip "tsv: gai-tsv --wide" gai-tsv
fi

# ---- 5. the whole pipeline ------------------------------------------------------
# The careful Python scraper: charset, lxml.html, the three tables read
# through a rowspan/colspan grid (what a user would run instead of gai).
measure "scraper: python lxml" "$html_bytes" pages "$pages" \
    "xargs -n $nargs '$py' '$bench/scraper.py' <'$work/html.list' >'$work/scraper.py.tsv' 2>'$work/scraper.py.err'"
if have gai-normalize && have gai-extract && have gai-check && have gai-tsv &&
    command -v taskset >/dev/null; then
	measure "pipeline: gai, 1 core" "$html_bytes" pages "$pages" \
	    "taskset -c 0 sh -c \"xargs -n $nargs '$(g gai-normalize)' <'$work/html.list' | '$(g gai-extract)' | '$(g gai-check)' | '$(g gai-tsv)' --wide >'$work/pipe1.gai.tsv' 2>'$work/pipe1.gai.err'\""
fi
measure "pipeline: python" "$html_bytes" pages "$pages" \
    "xargs -n $nargs '$py' '$bench/baseline_normalize.py' <'$work/html.list' | '$py' '$bench/baseline_extract.py' >'$work/pipe.py.tsv' 2>/dev/null"
if have gai-normalize && have gai-extract && have gai-check && have gai-tsv; then
	measure "pipeline: gai" "$html_bytes" pages "$pages" \
	    "xargs -n $nargs '$(g gai-normalize)' <'$work/html.list' | '$(g gai-extract)' | '$(g gai-check)' | '$(g gai-tsv)' --wide >'$work/pipe.gai.tsv' 2>'$work/pipe.gai.err'"
else
	for t in gai-normalize gai-extract gai-check gai-tsv; do
		have "$t" || { skip "pipeline: gai" "$t"; break; }
	done
fi

# ---- 6. one large document: peak memory against its size ----------------------
# A 100 MB stream-1 document on one line (#11 item 10: within twice the
# document plus a constant); --max-size=0 lets it through whole.
big=$work/big-one-line.txt
[ -s "$big" ] || { printf '\fbig\n'; head -c 100000000 /dev/zero | tr '\0' a; echo; } >"$big"
for t in gai-normalize gai-extract; do
	if have "$t"; then
		measure "big doc: $t" "$(wc -c <"$big")" docs 1 \
		    "'$(g "$t")' --max-size=0 '$big' >/dev/null 2>&1; [ \$? -le 1 ]"
	else
		skip "big doc: $t" "$t"
	fi
done
# gai-extract keeps a token per cell: the same against the corpus's text
# as one report, and tables of tiny cells (one per two bytes) in rows of
# ten and one a line, each the size of norm.txt.
awk 'NR == 1 { print "\fbig.txt" } !/^\f/' "$norm" >"$work/big-report.txt"
awk -v n="$norm_bytes" 'BEGIN { print "\ftiny.txt"; for (i = 0; i < n / 20; i++)
	print "1\t2\t3\t4\t5\t6\t7\t8\t9\t0" }' >"$work/big-tiny.txt"
awk -v n="$norm_bytes" 'BEGIN { print "\ftiny1.txt"; for (i = 0; i < n / 2; i++)
	print "1" }' >"$work/big-tiny1.txt"
# and as many bytes of lines of a word, and of lines of one blank cell
awk -v n="$norm_bytes" 'BEGIN { print "\fwords.txt"; for (i = 0; i < n / 2; i++)
	print "a" }' >"$work/big-words.txt"
awk -v n="$norm_bytes" 'BEGIN { print "\fblanks.txt"; for (i = 0; i < n / 3; i++)
	print "||" }' >"$work/big-blanks.txt"
for shape in report tiny tiny1 words blanks; do
	if have gai-extract; then
		measure "big doc: gai-extract, $shape" \
		    "$(wc -c <"$work/big-$shape.txt")" docs 1 \
		    "'$(g gai-extract)' --max-size=0 '$work/big-$shape.txt' >/dev/null 2>&1; [ \$? -le 1 ]"
	else
		skip "big doc: gai-extract, $shape" gai-extract
	fi
done
# A 100 MB raw HTML page, as table rows and as one run of text, through
# gai-normalize with each HTML parser: libxml2's push parser holds a run of
# text whole until the next '<' (gai-normalize(1), --html-parser).
for shape in rows run; do
	page=$work/big-$shape.html
	[ -s "$page" ] || "$py" -c '
import sys
row = "<tr><td>行政许可事项</td><td>1234</td><td><p>说明,共计若干件。</p></td></tr>\n"
n = 100000000 // len(row.encode())
body = row * n if sys.argv[1] == "rows" else "数据" * (n * len(row.encode()) // 6)
sys.stdout.write("<html><head><title>t</title></head><body><table>\n" + body +
    "</table></body></html>\n")' "$shape" >"$page"
	for p in gai libxml2; do
		if have gai-normalize; then
			measure "big HTML ($shape): gai-normalize --html-parser=$p" \
			    "$(wc -c <"$page")" docs 1 \
			    "'$(g gai-normalize)' --html-parser=$p --max-size=0 '$page' >/dev/null"
		else
			skip "big HTML ($shape): gai-normalize --html-parser=$p" gai-normalize
		fi
	done
done

# ---- 7. traditional text: gai-normalize --simplified vs OpenCC -----------------
# The corpus's traditional pages as stream 1 (their text files), read as one
# file by opencc, which is slow, and by gai-normalize enough times over to
# read 100 MB.
sed 's,^text/gb18030/,text/utf8/,' "$work/gb1.list" |
    xargs grep -l '報告' >"$work/trad.list"
xargs cat <"$work/trad.list" >"$work/trad.txt"
trad_bytes=$(wc -c <"$work/trad.txt")
trad_pages=$(wc -l <"$work/trad.list")
treps=$(awk -v b="$trad_bytes" 'BEGIN { print (b > 0 ? int(1e8 / b) + 1 : 1) }')
trad_ops=
_i=0
while [ "$_i" -lt "$treps" ]; do
	trad_ops="$trad_ops '$work/trad.txt'"
	_i=$((_i + 1))
done
if [ "$trad_bytes" -gt 0 ] && have gai-normalize; then
	measure "trad: gai-normalize" "$((trad_bytes * treps))" pages \
	    "$((trad_pages * treps))" \
	    "'$(g gai-normalize)' $trad_ops >/dev/null"
	measure "trad: gai-normalize --simplified" "$((trad_bytes * treps))" \
	    pages "$((trad_pages * treps))" \
	    "'$(g gai-normalize)' --simplified $trad_ops >/dev/null"
else
	skip "trad: gai-normalize --simplified" gai-normalize
fi
if [ "$trad_bytes" -gt 0 ] && command -v opencc >/dev/null; then
	measure "trad: opencc -c t2s.json" "$trad_bytes" pages "$trad_pages" \
	    "opencc -c t2s.json -i '$work/trad.txt' -o /dev/null"
else
	say "bench: trad: opencc -c t2s.json: skipped: no opencc (apt-get install opencc)"
	printf '%s\tskipped: no opencc\n' "trad: opencc -c t2s.json" >>"$tsv"
fi

# ---- 8. gai-check at scale: many bodies over years; many reports of one -------
# Generated stream 2 (bench/gen_check.awk, kept in work/ between runs): the
# year-over-year memory is what grows with a national crawl.  One run each.
bodies=${BENCH_BODIES:-100000}
years=${BENCH_YEARS:-10}
one=${BENCH_ONE:-100000}
scale=$work/check-scale-$bodies-$years.tsv
onef=$work/check-one-$one.tsv
[ -s "$scale" ] || awk -v BODIES="$bodies" -v YEARS="$years" \
    -f "$bench/gen_check.awk" >"$scale" || exit 2
[ -s "$onef" ] || awk -v ONE="$one" -f "$bench/gen_check.awk" >"$onef" || exit 2
if have gai-check; then
	_runs=$runs
	runs=1
	measure "check: $((bodies * years)) reports, $bodies bodies" \
	    "$(wc -c <"$scale")" reports "$((bodies * years))" \
	    "'$(g gai-check)' '$scale' >/dev/null"
	measure "check: $one reports, one body" "$(wc -c <"$onef")" reports \
	    "$one" "'$(g gai-check)' '$onef' >/dev/null"
	runs=$_runs
else
	skip "check: at scale" gai-check
fi

# ---- report ---------------------------------------------------------------------
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
ver() { if have "$1"; then "$(g "$1")" --version 2>/dev/null | head -n 1; else printf '%s: not built\n' "$1"; fi; }
lxml=$("$py" -c 'import lxml.etree as e; print(".".join(map(str, e.LXML_VERSION)))' 2>/dev/null)

{
	say "gai benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
	say ""
	say "Machine: $(nproc) cores, $cpu, $mem, $(uname -sr)"
	rev=$(git -C "$srcdir" describe --always --dirty 2>/dev/null || printf 'unknown')
	say "Source:  $srcdir at $rev"
	say "Tools:   $(ver gai-normalize); $(ver gai-extract); $(ver gai-check); $(ver gai-tsv)"
	say "         $(iconv --version 2>&1 | head -n 1); $("$py" --version 2>&1), lxml $lxml"
	say "Corpus:  $pages pages, HTML $(awk -v b="$html_bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }')" \
	    "($(awk -F'\t' '$1 ~ /^html_.*_pages$/ { sub(/^html_/, "", $1); sub(/_pages$/, "", $1); printf "%s%s %s", s, $2, $1; s = ", " }' MANIFEST));" \
	    "text $(awk -v b="$gb_bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }') GB18030 (read ${reps}x in the text runs);" \
	    "normalized $(awk -v b="$norm_bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }');" \
	    "$recs_lines records"
	say "Method:  each command $runs times over the whole corpus, median wall time and"
	say "         best (least) CPU time, user + sys of all its processes; the targets"
	say "         are judged on CPU time, which a shared machine disturbs least."
	say "         MB/s of input bytes (MB = 10^6 B); peak = max RSS of the largest process."
	say ""
	printf '%-24s %9s %9s %17s %8s %8s %17s %8s %6s  %s\n' measurement seconds 'MB/s' 'items/s' 'CPU s' 'CPU MB/s' 'items/CPU s' 'peak MB' status 'runs (s)'
	awk -F'\t' '
		NF > 3 { printf "%-24s %9.3f %9.1f %17s %8.3f %8.1f %17s %8.1f %6s  %s\n", $1, $2, $3, sprintf("%.0f %s", $4, $5), $9, $10, sprintf("%.0f %s", $11, $5), $6, $7, $8; next }
		{ printf "%-24s %s\n", $1, $2 }' "$tsv"
	say ""
	say "Ratios (MB/s over MB/s) and targets:"
	r=$(ratio "text: gai-normalize" "text: iconv -f GB18030")
	say "  text   gai-normalize / iconv      $r   (target >= 0.5; a file per page)"
	r=$(ratio "text: gai-normalize -f" "text: iconv -f GB18030")
	say "  text   gai-normalize -f GB18030 / iconv  $r   (no detection)"
	r=$(ratio "text1: gai-normalize" "text1: iconv -f GB18030")
	say "  text1  gai-normalize / iconv      $r   (the text as one file)"
	r=$(ratio "html: gai-normalize" "html: python lxml")
	say "  html   gai-normalize / Python     $r   (target >= 3)"
	r=$(ratio "warc.gz: gai-normalize" "html: gai-normalize")
	say "  warc.gz gai-normalize / the same pages as files  $r   ($warc_docs documents from a $(awk -v b="$warc_bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }') WARC.gz; same text as the files: $warc_same)"
	r=$(ratio "extract: gai-extract" "extract: python regex")
	say "  extract gai-extract / Python      $r   (target >= 20; and >= 50 MB/s: $(field "extract: gai-extract" 3))"
	say "  extract gai-extract, glued text   $(field "extract: gai-extract glued" 3) MB/s   (target >= 50)"
	say "  extract peak memory: $(field "big doc: gai-extract, report" 6) MB for one $(awk -v b="$(wc -c <"$work/big-report.txt")" 'BEGIN { printf "%.1f", b / 1e6 }') MB report, $(field "big doc: gai-extract, tiny" 6) MB for as much of tiny cells in rows of ten, $(field "big doc: gai-extract, tiny1" 6) MB one a line, $(field "big doc: gai-extract, words" 6) MB of lines of a word, $(field "big doc: gai-extract, blanks" 6) MB of blank cells   (target <= 2x + a constant)"
	r=$(ratio "pipeline: gai" "pipeline: python")
	say "  pipeline gai / Python (norm+extract only) $r"
	r=$(cratio "trad: gai-normalize --simplified" "trad: opencc -c t2s.json")
	say "  trad   gai-normalize --simplified / opencc $r by CPU time   (target >= 200 MB/s: $(field "trad: gai-normalize --simplified" 10) MB/s of CPU time, $(field "trad: gai-normalize --simplified" 3) wall)"
	_peak=$(field "check: $((bodies * years)) reports, $bodies bodies" 6)
	if [ -n "$_peak" ]; then
		say "  check  peak memory per body-year: $(awk -v m="$_peak" -v n="$((bodies * years))" 'BEGIN { printf "%.0f", m * 1048576 / n }') bytes (target <= 200; the whole process), $(field "check: $((bodies * years)) reports, $bodies bodies" 11) reports/CPU s; one body: $(field "check: $one reports, one body" 11) reports/CPU s"
	fi
	say ""
	say "Issue #12 targets, on CPU time (best of $runs runs):"
	say "  html   gai-normalize                 $(field "html: gai-normalize" 10) MB/s   (target >= 200)"
	say "  text   gai-normalize / iconv          $(cratio "text: gai-normalize" "text: iconv -f GB18030")   (target >= 0.8; -f GB18030: $(cratio "text: gai-normalize -f" "text: iconv -f GB18030"))"
	say "  pipeline, 1 core / Python scraper     $(cratio "pipeline: gai, 1 core" "scraper: python lxml")   (target >= 5)"
	# Two cores: the four stages overlap, so the pipeline takes at least
	# half its CPU time and at least the CPU time of its slowest stage.
	two=$(awk -F'\t' -v b="$html_bytes" '
		$1 == "pipeline: gai, 1 core" { tot = $9 }
		$1 == "html: gai-normalize" || $1 == "extract: gai-extract" ||
		$1 == "check: gai-check" || $1 == "tsv: gai-tsv --wide" { if ($9 > mx) mx = $9 }
		$1 == "scraper: python lxml" { py = $10 }
		END { t = tot / 2 > mx ? tot / 2 : mx
		      if (t > 0 && py > 0) printf "%.2f", b / 1e6 / t / py; else printf "-" }' "$tsv")
	say "  pipeline, 2 cores / Python scraper    $two   (target >= 8; from CPU: max(total/2, slowest stage))"
	say "  pipeline, 2 cores, wall / scraper     $(ratio "pipeline: gai" "scraper: python lxml")   (median wall time, shared machine)"
	# Records per CPU second: what gai-extract writes against what each
	# later stage takes, and the ratio (target: each above 1).
	ex=$(awk -v r="$recs_lines" -v c="$(field "extract: gai-extract" 9)" \
	    'BEGIN { if (c > 0) printf "%.0f", r / c; else printf "-" }')
	say "  records/CPU s: gai-extract writes $ex; taken by   (target: each faster, ratio > 1)"
	for m in "check: gai-check" "tsv: gai-tsv --wide" "tsv: gai-tsv --long"; do
		say "    $(printf '%-20s' "${m#*: }") $(awk -v x="$(field "$m" 11)" -v e="$ex" \
		    'BEGIN { if (x > 0 && e > 0) printf "%.0f, %.2fx gai-extract", x, x / e; else printf "-" }')"
	done
	say "  gai-extract $(field "extract: gai-extract" 10) MB/s   (target >= 150)"
	say ""
	say "Correct records (of expected.tsv, byte for byte):"
	say "  baseline_extract.py on $(basename "$norm"):  $(accuracy "$work/recs.py.tsv")"
	if have gai-extract; then
		say "  gai-extract on $(basename "$norm"):  $(accuracy "$work/recs.gai.tsv")"
		say "  gai-extract on the same text glued:  $(accuracy "$work/recs.glued.tsv"), $(wrong "$work/recs.glued.tsv") values other than expected (target 0)"
	fi
	say "  Python pipeline (baseline_normalize | baseline_extract):  $(accuracy "$work/pipe.py.tsv")"
	say "  scraper.py: $(wc -l <"$work/scraper.py.tsv" 2>/dev/null || echo 0) table rows of $(cut -f1,2 "$work/scraper.py.tsv" 2>/dev/null | sort -u | wc -l) tables"
	for f in text.gai text.gaif text1.gai norm.gai norm.warc recs.gai recs.glued checked wide long pipe.gai pipe1.gai scraper.py; do
		if [ -s "$work/$f.err" ]; then
			say "  $f: $(wc -l <"$work/$f.err") diagnostic lines (first: $(head -n 1 "$work/$f.err"))"
		fi
	done
	if have gai-check && [ -s "$work/checked.tsv" ]; then
		say "  gai-check: $(awk -F'\t' '$2 ~ /^check\./ { n++; if ($3 ~ /^fail/) f++; if ($3 ~ /^skip/) k++ } END { printf "%d check records, %d failed, %d skipped", n, f, k }' "$work/checked.tsv")"
	fi
} >"$results"
say ""
cat "$results"
