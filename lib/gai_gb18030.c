/* SPDX-License-Identifier: MIT */
/*
 * gai_gb18030: ASCII and the two-byte codes (all of GBK, so nearly all the
 * text of a Chinese page) decoded by one table lookup each.  glibc's iconv
 * spends some thirty instructions a character in its generic loops; this
 * spends a few.  The table is iconv's own answer for every two-byte code,
 * asked once, so the output cannot differ from iconv's; what the table
 * does not cover goes to iconv.
 */
#include <config.h>

#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gai_gb18030.h"

#define LEADS 126		/* 0x81..0xFE */
#define TRAILS 192		/* 0x40..0xFF; 0x7F and 0xFF are not trails */

/* A code's UTF-8 bytes, low byte first, and their count in the top byte. */
static uint32_t table[LEADS * TRAILS];
static int state;		/* 0 not asked yet, 1 ready, -1 unavailable */

static int
trail(unsigned t)
{
	return t >= 0x40 && t <= 0xFE && t != 0x7F;
}

static int
fill(void)
{
	size_t nin = 0, inleft, outleft, i, o = 0;
	char *in = malloc(2 * LEADS * TRAILS), *out = malloc(4 * LEADS * TRAILS);
	char *ip = in, *op = out;
	unsigned lead, t;
	iconv_t cd;
	int ok = 0;

	if (in == NULL || out == NULL ||
	    (cd = iconv_open("UTF-8", "GB18030")) == (iconv_t)-1) {
		free(in);
		free(out);
		return -1;
	}
	for (lead = 0x81; lead <= 0xFE; lead++)
		for (t = 0x40; t <= 0xFE; t++)
			if (trail(t)) {
				in[nin++] = (char)lead;
				in[nin++] = (char)t;
			}
	inleft = nin;
	outleft = 4 * LEADS * TRAILS;
	if (iconv(cd, &ip, &inleft, &op, &outleft) != (size_t)-1 &&
	    inleft == 0) {
		size_t total = (size_t)(op - out);

		ok = 1;
		for (i = 0; i < nin && ok; i += 2) {
			unsigned char c = (unsigned char)out[o];
			size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 :
			    c >= 0xE0 ? 3 : 2, k;
			uint32_t v = (uint32_t)len << 24;

			/* One character per code. */
			ok = c < 0xF5 && (c < 0x80 || c >= 0xC2) &&
			    o + len <= total;
			for (k = 0; ok && k < len && len < 4; k++)
				v |= (uint32_t)(unsigned char)out[o + k] << 8 * k;
			/* A few codes are outside the BMP: left to iconv. */
			if (len < 4)
				table[((unsigned char)in[i] - 0x81) * TRAILS +
				    (unsigned char)in[i + 1] - 0x40] = v;
			o += len;
		}
		ok = ok && o == total;
	}
	iconv_close(cd);
	free(in);
	free(out);
	return ok ? 0 : -1;
}

int
gai_gb18030_init(void)
{
	if (state == 0)
		state = fill() == 0 ? 1 : -1;
	return state == 1 ? 0 : -1;
}

size_t
gai_gb18030_fast(const char *str, size_t n, char *out, size_t cap,
    size_t *olen)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, o = 0;

	while (i < n && o + 8 <= cap) {
		uint64_t w;
		uint32_t v;

		/* Han first: the bulk of a page's text. */
		if (s[i] >= 0x81 && s[i] <= 0xFE && i + 1 < n &&
		    s[i + 1] >= 0x40 &&
		    (v = table[(s[i] - 0x81) * TRAILS + s[i + 1] - 0x40]) != 0) {
			out[o] = (char)(v & 0xFF);
			out[o + 1] = (char)(v >> 8 & 0xFF);
			out[o + 2] = (char)(v >> 16 & 0xFF);
			o += v >> 24;
			i += 2;
			continue;
		}
		if (s[i] >= 0x80)
			break;		/* for iconv */
		if (n - i >= 8) {
			memcpy(&w, s + i, 8);
			if ((w & 0x8080808080808080ull) == 0) {
				memcpy(out + o, s + i, 8);
				i += 8;
				o += 8;
				continue;
			}
		}
		out[o++] = (char)s[i++];
	}
	*olen = o;
	return i;
}
