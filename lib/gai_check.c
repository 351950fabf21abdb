/* SPDX-License-Identifier: MIT */
/* gai_check: evaluate gai_rules on each document, and year over year. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gai_check.h"
#include "gai_text.h"

struct shape;

/* A document's records looked up by key: the first record of a key wins. */
struct kv {
	const char **k, **v;
	size_t *kl;		/* key lengths */
	size_t n, cap;
	unsigned *slot;		/* record index + 1; 0 is empty */
	size_t nslot;
	long year;		/* meta.year, 0 when unknown */
	const char *edition;	/* meta.edition or NULL */
	const char *doc;
	const struct shape *shape;	/* its key list's, or NULL */
};

/*
 * What the rules make of one list of keys, worked out once.  Nearly every
 * report of an edition has the same keys in the same order (those of
 * FIELDS.md that its tables have), so a rule's bindings, the keys its
 * predicates cover and the keys remembered for the next year are the same
 * from one report to the next: matching every pattern against every key
 * again is most of the work otherwise.  Everything here depends on the
 * keys alone, never on the values, and is indexed by record number.
 */
struct sbind {
	size_t key;		/* record index */
	size_t off, len;	/* the binding in that key */
};

struct shape {
	struct shape *next;	/* hash chain */
	unsigned long hash;
	size_t n;		/* keys */
	char *keys;		/* the keys, each NUL-terminated, in order */
	size_t keylen;		/* bytes in keys */
	unsigned char *want;	/* want[i]: remember record i (remember()) */
	/*
	 * The distinct bindings of rule ri from this list as the current
	 * (side 0) or previous (side 1) report, in order of first sight:
	 * bind[bfirst[2 * ri + side] .. bfirst[2 * ri + side + 1]).
	 */
	struct sbind *bind;
	size_t *bfirst;
	/* The records a predicate rule ri covers: hit[hfirst[ri] .. hfirst[ri + 1]). */
	size_t *hit;
	size_t *hfirst;
};

/*
 * Bounds the memory shapes take on input whose key lists all differ;
 * past it documents take the general path, with the same results.
 */
#define MAXSHAPE 256
#define NSHAPEBUCKET 64

/* What a year-over-year rule needs of one report of a body. */
struct entry {
	struct entry *next;
	char *arena;		/* doc, keys and values */
	struct kv kv;
};

struct body {
	struct body *next;
	char *org;		/* folded */
	struct entry *entries;
};

#define NBUCKET 4096

struct gai_check {
	const struct gai_rules *rules;
	struct kv cur;
	struct body *bucket[NBUCKET];
	struct shape *shapes[NSHAPEBUCKET];
	size_t nshape;
	int any_prev;
	/* Reused for every document. */
	struct gai_buf key, val, lhs, rhs, why, tmp, org, bind;
	size_t *boff, *blen, bcap;
};

static unsigned long
hash(const char *s)
{
	unsigned long h = 2166136261UL;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 16777619UL;
	return h;
}

static const char *
kv_get(const struct kv *d, const char *key)
{
	size_t i, m;

	if (d->nslot == 0)
		return NULL;
	m = d->nslot - 1;
	for (i = hash(key) & m; d->slot[i] != 0; i = (i + 1) & m)
		if (strcmp(d->k[d->slot[i] - 1], key) == 0)
			return d->v[d->slot[i] - 1];
	return NULL;
}

static int
kv_push(struct kv *d, const char *k, const char *v)
{
	if (d->n == d->cap) {
		size_t c = d->cap ? d->cap * 2 : 256;
		const char **nk = realloc(d->k, c * sizeof(*nk));
		if (nk == NULL)
			return GAI_E_NOMEM;
		d->k = nk;
		const char **nv = realloc(d->v, c * sizeof(*nv));
		if (nv == NULL)
			return GAI_E_NOMEM;
		d->v = nv;
		size_t *nl = realloc(d->kl, c * sizeof(*nl));
		if (nl == NULL)
			return GAI_E_NOMEM;
		d->kl = nl;
		d->cap = c;
	}
	d->k[d->n] = k;
	d->kl[d->n] = strlen(k);
	d->v[d->n++] = v;
	return 0;
}

/* Index the records pushed; a repeated key keeps its first value. */
static int
kv_index(struct kv *d)
{
	size_t i, j, m, want = 16;
	long y;
	char *end;
	const char *s;

	while (want < d->n * 2)
		want *= 2;
	if (want > d->nslot) {
		unsigned *ns = realloc(d->slot, want * sizeof(*ns));
		if (ns == NULL)
			return GAI_E_NOMEM;
		d->slot = ns;
		d->nslot = want;
	}
	memset(d->slot, 0, d->nslot * sizeof(*d->slot));
	m = d->nslot - 1;
	for (i = 0; i < d->n; i++) {
		for (j = hash(d->k[i]) & m; d->slot[j] != 0; j = (j + 1) & m)
			if (strcmp(d->k[d->slot[j] - 1], d->k[i]) == 0)
				break;
		if (d->slot[j] == 0)
			d->slot[j] = (unsigned)i + 1;
	}
	d->year = 0;
	if ((s = kv_get(d, "meta.year")) != NULL) {
		errno = 0;
		y = strtol(s, &end, 10);
		if (errno == 0 && end != s && *end == '\0' && y > 0)
			d->year = y;
	}
	d->edition = kv_get(d, "meta.edition");
	return 0;
}

static void
kv_free(struct kv *d)
{
	free(d->k);
	free(d->v);
	free(d->kl);
	free(d->slot);
}

/* ---- evaluation ---- */

struct ev {
	struct gai_check *c;
	const struct gai_rule *r;
	const struct kv *cur, *prev;
	const char *b;		/* the variable's binding */
	size_t bn;
	int failed_lookup;	/* a value was missing: why says which */
};

/* p with the variable replaced by the binding, in c->tmp. */
static const char *
inst(struct ev *e, const struct gai_pat *p)
{
	struct gai_buf *t = &e->c->tmp;

	if (p->var == 0)
		return p->text;
	gai_buf_clear(t);
	if (gai_buf_append(t, p->pre, p->prelen) != 0 ||
	    gai_buf_append(t, e->b, e->bn) != 0 ||
	    gai_buf_append(t, p->suf, p->suflen) != 0)
		return NULL;
	return t->data;
}

/* A stream value as a number: digits, an optional '-' and one '.'. */
static int
number(const char *s, double *x)
{
	const char *p = s;
	int digits = 0, dots = 0;
	unsigned long long n = 0;

	if (*p == '-')
		p++;
	for (; *p != '\0'; p++)
		if (*p >= '0' && *p <= '9') {
			digits++;
			n = n * 10 + (unsigned)(*p - '0');
		} else if (*p == '.' && dots++ == 0)
			continue;
		else
			return 0;
	if (digits == 0)
		return 0;
	/*
	 * Most values are small counts: an integer of up to 15 digits is
	 * exact in a double, so converting it here gives what strtod would,
	 * without its cost.
	 */
	if (dots == 0 && digits <= 15)
		*x = *s == '-' ? -(double)n : (double)n;
	else
		*x = strtod(s, NULL);
	return 1;
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

/* Look key up: 1 with *x, or 0 with the reason noted. */
static int
lookup(struct ev *e, const struct kv *d, const char *key, const char **text,
    double *x)
{
	const char *v = kv_get(d, key);
	char yr[32] = "";

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
	if (!number(v, x)) {
		why(e, "%s%s is not a number", key, yr);
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
static int eval_expr(struct ev *, const struct gai_expr *, double *,
    struct gai_buf *);

static void
put_operand(struct ev *e, struct gai_buf *out, const struct kv *d,
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
eval_term(struct ev *e, const struct gai_term *t, double *x,
    struct gai_buf *out)
{
	const struct kv *d;
	const char *key, *text;
	char num[64];
	size_t i, j, hits;
	double v;

	switch (t->kind) {
	case GAI_T_NUM:
		*x = t->num;
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
		if ((key = inst(e, &t->pat)) == NULL ||
		    !lookup(e, d, key, &text, x))
			return 0;
		put_operand(e, out, e->r->prev ? d : NULL, t->pat.disp, text);
		return 1;
	case GAI_T_SUM:
		*x = 0;
		hits = 0;
		for (i = 0; i < e->cur->n; i++) {
			for (j = 0; j < t->npats; j++)
				if (gai_pat_glob(&t->pats[j], e->b, e->bn,
				    e->cur->k[i]))
					break;
			/* Only the first record of a repeated key counts. */
			if (j == t->npats ||
			    kv_get(e->cur, e->cur->k[i]) != e->cur->v[i])
				continue;
			if (!lookup(e, e->cur, e->cur->k[i], &text, &v))
				return 0;
			*x += v;
			hits++;
		}
		if (hits == 0) {
			why(e, "no %s%s", t->pats[0].text, "");
			return 0;
		}
		if (out != NULL) {
			snprintf(num, sizeof(num), "%.15g", *x);
			put_operand(e, out, NULL, t->pats[0].disp, num);
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
eval_expr(struct ev *e, const struct gai_expr *x, double *sum,
    struct gai_buf *out)
{
	size_t i;
	double v;
	int ok = 1;

	*sum = 0;
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
		*sum += t->neg ? -v : v;
	}
	return ok;
}

/* Equal up to rounding: amounts have decimals (no libm for fabs). */
static int
same(double a, double b)
{
	double d = a > b ? a - b : b - a, m = 1.0;

	if (a > m || -a > m)
		m = a > 0 ? a : -a;
	if (b > m || -b > m)
		m = b > 0 ? b : -b;
	return d <= 1e-9 * m;
}

static int
emit_rec(struct ev *e, size_t ri, enum gai_check_outcome o,
    gai_check_emit emit, void *ctx)
{
	struct gai_check *c = e->c;

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
	double l, x;
	size_t i, present = 0;
	enum gai_check_outcome o;
	const char *v, *key;

	for (i = 0; i < r->nconds; i++) {
		if ((key = inst(e, &r->conds[i].pat)) == NULL)
			return GAI_E_NOMEM;
		if ((v = kv_get(e->cur, key)) == NULL ||
		    (r->conds[i].value != NULL &&
		    strcmp(v, r->conds[i].value) != 0))
			return 0;
	}
	gai_buf_clear(&c->val);
	/*
	 * Most checks hold, and then the record says only "ok": try that
	 * first without writing out the operands.  Evaluating again below
	 * gives the same numbers, and the text for the other outcomes.
	 */
	e->failed_lookup = 0;
	if (r->nrhs == 1 && eval_expr(e, &r->lhs, &l, NULL) &&
	    eval_expr(e, &r->rhs[0], &x, NULL) && same(l, x)) {
		gai_buf_puts(&c->val, "ok");
		return emit_rec(e, ri, GAI_CHECK_OK, emit, ctx);
	}
	e->failed_lookup = 0;
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
		if (!eval_expr(e, &r->rhs[i], &x, &c->rhs)) {
			c->rhs.len = mark;
			c->rhs.data[mark] = '\0';
			continue;
		}
		present++;
		if (same(l, x)) {
			o = GAI_CHECK_OK;
			if (r->nrhs == 1) {
				gai_buf_puts(&c->val, "ok");
			} else {
				gai_buf_puts(&c->val, "ok: ");
				gai_buf_puts(&c->val, c->lhs.data);
				gai_buf_puts(&c->val, " = ");
				gai_buf_puts(&c->val, c->rhs.data + mark +
				    (mark > 0 ? 5 : 0));
			}
			break;
		}
		o = GAI_CHECK_FAIL;
	}
	if (o == GAI_CHECK_SKIP) {
		gai_buf_puts(&c->val, "skip: ");
		gai_buf_puts(&c->val, c->why.data);
	} else if (o == GAI_CHECK_FAIL) {
		gai_buf_puts(&c->val, "fail: ");
		gai_buf_puts(&c->val, c->lhs.data);
		gai_buf_puts(&c->val, " != ");
		gai_buf_puts(&c->val, c->rhs.data);
	}
	return emit_rec(e, ri, o, emit, ctx);
}

static int
bad_value(int kind, const char *v)
{
	double x;
	const char *p = v;

	if (!number(v, &x))
		return 1;
	if (kind == GAI_R_NONNEG)
		return x < 0;
	if (kind == GAI_R_INTEGER && *p == '-')
		p++;
	for (; *p != '\0'; p++)
		if (*p < '0' || *p > '9')
			return 1;
	return 0;
}

/* Is key one of those predicate rule r checks? */
static int
pred_covers(const struct gai_rule *r, const char *key)
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
	const struct shape *sh = e->cur->shape;
	const size_t *list;
	size_t i, j, h, nlist, hits = 0, bad = 0;
	const char *v;

	for (i = 0; i < r->nconds; i++)
		if ((v = kv_get(e->cur, r->conds[i].pat.text)) == NULL ||
		    (r->conds[i].value != NULL &&
		    strcmp(v, r->conds[i].value) != 0))
			return 0;
	gai_buf_clear(&c->val);
	/* The records the predicate covers: known already for a shape. */
	if (sh != NULL) {
		list = sh->hit + sh->hfirst[ri];
		nlist = sh->hfirst[ri + 1] - sh->hfirst[ri];
	} else {
		list = NULL;
		nlist = e->cur->n;
	}
	for (h = 0; h < nlist; h++) {
		i = list != NULL ? list[h] : h;
		if (list == NULL && !pred_covers(r, e->cur->k[i]))
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

static int
eval_rule(struct gai_check *c, size_t ri, const struct kv *cur,
    const struct kv *prev, gai_check_emit emit, void *ctx)
{
	const struct gai_rule *r = &c->rules->r[ri];
	struct ev e = { c, r, cur, prev, "", 0, 0 };
	size_t nb = 0, i, j, off, len;
	int rc, side;

	if (r->kind != GAI_R_EQ)
		return eval_pred(&e, ri, emit, ctx);
	if (r->var == 0)
		return eval_eq(&e, ri, emit, ctx);
	/* The values the variable takes: in the document's order. */
	gai_buf_clear(&c->bind);
	for (side = 0; side < 2; side++) {
		const struct kv *d = side ? prev : cur;
		if (d == NULL)
			continue;
		if (d->shape != NULL) {
			const struct shape *sh = d->shape;
			for (i = sh->bfirst[2 * ri + side];
			    i < sh->bfirst[2 * ri + side + 1]; i++) {
				const struct sbind *sb = &sh->bind[i];
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

/* ---- year over year ---- */

/* '*' and '?' one segment, '**' one or more: which keys to remember. */
static int
wild(const char *p, const char *k)
{
	const char *q;

	if (*p == '\0')
		return *k == '\0';
	if ((p[0] == '*' || p[0] == '?') && (p[1] == '.' || p[1] == '\0')) {
		if (*k == '\0' || *k == '.')
			return 0;
		while (*k != '\0' && *k != '.')
			k++;
		return p[1] == '\0' ? *k == '\0' :
		    *k == '.' && wild(p + 2, k + 1);
	}
	if (p[0] == '*' && p[1] == '*') {
		for (q = k; *q != '\0'; q++)
			if (q > k && q[-1] != '.' && (*q == '.' || q[1] == '\0')
			    && wild(p + 2, *q == '.' ? q : q + 1))
				return 1;
		return 0;
	}
	while (*p != '\0' && *p != '.') {
		if (*p++ != *k++)
			return 0;
	}
	if (*p == '\0')
		return *k == '\0';
	return *k == '.' && wild(p + 1, k + 1);
}

static int
pats_wild(const struct gai_expr *x, const char *k)
{
	size_t i, j;

	for (i = 0; i < x->n; i++) {
		const struct gai_term *t = &x->t[i];
		if ((t->kind == GAI_T_KEY || t->kind == GAI_T_PREV) &&
		    wild(t->pat.text, k))
			return 1;
		for (j = 0; j < t->npats; j++)
			if (wild(t->pats[j].text, k))
				return 1;
		for (j = 0; j < t->nalts; j++)
			if (pats_wild(&t->alts[j], k))
				return 1;
	}
	return 0;
}

static int
wanted(const struct gai_rules *rs, const char *k)
{
	size_t i, j;

	if (strncmp(k, "meta.", 5) == 0)
		return strcmp(k, "meta.year") == 0 ||
		    strcmp(k, "meta.edition") == 0;
	for (i = 0; i < rs->n; i++) {
		const struct gai_rule *r = &rs->r[i];
		if (!r->prev)
			continue;
		for (j = 0; j < r->nconds; j++)
			if (wild(r->conds[j].pat.text, k))
				return 1;
		if (pats_wild(&r->lhs, k))
			return 1;
		for (j = 0; j < r->nrhs; j++)
			if (pats_wild(&r->rhs[j], k))
				return 1;
	}
	return 0;
}

/* ---- shapes: what depends on a document's key list only ---- */

static void
shape_free(struct shape *sh)
{
	if (sh == NULL)
		return;
	free(sh->keys);
	free(sh->want);
	free(sh->bind);
	free(sh->bfirst);
	free(sh->hit);
	free(sh->hfirst);
	free(sh);
}

/* Append to *a (n used, cap) one element of size bytes; 0 or GAI_E_NOMEM. */
static int
push(void *pa, size_t *n, size_t *cap, const void *x, size_t size)
{
	char **a = pa;

	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 64;
		char *na = realloc(*a, nc * size);
		if (na == NULL)
			return GAI_E_NOMEM;
		*a = na;
		*cap = nc;
	}
	memcpy(*a + *n * size, x, size);
	(*n)++;
	return 0;
}

/*
 * Work out a shape for d's keys, exactly as the general path would: the
 * bindings in eval_rule()'s order (a binding seen again is dropped, as
 * add_binding() would), the records eval_pred() covers, and those
 * remember() keeps.
 */
static struct shape *
shape_new(struct gai_check *c, const struct kv *d, unsigned long h)
{
	const struct gai_rules *rs = c->rules;
	struct shape *sh;
	size_t i, j, k, ri, side, off, len, nb = 0, cb = 0, nh = 0, ch = 0;
	char *p;

	if ((sh = calloc(1, sizeof(*sh))) == NULL)
		return NULL;
	sh->hash = h;
	sh->n = d->n;
	for (i = 0; i < d->n; i++)
		sh->keylen += d->kl[i] + 1;
	if ((sh->keys = malloc(sh->keylen + 1)) == NULL ||
	    (sh->want = malloc(d->n + 1)) == NULL ||
	    (sh->bfirst = malloc((2 * rs->n + 1) * sizeof(size_t))) == NULL ||
	    (sh->hfirst = malloc((rs->n + 1) * sizeof(size_t))) == NULL)
		goto nomem;
	for (i = 0, p = sh->keys; i < d->n; i++, p += d->kl[i - 1] + 1)
		memcpy(p, d->k[i], d->kl[i] + 1);
	for (i = 0; i < d->n; i++)
		sh->want[i] = wanted(rs, d->k[i]) &&
		    kv_get(d, d->k[i]) == d->v[i];
	for (ri = 0; ri < rs->n; ri++) {
		const struct gai_rule *r = &rs->r[ri];
		sh->hfirst[ri] = nh;
		if (r->kind != GAI_R_EQ) {
			for (i = 0; i < d->n; i++)
				if (pred_covers(r, d->k[i]) &&
				    push(&sh->hit, &nh, &ch, &i, sizeof(i)) != 0)
					goto nomem;
		}
		for (side = 0; side < 2; side++) {
			size_t first = nb;
			sh->bfirst[2 * ri + side] = nb;
			if (r->kind != GAI_R_EQ || r->var == 0)
				continue;
			for (i = 0; i < d->n; i++)
				for (j = 0; j < r->nvpats; j++) {
					struct sbind sb = { i, 0, 0 };
					if (r->vprev[j] != (int)side ||
					    !gai_pat_match(r->vpats[j], d->k[i],
					    d->kl[i], &off, &len))
						continue;
					for (k = first; k < nb; k++)
						if (sh->bind[k].len == len &&
						    memcmp(d->k[sh->bind[k].key] +
						    sh->bind[k].off,
						    d->k[i] + off, len) == 0)
							break;
					if (k < nb)
						continue;
					sb.off = off;
					sb.len = len;
					if (push(&sh->bind, &nb, &cb, &sb,
					    sizeof(sb)) != 0)
						goto nomem;
				}
		}
	}
	sh->hfirst[rs->n] = nh;
	sh->bfirst[2 * rs->n] = nb;
	return sh;
nomem:
	shape_free(sh);
	return NULL;
}

/*
 * The shape of d's key list, made the first time it is seen; NULL (the
 * general path) when there are too many shapes or no memory.
 */
static const struct shape *
shape_get(struct gai_check *c, const struct kv *d)
{
	unsigned long h = 2166136261UL;
	struct shape *sh;
	const char *p;
	size_t i;

	/* FNV-1a over the keys and their terminators. */
	for (i = 0; i < d->n; i++)
		for (p = d->k[i]; ; p++) {
			h = (h ^ (unsigned char)*p) * 16777619UL;
			if (*p == '\0')
				break;
		}
	for (sh = c->shapes[h % NSHAPEBUCKET]; sh != NULL; sh = sh->next) {
		if (sh->hash != h || sh->n != d->n)
			continue;
		for (i = 0, p = sh->keys; i < d->n; p += d->kl[i++] + 1)
			if (memcmp(p, d->k[i], d->kl[i] + 1) != 0)
				break;
		if (i == d->n)
			return sh;
	}
	if (c->nshape == MAXSHAPE || (sh = shape_new(c, d, h)) == NULL)
		return NULL;
	sh->next = c->shapes[h % NSHAPEBUCKET];
	c->shapes[h % NSHAPEBUCKET] = sh;
	c->nshape++;
	return sh;
}

/* Is record i of cur one a later year-over-year rule may need? */
static int
keep(const struct gai_check *c, const struct kv *cur, size_t i)
{
	if (cur->shape != NULL)
		return cur->shape->want[i];
	return wanted(c->rules, cur->k[i]) &&
	    kv_get(cur, cur->k[i]) == cur->v[i];
}

static int
remember(struct gai_check *c, struct body *b, const struct kv *cur)
{
	struct entry *en;
	size_t i, size = strlen(cur->doc) + 1;
	char *p;

	for (i = 0; i < cur->n; i++)
		if (keep(c, cur, i))
			size += cur->kl[i] + strlen(cur->v[i]) + 2;
	if ((en = calloc(1, sizeof(*en))) == NULL ||
	    (en->arena = malloc(size)) == NULL) {
		free(en);
		return GAI_E_NOMEM;
	}
	p = en->arena;
	en->kv.doc = strcpy(p, cur->doc);
	p += strlen(p) + 1;
	for (i = 0; i < cur->n; i++) {
		const char *k, *v;
		if (!keep(c, cur, i))
			continue;
		k = strcpy(p, cur->k[i]);
		p += strlen(p) + 1;
		v = strcpy(p, cur->v[i]);
		p += strlen(p) + 1;
		if (kv_push(&en->kv, k, v) != 0)
			goto nomem;
	}
	if (kv_index(&en->kv) != 0)
		goto nomem;
	en->kv.shape = shape_get(c, &en->kv);
	en->next = b->entries;
	b->entries = en;
	return 0;
nomem:
	kv_free(&en->kv);
	free(en->arena);
	free(en);
	return GAI_E_NOMEM;
}

static struct body *
find_body(struct gai_check *c, const char *org, int create)
{
	struct body **bp, *b;

	for (bp = &c->bucket[hash(org) % NBUCKET]; *bp != NULL;
	    bp = &(*bp)->next)
		if (strcmp((*bp)->org, org) == 0)
			return *bp;
	if (!create || (b = calloc(1, sizeof(*b))) == NULL)
		return NULL;
	if ((b->org = strdup(org)) == NULL) {
		free(b);
		return NULL;
	}
	*bp = b;
	return b;
}

int
gai_check_doc(struct gai_check *c, const struct gai_recset *set,
    gai_check_emit emit, void *ctx)
{
	struct kv *cur = &c->cur;
	struct body *b = NULL;
	struct entry *en;
	const char *org;
	size_t i;
	int rc;

	cur->n = 0;
	for (i = 0; i < set->n; i++)
		if (kv_push(cur, gai_recset_key(set, i),
		    gai_recset_value(set, i)) != 0)
			return GAI_E_NOMEM;
	if (kv_index(cur) != 0)
		return GAI_E_NOMEM;
	cur->doc = set->doc.data;
	cur->shape = shape_get(c, cur);
	if (c->any_prev && cur->year != 0 && cur->edition != NULL &&
	    (org = kv_get(cur, "meta.org")) != NULL && *org != '\0') {
		gai_buf_clear(&c->org);
		if (gai_check_fold_org(&c->org, org) != 0)
			return GAI_E_NOMEM;
		b = find_body(c, c->org.data, 1);
		if (b == NULL)
			return GAI_E_NOMEM;
	}
	for (i = 0; i < c->rules->n; i++) {
		if (!c->rules->r[i].prev) {
			if ((rc = eval_rule(c, i, cur, NULL, emit, ctx)) != 0)
				return rc;
			continue;
		}
		if (b == NULL)
			continue;
		/* Never across an edition change. */
		for (en = b->entries; en != NULL; en = en->next) {
			if (en->kv.edition == NULL ||
			    strcmp(en->kv.edition, cur->edition) != 0)
				continue;
			if (en->kv.year == cur->year - 1)
				rc = eval_rule(c, i, cur, &en->kv, emit, ctx);
			else if (en->kv.year == cur->year + 1)
				rc = eval_rule(c, i, &en->kv, cur, emit, ctx);
			else
				rc = 0;
			if (rc != 0)
				return rc;
		}
	}
	if (b != NULL)
		return remember(c, b, cur);
	return 0;
}

struct gai_check *
gai_check_new(const struct gai_rules *rules)
{
	struct gai_check *c = calloc(1, sizeof(*c));
	size_t i;

	if (c == NULL)
		return NULL;
	c->rules = rules;
	for (i = 0; i < rules->n; i++)
		c->any_prev |= rules->r[i].prev;
	/* The buffers must hold a string before the first use. */
	if (gai_buf_puts(&c->why, "") != 0 || gai_buf_puts(&c->rhs, "") != 0 ||
	    gai_buf_puts(&c->lhs, "") != 0 || gai_buf_puts(&c->val, "") != 0 ||
	    gai_buf_puts(&c->bind, "") != 0 || gai_buf_puts(&c->tmp, "") != 0) {
		gai_check_free(c);
		return NULL;
	}
	return c;
}

void
gai_check_free(struct gai_check *c)
{
	struct body *b, *nb;
	struct entry *en, *ne;
	struct shape *sh, *nsh;
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < NBUCKET; i++)
		for (b = c->bucket[i]; b != NULL; b = nb) {
			nb = b->next;
			for (en = b->entries; en != NULL; en = ne) {
				ne = en->next;
				kv_free(&en->kv);
				free(en->arena);
				free(en);
			}
			free(b->org);
			free(b);
		}
	for (i = 0; i < NSHAPEBUCKET; i++)
		for (sh = c->shapes[i]; sh != NULL; sh = nsh) {
			nsh = sh->next;
			shape_free(sh);
		}
	kv_free(&c->cur);
	gai_buf_free(&c->key);
	gai_buf_free(&c->val);
	gai_buf_free(&c->lhs);
	gai_buf_free(&c->rhs);
	gai_buf_free(&c->why);
	gai_buf_free(&c->tmp);
	gai_buf_free(&c->org);
	gai_buf_free(&c->bind);
	free(c->boff);
	free(c->blen);
	free(c);
}

/* ---- folding body names ---- */

/*
 * Traditional to simplified, for the characters of body names (places,
 * organs) and report words only: not a general converter.  Pairs of
 * traditional, simplified.
 */
static const char trad_pairs[] =
    "區区縣县鎮镇鄉乡廳厅務务資资員员會会辦办農农業业衛卫財财稅税園园"
    "國国華华東东爾尔蘭兰齊齐陽阳濱滨遼辽寧宁龍龙蘇苏廣广慶庆雲云貴贵"
    "陝陕灣湾臺台黨党產产術术準准體体圖图書书館馆計计劃划環环護护監监"
    "審审統统檢检驗验險险電电視视網网絡络經经濟济營营場场醫医療疗藥药"
    "軍军聯联協协報报紀纪機机關关總总處处隊队義义際际貿贸號号內内溝沟"
    "橋桥歸归鐵铁錫锡蘆芦瀋沈漢汉遠远莊庄陰阴萊莱臨临揚扬鹽盐蕭萧紹绍"
    "麗丽溫温嶺岭張张葉叶馬马長长興兴鶴鹤雙双綏绥烏乌雞鸡樂乐陸陆豐丰"
    "壽寿萬万廈厦頭头潁颍贛赣閩闽滬沪鄖郧灤滦懷怀濰潍棗枣條条實实現现"
    "規规範范構构設设應应對对從从時时開开發发門门復复議议訴诉訟讼結结"
    "轉转請请數数據据項项權权責责級级團团層层戶户導导糧粮執执質质漁渔"
    "礦矿災灾氣气勞劳動动廠厂價价運运輸输倉仓儲储鹹咸濕湿滿满澤泽灘滩"
    "鄭郑廬庐韶韶贛赣閣阁鳳凤麥麦黃黄齡龄壩坝塊块壇坛墾垦堯尧孫孙寶宝"
    "審审屬属岡冈峽峡島岛嶼屿巖岩帥帅廟庙彎弯徑径徵征憲宪戰战擴扩攝摄"
    "斷断楊杨榮荣樓楼檔档歷历歲岁殘残滄沧滅灭漲涨潛潜濁浊瀘泸灣湾煙烟"
    "爐炉獎奖猶犹獻献環环畢毕畫画疊叠療疗盧卢碼码禪禅穩稳窮穷競竞節节"
    "範范紅红納纳紡纺細细組组織织縮缩績绩繼继羅罗聖圣聲声職职膠胶艦舰"
    "蘭兰虧亏衝冲裝装覽览觀观記记許许試试詢询誌志認认語语說说課课調调"
    "諮咨講讲謀谋證证護护讓让豬猪貨货費费資资賓宾質质賴赖趙赵車车軌轨"
    "農农邊边遺遗郵邮鄰邻醫医釋释鋼钢錄录鎖锁閉闭閘闸陳陈隨随險险雜杂"
    "離离預预領领顧顾風风飛飞養养餘余駐驻驛驿體体魯鲁鮮鲜黨党齊齐鐘钟"
    "後后於于與与為为並并這这個个們们來来";

static unsigned long trad_from[512], trad_to[512];
static size_t ntrad;

static int
cmp_ul(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a;
	unsigned long y = *(const unsigned long *)b;

	return (x > y) - (x < y);
}

static void
trad_init(void)
{
	const char *s = trad_pairs, *end = s + sizeof(trad_pairs) - 1;
	unsigned long pairs[512][2];
	size_t n = 0, i, l1, l2;

	while (s < end && n < 512) {
		pairs[n][0] = gai_text_decode(s, (size_t)(end - s), &l1);
		pairs[n][1] = gai_text_decode(s + l1, (size_t)(end - s - l1),
		    &l2);
		s += l1 + l2;
		n++;
	}
	qsort(pairs, n, sizeof(pairs[0]), cmp_ul);
	for (i = 0; i < n; i++)
		if (pairs[i][0] != pairs[i][1] &&
		    (ntrad == 0 || trad_from[ntrad - 1] != pairs[i][0])) {
			trad_from[ntrad] = pairs[i][0];
			trad_to[ntrad++] = pairs[i][1];
		}
}

static unsigned long
simplify(unsigned long cp)
{
	size_t lo = 0, hi = ntrad, mid;

	if (ntrad == 0)
		trad_init();
	hi = ntrad;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (trad_from[mid] == cp)
			return trad_to[mid];
		if (trad_from[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return cp;
}

/*
 * Drop a province, prefecture or league name that leads a body's name
 * when what follows is a county-level place of its own: a report says
 * 淮安市洪泽区人民政府 one year and 洪泽区人民政府 the next.  A name that
 * is only an office (淮安市财政局) keeps its city, or it would fit any
 * city's.  s holds folded UTF-8; the result is moved to its start.
 */
static int
is_parent(unsigned long cp)
{
	return cp == 0x7701 || cp == 0x5E02 || cp == 0x5DDE || cp == 0x76DF;
}

static int
is_place(unsigned long cp)
{
	return cp == 0x533A || cp == 0x53BF || cp == 0x65D7 || cp == 0x5E02;
}

/* 1 when s[0..n) starts with a place name: 1 to 4 characters, then 区 县 旗 市. */
static int
starts_with_place(const char *s, size_t n)
{
	size_t i, l, q;
	unsigned long cp;

	for (i = 0, q = 0; i < n && q <= 4; i += l, q++) {
		cp = gai_text_decode(s + i, n - i, &l);
		if (q > 0 && is_place(cp))
			return 1;
		if (cp < 0x4E00 || cp > 0x9FFF || is_place(cp) || is_parent(cp))
			return 0;
	}
	return 0;
}

static void
drop_parents(char *s, size_t *len)
{
	size_t i, l, k, cut;
	unsigned long cp;

	do {
		/* The parent: 2 to 8 characters ending in 省, 市, 州 or 盟. */
		cut = 0;
		for (i = 0, k = 0; i < *len && k < 8 && cut == 0; k++) {
			cp = gai_text_decode(s + i, *len - i, &l);
			i += l;
			if (cp < 0x4E00 || cp > 0x9FFF)
				return;
			if (k > 0 && is_parent(cp) && starts_with_place(s + i,
			    *len - i))
				cut = i;
		}
		if (cut > 0) {
			memmove(s, s + cut, *len - cut);
			*len -= cut;
			s[*len] = '\0';
		}
	} while (cut > 0);
}

int
gai_check_fold_org(struct gai_buf *out, const char *org)
{
	size_t n = strlen(org), l, start = out->len, len;
	unsigned long cp;

	while (n > 0) {
		cp = gai_text_decode(org, n, &l);
		org += l;
		n -= l;
		if (cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0 ||
		    (cp >= 0x2000 && cp <= 0x200D) || cp == 0x202F ||
		    cp == 0x205F || cp == 0xFEFF)
			continue;
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;
		if (gai_buf_put_utf8(out, simplify(cp)) != 0)
			return GAI_E_NOMEM;
	}
	if (out->data != NULL) {
		len = out->len - start;
		drop_parents(out->data + start, &len);
		out->len = start + len;
	}
	return 0;
}
