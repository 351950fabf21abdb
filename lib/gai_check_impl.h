/* SPDX-License-Identifier: MIT */
/*
 * gai_check_impl: what the parts of gai_check share; not installed.
 * gai_check.c reads a document into a gc_kv and runs the rules on it;
 * gai_check_shape.c works out once per key list what the rules make of it;
 * gai_check_eval.c evaluates one rule; gai_yoy.c remembers what the
 * year-over-year rules need of each body's reports.
 */
#ifndef GAI_CHECK_IMPL_H
#define GAI_CHECK_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "gai_buf.h"
#include "gai_check.h"
#include "gai_rules.h"

struct gc_shape;
struct ykeys;

/* A document's records looked up by key: the first record of a key wins. */
struct gc_kv {
	const char **k, **v;
	size_t *kl;		/* key lengths */
	size_t n, cap;
	/*
	 * record index + 1; 0 is empty: the shape's index when the key list
	 * has one (the same keys in the same order index alike), else own.
	 */
	const unsigned *slot;
	size_t nslot;
	unsigned *own;
	size_t nown;
	long year;		/* meta.year, 0 when unknown */
	const char *edition;	/* meta.edition or NULL */
	const char *doc;
	const struct gc_shape *shape;	/* its key list's, or NULL */
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
struct gc_sbind {
	size_t key;		/* record index */
	size_t off, len;	/* the binding in that key */
};

struct gc_shape {
	struct gc_shape *next;	/* hash chain */
	unsigned long hash;
	size_t n;		/* keys */
	char *keys;		/* the keys, each NUL-terminated, in order */
	size_t *kl;		/* their lengths */
	size_t keylen;		/* bytes in keys */
	unsigned *slot;		/* the keys' index (struct gc_kv) */
	size_t nslot;
	/* The records gc_yoy_remember() keeps, and their keys as it shares them. */
	size_t *keep;
	size_t nkeep;
	const struct ykeys *ykeys;	/* NULL when no rule is year over year */
	/*
	 * The distinct bindings of rule ri from this list as the current
	 * (side 0) or previous (side 1) report, in order of first sight:
	 * bind[bfirst[2 * ri + side] .. bfirst[2 * ri + side + 1]).
	 */
	struct gc_sbind *bind;
	size_t *bfirst;
	/* The records a predicate rule ri covers: hit[hfirst[ri] .. hfirst[ri + 1]). */
	size_t *hit;
	size_t *hfirst;
	/*
	 * Where the operands of a rule without prev() are, by binding:
	 * for its k-th binding (its only one without a variable) operand s
	 * is ref[rfirst[ri] + k * nslot + s] (struct gai_rule's numbering):
	 * a condition's or a key's record index + 1, 0 when the list lacks
	 * the key; for a sum(), the offset in sum of the count of records it
	 * adds and their indexes (the first record of each key).
	 */
	uint32_t *ref;
	size_t *rfirst;
	uint32_t *sum;
};

/*
 * Bounds the memory shapes take on input whose key lists all differ;
 * past it documents take the general path, with the same results.
 */
#define MAXSHAPE 256
#define NSHAPEBUCKET 64

struct gc_yoy;

struct gai_check {
	const struct gai_rules *rules;
	struct gc_kv cur;
	struct gc_yoy *yoy;	/* NULL when no rule is year over year */
	struct gc_kv before, after;	/* cur's body the years around it */
	struct gc_shape *shapes[NSHAPEBUCKET];
	size_t nshape;
	/* Reused for every document. */
	struct gai_buf key, val, lhs, rhs, why, tmp, org, bind;
	size_t *boff, *blen, bcap;
	size_t *keep, keepcap;	/* gc_kept()'s list without a shape */
};

/* ---- documents (gai_check.c) ---- */

/* FNV-1a of a string. */
unsigned long gc_hash(const char *s);
/* The index + 1 of key's first record in d, or 0. */
unsigned gc_kv_find(const struct gc_kv *d, const char *key);
/* The value of key in d (its first record), or NULL. */
const char *gc_kv_get(const struct gc_kv *d, const char *key);
/* Add a record of key k (kl bytes) and value v (not copied); 0 or GAI_E_NOMEM. */
int gc_kv_push(struct gc_kv *d, const char *k, size_t kl, const char *v);
/*
 * Index the records pushed, d->shape their key list's (found, or made
 * when new; NULL past MAXSHAPE), and read meta.year and meta.edition.
 */
int gc_kv_index(struct gai_check *c, struct gc_kv *d);
void gc_kv_free(struct gc_kv *d);
/* p with the variable bound to b[0..bn), in t; NULL without memory. */
const char *gc_inst(struct gai_buf *t, const struct gai_pat *p, const char *b,
    size_t bn);

/* ---- shapes (gai_check_shape.c) ---- */

/* The shape of d's key list if there is one already, else NULL. */
const struct gc_shape *gc_shape_find(const struct gai_check *c,
    const struct gc_kv *d);
/*
 * A shape made for d's key list (d indexed by its own index); NULL when
 * there are too many shapes or no memory.
 */
const struct gc_shape *gc_shape_new(struct gai_check *c,
    const struct gc_kv *d);
void gc_shape_free_all(struct gai_check *c);
/*
 * The records of d a later year-over-year rule may need, in order: *list
 * (the shape's, or made in c) and *n.  0 or GAI_E_NOMEM.
 */
int gc_kept(struct gai_check *c, const struct gc_kv *d, const size_t **list,
    size_t *n);

/* ---- evaluation (gai_check_eval.c) ---- */

/*
 * Emit the records of rule ri for document cur; prev is the report of the
 * year before for a year-over-year rule, else NULL.  0, GAI_E_NOMEM or
 * what emit returned.
 */
int gc_eval_rule(struct gai_check *c, size_t ri, const struct gc_kv *cur,
    const struct gc_kv *prev, gai_check_emit emit, void *ctx);
/* Is key one of those predicate rule r checks? */
int gc_pred_covers(const struct gai_rule *r, const char *key);
/* Is key one that sum() term t adds up, with the variable bound to b? */
int gc_sum_covers(const struct gai_term *t, const char *b, size_t bn,
    const char *key);

/* ---- year over year (gai_yoy.c) ---- */

struct gc_body;

struct gc_yoy *gc_yoy_new(void);
void gc_yoy_free(struct gc_yoy *y);
/* Is key one a year-over-year rule of rs names? */
int gc_yoy_wanted(const struct gai_rules *rs, const char *key);
/*
 * The shared list of the keys of records list[0..n) of d: found, or made;
 * NULL without memory.
 */
const struct ykeys *gc_yoy_keys(struct gc_yoy *y, const struct gc_kv *d,
    const size_t *list, size_t n);
/* The body of folded name org, made the first time; NULL without memory. */
struct gc_body *gc_yoy_body(struct gc_yoy *y, const char *org);
/*
 * The report of b remembered for year and edition, read into d (whose
 * arrays are reused): 1, 0 when there is none, or GAI_E_NOMEM.
 */
int gc_yoy_get(struct gai_check *c, const struct gc_body *b, long year,
    const char *edition, struct gc_kv *d);
/*
 * Remember what the year-over-year rules need of cur, a report of b,
 * unless b has a report of its year and edition already.
 */
int gc_yoy_remember(struct gai_check *c, struct gc_body *b,
    const struct gc_kv *cur);

#endif
