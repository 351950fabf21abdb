/* SPDX-License-Identifier: MIT */
/* gai_html: an HTML page, already decoded to UTF-8, to stream 1 lines. */
#ifndef GAI_HTML_H
#define GAI_HTML_H

#include <stddef.h>
#include <stdint.h>

#include "gai_buf.h"
#include "gai_error.h"

struct gai_html;

/* Which parser reads the markup: both give the same lines. */
enum gai_html_parser {
	GAI_HTML_OWN,		/* gai_html_tok.c: the default, fast */
	GAI_HTML_LIBXML2	/* libxml2's HTML parser: the oracle */
};

/* The characters at the top of a page searched for <html>, <body>, <table>. */
#define GAI_HTML_SNIFF_CHARS 4096

/*
 * 1 when a document looks like HTML, else 0: it starts with a tag (after
 * blanks, comments, an XML declaration), or <html>, <body> or <table> shows
 * in bytes[0..head), which the caller makes its first GAI_HTML_SNIFF_CHARS
 * characters (gai_encoding_head) so that a page in GB18030 is judged as
 * the same page in UTF-8 is.
 */
int gai_html_sniff(const char *bytes, size_t n, size_t head);

/*
 * A parser for one document whose lines are appended to out: the <title>
 * text first, then one line per block, a table row as its cells joined by
 * TAB, text folded as gai_text_fold does.  The caller may write out and
 * clear it between calls (a long line may come in pieces, so that it is
 * not held whole).  NULL when out of memory.
 */
struct gai_html *gai_html_new(struct gai_buf *out,
    enum gai_html_parser parser);

/*
 * fn(ctx) empties out when it has grown past 64 KB during a feed (libxml2
 * may read a long run of text in one go), so that out stays small; what
 * it returns, when not 0, stops the parse and is what the feed returns.
 */
void gai_html_set_drain(struct gai_html *h, int (*fn)(void *ctx), void *ctx);

/*
 * The caller promises what gai_normalize gives: valid UTF-8 in whole
 * characters and no NUL, so the parser need not check each chunk.
 */
void gai_html_trust_input(struct gai_html *h);

/* Feed the next UTF-8 chunk (any split, even inside a tag or character). */
int gai_html_feed(struct gai_html *h, const char *utf8, size_t n,
    struct gai_error *err);

/* The document is complete: flush what is pending. */
int gai_html_end(struct gai_html *h, struct gai_error *err);

/*
 * 1 when gai's own parser read a construct where libxml2 2.9 reads the
 * page wrong (bench/README.md, "Differences from libxml2"): an end tag
 * while no element is open, a </head> libxml2 leaves unread after a
 * misplaced <html> or <body>, a DOCTYPE that a quote holds open past its
 * '>', a start tag whose quotes libxml2's look-ahead pairs otherwise, a
 * processing instruction whose target starts with '.'.
 * The parsers differ there by design.  0 with libxml2.
 */
int gai_html_unlike_libxml2(const struct gai_html *h);

void gai_html_free(struct gai_html *h);

/*
 * Where each line of text came from in the page: v[i] is the line of the
 * page (1 for the first; a line ends at LF, so CR LF counts once) that
 * holds the first text of the (i + 1)-th line written, so that
 * gai-extract --trace can name the line of the HTML source.  Four bytes
 * per line written (a line past 2^32 - 1 is that); the caller owns the map
 * and clears it per document.
 */
struct gai_html_lines {
	uint32_t *v;
	size_t n, cap;
};

#define GAI_HTML_LINES_INIT { NULL, 0, 0 }

/* Record the lines of h's output in map from now on (before any feed). */
void gai_html_track_lines(struct gai_html *h, struct gai_html_lines *map);

void gai_html_lines_free(struct gai_html_lines *map);

#endif
