/* SPDX-License-Identifier: MIT */
/* gai_extract_match: one matcher walks the table descriptions over the cells. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gai_extract_impl.h"
#include "gai_fields.h"

enum { H_ACTIVE, H_REQ, H_APPEAL, H_END };

/* Cells longer than this are prose, never a label or a heading. */
#define LABEL_MAX 200

struct row_read {
	struct gx_cell_ref c[GX_MAXCOLS + 2];
	int n;
	char why[200];
};

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

/* Which rows of table ti the cells of [rs, re) are labels of. */
static int
classify(struct gai_extract *x, size_t ti, size_t rs, size_t re)
{
	size_t i, r, end, nlab = 0;

	for (i = rs; i < re; i++) {
		const struct gx_tok *k = &x->toks.v[i];

		x->label[i] = -1;
		if (k->kind != GX_T_TEXT || k->len > LABEL_MAX)
			continue;
		if (gx_squeeze(x, tok_s(x, i), k->len) < 0)
			return GAI_E_NOMEM;
		/* one call for all rows: most cells are no row's label */
		if (gx_match(x, x->tab_re[ti], &end, 0, NULL, NULL) &&
		    (r = (size_t)gx_mark(x)) < GX_MAXROWS) {
			x->label[i] = (int)r;
			x->labend[i] = end;
			nlab++;
		}
	}
	/* a news page may name 行政许可 once; a table names its rows */
	if (nlab >= 3)
		x->found_any = 1;
	return 0;
}

static void
add_cell(struct row_read *rr, const char *s, size_t n, int kind, long line)
{
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
glued(struct gai_extract *x, size_t t, struct row_read *rr)
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
 * The cells of the row whose label is token t: on the label's own line
 * when it has cells after the label, else the run of numbers that
 * follows (one cell per line, numbers on the next line).  0 with the
 * cells in rr, or -1 with rr->why.
 */
static int
gather(struct gai_extract *x, size_t t, size_t rs, size_t re, int nolabel,
    struct row_read *rr)
{
	const struct gx_tok *v = x->toks.v;
	size_t j, first, skip = 0, maxskip = nolabel ? 80 : 3;

	rr->n = 0;
	rr->why[0] = '\0';
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
		if (v[j].kind == GX_T_NUM)
			break;
		if (v[j].kind == GX_T_EMPTY) {
			/* one blank cell alone on its line: a row of blank
			 * cells, one per line */
			if (!nolabel && v[j].lfirst &&
			    (j + 1 == re || v[j + 1].line != v[j].line))
				break;
			continue;
		}
		if (x->label[j] >= 0 || ++skip > maxskip) {
			snprintf(rr->why, sizeof rr->why,
			    "no numbers follow the label");
			return -1;
		}
	}
	/* the blank cells before the first number that are its row's (on
	 * its line, or alone on theirs: one cell per line) */
	while (j > first && j < re && v[j - 1].kind == GX_T_EMPTY &&
	    (v[j - 1].line == v[j].line || v[j - 1].lfirst))
		j--;
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

/* The integer in cell c, or *ok 0. */
static int64_t
cell_int(struct gai_extract *x, const struct gx_cell_ref *c, int *ok)
{
	unsigned fl;

	*ok = 0;
	if (c->kind == GX_T_EMPTY) {
		*ok = 1;
		return 0;
	}
	if (c->kind != GX_T_NUM)
		return 0;
	gai_buf_clear(&x->numbuf);
	if (gx_num_parse(c->s, c->n, &x->numbuf, &fl) != 1 ||
	    (fl & (GX_NF_YUAN | GX_NF_WAN)))
		return 0;
	return gx_num_int(x->numbuf.data, ok);
}

static int
idents_hold(const struct gx_table *t, const int64_t *v)
{
	size_t i;
	int c;
	int64_t s;

	for (i = 0; i < t->nident; i++) {
		for (s = 0, c = t->ident[i].first; c <= t->ident[i].last; c++)
			s += v[c];
		if (s != v[t->ident[i].total])
			return 0;
	}
	return 1;
}

/* "req.denied.query" for row r of table ti: the warn.* values' subject. */
static void
row_name(size_t ti, size_t r, char *buf, size_t n)
{
	const struct gx_table *t = &gx_tables[ti];

	if (t->rows[r].key[0] != '\0')
		snprintf(buf, n, "%s.%s", t->name, t->rows[r].key);
	else
		snprintf(buf, n, "%s", t->name);
}

/*
 * One cell too many: the report's own frame (a stray cell first or last)
 * or an eighth 法人或其他组织 subtotal column.  A reading is kept only when
 * every consistent way to drop a cell gives the same numbers.
 */
static int
extra_cell(struct gai_extract *x, size_t ti, size_t r, int ncols,
    struct row_read *rr)
{
	const struct gx_table *t = &gx_tables[ti];
	int64_t all[GX_MAXCOLS + 1], cand[GX_MAXCOLS], got[GX_MAXCOLS];
	int p, c, k, ok, nfound = 0, drop = -1, sub = 0;
	char name[96];

	row_name(ti, r, name, sizeof name);
	for (c = 0; c <= ncols; c++) {
		all[c] = cell_int(x, &rr->c[c], &ok);
		if (!ok) {
			snprintf(rr->why, sizeof rr->why,
			    "%d cells for %d columns", ncols + 1, ncols);
			return -1;
		}
	}
	if (x->subtotal > 0 && t->cols != NULL && ncols == 7) {
		/* the header said where the subtotal is: drop it, check it */
		int64_t s = 0;

		p = x->subtotal;
		for (c = p == 1 ? 2 : 1; c <= (p == 1 ? 6 : 5); c++)
			s += all[c];
		if (!x->subtotal_said && gx_warn(x, "subtotal", "req: an "
		    "eighth column, a 法人或其他组织 subtotal, read, checked "
		    "against the five columns and left out") < 0)
			return GAI_E_NOMEM;
		x->subtotal_said = 1;
		if (s != all[p] && gx_warn(x, "subtotal", "%s: the 法人或其他组织 "
		    "subtotal says %.*s, the five columns add up to %lld", name,
		    (int)rr->c[p].n, rr->c[p].s, (long long)s) < 0)
			return GAI_E_NOMEM;
		memmove(rr->c + p, rr->c + p + 1,
		    (size_t)(ncols - p) * sizeof rr->c[0]);
		rr->n = ncols;
		return 0;
	}
	for (p = 0; p <= ncols; p++) {
		int subtotal = 0;

		for (c = 0, k = 0; c <= ncols; c++)
			if (c != p)
				cand[k++] = all[c];
		if (t->nident == 0) {
			if (p != 0 && p != ncols)
				continue;
		} else if (!idents_hold(t, cand))
			continue;
		if (p != 0 && p != ncols) {
			/* only a subtotal of the five 法人 columns */
			int64_t s = 0;

			if (t->cols != NULL && ncols == 7 && (p == 1 || p == 6)) {
				for (c = p == 1 ? 2 : 1; c <= (p == 1 ? 6 : 5);
				    c++)
					s += all[c];
				if (s != all[p])
					continue;
				subtotal = 1;
			} else
				continue;
		}
		if (nfound > 0 && memcmp(got, cand, (size_t)ncols *
		    sizeof *cand) != 0) {
			snprintf(rr->why, sizeof rr->why,
			    "%d cells for %d columns, and more than one way to "
			    "drop one fits the table", ncols + 1, ncols);
			return -1;
		}
		if (nfound == 0) {
			memcpy(got, cand, (size_t)ncols * sizeof *cand);
			drop = p;
		}
		sub |= subtotal;
		nfound++;
	}
	if (nfound == 0) {
		snprintf(rr->why, sizeof rr->why, "%d cells for %d columns, "
		    "and no way to drop one fits the table", ncols + 1, ncols);
		return -1;
	}
	if (sub && drop != 0 && drop != ncols) {
		if (gx_warn(x, "subtotal", "%s: an eighth column (法人或其他组织 "
		    "subtotal %.*s) read, checked and left out", name,
		    (int)rr->c[drop].n, rr->c[drop].s) < 0)
			return GAI_E_NOMEM;
	} else if (gx_warn(x, "extra_cell", "%s: %d cells for %d columns; "
	    "the %s cell left out (the readings agree)", name, ncols + 1,
	    ncols, drop == 0 ? "first" : "last") < 0)
		return GAI_E_NOMEM;
	memmove(rr->c + drop, rr->c + drop + 1,
	    (size_t)(ncols - drop) * sizeof rr->c[0]);
	rr->n = ncols;
	return 0;
}

/* At most max bytes of s[0..n), ending on a character boundary. */
static int
clip(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return (int)n;
	for (n = max; n > 0 && (s[n] & 0xc0) == 0x80; n--)
		;
	return (int)n;
}

/* Store the value of cell c as field fi (name key); warn as needed. */
static int
store_cell(struct gai_extract *x, long fi, const struct gx_cell_ref *c)
{
	const struct gai_field *f = gai_fields_at((size_t)fi);
	unsigned fl;
	int rc;

	if (c->kind == GX_T_EMPTY)
		return gx_set(x, fi, "", 0, c);
	gai_buf_clear(&x->numbuf);
	rc = c->kind == GX_T_NUM ?
	    gx_num_parse(c->s, c->n, &x->numbuf, &fl) : -1;
	if (rc != 1 || ((fl & (GX_NF_YUAN | GX_NF_WAN)) && !f->amount))
		return gx_warn(x, "not_number", "%s: cell \"%.*s%s\" is not a "
		    "number", f->key, clip(c->s, c->n, 90), c->s,
		    (size_t)clip(c->s, c->n, 90) < c->n ? "..." : "");
	if (fl & GX_NF_DASH) {
		if (gx_warn(x, "dash_zero", "%s: cell \"%.*s\" read as 0",
		    f->key, (int)c->n, c->s) < 0)
			return GAI_E_NOMEM;
	} else if (fl & GX_NF_YUAN) {
		char num[64];

		snprintf(num, sizeof num, "%s", x->numbuf.data);
		gai_buf_clear(&x->numbuf);
		if (gx_num_div10k(num, &x->numbuf) < 0 ||
		    gx_warn(x, "unit", "%s: cell \"%.*s\" is in 元, converted "
		    "to %s 万元", f->key, (int)c->n, c->s, x->numbuf.data) < 0)
			return GAI_E_NOMEM;
	}
	return gx_set(x, fi, x->numbuf.data, x->numbuf.len, c);
}

/* Store a split of run-together digits and say so. */
static int
set_split(struct gai_extract *x, size_t ti, size_t r,
    const struct gx_cell_ref *cell, const int64_t *v, const char *why)
{
	const struct gx_table *tb = &gx_tables[ti];
	const char *const *cols = tb->rows[r].cols[0] != NULL ?
	    tb->rows[r].cols : tb->cols;
	char list[256], name[96];
	size_t o = 0;
	int c;

	row_name(ti, r, name, sizeof name);
	for (c = 0; cols[c] != NULL; c++) {
		char num[24];
		int k = snprintf(num, sizeof num, "%lld", (long long)v[c]);

		o += (size_t)snprintf(list + o, sizeof list - o, "%s%s",
		    c ? "," : "", num);
		if (gx_set(x, x->fidx[ti][r][c], num, (size_t)k, cell) < 0)
			return GAI_E_NOMEM;
	}
	if (gx_warn(x, "split", "%s: cell \"%.*s\" read as %s, %s", name,
	    (int)cell->n, cell->s, list, why) < 0)
		return GAI_E_NOMEM;
	return 1;
}

/* Row key k's value in column c: from the pending split, else as read. */
static int
colval(struct gai_extract *x, size_t ti, const char *k, int c,
    const struct gx_pending *p, int sol, int64_t *v)
{
	const struct gx_table *t = &gx_tables[ti];
	size_t r;
	long fi;
	int ok;

	for (r = 0; t->rows[r].key != NULL; r++)
		if (strcmp(t->rows[r].key, k) == 0)
			break;
	if (t->rows[r].key == NULL)
		return 0;
	if (p != NULL && p->r == r) {
		*v = p->sol[sol][c];
		return 1;
	}
	fi = x->fidx[ti][r][c];
	if (!x->vals[fi].set)
		return 0;
	*v = gx_num_int(x->arena.data + x->vals[fi].voff, &ok);
	return ok;
}

/*
 * Does split sol of p fit the columns of the request table?  For every
 * column: new + carried_in = total + carried_out, and total = the sum of
 * the results rows.  1 fits, 0 does not, -1 cannot tell (rows missing).
 */
static int
fits_columns(struct gai_extract *x, const struct gx_pending *p, int sol)
{
	static const char *const results[] = {
		"granted", "partial", "denied.state_secret", "denied.prohibited",
		"denied.security", "denied.third_party", "denied.internal",
		"denied.deliberative", "denied.enforcement", "denied.query",
		"unavailable.not_held", "unavailable.needs_creation",
		"unavailable.unclear", "not_processed.petition",
		"not_processed.duplicate", "not_processed.publication",
		"not_processed.excessive", "not_processed.confirmation", NULL
	};
	static const char *const other3[] = {
		"other.no_correction", "other.unpaid_fee", "other.misc", NULL
	};
	const char *pk = gx_tables[p->ti].rows[p->r].key;
	int c, i, told = 0, in_results = strcmp(pk, "total") == 0;
	int64_t a, b, d, e, sum, v;

	for (i = 0; results[i] != NULL; i++)
		in_results |= strcmp(pk, results[i]) == 0;
	in_results |= strncmp(pk, "other", 5) == 0;
	for (c = 0; c < 7; c++) {
		if (colval(x, p->ti, "new", c, p, sol, &a) &&
		    colval(x, p->ti, "carried_in", c, p, sol, &b) &&
		    colval(x, p->ti, "total", c, p, sol, &d) &&
		    colval(x, p->ti, "carried_out", c, p, sol, &e) &&
		    !in_results) {
			if (a + b != d + e)
				return 0;
			told = 1;
		}
		if (!in_results || !colval(x, p->ti, "total", c, p, sol, &d))
			continue;
		for (i = 0, sum = 0; results[i] != NULL; i++) {
			if (!colval(x, p->ti, results[i], c, p, sol, &v))
				break;
			sum += v;
		}
		if (results[i] != NULL)
			continue;
		if (colval(x, p->ti, "other", c, p, sol, &v))
			sum += v;
		else {
			for (i = 0; other3[i] != NULL; i++) {
				if (!colval(x, p->ti, other3[i], c, p, sol, &v))
					break;
				sum += v;
			}
			if (other3[i] != NULL)
				continue;
		}
		if (sum != d)
			return 0;
		told = 1;
	}
	return told ? 1 : -1;
}

/* Decide the pending splits by the columns, or leave them out. */
static int
resolve_pending(struct gai_extract *x)
{
	int i, s, fit, which = -1;
	char name[96];

	for (i = 0; i < x->npend; i++) {
		const struct gx_pending *p = &x->pend[i];

		for (s = 0, fit = 0; s < p->ns; s++)
			if (fits_columns(x, p, s) == 1) {
				fit++;
				which = s;
			}
		if (fit == 1 && set_split(x, p->ti, p->r, &p->c,
		    p->sol[which], "the only split of several fitting the row "
		    "that also fits the columns' identities") < 0)
			return GAI_E_NOMEM;
		if (fit == 1)
			continue;
		row_name(p->ti, p->r, name, sizeof name);
		if (gx_warn(x, "split", "%s: cell \"%.*s\" holds %d columns "
		    "run together and %d splits fit the table's identities",
		    name, (int)p->c.n, p->c.s, 7, fit > 1 ? fit : p->ns) < 0)
			return GAI_E_NOMEM;
	}
	x->npend = 0;
	return 0;
}

/*
 * Blank cells beyond the row's columns, at either end: trailing ones
 * carry nothing, nor do leading ones (the spacer of a label two columns
 * wide).  Every way to drop them must leave the same cells, else the row
 * is not certain.  A row of nothing but blank cells that do not match its
 * columns (a crawler's "| ||||") has no known cells.  0, or -1 with
 * rr->why.
 */
static int
blank_cells(struct row_read *rr, int ncols)
{
	int extra = rr->n - ncols, lead, c, blank = 0, got = -1;

	for (c = 0; c < rr->n && c < GX_MAXCOLS + 2; c++)
		blank += rr->c[c].kind == GX_T_EMPTY;
	if (blank > 0 && blank == rr->n && rr->n != ncols) {
		snprintf(rr->why, sizeof rr->why, "its %d cells are blank "
		    "and do not match its %d column%s", rr->n, ncols,
		    ncols == 1 ? "" : "s");
		return -1;
	}
	if (extra <= 0 || rr->n > GX_MAXCOLS + 2)
		return 0;
	for (lead = 0; lead <= extra; lead++) {
		for (c = 0; c < rr->n; c++)
			if ((c < lead || c >= lead + ncols) &&
			    rr->c[c].kind != GX_T_EMPTY)
				break;
		if (c < rr->n)
			continue;	/* a number would go */
		if (got < 0)
			got = lead;
		for (c = 0; c < ncols; c++)
			if (rr->c[got + c].n != rr->c[lead + c].n ||
			    memcmp(rr->c[got + c].s, rr->c[lead + c].s,
			    rr->c[lead + c].n) != 0) {
				snprintf(rr->why, sizeof rr->why, "%d cells "
				    "for %d columns, blank at both ends: which "
				    "are its columns is not certain", rr->n,
				    ncols);
				return -1;
			}
	}
	if (got >= 0) {
		memmove(rr->c, rr->c + got, (size_t)ncols * sizeof rr->c[0]);
		rr->n = ncols;
	}
	return 0;
}

/* Read and store row r of table ti whose label is token t. */
static int
read_row(struct gai_extract *x, size_t ti, size_t r, size_t t, size_t rs,
    size_t re, int quiet)
{
	const struct gx_table *tb = &gx_tables[ti];
	const struct gx_row *row = &tb->rows[r];
	const char *const *cols = row->cols[0] != NULL ? row->cols : tb->cols;
	struct row_read rr;
	int ncols, c, ok, allint = 1, rc;
	int64_t iv[GX_MAXCOLS];
	char name[96];

	for (ncols = 0; cols[ncols] != NULL; ncols++)
		;
	if (gather(x, t, rs, re, (row->flags & GX_ROW_NOLABEL) != 0, &rr) < 0)
		goto unread;
	x->found_any = 1;
	if (blank_cells(&rr, ncols) < 0)
		goto unread;
	if (rr.n == ncols + 1 && (rc = extra_cell(x, ti, r, ncols, &rr)) != 0) {
		if (rc < -1)
			return rc;
		goto unread;
	}
	if (rr.n == 1 && ncols > 1 && rr.c[0].kind == GX_T_NUM &&
	    rr.c[0].n >= (size_t)ncols) {
		/* digits run together: recover the split from the identities */
		int64_t sp[GX_MAXSOL * GX_MAXCOLS];
		int ns = tb->nident == 0 ? 0 : gx_num_split(rr.c[0].s,
		    rr.c[0].n, ncols, tb->ident, tb->nident, sp, GX_MAXSOL);

		if (ns == 1)
			return set_split(x, ti, r, &rr.c[0], sp, "the only "
			    "split that fits the row's identities");
		if (ns > 1 && ns <= GX_MAXSOL && tb->cols != NULL &&
		    x->npend < (int)(sizeof x->pend / sizeof x->pend[0])) {
			/* the columns may decide once the table is read */
			struct gx_pending *p = &x->pend[x->npend++];

			p->ti = ti;
			p->r = r;
			p->c = rr.c[0];
			p->ns = ns;
			for (c = 0; c < ns; c++)
				memcpy(p->sol[c], sp + c * ncols,
				    (size_t)ncols * sizeof *sp);
			return 1;
		}
		row_name(ti, r, name, sizeof name);
		if (gx_warn(x, "split", "%s: cell \"%.*s\" holds %d columns "
		    "run together and %s", name, (int)rr.c[0].n, rr.c[0].s,
		    ncols, ns == 0 ? "no split fits the table's identities" :
		    "more than one split fits the table's identities") < 0)
			return GAI_E_NOMEM;
		return 0;
	}
	if (rr.n != ncols) {
		snprintf(rr.why, sizeof rr.why, "%d cells for %d columns",
		    rr.n, ncols);
		goto unread;
	}
	for (c = 0; c < ncols; c++) {
		if (store_cell(x, x->fidx[ti][r][c], &rr.c[c]) < 0)
			return GAI_E_NOMEM;
		iv[c] = cell_int(x, &rr.c[c], &ok);
		/* a blank cell states no number: no sum to hold it to */
		allint &= ok && x->vals[x->fidx[ti][r][c]].set &&
		    rr.c[c].kind != GX_T_EMPTY;
	}
	/* The report's own sums: keep what it says, but say it is off. */
	if (allint)
		for (c = 0; (size_t)c < tb->nident; c++) {
			const struct gx_ident *e = &tb->ident[c];
			int64_t s = 0;
			int k;
			const char *tk = gai_fields_at((size_t)
			    x->fidx[ti][r][e->total])->key;

			for (k = e->first; k <= e->last; k++)
				s += iv[k];
			if (s != iv[e->total] && gx_warn(x, "identity",
			    "%.*s: the parts add up to %lld, the total says "
			    "%lld", (int)(strrchr(tk, '.') - tk), tk,
			    (long long)s, (long long)iv[e->total]) < 0)
				return GAI_E_NOMEM;
		}
	return 1;
unread:
	if (quiet)
		return 0;
	row_name(ti, r, name, sizeof name);
	return gx_warn(x, "row_unread", "%s: the label is at line %ld but its "
	    "values cannot be read for certain: %s", name,
	    row->flags & GX_ROW_NOLABEL ? tok_line(x, rs) : tok_line(x, t),
	    rr.why) < 0 ? GAI_E_NOMEM : 0;
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
static int
find_subtotal(struct gai_extract *x, size_t ti, size_t rs, size_t re)
{
	size_t i;
	int sub = 0, seen_first = 0;

	x->subtotal = 0;
	/* the header: up to the first row label ("总计" may be either) */
	for (i = rs; i < re && (x->label[i] < 0 ||
	    (gx_tables[ti].rows[x->label[i]].flags & GX_ROW_FORWARD)); i++) {
		if (x->toks.v[i].kind != GX_T_TEXT || x->toks.v[i].len > 60)
			continue;
		if (gx_squeeze(x, tok_s(x, i), x->toks.v[i].len) < 0)
			return GAI_E_NOMEM;
		if (strstr(x->sq.data, "小计") != NULL ||
		    strstr(x->sq.data, "小計") != NULL ||
		    strstr(x->sq.data, "合计") != NULL ||
		    strstr(x->sq.data, "合計") != NULL)
			sub = seen_first ? 6 : 1;
		if (strstr(x->sq.data, "商业") != NULL ||
		    strstr(x->sq.data, "商業") != NULL)
			seen_first = 1;
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

	if (classify(x, ti, rs, re) < 0)
		return GAI_E_NOMEM;
	if (t->cols != NULL && find_subtotal(x, ti, rs, re) < 0)
		return GAI_E_NOMEM;
	for (i = rs; i < re && x->label[i] < 0; i++)
		;
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
			if (at < 0)
				continue;
			split_seen = 1;
		}
		if (at < 0) {
			/* the names are for warnings only: made when needed */
			row_name(ti, r, name, sizeof name);
			row_label(ti, r, x, lab, sizeof lab);
			if (gx_warn(x, "row_missing", "%s: row %s not found",
			    name, lab) < 0)
				return GAI_E_NOMEM;
			continue;
		}
		if ((rc = read_row(x, ti, r, (size_t)at, rs, re, 0)) < 0)
			return rc;
		cursor = (size_t)at + 1;
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

/* The active table's edition, from its column headings. */
static int
edition_of(struct gai_extract *x, size_t rs, size_t re, size_t *which)
{
	size_t i, ti, best = 0;
	int hits[GX_MAXTABLES] = { 0 }, max = 0;

	for (i = rs; i < re; i++) {
		const struct gx_tok *k = &x->toks.v[i];

		if (k->kind != GX_T_TEXT || k->len > LABEL_MAX)
			continue;
		if (gx_squeeze(x, tok_s(x, i), k->len) < 0)
			return GAI_E_NOMEM;
		for (ti = 0; gx_tables[ti].name != NULL; ti++)
			if (x->detect_re[ti] != NULL &&
			    gx_match(x, x->detect_re[ti], NULL, 0, NULL, NULL))
				hits[ti]++;
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

/* Does s hold 况/況, 题/題 or 项/項, the last character of every heading? */
static int
heading_end(const char *s, size_t n)
{
	static const char ends[][4] = {
		"况", "況", "题", "題", "项", "項"
	};
	const unsigned char *p = (const unsigned char *)s;
	size_t i, k;

	for (i = 0; i + 3 <= n; i++) {
		/* the third byte first: a continuation byte, and so matching
		 * one of the six far less often than the lead byte does */
		switch (p[i + 2]) {
		case 0xb5: case 0x81: case 0x98: case 0x8c: case 0xb9:
		case 0x85:
			break;
		default:
			continue;
		}
		for (k = 0; k < sizeof ends / sizeof ends[0]; k++)
			if (memcmp(p + i, ends[k], 3) == 0)
				return 1;
	}
	return 0;
}

int
gx_match_tables(struct gai_extract *x)
{
	size_t n = x->toks.n, i, k, ti, a_end, rs;
	long head[4] = { -1, -1, -1, -1 };
	long all[4][64];
	int nall[4] = { 0, 0, 0, 0 }, hits;
	char buf[8];

	if (x->labcap < n + 1) {
		int *l = realloc(x->label, (n + 1) * sizeof *l);
		size_t *e;

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
		/* every heading ends in 情况, 问题 or 事项: skip the rest cheaply */
		if (!heading_end(tok_s(x, i), tk->len))
			continue;
		if (gx_squeeze(x, tok_s(x, i), tk->len) < 0)
			return GAI_E_NOMEM;
		for (k = 0; k < 4; k++)
			if (nall[k] < 64 && gx_match(x, x->head_re[k], NULL, 0,
			    NULL, NULL)) {
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
	if ((hits = edition_of(x, rs, a_end, &ti)) < 0)
		return GAI_E_NOMEM;
	if (hits > 0) {
		ti--;
		x->edition = (int)gx_tables[ti].edition;
	} else {
		x->edition = x->year >= 2021 ? GAI_ED_2021 : x->year > 0 ?
		    GAI_ED_2019 : GAI_ED_2021;
		ti = table_index("active", (unsigned)x->edition);
	}
	if (walk(x, ti, rs, a_end) < 0)
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
	x->npend = 0;
	if (walk(x, table_index("req", (unsigned)x->edition), rs, a_end) < 0 ||
	    resolve_pending(x) < 0)
		return GAI_E_NOMEM;

	/* 4. The appeal table, or its first header cell if the heading is
	 * lost. */
	if (head[H_APPEAL] < 0)
		for (i = a_end; i < n; i++)
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
