/* SPDX-License-Identifier: MIT */
/* gai_normalize: decode, then HTML to lines or plain text, then fold. */
#include <config.h>

#include <errno.h>
#include <string.h>

#include "gai_html.h"
#include "gai_normalize.h"

#define FLUSH_AT (64 * 1024)

static int
flush(struct gai_normalizer *nz)
{
	int rc;

	if (nz->out.len == 0)
		return 0;
	nz->last = nz->out.data[nz->out.len - 1];
	rc = nz->write(nz->write_ctx, nz->out.data, nz->out.len);
	gai_buf_clear(&nz->out);
	return rc;
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

	if (strncmp(enc->name, "UTF-16", 6) != 0)
		return gai_html_sniff(bytes + enc->bom, n - enc->bom,
		    gai_encoding_head(enc->name, bytes + enc->bom,
		    n - enc->bom, GAI_HTML_SNIFF_CHARS));
	/* UTF-16: an ASCII unit carries the markup; others stand as 'x'. */
	be = strcmp(enc->name, "UTF-16BE") == 0;
	for (i = enc->bom; i + 1 < n && k < sizeof ascii; i += 2) {
		unsigned char low = (unsigned char)bytes[i + (be ? 1 : 0)];
		unsigned char high = (unsigned char)bytes[i + (be ? 0 : 1)];

		ascii[k++] = high == 0 ? (char)low : 'x';
	}
	return gai_html_sniff(ascii, k, k);
}

int
gai_normalize(struct gai_normalizer *nz, const char *bytes, size_t n,
    const char *forced, gai_utf8_sink write, void *ctx,
    struct gai_norm_result *res, struct gai_error *err)
{
	return gai_normalize_declared(nz, bytes, n, forced, NULL, write, ctx,
	    res, err);
}

int
gai_normalize_declared(struct gai_normalizer *nz, const char *bytes, size_t n,
    const char *forced, const char *declared, gai_utf8_sink write, void *ctx,
    struct gai_norm_result *res, struct gai_error *err)
{
	int rc;

	memset(res, 0, sizeof *res);
	gai_buf_clear(&nz->out);
	memset(&nz->fold, 0, sizeof nz->fold);
	nz->write = write;
	nz->write_ctx = ctx;
	nz->last = '\n';
	if (nz->lines != NULL)
		nz->lines->n = 0;
	if ((rc = gai_encoding_detect_declared(&nz->detector, bytes, n, forced,
	    declared, &res->enc, err)) != 0)
		return rc;
	res->html = sniff(&res->enc, bytes, n);
	if (res->html && (nz->html = gai_html_new(&nz->out, nz->parser)) == NULL)
		return gai_error_set(err, GAI_E_NOMEM, ENOMEM, 0,
		    "out of memory");
	if (nz->html != NULL) {	/* take() gives whole characters, no NUL */
		gai_html_trust_input(nz->html);
		gai_html_set_drain(nz->html, drain, nz);
	}
	if (nz->html != NULL && nz->lines != NULL)
		gai_html_track_lines(nz->html, nz->lines);
	rc = gai_encoding_decode(&res->enc, bytes, n, take, nz, &res->decode,
	    err);
	if (rc == 0)
		rc = nz->html != NULL ? gai_html_end(nz->html, err) :
		    gai_text_fold_end(&nz->fold, &nz->out);
	if (nz->html != NULL) {
		res->unlike_libxml2 = gai_html_unlike_libxml2(nz->html);
		gai_html_free(nz->html);
		nz->html = NULL;
	}
	res->nuls = nz->fold.nuls;
	if (rc == 0 && (rc = flush(nz)) == 0 && nz->last != '\n')
		rc = write(ctx, "\n", 1);
	return rc;
}

int
gai_normalize_is_stream1(const char *bytes, size_t n, int more)
{
	size_t valid = gai_text_valid_utf8(bytes, n), need, i;

	/* A cut character: a lead byte, then fewer continuations than it needs. */
	if (more && valid < n && n - valid < 4) {
		unsigned char c = (unsigned char)bytes[valid];
		int cut;

		need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
		cut = c >= 0xC2 && c <= 0xF4 && n - valid < need;
		for (i = valid + 1; cut && i < n; i++)
			cut = ((unsigned char)bytes[i] & 0xC0) == 0x80;
		if (cut)
			valid = n;
	}
	return valid == n &&
	    !(n >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) &&
	    memchr(bytes, '\0', n) == NULL && !gai_html_sniff(bytes, n,
	    gai_encoding_head("UTF-8", bytes, n, GAI_HTML_SNIFF_CHARS));
}

void
gai_normalizer_free(struct gai_normalizer *nz)
{
	gai_buf_free(&nz->out);
	gai_buf_free(&nz->scratch);
	gai_detector_free(&nz->detector);
}
