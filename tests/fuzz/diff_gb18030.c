/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target diff_gb18030: the same page as UTF-8 and as GB18030 must give
 * the same stream 1.  The input's valid UTF-8 prefix is the page; its
 * GB18030 form is made with iconv.  Both are detected as gai-normalize
 * detects them, and compared when detection reads each as what it is (a
 * short page can pass for another encoding: a guess, not a bug).
 */
#include <config.h>

#include <iconv.h>
#include <string.h>

#include "fuzz.h"
#include "gai_text.h"

static struct gai_normalizer nz = GAI_NORMALIZER_INIT;
static struct gai_buf gb, utf8_out, gb_out;
static iconv_t cd = (iconv_t)-1;

/* s[0..n), valid UTF-8, into gb as GB18030: 0, or -1 if iconv fails. */
static int
to_gb18030(const char *s, size_t n)
{
	char *in = (char *)(uintptr_t)s, *o;
	size_t left = n, room;

	gai_buf_clear(&gb);
	if (gai_buf_reserve(&gb, 4 * n + 4) != 0)
		return -1;
	o = gb.data;
	room = gb.cap - 1;
	(void)iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &in, &left, &o, &room) == (size_t)-1)
		return -1;
	gb.len = (size_t)(o - gb.data);
	gb.data[gb.len] = '\0';
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t n = gai_text_valid_utf8(s, size);
	struct gai_norm_result ru, rg;

	if (cd == (iconv_t)-1 &&
	    (cd = iconv_open("GB18030", "UTF-8")) == (iconv_t)-1)
		fuzz_fail("iconv cannot convert UTF-8 to GB18030");
	if (to_gb18030(s, n) != 0 ||
	    fuzz_normalize(&nz, &utf8_out, s, n, NULL, &ru) != 0 ||
	    fuzz_normalize(&nz, &gb_out, gb.data, gb.len, NULL, &rg) != 0)
		return 0;
	if (strcmp(ru.enc.name, "UTF-8") != 0 ||
	    strcmp(rg.enc.name, "GB18030") != 0)
		return 0;
	if (utf8_out.len != gb_out.len || (utf8_out.len > 0 &&
	    memcmp(utf8_out.data, gb_out.data, utf8_out.len) != 0))
		fuzz_fail("UTF-8 and GB18030 forms give different stream 1");
	return 0;
}
