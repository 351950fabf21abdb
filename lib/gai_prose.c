/* SPDX-License-Identifier: MIT */
/* gai_prose: the counts a report states in its prose, as prose.* records. */
#include <config.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <string.h>

#include "gai_buf.h"
#include "gai_chars.h"
#include "gai_error.h"
#include "gai_jit.h"
#include "gai_prose.h"
#include "gai_text.h"

/*
 * Conservative by design: a number is read only where one clause names
 * what is counted and ends the count with 件.  NUM is Arabic digits or
 * Chinese numerals; GAP is a short run inside the clause (no clause
 * punctuation, no digit, no table cell separator).
 */
#define NUM "([0-9]+|[零〇一二两兩三四五六七八九十百千万萬]+)"
#define SP "[ ]*"
#define GAP(n) "[^，,。；;：:！？!?、|\\t\\n0-9]{0," #n "}?"
#define REQ "申[请請]"

static const struct pattern {
	const char *key;
	const char *re;
	int need_req;		/* the sentence must speak of 申请 */
	/* Words one of which a paragraph needs before the pattern is tried. */
	const char *hint[5];
} patterns[] = {
	{ "prose.req.received",
	    "(?:接到|收到|受理|新收)" GAP(12) REQ GAP(8) SP NUM SP "件", 0,
	    { "申请", "申請" } },
	{ "prose.req.carried_in",
	    "上一?年度?" GAP(2) "[结結][转轉]" GAP(10) SP NUM SP "件", 1,
	    { "结转", "結轉", "结轉", "結转" } },
	{ "prose.req.answered",
	    "(?:答复|答覆|办结|辦結)" GAP(10) SP NUM SP "件", 1,
	    { "答复", "答覆", "办结", "辦結" } },
	{ "prose.req.carried_out",
	    "(?:" NUM SP "件" GAP(6) "(?:顺延|順延|[结結][转轉])(?:到|至)?下一?年度?"
	    "|(?:顺延|順延|[结結][转轉])(?:到|至)?下一?年度?" GAP(8) SP NUM SP "件)",
	    1, { "顺延", "順延", "结转", "結轉" } },
	{ "prose.appeal.review",
	    "行政[复復][议議]" GAP(4) SP NUM SP "件", 0,
	    { "行政复议", "行政復議", "行政复議", "行政復议" } },
	{ "prose.appeal.suit",
	    "行政[诉訴][讼訟]" GAP(4) SP NUM SP "件", 0,
	    { "行政诉讼", "行政訴訟", "行政诉訟", "行政訴讼" } },
};

#define NPAT (sizeof(patterns) / sizeof(patterns[0]))

/* Compiled once for the life of the process, with JIT where there is one. */
static pcre2_code *code[NPAT];
static pcre2_match_data *md;
static struct gai_buf flat;
/* The first characters of the hint words, to find them all in one pass. */
static struct gai_chars hint_first;
/* The hint words by their first character: word_first's bits g (1, 2 ...)
 * for the words words[gstart[g - 1] .. gstart[g]). */
static struct word {
	const char *w;
	size_t n;
	unsigned pat;
} words[NPAT * 5];
static size_t gstart[NPAT * 5 + 1];
static struct gai_chars word_first;

/* The first character of every hint word into c, marked bits, or with
 * bits 0 bit i for those of pattern i. */
static int
add_firsts(struct gai_chars *c, unsigned bits)
{
	struct gai_buf firsts = GAI_BUF_INIT;
	size_t i, h;
	int rc = 0;

	for (i = 0; i < NPAT && rc == 0; i++) {
		gai_buf_clear(&firsts);
		for (h = 0; h < sizeof patterns[i].hint /
		    sizeof patterns[i].hint[0] && patterns[i].hint[h] != NULL;
		    h++)
			if (gai_buf_append(&firsts, patterns[i].hint[h], 3) != 0)
				rc = GAI_E_NOMEM;
		if (rc == 0 && gai_chars_add(c, firsts.data, 0,
		    bits != 0 ? bits : 1u << i) != 0)
			rc = GAI_E_FORMAT;	/* a bug in the table above */
	}
	gai_buf_free(&firsts);
	return rc;
}

/* words and word_first from the patterns' hints. */
static int
index_words(void)
{
	size_t i, h, j, k, g = 0, nw = 0;
	char first[4];

	memset(&word_first, 0, sizeof word_first);
	for (i = 0; i < NPAT; i++)
		for (h = 0; h < sizeof patterns[i].hint /
		    sizeof patterns[i].hint[0] && patterns[i].hint[h] != NULL;
		    h++) {
			memcpy(first, patterns[i].hint[h], 3);
			first[3] = '\0';
			if (gai_chars_bits(&word_first,
			    (const unsigned char *)first) != 0)
				continue;	/* its group is made */
			/* a group of every word that starts with it */
			if (++g > 255 ||
			    gai_chars_add(&word_first, first, 0, (unsigned)g) != 0)
				return GAI_E_FORMAT;
			for (j = 0; j < NPAT; j++)
				for (k = 0; k < sizeof patterns[j].hint /
				    sizeof patterns[j].hint[0] &&
				    patterns[j].hint[k] != NULL; k++)
					if (memcmp(patterns[j].hint[k], first,
					    3) == 0) {
						words[nw].w = patterns[j].hint[k];
						words[nw].n = strlen(words[nw].w);
						words[nw++].pat = (unsigned)j;
					}
			gstart[g] = nw;
		}
	return 0;
}

static int
compile(void)
{
	size_t i;
	int errcode, rc;
	PCRE2_SIZE off;

	if (md != NULL)
		return 0;
	memset(&hint_first, 0, sizeof hint_first);
	if ((rc = add_firsts(&hint_first, 0)) != 0 ||
	    (rc = index_words()) != 0)
		return rc;
	for (i = 0; i < NPAT; i++) {
		code[i] = pcre2_compile((PCRE2_SPTR)patterns[i].re,
		    PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_NO_UTF_CHECK,
		    &errcode, &off, NULL);
		if (code[i] == NULL)
			return GAI_E_FORMAT;	/* a bug in the table above */
		if (!gai_jit_off())
			(void)pcre2_jit_compile(code[i], PCRE2_JIT_COMPLETE);
	}
	if ((md = pcre2_match_data_create(8, NULL)) == NULL)
		return GAI_E_NOMEM;
	return 0;
}

int
gai_prose_chars(struct gai_chars *c, unsigned first, unsigned jian)
{
	int rc;

	if ((rc = compile()) == 0 && (rc = add_firsts(c, first)) == 0 &&
	    gai_chars_add(c, "件", 0, jian) != 0)
		rc = GAI_E_FORMAT;
	return rc;
}

unsigned
gai_prose_words(const char *s, size_t n)
{
	unsigned g = gai_chars_bits(&word_first, (const unsigned char *)s),
	    m = 0;
	size_t k, i;

	if (g == 0)
		return 0;
	/* the first character is s's: the rest decides, a byte at a time
	 * (a few bytes: no call) */
	for (k = gstart[g - 1]; k < gstart[g]; k++) {
		const struct word *w = &words[k];

		for (i = 3; i < w->n && i < n && s[i] == w->w[i]; i++)
			;
		if (i == w->n)
			m |= 1u << w->pat;
		else if (i == n)
			m |= GAI_PROSE_MAYBE;
	}
	return m;
}

/*
 * memmem for the short UTF-8 words here (3 bytes and up), which glibc's
 * memmem sets up a shift table for on every call: look for the word's
 * third byte, a continuation byte and so rarer than a lead byte, then
 * compare the whole word around it.
 */
static const char *
find_word(const char *s, size_t n, const char *w, size_t wn)
{
	const char *p = s + 2, *end = s + n;

	if (n < wn)
		return NULL;
	while (p < end && (p = memchr(p, w[2], (size_t)(end - p))) != NULL) {
		if ((size_t)(end - (p - 2)) >= wn && memcmp(p - 2, w, wn) == 0)
			return p - 2;
		p++;
	}
	return NULL;
}

/* Is this line a table row (cells split by TAB or '|')? */
static int
table_line(const char *s, size_t n)
{
	return memchr(s, '\t', n) != NULL || memchr(s, '|', n) != NULL;
}

static int
cjk_or_digit_end(const char *s, size_t n)
{
	return n > 0 && ((unsigned char)s[n - 1] >= 0x80 ||
	    (s[n - 1] >= '0' && s[n - 1] <= '9'));
}

/* Where next_paragraph is in the text. */
struct cursor {
	size_t pos;		/* the next line's offset */
	size_t line;		/* and its number */
	int prev;		/* the line before goes on on it */
	const struct gai_prose_marks *pm;	/* the lines' marks, or NULL */
	size_t wi;		/* the next of pm's lines with words */
	unsigned marks;		/* those of the paragraph's lines */
	unsigned words;		/* and their words */
};

/* The marks and words of the line cur is at, into cur's. */
static void
mark_line(struct cursor *cur)
{
	const struct gai_prose_marks *pm = cur->pm;

	if (pm == NULL) {	/* every line may have everything */
		cur->marks |= GAI_PROSE_JIAN | GAI_PROSE_WORD;
		cur->words |= GAI_PROSE_MAYBE;
		return;
	}
	cur->marks |= pm->line[cur->line];
	if (!(pm->line[cur->line] & GAI_PROSE_WORD))
		return;
	while (cur->wi < pm->nw && pm->wline[cur->wi] < cur->line)
		cur->wi++;
	cur->words |= cur->wi < pm->nw && pm->wline[cur->wi] == cur->line ?
	    pm->words[cur->wi] : GAI_PROSE_MAYBE;
}

/*
 * The prose with its hard line breaks undone (PDF text wraps a sentence
 * anywhere: 答\n复), spaces around a break dropped; table rows and blank
 * lines end a paragraph.  Paragraph by paragraph: the next one into flat
 * (cur carries on from the last call; cur->marks and cur->words get
 * its lines'), 1;
 * 0 at the end.  One paragraph at a time, so memory stays the size of
 * the longest.
 */
static int
next_paragraph(const char *text, size_t len, struct cursor *cur)
{
	const char *p = text + cur->pos, *end = text + len, *nl, *a, *b;

	gai_buf_clear(&flat);
	cur->marks = cur->words = 0;
	while (p < end) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		for (a = p; a < nl && *a == ' '; a++)
			continue;
		for (b = nl; b > a && b[-1] == ' '; b--)
			continue;
		if (a == b || (cur->pm != NULL ?
		    (cur->pm->line[cur->line] & GAI_PROSE_TABLE) != 0 :
		    table_line(a, (size_t)(b - a)))) {
			cur->prev = 0;
			p = nl + 1;
			cur->line++;
			if (flat.len > 0)
				break;
			continue;
		}
		/* A line that is not joined to the one before starts a
		 * paragraph of its own. */
		if (!cur->prev && flat.len > 0)
			break;
		/* Join to the line before when both are CJK prose. */
		if (cur->prev && !((unsigned char)*a >= 0x80 ||
		    (*a >= '0' && *a <= '9') || *a == '(') &&
		    gai_buf_putc(&flat, ' ') != 0)
			return GAI_E_NOMEM;
		if (gai_buf_append(&flat, a, (size_t)(b - a)) != 0)
			return GAI_E_NOMEM;
		cur->prev = cjk_or_digit_end(a, (size_t)(b - a));
		mark_line(cur);
		p = nl + 1;
		cur->line++;
		if (!cur->prev)
			break;
	}
	cur->pos = p < end ? (size_t)(p - text) : len;
	return flat.len > 0;
}

/* Chinese numerals: 十 10, 两 2, 二十三 23, 一百零五 105, 三万二千 32000. */
static long
cn_number(const char *s, size_t n)
{
	long total = 0, section = 0, digit = -1;
	size_t l;
	unsigned long cp;

	while (n > 0) {
		cp = gai_text_decode(s, n, &l);
		s += l;
		n -= l;
		switch (cp) {
		case 0x96F6: case 0x3007:	/* 零 〇 */
			digit = 0; break;
		case 0x4E00: digit = 1; break;	/* 一 */
		case 0x4E8C: case 0x4E24: case 0x5169:	/* 二 两 兩 */
			digit = 2; break;
		case 0x4E09: digit = 3; break;
		case 0x56DB: digit = 4; break;
		case 0x4E94: digit = 5; break;
		case 0x516D: digit = 6; break;
		case 0x4E03: digit = 7; break;
		case 0x516B: digit = 8; break;
		case 0x4E5D: digit = 9; break;
		case 0x5341:	/* 十 */
			section += (digit < 0 ? 1 : digit) * 10;
			digit = -1;
			break;
		case 0x767E:	/* 百 */
			section += (digit < 0 ? 1 : digit) * 100;
			digit = -1;
			break;
		case 0x5343:	/* 千 */
			section += (digit < 0 ? 1 : digit) * 1000;
			digit = -1;
			break;
		case 0x4E07: case 0x842C:	/* 万 萬 */
			total += (section + (digit < 0 ? 0 : digit)) * 10000;
			section = 0;
			digit = -1;
			break;
		default:
			return -1;
		}
	}
	return total + section + (digit < 0 ? 0 : digit);
}

/* The start of the sentence around off: after the last 。 or line break. */
static int
sentence_has_req(const char *s, size_t off)
{
	size_t i = off, start;
	const char *q;

	while (i > 0 && s[i - 1] != '\n' &&
	    !(i >= 3 && memcmp(s + i - 3, "。", 3) == 0))
		i--;
	start = i;
	for (q = s + start; q + 3 <= s + off + 3 && *q != '\0'; q++)
		if (memcmp(q, "申请", 6) == 0 || memcmp(q, "申請", 6) == 0)
			return 1;
	/* The clause right after the match also counts: 答复805件（含…申请…）. */
	for (q = s + off; *q != '\0' && *q != '\n'; q++) {
		if (memcmp(q, "。", 3) == 0)
			break;
		if (memcmp(q, "申请", 6) == 0 || memcmp(q, "申請", 6) == 0)
			return 1;
	}
	return 0;
}

/* The sentence around flat[a..b): from after a 。 or line break before it
 * to its own 。 or the line's end. */
static void
sentence(size_t a, size_t b, size_t *start, long *end)
{
	while (a > 0 && flat.data[a - 1] != '\n' &&
	    !(a >= 3 && memcmp(flat.data + a - 3, "。", 3) == 0))
		a--;
	while (b < flat.len && flat.data[b] != '\n' &&
	    memcmp(flat.data + b, "。", 3 < flat.len - b ? 3 : flat.len - b)
	    != 0)
		b++;
	if (b + 3 <= flat.len && memcmp(flat.data + b, "。", 3) == 0)
		b += 3;
	*start = a;
	*end = (long)b;
}

/* Bit i of want: the paragraph p[0..n) holds one of pattern i's words.
 * One pass finds where a word may start (its first character, whose bits
 * say the patterns it starts a word of), for all of them. */
static unsigned
hinted(const char *p, size_t n, unsigned want)
{
	unsigned mask = 0, cand;
	size_t i, h, at, wn;

	for (at = gai_chars_find(&hint_first, p, n); at < n && mask != want;
	    at += 3, at += gai_chars_find(&hint_first, p + at, n - at)) {
		cand = gai_chars_bits(&hint_first,
		    (const unsigned char *)p + at) & want & ~mask;
		for (i = 0; cand != 0 && i < NPAT; i++)
			for (h = 0; (cand & (1u << i)) && h <
			    sizeof patterns[i].hint / sizeof patterns[i].hint[0]
			    && patterns[i].hint[h] != NULL; h++) {
				wn = strlen(patterns[i].hint[h]);
				if (n - at >= wn &&
				    memcmp(p + at, patterns[i].hint[h], wn) == 0)
					mask |= 1u << i;
			}
	}
	return mask;
}

/* A count found, kept until the scan is done: the records go out in the
 * order of the patterns. */
struct found {
	char num[32];
	size_t start, end;	/* its sentence, in kept */
};

/* The sentences of the counts found, while later paragraphs are read. */
static struct gai_buf kept;

/*
 * Pattern i over flat[from..to): 1 with the first count it finds in *f,
 * else 0, or GAI_E_NOMEM.
 */
static int
scan(size_t i, size_t from, size_t to, struct found *f)
{
	PCRE2_SIZE *ov;
	size_t start, g;
	long v, end;
	int rc;

	for (start = from; start < to; start = ov[1]) {
		rc = pcre2_match(code[i], (PCRE2_SPTR)flat.data, to, start,
		    PCRE2_NO_UTF_CHECK, md, NULL);
		if (rc < 0)
			return 0;
		ov = pcre2_get_ovector_pointer(md);
		/* The number is whichever group took part. */
		for (g = 1; g < (size_t)rc && ov[2 * g] == PCRE2_UNSET; g++)
			continue;
		if (g >= (size_t)rc || ov[2 * g] == PCRE2_UNSET)
			continue;
		if (patterns[i].need_req && !sentence_has_req(flat.data, ov[0]))
			continue;
		if (flat.data[ov[2 * g]] >= '0' && flat.data[ov[2 * g]] <= '9') {
			if (ov[2 * g + 1] - ov[2 * g] > 15)
				continue;
			snprintf(f->num, sizeof(f->num), "%.*s",
			    (int)(ov[2 * g + 1] - ov[2 * g]),
			    flat.data + ov[2 * g]);
		} else {
			v = cn_number(flat.data + ov[2 * g],
			    ov[2 * g + 1] - ov[2 * g]);
			if (v < 0)
				continue;
			snprintf(f->num, sizeof(f->num), "%ld", v);
		}
		sentence(ov[0], ov[1], &g, &end);
		f->start = kept.len;
		if (gai_buf_append(&kept, flat.data + g, (size_t)end - g) != 0)
			return GAI_E_NOMEM;
		f->end = kept.len;
		return 1;
	}
	return 0;
}

int
gai_prose_scan(const char *text, size_t len,
    const struct gai_prose_marks *marks, gai_prose_emit emit, void *ctx)
{
	struct found f[NPAT];
	struct cursor cur = { 0, 0, 0, NULL, 0, 0, 0 };
	size_t i;
	unsigned want = (1u << NPAT) - 1, m;
	int rc;

	if ((rc = compile()) != 0)
		return rc;
	gai_buf_clear(&kept);
	/* Each pattern's first count, paragraph by paragraph: only those
	 * that state a count (every pattern ends in 件) are looked at, for
	 * the patterns they have words of and that are not found yet. */
	cur.pm = marks;
	while (want != 0 && (rc = next_paragraph(text, len, &cur)) > 0) {
		if ((cur.marks & (GAI_PROSE_JIAN | GAI_PROSE_WORD)) !=
		    (GAI_PROSE_JIAN | GAI_PROSE_WORD) ||
		    find_word(flat.data, flat.len, "件", 3) == NULL)
			continue;
		/* the words the lines' marks say, unless one may go on from
		 * a line to the next: then they are looked for again */
		m = cur.words & GAI_PROSE_MAYBE ? hinted(flat.data, flat.len,
		    want) : cur.words & want;
		for (i = 0; i < NPAT; i++)
			if ((m & (1u << i)) &&
			    (rc = scan(i, 0, flat.len, &f[i])) != 0) {
				if (rc < 0)
					return rc;
				want &= ~(1u << i);
			}
	}
	if (rc < 0)
		return rc;
	for (i = 0; i < NPAT; i++)
		if (!(want & (1u << i)) && (rc = emit(ctx, patterns[i].key,
		    f[i].num, kept.data + f[i].start, f[i].end - f[i].start))
		    != 0)
			return rc;
	return 0;
}
