/* SPDX-License-Identifier: MIT */
/*
 * gai_check_eval: one rule on one document: its bindings, its operands
 * looked up, the outcome and the record that says why.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gai_check_impl.h"
#include "gai_dec.h"

struct ev {
	struct gai_check *c;
	const struct gai_rule *r;
	const struct gc_kv *cur, *prev;
	const char *b;		/* the variable's binding */
	size_t bn;
	int failed_lookup;	/* a value was missing: why says which */
	int big;		/* a number too large: why says which */
	/*
	 * Where cur's shape says the operands of this rule and binding are
	 * (struct gc_shape), or NULL: look each key up.
	 */
	const uint32_t *ref, *sum;
};

/* p with the variable replaced by the binding, in c->tmp. */
static const char *
inst(struct ev *e, const struct gai_pat *p)
{
	return gc_inst(&e->c->tmp, p, e->b, e->bn);
}

/*
 * The value of operand slot, key p in cur, into *v (NULL when cur lacks
 * it): by ref, else looked up.  0 or GAI_E_NOMEM.
 */
static int
cur_value(struct ev *e, const struct gai_pat *p, size_t slot, const char **v)
{
	const char *key;
	uint32_t at;

	if (e->ref != NULL) {
		at = e->ref[slot];
		*v = at != 0 ? e->cur->v[at - 1] : NULL;
		return 0;
	}
	if ((key = inst(e, p)) == NULL)
		return GAI_E_NOMEM;
	*v = gc_kv_get(e->cur, key);
	return 0;
}

static void
why(struct ev *e, const char *fmt, const char *a, const char *b)
{
	char line[512];

	if (e->failed_lookup)
		return;
	e->failed_lookup = 1;
	snprintf(line, sizeof(line), fmt, a, b);
	gai_buf_clear(&e->c->why);
	gai_buf_puts(&e->c->why, line);
}

/*
 * A number too large to hold or add exactly: the rule is skipped, never
 * decided on a rounded value, and this reason wins over a missing value's.
 */
static void
toobig(struct ev *e, const char *fmt, const char *a, const char *b)
{
	e->failed_lookup = 0;
	why(e, fmt, a, b);
	e->big = 1;
}

/*
 * Read v, the value of key in d (NULL when d lacks it): 1 with *x, or 0
 * with the reason noted.  key NULL: p bound to the binding, made only
 * for a message.
 */
static int
lookup(struct ev *e, const struct gc_kv *d, const struct gai_pat *p,
    const char *key, const char *v, const char **text, struct gai_dec *x)
{
	char yr[32] = "";

	if (v != NULL && *v != '\0' && gai_dec_parse(v, x) == GAI_DEC_OK) {
		*text = v;
		return 1;
	}
	if (key == NULL && (key = inst(e, p)) == NULL)
		key = p->text;
	if (e->r->prev && d->year != 0)
		snprintf(yr, sizeof(yr), " in %ld", d->year);
	if (v == NULL) {
		why(e, "no %s%s", key, yr);
		return 0;
	}
	if (*v == '\0') {
		why(e, "%s%s is blank", key, yr);
		return 0;
	}
	switch (gai_dec_parse(v, x)) {
	case GAI_DEC_NAN:
		why(e, "%s%s is not a number", key, yr);
		return 0;
	case GAI_DEC_BIG:
		toobig(e, "%s%s has too many digits to compare exactly", key,
		    yr);
		return 0;
	}
	*text = v;
	return 1;
}

/*
 * eval_term() and eval_expr() put the value in *x and write the operands
 * with their values to out, or nothing when out is NULL; 0 when a value
 * is missing (why says which).
 */
static int eval_expr(struct ev *, const struct gai_expr *, struct gai_dec *,
    struct gai_buf *);

static void
put_operand(struct ev *e, struct gai_buf *out, const struct gc_kv *d,
    const char *disp, const char *val)
{
	char yr[32];

	if (out == NULL)
		return;
	if (e->r->prev && d != NULL) {
		snprintf(yr, sizeof(yr), "%ld ", d->year);
		gai_buf_puts(out, yr);
	}
	gai_buf_puts(out, disp);
	gai_buf_putc(out, ' ');
	gai_buf_puts(out, val);
}

static int
eval_term(struct ev *e, const struct gai_term *t, struct gai_dec *x,
    struct gai_buf *out)
{
	const struct gc_kv *d;
	const char *key, *text, *found;
	char num[64];
	size_t i, h, n, hits;
	const uint32_t *list;
	struct gai_dec v;

	switch (t->kind) {
	case GAI_T_NUM:
		if (gai_dec_parse(t->numtext, x) != GAI_DEC_OK) {
			toobig(e, "%s has too many digits to compare exactly%s",
			    t->numtext, "");
			return 0;
		}
		if (out != NULL)
			gai_buf_puts(out, t->numtext);
		return 1;
	case GAI_T_KEY:
	case GAI_T_PREV:
		d = t->kind == GAI_T_PREV ? e->prev : e->cur;
		if (d == NULL) {
			why(e, "prev(%s) outside a year-over-year rule%s",
			    t->pat.text, "");
			return 0;
		}
		if (d == e->cur && !e->r->prev) {
			if (cur_value(e, &t->pat, t->slot, &found) != 0 ||
			    !lookup(e, d, &t->pat, NULL, found, &text, x))
				return 0;
		} else if ((key = inst(e, &t->pat)) == NULL ||
		    !lookup(e, d, &t->pat, key, gc_kv_get(d, key), &text, x))
			return 0;
		put_operand(e, out, e->r->prev ? d : NULL, t->pat.disp, text);
		return 1;
	case GAI_T_SUM:
		x->m = 0;
		x->scale = 0;
		hits = 0;
		/* The records it adds: known for a shape, else found. */
		if (e->ref != NULL) {
			list = e->sum + e->ref[t->slot];
			n = *list++;
		} else {
			list = NULL;
			n = e->cur->n;
		}
		for (h = 0; h < n; h++) {
			i = list != NULL ? list[h] : h;
			/* Only the first record of a repeated key counts. */
			if (list == NULL && (!gc_sum_covers(t, e->b, e->bn,
			    e->cur->k[i]) ||
			    gc_kv_get(e->cur, e->cur->k[i]) != e->cur->v[i]))
				continue;
			if (!lookup(e, e->cur, NULL, e->cur->k[i], e->cur->v[i],
			    &text, &v))
				return 0;
			if (gai_dec_add(*x, v, 0, x) != GAI_DEC_OK) {
				toobig(e, "sum(%s) is too large to add exactly%s",
				    t->pats[0].text, "");
				return 0;
			}
			hits++;
		}
		if (hits == 0) {
			why(e, "no %s%s", t->pats[0].text, "");
			return 0;
		}
		if (out != NULL) {
			put_operand(e, out, NULL, t->pats[0].disp,
			    gai_dec_format(*x, num));
		}
		return 1;
	case GAI_T_ALT:
		for (i = 0; i < t->nalts; i++) {
			size_t mark = out != NULL ? out->len : 0;
			int saved = e->failed_lookup;
			if (out != NULL && t->alts[i].n > 1)
				gai_buf_putc(out, '(');
			if (eval_expr(e, &t->alts[i], x, out)) {
				if (out != NULL && t->alts[i].n > 1)
					gai_buf_putc(out, ')');
				e->failed_lookup = saved;
				return 1;
			}
			if (out != NULL) {
				out->len = mark;
				out->data[mark] = '\0';
			}
			/* An alternative there but too large is not missing. */
			if (e->big)
				return 0;
			/* Say why the first alternative could not be used. */
			if (i == 0)
				saved = e->failed_lookup;
			e->failed_lookup = saved;
		}
		return 0;
	}
	return 0;
}

static int
eval_expr(struct ev *e, const struct gai_expr *x, struct gai_dec *sum,
    struct gai_buf *out)
{
	size_t i;
	struct gai_dec v;
	int ok = 1;

	sum->m = 0;
	sum->scale = 0;
	for (i = 0; i < x->n; i++) {
		const struct gai_term *t = &x->t[i];
		if (out == NULL)
			;
		else if (i > 0)
			gai_buf_puts(out, t->neg ? " - " : " + ");
		else if (t->neg)
			gai_buf_putc(out, '-');
		if (!eval_term(e, t, &v, out)) {
			ok = 0;
			continue;
		}
		if (ok && gai_dec_add(*sum, v, t->neg, sum) != GAI_DEC_OK) {
			toobig(e, "the sum is too large to add exactly%s%s",
			    "", "");
			ok = 0;
		}
	}
	return ok;
}

/*
 * Compare exactly: 1 when l = x, 0 when not, -1 (why says so) when they
 * cannot be brought to one scale.
 */
/* Does l REL x hold: 1, 0, or -1 when they cannot be compared. */
static int
holds(struct ev *e, enum gai_rel rel, struct gai_dec l, struct gai_dec x)
{
	int cmp;

	if (gai_dec_cmp(l, x, &cmp) != GAI_DEC_OK) {
		toobig(e, "the two sides are too large to compare "
		    "exactly%s%s", "", "");
		return -1;
	}
	return gai_rel_holds(rel, cmp);
}

static int
emit_rec(struct ev *e, size_t ri, enum gai_check_outcome o,
    gai_check_emit emit, void *ctx)
{
	struct gai_check *c = e->c;

	/*
	 * A year-over-year result names the other report: the prior one, or,
	 * when the records go with the prior one (the later report came
	 * first in the stream), the next one.
	 */
	if (e->r->prev && e->prev != NULL) {
		const struct gc_kv *other = e->prev != &c->cur ? e->prev : e->cur;
		char yr[32];

		snprintf(yr, sizeof(yr), ", %ld)", other->year);
		gai_buf_puts(&c->val, other == e->prev ? " (prior: " : " (next: ");
		gai_buf_puts(&c->val, other->doc);
		gai_buf_puts(&c->val, yr);
	}
	gai_buf_clear(&c->key);
	gai_buf_puts(&c->key, "check.");
	gai_buf_puts(&c->key, e->r->id);
	if (e->bn > 0) {
		gai_buf_putc(&c->key, '.');
		gai_buf_append(&c->key, e->b, e->bn);
	}
	return emit(ctx, ri, o, c->key.data, c->val.data);
}

/* One rule for one binding; no record when a 'when' condition fails. */
static int
eval_eq(struct ev *e, size_t ri, gai_check_emit emit, void *ctx)
{
	struct gai_check *c = e->c;
	const struct gai_rule *r = e->r;
	struct gai_dec l, x;
	size_t i, present = 0;
	int eq;
	enum gai_check_outcome o;
	const char *v;

	for (i = 0; i < r->nconds; i++) {
		if (cur_value(e, &r->conds[i].pat, r->conds[i].slot, &v) != 0)
			return GAI_E_NOMEM;
		if (v == NULL || (r->conds[i].value != NULL &&
		    strcmp(v, r->conds[i].value) != 0))
			return 0;
	}
	gai_buf_clear(&c->val);
	/*
	 * Most checks hold, and then the record says only "ok": try that
	 * first without writing out the operands.  Evaluating again below
	 * gives the same numbers, and the text for the other outcomes.
	 */
	e->failed_lookup = e->big = 0;
	if (r->nrhs == 1 && !r->prev && eval_expr(e, &r->lhs, &l, NULL) &&
	    eval_expr(e, &r->rhs[0], &x, NULL) && holds(e, r->rel, l, x) == 1) {
		gai_buf_puts(&c->val, "ok");
		return emit_rec(e, ri, GAI_CHECK_OK, emit, ctx);
	}
	e->failed_lookup = e->big = 0;
	gai_buf_clear(&c->lhs);
	if (!eval_expr(e, &r->lhs, &l, &c->lhs)) {
		gai_buf_puts(&c->val, "skip: ");
		gai_buf_puts(&c->val, c->why.data);
		return emit_rec(e, ri, GAI_CHECK_SKIP, emit, ctx);
	}
	gai_buf_clear(&c->rhs);
	o = GAI_CHECK_SKIP;
	for (i = 0; i < r->nrhs; i++) {
		size_t mark = c->rhs.len;
		if (present > 0)
			gai_buf_puts(&c->rhs, " nor ");
		if (!eval_expr(e, &r->rhs[i], &x, &c->rhs) ||
		    (eq = holds(e, r->rel, l, x)) < 0) {
			c->rhs.len = mark;
			c->rhs.data[mark] = '\0';
			continue;
		}
		present++;
		if (eq) {
			o = GAI_CHECK_OK;
			if (r->nrhs == 1 && !r->prev) {
				gai_buf_puts(&c->val, "ok");
			} else {
				gai_buf_puts(&c->val, "ok: ");
				gai_buf_puts(&c->val, c->lhs.data);
				gai_buf_putc(&c->val, ' ');
				gai_buf_puts(&c->val, gai_rel_text[r->rel]);
				gai_buf_putc(&c->val, ' ');
				gai_buf_puts(&c->val, c->rhs.data + mark +
				    (mark > 0 ? 5 : 0));
			}
			break;
		}
		o = GAI_CHECK_FAIL;
	}
	/* One side unknown: a fail of the others may be wrong. */
	if (o == GAI_CHECK_FAIL && e->big)
		o = GAI_CHECK_SKIP;
	if (o == GAI_CHECK_SKIP) {
		gai_buf_puts(&c->val, "skip: ");
		gai_buf_puts(&c->val, c->why.data);
	} else if (o == GAI_CHECK_FAIL) {
		gai_buf_puts(&c->val, "fail: ");
		gai_buf_puts(&c->val, c->lhs.data);
		gai_buf_putc(&c->val, ' ');
		gai_buf_puts(&c->val, gai_rel_negated[r->rel]);
		gai_buf_putc(&c->val, ' ');
		gai_buf_puts(&c->val, c->rhs.data);
	}
	return emit_rec(e, ri, o, emit, ctx);
}

static int
bad_value(int kind, const char *v)
{
	struct gai_dec x;
	const char *p = v;

	if (gai_dec_parse(v, &x) == GAI_DEC_NAN)
		return 1;
	/* Read from the text: a number too long to hold has a sign too. */
	if (kind == GAI_R_NONNEG)
		return *v == '-' && strpbrk(v, "123456789") != NULL;
	if (kind == GAI_R_INTEGER && *p == '-')
		p++;
	for (; *p != '\0'; p++)
		if (*p < '0' || *p > '9')
			return 1;
	return 0;
}

int
gc_sum_covers(const struct gai_term *t, const char *b, size_t bn,
    const char *key)
{
	size_t j;

	for (j = 0; j < t->npats; j++)
		if (gai_pat_glob(&t->pats[j], b, bn, key))
			return 1;
	return 0;
}

int
gc_pred_covers(const struct gai_rule *r, const char *key)
{
	size_t j;

	for (j = 0; j < r->npats; j++)
		if (gai_pat_glob(&r->pats[j], NULL, 0, key))
			return 1;
	return 0;
}

static int
eval_pred(struct ev *e, size_t ri, gai_check_emit emit, void *ctx)
{
	struct gai_check *c = e->c;
	const struct gai_rule *r = e->r;
	const struct gc_shape *sh = e->cur->shape;
	const size_t *list;
	size_t i, j, h, nlist, hits = 0, bad = 0;
	const char *v;

	for (i = 0; i < r->nconds; i++) {
		if (cur_value(e, &r->conds[i].pat, r->conds[i].slot, &v) != 0)
			return GAI_E_NOMEM;
		if (v == NULL || (r->conds[i].value != NULL &&
		    strcmp(v, r->conds[i].value) != 0))
			return 0;
	}
	gai_buf_clear(&c->val);
	/* The records the predicate covers: known already for a shape. */
	if (sh != NULL) {
		nlist = sh->hfirst[ri + 1] - sh->hfirst[ri];
		/* hit is NULL when no rule has hits: NULL + 0 is undefined */
		list = nlist > 0 ? sh->hit + sh->hfirst[ri] : NULL;
	} else {
		list = NULL;
		nlist = e->cur->n;
	}
	for (h = 0; h < nlist; h++) {
		i = list != NULL ? list[h] : h;
		if (list == NULL && !gc_pred_covers(r, e->cur->k[i]))
			continue;
		hits++;
		v = e->cur->v[i];
		/* A blank cell is not a wrong number. */
		if (*v == '\0' || !bad_value(r->kind, v))
			continue;
		if (bad++ == 0)
			gai_buf_puts(&c->val, "fail: ");
		else
			gai_buf_puts(&c->val, ", ");
		if (bad > 10) {
			gai_buf_puts(&c->val, "...");
			break;
		}
		gai_buf_puts(&c->val, e->cur->k[i]);
		gai_buf_putc(&c->val, ' ');
		gai_buf_puts(&c->val, v);
	}
	e->bn = 0;
	if (bad > 0)
		return emit_rec(e, ri, GAI_CHECK_FAIL, emit, ctx);
	if (hits == 0) {
		gai_buf_puts(&c->val, "skip: no");
		for (j = 0; j < r->npats; j++) {
			gai_buf_putc(&c->val, ' ');
			gai_buf_puts(&c->val, r->pats[j].text);
		}
		return emit_rec(e, ri, GAI_CHECK_SKIP, emit, ctx);
	}
	gai_buf_puts(&c->val, "ok");
	return emit_rec(e, ri, GAI_CHECK_OK, emit, ctx);
}

/* Add the binding key[off..off+len) unless it is there already. */
static int
add_binding(struct gai_check *c, size_t *nb, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < *nb; i++)
		if (c->blen[i] == len &&
		    memcmp(c->bind.data + c->boff[i], s, len) == 0)
			return 0;
	if (*nb == c->bcap) {
		size_t cap = c->bcap ? c->bcap * 2 : 32;
		size_t *o = realloc(c->boff, cap * sizeof(*o));
		if (o == NULL)
			return GAI_E_NOMEM;
		c->boff = o;
		if ((o = realloc(c->blen, cap * sizeof(*o))) == NULL)
			return GAI_E_NOMEM;
		c->blen = o;
		c->bcap = cap;
	}
	c->boff[*nb] = c->bind.len;
	c->blen[(*nb)++] = len;
	return gai_buf_append(&c->bind, s, len);
}

int
gc_eval_rule(struct gai_check *c, size_t ri, const struct gc_kv *cur,
    const struct gc_kv *prev, gai_check_emit emit, void *ctx)
{
	const struct gai_rule *r = &c->rules->r[ri];
	struct ev e = { c, r, cur, prev, "", 0, 0, 0, NULL, NULL };
	const struct gc_shape *sh = cur->shape;
	size_t nb = 0, i, j, off, len;
	int rc, side;

	/* A rule without prev() on a document with a shape: by its refs. */
	if (sh != NULL && !r->prev) {
		e.ref = sh->ref + sh->rfirst[ri];
		e.sum = sh->sum;
	}
	if (r->kind != GAI_R_EQ)
		return eval_pred(&e, ri, emit, ctx);
	if (r->var == 0)
		return eval_eq(&e, ri, emit, ctx);
	if (e.ref != NULL) {
		for (i = sh->bfirst[2 * ri]; i < sh->bfirst[2 * ri + 1]; i++) {
			const struct gc_sbind *sb = &sh->bind[i];
			e.b = cur->k[sb->key] + sb->off;
			e.bn = sb->len;
			if ((rc = eval_eq(&e, ri, emit, ctx)) != 0)
				return rc;
			e.ref += r->nslot;
		}
		return 0;
	}
	/* The values the variable takes: in the document's order. */
	gai_buf_clear(&c->bind);
	for (side = 0; side < 2; side++) {
		const struct gc_kv *d = side ? prev : cur;
		if (d == NULL)
			continue;
		if (d->shape != NULL) {
			const struct gc_shape *sh = d->shape;
			for (i = sh->bfirst[2 * ri + side];
			    i < sh->bfirst[2 * ri + side + 1]; i++) {
				const struct gc_sbind *sb = &sh->bind[i];
				if ((rc = add_binding(c, &nb, d->k[sb->key] +
				    sb->off, sb->len)) != 0)
					return rc;
			}
			continue;
		}
		for (i = 0; i < d->n; i++)
			for (j = 0; j < r->nvpats; j++)
				if (r->vprev[j] == side &&
				    gai_pat_match(r->vpats[j], d->k[i],
				    d->kl[i], &off, &len) &&
				    (rc = add_binding(c, &nb, d->k[i] + off,
				    len)) != 0)
					return rc;
	}
	for (i = 0; i < nb; i++) {
		e.b = c->bind.data + c->boff[i];
		e.bn = c->blen[i];
		if ((rc = eval_eq(&e, ri, emit, ctx)) != 0)
			return rc;
	}
	return 0;
}
