/* SPDX-License-Identifier: MIT */
/* gai_extract: the report's three tables and meta.* read from stream 1 text. */
#ifndef GAI_EXTRACT_H
#define GAI_EXTRACT_H

#include <stddef.h>

#include "gai_buf.h"
#include "gai_error.h"

struct gai_extract;

/* One output record of a document, in stream 2 order. */
struct gai_extract_rec {
	const char *key;
	const char *value;
	long line;		/* stream line the value came from, 0 if none */
	const char *cell;	/* the cell text it was read from, or NULL */
	size_t cell_len;
	const char *how;	/* how it was read when that was a choice
				 * (digits run together), or NULL */
};

/*
 * A new extractor: the table descriptions compiled once (PCRE2, JIT).
 * NULL with err filled when a pattern does not compile or memory runs out.
 * The extractor owns every buffer it uses; free it with gai_extract_free.
 */
struct gai_extract *gai_extract_new(struct gai_error *err);
void gai_extract_free(struct gai_extract *x);

/*
 * Read one document: text[0..len) is its stream 1 text, first_line the
 * stream line number of its first line.  Returns GAI_OK, GAI_EOF when the
 * document holds no report table (a warn.no_tables record is made), or
 * GAI_E_NOMEM.  The records stay valid until the next call, and while
 * text does: their cells may point into it.
 */
int gai_extract_doc(struct gai_extract *x, const char *text, size_t len,
    long first_line, struct gai_error *err);

/*
 * The same for text that may not be stream 1 (a raw page): GAI_E_ENCODING,
 * and nothing read, when gai_normalize_is_stream1(text, len, 0) would say
 * it is not; its UTF-8 and NUL checks are made in the pass over the text
 * the extraction makes anyway.
 */
int gai_extract_stream1(struct gai_extract *x, const char *text, size_t len,
    long first_line, struct gai_error *err);

/*
 * gai_extract_stream1 for text the caller gives up to it: stream 1 that
 * is not folded yet (text that skipped gai-normalize) is folded where it
 * is, text->len shrinking, not into a copy beside it (the document held
 * twice: a peak of 3 times its size, not 2).  Left as it was when
 * GAI_E_ENCODING.
 */
int gai_extract_stream1_buf(struct gai_extract *x, struct gai_buf *text,
    long first_line, struct gai_error *err);

/* The number of records the last document gave, and the i-th of them. */
size_t gai_extract_count(const struct gai_extract *x);
const struct gai_extract_rec *gai_extract_at(const struct gai_extract *x,
    size_t i);

#endif
