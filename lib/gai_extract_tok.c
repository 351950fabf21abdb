/* SPDX-License-Identifier: MIT */
/* gai_extract_tok: a document's lines cut into cells, whatever the layout. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "gai_extract_impl.h"

static int
push(struct gx_toks *t, size_t off, size_t len, unsigned line, int kind,
    int delim, int first)
{
	struct gx_tok *k;

	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 1024;
		struct gx_tok *v = realloc(t->v, cap * sizeof *v);

		if (v == NULL)
			return GAI_E_NOMEM;
		t->v = v;
		t->cap = cap;
	}
	if (kind == GX_T_TEXT)
		t->last_text = t->n;
	k = &t->v[t->n++];
	k->off = (uint32_t)off;
	k->len = (uint32_t)len;
	k->line = line;
	k->kind = (unsigned char)kind;
	k->delim = (unsigned char)delim;
	k->lfirst = (unsigned char)first;
	k->glued = 0;
	return 0;
}

/* A page number standing alone: -4-, - 4 -, —4—, 第4页. */
static int
page_number(const char *s, size_t n)
{
	size_t i = 0, d = 0;

	if (n >= 3 && s[0] == '-' && s[n - 1] == '-') {
		i = 1;
		n--;
	} else if (n >= 7 && memcmp(s, "—", 3) == 0 &&
	    memcmp(s + n - 3, "—", 3) == 0) {
		i = 3;
		n -= 3;
	} else if (n >= 7 && memcmp(s, "第", 3) == 0 &&
	    memcmp(s + n - 3, "页", 3) == 0) {
		i = 3;
		n -= 3;
	} else
		return 0;
	for (; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			d++;
		else if (s[i] != ' ')
			return 0;
	}
	return d > 0 && d <= 4;
}

/* Every space-separated word of s[0..n) a number (and two at least)? */
static int
all_numbers(const char *s, size_t n, struct gai_buf *scratch)
{
	size_t i = 0, j, words = 0;
	unsigned fl;

	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		for (j = i; j < n && s[j] != ' '; j++)
			;
		if (j > i) {
			gai_buf_clear(scratch);
			if (gx_num_parse(s + i, j - i, scratch, &fl) != 1)
				return 0;
			words++;
		}
		i = j;
	}
	return words >= 2;
}

/*
 * The next cell of the line that ends at le, from *p: cut at sep (TAB or
 * '|'), or where sep is 0 at a run of two or more spaces; its spaces
 * trimmed, in [*cs, *cs + *cl).  0 when the line has no more.  A line of
 * many cells is cut twice over, its cells not kept: a line of tiny cells
 * would take 16 bytes a cell.
 */
static int
next_cell(const char *text, size_t *p, size_t le, int sep, size_t *cs,
    size_t *cl)
{
	size_t s = *p, e;

	if (*p > le)
		return 0;
	if (sep != 0) {
		const char *q = memchr(text + *p, sep, le - *p);

		*p = q != NULL ? (size_t)(q - text) : le;
		e = (*p)++;
	} else {
		/* a run of two or more spaces separates cells */
		for (;;) {
			const char *q = memchr(text + *p, ' ', le - *p);

			if (q == NULL) {
				*p = le;
				break;
			}
			*p = (size_t)(q - text);
			if (*p + 1 < le && text[*p + 1] == ' ')
				break;
			(*p)++;
		}
		e = *p;
		while (*p < le && text[*p] == ' ')
			(*p)++;
		if (e == le)
			*p = le + 1;
	}
	while (s < e && text[s] == ' ')
		s++;
	while (e > s && text[e - 1] == ' ')
		e--;
	*cs = s;
	*cl = e - s;
	return 1;
}

/* A markdown rule |---|:--|: nothing but '-', ':' and spaces, a dash. */
static int
rule_cell(const char *s, size_t n, size_t *dashes)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '-')
			(*dashes)++;
		else if (s[i] != ':' && s[i] != ' ')
			return 0;
	return 1;
}

/* Token(s) of cell s[0..n) at off: a number, numbers one space apart, or
 * text.  *emitted: a token of the line is out. */
static int
cell_tokens(struct gx_toks *t, const char *text, size_t off, size_t n,
    unsigned line, int delim, int *emitted)
{
	const char *s = text + off;
	size_t a, b;
	unsigned fl;
	int kind = GX_T_TEXT;

	gai_buf_clear(&t->scratch);
	if (n < 64 && (gx_num_parse(s, n, &t->scratch, &fl) == 1 ||
	    (gx_change_lead(s, n) && gx_change_read(s, n, &t->scratch) == 1)))
		kind = GX_T_NUM;	/* 增98: a 本年增/减 cell */
	else if (((s[0] >= '0' && s[0] <= '9') || s[0] == '-') &&
	    memchr(s, ' ', n) != NULL && all_numbers(s, n, &t->scratch)) {
		/* "10 1 0 0": numbers one space apart */
		for (a = 0; a < n; a = b) {
			while (a < n && s[a] == ' ')
				a++;
			for (b = a; b < n && s[b] != ' '; b++)
				;
			if (b > a && push(t, off + a, b - a, line, GX_T_NUM,
			    delim, !*emitted) < 0)
				return GAI_E_NOMEM;
			*emitted = 1;
		}
		return 0;
	}
	if (push(t, off, n, line, kind, delim, !*emitted) < 0)
		return GAI_E_NOMEM;
	*emitted = 1;
	return 0;
}

/* A run of cells that are not text is cut short after this many cells
 * past its first number: a row's cells are read no further (gather, in
 * gai_extract_match.c, keeps GX_MAXCOLS + 2 of them and counts the rest;
 * its other walks stop at a number or within 24 cells). */
#define RUN_KEEP 24
#define NONE ((size_t)-1)

/* The first number after the first cell of the run of cells that are
 * not text the last cells are in, looked for before lim; NONE. */
static size_t
run_number(struct gx_toks *t, size_t lim)
{
	size_t run = t->last_text + 1;	/* 0 when none */

	if (t->run != run) {
		t->run = run;
		t->run_num = NONE;
		t->scan = run + 1;
	}
	for (; t->run_num == NONE && t->scan < lim; t->scan++)
		if (t->v[t->scan].kind == GX_T_NUM)
			t->run_num = t->scan;
	return t->run_num;
}

/*
 * In a line of many cells, the cells [t->sqi, t->n) just cut: numbers
 * one after another, far enough into a run of cells that are not text,
 * go into one GX_T_MANY, the last of them kept after it.  On the line of
 * a row's label the walks count them (gather) or read their digits as
 * one run to the last number (glued_cells); no other walk gets there
 * (see runs).  Called after each cell (a cell of text is one token, so
 * t->last_text is never one of the cells still to look at but the first).
 */
static void
squash(struct gx_toks *t)
{
	size_t r, w = t->sqi, rn;
	struct gx_tok k;

	for (r = t->sqi; r < t->n; r++) {
		k = t->v[r];
		if (k.kind != GX_T_NUM) {
			t->many_in = NONE;
			if (k.kind == GX_T_TEXT)
				t->last_text = w;
		} else if (t->many_in != NONE) {
			t->v[t->many_in].len++;	/* the number kept before */
			t->v[w - 1] = k;
			continue;
		} else if (w > 0 && t->v[w - 1].kind == GX_T_NUM &&
		    t->v[w - 1].line == k.line &&
		    (rn = run_number(t, w - 1)) != NONE &&
		    w - 1 >= rn + RUN_KEEP) {
			t->many_in = w - 1;
			t->v[w - 1].kind = GX_T_MANY;
			t->v[w - 1].len = 1;
		}
		t->v[w++] = k;
	}
	t->n = t->sqi = w;
}

/*
 * A run of lines of one blank cell each, of lines of several, or of words
 * (ASCII cells without a digit or '+': no label, heading, numbering or
 * 本年增/减 sign is one) keeps FILL_HEAD cells, then one GX_T_BLANKS,
 * GX_T_BLANKROWS or GX_T_WORDS for the lines after them, then the last
 * FILL_TAIL cells or more.  A walk that starts before the run and looks
 * at cells one by one steps over at most 81 cells of text (gather: 80
 * after a heading) or 24 cells (classify's look for a label named again)
 * before it stops, or over blank cells to the first number, counting them
 * (gather); one that starts after the run and goes back stops at a blank
 * cell or within 40 cells (waiting), or goes back over lines of one
 * blank cell (gather; it stops at the last cell of a line of several).
 * So no walk reaches a GX_T_WORDS, and those that reach a GX_T_BLANKS or
 * GX_T_BLANKROWS take it for its blank cells.
 *
 * A run of words takes in lines of one blank cell too: its GX_T_WORDS
 * comes after FILL_HEAD words and right after a word (gather's count of
 * a row's cells, from a blank cell, stops at the next word), and a word
 * is kept after it (gather's walk back over blank cells stops there).
 * A long stretch of blank lines after its last word starts a run of
 * blank lines, which ends it.
 */
#define FILL_HEAD 128
#define FILL_TAIL 64

static int
word_cell(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80 || (s[i] >= '0' &&
		    s[i] <= '9') || s[i] == '+')
			return 0;
	return 1;
}

/* What the line just cut, cells [b0, t->n), is to such a run: GX_T_BLANKS,
 * GX_T_BLANKROWS, GX_T_WORDS, or 0 (another line, that ends the run). */
static int
fill_kind(const struct gx_toks *t, size_t b0)
{
	size_t i;

	if (t->v[b0].kind == GX_T_EMPTY) {
		for (i = b0 + 1; i < t->n && t->v[i].kind == GX_T_EMPTY; i++)
			;
		return i < t->n ? 0 : i == b0 + 1 ? GX_T_BLANKS :
		    GX_T_BLANKROWS;
	}
	for (i = b0; i < t->n; i++)
		if (t->v[i].kind != GX_T_TEXT ||
		    !word_cell(t->text + t->v[i].off, t->v[i].len))
			return 0;
	return GX_T_WORDS;
}

/* An index of t->v once the cells [from, to) are gone into the token
 * before at, the cells after them moved down to at. */
static void
moved(size_t *i, size_t from, size_t to, size_t at)
{
	if (*i != NONE && *i >= from)
		*i = *i >= to ? *i - (to - at) : at;
}

/* Cells [p0, c) into the token *fill (p0 itself when NONE, made of
 * the given kind), the cells after them moved down. */
static void
fold(struct gx_toks *t, size_t p0, size_t c, size_t *fill, int kind)
{
	size_t at;

	if (*fill == NONE) {
		/* the first cell to go becomes the token: its off, line,
		 * delim, lfirst; the others are counted into its len */
		*fill = p0;
		t->v[p0].kind = (unsigned char)kind;
		t->v[p0].len = 0;
	}
	at = *fill + 1;
	t->v[*fill].len += (uint32_t)(c - p0);
	memmove(&t->v[at], &t->v[c], (t->n - c) * sizeof *t->v);
	moved(&t->last_text, p0, c, at);
	moved(&t->run, p0, c, at);
	moved(&t->run_num, p0, c, at);
	moved(&t->scan, p0, c, at);
	moved(&t->many, p0, c, at);
	moved(&t->sqi, p0, c, at);
	moved(&t->many_in, p0, c, at);
	t->n -= c - at;
}

/* Where a run of words may first fold from: a line's first cell after
 * FILL_HEAD words, right after a word; NONE yet. */
static size_t
words_head(struct gx_toks *t)
{
	for (; t->hscan < t->n; t->hscan++) {
		if (t->hwords >= FILL_HEAD && t->v[t->hscan].lfirst &&
		    t->v[t->hscan - 1].kind == GX_T_TEXT)
			return t->hscan;
		t->hwords += t->v[t->hscan].kind == GX_T_TEXT;
	}
	return NONE;
}

/* After the line [b0, t->n): its cells into the run's GX_T_BLANKS,
 * GX_T_BLANKROWS or GX_T_WORDS where it is far enough into one (see
 * above). */
static void
fill(struct gx_toks *t, size_t b0)
{
	size_t p0, c;
	int kind;

	if (t->n == b0)
		return;		/* no cell: the run goes on */
	kind = fill_kind(t, b0);
	if (t->fkind == GX_T_WORDS && kind == GX_T_BLANKS) {
		if (t->n - (t->last_text + 1) < FILL_HEAD + 2 * FILL_TAIL)
			kind = GX_T_WORDS;
		else {		/* the blank lines after the last word */
			t->fkind = kind;
			t->fstart = t->last_text + 1;
			t->fill = NONE;
		}
	}
	if (kind == 0) {
		t->fkind = 0;	/* most lines: nothing else to keep */
		return;
	}
	if (kind != t->fkind) {
		t->fkind = kind;
		t->fstart = t->hscan = b0;
		t->hwords = 0;
		t->fill = NONE;
		return;
	}
	/* whole lines go in: from a line's first cell to another's */
	if (t->fill != NONE)
		p0 = t->fill + 1;
	else if (kind == GX_T_WORDS)
		p0 = words_head(t);
	else
		for (p0 = t->fstart + FILL_HEAD; p0 < t->n &&
		    !t->v[p0].lfirst; p0++)
			;
	if (p0 >= t->n || t->n - p0 < 2 * FILL_TAIL)
		return;
	c = t->n - FILL_TAIL;
	if (kind == GX_T_WORDS && c > t->last_text)
		c = t->last_text;	/* a word kept after it */
	while (c > p0 && !t->v[c].lfirst)
		c--;
	if (c <= p0)
		return;
	fold(t, p0, c, &t->fill, kind);
}

/*
 * In a line of many cells, after each cell: a stretch of blank cells or
 * of words in it is cut short the same way, into a GX_T_BLANKROWS or a
 * GX_T_WORDS inside the line.  The walks along a line count its cells
 * (gather, on a label's line) or go back over its blank cells (gather;
 * starts_row, to a label's line's first cell): they take the first for
 * its blank cells and the second for words (the cells kept after them
 * are of the same kind).
 */
static void
in_line(struct gx_toks *t)
{
	const struct gx_tok *k = &t->v[t->n - 1];
	int kind = k->kind == GX_T_EMPTY ? GX_T_BLANKROWS :
	    k->kind == GX_T_TEXT && word_cell(t->text + k->off, k->len) ?
	    GX_T_WORDS : 0;
	size_t p0;

	if (kind != t->lkind || kind == 0 || k->line != t->lline) {
		t->lkind = kind;
		t->lline = k->line;
		t->lstart = t->n - 1;
		t->lfill = NONE;
		return;
	}
	p0 = t->lfill != NONE ? t->lfill + 1 : t->lstart + FILL_HEAD;
	if (t->n >= p0 + 2 * FILL_TAIL)
		fold(t, p0, t->n - FILL_TAIL, &t->lfill, kind);
}

/* Cells of a line kept from the first cut for the second; a line with
 * more is cut again. */
#define LINE_CELLS 64

static int
line_cells(struct gx_toks *t, const char *text, size_t ls, size_t le,
    unsigned line)
{
	size_t n = 0, i, p, first, last, cs, cl, dashes = 0;
	size_t first_full = (size_t)-1, last_full = 0, len0 = 0, lenlast = 0;
	struct { size_t s, n; } c[LINE_CELLS];
	int delim, sep = 0, rule = 1, emitted = 0;

	/* memchr, not a loop over the bytes: most lines are long prose */
	if (memchr(text + ls, '\t', le - ls) != NULL)
		sep = '\t';
	else if (memchr(text + ls, '|', le - ls) != NULL)
		sep = '|';
	delim = sep != 0;
	/* 1. what the line's cells are like */
	for (p = ls; next_cell(text, &p, le, sep, &cs, &cl); n++) {
		if (n < LINE_CELLS) {
			c[n].s = cs;
			c[n].n = cl;
		}
		if (n == 0)
			len0 = cl;
		lenlast = cl;
		if (cl > 0) {
			if (first_full == (size_t)-1)
				first_full = n;
			last_full = n;
		}
		if (sep == '|' && rule)
			rule = rule_cell(text + cs, cl, &dashes);
	}
	/* a markdown rule |---|:--| carries nothing */
	if (sep == '|' && rule && dashes > 0)
		return 0;
	first = first_full != (size_t)-1 ? first_full : n;
	if (first == n && sep != '|')
		return 0;
	if (first == n || delim) {
		/*
		 * A blank cell is a cell: between separators every one keeps
		 * its column, trailing ones too.  Only a pipe at either end
		 * of the line is the table's frame; a line of nothing but
		 * pipes is one blank cell of a cell-per-line layout.
		 */
		first = 0;
		last = n - 1;
		if (sep == '|' && n > 1 && len0 == 0)
			first++;
		if (sep == '|' && last > first && lenlast == 0)
			last--;
	} else
		last = last_full;
	/* 2. its tokens */
	t->sqi = t->n;
	t->many_in = NONE;
	for (p = ls, i = 0; i <= last; i++) {
		if (n <= LINE_CELLS) {
			cs = c[i].s;
			cl = c[i].n;
		} else if (!next_cell(text, &p, le, sep, &cs, &cl))
			break;
		if (i < first)
			continue;
		if (first == last && page_number(text + cs, cl))
			return 0;
		if (cl == 0) {
			if (delim && push(t, cs, 0, line, GX_T_EMPTY, 1,
			    !emitted) < 0)
				return GAI_E_NOMEM;
			emitted = 1;
		} else if (cell_tokens(t, text, cs, cl, line, delim,
		    &emitted) < 0)
			return GAI_E_NOMEM;
		if (n > LINE_CELLS && t->n > 0) {
			squash(t);
			in_line(t);
		}
	}
	return 0;
}


/*
 * Can the matcher reach line [b0, t->n) only to count its cells?  Its
 * cells are numbers or blank (none is text: the tokenizer makes no
 * other kinds), and no reader of glued text can take the line for glued
 * (split at TAB or '|', one cell, or ASCII alone: the column headings of
 * glued text are Chinese).
 */
static int
countable(const struct gx_toks *t, size_t b0, const char *text, size_t ls,
    size_t le)
{
	size_t i;

	if (t->last_text != NONE && t->last_text >= b0)
		return 0;
	if (t->v[b0].delim || t->n - b0 == 1)
		return 1;
	for (i = ls; i < le; i++)
		if ((unsigned char)text[i] >= 0x80)
			return 0;
	return 1;
}

/*
 * The line just cut, cells [b0, t->n): a line the matcher only counts,
 * far enough into a run of cells that are not text, goes into the run's
 * GX_T_MANY.  The walks that look at cells one by one never get there:
 * each starts at a label or heading (text), at the latest right after
 * the run's first cell, and stops at the run's first number, within 24
 * cells, or at the end of a line that has text, while a row's cells are
 * gathered no further than GX_MAXCOLS + 2.  The records are the same;
 * the memory is that of the cells kept.
 */
static void
runs(struct gx_toks *t, size_t b0, const char *text, size_t ls, size_t le)
{
	struct gx_tok *k;
	size_t i, cells = 0, rn;

	if (t->n == b0)
		return;		/* no cell: nothing between the lines around */
	if (!countable(t, b0, text, ls, le)) {
		t->many = NONE;
		return;
	}
	for (i = b0; i < t->n; i++)
		cells += t->v[i].kind == GX_T_MANY ||
		    t->v[i].kind == GX_T_BLANKROWS ? t->v[i].len : 1;
	if (t->many != NONE) {
		t->v[t->many].len += (uint32_t)cells;
		t->n = b0;
		return;
	}
	if ((rn = run_number(t, b0)) == NONE || b0 < rn + RUN_KEEP)
		return;
	k = &t->v[b0];	/* off, line: its first cell's */
	k->len = (uint32_t)cells;
	k->kind = GX_T_MANY;
	k->delim = 1;
	k->lfirst = 1;
	t->many = b0;
	t->n = b0 + 1;
}

int
gx_tokenize(struct gx_toks *t, const char *text, size_t len)
{
	size_t ls = 0, le, b0;
	unsigned line = 0;
	int rc = 0;

	t->n = 0;
	t->nlines = 0;
	t->text = text;
	t->len = len;
	t->cur = NONE;
	t->last_text = t->run = t->many = t->fill = NONE;
	t->fkind = t->lkind = 0;
	while (ls < len && rc == 0) {
		const char *nl = memchr(text + ls, '\n', len - ls);

		le = nl != NULL ? (size_t)(nl - text) : len;
		if (t->nlines <= GX_LHEAD)
			t->head[t->nlines] = (uint32_t)ls;
		if (t->nlines % GX_LSTEP == 0) {
			if (t->nlines / GX_LSTEP == t->lcap) {
				size_t cap = t->lcap ? t->lcap * 2 : 64;
				uint32_t *v = realloc(t->lines,
				    cap * sizeof *v);

				if (v == NULL) {
					rc = GAI_E_NOMEM;
					break;
				}
				t->lines = v;
				t->lcap = cap;
			}
			t->lines[t->nlines / GX_LSTEP] = (uint32_t)ls;
		}
		t->nlines++;
		b0 = t->n;
		if ((rc = line_cells(t, text, ls, le, line)) == 0) {
			runs(t, b0, text, ls, le);
			fill(t, b0);
		}
		line++;
		ls = le + 1;
	}
	return rc;
}

void
gx_line_find(struct gx_toks *t, size_t i, size_t *s, size_t *e)
{
	const char *p;

	if (t->cur == NONE || i > t->cur + GX_LSTEP ||
	    i + GX_LSTEP < t->cur) {
		t->cur = i - i % GX_LSTEP;
		t->cur_s = t->lines[i / GX_LSTEP];
		t->cur_e = NONE;
	}
	/* back a line at a time (the last lines, read from the end) */
	for (; t->cur > i; t->cur--) {
		p = t->cur_s > 1 ? memrchr(t->text, '\n', t->cur_s - 1) : NULL;
		t->cur_e = t->cur_s - 1;
		t->cur_s = p != NULL ? (size_t)(p - t->text) + 1 : 0;
	}
	for (; t->cur < i; t->cur++) {
		if (t->cur_e == NONE) {
			p = memchr(t->text + t->cur_s, '\n',
			    t->len - t->cur_s);
			t->cur_e = (size_t)(p - t->text);
		}
		t->cur_s = t->cur_e + 1;
		t->cur_e = NONE;
	}
	if (t->cur_e == NONE) {
		p = i + 1 < t->nlines ? memchr(t->text + t->cur_s, '\n',
		    t->len - t->cur_s) : NULL;
		t->cur_e = p != NULL ? (size_t)(p - t->text) : t->len;
	}
	*s = t->cur_s;
	*e = t->cur_e;
}

size_t
gx_line_of(const struct gx_toks *t, size_t off)
{
	size_t lo = 0, hi = (t->nlines + GX_LSTEP - 1) / GX_LSTEP, i, p;
	const char *q;

	if (hi == 0)
		return 0;
	while (hi - lo > 1) {	/* the last kept line starting at or before off */
		size_t mid = lo + (hi - lo) / 2;

		if (t->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	for (i = lo * GX_LSTEP, p = t->lines[lo]; i + 1 < t->nlines &&
	    (q = memchr(t->text + p, '\n', t->len - p)) != NULL &&
	    (size_t)(q - t->text) < off; i++)
		p = (size_t)(q - t->text) + 1;
	return i;
}

void
gx_toks_free(struct gx_toks *t)
{
	free(t->v);
	free(t->lines);
	gai_buf_free(&t->scratch);
	memset(t, 0, sizeof *t);
}
