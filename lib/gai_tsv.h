/* SPDX-License-Identifier: MIT */
/* gai_tsv: stream 2 records to the user's table: columns, cells, rows. */
#ifndef GAI_TSV_H
#define GAI_TSV_H

#include <stddef.h>
#include <stdint.h>

#include "gai_buf.h"
#include "gai_error.h"
#include "gai_fields.h"
#include "gai_rec.h"

enum gai_tsv_mode { GAI_TSV_WIDE, GAI_TSV_LONG };

/* What one selected column (or, in --long, one selector) stands for. */
enum gai_tsv_kind {
	GAI_TSV_FIELD,		/* a FIELDS.md key: field is its index */
	GAI_TSV_EXTRA,		/* a literal warn./check./prose. key */
	GAI_TSV_GLOB,		/* --long only: a glob tried on other keys */
	GAI_TSV_ORG_KEY,	/* meta.org folded (gai_org_fold): --wide */
	/* The status columns of --wide, in their default order: */
	GAI_TSV_TABLES,		/* how many of the three tables were found */
	GAI_TSV_FIELDS_READ,	/* how many table cells were read */
	GAI_TSV_WARNINGS,	/* how many warn.* records */
	GAI_TSV_CHECKS_FAILED,	/* how many check.* failed */
	GAI_TSV_CHECKS_IDS	/* which, comma-separated */
};

/*
 * The column of the body's name folded, to group a body's reports across
 * years and scripts: after meta.org in --wide.
 */
#define GAI_TSV_ORG_KEY_NAME "meta.org_key"

/* How many status columns there are, and the first's kind. */
#define GAI_TSV_NSTATUS 5
#define GAI_TSV_STATUS0 GAI_TSV_TABLES

struct gai_tsv_col {
	enum gai_tsv_kind kind;
	long field;		/* GAI_TSV_FIELD: index into gai_fields */
	const char *key;	/* the key, pattern or pseudo-key name */
};

/* The columns the user asked for, in the user's order, built once. */
struct gai_tsv_sel {
	enum gai_tsv_mode mode;
	int all;		/* --long without -k: every record */
	struct gai_tsv_col *cols;
	size_t ncols, capcols;
	long *fieldpos;		/* FIELDS index -> position in cols, or -1 */
	size_t nfields;
	size_t *extras;		/* positions of EXTRA and GLOB columns */
	size_t nextras;
	unsigned status;	/* bit k: status column STATUS0 + k selected */
	int org_key;		/* the meta.org_key column is there */
	char *copy;		/* the key list, split in place */
};

/*
 * The status columns' names (GAI_TSV_NSTATUS of them, in kind order) and
 * their headings under --labels=zh.
 */
extern const char *const gai_tsv_status_keys[];
extern const char *const gai_tsv_status_zh[];

/*
 * Build the selection from a comma-separated list of keys and globs
 * (fnmatch(3) without flags, so '*' spans dots), or list NULL for the
 * default: in --wide every FIELDS.md key then the status columns, in
 * --long every record.  Returns 0, GAI_E_NOMEM, or GAI_E_USAGE with a
 * message in err naming the bad key and its near matches.  Free with
 * gai_tsv_sel_free.
 */
int gai_tsv_sel_init(struct gai_tsv_sel *s, enum gai_tsv_mode mode,
    const char *list, struct gai_error *err);
void gai_tsv_sel_free(struct gai_tsv_sel *s);

/*
 * The keys nearest to a key that matched nothing, ", "-joined into out:
 * small edit distance first, else keys sharing the longest dotted prefix.
 * At most max of them; out is left empty when there is nothing close.
 */
int gai_tsv_near(struct gai_buf *out, const char *pattern, size_t max);

/* Output format of a cell and a line end. */
enum gai_tsv_fmt {
	GAI_TSV_TSV,		/* DESIGN.md escapes \t \n \r \\, LF */
	GAI_TSV_CSV,		/* RFC 4180 quoting, CRLF */
	GAI_TSV_JSONL		/* a JSON object a line (gai_tsv_json.c) */
};

/* Append a cell (sep first unless first) / a line end to b. */
int gai_tsv_cell(struct gai_buf *b, enum gai_tsv_fmt fmt, int first,
    const char *s);
int gai_tsv_eol(struct gai_buf *b, enum gai_tsv_fmt fmt);

/* Scratch for one document, reused for the whole stream. */
struct gai_tsv_work {
	const char **byfield;	/* FIELDS index -> value (first record) */
	size_t nfields;
	long hint;		/* last FIELDS index seen: keys come in order */
	const char **bycol;	/* --wide: column -> value */
	size_t ncols;
	long tables;		/* GAI_T_* bits of the tables with a field */
	long nread, nwarn, nchecks, nfailed;
	int unreadable;		/* warn.unreadable or warn.cut: not read whole */
	struct gai_buf ids;	/* failing rule ids */
	struct gai_buf org_key;	/* the meta.org_key cell */
	char count[GAI_TSV_NSTATUS][24];
	uint64_t *order;	/* --long: rank << 32 | record, sorted */
	size_t ordercap;
};

int gai_tsv_work_init(struct gai_tsv_work *w, const struct gai_tsv_sel *s);
void gai_tsv_work_free(struct gai_tsv_work *w);

/*
 * Index the document's records: byfield, the status counts, and bycol for
 * --wide.
 */
int gai_tsv_work_load(struct gai_tsv_work *w, const struct gai_tsv_sel *s,
    const struct gai_recset *set);

/* Append the header line: keys, or with zh the report's labels. */
int gai_tsv_header(struct gai_buf *b, const struct gai_tsv_sel *s,
    enum gai_tsv_fmt fmt, int zh);

/* The record gai-extract writes for a document that had no text. */
#define GAI_TSV_UNREADABLE_KEY "warn.unreadable"
#define GAI_TSV_CUT_KEY "warn.cut"

/*
 * The loaded document's cell in column col of --wide, or NULL when it has
 * none (a field not read, checks columns of an unchecked document).  A
 * status column's count lives in w until the next call for that column.
 */
const char *gai_tsv_value(struct gai_tsv_work *w, const struct gai_tsv_sel *s,
    size_t col);

/* Append the document's row (--wide) or its records (--long). */
int gai_tsv_row(struct gai_buf *b, const struct gai_tsv_sel *s,
    struct gai_tsv_work *w, const struct gai_recset *set,
    enum gai_tsv_fmt fmt, int zh);

/*
 * Append the document's table as the report prints it: a line naming the
 * document, the column headings, then a row per template row with the row
 * labels in the first cells.  w must have been loaded with the document.
 * The active table follows the edition of meta.edition, or of the keys
 * present when that is missing.
 */
int gai_tsv_table(struct gai_buf *b, enum gai_table t,
    const struct gai_tsv_work *w, const struct gai_recset *set,
    enum gai_tsv_fmt fmt);

/*
 * JSON Lines.  A string, quoted and escaped, invalid UTF-8 as U+FFFD; a
 * record as {"doc","key","value"}; the document's --wide row as one flat
 * object: "doc", then each column (dotted names kept as they are), a
 * value not read null, counts and amounts as numbers, and when a checks
 * column is selected "checks": {rule: value} (null when unchecked).
 */
int gai_tsv_json_string(struct gai_buf *b, const char *s);
int gai_tsv_json_record(struct gai_buf *b, const char *doc, const char *key,
    const char *val);
int gai_tsv_json_row(struct gai_buf *b, const struct gai_tsv_sel *s,
    struct gai_tsv_work *w, const struct gai_recset *set);

/* The label of key in edition ed (GAI_ED_* bit), or "". */
const char *gai_tsv_label(const char *key, unsigned ed);

/* How many of the three tables the loaded document has a field of. */
int gai_tsv_ntables(const struct gai_tsv_work *w);

/* The document's edition: GAI_ED_2019 or GAI_ED_2021. */
unsigned gai_tsv_edition(const struct gai_tsv_work *w);

#endif
