/* SPDX-License-Identifier: MIT */
/* gai_dec: decimal numbers of stream 2, exactly, as scaled integers. */
#include <config.h>

#include <limits.h>
#include <string.h>

#include "gai_dec.h"

int
gai_dec_parse(const char *s, struct gai_dec *d)
{
	const char *p = s;
	unsigned long long n = 0;
	int digits = 0, dot = 0, scale = 0, big = 0, neg = 0;

	if (*p == '-') {
		neg = 1;
		p++;
	}
	for (; *p != '\0'; p++) {
		if (*p == '.' && !dot) {
			dot = 1;
			continue;
		}
		if (*p < '0' || *p > '9')
			return GAI_DEC_NAN;
		scale += dot;
		/*
		 * Keep n within LLONG_MAX so that it can be negated: 18
		 * digits always are (10^18 - 1 < 2^63 - 1), a count has a few.
		 */
		if (++digits > 18 && n > ((unsigned long long)LLONG_MAX -
		    (unsigned)(*p - '0')) / 10)
			big = 1;
		else
			n = n * 10 + (unsigned)(*p - '0');
	}
	if (digits == 0)
		return GAI_DEC_NAN;
	if (big || scale > GAI_DEC_MAXSCALE)
		return GAI_DEC_BIG;
	d->m = neg ? -(long long)n : (long long)n;
	d->scale = scale;
	return GAI_DEC_OK;
}

/* Bring d to scale (>= d->scale): GAI_DEC_OK or GAI_DEC_BIG. */
static int
rescale(struct gai_dec *d, int scale)
{
	for (; d->scale < scale; d->scale++) {
		if (d->m > LLONG_MAX / 10 || d->m < LLONG_MIN / 10)
			return GAI_DEC_BIG;
		d->m *= 10;
	}
	return GAI_DEC_OK;
}

static int
align(struct gai_dec *a, struct gai_dec *b)
{
	int s = a->scale > b->scale ? a->scale : b->scale;

	if (rescale(a, s) != GAI_DEC_OK || rescale(b, s) != GAI_DEC_OK)
		return GAI_DEC_BIG;
	return GAI_DEC_OK;
}

int
gai_dec_add(struct gai_dec a, struct gai_dec b, int neg, struct gai_dec *r)
{
	if (align(&a, &b) != GAI_DEC_OK)
		return GAI_DEC_BIG;
	if (neg) {
		if (b.m == LLONG_MIN)
			return GAI_DEC_BIG;
		b.m = -b.m;
	}
	if ((b.m > 0 && a.m > LLONG_MAX - b.m) ||
	    (b.m < 0 && a.m < LLONG_MIN - b.m))
		return GAI_DEC_BIG;
	r->m = a.m + b.m;
	r->scale = a.scale;
	return GAI_DEC_OK;
}

int
gai_dec_cmp(struct gai_dec a, struct gai_dec b, int *cmp)
{
	if (align(&a, &b) != GAI_DEC_OK)
		return GAI_DEC_BIG;
	*cmp = (a.m > b.m) - (a.m < b.m);
	return GAI_DEC_OK;
}

char *
gai_dec_format(struct gai_dec d, char *buf)
{
	char digits[24];
	unsigned long long n = d.m < 0 ? 0 - (unsigned long long)d.m :
	    (unsigned long long)d.m;
	int nd = 0, scale = d.scale;
	char *p = buf;

	/* Trailing zeros after the point say nothing. */
	while (scale > 0 && n % 10 == 0) {
		n /= 10;
		scale--;
	}
	do {
		digits[nd++] = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0);
	while (nd <= scale)
		digits[nd++] = '0';
	if (d.m < 0)
		*p++ = '-';
	while (nd > 0) {
		*p++ = digits[--nd];
		if (nd == scale && nd > 0)
			*p++ = '.';
	}
	*p = '\0';
	return buf;
}
