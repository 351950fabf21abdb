/* SPDX-License-Identifier: MIT */
/* gai_normalize: decode, then HTML to lines or plain text, then fold. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "gai_html.h"
#include "gai_normalize.h"

#define FLUSH_AT (64 * 1024)
/* A page taken apart as it is decoded goes in pieces of about this size. */
#define PIECE ((size_t)1 << 20)

/*
 * Hand out to the writer.  A cut text goes in whole lines: what follows
 * its last line end stays in out (held: it has none) until the next, and
 * once its input has ended (closing) nothing goes: a line the end of the
 * input closes is not whole.
 */
static int
flush(struct gai_normalizer *nz)
{
	struct gai_buf *o = &nz->out;
	const char *lf;
	size_t n = o->len;
	int rc;

	if (n == 0)
		return 0;
	if (nz->cut) {
		if (nz->closing)
			return 0;
		lf = memrchr(o->data + nz->held, '\n', o->len - nz->held);
		n = lf != NULL ? (size_t)(lf - o->data) + 1 : 0;
		nz->held = o->len - n;
		if (n == 0)
			return 0;
		nz->wrote = 1;
	}
	nz->last = o->data[n - 1];
	rc = nz->write(nz->write_ctx, o->data, n);
	memmove(o->data, o->data + n, o->len - n);
	o->len -= n;
	o->data[o->len] = '\0';
	return rc;
}

/*
 * The text is done: the rest of out goes, ending in a line end.  A cut
 * text's last line, which the limit went through, is dropped unless it
 * is all the text (stream 1 is cut so too: gai_doc_cut_at).
 */
static int
end_text(struct gai_normalizer *nz)
{
	int rc;

	if ((rc = flush(nz)) != 0)
		return rc;
	if (nz->cut && nz->wrote)
		gai_buf_clear(&nz->out);
	nz->cut = 0;
	if ((rc = flush(nz)) != 0)
		return rc;
	return nz->last != '\n' ? nz->write(nz->write_ctx, "\n", 1) : 0;
}

static int
drain(void *ctx)
{
	return flush(ctx);
}

/* Decoded UTF-8 arrives here, in whole characters. */
static int
take(void *ctx, const char *s, size_t n)
{
	struct gai_normalizer *nz = ctx;
	struct gai_error err;
	int rc;

	if (nz->html == NULL) {
		/* The fold drops and counts NULs itself. */
		if (gai_text_fold(&nz->fold, &nz->out, s, n) != 0)
			return GAI_E_NOMEM;
	} else {
		if (memchr(s, '\0', n) != NULL) {
			/* libxml2 would end the text at a NUL: take them out. */
			const char *p, *end = s + n;

			gai_buf_clear(&nz->scratch);
			for (p = s; p < end; p++) {
				if (*p == '\0')
					nz->fold.nuls++;
				else if (gai_buf_putc(&nz->scratch, *p) != 0)
					return GAI_E_NOMEM;
			}
			s = nz->scratch.data;
			n = nz->scratch.len;
			if (n == 0)	/* only NULs: scratch may be NULL */
				return 0;
		}
		if ((rc = gai_html_feed(nz->html, s, n, &err)) != 0)
			return rc;
	}
	return nz->out.len >= FLUSH_AT ? flush(nz) : 0;
}

/* HTML or text?  Asked of the bytes after the BOM, as ASCII. */
static int
sniff(const struct gai_encoding *enc, const char *bytes, size_t n)
{
	char ascii[GAI_HTML_SNIFF_CHARS];
	size_t i, k = 0;
	int be;

	if (strncmp(enc->name, "UTF-16", 6) != 0) {
		/* No '<', no markup (no trail byte is one): not worth
		 * counting the characters of the top of a text page. */
		if (memchr(bytes + enc->bom, '<', n - enc->bom) == NULL)
			return 0;
		return gai_html_sniff(bytes + enc->bom, n - enc->bom,
		    gai_encoding_head(enc->name, bytes + enc->bom,
		    n - enc->bom, GAI_HTML_SNIFF_CHARS));
	}
	/* UTF-16: an ASCII unit carries the markup; others stand as 'x'. */
	be = strcmp(enc->name, "UTF-16BE") == 0;
	for (i = enc->bom; i + 1 < n && k < sizeof ascii; i += 2) {
		unsigned char low = (unsigned char)bytes[i + (be ? 1 : 0)];
		unsigned char high = (unsigned char)bytes[i + (be ? 0 : 1)];

		ascii[k++] = high == 0 ? (char)low : 'x';
	}
	return gai_html_sniff(ascii, k, k);
}

/* Give back page's first n bytes: the rest moves down, the memory shrinks. */
static void
release(struct gai_buf *page, size_t n)
{
	char *p;

	memmove(page->data, page->data + n, page->len - n + 1);
	page->len -= n;
	if ((p = realloc(page->data, page->len + 1)) != NULL) {
		page->data = p;
		page->cap = page->len + 1;
	}
}

/*
 * Decode bytes[0..n) to take().  When page holds them (bytes is its data),
 * in pieces, and once half of what page holds is decoded, that half is
 * given back: the page is copied once over in all, and page and text
 * together stay under the page and half its text.
 */
static int
decode(struct gai_normalizer *nz, const struct gai_encoding *enc,
    const char *bytes, size_t n, struct gai_buf *page,
    struct gai_decode_stats *stats, struct gai_error *err)
{
	struct gai_encoding e = *enc;
	struct gai_decode_stats st;
	size_t at = 0, gone = 0, k;
	int rc;

	if (page == NULL)
		return gai_encoding_decode(enc, bytes, n, take, nz, stats, err);
	memset(stats, 0, sizeof *stats);
	while (at < n) {
		k = e.bom + gai_encoding_piece(e.name, bytes + at + e.bom,
		    n - at - e.bom, PIECE);
		if ((rc = gai_encoding_decode(&e, bytes + at, k, take, nz, &st,
		    err)) != 0)
			return rc;
		if (st.bad > 0 && stats->bad == 0)
			stats->first_bad = gone + at + st.first_bad;
		stats->bad += st.bad;
		at += k;
		e.bom = 0;
		if (at >= n - at && at < n) {
			release(page, at);
			bytes = page->data;
			n -= at;
			gone += at;
			at = 0;
		}
	}
	return 0;
}

/* gai_normalize_declared, with page (or NULL) holding bytes[0..n). */
static int
normalize(struct gai_normalizer *nz, const char *bytes, size_t n,
    struct gai_buf *page, const char *forced, const char *declared,
    gai_utf8_sink write, void *ctx, struct gai_norm_result *res,
    struct gai_error *err)
{
	int rc;

	memset(res, 0, sizeof *res);
	gai_buf_clear(&nz->out);
	memset(&nz->fold, 0, sizeof nz->fold);
	nz->write = write;
	nz->write_ctx = ctx;
	nz->last = '\n';
	nz->held = 0;
	nz->wrote = nz->closing = 0;
	if (nz->lines != NULL)
		nz->lines->n = 0;
	if ((rc = gai_encoding_detect_declared(&nz->detector, bytes, n, forced,
	    declared, &res->enc, err)) != 0)
		goto done;
	if (nz->cut)	/* a character the limit went through is not there */
		n = res->enc.bom + gai_encoding_whole(res->enc.name,
		    bytes + res->enc.bom, n - res->enc.bom);
	res->html = sniff(&res->enc, bytes, n);
	if (res->html && (nz->html = gai_html_new(&nz->out, nz->parser)) == NULL) {
		rc = gai_error_set(err, GAI_E_NOMEM, ENOMEM, 0,
		    "out of memory");
		goto done;
	}
	if (nz->html != NULL) {	/* take() gives whole characters, no NUL */
		gai_html_trust_input(nz->html);
		gai_html_set_drain(nz->html, drain, nz);
	}
	if (nz->html != NULL && nz->lines != NULL)
		gai_html_track_lines(nz->html, nz->lines);
	rc = decode(nz, &res->enc, bytes, n, page, &res->decode, err);
	if (rc == 0 && nz->cut && (rc = flush(nz)) == 0)
		nz->closing = 1;
	if (rc == 0)
		rc = nz->html != NULL ? gai_html_end(nz->html, err) :
		    gai_text_fold_end(&nz->fold, &nz->out);
	if (nz->html != NULL) {
		res->unlike_libxml2 = gai_html_unlike_libxml2(nz->html);
		gai_html_free(nz->html);
		nz->html = NULL;
	}
	res->nuls = nz->fold.nuls;
	if (rc == 0)
		rc = end_text(nz);
done:
	nz->cut = 0;	/* for this document only */
	return rc;
}

int
gai_normalize(struct gai_normalizer *nz, const char *bytes, size_t n,
    const char *forced, gai_utf8_sink write, void *ctx,
    struct gai_norm_result *res, struct gai_error *err)
{
	return normalize(nz, bytes, n, NULL, forced, NULL, write, ctx, res,
	    err);
}

int
gai_normalize_declared(struct gai_normalizer *nz, const char *bytes, size_t n,
    const char *forced, const char *declared, gai_utf8_sink write, void *ctx,
    struct gai_norm_result *res, struct gai_error *err)
{
	return normalize(nz, bytes, n, NULL, forced, declared, write, ctx, res,
	    err);
}

int
gai_normalize_page(struct gai_normalizer *nz, struct gai_buf *page,
    size_t n, const char *forced, const char *declared, gai_utf8_sink write,
    void *ctx, struct gai_norm_result *res, struct gai_error *err)
{
	int rc = normalize(nz, page->data != NULL ? page->data : "", n, page,
	    forced, declared, write, ctx, res, err);

	gai_buf_free(page);	/* what is left of it */
	return rc;
}

int
gai_normalize_is_stream1(const char *bytes, size_t n, int more)
{
	/* A character cut at the end is no fault when more follows. */
	size_t whole = more ? gai_encoding_whole("UTF-8", bytes, n) : n;

	return gai_text_valid_utf8(bytes, whole) == whole &&
	    memchr(bytes, '\0', n) == NULL &&
	    gai_normalize_stream1_head(bytes, n);
}

int
gai_normalize_stream1_head(const char *bytes, size_t n)
{
	/* HTML has a '<' somewhere; text mostly none, and then its head
	 * need not be measured */
	return !(n >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) &&
	    (n == 0 || memchr(bytes, '<', n) == NULL ||
	    !gai_html_sniff(bytes, n,
	    gai_encoding_head("UTF-8", bytes, n, GAI_HTML_SNIFF_CHARS)));
}

void
gai_normalizer_free(struct gai_normalizer *nz)
{
	gai_buf_free(&nz->out);
	gai_buf_free(&nz->scratch);
	gai_detector_free(&nz->detector);
}
