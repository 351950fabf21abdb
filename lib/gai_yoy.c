/* SPDX-License-Identifier: MIT */
/*
 * gai_yoy: what the year-over-year rules need of each body's reports,
 * remembered for the reports of the years next to them.
 *
 * A national crawl holds 10^5 bodies over several years, so this is the
 * memory gai-check grows with: per body and year it keeps one compact
 * record (struct yent: the document's name and the values of the few keys
 * a year-over-year rule names, as text), the key lists shared between
 * reports, and each body's reports in an array by year, so finding the
 * year before or after is a binary search, whatever the number of reports.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gai_check_impl.h"

/* The keys remembered of a report: nearly every report shares its list. */
struct ykeys {
	struct ykeys *next;	/* hash chain */
	unsigned long hash;
	size_t n;
	const char **k;		/* into text */
	size_t *kl;		/* their lengths */
	char *text;
};

/* One report of a body: in one allocation. */
struct yent {
	const struct ykeys *keys;
	int32_t year;
	uint16_t edition;	/* index into gc_yoy's editions */
	char data[];		/* doc, then a value per key: NUL-terminated */
};

struct gc_body {
	struct gc_body *next;	/* hash chain */
	struct yent **ent;	/* by year, then edition */
	uint32_t n, cap;
	char org[];		/* folded */
};

#define NKEYBUCKET 64
#define MAXEDITION 64	/* more editions than these are not remembered */

struct gc_yoy {
	struct gc_body **bucket;
	size_t nbucket, nbody;
	struct ykeys *keys[NKEYBUCKET];
	char *editions[MAXEDITION];
	size_t nedition;
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

/*
 * The index of edition ed, added when new; GAI_E_NOMEM; or -2 when there
 * are MAXEDITION already (there are two: input with more is not a crawl
 * of reports, and its reports are not remembered).
 */
static int
edition_index(struct gc_yoy *y, const char *ed)
{
	size_t i;

	for (i = 0; i < y->nedition; i++)
		if (strcmp(y->editions[i], ed) == 0)
			return (int)i;
	if (y->nedition == MAXEDITION)
		return -2;
	if ((y->editions[y->nedition] = strdup(ed)) == NULL)
		return GAI_E_NOMEM;
	return (int)y->nedition++;
}

/* The first entry of b at or after (year, ed) in the array's order. */
static uint32_t
lower(const struct gc_body *b, long year, int ed)
{
	uint32_t lo = 0, hi = b->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (b->ent[mid]->year < year || (b->ent[mid]->year == year &&
		    b->ent[mid]->edition < ed))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
gc_yoy_get(struct gai_check *c, const struct gc_body *b, long year,
    const char *edition, struct gc_kv *d)
{
	struct gc_yoy *y = c->yoy;
	const struct yent *en;
	struct ykeys *ks;
	const char *p;
	uint32_t i;
	size_t j;
	int ed;

	for (ed = 0; ed < (int)y->nedition; ed++)
		if (strcmp(y->editions[ed], edition) == 0)
			break;
	if (ed == (int)y->nedition || (i = lower(b, year, ed)) == b->n ||
	    b->ent[i]->year != year || b->ent[i]->edition != ed)
		return 0;
	en = b->ent[i];
	ks = (struct ykeys *)en->keys;
	d->n = 0;
	d->doc = p = en->data;
	for (j = 0; j < ks->n; j++) {
		p += strlen(p) + 1;
		if (gc_kv_push(d, ks->k[j], ks->kl[j], p) != 0)
			return GAI_E_NOMEM;
	}
	if (gc_kv_index(c, d) != 0)
		return GAI_E_NOMEM;
	return 1;
}

const struct ykeys *
gc_yoy_keys(struct gc_yoy *y, const struct gc_kv *cur, const size_t *list,
    size_t n)
{
	unsigned long h = 2166136261UL;
	struct ykeys *ks;
	size_t i, len = 0;
	const char *q;
	char *p;

	for (i = 0; i < n; i++) {
		for (q = cur->k[list[i]]; ; q++) {
			h = (h ^ (unsigned char)*q) * 16777619UL;
			if (*q == '\0')
				break;
		}
		len += cur->kl[list[i]] + 1;
	}
	for (ks = y->keys[h % NKEYBUCKET]; ks != NULL; ks = ks->next) {
		if (ks->hash != h || ks->n != n)
			continue;
		for (i = 0; i < n; i++)
			if (strcmp(ks->k[i], cur->k[list[i]]) != 0)
				break;
		if (i == n)
			return ks;
	}
	if ((ks = calloc(1, sizeof(*ks))) == NULL ||
	    (ks->k = malloc((n + 1) * sizeof(*ks->k))) == NULL ||
	    (ks->kl = malloc((n + 1) * sizeof(*ks->kl))) == NULL ||
	    (ks->text = malloc(len + 1)) == NULL) {
		if (ks != NULL) {
			free(ks->k);
			free(ks->kl);
		}
		free(ks);
		return NULL;
	}
	ks->hash = h;
	for (i = 0, p = ks->text; i < n; i++, ks->n++) {
		ks->kl[i] = cur->kl[list[i]];
		ks->k[i] = memcpy(p, cur->k[list[i]], ks->kl[i] + 1);
		p += ks->kl[i] + 1;
	}
	ks->next = y->keys[h % NKEYBUCKET];
	y->keys[h % NKEYBUCKET] = ks;
	return ks;
}

/* Make room for one more body; the chains stay short. */
static int
grow_buckets(struct gc_yoy *y)
{
	size_t n = y->nbucket ? y->nbucket * 2 : 1024, i;
	struct gc_body **nb = calloc(n, sizeof(*nb)), *b, *next;

	if (nb == NULL)
		return GAI_E_NOMEM;
	for (i = 0; i < y->nbucket; i++)
		for (b = y->bucket[i]; b != NULL; b = next) {
			next = b->next;
			b->next = nb[gc_hash(b->org) & (n - 1)];
			nb[gc_hash(b->org) & (n - 1)] = b;
		}
	free(y->bucket);
	y->bucket = nb;
	y->nbucket = n;
	return 0;
}

struct gc_body *
gc_yoy_body(struct gc_yoy *y, const char *org)
{
	struct gc_body **bp, *b;
	size_t len = strlen(org);

	if (y->nbody >= y->nbucket && grow_buckets(y) != 0)
		return NULL;
	for (bp = &y->bucket[gc_hash(org) & (y->nbucket - 1)]; *bp != NULL;
	    bp = &(*bp)->next)
		if (strcmp((*bp)->org, org) == 0)
			return *bp;
	if ((b = calloc(1, sizeof(*b) + len + 1)) == NULL)
		return NULL;
	memcpy(b->org, org, len + 1);
	*bp = b;
	y->nbody++;
	return b;
}

int
gc_yoy_remember(struct gai_check *c, struct gc_body *b,
    const struct gc_kv *cur)
{
	struct gc_yoy *y = c->yoy;
	const struct ykeys *ks;
	struct yent *en;
	const size_t *list;
	size_t i, n, size;
	uint32_t at;
	char *p;
	int ed;

	/*
	 * One report per body, year and edition: a second copy of a report
	 * is checked against its neighbours, but they only against the first.
	 */
	if ((ed = edition_index(y, cur->edition)) < 0)
		return ed == GAI_E_NOMEM ? ed : 0;
	at = lower(b, cur->year, ed);
	if ((at < b->n && b->ent[at]->year == cur->year &&
	    b->ent[at]->edition == ed) || cur->year > INT32_MAX)
		return 0;
	/* A shape knows its kept records' shared keys. */
	if (gc_kept(c, cur, &list, &n) != 0 || (ks = cur->shape != NULL ?
	    cur->shape->ykeys : gc_yoy_keys(y, cur, list, n)) == NULL)
		return GAI_E_NOMEM;
	size = sizeof(*en) + strlen(cur->doc) + 1;
	for (i = 0; i < n; i++)
		size += strlen(cur->v[list[i]]) + 1;
	if (b->n == b->cap) {
		uint32_t cap = b->cap ? b->cap * 2 : 4;
		struct yent **ne = realloc(b->ent, cap * sizeof(*ne));
		if (ne == NULL)
			return GAI_E_NOMEM;
		b->ent = ne;
		b->cap = cap;
	}
	if ((en = malloc(size)) == NULL)
		return GAI_E_NOMEM;
	en->keys = ks;
	en->year = (int32_t)cur->year;
	en->edition = (uint16_t)ed;
	p = stpcpy(en->data, cur->doc) + 1;
	for (i = 0; i < n; i++)
		p = stpcpy(p, cur->v[list[i]]) + 1;
	memmove(b->ent + at + 1, b->ent + at, (b->n - at) * sizeof(*b->ent));
	b->ent[at] = en;
	b->n++;
	return 0;
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
	struct ykeys *ks, *nks;
	size_t i;
	uint32_t j;

	if (y == NULL)
		return;
	for (i = 0; i < y->nbucket; i++)
		for (b = y->bucket[i]; b != NULL; b = nb) {
			nb = b->next;
			for (j = 0; j < b->n; j++)
				free(b->ent[j]);
			free(b->ent);
			free(b);
		}
	free(y->bucket);
	for (i = 0; i < NKEYBUCKET; i++)
		for (ks = y->keys[i]; ks != NULL; ks = nks) {
			nks = ks->next;
			free(ks->k);
			free(ks->kl);
			free(ks->text);
			free(ks);
		}
	for (i = 0; i < y->nedition; i++)
		free(y->editions[i]);
	free(y);
}
