/* SPDX-License-Identifier: MIT */
/* gai_encoding: BOM, declarations that must agree with the bytes, uchardet. */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <strings.h>

#include <uchardet.h>

#include "gai_encoding.h"
#include "gai_text.h"

#define OUTCHUNK (64 * 1024)
/* A declaration must sit near the top of a page; a guess needs no more. */
#define HEAD (8 * 1024)
#define SAMPLE (64 * 1024)

static const struct alias {
	const char *label, *name;
} aliases[] = {
	/* GBK decoders fail on characters real pages carry (U+2002...). */
	{ "gb2312", "GB18030" }, { "gbk", "GB18030" }, { "gb18030", "GB18030" },
	{ "x-gbk", "GB18030" }, { "cp936", "GB18030" }, { "ms936", "GB18030" },
	{ "windows-936", "GB18030" }, { "euc-cn", "GB18030" },
	{ "hz-gb-2312", "HZ" },
	{ "big5", "BIG5-HKSCS" }, { "big5-hkscs", "BIG5-HKSCS" },
	{ "cp950", "BIG5-HKSCS" }, { "x-x-big5", "BIG5-HKSCS" },
	{ "utf-8", "UTF-8" }, { "utf8", "UTF-8" },
	{ "utf-16", "UTF-16" }, { "utf-16le", "UTF-16LE" },
	{ "utf-16be", "UTF-16BE" },
	{ "iso-8859-1", "WINDOWS-1252" }, { "latin1", "WINDOWS-1252" },
	{ "us-ascii", "UTF-8" }, { "ascii", "UTF-8" },
};

const char *
gai_encoding_canonical(const char *label)
{
	size_t i;

	for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcasecmp(label, aliases[i].label) == 0)
			return aliases[i].name;
	return NULL;
}

static void
set_name(struct gai_encoding *enc, const char *name, enum gai_enc_source src)
{
	snprintf(enc->name, sizeof enc->name, "%s", name);
	enc->source = src;
}

static int
iconv_knows(const char *name)
{
	iconv_t cd = iconv_open("UTF-8", name);

	if (cd == (iconv_t)-1)
		return 0;
	iconv_close(cd);
	return 1;
}

/* Find charset=NAME or encoding="NAME" in the head of the page. */
static int
find_declaration(const char *s, size_t n, char *out, size_t outsize)
{
	static const char *const marks[] = { "charset", "encoding" };
	size_t i, m;

	if (n > HEAD)
		n = HEAD;
	for (i = 0; i < n; i++) {
		for (m = 0; m < 2; m++) {
			size_t len = strlen(marks[m]), k = i + len, o = 0;

			if (i + len >= n || strncasecmp(s + i, marks[m], len) != 0)
				continue;
			while (k < n && (s[k] == ' ' || s[k] == '\t'))
				k++;
			if (k >= n || s[k] != '=')
				continue;
			k++;
			while (k < n && (s[k] == ' ' || s[k] == '"' || s[k] == '\''))
				k++;
			while (k < n && o + 1 < outsize &&
			    (isalnum((unsigned char)s[k]) || s[k] == '-' ||
			    s[k] == '_' || s[k] == '.' || s[k] == ':'))
				out[o++] = s[k++];
			out[o] = '\0';
			if (o > 0)
				return 1;
		}
	}
	return 0;
}

/* 1 when the bytes hold at least one multibyte UTF-8 character. */
static int
has_multibyte(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 1;
	return 0;
}

/* 1 when the sample decodes from name without an error. */
static int
decodes_cleanly(const char *name, const char *s, size_t n)
{
	char out[OUTCHUNK], *in = (char *)s, *o;
	size_t inleft = n > SAMPLE ? SAMPLE : n, oleft;
	iconv_t cd = iconv_open("UTF-8", name);
	int ok = 1;

	if (cd == (iconv_t)-1)
		return 0;
	while (inleft > 0) {
		o = out;
		oleft = sizeof out;
		if (iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1) {
			if (errno == E2BIG)
				continue;
			/* A sample cut inside a character is no disagreement. */
			ok = errno == EINVAL && n > SAMPLE;
			break;
		}
	}
	iconv_close(cd);
	return ok;
}

static const char *
guess(const char *s, size_t n)
{
	static char name[32];
	uchardet_t ud = uchardet_new();
	const char *canon, *got;

	if (ud == NULL)
		return "GB18030";
	uchardet_handle_data(ud, s, n > SAMPLE ? SAMPLE : n);
	uchardet_data_end(ud);
	got = uchardet_get_charset(ud);
	if ((canon = gai_encoding_canonical(got)) != NULL)
		got = canon;
	/* Nothing recognised: Chinese government pages are GB18030 first. */
	snprintf(name, sizeof name, "%s",
	    got[0] != '\0' && iconv_knows(got) ? got : "GB18030");
	uchardet_delete(ud);
	return name;
}

int
gai_encoding_detect(const char *s, size_t n, const char *forced,
    struct gai_encoding *enc, struct gai_error *err)
{
	const unsigned char *u = (const unsigned char *)s;
	const char *canon;
	size_t valid;

	memset(enc, 0, sizeof *enc);
	if (forced != NULL) {
		canon = gai_encoding_canonical(forced);
		if (!iconv_knows(canon ? canon : forced))
			return gai_error_set(err, GAI_E_USAGE, 0, 0,
			    "unknown encoding '%s'", forced);
		set_name(enc, canon ? canon : forced, GAI_ENC_FORCED);
		if (strcmp(enc->name, "UTF-8") == 0 && n >= 3 &&
		    memcmp(s, "\xEF\xBB\xBF", 3) == 0)
			enc->bom = 3;
		return 0;
	}
	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		set_name(enc, "UTF-8", GAI_ENC_BOM);
		enc->bom = 3;
		return 0;
	}
	if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	    (u[0] == 0xFE && u[1] == 0xFF))) {
		set_name(enc, u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE",
		    GAI_ENC_BOM);
		enc->bom = 2;
		return 0;
	}
	valid = gai_text_valid_utf8(s, n);
	if (find_declaration(s, n, enc->declared, sizeof enc->declared) &&
	    (canon = gai_encoding_canonical(enc->declared)) != NULL) {
		/*
		 * Declarations lie: pages labelled gbk are served as UTF-8.
		 * Non-ASCII text that is valid UTF-8 is UTF-8 whatever the
		 * label says; GB or Big5 bytes almost never are.
		 */
		if (strcmp(canon, "UTF-8") == 0 ? valid == n :
		    !(valid == n && has_multibyte(s, n)) &&
		    decodes_cleanly(canon, s, n)) {
			set_name(enc, canon, GAI_ENC_DECLARED);
			return 0;
		}
	}
	if (valid == n) {
		set_name(enc, "UTF-8", GAI_ENC_UTF8);
		return 0;
	}
	set_name(enc, guess(s, n), GAI_ENC_GUESSED);
	return 0;
}

/* UTF-8 input: pass valid runs through, replace each bad byte. */
static int
decode_utf8(const char *s, size_t n, gai_utf8_sink sink, void *ctx,
    struct gai_decode_stats *stats)
{
	size_t off = 0, v, piece;
	int rc;

	while (off < n) {
		v = gai_text_valid_utf8(s + off, n - off);
		while (v > 0) {
			piece = v > OUTCHUNK ? OUTCHUNK : v;
			/* Cut on a character boundary. */
			while (piece < v && ((unsigned char)s[off + piece] & 0xC0) == 0x80)
				piece--;
			if ((rc = sink(ctx, s + off, piece)) != 0)
				return rc;
			off += piece;
			v -= piece;
		}
		if (off < n) {
			if (stats->bad++ == 0)
				stats->first_bad = off;
			if ((rc = sink(ctx, "\xEF\xBF\xBD", 3)) != 0)
				return rc;
			off++;
		}
	}
	return 0;
}

int
gai_encoding_decode(const struct gai_encoding *enc, const char *bytes,
    size_t n, gai_utf8_sink sink, void *ctx, struct gai_decode_stats *stats,
    struct gai_error *err)
{
	char out[OUTCHUNK], *in, *o;
	size_t inleft, oleft, unit = strncmp(enc->name, "UTF-16", 6) == 0 ? 2 : 1;
	iconv_t cd;
	int rc = 0;

	memset(stats, 0, sizeof *stats);
	if (strcmp(enc->name, "UTF-8") == 0)
		return decode_utf8(bytes + enc->bom, n - enc->bom, sink, ctx,
		    stats);
	if ((cd = iconv_open("UTF-8", enc->name)) == (iconv_t)-1)
		return gai_error_set(err, GAI_E_ENCODING, errno, 0,
		    "cannot convert from %s", enc->name);
	in = (char *)bytes + enc->bom;
	inleft = n - enc->bom;
	while (inleft > 0 && rc == 0) {
		size_t r;

		o = out;
		oleft = sizeof out;
		r = iconv(cd, &in, &inleft, &o, &oleft);
		if (r == (size_t)-1 && errno != E2BIG) {
			/* EILSEQ, or EINVAL: a sequence cut off by the end. */
			if (stats->bad == 0)
				stats->first_bad = (size_t)(in - bytes);
			stats->bad += unit <= inleft ? unit : inleft;
			if (oleft < 3) {
				if ((rc = sink(ctx, out, (size_t)(o - out))) != 0)
					break;
				o = out;
				oleft = sizeof out;
			}
			memcpy(o, "\xEF\xBF\xBD", 3);
			o += 3;
			/*
			 * Skip the bad unit (a byte, or two in UTF-16); the
			 * rest of the sequence may decode.
			 */
			in += unit <= inleft ? unit : inleft;
			inleft -= unit <= inleft ? unit : inleft;
		}
		if (o > out)
			rc = sink(ctx, out, (size_t)(o - out));
	}
	if (rc == 0) {
		/* Flush a stateful decoder's pending output. */
		o = out;
		oleft = sizeof out;
		iconv(cd, NULL, NULL, &o, &oleft);
		if (o > out)
			rc = sink(ctx, out, (size_t)(o - out));
	}
	iconv_close(cd);
	return rc;
}
