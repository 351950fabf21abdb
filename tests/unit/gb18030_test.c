/* SPDX-License-Identifier: MIT */
/* gb18030_test: gai_encoding_decode's GB18030 table path against iconv. */
#include <config.h>

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "gai_buf.h"
#include "gai_encoding.h"
#include "gai_gb18030.h"
#include "unit.h"

static int
sink(void *ctx, const char *s, size_t n)
{
	return gai_buf_append(ctx, s, n);
}

/* What iconv alone gives: each byte it cannot decode as U+FFFD. */
static void
reference(const char *s, size_t n, struct gai_buf *out, size_t *bad,
    size_t *first)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	char buf[4096], *in = (char *)s, *o;
	size_t inleft = n, oleft;

	*bad = *first = 0;
	while (inleft > 0) {
		o = buf;
		oleft = sizeof buf;
		if (iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1 &&
		    errno != E2BIG) {
			if ((*bad)++ == 0)
				*first = (size_t)(in - s);
			gai_buf_append(out, buf, (size_t)(o - buf));
			gai_buf_append(out, "\xEF\xBF\xBD", 3);
			in++;
			inleft--;
			continue;
		}
		gai_buf_append(out, buf, (size_t)(o - buf));
	}
	iconv_close(cd);
}

static void
same(const char *what, const char *s, size_t n)
{
	struct gai_buf got = GAI_BUF_INIT, want = GAI_BUF_INIT;
	struct gai_decode_stats st;
	struct gai_encoding enc;
	struct gai_error err;
	size_t bad, first;

	CHECK(gai_encoding_detect(NULL, "", 0, "GB18030", &enc, &err) == 0);
	CHECK(gai_encoding_decode(&enc, s, n, sink, &got, &st, &err) == 0);
	reference(s, n, &want, &bad, &first);
	CHECK(got.len == want.len && (got.len == 0 ||
	    memcmp(got.data, want.data, got.len) == 0),
	    "%s: text differs from iconv's\n", what);
	CHECK(st.bad == bad && (bad == 0 || st.first_bad == first),
	    "%s: %zu bad at %zu, iconv %zu at %zu\n", what, st.bad,
	    st.first_bad, bad, first);
	gai_buf_free(&got);
	gai_buf_free(&want);
}

int
main(void)
{
	static char all[2 * 126 * 191 + 1];
	char buf[512];
	size_t n = 0, k, i;
	unsigned lead, t;

	CHECK(gai_gb18030_init() == 0, "the table is not filled\n");
	/* Every two-byte code, then each of them cut after its lead byte. */
	for (lead = 0x81; lead <= 0xFE; lead++)
		for (t = 0x40; t <= 0xFE; t++)
			if (t != 0x7F) {
				all[n++] = (char)lead;
				all[n++] = (char)t;
			}
	same("every two-byte code", all, n);
	same("a code cut at the end", "\xB0\xA1\xB0", 3);
	same("four-byte codes", "a\x81\x30\x81\x30\xB0\xA1 \x95\x32\x82\x36.", 14);
	same("bad bytes", "\x80\xFF\xB0\x20\x81\x30\x81\xB0\xA1\x7F", 10);
	/* Random bytes, weighted to what pages hold. */
	srand(12);
	for (k = 0; k < 3000; k++) {
		size_t len = (size_t)rand() % sizeof buf;

		for (i = 0; i < len; i++) {
			int r = rand() % 10;

			buf[i] = (char)(r < 3 ? 0x20 + rand() % 0x60 :
			    r < 5 ? '0' + rand() % 10 : r < 6 ? rand() % 256 :
			    0x81 + rand() % 0x7E);
		}
		same("random bytes", buf, len);
	}
	return unit_end("gb18030_test");
}
