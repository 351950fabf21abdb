/* SPDX-License-Identifier: MIT */
/*
 * gai_extract_resolve: one resolver for every layout.  A layout's reader
 * gives candidate rows (a label and its cells, or a run of digits whose
 * cells are open); this file applies the table's identities and decides
 * what is certain.  A value is stored only when the text allows one
 * reading of it; what is left open gets a warn.* naming its row.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gai_extract_impl.h"
#include "gai_fields.h"

/* Readings listed in a warn.ambiguous record; the rest are counted. */
#define SHOW_READINGS 4

/* Nodes the joint search of a table may visit: over it, nothing is
 * decided jointly (and the rows say so). */
#define JOINT_BUDGET 200000L

void
gx_row_name(size_t ti, size_t r, char *buf, size_t n)
{
	const struct gx_table *t = &gx_tables[ti];

	if (t->rows[r].key[0] != '\0')
		snprintf(buf, n, "%s.%s", t->name, t->rows[r].key);
	else
		snprintf(buf, n, "%s", t->name);
}

static const char *const *
row_cols(size_t ti, size_t r)
{
	const struct gx_table *t = &gx_tables[ti];

	return t->rows[r].cols[0] != NULL ? t->rows[r].cols : t->cols;
}

static int
ncols_of(size_t ti, size_t r)
{
	const char *const *cols = row_cols(ti, r);
	int n;

	for (n = 0; cols[n] != NULL; n++)
		;
	return n;
}

/* The integer in cell c, or *ok 0. */
static int64_t
cell_int(struct gai_extract *x, const struct gx_cell_ref *c, int *ok)
{
	unsigned fl;
	int64_t v = 0;
	size_t i;

	*ok = 0;
	if (c->kind == GX_T_EMPTY) {
		*ok = 1;
		return 0;
	}
	if (c->kind != GX_T_NUM)
		return 0;
	/* digits alone, as most cells are, and too few to overflow: read
	 * here, not written out and read back */
	for (i = 0; i < c->n && i < 18 && c->s[i] >= '0' && c->s[i] <= '9';
	    i++)
		v = v * 10 + (c->s[i] - '0');
	if (i == c->n && i > 0) {
		*ok = 1;
		return v;
	}
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

/*
 * One cell too many: the report's own frame (a stray cell first or last)
 * or an eighth 法人或其他组织 subtotal column.  A reading is kept only when
 * every consistent way to drop a cell gives the same numbers.
 */
static int
extra_cell(struct gai_extract *x, size_t ti, size_t r, int ncols,
    struct gx_cand *rr)
{
	const struct gx_table *t = &gx_tables[ti];
	int64_t all[GX_MAXCOLS + 1], cand[GX_MAXCOLS], got[GX_MAXCOLS];
	int p, c, k, ok, nfound = 0, drop = -1, sub = 0;
	char name[96];

	gx_row_name(ti, r, name, sizeof name);
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

/*
 * Blank cells beyond the row's columns, at either end: trailing ones
 * carry nothing, nor do leading ones (the spacer of a label two columns
 * wide).  Every way to drop them must leave the same cells, else the row
 * is not certain.  A row of nothing but blank cells that do not match its
 * columns (a crawler's "| ||||") has no known cells.  0, or -1 with
 * rr->why.
 */
static int
blank_cells(struct gx_cand *rr, int ncols)
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

/* Store the value of cell c as field fi; warn as needed. */
static int
store_cell(struct gai_extract *x, long fi, const struct gx_cell_ref *c)
{
	const struct gai_field *f = gai_fields_at((size_t)fi);
	unsigned fl;
	size_t k;
	int rc;

	if (c->kind == GX_T_EMPTY)
		return gx_set(x, fi, "", 0, c);
	gai_buf_clear(&x->numbuf);
	/* 本年增/减 as words or signs: 增98, 减3, +5, 持平 */
	k = strlen(f->key);
	if (k > 7 && strcmp(f->key + k - 7, ".change") == 0 &&
	    gx_change_read(c->s, c->n, &x->numbuf) == 1)
		return gx_warn(x, "change_word", "%s: cell \"%.*s\" read as "
		    "%s", f->key, clip(c->s, c->n, 90), c->s,
		    x->numbuf.data) < 0 ? GAI_E_NOMEM :
		    gx_set(x, fi, x->numbuf.data, x->numbuf.len, c);
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

/* Where column c of reading s is in p's digits: [*a, *b). */
static void
col_span(const struct gx_pending *p, int s, int c, size_t *a, size_t *b)
{
	int i = c + (p->drop[s] >= 0 && c >= p->drop[s]);

	*a = p->cuts[s][i];
	*b = p->cuts[s][i + 1];
}

/* Do readings s and t give column c the same number? */
static int
same_col(const struct gx_pending *p, int s, int t, int c)
{
	size_t a, b, a2, b2;

	col_span(p, s, c, &a, &b);
	col_span(p, t, c, &a2, &b2);
	return b - a == b2 - a2 && memcmp(p->run.d + a, p->run.d + a2, b - a)
	    == 0;
}

/* Reading s of p, k columns, as "12|4|40" into buf; a cell left out in
 * brackets: "3|[3]|0|1|1|1|0|6" (none when any one could be). */
static void
reading_text(const struct gx_pending *p, int s, int k, char *buf, size_t n)
{
	size_t o = 0;
	int c, drop = p->anydrop[s] ? -2 : p->drop[s];

	buf[0] = '\0';
	for (c = 0; c < k + (p->drop[s] >= 0) && o < n; c++) {
		int word = p->mark >= 0 && p->cuts[s][c] == (size_t)p->mark;
		int zero = word && p->mzero;

		o += (size_t)snprintf(buf + o, n - o, "%s%s%.*s%.*s%s",
		    c ? "|" : "", c == drop ? "[" : "",
		    word ? (int)p->mlen : 0, word ? p->mword : "",
		    zero ? 0 : (int)(p->cuts[s][c + 1] - p->cuts[s][c]),
		    p->run.d + p->cuts[s][c], c == drop ? "]" : "");
	}
}

/* The cell of column c in reading s: its digits and the unit after them. */
static void
reading_cell(const struct gx_pending *p, int s, int c, struct gx_cell_ref *cell)
{
	size_t a, b;

	col_span(p, s, c, &a, &b);
	cell->s = p->run.src[a];
	cell->n = (size_t)(p->run.end[b] - cell->s);
	cell->kind = GX_T_NUM;
	cell->line = p->c.line;
}

/*
 * Store the columns of p in which the readings marked in keep agree (all
 * of them when one is left); how says why, for --trace.
 */
static int
store_reading(struct gai_extract *x, size_t ti, const struct gx_pending *p,
    const unsigned char *keep, const char *how)
{
	int k = ncols_of(ti, p->r), c, s, first = -1, agree, left = 0;
	char text[GX_RUNMAX * 2 + 8], note[400];
	struct gx_cell_ref cell;

	if (p->ns > GX_MAXSOL)
		return 0;	/* not every reading is known */
	for (s = 0; s < p->ns; s++)
		if (keep[s]) {
			left++;
			if (first < 0)
				first = s;
		}
	if (first < 0)
		return 0;
	reading_text(p, first, k, text, sizeof text);
	if (left == 1)
		snprintf(note, sizeof note, "%s (%s)", text, how);
	else
		snprintf(note, sizeof note, "the same in each of the %d "
		    "readings left (warn.ambiguous)", left);
	for (c = 0; c < k; c++) {
		long fi = x->fidx[ti][p->r][c];

		for (agree = 1, s = first + 1; s < p->ns; s++)
			if (keep[s] && !same_col(p, s, first, c))
				agree = 0;
		if (!agree)
			continue;
		reading_cell(p, first, c, &cell);
		if (store_cell(x, fi, &cell) < 0 ||
		    (x->vals[fi].set && gx_how(x, fi, note) < 0))
			return GAI_E_NOMEM;
	}
	return 0;
}

/* The run's readings that are left, in a warn.ambiguous record. */
static int
warn_ambiguous(struct gai_extract *x, size_t ti, const struct gx_pending *p,
    const unsigned char *keep, const char *why)
{
	char name[96], list[SHOW_READINGS * (GX_RUNMAX * 2 + 8) + 32];
	char text[GX_RUNMAX * 2 + 8];
	size_t o = 0;
	int s, shown = 0, left = 0, k = ncols_of(ti, p->r);

	gx_row_name(ti, p->r, name, sizeof name);
	list[0] = '\0';
	for (s = 0; s < p->ns && s < GX_MAXSOL; s++) {
		if (!keep[s])
			continue;
		left++;
		if (shown == SHOW_READINGS)
			continue;
		reading_text(p, s, k, text, sizeof text);
		o += (size_t)snprintf(list + o, sizeof list - o, "%s%s",
		    shown ? ", " : "", text);
		shown++;
	}
	if (p->ns > GX_MAXSOL)
		snprintf(list + o, sizeof list - o, " and more");
	else if (left > shown)
		snprintf(list + o, sizeof list - o, " and %d more",
		    left - shown);
	return gx_warn(x, "ambiguous", "%s: digits \"%.*s\" can be read %s%d "
	    "ways %s: %s; the cells they differ in are not read", name,
	    (int)p->c.n, p->c.s, p->ns > GX_MAXSOL ? "more than " : "",
	    p->ns > GX_MAXSOL ? GX_MAXSOL : left, why, list);
}

/*
 * A cell more than the row's columns (tb->extra): add p's readings with
 * one, each kept unless another reading gives the same numbers.  Where
 * the header says where a subtotal is, only there.
 */
static void
add_extra(const struct gai_extract *x, const struct gx_table *tb,
    struct gx_pending *p, int ncols, unsigned dec)
{
	unsigned char cuts[GX_MAXSOL][GX_MAXCOLS + 1];
	const struct gx_extra *e;
	int n, s, t, c;

	for (e = tb->extra; e != NULL && e->at >= 0 && p->ns <= GX_MAXSOL;
	    e++) {
		if (x->subtotal > 0 && e->at != x->subtotal)
			continue;
		/* decimals as the columns have them, the extra cell none */
		n = gx_num_split(&p->run, ncols + 1, (dec & ((1u << e->at) -
		    1)) | ((dec >> e->at) << (e->at + 1)), e->ident,
		    e->nident, &cuts[0][0], GX_MAXSOL);
		if (n < 0 || n > GX_MAXSOL) {
			p->ns = GX_MAXSOL + 1;
			return;
		}
		for (s = 0; s < n; s++) {
			memcpy(p->cuts[p->ns], cuts[s], sizeof cuts[s]);
			p->drop[p->ns] = (signed char)e->at;
			for (t = 0; t < p->ns; t++) {
				for (c = 0; c < ncols && same_col(p, t, p->ns,
				    c); c++)
					;
				if (c == ncols)
					break;	/* the same numbers */
			}
			if (t < p->ns) {
				p->anydrop[t] |= p->drop[t] >= 0 &&
				    p->drop[t] != e->at;
				continue;
			}
			if (p->ns == GX_MAXSOL) {
				p->ns = GX_MAXSOL + 1;
				return;
			}
			p->ns++;
		}
	}
}

/* Reading s of p has a cell more than its columns: say which was left
 * out (once for a subtotal the header announced). */
static int
say_extra(struct gai_extract *x, size_t ti, const struct gx_pending *p,
    int s, const char *how)
{
	char name[96], text[GX_RUNMAX * 2 + 8];
	int k = ncols_of(ti, p->r);

	if (p->drop[s] < 0)
		return 0;
	if (x->subtotal > 0) {
		if (x->subtotal_said)
			return 0;
		x->subtotal_said = 1;
		return gx_warn(x, "subtotal", "req: an eighth column, a "
		    "法人或其他组织 subtotal, read, checked against the five "
		    "columns and left out");
	}
	gx_row_name(ti, p->r, name, sizeof name);
	reading_text(p, s, k, text, sizeof text);
	return gx_warn(x, "extra_cell", "%s: digits \"%.*s\" read as %d "
	    "cells for %d columns, %s, %s (%s)", name, (int)p->c.n, p->c.s,
	    k + 1, k, text, p->anydrop[s] ? "one left out: the readings "
	    "agree whichever it is" : "the cell in brackets left out", how);
}

/*
 * A run with the word or sign of its 本年增/减 cell inside (120减31,234,
 * 120-31,234, 400持平56, 5持平), the 2019 edition glued: the word is a sure
 * cell boundary and starts the cell of the change column; 持平, a cell of
 * no digits, gets a 0 that stands in for it.  p->run made and p->mark
 * set: 0; -1 when s holds no such word, or anything else but digits.
 */
static int
change_run(struct gx_pending *p, const char *s, size_t n)
{
	struct gx_run *r = &p->run, b;
	size_t i, k, wl = 0;
	int sign = 1;

	for (i = 0; i < n; i++) {
		if ((s[i] >= '0' && s[i] <= '9') || s[i] == ' ' ||
		    s[i] == ',' || s[i] == '.')
			continue;
		if ((k = gx_unit_len(s + i, n - i)) == 0)
			break;
		i += k - 1;
	}
	if (i == 0 || i == n)
		return -1;
	/* ASCII '-' is no word in other layouts' cells: -3 is a number */
	wl = s[i] == '-' ? 1 : gx_change_word(s + i, n - i, &sign);
	if (wl == 0 || gx_run_make(r, s, i) < 0)
		return -1;
	p->mark = (long)r->n;
	p->mword = s + i;
	p->mlen = wl;
	p->mzero = sign == 0;
	if (sign == 0) {
		if (r->n == GX_RUNMAX)
			return -1;
		r->src[r->n] = s + i;
		r->d[r->n++] = '0';
		r->end[r->n] = s + i + wl;
		r->joined[r->n] = 0;
		r->sure[r->n] = 1;
	}
	if (i + wl == n)
		return sign == 0 ? 0 : -1;
	if (gx_run_make(&b, s + i + wl, n - i - wl) < 0 ||
	    r->n + b.n > GX_RUNMAX)
		return -1;
	for (k = 0; k < b.n; k++) {
		r->src[r->n + k] = b.src[k];
		r->d[r->n + k] = b.d[k];
		r->end[r->n + k + 1] = b.end[k + 1];
		r->sure[r->n + k + 1] = b.sure[k + 1];
		r->joined[r->n + k + 1] = b.joined[k + 1];
	}
	if (sign != 0)
		r->src[r->n] = s + i;	/* the cell says 减3, not 3 */
	r->n += b.n;
	r->d[r->n] = '\0';
	r->src[r->n] = s + n;
	return 0;
}

/* Keep the readings of p whose change column cc starts at its word. */
static void
keep_marked(struct gx_pending *p, int cc)
{
	int s, t;
	size_t a, b;

	if (p->mark < 0 || p->ns > GX_MAXSOL)
		return;
	for (s = t = 0; s < p->ns; s++) {
		col_span(p, s, cc, &a, &b);
		if (a != (size_t)p->mark)
			continue;
		memmove(p->cuts[t], p->cuts[s], sizeof p->cuts[s]);
		p->drop[t] = p->drop[s];
		p->anydrop[t++] = p->anydrop[s];
	}
	p->ns = t;
}

/*
 * A run of digits: its readings under the row's identities, with a cell
 * more where the table allows one.  One: store it; none: unread;
 * several: pending, for the columns to decide.
 */
static int
resolve_run(struct gai_extract *x, struct gx_cand *cd, int ncols)
{
	const struct gx_table *tb = &gx_tables[cd->ti];
	struct gx_pending *p = &x->pend[x->npend];
	unsigned char all[GX_MAXSOL], two[2 * (GX_MAXCOLS + 1)];
	unsigned dec = 0;
	int c, s, ok, free_ns, cc;

	if (x->npend == GX_MAXROWS) {
		snprintf(cd->why, sizeof cd->why, "too many rows of digits "
		    "run together");
		return 0;
	}
	p->mark = -1;
	if ((cc = gx_change_col(cd->ti, cd->r)) >= 0 &&
	    change_run(p, cd->c[0].s, cd->c[0].n) == 0)
		;	/* 120减31,234 */
	else if (gx_run_make(&p->run, cd->c[0].s, cd->c[0].n) < 0) {
		snprintf(cd->why, sizeof cd->why, "cell \"%.*s\" is not a run "
		    "of digits", clip(cd->c[0].s, cd->c[0].n, 90), cd->c[0].s);
		return 0;
	}
	for (c = 0; c < ncols; c++)
		if (gai_fields_at((size_t)x->fidx[cd->ti][cd->r][c])->amount)
			dec |= 1u << c;
	p->r = cd->r;
	p->c = cd->c[0];
	p->ns = gx_num_split(&p->run, ncols, dec, tb->ident, tb->nident,
	    &p->cuts[0][0], GX_MAXSOL);
	memset(p->drop, -1, sizeof p->drop);
	memset(p->anydrop, 0, sizeof p->anydrop);
	/* an eighth cell where the header has one, or where seven do not
	 * fit (a row of eight under a header of seven, as seed 002 has) */
	if (p->ns >= 0 && (x->subtotal > 0 || p->ns == 0))
		add_extra(x, tb, p, ncols, dec);
	keep_marked(p, cc);
	if (p->ns <= 0) {
		snprintf(cd->why, sizeof cd->why, "cell \"%.*s\" holds %d "
		    "columns run together and %s", clip(cd->c[0].s,
		    cd->c[0].n, 90), cd->c[0].s, ncols, p->ns == 0 ?
		    "no reading fits the table's identities" :
		    "too many readings to try");
		return 0;
	}
	memset(all, 1, sizeof all);
	memset(p->used, 0, sizeof p->used);
	if (p->ns == 1) {
		/* how many readings the digits have without the identities */
		free_ns = tb->nident == 0 ? 1 : p->drop[0] >= 0 ? 2 :
		    gx_num_split(&p->run, ncols, dec, NULL, 0, two, 1);
		if (store_reading(x, cd->ti, p, all, free_ns == 1 ?
		    "the only reading of its digits" : "the only reading that "
		    "fits the row's identities") < 0 ||
		    say_extra(x, cd->ti, p, 0, "the only reading that fits "
		    "the row's identities") < 0)
			return GAI_E_NOMEM;
		if (free_ns != 1 && p->drop[0] < 0) {
			char name[96], text[GX_RUNMAX * 2 + 8];

			gx_row_name(cd->ti, cd->r, name, sizeof name);
			reading_text(p, 0, ncols, text, sizeof text);
			if (gx_warn(x, "split", "%s: cell \"%.*s\" read as %s, "
			    "the only reading that fits the row's identities",
			    name, (int)p->c.n, p->c.s, text) < 0)
				return GAI_E_NOMEM;
		}
		return 1;
	}
	for (s = 0; s < p->ns && s < GX_MAXSOL; s++)
		for (c = 0; c < ncols; c++) {
			size_t a, b;

			col_span(p, s, c, &a, &b);
			p->v[s][c] = gx_run_int(&p->run, a, b, &ok);
			/* 减3 is no 3 */
			p->isint[s][c] = (unsigned char)(ok && (c != cc ||
			    p->mark < 0));
		}
	x->npend++;
	return 1;
}

int
gx_resolve_row(struct gai_extract *x, struct gx_cand *cd)
{
	const struct gx_table *tb = &gx_tables[cd->ti];
	int ncols = ncols_of(cd->ti, cd->r), c, ok, allint = 1, rc;
	int64_t iv[GX_MAXCOLS] = { 0 };
	size_t ti = cd->ti, r = cd->r;

	if (blank_cells(cd, ncols) < 0)
		return 0;
	if (cd->n == ncols + 1 &&
	    (rc = extra_cell(x, ti, r, ncols, cd)) != 0)
		return rc < -1 ? rc : 0;
	if (cd->n == 1 && (cd->c[0].kind == GX_T_RUN ||
	    (ncols > 1 && cd->c[0].kind == GX_T_NUM &&
	    cd->c[0].n >= (size_t)ncols)))
		return resolve_run(x, cd, ncols);
	/* As many digit runs as columns (a glued row joined with spaces):
	 * each holds at least one cell, so each holds exactly one. */
	for (c = 0; cd->n == ncols && c < cd->n; c++)
		if (cd->c[c].kind == GX_T_RUN)
			cd->c[c].kind = GX_T_NUM;
	for (c = 0; c < cd->n; c++)
		if (cd->c[c].kind == GX_T_RUN) {
			snprintf(cd->why, sizeof cd->why, "digits run together "
			    "in one of its %d cells", cd->n);
			return 0;
		}
	if (cd->n != ncols) {
		snprintf(cd->why, sizeof cd->why, "%d cells for %d columns",
		    cd->n, ncols);
		return 0;
	}
	/* Numbers on lines of their own given to the one label waiting: an
	 * assignment that breaks the row's identities is not certain. */
	for (c = 0, allint = cd->detached && tb->nident > 0; c < ncols; c++) {
		iv[c] = cell_int(x, &cd->c[c], &ok);
		allint &= ok && cd->c[c].kind == GX_T_NUM;
	}
	if (allint && !idents_hold(tb, iv)) {
		snprintf(cd->why, sizeof cd->why, "the numbers on the lines "
		    "after it do not add up as its row does, so they may not "
		    "be its own");
		return 0;
	}
	for (allint = 1, c = 0; c < ncols; c++) {
		if (store_cell(x, x->fidx[ti][r][c], &cd->c[c]) < 0)
			return GAI_E_NOMEM;
		iv[c] = cell_int(x, &cd->c[c], &ok);
		/* a blank cell states no number: no sum to hold it to */
		allint &= ok && x->vals[x->fidx[ti][r][c]].set &&
		    cd->c[c].kind != GX_T_EMPTY;
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
}

/* ---- the joint reading of a table's open runs ---- */

/* One column of one column identity: sum(sign * value) == 0. */
struct check {
	const char *name;
	int64_t fixed;		/* the rows read already */
	int npend;
	int pend[GX_MAXROWS];	/* indexes into x->pend */
	signed char sign[GX_MAXROWS];
	int col;
	int64_t acc;		/* fixed plus the rows chosen so far */
	/* the least and the most the rows from search position i on can
	 * add: a partial choice outside them cannot hold */
	int64_t rmin[GX_MAXROWS + 1], rmax[GX_MAXROWS + 1];
};

/* A pend row's place in one check. */
struct member {
	int ck;
	int sign;
};

struct joint {
	struct gai_extract *x;
	struct check *ck;
	int nck;
	int rows[GX_MAXROWS];	/* the pend indexes searched, in order */
	int nrows;
	int choice[GX_MAXROWS];	/* per pend index */
	struct member *mem[GX_MAXROWS];	/* per pend index: its checks */
	int nmem[GX_MAXROWS];
	long budget;
	long nsol;
	int unused;		/* readings not yet in a joint reading */
};

static size_t
row_index(size_t ti, const char *key)
{
	const struct gx_table *t = &gx_tables[ti];
	size_t r;

	for (r = 0; t->rows[r].key != NULL; r++)
		if (strcmp(t->rows[r].key, key) == 0)
			return r;
	return (size_t)-1;
}

/*
 * Add one side of identity e, column c, to check k: 0, or -1 when a row
 * has no integer value there (the identity cannot be checked).
 */
static int
add_side(struct gai_extract *x, size_t ti, const char *const *keys,
    int sign, int c, struct check *k)
{
	size_t r;
	long fi;
	int i, ok;

	for (; *keys != NULL; keys++) {
		if ((r = row_index(ti, *keys)) == (size_t)-1)
			return -1;
		for (i = 0; i < x->npend; i++)
			if (x->pend[i].r == r)
				break;
		if (i < x->npend) {
			if (x->pend[i].ns > GX_MAXSOL)
				return -1;
			k->pend[k->npend] = i;
			k->sign[k->npend++] = (signed char)sign;
			continue;
		}
		fi = x->fidx[ti][r][c];
		if (!x->vals[fi].set)
			return -1;
		k->fixed += sign * gx_num_int(x->arena.data +
		    x->vals[fi].voff, &ok);
		if (!ok)
			return -1;
	}
	return 0;
}

/* Can check k still hold, with the rows from search position at on
 * still to choose? */
static int
may_hold(const struct check *k, int at)
{
	return k->acc + k->rmin[at] <= 0 && k->acc + k->rmax[at] >= 0;
}

/*
 * Choose a reading for the row at search position at and go on; a
 * choice is cut short as soon as one of its checks can no longer hold,
 * which leaves the joint readings found the same and the search small.
 */
static void
joint_rec(struct joint *j, int at)
{
	struct gai_extract *x = j->x;
	const struct gx_pending *q;
	int p, s, i, n, ok;

	if (j->unused == 0 || --j->budget < 0)
		return;
	if (at == j->nrows) {
		j->nsol++;
		for (i = 0; i < j->nrows; i++) {
			struct gx_pending *r = &x->pend[j->rows[i]];

			if (!r->used[j->choice[j->rows[i]]]) {
				r->used[j->choice[j->rows[i]]] = 1;
				j->unused--;
			}
		}
		return;
	}
	p = j->rows[at];
	q = &x->pend[p];
	for (s = 0; s < q->ns; s++) {
		j->choice[p] = s;
		for (ok = 1, n = 0; ok && n < j->nmem[p]; n++) {
			struct check *k = &j->ck[j->mem[p][n].ck];

			if (!q->isint[s][k->col]) {
				ok = 0;
				break;
			}
			k->acc += j->mem[p][n].sign * q->v[s][k->col];
		}
		for (i = 0; ok && i < n; i++)
			ok = may_hold(&j->ck[j->mem[p][i].ck], at + 1);
		if (ok)
			joint_rec(j, at + 1);
		for (i = 0; i < n; i++)
			j->ck[j->mem[p][i].ck].acc -= j->mem[p][i].sign *
			    q->v[s][j->ck[j->mem[p][i].ck].col];
	}
}

/*
 * Each check's bounds over the search order, and each row's checks.  0,
 * 1 when some check cannot hold whatever is chosen, or NOMEM.
 */
static int
joint_bounds(struct joint *j)
{
	const struct gai_extract *x = j->x;
	int c, i, a, s, p, sign, any;
	int64_t lo, hi, v;

	for (i = 0; i < j->nrows; i++) {
		p = j->rows[i];
		if ((j->mem[p] = calloc((size_t)j->nck, sizeof *j->mem[p])) ==
		    NULL)
			return GAI_E_NOMEM;
	}
	for (c = 0; c < j->nck; c++) {
		struct check *k = &j->ck[c];

		k->acc = k->fixed;
		k->rmin[j->nrows] = k->rmax[j->nrows] = 0;
		for (a = j->nrows - 1; a >= 0; a--) {
			p = j->rows[a];
			k->rmin[a] = k->rmin[a + 1];
			k->rmax[a] = k->rmax[a + 1];
			for (i = 0; i < k->npend && k->pend[i] != p; i++)
				;
			if (i == k->npend)
				continue;
			sign = k->sign[i];
			j->mem[p][j->nmem[p]].ck = c;
			j->mem[p][j->nmem[p]++].sign = sign;
			for (lo = hi = 0, any = 0, s = 0; s < x->pend[p].ns;
			    s++) {
				if (!x->pend[p].isint[s][k->col])
					continue;
				v = sign * x->pend[p].v[s][k->col];
				lo = any && lo < v ? lo : v;
				hi = any && hi > v ? hi : v;
				any = 1;
			}
			if (!any)
				return 1;	/* no reading is a number there */
			k->rmin[a] += lo;
			k->rmax[a] += hi;
		}
		if (!may_hold(k, 0))
			return 1;
	}
	return 0;
}

/* The names of the checks row p is in, for its note. */
static void
check_names(const struct joint *j, int p, char *buf, size_t n)
{
	const char *said[8];
	size_t o = 0;
	int i, k, ns = 0;

	buf[0] = '\0';
	for (i = 0; i < j->nck; i++) {
		for (k = 0; k < j->ck[i].npend && j->ck[i].pend[k] != p; k++)
			;
		if (k == j->ck[i].npend)
			continue;
		for (k = 0; k < ns && strcmp(said[k], j->ck[i].name) != 0; k++)
			;
		if (k < ns || ns == 8)
			continue;
		said[ns++] = j->ck[i].name;
		o += (size_t)snprintf(buf + o, n - o, "%s%s", o ? "; " : "",
		    j->ck[i].name);
		if (o >= n)
			break;
	}
}

int
gx_resolve_table(struct gai_extract *x, size_t ti)
{
	const struct gx_table *t = &gx_tables[ti];
	const struct gx_colident *e;
	struct joint j;
	unsigned char in[GX_MAXROWS] = { 0 };
	int i, c, s, rc = 0, nc = t->cols != NULL ? ncols_of(ti, 0) : 0;
	char names[300], how[400];

	memset(&j, 0, sizeof j);
	j.x = x;
	j.budget = JOINT_BUDGET;
	if (x->npend == 0)
		return 0;
	/* the checks: every column of every column identity that has an
	 * open row and no row without a value */
	for (e = t->colident; e != NULL && e->name != NULL; e++)
		for (c = 0; c < nc; c++) {
			struct check k;

			memset(&k, 0, sizeof k);
			k.name = e->name;
			k.col = c;
			if (add_side(x, ti, e->lhs, 1, c, &k) < 0 ||
			    add_side(x, ti, e->rhs, -1, c, &k) < 0 ||
			    k.npend == 0)
				continue;
			if (j.nck % 16 == 0) {
				struct check *v = realloc(j.ck, ((size_t)j.nck +
				    16) * sizeof *v);

				if (v == NULL) {
					free(j.ck);
					return GAI_E_NOMEM;
				}
				j.ck = v;
			}
			j.ck[j.nck++] = k;
			for (i = 0; i < k.npend; i++)
				in[k.pend[i]] = 1;
		}
	for (i = 0; i < x->npend; i++)
		if (in[i]) {
			j.rows[j.nrows++] = i;
			j.unused += x->pend[i].ns;
		}
	if (j.nrows > 0 && (rc = joint_bounds(&j)) == 0)
		joint_rec(&j, 0);
	if (rc < 0) {
		for (i = 0; i < j.nrows; i++)
			free(j.mem[j.rows[i]]);
		free(j.ck);
		return rc;
	}
	rc = 0;
	for (i = 0; i < x->npend && rc == 0; i++) {
		struct gx_pending *p = &x->pend[i];
		int left = 0;

		if (!in[i] || j.budget < 0 || j.nsol == 0) {
			memset(p->used, 1, sizeof p->used);
			rc = store_reading(x, ti, p, p->used, "") < 0 ||
			    warn_ambiguous(x, ti, p, p->used, !in[i] ?
			    (t->nident > 0 ? "that fit the row's identities" :
			    "(no identity of the row chooses)") : j.budget < 0 ?
			    "(too many to try with the column identities)" :
			    "and none fits the column identities") < 0 ?
			    GAI_E_NOMEM : 0;
			continue;
		}
		for (s = 0; s < p->ns; s++)
			left += p->used[s];
		check_names(&j, i, names, sizeof names);
		if (left == 1) {
			char name[96], text[GX_RUNMAX * 2 + 8];

			for (s = 0; !p->used[s]; s++)
				;
			snprintf(how, sizeof how, "the only one of its %d "
			    "readings that fits the column identities: %s",
			    p->ns, names);
			gx_row_name(ti, p->r, name, sizeof name);
			reading_text(p, s, nc, text, sizeof text);
			rc = store_reading(x, ti, p, p->used, how) < 0 ||
			    gx_warn(x, "split", "%s: cell \"%.*s\" read as %s, "
			    "%s", name, (int)p->c.n, p->c.s, text, how) < 0 ||
			    say_extra(x, ti, p, s, how) < 0 ? GAI_E_NOMEM : 0;
			continue;
		}
		snprintf(how, sizeof how, "that fit the column identities (%s)",
		    names);
		rc = store_reading(x, ti, p, p->used, "") < 0 ||
		    warn_ambiguous(x, ti, p, p->used, how) < 0 ?
		    GAI_E_NOMEM : 0;
	}
	for (i = 0; i < j.nrows; i++)
		free(j.mem[j.rows[i]]);
	free(j.ck);
	x->npend = 0;
	return rc;
}
