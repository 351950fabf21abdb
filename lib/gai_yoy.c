/* SPDX-License-Identifier: MIT */
/*
 * gai_yoy: what the year-over-year rules need of each body's reports,
 * remembered for the reports of the years next to them.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "gai_check_impl.h"

/* What a year-over-year rule needs of one report of a body. */
struct entry {
	struct entry *next;
	char *arena;		/* doc, keys and values */
	struct gc_kv kv;
};

struct gc_body {
	struct gc_body *next;
	char *org;		/* folded */
	struct entry *entries;
};

#define NBUCKET 4096

struct gc_yoy {
	struct gc_body *bucket[NBUCKET];
};

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

int
gc_yoy_wanted(const struct gai_rules *rs, const char *k)
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

int
gc_yoy_remember(struct gai_check *c, struct gc_body *b, const struct gc_kv *cur)
{
	struct entry *en;
	size_t i, size = strlen(cur->doc) + 1;
	char *p;

	for (i = 0; i < cur->n; i++)
		if (gc_keep(c, cur, i))
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
		if (!gc_keep(c, cur, i))
			continue;
		k = strcpy(p, cur->k[i]);
		p += strlen(p) + 1;
		v = strcpy(p, cur->v[i]);
		p += strlen(p) + 1;
		if (gc_kv_push(&en->kv, k, v) != 0)
			goto nomem;
	}
	if (gc_kv_index(&en->kv) != 0)
		goto nomem;
	en->kv.shape = gc_shape_get(c, &en->kv);
	en->next = b->entries;
	b->entries = en;
	return 0;
nomem:
	gc_kv_free(&en->kv);
	free(en->arena);
	free(en);
	return GAI_E_NOMEM;
}

struct gc_body *
gc_yoy_body(struct gc_yoy *y, const char *org)
{
	struct gc_body **bp, *b;

	for (bp = &y->bucket[gc_hash(org) % NBUCKET]; *bp != NULL;
	    bp = &(*bp)->next)
		if (strcmp((*bp)->org, org) == 0)
			return *bp;
	if ((b = calloc(1, sizeof(*b))) == NULL)
		return NULL;
	if ((b->org = strdup(org)) == NULL) {
		free(b);
		return NULL;
	}
	*bp = b;
	return b;
}

const struct gc_kv *
gc_yoy_each(const struct gc_body *b, const void **it)
{
	const struct entry *en = *it == NULL ? b->entries :
	    ((const struct entry *)*it)->next;

	*it = en;
	return en != NULL ? &en->kv : NULL;
}

struct gc_yoy *
gc_yoy_new(void)
{
	return calloc(1, sizeof(struct gc_yoy));
}

void
gc_yoy_free(struct gc_yoy *y)
{
	struct gc_body *b, *nb;
	struct entry *en, *ne;
	size_t i;

	if (y == NULL)
		return;
	for (i = 0; i < NBUCKET; i++)
		for (b = y->bucket[i]; b != NULL; b = nb) {
			nb = b->next;
			for (en = b->entries; en != NULL; en = ne) {
				ne = en->next;
				gc_kv_free(&en->kv);
				free(en->arena);
				free(en);
			}
			free(b->org);
			free(b);
		}
	free(y);
}
