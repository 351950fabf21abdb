/* SPDX-License-Identifier: MIT */
/*
 * gai_hanzi: traditional to simplified, from the table tools/gen-hanzi.py
 * makes of OpenCC's TSCharacters dictionary.  The table's index is two
 * levels: the block of 64 code points, then the code point in it, so a
 * character costs two loads, which is what lets gai-normalize --simplified
 * run at the speed of a copy.
 */
#include <config.h>

#include <string.h>

#include "gai_error.h"
#include "gai_hanzi.h"
#include "gai_hanzi_table.h"

unsigned long
gai_hanzi_simplified(unsigned long cp)
{
	unsigned i;

	if (cp / GAI_HANZI_BLOCK >= gai_hanzi_nstage1)
		return cp;
	i = gai_hanzi_blocks[gai_hanzi_stage1[cp / GAI_HANZI_BLOCK]]
	    [cp % GAI_HANZI_BLOCK];
	return i == 0 ? cp : gai_hanzi_pairs[i - 1][1];
}

size_t
gai_hanzi_traditional(unsigned long cp, unsigned long *out, size_t max)
{
	size_t lo = 0, hi = gai_hanzi_npairs, mid, n = 0;

	/* The first pair of simplified form cp, in gai_hanzi_bysimp order. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (gai_hanzi_pairs[gai_hanzi_bysimp[mid]][1] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < gai_hanzi_npairs &&
	    gai_hanzi_pairs[gai_hanzi_bysimp[lo]][1] == cp; lo++, n++)
		if (n < max)
			out[n] = gai_hanzi_pairs[gai_hanzi_bysimp[lo]][0];
	return n;
}

int
gai_hanzi_simplify(struct gai_buf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	const unsigned char *run = p;
	unsigned long cp, to;
	size_t len;

	/* A simplified form is at most one byte longer (3 to 4 bytes). */
	if (gai_buf_reserve(out, n + n / 3 + 1) != 0)
		return GAI_E_NOMEM;
	while (p < end) {
		/* Every table character is three or four bytes of UTF-8. */
		if (*p < 0xE0) {
			p++;
			continue;
		}
		if (*p < 0xF0 && end - p >= 3 && (p[1] & 0xC0) == 0x80 &&
		    (p[2] & 0xC0) == 0x80) {
			cp = (unsigned long)(*p & 0x0F) << 12 |
			    (unsigned long)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
			len = 3;
		} else if (*p < 0xF5 && end - p >= 4 &&
		    (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
		    (p[3] & 0xC0) == 0x80) {
			cp = (unsigned long)(*p & 0x07) << 18 |
			    (unsigned long)(p[1] & 0x3F) << 12 |
			    (unsigned long)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
			len = 4;
		} else {
			p++;
			continue;
		}
		if ((to = gai_hanzi_simplified(cp)) == cp) {
			p += len;
			continue;
		}
		/* Room was reserved: these appends do not fail. */
		if (gai_buf_append(out, run, (size_t)(p - run)) != 0 ||
		    gai_buf_put_utf8(out, to) != 0)
			return GAI_E_NOMEM;
		p += len;
		run = p;
	}
	return gai_buf_append(out, run, (size_t)(p - run));
}

/* How many bytes at the end of s[0..n) start a character they do not finish. */
static size_t
cut_tail(const char *s, size_t n)
{
	size_t i, need;
	unsigned char c;

	for (i = 1; i <= 3 && i <= n; i++) {
		c = (unsigned char)s[n - i];
		if ((c & 0xC0) == 0x80)
			continue;
		need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		return need > i ? i : 0;
	}
	return 0;
}

int
gai_hanzi_stream_put(struct gai_hanzi_stream *st, struct gai_buf *out,
    const char *s, size_t n)
{
	size_t take, tail;

	/* Finish the character that waits, with at most 3 bytes of s. */
	while (st->ncarry > 0 && n > 0) {
		st->carry[st->ncarry++] = *s++;
		n--;
		if (cut_tail(st->carry, st->ncarry) == 0 || st->ncarry == 4) {
			take = st->ncarry;
			st->ncarry = 0;
			if (gai_hanzi_simplify(out, st->carry, take) != 0)
				return GAI_E_NOMEM;
		}
	}
	tail = cut_tail(s, n);
	if (gai_hanzi_simplify(out, s, n - tail) != 0)
		return GAI_E_NOMEM;
	memcpy(st->carry + st->ncarry, s + n - tail, tail);
	st->ncarry += tail;
	return 0;
}

int
gai_hanzi_stream_end(struct gai_hanzi_stream *st, struct gai_buf *out)
{
	size_t n = st->ncarry;

	st->ncarry = 0;
	return gai_buf_append(out, st->carry, n);
}
