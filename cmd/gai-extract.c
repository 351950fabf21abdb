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
#include "gai_source.h"
#include "gai_text.h"

#define CUT_REASON_MAX 160	/* a warn.cut value, gai_doc_cut_reason's words */

static const char help_text[] =
"Usage: gai-extract [OPTION]... [FILE]...\n"
"Read the three tables of each 政府信息公开工作年度报告 in normalized text\n"
"(stream 1) and write them as doc<TAB>key<TAB>value records (stream 2):\n"
"meta.*, every field found, and a warn.* record for every one that is not.\n"
"\n"
"Examples:\n"
"  gai-normalize pages/*.html | gai-extract | gai-check   # the pipeline\n"
"  gai-extract report.txt | cut -f2- | grep '^warn\\.'     # what was missed\n"
"  gai-extract --trace report.txt >/dev/null              # where each came from\n"
"\n"
"Options:\n"
"  -h, --help         display this help and exit\n"
"      --files-from=LIST  read the files LIST names, one a line (- stdin)\n"
"  -0, --null         the paths in LIST end in NUL (find -print0)\n"
"  -r, --recursive    read the files under each directory, in sorted order\n"
"      --max-size=SIZE  cut a document larger than SIZE bytes (K, M, G:\n"
"                     KiB, MiB, GiB; default 64M, 0 no limit) and say so\n"
"  -s, --no-messages  no messages about unreadable input (the same exit\n"
"                     status; --trace still writes)\n"
"  -q, --quiet        write nothing; the exit status says it all\n"
"  -t, --trace        for every field, say on standard error which line and\n"
"                     cell it was read from\n"
"  -V, --version      output version information and exit\n"
"\n"
"With no FILE, or when FILE is -, read standard input.  A stream that\n"
"starts with a form-feed header holds one document per header; any other\n"
"FILE is one document.  Each document is read as stream 1, or normalized\n"
"first when it is a raw page (HTML, GB18030, Big5...).  A compressed FILE,\n"
"an archive, a WARC, PDF or DOCX file is read as gai-normalize reads it.\n"
"Exit status is 0 if every document held report tables, 1 if one did not,\n"
"2 if trouble (trouble wins).\n";

enum { OPT_MAX_SIZE = 256 };

static const struct option longopts[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "max-size", required_argument, NULL, OPT_MAX_SIZE },
	{ "no-messages", no_argument, NULL, 's' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "trace", no_argument, NULL, 't' },
	{ "version", no_argument, NULL, 'V' },
	FE_FILES_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

struct opts {
	int trace;
	size_t max;			/* --max-size */
	struct gai_extract *x;
	struct gai_doc doc;		/* the document as read */
	struct gai_buf text;		/* a page that was not stream 1, normalized */
	struct gai_normalizer nz;
	struct gai_html_lines src;	/* --trace: a page's lines of HTML */
	struct gai_rec_out out;		/* the document's records */
	struct gai_buf prev, name;	/* the last document's name; this one's */
	unsigned long repeat;		/* documents in a row named prev */
};

/*
 * Say where r came from: the line of the document's text, or, for an HTML
 * page normalized here, src's line of its source.
 */
static void
trace(const char *doc, const struct gai_extract_rec *r,
    const struct gai_html_lines *src)
{
	char where[512];
	size_t n = r->cell_len;
	long line = r->line;

	if (r->cell == NULL || strncmp(r->key, "warn.", 5) == 0)
		return;
	if (src != NULL && line > 0 && (size_t)line <= src->n)
		line = (long)src->v[line - 1];
	/* a prose line the year came from: enough of it, whole characters */
	if (n > 120)
		for (n = 120; n > 0 && (r->cell[n] & 0xc0) == 0x80; n--)
			;
	snprintf(where, sizeof where, "%s", fe_quote(doc));
	fprintf(stderr, "%s: %s:%ld: %s = %s from \"%.*s%s\"%s%s\n",
	    fe_progname(), where, line, r->key, r->value, (int)n, r->cell,
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
 * Extract the document named name from its stream 1 text t and write its
 * records; encoding, when not NULL, is written as meta.encoding after the
 * other meta.* records; src, when not NULL, maps t's lines to the HTML
 * source's for --trace; cuts, NULL-ended, says why the document was cut
 * (here or upstream), a warn.cut record each, after the others.
 * Returns an exit status; with maybe_page, -1 and nothing written when
 * t is not stream 1 but a raw page, else t may be folded where it is.
 */
static int
extract(struct opts *op, const char *name, struct gai_buf *t,
    const struct gai_html_lines *src, const char *encoding,
    const char *const *cuts, int maybe_page)
{
	struct gai_error err;
	size_t i;
	int rc;

	memset(&err, 0, sizeof err);
	rc = maybe_page ? gai_extract_stream1_buf(op->x, t, 1, &err) :
	    gai_extract_doc(op->x, t->data != NULL ? t->data : "", t->len, 1,
	    &err);
	if (rc == GAI_E_ENCODING && maybe_page)
		return -1;
	if (rc < 0) {
		fe_warn(0, "%s: %s", fe_quote(name), err.msg);
		return GAI_EXIT_ERROR;
	}
	/* The records go out in one write per document. */
	if (gai_rec_out_begin(&op->out, name) != 0)
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
			trace(name, r, src);
		}
	}
	if (encoding != NULL && gai_rec_out_add(&op->out, "meta.encoding", encoding) != 0)
		goto nomem;
	for (; *cuts != NULL; cuts++)
		if (gai_rec_out_add(&op->out, "warn.cut", *cuts) != 0)
			goto nomem;
	put_out(op);
	return rc == GAI_EOF ? GAI_EXIT_FINDINGS : GAI_EXIT_OK;
nomem:
	fe_warn(0, "%s: out of memory", fe_quote(name));
	return GAI_EXIT_ERROR;
}

static int
append(void *ctx, const char *s, size_t n)
{
	return gai_buf_append(ctx, s, n);
}

/*
 * UTF-8 but for a few stray bytes (a bad byte in a long report): read as
 * UTF-8 with those replaced, not guessed as some other encoding from them.
 * A page in GB18030 or Big5 has a stray byte in nearly every character;
 * one in UTF-16 that is mostly ASCII only a few, but a byte-order mark
 * says what it is.
 */
static int
mostly_utf8(const char *s, size_t n)
{
	size_t bad = 0, i = 0;

	if (n >= 2 && (memcmp(s, "\xFF\xFE", 2) == 0 ||
	    memcmp(s, "\xFE\xFF", 2) == 0))
		return 0;

	while ((i += gai_text_valid_utf8(s + i, n - i)) < n) {
		if (++bad > n / 1024 + 4)
			return 0;
		i++;
	}
	return 1;
}

/*
 * A page that is not stream 1 (HTML, GBK bytes...): normalize it first.
 * charset is what its transport declared (NULL, "": nothing); op->nz.cut
 * says whether bytes are the start of a page cut here; cuts as extract's.
 * page, when not NULL, is the buffer bytes are in: it is given back as it
 * is decoded (gai_normalize_page), so that the page, its text and what the
 * extraction takes do not add up (a raw page of 100 MB peaked at 2.4
 * times its size, not 1.8; one in GB18030, whose text is larger, at 2.2).
 */
static int
extract_page(struct opts *op, const char *name, const char *bytes, size_t n,
    const char *charset, const char *const *cuts, struct gai_buf *page)
{
	const char *forced = mostly_utf8(bytes, n) ? "UTF-8" : NULL;
	struct gai_norm_result res;
	struct gai_error err;

	gai_buf_clear(&op->text);
	if ((page != NULL ? gai_normalize_page(&op->nz, page, n, forced,
	    charset, append, &op->text, &res, &err) :
	    gai_normalize_declared(&op->nz, bytes, n, forced, charset, append,
	    &op->text, &res, &err)) != 0) {
		fe_warn(err.errnum, "%s: %s", fe_quote(name), err.msg);
		return GAI_EXIT_ERROR;
	}
	if (res.decode.bad > 0)
		fe_warn(0, "%s: %zu bytes not valid %s, replaced by U+FFFD",
		    fe_quote(name), res.decode.bad, res.enc.name);
	return extract(op, name, &op->text, res.html ? &op->src : NULL,
	    res.enc.name, cuts, 0);
}

/* A document that could not be read: its one record says why. */
static int
extract_unreadable(struct opts *op, const char *name, const char *why)
{
	if (gai_rec_out_begin(&op->out, name) != 0 ||
	    gai_rec_out_add(&op->out, "warn.unreadable", why) != 0) {
		fe_warn(0, "%s: out of memory", fe_quote(name));
		return GAI_EXIT_ERROR;
	}
	put_out(op);
	return GAI_EXIT_FINDINGS;
}

/*
 * A document cut here at --max-size, kept bytes read of at least size:
 * the diagnostic, and in why (CUT_REASON_MAX bytes) the warn.cut value.
 */
static void
say_cut(const struct opts *op, const char *name, size_t kept, size_t size,
    char *why)
{
	gai_doc_cut_reason(why, CUT_REASON_MAX, op->max, kept, size);
	fe_warn(0, "%s: %s", fe_quote(name), why);
}

/*
 * The name the document's records carry: its own, or, when the document
 * before it had the same name (several standard inputs, each "-"), that
 * name and "#N", N counting them, so that no two reports merge downstream.
 */
static const char *
record_name(struct opts *op)
{
	const struct gai_buf *n = &op->doc.name;
	char num[32];

	if (op->repeat > 0 && op->prev.len == n->len &&
	    memcmp(op->prev.data, n->data, n->len) == 0) {
		snprintf(num, sizeof num, "#%lu", ++op->repeat);
		gai_buf_clear(&op->name);
		if (gai_buf_append(&op->name, n->data, n->len) != 0 ||
		    gai_buf_puts(&op->name, num) != 0)
			fe_err(GAI_EXIT_ERROR, ENOMEM, "%s", fe_quote(n->data));
		return op->name.data;
	}
	gai_buf_clear(&op->prev);
	if (gai_buf_append(&op->prev, n->data, n->len) != 0)
		fe_err(GAI_EXIT_ERROR, ENOMEM, "%s", fe_quote(n->data));
	op->repeat = 1;
	return n->data;
}

/*
 * One document: raw page or stream 1 is decided for it alone.  cut, when
 * not NULL, says why the stream it came in was cut here, through it (said
 * already): one more warn.cut.
 */
static int
extract_one(struct opts *op, const char *cut)
{
	struct gai_doc *d = &op->doc;
	const char *name = record_name(op);
	const char *cuts[4] = { NULL, NULL, NULL, NULL };
	char why[CUT_REASON_MAX];
	int status = GAI_EXIT_OK, rc;

	if (d->odd_attr)
		fe_warn(0, "%s: header attribute not understood, ignored",
		    fe_quote(name));
	if (d->cut_reason.len > 0) {	/* said upstream; a finding here */
		cuts[0] = d->cut_reason.data;
		status = GAI_EXIT_FINDINGS;
	}
	if (d->cut) {
		say_cut(op, name, d->text.len, d->size, why);
		cuts[cuts[0] != NULL] = why;
		status = GAI_EXIT_ERROR;
	}
	if (cut != NULL) {
		cuts[(cuts[0] != NULL) + (cuts[1] != NULL)] = cut;
		status = GAI_EXIT_ERROR;
	}
	if (d->unreadable.len > 0)
		return fe_worse(status,
		    extract_unreadable(op, name, d->unreadable.data));
	/* --trace counts the lines of the document's own text, not of the
	 * stream it came in; stream 1 is told from a raw page in the pass
	 * the extraction makes over the text */
	if ((rc = extract(op, name, &d->text, NULL, NULL, cuts, 1)) >= 0)
		return fe_worse(status, rc);
	op->nz.cut = d->cut;
	return fe_worse(status, extract_page(op, name, d->text.data,
	    d->text.len, NULL, cuts, &op->doc.text));
}

/*
 * The documents of stream 1 on fp (named operand when it has none): split
 * at its headers, so the reports in it stay apart, each bounded by
 * --max-size alone.  src, when not NULL, is what fp reads (its words on a
 * read error); cut, when not NULL, says why the stream was cut (said
 * already): its last document, which the cut went through, records it.
 */
static int
extract_stream(struct opts *op, const char *operand, FILE *fp,
    struct gai_source *src, const char *cut)
{
	struct gai_doc_reader rd;
	struct gai_error err;
	int rc, status = GAI_EXIT_OK;

	gai_doc_reader_init(&rd, fp, operand, op->max);
	while (!fe_stdout_failed()) {
		memset(&err, 0, sizeof err);
		if ((rc = gai_doc_read(&rd, &op->doc, &err)) == GAI_EOF)
			break;
		if (rc != GAI_OK) {
			/* a decompressor's words, else the system's */
			const char *why = rc == GAI_E_IO && src != NULL &&
			    gai_source_error(src) != NULL ?
			    gai_source_error(src) : err.errnum != 0 ?
			    strerror(err.errnum) : err.msg;

			fe_warn(0, "%s: %s", fe_quote(operand), why);
			status = fe_worse(GAI_EXIT_ERROR, extract_unreadable(op,
			    operand, why));
			break;
		}
		status = fe_worse(status, extract_one(op,
		    gai_doc_reader_more(&rd) ? NULL : cut));
	}
	gai_doc_reader_free(&rd);
	return status;
}

/* stdio over gai_source_read, for the stream 1 reader. */
static ssize_t
source_read(void *cookie, char *buf, size_t n)
{
	return gai_source_read(cookie, buf, n);
}

static const cookie_io_functions_t source_io = { source_read, NULL, NULL,
	NULL };

/*
 * Stream 1 saved and packed (gai-normalize ... | gzip >day.gz): an
 * archive member read as it comes (doc->stream1), or a WARC record's
 * page in memory, which cut (when not NULL) says was cut.
 */
static int
extract_saved(struct opts *op, struct gai_source *src,
    const struct gai_source_doc *doc, const char *cut)
{
	FILE *fp = doc->stream1 ? fopencookie(src, "r", source_io) :
	    fmemopen((void *)doc->bytes, doc->len, "r");
	int status;

	if (fp == NULL) {
		fe_warn(errno, "%s", fe_quote(doc->name));
		return GAI_EXIT_ERROR;
	}
	status = extract_stream(op, doc->name, fp, doc->stream1 ? src : NULL,
	    cut);
	fclose(fp);		/* reads only: nothing to lose */
	return status;
}

/*
 * An operand that is not text (compressed, an archive, WARC, PDF, DOCX,
 * binary): each document gai_source finds in it is a raw page (given back
 * as it is decoded when it is in gai_source's buffer), or saved stream 1.
 */
static int
extract_source(struct opts *op, const char *path, struct gai_source *src)
{
	struct gai_source_doc doc;
	struct gai_error err;
	char skipped[256], why[CUT_REASON_MAX];
	int rc, status = GAI_EXIT_OK;

	memset(&err, 0, sizeof err);
	while (!fe_stdout_failed() &&
	    (rc = gai_source_next(src, &doc, &err)) == GAI_OK) {
		const char *cuts[2] = { NULL, NULL };

		if (doc.cut) {	/* read as far as it was, as a plain FILE */
			say_cut(op, doc.name, doc.len, doc.size, why);
			cuts[0] = why;
			status = GAI_EXIT_ERROR;
		}
		if (doc.stream1 || (doc.unreadable == NULL && doc.len > 0 &&
		    doc.bytes[0] == '\f')) {
			status = fe_worse(status, extract_saved(op, src, &doc,
			    cuts[0]));
			continue;
		}
		if (doc.unreadable == NULL) {
			op->nz.cut = doc.cut;
			status = fe_worse(status, extract_page(op, doc.name,
			    doc.bytes, doc.len, doc.charset, cuts, doc.page));
			continue;
		}
		fe_warn(0, "%s: %s", fe_quote(doc.name), doc.unreadable);
		status = fe_worse(GAI_EXIT_ERROR,
		    extract_unreadable(op, doc.name, doc.unreadable));
	}
	if (rc < 0) {
		fe_warn(err.errnum, "%s: %s", fe_quote(path), err.msg);
		status = GAI_EXIT_ERROR;
	}
	if (gai_source_skipped(src, skipped, sizeof skipped) > 0)
		fe_warn(0, "%s: %s", fe_quote(path), skipped);
	return status;
}

static int
process(void *ctx, const char *path)
{
	struct opts *op = ctx;
	struct gai_source_opts so = { NULL, op->max, 1 };
	struct gai_source *src;
	struct gai_error err;
	FILE *fp = NULL;
	int rc, status;

	/* A FILE that cannot be read is a record too, as upstream (gai(7)). */
	memset(&err, 0, sizeof err);
	if ((rc = gai_source_open(&src, path, &so, &err)) == GAI_OK &&
	    (rc = gai_source_is_text(src, &err)) == 1 &&
	    (fp = fopencookie(src, "r", source_io)) == NULL)
		rc = gai_error_set(&err, GAI_E_IO, errno, 0, "%s",
		    strerror(errno));
	if (rc < 0) {
		fe_warn(err.errnum, "%s", fe_quote(path));
		gai_source_close(src);
		return fe_worse(GAI_EXIT_ERROR, extract_unreadable(op, path,
		    err.errnum != 0 ? strerror(err.errnum) : err.msg));
	}
	if (fp == NULL) {
		status = extract_source(op, path, src);
		gai_source_close(src);
		return status;
	}
	status = extract_stream(op, path, fp, src, NULL);
	fclose(fp);		/* reads only: nothing to lose */
	gai_source_close(src);
	return status;
}

int
main(int argc, char *argv[])
{
	struct opts o = { 0, GAI_DOC_MAX_DEFAULT, NULL, GAI_DOC_INIT,
	    GAI_BUF_INIT, GAI_NORMALIZER_INIT, GAI_HTML_LINES_INIT,
	    GAI_REC_OUT_INIT, GAI_BUF_INIT, GAI_BUF_INIT, 0 };
	struct fe_files files = FE_FILES_INIT;
	struct gai_error err;
	int c, status = GAI_EXIT_OK;

	setlocale(LC_ALL, "");
	fe_setprogname("gai-extract");

	/* 1. Options. */
	while ((c = getopt_long(argc, argv, FE_FILES_SHORTOPTS "hqstV",
	    longopts, NULL)) != -1) {
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
			o.nz.lines = &o.src;
			break;
		case OPT_MAX_SIZE:
			if (fe_parse_size(optarg, &o.max) != 0)
				fe_usage_error("invalid size '%s'", optarg);
			break;
		case 'V':
			fe_version();
		default:
			if (!fe_files_option(&files, c, optarg))
				fe_usage_error(NULL);
		}
	}
	argv += optind;
	/* A document's records go out in one write(2), so writers sharing a
	 * pipe (xargs -P) do not cut into each other's. */
	setvbuf(stdout, NULL, _IONBF, 0);

	/* 2. The table descriptions, compiled once for every document. */
	memset(&err, 0, sizeof err);
	if ((o.x = gai_extract_new(&err)) == NULL)
		fe_err(GAI_EXIT_ERROR, 0, "%s", err.msg);

	/* 3. Work: one call per operand; "-" or none means stdin. */
	status = fe_each_operand(argv, &files, process, &o);

	/* 4. Finish. */
	gai_extract_free(o.x);
	gai_doc_free(&o.doc);
	gai_buf_free(&o.text);
	gai_buf_free(&o.prev);
	gai_buf_free(&o.name);
	gai_rec_out_free(&o.out);
	gai_normalizer_free(&o.nz);
	gai_html_lines_free(&o.src);
	return fe_close_stdout(status);
}
