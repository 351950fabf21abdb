/* SPDX-License-Identifier: MIT */
/*
 * gai_extract_glued: the reader of glued text.  A crawler that takes a
 * page's text with no separators (textContent, get_text()) runs every
 * cell of a table together, often the whole report on one line.  Such a
 * line is cut here into the tokens the matcher knows: headings, row
 * labels (a label ends where its digits begin), the column-header run
 * (text, never data) and GX_T_RUN tokens, digits whose cells the
 * resolver decides.  A line is glued when it holds a table's column
 * headings run together; no other line is touched.
 */
#include <config.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "gai_extract_impl.h"

/* Shorter text cannot hold a column-header run. */
#define GATE_MIN 24

/* The longest label, numbering and notes included, in bytes. */
#define LABEL_TAIL 150

/* The longest heading before its last character, numbering included. */
#define HEADING_MAX 60
/* Nor is one looked for in a cell past 1 MiB (a crawl's junk): cutting
 * it would map 9 bytes a byte, and memory is kept near twice the
 * document's. */
#define GATE_MAX ((size_t)1 << 20)

/*
 * A line at least this long is a whole table or report joined with runs
 * of spaces (a crawler that joined its text nodes with spaces): its cells
 * are tokens of their own, so its column-header run is looked for across
 * them.  A laid-out table's header line (pdftotext -layout) is far
 * shorter, and stays a line of cells.
 */
#define SPACED_MIN 1024

int
gx_glued_compile(struct gai_extract *x, struct gai_error *err)
{
	struct gai_buf b = GAI_BUF_INIT;
	size_t i;
	int rc = 0;

	for (i = 0; gx_glued_pats[i] != NULL && rc == 0; i++)
		if ((i > 0 && gai_buf_putc(&b, '|') < 0) ||
		    gai_buf_puts(&b, gx_glued_pats[i]) < 0)
			rc = GAI_E_NOMEM;
	if (rc == 0 && (x->glue_re = gx_compile(b.data, 0, err)) == NULL)
		rc = GAI_E_USAGE;
	if (rc == GAI_E_NOMEM)
		gai_error_set(err, GAI_E_NOMEM, 0, 0, "out of memory");
	gai_buf_free(&b);
	return rc;
}

/* s[0..n) without spaces into x->gsq, with x->gmap[k] the text offset
 * of its byte k (gmap[len]: the end). */
static int
squeeze_map(struct gai_extract *x, size_t off, size_t n)
{
	const char *s = x->text.data + off;
	size_t i, k = 0;

	gai_buf_clear(&x->gsq);
	if (gai_buf_reserve(&x->gsq, n + 1) < 0)
		return GAI_E_NOMEM;
	if (x->gmapcap < n + 1) {
		size_t *m = realloc(x->gmap, (n + 1) * sizeof *m);

		if (m == NULL)
			return GAI_E_NOMEM;
		x->gmap = m;
		x->gmapcap = n + 1;
	}
	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '*' && s[i] != '#') {
			x->gsq.data[k] = s[i];
			x->gmap[k++] = off + i;
		}
	x->gsq.data[k] = '\0';
	x->gsq.len = k;
	x->gmap[k] = off + n;
	return 0;
}

/* Match re in x->gsq from offset o: 1 with the match in [*ms, *me). */
static int
find(struct gai_extract *x, void *re, size_t o, size_t *ms, size_t *me)
{
	PCRE2_SIZE *ov;
	int rc;

	if (re == NULL)
		return 0;
	rc = x->nojit ? pcre2_match(re, (PCRE2_SPTR)x->gsq.data, x->gsq.len,
	    o, PCRE2_NO_UTF_CHECK, x->mdata, NULL) :
	    pcre2_jit_match(re, (PCRE2_SPTR)x->gsq.data, x->gsq.len, o, 0,
	    x->mdata, NULL);
	if (rc < 0)
		return 0;
	ov = pcre2_get_ovector_pointer(x->mdata);
	*ms = ov[0];
	*me = ov[1];
	return 1;
}

/* A new token at the end of the new vector, NULL when memory runs out. */
static struct gx_tok *
grow(struct gai_extract *x)
{
	if (x->gtn == x->gtcap) {
		size_t cap = x->gtcap ? x->gtcap * 2 : 1024;
		struct gx_tok *v = realloc(x->gtok, cap * sizeof *v);

		if (v == NULL)
			return NULL;
		x->gtok = v;
		x->gtcap = cap;
	}
	return &x->gtok[x->gtn++];
}

/* Token k as it is, glued or not. */
static int
copy(struct gai_extract *x, const struct gx_tok *k, int glued)
{
	struct gx_tok *t = grow(x);

	if (t == NULL)
		return GAI_E_NOMEM;
	*t = *k;
	t->glued = (unsigned char)glued;
	return 0;
}

/* A token cut from glued text, without the spaces around it. */
static int
push(struct gai_extract *x, size_t off, size_t len, unsigned line, int kind,
    int *first)
{
	struct gx_tok *k;

	while (len > 0 && x->text.data[off] == ' ')
		off++, len--;
	while (len > 0 && x->text.data[off + len - 1] == ' ')
		len--;
	if (len == 0)
		return 0;
	if ((k = grow(x)) == NULL)
		return GAI_E_NOMEM;
	k->off = off;
	k->len = (unsigned)len;
	k->line = line;
	k->kind = (unsigned char)kind;
	k->delim = 0;
	k->lfirst = (unsigned char)*first;
	k->glued = 1;
	*first = 0;
	return 0;
}

/*
 * Where a heading matched up to sq offset e ends: after the 况, 题 or 项
 * every heading ends with (政府信息公开行政复议、行政诉讼情况), when it
 * comes within a few characters; else at e.
 */
static size_t
heading_end(const struct gai_extract *x, size_t e)
{
	static const char ends[][4] = { "况", "況", "题", "題", "项", "項" };
	size_t i, k;

	for (i = e; i < x->gsq.len && i < e + 3 * 12; i += 3)
		for (k = 0; k < sizeof ends / sizeof ends[0]; k++)
			if (x->gsq.len - i >= 3 &&
			    memcmp(x->gsq.data + i, ends[k], 3) == 0)
				return i + 3;
	return e;
}

/*
 * Where the numbering before a label that starts at sq offset s begins
 * ("三、", "(一)", "1."), not before from: the unanchored label patterns
 * go without it.
 */
static size_t
numbering_start(const struct gai_extract *x, size_t from, size_t s)
{
	static const char cn[] = "一二三四五六七八九十";
	const char *d = x->gsq.data;
	size_t b = s;

	while (b > from && s - b < 12) {
		if (strchr("0123456789().,", d[b - 1]) != NULL && d[b - 1])
			b--;
		else if (b - from >= 3 && (memcmp(d + b - 3, "、", 3) == 0 ||
		    memmem(cn, sizeof cn - 1, d + b - 3, 3) != NULL))
			b -= 3;
		else
			break;
	}
	/* it starts with "(", a digit or a numeral: "元)" is no numbering */
	while (b < s && strchr(").,", d[b]) != NULL)
		b++;
	if (b < s && memcmp(d + b, "、", 3) == 0)
		return s;
	return b;
}

/*
 * The first heading in x->gsq at or after o: every heading ends in 况, 题
 * or 项, so the anchored heading patterns are tried only in the few
 * characters before one of those.  1 with it in [*bs, *be).
 */
static int
find_heading(struct gai_extract *x, size_t o, size_t *bs, size_t *be)
{
	static const char ends[][4] = { "况", "況", "题", "題", "项", "項" };
	const char *d = x->gsq.data;
	size_t p, s, k, e;

	for (p = o; p + 3 <= x->gsq.len; p++) {
		for (k = 0; k < sizeof ends / sizeof ends[0]; k++)
			if (memcmp(d + p, ends[k], 3) == 0)
				break;
		if (k == sizeof ends / sizeof ends[0])
			continue;
		s = p > o + HEADING_MAX ? p - HEADING_MAX : o;
		for (; s < p; s++) {
			if ((d[s] & 0xc0) == 0x80)
				continue;
			for (k = 0; k < 4; k++)
				if (find(x, x->head_re[k], s, bs, &e) &&
				    *bs == s) {
					*be = e;
					return 1;
				}
		}
	}
	return 0;
}

/*
 * Text with no digits of a table's cells: cut before every heading and
 * row label and after every heading, so each is a token of its own.
 */
static int
cut_labels(struct gai_extract *x, size_t off, size_t n, unsigned line,
    int *first)
{
	size_t o = 0, from = 0, w, bs = 0, be = 0, cs[2], ce[2];
	unsigned char valid[2] = { 0, 0 };
	int k, hit;

	if (squeeze_map(x, off, n) < 0)
		return GAI_E_NOMEM;
	/* a label ends where its digits begin: look for labels in the last
	 * characters only (most of a glued report is prose) */
	w = x->gsq.len > LABEL_TAIL ? x->gsq.len - LABEL_TAIL : 0;
	while (w < x->gsq.len && (x->gsq.data[w] & 0xc0) == 0x80)
		w++;
	while (o < x->gsq.len) {
		/* the leftmost heading (0) or label (1); a heading wins a
		 * tie; each one's next match is kept until o passes it */
		hit = -1;
		for (k = 0; k < 2; k++) {
			if (!valid[k] || cs[k] < o) {
				valid[k] = 2;
				if (!(k == 0 ? find_heading(x, o, &cs[k],
				    &ce[k]) : find(x, x->labu_re, o > w ? o : w,
				    &cs[k], &ce[k])))
					valid[k] = 1, cs[k] = (size_t)-1;
			}
			if (valid[k] == 2 && (hit < 0 || cs[k] < bs)) {
				hit = k;
				bs = cs[k];
				be = ce[k];
			}
		}
		if (hit < 0)
			break;
		if (hit > 0)
			bs = numbering_start(x, from, bs);
		if (bs > from && push(x, x->gmap[from], x->gmap[bs] -
		    x->gmap[from], line, GX_T_TEXT, first) < 0)
			return GAI_E_NOMEM;
		from = bs;
		if (hit == 0) {
			be = heading_end(x, be);
			if (push(x, x->gmap[bs], x->gmap[be] - x->gmap[bs],
			    line, GX_T_TEXT, first) < 0)
				return GAI_E_NOMEM;
			from = be;
		}
		o = be > bs ? be : bs + 1;
	}
	if (from < x->gsq.len)
		return push(x, x->gmap[from], off + n - x->gmap[from], line,
		    GX_T_TEXT, first);
	return 0;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Does s start with 年, 月 or 日: a date, not a cell? */
static int
date_word(const char *s, const char *e)
{
	return e - s >= 3 && (memcmp(s, "年", 3) == 0 ||
	    memcmp(s, "月", 3) == 0 || memcmp(s, "日", 3) == 0);
}

/* The dash of a page number, "-" or "—", ending at s[k] (going back)
 * or starting there (going forward): its length, or 0. */
static size_t
page_dash(const char *s, size_t k, size_t e, int back)
{
	if (back) {
		if (k >= 1 && s[k - 1] == '-')
			return 1;
		return k >= 3 && memcmp(s + k - 3, "—", 3) == 0 ? 3 : 0;
	}
	if (k < e && s[k] == '-')
		return 1;
	return e - k >= 3 && memcmp(s + k, "—", 3) == 0 ? 3 : 0;
}

/*
 * Are the digits s[a..b) a page number, a dash on either side ("-2-",
 * "- 12 -", "—3—"), that a PDF converter left in the text: no cell's?
 */
static int
page_number(const char *s, size_t a, size_t b, size_t e)
{
	size_t i;

	for (i = a; i < b; i++)
		if (!is_digit(s[i]))
			return 0;
	if (a > 0 && s[a - 1] == ' ')
		a--;
	if (b < e && s[b] == ' ')
		b++;
	return page_dash(s, a, e, 1) > 0 && page_dash(s, b, e, 0) > 0;
}

/*
 * The next run of a table's digits in s[*p..e): 1 with it in [*rs, *re),
 * a unit after it included; 0 when there is none.  Numbering ("1." and
 * "(2)" before a label) and dates are text, not digits of a cell.
 */
static int
next_run(const char *s, size_t *p, size_t e, size_t *rs, size_t *re)
{
	size_t a, b, u;

	for (a = *p; a < e; a = b) {
		while (a < e && !is_digit(s[a]))
			a++;
		if (a == e)
			break;
		/* digits, and spaces, points or signs with digits after
		 * them (a sign makes the run unreadable: safe), and
		 * thousands separators (1,234) */
		for (b = a + 1; b < e; b++)
			if (!is_digit(s[b]) && !((s[b] == ' ' || s[b] == '.' ||
			    s[b] == '-' || s[b] == '+') &&
			    b + 1 < e && is_digit(s[b + 1])) && !(s[b] == ',' &&
			    e - b > 3 && is_digit(s[b + 1]) && is_digit(s[b + 2]) &&
			    is_digit(s[b + 3]) && (e - b == 4 ||
			    !is_digit(s[b + 4]))))
				break;
		if ((a > 0 && s[a - 1] == '(') || (b < e && s[b] == ')') ||
		    date_word(s + b, s + e) || page_number(s, a, b, e))
			continue;	/* (2) numbering, 2023年, -2- */
		if (b < e && (s[b] == '.' || (e - b >= 3 &&
		    memcmp(s + b, "、", 3) == 0))) {
			/* its last digit numbers the label after it */
			b--;
			while (b > a && s[b - 1] == ' ')
				b--;
			if (b == a) {
				b = a + 1;
				continue;
			}
		}
		u = gx_unit_len(s + b, e - b);
		*rs = a;
		*re = b + u;
		*p = b + u;
		return 1;
	}
	*p = e;
	return 0;
}

/* Cut glued text token k into text and GX_T_RUN tokens. */
static int
cut_token(struct gai_extract *x, const struct gx_tok *k, int *first)
{
	const char *s = x->text.data;
	size_t p = k->off, e = k->off + k->len, at = p, rs, re;

	while (next_run(s, &p, e, &rs, &re)) {
		if (rs > at && cut_labels(x, at, rs - at, k->line, first) < 0)
			return GAI_E_NOMEM;
		if (push(x, rs, re - rs, k->line, GX_T_RUN, first) < 0)
			return GAI_E_NOMEM;
		at = re;
	}
	if (at < e && cut_labels(x, at, e - at, k->line, first) < 0)
		return GAI_E_NOMEM;
	return 0;
}

static int
has_digit(const struct gai_extract *x, const struct gx_tok *k)
{
	size_t i;

	for (i = 0; i < k->len; i++)
		if (is_digit(x->text.data[k->off + i]))
			return 1;
	return 0;
}

int
gx_glue_hint(const struct gai_extract *x, const char *s, size_t n)
{
	size_t at, q;

	for (at = gai_chars_find(&x->glue_chars, s, n); at < n;
	    at += 3, at += gai_chars_find(&x->glue_chars, s + at, n - at)) {
		for (q = at + 3; q < n && (s[q] == ' ' || s[q] == '*' ||
		    s[q] == '#'); q++)
			;
		if (n - q >= 3 && gai_chars_find(&x->glue_next, s + q, 3) == 0)
			return 1;
	}
	return 0;
}

/*
 * Do the tokens [a, b) of one line hold a column-header run, or, right
 * after such a line (prev), go on with its digits (a line break inside
 * a label)?
 */
static int
glued_line(struct gai_extract *x, size_t a, size_t b, int prev)
{
	size_t i;

	if (prev) {
		for (i = a; i < b && !x->toks.v[i].delim; i++)
			if (x->toks.v[i].kind == GX_T_TEXT &&
			    has_digit(x, &x->toks.v[i]))
				return 1;
		if (i < b)
			return 0;
	}
	/* a line without a pair anywhere has none in its cells */
	if (x->glue_filter && !(x->lmark[x->toks.v[a].line] & GX_L_GLUE))
		return 0;
	for (i = a; i < b; i++) {
		const struct gx_tok *k = &x->toks.v[i];

		if (k->kind != GX_T_TEXT || k->len < GATE_MIN ||
		    k->len > GATE_MAX || (x->glue_filter &&
		    !gx_glue_hint(x, x->text.data + k->off, k->len)))
			continue;
		/* no map to the text needed: gx_squeeze, not squeeze_map */
		if (gx_squeeze(x, x->text.data + k->off, k->len) < 0)
			return GAI_E_NOMEM;
		if (gx_match(x, x->glue_re, NULL, 0, NULL, NULL))
			return 1;
	}
	if (b - a > 1 && !x->toks.v[a].delim) {
		size_t s = x->toks.v[a].off;
		size_t e = x->toks.v[b - 1].off + x->toks.v[b - 1].len;

		if (e - s >= SPACED_MIN && e - s <= GATE_MAX &&
		    (!x->glue_filter || gx_glue_hint(x, x->text.data + s,
		    e - s))) {
			if (gx_squeeze(x, x->text.data + s, e - s) < 0)
				return GAI_E_NOMEM;
			if (gx_match(x, x->glue_re, NULL, 0, NULL, NULL))
				return 1;
		}
	}
	return 0;
}

int
gx_unglue(struct gai_extract *x)
{
	size_t a, b, i, n = x->toks.n;
	int rc = 0, any = 0, first;

	x->gtn = 0;
	for (a = 0; a < n; a = b) {
		for (b = a + 1; b < n && x->toks.v[b].line == x->toks.v[a].line;
		    b++)
			;
		if ((rc = glued_line(x, a, b, rc == 1)) < 0)
			return rc;
		if (!any && rc == 0)
			continue;	/* nothing cut yet: nothing to copy */
		if (!any) {
			/* from here on the tokens go to the new vector */
			for (i = 0; i < a; i++)
				if (copy(x, &x->toks.v[i], 0) < 0)
					return GAI_E_NOMEM;
			any = 1;
		}
		for (first = 1, i = a; i < b; i++) {
			const struct gx_tok *k = &x->toks.v[i];

			if (rc == 1 && k->kind == GX_T_TEXT) {
				if (cut_token(x, k, &first) < 0)
					return GAI_E_NOMEM;
				continue;
			}
			if (copy(x, k, rc) < 0)
				return GAI_E_NOMEM;
			if (rc == 1 && k->kind == GX_T_NUM)
				x->gtok[x->gtn - 1].kind = GX_T_RUN;
			first = 0;
		}
	}
	if (any) {
		struct gx_tok *v = x->toks.v;
		size_t cap = x->toks.cap;

		x->toks.v = x->gtok;
		x->toks.cap = x->gtcap;
		x->toks.n = x->gtn;
		x->gtok = v;
		x->gtcap = cap;
	}
	return 0;
}
