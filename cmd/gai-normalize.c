/* SPDX-License-Identifier: MIT */
/* gai-normalize: crawled pages in any encoding to clean UTF-8 text. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fe.h"
#include "gai_doc.h"
#include "gai_hanzi.h"
#include "gai_normalize.h"
#include "gai_source.h"

static const char help[] =
"Usage: gai-normalize [OPTION]... [FILE]...\n"
"Turn each crawled page (HTML or text; UTF-8, GB18030/GBK/GB2312, Big5,\n"
"UTF-16) into clean UTF-8 text: stream 1 of gai(7), tables kept as rows.\n"
"\n"
"Examples:\n"
"  gai-normalize pages/*.html | gai-extract     # the usual start of the pipeline\n"
"  gai-normalize -f big5 report.htm             # a page whose encoding you know\n"
"  curl -s URL | gai-normalize --label=URL      # one page from standard input\n"
"  find crawl -type f -print0 | gai-normalize -0 --files-from=- | gai-extract\n"
"\n"
"Options:\n"
"  -f, --from=ENC     read every input as ENC (an iconv name), not detected\n"
"      --label=NAME   name standard input NAME in its header (default -)\n"
"      --max-size=SIZE  cut a document larger than SIZE bytes (K, M, G:\n"
"                     KiB, MiB, GiB; default 64M, 0 no limit) and say so\n"
"      --no-name      write no name headers (text for people to read)\n"
"  -H, --with-name    write the name headers (the default)\n"
"      --html-parser=P  read HTML with gai's own parser (P=gai, the default) or\n"
"                     with libxml2's (P=libxml2); both give the same text\n"
"      --files-from=LIST  read the files LIST names, one a line (- stdin)\n"
"  -0, --null         the paths in LIST end in NUL (find -print0)\n"
"  -r, --recursive    read the files under each directory, in sorted order\n"
"      --progress     documents, MB and MB/s on standard error as it goes\n"
"      --simplified   write traditional Chinese characters as simplified ones\n"
"  -s, --no-messages  no messages: unreadable files, bytes replaced (same\n"
"                     exit status)\n"
"  -q, --quiet        write nothing; the exit status says it all\n"
"  -h, --help         show this help and exit\n"
"  -V, --version      show the version and the libraries in use, and exit\n"
"\n"
"With no FILE, or when FILE is -, read standard input.  Each document\n"
"starts with a header: a form feed and its name on a line, so outputs of\n"
"separate runs concatenate into separate documents.  A FILE that cannot be\n"
"read, or is cut at --max-size, gets a header that says so, for gai-extract\n"
"to record.  Bytes that do not decode become U+FFFD and are reported on\n"
"standard error.\n"
"\n"
"Exit status is 0 if all went well, 2 if an input could not be read whole\n"
"or output could not be written.\n";

enum { OPT_NO_NAME = 256, OPT_LABEL, OPT_MAX_SIZE, OPT_PROGRESS,
	OPT_SIMPLIFIED, OPT_HTML_PARSER };

static const struct option longopts[] = {
	{ "from", required_argument, NULL, 'f' },
	{ "help", no_argument, NULL, 'h' },
	{ "html-parser", required_argument, NULL, OPT_HTML_PARSER },
	{ "label", required_argument, NULL, OPT_LABEL },
	{ "max-size", required_argument, NULL, OPT_MAX_SIZE },
	{ "no-messages", no_argument, NULL, 's' },
	{ "no-name", no_argument, NULL, OPT_NO_NAME },
	{ "progress", no_argument, NULL, OPT_PROGRESS },
	{ "quiet", no_argument, NULL, 'q' },
	{ "simplified", no_argument, NULL, OPT_SIMPLIFIED },
	{ "version", no_argument, NULL, 'V' },
	{ "with-name", no_argument, NULL, 'H' },
	FE_FILES_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

struct opts {
	const char *from;
	int names;		/* write name headers */
	struct gai_source_opts src;	/* --label, --max-size */
	struct gai_buf out;	/* a document's output, written at once */
	int simplified;		/* --simplified */
	struct gai_hanzi_stream hz;
	struct gai_normalizer nz;
	struct progress *progress;	/* --progress, or NULL */
};

/* Output is gathered and written a document at a time up to this size. */
#define OUT_FLUSH ((size_t)4 << 20)

static int
gather(void *ctx, const char *s, size_t n)
{
	struct opts *o = ctx;
	struct gai_buf *out = &o->out;

	if ((o->simplified ? gai_hanzi_stream_put(&o->hz, out, s, n) :
	    gai_buf_append(out, s, n)) != 0)
		return GAI_E_NOMEM;
	if (out->len < OUT_FLUSH)
		return 0;
	/* A document too large for one write goes out in pieces. */
	if (fe_write(out->data, out->len) != 0)
		return GAI_E_IO;
	gai_buf_clear(out);
	return 0;
}

static int
put_out(struct gai_buf *out)
{
	int rc = out->len > 0 ? fe_write(out->data, out->len) : 0;

	gai_buf_clear(out);
	return rc;
}

/* The document's header (gai(7)), with its mark and why. */
static void
header(struct opts *o, const char *name, enum gai_doc_mark mark,
    const char *why)
{
	if (o->names && gai_doc_header(&o->out, name, mark, why) != 0)
		fe_err(GAI_EXIT_ERROR, ENOMEM, "%s", fe_quote(name));
}

/* Say what was not clean about a document; the text is out already. */
static void
report(const char *name, const struct gai_norm_result *res)
{
	if (res->decode.bad > 0)
		fe_warn(0, "%s: %zu byte%s not valid %s (first at offset %zu), "
		    "replaced by U+FFFD", name, res->decode.bad,
		    res->decode.bad == 1 ? " was" : "s were", res->enc.name,
		    res->decode.first_bad);
	if (res->nuls > 0)
		fe_warn(0, "%s: %zu NUL byte%s dropped", name, res->nuls,
		    res->nuls == 1 ? "" : "s");
}

/*
 * --progress: documents, MB and MB/s on stderr, redrawn in place (at most
 * a few times a second) on a terminal, else a line a minute; a last line
 * at the end either way.
 */
struct progress {
	struct timespec start, last;
	unsigned long docs;
	double bytes;
	int tty;
};

static double
since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) +
	    (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static void
progress_start(struct progress *p)
{
	memset(p, 0, sizeof *p);
	clock_gettime(CLOCK_MONOTONIC, &p->start);
	p->last = p->start;
	p->tty = isatty(STDERR_FILENO);
}

static void
progress_say(const struct progress *p, const char *end)
{
	double secs = since(&p->start), mb = p->bytes / 1e6;

	fprintf(stderr, "%s%s: %lu document%s, %.1f MB, %.1f MB/s%s",
	    p->tty ? "\r" : "", fe_progname(), p->docs,
	    p->docs == 1 ? "" : "s", mb, secs > 0 ? mb / secs : 0.0, end);
}

static void
progress_doc(struct progress *p, size_t bytes)
{
	p->docs++;
	p->bytes += (double)bytes;
	if (since(&p->last) < (p->tty ? 0.2 : 60.0))
		return;
	clock_gettime(CLOCK_MONOTONIC, &p->last);
	progress_say(p, p->tty ? "\033[K" : "\n");
}

static void
progress_end(const struct progress *p)
{
	progress_say(p, p->tty ? "\033[K\n" : "\n");
}

/* A document with no text: said on stderr, marked in stream 1 (gai(7)). */
static int
mark_unreadable(struct opts *o, const char *name, const char *why)
{
	fe_warn(0, "%s: %s", fe_quote(name), why);
	header(o, name, GAI_DOC_UNREADABLE, why);
	(void)put_out(&o->out);
	return GAI_EXIT_ERROR;
}

static int
normalize_doc(struct opts *o, const struct gai_source_doc *doc)
{
	struct gai_norm_result res;
	struct gai_error err;
	char why[160];
	int rc;

	if (doc->unreadable != NULL)
		return mark_unreadable(o, doc->name, doc->unreadable);
	if (doc->cut) {
		/* Its text within the limit, and the header says so. */
		gai_doc_cut_reason(why, sizeof why, o->src.max_size, doc->len,
		    doc->size);
		fe_warn(0, "%s: %s", fe_quote(doc->name), why);
	}
	header(o, doc->name, doc->cut ? GAI_DOC_CUT : GAI_DOC_WHOLE, why);
	o->nz.cut = doc->cut;
	rc = gai_normalize_declared(&o->nz, doc->bytes, doc->len, o->from,
	    doc->charset, gather, o, &res, &err);
	if (gai_hanzi_stream_end(&o->hz, &o->out) != 0)
		fe_err(GAI_EXIT_ERROR, ENOMEM, "%s", fe_quote(doc->name));
	if (rc == GAI_E_IO || put_out(&o->out) != 0)
		return GAI_EXIT_ERROR;	/* said once, by fe_close_stdout */
	if (rc != 0) {
		fe_warn(err.errnum, "%s: %s", fe_quote(doc->name), err.msg);
		return GAI_EXIT_ERROR;
	}
	report(fe_quote(doc->name), &res);
	return doc->cut ? GAI_EXIT_ERROR : GAI_EXIT_OK;
}

/* Each document the operand holds (gai_source tells what it is). */
static int
process(void *ctx, const char *path)
{
	struct opts *o = ctx;
	struct gai_source_opts so = o->src;
	struct gai_source *src;
	struct gai_source_doc doc;
	struct gai_error err;
	char skipped[256];
	int rc, status = GAI_EXIT_OK;

	/* --label names standard input only. */
	so.name = strcmp(path, "-") == 0 ? o->src.name : NULL;
	if (gai_source_open(&src, path, &so, &err) != 0) {
		fe_warn(err.errnum, "%s", fe_quote(path));
		header(o, so.name != NULL ? so.name : path, GAI_DOC_UNREADABLE,
		    strerror(err.errnum != 0 ? err.errnum : EIO));
		(void)put_out(&o->out);
		return GAI_EXIT_ERROR;
	}
	while ((rc = gai_source_next(src, &doc, &err)) == GAI_OK &&
	    !fe_stdout_failed()) {
		status = fe_worse(status, normalize_doc(o, &doc));
		if (o->progress != NULL)
			progress_doc(o->progress, doc.len);
	}
	if (rc < 0) {
		fe_warn(err.errnum, "%s: %s", fe_quote(path), err.msg);
		status = GAI_EXIT_ERROR;
	}
	/* WARC requests, revisits, 404s: not documents, counted once. */
	if (gai_source_skipped(src, skipped, sizeof skipped) > 0)
		fe_warn(0, "%s: %s", fe_quote(path), skipped);
	gai_source_close(src);
	return status;
}

int
main(int argc, char *argv[])
{
	struct opts o = { NULL, 1, { NULL, GAI_DOC_MAX_DEFAULT, 0 },
	    GAI_BUF_INIT, 0, GAI_HANZI_STREAM_INIT, GAI_NORMALIZER_INIT, NULL };
	struct fe_files files = FE_FILES_INIT;
	struct progress progress;
	struct gai_error err;
	struct gai_encoding enc;
	char reads[256];
	int c, quiet = 0, status = GAI_EXIT_OK;

	setlocale(LC_ALL, "");
	fe_setprogname("gai-normalize");

	/* 1. Options: all checked here, before any output. */
	while ((c = getopt_long(argc, argv, FE_FILES_SHORTOPTS "f:HhqsV",
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			o.from = optarg;
			break;
		case OPT_PROGRESS:
			o.progress = &progress;
			break;
		case 'H':
			o.names = 1;
			break;
		case OPT_NO_NAME:
			o.names = 0;
			break;
		case OPT_HTML_PARSER:
			if (strcmp(optarg, "gai") == 0)
				o.nz.parser = GAI_HTML_OWN;
			else if (strcmp(optarg, "libxml2") == 0)
				o.nz.parser = GAI_HTML_LIBXML2;
			else
				fe_usage_error("--html-parser: '%s' is neither "
				    "gai nor libxml2", optarg);
			break;
		case OPT_LABEL:
			o.src.name = optarg;
			break;
		case OPT_SIMPLIFIED:
			o.simplified = 1;
			break;
		case OPT_MAX_SIZE:
			if (fe_parse_size(optarg, &o.src.max_size) != 0)
				fe_usage_error("invalid size '%s'", optarg);
			break;
		case 'q':
			fe_set_quiet(1);
			quiet = 1;
			break;
		case 's':
			fe_set_silent(1);
			break;
		case 'h':
			fe_help(help);
		case 'V':
			snprintf(reads, sizeof reads, "Reads: pages (HTML, text), %s",
			    gai_source_formats());
			fe_version_extra(reads);
			fe_version();
		default:
			if (!fe_files_option(&files, c, optarg))
				fe_usage_error(NULL);
		}
	}
	argv += optind;
	if (o.from != NULL && gai_encoding_detect(NULL, "", 0, o.from, &enc, &err) != 0)
		fe_usage_error("%s", err.msg);
	/* A document goes out in one write(2) where it fits (OUT_FLUSH), so
	 * writers sharing a pipe (xargs -P) do not cut into each other's. */
	setvbuf(stdout, NULL, _IONBF, 0);
	if (quiet)
		o.names = 0;

	/* 2. Work: each operand's documents; a bad one never stops the rest. */
	if (o.progress != NULL)
		progress_start(o.progress);
	status = fe_each_operand(argv, &files, process, &o);
	if (o.progress != NULL)
		progress_end(o.progress);

	/* 3. Finish: a write error turns into exit 2. */
	gai_normalizer_free(&o.nz);
	gai_buf_free(&o.out);
	return fe_close_stdout(status);
}
