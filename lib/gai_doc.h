/* SPDX-License-Identifier: MIT */
/* gai_doc: stream 1 read back as documents, split at the form-feed headers. */
#ifndef GAI_DOC_H
#define GAI_DOC_H

#include <stdio.h>

#include "gai_buf.h"
#include "gai_error.h"

struct gai_doc_reader {
	FILE *fp;
	const char *operand;	/* names a stream that has no header */
	long line;		/* lines read so far, headers included */
	char *raw;
	size_t rawcap;
	const char *prefix;	/* bytes read ahead (to sniff), served first */
	size_t prefixlen;
	struct gai_buf partial;	/* the line the prefix ends inside */
	struct gai_buf next_name; /* header already read for the next document */
	int have_next;
	int started;
	int single;		/* no header first: all of it is one document */
};

void gai_doc_reader_init(struct gai_doc_reader *r, FILE *fp,
    const char *operand);

/*
 * The same, for a stream whose first n bytes the caller has already read
 * from fp (to sniff them): they are read first.  prefix must stay valid
 * while the reader is used.
 */
void gai_doc_reader_init_prefixed(struct gai_doc_reader *r, FILE *fp,
    const char *operand, const char *prefix, size_t n);
void gai_doc_reader_free(struct gai_doc_reader *r);

/*
 * Read the next document: its name into name, its text (lines, each ending
 * in LF) into text, and the stream line number of its first text line into
 * *first_line.  A stream whose first line is not a header is one
 * document, form feeds and all, as DESIGN.md says.  GAI_OK, GAI_EOF, or
 * GAI_E_IO.
 */
int gai_doc_read(struct gai_doc_reader *r, struct gai_buf *name,
    struct gai_buf *text, long *first_line, struct gai_error *err);

#endif
