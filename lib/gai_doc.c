/* SPDX-License-Identifier: MIT */
/* gai_doc: split stream 1 into documents. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>

#include "gai_doc.h"

void
gai_doc_reader_init(struct gai_doc_reader *r, FILE *fp, const char *operand)
{
	memset(r, 0, sizeof *r);
	r->fp = fp;
	r->operand = operand;
}

void
gai_doc_reader_init_prefixed(struct gai_doc_reader *r, FILE *fp,
    const char *operand, const char *prefix, size_t n)
{
	gai_doc_reader_init(r, fp, operand);
	r->prefix = prefix;
	r->prefixlen = n;
}

void
gai_doc_reader_free(struct gai_doc_reader *r)
{
	free(r->raw);
	gai_buf_free(&r->partial);
	gai_buf_free(&r->next_name);
}

static int
set_name(struct gai_buf *name, const char *s, size_t n)
{
	gai_buf_clear(name);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	return gai_buf_append(name, s, n);
}

/*
 * The next line, LF included if there is one, from the prefix and then
 * from the stream; *line points into the reader.  Its length, or -1 at the
 * end (errno set on a read error).
 */
static ssize_t
next_line(struct gai_doc_reader *r, const char **line)
{
	const char *lf;
	size_t take;
	ssize_t n;

	if (r->prefixlen == 0) {
		n = getline(&r->raw, &r->rawcap, r->fp);
		*line = r->raw;
		return n;
	}
	if ((lf = memchr(r->prefix, '\n', r->prefixlen)) != NULL) {
		/* A whole line inside the prefix: no copy. */
		take = (size_t)(lf - r->prefix) + 1;
		*line = r->prefix;
		r->prefix += take;
		r->prefixlen -= take;
		return (ssize_t)take;
	}
	/* The prefix ends inside a line: the stream has the rest of it. */
	gai_buf_clear(&r->partial);
	if (gai_buf_append(&r->partial, r->prefix, r->prefixlen) != 0)
		goto nomem;
	r->prefixlen = 0;
	errno = 0;
	n = getline(&r->raw, &r->rawcap, r->fp);
	if (n < 0 && ferror(r->fp))
		return -1;
	if (n > 0 && gai_buf_append(&r->partial, r->raw, (size_t)n) != 0)
		goto nomem;
	*line = r->partial.data;
	return (ssize_t)r->partial.len;
nomem:
	errno = ENOMEM;
	return -1;
}

int
gai_doc_read(struct gai_doc_reader *r, struct gai_buf *name,
    struct gai_buf *text, long *first_line, struct gai_error *err)
{
	const char *raw;
	ssize_t n;
	int got = 0;

	gai_buf_clear(text);
	if (r->have_next) {
		r->have_next = 0;
		set_name(name, r->next_name.data, r->next_name.len);
		got = 1;
	} else {
		set_name(name, r->operand, strlen(r->operand));
	}
	*first_line = r->line + 1;
	for (;;) {
		errno = 0;
		if ((n = next_line(r, &raw)) < 0) {
			if (ferror(r->fp) || errno == ENOMEM)
				return gai_error_set(err, GAI_E_IO, errno,
				    r->line, "read error");
			break;
		}
		r->line++;
		/*
		 * A stream that does not start with a header is one document
		 * (DESIGN.md): its form feeds are pdftotext's page breaks.
		 */
		if (r->line == 1)
			r->single = raw[0] != '\f';
		if (raw[0] == '\f' && !r->single) {
			if (got || text->len > 0) {
				/* This header starts the next document. */
				set_name(&r->next_name, raw + 1,
				    (size_t)n - 1);
				r->have_next = 1;
				r->started = 1;
				return GAI_OK;
			}
			set_name(name, raw + 1, (size_t)n - 1);
			*first_line = r->line + 1;
			got = 1;
			continue;
		}
		got = 1;
		if (gai_buf_append(text, raw, (size_t)n) != 0)
			return gai_error_set(err, GAI_E_NOMEM, ENOMEM, r->line,
			    "out of memory");
		if (raw[n - 1] != '\n' && gai_buf_putc(text, '\n') != 0)
			return gai_error_set(err, GAI_E_NOMEM, ENOMEM, r->line,
			    "out of memory");
	}
	if (!got && r->started)
		return GAI_EOF;
	r->started = 1;
	/* An empty stream is still one (empty) document, as an empty file is. */
	return got || r->line == 0 ? GAI_OK : GAI_EOF;
}
