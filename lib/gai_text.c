/* SPDX-License-Identifier: MIT */
/* gai_text: width and space folding, and UTF-8 decoding. */
#include <config.h>

#include <stdint.h>
#include <string.h>

#include "gai_error.h"
#include "gai_text.h"

unsigned long
gai_text_decode(const char *str, size_t n, size_t *len)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned long cp, min;
	size_t need, i;

	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		need = 2;
		cp = s[0] & 0x1F;
		min = 0x80;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		need = 3;
		cp = s[0] & 0x0F;
		min = 0x800;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		need = 4;
		cp = s[0] & 0x07;
		min = 0x10000;
	} else {
		*len = 1;
		return 0xFFFD;
	}
	if (n < need) {
		*len = 1;
		return 0xFFFD;
	}
	for (i = 1; i < need; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*len = 1;
			return 0xFFFD;
		}
		cp = cp << 6 | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
		*len = 1;
		return 0xFFFD;
	}
	*len = need;
	return cp;
}

size_t
gai_text_valid_utf8(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, len;

	while (i < n) {
		uint64_t w;

		/* Han and most of CJK, a report's text: a three-byte form,
		 * checked inline and first. */
		if (s[i] >= 0xE1 && s[i] <= 0xEF && s[i] != 0xED && n - i >= 3 &&
		    (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		if (s[i] < 0x80) {
			/* markup is ASCII: eight bytes at a time */
			if (n - i >= 8) {
				memcpy(&w, s + i, 8);
				if ((w & 0x8080808080808080ull) == 0) {
					i += 8;
					continue;
				}
			}
			i++;
			continue;
		}
		if (gai_text_decode(str + i, n - i, &len) == 0xFFFD && len == 1)
			return i;
		i += len;
	}
	return n;
}

long
gai_text_fold_cp(unsigned long cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return (long)(cp - 0xFEE0);
	switch (cp) {
	case 0x00A0: case 0x3000: case 0x202F: case 0x205F:
		return ' ';
	case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060:
	case 0xFEFF:
		return -1;
	case 0x2028: case 0x2029:
		return '\n';
	}
	if (cp >= 0x2000 && cp <= 0x200A)
		return ' ';
	return (long)cp;
}

/*
 * Bytes the fold copies as they are, and how far each steps: ASCII from
 * the space up, TAB and LF one byte; a lead byte of U+4000..U+9FFF (Han)
 * its three-byte character.  Zero: look closer.
 */
#define R4(v) v, v, v, v
#define R16(v) R4(v), R4(v), R4(v), R4(v)
static const unsigned char fold_skip[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0,	/* TAB, LF */
	R16(0),
	R16(1), R16(1), R16(1), R16(1), R16(1), R16(1),	/* 0x20..0x7F */
	R16(0), R16(0), R16(0), R16(0), R16(0), R16(0),
	R4(0), 3, 3, 3, 3, 3, 3, 0, 0, R4(0),		/* 0xE4..0xE9 */
	R16(0)
};
#undef R16
#undef R4

size_t
gai_text_fold_span(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, len;
	unsigned long cp;

	while (i < n) {
		/*
		 * The fold's runs: eight ASCII bytes at a time, Han three.
		 * Branches, not i += fold_skip[s[i]]: the step would wait on
		 * two loads, and the branches are well predicted.
		 */
		if (s[i] >= 0xE4 && s[i] <= 0xE9) {
			i += 3;
			continue;
		}
		if (fold_skip[s[i]] != 0) {
			i += n - i >= 8 && gai_text_plain8(str + i) ? 8 : 1;
			continue;
		}
		if (s[i] < 0x80) {
			if (s[i] == '\r' || s[i] == '\0' || s[i] == '\f' ||
			    s[i] == '\v')
				return i;
			i++;	/* another control: kept */
			continue;
		}
		cp = gai_text_decode(str + i, n - i, &len);
		if (gai_text_fold_cp(cp) != (long)cp)
			return i;
		i += len;
	}
	return n;
}

int
gai_text_fold(struct gai_fold *st, struct gai_buf *dst, const char *src,
    size_t n)
{
	const char *p = src, *end, *run = src;

	if (n == 0)
		return 0;	/* src may be NULL: NULL + 0 is undefined */
	end = src + n;
	if (gai_buf_reserve(dst, n) != 0)
		return GAI_E_NOMEM;
	if (st->pending_cr) {
		st->pending_cr = 0;
		if (gai_buf_putc(dst, '\n') != 0)
			return GAI_E_NOMEM;
		if (p < end && *p == '\n')
			run = ++p;
	}
	while (p < end) {
		unsigned char c;
		size_t len;
		long to;

		/* Most bytes are kept as they are: copy them in runs. */
		p += gai_text_fold_span(p, (size_t)(end - p));
		if (p >= end)
			break;
		c = (unsigned char)*p;
		if (gai_buf_append(dst, run, (size_t)(p - run)) != 0)
			return GAI_E_NOMEM;
		/* what the span stopped at changes */
		len = 1;
		if (c == '\r') {
			if (p + 1 == end)
				st->pending_cr = 1;
			else if (gai_buf_putc(dst, '\n') != 0)
				return GAI_E_NOMEM;
			else if (p[1] == '\n')
				len = 2;
		} else if (c == '\0') {
			st->nuls++;
		} else if (c == '\f' || c == '\v') {
			if (gai_buf_putc(dst, '\n') != 0)
				return GAI_E_NOMEM;
		} else if ((to = gai_text_fold_cp(gai_text_decode(p,
		    (size_t)(end - p), &len))) >= 0 &&
		    gai_buf_put_utf8(dst, (unsigned long)to) != 0)
			return GAI_E_NOMEM;
		p += len;
		run = p;
	}
	if (run < end && gai_buf_append(dst, run, (size_t)(end - run)) != 0)
		return GAI_E_NOMEM;
	return 0;
}

int
gai_text_fold_end(struct gai_fold *st, struct gai_buf *dst)
{
	if (!st->pending_cr)
		return 0;
	st->pending_cr = 0;
	return gai_buf_putc(dst, '\n');
}
