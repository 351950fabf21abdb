/* SPDX-License-Identifier: MIT */
/*
 * gai_hanzi: traditional Chinese characters and their simplified forms,
 * one table for every tool, generated from OpenCC's character dictionary.
 */
#ifndef GAI_HANZI_H
#define GAI_HANZI_H

#include <stddef.h>

#include "gai_buf.h"

/*
 * The simplified form of code point cp (OpenCC's first where it has
 * several), or cp itself when it has none.
 */
unsigned long gai_hanzi_simplified(unsigned long cp);

/*
 * The traditional characters whose simplified form is cp (发: 髮 發), in
 * code point order: up to max of them into out.  Returns how many there
 * are, which may be more than max.
 */
size_t gai_hanzi_traditional(unsigned long cp, unsigned long *out,
    size_t max);

/*
 * Append s[0..n) to out with every traditional character made simplified,
 * character by character (no phrases: 乾 is always 干).  Bytes that are not
 * UTF-8 are copied as they are.  0 or GAI_E_NOMEM.
 */
int gai_hanzi_simplify(struct gai_buf *out, const char *s, size_t n);

/*
 * The same for a text that comes in chunks cut anywhere: a character cut
 * at the end of a chunk waits in the stream for the rest.  Start with
 * GAI_HANZI_STREAM_INIT; gai_hanzi_stream_end() appends what still waits.
 * 0 or GAI_E_NOMEM.
 */
struct gai_hanzi_stream {
	char carry[4];
	size_t ncarry;
};

#define GAI_HANZI_STREAM_INIT { { 0, 0, 0, 0 }, 0 }

int gai_hanzi_stream_put(struct gai_hanzi_stream *st, struct gai_buf *out,
    const char *s, size_t n);
int gai_hanzi_stream_end(struct gai_hanzi_stream *st, struct gai_buf *out);

#endif
