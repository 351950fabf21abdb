/* SPDX-License-Identifier: MIT */
/*
 * gai_check: each document of stream 2 indexed by key, the rules run on it
 * in order, the year-over-year ones against the reports of the same body
 * that gai_yoy.c remembers.
 */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "gai_check_impl.h"
#include "gai_org.h"

unsigned long
gc_hash(const char *s)
{
	unsigned long h = 2166136261UL;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 16777619UL;
	return h;
}

unsigned
gc_kv_find(const struct gc_kv *d, const char *key)
{
	size_t i, m;

	if (d->nslot == 0)
		return 0;
	m = d->nslot - 1;
	for (i = gc_hash(key) & m; d->slot[i] != 0; i = (i + 1) & m)
		if (strcmp(d->k[d->slot[i] - 1], key) == 0)
			return d->slot[i];
	return 0;
}

const char *
gc_kv_get(const struct gc_kv *d, const char *key)
{
	unsigned at = gc_kv_find(d, key);

	return at != 0 ? d->v[at - 1] : NULL;
}

int
gc_kv_push(struct gc_kv *d, const char *k, size_t kl, const char *v)
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
	d->kl[d->n] = kl;
	d->v[d->n++] = v;
	return 0;
}

/* Index d's records in d->own; a repeated key keeps its first value. */
static int
index_own(struct gc_kv *d)
{
	size_t i, j, m, want = 16;

	while (want < d->n * 2)
		want *= 2;
	if (want > d->nown) {
		unsigned *ns = realloc(d->own, want * sizeof(*ns));
		if (ns == NULL)
			return GAI_E_NOMEM;
		d->own = ns;
		d->nown = want;
	}
	memset(d->own, 0, d->nown * sizeof(*d->own));
	m = d->nown - 1;
	for (i = 0; i < d->n; i++) {
		for (j = gc_hash(d->k[i]) & m; d->own[j] != 0; j = (j + 1) & m)
			if (strcmp(d->k[d->own[j] - 1], d->k[i]) == 0)
				break;
		if (d->own[j] == 0)
			d->own[j] = (unsigned)i + 1;
	}
	d->slot = d->own;
	d->nslot = d->nown;
	return 0;
}

int
gc_kv_index(struct gai_check *c, struct gc_kv *d)
{
	long y;
	char *end;
	const char *s;

	/* A key list seen before was indexed then: its index is d's. */
	if ((d->shape = gc_shape_find(c, d)) != NULL) {
		d->slot = d->shape->slot;
		d->nslot = d->shape->nslot;
	} else {
		if (index_own(d) != 0)
			return GAI_E_NOMEM;
		d->shape = gc_shape_new(c, d);
	}
	d->year = 0;
	if ((s = gc_kv_get(d, "meta.year")) != NULL) {
		errno = 0;
		y = strtol(s, &end, 10);
		/* A calendar year: the year-over-year index holds it in 32
		 * bits and looks up the years on either side. */
		if (errno == 0 && end != s && *end == '\0' && y > 0 &&
		    y <= 9999)
			d->year = y;
	}
	d->edition = gc_kv_get(d, "meta.edition");
	return 0;
}

const char *
gc_inst(struct gai_buf *t, const struct gai_pat *p, const char *b, size_t bn)
{
	if (p->var == 0)
		return p->text;
	gai_buf_clear(t);
	if (gai_buf_append(t, p->pre, p->prelen) != 0 ||
	    gai_buf_append(t, b, bn) != 0 ||
	    gai_buf_append(t, p->suf, p->suflen) != 0)
		return NULL;
	return t->data;
}

void
gc_kv_free(struct gc_kv *d)
{
	free(d->k);
	free(d->v);
	free(d->kl);
	free(d->own);
}

int
gai_check_doc(struct gai_check *c, const struct gai_recset *set,
    gai_check_emit emit, void *ctx)
{
	struct gc_kv *cur = &c->cur;
	struct gc_body *b = NULL;
	const char *org;
	size_t i;
	int rc, nb = 0, na = 0;

	cur->n = 0;
	/* A key runs up to its value, NUL-terminated: no strlen. */
	for (i = 0; i < set->n; i++)
		if (gc_kv_push(cur, gai_recset_key(set, i),
		    set->items[i].value - set->items[i].key - 1,
		    gai_recset_value(set, i)) != 0)
			return GAI_E_NOMEM;
	if (gc_kv_index(c, cur) != 0)
		return GAI_E_NOMEM;
	cur->doc = set->doc.data;
	if (c->yoy != NULL && cur->year != 0 && cur->edition != NULL &&
	    (org = gc_kv_get(cur, "meta.org")) != NULL && *org != '\0') {
		gai_buf_clear(&c->org);
		if (gai_org_fold(&c->org, org) != 0)
			return GAI_E_NOMEM;
		/* A name that folds to nothing (blanks) names no body. */
		if (c->org.len > 0 &&
		    (b = gc_yoy_body(c->yoy, c->org.data)) == NULL)
			return GAI_E_NOMEM;
	}
	/* The same body's reports of the years before and after, if seen. */
	if (b != NULL && ((nb = gc_yoy_get(c, b, cur->year - 1, cur->edition,
	    &c->before)) < 0 || (na = gc_yoy_get(c, b, cur->year + 1,
	    cur->edition, &c->after)) < 0))
		return GAI_E_NOMEM;
	for (i = 0; i < c->rules->n; i++) {
		if (!c->rules->r[i].prev) {
			if ((rc = gc_eval_rule(c, i, cur, NULL, emit, ctx)) != 0)
				return rc;
			continue;
		}
		if ((nb > 0 &&
		    (rc = gc_eval_rule(c, i, cur, &c->before, emit, ctx)) != 0) ||
		    (na > 0 &&
		    (rc = gc_eval_rule(c, i, &c->after, cur, emit, ctx)) != 0))
			return rc;
	}
	if (b != NULL)
		return gc_yoy_remember(c, b, cur);
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
		if (rules->r[i].prev && c->yoy == NULL &&
		    (c->yoy = gc_yoy_new()) == NULL) {
			gai_check_free(c);
			return NULL;
		}
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
	if (c == NULL)
		return;
	gc_yoy_free(c->yoy);
	gc_shape_free_all(c);
	gc_kv_free(&c->cur);
	gc_kv_free(&c->before);
	gc_kv_free(&c->after);
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
	free(c->keep);
	free(c);
}
