/* SPDX-License-Identifier: MIT */
/*
 * gai_check_shape: what the rules make of one list of keys, worked out
 * once per list (see struct gc_shape) and looked up by its hash.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gai_check_impl.h"

static void
shape_free(struct gc_shape *sh)
{
	if (sh == NULL)
		return;
	free(sh->keys);
	free(sh->kl);
	free(sh->slot);
	free(sh->keep);
	free(sh->bind);
	free(sh->bfirst);
	free(sh->hit);
	free(sh->hfirst);
	free(sh->ref);
	free(sh->rfirst);
	free(sh->sum);
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

struct refs {
	const struct gc_kv *d;
	const char *b;		/* the binding */
	size_t bn;
	uint32_t *ref;		/* the binding's operands */
	uint32_t *sum;
	size_t nsum, csum;
	struct gai_buf key;
};

/*
 * Where the operands of e are in d (struct gc_shape's ref and sum), as
 * gai_check_eval.c looks them up without a shape.
 */
static int
refs_expr(struct refs *rf, const struct gai_expr *e)
{
	size_t i, j, at;
	uint32_t n = 0;
	const char *key;

	for (i = 0; i < e->n; i++) {
		const struct gai_term *t = &e->t[i];
		switch (t->kind) {
		case GAI_T_NUM:
		case GAI_T_PREV:	/* not in a rule with a shape's refs */
			break;
		case GAI_T_KEY:
			if ((key = gc_inst(&rf->key, &t->pat, rf->b,
			    rf->bn)) == NULL)
				return GAI_E_NOMEM;
			rf->ref[t->slot] = gc_kv_find(rf->d, key);
			break;
		case GAI_T_SUM:
			/* The count first, set when known. */
			at = rf->nsum;
			rf->ref[t->slot] = (uint32_t)at;
			if (push(&rf->sum, &rf->nsum, &rf->csum, &n,
			    sizeof(n)) != 0)
				return GAI_E_NOMEM;
			for (j = 0; j < rf->d->n; j++) {
				uint32_t k = (uint32_t)j;
				/* Only the first record of a key counts. */
				if (!gc_sum_covers(t, rf->b, rf->bn, rf->d->k[j]) ||
				    gc_kv_find(rf->d, rf->d->k[j]) != j + 1)
					continue;
				if (push(&rf->sum, &rf->nsum, &rf->csum, &k,
				    sizeof(k)) != 0)
					return GAI_E_NOMEM;
				rf->sum[at]++;
			}
			break;
		case GAI_T_ALT:
			for (j = 0; j < t->nalts; j++)
				if (refs_expr(rf, &t->alts[j]) != 0)
					return GAI_E_NOMEM;
			break;
		}
	}
	return 0;
}

/* The refs of rule r for one binding, into rf->ref. */
static int
refs_rule(struct refs *rf, const struct gai_rule *r)
{
	size_t i;
	const char *key;

	for (i = 0; i < r->nconds; i++) {
		if ((key = gc_inst(&rf->key, &r->conds[i].pat, rf->b,
		    rf->bn)) == NULL)
			return GAI_E_NOMEM;
		rf->ref[r->conds[i].slot] = gc_kv_find(rf->d, key);
	}
	if (refs_expr(rf, &r->lhs) != 0)
		return GAI_E_NOMEM;
	for (i = 0; i < r->nrhs; i++)
		if (refs_expr(rf, &r->rhs[i]) != 0)
			return GAI_E_NOMEM;
	return 0;
}

/*
 * The refs of every rule without prev() for each of its bindings in d:
 * sh->ref, rfirst and sum (sh->bind and bfirst are made).
 */
static int
shape_refs(struct gai_check *c, struct gc_shape *sh, const struct gc_kv *d)
{
	const struct gai_rules *rs = c->rules;
	struct refs rf = { d, "", 0, NULL, NULL, 0, 0, GAI_BUF_INIT };
	size_t ri, k, nb, nref = 0;
	int rc = GAI_E_NOMEM;

	if ((sh->rfirst = malloc((rs->n + 1) * sizeof(size_t))) == NULL)
		return GAI_E_NOMEM;
	for (ri = 0; ri < rs->n; ri++) {
		const struct gai_rule *r = &rs->r[ri];
		sh->rfirst[ri] = nref;
		if (r->prev)
			continue;
		nb = r->kind == GAI_R_EQ && r->var != 0 ?
		    sh->bfirst[2 * ri + 1] - sh->bfirst[2 * ri] : 1;
		nref += nb * r->nslot;
	}
	sh->rfirst[rs->n] = nref;
	/* calloc: a rule's numbers that are no KEY or SUM stay 0 */
	if ((sh->ref = calloc(nref + 1, sizeof(*sh->ref))) == NULL)
		return GAI_E_NOMEM;
	for (ri = 0; ri < rs->n; ri++) {
		const struct gai_rule *r = &rs->r[ri];
		if (r->prev)
			continue;
		nb = sh->rfirst[ri + 1] - sh->rfirst[ri];
		nb = r->nslot > 0 ? nb / r->nslot : 0;
		for (k = 0; k < nb; k++) {
			rf.ref = sh->ref + sh->rfirst[ri] + k * r->nslot;
			if (r->kind == GAI_R_EQ && r->var != 0) {
				const struct gc_sbind *sb =
				    &sh->bind[sh->bfirst[2 * ri] + k];
				rf.b = d->k[sb->key] + sb->off;
				rf.bn = sb->len;
			} else {
				rf.b = "";
				rf.bn = 0;
			}
			if (refs_rule(&rf, r) != 0)
				goto out;
		}
	}
	rc = 0;
out:
	sh->sum = rf.sum;
	gai_buf_free(&rf.key);
	return rc;
}

/*
 * Work out a shape for d's keys, exactly as the general path would: the
 * bindings in gc_eval_rule()'s order (a binding seen again is dropped, as
 * it does), the records a predicate covers, and those gc_yoy_remember()
 * keeps.
 */
static struct gc_shape *
shape_new(struct gai_check *c, const struct gc_kv *d, unsigned long h)
{
	const struct gai_rules *rs = c->rules;
	struct gc_shape *sh;
	size_t i, j, k, ri, side, off, len, nb = 0, cb = 0, nh = 0, ch = 0;
	char *p;

	if ((sh = calloc(1, sizeof(*sh))) == NULL)
		return NULL;
	sh->hash = h;
	sh->n = d->n;
	for (i = 0; i < d->n; i++)
		sh->keylen += d->kl[i] + 1;
	if ((sh->keys = malloc(sh->keylen + 1)) == NULL ||
	    (sh->kl = malloc((d->n + 1) * sizeof(*sh->kl))) == NULL ||
	    (sh->slot = malloc((d->nslot + 1) * sizeof(*sh->slot))) == NULL ||
	    (sh->keep = malloc((d->n + 1) * sizeof(*sh->keep))) == NULL ||
	    (sh->bfirst = malloc((2 * rs->n + 1) * sizeof(size_t))) == NULL ||
	    (sh->hfirst = malloc((rs->n + 1) * sizeof(size_t))) == NULL)
		goto nomem;
	for (i = 0, p = sh->keys; i < d->n; i++, p += d->kl[i - 1] + 1)
		memcpy(p, d->k[i], d->kl[i] + 1);
	memcpy(sh->kl, d->kl, d->n * sizeof(*sh->kl));
	memcpy(sh->slot, d->slot, d->nslot * sizeof(*sh->slot));
	sh->nslot = d->nslot;
	for (i = 0; i < d->n; i++)
		if (gc_yoy_wanted(rs, d->k[i]) &&
		    gc_kv_get(d, d->k[i]) == d->v[i])
			sh->keep[sh->nkeep++] = i;
	if (c->yoy != NULL && (sh->ykeys = gc_yoy_keys(c->yoy, d, sh->keep,
	    sh->nkeep)) == NULL)
		goto nomem;
	for (ri = 0; ri < rs->n; ri++) {
		const struct gai_rule *r = &rs->r[ri];
		sh->hfirst[ri] = nh;
		if (r->kind != GAI_R_EQ) {
			for (i = 0; i < d->n; i++)
				if (gc_pred_covers(r, d->k[i]) &&
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
					struct gc_sbind sb = { i, 0, 0 };
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
	if (shape_refs(c, sh, d) != 0)
		goto nomem;
	return sh;
nomem:
	shape_free(sh);
	return NULL;
}

/*
 * A hash of a key list to find its shape by: the key lengths and last
 * bytes, in order.  Cheap, as it is taken for every document; the keys
 * themselves are compared when it matches.
 */
static unsigned long
list_hash(const struct gc_kv *d)
{
	unsigned long h = d->n;
	size_t i;

	for (i = 0; i < d->n; i++)
		h = h * 31 + d->kl[i] * 256 +
		    (d->kl[i] > 0 ? (unsigned char)d->k[i][d->kl[i] - 1] : 0);
	return h;
}

const struct gc_shape *
gc_shape_find(const struct gai_check *c, const struct gc_kv *d)
{
	unsigned long h = list_hash(d);
	const struct gc_shape *sh;
	const char *p;
	size_t i;

	for (sh = c->shapes[h % NSHAPEBUCKET]; sh != NULL; sh = sh->next) {
		if (sh->hash != h || sh->n != d->n)
			continue;
		for (i = 0, p = sh->keys; i < d->n; p += sh->kl[i++] + 1)
			if (sh->kl[i] != d->kl[i] ||
			    memcmp(p, d->k[i], d->kl[i]) != 0)
				break;
		if (i == d->n)
			return sh;
	}
	return NULL;
}

const struct gc_shape *
gc_shape_new(struct gai_check *c, const struct gc_kv *d)
{
	unsigned long h = list_hash(d);
	struct gc_shape *sh;

	if (c->nshape == MAXSHAPE || (sh = shape_new(c, d, h)) == NULL)
		return NULL;
	sh->next = c->shapes[h % NSHAPEBUCKET];
	c->shapes[h % NSHAPEBUCKET] = sh;
	c->nshape++;
	return sh;
}

int
gc_kept(struct gai_check *c, const struct gc_kv *d, const size_t **list,
    size_t *n)
{
	size_t i;

	if (d->shape != NULL) {
		*list = d->shape->keep;
		*n = d->shape->nkeep;
		return 0;
	}
	if (c->keepcap < d->n) {
		size_t *k = realloc(c->keep, d->n * sizeof(*k));
		if (k == NULL)
			return GAI_E_NOMEM;
		c->keep = k;
		c->keepcap = d->n;
	}
	*n = 0;
	for (i = 0; i < d->n; i++)
		if (gc_yoy_wanted(c->rules, d->k[i]) &&
		    gc_kv_get(d, d->k[i]) == d->v[i])
			c->keep[(*n)++] = i;
	*list = c->keep;
	return 0;
}

void
gc_shape_free_all(struct gai_check *c)
{
	struct gc_shape *sh, *nsh;
	size_t i;

	for (i = 0; i < NSHAPEBUCKET; i++)
		for (sh = c->shapes[i]; sh != NULL; sh = nsh) {
			nsh = sh->next;
			shape_free(sh);
		}
}
