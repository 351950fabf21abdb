/* SPDX-License-Identifier: MIT */
/* gai_encoding: which encoding a page is in, and its bytes as UTF-8. */
#ifndef GAI_ENCODING_H
#define GAI_ENCODING_H

#include <stddef.h>

#include "gai_error.h"

/* How the encoding was decided, for messages and meta.encoding. */
enum gai_enc_source {
	GAI_ENC_FORCED,		/* the user's --from */
	GAI_ENC_BOM,
	GAI_ENC_DECLARED,	/* meta charset or XML declaration, checked */
	GAI_ENC_UTF8,		/* the bytes are valid UTF-8 */
	GAI_ENC_GUESSED		/* the bytes: common characters, else uchardet */
};

struct gai_encoding {
	char name[32];		/* an iconv name: "UTF-8", "GB18030", ... */
	size_t bom;		/* bytes of byte-order mark to skip */
	enum gai_enc_source source;
	char declared[32];	/* what the page said, "" if nothing */
	int checked;		/* UTF-8 whose every byte detection checked */
};

/*
 * What detection keeps from one document to the next: uchardet's handle
 * and the iconv descriptors that check GB18030 and Big5 and weigh one
 * against the other, so a stream of pages does not open them for each page.
 */
struct gai_detector {
	void *uchardet;
	void *cd[2];		/* iconv_t from GB18030, from BIG5-HKSCS */
	int cd_state[2];	/* 0 not yet, 1 open, -1 iconv refused */
};

#define GAI_DETECTOR_INIT { NULL, { NULL, NULL }, { 0, 0 } }

void gai_detector_free(struct gai_detector *d);

/*
 * Decide the encoding of a document: forced (may be NULL), else a BOM, else
 * a declaration the bytes agree with, else valid UTF-8, else a guess from
 * the bytes (GB18030 or Big5 by the characters reports use, else
 * uchardet).  The GB family is always GB18030 (its superset), Big5 always
 * BIG5-HKSCS.
 * GAI_E_USAGE when forced names an encoding iconv does not know.
 */
int gai_encoding_detect(struct gai_detector *d, const char *bytes, size_t n,
    const char *forced, struct gai_encoding *enc, struct gai_error *err);

/*
 * The same, with a charset the transport declared (an HTTP Content-Type
 * in a WARC file; NULL or "" for none): one more declaration, taken before
 * the page's own and checked against the bytes the same way.
 */
int gai_encoding_detect_declared(struct gai_detector *d, const char *bytes,
    size_t n, const char *forced, const char *transport,
    struct gai_encoding *enc, struct gai_error *err);

/* Receives decoded UTF-8, always whole characters; nonzero stops. */
typedef int (*gai_utf8_sink)(void *ctx, const char *utf8, size_t n);

/* What could not be decoded. */
struct gai_decode_stats {
	size_t bad;		/* bytes (or sequences) replaced by U+FFFD */
	size_t first_bad;	/* offset in the input of the first */
};

/*
 * Decode bytes[0..n) (BOM included; it is skipped) from enc to UTF-8 and
 * hand it to sink in chunks.  A byte that does not decode becomes U+FFFD
 * and is counted in stats (offsets from bytes, the BOM counted); decoding
 * goes on.  0, what sink returned, or
 * GAI_E_ENCODING/GAI_E_NOMEM.
 */
int gai_encoding_decode(const struct gai_encoding *enc, const char *bytes,
    size_t n, gai_utf8_sink sink, void *ctx, struct gai_decode_stats *stats,
    struct gai_error *err);

/*
 * How many of bytes[0..n) hold its first chars characters in the encoding
 * called name ("UTF-8", "GB18030", "BIG5-HKSCS"; one byte a character in
 * any other), so that a window over the top of a page covers the same text
 * whatever its encoding.
 */
size_t gai_encoding_head(const char *name, const char *bytes, size_t n,
    size_t chars);

/*
 * The bytes of the character at u[i] in GB18030 (gb) or Big5: one below
 * 0x81, else two, or four in GB18030's four-byte form (a digit second);
 * past n when the character is cut there.  gai_encoding_head's step, for a
 * caller that looks at each character.
 */
size_t gai_encoding_dbcs_len(int gb, const unsigned char *u, size_t i,
    size_t n);

/*
 * How many of bytes[0..n), the start of a longer text cut anywhere (at a
 * size limit), hold whole characters in the encoding called name: n, less
 * a character the cut went through.  UTF-8, UTF-16 (LE, BE), GB18030 and
 * BIG5-HKSCS; n for any other name.  A byte-order mark is the caller's.
 */
size_t gai_encoding_whole(const char *name, const char *bytes, size_t n);

/*
 * How many of bytes[0..n), which start at a character, to decode as one
 * piece and the rest after it, for the same text and counts as one pass
 * gives: at least want bytes (all n when fewer), up to a byte that no
 * decoder continues a character with, bad bytes or not: in UTF-8 one
 * that is no continuation byte, in GB18030 and BIG5-HKSCS one below 0x30
 * (LF, space, '"', '/'), in UTF-16LE and BE a unit below 0x30; n for
 * any other encoding (UTF-16 with no byte order, HZ: a decoder's state
 * would carry over).
 */
size_t gai_encoding_piece(const char *name, const char *bytes, size_t n,
    size_t want);

/* The canonical iconv name for a charset label, or NULL when unknown. */
const char *gai_encoding_canonical(const char *label);

#endif
