/* SPDX-License-Identifier: MIT */
/* gai_doc: split stream 1 into documents, each read whole, none too large. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gai_doc.h"
#include "gai_encoding.h"
#include "gai_rec.h"
#include "gai_text.h"

#define CHUNK (64 * 1024)	/* read at once; what is read past a document */
#define NAME_MAX_BYTES 4096	/* of a header line that never ends */

enum { MODE_UNKNOWN, MODE_HEADERS, MODE_SINGLE };

/* The header marks by enum gai_doc_mark. */
static const char *const marks[] = { NULL, "unreadable", "cut" };

void
gai_doc_reader_init(struct gai_doc_reader *r, FILE *fp, const char *operand,
    size_t max)
{
	memset(r, 0, sizeof *r);
	r->fp = fp;
	r->operand = operand;
	r->max = max;
	r->chunk = CHUNK;
}

void
gai_doc_reader_free(struct gai_doc_reader *r)
{
	gai_buf_free(&r->carry);
}

int
gai_doc_reader_more(const struct gai_doc_reader *r)
{
	/* the next header waits in carry, or has yet to be read */
	return !r->done && (!r->eof || r->carry.len > 0);
}

void
gai_doc_free(struct gai_doc *d)
{
	gai_buf_free(&d->name);
	gai_buf_free(&d->text);
	gai_buf_free(&d->unreadable);
	gai_buf_free(&d->cut_reason);
}

/*
 * Up to CHUNK more bytes onto b: read(2) where fp has a descriptor, so a
 * document that is whole is handed on without waiting for a full chunk
 * (tail -f style producers); stdio otherwise.  0, or -1 with errno set.
 */
static int
fill(struct gai_doc_reader *r, struct gai_buf *b)
{
	int fd = fileno(r->fp);
	ssize_t got;

	if (gai_buf_reserve(b, r->chunk) != 0) {
		errno = ENOMEM;
		return -1;
	}
	if (fd < 0) {
		got = (ssize_t)fread(b->data + b->len, 1, r->chunk, r->fp);
		if (got == 0 && ferror(r->fp))
			return -1;
	} else {
		while ((got = read(fd, b->data + b->len, r->chunk)) < 0)
			if (errno != EINTR)
				return -1;
	}
	if (got == 0)
		r->eof = 1;
	b->len += (size_t)got;
	b->data[b->len] = '\0';
	return 0;
}

/* Where a header starts in b at or after from: a form feed starting a line. */
static size_t
boundary(const struct gai_buf *b, size_t from)
{
	const char *p = b->data + from, *end = b->data + b->len;

	while ((p = memchr(p, '\f', (size_t)(end - p))) != NULL) {
		if (p == b->data || p[-1] == '\n')
			return (size_t)(p - b->data);
		p++;
	}
	return (size_t)-1;
}

static long
count_lf(const char *s, size_t n)
{
	const char *end = s + n;
	long k = 0;

	while ((s = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		k++;
		s++;
	}
	return k;
}

/* Take b's first n bytes away, keeping the rest. */
static void
drop_front(struct gai_buf *b, size_t n)
{
	memmove(b->data, b->data + n, b->len - n);
	b->len -= n;
	b->data[b->len] = '\0';
}

/* Name, and the mark's reason if any, from a header line s[0..n) (FF gone). */
static int
parse_header(struct gai_doc *d, const char *s, size_t n)
{
	const char *tab, *attr;
	struct gai_buf *why;
	size_t alen, tl = 0;
	int m;

	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	d->header = 1;
	if ((tab = memchr(s, '\t', n)) == NULL)
		return gai_rec_unescape(&d->name, s, n);
	if (gai_rec_unescape(&d->name, s, (size_t)(tab - s)) != 0)
		return GAI_E_NOMEM;
	attr = tab + 1;
	alen = n - (size_t)(attr - s);
	for (m = GAI_DOC_UNREADABLE; m <= GAI_DOC_CUT; m++) {
		tl = strlen(marks[m]);
		if (alen >= tl && memcmp(attr, marks[m], tl) == 0 &&
		    (alen == tl || attr[tl] == ':'))
			break;
	}
	if (m > GAI_DOC_CUT) {
		d->odd_attr = 1;
		return 0;
	}
	why = m == GAI_DOC_CUT ? &d->cut_reason : &d->unreadable;
	for (attr += tl, alen -= tl; alen > 0 && (*attr == ':' || *attr == ' ');
	    attr++, alen--)
		;
	if (alen == 0)
		return gai_buf_puts(why, "no reason given");
	return gai_rec_unescape(why, attr, alen);
}

/*
 * 1 when s[0..n) starts with a UTF-16LE byte-order mark, 2 with a BE one,
 * else 0: a page whose line end is two bytes, 0A 00 or 00 0A.
 */
static int
utf16_bom(const char *s, size_t n)
{
	if (n < 2)
		return 0;
	if (memcmp(s, "\xFF\xFE", 2) == 0)
		return 1;
	return memcmp(s, "\xFE\xFF", 2) == 0 ? 2 : 0;
}

/* After the last LF unit of a UTF-16 page (le: 0A 00) within max. */
static size_t
cut_utf16(const char *s, size_t max, int le)
{
	size_t i;

	for (i = (max & ~(size_t)1); i >= 4; i -= 2)
		if (s[i - 2 + !le] == '\n' && s[i - 2 + le] == '\0')
			return i;
	return max;
}

size_t
gai_doc_cut_at(const char *s, size_t max)
{
	const char *lf = NULL, *p = s;
	size_t whole;
	int u16 = utf16_bom(s, max);

	if (u16 != 0)
		return cut_utf16(s, max, u16 == 1);
	while ((p = memchr(p, '\n', max - (size_t)(p - s))) != NULL)
		lf = p++;
	if (lf != NULL)
		return (size_t)(lf - s) + 1;
	whole = gai_encoding_whole("UTF-8", s, max);
	return whole < max && gai_text_valid_utf8(s, whole) == whole ?
	    whole : max;
}

void
gai_doc_cut_reason(char *buf, size_t bufsize, size_t max, size_t kept,
    size_t size)
{
	snprintf(buf, bufsize, "larger than the --max-size of %zu bytes, cut "
	    "there (%zu bytes read of at least %zu)", max, kept, size);
}

/*
 * d->text is longer than r->max: keep its lines within max (or max bytes if
 * there is no line end) and count the lines of the rest, which is dropped.
 */
static void
cut(struct gai_doc_reader *r, struct gai_doc *d)
{
	struct gai_buf *t = &d->text;
	size_t keep = gai_doc_cut_at(t->data, r->max);
	r->line += count_lf(t->data + keep, t->len - keep);
	d->cut = 1;
	d->size = t->len;
	t->len = keep;
	t->data[keep] = '\0';
}

/*
 * Skip the rest of a cut document up to the next header, which is left in
 * r->carry; memory stays at one chunk however long the rest is.
 */
static int
skip_rest(struct gai_doc_reader *r, struct gai_doc *d, int after_lf)
{
	struct gai_buf *c = &r->carry;
	size_t at;

	for (;;) {
		gai_buf_clear(c);
		if (fill(r, c) != 0)
			return -1;
		if (c->len == 0)
			return 0;
		at = boundary(c, 0);
		if (at == 0 && !after_lf)
			at = boundary(c, 1);
		if (at != (size_t)-1) {
			r->line += count_lf(c->data, at);
			d->size += at;
			drop_front(c, at);
			return 0;
		}
		r->line += count_lf(c->data, c->len);
		d->size += c->len;
		after_lf = c->data[c->len - 1] == '\n';
	}
}

/* The document is complete in d->text: end its last line, count its lines. */
static int
finish(struct gai_doc_reader *r, struct gai_doc *d)
{
	struct gai_buf *t = &d->text;

	if (!d->cut)
		d->size = t->len;
	r->line += count_lf(t->data, t->len);
	/* a page in UTF-16 is no stream 1: a byte more would be half a unit */
	if (t->len > 0 && t->data[t->len - 1] != '\n' &&
	    utf16_bom(t->data, t->len) == 0) {
		if (!d->cut)	/* a cut line's end was counted with the rest */
			r->line++;
		if (gai_buf_putc(t, '\n') != 0)
			return GAI_E_NOMEM;
	}
	return 0;
}

static int
read_single(struct gai_doc_reader *r, struct gai_doc *d)
{
	struct gai_buf *t = &d->text;

	if (gai_buf_puts(&d->name, r->operand) != 0)
		return GAI_E_NOMEM;
	d->first_line = 1;
	while (!r->eof && (r->max == 0 || t->len <= r->max))
		if (fill(r, t) != 0)
			return GAI_E_IO;
	/* Not read to its end: a file that never ends must not stop us. */
	if (r->max != 0 && t->len > r->max)
		cut(r, d);
	r->done = 1;
	return finish(r, d);
}

static int
read_headed(struct gai_doc_reader *r, struct gai_doc *d)
{
	struct gai_buf *t = &d->text;
	const char *lf;
	size_t scan = 0, at, hlen;

	while (t->len == 0 && !r->eof)
		if (fill(r, t) != 0)
			return GAI_E_IO;
	if (t->len == 0) {
		r->done = 1;
		return GAI_EOF;
	}
	/* The header line: t starts with it. */
	while ((lf = memchr(t->data, '\n', t->len)) == NULL && !r->eof &&
	    t->len < NAME_MAX_BYTES)
		if (fill(r, t) != 0)
			return GAI_E_IO;
	hlen = lf != NULL ? (size_t)(lf - t->data) + 1 :
	    t->len < NAME_MAX_BYTES ? t->len : NAME_MAX_BYTES;
	if (parse_header(d, t->data + 1, hlen - 1) != 0)
		return GAI_E_NOMEM;
	drop_front(t, hlen);
	r->line++;
	d->first_line = r->line + 1;
	/* Its text: up to the next header, the end, or max. */
	for (;;) {
		if ((at = boundary(t, scan)) != (size_t)-1)
			break;
		scan = t->len;
		/* ended by the end, or by the next header, which waits in
		 * r->carry (gai_doc_read took the text up to it) */
		if (r->eof || r->carry.len > 0) {
			at = t->len;
			break;
		}
		if (r->max != 0 && t->len > r->max) {
			int after_lf = t->data[t->len - 1] == '\n';

			cut(r, d);
			if (skip_rest(r, d, after_lf) != 0)
				return GAI_E_IO;
			return finish(r, d);
		}
		if (fill(r, t) != 0)
			return GAI_E_IO;
	}
	/* read past it: the rest waits (r->carry is empty here) */
	if (at < t->len &&
	    gai_buf_append(&r->carry, t->data + at, t->len - at) != 0)
		return GAI_E_NOMEM;
	t->len = at;
	t->data[at] = '\0';
	if (r->max != 0 && t->len > r->max)
		cut(r, d);
	return finish(r, d);
}

int
gai_doc_read(struct gai_doc_reader *r, struct gai_doc *d,
    struct gai_error *err)
{
	struct gai_buf *t = &d->text;
	int rc;

	if (r->done)
		return GAI_EOF;
	gai_buf_clear(&d->name);
	gai_buf_clear(t);
	gai_buf_clear(&d->unreadable);
	gai_buf_clear(&d->cut_reason);
	d->header = d->odd_attr = d->cut = 0;
	d->size = 0;
	/*
	 * What was read past the last document starts this one: up to the
	 * next header when it holds one, the rest left where it is for the
	 * documents after (a chunk holds several short ones: it is not
	 * copied out and back for each).
	 */
	if (r->carry.len > 0) {
		const char *c = r->carry.data + r->carry_at, *lf;
		size_t n = r->carry.len - r->carry_at, take = n, b;

		if ((lf = memchr(c, '\n', n)) != NULL && (b = boundary(&r->carry,
		    (size_t)(lf - r->carry.data) + 1)) != (size_t)-1)
			take = b - r->carry_at;
		if (gai_buf_append(t, c, take) != 0)
			goto nomem;
		r->carry_at += take;
		if (r->carry_at == r->carry.len) {
			gai_buf_clear(&r->carry);
			r->carry_at = 0;
		}
	}
	if (r->mode == MODE_UNKNOWN) {
		while (t->len == 0 && !r->eof)
			if (fill(r, t) != 0)
				goto io;
		if (t->len == 0) {
			/* Nothing at all: a named file is one empty document. */
			r->done = 1;
			if (strcmp(r->operand, "-") == 0)
				return GAI_EOF;
			d->first_line = 1;
			return gai_buf_puts(&d->name, r->operand) != 0 ?
			    gai_error_set(err, GAI_E_NOMEM, ENOMEM, 0,
			    "out of memory") : GAI_OK;
		}
		r->mode = t->data[0] == '\f' ? MODE_HEADERS : MODE_SINGLE;
	}
	rc = r->mode == MODE_SINGLE ? read_single(r, d) : read_headed(r, d);
	if (rc == GAI_OK || rc == GAI_EOF)
		return rc;
	if (rc == GAI_E_IO)
		goto io;
nomem:
	return gai_error_set(err, GAI_E_NOMEM, ENOMEM, r->line, "out of memory");
io:
	if (errno == ENOMEM)
		goto nomem;
	return gai_error_set(err, GAI_E_IO, errno, r->line, "read error");
}

int
gai_doc_header(struct gai_buf *b, const char *name, enum gai_doc_mark mark,
    const char *reason)
{
	if (gai_buf_putc(b, '\f') != 0 ||
	    gai_rec_escape(b, name, strlen(name)) != 0)
		return GAI_E_NOMEM;
	if (mark != GAI_DOC_WHOLE && (gai_buf_putc(b, '\t') != 0 ||
	    gai_buf_puts(b, marks[mark]) != 0 ||
	    gai_buf_puts(b, ": ") != 0 ||
	    gai_rec_escape(b, reason, strlen(reason)) != 0))
		return GAI_E_NOMEM;
	return gai_buf_putc(b, '\n');
}
