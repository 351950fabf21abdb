/* SPDX-License-Identifier: MIT */
/* gai_input: read(2) into reused buffers. */
#include <config.h>

#include <errno.h>
#include <unistd.h>

#include "gai_input.h"

#define CHUNK (256 * 1024)

int
gai_input_read(int fd, struct gai_buf *b, size_t max, struct gai_error *err)
{
	size_t room;
	ssize_t n;

	gai_buf_clear(b);
	while (max == 0 || b->len <= max) {
		if (gai_buf_reserve(b, CHUNK) != 0)
			return gai_error_set(err, GAI_E_NOMEM, ENOMEM, 0,
			    "out of memory");
		room = b->cap - b->len - 1;
		if (max != 0 && room > max + 1 - b->len)
			room = max + 1 - b->len;
		n = read(fd, b->data + b->len, room);
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return gai_error_set(err, GAI_E_IO, errno, 0,
			    "read error");
		}
		b->len += (size_t)n;
	}
	b->data[b->len] = '\0';
	return 0;
}
