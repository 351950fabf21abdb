/* SPDX-License-Identifier: MIT */
/* gai_prose: the counts a report states in its prose, as prose.* records. */
#ifndef GAI_PROSE_H
#define GAI_PROSE_H

#include <stddef.h>

#include "gai_chars.h"

/*
 * Receives one record and the sentence it was read from (its text, lines
 * a PDF wrapped joined again; not NUL-terminated); returns 0 to go on,
 * nonzero to stop the scan.
 */
typedef int (*gai_prose_emit)(void *ctx, const char *key, const char *value,
    const char *sentence, size_t sentence_len);

/*
 * What a line holds that a count needs (every count ends in 件, and is
 * looked for only near one of a few words): 件, the first character of
 * such a word; and a TAB or '|', which make it a table row, no prose.
 */
#define GAI_PROSE_JIAN 0x01
#define GAI_PROSE_HINT 0x02
#define GAI_PROSE_TABLE 0x04

/*
 * Add those characters to c, marked GAI_PROSE_JIAN and GAI_PROSE_HINT, for
 * a caller that reads every line anyway to mark the lines in the same
 * pass.  0, or a negative GAI_E_* code.
 */
int gai_prose_chars(struct gai_chars *c);

/*
 * Scan the text of one document (stream 1, UTF-8) for the counts its prose
 * states (申请 received, carried over, 行政复议, 诉讼 ...) and emit each as
 * a prose.* record.  marks is NULL, or a byte per line of text (each
 * ended by LF or the text's end) with the GAI_PROSE_* bits of what is on
 * it: a paragraph whose lines lack 件 or a hint is not read.
 * Returns 0, a negative GAI_E_* code, or what emit returned.
 */
int gai_prose_scan(const char *text, size_t len, const unsigned char *marks,
    gai_prose_emit emit, void *ctx);

#endif
