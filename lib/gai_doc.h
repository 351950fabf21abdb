/* SPDX-License-Identifier: MIT */
/* gai_doc: stream 1 read back as documents, split at the form-feed headers. */
#ifndef GAI_DOC_H
#define GAI_DOC_H

#include <stdio.h>

#include "gai_buf.h"
#include "gai_error.h"

/* A document's size limit unless the user says otherwise: 64 MiB. */
#define GAI_DOC_MAX_DEFAULT ((size_t)64 << 20)

struct gai_doc_reader {
	FILE *fp;
	const char *operand;	/* names a stream that has no header */
	size_t max;		/* bytes a document may have; 0 no limit */
	size_t chunk;		/* bytes per read: small only in unit tests */
	long line;		/* lines of the operand read so far */
	struct gai_buf carry;	/* bytes read past the last document, */
	size_t carry_at;	/* from here: what is before is handed out */
	int mode;		/* not yet known, headers, or one document */
	int eof;		/* fp has nothing more */
	int done;		/* every document handed out */
};

/* One document as read: the buffers are reused from one call to the next. */
struct gai_doc {
	struct gai_buf name;	/* unescaped */
	struct gai_buf text;	/* its bytes as read, each line ending in LF
				 * (a page in UTF-16, by its BOM, as read) */
	struct gai_buf unreadable; /* the header's reason; empty if none */
	struct gai_buf cut_reason; /* the header's "cut:" reason (cut
				 * upstream); empty if none */
	long first_line;	/* line of the operand its text starts on */
	int header;		/* it came with a header (not the whole operand) */
	int odd_attr;		/* its header had an attribute not understood */
	int cut;		/* longer than max: text is its first lines */
	size_t size;		/* its bytes (at least, when cut) */
};

#define GAI_DOC_INIT { GAI_BUF_INIT, GAI_BUF_INIT, GAI_BUF_INIT, GAI_BUF_INIT, \
	0, 0, 0, 0, 0 }

/*
 * Read the operand fp (named operand) as documents of at most max bytes
 * (0: no limit).  Nothing is read until gai_doc_read.
 */
void gai_doc_reader_init(struct gai_doc_reader *r, FILE *fp,
    const char *operand, size_t max);
void gai_doc_reader_free(struct gai_doc_reader *r);

/* After gai_doc_read: 0 when the document it gave was the operand's last. */
int gai_doc_reader_more(const struct gai_doc_reader *r);
void gai_doc_free(struct gai_doc *d);

/*
 * Read the next document into d.  An operand whose first byte is a form
 * feed is a stream of documents, each starting at a header line (a form
 * feed at the start of a line, the escaped name, optionally a TAB and
 * "unreadable: REASON" or "cut: REASON"); any other operand is one
 * document named after it,
 * form feeds and all, as DESIGN.md says.  An empty operand is one empty
 * document, except standard input ("-"), which then holds none.
 *
 * A document longer than max is cut at its last line end within max (at max
 * if it has none) and d->cut set; the rest of it is skipped, up to the next
 * header, or not read at all when it is the whole operand (it may never end).
 * Memory is the largest document, up to max, plus a read chunk.
 * GAI_OK, GAI_EOF, or GAI_E_IO/GAI_E_NOMEM.
 */
int gai_doc_read(struct gai_doc_reader *r, struct gai_doc *d,
    struct gai_error *err);

/*
 * How many of a document's first bytes s[0..max] to keep when it is larger
 * than max: up to its last line end within max, or, if it has none, max
 * less a UTF-8 character cut there when the bytes before are UTF-8 (a page
 * in another encoding is cut whole by gai_normalize).  A page that starts
 * with a UTF-16 byte-order mark ends a line with an LF unit (0A 00 in LE),
 * not with a byte 0A: it is cut after the last such unit, else at max.
 */
size_t gai_doc_cut_at(const char *s, size_t max);

/*
 * Why a document was cut, for a header's "cut:" mark, a warn.cut record
 * and the diagnostic: larger than max bytes, kept bytes of it read, of
 * at least size.
 */
void gai_doc_cut_reason(char *buf, size_t bufsize, size_t max, size_t kept,
    size_t size);

/* What a header says of its document besides the name. */
enum gai_doc_mark {
	GAI_DOC_WHOLE,
	GAI_DOC_UNREADABLE,	/* no text: TAB "unreadable: " REASON */
	GAI_DOC_CUT		/* the text is its start: TAB "cut: " REASON */
};

/*
 * A header line for name into b (appended): "\f" NAME, then for a mark
 * other than GAI_DOC_WHOLE a TAB, the mark's word, ": " and reason, then
 * LF; NAME and REASON escaped as stream 2 fields are.  0 or GAI_E_NOMEM.
 */
int gai_doc_header(struct gai_buf *b, const char *name,
    enum gai_doc_mark mark, const char *reason);

#endif
