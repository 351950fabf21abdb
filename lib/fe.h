/* SPDX-License-Identifier: MIT */
/* fe: what every gai command shares: its name, messages, exit codes, stdout. */
#ifndef GAI_FE_H
#define GAI_FE_H

#include <stdio.h>

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

/* Write help text to stdout and exit 0 (2 if even that fails). */
_Noreturn void fe_help(const char *text);

/* The worse of two exit statuses: trouble beats findings beats ok. */
int fe_worse(int a, int b);

/*
 * Write n bytes to stdout; 0, or -1 after a failure whose errno is kept
 * for fe_close_stdout's message (stdio forgets it once the buffer is gone).
 */
int fe_write(const void *p, size_t n);

/* Nonzero once a write to stdout has failed; the caller stops reading. */
int fe_stdout_failed(void);

/*
 * Flush and close stdout; return status, or GAI_EXIT_ERROR after a
 * "write error" message.  A closed pipe (EPIPE) gives 2 without a message.
 */
int fe_close_stdout(int status);

/* A name safe to print: control characters become '?'. Static buffer. */
const char *fe_quote(const char *name);

#endif /* GAI_FE_H */
