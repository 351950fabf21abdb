/* SPDX-License-Identifier: MIT */
/* gai_encoding: BOM, declarations that must agree with the bytes, uchardet. */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <uchardet.h>

#include "gai_encoding.h"
#include "gai_dbcs.h"
#include "gai_hanzi.h"
#include "gai_text.h"

#define OUTCHUNK (64 * 1024)
/* A declaration must sit near the top of a page; a guess needs no more. */
#define HEAD (8 * 1024)
#define SAMPLE (16 * 1024)
#define GUESS_SAMPLE 1024
/* Enough characters of text for the common ones to tell GB from Big5. */
#define SCORE_SAMPLE 512

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

size_t
gai_encoding_dbcs_len(int gb, const unsigned char *u, size_t i, size_t n)
{
	if (u[i] < 0x81 || u[i] == 0xFF)
		return 1;
	return gb && i + 1 < n && u[i + 1] >= 0x30 && u[i + 1] <= 0x39 ? 4 : 2;
}

size_t
gai_encoding_head(const char *name, const char *s, size_t n, size_t chars)
{
	const unsigned char *u = (const unsigned char *)s;
	int utf8 = strcmp(name, "UTF-8") == 0;
	int gb = strcmp(name, "GB18030") == 0;
	int big5 = strcmp(name, "BIG5-HKSCS") == 0;
	size_t i = 0;

	if (utf8 && n > 0 && chars > 0) {
		/* The same count without a branch a byte (gai-extract asks
		 * it of every document): the first byte starts a character,
		 * after it every byte that is no continuation byte does.
		 * Eight bytes at a time while more than eight characters are
		 * left: the block cannot hold the last one. */
		for (i = 1, chars--; chars > 8 && n - i >= 8; i += 8) {
			uint64_t w, cont;

			memcpy(&w, u + i, 8);
			/* bit 7 of each byte that is 10xxxxxx */
			cont = w & ~(w << 1) & 0x8080808080808080ull;
			/* the bytes' sum, in the top byte */
			chars -= 8 - (size_t)(((cont >> 7) *
			    0x0101010101010101ull) >> 56);
		}
		for (; i < n && chars > 0; i++)
			chars -= (u[i] & 0xC0) != 0x80;
		while (i < n && (u[i] & 0xC0) == 0x80)
			i++;
		return i;
	}
	for (; i < n && chars > 0; chars--)
		i += gb || big5 ? gai_encoding_dbcs_len(gb, u, i, n) : 1;
	return i < n ? i : n;
}

size_t
gai_encoding_whole(const char *name, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	int gb = strcmp(name, "GB18030") == 0;
	size_t i, k;

	if (strcmp(name, "UTF-8") == 0) {
		/* back over continuation bytes to the lead of the last one */
		for (i = n; i > 0 && n - i < 3 && (u[i - 1] & 0xC0) == 0x80; i--)
			;
		if (i == 0 || u[i - 1] < 0xC2 || u[i - 1] > 0xF4)
			return n;
		k = u[i - 1] >= 0xF0 ? 4 : u[i - 1] >= 0xE0 ? 3 : 2;
		return n - (i - 1) < k ? i - 1 : n;
	}
	if (strncmp(name, "UTF-16", 6) == 0) {
		/* whole units, and no high surrogate without its low one
		 * (UTF-16 without a byte order is big-endian to iconv) */
		n &= ~(size_t)1;
		i = strcmp(name, "UTF-16LE") == 0 ? 1 : 2;
		return n >= 2 && (u[n - i] & 0xFC) == 0xD8 ? n - 2 : n;
	}
	if (!gb && strcmp(name, "BIG5-HKSCS") != 0)
		return n;
	/* A byte below 0x30 is a character of its own in both, never a
	 * code's second byte: step from the last one. */
	for (i = n; i > 0 && u[i - 1] >= 0x30; i--)
		;
	for (; i < n; i += k)
		if (i + (k = gai_encoding_dbcs_len(gb, u, i, n)) > n)
			return i;
	return n;
}

size_t
gai_encoding_piece(const char *name, const char *s, size_t n, size_t want)
{
	const unsigned char *u = (const unsigned char *)s;
	int le = strcmp(name, "UTF-16LE") == 0;
	size_t i;

	if (want >= n)
		return n;
	if (le || strcmp(name, "UTF-16BE") == 0) {
		/* the low byte first in LE; the high one is 0 */
		for (i = (want + 1) & ~(size_t)1; i + 1 < n; i += 2)
			if (u[i + !le] < 0x30 && u[i + le] == 0)
				return i;
		return n;
	}
	if (strcmp(name, "UTF-8") == 0) {
		/* before any byte that continues no character */
		for (i = want; i < n; i++)
			if ((u[i] & 0xC0) != 0x80)
				return i;
		return n;
	}
	if (strcmp(name, "GB18030") != 0 && strcmp(name, "BIG5-HKSCS") != 0)
		return n;
	for (i = want; i < n; i++)
		if (u[i] < 0x30)
			return i;
	return n;
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
	/* Only markup declares: plain text is not searched. */
	if (memchr(s, '<', n) == NULL)
		return 0;
	for (i = 0; i < n; i++) {
		int c = s[i] | 0x20;	/* ASCII lower case */

		if (c != 'c' && c != 'e')
			continue;
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

/* The encodings detection reads by table, with a descriptor kept for each. */
static const char *const table_names[2] = { "GB18030", "BIG5-HKSCS" };

/*
 * An iconv descriptor from name: the detector's own for the table
 * encodings (opened once, reset here), else a new one (*fresh set: the
 * caller closes it).  (iconv_t)-1 when iconv refuses.
 */
static iconv_t
reader(struct gai_detector *d, const char *name, int *fresh)
{
	size_t i;

	*fresh = 0;
	for (i = 0; i < 2; i++) {
		if (strcmp(name, table_names[i]) != 0)
			continue;
		if (d->cd_state[i] == 0) {
			d->cd[i] = iconv_open("UTF-8", name);
			d->cd_state[i] = d->cd[i] == (iconv_t)-1 ? -1 : 1;
		}
		if (d->cd_state[i] < 0)
			return (iconv_t)-1;
		iconv(d->cd[i], NULL, NULL, NULL, NULL);	/* start afresh */
		return d->cd[i];
	}
	*fresh = 1;
	return iconv_open("UTF-8", name);
}

/*
 * How much of s[0..n) the table of name reads (0 without a table), its
 * UTF-8 in out[0..*olen).  out must hold 3 bytes a 2 bytes of s, and 8
 * more: the table then stops only where iconv has to take over, at a code
 * boundary, and iconv reads the rest as if it had read it all.
 */
static size_t
table_prefix(const char *name, const char *s, size_t n, char *out,
    size_t cap, size_t *olen)
{
	const struct gai_dbcs *t = gai_dbcs_for(name);

	*olen = 0;
	return t != NULL ? gai_dbcs_fast(t, s, n, out, cap, olen) : 0;
}

/* 1 when the sample decodes from name without an error. */
static int
decodes_cleanly(struct gai_detector *d, const char *name, const char *s,
    size_t n)
{
	char out[OUTCHUNK], *in = (char *)s, *o;
	size_t inleft = n > SAMPLE ? SAMPLE : n, oleft, k, olen;
	iconv_t cd;
	int ok = 1, fresh;

	k = table_prefix(name, in, inleft, out, sizeof out, &olen);
	in += k;
	inleft -= k;
	if (inleft == 0)
		return 1;
	if ((cd = reader(d, name, &fresh)) == (iconv_t)-1)
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
	if (fresh)
		iconv_close(cd);
	return ok;
}

/*
 * Characters every report is full of, in simplified form: build_common()
 * adds their traditional forms from gai_hanzi.  Text in GB18030 read as
 * Big5, or Big5 read as GB18030, decodes to rare characters and errors;
 * read right, a good share of it is these.
 */
static const char common_chars[] =
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可"
    "主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着著等部度"
    "家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它"
    "合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明"
    "看原又么利比或但质气第向道此变条只没结解问意建月公无系情者最立代已通并提"
    "直题程展五果员位入常文总次品式活设及管特件长求基资边流路级少图统接知较将"
    "组见计别期根论运农指九区强放决被做必先回则任取据处南给光门即保治北造百规"
    "领七海口东导器压志世金增争济思术极交受联认六共权收证改清再采转更单打白教"
    "速带安场身例真务具万每目至达走积示议声报完类八离华名确才科张信马节话整空"
    "元况今集传许步群广石记需段研界律且究观织装影算低持音众书布复容须际商非验"
    "连断深难近千周委素技备半办青省列习响约支般史感便团往历市克何除消构府称准"
    "精值号率族维划选标写存候亲效院查型按格养易置派层片始专状育识适属包住调满"
    "县局照参细引听该价严申请予掌握补仍访举投诉获继续纠审讼章范废罚费额监督域"
    "策读依网站台措施障";

static unsigned long *common_cps;
static size_t ncommon;
/* The same set over the BMP as a bitmap: one test a character. */
static unsigned char common_bmp[0x10000 / 8];

static int
cmp_cp(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

/* The common characters as sorted code points, built once. */
static int
build_common(void)
{
	size_t i, len, n = sizeof common_chars - 1, max = 0;
	unsigned long cp;

	if (common_cps != NULL)
		return 0;
	for (i = 0; i < n; i += len)
		max += 1 + gai_hanzi_traditional(gai_text_decode(common_chars +
		    i, n - i, &len), NULL, 0);
	if ((common_cps = malloc(max * sizeof *common_cps)) == NULL)
		return -1;
	for (i = 0; i < n; i += len) {
		cp = gai_text_decode(common_chars + i, n - i, &len);
		common_cps[ncommon++] = cp;
		ncommon += gai_hanzi_traditional(cp, common_cps + ncommon,
		    max - ncommon);
	}
	qsort(common_cps, ncommon, sizeof *common_cps, cmp_cp);
	for (i = 0; i < ncommon; i++)
		if (common_cps[i] < 0x10000)
			common_bmp[common_cps[i] >> 3] |=
			    (unsigned char)(1u << (common_cps[i] & 7));
	return 0;
}

static int
is_common(unsigned long cp)
{
	if (cp < 0x10000)
		return common_bmp[cp >> 3] >> (cp & 7) & 1;
	return bsearch(&cp, common_cps, ncommon, sizeof *common_cps,
	    cmp_cp) != NULL;
}

/*
 * How many common characters s[0..n) (at most SCORE_SAMPLE bytes) holds
 * read as name; -1 when it does not decode at all.  The table reads what
 * it can, iconv the rest.
 */
static long
common_score(struct gai_detector *d, const char *name, const char *s,
    size_t n)
{
	char out[4 * SCORE_SAMPLE + 8], *in, *o;
	size_t inleft, oleft, k, olen, i, len;
	iconv_t cd;
	long score = 0;
	int fresh;

	if ((cd = reader(d, name, &fresh)) == (iconv_t)-1)
		return -1;
	k = table_prefix(name, s, n, out, sizeof out, &olen);
	in = (char *)s + k;
	inleft = n - k;
	o = out + olen;
	oleft = sizeof out - olen;
	while (inleft > 0 && iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1) {
		if (errno != EILSEQ)
			break;	/* cut at the end of the sample, or full */
		score -= 4;	/* a wrong reading stumbles: count it against */
		in++;
		inleft--;
	}
	if (fresh)
		iconv_close(cd);
	for (i = 0; i < (size_t)(o - out); i += len) {
		unsigned char c = (unsigned char)out[i];
		unsigned long cp;

		if (c < 0x80) {
			len = 1;
			continue;
		}
		/* iconv's output is valid UTF-8: Han is three bytes. */
		if (c >= 0xE0 && c < 0xF0) {
			len = 3;
			cp = (unsigned long)(c & 0x0F) << 12 |
			    (unsigned long)(out[i + 1] & 0x3F) << 6 |
			    (unsigned long)(out[i + 2] & 0x3F);
		} else {
			cp = gai_text_decode(out + i, (size_t)(o - out) - i,
			    &len);
		}
		if (cp >= 0x3400 && is_common(cp))
			score++;
	}
	return score;
}

static const char *
guess(struct gai_detector *d, const char *s, size_t n)
{
	static char name[32];
	const char *canon, *got;

	/*
	 * uchardet reads about 50 MB/s: give it the text, not the markup and
	 * ASCII before it, and no more than it needs to tell GB from Big5.
	 */
	while (n > 0 && (unsigned char)*s < 0x80) {
		s++;
		n--;
	}
	/*
	 * GB18030 or Big5 is nearly always the question, and uchardet is slow
	 * to answer it (half a millisecond for 2 KB): a clear answer from the
	 * common characters comes first.
	 */
	if (build_common() == 0) {
		size_t m = n > SCORE_SAMPLE ? SCORE_SAMPLE : n;
		long gb = common_score(d, "GB18030", s, m);
		long big5 = common_score(d, "BIG5-HKSCS", s, m);

		if (gb >= 16 && gb > 3 * (big5 > 0 ? big5 : 0))
			return "GB18030";
		if (big5 >= 16 && big5 > 3 * (gb > 0 ? gb : 0))
			return "BIG5-HKSCS";
	}
	if (d->uchardet == NULL && (d->uchardet = uchardet_new()) == NULL)
		return "GB18030";
	uchardet_reset(d->uchardet);
	uchardet_handle_data(d->uchardet, s, n > GUESS_SAMPLE ? GUESS_SAMPLE : n);
	uchardet_data_end(d->uchardet);
	got = uchardet_get_charset(d->uchardet);
	if ((canon = gai_encoding_canonical(got)) != NULL)
		got = canon;
	/* Nothing recognised: Chinese government pages are GB18030 first. */
	snprintf(name, sizeof name, "%s",
	    got[0] != '\0' && iconv_knows(got) ? got : "GB18030");
	return name;
}

void
gai_detector_free(struct gai_detector *d)
{
	int i;

	if (d->uchardet != NULL)
		uchardet_delete(d->uchardet);
	d->uchardet = NULL;
	for (i = 0; i < 2; i++) {
		if (d->cd_state[i] == 1)
			iconv_close(d->cd[i]);
		d->cd_state[i] = 0;
	}
}

/*
 * 1 when the bytes agree with a declared charset label (enc->declared
 * set either way).  Declarations lie: pages labelled gbk are served as
 * UTF-8.  Non-ASCII text that is valid UTF-8 is UTF-8 whatever the label
 * says; GB or Big5 bytes almost never are.
 */
static int
declaration_holds(struct gai_detector *d, struct gai_encoding *enc,
    const char *label, const char *s, size_t n, size_t valid)
{
	const char *canon = gai_encoding_canonical(label);

	snprintf(enc->declared, sizeof enc->declared, "%s", label);
	if (canon == NULL || !(strcmp(canon, "UTF-8") == 0 ? valid == n :
	    !(valid == n && has_multibyte(s, n)) &&
	    decodes_cleanly(d, canon, s, n)))
		return 0;
	set_name(enc, canon, GAI_ENC_DECLARED);
	enc->checked = valid == n;
	return 1;
}

int
gai_encoding_detect(struct gai_detector *d, const char *s, size_t n,
    const char *forced, struct gai_encoding *enc, struct gai_error *err)
{
	return gai_encoding_detect_declared(d, s, n, forced, NULL, enc, err);
}

static int
detect(struct gai_detector *d, const char *s, size_t n, const char *forced,
    const char *transport, struct gai_encoding *enc, struct gai_error *err)
{
	char meta[sizeof enc->declared];
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
	/* GB18030 has a byte-order mark too: U+FEFF in its four bytes. */
	if (n >= 4 && memcmp(s, "\x84\x31\x95\x33", 4) == 0) {
		set_name(enc, "GB18030", GAI_ENC_BOM);
		enc->bom = 4;
		return 0;
	}
	valid = gai_text_valid_utf8(s, n);
	/* The transport's declaration (HTTP) first, as browsers take it. */
	if (transport != NULL && transport[0] != '\0' &&
	    declaration_holds(d, enc, transport, s, n, valid))
		return 0;
	if (find_declaration(s, n, meta, sizeof meta) &&
	    declaration_holds(d, enc, meta, s, n, valid))
		return 0;
	if (valid == n) {
		set_name(enc, "UTF-8", GAI_ENC_UTF8);
		enc->checked = 1;
		return 0;
	}
	set_name(enc, guess(d, s, n), GAI_ENC_GUESSED);
	return 0;
}

int
gai_encoding_detect_declared(struct gai_detector *d, const char *s, size_t n,
    const char *forced, const char *transport, struct gai_encoding *enc,
    struct gai_error *err)
{
	struct gai_detector once = GAI_DETECTOR_INIT;
	int rc;

	if (d != NULL)
		return detect(d, s, n, forced, transport, enc, err);
	rc = detect(&once, s, n, forced, transport, enc, err);
	gai_detector_free(&once);
	return rc;
}

/* UTF-8 that detection found valid: hand it on, cut between characters. */
static int
pass_checked(const char *s, size_t n, gai_utf8_sink sink, void *ctx)
{
	size_t off = 0, piece;
	int rc;

	while (off < n) {
		piece = n - off > OUTCHUNK ? OUTCHUNK : n - off;
		while (off + piece < n &&
		    ((unsigned char)s[off + piece] & 0xC0) == 0x80)
			piece--;
		if ((rc = sink(ctx, s + off, piece)) != 0)
			return rc;
		off += piece;
	}
	return 0;
}

/*
 * UTF-8 input: pass valid runs through, replace each bad byte.  bom bytes
 * came before s: offsets count them.
 */
static int
decode_utf8(const char *s, size_t n, size_t bom, gai_utf8_sink sink,
    void *ctx, struct gai_decode_stats *stats)
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
				stats->first_bad = bom + off;
			if ((rc = sink(ctx, "\xEF\xBF\xBD", 3)) != 0)
				return rc;
			off++;
		}
	}
	return 0;
}

/*
 * Convert in[0..inleft) with cd, all of it: a unit that does not decode
 * becomes U+FFFD, counted in stats (offsets from bytes), and decoding goes
 * on after it.
 */
static int
convert(iconv_t cd, const char *bytes, char *in, size_t inleft, size_t unit,
    char *out, gai_utf8_sink sink, void *ctx, struct gai_decode_stats *stats)
{
	char *o;
	size_t oleft;
	int rc = 0;

	while (inleft > 0 && rc == 0) {
		size_t r;

		o = out;
		oleft = OUTCHUNK;
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
				oleft = OUTCHUNK;
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
	return rc;
}

/*
 * After a conversion that went well (rc 0), flush a stateful decoder's
 * pending output; close cd either way.  rc, or what sink returned.
 */
static int
finish(iconv_t cd, int rc, char *out, gai_utf8_sink sink, void *ctx)
{
	char *o = out;
	size_t oleft = OUTCHUNK;

	if (rc == 0) {
		iconv(cd, NULL, NULL, &o, &oleft);
		if (o > out)
			rc = sink(ctx, out, (size_t)(o - out));
	}
	iconv_close(cd);
	return rc;
}

/*
 * An encoding with a table decoder: what the table has by table, the rest
 * by iconv (opened only then) up to the next byte below gai_dbcs_cut, so
 * iconv sees whole codes and reads them as it would in one pass (it holds
 * nothing back between them: tests/unit/dbcs_test checks).
 */
static int
decode_table(const struct gai_dbcs *t, const char *bytes, size_t from,
    size_t n, char *out, gai_utf8_sink sink, void *ctx,
    struct gai_decode_stats *stats, struct gai_error *err)
{
	size_t p = from, q, k, olen;
	iconv_t cd = (iconv_t)-1;
	int rc = 0;

	while (p < n && rc == 0) {
		k = gai_dbcs_fast(t, bytes + p, n - p, out, OUTCHUNK, &olen);
		if (olen > 0)
			rc = sink(ctx, out, olen);
		p += k;
		if (k > 0 || rc != 0)
			continue;
		if (cd == (iconv_t)-1 &&
		    (cd = iconv_open("UTF-8", gai_dbcs_name(t))) == (iconv_t)-1)
			return gai_error_set(err, GAI_E_ENCODING, errno, 0,
			    "cannot convert from %s", gai_dbcs_name(t));
		for (q = p + 1; q < n &&
		    (unsigned char)bytes[q] >= gai_dbcs_cut(t); q++)
			;
		rc = convert(cd, bytes, (char *)bytes + p, q - p, 1, out, sink,
		    ctx, stats);
		p = q;
	}
	return cd == (iconv_t)-1 ? rc : finish(cd, rc, out, sink, ctx);
}

int
gai_encoding_decode(const struct gai_encoding *enc, const char *bytes,
    size_t n, gai_utf8_sink sink, void *ctx, struct gai_decode_stats *stats,
    struct gai_error *err)
{
	char out[OUTCHUNK];
	size_t unit = strncmp(enc->name, "UTF-16", 6) == 0 ? 2 : 1;
	const struct gai_dbcs *t;
	iconv_t cd;
	int rc;

	memset(stats, 0, sizeof *stats);
	if (enc->checked)
		return pass_checked(bytes + enc->bom, n - enc->bom, sink, ctx);
	if (strcmp(enc->name, "UTF-8") == 0)
		return decode_utf8(bytes + enc->bom, n - enc->bom, enc->bom,
		    sink, ctx, stats);
	if ((t = gai_dbcs_for(enc->name)) != NULL)
		return decode_table(t, bytes, enc->bom, n, out, sink, ctx,
		    stats, err);
	if ((cd = iconv_open("UTF-8", enc->name)) == (iconv_t)-1)
		return gai_error_set(err, GAI_E_ENCODING, errno, 0,
		    "cannot convert from %s", enc->name);
	rc = convert(cd, bytes, (char *)bytes + enc->bom, n - enc->bom,
	    unit, out, sink, ctx, stats);
	return finish(cd, rc, out, sink, ctx);
}
