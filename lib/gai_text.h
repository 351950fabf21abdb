/* SPDX-License-Identifier: MIT */
/* gai_text: the folding every stream 1 text goes through. */
#ifndef GAI_TEXT_H
#define GAI_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "gai_buf.h"

/*
 * Folding state carried from one chunk to the next, so a document can be
 * folded as it streams in: a CR at the end of a chunk may be half of CR LF.
 */
struct gai_fold {
	int pending_cr;
	size_t nuls;		/* NUL bytes dropped so far */
};

/*
 * Append valid UTF-8 src[0..n) to dst folded as DESIGN.md stream 1 says:
 * full-width ASCII forms to ASCII; U+3000, NO-BREAK SPACE and the other
 * Unicode spaces to a space; zero-width characters, soft hyphens and NUL
 * dropped; CR LF, lone CR, form feed, vertical tab and U+2028/9 to LF.
 * The input must not end inside a character.  0 or GAI_E_NOMEM.
 */
int gai_text_fold(struct gai_fold *st, struct gai_buf *dst, const char *src,
    size_t n);

/*
 * Length of the longest prefix of s[0..n) that gai_text_fold leaves as it
 * is (n when folding would change nothing: stream 1 is folded already,
 * and a reader can take it without a copy).
 */
size_t gai_text_fold_span(const char *s, size_t n);

/* 1 when the eight bytes at s are all ASCII from the space up: the fold
 * keeps them, and they are UTF-8. */
static inline int
gai_text_plain8(const char *s)
{
	uint64_t w, high = 0x8080808080808080ull;

	memcpy(&w, s, 8);
	/*
	 * No byte of 0x80 or more; then none below 0x20, or subtracting
	 * 0x20 from each borrows into the high bit of the lowest such byte.
	 */
	return ((w | (w - 0x2020202020202020ull)) & high) == 0;
}

/* What the fold makes of a non-ASCII code point: itself, a replacement,
 * or -1 (dropped). */
long gai_text_fold_cp(unsigned long cp);

/* Finish a document: emit a CR still pending.  0 or GAI_E_NOMEM. */
int gai_text_fold_end(struct gai_fold *st, struct gai_buf *dst);

/*
 * The code point of the UTF-8 character at s (at most n bytes) and its
 * length in *len; U+FFFD with *len 1 for a byte that starts no character.
 */
unsigned long gai_text_decode(const char *s, size_t n, size_t *len);

/* Length of the longest prefix of s[0..n) that is valid UTF-8. */
size_t gai_text_valid_utf8(const char *s, size_t n);

#endif
