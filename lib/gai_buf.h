/* SPDX-License-Identifier: MIT */
/* gai_buf: a growable byte buffer, reused across documents. */
#ifndef GAI_BUF_H
#define GAI_BUF_H

#include <stddef.h>
#include <string.h>

/*
 * A buffer keeps its memory when cleared: a tool reuses one buffer for the
 * whole stream, so memory grows to the largest document and no further, and
 * no page is faulted in twice.  The bytes are always NUL-terminated.
 */
struct gai_buf {
	char *data;
	size_t len;
	size_t cap;
};

#define GAI_BUF_INIT { NULL, 0, 0 }

/* Make room for n more bytes; 0 or GAI_E_NOMEM. */
int gai_buf_reserve(struct gai_buf *b, size_t n);

/*
 * The appends are inline: the tools call them for every field they write,
 * and with room in the buffer (nearly always) they are a copy.
 */
static inline int
gai_buf_append(struct gai_buf *b, const void *p, size_t n)
{
	int rc;

	/* room for n bytes and the NUL: len + n + 1 <= cap */
	if (n >= b->cap - b->len && (rc = gai_buf_reserve(b, n)) != 0)
		return rc;
	if (n > 0)	/* p may be NULL then: memcpy must not see it */
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

static inline int
gai_buf_putc(struct gai_buf *b, int c)
{
	int rc;

	if (b->cap - b->len <= 1 && (rc = gai_buf_reserve(b, 1)) != 0)
		return rc;
	b->data[b->len++] = (char)c;
	b->data[b->len] = '\0';
	return 0;
}

static inline int
gai_buf_puts(struct gai_buf *b, const char *s)
{
	return gai_buf_append(b, s, strlen(s));
}

/* Append a code point as UTF-8. */
int gai_buf_put_utf8(struct gai_buf *b, unsigned long cp);
void gai_buf_free(struct gai_buf *b);

static inline void
gai_buf_clear(struct gai_buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

#endif
