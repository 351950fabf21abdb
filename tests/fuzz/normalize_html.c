/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target normalize_html: every input through the HTML path.  The
 * bytes follow "<html>" so the sniff always says HTML, and the encoding
 * is UTF-8 (forced) so mutations reach the parser, not the detector.
 */
#include <config.h>

#include "fuzz.h"

static struct gai_normalizer nz = GAI_NORMALIZER_INIT;
static struct gai_buf page, out;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gai_norm_result res;

	gai_buf_clear(&page);
	if (gai_buf_puts(&page, "<html>") != 0 ||
	    gai_buf_append(&page, data, size) != 0)
		return 0;
	(void)fuzz_normalize(&nz, &out, page.data, page.len, "UTF-8", &res);
	return 0;
}
