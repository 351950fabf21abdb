/* SPDX-License-Identifier: MIT */
/*
 * gai_chars: does a text hold one of a few Han characters, and where?  A
 * prefilter for patterns and words a line can only match when it holds
 * one of them: one pass over the bytes that looks each byte pair up in a
 * table of the characters' last two bytes (both continuation bytes, six
 * bits each), so that prose without them costs a load and a test a byte,
 * not a search per word or pattern.  Each character carries bits, so
 * that one pass can tell several sets apart.
 */
#include <config.h>

#include <string.h>

#include "gai_chars.h"
#include "gai_hanzi.h"
#include "gai_text.h"

/* The table's index: the low six bits of two continuation bytes. */
static unsigned
pair(const unsigned char *p)
{
	return (unsigned)(p[0] & 0x3f) << 6 | (p[1] & 0x3f);
}

static int
add(struct gai_chars *c, unsigned long cp, unsigned bits)
{
	unsigned char u[3];
	unsigned k;
	size_t i;

	if (cp < 0x800 || cp > 0xffff || (cp >= 0xd800 && cp <= 0xdfff))
		return -1;
	u[0] = (unsigned char)(0xe0 | cp >> 12);
	u[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
	u[2] = (unsigned char)(0x80 | (cp & 0x3f));
	k = pair(u + 1);
	for (i = 0; i < c->n && memcmp(c->c[i], u, 3) != 0; i++)
		;
	if (i == c->n) {
		if (c->n == GAI_CHARS_MAX)
			return -1;
		memcpy(c->c[c->n++], u, 3);
		/* a second character with these last bytes: look in c */
		c->lead[k] = c->pair[k] == 0 ? u[0] : 0;
	}
	c->bits[i] |= (unsigned char)bits;
	c->pair[k] |= (unsigned char)bits;
	return 0;
}

int
gai_chars_add(struct gai_chars *c, const char *chars, int trad, unsigned bits)
{
	unsigned long cp, forms[16];
	size_t n, k, nt, left = strlen(chars);

	if (bits == 0 || bits > 0xff)
		return -1;
	for (; left > 0; chars += n, left -= n) {
		cp = gai_text_decode(chars, left, &n);
		nt = trad ? gai_hanzi_traditional(cp, forms, 16) : 0;
		if (add(c, cp, bits) < 0)
			return -1;
		for (k = 0; k < nt && k < 16; k++)
			if (add(c, forms[k], bits) < 0)
				return -1;
	}
	return 0;
}

int
gai_chars_init(struct gai_chars *c, const char *chars, int trad)
{
	memset(c, 0, sizeof *c);
	return gai_chars_add(c, chars, trad, 1);
}

unsigned
gai_chars_bits_of(const struct gai_chars *c, const unsigned char *s)
{
	size_t k;

	for (k = 0; k < c->n; k++)
		if (memcmp(s, c->c[k], 3) == 0)
			return c->bits[k];
	return 0;
}

size_t
gai_chars_find(const struct gai_chars *c, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str, *p, *end;

	if (n < 3)
		return n;
	/*
	 * A character at a time: a lead byte and two continuation bytes
	 * are looked up and stepped over whole, as none of the characters
	 * can start inside them; any other byte is stepped alone (so a
	 * broken sequence is read as the byte-by-byte search reads it).
	 */
	for (p = s, end = s + n - 2; p < end;) {
		if (*p - 0xe0u > 0x0fu) {
			p++;
			continue;
		}
		/* both continuation bytes 10xxxxxx: below 0x40 once their
		 * top bit is flipped */
		if (((p[1] ^ 0x80u) | (p[2] ^ 0x80u)) >= 0x40u) {
			p++;
			continue;
		}
		if (gai_chars_bits(c, p) != 0)
			return (size_t)(p - s);
		p += 3;
	}
	return n;
}
