/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target tsv: stream 2 records to every gai-tsv output: --wide (keys
 * and zh labels), --long (every record, and -k globs), each --table, each
 * in TSV and CSV.  The header lines depend on the selection only: they are
 * made once, at the start, not for each of an input's (often hundreds of)
 * documents, which made the target run at 5-20 inputs a second.
 */
#include <config.h>

#include <string.h>

#include "fuzz.h"
#include "gai_tsv.h"

/* The selections gai-tsv's options make: mode and -k. */
static const struct {
	enum gai_tsv_mode mode;
	const char *keys;
} sels[] = {
	{ GAI_TSV_WIDE, NULL },
	{ GAI_TSV_WIDE, "meta.*,req.*.total,checks_failed,checks_failed_ids" },
	{ GAI_TSV_LONG, NULL },
	{ GAI_TSV_LONG, "meta.org,check.*,warn.*,req.**" },
};
#define NSEL (sizeof sels / sizeof sels[0])

static struct gai_tsv_sel sel[NSEL];
static struct gai_tsv_work work[NSEL];
static struct gai_buf out;
static long header_tabs[NSEL][2];	/* by selection and zh */

/*
 * In TSV every line of a table has the header's number of cells: want
 * tabs, or with want -1 as many as the first line has; that number.
 */
static long
check_shape(const struct gai_buf *b, long want)
{
	const char *p = b->data, *end = b->data + b->len, *lf;
	long tabs;

	for (; p < end; p = lf + 1) {
		if ((lf = memchr(p, '\n', (size_t)(end - p))) == NULL)
			fuzz_fail("a TSV line does not end in LF");
		for (tabs = 0; p < lf; p++)
			tabs += *p == '\t';
		if (want >= 0 && tabs != want)
			fuzz_fail("TSV lines with different numbers of cells");
		want = tabs;
	}
	return want;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct gai_error err;
	enum gai_tsv_fmt fmt;
	size_t i;
	int zh;

	(void)argc;
	(void)argv;
	for (i = 0; i < NSEL; i++)
		if (gai_tsv_sel_init(&sel[i], sels[i].mode, sels[i].keys,
		    &err) != 0 || gai_tsv_work_init(&work[i], &sel[i]) != 0)
			fuzz_fail("gai-tsv's selections");
	for (fmt = GAI_TSV_TSV; fmt <= GAI_TSV_CSV; fmt++)
		for (i = 0; i < NSEL; i++)
			for (zh = 0; zh <= 1; zh++) {
				gai_buf_clear(&out);
				if (gai_tsv_header(&out, &sel[i], fmt, zh) != 0)
					fuzz_fail("gai-tsv's headers");
				if (fmt == GAI_TSV_TSV)
					header_tabs[i][zh] =
					    check_shape(&out, -1);
			}
	return 0;
}

static int
each_output(void *ctx, const struct gai_recset *set)
{
	static const enum gai_table tables[] = {
		GAI_T_ACTIVE, GAI_T_REQ, GAI_T_APPEAL
	};
	enum gai_tsv_fmt fmt;
	size_t i, t;
	int zh;

	(void)ctx;
	for (fmt = GAI_TSV_TSV; fmt <= GAI_TSV_CSV; fmt++)
		for (i = 0; i < NSEL; i++) {
			if (gai_tsv_work_load(&work[i], &sel[i], set) != 0)
				return 0;
			for (zh = 0; zh <= 1; zh++) {
				gai_buf_clear(&out);
				if (gai_tsv_row(&out, &sel[i], &work[i], set,
				    fmt, zh) == 0 && fmt == GAI_TSV_TSV)
					(void)check_shape(&out,
					    header_tabs[i][zh]);
			}
			for (t = 0; i == 0 && t < 3; t++) {
				gai_buf_clear(&out);
				(void)gai_tsv_table(&out, tables[t], &work[i],
				    set, fmt);
			}
		}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	(void)fuzz_each_recset(data, size, each_output, NULL);
	return 0;
}
