/* SPDX-License-Identifier: MIT */
/*
 * gai_extract_scan: one pass over a document before it is read.  It says
 * whether the text is UTF-8 without NUL bytes (stream 1, as a raw page is
 * not), where folding would first change it, and marks each line with
 * what it holds that a matcher looks for: a heading's last character, a
 * pair of characters of a glued column-header run, 件 and the words the
 * prose looks for counts near (gai_prose_words), 年, 时 or 日 (a date),
 * and a TAB or '|' (a table row).  The matchers then read only the lines
 * that can hold what they seek, and each byte of the text is looked at
 * once here rather than once per matcher.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gai_extract_impl.h"
#include "gai_prose.h"
#include "gai_text.h"

/* GAI_PROSE_TABLE when the eight bytes at s hold a '|'. */
static unsigned
bar8(const unsigned char *s)
{
	const uint64_t ones = 0x0101010101010101ull;
	uint64_t w;

	memcpy(&w, s, 8);
	w ^= ones * '|';	/* a zero byte where a '|' was */
	return (w - ones) & ~w & (ones << 7) ? GAI_PROSE_TABLE : 0;
}

/*
 * A character of the second set of a glued-text pair at i: is a first
 * one before it, with only what gx_squeeze drops between them
 * (gx_glue_hint)?  *after is the end of the last first one, or SIZE_MAX;
 * once anything else stands after it, no later character pairs with it.
 */
static int
glue_pair(const unsigned char *s, size_t *after, size_t i)
{
	size_t j;

	if (*after == SIZE_MAX)
		return 0;
	for (j = *after; j < i; j++)
		if (s[j] != ' ' && s[j] != '*' && s[j] != '#') {
			*after = SIZE_MAX;
			return 0;
		}
	return 1;
}

/* A line as scan_line reads it. */
struct line {
	const unsigned char *s;	/* the text */
	size_t le;		/* the line's end */
	size_t te;		/* and before its trailing spaces; SIZE_MAX
				 * until a prose word needs it */
	size_t after;		/* for glue_pair */
	unsigned mark;		/* its marks so far */
	unsigned words;		/* its prose words so far */
};

/* The bits m of the character at s[i..i+3) (x->marks) onto its line's
 * marks. */
static void
mark_char(unsigned m, struct line *l, size_t i)
{
	if ((m & GX_C_GNEXT) && glue_pair(l->s, &l->after, i))
		l->mark |= GX_L_GLUE;
	if (m & GX_C_GFIRST)
		l->after = i + 3;
	if (m & GX_C_HEAD)
		l->mark |= GX_L_HEAD;
	if (m & GX_C_YEAR)
		l->mark |= GX_L_YEAR;
	if (m & GX_C_DATE)
		l->mark |= GX_L_DATE;
	if (m & GX_C_JIAN)
		l->mark |= GAI_PROSE_JIAN;
	if (m & GX_C_WORD) {
		if (l->te == SIZE_MAX)	/* this character is no space */
			for (l->te = l->le; l->s[l->te - 1] == ' '; l->te--)
				;
		l->words |= gai_prose_words((const char *)l->s + i,
		    l->te - i);
	}
}

/*
 * A run of Han from s[i], most of a report: lead bytes of U+4000..U+9FFF
 * each with two continuation bytes, valid and kept by the fold; their
 * marks onto l's.  Where the run ends (i when s[i] starts none).
 */
static size_t
han_run(const struct gai_extract *x, struct line *l, size_t i)
{
	const unsigned char *s = l->s, *p = s + i, *end = s + l->le - 2;
	unsigned b1, b2, m;

	if (l->le - i < 3)
		return i;
	for (; p < end && *p - 0xe4u < 6u; p += 3) {
		/* continuation bytes 10xxxxxx: below 0x40 with the top bit
		 * flipped, and then the table's index */
		b1 = p[1] ^ 0x80u;
		b2 = p[2] ^ 0x80u;
		if ((b1 | b2) >= 0x40u)
			break;
		if (x->marks.pair[b1 << 6 | b2] != 0 &&
		    (m = gai_chars_bits(&x->marks, p)) != 0)
			mark_char(m, l, (size_t)(p - s));
	}
	return (size_t)(p - s);
}

/* One line s[ls..le): its marks, its prose words in *words; into r where
 * folding first changes it if it does and r->fold is still n, whether it
 * is not UTF-8 or holds a NUL. */
static unsigned
scan_line(const struct gai_extract *x, const unsigned char *s, size_t ls,
    size_t le, size_t n, struct gx_scanned *r, unsigned *words)
{
	struct line l = { s, le, SIZE_MAX, SIZE_MAX, 0, 0 };
	size_t i = ls, j, len;
	unsigned c, m, cp;
	int no_utf8 = 0;

	while (i < le) {
		c = s[i];
		if (c - 0xe4u < 6u && (j = han_run(x, &l, i)) > i) {
			i = j;
			continue;
		}
		if (c - 0x20u < 0x60u) {	/* ASCII, eight bytes at once */
			if (le - i >= 8 &&
			    gai_text_plain8((const char *)s + i)) {
				l.mark |= bar8(s + i);
				i += 8;
			} else {
				l.mark |= c == '|' ? GAI_PROSE_TABLE : 0;
				i++;
			}
			continue;
		}
		if (c - 0xe0u < 0x10u && le - i >= 3 &&
		    ((s[i + 1] ^ 0x80u) | (s[i + 2] ^ 0x80u)) < 0x40u &&
		    (cp = (c & 0x0fu) << 12 | (s[i + 1] & 0x3fu) << 6 |
		    (s[i + 2] & 0x3fu)) >= 0x800 &&
		    (cp < 0xd800 || cp > 0xdfff)) {
			/* the rest of the three-byte characters: punctuation
			 * (、。“”), and what folds (（）：, U+3000) */
			if (r->fold == n && gai_text_fold_cp(cp) != (long)cp)
				r->fold = i;
			else if ((m = gai_chars_bits(&x->marks, s + i)) != 0)
				mark_char(m, &l, i);
			i += 3;
			continue;
		}
		if (c < 0x20) {		/* a control: TAB, or what folds */
			if (r->fold == n && (c == '\r' || c == '\0' ||
			    c == '\f' || c == '\v'))
				r->fold = i;
			r->nul |= c == '\0';
			l.mark |= c == '\t' ? GAI_PROSE_TABLE : 0;
			i++;
			continue;
		}
		cp = (unsigned)gai_text_decode((const char *)s + i, le - i,
		    &len);
		if (cp == 0xfffd && len == 1)
			no_utf8 = 1;	/* the line is not marked */
		else if (r->fold == n && gai_text_fold_cp(cp) != (long)cp)
			r->fold = i;
		i += len;
	}
	*words = l.words;
	/* Bytes that are not UTF-8 may be stepped over otherwise by the
	 * matchers: every mark, so that they look at the line as before. */
	if (no_utf8) {
		r->utf8 = 0;
		*words |= GAI_PROSE_MAYBE;
		return (GX_L_ALL & ~GAI_PROSE_TABLE) |
		    (l.mark & GAI_PROSE_TABLE);
	}
	return l.mark | (l.words != 0 ? GAI_PROSE_WORD : 0);
}

/* Line nl's prose words w kept; 0 or NOMEM. */
static int
keep_words(struct gai_extract *x, size_t nl, unsigned w)
{
	if (x->nw == x->nwcap) {
		size_t cap = x->nwcap ? x->nwcap * 2 : 256;
		uint32_t *l = realloc(x->wline, cap * sizeof *l);
		unsigned char *v;

		if (l == NULL)
			return GAI_E_NOMEM;
		x->wline = l;
		if ((v = realloc(x->words, cap)) == NULL)
			return GAI_E_NOMEM;
		x->words = v;
		x->nwcap = cap;
	}
	x->wline[x->nw] = (uint32_t)nl;
	x->words[x->nw++] = (unsigned char)w;
	return 0;
}

int
gx_scan(struct gai_extract *x, const char *text, size_t n,
    struct gx_scanned *r)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t ls, le, nl = 0;
	unsigned w;

	r->fold = n;
	r->utf8 = 1;
	r->nul = 0;
	x->nw = 0;
	/* the lines as gx_tokenize cuts them */
	for (ls = 0; ls < n; ls = le + 1) {
		const unsigned char *q = memchr(s + ls, '\n', n - ls);

		le = q != NULL ? (size_t)(q - s) : n;
		if (nl == x->lmcap) {
			size_t cap = x->lmcap ? x->lmcap * 2 : 1024;
			unsigned char *v = realloc(x->lmark, cap);

			if (v == NULL)
				return GAI_E_NOMEM;
			x->lmark = v;
			x->lmcap = cap;
		}
		x->lmark[nl] = (unsigned char)scan_line(x, s, ls, le, n, r,
		    &w);
		if (w != 0 && keep_words(x, nl, w) < 0)
			return GAI_E_NOMEM;
		nl++;
	}
	/* the fold's span steps over bytes that are not UTF-8 its own way */
	if (!r->utf8)
		r->fold = gai_text_fold_span(text, n);
	return 0;
}

int
gx_scan_chars(struct gai_extract *x)
{
	const char *const *p;

	memset(&x->marks, 0, sizeof x->marks);
	if (gai_chars_add(&x->marks, "况況题題项項", 0, GX_C_HEAD) < 0 ||
	    gai_chars_add(&x->marks, "年", 1, GX_C_YEAR) < 0 ||
	    gai_chars_add(&x->marks, "时日", 1, GX_C_DATE) < 0 ||
	    gai_prose_chars(&x->marks, GX_C_WORD, GX_C_JIAN) < 0)
		return -1;
	for (p = gx_glue_pairs; *p != NULL; p++) {
		char first[4];

		memcpy(first, *p, 3);
		first[3] = '\0';
		if (gai_chars_add(&x->marks, first, 1, GX_C_GFIRST) < 0 ||
		    gai_chars_add(&x->marks, *p + 3, 1, GX_C_GNEXT) < 0)
			return -1;
	}
	return 0;
}
