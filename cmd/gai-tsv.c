/* SPDX-License-Identifier: MIT */
/* gai-tsv: stream 2 records to the user's table (wide, long, or as printed). */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fe.h"
#include "gai.h"
#include "gai_tsv.h"

static const char help_text[] =
"Usage: gai-tsv [OPTION]... [FILE]...\n"
"Write stream 2 records (doc TAB key TAB value) as a table: one row per\n"
"report with a fixed header, the records in long form, or a report's own\n"
"table as printed.\n"
"\n"
"Examples:\n"
"  gai-extract pages.txt | gai-check | gai-tsv > reports.tsv\n"
"                         # every key of gai(7), one row per report\n"
"  gai-tsv -k 'meta.*,req.*.total' --csv --bom records.tsv > totals.csv\n"
"                         # chosen columns, CSV for a spreadsheet\n"
"  gai-tsv --long -H -k 'check.*' records.tsv\n"
"                         # the checks, one per line, with a header\n"
"  gai-tsv --table=req records.tsv   # the req table as the page prints it\n"
"\n"
"Options:\n"
"      --bom             write a UTF-8 byte order mark first\n"
"      --csv             RFC 4180 CSV (quoted as needed, CRLF line ends)\n"
"                          instead of TSV (\\t \\n \\r \\\\ escapes, LF)\n"
"      --jsonl           JSON Lines: an object per report (--long: per\n"
"                          record); numbers as numbers, unread null\n"
"  -H, --header          write the header line (the default for --wide)\n"
"  -k, --keys=LIST       the columns, in this order: comma-separated keys\n"
"                          and globs ('*' spans dots: req.*.total, meta.*);\n"
"                          --wide also knows the status columns\n"
"      --labels=WHAT     header cells as 'keys' (default) or 'zh', the\n"
"                          report's own Chinese labels\n"
"      --line-buffered   flush the output after each document\n"
"  -l, --long            one line per record: doc, key, value (no header\n"
"                          unless -H; with --labels=zh a label column)\n"
"      --no-header       do not write the header line\n"
"  -s, --no-messages     no messages about bad input (same exit status)\n"
"  -q, --quiet           write nothing; the exit status says it all\n"
"      --reports-only    no row for a document without any table\n"
"      --status          exit 2 if a document upstream was unreadable or\n"
"                          cut (or none came), 1 if a check failed, else 0\n"
"  -t, --table=TABLE     each document's 'active', 'req' or 'appeal' table\n"
"                          in the template's layout, labels and all\n"
"  -w, --wide            one row per document: doc, every key of gai(7),\n"
"                          then the status columns tables, fields_read,\n"
"                          warnings, checks_failed, checks_failed_ids;\n"
"                          the default\n"
"  -h, --help            display this help and exit\n"
"  -V, --version         output version information and exit\n"
"\n"
"With no FILE, or when FILE is -, read standard input.  The header is\n"
"written once, before the first record, however many FILEs.\n"
"\n"
"Exit status is 0 if all went well, 2 if there was trouble (a bad key,\n"
"an unreadable FILE, a line that is not a record, a write error); with\n"
"--status, that of the pipeline (above).\n";

enum {
	OPT_BOM = 256, OPT_CSV, OPT_LABELS, OPT_LINE_BUFFERED, OPT_NO_HEADER,
	OPT_REPORTS_ONLY, OPT_STATUS, OPT_JSONL
};

static const char shortopts[] = "HVhk:lqst:w";

static const struct option longopts[] = {
	{ "bom", no_argument, NULL, OPT_BOM },
	{ "csv", no_argument, NULL, OPT_CSV },
	{ "header", no_argument, NULL, 'H' },
	{ "help", no_argument, NULL, 'h' },
	{ "jsonl", no_argument, NULL, OPT_JSONL },
	{ "keys", required_argument, NULL, 'k' },
	{ "labels", required_argument, NULL, OPT_LABELS },
	{ "line-buffered", no_argument, NULL, OPT_LINE_BUFFERED },
	{ "long", no_argument, NULL, 'l' },
	{ "no-header", no_argument, NULL, OPT_NO_HEADER },
	{ "no-messages", no_argument, NULL, 's' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "reports-only", no_argument, NULL, OPT_REPORTS_ONLY },
	{ "status", no_argument, NULL, OPT_STATUS },
	{ "table", required_argument, NULL, 't' },
	{ "version", no_argument, NULL, 'V' },
	{ "wide", no_argument, NULL, 'w' },
	{ NULL, 0, NULL, 0 }
};

struct opts {
	enum gai_tsv_mode mode;
	enum gai_table table;	/* GAI_T_META: not --table */
	enum gai_tsv_fmt fmt;
	int header;		/* -1: the mode's default */
	int zh, bom, line_buffered, quiet, reports_only, status;
	const char *keys;
};

/* What came down the pipe, for --status. */
static struct {
	long docs;		/* documents read */
	long unreadable;	/* of them, with warn.unreadable or warn.cut */
	long failed;		/* of them, with a failed check */
} seen;

/* State for the whole stream: buffers live as long as the process. */
static struct gai_tsv_sel sel;
static struct gai_tsv_work work;
static struct gai_recset set = GAI_RECSET_INIT;
static struct gai_buf out;

/* Write the buffer; fe_write keeps a failure's errno for fe_close_stdout. */
static void
put(const struct gai_buf *b, int flush)
{
	if (b->len > 0)
		(void)fe_write(b->data, b->len);
	if (flush)
		(void)fe_flush();
}

static int
emit(const struct opts *o)
{
	int rc;

	gai_buf_clear(&out);
	if (gai_tsv_work_load(&work, &sel, &set) != 0)
		fe_err(GAI_EXIT_ERROR, ENOMEM, "%s", fe_quote(set.doc.data));
	seen.docs++;
	seen.unreadable += work.unreadable;
	seen.failed += work.nfailed > 0;
	if (o->quiet || (o->reports_only && gai_tsv_ntables(&work) == 0))
		return GAI_EXIT_OK;
	if (o->table != GAI_T_META)
		rc = gai_tsv_table(&out, o->table, &work, &set, o->fmt);
	else
		rc = gai_tsv_row(&out, &sel, &work, &set, o->fmt, o->zh);
	if (rc != 0)
		fe_err(GAI_EXIT_ERROR, ENOMEM, "%s", fe_quote(set.doc.data));
	put(&out, o->line_buffered);
	return fe_stdout_failed() ? GAI_EXIT_ERROR : GAI_EXIT_OK;
}

static int
process(const struct opts *o, const char *path)
{
	const char *name = path;
	int status = GAI_EXIT_OK, rc;
	struct gai_rec_reader r;
	struct gai_error err;
	struct fe_bad_lines bad = FE_BAD_LINES_INIT;
	FILE *fp;

	if ((fp = fe_open(path)) == NULL)
		return GAI_EXIT_ERROR;
	gai_rec_reader_init(&r, fp, name);
	while ((rc = gai_recset_read(&r, &set, &err)) != GAI_EOF) {
		if (rc != GAI_E_FORMAT)
			fe_lines_ok(&bad, name);
		if (rc == GAI_OK) {
			status = fe_worse(status, emit(o));
			if (fe_stdout_failed())
				break;
			continue;
		}
		if (rc == GAI_E_NOMEM)
			fe_err(GAI_EXIT_ERROR, ENOMEM, "%s", fe_quote(name));
		/* A bad line: say where, keep the rest of the document. */
		status = GAI_EXIT_ERROR;
		if (rc == GAI_E_FORMAT && fe_bad_line(&bad, name, &err, &set))
			break;
		if (rc != GAI_E_FORMAT)
			fe_warn_record(name, &err, &set);
		if (rc == GAI_E_IO) {
			gai_recset_clear(&set, "");
			break;
		}
	}
	fe_lines_ok(&bad, name);
	gai_rec_reader_free(&r);
	return fe_close_input(fp, path, status);
}

int
main(int argc, char *argv[])
{
	struct opts o = { .mode = GAI_TSV_WIDE, .table = GAI_T_META,
	    .fmt = GAI_TSV_TSV, .header = -1 };
	struct gai_error err;
	int c, status = GAI_EXIT_OK;

	setlocale(LC_ALL, "");
	fe_setprogname("gai-tsv");

	/* 1. Options: all validation happens here, before any output. */
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		switch (c) {
		case OPT_BOM:
			o.bom = 1;
			break;
		case OPT_CSV:
			o.fmt = GAI_TSV_CSV;
			break;
		case OPT_JSONL:
			o.fmt = GAI_TSV_JSONL;
			break;
		case 'H':
			o.header = 1;
			break;
		case 'h':
			fe_help(help_text);
		case 'k':
			o.keys = optarg;
			break;
		case OPT_LABELS:
			if (strcmp(optarg, "keys") != 0 && strcmp(optarg, "zh") != 0)
				fe_usage_error("--labels: '%s' is not 'keys' or 'zh'",
				    fe_quote(optarg));
			o.zh = strcmp(optarg, "zh") == 0;
			break;
		case OPT_LINE_BUFFERED:
			o.line_buffered = 1;
			break;
		case 'l':
			o.mode = GAI_TSV_LONG;
			o.table = GAI_T_META;
			break;
		case OPT_NO_HEADER:
			o.header = 0;
			break;
		case 'q':
			o.quiet = 1;
			break;
		case OPT_REPORTS_ONLY:
			o.reports_only = 1;
			break;
		case 's':
			fe_set_silent(1);
			break;
		case OPT_STATUS:
			o.status = 1;
			break;
		case 't':
			if (strcmp(optarg, "active") == 0)
				o.table = GAI_T_ACTIVE;
			else if (strcmp(optarg, "req") == 0)
				o.table = GAI_T_REQ;
			else if (strcmp(optarg, "appeal") == 0)
				o.table = GAI_T_APPEAL;
			else
				fe_usage_error("--table: '%s' is not 'active', "
				    "'req' or 'appeal'", fe_quote(optarg));
			break;
		case 'V':
			fe_version();
		case 'w':
			o.mode = GAI_TSV_WIDE;
			o.table = GAI_T_META;
			break;
		default:
			fe_usage_error(NULL);
		}
	}
	argc -= optind;
	argv += optind;
	if (o.table != GAI_T_META && o.keys != NULL)
		fe_usage_error("--keys does not apply to --table");
	if (o.fmt == GAI_TSV_JSONL && (o.table != GAI_T_META || o.zh ||
	    o.bom || o.header == 1))
		fe_usage_error("--jsonl goes with --wide or --long and keys, "
		    "without --table, --labels=zh, --bom or --header");
	if (o.fmt == GAI_TSV_JSONL)
		o.header = 0;
	if (o.header < 0)
		o.header = o.mode == GAI_TSV_WIDE;
	if (gai_tsv_sel_init(&sel, o.mode, o.keys, &err) != 0) {
		if (err.code == GAI_E_USAGE)
			fe_usage_error("%s", err.msg);
		fe_err(GAI_EXIT_ERROR, ENOMEM, "%s", err.msg);
	}
	if (gai_tsv_work_init(&work, &sel) != 0)
		fe_err(GAI_EXIT_ERROR, ENOMEM, "start-up");

	/* 2. The BOM and the header, once, before the first record. */
	if (o.bom)
		(void)fe_write("\xEF\xBB\xBF", 3);
	if (o.header && o.table == GAI_T_META && !o.quiet) {
		if (gai_tsv_header(&out, &sel, o.fmt, o.zh) != 0)
			fe_err(GAI_EXIT_ERROR, ENOMEM, "header");
		put(&out, o.line_buffered);
	}

	/* 3. Work: one call per operand; "-" or no operands means stdin. */
	if (argc == 0)
		status = process(&o, "-");
	for (; *argv != NULL && !fe_stdout_failed(); argv++)
		status = fe_worse(status, process(&o, *argv));

	/* 4. --status: what happened upstream, as the pipeline's last status. */
	if (o.status && seen.docs == 0) {
		fe_warn(0, "no document in the input");
		status = GAI_EXIT_ERROR;
	}
	if (o.status && seen.unreadable > 0) {
		fe_warn(0, "%ld document%s could not be read whole upstream",
		    seen.unreadable, seen.unreadable == 1 ? "" : "s");
		status = GAI_EXIT_ERROR;
	}
	if (o.status && seen.failed > 0)
		status = fe_worse(status, GAI_EXIT_FINDINGS);

	/* 5. Finish: flush and close stdout; a write error turns into exit 2. */
	gai_tsv_work_free(&work);
	gai_tsv_sel_free(&sel);
	gai_recset_free(&set);
	gai_buf_free(&out);
	return fe_close_stdout(status);
}
