/* SPDX-License-Identifier: MIT */
/* gai-normalize: crawled pages in any encoding to clean UTF-8 text. */
#include <config.h>

#include <getopt.h>
#include <locale.h>
#include <string.h>

#include "fe.h"
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
"  curl -s URL | gai-normalize                  # one page from standard input\n"
"\n"
"Options:\n"
"  -f, --from=ENC     read every input as ENC (an iconv name), not detected\n"
"  -H, --with-name    start each document with its name header, even if only one\n"
"      --no-name      never write name headers\n"
"  -s, --no-messages  no messages: unreadable files, bytes replaced (same\n"
"                     exit status)\n"
"  -q, --quiet        write nothing; the exit status says it all\n"
"  -h, --help         show this help and exit\n"
"  -V, --version      show the version and the libraries in use, and exit\n"
"\n"
"With no FILE, or when FILE is -, read standard input.  With more than one\n"
"FILE, each document starts with a form feed and its name on a line.\n"
"Bytes that do not decode become U+FFFD and are reported on standard error.\n"
"\n"
"Exit status is 0 if all went well, 2 if an input could not be read or\n"
"output could not be written.\n";

enum { OPT_NO_NAME = 256 };

static const struct option longopts[] = {
	{ "from", required_argument, NULL, 'f' },
	{ "help", no_argument, NULL, 'h' },
	{ "no-messages", no_argument, NULL, 's' },
	{ "no-name", no_argument, NULL, OPT_NO_NAME },
	{ "quiet", no_argument, NULL, 'q' },
	{ "version", no_argument, NULL, 'V' },
	{ "with-name", no_argument, NULL, 'H' },
	{ NULL, 0, NULL, 0 }
};

struct opts {
	const char *from;
	int names;		/* 1 write name headers, 0 never, -1 decide */
};

static int
to_stdout(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	return fe_write(s, n) == 0 ? 0 : GAI_E_IO;
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

/* A document with no text: said on stderr, marked in stream 1 (gai(7)). */
static int
mark_unreadable(const struct opts *o, const char *name, const char *why)
{
	fe_warn(0, "%s: %s", fe_quote(name), why);
	if (o->names != 0)
		printf("\f%s\tunreadable: %s\n", name, why);
	return GAI_EXIT_ERROR;
}

static int
normalize_doc(const struct opts *o, const char *path,
    const struct gai_source_doc *doc, struct gai_normalizer *nz)
{
	struct gai_norm_result res;
	struct gai_error err;
	int rc;

	if (doc->unreadable != NULL)
		return mark_unreadable(o, doc->name, doc->unreadable);
	/* An archive or a WARC holds several documents: each is named. */
	if (o->names == 1 || (o->names == -1 && strcmp(doc->name, path) != 0))
		printf("\f%s\n", doc->name);
	rc = gai_normalize_declared(nz, doc->bytes, doc->len, o->from,
	    doc->charset, to_stdout, NULL, &res, &err);
	if (rc == GAI_E_IO)
		return GAI_EXIT_ERROR;	/* said once, by fe_close_stdout */
	if (rc != 0) {
		fe_warn(err.errnum, "%s: %s", fe_quote(doc->name), err.msg);
		return GAI_EXIT_ERROR;
	}
	report(fe_quote(doc->name), &res);
	return GAI_EXIT_OK;
}

/* Each document the operand holds (gai_source tells what it is). */
static int
process(const struct opts *o, const char *path, struct gai_normalizer *nz)
{
	struct gai_source *src;
	struct gai_source_doc doc;
	struct gai_error err;
	char skipped[256];
	int rc, status = GAI_EXIT_OK;

	if (gai_source_open(&src, path, NULL, &err) != 0) {
		fe_warn(err.errnum, "%s", fe_quote(fe_input_name(path)));
		return GAI_EXIT_ERROR;
	}
	while ((rc = gai_source_next(src, &doc, &err)) == GAI_OK &&
	    !fe_stdout_failed())
		status = fe_worse(status, normalize_doc(o, path, &doc, nz));
	if (rc < 0) {
		fe_warn(err.errnum, "%s: %s", fe_quote(path), err.msg);
		status = GAI_EXIT_ERROR;
	}
	/* WARC requests, revisits, 404s: not documents, counted once. */
	if (gai_source_skipped(src, skipped, sizeof skipped) > 0)
		fe_warn(0, "%s: %s", fe_quote(fe_input_name(path)), skipped);
	gai_source_close(src);
	return status;
}

int
main(int argc, char *argv[])
{
	struct opts o = { NULL, -1 };
	struct gai_normalizer nz = GAI_NORMALIZER_INIT;
	struct gai_error err;
	struct gai_encoding enc;
	char reads[256];
	int c, quiet = 0, status = GAI_EXIT_OK;

	setlocale(LC_ALL, "");
	fe_setprogname("gai-normalize");

	/* 1. Options: all checked here, before any output. */
	while ((c = getopt_long(argc, argv, "f:HhqsV", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			o.from = optarg;
			break;
		case 'H':
			o.names = 1;
			break;
		case OPT_NO_NAME:
			o.names = 0;
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
			fe_usage_error(NULL);
		}
	}
	argc -= optind;
	argv += optind;
	if (o.from != NULL && gai_encoding_detect(NULL, "", 0, o.from, &enc, &err) != 0)
		fe_usage_error("%s", err.msg);
	if (o.names == -1 && argc > 1)
		o.names = 1;
	if (quiet)
		o.names = 0;

	/* 2. Work: each operand is one document; a bad one never stops the rest. */
	if (argc == 0)
		status = process(&o, "-", &nz);
	for (; *argv != NULL && !fe_stdout_failed(); argv++)
		status = fe_worse(status, process(&o, *argv, &nz));

	/* 3. Finish: a write error turns into exit 2. */
	gai_normalizer_free(&nz);
	return fe_close_stdout(status);
}
