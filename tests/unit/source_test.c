/* SPDX-License-Identifier: MIT */
/* source_test: HTTP bodies in WARC records: chunks, encodings, limits. */
#include <config.h>

#include <stdint.h>
#include <string.h>

#include <zlib.h>

#include "gai_source_impl.h"
#include "unit.h"

static struct gai_buf out = GAI_BUF_INIT, tmp = GAI_BUF_INIT, block = GAI_BUF_INIT;
static char why[256];

/* Parse the response head + body; the payload's bytes into *body. */
static int
parse(const char *head, const char *body, size_t n, size_t max,
    struct gai_http *h, const char **payload, size_t *plen)
{
	gai_buf_clear(&block);
	gai_buf_puts(&block, head);
	gai_buf_append(&block, body, n);
	why[0] = '\0';
	return gai_http_parse(block.data, block.len, max, h, payload, plen,
	    &out, &tmp, why, sizeof why);
}

static int
is_payload(const char *p, size_t n, const char *want)
{
	return n == strlen(want) && memcmp(p, want, n) == 0;
}

/* text deflated: raw (windowbits -15), zlib (15) or gzip (31). */
static size_t
deflated(const char *text, int windowbits, unsigned char *buf, size_t size)
{
	z_stream z;

	memset(&z, 0, sizeof z);
	deflateInit2(&z, 6, Z_DEFLATED, windowbits, 8, Z_DEFAULT_STRATEGY);
	z.next_in = (Bytef *)(uintptr_t)text;
	z.avail_in = (uInt)strlen(text);
	z.next_out = buf;
	z.avail_out = (uInt)size;
	deflate(&z, Z_FINISH);
	deflateEnd(&z);
	return size - z.avail_out;
}

static void
test_chunks(void)
{
	static const char chunked[] = "5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n";
	struct gai_http h;
	const char *p;
	size_t n;

	CHECK(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
	    chunked, strlen(chunked), 0, &h, &p, &n) == GAI_OK);
	CHECK(h.status == 200);
	CHECK(is_payload(p, n, "hello, world"));
	/* Said chunked, stored joined (some crawlers do): taken as it is. */
	CHECK(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
	    "<html>x", 7, 0, &h, &p, &n) == GAI_OK);
	CHECK(is_payload(p, n, "<html>x"));
	/* LF-only header lines; a 404 read as such. */
	CHECK(parse("HTTP/1.0 404 Not Found\nContent-Type: text/html\n\n",
	    "gone", 4, 0, &h, &p, &n) == GAI_OK);
	CHECK(h.status == 404 && strcmp(h.content_type, "text/html") == 0);
	CHECK(is_payload(p, n, "gone"));
	CHECK(parse("GET / HTTP/1.1\r\n\r\n", "", 0, 0, &h, &p, &n) ==
	    GAI_E_FORMAT);
}

static void
test_encodings(void)
{
	static const char text[] = "<p>政府信息公开</p>";
	unsigned char z[256];
	struct gai_http h;
	const char *p;
	size_t n, len;
	int wb;

	for (wb = 0; wb < 3; wb++) {
		static const int bits[] = { -15, 15, 31 };
		static const char *const head[] = {
			"HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n",
			"HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n",
			"HTTP/1.1 200 OK\r\nContent-Encoding: x-gzip\r\n\r\n",
		};

		len = deflated(text, bits[wb], z, sizeof z);
		CHECK(parse(head[wb], (const char *)z, len, 0, &h, &p, &n) ==
		    GAI_OK, "windowbits %d: %s", bits[wb], why);
		CHECK(is_payload(p, n, text), "windowbits %d", bits[wb]);
	}
	/* Said gzip, stored decoded: taken as it is. */
	CHECK(parse("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n",
	    text, strlen(text), 0, &h, &p, &n) == GAI_OK);
	CHECK(is_payload(p, n, text));
	/* Inflated past the limit: no further, and said to be cut. */
	len = deflated(text, 31, z, sizeof z);
	CHECK(parse("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n",
	    (const char *)z, len, 8, &h, &p, &n) == GAI_OK);
	CHECK(h.cut == 1 && n > 8 && memcmp(p, text, 8) == 0, "%d %zu",
	    h.cut, n);
	CHECK(parse("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n",
	    (const char *)z, len, 0, &h, &p, &n) == GAI_OK);
	CHECK(h.cut == 0 && is_payload(p, n, text));
	CHECK(parse("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n",
	    "x", 1, 0, &h, &p, &n) == GAI_E_FORMAT);
	CHECK(strcmp(why, "Content-Encoding br is not read") == 0, "%s", why);
}

static void
test_content_type(void)
{
	char cs[32];

	gai_http_charset("text/html; charset=\"gb2312\"", cs, sizeof cs);
	CHECK(strcmp(cs, "gb2312") == 0, "%s", cs);
	gai_http_charset("text/html", cs, sizeof cs);
	CHECK(cs[0] == '\0');
	CHECK(gai_http_is_page("TEXT/HTML;charset=utf-8"));
	CHECK(gai_http_is_page(""));
	CHECK(gai_http_is_page("application/pdf"));
	CHECK(!gai_http_is_page("image/png"));
	CHECK(!gai_http_is_page("text/htmlx"));
	CHECK(!gai_http_is_page("text/css"));
}

int
main(void)
{
	test_chunks();
	test_encodings();
	test_content_type();
	gai_buf_free(&out);
	gai_buf_free(&tmp);
	gai_buf_free(&block);
	return unit_end("source_test");
}
