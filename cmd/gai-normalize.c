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
#include "gai_encoding.h"
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
"      --max-size=SIZE  cut a document larger than SIZE bytes, or whose\n"
"                     text would be (K, M, G: KiB, MiB, GiB; default 64M,\n"
"                     0 no limit), and say so\n"
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

/*
 * How a document's text is gathered: written; measured, when it may be
 * larger than --max-size (a page's byte may take three in UTF-8); written
 * up to where the measure said to cut it.
 */
enum pass { PASS_WRITE, PASS_MEASURE, PASS_CUT };

struct opts {
	const char *from;
	int names;		/* write name headers */
	struct gai_source_opts src;	/* --label, --max-size */
	struct gai_buf out;	/* a document's output, written at once */
	int simplified;		/* --simplified */
	struct gai_hanzi_stream hz;
	struct gai_normalizer nz;
	struct progress *progress;	/* --progress, or NULL */
	enum pass pass;
	/* PASS_MEASURE: the text's bytes so far (up to past the limit),
	 * after its last line end within the limit, and where a text with
	 * none is cut (whole characters, room for the LF that ends it);
	 * last, the start of the last character of the bytes so far */
	size_t text, lf_end, no_lf_cut, last;
	size_t left;		/* PASS_CUT: bytes of text still to write */
};

/* Output is gathered and written a document at a time up to this size. */
#define OUT_FLUSH ((size_t)4 << 20)

static int
put_out(struct gai_buf *out)
{
	int rc = out->len > 0 ? fe_write(out->data, out->len) : 0;

	gai_buf_clear(out);
	return rc;
}

/*
 * PASS_MEASURE: t[0..n), whole characters, is the text's next; 0, or
 * GAI_EOF once the text is past the limit (the rest need not be made).
 */
static int
measure(struct opts *o, const char *t, size_t n)
{
	size_t max = o->src.max_size, room = o->text < max ? max - o->text : 0;
	const char *lf = memrchr(t, '\n', n < room ? n : room);

	if (lf != NULL)
		o->lf_end = o->text + (size_t)(lf - t) + 1;
	if (o->text <= max && o->text + n > max && o->lf_end == 0)
		o->no_lf_cut = room > 0 ? o->text +
		    gai_encoding_whole("UTF-8", t, room - 1) : o->last;
	if (n > 0)
		o->last = o->text + gai_encoding_whole("UTF-8", t, n - 1);
	o->text += n;
	return o->text > max ? GAI_EOF : 0;
}

static int
gather(void *ctx, const char *s, size_t n)
{
	struct opts *o = ctx;
	struct gai_buf *out = &o->out;
	size_t before = out->len;
	int rc;

	if ((o->simplified ? gai_hanzi_stream_put(&o->hz, out, s, n) :
	    gai_buf_append(out, s, n)) != 0)
		return GAI_E_NOMEM;
	if (o->pass == PASS_MEASURE) {
		rc = measure(o, out->data, out->len);
		gai_buf_clear(out);
		return rc;
	}
	if (o->pass == PASS_CUT && out->len - before >= o->left) {
		/* the text as the measure cut it: then nothing more */
		out->len = before + o->left;
		if ((out->len == 0 || out->data[out->len - 1] != '\n') &&
		    gai_buf_putc(out, '\n') != 0)
			return GAI_E_NOMEM;
		o->left = 0;
		return put_out(out) != 0 ? GAI_E_IO : GAI_EOF;
	}
	if (o->pass == PASS_CUT)
		o->left -= out->len - before;
	if (out->len < OUT_FLUSH)
		return 0;
	/* A document too large for one write goes out in pieces. */
	if (fe_write(out->data, out->len) != 0)
		return GAI_E_IO;
	gai_buf_clear(out);
	return 0;
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

/*
 * 1 when the document's text would be larger than --max-size, which it
 * may be when the page is over a third of the limit: measured by a pass
 * that writes nothing and stops past the limit; o->left is then the bytes
 * of it to write, its lines within the limit (or, with none, as many
 * whole characters as leave room for an LF).  What goes wrong is said by
 * the pass that writes.
 */
static int
text_over(struct opts *o, const struct gai_source_doc *doc)
{
	struct gai_norm_result res;
	struct gai_error err;
	size_t max = o->src.max_size;

	if (max == 0 || doc->len <= (max - 1) / 3)
		return 0;
	o->pass = PASS_MEASURE;
	o->text = o->lf_end = o->no_lf_cut = o->last = 0;
	o->nz.cut = doc->cut;
	(void)gai_normalize_declared(&o->nz, doc->bytes, doc->len, o->from,
	    doc->charset, gather, o, &res, &err);
	if (gai_hanzi_stream_end(&o->hz, &o->out) != 0)
		fe_err(GAI_EXIT_ERROR, ENOMEM, "%s", fe_quote(doc->name));
	(void)measure(o, o->out.data, o->out.len);
	gai_buf_clear(&o->out);
	o->pass = PASS_WRITE;
	if (o->text <= max)
		return 0;
	o->left = o->lf_end > 0 ? o->lf_end : o->no_lf_cut;
	return 1;
}

static int
normalize_doc(struct opts *o, const struct gai_source_doc *doc)
{
	struct gai_norm_result res;
	struct gai_error err;
	char why[160];
	int rc, over;

	if (doc->unreadable != NULL)
		return mark_unreadable(o, doc->name, doc->unreadable);
	if (doc->cut) {
		/* Its text within the limit, and the header says so. */
		gai_doc_cut_reason(why, sizeof why, o->src.max_size, doc->len,
		    doc->size);
		fe_warn(0, "%s: %s", fe_quote(doc->name), why);
	}
	/* No text larger than the limit either, for gai-extract to cut. */
	if ((over = text_over(o, doc))) {
		snprintf(why, sizeof why, "its text larger than the --max-size "
		    "of %zu bytes, cut there (%zu bytes written of at least "
		    "%zu)", o->src.max_size, o->left + (o->lf_end == 0),
		    o->text);
		fe_warn(0, "%s: %s", fe_quote(doc->name), why);
		o->pass = PASS_CUT;
	}
	header(o, doc->name, doc->cut || over ? GAI_DOC_CUT : GAI_DOC_WHOLE,
	    why);
	o->nz.cut = doc->cut;
	/* the page given back as it is decoded, where the source lets it */
	rc = doc->page != NULL ? gai_normalize_page(&o->nz, doc->page,
	    doc->len, o->from, doc->charset, gather, o, &res, &err) :
	    gai_normalize_declared(&o->nz, doc->bytes, doc->len, o->from,
	    doc->charset, gather, o, &res, &err);
	if (gai_hanzi_stream_end(&o->hz, &o->out) != 0)
		fe_err(GAI_EXIT_ERROR, ENOMEM, "%s", fe_quote(doc->name));
	if (o->pass == PASS_CUT && rc == GAI_EOF) {
		rc = 0;		/* cut where measured: what follows goes */
		gai_buf_clear(&o->out);
	}
	o->pass = PASS_WRITE;
	if (rc == GAI_E_IO || put_out(&o->out) != 0)
		return GAI_EXIT_ERROR;	/* said once, by fe_close_stdout */
	if (rc != 0) {
		fe_warn(err.errnum, "%s: %s", fe_quote(doc->name), err.msg);
		return GAI_EXIT_ERROR;
	}
	report(fe_quote(doc->name), &res);
	return doc->cut || over ? GAI_EXIT_ERROR : GAI_EXIT_OK;
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
	    GAI_BUF_INIT, 0, GAI_HANZI_STREAM_INIT, GAI_NORMALIZER_INIT, NULL,
	    PASS_WRITE, 0, 0, 0, 0, 0 };
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
