/* SPDX-License-Identifier: MIT */
/* gai-check: pass stream 2 through and add check.* records for each report. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fe.h"
#include "gai_check.h"
#include "gai_rec.h"
#include "gai_rules.h"

static const char help_text[] =
"Usage: gai-check [OPTION]... [FILE]...\n"
"Check the records of each report (stream 2) against the identities its\n"
"tables must satisfy; pass every record through and add check.* records.\n"
"\n"
"Examples:\n"
"  gai-extract pages.txt | gai-check --failed    # only the failing checks\n"
"  gai-check -q records.tsv && echo consistent   # status only\n"
"  gai-check --rules mine.rules --summary records.tsv >checked.tsv\n"
"\n"
"Options:\n"
"      --failed        write only the check records that failed (all input\n"
"                      records still pass through)\n"
"  -h, --help          display this help and exit\n"
"      --no-builtin    do not use the built-in rules\n"
"  -s, --no-messages   no messages about unreadable files or lines\n"
"  -q, --quiet         write nothing; the exit status says it all\n"
"      --rules=FILE    add the rules in FILE (repeatable); see gai-check(1)\n"
"      --summary       count the outcomes of each rule on standard error\n"
"  -V, --version       output version information and exit\n"
"\n"
"With no FILE, or when FILE is -, read standard input.\n"
"Exit status is 0 if no check failed, 1 if one failed, 2 if trouble\n"
"(trouble wins).\n";

enum { OPT_FAILED = 256, OPT_NO_BUILTIN, OPT_RULES, OPT_SUMMARY };

static const struct option longopts[] = {
	{ "failed", no_argument, NULL, OPT_FAILED },
	{ "help", no_argument, NULL, 'h' },
	{ "no-builtin", no_argument, NULL, OPT_NO_BUILTIN },
	{ "no-messages", no_argument, NULL, 's' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "rules", required_argument, NULL, OPT_RULES },
	{ "summary", no_argument, NULL, OPT_SUMMARY },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

struct opts {
	int failed, quiet, summary;
	struct gai_rules rules;
	struct gai_check *check;
	unsigned long (*count)[3];	/* per rule: ok, fail, skip */
	int found;			/* a check failed */
	struct gai_rec_out out;		/* the document's records */
};

static int
emit(void *ctx, size_t rule, enum gai_check_outcome o, const char *key,
    const char *value)
{
	struct opts *op = ctx;

	op->count[rule][o]++;
	if (o == GAI_CHECK_FAIL)
		op->found = 1;
	if (op->quiet || (op->failed && o != GAI_CHECK_FAIL))
		return 0;
	return gai_rec_out_add(&op->out, key, value);
}

/*
 * The document's records passed through, then its checks: gathered and
 * written at once, the name escaped once.  0 or GAI_E_NOMEM.
 */
static int
check_doc(struct opts *op, const struct gai_recset *set)
{
	size_t i;
	int rc;

	if (gai_rec_out_begin(&op->out, set->doc.data) != 0)
		return GAI_E_NOMEM;
	if (!op->quiet)
		for (i = 0; i < set->n; i++)
			if (gai_rec_out_add(&op->out, gai_recset_key(set, i),
			    gai_recset_value(set, i)) != 0)
				return GAI_E_NOMEM;
	rc = gai_check_doc(op->check, set, emit, op);
	/* fe_write keeps a failure's errno for fe_close_stdout. */
	if (op->out.buf.len > 0)
		(void)fe_write(op->out.buf.data, op->out.buf.len);
	return rc;
}

static int
process(struct opts *op, const char *path)
{
	struct gai_recset set = GAI_RECSET_INIT;
	struct gai_rec_reader rd;
	struct gai_error err;
	struct fe_bad_lines bad = FE_BAD_LINES_INIT;
	const char *name = path;
	FILE *fp;
	int rc, status = GAI_EXIT_OK;

	if ((fp = fe_open(path)) == NULL)
		return GAI_EXIT_ERROR;
	gai_rec_reader_init(&rd, fp, name);
	for (;;) {
		memset(&err, 0, sizeof(err));
		rc = gai_recset_read(&rd, &set, &err);
		if (rc == GAI_E_FORMAT) {
			/* Say where, and go on: the set keeps its records. */
			status = GAI_EXIT_ERROR;
			if (fe_bad_line(&bad, name, &err, &set))
				break;
			continue;
		}
		fe_lines_ok(&bad, name);
		if (rc == GAI_EOF)
			break;
		if (rc != GAI_OK) {
			fe_warn(err.errnum, "%s:%ld: %s", fe_quote(name),
			    err.line, err.msg);
			status = GAI_EXIT_ERROR;
			break;
		}
		if (check_doc(op, &set) != 0) {
			fe_warn(ENOMEM, "%s", fe_quote(set.doc.data));
			status = GAI_EXIT_ERROR;
			break;
		}
		set.n = 0;
		if (fe_stdout_failed())
			break;
	}
	gai_recset_free(&set);
	gai_rec_reader_free(&rd);
	return fe_close_input(fp, path, status);
}

static void
add_rules(struct opts *op, const char *text, size_t len, const char *name)
{
	struct gai_error err;

	memset(&err, 0, sizeof(err));
	if (gai_rules_parse(&op->rules, text, len, &err) != 0)
		fe_err(GAI_EXIT_ERROR, 0, "%s:%ld:%ld: %s", fe_quote(name),
		    err.line, err.column, err.msg);
}

static void
read_rules(struct opts *op, const char *path)
{
	FILE *fp;
	char *text = NULL;
	size_t cap = 0, len = 0, n;

	if ((fp = fopen(path, "r")) == NULL)
		fe_err(GAI_EXIT_ERROR, errno, "%s", fe_quote(path));
	for (;;) {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 8192;
			if ((text = realloc(text, cap)) == NULL)
				fe_err(GAI_EXIT_ERROR, ENOMEM, "%s",
				    fe_quote(path));
		}
		if ((n = fread(text + len, 1, cap - len, fp)) == 0)
			break;
		len += n;
	}
	if (ferror(fp))
		fe_err(GAI_EXIT_ERROR, errno, "%s", fe_quote(path));
	fclose(fp);
	add_rules(op, text, len, path);
	free(text);
}

int
main(int argc, char *argv[])
{
	struct opts op = { .rules = GAI_RULES_INIT };
	const char **files = NULL;
	size_t nfiles = 0, i;
	int c, builtin = 1, status = GAI_EXIT_OK;

	setlocale(LC_ALL, "");
	fe_setprogname("gai-check");

	/* 1. Options; rule files are read once the built-ins are in. */
	if ((files = calloc((size_t)argc, sizeof(*files))) == NULL)
		fe_err(GAI_EXIT_ERROR, ENOMEM, "options");
	while ((c = getopt_long(argc, argv, "hqsV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_FAILED:
			op.failed = 1;
			break;
		case 'h':
			fe_help(help_text);
		case OPT_NO_BUILTIN:
			builtin = 0;
			break;
		case 'q':
			op.quiet = 1;
			break;
		case OPT_RULES:
			files[nfiles++] = optarg;
			break;
		case 's':
			fe_set_silent(1);
			break;
		case OPT_SUMMARY:
			op.summary = 1;
			break;
		case 'V':
			fe_version();
		default:
			fe_usage_error(NULL);
		}
	}
	argc -= optind;
	argv += optind;

	/* 2. The rules: built in, then each --rules FILE in order. */
	if (builtin)
		add_rules(&op, gai_rules_builtin, strlen(gai_rules_builtin),
		    "builtin.rules");
	for (i = 0; i < nfiles; i++)
		read_rules(&op, files[i]);
	free(files);
	if ((op.check = gai_check_new(&op.rules)) == NULL ||
	    (op.count = calloc(op.rules.n + 1, sizeof(*op.count))) == NULL)
		fe_err(GAI_EXIT_ERROR, ENOMEM, "rules");

	/* 3. Work: one call per operand; "-" or no operands means stdin. */
	if (argc == 0)
		status = process(&op, "-");
	for (; *argv != NULL; argv++)
		status = fe_worse(status, process(&op, *argv));
	if (op.found)
		status = fe_worse(status, GAI_EXIT_FINDINGS);

	/* 4. The summary, a line per rule: ok, failed, skipped. */
	if (op.summary)
		for (i = 0; i < op.rules.n; i++)
			fprintf(stderr, "%s: %s: %lu ok, %lu failed, "
			    "%lu skipped\n", fe_progname(), op.rules.r[i].id,
			    op.count[i][0], op.count[i][1], op.count[i][2]);
	gai_check_free(op.check);
	gai_rules_free(&op.rules);
	gai_rec_out_free(&op.out);
	free(op.count);

	/* 5. Finish: flush and close stdout; a write error turns into 2. */
	return fe_close_stdout(status);
}
