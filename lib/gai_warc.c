/* SPDX-License-Identifier: MIT */
/*
 * gai_warc: WARC records (ISO 28500, as wget, Heritrix, browsertrix and
 * Common Crawl write them) and the HTTP responses they hold.  Read here,
 * not through libarchive, so that every record passed over can be counted
 * and a response's headers and status seen.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zlib.h>

#include "gai_source_impl.h"

/* A header line longer than this is not a WARC or HTTP header. */
#define MAX_LINE (64 * 1024)
#define INFLATE_CHUNK (256 * 1024)

const char *const gai_warc_type_names[GAI_WARC_NTYPES] = {
	"warcinfo", "response", "resource", "request", "metadata", "revisit",
	"conversion", "continuation", "other"
};

int
gai_warc_sniff(const char *bytes, size_t n)
{
	return n >= 5 && memcmp(bytes, "WARC/", 5) == 0;
}

/* s without its line end and surrounding blanks, copied into out. */
static void
copy_value(const char *s, size_t n, char *out, size_t size)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	if (n >= size)
		n = size - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

/* 1 when line[0..n) is the header name (case aside) and a colon: *v after. */
static int
header_is(const char *line, size_t n, const char *name, const char **v)
{
	size_t len = strlen(name);

	if (n <= len || line[len] != ':' || strncasecmp(line, name, len) != 0)
		return 0;
	*v = line + len + 1;
	return 1;
}

static enum gai_warc_type
record_type(const char *v)
{
	int t;

	for (t = 0; t < GAI_WARC_OTHER; t++)
		if (strcasecmp(v, gai_warc_type_names[t]) == 0)
			return (enum gai_warc_type)t;
	return GAI_WARC_OTHER;
}

static int
is_blank(const char *line, size_t n)
{
	return (n == 1 && line[0] == '\n') || (n == 2 && line[0] == '\r' &&
	    line[1] == '\n');
}

int
gai_warc_header(struct gai_src_in *in, struct gai_warc_rec *rec, char *why,
    size_t whysize)
{
	char type[32] = "", value[64];
	const char *line, *v;
	ssize_t n;
	int has_length = 0;

	memset(rec, 0, sizeof *rec);
	/* Blank lines between records are tolerated, as readers do. */
	do
		n = gai_src_line(in, MAX_LINE, &line);
	while (n > 0 && is_blank(line, (size_t)n));
	if (n == 0)
		return GAI_EOF;
	if (n < 0 || !gai_warc_sniff(line, (size_t)n)) {
		snprintf(why, whysize, "%s", n < 0 ? in->why :
		    "a WARC record does not start with WARC/");
		return GAI_E_FORMAT;
	}
	for (;;) {
		if ((n = gai_src_line(in, MAX_LINE, &line)) <= 0) {
			snprintf(why, whysize, "%s", n < 0 ? in->why :
			    "a WARC record header cut short");
			return GAI_E_FORMAT;
		}
		if (is_blank(line, (size_t)n))
			break;
		if (header_is(line, (size_t)n, "WARC-Type", &v))
			copy_value(v, (size_t)(line + n - v), type, sizeof type);
		else if (header_is(line, (size_t)n, "WARC-Target-URI", &v))
			copy_value(v, (size_t)(line + n - v), rec->uri,
			    sizeof rec->uri);
		else if (header_is(line, (size_t)n, "Content-Type", &v))
			copy_value(v, (size_t)(line + n - v),
			    rec->content_type, sizeof rec->content_type);
		else if (header_is(line, (size_t)n, "Content-Length", &v)) {
			char *end;

			copy_value(v, (size_t)(line + n - v), value,
			    sizeof value);
			errno = 0;
			rec->length = (size_t)strtoull(value, &end, 10);
			has_length = value[0] >= '0' && value[0] <= '9' &&
			    *end == '\0' && errno == 0;
		}
	}
	if (!has_length) {
		snprintf(why, whysize, "a WARC record without a valid Content-Length");
		return GAI_E_FORMAT;
	}
	/* WARC 1.0 wraps URIs in <>, as some writers still do. */
	if (rec->uri[0] == '<' && rec->uri[strlen(rec->uri) - 1] == '>') {
		memmove(rec->uri, rec->uri + 1, strlen(rec->uri) - 2);
		rec->uri[strlen(rec->uri) - 2] = '\0';
	}
	rec->type = record_type(type);
	return GAI_OK;
}

int
gai_warc_end(struct gai_src_in *in)
{
	int i;

	/* CRLF CRLF; a writer that ends records with LF LF is read too. */
	for (i = 0; i < 2; i++) {
		if (gai_src_fill(in, 2) != 0)
			return -1;
		if (gai_src_avail(in) >= 2 && memcmp(gai_src_peek(in), "\r\n", 2) == 0)
			in->off += 2;
		else if (gai_src_avail(in) >= 1 && *gai_src_peek(in) == '\n')
			in->off++;
	}
	return 0;
}

/* ---- HTTP ---- */

/* The next line of s[*off..n), without its end; NULL at the end. */
static const char *
http_line(const char *s, size_t n, size_t *off, size_t *len)
{
	const char *start = s + *off, *lf;

	if (*off >= n)
		return NULL;
	lf = memchr(start, '\n', n - *off);
	*len = lf != NULL ? (size_t)(lf - start) : n - *off;
	*off += *len + (lf != NULL);
	if (*len > 0 && start[*len - 1] == '\r')
		(*len)--;
	return start;
}

/*
 * Join the chunks of a chunked body into out: 0, GAI_E_NOMEM, or 1 when
 * body is not chunked after all (some crawlers store the body joined and
 * keep the header): the caller takes it as it is.
 */
static int
dechunk(const char *body, size_t n, struct gai_buf *out)
{
	size_t off = 0, len, size;
	const char *line;
	char *end;

	gai_buf_clear(out);
	while ((line = http_line(body, n, &off, &len)) != NULL) {
		if (len == 0 || !isxdigit((unsigned char)line[0]))
			return 1;
		size = (size_t)strtoull(line, &end, 16);
		if (end > line + len || (end < line + len && *end != ';' &&
		    *end != ' ' && *end != '\t'))
			return 1;
		if (size == 0)
			return 0;	/* trailers are not needed */
		if (size > n - off)
			size = n - off;	/* a cut body: keep what is there */
		if (gai_buf_append(out, body + off, size) != 0)
			return GAI_E_NOMEM;
		off += size;
		if (off < n && body[off] == '\r')
			off++;
		if (off < n && body[off] == '\n')
			off++;
	}
	return 0;
}

/*
 * Undo gzip or zlib (windowbits 15 + 32: either header) or raw deflate
 * (-15: servers that say deflate and mean it) into out; past max bytes
 * (when not 0) stop there and set *cut: a body that inflates without end
 * costs no more than that.
 */
static int
inflate_into(const char *in, size_t n, int windowbits, size_t max,
    struct gai_buf *out, int *cut, char *why, size_t whysize)
{
	z_stream z;
	int rc;

	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, windowbits) != Z_OK)
		return GAI_E_NOMEM;
	gai_buf_clear(out);
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)n;
	do {
		if (gai_buf_reserve(out, INFLATE_CHUNK) != 0) {
			inflateEnd(&z);
			return GAI_E_NOMEM;
		}
		z.next_out = (Bytef *)out->data + out->len;
		z.avail_out = (uInt)(out->cap - out->len - 1);
		rc = inflate(&z, Z_NO_FLUSH);
		out->len = out->cap - 1 - z.avail_out;
		out->data[out->len] = '\0';
		if (max > 0 && out->len > max) {
			inflateEnd(&z);
			*cut = 1;
			return GAI_OK;
		}
		/* A second gzip member: go on with it. */
		if (rc == Z_STREAM_END && z.avail_in > 0 && windowbits > 15)
			rc = inflateReset(&z);
	} while (rc == Z_OK);
	inflateEnd(&z);
	if (rc != Z_STREAM_END && !(rc == Z_BUF_ERROR && z.avail_in == 0)) {
		snprintf(why, whysize, "the body does not inflate: %s",
		    z.msg != NULL ? z.msg : "corrupt data");
		return GAI_E_FORMAT;
	}
	return GAI_OK;
}

static int
has_token(const char *value, const char *token)
{
	size_t len = strlen(token);
	const char *p;

	for (p = value; (p = strcasestr(p, token)) != NULL; p += len)
		if ((p == value || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)p[len]) && p[len] != '-')
			return 1;
	return 0;
}

/* The payload in *body (pointing into block, out or tmp) decoded. */
static int
decode_body(const char **body, size_t *n, const char *te, const char *ce,
    size_t max, struct gai_buf *out, struct gai_buf *tmp, int *cut,
    char *why, size_t whysize)
{
	int rc;

	if (has_token(te, "chunked")) {
		if ((rc = dechunk(*body, *n, tmp)) == GAI_E_NOMEM)
			return rc;
		if (rc == 0) {
			*body = tmp->data;
			*n = tmp->len;
		}
	}
	if (ce[0] == '\0' || has_token(ce, "identity"))
		return GAI_OK;
	if (has_token(ce, "gzip") || has_token(ce, "x-gzip") ||
	    has_token(ce, "deflate")) {
		/* Bytes a crawler stored already decoded are taken as they are. */
		if (has_token(ce, "deflate") || (*n >= 2 &&
		    (unsigned char)(*body)[0] == 0x1f &&
		    (unsigned char)(*body)[1] == 0x8b)) {
			rc = inflate_into(*body, *n, 15 + 32, max, out, cut,
			    why, whysize);
			if (rc == GAI_E_FORMAT && has_token(ce, "deflate"))
				rc = inflate_into(*body, *n, -15, max, out, cut,
				    why, whysize);
			if (rc != GAI_OK)
				return rc;
			*body = out->data;
			*n = out->len;
		}
		return GAI_OK;
	}
	snprintf(why, whysize, "Content-Encoding %s is not read", ce);
	return GAI_E_FORMAT;
}

int
gai_http_parse(const char *block, size_t n, size_t max, struct gai_http *h,
    const char **body, size_t *bodylen, struct gai_buf *out,
    struct gai_buf *tmp, char *why, size_t whysize)
{
	char te[128] = "", ce[128] = "";
	const char *line, *v;
	size_t off = 0, len;

	memset(h, 0, sizeof *h);
	line = http_line(block, n, &off, &len);
	if (line == NULL || len < 12 || memcmp(line, "HTTP/", 5) != 0 ||
	    (v = memchr(line, ' ', len)) == NULL ||
	    !isdigit((unsigned char)v[1])) {
		snprintf(why, whysize, "the response is not HTTP");
		return GAI_E_FORMAT;
	}
	h->status = atoi(v + 1);
	while ((line = http_line(block, n, &off, &len)) != NULL && len > 0) {
		if (header_is(line, len, "Content-Type", &v))
			copy_value(v, (size_t)(line + len - v), h->content_type,
			    sizeof h->content_type);
		else if (header_is(line, len, "Transfer-Encoding", &v))
			copy_value(v, (size_t)(line + len - v), te, sizeof te);
		else if (header_is(line, len, "Content-Encoding", &v))
			copy_value(v, (size_t)(line + len - v), ce, sizeof ce);
	}
	*body = block + off;
	*bodylen = n - off;
	return decode_body(body, bodylen, te, ce, max, out, tmp, &h->cut, why,
	    whysize);
}

void
gai_http_charset(const char *content_type, char *out, size_t size)
{
	const char *p = strcasestr(content_type, "charset=");
	size_t n = 0;

	out[0] = '\0';
	if (p == NULL)
		return;
	p += 8;
	if (*p == '"' || *p == '\'')
		p++;
	while (n + 1 < size && (isalnum((unsigned char)p[n]) || p[n] == '-' ||
	    p[n] == '_' || p[n] == '.' || p[n] == ':'))
		n++;
	memcpy(out, p, n);
	out[n] = '\0';
}

int
gai_http_is_page(const char *content_type)
{
	static const char *const pages[] = {
		"text/html", "application/xhtml+xml", "text/plain",
		"application/pdf",
		"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	};
	size_t i, len = strcspn(content_type, "; \t");

	if (len == 0)
		return 1;
	for (i = 0; i < sizeof pages / sizeof pages[0]; i++)
		if (len == strlen(pages[i]) &&
		    strncasecmp(content_type, pages[i], len) == 0)
			return 1;
	return 0;
}
