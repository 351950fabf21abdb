/* SPDX-License-Identifier: MIT */
/* gai_rec: stream 2, the doc<TAB>key<TAB>value records between the tools. */
#ifndef GAI_REC_H
#define GAI_REC_H

#include <stdio.h>

#include "gai_buf.h"
#include "gai_error.h"

/* One record; the strings belong to the reader and live until its next call. */
struct gai_rec {
	const char *doc;
	const char *key;
	const char *value;
};

struct gai_rec_reader {
	FILE *fp;
	const char *name;	/* for messages: the FILE operand */
	long line;
	char *raw;		/* getline's buffer */
	size_t rawcap;
	struct gai_buf doc, key, value;
	struct gai_buf rawdoc;	/* the name as escaped on the line read last */
	int pending;		/* the last record read starts the next document */
	int partial;		/* an error interrupted the document being read */
	int flagged;		/* the last record read was kept but is flawed */
	struct gai_error flaw;	/* what is wrong with it */
};

/* Read records from fp; name is used in messages.  Never fails. */
void gai_rec_reader_init(struct gai_rec_reader *r, FILE *fp, const char *name);
void gai_rec_reader_free(struct gai_rec_reader *r);

/*
 * Next record: GAI_OK, GAI_EOF, GAI_E_IO, or GAI_E_FORMAT for a line that is
 * not three TAB-separated fields (err says which line; call again to go on).
 * A record whose fields are not valid UTF-8 or end in a lone backslash is
 * read as it is, GAI_OK, with r->flagged set and r->flaw saying what.
 */
int gai_rec_next(struct gai_rec_reader *r, struct gai_rec *rec,
    struct gai_error *err);

/* All records of one document, in stream order. */
struct gai_recset {
	struct gai_buf doc;
	size_t n, cap;
	struct gai_recset_item { size_t key, value; } *items;
	struct gai_buf arena;	/* keys and values, NUL-separated */
};

#define GAI_RECSET_INIT { GAI_BUF_INIT, 0, 0, NULL, GAI_BUF_INIT }

/*
 * Read the next document's records into set: GAI_OK, GAI_EOF, or an error
 * from gai_rec_next (the set keeps what it had; call again to go on).  A
 * flawed record is kept in the set and then reported as GAI_E_FORMAT, the
 * same way: the caller says so and calls again.
 */
int gai_recset_read(struct gai_rec_reader *r, struct gai_recset *set,
    struct gai_error *err);
void gai_recset_clear(struct gai_recset *set, const char *doc);
int gai_recset_add(struct gai_recset *set, const char *key, const char *value);
void gai_recset_free(struct gai_recset *set);

static inline const char *
gai_recset_key(const struct gai_recset *set, size_t i)
{
	return set->arena.data + set->items[i].key;
}

static inline const char *
gai_recset_value(const struct gai_recset *set, size_t i)
{
	return set->arena.data + set->items[i].value;
}

/* The value of the first record with this key, or NULL. */
const char *gai_recset_get(const struct gai_recset *set, const char *key);

/*
 * A document's records gathered for one write: the name is escaped once,
 * in begin; add appends a record with the value escaped (TAB, LF, CR and
 * backslash).  0 or GAI_E_NOMEM.
 */
struct gai_rec_out {
	struct gai_buf lead;	/* the escaped name and its TAB */
	struct gai_buf buf;	/* the records so far */
};

#define GAI_REC_OUT_INIT { GAI_BUF_INIT, GAI_BUF_INIT }

int gai_rec_out_begin(struct gai_rec_out *o, const char *doc);
int gai_rec_out_add(struct gai_rec_out *o, const char *key,
    const char *value);
void gai_rec_out_free(struct gai_rec_out *o);

/* Append s to b with the stream's escapes. */
int gai_rec_escape(struct gai_buf *b, const char *s, size_t n);
/* Undo the escapes of s[0..n) into b. */
int gai_rec_unescape(struct gai_buf *b, const char *s, size_t n);

#endif
