/* SPDX-License-Identifier: MIT */
/* gai_input: a whole document read into a buffer kept for the process. */
#ifndef GAI_INPUT_H
#define GAI_INPUT_H

#include "gai_buf.h"
#include "gai_error.h"

/*
 * Read everything from fd into b (cleared first) with read(2): no mmap and
 * no allocation per document, so memory is that of the largest document and
 * its pages are faulted in once.  With max not 0, stop once b holds more
 * than max bytes: the caller tells a document too large by b->len > max,
 * and a file that never ends (/dev/zero) does not hold the stream up.
 * 0 or GAI_E_IO/GAI_E_NOMEM.
 */
int gai_input_read(int fd, struct gai_buf *b, size_t max,
    struct gai_error *err);

#endif
