/* SPDX-License-Identifier: MIT */
/* gai_chars: a few Han characters looked for at once, a cycle a byte. */
#ifndef GAI_CHARS_H
#define GAI_CHARS_H

#include <stddef.h>

#define GAI_CHARS_MAX 64

struct gai_chars {
	/* by the low six bits of a character's last two bytes: the bits
	 * of the characters ending in them (0: none), and their first
	 * byte when one character does (0: several do, look in c) */
	unsigned char pair[4096];
	unsigned char lead[4096];
	char c[GAI_CHARS_MAX][3];
	unsigned char bits[GAI_CHARS_MAX];
	size_t n;
};

/*
 * The characters of chars, each three bytes in UTF-8; with trad, also
 * their traditional forms.  0, or -1 when one is not three bytes or they
 * are more than GAI_CHARS_MAX.
 */
int gai_chars_init(struct gai_chars *c, const char *chars, int trad);

/*
 * More characters, marked with bits (1 to 255; a character added twice
 * has the bits of both).  0 or -1, as gai_chars_init.
 */
int gai_chars_add(struct gai_chars *c, const char *chars, int trad,
    unsigned bits);

/* The offset in s[0..n) of the first of them, n when none is there. */
size_t gai_chars_find(const struct gai_chars *c, const char *s, size_t n);

/* The bits of the three-byte character at s when several of c's end in
 * its last two bytes. */
unsigned gai_chars_bits_of(const struct gai_chars *c, const unsigned char *s);

/* The bits of the character at s, a lead byte and two continuation bytes
 * (10xxxxxx: the caller checks), 0 when it is none of c's: a load and a
 * test for most characters. */
static inline unsigned
gai_chars_bits(const struct gai_chars *c, const unsigned char *s)
{
	unsigned k = (unsigned)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);

	if (c->pair[k] == 0)
		return 0;
	if (c->lead[k] != 0)
		return c->lead[k] == s[0] ? c->pair[k] : 0;
	return gai_chars_bits_of(c, s);
}

#endif
