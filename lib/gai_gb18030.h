/* SPDX-License-Identifier: MIT */
/* gai_gb18030: GB18030 text to UTF-8 faster than iconv, for the common case. */
#ifndef GAI_GB18030_H
#define GAI_GB18030_H

#include <stddef.h>

/*
 * Fill the table of the two-byte codes, once, from iconv itself: 0 when it
 * is ready, -1 when iconv does not give one character per code (then the
 * caller uses iconv alone).
 */
int gai_gb18030_init(void);

/*
 * Decode s[0..n) to out (cap bytes) while it is ASCII or two-byte codes;
 * stop at anything else (a four-byte code, a bad byte, a code cut by the
 * end) or when out is nearly full.  The bytes of s read; *olen says how
 * many were written to out.  Same output as iconv for what it reads.
 */
size_t gai_gb18030_fast(const char *s, size_t n, char *out, size_t cap,
    size_t *olen);

#endif
