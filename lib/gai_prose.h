/* SPDX-License-Identifier: MIT */
/* gai_prose: the counts a report states in its prose, as prose.* records. */
#ifndef GAI_PROSE_H
#define GAI_PROSE_H

#include <stddef.h>
#include <stdint.h>

#include "gai_chars.h"

/*
 * Receives one record and the sentence it was read from (its text, lines
 * a PDF wrapped joined again; not NUL-terminated); returns 0 to go on,
 * nonzero to stop the scan.
 */
typedef int (*gai_prose_emit)(void *ctx, const char *key, const char *value,
    const char *sentence, size_t sentence_len);

/*
 * What a line holds that a count needs, for a caller that reads every
 * line anyway to mark them in the same pass: 件 (every count ends in it);
 * a word a count is looked for near, or a word's first characters at its
 * end, which the next line may finish (a PDF wraps a line anywhere:
 * 答\n复); a TAB or '|', which make it a table row, no prose.
 */
#define GAI_PROSE_JIAN 0x01
#define GAI_PROSE_WORD 0x02
#define GAI_PROSE_TABLE 0x04

/* The words of a line marked GAI_PROSE_WORD: bit i, a word pattern i is
 * looked for near; GAI_PROSE_MAYBE, the first characters of one at the
 * line's end (or the line is not UTF-8): the paragraph's words are then
 * looked for in it again. */
#define GAI_PROSE_MAYBE 0x40

/* The marks of a document's lines (each ended by LF or the text's end). */
struct gai_prose_marks {
	const unsigned char *line;	/* each line's GAI_PROSE_* */
	const uint32_t *wline;	/* the lines marked GAI_PROSE_WORD, in order */
	const unsigned char *words;	/* and their words */
	size_t nw;
};

/*
 * Add to c the words' first characters, marked first, and 件, marked
 * jian.  0, or a negative GAI_E_* code.
 */
int gai_prose_chars(struct gai_chars *c, unsigned first, unsigned jian);

/*
 * The words at s, a first character of one, with n bytes up to the end
 * of its line (its trailing spaces left out): bit i for a word of pattern
 * i there, GAI_PROSE_MAYBE when s[0..n) is the start of one.
 */
unsigned gai_prose_words(const char *s, size_t n);

/*
 * Scan the text of one document (stream 1, UTF-8) for the counts its prose
 * states (申请 received, carried over, 行政复议, 诉讼 ...) and emit each as
 * a prose.* record.  marks is NULL, or its lines' marks: a paragraph is
 * read only for the words its lines hold.  Returns 0, a negative GAI_E_*
 * code, or what emit returned.
 */
int gai_prose_scan(const char *text, size_t len,
    const struct gai_prose_marks *marks, gai_prose_emit emit, void *ctx);

#endif
