/* SPDX-License-Identifier: MIT */
/* gai_prose: the counts a report states in its prose, as prose.* records. */
#ifndef GAI_PROSE_H
#define GAI_PROSE_H

#include <stddef.h>

/*
 * Receives one record and the sentence it was read from (its text, lines
 * a PDF wrapped joined again; not NUL-terminated); returns 0 to go on,
 * nonzero to stop the scan.
 */
typedef int (*gai_prose_emit)(void *ctx, const char *key, const char *value,
    const char *sentence, size_t sentence_len);

/*
 * Scan the text of one document (stream 1, UTF-8) for the counts its prose
 * states (申请 received, carried over, 行政复议, 诉讼 ...) and emit each as
 * a prose.* record.  Returns 0, a negative GAI_E_* code, or what emit
 * returned.
 */
int gai_prose_scan(const char *text, size_t len, gai_prose_emit emit,
    void *ctx);

#endif
