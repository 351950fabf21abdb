/* SPDX-License-Identifier: MIT */
/* fe: what every gai command shares: its name, messages, exit codes, stdout. */
#ifndef GAI_FE_H
#define GAI_FE_H

#include <stdio.h>

#include "gai_error.h"

struct gai_recset;

/* grep's convention, shared by every tool (DESIGN.md "Every tool"). */
enum {
	GAI_EXIT_OK = 0,	/* all went well */
	GAI_EXIT_FINDINGS = 1,	/* ran, and found something to report */
	GAI_EXIT_ERROR = 2	/* trouble: usage, unreadable input, write error */
};

/* Remember the command's name for messages. */
void fe_setprogname(const char *name);
const char *fe_progname(void);

/* "gai-x: message[: strerror(errnum)]" on stderr; errnum 0 adds nothing. */
void fe_warn(int errnum, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
_Noreturn void fe_err(int status, int errnum, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A bad command line: the problem, the "Try" hint, exit 2. */
_Noreturn void fe_usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* Print "gai-x (gai) VERSION" and the runtime library versions; exit 0. */
_Noreturn void fe_version(void);

/* One more line for fe_version, about this tool (what it reads). */
void fe_version_extra(const char *line);

/* Write help text to stdout and exit 0 (2 if even that fails). */
_Noreturn void fe_help(const char *text);

/* The worse of two exit statuses: trouble beats findings beats ok. */
int fe_worse(int a, int b);

/*
 * Write n bytes to stdout; 0, or -1 after a failure whose errno is kept
 * for fe_close_stdout's message (stdio forgets it once the buffer is gone).
 */
int fe_write(const void *p, size_t n);

/* fflush(stdout), keeping a failure's errno as fe_write does. */
int fe_flush(void);

/* Nonzero once a write to stdout has failed; the caller stops reading. */
int fe_stdout_failed(void);

/*
 * Flush and close stdout; return status, or GAI_EXIT_ERROR after a
 * "write error" message.  A closed pipe (EPIPE) gives 2 without a message.
 */
int fe_close_stdout(int status);

/* A name safe to print: control characters become '?'. Static buffer. */
const char *fe_quote(const char *name);

/* Silence fe_warn (a tool's -s): the exit status still says trouble. */
void fe_set_silent(int silent);

/* Make fe_write write nothing (a tool's -q): only the exit status tells. */
void fe_set_quiet(int quiet);

/*
 * Open a FILE operand for reading, "-" being standard input; NULL after a
 * message naming it, errno kept.  fe_close_input closes it again and returns status,
 * or GAI_EXIT_ERROR after a message when the close fails.
 */
FILE *fe_open(const char *path);
int fe_close_input(FILE *fp, const char *path, int status);

/*
 * A size for --max-size: digits, then optionally K, M, G or T (KiB, MiB,
 * GiB, TiB).  0, or -1 when s is not one or does not fit.
 */
int fe_parse_size(const char *s, size_t *size);

/* Where a tool's FILE operands come from besides the command line. */
struct fe_files {
	const char *from;	/* --files-from: a list's path, "-" stdin; or NULL */
	int sep;		/* what ends a path in it: '\n', or '\0' for -0 */
	int recursive;		/* -r: walk directory operands, sorted */
};

#define FE_FILES_INIT { NULL, '\n', 0 }

/* The options that fill a struct fe_files, for a tool's getopt tables. */
enum { FE_OPT_FILES_FROM = 0x4000 };
#define FE_FILES_SHORTOPTS "0r"
#define FE_FILES_LONGOPTS \
	{ "files-from", required_argument, NULL, FE_OPT_FILES_FROM }, \
	{ "null", no_argument, NULL, '0' }, \
	{ "recursive", no_argument, NULL, 'r' }

/* Take getopt's option c into files: 1, or 0 when it is not one of them. */
int fe_files_option(struct fe_files *files, int c, const char *arg);

/*
 * Call fn(ctx, path) for each operand in order (gai_operands.h): argv, then
 * the list, directories walked; "-" alone when there are none.  Stops when
 * stdout fails.  A list that cannot be opened exits 2; a directory or list
 * that cannot be read is said and counts as trouble.  The worst status.
 */
int fe_each_operand(char *const *argv, const struct fe_files *files,
    int (*fn)(void *ctx, const char *path), void *ctx);

/*
 * Say what gai_recset_read found wrong in file, at its line, naming the
 * document whose records it was reading when there is one.
 */
void fe_warn_record(const char *file, const struct gai_error *err,
    const struct gai_recset *set);

/*
 * Input that is not stream 2 at all (a page, stream 1) would give a
 * message per line.  The bad lines a FILE starts with are held back; when
 * FE_NOT_RECORDS lines in a row from its first are bad, fe_bad_line says
 * once that the input is not records and returns 1: the caller stops
 * reading it, with exit status 2.  Otherwise fe_bad_line says what
 * fe_warn_record says (after the lines held) and returns 0; fe_lines_ok,
 * called once records have been read and at the end of the FILE, says
 * the lines still held.  Start each FILE with FE_BAD_LINES_INIT.
 */
enum { FE_NOT_RECORDS = 3 };

struct fe_bad_lines {
	struct gai_error held[FE_NOT_RECORDS - 1];
	int nheld;
};

#define FE_BAD_LINES_INIT { .nheld = 0 }

int fe_bad_line(struct fe_bad_lines *b, const char *file,
    const struct gai_error *err, const struct gai_recset *set);
void fe_lines_ok(struct fe_bad_lines *b, const char *file);

#endif /* GAI_FE_H */
