/* SPDX-License-Identifier: MIT */
/* gai_source_impl: what gai_source.c shares with its per-format files. */
#ifndef GAI_SOURCE_IMPL_H
#define GAI_SOURCE_IMPL_H

#include <stddef.h>
#include <sys/types.h>

#include "gai_buf.h"

struct archive;

/*
 * A buffered byte stream: a file descriptor, or the data of a libarchive
 * reader (a decompressed stream).  The first bytes are read ahead to tell
 * the format and then read again, so nothing is read twice from the fd.
 */
struct gai_src_in {
	int fd;			/* read(2) from here, unless ar is set */
	struct archive *ar;
	struct gai_buf b;	/* bytes read, b.data[off..b.len) not taken */
	size_t off;
	int eof;
	char why[160];		/* after a read error: what went wrong */
};

/* Have at least want bytes buffered, or all that is left.  0 or -1 (why). */
int gai_src_fill(struct gai_src_in *in, size_t want);

static inline size_t
gai_src_avail(const struct gai_src_in *in)
{
	return in->b.len - in->off;
}

static inline const char *
gai_src_peek(const struct gai_src_in *in)
{
	return in->b.data + in->off;
}

/*
 * The next line (LF included when there is one) into *line, pointing into
 * the buffer until the next call; its length, 0 at the end, -1 on a read
 * error or a line longer than max.
 */
ssize_t gai_src_line(struct gai_src_in *in, size_t max, const char **line);

/* Move n bytes to out (when not NULL; else pass over them).  0 or -1. */
int gai_src_take(struct gai_src_in *in, size_t n, struct gai_buf *out);

#endif
