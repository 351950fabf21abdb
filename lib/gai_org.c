/* SPDX-License-Identifier: MIT */
/* gai_org: a body's name folded, to tell two reports come from one body. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "gai_error.h"
#include "gai_hanzi.h"
#include "gai_org.h"
#include "gai_text.h"

/*
 * Drop a province, prefecture or league name that leads a body's name
 * when what follows is a county-level place of its own: a report says
 * 淮安市洪泽区人民政府 one year and 洪泽区人民政府 the next.  A name that
 * is only an office (淮安市财政局) keeps its city, or it would fit any
 * city's.  s holds folded UTF-8; the result is moved to its start.
 */
static int
is_parent(unsigned long cp)
{
	return cp == 0x7701 || cp == 0x5E02 || cp == 0x5DDE || cp == 0x76DF;
}

static int
is_place(unsigned long cp)
{
	return cp == 0x533A || cp == 0x53BF || cp == 0x65D7 || cp == 0x5E02;
}

/* 1 when s[0..n) starts with a place name: 1 to 4 characters, then 区 县 旗 市. */
static int
starts_with_place(const char *s, size_t n)
{
	size_t i, l, q;
	unsigned long cp;

	for (i = 0, q = 0; i < n && q <= 4; i += l, q++) {
		cp = gai_text_decode(s + i, n - i, &l);
		if (q > 0 && is_place(cp))
			return 1;
		if (cp < 0x4E00 || cp > 0x9FFF || is_place(cp) || is_parent(cp))
			return 0;
	}
	return 0;
}

static void
drop_parents(char *s, size_t *len)
{
	size_t i, l, k, cut;
	unsigned long cp;

	do {
		/* The parent: 2 to 8 characters ending in 省, 市, 州 or 盟. */
		cut = 0;
		for (i = 0, k = 0; i < *len && k < 8 && cut == 0; k++) {
			cp = gai_text_decode(s + i, *len - i, &l);
			i += l;
			if (cp < 0x4E00 || cp > 0x9FFF)
				return;
			if (k > 0 && is_parent(cp) && starts_with_place(s + i,
			    *len - i))
				cut = i;
		}
		if (cut > 0) {
			memmove(s, s + cut, *len - cut);
			*len -= cut;
			s[*len] = '\0';
		}
	} while (cut > 0);
}

int
gai_org_fold(struct gai_buf *out, const char *org)
{
	size_t n = strlen(org), l, start = out->len, len;
	unsigned long cp;

	while (n > 0) {
		cp = gai_text_decode(org, n, &l);
		org += l;
		n -= l;
		if (cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0 ||
		    (cp >= 0x2000 && cp <= 0x200D) || cp == 0x202F ||
		    cp == 0x205F || cp == 0xFEFF)
			continue;
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;
		if (gai_buf_put_utf8(out, gai_hanzi_simplified(cp)) != 0)
			return GAI_E_NOMEM;
	}
	if (out->data != NULL) {
		len = out->len - start;
		drop_parents(out->data + start, &len);
		out->len = start + len;
	}
	return 0;
}
