/* SPDX-License-Identifier: MIT */
/*
 * dbcs_test: gai_encoding_decode's GB18030 and Big5 tables against iconv;
 * gai_encoding_whole in them and in UTF-8 and UTF-16; decoding in the
 * pieces gai_encoding_piece cuts against one pass.
 */
#include <config.h>

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "gai_buf.h"
#include "gai_encoding.h"
#include "gai_dbcs.h"
#include "unit.h"

static int
sink(void *ctx, const char *s, size_t n)
{
	return gai_buf_append(ctx, s, n);
}

/* What iconv alone gives: each byte it cannot decode as U+FFFD. */
static void
reference(const char *name, const char *s, size_t n, struct gai_buf *out,
    size_t *bad, size_t *first)
{
	iconv_t cd = iconv_open("UTF-8", name);
	char buf[4096], *in = (char *)s, *o;
	size_t inleft = n, oleft;

	*bad = *first = 0;
	while (inleft > 0) {
		o = buf;
		oleft = sizeof buf;
		if (iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1 &&
		    errno != E2BIG) {
			if ((*bad)++ == 0)
				*first = (size_t)(in - s);
			gai_buf_append(out, buf, (size_t)(o - buf));
			gai_buf_append(out, "\xEF\xBF\xBD", 3);
			in++;
			inleft--;
			continue;
		}
		gai_buf_append(out, buf, (size_t)(o - buf));
	}
	o = buf;
	oleft = sizeof buf;
	iconv(cd, NULL, NULL, &o, &oleft);	/* what it held back */
	gai_buf_append(out, buf, (size_t)(o - buf));
	iconv_close(cd);
}

static void
same(const char *name, const char *what, const char *s, size_t n)
{
	struct gai_buf got = GAI_BUF_INIT, want = GAI_BUF_INIT;
	struct gai_decode_stats st;
	struct gai_encoding enc;
	struct gai_error err;
	size_t bad, first;

	CHECK(gai_encoding_detect(NULL, "", 0, name, &enc, &err) == 0);
	CHECK(strcmp(enc.name, name) == 0);
	CHECK(gai_encoding_decode(&enc, s, n, sink, &got, &st, &err) == 0);
	reference(name, s, n, &want, &bad, &first);
	CHECK(got.len == want.len && (got.len == 0 ||
	    memcmp(got.data, want.data, got.len) == 0),
	    "%s %s: text differs from iconv's\n", name, what);
	CHECK(st.bad == bad && (bad == 0 || st.first_bad == first),
	    "%s %s: %zu bad at %zu, iconv %zu at %zu\n", name, what, st.bad,
	    st.first_bad, bad, first);
	gai_buf_free(&got);
	gai_buf_free(&want);
}

/*
 * s[0..n) decoded in the pieces gai_encoding_piece cuts (each at least
 * want bytes) gives the text and counts of one pass.
 */
static void
pieces(const char *name, const char *what, const char *s, size_t n,
    size_t want)
{
	struct gai_buf got = GAI_BUF_INIT, one = GAI_BUF_INIT;
	struct gai_decode_stats st, all = { 0, 0 }, ref;
	struct gai_encoding enc;
	struct gai_error err;
	size_t at = 0, k, npieces = 0;

	CHECK(gai_encoding_detect(NULL, "", 0, name, &enc, &err) == 0);
	CHECK(gai_encoding_decode(&enc, s, n, sink, &one, &ref, &err) == 0);
	while (at < n) {
		k = gai_encoding_piece(name, s + at, n - at, want);
		CHECK(k >= (want < n - at ? want : n - at) && k <= n - at,
		    "%s %s: a piece of %zu at %zu\n", name, what, k, at);
		CHECK(gai_encoding_decode(&enc, s + at, k, sink, &got, &st,
		    &err) == 0);
		if (st.bad > 0 && all.bad == 0)
			all.first_bad = at + st.first_bad;
		all.bad += st.bad;
		at += k;
		npieces++;
	}
	CHECK(got.len == one.len && (got.len == 0 ||
	    memcmp(got.data, one.data, got.len) == 0),
	    "%s %s: text in %zu pieces of %zu differs\n", name, what, npieces,
	    want);
	CHECK(all.bad == ref.bad && (ref.bad == 0 ||
	    all.first_bad == ref.first_bad), "%s %s: %zu bad at %zu in "
	    "pieces, %zu at %zu in one\n", name, what, all.bad, all.first_bad,
	    ref.bad, ref.first_bad);
	gai_buf_free(&got);
	gai_buf_free(&one);
}

/* Random bytes weighted to what pages hold, cut into pieces. */
static void
random_pieces(const char *name, int units)
{
	char buf[2048];
	size_t len, i, k;

	srand(34);
	for (k = 0; k < 300; k++) {
		len = (size_t)rand() % sizeof buf;
		for (i = 0; i < len; i++) {
			int r = rand() % 10;

			buf[i] = (char)(r < 2 ? "\n \"/"[rand() % 4] :
			    r < 4 ? 0x20 + rand() % 0x60 : r < 5 ? rand() % 256 :
			    r < 6 && units ? 0 : r < 7 && units ?
			    0xD8 + rand() % 8 : 0x81 + rand() % 0x7E);
		}
		if (units)
			len &= ~(size_t)1;
		pieces(name, "random bytes", buf, len, 1);
		pieces(name, "random bytes", buf, len, 1 + k % 64);
	}
}

/*
 * Every two-byte code (then each cut after its lead byte by the next), and
 * random bytes weighted to what pages hold, in the encoding called name.
 */
static void
every_code(const char *name)
{
	static char all[2 * 126 * 191 + 1];
	char buf[512];
	size_t n = 0, k, i;
	unsigned lead, t;

	CHECK(gai_dbcs_for(name) != NULL, "%s: no table\n", name);
	for (lead = 0x81; lead <= 0xFE; lead++)
		for (t = 0x40; t <= 0xFE; t++)
			if (t != 0x7F) {
				all[n++] = (char)lead;
				all[n++] = (char)t;
			}
	same(name, "every two-byte code", all, n);
	same(name, "every code, shifted by a byte", all + 1, n - 1);
	srand(12);
	for (k = 0; k < 3000; k++) {
		size_t len = (size_t)rand() % sizeof buf;

		for (i = 0; i < len; i++) {
			int r = rand() % 10;

			buf[i] = (char)(r < 3 ? 0x20 + rand() % 0x60 :
			    r < 5 ? '0' + rand() % 10 : r < 6 ? rand() % 256 :
			    0x81 + rand() % 0x7E);
		}
		same(name, "random bytes", buf, len);
	}
}

/*
 * gai_encoding_whole: a text in name cut after every byte keeps exactly
 * its characters that end before the cut.
 */
static void
whole(const char *name)
{
	static const char *const chars[] = {
		"a", "\xe4\xb8\xad", "\n", "\xe5\x85\xac", "\xf0\xa0\x80\x80",
		"\xe9\x96\x8b", "0", "\xc3\xa9", "\xe4\xbf\xa1", "\xe2\x82\xac"
	};
	iconv_t cd = iconv_open(name, "UTF-8");
	char text[256], *in, *o;
	size_t ends[64], nends = 0, len = 0, i, k, want, inleft, oleft;

	for (i = 0; i < 3 * sizeof chars / sizeof chars[0]; i++) {
		in = (char *)chars[i % (sizeof chars / sizeof chars[0])];
		inleft = strlen(in);
		o = text + len;
		oleft = sizeof text - len;
		/* one that name lacks is left out */
		if (iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1 ||
		    iconv(cd, NULL, NULL, &o, &oleft) == (size_t)-1)
			continue;
		len = (size_t)(o - text);
		ends[nends++] = len;
	}
	iconv_close(cd);
	for (k = 0; k <= len; k++) {
		for (want = 0, i = 0; i < nends && ends[i] <= k; i++)
			want = ends[i];
		CHECK(gai_encoding_whole(name, text, k) == want,
		    "%s cut at %zu: %zu, not %zu", name, k,
		    gai_encoding_whole(name, text, k), want);
	}
}

int
main(void)
{
	whole("UTF-8");
	whole("GB18030");
	whole("BIG5-HKSCS");
	whole("UTF-16LE");
	whole("UTF-16BE");
	every_code("GB18030");
	same("GB18030", "a code cut at the end", "\xB0\xA1\xB0", 3);
	same("GB18030", "four-byte codes",
	    "a\x81\x30\x81\x30\xB0\xA1 \x95\x32\x82\x36.", 14);
	same("GB18030", "bad bytes",
	    "\x80\xFF\xB0\x20\x81\x30\x81\xB0\xA1\x7F", 10);
	every_code("BIG5-HKSCS");
	/* 0x8862 reads as two characters, 0x8840 as one outside the BMP. */
	same("BIG5-HKSCS", "codes left to iconv",
	    "\xA4\xA4\x88\x62\xA4\xE5\x88\x40\xA4\xA4x\x88\xA5", 13);
	same("BIG5-HKSCS", "bad bytes",
	    "\x80\xFF\xA4\x20\xA4\x7F\xA4\xA4\xA3\xE1\xC8\x80\xA4", 13);
	/*
	 * Runs of them long enough to fill iconv's buffers, each ended by a
	 * space where iconv's part ends and the table's begins: iconv may
	 * hold the second character of the last code back.
	 */
	{
		static struct gai_buf runs = GAI_BUF_INIT;
		size_t len, i;

		for (len = 4000; len < 4200; len++) {
			for (i = 0; i < len; i++)
				gai_buf_append(&runs, "\x88\x62", 2);
			gai_buf_append(&runs, " \xA4\xA4", 3);
		}
		same("BIG5-HKSCS", "long runs left to iconv", runs.data,
		    runs.len);
		gai_buf_free(&runs);
	}
	random_pieces("UTF-8", 0);
	random_pieces("GB18030", 0);
	random_pieces("BIG5-HKSCS", 0);
	random_pieces("UTF-16LE", 1);
	random_pieces("UTF-16BE", 1);
	/* a lead byte, or a high surrogate, whose piece ends before the rest */
	pieces("GB18030", "a code cut by a space", "\xB0 \xA1\x81\x30 \x81\x30", 9, 1);
	pieces("UTF-16LE", "a lone high surrogate", "\x00\xD8\n\x00a\x00", 6, 1);
	pieces("UTF-16BE", "a lone high surrogate", "\xD8\x00\x00\na\x00", 6, 1);
	/* with no byte order, iconv would read a BOM in the next piece */
	CHECK(gai_encoding_piece("UTF-16", "\xFF\xFE\n\x00a\x00", 6, 1) == 6);
	CHECK(gai_encoding_piece("HZ", "~{<:~} \n", 8, 1) == 8);
	return unit_end("dbcs_test");
}
