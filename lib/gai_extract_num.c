/* SPDX-License-Identifier: MIT */
/* gai_extract_num: cells read as numbers, by hand: no regex in the hot loop. */
#include <config.h>

#include <string.h>

#include "gai_extract_impl.h"

#define W(s) { s, sizeof s - 1 }

/* Cells that say "nothing" where a count belongs. */
static const struct word { const char *s; size_t n; } dashes[] = {
	W("-"), W("--"), W("—"), W("——"), W("―"), W("–"), W("/"), W("无"),
	W("無"), W("－"), { NULL, 0 }
};

/* Units a count or an amount may carry in its cell, longest first. */
static const struct unit { const char *s; size_t n; unsigned flag; } units[] = {
	{ "万元", 6, GX_NF_WAN }, { "萬元", 6, GX_NF_WAN },
	{ "元", 3, GX_NF_YUAN }, { "万", 3, GX_NF_WAN }, { "萬", 3, GX_NF_WAN },
	{ "件", 3, GX_NF_UNIT }, { "个", 3, GX_NF_UNIT }, { "個", 3, GX_NF_UNIT },
	{ "项", 3, GX_NF_UNIT }, { "項", 3, GX_NF_UNIT }, { "条", 3, GX_NF_UNIT },
	{ "條", 3, GX_NF_UNIT }, { "次", 3, GX_NF_UNIT }, { "份", 3, GX_NF_UNIT },
	{ "宗", 3, GX_NF_UNIT }, { "人", 3, GX_NF_UNIT }, { "家", 3, GX_NF_UNIT },
	{ NULL, 0, 0 }
};

int
gx_num_parse(const char *s, size_t n, struct gai_buf *out, unsigned *flags)
{
	size_t i, j, start, intdig = 0, grp = 0, k;
	int neg = 0, seps = 0;
	const struct unit *u;

	*flags = 0;
	while (n > 0 && s[0] == ' ')
		s++, n--;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0)
		return 0;
	if (!(s[0] >= '0' && s[0] <= '9') && s[0] != '+') {
		/* the hot path for text: one byte says it is no number */
		if (s[0] != '-' && s[0] != '/' && (unsigned char)s[0] != 0xe2 &&
		    (unsigned char)s[0] != 0xe6 && (unsigned char)s[0] != 0xe7 &&
		    (unsigned char)s[0] != 0xef)
			return -1;
		for (i = 0; dashes[i].s != NULL; i++)
			if (dashes[i].n == n && memcmp(s, dashes[i].s, n) == 0) {
				*flags = GX_NF_DASH;
				return gai_buf_putc(out, '0') < 0 ? -1 : 1;
			}
	}
	i = 0;
	if (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-';
		i++;
	}
	/* Integer part, with thousands separators only in groups of three. */
	start = i;
	for (; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			intdig++;
			grp++;
		} else if (s[i] == ',' && intdig > 0 &&
		    (seps ? grp == 3 : grp <= 3)) {
			seps = 1;
			grp = 0;
		} else
			break;
	}
	if (intdig == 0 || (seps && grp != 3))
		return -1;
	j = i;			/* end of the integer part */
	if (i < n && s[i] == '.') {
		i++;
		k = i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == k)
			return -1;
		*flags |= GX_NF_DEC;
	}
	k = i;			/* end of the number */
	while (i < n && s[i] == ' ')
		i++;
	if (i < n) {
		for (u = units; u->s != NULL; u++)
			if (u->n == n - i && memcmp(s + i, u->s, u->n) == 0)
				break;
		if (u->s == NULL)
			return -1;
		*flags |= u->flag;
	}
	if (seps)
		*flags |= GX_NF_SEP;
	/* Write it: no '+', no separators, no leading zeros, no "-0". */
	{
		size_t z = start, outlen0 = out->len;
		int nonzero = 0;

		while (z < j - 1 && (s[z] == '0' || s[z] == ','))
			z++;
		if (gai_buf_reserve(out, k - start + 2) < 0)
			return -1;
		if (neg)
			out->data[out->len++] = '-';
		for (; z < j; z++)
			if (s[z] != ',')
				out->data[out->len++] = s[z];
		memcpy(out->data + out->len, s + j, k - j);
		out->len += k - j;
		out->data[out->len] = '\0';
		for (z = outlen0; z < out->len; z++)
			if (out->data[z] >= '1' && out->data[z] <= '9')
				nonzero = 1;
		if (neg && !nonzero) {
			memmove(out->data + outlen0, out->data + outlen0 + 1,
			    out->len - outlen0);
			out->len--;
		}
	}
	return 1;
}

int
gx_num_div10k(const char *s, struct gai_buf *out)
{
	char digits[64];
	size_t n = 0, point, i, lead;
	int neg = 0;
	const char *dot;

	if (*s == '-') {
		neg = 1;
		s++;
	}
	dot = strchr(s, '.');
	point = dot != NULL ? (size_t)(dot - s) : strlen(s);
	/* digits with the point removed; the point moves 4 places left */
	for (i = 0; s[i] != '\0' && n < sizeof digits - 8; i++)
		if (s[i] != '.')
			digits[n++] = s[i];
	while (point < 5) {	/* pad so at least one digit precedes */
		memmove(digits + 1, digits, n);
		digits[0] = '0';
		n++;
		point++;
	}
	point -= 4;
	while (n > point && digits[n - 1] == '0')
		n--;		/* 3940.00 元 -> 0.394 */
	for (lead = 0; lead + 1 < point && digits[lead] == '0'; lead++)
		;
	if (neg && gai_buf_putc(out, '-') < 0)
		return GAI_E_NOMEM;
	if (gai_buf_append(out, digits + lead, point - lead) < 0)
		return GAI_E_NOMEM;
	if (n > point && (gai_buf_putc(out, '.') < 0 ||
	    gai_buf_append(out, digits + point, n - point) < 0))
		return GAI_E_NOMEM;
	return 0;
}

int64_t
gx_num_int(const char *s, int *ok)
{
	int64_t v = 0;
	int neg = 0;

	*ok = 0;
	if (*s == '-') {
		neg = 1;
		s++;
	}
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || v > INT64_MAX / 10 - 10)
			return 0;
		v = v * 10 + (*s - '0');
	}
	*ok = 1;
	return neg ? -v : v;
}

struct split {
	const char *d;
	size_t n;
	int k;
	const struct gx_ident *id;
	size_t nid;
	int64_t cur[GX_MAXCOLS];
	int64_t *out;		/* room for max solutions of k numbers */
	int max, found;
	long budget;		/* nodes left: a bound on the search */
};

/* Identities whose total is part j can be checked once j is placed. */
static int
check_upto(const struct split *sp, int j)
{
	size_t i;
	int c;
	int64_t sum;

	for (i = 0; i < sp->nid; i++) {
		const struct gx_ident *e = &sp->id[i];
		int hi = e->last > e->total ? e->last : e->total;

		if (hi != j)
			continue;
		sum = 0;
		for (c = e->first; c <= e->last; c++)
			sum += sp->cur[c];
		if (sum != sp->cur[e->total])
			return 0;
	}
	return 1;
}

static void
split_rec(struct split *sp, size_t pos, int j)
{
	size_t len, maxlen;
	int64_t v;

	if (sp->found > sp->max || --sp->budget < 0)
		return;
	if (j == sp->k) {
		if (pos == sp->n) {
			if (sp->found < sp->max)
				memcpy(sp->out + (size_t)sp->found * (size_t)sp->k,
				    sp->cur, (size_t)sp->k * sizeof *sp->cur);
			sp->found++;
		}
		return;
	}
	/* leave at least one digit for each part still to come */
	maxlen = sp->n - pos - (size_t)(sp->k - j - 1);
	if (maxlen > 15)
		maxlen = 15;
	if (sp->d[pos] == '0')
		maxlen = maxlen > 0 ? 1 : 0;	/* "0", never "07" */
	for (len = 1, v = 0; len <= maxlen; len++) {
		v = v * 10 + (sp->d[pos + len - 1] - '0');
		sp->cur[j] = v;
		if (check_upto(sp, j))
			split_rec(sp, pos + len, j + 1);
	}
}

int
gx_num_split(const char *d, size_t n, int k, const struct gx_ident *id,
    size_t nid, int64_t *out, int max)
{
	struct split sp;
	size_t i;

	if (k < 1 || k > GX_MAXCOLS || n < (size_t)k)
		return 0;
	for (i = 0; i < n; i++)
		if (d[i] < '0' || d[i] > '9')
			return 0;
	memset(&sp, 0, sizeof sp);
	sp.d = d;
	sp.n = n;
	sp.k = k;
	sp.id = id;
	sp.nid = nid;
	sp.out = out;
	sp.max = max;
	sp.budget = 2000000;
	split_rec(&sp, 0, 0);
	if (sp.budget < 0)
		return -1;
	return sp.found;
}
