/* SPDX-License-Identifier: MIT */
/* fe: messages, exit codes and the careful close of stdout. */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fe.h"
#include "gai_operands.h"
#include "gai_rec.h"
#include "gai_version.h"

static const char *progname = "gai";
static int write_errno;		/* why the first failed write failed */
static int silent;
static int quiet;

void
fe_setprogname(const char *name)
{
	progname = name;
}

const char *
fe_progname(void)
{
	return progname;
}

static void
vwarn(int errnum, const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	if (errnum != 0)
		fprintf(stderr, ": %s", strerror(errnum));
	fputc('\n', stderr);
}

void
fe_warn(int errnum, const char *fmt, ...)
{
	va_list ap;

	if (silent)
		return;
	va_start(ap, fmt);
	vwarn(errnum, fmt, ap);
	va_end(ap);
}

void
fe_err(int status, int errnum, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(errnum, fmt, ap);
	va_end(ap);
	exit(status);
}

void
fe_usage_error(const char *fmt, ...)
{
	va_list ap;

	if (fmt != NULL) {
		va_start(ap, fmt);
		vwarn(0, fmt, ap);
		va_end(ap);
	}
	fprintf(stderr, "Try '%s --help' for more information.\n", progname);
	exit(GAI_EXIT_ERROR);
}

static const char *version_extra;

void
fe_version_extra(const char *line)
{
	version_extra = line;
}

void
fe_version(void)
{
	char details[256];

	gai_version_details(details, sizeof details);
	printf("%s (gai) %s\n%s\n", progname, PACKAGE_VERSION, details);
	if (version_extra != NULL)
		printf("%s\n", version_extra);
	exit(fe_close_stdout(GAI_EXIT_OK));
}

void
fe_help(const char *text)
{
	fputs(text, stdout);
	exit(fe_close_stdout(GAI_EXIT_OK));
}

int
fe_worse(int a, int b)
{
	return a > b ? a : b;
}

int
fe_write(const void *p, size_t n)
{
	if (quiet)
		return 0;
	if (fwrite(p, 1, n, stdout) == n)
		return 0;
	if (write_errno == 0)
		write_errno = errno;
	return -1;
}

int
fe_flush(void)
{
	if (fflush(stdout) == 0)
		return 0;
	if (write_errno == 0)
		write_errno = errno;
	return -1;
}

int
fe_stdout_failed(void)
{
	return ferror(stdout);
}

int
fe_close_stdout(int status)
{
	int failed, errnum;

	errno = 0;
	failed = fflush(stdout) != 0 || ferror(stdout);
	errnum = errno;
	if (fclose(stdout) != 0 && !failed) {
		failed = 1;
		errnum = errno;
	}
	if (!failed)
		return status;
	if (write_errno != 0)
		errnum = write_errno;
	/* The reader went away (SIGPIPE ignored by our parent): quiet, as xz. */
	if (errnum != EPIPE)
		fe_warn(errnum, "write error");
	return GAI_EXIT_ERROR;
}

const char *
fe_quote(const char *name)
{
	static char buf[1024];
	size_t i;

	for (i = 0; name[i] != '\0' && i < sizeof buf - 1; i++) {
		unsigned char c = (unsigned char)name[i];
		buf[i] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
	}
	buf[i] = '\0';
	return buf;
}

void
fe_set_silent(int on)
{
	silent = on;
}

void
fe_set_quiet(int on)
{
	quiet = on;
}

FILE *
fe_open(const char *path)
{
	FILE *fp;

	if (strcmp(path, "-") == 0)
		return stdin;
	if ((fp = fopen(path, "r")) == NULL) {
		int errnum = errno;

		fe_warn(errnum, "%s", fe_quote(path));
		errno = errnum;		/* the caller may say it again */
	}
	return fp;
}

int
fe_close_input(FILE *fp, const char *path, int status)
{
	if (fp == stdin) {
		clearerr(stdin);	/* "-" may come again */
		return status;
	}
	if (fclose(fp) == 0)
		return status;
	fe_warn(errno, "%s", fe_quote(path));
	return GAI_EXIT_ERROR;
}

void
fe_lines_ok(struct fe_bad_lines *b, const char *file)
{
	int i;

	/* Lines a FILE starts with belong to no document. */
	for (i = 0; i < b->nheld; i++)
		fe_warn_record(file, &b->held[i], NULL);
	b->nheld = 0;
}

int
fe_bad_line(struct fe_bad_lines *b, const char *file,
    const struct gai_error *err, const struct gai_recset *set)
{
	/* Every line so far bad: lines 1 .. nheld held, this one next. */
	if (err->line == b->nheld + 1 && (set == NULL || set->n == 0)) {
		if (b->nheld + 1 == FE_NOT_RECORDS) {
			b->nheld = 0;
			fe_warn(0, "%s: input is not gai records: did you mean "
			    "gai-extract?", fe_quote(file));
			return 1;
		}
		b->held[b->nheld++] = *err;
		return 0;
	}
	fe_lines_ok(b, file);
	fe_warn_record(file, err, set);
	return 0;
}

void
fe_warn_record(const char *file, const struct gai_error *err,
    const struct gai_recset *set)
{
	char where[1024];

	/* fe_quote has one buffer: the file's name is copied out first. */
	snprintf(where, sizeof where, "%s", fe_quote(file));
	if (set != NULL && set->n > 0)
		fe_warn(err->errnum, "%s:%ld: in %s: %s", where, err->line,
		    fe_quote(set->doc.data), err->msg);
	else
		fe_warn(err->errnum, "%s:%ld: %s", where, err->line, err->msg);
}

int
fe_parse_size(const char *s, size_t *size)
{
	static const char units[] = "KMGT";
	const char *u;
	unsigned long long v;
	char *end;
	int shift;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0)
		return -1;
	if (*end != '\0') {
		if ((u = strchr(units, *end)) == NULL || end[1] != '\0')
			return -1;
		shift = 10 * (int)(u - units + 1);
		if (v > (SIZE_MAX >> shift))
			return -1;
		v <<= shift;
	}
	if (v > SIZE_MAX)
		return -1;
	*size = (size_t)v;
	return 0;
}

int
fe_files_option(struct fe_files *files, int c, const char *arg)
{
	switch (c) {
	case FE_OPT_FILES_FROM:
		files->from = arg;
		return 1;
	case '0':
		files->sep = '\0';
		return 1;
	case 'r':
		files->recursive = 1;
		return 1;
	}
	return 0;
}

int
fe_each_operand(char *const *argv, const struct fe_files *files,
    int (*fn)(void *ctx, const char *path), void *ctx)
{
	struct gai_operands ops;
	struct gai_error err;
	const char *path;
	FILE *list = NULL;
	int rc, status = GAI_EXIT_OK;

	if (files->from != NULL && (list = fe_open(files->from)) == NULL)
		exit(GAI_EXIT_ERROR);	/* said by fe_open */
	gai_operands_init(&ops, argv, list, files->sep, files->recursive);
	while (!fe_stdout_failed() &&
	    (rc = gai_operands_next(&ops, &path, &err)) != GAI_EOF) {
		if (rc == GAI_E_NOMEM)
			fe_err(GAI_EXIT_ERROR, ENOMEM, "%s",
			    fe_quote(ops.failed.data));
		if (rc != GAI_OK) {
			fe_warn(err.errnum, "%s", fe_quote(ops.failed.data));
			status = GAI_EXIT_ERROR;
			continue;
		}
		status = fe_worse(status, fn(ctx, path));
	}
	gai_operands_free(&ops);
	if (list != NULL)
		status = fe_close_input(list, files->from, status);
	return status;
}
