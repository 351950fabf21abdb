/* SPDX-License-Identifier: MIT */
/*
 * gai_hanzi: traditional Chinese characters and their simplified forms,
 * one table for every tool, generated from OpenCC's character dictionary.
 */
#ifndef GAI_HANZI_H
#define GAI_HANZI_H

#include <stddef.h>

#include "gai_buf.h"

/*
 * The simplified form of code point cp (OpenCC's first where it has
 * several), or cp itself when it has none.
 */
unsigned long gai_hanzi_simplified(unsigned long cp);

/*
 * The traditional characters whose simplified form is cp (发: 髮 發), in
 * code point order: up to max of them into out.  Returns how many there
 * are, which may be more than max.
 */
size_t gai_hanzi_traditional(unsigned long cp, unsigned long *out,
    size_t max);

/*
 * Append s[0..n) to out with every traditional character made simplified,
 * character by character (no phrases: 乾 is always 干).  Bytes that are not
 * UTF-8 are copied as they are.  0 or GAI_E_NOMEM.
 */
int gai_hanzi_simplify(struct gai_buf *out, const char *s, size_t n);

#endif
