/* SPDX-License-Identifier: MIT */
/* Unit tests: stream 1 split into documents, read in chunks of every size. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "gai_doc.h"
#include "unit.h"

/*
 * Read all documents of s from operand op as "name@line=[text]" (with
 * "!reason" for an unreadable one, "%reason" for one marked cut upstream,
 * "?" for an odd attribute and "~size" for a cut one), chunk bytes per
 * read.
 */
static void
split(const char *s, const char *op, size_t max, size_t chunk,
    struct gai_buf *out)
{
	struct gai_doc_reader r;
	struct gai_doc d = GAI_DOC_INIT;
	size_t n = strlen(s);
	/* fmemopen cannot open an empty buffer: open one byte and eat it. */
	FILE *fp = fmemopen((void *)s, n ? n : 1, "r");
	char line[64];

	if (n == 0)
		fgetc(fp);
	gai_doc_reader_init(&r, fp, op, max);
	r.chunk = chunk;
	gai_buf_clear(out);
	gai_buf_puts(out, "");
	while (gai_doc_read(&r, &d, NULL) == GAI_OK) {
		gai_buf_puts(out, d.name.data);
		if (d.unreadable.len > 0) {
			gai_buf_puts(out, "!");
			gai_buf_puts(out, d.unreadable.data);
		}
		if (d.cut_reason.len > 0) {
			gai_buf_puts(out, "%");
			gai_buf_puts(out, d.cut_reason.data);
		}
		if (d.odd_attr)
			gai_buf_puts(out, "?");
		/* Its size is known only when the rest was skipped, not left. */
		if (d.cut) {
			snprintf(line, sizeof line, "~%zu", d.size);
			gai_buf_puts(out, d.header ? line : "~");
		}
		snprintf(line, sizeof line, "@%ld=[", d.first_line);
		gai_buf_puts(out, line);
		gai_buf_puts(out, d.text.data ? d.text.data : "");
		gai_buf_puts(out, "]");
	}
	gai_doc_reader_free(&r);
	gai_doc_free(&d);
	fclose(fp);
}

int
main(void)
{
	static const struct {
		const char *in, *op;
		size_t max;
		const char *want;
	} cases[] = {
		{ "", "op", 0, "op@1=[]" },
		/* Standard input with nothing in it holds no document. */
		{ "", "-", 0, "" },
		{ "a\nb", "op", 0, "op@1=[a\nb\n]" },
		{ "\fone\nx\n\ftwo\ny\nz\n", "op", 0, "one@2=[x\n]two@4=[y\nz\n]" },
		{ "\fempty\n\fnext\nq\n", "op", 0, "empty@2=[]next@3=[q\n]" },
		/* No header first: one document, form feeds and all. */
		{ "lead\n\fnamed\nbody\n", "op", 0, "op@1=[lead\n\fnamed\nbody\n]" },
		{ "page 1\fpage 2\n\fpage 3\n", "op", 0,
		    "op@1=[page 1\fpage 2\n\fpage 3\n]" },
		{ "\fa\n\fb\n", "op", 0, "a@2=[]b@3=[]" },
		/* Several documents in one read: each handed out from what
		 * waits, up to the next header, the last one cut there too. */
		{ "\fa\nx\n\fb\ny\n\fc\n\fd\nz\nw\n\fe\nq", "op", 0,
		    "a@2=[x\n]b@4=[y\n]c@6=[]d@7=[z\nw\n]e@10=[q\n]" },
		{ "\fz\n\fa\n123\n4567\n89\n\fb\nx\n", "op", 9,
		    "z@2=[]a~12@3=[123\n4567\n]b@7=[x\n]" },
		/* A form feed inside a line starts nothing. */
		{ "\fa\nx\fy\n\fb\n", "op", 0, "a@2=[x\fy\n]b@4=[]" },
		/* Names are escaped as stream 2 fields; CR LF ends a header. */
		{ "\fa\\tb\\\\c\\nd\r\nx\n", "op", 0, "a\tb\\c\nd@2=[x\n]" },
		/* The unreadable marker, and an attribute not understood. */
		{ "\fgone\tunreadable: No such file\\tor so\n\fnext\nq\n", "op", 0,
		    "gone!No such file\tor so@2=[]next@3=[q\n]" },
		{ "\fbare\tunreadable\n", "op", 0, "bare!no reason given@2=[]" },
		{ "\fodd\tcolour: red\nq\n", "op", 0, "odd?@2=[q\n]" },
		{ "\fodd\tunreadableness\n", "op", 0, "odd?@2=[]" },
		/* Cut upstream: its text, and why. */
		{ "\fbig\tcut: larger\\tthan 9\na\n\fnext\nq\n", "op", 0,
		    "big%larger\tthan 9@2=[a\n]next@4=[q\n]" },
		{ "\fbig\tcut\na\n", "op", 0, "big%no reason given@2=[a\n]" },
		{ "\fodd\tcutting: x\na\n", "op", 0, "odd?@2=[a\n]" },
		/* Cut here and upstream: both said. */
		{ "\fa\tcut: x\n123\n4567\n89\n", "op", 9,
		    "a%x~12@2=[123\n4567\n]" },
		/* Too large: cut at a line end within max, the next one whole. */
		{ "\fa\n123\n4567\n89\n\fb\nx\n", "op", 9, "a~12@2=[123\n4567\n]b@6=[x\n]" },
		{ "\fa\n123456789012\n\fb\nx\n", "op", 9, "a~13@2=[123456789\n]b@4=[x\n]" },
		{ "\fa\n12\n\fb\n1234567890123456789\n1\n\fc\nx\n", "op", 9,
		    "a@2=[12\n]b~22@4=[123456789\n]c@7=[x\n]" },
		{ "123\n4567\n89\n\fb\nx\n", "op", 9, "op~@1=[123\n4567\n]" },
		/* No line end within max: cut there, but not inside a UTF-8
		 * character; bytes that are not UTF-8 are cut at max. */
		{ "12345678\xe4\xb8\xad", "op", 9, "op~@1=[12345678\n]" },
		{ "1234567\xe4\xb8\xad", "op", 9, "op~@1=[1234567\n]" },
		{ "1234567\xd6\xd0\xce\xc4", "op", 9,
		    "op~@1=[1234567\xd6\xd0\n]" },
	};
	struct gai_buf out = GAI_BUF_INIT;
	size_t i, chunk;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		for (chunk = 1; chunk <= strlen(cases[i].in) + 1; chunk++) {
			split(cases[i].in, cases[i].op, cases[i].max, chunk,
			    &out);
			CHECK(strcmp(out.data, cases[i].want) == 0,
			    "case %zu, chunk %zu: got \"%s\"", i, chunk,
			    out.data);
		}
	gai_buf_free(&out);
	return unit_end("doc_test");
}
