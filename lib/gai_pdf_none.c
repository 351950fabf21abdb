/* SPDX-License-Identifier: MIT */
/* gai_pdf for a build without poppler-cpp: a PDF is named, not read. */
#include <config.h>

#include <stdio.h>

#include "gai_error.h"
#include "gai_pdf.h"

int
gai_pdf_text(const char *bytes, size_t n, struct gai_buf *out, char *why,
    size_t whysize)
{
	(void)bytes;
	(void)n;
	gai_buf_clear(out);
	snprintf(why, whysize, "PDF document (this build reads no PDF: "
	    "configure found no poppler-cpp)");
	return GAI_E_FORMAT;
}
