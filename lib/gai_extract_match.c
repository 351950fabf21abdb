/* SPDX-License-Identifier: MIT */
/* gai_extract_match: one matcher walks the table descriptions over the cells. */
#include <config.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gai_extract_impl.h"
#include "gai_fields.h"

enum { H_ACTIVE, H_REQ, H_APPEAL, H_END };

/* Cells longer than this are prose, never a label or a heading. */
#define LABEL_MAX 200

static const char *
tok_s(const struct gai_extract *x, size_t i)
{
	return x->text.data + x->toks.v[i].off;
}

static long
tok_line(const struct gai_extract *x, size_t i)
{
	return x->first_line + (long)x->toks.v[i].line;
}

/* Is s[0..n) numbering alone: 三、 (七) 1. 4、? */
static int
numbering_only(const char *s, size_t n)
{
	static const char cn[] = "一二三四五六七八九十";
	size_t i = 0, d = 0;

	if (i < n && s[i] == '(')
		i++;
	while (i < n) {
		if (s[i] >= '0' && s[i] <= '9')
			i++;
		else if (n - i >= 3 && (unsigned char)s[i] >= 0xe0 &&
		    memmem(cn, sizeof cn - 1, s + i, 3) != NULL)
			i += 3;
		else
			break;
		d++;
	}
	if (i < n && s[i] == ')')
		i++;
	if (i < n && (s[i] == '.' || s[i] == ','))
		i++;
	else if (n - i >= 3 && memcmp(s + i, "、", 3) == 0)
		i += 3;
	return d > 0 && d <= 3 && i == n;
}

/*
 * Does token i start its row: first on its line but for blank cells and
 * numbering in cells of their own ("| (七) | 总计 | 31 |")?  "总计" later
 * on a line is a column header.
 */
static int
starts_row(const struct gai_extract *x, size_t i)
{
	const struct gx_tok *v = x->toks.v;

	if (v[i].glued)
		return 1;	/* cut where a label starts */
	while (i > 0 && !v[i].lfirst) {
		i--;
		if (v[i].kind != GX_T_EMPTY && v[i].kind != GX_T_BLANKROWS &&
		    !(v[i].kind == GX_T_TEXT &&
		    numbering_only(tok_s(x, i), v[i].len)))
			return 0;
	}
	return 1;
}

/* The row of table ti whose label x->sq starts with, exactly or else
 * with a character more or less; -1 none.  *end: where it ends. */
static int
label_row(struct gai_extract *x, size_t ti, size_t *end)
{
	size_t r, s0, e0 = 0;
	long *m;
	int found, hit;

	/* a label seen before: its row and end from the memo */
	if ((m = gx_memo(x, (unsigned)ti, &found)) != NULL && found) {
		if (m[1] >= 0)
			*end = gx_sq_text(x, (size_t)m[1]);
		return (int)m[0];
	}
	/* one call for all rows: most cells are no row's label */
	hit = gx_match(x, x->tab_re[ti], NULL, 0, &s0, &e0) ||
	    gx_match(x, x->fuzzy_re[ti], NULL, 0, &s0, &e0);
	r = hit ? (size_t)gx_mark(x) : GX_MAXROWS;
	if (r >= GX_MAXROWS)
		r = (size_t)-1;
	if (m != NULL) {
		m[0] = (long)r;
		m[1] = hit ? (long)e0 : -1;
	}
	if (hit)
		*end = gx_sq_text(x, e0);
	return (int)r;
}

/*
 * Is token i, the last of its line and squeezed in x->sq, a label
 * broken over a line end ("一、本年新" / "收政府信息公开申请数量")?  The
 * row, or -1.
 */
static int
broken_label(struct gai_extract *x, size_t ti, size_t i, size_t re)
{
	const struct gx_tok *k = &x->toks.v[i];
	char first[LABEL_MAX + 1];
	size_t end, n;

	/* a break inside a label's first characters, the ones matched */
	if (k->len > 48 || i + 1 >= re || k[1].line != k->line + 1 ||
	    !k[1].lfirst || k[1].kind != GX_T_TEXT || k[1].len > LABEL_MAX)
		return -1;
	/* the two lines' cells squeezed and joined: the line end and the
	 * separators between them go with the spaces */
	n = x->sq.len;
	memcpy(first, x->sq.data, n);
	if (gx_squeeze(x, tok_s(x, i + 1), k[1].len) < 0 ||
	    gai_buf_reserve(&x->sq, n) < 0)
		return GAI_E_NOMEM;
	memmove(x->sq.data + n, x->sq.data, x->sq.len + 1);
	memcpy(x->sq.data, first, n);
	x->sq.len += n;
	return label_row(x, ti, &end);
}

/* Which rows of table ti the cells of [rs, re) are labels of. */
static int
classify(struct gai_extract *x, size_t ti, size_t rs, size_t re)
{
	size_t i, end, nlab = 0;
	int r;

	for (i = rs; i < re; i++) {
		const struct gx_tok *k = &x->toks.v[i];

		x->label[i] = -1;
		if (k->kind != GX_T_TEXT || k->len > LABEL_MAX)
			continue;
		if (gx_squeeze(x, tok_s(x, i), k->len) < 0)
			return GAI_E_NOMEM;
		end = k->off + k->len;
		if ((r = label_row(x, ti, &end)) < 0 &&
		    (i + 1 == re || k[1].line != k->line) &&
		    (r = broken_label(x, ti, i, re)) >= 0) {
			/* the label's second line is not a cell of its row */
			x->label[++i] = -1;
			x->labend[i - 1] = (uint32_t)(end = k->off + k->len);
			x->label[i - 1] = (signed char)r;
			nlab++;
			continue;
		}
		if (r < -1)
			return r;
		if (r >= 0 && !(gx_tables[ti].rows[r].flags &
		    GX_ROW_FORWARD && !starts_row(x, i))) {
			x->label[i] = (signed char)r;
			x->labend[i] = (uint32_t)end;
			nlab++;
		}
	}
	/* a heading over a converter's small table names the row the
	 * table's own row names again: the row is read there */
	for (i = rs; i < re; i++) {
		size_t j;

		if (x->label[i] < 0)
			continue;
		for (j = i + 1; j < re && j < i + 24 && x->label[j] < 0 &&
		    x->toks.v[j].kind != GX_T_NUM &&
		    x->toks.v[j].kind != GX_T_RUN; j++)
			;
		if (j < re && x->label[j] == x->label[i] &&
		    x->toks.v[j].line != x->toks.v[i].line)
			x->label[i] = -1;
	}
	/* a news page may name 行政许可 once; a table names its rows */
	if (nlab >= 3)
		x->found_any = 1;
	return 0;
}

static void
add_cell(struct gx_cand *rr, const char *s, size_t n, int kind, long line)
{
	/* n cells, only counted (a count past INT_MAX, in a document of
	 * 2 GiB and more of one-byte cells, is said as INT_MAX) */
	if (kind == GX_T_MANY || kind == GX_T_BLANKS ||
	    kind == GX_T_BLANKROWS || kind == GX_T_WORDS) {
		rr->n = n < (size_t)(INT_MAX - rr->n) ? rr->n + (int)n : INT_MAX;
		return;
	}
	if (rr->n < GX_MAXCOLS + 2) {
		rr->c[rr->n].s = s;
		rr->c[rr->n].n = n;
		rr->c[rr->n].kind = kind;
		rr->c[rr->n].line = line;
	}
	rr->n++;
}

/*
 * Numbers in the label's own cell: after the label ("规章 0 0 3"), after a
 * label that goes on ("申请数量 3 0 0 0 0 0 3", one space apart), or run
 * into its last character ("申请数量640020470").
 */
static void
glued(struct gai_extract *x, size_t t, struct gx_cand *rr)
{
	const char *s = x->text.data + x->labend[t];
	const char *e = tok_s(x, t) + x->toks.v[t].len;
	const char *p, *q, *from = e;
	unsigned fl;

	/* the longest run of space-separated numbers that ends the cell */
	for (q = e; q > s; ) {
		while (q > s && q[-1] == ' ')
			q--;
		for (p = q; p > s && p[-1] != ' '; p--)
			;
		if (p == q)
			break;
		gai_buf_clear(&x->numbuf);
		if (gx_num_parse(p, (size_t)(q - p), &x->numbuf, &fl) != 1)
			break;
		if (p > s && p[-1] != ' ')
			break;	/* "数量3": part of a word, see below */
		from = p;
		q = p;
	}
	if (from < e) {
		for (p = from; p < e; p = q) {
			while (p < e && *p == ' ')
				p++;
			for (q = p; q < e && *q != ' '; q++)
				;
			if (q > p)
				add_cell(rr, p, (size_t)(q - p), GX_T_NUM,
				    tok_line(x, t));
		}
		return;
	}
	/* digits at the very end, right after a character of the label */
	for (p = e; p > s && p[-1] >= '0' && p[-1] <= '9'; p--)
		;
	if (p < e && p > s && (unsigned char)p[-1] >= 0x80)
		add_cell(rr, p, (size_t)(e - p), GX_T_NUM, tok_line(x, t));
}

/*
 * The digits after label t in glued text: one run whose cells the
 * resolver decides (the tokens of a line only have spaces between them).
 */
static int
glued_cells(struct gai_extract *x, size_t t, size_t re, struct gx_cand *rr)
{
	const struct gx_tok *v = x->toks.v;
	size_t j, a = t + 1;
	int sign;

	/* a label broken over lines: the rest of it starts the next one */
	if (a + 1 < re && v[a].line != v[t].line && v[a].kind == GX_T_TEXT &&
	    v[a].glued && x->label[a] < 0 && v[a].len <= LABEL_MAX &&
	    v[a + 1].kind == GX_T_RUN && v[a + 1].line == v[a].line)
		a++;
	for (j = a; j < re && v[j].line == v[a].line &&
	    (v[j].kind == GX_T_RUN || v[j].kind == GX_T_NUM ||
	    v[j].kind == GX_T_MANY); j++)	/* numbers, a number after */
		;
	if (j == a) {
		snprintf(rr->why, sizeof rr->why, "no digits follow the label "
		    "in the glued text");
		return -1;
	}
	/* digits, the word or sign of a 本年增/减 cell, digits again
	 * (120减31,234, 400持平56, 5持平): one run, the resolver splits it
	 * at the word */
	if (j < re && v[j].kind == GX_T_TEXT && x->label[j] < 0 &&
	    v[j].line == v[a].line && gx_change_col(rr->ti, rr->r) >= 0 &&
	    gx_change_word(tok_s(x, j), v[j].len, &sign) == v[j].len &&
	    ((j + 1 < re && v[j + 1].kind == GX_T_RUN &&
	    v[j + 1].line == v[j].line) || sign == 0))
		for (j++; j < re && v[j].line == v[a].line &&
		    v[j].kind == GX_T_RUN; j++)
			;
	/* digits, a word or sign, digits again: the row's digits do not
	 * end where the run does */
	else if (j + 1 < re && v[j].kind == GX_T_TEXT && x->label[j] < 0 &&
	    v[j].len <= 9 && v[j].line == v[a].line &&
	    v[j + 1].kind == GX_T_RUN && v[j + 1].line == v[j].line) {
		snprintf(rr->why, sizeof rr->why, "its digits in the glued "
		    "text are broken by \"%.*s\"", (int)v[j].len, tok_s(x, j));
		return -1;
	}
	add_cell(rr, tok_s(x, a), v[j - 1].off + v[j - 1].len - v[a].off,
	    GX_T_RUN, tok_line(x, a));
	return 0;
}

/*
 * Another row's label before label t that waits for numbers too (no
 * numbers between them): its token, or -1.  Numbers on lines of their
 * own then belong to one of them, and which is not certain (a two-column
 * page converted in the wrong order).  (六)其他处理 before its three
 * sub-rows is their group's heading, not a row waiting.
 */
static long
waiting(const struct gai_extract *x, size_t ti, size_t t, size_t rs)
{
	const struct gx_row *rows = gx_tables[ti].rows;
	const struct gx_tok *v = x->toks.v;
	size_t k;

	for (k = t; k > rs && k + 40 > t; ) {
		k--;
		if (v[k].kind != GX_T_TEXT)
			return -1;	/* a cell, blank or not: read */
		/* a later row's label first is a column header (总计) */
		if (x->label[k] < 0 || x->label[k] >= x->label[t])
			continue;
		if ((rows[x->label[k]].flags & GX_ROW_ALT_ONE) &&
		    (rows[x->label[t]].flags & GX_ROW_ALT_SPLIT))
			return -1;
		return (long)k;
	}
	return -1;
}

/*
 * The cells of the row whose label is token t: on the label's own line
 * when it has cells after the label, else the run of numbers that
 * follows (one cell per line, numbers on the next line).  0 with the
 * cells in rr, or -1 with rr->why.
 */
static int
gather(struct gai_extract *x, size_t ti, size_t t, size_t rs, size_t re,
    int nolabel, struct gx_cand *rr)
{
	const struct gx_tok *v = x->toks.v;
	size_t j, first, skip = 0, maxskip = nolabel ? 80 : 3;
	long k;

	rr->n = 0;
	rr->detached = 0;
	rr->why[0] = '\0';
	if (!nolabel && v[t].glued)
		return glued_cells(x, t, re, rr);
	if (!nolabel) {
		glued(x, t, rr);
		/* A: the rest of the label's line */
		for (j = t + 1; j < re && v[j].line == v[t].line; j++) {
			if (x->label[j] >= 0) {
				snprintf(rr->why, sizeof rr->why,
				    "another row's label on its line");
				return -1;
			}
			add_cell(rr, tok_s(x, j), v[j].len, v[j].kind,
			    tok_line(x, j));
		}
		if (rr->n > GX_MAXCOLS + 2) {
			snprintf(rr->why, sizeof rr->why,
			    "%d cells on its line", rr->n);
			return -1;
		}
		/* blank cells are cells: the tokenizer kept only those
		 * between separators, which read_row counts */
		if (rr->n > 0)
			return 0;
		j = t + 1;
	} else
		j = rs + 1;
	/* B: a run of numbers after a few cells of label or header text */
	for (first = j; j < re; j++) {
		if (v[j].kind == GX_T_NUM || v[j].kind == GX_T_RUN)
			break;
		if (v[j].kind == GX_T_EMPTY || v[j].kind == GX_T_BLANKS ||
		    v[j].kind == GX_T_BLANKROWS) {
			/* one blank cell alone on its line: a row of blank
			 * cells, one per line (GX_T_BLANKS: lines of one) */
			if (!nolabel && v[j].lfirst &&
			    v[j].kind != GX_T_BLANKROWS &&
			    (j + 1 == re || v[j + 1].line != v[j].line))
				break;
			continue;
		}
		if (x->label[j] >= 0 && !nolabel) {
			char next[96];

			gx_row_name(ti, (size_t)x->label[j], next,
			    sizeof next);
			snprintf(rr->why, sizeof rr->why, "no numbers follow "
			    "it before the label of %s at line %ld", next,
			    tok_line(x, j));
			return -1;
		}
		if (x->label[j] >= 0 || ++skip > maxskip) {
			snprintf(rr->why, sizeof rr->why,
			    "no numbers follow the label");
			return -1;
		}
	}
	/* (no numbers at all: said below) */
	if (!nolabel && j < re && (k = waiting(x, ti, t, rs)) >= 0) {
		char other[96];

		gx_row_name(ti, (size_t)x->label[k], other,
		    sizeof other);
		snprintf(rr->why, sizeof rr->why, "the numbers that follow on "
		    "line %ld could be its or those of %s, whose label at line "
		    "%ld waits for numbers too", tok_line(x, j), other,
		    tok_line(x, (size_t)k));
		return -1;
	}
	/* the blank cells before the first number that are its row's (on
	 * its line, or alone on theirs: one cell per line) */
	while (j > first && j < re && (v[j - 1].kind == GX_T_EMPTY ||
	    v[j - 1].kind == GX_T_BLANKS || v[j - 1].kind == GX_T_BLANKROWS) &&
	    (v[j - 1].line == v[j].line || v[j - 1].lfirst))
		j--;
	rr->detached = !nolabel;
	for (; j < re && v[j].kind != GX_T_TEXT; j++)
		add_cell(rr, tok_s(x, j), v[j].len, v[j].kind,
		    tok_line(x, j));
	if (rr->n == 0) {
		snprintf(rr->why, sizeof rr->why, "no numbers follow the label");
		return -1;
	}
	if (rr->n > GX_MAXCOLS + 1) {
		snprintf(rr->why, sizeof rr->why,
		    "a run of %d numbers follows it", rr->n);
		return -1;
	}
	return 0;
}

/* Read row r of table ti whose label is token t: a candidate for the
 * resolver. */
static int
read_row(struct gai_extract *x, size_t ti, size_t r, size_t t, size_t rs,
    size_t re, int quiet)
{
	const struct gx_row *row = &gx_tables[ti].rows[r];
	struct gx_cand cd;
	int rc;
	char name[96];

	cd.ti = ti;
	cd.r = r;
	if (gather(x, ti, t, rs, re, (row->flags & GX_ROW_NOLABEL) != 0,
	    &cd) < 0)
		goto unread;
	x->found_any = 1;
	if ((rc = gx_resolve_row(x, &cd)) != 0)
		return rc;
unread:
	if (quiet)
		return 0;
	gx_row_name(ti, r, name, sizeof name);
	return gx_warn(x, "row_unread", "%s: the label is at line %ld but its "
	    "values cannot be read for certain: %s", name,
	    row->flags & GX_ROW_NOLABEL ? tok_line(x, rs) : tok_line(x, t),
	    cd.why) < 0 ? GAI_E_NOMEM : 0;
}

/* The row label of FIELDS.md for the warning, without the column. */
static void
row_label(size_t ti, size_t r, const struct gai_extract *x, char *buf,
    size_t n)
{
	const char *l = gai_fields_at((size_t)x->fidx[ti][r][0])->label;
	const char *s = strrchr(l, '/');

	snprintf(buf, n, "%.*s", s != NULL ? (int)(s - l) : (int)strlen(l), l);
}

/* The table's heading, from the label of its first field. */
static const char *
table_heading(const struct gai_extract *x, size_t ti, char *buf, size_t n)
{
	const char *l = gai_fields_at((size_t)x->fidx[ti][0][0])->label;
	const char *s = strchr(l, '/');

	snprintf(buf, n, "%.*s", s != NULL ? (int)(s - l) : (int)strlen(l), l);
	return buf;
}

static long
find_label(const struct gai_extract *x, const struct gx_row *row, int r,
    size_t from, size_t rs, size_t re)
{
	size_t i;

	for (i = from; i < re; i++)
		if (x->label[i] == r)
			return (long)i;
	if (row->flags & GX_ROW_FORWARD)
		return -1;
	/* out of order: a layout that moved the label (pdftotext raw) */
	for (i = rs; i < from && i < re; i++)
		if (x->label[i] == r)
			return (long)i;
	return -1;
}

/*
 * An eighth column in the request table's header: 小计 (or 合计) before
 * 商业企业 is column 1, after the five 法人 columns it is column 6.
 */
/* The first of the words w in s, or NULL. */
static const char *
first_of(const char *s, const char *const *w)
{
	const char *best = NULL, *p;

	for (; *w != NULL; w++)
		if ((p = strstr(s, *w)) != NULL && (best == NULL || p < best))
			best = p;
	return best;
}

static int
find_subtotal(struct gai_extract *x, size_t ti, size_t rs, size_t re)
{
	static const char *const subw[] = { "小计", "小計", "合计", "合計",
	    NULL }, *const firstw[] = { "商业", "商業", NULL };
	const char *sp, *fp;
	size_t i;
	int sub = 0, seen_first = 0;

	x->subtotal = 0;
	/* the header: up to the first row label ("总计" may be either) */
	for (i = rs; i < re && (x->label[i] < 0 ||
	    (gx_tables[ti].rows[x->label[i]].flags & GX_ROW_FORWARD)); i++) {
		/* glued text runs the whole header, its note too, into one
		 * cell */
		if (x->toks.v[i].kind != GX_T_TEXT || x->toks.v[i].len >
		    (x->toks.v[i].glued ? 3 * LABEL_MAX : 60))
			continue;
		if (gx_squeeze(x, tok_s(x, i), x->toks.v[i].len) < 0)
			return GAI_E_NOMEM;
		sp = first_of(x->sq.data, subw);
		fp = first_of(x->sq.data, firstw);
		if (sp != NULL)
			sub = seen_first || (fp != NULL && fp < sp) ? 6 : 1;
		seen_first |= fp != NULL;
	}
	x->subtotal = sub;
	x->subtotal_said = 0;
	return 0;
}

static int
walk(struct gai_extract *x, size_t ti, size_t rs, size_t re)
{
	const struct gx_table *t = &gx_tables[ti];
	size_t r, i, cursor = rs;
	int one_done = 0, split_seen = 0, rc;
	long one_at = -1;
	char name[96], lab[256];
	size_t split_missing[GX_MAXROWS], nsplit_missing = 0;

	x->npend = 0;
	if (classify(x, ti, rs, re) < 0)
		return GAI_E_NOMEM;
	if (t->cols != NULL && find_subtotal(x, ti, rs, re) < 0)
		return GAI_E_NOMEM;
	for (i = rs; i < re && x->label[i] < 0; i++)
		;
	if (i == re && x->blocks)
		return 0;
	if (i == re && !(t->rows[0].flags & GX_ROW_NOLABEL))
		return gx_warn(x, "table_missing", "%s: no row of the table "
		    "%s found", t->name, table_heading(x, ti, lab, sizeof lab));
	for (r = 0; t->rows[r].key != NULL; r++) {
		const struct gx_row *row = &t->rows[r];
		long at;

		if (row->flags & GX_ROW_NOLABEL) {
			if ((rc = read_row(x, ti, r, rs, rs, re, 0)) < 0)
				return rc;
			continue;
		}
		if ((row->flags & GX_ROW_ALT_SPLIT) && one_done)
			continue;
		at = find_label(x, row, (int)r, cursor, rs, re);
		if (row->flags & GX_ROW_ALT_ONE) {
			/* one row only if values follow it; else a group */
			one_at = at;
			if (at >= 0) {
				if ((rc = read_row(x, ti, r, (size_t)at, rs, re,
				    1)) < 0)
					return rc;
				one_done = rc == 1;
				if (one_done)
					cursor = (size_t)at + 1;
			}
			continue;
		}
		if (row->flags & GX_ROW_ALT_SPLIT) {
			if (at < 0) {
				/* missing only if another of them is there */
				split_missing[nsplit_missing++] = r;
				continue;
			}
			split_seen = 1;
		}
		if (at < 0 && x->blocks)
			continue;	/* said once every block is read */
		if (at < 0) {
			/* the names are for warnings only: made when needed */
			gx_row_name(ti, r, name, sizeof name);
			row_label(ti, r, x, lab, sizeof lab);
			if (gx_warn(x, "row_missing", "%s: row %s not found",
			    name, lab) < 0)
				return GAI_E_NOMEM;
			continue;
		}
		if ((rc = read_row(x, ti, r, (size_t)at, rs, re, 0)) < 0)
			return rc;
		x->row_found[ti][r] = 1;
		cursor = (size_t)at + 1;
	}
	if (gx_resolve_table(x, ti) < 0)
		return GAI_E_NOMEM;
	for (i = 0; split_seen && !x->blocks && i < nsplit_missing; i++) {
		gx_row_name(ti, split_missing[i], name, sizeof name);
		row_label(ti, split_missing[i], x, lab, sizeof lab);
		if (gx_warn(x, "row_missing", "%s: row %s not found", name,
		    lab) < 0)
			return GAI_E_NOMEM;
	}
	/* (六)其他处理: report how it was read when it is not the edition's */
	if (strcmp(t->name, "req") != 0)
		return 0;
	if (one_done && x->edition == GAI_ED_2021)
		return gx_warn(x, "other_single", "req.other: (六)其他处理 is "
		    "one row, as in the 2019 edition: read as req.other.*, "
		    "no req.other.no_correction, .unpaid_fee, .misc");
	if (!one_done && split_seen && x->edition == GAI_ED_2019)
		return gx_warn(x, "other_split", "req.other: (六)其他处理 is "
		    "three rows, as in the 2021 edition: no req.other.*");
	if (!one_done && !split_seen)
		return gx_warn(x, one_at >= 0 ? "row_unread" : "row_missing",
		    "req.other: row 三、本年度办理结果/(六)其他处理 %s",
		    one_at >= 0 ? "found but neither its values nor its "
		    "three sub-rows can be read" : "not found");
	return 0;
}

/* Add 1 to hits[ti] for each description whose column headings token
 * i is one of; how many, or NOMEM. */
static int
heading_hits(struct gai_extract *x, size_t i, int *hits)
{
	const struct gx_tok *k = &x->toks.v[i];
	size_t ti;
	int n = 0;

	long *m;
	int found;

	if (k->kind != GX_T_TEXT || k->len > LABEL_MAX)
		return 0;
	if (gx_squeeze(x, tok_s(x, i), k->len) < 0)
		return GAI_E_NOMEM;
	/* bit ti: the headings of description ti (memo: they repeat) */
	if ((m = gx_memo(x, GX_MEMO_DETECT, &found)) == NULL || !found) {
		long bits = 0;

		for (ti = 0; gx_tables[ti].name != NULL; ti++)
			if (x->detect_re[ti] != NULL &&
			    gx_match(x, x->detect_re[ti], NULL, 0, NULL, NULL))
				bits |= 1L << ti;
		if (m == NULL)
			m = &bits;
		m[0] = bits;
	}
	for (ti = 0; gx_tables[ti].name != NULL; ti++)
		if (m[0] & (1L << ti)) {
			hits[ti]++;
			n++;
		}
	return n;
}

/*
 * The blocks of an active table: each starts at the first of its column
 * headings that name another description than the block before's (the
 * first block at the table's start), and is read under that description.
 */
struct blocks {
	size_t at[16], desc[16];
	int n;
};

/* The active table's edition, from its column headings; its blocks into
 * *b on the way. */
static int
edition_of(struct gai_extract *x, size_t rs, size_t re, size_t *which,
    struct blocks *b)
{
	size_t i, ti, best = 0;
	int hits[GX_MAXTABLES] = { 0 }, max = 0, one[GX_MAXTABLES], nh;

	b->n = 0;
	for (i = rs; i < re; i++) {
		memset(one, 0, sizeof one);
		if ((nh = heading_hits(x, i, one)) < 0)
			return GAI_E_NOMEM;
		for (ti = 0; ti < GX_MAXTABLES; ti++)
			hits[ti] += one[ti];
		for (ti = 0; nh > 0 && !one[ti]; ti++)
			;
		if (nh == 0 || b->n == 16 ||
		    (b->n > 0 && b->desc[b->n - 1] == ti))
			continue;
		/* the first block from the heading */
		b->at[b->n] = b->n == 0 ? rs : i;
		b->desc[b->n++] = ti;
	}
	/* the description whose headings the table uses most */
	for (ti = 0; gx_tables[ti].name != NULL; ti++)
		if (strcmp(gx_tables[ti].name, "active") == 0 &&
		    hits[ti] > max) {
			max = hits[ti];
			best = ti + 1;
		}
	*which = best;
	return max;
}

/*
 * An active table whose blocks carry the headings of both editions (a
 * 2019 第二十条第(一)项 block, 2021 blocks after it): each block is read
 * under the description its own headings name, so that a value lands only
 * under a key its column heading names; the blocks as edition_of found
 * them.  1 when the table was mixed and so read, 0 when it was not
 * (nothing done), or NOMEM.
 */
static int
walk_blocks(struct gai_extract *x, size_t main_ti, const struct blocks *bl,
    size_t re)
{
	const size_t *at = bl->at, *desc = bl->desc;
	size_t r, k, q;
	int n = bl->n, b, mixed = 0;
	char name[96], lab[256];

	for (b = 0; b < n; b++)
		mixed |= desc[b] != main_ti;
	if (!mixed)
		return 0;
	if (gx_warn(x, "edition", "active: the table mixes the two editions' "
	    "column headings (%s first); each block is read under its own "
	    "headings' keys", gx_tables[desc[0]].edition == GAI_ED_2019 ?
	    "2019" : "2021") < 0)
		return GAI_E_NOMEM;
	memset(x->row_found, 0, sizeof x->row_found);
	x->blocks = 1;
	for (b = 0; b < n; b++)
		if (walk(x, desc[b], at[b], b + 1 < n ? at[b + 1] : re) < 0) {
			x->blocks = 0;
			return GAI_E_NOMEM;
		}
	x->blocks = 0;
	/* a row of the main edition no block had, by its key */
	for (r = 0; gx_tables[main_ti].rows[r].key != NULL; r++) {
		const char *key = gx_tables[main_ti].rows[r].key;
		int found = 0;

		for (k = 0; gx_tables[k].name != NULL; k++)
			for (q = 0; strcmp(gx_tables[k].name, "active") == 0 &&
			    gx_tables[k].rows[q].key != NULL; q++)
				found |= x->row_found[k][q] &&
				    strcmp(gx_tables[k].rows[q].key, key) == 0;
		if (found)
			continue;
		gx_row_name(main_ti, r, name, sizeof name);
		row_label(main_ti, r, x, lab, sizeof lab);
		if (gx_warn(x, "row_missing", "%s: row %s not found", name,
		    lab) < 0)
			return GAI_E_NOMEM;
	}
	return 1;
}

static size_t
table_index(const char *name, unsigned edition)
{
	size_t ti;

	for (ti = 0; gx_tables[ti].name != NULL; ti++)
		if (strcmp(gx_tables[ti].name, name) == 0 &&
		    (gx_tables[ti].edition & edition))
			return ti;
	return 0;
}

/* Bit k: x->sq is heading k (H_*); the headings repeat: memo. */
static long
heading_bits(struct gai_extract *x)
{
	long *m, bits = 0;
	int found, k;

	if ((m = gx_memo(x, GX_MEMO_HEADING, &found)) != NULL && found)
		return m[0];
	for (k = 0; k < 4; k++)
		if (gx_match(x, x->head_re[k], NULL, 0, NULL, NULL))
			bits |= 1L << k;
	if (m != NULL)
		m[0] = bits;
	return bits;
}

int
gx_match_tables(struct gai_extract *x)
{
	size_t n = x->toks.n, i, k, ti, a_end, rs;
	long head[4] = { -1, -1, -1, -1 };
	long all[4][64];
	int nall[4] = { 0, 0, 0, 0 }, hits, rc;
	long bits;
	char buf[8];
	struct blocks blocks;

	if (gx_unglue(x) < 0)
		return GAI_E_NOMEM;
	n = x->toks.n;
	if (x->labcap < n + 1) {
		signed char *l = realloc(x->label, (n + 1) * sizeof *l);
		uint32_t *e;

		if (l == NULL)
			return GAI_E_NOMEM;
		x->label = l;
		if ((e = realloc(x->labend, (n + 1) * sizeof *e)) == NULL)
			return GAI_E_NOMEM;
		x->labend = e;
		x->labcap = n + 1;
	}
	for (i = 0; i < n; i++)
		x->label[i] = -1;
	/* 1. The headings: the last of each that keeps them in order, so a
	 * table of contents at the top does not open a table. */
	for (i = 0; i < n; i++) {
		const struct gx_tok *tk = &x->toks.v[i];

		if (tk->kind != GX_T_TEXT || tk->len > 150 || tk->len < 9)
			continue;
		/* every heading ends in 情况, 问题 or 事项: skip the rest
		 * cheaply, most by their line's marks */
		if (!(x->lmark[tk->line] & GX_L_HEAD) ||
		    gai_chars_find(&x->head_chars, tok_s(x, i), tk->len) ==
		    tk->len)
			continue;
		if (gx_squeeze(x, tok_s(x, i), tk->len) < 0)
			return GAI_E_NOMEM;
		bits = heading_bits(x);
		for (k = 0; k < 4; k++)
			if (nall[k] < 64 && (bits & (1L << k))) {
				all[k][nall[k]++] = (long)i;
				break;
			}
	}
	for (k = 0; k < 3; k++)
		if (nall[k] > 0)
			head[k] = all[k][nall[k] - 1];
	if (head[H_REQ] >= 0 && head[H_APPEAL] >= 0 &&
	    head[H_REQ] > head[H_APPEAL]) {
		head[H_REQ] = -1;
		for (k = 0; k < (size_t)nall[H_REQ]; k++)
			if (all[H_REQ][k] < head[H_APPEAL])
				head[H_REQ] = all[H_REQ][k];
	}
	for (k = 0; k < (size_t)nall[H_ACTIVE]; k++) {
		long lim = head[H_REQ] >= 0 ? head[H_REQ] : head[H_APPEAL];

		if (lim < 0 || all[H_ACTIVE][k] < lim)
			head[H_ACTIVE] = all[H_ACTIVE][k];
	}
	{
		long after = head[H_APPEAL] >= 0 ? head[H_APPEAL] :
		    head[H_REQ] >= 0 ? head[H_REQ] : head[H_ACTIVE];

		for (k = 0; k < (size_t)nall[H_END]; k++)
			if (all[H_END][k] > after) {
				head[H_END] = all[H_END][k];
				break;
			}
	}
	if (head[H_END] < 0)
		head[H_END] = (long)n;

	/* 2. The active table: its edition from its own headings. */
	rs = head[H_ACTIVE] >= 0 ? (size_t)head[H_ACTIVE] : 0;
	a_end = head[H_REQ] >= 0 ? (size_t)head[H_REQ] : head[H_APPEAL] >= 0 ?
	    (size_t)head[H_APPEAL] : (size_t)head[H_END];
	if (a_end < rs)
		a_end = rs;
	if ((hits = edition_of(x, rs, a_end, &ti, &blocks)) < 0)
		return GAI_E_NOMEM;
	if (hits > 0) {
		ti--;
		x->edition = (int)gx_tables[ti].edition;
	} else {
		x->edition = x->year >= 2021 ? GAI_ED_2021 : x->year > 0 ?
		    GAI_ED_2019 : GAI_ED_2021;
		ti = table_index("active", (unsigned)x->edition);
	}
	if ((rc = walk_blocks(x, ti, &blocks, a_end)) < 0 ||
	    (rc == 0 && walk(x, ti, rs, a_end) < 0))
		return GAI_E_NOMEM;
	/* (a document without tables drops its warnings: see gai_extract.c) */
	if (hits == 0 && gx_warn(x, "edition", "meta.edition: the "
	    "active table's headings do not say; %s assumed from the %s",
	    x->edition == GAI_ED_2021 ? "2021" : "2019",
	    x->year > 0 ? "year" : "default") < 0)
		return GAI_E_NOMEM;

	/* 3. The request table. */
	rs = head[H_REQ] >= 0 ? (size_t)head[H_REQ] : rs;
	a_end = head[H_APPEAL] >= 0 ? (size_t)head[H_APPEAL] :
	    (size_t)head[H_END];
	if (a_end < rs)
		a_end = rs;
	if (walk(x, table_index("req", (unsigned)x->edition), rs, a_end) < 0)
		return GAI_E_NOMEM;

	/* 4. The appeal table, or its first header cell if the heading is
	 * lost (after the request table's rows, or its heading's end). */
	if (head[H_APPEAL] < 0)
		for (i = rs; i < n; i++)
			if (x->toks.v[i].kind == GX_T_TEXT &&
			    x->toks.v[i].len < 20) {
				if (gx_squeeze(x, tok_s(x, i),
				    x->toks.v[i].len) < 0)
					return GAI_E_NOMEM;
				if (strcmp(x->sq.data, "行政复议") == 0 ||
				    strcmp(x->sq.data, "行政復議") == 0) {
					head[H_APPEAL] = (long)i;
					break;
				}
			}
	ti = table_index("appeal", (unsigned)x->edition);
	if (head[H_APPEAL] < 0) {
		if (gx_warn(x, "table_missing", "appeal: table "
		    "四、政府信息公开行政复议、行政诉讼情况 not found") < 0)
			return GAI_E_NOMEM;
	} else {
		size_t e = (size_t)head[H_END] > (size_t)head[H_APPEAL] ?
		    (size_t)head[H_END] : n;

		for (i = (size_t)head[H_APPEAL]; i < e; i++)
			x->label[i] = -1;
		if (walk(x, ti, (size_t)head[H_APPEAL], e) < 0)
			return GAI_E_NOMEM;
	}
	if (x->found_any && x->edition != 0) {
		snprintf(buf, sizeof buf, "%d",
		    x->edition == GAI_ED_2021 ? 2021 : 2019);
		if (gx_set(x, gai_fields_index("meta.edition"), buf,
		    strlen(buf), NULL) < 0)
			return GAI_E_NOMEM;
	}
	return 0;
}
