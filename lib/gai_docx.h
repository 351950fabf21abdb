/* SPDX-License-Identifier: MIT */
/* gai_docx: a Word document's text, tables as TAB rows (libarchive, libxml2). */
#ifndef GAI_DOCX_H
#define GAI_DOCX_H

#include <stddef.h>

#include "gai_buf.h"

/*
 * The text of the DOCX bytes[0..n) into out (cleared first): each body
 * paragraph a line, each table row a line of TAB-separated cells (a
 * cell's paragraphs and line breaks become spaces; a cell merged with the
 * one above is written once, where it starts).  xml is scratch.  GAI_OK;
 * GAI_E_FORMAT with why (no word/document.xml, a broken zip or XML);
 * GAI_E_NOMEM.
 */
int gai_docx_text(const char *bytes, size_t n, struct gai_buf *out,
    struct gai_buf *xml, char *why, size_t whysize);

#endif
