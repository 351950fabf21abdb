/* SPDX-License-Identifier: MIT */
/*
 * gai_pdf: poppler-cpp's physical layout is the layout pdftotext -layout
 * writes (the same TextOutputDev), byte for byte on the corpus PDFs;
 * poppler-glib has no layout mode.  A C interface over it, so the rest of
 * gai stays C.
 */
#include <config.h>

#include <climits>
#include <cstdio>
#include <memory>
#include <new>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

/* The library's C headers, C linkage. */
extern "C" {
#include "gai_buf.h"
#include "gai_error.h"
}
#include "gai_pdf.h"

/* poppler reports syntax errors on stderr by default; the library never prints. */
static void
quiet(const std::string &, void *)
{
}

extern "C" int
gai_pdf_text(const char *bytes, size_t n, struct gai_buf *out, char *why,
    size_t whysize)
{
	gai_buf_clear(out);
	if (n > INT_MAX) {
		snprintf(why, whysize, "PDF larger than poppler reads (2 GB)");
		return GAI_E_FORMAT;
	}
	try {
		poppler::set_debug_error_function(quiet, nullptr);
		std::unique_ptr<poppler::document> doc(
		    poppler::document::load_from_raw_data(bytes, (int)n));

		if (!doc) {
			snprintf(why, whysize, "PDF that poppler cannot read");
			return GAI_E_FORMAT;
		}
		if (doc->is_locked()) {
			snprintf(why, whysize, "encrypted PDF");
			return GAI_E_FORMAT;
		}
		for (int i = 0; i < doc->pages(); i++) {
			std::unique_ptr<poppler::page> page(doc->create_page(i));

			if (!page)
				continue;
			poppler::byte_array text = page->text(poppler::rectf(),
			    poppler::page::physical_layout).to_utf8();
			if (gai_buf_append(out, text.data(), text.size()) != 0)
				return GAI_E_NOMEM;
		}
	} catch (const std::bad_alloc &) {
		return GAI_E_NOMEM;
	} catch (...) {
		snprintf(why, whysize, "PDF that poppler cannot read");
		return GAI_E_FORMAT;
	}
	return GAI_OK;
}
