/* SPDX-License-Identifier: MIT */
/*
 * gai_source: one operand (a path, or "-" for standard input) read as the
 * documents it holds, whatever a crawl stored: a page, a compressed page,
 * a WARC file, a tar or zip archive of pages, a PDF, a DOCX.  What a file is
 * comes from its first bytes, never from its name.
 */
#ifndef GAI_SOURCE_H
#define GAI_SOURCE_H

#include <stddef.h>
#include <sys/types.h>

#include "gai_buf.h"
#include "gai_error.h"

struct gai_source;

struct gai_source_opts {
	const char *name;	/* names the operand's documents; NULL: the path */
	size_t max_size;	/* a larger document is cut; 0: no limit */
	/* 1: a member of an archive that is saved stream 1 (its first byte
	 * a form feed) is handed out unread, for gai_source_read (stream1) */
	int stream1;
};

/*
 * One document.  Everything points into the source and stays valid until
 * the next gai_source_next or gai_source_close.
 */
struct gai_source_doc {
	const char *name;	/* "-", a path, "archive:member", a WARC URI */
	const char *bytes;	/* the page (HTML or text) to normalize */
	size_t len;
	/*
	 * A charset declared by the transport (an HTTP Content-Type, or
	 * "UTF-8" for text this module made from a PDF or DOCX), "" if none:
	 * one more declaration, checked against the bytes like a meta charset.
	 */
	const char *charset;
	/* NULL, or why the document has no text: "PNG image", "read error: ..." */
	const char *unreadable;
	/*
	 * 1 when the document is larger than max_size: bytes holds its lines
	 * within the limit (cut as gai_doc_cut_at cuts stream 1), the rest is
	 * not read, and size is its length as far as it was read (it is at
	 * least that long).  A PDF or DOCX file cannot be cut: it is
	 * unreadable then, naming the limit.
	 */
	int cut;
	size_t size;
	/*
	 * 1 when the document is an archive member that is saved stream 1,
	 * asked for with opts.stream1: bytes holds nothing; its bytes, any
	 * number of documents of any size, are read with gai_source_read up
	 * to its end (no limit here), before the next gai_source_next.
	 */
	int stream1;
	/*
	 * NULL, or the source's buffer that bytes start (bytes is its data):
	 * the caller may take it apart as it reads the bytes
	 * (gai_normalize_page), and free it; nothing more is read into it
	 * for this document.
	 */
	struct gai_buf *page;
};

/*
 * Open path ("-": standard input, which is not closed).  GAI_E_IO with
 * err->errnum when it cannot be opened (the caller names the operand),
 * GAI_E_NOMEM.  Nothing is read yet.
 */
int gai_source_open(struct gai_source **sp, const char *path,
    const struct gai_source_opts *opts, struct gai_error *err);

/*
 * The next document: GAI_OK, or GAI_EOF when the operand holds no more.  A
 * document that cannot be read (binary, corrupt, a read error) is GAI_OK
 * with doc->unreadable set, one too large GAI_OK with doc->cut set, and the others go on when they can;
 * after a read error the next call gives GAI_EOF.  GAI_E_NOMEM otherwise.
 */
int gai_source_next(struct gai_source *s, struct gai_source_doc *doc,
    struct gai_error *err);

/*
 * Before the first gai_source_next: 1 when the operand is text (a page,
 * or stream 1), or one compressed stream of text, which a caller may
 * rather read as a stream with gai_source_read than as one document; 0
 * when it is an archive, a WARC, PDF or DOCX file (compressed or not),
 * binary, or cannot be read (gai_source_next then says why).
 * GAI_E_NOMEM.
 */
int gai_source_is_text(struct gai_source *s, struct gai_error *err);

/*
 * Read up to n bytes of a text operand (after gai_source_is_text, instead
 * of gai_source_next), decompressed: the bytes read to tell the format
 * first; or of a document handed out with doc->stream1.  As read(2): the
 * count, 0 at the end, -1 with errno (EIO for data that does not
 * decompress).
 */
ssize_t gai_source_read(struct gai_source *s, char *buf, size_t n);

/* After gai_source_read failed: what went wrong ("truncated gzip input"). */
const char *gai_source_error(const struct gai_source *s);

/*
 * After GAI_EOF: how many records were passed over (WARC requests,
 * metadata, revisits, non-2xx responses, payloads that are not pages) and
 * which, as one message in buf ("" when none).  The count, 0 when none.
 */
size_t gai_source_skipped(const struct gai_source *s, char *buf,
    size_t size);

void gai_source_close(struct gai_source *s);

/* The formats this build reads, for --version: "gzip, xz, ..., pdf, docx". */
const char *gai_source_formats(void);

#endif
