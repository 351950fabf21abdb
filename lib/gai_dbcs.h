/* SPDX-License-Identifier: MIT */
/*
 * gai_dbcs: the double-byte encodings of Chinese pages (GB18030's two-byte
 * codes, which are all of GBK; Big5) to UTF-8 faster than iconv, for the
 * common case.
 */
#ifndef GAI_DBCS_H
#define GAI_DBCS_H

#include <stddef.h>

struct gai_dbcs;

/*
 * The table of an iconv name ("GB18030", "BIG5-HKSCS"), filled on first
 * use from iconv itself; NULL for other names, or when iconv cannot give
 * one (then the caller uses iconv alone).
 */
const struct gai_dbcs *gai_dbcs_for(const char *name);

/* The iconv name of a table. */
const char *gai_dbcs_name(const struct gai_dbcs *t);

/*
 * No code of the encoding holds a byte below this after its lead byte
 * (0x30 for GB18030's four-byte codes, 0x40 for Big5): bytes up to the
 * next such byte hold whole codes.
 */
unsigned char gai_dbcs_cut(const struct gai_dbcs *t);

/*
 * Decode s[0..n) to out (cap bytes) while it is ASCII or codes the table
 * has; stop before anything else (a code the table leaves to iconv: a bad
 * one, GB18030's four-byte codes, one outside the BMP, a code cut by the
 * end) or when out is nearly full.  The bytes of s read; *olen says how
 * many were written to out.  Same output as iconv for what it reads.
 */
size_t gai_dbcs_fast(const struct gai_dbcs *t, const char *s, size_t n,
    char *out, size_t cap, size_t *olen);

#endif
