/* SPDX-License-Identifier: MIT */
/* gai_rec: reading and writing stream 2 records, one document at a time. */
#include <config.h>

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gai_rec.h"
#include "gai_text.h"

void
gai_rec_reader_init(struct gai_rec_reader *r, FILE *fp, const char *name)
{
	memset(r, 0, sizeof *r);
	r->fp = fp;
	r->name = name;
}

void
gai_rec_reader_free(struct gai_rec_reader *r)
{
	free(r->raw);
	gai_buf_free(&r->doc);
	gai_buf_free(&r->rawdoc);
	gai_buf_free(&r->key);
	gai_buf_free(&r->value);
}

/* Is c one of the bytes stream 2 escapes: TAB, LF, CR, backslash? */
static inline int
escaped(unsigned char c)
{
	return c == '\\' ||
	    (c <= '\r' && ((1u << c) & (1u << '\t' | 1u << '\n' | 1u << '\r')));
}

/* s[0..n) with the stream's escapes into d, which has room for 2n
 * bytes; where it ends. */
static char *
escape_into(char *d, const char *s, size_t n)
{
	const char *end = s + n, *run = s;

	for (; s < end; s++) {
		/* Most fields escape nothing: one test a byte to see. */
		if (!escaped((unsigned char)*s))
			continue;
		memcpy(d, run, (size_t)(s - run));
		d += s - run;
		*d++ = '\\';
		*d++ = *s == '\t' ? 't' : *s == '\n' ? 'n' : *s == '\r' ? 'r' :
		    '\\';
		run = s + 1;
	}
	memcpy(d, run, (size_t)(end - run));
	return d + (end - run);
}

int
gai_rec_escape(struct gai_buf *b, const char *s, size_t n)
{
	if (gai_buf_reserve(b, 2 * n) != 0)
		return GAI_E_NOMEM;
	b->len = (size_t)(escape_into(b->data + b->len, s, n) - b->data);
	b->data[b->len] = '\0';
	return 0;
}

int
gai_rec_unescape(struct gai_buf *b, const char *s, size_t n)
{
	const char *end = s + n, *run = s;

	/* Found by memchr: most fields have no backslash at all. */
	for (; (s = memchr(s, '\\', (size_t)(end - s))) != NULL; s++) {
		char c;

		if (s + 1 == end)
			break;
		switch (s[1]) {
		case 't': c = '\t'; break;
		case 'n': c = '\n'; break;
		case 'r': c = '\r'; break;
		case '\\': c = '\\'; break;
		default: continue;	/* nothing else is escaped: keep as is */
		}
		if (gai_buf_append(b, run, (size_t)(s - run)) != 0 ||
		    gai_buf_putc(b, c) != 0)
			return GAI_E_NOMEM;
		run = s + 2;
		s++;
	}
	return gai_buf_append(b, run, (size_t)(end - run));
}

/*
 * GAI_E_FORMAT with err saying why when field s[0..n) of line is not
 * one: stream 2 is UTF-8 (checked here unless utf8 says it is known), and
 * a backslash always escapes the byte after it, so an odd run of them at
 * the end leaves one that escapes nothing.
 */
static int
check_field(const char *s, size_t n, int utf8, const char *what, long line,
    struct gai_error *err)
{
	size_t valid = utf8 ? n : gai_text_valid_utf8(s, n), run = 0;

	if (valid < n)
		return gai_error_set(err, GAI_E_FORMAT, 0, line,
		    "the %s is not valid UTF-8 (byte %zu of it)", what,
		    valid + 1);
	while (run < n && s[n - 1 - run] == '\\')
		run++;
	if (run % 2 == 1)
		return gai_error_set(err, GAI_E_FORMAT, 0, line,
		    "the %s ends in a lone backslash (a backslash is \\\\)",
		    what);
	return 0;
}

/* Is s[0..n) ASCII?  A word at a time: keys, numbers and most names are. */
static int
ascii(const char *s, size_t n)
{
	uint64_t w, any = 0;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		any |= w;
	}
	for (; i < n; i++)
		any |= (unsigned char)s[i];
	return (any & 0x8080808080808080ull) == 0;
}

/* A line read: its three fields, NUL-terminated where the TABs were. */
struct line {
	char *doc, *key, *value;
	size_t dl, kl, vl;
	int plain;		/* no backslash: the fields read as they are */
};

/*
 * Read the next line into ln: GAI_OK, GAI_EOF, GAI_E_IO, or GAI_E_FORMAT
 * for a line that is not a record.  r->doc is the name unescaped, made
 * again only when it changes; r->flagged and r->flaw say what is wrong
 * with a record kept.
 */
static int
read_line(struct gai_rec_reader *r, struct line *ln, struct gai_error *err)
{
	ssize_t n;
	char *t1, *t2;
	int utf8;

	errno = 0;
	if ((n = getline(&r->raw, &r->rawcap, r->fp)) < 0) {
		if (ferror(r->fp))	/* at the line it was reading */
			return gai_error_set(err, GAI_E_IO, errno, r->line + 1,
			    "read error");
		return GAI_EOF;
	}
	r->line++;
	if (n > 0 && r->raw[n - 1] == '\n')
		r->raw[--n] = '\0';
	if ((t1 = memchr(r->raw, '\t', (size_t)n)) == NULL ||
	    (t2 = memchr(t1 + 1, '\t', (size_t)(r->raw + n - t1 - 1))) == NULL ||
	    memchr(t2 + 1, '\t', (size_t)(r->raw + n - t2 - 1)) != NULL)
		return gai_error_set(err, GAI_E_FORMAT, 0, r->line,
		    "not a record (doc TAB key TAB value)");
	*t1 = *t2 = '\0';
	ln->doc = r->raw;
	ln->dl = (size_t)(t1 - r->raw);
	ln->key = t1 + 1;
	ln->kl = (size_t)(t2 - t1 - 1);
	ln->value = t2 + 1;
	ln->vl = (size_t)(r->raw + n - t2 - 1);
	ln->plain = memchr(r->raw, '\\', (size_t)n) == NULL;
	/*
	 * A flawed record is kept (its numbers are still the report's).  A
	 * TAB never splits a character: when the whole line is valid UTF-8,
	 * so is each field, and one pass over it does for the three; without
	 * a backslash, none ends in a lone one.
	 */
	memset(&r->flaw, 0, sizeof r->flaw);
	utf8 = ascii(r->raw, (size_t)n) ||
	    gai_text_valid_utf8(r->raw, (size_t)n) == (size_t)n;
	r->flagged = !(utf8 && ln->plain) &&
	    (check_field(ln->doc, ln->dl, utf8, "name", r->line,
	    &r->flaw) != 0 ||
	    check_field(ln->key, ln->kl, utf8, "key", r->line, &r->flaw) != 0 ||
	    check_field(ln->value, ln->vl, utf8, "value", r->line,
	    &r->flaw) != 0);
	/* A document's records all name it: unescape the name once. */
	if (r->rawdoc.data == NULL || r->rawdoc.len != ln->dl ||
	    memcmp(r->rawdoc.data, ln->doc, ln->dl) != 0) {
		gai_buf_clear(&r->rawdoc);
		gai_buf_clear(&r->doc);
		if (gai_buf_append(&r->rawdoc, ln->doc, ln->dl) != 0 ||
		    gai_rec_unescape(&r->doc, ln->doc, ln->dl) != 0) {
			gai_buf_free(&r->rawdoc);	/* doc may be half made */
			return gai_error_set(err, GAI_E_NOMEM, ENOMEM, r->line,
			    "out of memory");
		}
	}
	return GAI_OK;
}

/* Append field s[0..n) of a line to b, unescaped unless plain. */
static int
put_field(struct gai_buf *b, const char *s, size_t n, int plain)
{
	return plain ? gai_buf_append(b, s, n) : gai_rec_unescape(b, s, n);
}

/* The key and value of ln into r->key and r->value. */
static int
keep_line(struct gai_rec_reader *r, const struct line *ln,
    struct gai_error *err)
{
	gai_buf_clear(&r->key);
	gai_buf_clear(&r->value);
	if (gai_buf_append(&r->key, ln->key, ln->kl) != 0 ||
	    put_field(&r->value, ln->value, ln->vl, ln->plain) != 0)
		return gai_error_set(err, GAI_E_NOMEM, ENOMEM, r->line,
		    "out of memory");
	return 0;
}

int
gai_rec_next(struct gai_rec_reader *r, struct gai_rec *rec,
    struct gai_error *err)
{
	struct line ln;
	int rc;

	if ((rc = read_line(r, &ln, err)) != GAI_OK ||
	    (rc = keep_line(r, &ln, err)) != 0)
		return rc;
	rec->doc = r->doc.data;
	rec->key = r->key.data;
	rec->value = r->value.data;
	return GAI_OK;
}

void
gai_recset_clear(struct gai_recset *set, const char *doc)
{
	gai_buf_clear(&set->doc);
	gai_buf_puts(&set->doc, doc);
	gai_buf_clear(&set->arena);
	set->n = 0;
}

/* Room for one more record. */
static int
recset_grow(struct gai_recset *set)
{
	if (set->n == set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 256;
		struct gai_recset_item *p;

		if ((p = realloc(set->items, cap * sizeof *p)) == NULL)
			return GAI_E_NOMEM;
		set->items = p;
		set->cap = cap;
	}
	return 0;
}

/* Add a record of key[0..kl) and value[0..vl), each NUL-terminated. */
static int
recset_push(struct gai_recset *set, const char *key, size_t kl,
    const char *value, size_t vl)
{
	if (recset_grow(set) != 0)
		return GAI_E_NOMEM;
	set->items[set->n].key = set->arena.len;
	if (gai_buf_append(&set->arena, key, kl + 1) != 0)
		return GAI_E_NOMEM;
	set->items[set->n].value = set->arena.len;
	if (gai_buf_append(&set->arena, value, vl + 1) != 0)
		return GAI_E_NOMEM;
	set->n++;
	return 0;
}

int
gai_recset_add(struct gai_recset *set, const char *key, const char *value)
{
	return recset_push(set, key, strlen(key), value, strlen(value));
}

/* Add the record the reader kept (a document's first, read before it). */
static int
recset_push_kept(struct gai_recset *set, const struct gai_rec_reader *r)
{
	return recset_push(set, r->key.data, r->key.len, r->value.data,
	    r->value.len);
}

/* Add the record of line ln, straight from the line. */
static int
recset_push_line(struct gai_recset *set, const struct line *ln)
{
	if (ln->plain)
		return recset_push(set, ln->key, ln->kl, ln->value, ln->vl);
	if (recset_grow(set) != 0)
		return GAI_E_NOMEM;
	set->items[set->n].key = set->arena.len;
	if (gai_buf_append(&set->arena, ln->key, ln->kl + 1) != 0)
		return GAI_E_NOMEM;
	set->items[set->n].value = set->arena.len;
	if (gai_rec_unescape(&set->arena, ln->value, ln->vl) != 0 ||
	    gai_buf_putc(&set->arena, '\0') != 0)
		return GAI_E_NOMEM;
	set->n++;
	return 0;
}

/* A kept record's flaw as GAI_E_FORMAT; the document goes on after it. */
static int
report_flaw(struct gai_rec_reader *r, struct gai_error *err)
{
	if (!r->flagged)
		return 0;
	r->flagged = 0;
	r->partial = 1;
	if (err != NULL)
		*err = r->flaw;
	return GAI_E_FORMAT;
}

int
gai_recset_read(struct gai_rec_reader *r, struct gai_recset *set,
    struct gai_error *err)
{
	struct line ln;
	int rc;

	if (r->pending) {
		/* The record that ended the last document starts this one. */
		r->pending = 0;
		gai_recset_clear(set, r->doc.data);
		if (recset_push_kept(set, r) != 0)
			return gai_error_set(err, GAI_E_NOMEM, ENOMEM, r->line,
			    "out of memory");
		if ((rc = report_flaw(r, err)) != 0)
			return rc;
	} else if (!r->partial) {
		/* A new document, not one an error interrupted. */
		set->n = 0;
	}
	for (;;) {
		if ((rc = read_line(r, &ln, err)) != GAI_OK) {
			/* After an error the caller calls again to go on. */
			r->partial = rc != GAI_EOF && set->n > 0;
			return rc == GAI_EOF && set->n > 0 ? GAI_OK : rc;
		}
		r->partial = 0;
		if (set->n > 0 && strcmp(r->doc.data, set->doc.data) != 0) {
			/* The next document's: kept for the next call, its
			 * flaw said with it then. */
			if ((rc = keep_line(r, &ln, err)) != 0)
				return rc;
			r->pending = 1;
			return GAI_OK;
		}
		if (set->n == 0)
			gai_recset_clear(set, r->doc.data);
		if (recset_push_line(set, &ln) != 0)
			return gai_error_set(err, GAI_E_NOMEM, ENOMEM, r->line,
			    "out of memory");
		if ((rc = report_flaw(r, err)) != 0)
			return rc;
	}
}

const char *
gai_recset_get(const struct gai_recset *set, const char *key)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (strcmp(gai_recset_key(set, i), key) == 0)
			return gai_recset_value(set, i);
	return NULL;
}

void
gai_recset_free(struct gai_recset *set)
{
	gai_buf_free(&set->doc);
	gai_buf_free(&set->arena);
	free(set->items);
	set->items = NULL;
	set->n = set->cap = 0;
}

int
gai_rec_out_begin(struct gai_rec_out *o, const char *doc)
{
	gai_buf_clear(&o->lead);
	gai_buf_clear(&o->buf);
	if (gai_rec_escape(&o->lead, doc, strlen(doc)) != 0 ||
	    gai_buf_putc(&o->lead, '\t') != 0)
		return GAI_E_NOMEM;
	return 0;
}

int
gai_rec_out_add(struct gai_rec_out *o, const char *key, const char *value)
{
	size_t kn = strlen(key), vn = strlen(value);
	char *d;

	/* Room for the line with every byte of the value escaped, then
	 * written in place: a record is short, and there are many. */
	if (gai_buf_reserve(&o->buf, o->lead.len + kn + 2 * vn + 2) != 0)
		return GAI_E_NOMEM;
	d = o->buf.data + o->buf.len;
	memcpy(d, o->lead.data, o->lead.len);
	memcpy(d += o->lead.len, key, kn);
	*(d += kn) = '\t';
	d = escape_into(d + 1, value, vn);
	*d++ = '\n';
	*d = '\0';
	o->buf.len = (size_t)(d - o->buf.data);
	return 0;
}

void
gai_rec_out_free(struct gai_rec_out *o)
{
	gai_buf_free(&o->lead);
	gai_buf_free(&o->buf);
}
