/* SPDX-License-Identifier: MIT */
/* gai_error: what went wrong inside the library, for the caller to print. */
#ifndef GAI_ERROR_H
#define GAI_ERROR_H

/*
 * Library functions return 0 for ok, >0 for a normal outcome (end of
 * input, found), <0 for an error, with the detail left here.  The library
 * never prints or exits; the command decides what to say.
 */
enum gai_status {
	GAI_OK = 0,
	GAI_EOF = 1,
	GAI_E_NOMEM = -1,
	GAI_E_IO = -2,		/* errnum says why */
	GAI_E_FORMAT = -3,	/* input is not what the stream contract says */
	GAI_E_ENCODING = -4,
	GAI_E_USAGE = -5	/* bad argument from the user (rules, key list) */
};

struct gai_error {
	int code;
	int errnum;		/* errno for GAI_E_IO, else 0 */
	long line;		/* input line, 0 when not about a line */
	long column;		/* 1-based column, 0 when unknown */
	char msg[256];
};

/* Fill err (if not NULL) and return code; printf-style message. */
int gai_error_set(struct gai_error *err, int code, int errnum, long line,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

#endif
