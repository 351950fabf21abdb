/* SPDX-License-Identifier: MIT */
/*
 * gai_operands: the FILE operands a tool reads, in order: the command
 * line's, then the paths a --files-from list names, directories walked in
 * sorted order with --recursive.  Which files, never how to read them.
 */
#ifndef GAI_OPERANDS_H
#define GAI_OPERANDS_H

#include <stdio.h>

#include "gai_buf.h"
#include "gai_error.h"

struct gai_operands_dir;

struct gai_operands {
	char *const *argv;	/* command-line operands not yet handed out */
	FILE *list;		/* a --files-from list, or NULL */
	int sep;		/* what ends a path in the list: '\n' or '\0' */
	int recursive;		/* walk directory operands */
	int given;		/* an operand or a list came: "-" is not implied */
	struct gai_operands_dir *dirs;	/* the walk: one entry per depth */
	size_t ndirs, capdirs;
	struct gai_buf path;	/* the path handed out */
	struct gai_buf failed;	/* what could not be read, after an error */
	char *item;		/* the list's current line */
	size_t itemcap;
};

/*
 * argv: NULL-terminated operands; list: NULL or an open --files-from list
 * whose paths end in sep (the caller closes it); recursive: directory
 * operands are walked, their regular files (and links to them) handed out
 * in byte order of their names, at each level, hidden ones too.
 */
void gai_operands_init(struct gai_operands *o, char *const *argv, FILE *list,
    int sep, int recursive);

/*
 * The next path (valid until the next call): GAI_OK, GAI_EOF after the
 * last ("-" alone when there were no operands and no list at all).  A
 * directory or a list that cannot be read gives GAI_E_IO with err->errnum,
 * o->failed naming it; the next call goes on after it.  GAI_E_NOMEM.
 */
int gai_operands_next(struct gai_operands *o, const char **path,
    struct gai_error *err);

void gai_operands_free(struct gai_operands *o);

#endif
