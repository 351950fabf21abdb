/* SPDX-License-Identifier: MIT */
/* gai-normalize: crawled pages in any encoding to clean UTF-8 text. */
#include <config.h>

#include <getopt.h>
#include <locale.h>
#include <string.h>

#include "fe.h"
#include "gai_input.h"
#include "gai_normalize.h"

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
"      --html-parser=P  read HTML with gai's own parser (P=gai, the default) or\n"
"                     with libxml2's (P=libxml2); both give the same text\n"
"      --no-name      never write name headers\n"
"  -h, --help         show this help and exit\n"
"  -V, --version      show the version and the libraries in use, and exit\n"
"\n"
"With no FILE, or when FILE is -, read standard input.  With more than one\n"
"FILE, each document starts with a form feed and its name on a line.\n"
"Bytes that do not decode become U+FFFD and are reported on standard error.\n"
"\n"
"Exit status is 0 if all went well, 2 if an input could not be read or\n"
"output could not be written.\n";

enum { OPT_NO_NAME = 256, OPT_HTML_PARSER };

static const struct option longopts[] = {
	{ "from", required_argument, NULL, 'f' },
	{ "help", no_argument, NULL, 'h' },
	{ "html-parser", required_argument, NULL, OPT_HTML_PARSER },
	{ "no-name", no_argument, NULL, OPT_NO_NAME },
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

static int
process(const struct opts *o, const char *path, struct gai_buf *in,
    struct gai_normalizer *nz)
{
	const char *name = path;	/* the document's name: "-" for stdin */
	struct gai_norm_result res;
	struct gai_error err;
	FILE *fp;
	int rc;

	/* Read with read(2) into the kept buffer: stdio is not used on fp. */
	if ((fp = fe_open(path)) == NULL)
		return GAI_EXIT_ERROR;
	rc = gai_input_read(fileno(fp), in, &err);
	if (fe_close_input(fp, path, GAI_EXIT_OK) != GAI_EXIT_OK)
		return GAI_EXIT_ERROR;
	if (rc != 0) {
		fe_warn(err.errnum, "%s", fe_quote(fe_input_name(path)));
		return GAI_EXIT_ERROR;
	}
	if (o->names == 1)
		printf("\f%s\n", name);
	rc = gai_normalize(nz, in->data, in->len, o->from, to_stdout, NULL,
	    &res, &err);
	if (rc == GAI_E_IO)
		return GAI_EXIT_ERROR;	/* said once, by fe_close_stdout */
	if (rc != 0) {
		fe_warn(err.errnum, "%s: %s", fe_quote(name), err.msg);
		return GAI_EXIT_ERROR;
	}
	report(fe_quote(name), &res);
	return GAI_EXIT_OK;
}

int
main(int argc, char *argv[])
{
	struct opts o = { NULL, -1 };
	struct gai_buf in = GAI_BUF_INIT;
	struct gai_normalizer nz = GAI_NORMALIZER_INIT;
	struct gai_error err;
	struct gai_encoding enc;
	int c, status = GAI_EXIT_OK;

	setlocale(LC_ALL, "");
	fe_setprogname("gai-normalize");

	/* 1. Options: all checked here, before any output. */
	while ((c = getopt_long(argc, argv, "f:HhV", longopts, NULL)) != -1) {
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
		case OPT_HTML_PARSER:
			if (strcmp(optarg, "gai") == 0)
				nz.parser = GAI_HTML_OWN;
			else if (strcmp(optarg, "libxml2") == 0)
				nz.parser = GAI_HTML_LIBXML2;
			else
				fe_usage_error("--html-parser: '%s' is neither "
				    "gai nor libxml2", optarg);
			break;
		case 'h':
			fe_help(help);
		case 'V':
			fe_version();
		default:
			fe_usage_error(NULL);
		}
	}
	argc -= optind;
	argv += optind;
	if (o.from != NULL && gai_encoding_detect(NULL, "", 0, o.from, &enc, &err) != 0)
		fe_usage_error("%s", err.msg);
	if (o.names == -1)
		o.names = argc > 1;

	/* 2. Work: each operand is one document; a bad one never stops the rest. */
	if (argc == 0)
		status = process(&o, "-", &in, &nz);
	for (; *argv != NULL && !fe_stdout_failed(); argv++)
		status = fe_worse(status, process(&o, *argv, &in, &nz));

	/* 3. Finish: a write error turns into exit 2. */
	gai_buf_free(&in);
	gai_normalizer_free(&nz);
	return fe_close_stdout(status);
}
