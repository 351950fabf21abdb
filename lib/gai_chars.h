/* SPDX-License-Identifier: MIT */
/* gai_chars: a few Han characters looked for at once, a cycle a byte. */
#ifndef GAI_CHARS_H
#define GAI_CHARS_H

#include <stddef.h>

#define GAI_CHARS_MAX 32

struct gai_chars {
	unsigned char pair[4096];	/* 1: a second and third byte of one */
	char c[GAI_CHARS_MAX][3];
	size_t n;
};

/*
 * The characters of chars, each three bytes in UTF-8; with trad, also
 * their traditional forms.  0, or -1 when one is not three bytes or they
 * are more than GAI_CHARS_MAX.
 */
int gai_chars_init(struct gai_chars *c, const char *chars, int trad);

/* The offset in s[0..n) of the first of them, n when none is there. */
size_t gai_chars_find(const struct gai_chars *c, const char *s, size_t n);

#endif
