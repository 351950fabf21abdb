/* SPDX-License-Identifier: MIT */
/* gai_normalize: one crawled page, any encoding, HTML or text, to stream 1. */
#ifndef GAI_NORMALIZE_H
#define GAI_NORMALIZE_H

#include <stddef.h>

#include "gai_buf.h"
#include "gai_encoding.h"
#include "gai_error.h"
#include "gai_html.h"
#include "gai_text.h"

/* State kept for the life of the process, so buffers are reused. */
struct gai_normalizer {
	struct gai_buf out;	/* folded text waiting to be written */
	struct gai_buf scratch;	/* a chunk with its NUL bytes taken out */
	struct gai_fold fold;
	struct gai_detector detector;
	struct gai_html *html;	/* the document's parser, NULL for text */
	gai_utf8_sink write;
	void *write_ctx;
	char last;		/* the last byte written, to end with LF */
	enum gai_html_parser parser;	/* which reads HTML markup */
	/* NULL, or where an HTML page's line map goes (gai_html_lines;
	 * cleared for each document, left empty for text) */
	struct gai_html_lines *lines;
	/*
	 * Set by the caller before a document (cleared after it): 1 when
	 * its bytes are the start of a longer one, cut at a size limit.  A character the cut
	 * went through is left out (in UTF-8, UTF-16, GB18030, Big5), and
	 * the text ends at its last line end: the line the limit went
	 * through (a table row, a paragraph of an HTML page cut inside it:
	 * any line the end of the input closes) is dropped, unless it is
	 * all the text, so no cell is read short.
	 */
	int cut;
	size_t held;		/* a cut text: bytes at out's start without LF */
	int wrote;		/* a cut text: some of it went to write */
	int closing;		/* a cut text: its input ended, nothing more */
};

#define GAI_NORMALIZER_INIT { GAI_BUF_INIT, GAI_BUF_INIT, { 0, 0 }, \
	GAI_DETECTOR_INIT, NULL, NULL, NULL, '\n', GAI_HTML_OWN, NULL, 0, 0, \
	0, 0 }

/* What the caller may want to tell the user about a document. */
struct gai_norm_result {
	struct gai_encoding enc;
	struct gai_decode_stats decode;
	size_t nuls;		/* NUL bytes dropped */
	int html;		/* 1 when read as HTML */
	int unlike_libxml2;	/* gai_html_unlike_libxml2: the parsers differ */
};

/*
 * Normalize the document bytes[0..n) and hand the stream 1 text (without
 * the name header; ending in LF unless empty) to write in chunks.  forced
 * may name the encoding.  Undecodable bytes and NULs are not errors: they
 * are counted in res.  0, what write returned, or a GAI_E_* code.
 */
int gai_normalize(struct gai_normalizer *nz, const char *bytes, size_t n,
    const char *forced, gai_utf8_sink write, void *ctx,
    struct gai_norm_result *res, struct gai_error *err);

/*
 * The same for a document whose transport declared a charset (NULL or ""
 * for none): checked against the bytes like a meta charset
 * (gai_encoding_detect_declared).
 */
int gai_normalize_declared(struct gai_normalizer *nz, const char *bytes,
    size_t n, const char *forced, const char *declared, gai_utf8_sink write,
    void *ctx, struct gai_norm_result *res, struct gai_error *err);

/*
 * The same for a document that is the first n bytes of page, which is
 * taken apart as it is decoded: the bytes decoded are given back from
 * page's front, so that the page and its text are never both held whole
 * (a page in GB18030 or Big5 becomes more bytes of UTF-8).  page is freed,
 * whatever the outcome.
 */
int gai_normalize_page(struct gai_normalizer *nz, struct gai_buf *page,
    size_t n, const char *forced, const char *declared, gai_utf8_sink write,
    void *ctx, struct gai_norm_result *res, struct gai_error *err);

void gai_normalizer_free(struct gai_normalizer *nz);

/*
 * 1 when bytes, the start of a stream, are already stream 1 (valid UTF-8
 * text, not HTML, no BOM, no NUL), so a reader of stream 1 can take raw
 * pages too.  more says the stream goes on: a character cut at the end is
 * then no fault.
 */
int gai_normalize_is_stream1(const char *bytes, size_t n, int more);

/*
 * The checks of gai_normalize_is_stream1 other than UTF-8 and NUL bytes,
 * for a reader that makes those in a pass over the text of its own: 1
 * when valid UTF-8 bytes without NUL start with no BOM and are not HTML.
 */
int gai_normalize_stream1_head(const char *bytes, size_t n);

#endif
