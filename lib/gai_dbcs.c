/* SPDX-License-Identifier: MIT */
/*
 * gai_dbcs: ASCII and the two-byte codes of GB18030 and Big5 (nearly all
 * the text of a Chinese page) decoded by one table lookup each.  glibc's
 * iconv spends some thirty instructions a character in its generic loops;
 * this spends a few.  A table is iconv's own answer for each two-byte
 * code, asked once per process (a 72 KB conversion), so the output
 * cannot differ from iconv's; what a table does not hold goes to iconv.
 */
#include <config.h>

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gai_dbcs.h"

#define LEADS 127		/* 0x81..0xFF; 0xFF's row stays empty */
#define TRAILS 192		/* 0x40..0xFF */

struct gai_dbcs {
	const char *name;	/* iconv's */
	unsigned char cut;
	int state;		/* 0 not asked yet, 1 ready, -1 unavailable */
	/*
	 * A code's UTF-8 bytes, then in the last byte their count: 0 for a
	 * code left to iconv.
	 */
	unsigned char table[LEADS * TRAILS][4];
};

static struct gai_dbcs tables[] = {
	{ "GB18030", 0x30, 0, { { 0 } } },
	{ "BIG5-HKSCS", 0x40, 0, { { 0 } } },
};

/* Bytes of the UTF-8 character that starts with c; 0 for no lead byte. */
static size_t
utf8_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 :
	    c < 0xF5 ? 4 : 0;
}

/* Enter a code's output in its table entry e, when it fits there. */
static void
put(unsigned char *e, const char *utf8, size_t len)
{
	/* One character of at most three bytes; anything else is iconv's. */
	if (len == 0 || len > 3 || utf8_len((unsigned char)utf8[0]) != len)
		return;
	memcpy(e, utf8, len);
	e[3] = (unsigned char)len;
}

/*
 * Ask iconv for every two-byte code in one conversion, each code followed
 * by a newline, which no code reads as: the output between newlines is
 * the code's.  A code iconv refuses gets a newline of ours and the next
 * is read; the codes it refuses, and those it reads as more than one
 * character (Big5-HKSCS has four) or as a character of four bytes, stay
 * out of the table.
 */
static int
fill(struct gai_dbcs *t)
{
	enum { CODES = 126 * 190 };	/* leads, and trails but 0x7F */
	char *in = malloc(3 * CODES), *out = malloc(8 * CODES);
	char *ip = in, *op = out, *seg, *nl;
	size_t inleft = 3 * CODES, outleft = 8 * CODES, k = 0;
	unsigned lead, trail;
	iconv_t cd;
	int ok = 1;

	if (in == NULL || out == NULL ||
	    (cd = iconv_open("UTF-8", t->name)) == (iconv_t)-1) {
		free(in);
		free(out);
		return -1;
	}
	for (lead = 0x81; lead <= 0xFE; lead++)
		for (trail = 0x40; trail <= 0xFE; trail++)
			if (trail != 0x7F) {
				in[k++] = (char)lead;
				in[k++] = (char)trail;
				in[k++] = '\n';
			}
	while (ok && inleft > 0 &&
	    iconv(cd, &ip, &inleft, &op, &outleft) == (size_t)-1) {
		/* Refused: a code iconv stopped at the start of, no other. */
		ok = errno == EILSEQ && (ip - in) % 3 == 0 && outleft > 0;
		if (ok) {
			*op++ = '\n';
			outleft--;
			ip += 3;
			inleft -= 3;
		}
	}
	iconv_close(cd);
	for (k = 0, seg = out; ok && k < CODES; k++, seg = nl + 1) {
		lead = 0x81 + (unsigned)(k / 190);
		trail = 0x40 + (unsigned)(k % 190);
		trail += trail >= 0x7F;
		nl = memchr(seg, '\n', (size_t)(op - seg));
		if ((ok = nl != NULL))
			put(t->table[(lead - 0x81) * TRAILS + trail - 0x40],
			    seg, (size_t)(nl - seg));
	}
	ok = ok && seg == op;
	free(in);
	free(out);
	return ok ? 0 : -1;
}

const struct gai_dbcs *
gai_dbcs_for(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		struct gai_dbcs *t = &tables[i];

		if (strcmp(name, t->name) != 0)
			continue;
		if (t->state == 0)
			t->state = fill(t) == 0 ? 1 : -1;
		return t->state == 1 ? t : NULL;
	}
	return NULL;
}

const char *
gai_dbcs_name(const struct gai_dbcs *t)
{
	return t->name;
}

unsigned char
gai_dbcs_cut(const struct gai_dbcs *t)
{
	return t->cut;
}

size_t
gai_dbcs_fast(const struct gai_dbcs *t, const char *str, size_t n,
    char *out, size_t cap, size_t *olen)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, o = 0;

	while (i < n && o + 8 <= cap) {
		uint64_t w;

		/* Han first: the bulk of a page's text. */
		if (s[i] >= 0x81) {
			const unsigned char *e;

			if (i + 1 >= n || s[i + 1] < 0x40)
				break;	/* for iconv */
			e = t->table[(s[i] - 0x81) * TRAILS + s[i + 1] - 0x40];
			if (e[3] == 0)
				break;
			/* Four bytes, the count too: o + 8 <= cap has room. */
			memcpy(out + o, e, 4);
			o += e[3];
			i += 2;
			continue;
		}
		if (s[i] >= 0x80)
			break;
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
