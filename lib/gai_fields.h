/* SPDX-License-Identifier: MIT */
/* gai_fields: the field keys of FIELDS.md, in order: the public contract. */
#ifndef GAI_FIELDS_H
#define GAI_FIELDS_H

#include <stddef.h>

enum gai_table { GAI_T_META, GAI_T_ACTIVE, GAI_T_REQ, GAI_T_APPEAL };

/* Template editions, as bits: a field may belong to one or both. */
enum { GAI_ED_2019 = 1, GAI_ED_2021 = 2 };

struct gai_field {
	const char *key;	/* e.g. "req.denied.state_secret.natural_person" */
	const char *label;	/* the report's labels, "/"-joined, UTF-8 */
	const char *label2019;	/* the 2019 edition's, where it words it apart */
	enum gai_table table;
	unsigned editions;	/* GAI_ED_* bits; meta fields have both */
	int amount;		/* 1 for 万元 amounts, 0 for counts and meta */
};

/*
 * The number of keys, and the i-th in FIELDS.md order (meta first).  Each
 * key is there once: a key both editions have (active.license.decisions)
 * stands where the 2021 edition puts it.
 */
size_t gai_fields_count(void);
const struct gai_field *gai_fields_at(size_t i);

/* The field's label in an edition's wording (GAI_ED_2019 or GAI_ED_2021). */
const char *gai_fields_label(const struct gai_field *f, unsigned edition);

/* The index of key, or -1 when it is not a FIELDS.md key. */
long gai_fields_index(const char *key);

/* The req table's columns and rows, and appeal's groups and columns. */
extern const char *const gai_req_cols[];	/* NULL-terminated */
extern const char *const gai_req_rows[];
extern const char *const gai_appeal_groups[];
extern const char *const gai_appeal_cols[];

#endif
