/* SPDX-License-Identifier: MIT */
/* gai-extract: stream 1 text to stream 2 records: meta.*, the tables, warn.*. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fe.h"
#include "gai_buf.h"
#include "gai_doc.h"
#include "gai_extract.h"
#include "gai_rec.h"

static const char help_text[] =
"Usage: gai-extract [OPTION]... [FILE]...\n"
"Read the three tables of each 政府信息公开工作年度报告 in normalized text\n"
"(stream 1) and write them as doc<TAB>key<TAB>value records (stream 2):\n"
"meta.*, every field found, and a warn.* record for every one that is not.\n"
"\n"
"Examples:\n"
"  gai-normalize pages/*.html | gai-extract | gai-check   # the pipeline\n"
"  gai-extract report.txt | grep -F .warn.                # what was missed\n"
"  gai-extract --trace report.txt >/dev/null              # where each came from\n"
"\n"
"Options:\n"
"  -h, --help     display this help and exit\n"
"  -t, --trace    for every field, say on standard error which line and\n"
"                 cell it was read from\n"
"  -V, --version  output version information and exit\n"
"\n"
"With no FILE, or when FILE is -, read standard input.\n"
"Exit status is 0 if every document held report tables, 1 if one did not,\n"
"2 if trouble (trouble wins).\n";

static const struct option longopts[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "trace", no_argument, NULL, 't' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

struct opts {
	int trace;
	struct gai_extract *x;
	struct gai_buf name, text;
};

static void
trace(const char *doc, const struct gai_extract_rec *r)
{
	char where[512];
	size_t n = r->cell_len;

	if (r->cell == NULL || strncmp(r->key, "warn.", 5) == 0)
		return;
	/* a prose line the year came from: enough of it, whole characters */
	if (n > 120)
		for (n = 120; n > 0 && (r->cell[n] & 0xc0) == 0x80; n--)
			;
	snprintf(where, sizeof where, "%s", fe_quote(doc));
	fprintf(stderr, "%s: %s:%ld: %s = %s from \"%.*s%s\"\n",
	    fe_progname(), where, r->line, r->key, r->value, (int)n, r->cell,
	    n < r->cell_len ? "..." : "");
}

static int
process(struct opts *op, const char *path)
{
	struct gai_doc_reader rd;
	struct gai_error err;
	FILE *fp;
	long first;
	size_t i;
	int rc, status = GAI_EXIT_OK;

	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(path, "r")) == NULL) {
		fe_warn(errno, "%s", fe_quote(path));
		return GAI_EXIT_ERROR;
	}
	gai_doc_reader_init(&rd, fp, path);
	for (;;) {
		memset(&err, 0, sizeof err);
		rc = gai_doc_read(&rd, &op->name, &op->text, &first, &err);
		if (rc == GAI_EOF)
			break;
		if (rc != GAI_OK) {
			fe_warn(err.errnum, "%s", fe_quote(path));
			status = GAI_EXIT_ERROR;
			break;
		}
		rc = gai_extract_doc(op->x, op->text.data, op->text.len, first,
		    &err);
		if (rc < 0) {
			fe_warn(0, "%s: %s", fe_quote(op->name.data), err.msg);
			status = GAI_EXIT_ERROR;
			continue;
		}
		if (rc == GAI_EOF)
			status = fe_worse(status, GAI_EXIT_FINDINGS);
		for (i = 0; i < gai_extract_count(op->x); i++) {
			const struct gai_extract_rec *r =
			    gai_extract_at(op->x, i);

			gai_rec_write(stdout, op->name.data, r->key, r->value);
			if (op->trace)
				trace(op->name.data, r);
		}
		if (fe_stdout_failed())
			break;
	}
	gai_doc_reader_free(&rd);
	if (fp != stdin && fclose(fp) != 0) {
		fe_warn(errno, "%s", fe_quote(path));
		status = GAI_EXIT_ERROR;
	}
	return status;
}

int
main(int argc, char *argv[])
{
	struct opts o = { 0, NULL, GAI_BUF_INIT, GAI_BUF_INIT };
	struct gai_error err;
	int c, status = GAI_EXIT_OK;

	setlocale(LC_ALL, "");
	fe_setprogname("gai-extract");

	/* 1. Options. */
	while ((c = getopt_long(argc, argv, "htV", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			fe_help(help_text);
		case 't':
			o.trace = 1;
			break;
		case 'V':
			fe_version();
		default:
			fe_usage_error(NULL);
		}
	}
	argc -= optind;
	argv += optind;

	/* 2. The table descriptions, compiled once for every document. */
	memset(&err, 0, sizeof err);
	if ((o.x = gai_extract_new(&err)) == NULL)
		fe_err(GAI_EXIT_ERROR, 0, "%s", err.msg);

	/* 3. Work: one call per operand; "-" or none means stdin. */
	if (argc == 0)
		status = process(&o, "-");
	for (; *argv != NULL && !fe_stdout_failed(); argv++)
		status = fe_worse(status, process(&o, *argv));

	/* 4. Finish. */
	gai_extract_free(o.x);
	gai_buf_free(&o.name);
	gai_buf_free(&o.text);
	return fe_close_stdout(status);
}
