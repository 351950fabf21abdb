/* SPDX-License-Identifier: MIT */
/*
 * gai_check_shape: what the rules make of one list of keys, worked out
 * once per list (see struct gc_shape) and looked up by its hash.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "gai_check_impl.h"

static void
shape_free(struct gc_shape *sh)
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
	    (sh->want = malloc(d->n + 1)) == NULL ||
	    (sh->bfirst = malloc((2 * rs->n + 1) * sizeof(size_t))) == NULL ||
	    (sh->hfirst = malloc((rs->n + 1) * sizeof(size_t))) == NULL)
		goto nomem;
	for (i = 0, p = sh->keys; i < d->n; i++, p += d->kl[i - 1] + 1)
		memcpy(p, d->k[i], d->kl[i] + 1);
	for (i = 0; i < d->n; i++)
		sh->want[i] = gc_yoy_wanted(rs, d->k[i]) &&
		    gc_kv_get(d, d->k[i]) == d->v[i];
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
	return sh;
nomem:
	shape_free(sh);
	return NULL;
}

const struct gc_shape *
gc_shape_get(struct gai_check *c, const struct gc_kv *d)
{
	unsigned long h = 2166136261UL;
	struct gc_shape *sh;
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

int
gc_keep(const struct gai_check *c, const struct gc_kv *cur, size_t i)
{
	if (cur->shape != NULL)
		return cur->shape->want[i];
	return gc_yoy_wanted(c->rules, cur->k[i]) &&
	    gc_kv_get(cur, cur->k[i]) == cur->v[i];
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
