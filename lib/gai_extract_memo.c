/* SPDX-License-Identifier: MIT */
/*
 * gai_extract_memo: what a squeezed cell matched, remembered across
 * documents.  Every report repeats the same labels, column headings and
 * table headings; each is matched against the patterns once and then
 * found here by its bytes, for a hash and a compare instead of a pass of
 * a large alternation.  The table is bounded: when it fills, it starts
 * over empty.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gai_extract_impl.h"

#define SLOTS 4096		/* a power of two */
#define ENTRIES (SLOTS / 2)	/* at most half full: probes stay short */
#define KEYBYTES ((size_t)128 << 10)

struct gx_memo {
	struct slot {
		uint32_t hash;	/* 0: empty */
		uint32_t koff;	/* the key in keys */
		uint32_t klen;
		unsigned kind;
		long v[2];
	} slot[SLOTS];
	size_t n;
	char keys[KEYBYTES];
	size_t klen;
};

/* The kind and the bytes, eight at a time, mixed by multiplication; never
 * 0 (an empty slot). */
static uint32_t
hash(unsigned kind, const char *s, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ull * (kind + 1) ^ n, w;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
	}
	if (i < n) {
		w = 0;
		memcpy(&w, s + i, n - i);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
	}
	h ^= h >> 29;
	return (uint32_t)h != 0 ? (uint32_t)h : 1;
}

long *
gx_memo(struct gai_extract *x, unsigned kind, int *found)
{
	struct gx_memo *m = x->memo;
	const char *s = x->sq.data;
	size_t n = x->sq.len, i;
	uint32_t h;

	if (n > GX_MEMO_MAX)
		return NULL;
	if (m == NULL && (m = x->memo = calloc(1, sizeof *m)) == NULL)
		return NULL;
	h = hash(kind, s, n);
	for (i = h & (SLOTS - 1); m->slot[i].hash != 0; i = (i + 1) & (SLOTS - 1))
		if (m->slot[i].hash == h && m->slot[i].kind == kind &&
		    m->slot[i].klen == n &&
		    memcmp(m->keys + m->slot[i].koff, s, n) == 0) {
			*found = 1;
			return m->slot[i].v;
		}
	if (m->n == ENTRIES || m->klen + n > KEYBYTES) {
		/* full: start over (the labels come back at once) */
		memset(m->slot, 0, sizeof m->slot);
		m->n = m->klen = 0;
		i = h & (SLOTS - 1);
	}
	m->slot[i].hash = h;
	m->slot[i].kind = kind;
	m->slot[i].koff = (uint32_t)m->klen;
	m->slot[i].klen = (uint32_t)n;
	memcpy(m->keys + m->klen, s, n);
	m->klen += n;
	m->n++;
	*found = 0;
	return m->slot[i].v;
}

void
gx_memo_free(struct gx_memo *m)
{
	free(m);
}
