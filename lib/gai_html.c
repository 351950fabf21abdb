/* SPDX-License-Identifier: MIT */
/* gai_html: an HTML page, already decoded to UTF-8, to stream 1 lines. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "gai_html.h"
#include "gai_html_impl.h"
#include "gai_text.h"

/*
 * libxml2's push parser drives SAX callbacks; no tree is built, so the only
 * copy of the page is libxml2's own input buffer.  The callbacks keep one
 * line under construction: prose between blocks, or the current table row
 * with its cells joined by TAB.  A nested table ends the outer row's line
 * where it starts (see start_table), so one line buffer is enough at any
 * depth and a row's text never waits for anything but its own end.
 */

struct table {
	int row_open;
	int cell_open;
};

struct gai_html {
	struct gai_buf *out;
	htmlParserCtxtPtr ctxt;	/* the libxml2 parser, or NULL */
	struct gai_html_tok *tok;	/* gai's own, or NULL */
	struct gai_buf line;	/* the line being built */
	struct gai_buf scratch;	/* one text callback, folded */
	struct gai_buf in;	/* one chunk, sanitized for libxml2 */
	struct gai_buf pend;	/* carry + next chunk */
	struct gai_buf carry;	/* an incomplete character or end tag */
	struct table *tabs;
	size_t ntab, tabcap;
	int (*drain)(void *);	/* empties out during a feed, or NULL */
	void *drain_ctx;
	struct gai_html_lines *lines;	/* the line map, or NULL */
	unsigned long at_line;	/* the page line the text event starts on */
	unsigned long first;	/* the page line of the line's first text */
	size_t cells;		/* cells started in this line */
	size_t text_end;	/* line length without trailing space */
	int seg_open;		/* a cell of the line takes text */
	int seg_text;		/* the current cell or block has text */
	int line_text;		/* the line has text, not just TABs */
	int pending_space;
	int skip, head, pre, in_title, title_done;
	int lt_pending;		/* a lone "<" waits: "<!" starts junk */
	int bogus;		/* inside "<!...>" junk, up to '>' */
	int trusted;		/* gai_html_trust_input was called */
	int status;		/* first error from a callback */
	char why[200];
};

static void
fail(struct gai_html *h, int code)
{
	if (h->status == 0)
		h->status = code;
	if (h->ctxt != NULL)
		xmlStopParser(h->ctxt);
}

static void
lput(struct gai_html *h, const char *s, size_t n)
{
	if (gai_buf_append(&h->line, s, n) != 0)
		fail(h, GAI_E_NOMEM);
}

static int
in_row(const struct gai_html *h)
{
	return h->ntab > 0 && h->tabs[h->ntab - 1].row_open;
}

/* The page line of the line just written, in the map. */
static int
map_line(struct gai_html_lines *m, unsigned long line)
{
	if (m->n == m->cap) {
		size_t cap = m->cap ? 2 * m->cap : 1024;
		uint32_t *v;

		if (cap > SIZE_MAX / sizeof *v ||
		    (v = realloc(m->v, cap * sizeof *v)) == NULL)
			return GAI_E_NOMEM;
		m->v = v;
		m->cap = cap;
	}
	m->v[m->n++] = line < UINT32_MAX ? (uint32_t)line : UINT32_MAX;
	return 0;
}

/*
 * libxml2 may read much at once (it holds a run of text until the next
 * '<'): out is emptied when it grows, not only between feeds.
 */
#define OUT_DRAIN (64 * 1024)

static void
drain(struct gai_html *h)
{
	int rc;

	if (h->drain != NULL && h->out->len >= OUT_DRAIN && h->status == 0 &&
	    (rc = h->drain(h->drain_ctx)) != 0) {
		snprintf(h->why, sizeof h->why, "the text could not be passed on");
		fail(h, rc);
	}
}

/* Emit the line if it has text: trailing TABs stay, trailing spaces go. */
static void
flush_line(struct gai_html *h)
{
	if (h->line_text && h->status == 0) {
		if (gai_buf_append(h->out, h->line.data, h->text_end) != 0 ||
		    gai_buf_putc(h->out, '\n') != 0 ||
		    (h->lines != NULL && map_line(h->lines, h->first) != 0))
			fail(h, GAI_E_NOMEM);
		drain(h);
	}
	gai_buf_clear(&h->line);
	h->cells = h->text_end = 0;
	h->seg_open = h->seg_text = h->line_text = h->pending_space = 0;
}

static size_t
count_lf(const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	size_t k = 0;

	while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		k++;
		p++;
	}
	return k;
}

/*
 * A line that grows long (a report glued on one line, a page that is one
 * text node) goes to out in pieces, as far as its text goes, so that it is
 * never held twice: here and in out.
 */
#define LINE_SPILL (64 * 1024)

static void
spill(struct gai_html *h)
{
	if (gai_buf_append(h->out, h->line.data, h->text_end) != 0) {
		fail(h, GAI_E_NOMEM);
		return;
	}
	memmove(h->line.data, h->line.data + h->text_end,
	    h->line.len - h->text_end);
	h->line.len -= h->text_end;
	h->line.data[h->line.len] = '\0';
	h->text_end = 0;
	drain(h);
}

/* Start a cell of the current row: a TAB unless it is the line's first. */
static void
open_segment(struct gai_html *h)
{
	if (h->cells > 0) {
		lput(h, "\t", 1);
		h->text_end = h->line.len;
	}
	h->cells++;
	h->seg_open = 1;
	h->seg_text = h->pending_space = 0;
}

static void
block_boundary(struct gai_html *h)
{
	if (in_row(h))
		h->pending_space = 1;
	else
		flush_line(h);
}

/*
 * Append folded text, collapsing white space (kept inside <pre>).  s starts
 * on page line h->at_line; the line ends in it say where its text is.
 */
static void
put_text(struct gai_html *h, const char *s, size_t n)
{
	size_t i = 0, j;
	unsigned long nl = 0;
	int keep = h->pre > 0 && !in_row(h);

	while (i < n) {
		char c = s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f' || c == '\v') {
			nl += c == '\n';
			if (!keep)
				h->pending_space = 1;
			else if (c == '\n' || c == '\r' || c == '\f' ||
			    c == '\v')
				flush_line(h);
			else if (h->seg_text)
				lput(h, &c, 1);
			i++;
			continue;
		}
		for (j = i + 1; j < n; j++) {
			c = s[j];
			if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
			    c == '\f' || c == '\v')
				break;
		}
		if (in_row(h) && !h->seg_open)
			open_segment(h);
		if (h->pending_space && h->seg_text &&
		    h->line.len == h->text_end)
			lput(h, " ", 1);
		h->pending_space = 0;
		if (!h->line_text)
			h->first = h->at_line + nl;
		lput(h, s + i, j - i);
		h->text_end = h->line.len;
		h->seg_text = h->line_text = 1;
		i = j;
	}
	if (h->text_end >= LINE_SPILL && h->status == 0)
		spill(h);
}

/* A "<" that libxml2 passed on as text, once we know it is text. */
static void
settle_lt(struct gai_html *h)
{
	h->bogus = 0;
	if (h->lt_pending) {
		h->lt_pending = 0;
		put_text(h, "<", 1);
	}
}

void
gai_html_on_text(struct gai_html *h, const char *s, size_t n)
{
	const char *gt;

	if (h->status != 0 || n == 0)
		return;
	if (h->skip > 0 || (h->in_title ? h->title_done : h->head > 0))
		return;
	/*
	 * libxml2 2.9 passes "<![if !supportLists]>", "<![endif]>" (Word's
	 * downlevel-revealed conditionals) and a stray "<!DOCTYPE>" on as
	 * the text "<" followed by the rest; browsers drop them as bogus
	 * comments, and so do we.
	 */
	if (h->lt_pending) {
		h->lt_pending = 0;
		if (s[0] == '!')
			h->bogus = 1;
		else
			put_text(h, "<", 1);
	}
	if (h->bogus) {
		if ((gt = memchr(s, '>', n)) == NULL)
			return;
		h->bogus = 0;
		if (h->lines != NULL)
			h->at_line += count_lf(s, (size_t)(gt - s));
		n -= (size_t)(gt + 1 - s);
		s = gt + 1;
		if (n == 0)
			return;
	}
	if (n == 1 && s[0] == '<') {
		h->lt_pending = 1;
		return;
	}
	gai_buf_clear(&h->scratch);
	{
		struct gai_fold fs = { 0, 0 };

		if (gai_text_fold(&fs, &h->scratch, s, n) != 0 ||
		    gai_text_fold_end(&fs, &h->scratch) != 0) {
			fail(h, GAI_E_NOMEM);
			return;
		}
	}
	put_text(h, h->scratch.data, h->scratch.len);
}

/*
 * The page line libxml2's text s[0..n) starts on.  libxml2 has read past s
 * when it hands it on, except when s fills its buffer: then it is still on
 * s's last character, and an LF there is not counted yet.
 */
static unsigned long
libxml2_line(const struct gai_html *h, const char *s, size_t n)
{
	const xmlParserInput *in = h->ctxt->input;
	unsigned long line = in->line > 0 ? (unsigned long)in->line : 1;
	size_t nl = count_lf(s, n);

	if (s[n - 1] == '\n' && in->cur < in->end && *in->cur == '\n')
		nl--;
	return line > nl ? line - nl : 1;
}

static void
on_text(void *ctx, const xmlChar *s, int len)
{
	struct gai_html *h = ctx;

	if (len <= 0)
		return;
	if (h->lines != NULL)
		h->at_line = libxml2_line(h, (const char *)s, (size_t)len);
	gai_html_on_text(h, (const char *)s, (size_t)len);
}

static void
start_table(struct gai_html *h)
{
	struct table *t;

	/* The outer row so far is a line of its own, before the inner rows. */
	flush_line(h);
	if (h->ntab == h->tabcap) {
		size_t cap = h->tabcap ? 2 * h->tabcap : 8;

		if ((t = realloc(h->tabs, cap * sizeof *t)) == NULL) {
			fail(h, GAI_E_NOMEM);
			return;
		}
		h->tabs = t;
		h->tabcap = cap;
	}
	h->tabs[h->ntab].row_open = h->tabs[h->ntab].cell_open = 0;
	h->ntab++;
}

static void
end_table(struct gai_html *h)
{
	if (h->ntab == 0)
		return;
	flush_line(h);
	h->ntab--;
	/*
	 * Back in an outer cell, the rest of the row continues on a new line:
	 * what follows in this cell opens it without a TAB (open_segment).
	 */
}

static void
start_row(struct gai_html *h)
{
	flush_line(h);
	if (h->ntab > 0) {
		h->tabs[h->ntab - 1].row_open = 1;
		h->tabs[h->ntab - 1].cell_open = 0;
	}
}

static void
end_row(struct gai_html *h)
{
	if (h->ntab == 0 || !h->tabs[h->ntab - 1].row_open)
		return;
	flush_line(h);
	h->tabs[h->ntab - 1].row_open = 0;
	h->tabs[h->ntab - 1].cell_open = 0;
}

static void
start_cell(struct gai_html *h)
{
	if (h->ntab == 0) {
		block_boundary(h);
		return;
	}
	if (!h->tabs[h->ntab - 1].row_open)
		start_row(h);
	open_segment(h);
	h->tabs[h->ntab - 1].cell_open = 1;
}

static void
end_cell(struct gai_html *h)
{
	if (h->ntab == 0) {
		block_boundary(h);
		return;
	}
	h->tabs[h->ntab - 1].cell_open = 0;
	h->seg_open = h->pending_space = 0;
}

void
gai_html_on_start(struct gai_html *h, enum gai_html_kind k)
{
	if (h->status != 0)
		return;
	settle_lt(h);
	switch (k) {
	case K_INLINE:
		break;
	case K_BLOCK:
		block_boundary(h);
		break;
	case K_SKIP:
		h->skip++;
		break;
	case K_HEAD:
		h->head++;
		break;
	case K_TITLE:
		if (!h->title_done)
			flush_line(h);
		h->in_title++;
		break;
	case K_PRE:
		block_boundary(h);
		h->pre++;
		break;
	case K_TABLE:
		start_table(h);
		break;
	case K_ROW:
		if (h->ntab > 0)
			start_row(h);
		else
			block_boundary(h);
		break;
	case K_CELL:
		start_cell(h);
		break;
	}
}

void
gai_html_on_end(struct gai_html *h, enum gai_html_kind k)
{
	if (h->status != 0)
		return;
	settle_lt(h);
	switch (k) {
	case K_INLINE:
		break;
	case K_BLOCK:
		block_boundary(h);
		break;
	case K_SKIP:
		if (h->skip > 0)
			h->skip--;
		break;
	case K_HEAD:
		if (h->head > 0)
			h->head--;
		break;
	case K_TITLE:
		if (h->in_title > 0 && --h->in_title == 0 && !h->title_done) {
			flush_line(h);
			h->title_done = 1;
		}
		break;
	case K_PRE:
		if (h->pre > 0)
			h->pre--;
		block_boundary(h);
		break;
	case K_TABLE:
		end_table(h);
		break;
	case K_ROW:
		if (h->ntab > 0)
			end_row(h);
		else
			block_boundary(h);
		break;
	case K_CELL:
		end_cell(h);
		break;
	}
}

int
gai_html_failed(const struct gai_html *h)
{
	return h->status != 0;
}

void
gai_html_set_drain(struct gai_html *h, int (*fn)(void *ctx), void *ctx)
{
	h->drain = fn;
	h->drain_ctx = ctx;
}

int
gai_html_tracks_lines(const struct gai_html *h)
{
	return h->lines != NULL;
}

void
gai_html_at_line(struct gai_html *h, unsigned long line)
{
	h->at_line = line;
}

void
gai_html_track_lines(struct gai_html *h, struct gai_html_lines *map)
{
	h->lines = map;
	h->at_line = 1;
}

void
gai_html_lines_free(struct gai_html_lines *map)
{
	free(map->v);
	map->v = NULL;
	map->n = map->cap = 0;
}

static void
on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	const char *s = (const char *)name;

	(void)atts;
	gai_html_on_start(ctx, gai_html_tag_kind(s, strlen(s)));
}

static void
on_end(void *ctx, const xmlChar *name)
{
	const char *s = (const char *)name;

	gai_html_on_end(ctx, gai_html_tag_kind(s, strlen(s)));
}

/* Markup errors are normal in real pages; only a lost parse matters. */
static void
on_error(void *ctx, xmlErrorPtr e)
{
	struct gai_html *h = ctx;

	if (e == NULL)
		return;
	if (e->code == XML_ERR_NO_MEMORY)
		fail(h, GAI_E_NOMEM);
	if (e->message != NULL)
		snprintf(h->why, sizeof h->why, "%s", e->message);
}

static htmlSAXHandler sax_handler = {
	.startElement = on_start,
	.endElement = on_end,
	.characters = on_text,
	.ignorableWhitespace = on_text,
	.cdataBlock = on_text,
	.initialized = XML_SAX2_MAGIC,
	.serror = on_error
};

struct gai_html *
gai_html_new(struct gai_buf *out, enum gai_html_parser parser)
{
	struct gai_html *h;

	if ((h = calloc(1, sizeof *h)) == NULL)
		return NULL;
	h->out = out;
	if (parser == GAI_HTML_OWN) {
		if ((h->tok = gai_html_tok_new(h)) == NULL) {
			free(h);
			return NULL;
		}
		return h;
	}
	xmlInitParser();
	h->ctxt = htmlCreatePushParserCtxt(&sax_handler, h, NULL, 0, NULL,
	    XML_CHAR_ENCODING_UTF8);
	if (h->ctxt == NULL) {
		free(h);
		return NULL;
	}
	/*
	 * The caller decoded the page: a <meta charset=gb2312> must not make
	 * libxml2 decode it again.  No size limits: a text node is handed to
	 * us in pieces, so a huge one costs only libxml2's input buffer.
	 */
	htmlCtxtUseOptions(h->ctxt, HTML_PARSE_IGNORE_ENC | HTML_PARSE_RECOVER |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
	    XML_PARSE_HUGE);
	return h;
}

/* Does s[0..n) start as w does, ignoring ASCII case after "</"? */
static int
tag_prefix(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n && w[i] != '\0'; i++)
		if ((s[i] | (i > 1 ? 0x20 : 0)) != w[i])
			return 0;
	return 1;
}

/*
 * At s, "</body" or "</html", white space and ">" (case-insensitive): its
 * length, to be dropped.  -1 when s ends too early to tell, or inside a
 * "</script" or "</style" end tag: libxml2 2.9.14's push parser misses an
 * end tag of those cut between chunks and takes the rest of the page for
 * script.  0 for anything else.
 */
static long
end_tag_len(const char *s, size_t n)
{
	size_t i;

	if (n <= 8 && (tag_prefix(s, n, "</script") ||
	    tag_prefix(s, n, "</style")))
		return -1;
	if (!tag_prefix(s, n, "</body") && !tag_prefix(s, n, "</html"))
		return 0;
	for (i = 6; i < n && i < 64; i++) {
		if (s[i] == '>')
			return (long)i + 1;
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' &&
		    s[i] != '\r' && s[i] != '\f')
			return 0;
	}
	return i >= n ? -1 : 0;
}

/*
 * Copy p[0..n) to h->in for libxml2: bytes that are not UTF-8 become
 * U+FFFD (libxml2 2.9 would switch to Latin-1 at the first one), NUL
 * goes and form feed and vertical tab become spaces, as gai_text_fold
 * treats them, and the
 * </body> and </html> end tags go, since libxml2 2.9 drops everything
 * after </html> while browsers show it.  An incomplete character or end
 * tag at the end waits in h->carry for the next chunk, unless final.
 */
static int
sanitize(struct gai_html *h, const char *p, size_t n, int final)
{
	size_t i = 0, run = 0, len;
	long m;

	gai_buf_clear(&h->in);
	gai_buf_clear(&h->carry);
	while (i < n) {
		unsigned char c = (unsigned char)p[i];

		if (c < 0x80 && c != '<' && c != '\0' && c != '\f' &&
		    c != '\v') {
			i++;
			continue;
		}
		if (c < 0x80 && c != '<') {
			/* libxml2 drops \f and turns NUL into a space. */
			if (gai_buf_append(&h->in, p + run, i - run) != 0 ||
			    (c != '\0' && gai_buf_putc(&h->in, ' ') != 0))
				return GAI_E_NOMEM;
			run = ++i;
			continue;
		}
		if (c == '<') {
			if ((m = end_tag_len(p + i, n - i)) == 0 ||
			    (m < 0 && final)) {
				i++;
				continue;
			}
			if (gai_buf_append(&h->in, p + run, i - run) != 0)
				return GAI_E_NOMEM;
			if (m < 0) {
				run = i;
				break;
			}
			i += (size_t)m;
			run = i;
			continue;
		}
		if (gai_text_decode(p + i, n - i, &len) != 0xFFFD || len > 1) {
			i += len;
			continue;
		}
		if (gai_buf_append(&h->in, p + run, i - run) != 0)
			return GAI_E_NOMEM;
		if (!final && (len = n - i) < 4 && c >= 0xC2 && c <= 0xF4) {
			/* Maybe the start of a character: wait for the rest. */
			size_t k;

			for (k = 1; k < len; k++)
				if (((unsigned char)p[i + k] & 0xC0) != 0x80)
					break;
			if (k == len && len < (c >= 0xF0 ? 4u :
			    c >= 0xE0 ? 3u : 2u)) {
				run = i;
				break;
			}
		}
		if (gai_buf_append(&h->in, "\xEF\xBF\xBD", 3) != 0)
			return GAI_E_NOMEM;
		run = ++i;
	}
	if (i >= n) {
		if (gai_buf_append(&h->in, p + run, n - run) != 0)
			return GAI_E_NOMEM;
	} else if (gai_buf_append(&h->carry, p + run, n - run) != 0) {
		return GAI_E_NOMEM;
	}
	return 0;
}

static int push_failed(struct gai_html *h, struct gai_error *err);

/* One chunk to the parser; carry holds what the last one left. */
static int
push(struct gai_html *h, const char *p, size_t n, int final,
    struct gai_error *err)
{
	const char *src = p;
	int r;

	if (h->status != 0)
		goto failed;
	if (h->carry.len > 0) {
		gai_buf_clear(&h->pend);
		if (gai_buf_append(&h->pend, h->carry.data,
		    h->carry.len) != 0 || gai_buf_append(&h->pend, p, n) != 0)
			return gai_error_set(err, GAI_E_NOMEM, 0, 0,
			    "out of memory");
		src = h->pend.data;
		n = h->pend.len;
	}
	if (h->tok != NULL && (h->trusted || (memchr(src, '\0', n) == NULL &&
	    gai_text_valid_utf8(src, n) == n))) {
		/* What gai_normalize gives: clean, so read in place. */
		gai_buf_clear(&h->carry);
		if (gai_html_tok_feed(h->tok, src, n, final) != 0)
			fail(h, GAI_E_NOMEM);
		return h->status != 0 ? push_failed(h, err) : 0;
	}
	if (sanitize(h, src, n, final) != 0)
		return gai_error_set(err, GAI_E_NOMEM, 0, 0, "out of memory");
	if (h->tok != NULL) {
		if (gai_html_tok_feed(h->tok, h->in.data, h->in.len,
		    final) != 0)
			fail(h, GAI_E_NOMEM);
		return h->status != 0 ? push_failed(h, err) : 0;
	}
	r = htmlParseChunk(h->ctxt, h->in.len ? h->in.data : "",
	    (int)h->in.len, final);
	(void)r;		/* errNo of any markup error: not a failure */
	if (h->status != 0)
		goto failed;
	if (h->ctxt->disableSAX) {
		/* libxml2 gave up: the rest of the page would be lost. */
		h->status = GAI_E_FORMAT;
		goto failed;
	}
	return 0;
failed:
	return push_failed(h, err);
}

static int
push_failed(struct gai_html *h, struct gai_error *err)
{
	if (h->status == GAI_E_NOMEM)
		return gai_error_set(err, GAI_E_NOMEM, 0, 0, "out of memory");
	return gai_error_set(err, h->status, 0, 0,
	    "HTML parser stopped, text after this point is lost: %s",
	    h->why[0] ? h->why : "unknown error");
}

void
gai_html_trust_input(struct gai_html *h)
{
	h->trusted = 1;
}

int
gai_html_feed(struct gai_html *h, const char *utf8, size_t n,
    struct gai_error *err)
{
	const size_t max = 1 << 30;	/* htmlParseChunk takes an int */
	int r;

	while (h->tok == NULL && n > max) {
		if ((r = push(h, utf8, max, 0, err)) != 0)
			return r;
		utf8 += max;
		n -= max;
	}
	return push(h, utf8, n, 0, err);
}

int
gai_html_end(struct gai_html *h, struct gai_error *err)
{
	int r;

	if ((r = push(h, "", 0, 1, err)) != 0)
		return r;
	settle_lt(h);
	while (h->ntab > 0)
		end_table(h);
	flush_line(h);
	return h->status != 0 ? push_failed(h, err) : 0;
}

int
gai_html_unlike_libxml2(const struct gai_html *h)
{
	return h->tok != NULL && gai_html_tok_unlike_libxml2(h->tok);
}

void
gai_html_free(struct gai_html *h)
{
	if (h == NULL)
		return;
	if (h->ctxt != NULL)
		htmlFreeParserCtxt(h->ctxt);
	gai_html_tok_free(h->tok);
	gai_buf_free(&h->line);
	gai_buf_free(&h->scratch);
	gai_buf_free(&h->in);
	gai_buf_free(&h->pend);
	gai_buf_free(&h->carry);
	free(h->tabs);
	free(h);
}

/* Case-insensitive: does s (n bytes) start with the lower-case word w? */
static int
has_prefix(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; w[i] != '\0'; i++) {
		unsigned char c;

		if (i >= n)	/* before s[i]: it may be past the buffer */
			return 0;
		c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c != (unsigned char)w[i])
			return 0;
	}
	return 1;
}

/* w, then the end of a tag name (space, '>', '/') or of the bytes. */
static int
has_tag(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	if (!has_prefix(s, n, w))
		return 0;
	return k == n || memchr(" \t\n\r\f>/", s[k], 7) != NULL;
}

static size_t
skip_space(const char *s, size_t n, size_t i)
{
	while (i < n && memchr(" \t\n\r\f", s[i], 5) != NULL)
		i++;
	return i;
}

int
gai_html_sniff(const char *s, size_t n, size_t head)
{
	static const char *const tags[] = {
		"<html", "<head", "<meta", "<body", "<table", "<div", "<p",
		"<title", "<link", "<style", "<script", "<base", "<center",
		"<font", "<span", "<br", "<h1", "<h2", "<h3"
	};
	size_t i = 0, k, scan = head < n ? head : n;
	int hops;

	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	/* A few comments or an XML declaration may come first. */
	for (hops = 0; hops < 8; hops++) {
		i = skip_space(s, n, i);
		if (has_prefix(s + i, n - i, "<!doctype html"))
			return 1;
		for (k = 0; k < sizeof tags / sizeof tags[0]; k++)
			if (has_tag(s + i, n - i, tags[k]))
				return 1;
		if (has_prefix(s + i, n - i, "<!--")) {
			const char *e = NULL;

			for (k = i + 4; k + 3 <= n; k++)
				if (memcmp(s + k, "-->", 3) == 0) {
					e = s + k;
					break;
				}
			if (e == NULL)
				break;
			i = (size_t)(e - s) + 3;
			continue;
		}
		if (has_prefix(s + i, n - i, "<?xml")) {
			for (k = i + 5; k + 2 <= n; k++)
				if (memcmp(s + k, "?>", 2) == 0)
					break;
			if (k + 2 > n)
				break;
			i = k + 2;
			continue;
		}
		break;
	}
	/* Some pages start with junk; the tags show near the top. */
	for (i = 0; i < scan; i++) {
		const char *lt = memchr(s + i, '<', scan - i);

		if (lt == NULL)
			break;
		i = (size_t)(lt - s);
		if (has_tag(s + i, scan - i, "<html") ||
		    has_tag(s + i, scan - i, "<body") ||
		    has_tag(s + i, scan - i, "<table"))
			return 1;
	}
	return 0;
}
