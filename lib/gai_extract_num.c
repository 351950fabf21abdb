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
	/* the common cell, a count in digits alone: as it is, but for
	 * its leading zeros */
	for (i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (i == n) {
		for (start = 0; start + 1 < n && s[start] == '0'; start++)
			;
		return gai_buf_append(out, s + start, n - start) < 0 ? -1 : 1;
	}
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

size_t
gx_unit_len(const char *s, size_t n)
{
	const struct unit *u;

	for (u = units; u->s != NULL; u++)
		if (n >= u->n && memcmp(s, u->s, u->n) == 0)
			return u->n;
	return 0;
}

int
gx_run_make(struct gx_run *r, const char *s, size_t n)
{
	const char *e = s + n;

	r->n = 0;
	r->sure[0] = 1;
	r->joined[0] = 0;
	while (s < e) {
		if (*s == ',' && r->n > 0 && !r->sure[r->n] && s + 1 < e &&
		    s[1] >= '0' && s[1] <= '9') {
			/* 1,234: one number, no cell boundary at the comma */
			s++;
			r->joined[r->n] = 1;
			continue;
		}
		if ((*s >= '0' && *s <= '9') || *s == '.') {
			if (r->n == GX_RUNMAX)
				return -1;
			r->src[r->n] = s;
			r->sure[r->n + 1] = 0;
			r->joined[r->n + 1] = 0;
			r->d[r->n++] = *s++;
			r->end[r->n] = s;
			continue;
		}
		if (*s == ' ') {
			s++;
		} else {
			size_t u = gx_unit_len(s, (size_t)(e - s));

			if (u == 0 || r->n == 0)
				return -1;	/* a unit ends a number */
			s += u;
			r->end[r->n] = s;
		}
		r->sure[r->n] = 1;
	}
	r->d[r->n] = '\0';
	r->src[r->n] = e;
	r->sure[r->n] = 1;
	return r->n > 0 ? 0 : -1;
}

int64_t
gx_run_int(const struct gx_run *r, size_t a, size_t b, int *ok)
{
	int64_t v = 0;

	*ok = 1;
	for (; a < b; a++) {
		if (r->d[a] == '.')
			*ok = 0;
		else
			v = v * 10 + (r->d[a] - '0');
	}
	return *ok ? v : 0;
}

struct split {
	const struct gx_run *r;
	int k;
	unsigned dec;
	const struct gx_ident *id;
	size_t nid;
	int64_t cur[GX_MAXCOLS];
	unsigned char isint[GX_MAXCOLS];
	unsigned char cut[GX_MAXCOLS + 1];
	size_t left[GX_RUNMAX + 1];	/* sure boundaries after offset i */
	unsigned char *out;	/* room for max readings of k + 1 cuts */
	int max, found;
	long budget;		/* nodes left: a bound on the search */
	int seps;		/* the run has thousands separators */
};

/*
 * Identities whose last part is j can be checked once j is placed; one
 * whose parts are being placed (its total after them) is cut short when
 * their sum is already more than the digits left can hold for the total.
 */
/* 10^i: the least number of i + 1 digits. */
static const int64_t pow10[19] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
	1000000000, 10000000000, 100000000000, 1000000000000,
	10000000000000, 100000000000000, 1000000000000000,
	10000000000000000, 100000000000000000, 1000000000000000000
};

static int
check_upto(const struct split *sp, int j, size_t pos)
{
	size_t i, left = sp->r->n - pos, dig;
	int c;
	int64_t sum, max;

	for (i = 0; i < sp->nid; i++) {
		const struct gx_ident *e = &sp->id[i];
		int hi = e->last > e->total ? e->last : e->total;

		if (e->total > e->last && j >= e->first && j <= e->last) {
			/* the parts after j take a digit each at least */
			dig = left - (size_t)(sp->k - 1 - j - 1);
			for (sum = 0, c = e->first; c <= j; c++)
				sum += sp->cur[c];
			max = pow10[dig < 18 ? dig : 18];
			if (sum >= max)
				return 0;
		}
		if (hi != j)
			continue;
		sum = 0;
		for (c = e->first; c <= e->last; c++) {
			if (!sp->isint[c])
				return 0;
			sum += sp->cur[c];
		}
		if (!sp->isint[e->total] || sum != sp->cur[e->total])
			return 0;
	}
	return 1;
}

/* Is d[a..b) grouped as a thousands separator groups: 1,234 and
 * 12,345,678, never 31,2 (the digits of 31,234 cut after its 2)? */
static int
grouped(const struct gx_run *r, size_t a, size_t b)
{
	size_t i, last = a;

	for (i = a + 1; i < b && r->d[i] != '.'; i++)
		if (r->joined[i]) {
			if (i - last > 3 || (last > a && i - last != 3))
				return 0;
			last = i;
		}
	return last == a || i - last == 3;
}

static void
split_rec(struct split *sp, size_t pos, int j)
{
	const struct gx_run *r = sp->r;
	size_t b, need = (size_t)(sp->k - j - 1), points = 0;
	int64_t v = 0;

	if (sp->found > sp->max || --sp->budget < 0)
		return;
	sp->cut[j] = (unsigned char)pos;
	if (j == sp->k) {
		if (pos == r->n) {
			if (sp->found < sp->max)
				memcpy(sp->out + (size_t)sp->found *
				    (GX_MAXCOLS + 1), sp->cut,
				    (size_t)sp->k + 1);
			sp->found++;
		}
		return;
	}
	/* every sure boundary still to come needs a part of its own */
	if (pos == r->n || sp->left[pos] > need)
		return;
	for (b = pos + 1; b + need <= r->n; b++) {
		/* the part's value grows a digit at a time; a point makes it
		 * no integer (as gx_run_int says) */
		if (r->d[b - 1] == '.')
			points++;
		else
			v = v * 10 + (r->d[b - 1] - '0');
		if (points > 1 || (points && !(sp->dec >> j & 1)) ||
		    b - pos > 15)
			break;
		/* "0" and "0.5", never "07" */
		if (b - pos > 1 && r->d[pos] == '0' && r->d[pos + 1] != '.')
			break;
		if (r->d[pos] == '.')
			break;
		/* a point has digits on both sides; 1,234 is one number */
		if (r->d[b - 1] != '.' && (b == r->n || r->d[b] != '.') &&
		    !r->joined[b] && (need > 0 || b == r->n) &&
		    (!sp->seps || grouped(r, pos, b))) {
			/* (the last part takes every digit left) */
			sp->cur[j] = points ? 0 : v;
			sp->isint[j] = (unsigned char)!points;
			if (check_upto(sp, j, b))
				split_rec(sp, b, j + 1);
		}
		if (r->sure[b])
			break;	/* the part cannot go past it */
	}
}

int
gx_num_split(const struct gx_run *r, int k, unsigned decmask,
    const struct gx_ident *id, size_t nid, unsigned char *cuts, int max)
{
	struct split sp;
	size_t i;

	if (k < 1 || k > GX_MAXCOLS || r->n < (size_t)k)
		return 0;
	memset(&sp, 0, sizeof sp);
	sp.left[r->n] = 0;
	for (i = r->n; i-- > 0; )
		sp.left[i] = sp.left[i + 1] + (r->sure[i + 1] && i + 1 < r->n);
	sp.r = r;
	sp.k = k;
	sp.dec = decmask;
	sp.id = id;
	sp.nid = nid;
	sp.out = cuts;
	sp.max = max;
	sp.budget = 2000000;
	for (i = 1; i < r->n && !sp.seps; i++)
		sp.seps = r->joined[i];
	split_rec(&sp, 0, 0);
	if (sp.budget < 0)
		return -1;
	return sp.found;
}
