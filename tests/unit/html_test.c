/* SPDX-License-Identifier: MIT */
/* html_test: gai_html against hand-written goldens, in any chunking. */
#include <config.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "gai_buf.h"
#include "gai_encoding.h"
#include "gai_error.h"
#include "gai_html.h"
#include "unit.h"

/* Every test runs once with each parser: both must give the goldens. */
static enum gai_html_parser parser;

static void
failf(const char *what, const char *why)
{
	fprintf(stderr, "FAIL (%s): %s: %s\n",
	    parser == GAI_HTML_OWN ? "gai" : "libxml2", what, why);
	unit_failures++;
}

static int
slurp(const char *path, struct gai_buf *b)
{
	char chunk[65536];
	size_t n;
	FILE *f;

	gai_buf_clear(b);
	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		gai_buf_append(b, chunk, n);
	fclose(f);
	return 0;
}

/*
 * Run page through gai_html in chunks of step bytes (0: one chunk).  Like
 * gai-normalize, take what is in out after every feed and clear it, so a
 * parser that kept pointers into out or wrote half lines would show.  map,
 * when not NULL, gets the page line of each line written.
 */
static int
convert_map(const char *page, size_t n, size_t step, struct gai_buf *got,
    struct gai_html_lines *map, struct gai_error *err)
{
	struct gai_buf out = GAI_BUF_INIT;
	struct gai_html *h;
	size_t i, k;
	int r = 0;

	gai_buf_clear(got);
	if ((h = gai_html_new(&out, parser)) == NULL)
		return GAI_E_NOMEM;
	if (map != NULL) {
		map->n = 0;
		gai_html_track_lines(h, map);
	}
	for (i = 0; i < n && r == 0; i += k) {
		k = step == 0 || n - i < step ? n - i : step;
		r = gai_html_feed(h, page + i, k, err);
		if (out.len > 0)
			gai_buf_append(got, out.data, out.len);
		gai_buf_clear(&out);
	}
	if (r == 0)
		r = gai_html_end(h, err);
	if (out.len > 0)
		gai_buf_append(got, out.data, out.len);
	gai_html_free(h);
	gai_buf_free(&out);
	return r;
}

static int
convert(const char *page, size_t n, size_t step, struct gai_buf *got,
    struct gai_error *err)
{
	return convert_map(page, n, step, got, NULL, err);
}

static void
show_diff(const char *name, const struct gai_buf *got,
    const struct gai_buf *want)
{
	size_t i = 0;

	while (i < got->len && i < want->len && got->data[i] == want->data[i])
		i++;
	fprintf(stderr, "%s: first difference at byte %zu\n"
	    "--- got\n%s--- want\n%s---\n", name, i,
	    got->data ? got->data : "", want->data ? want->data : "");
}

static int
compare(const char *dir, const char *name)
{
	static const size_t steps[] = { 0, 1, 2, 3, 5, 7, 11, 13, 64, 4096 };
	struct gai_buf page = GAI_BUF_INIT, want = GAI_BUF_INIT,
	    got = GAI_BUF_INIT;
	struct gai_error err;
	char path[8192], what[8192 + 64];
	size_t s, len = strlen(name) - strlen(".html");

	if (snprintf(path, sizeof path, "%s/%s", dir, name) >=
	    (int)sizeof path - 8)
		return 0;
	if (slurp(path, &page) != 0) {
		failf(path, "cannot read");
		return 0;
	}
	memcpy(path + strlen(dir) + 1 + len, ".out", 5);
	if (slurp(path, &want) != 0) {
		failf(path, "no golden .out");
		gai_buf_free(&page);
		return 0;
	}
	for (s = 0; s < sizeof steps / sizeof steps[0]; s++) {
		if (snprintf(what, sizeof what, "%s (chunks of %zu)", name,
		    steps[s]) < 0)
			what[0] = '\0';
		if (convert(page.data, page.len, steps[s], &got, &err) != 0) {
			failf(what, err.msg);
			continue;
		}
		if (got.len != want.len ||
		    memcmp(got.data, want.data, got.len) != 0) {
			failf(what, "output differs from the .out golden");
			show_diff(name, &got, &want);
		}
	}
	gai_buf_free(&page);
	gai_buf_free(&want);
	gai_buf_free(&got);
	return 1;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
test_fixtures(int (*each)(const char *dir, const char *name))
{
	const char *src = getenv("GAI_SRCDIR");
	char dir[4096], *names[256];
	struct dirent *d;
	size_t n = 0, i, ran = 0;
	DIR *dp;

	snprintf(dir, sizeof dir, "%s/tests/fixtures/gai-normalize/html",
	    src != NULL && *src != '\0' ? src : GAI_SRCDIR_DEFAULT);
	if ((dp = opendir(dir)) == NULL) {
		failf(dir, "cannot open the fixture directory");
		return;
	}
	while ((d = readdir(dp)) != NULL && n < 256) {
		size_t l = strlen(d->d_name);

		if (l > 5 && strcmp(d->d_name + l - 5, ".html") == 0)
			names[n++] = strdup(d->d_name);
	}
	closedir(dp);
	qsort(names, n, sizeof names[0], by_name);
	for (i = 0; i < n; i++) {
		ran += (size_t)each(dir, names[i]);
		free(names[i]);
	}
	/* A test that found no fixtures must not pass. */
	if (ran < 14)
		failf(dir, "fewer fixtures than expected");
}

/* In-memory cases: what a file fixture cannot hold well. */
static void
expect(const char *what, const char *page, size_t n, const char *want)
{
	static const size_t steps[] = { 0, 1, 2, 3 };
	struct gai_buf got = GAI_BUF_INIT;
	struct gai_error err;
	size_t s;

	for (s = 0; s < sizeof steps / sizeof steps[0]; s++) {
		if (convert(page, n, steps[s], &got, &err) != 0)
			failf(what, err.msg);
		else if (strcmp(got.data ? got.data : "", want) != 0 ||
		    got.len != strlen(want)) {
			failf(what, "unexpected output");
			fprintf(stderr, "--- got (chunks of %zu)\n"
			    "%s--- want\n%s---\n", steps[s],
			    got.data ? got.data : "", want);
		}
	}
	gai_buf_free(&got);
}

#define EXPECT(what, page, want) expect(what, page, sizeof page - 1, want)

static void
test_bytes(void)
{
	static const char nul[] = "<p>a\0b</p><p>c</p>";
	static const char bad[] = "<p>x\xFFy\xE4\xB8z</p>";

	/* A form feed must never reach stream 1, whatever its spelling. */
	EXPECT("form feed", "<p>a\fb</p><p>c&#12;d</p><pre>e\ff</pre>",
	    "a b\ncd\ne f\n");
	expect("NUL dropped", nul, sizeof nul - 1, "ab\nc\n");
	/* Bytes that are not UTF-8 become U+FFFD, not Latin-1 mojibake. */
	expect("bad UTF-8", bad, sizeof bad - 1,
	    "x\xEF\xBF\xBDy\xEF\xBF\xBD\xEF\xBF\xBDz\n");
	EXPECT("truncated char at end", "<p>a</p>\xE4\xB8",
	    "a\n\xEF\xBF\xBD\xEF\xBF\xBD\n");
	EXPECT("empty page", "", "");
	EXPECT("text only", "收入<100万元，a < b",
	    "收入<100万元,a < b\n");
	/* libxml2 2.9 alone would drop all that follows </html>. */
	EXPECT("content after </html>", "<html><body><p>a</p></body></html>\n"
	    "<p>late</p>tail</BODY >", "a\nlate\ntail\n");
	EXPECT("end tag look-alikes", "<p>a</bodyx>b</p><p>c</ht",
	    "ab\nc\n");
	/* A comment read in parts (every split) ends where one read whole does. */
	EXPECT("comments in parts", "<p>a<!-- x -- y --!>b</p><p>c<!---->d"
	    "<!-- z --->e<!-- -- > - ->f-->g</p><!-- never closed <p>h</p>",
	    "ab\ncdeg\n");
	EXPECT("pre keeps spaces and lines",
	    "<pre>\n  项目   金额 \n\n  收入\t100\n</pre>after",
	    "项目   金额\n收入\t100\nafter\n");
}

/* Bigger than libxml2's 10 MB text node limit: nothing may be lost. */
static void
test_huge_text(void)
{
	const size_t big = 12 * 1024 * 1024;
	struct gai_buf page = GAI_BUF_INIT, got = GAI_BUF_INIT;
	struct gai_error err;
	size_t i;
	int ok;

	gai_buf_puts(&page, "<html><body><p>");
	gai_buf_reserve(&page, big + 64);
	for (i = 0; i < big; i += 3)
		gai_buf_append(&page, "数", 3);
	gai_buf_puts(&page, "END</p><p>tail</p></body></html>");
	if (convert(page.data, page.len, 65536, &got, &err) != 0) {
		failf("huge text node", err.msg);
	} else {
		ok = got.len == big + 3 + 1 + 5 &&
		    memcmp(got.data + big, "END\ntail\n", 9) == 0;
		for (i = 0; ok && i < big; i += 3)
			ok = memcmp(got.data + i, "数", 3) == 0;
		if (!ok)
			failf("huge text node", "text lost or changed");
	}
	gai_buf_free(&page);
	gai_buf_free(&got);
}

/* gai_html_sniff over bytes in the encoding called enc. */
static int
sniff_in(const char *enc, const char *s, size_t n)
{
	return gai_html_sniff(s, n,
	    gai_encoding_head(enc, s, n, GAI_HTML_SNIFF_CHARS));
}

static int
sniff(const char *s, size_t n)
{
	return sniff_in("UTF-8", s, n);
}

/*
 * n copies of the character c (its bytes in some encoding), then tag: a
 * page whose tag sits after n characters.
 */
static char *
late_tag(const char *c, size_t n, const char *tag, size_t *len)
{
	size_t w = strlen(c), t = strlen(tag), i;
	char *s = malloc(n * w + t);

	if (s == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		memcpy(s + i * w, c, w);
	memcpy(s + n * w, tag, t);
	*len = n * w + t;
	return s;
}

/*
 * The window is counted in characters, not bytes: the same page as UTF-8
 * (3 bytes a hanzi), GB18030 (2, or 4 for the four-byte form) and Big5 is
 * judged alike (the campaign's diff_gb18030 finds).
 */
static void
test_sniff_encodings(void)
{
	static const struct {
		const char *enc, *hanzi;
	} forms[] = {
		{ "UTF-8", "\xE4\xB8\x80" },		/* 一 */
		{ "GB18030", "\xD2\xBB" },
		{ "GB18030", "\x81\x30\x81\x30" },	/* U+0080 */
		{ "BIG5-HKSCS", "\xA4\x40" },
		{ "UTF-8", "x" },
	};
	static const struct {
		size_t before;
		int want;
	} at[] = {
		{ 1500, 1 }, { 3000, 1 }, { GAI_HTML_SNIFF_CHARS - 7, 1 },
		{ GAI_HTML_SNIFF_CHARS - 5, 0 }, { 5000, 0 },
	};
	size_t f, a, len;
	char *s;

	for (f = 0; f < sizeof forms / sizeof forms[0]; f++)
		for (a = 0; a < sizeof at / sizeof at[0]; a++) {
			s = late_tag(forms[f].hanzi, at[a].before, "<table>",
			    &len);
			if (s == NULL) {
				failf("sniff", "out of memory");
				return;
			}
			if (sniff_in(forms[f].enc, s, len) != at[a].want)
				failf("sniff: a tag after n characters",
				    forms[f].enc);
			free(s);
		}
}

static size_t
count_lf(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += s[i] == '\n';
	return k;
}

/*
 * A fixture's line map: one entry per line written, within the page and
 * never decreasing, and the same from both parsers in every chunking.
 */
static int
lines_agree(const char *dir, const char *name)
{
	static const size_t steps[] = { 0, 1, 2, 3, 7, 64, 4096 };
	struct gai_buf page = GAI_BUF_INIT, got = GAI_BUF_INIT;
	struct gai_html_lines ref = GAI_HTML_LINES_INIT,
	    map = GAI_HTML_LINES_INIT;
	struct gai_error err;
	enum gai_html_parser was = parser;
	char path[8192], what[8192 + 64];
	size_t s, i, last;

	if (snprintf(path, sizeof path, "%s/%s", dir, name) >=
	    (int)sizeof path || slurp(path, &page) != 0) {
		failf(name, "cannot read");
		return 0;
	}
	last = 1 + count_lf(page.data, page.len);
	parser = GAI_HTML_OWN;
	if (convert_map(page.data, page.len, 0, &got, &ref, &err) != 0)
		failf(name, err.msg);
	if (ref.n != count_lf(got.data, got.len))
		failf(name, "not one map entry per line written");
	for (i = 0; i < ref.n; i++)
		if (ref.v[i] < 1 || ref.v[i] > last ||
		    (i > 0 && ref.v[i] < ref.v[i - 1]))
			failf(name, "a map entry out of order or off the page");
	for (parser = GAI_HTML_OWN; parser <= GAI_HTML_LIBXML2; parser++)
		for (s = 0; s < sizeof steps / sizeof steps[0]; s++) {
			snprintf(what, sizeof what, "%s lines (chunks of %zu)",
			    name, steps[s]);
			if (convert_map(page.data, page.len, steps[s], &got,
			    &map, &err) != 0)
				failf(what, err.msg);
			else if (map.n != ref.n || (map.n > 0 && memcmp(map.v,
			    ref.v, map.n * sizeof map.v[0]) != 0))
				failf(what, "a line map other than gai's in "
				    "one chunk");
		}
	parser = was;
	gai_html_lines_free(&ref);
	gai_html_lines_free(&map);
	gai_buf_free(&page);
	gai_buf_free(&got);
	return 1;
}

/* The map of page must be want (its n entries), in any chunking. */
static void
expect_lines(const char *what, const char *page, const uint32_t *want,
    size_t n)
{
	static const size_t steps[] = { 0, 1, 2, 3, 5, 1000 };
	struct gai_html_lines map = GAI_HTML_LINES_INIT;
	struct gai_buf got = GAI_BUF_INIT;
	struct gai_error err;
	size_t s, i;

	for (s = 0; s < sizeof steps / sizeof steps[0]; s++) {
		if (convert_map(page, strlen(page), steps[s], &got, &map,
		    &err) != 0) {
			failf(what, err.msg);
			continue;
		}
		if (map.n == n && memcmp(map.v, want, n * sizeof *want) == 0)
			continue;
		failf(what, "unexpected line map");
		fprintf(stderr, "chunks of %zu, got", steps[s]);
		for (i = 0; i < map.n; i++)
			fprintf(stderr, " %lu", (unsigned long)map.v[i]);
		fprintf(stderr, "\n");
	}
	gai_html_lines_free(&map);
	gai_buf_free(&got);
}

/* Lines of the page a line of text starts on (gai-extract --trace). */
static void
test_lines(void)
{
	static const char page[] =
	    "<html>\n<head>\n<title>标题\n第二行</title>\n"	/* 1-4 */
	    "<script>\nvar s = \"<p>x</p>\";\n</script>\n"	/* 5-7 */
	    "</head>\n<body>\n<!-- a\ncomment -->\n"		/* 8-11 */
	    "<p>\n\n正文</p>\n"				/* 12-14 */
	    "<table>\n<tr><td>a</td>\n<td>b</td></tr>\n"	/* 15-17 */
	    "<tr>\n<td>\n\nc</td><td>d\ne</td></tr>\n"		/* 18-22 */
	    "</table>\n<pre>p1\np2\n\np3</pre>\n"		/* 23-27 */
	    "<p>x &amp;\ny</p>\n</body></html>\n";		/* 28-30 */
	static const uint32_t want[] = { 3, 14, 16, 21, 24, 25, 27, 28 };
	struct gai_buf crlf = GAI_BUF_INIT, pre = GAI_BUF_INIT;
	uint32_t many[250];
	size_t i;

	expect_lines("line map", page, want, sizeof want / sizeof want[0]);
	/* CR LF ends a line once. */
	for (i = 0; page[i] != '\0'; i++)
		if ((page[i] == '\n' && gai_buf_putc(&crlf, '\r') != 0) ||
		    gai_buf_putc(&crlf, page[i]) != 0)
			failf("line map", "out of memory");
	expect_lines("line map, CR LF", crlf.data, want,
	    sizeof want / sizeof want[0]);
	/*
	 * libxml2 hands text on in pieces of 1000 bytes, before it counts
	 * a last LF; 100 lines of 10 bytes end a piece on one.
	 */
	gai_buf_puts(&pre, "<pre>");
	for (i = 0; i < 250; i++) {
		gai_buf_puts(&pre, "abcdefghi\n");
		many[i] = (uint32_t)i + 1;
	}
	gai_buf_puts(&pre, "</pre>");
	expect_lines("line map, long <pre>", pre.data, many, 250);
	gai_buf_free(&crlf);
	gai_buf_free(&pre);
}

/* An attribute name of 100 characters, as long as libxml2 reads one. */
#define N10 "0123456789"
#define NAME100 "o" N10 N10 N10 N10 N10 N10 N10 N10 N10 "012345678"

/*
 * gai_html_unlike_libxml2: a construct where libxml2 2.9 reads the page
 * wrong (bench/README.md), so that the diff_html fuzz target can tell
 * these known differences from a new one.  Each case that is reported
 * has its neighbour that is not.  A page is given in chunks split at '|'.
 */
static void
test_unlike_libxml2(void)
{
	static const struct {
		const char *page;
		int want;
	} cases[] = {
		/* An end tag while no element is open. */
		{ "</td><table><tr><td>a</td></tr></table>", 1 },
		{ "<html/></p><p>a", 1 },
		/* "/>" closes whatever is on top: here the <html> */
		{ "<html><html a=\">\"/></p><p>a", 1 },
		{ "<html><p/></p><p>a", 0 },
		{ "<html><br/><p>a</p>x", 0 },
		{ "<html/>", 0 },		/* no end tag after it */
		{ "<html/></\xef\xbf\xbd", 1 },	/* "</", no name */
		{ "<html></\xef\xbf\xbd", 0 },
		{ "<p>a</p></td>", 0 },		/* <html> is still open */
		/* A </head> libxml2 leaves unread after a misplaced tag. */
		{ "<html><html><head><t></head>x", 1 },
		{ "<html><body><body/><head><t></head>x", 1 },
		{ "<html><html><head></head><\xef\xbf\xbd", 1 },
		{ "<html><head><t></head>x", 0 },
		{ "<html><head><head><t></head></head>x", 0 },
		{ "<html><html><p>x</head>y", 0 },	/* no <head> open */
		/* A quote holding a DOCTYPE open past its '>'. */
		{ "<html><!DOCTYPE html PUBLIC \"a>b\">x", 1 },
		{ "<html><!doctype html system 'a>b'>x", 1 },
		{ "<html><!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\" "
		    "\"http://www.w3.org/TR/html4/strict.dtd\">x", 0 },
		/* A tag libxml2's look-ahead ends at an earlier '>'. */
		{ "<html><s\" h=\">\xef\xbf\xbd", 1 },
		{ "<html><s h=a\" b=\">c\" d>x", 1 },
		{ "<html><s h=\"a>b\">x", 0 },
		{ "<html><s h=\"a\">x<t h='>'>y", 0 },
		/* A processing instruction whose target starts with '.'. */
		{ "<html><p>a<?.x>y", 1 },
		{ "<html><p>a<?.x", 0 },	/* cut by the end: text in both */
		{ "<html><p>a<?x.>y", 0 },
		/* A comment opened by "<!--!>" or "<!---!>", which libxml2's
		 * look-ahead takes for one closed by "--!>". */
		{ "<html><p>a<!--!>b-->c", 1 },
		{ "<html><p>a<!---!>b", 1 },
		{ "<html><p>a<!--!", 0 },
		{ "<html><p>a<!----!>b", 0 },	/* closed: both agree */
		{ "<html><p>a<!--x--!>b", 0 },
		{ "<html><p>a<!-- !>b-->c", 0 },
		/* An attribute name past 100 characters, read in pieces of
		 * 100 by libxml2, one of which starts with a digit or '-':
		 * junk, the '=' and the value with it. */
		{ "<html><p>a<h " NAME100 "0='>-l", 1 },
		{ "<html><p>a<h " NAME100 "-x = \"a\">b", 1 },
		{ "<html><p>a<h " NAME100 "0=a>b", 1 },
		{ "<html><p>a<h " NAME100 NAME100 "0='>-l", 1 },
		{ "<html><p>a<h " NAME100 "='>-l", 0 },	/* 100: one piece */
		{ "<html><p>a<h " NAME100 "x='>-l", 0 },	/* a name, x */
		{ "<html><p>a<h " NAME100 NAME100 "='>-l", 0 },
		{ "<html><p>a<h " NAME100 "0 b='>'>c", 0 },	/* no value */
		{ "<html><p>a<h " NAME100 "0/>b", 0 },
		/* A <style> or <script> whose content holds a "</" and is
		 * cut into chunks (at each '|'), where libxml2 may take
		 * what a chunk starts with for an end tag. */
		{ "<p>t<style></|\xef\xbf\xbd|</p>l", 1 },
		{ "<p>t<style></p></sty|\xef\xbf\xbd|</style>l", 1 },
		{ "<p>t<style>a|\xef\xbf\xbd</p>more", 1 },
		{ "<p>t<script>a</p>|b</script>l", 1 },
		{ "<p>t<style>a|b</style>l", 0 },	/* no "</" in it */
		{ "<p>t<style>a|</style>l", 0 },	/* its own end tag */
		{ "<p>t<style>a</p>b</style>l", 0 },	/* not cut */
		{ "<p>t<style>a</p></style>|</p>l", 0 },	/* cut after */
	};
	struct gai_buf out = GAI_BUF_INIT;
	struct gai_error err;
	struct gai_html *h;
	const char *p, *bar;
	size_t i;
	int rc;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		gai_buf_clear(&out);
		if ((h = gai_html_new(&out, parser)) == NULL) {
			failf("unlike libxml2", "out of memory");
			break;
		}
		rc = 0;
		for (p = cases[i].page; rc == 0; p = bar + 1) {
			bar = strchr(p, '|');
			rc = gai_html_feed(h, p, bar != NULL ?
			    (size_t)(bar - p) : strlen(p), &err);
			if (bar == NULL)
				break;
		}
		if (rc != 0 || gai_html_end(h, &err) != 0)
			failf("unlike libxml2", err.msg);
		else if (gai_html_unlike_libxml2(h) !=
		    (parser == GAI_HTML_OWN ? cases[i].want : 0))
			failf("unlike libxml2", cases[i].page);
		gai_html_free(h);
	}
	gai_buf_free(&out);
}

static void
test_sniff(void)
{
	static const struct {
		const char *bytes;
		int want;
	} cases[] = {
		{ "<!DOCTYPE html>\n<html>", 1 },
		{ "<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">", 1 },
		{ "\xEF\xBB\xBF  \r\n<HTML>", 1 },
		{ "<html xmlns=\"http://www.w3.org/1999/xhtml\">", 1 },
		{ "<head><meta charset=utf-8>", 1 },
		{ "<meta http-equiv=Content-Type content=\"text/html\">", 1 },
		{ "<BODY bgcolor=white>", 1 },
		{ "<table border=1><tr><td>1</td></tr></table>", 1 },
		{ "<div class=\"content\">", 1 },
		{ "<p>政府信息公开", 1 },
		{ "<P class=MsoNormal>", 1 },
		{ "<!-- saved from url=(0014)about:internet -->\n<html>", 1 },
		{ "<!--[if IE]><![endif]--><!DOCTYPE html>", 1 },
		{ "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		    "<!DOCTYPE html>", 1 },
		{ "<?xml version=\"1.0\"?><html>", 1 },
		{ "garbage from a crawler\n<html><body>x</body></html>", 1 },
		{ "第一行\n第二行<table><tr>", 1 },
		{ "收入<100万元", 0 },
		{ "一、总体情况\n收入 < 100 万元\n", 0 },
		{ "<100万元", 0 },
		{ "<pre", 0 },		/* <pre is not <p */
		{ "<htmlx>", 0 },
		{ "<!-- a comment -->\n纯文本", 0 },
		{ "<?xml version=\"1.0\"?><report>", 0 },
		{ "<tablet>", 0 },
		{ "", 0 },
		{ "\xEF\xBB\xBF", 0 },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (sniff(cases[i].bytes, strlen(cases[i].bytes)) !=
		    cases[i].want)
			failf("sniff", cases[i].bytes);
	/* Only the first 4096 characters are searched for a tag. */
	{
		static char late[8192];

		memset(late, 'x', sizeof late);
		memcpy(late + 5000, "<html>", 6);
		if (sniff(late, sizeof late) != 0)
			failf("sniff", "a tag after 4096 characters");
		memcpy(late + 100, "<body>", 6);
		if (sniff(late, sizeof late) != 1)
			failf("sniff", "a tag within 4096 characters");
		/* A prefix cut short is still judged, never read past n. */
		if (sniff("<ht", 3) != 0 || sniff("<html", 5) != 1)
			failf("sniff", "short input");
	}
	/*
	 * A '<' as the last byte: nothing past it may be read (#11 item 1).
	 * The buffer is exactly that long, so ASan sees an overrun.
	 */
	{
		char *last = malloc(4096);

		if (last == NULL)
			failf("sniff", "out of memory");
		memset(last, 'a', 4095);
		last[4095] = '<';
		if (sniff(last, 4096) != 0)
			failf("sniff", "a '<' at the end");
		free(last);
	}
}

int
main(void)
{
	test_sniff();
	test_sniff_encodings();
	for (parser = GAI_HTML_OWN; parser <= GAI_HTML_LIBXML2; parser++) {
		test_bytes();
		test_fixtures(compare);
		test_huge_text();
		test_lines();
		test_unlike_libxml2();
	}
	test_fixtures(lines_agree);
	xmlCleanupParser();
	return unit_end("html_test");
}
