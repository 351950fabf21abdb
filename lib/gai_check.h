/* SPDX-License-Identifier: MIT */
/* gai_check: evaluate gai_rules on each document of stream 2. */
#ifndef GAI_CHECK_H
#define GAI_CHECK_H

#include <stddef.h>

#include "gai_buf.h"
#include "gai_rec.h"
#include "gai_rules.h"

enum gai_check_outcome { GAI_CHECK_OK, GAI_CHECK_FAIL, GAI_CHECK_SKIP };

/*
 * Receives one check record: rule is the index in the rules, key the whole
 * key (check.<id>[.<binding>]), value "ok...", "fail: ..." or "skip: ...".
 * Returns 0 to go on.
 */
typedef int (*gai_check_emit)(void *ctx, size_t rule,
    enum gai_check_outcome outcome, const char *key, const char *value);

struct gai_check;

/* A checker for rules (which must outlive it); NULL when out of memory. */
struct gai_check *gai_check_new(const struct gai_rules *rules);
void gai_check_free(struct gai_check *c);

/*
 * Check one document: emit its check records in rule order, the
 * year-over-year ones against the documents of the same body seen before,
 * then remember the few numbers those rules need from it.  0, GAI_E_NOMEM,
 * or what emit returned.
 */
int gai_check_doc(struct gai_check *c, const struct gai_recset *set,
    gai_check_emit emit, void *ctx);

#endif
