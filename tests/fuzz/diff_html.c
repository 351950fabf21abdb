/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target diff_html: gai's HTML tokenizer and libxml2's HTML parser
 * (gai-normalize --html-parser) must give the same stream 1 for the same
 * bytes, read after "<html>" as UTF-8.  Inputs holding a construct listed
 * in bench/README.md "Differences from libxml2" (where libxml2 2.9 is the
 * one that reads the page wrong) are only normalized, not compared: found
 * in the bytes, or, where it takes the parser's state to tell (an end tag
 * where no element is open, a </head> libxml2 leaves unread, a quote
 * libxml2 pairs otherwise, "<?.", a long attribute name, "<!--!>", a
 * <style> cut into chunks), reported by gai's parser
 * (gai_norm_result.unlike_libxml2).
 */
#include <config.h>

#include <string.h>
#include <strings.h>

#include "fuzz.h"

static struct gai_normalizer own = GAI_NORMALIZER_INIT;
static struct gai_normalizer lx = GAI_NORMALIZER_INIT;
static struct gai_buf page, out_own, out_lx;

/* Does s[0..n) hold w, ignoring ASCII case? */
static int
holds(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w), i;

	for (i = 0; i + k <= n; i++)
		if (strncasecmp(s + i, w, k) == 0)
			return 1;
	return 0;
}

static int
known_difference(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 2 < n; i++)
		if (s[i] == '<' && s[i + 1] == '?' && (unsigned char)s[i + 2] >= 0x80)
			return 1;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 && s[i] != '\t' &&
		    s[i] != '\n' && s[i] != '\r' && s[i] != '\f' && s[i] != '\0')
			return 1;
	return holds(s, n, "<!-->") || holds(s, n, "<!--->") ||
	    holds(s, n, "</body") || holds(s, n, "</html");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gai_norm_result res, res_lx;
	size_t i, k;
	int a, b;

	own.parser = GAI_HTML_OWN;
	lx.parser = GAI_HTML_LIBXML2;
	gai_buf_clear(&page);
	if (gai_buf_puts(&page, "<html>") != 0 ||
	    gai_buf_append(&page, data, size) != 0)
		return 0;
	a = fuzz_normalize(&own, &out_own, page.data, page.len, "UTF-8", &res);
	b = fuzz_normalize(&lx, &out_lx, page.data, page.len, "UTF-8",
	    &res_lx);
	if (a != 0 || b != 0 || res.unlike_libxml2)
		return 0;
	/* The parsers never see a NUL (gai_normalize drops them): nor may we. */
	for (i = k = 0; i < page.len; i++)
		if (page.data[i] != '\0')
			page.data[k++] = page.data[i];
	if (known_difference(page.data, k))
		return 0;
	if (out_own.len != out_lx.len || (out_own.len > 0 &&
	    memcmp(out_own.data, out_lx.data, out_own.len) != 0))
		fuzz_fail("gai's tokenizer and libxml2 give different stream 1");
	return 0;
}
