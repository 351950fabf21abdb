/* SPDX-License-Identifier: MIT */
/*
 * gai_extract_chars: does a text hold one of a few Han characters?  A
 * prefilter for the patterns that a line can only match when it holds
 * one of them: a pass over the bytes that looks at each byte pair once
 * (a bitmap of the last two bytes of the characters), so that prose
 * without them costs about a cycle a byte, not a pattern search.
 */
#include <config.h>

#include <string.h>

#include "gai_extract_impl.h"
#include "gai_hanzi.h"
#include "gai_text.h"

/* The bitmap's index: the low six bits of a character's second and
 * third byte (both continuation bytes). */
static unsigned
pair(const unsigned char *p)
{
	return (unsigned)(p[0] & 0x3f) << 6 | (p[1] & 0x3f);
}

static int
add(struct gx_chars *c, unsigned long cp)
{
	char u[4];

	if (cp < 0x800 || cp > 0xffff || (cp >= 0xd800 && cp <= 0xdfff))
		return -1;	/* not three bytes in UTF-8 */
	if (c->n == GX_CHARS_MAX)
		return -1;
	u[0] = (char)(0xe0 | cp >> 12);
	u[1] = (char)(0x80 | (cp >> 6 & 0x3f));
	u[2] = (char)(0x80 | (cp & 0x3f));
	memcpy(c->c[c->n++], u, 3);
	c->bits[pair((const unsigned char *)u + 1) >> 3] |=
	    (unsigned char)(1u << (pair((const unsigned char *)u + 1) & 7));
	return 0;
}

int
gx_chars_init(struct gx_chars *c, const char *chars)
{
	unsigned long cp, trad[16];
	size_t n, k, nt, left = strlen(chars);

	memset(c, 0, sizeof *c);
	for (; left > 0; chars += n, left -= n) {
		cp = gai_text_decode(chars, left, &n);
		nt = gai_hanzi_traditional(cp, trad, 16);
		if (add(c, cp) < 0)
			return -1;
		for (k = 0; k < nt && k < 16; k++)
			if (add(c, trad[k]) < 0)
				return -1;
	}
	return 0;
}

int
gx_chars_in(const struct gx_chars *c, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i, k;

	for (i = 1; i + 1 < n; i++) {
		unsigned b = pair(s + i);

		if (!(c->bits[b >> 3] & (1u << (b & 7))))
			continue;
		for (k = 0; k < c->n; k++)
			if (memcmp(s + i - 1, c->c[k], 3) == 0)
				return 1;
	}
	return 0;
}
