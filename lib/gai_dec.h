/* SPDX-License-Identifier: MIT */
/* gai_dec: decimal numbers of stream 2, exactly, as scaled integers. */
#ifndef GAI_DEC_H
#define GAI_DEC_H

#include <stddef.h>

/*
 * The value m / 10^scale.  Counts are integers and amounts have a few
 * decimals: a 64-bit integer holds both exactly, where a double would
 * round a total past 2^53 or 0.1 + 0.2.
 */
struct gai_dec {
	long long m;
	int scale;
};

#define GAI_DEC_MAXSCALE 18

enum { GAI_DEC_OK = 0, GAI_DEC_NAN = 1, GAI_DEC_BIG = 2 };

/*
 * Read s as stream 2 writes numbers: digits, an optional leading '-', at
 * most one '.'.  GAI_DEC_OK with *d; GAI_DEC_NAN when s is not such a
 * number; GAI_DEC_BIG when it is one too long to hold exactly.
 */
int gai_dec_parse(const char *s, struct gai_dec *d);

/* *r = a + b (or a - b with neg): GAI_DEC_OK, or GAI_DEC_BIG on overflow. */
int gai_dec_add(struct gai_dec a, struct gai_dec b, int neg,
    struct gai_dec *r);

/*
 * Compare a and b: *cmp gets <0, 0 or >0 (0.5 and 0.50 are equal).
 * GAI_DEC_OK, or GAI_DEC_BIG when they cannot be brought to one scale.
 */
int gai_dec_cmp(struct gai_dec a, struct gai_dec b, int *cmp);

/*
 * Write d to buf (size at least 24) without trailing zeros after the
 * point: 3.50 is "3.5", 4.00 is "4".  Returns buf.
 */
char *gai_dec_format(struct gai_dec d, char *buf);

#endif
