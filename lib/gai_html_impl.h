/* SPDX-License-Identifier: MIT */
/*
 * gai_html_impl: what gai_html.c (the lines) shares with the two parsers
 * that drive it, libxml2 and gai_html_tok.c, and with the generator of the
 * tag table, lib/gai_html_gen.c.
 */
#ifndef GAI_HTML_IMPL_H
#define GAI_HTML_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "gai_error.h"

struct gai_html;

/* What an element does to the lines. */
enum gai_html_kind {
	K_INLINE,		/* unknown elements too: never split text */
	K_BLOCK,		/* ends the line; a space inside a cell */
	K_SKIP,			/* gives no text */
	K_HEAD,
	K_TITLE,
	K_PRE,
	K_TABLE,
	K_ROW,
	K_CELL
};

/* The elements that are not K_INLINE, by name (lower case, sorted). */
#define GAI_HTML_KINDS(X) \
	X(address, K_BLOCK) X(article, K_BLOCK) X(aside, K_BLOCK) \
	X(blockquote, K_BLOCK) X(body, K_BLOCK) X(br, K_BLOCK) \
	X(caption, K_BLOCK) X(center, K_BLOCK) X(dd, K_BLOCK) \
	X(details, K_BLOCK) X(dialog, K_BLOCK) X(dir, K_BLOCK) \
	X(div, K_BLOCK) X(dl, K_BLOCK) X(dt, K_BLOCK) \
	X(fieldset, K_BLOCK) X(figcaption, K_BLOCK) X(figure, K_BLOCK) \
	X(footer, K_BLOCK) X(form, K_BLOCK) X(frameset, K_BLOCK) \
	X(h1, K_BLOCK) X(h2, K_BLOCK) X(h3, K_BLOCK) X(h4, K_BLOCK) \
	X(h5, K_BLOCK) X(h6, K_BLOCK) X(head, K_HEAD) X(header, K_BLOCK) \
	X(hgroup, K_BLOCK) X(hr, K_BLOCK) X(html, K_BLOCK) \
	X(iframe, K_SKIP) X(legend, K_BLOCK) X(li, K_BLOCK) \
	X(listing, K_PRE) X(main, K_BLOCK) X(menu, K_BLOCK) \
	X(nav, K_BLOCK) X(noframes, K_SKIP) X(noscript, K_SKIP) \
	X(object, K_SKIP) X(ol, K_BLOCK) X(optgroup, K_BLOCK) \
	X(option, K_BLOCK) X(p, K_BLOCK) X(plaintext, K_PRE) \
	X(pre, K_PRE) X(script, K_SKIP) X(section, K_BLOCK) \
	X(select, K_BLOCK) X(style, K_SKIP) X(summary, K_BLOCK) \
	X(svg, K_SKIP) X(table, K_TABLE) X(tbody, K_BLOCK) \
	X(td, K_CELL) X(template, K_SKIP) X(textarea, K_BLOCK) \
	X(tfoot, K_BLOCK) X(th, K_CELL) X(thead, K_BLOCK) \
	X(title, K_TITLE) X(tr, K_ROW) X(ul, K_BLOCK) \
	X(xml, K_SKIP) X(xmp, K_PRE)

/*
 * The hash of a lower-case tag name for the generated perfect hash table
 * (FNV-1a from a seed the generator chose so that no two names collide).
 */
static inline uint32_t
gai_html_tag_hash(const char *s, size_t n, uint32_t seed)
{
	uint32_t h = seed;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h ^ h >> 15;
}

/* The element's kind, from the generated table: s is lower case. */
enum gai_html_kind gai_html_tag_kind(const char *s, size_t n);

/* The events both parsers deliver to gai_html.c. */
void gai_html_on_start(struct gai_html *h, enum gai_html_kind k);
void gai_html_on_end(struct gai_html *h, enum gai_html_kind k);
void gai_html_on_text(struct gai_html *h, const char *s, size_t n);
/* 1 once a handler failed (out of memory): stop feeding events. */
int gai_html_failed(const struct gai_html *h);
/* 1 when the lines are tracked: then the parser says, before each text
 * event, on which line of the page the text starts. */
int gai_html_tracks_lines(const struct gai_html *h);
void gai_html_at_line(struct gai_html *h, unsigned long line);

/* gai_html_tok.c: the tokenizer and tree rules, reporting to h. */
struct gai_html_tok;
struct gai_html_tok *gai_html_tok_new(struct gai_html *h);
int gai_html_tok_feed(struct gai_html_tok *t, const char *s, size_t n,
    int final);
/* 1 once it read a construct libxml2 2.9 reads wrong (gai_html.h). */
int gai_html_tok_unlike_libxml2(const struct gai_html_tok *t);
void gai_html_tok_free(struct gai_html_tok *t);

#endif
