/* SPDX-License-Identifier: MIT */
/* gai_pdf: a PDF's text, as pdftotext -layout writes it (poppler). */
#ifndef GAI_PDF_H
#define GAI_PDF_H

#include <stddef.h>

#include "gai_buf.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The text of the PDF bytes[0..n) into out (cleared first), page by page,
 * each page ending in a form feed, laid out as pdftotext -layout lays it
 * out.  GAI_OK; GAI_E_FORMAT with why when the PDF cannot be read (this
 * build has no poppler, the file is broken or encrypted); GAI_E_NOMEM.
 */
int gai_pdf_text(const char *bytes, size_t n, struct gai_buf *out, char *why,
    size_t whysize);

#ifdef __cplusplus
}
#endif

#endif
