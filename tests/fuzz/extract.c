/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target extract: stream 1 to records, as gai-extract reads it:
 * documents split at their headers, a document that is not stream 1
 * normalized first, each one's records gathered as stream 2 and read
 * back, which must give the same records.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "gai_doc.h"
#include "gai_extract.h"

static struct gai_extract *x;
static struct gai_doc doc = GAI_DOC_INIT;
static struct gai_normalizer nz = GAI_NORMALIZER_INIT;
static struct gai_buf text;
static struct gai_rec_out out;

int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct gai_error err;

	(void)argc;
	(void)argv;
	if ((x = gai_extract_new(&err)) == NULL)
		fuzz_fail(err.msg);
	return 0;
}

/* Read back what gai_rec_out gathered: the same records, in order. */
static void
read_back(const char *doc)
{
	struct gai_rec_reader rd;
	struct gai_error err;
	struct gai_rec rec;
	size_t i = 0;
	FILE *fp;

	if ((fp = fuzz_open((const uint8_t *)out.buf.data, out.buf.len)) == NULL)
		return;
	gai_rec_reader_init(&rd, fp, "-");
	while (gai_rec_next(&rd, &rec, &err) == GAI_OK) {
		const struct gai_extract_rec *r = gai_extract_at(x, i++);

		if (strcmp(rec.doc, doc) != 0 || strcmp(rec.key, r->key) != 0 ||
		    strcmp(rec.value, r->value) != 0)
			fuzz_fail("a record does not read back as written");
	}
	if (i != gai_extract_count(x))
		fuzz_fail("records lost between writing and reading back");
	gai_rec_reader_free(&rd);
	fclose(fp);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gai_norm_result res;
	struct gai_doc_reader rd;
	struct gai_error err;
	const struct gai_buf *t;
	size_t i;
	FILE *fp;

	if ((fp = fuzz_open(data, size)) == NULL)
		return 0;
	gai_doc_reader_init(&rd, fp, "-", 0);
	while (gai_doc_read(&rd, &doc, &err) == GAI_OK) {
		/* As gai-extract: stream 1 as it is, a raw page normalized. */
		t = &doc.text;
		if (!gai_normalize_is_stream1(t->data, t->len, 0)) {
			if (fuzz_normalize(&nz, &text, t->data, t->len, NULL,
			    &res) != 0)
				continue;
			t = &text;
		}
		if (gai_extract_doc(x, t->data, t->len, doc.first_line,
		    &err) < 0 || gai_rec_out_begin(&out, doc.name.data) != 0)
			continue;
		for (i = 0; i < gai_extract_count(x); i++) {
			const struct gai_extract_rec *r = gai_extract_at(x, i);

			if (strcspn(r->key, "\t\n\r\\") != strlen(r->key))
				fuzz_fail("a key holds a character stream 2 "
				    "does not escape in keys");
			if (gai_rec_out_add(&out, r->key, r->value) != 0)
				break;
		}
		if (i == gai_extract_count(x))
			read_back(doc.name.data);
	}
	gai_doc_reader_free(&rd);
	fclose(fp);
	return 0;
}
