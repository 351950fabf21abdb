/* SPDX-License-Identifier: MIT */
/* Unit tests: stream 1 split into documents, with and without a prefix. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "gai_doc.h"
#include "unit.h"

/* Read all documents of s as "name=[text]" pairs, sniffing cut bytes first. */
static void
split(const char *s, size_t cut, struct gai_buf *out)
{
	struct gai_doc_reader r;
	struct gai_buf name = GAI_BUF_INIT, text = GAI_BUF_INIT;
	FILE *fp = fmemopen((void *)(s + cut), strlen(s) - cut ? strlen(s) - cut : 1, "r");
	long first;

	if (strlen(s) == cut)	/* fmemopen cannot open an empty buffer */
		fgetc(fp);
	gai_doc_reader_init_prefixed(&r, fp, "op", s, cut);
	gai_buf_clear(out);
	gai_buf_puts(out, "");
	while (gai_doc_read(&r, &name, &text, &first, NULL) == GAI_OK) {
		gai_buf_puts(out, name.data);
		gai_buf_puts(out, "=[");
		gai_buf_puts(out, text.data ? text.data : "");
		gai_buf_puts(out, "]");
	}
	gai_doc_reader_free(&r);
	gai_buf_free(&name);
	gai_buf_free(&text);
	fclose(fp);
}

int
main(void)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "", "op=[]" },
		{ "a\nb", "op=[a\nb\n]" },
		{ "\fone\nx\n\ftwo\ny\nz\n", "one=[x\n]two=[y\nz\n]" },
		{ "\fempty\n\fnext\nq\n", "empty=[]next=[q\n]" },
		/* No header first: one document, form feeds and all. */
		{ "lead\n\fnamed\nbody\n", "op=[lead\n\fnamed\nbody\n]" },
		{ "page 1\fpage 2\n\fpage 3\n", "op=[page 1\fpage 2\n\fpage 3\n]" },
		{ "\fa\n\fb\n", "a=[]b=[]" },
	};
	struct gai_buf out = GAI_BUF_INIT;
	size_t i, cut;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		for (cut = 0; cut <= strlen(cases[i].in); cut++) {
			split(cases[i].in, cut, &out);
			CHECK(strcmp(out.data, cases[i].want) == 0,
			    "case %zu, prefix %zu: got \"%s\"", i, cut, out.data);
		}
	gai_buf_free(&out);
	return unit_end("doc_test");
}
