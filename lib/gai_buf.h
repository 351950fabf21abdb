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
int gai_buf_append(struct gai_buf *b, const void *p, size_t n);
int gai_buf_putc(struct gai_buf *b, int c);
int gai_buf_puts(struct gai_buf *b, const char *s);
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
