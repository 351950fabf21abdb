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
#include "gai_normalize.h"
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
"  -h, --help         display this help and exit\n"
"  -s, --no-messages  no messages about unreadable input (the same exit\n"
"                     status; --trace still writes)\n"
"  -q, --quiet        write nothing; the exit status says it all\n"
"  -t, --trace        for every field, say on standard error which line and\n"
"                     cell it was read from\n"
"  -V, --version      output version information and exit\n"
"\n"
"With no FILE, or when FILE is -, read standard input.\n"
"Exit status is 0 if every document held report tables, 1 if one did not,\n"
"2 if trouble (trouble wins).\n";

static const struct option longopts[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "no-messages", no_argument, NULL, 's' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "trace", no_argument, NULL, 't' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

struct opts {
	int trace;
	struct gai_extract *x;
	struct gai_buf name, text;
	struct gai_buf raw;		/* a page that is not stream 1 yet */
	struct gai_normalizer nz;
	struct gai_rec_out out;		/* the document's records */
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
	fprintf(stderr, "%s: %s:%ld: %s = %s from \"%.*s%s\"%s%s\n",
	    fe_progname(), where, r->line, r->key, r->value, (int)n, r->cell,
	    n < r->cell_len ? "..." : "", r->how != NULL ? ", read as " : "",
	    r->how != NULL ? r->how : "");
}

/* Write what was gathered; fe_write keeps the errno of a failed write
 * for fe_close_stdout to report. */
static void
put_out(struct opts *op)
{
	if (op->out.buf.len > 0)
		(void)fe_write(op->out.buf.data, op->out.buf.len);
	gai_buf_clear(&op->out.buf);
}

/*
 * Extract the document in op->name and op->text and write its records;
 * encoding, when not NULL, is written as meta.encoding after the other
 * meta.* records.  Returns an exit status.
 */
static int
extract(struct opts *op, long first, const char *encoding)
{
	struct gai_error err;
	size_t i;
	int rc;

	memset(&err, 0, sizeof err);
	rc = gai_extract_doc(op->x, op->text.data, op->text.len, first, &err);
	if (rc < 0) {
		fe_warn(0, "%s: %s", fe_quote(op->name.data), err.msg);
		return GAI_EXIT_ERROR;
	}
	/* The records go out in one write per document. */
	if (gai_rec_out_begin(&op->out, op->name.data) != 0)
		goto nomem;
	for (i = 0; i < gai_extract_count(op->x); i++) {
		const struct gai_extract_rec *r = gai_extract_at(op->x, i);

		if (encoding != NULL && strncmp(r->key, "meta.", 5) != 0) {
			if (gai_rec_out_add(&op->out, "meta.encoding", encoding) != 0)
				goto nomem;
			encoding = NULL;
		}
		if (gai_rec_out_add(&op->out, r->key, r->value) != 0)
			goto nomem;
		if (op->trace) {
			/* the record out before what is said of it */
			put_out(op);
			trace(op->name.data, r);
		}
	}
	if (encoding != NULL && gai_rec_out_add(&op->out, "meta.encoding", encoding) != 0)
		goto nomem;
	put_out(op);
	return rc == GAI_EOF ? GAI_EXIT_FINDINGS : GAI_EXIT_OK;
nomem:
	fe_warn(0, "%s: out of memory", fe_quote(op->name.data));
	return GAI_EXIT_ERROR;
}

static int
append(void *ctx, const char *s, size_t n)
{
	return gai_buf_append(ctx, s, n);
}

/* A page that is not stream 1 (HTML, GBK bytes...): normalize it first. */
static int
extract_page(struct opts *op, FILE *fp, const char *path, const char *head,
    size_t n)
{
	struct gai_norm_result res;
	struct gai_error err;
	char chunk[65536];
	size_t got;

	gai_buf_clear(&op->raw);
	if (gai_buf_append(&op->raw, head, n) != 0)
		fe_err(GAI_EXIT_ERROR, ENOMEM, "%s", fe_quote(path));
	while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
		if (gai_buf_append(&op->raw, chunk, got) != 0)
			fe_err(GAI_EXIT_ERROR, ENOMEM, "%s", fe_quote(path));
	if (ferror(fp)) {
		fe_warn(errno, "%s", fe_quote(fe_input_name(path)));
		return GAI_EXIT_ERROR;
	}
	gai_buf_clear(&op->name);
	gai_buf_puts(&op->name, path);
	gai_buf_clear(&op->text);
	if (gai_normalize(&op->nz, op->raw.data, op->raw.len, NULL, append,
	    &op->text, &res, &err) != 0) {
		fe_warn(err.errnum, "%s: %s", fe_quote(path), err.msg);
		return GAI_EXIT_ERROR;
	}
	if (res.decode.bad > 0)
		fe_warn(0, "%s: %zu bytes not valid %s, replaced by U+FFFD",
		    fe_quote(path), res.decode.bad, res.enc.name);
	return extract(op, 1, res.enc.name);
}

static int
process(struct opts *op, const char *path)
{
	struct gai_doc_reader rd;
	struct gai_error err;
	char head[4096];
	FILE *fp;
	long first;
	size_t n;
	int rc, status = GAI_EXIT_OK;

	if ((fp = fe_open(path)) == NULL)
		return GAI_EXIT_ERROR;
	/* Sniff: stream 1 is read as it streams, anything else is a page. */
	n = fread(head, 1, sizeof head, fp);
	if (ferror(fp)) {
		fe_warn(errno, "%s", fe_quote(fe_input_name(path)));
		status = GAI_EXIT_ERROR;
	} else if (n == 0 && fp == stdin) {
		/* Nothing on the pipe (a day without pages): no document. */
	} else if (!gai_normalize_is_stream1(head, n, n == sizeof head)) {
		status = extract_page(op, fp, path, head, n);
	} else {
		gai_doc_reader_init_prefixed(&rd, fp, path, head, n);
		for (;;) {
			memset(&err, 0, sizeof err);
			rc = gai_doc_read(&rd, &op->name, &op->text, &first,
			    &err);
			if (rc == GAI_EOF)
				break;
			if (rc != GAI_OK) {
				fe_warn(err.errnum, "%s",
				    fe_quote(fe_input_name(path)));
				status = GAI_EXIT_ERROR;
				break;
			}
			status = fe_worse(status, extract(op, first, NULL));
			if (fe_stdout_failed())
				break;
		}
		gai_doc_reader_free(&rd);
	}
	return fe_close_input(fp, path, status);
}

int
main(int argc, char *argv[])
{
	struct opts o = { 0, NULL, GAI_BUF_INIT, GAI_BUF_INIT, GAI_BUF_INIT,
	    GAI_NORMALIZER_INIT, GAI_REC_OUT_INIT };
	struct gai_error err;
	int c, status = GAI_EXIT_OK;

	setlocale(LC_ALL, "");
	fe_setprogname("gai-extract");

	/* 1. Options. */
	while ((c = getopt_long(argc, argv, "hqstV", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			fe_help(help_text);
		case 'q':
			fe_set_quiet(1);
			break;
		case 's':
			fe_set_silent(1);
			break;
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
	gai_buf_free(&o.raw);
	gai_rec_out_free(&o.out);
	gai_normalizer_free(&o.nz);
	return fe_close_stdout(status);
}
