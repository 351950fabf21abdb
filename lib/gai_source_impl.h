/* SPDX-License-Identifier: MIT */
/* gai_source_impl: what gai_source.c shares with its per-format files. */
#ifndef GAI_SOURCE_IMPL_H
#define GAI_SOURCE_IMPL_H

#include <stddef.h>
#include <sys/types.h>

#include "gai_buf.h"
#include "gai_error.h"

struct archive;

/*
 * A buffered byte stream: a file descriptor, or the data of a libarchive
 * reader (a decompressed stream).  The first bytes are read ahead to tell
 * the format and then read again, so nothing is read twice from the fd.
 */
struct gai_src_in {
	int fd;			/* read(2) from here, unless ar is set */
	struct archive *ar;
	struct gai_buf b;	/* bytes read, b.data[off..b.len) not taken */
	size_t off;
	int eof;
	int errnum;		/* after a read error: its errno */
	int fatal;		/* after a read error: ar can give no more */
	char why[160];		/* after a read error: what went wrong */
};

/* Have at least want bytes buffered, or all that is left.  0 or -1 (why). */
int gai_src_fill(struct gai_src_in *in, size_t want);

static inline size_t
gai_src_avail(const struct gai_src_in *in)
{
	return in->b.len - in->off;
}

static inline const char *
gai_src_peek(const struct gai_src_in *in)
{
	return in->b.data + in->off;
}

/*
 * The next line (LF included when there is one) into *line, pointing into
 * the buffer until the next call; its length, 0 at the end, -1 on a read
 * error or a line longer than max.
 */
ssize_t gai_src_line(struct gai_src_in *in, size_t max, const char **line);

/* Move n bytes to out (when not NULL; else pass over them).  0 or -1. */
int gai_src_take(struct gai_src_in *in, size_t n, struct gai_buf *out);

/* WARC records (gai_warc.c) */

enum gai_warc_type {
	GAI_WARC_WARCINFO, GAI_WARC_RESPONSE, GAI_WARC_RESOURCE,
	GAI_WARC_REQUEST, GAI_WARC_METADATA, GAI_WARC_REVISIT,
	GAI_WARC_CONVERSION, GAI_WARC_CONTINUATION, GAI_WARC_OTHER,
	GAI_WARC_NTYPES
};

/* "warcinfo", "response", ...: for messages. */
extern const char *const gai_warc_type_names[GAI_WARC_NTYPES];

struct gai_warc_rec {
	enum gai_warc_type type;
	char uri[4096];		/* WARC-Target-URI, "" if none */
	char content_type[256];	/* of the block */
	size_t length;		/* Content-Length of the block */
};

/* 1 when bytes start a WARC file. */
int gai_warc_sniff(const char *bytes, size_t n);

/*
 * Read the next record's header: GAI_OK, GAI_EOF at the end of the file,
 * or GAI_E_FORMAT with why.  Its block (rec->length bytes) comes next on
 * in, then gai_warc_end.
 */
int gai_warc_header(struct gai_src_in *in, struct gai_warc_rec *rec,
    char *why, size_t whysize);

/* Pass over the CRLF CRLF that ends a record after its block; 0 or -1. */
int gai_warc_end(struct gai_src_in *in);

/* What an HTTP response in a WARC block says about its payload. */
struct gai_http {
	int status;
	char content_type[256];
	int cut;		/* the payload inflated past max: its first
				 * max bytes (and a little more) are kept */
};

/*
 * Parse the HTTP response block[0..n): status and headers into h, and
 * *body the payload, chunks joined and gzip or deflate undone (inflated
 * no further than max bytes when max is not 0: h->cut then says it was
 * longer): it points into block, out or tmp.
 * GAI_OK, GAI_E_FORMAT with why, GAI_E_NOMEM.
 */
int gai_http_parse(const char *block, size_t n, size_t max, struct gai_http *h,
    const char **body, size_t *bodylen, struct gai_buf *out,
    struct gai_buf *tmp, char *why, size_t whysize);

/* The charset parameter of a Content-Type value into out ("" if none). */
void gai_http_charset(const char *content_type, char *out, size_t size);

/*
 * 1 when a Content-Type names something read here as a document: a page
 * (HTML, XHTML, plain text), or none at all (the bytes will tell).
 */
int gai_http_is_page(const char *content_type);

#endif
