/* SPDX-License-Identifier: MIT */
/* gai_operands: operands from argv, a list, and directory walks. */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gai_operands.h"

/* A directory being walked: its entries' names, sorted, and where we are. */
struct gai_operands_dir {
	char *path;
	struct dirent **names;
	int n, i;
};

void
gai_operands_init(struct gai_operands *o, char *const *argv, FILE *list,
    int sep, int recursive)
{
	memset(o, 0, sizeof *o);
	o->argv = argv;
	o->list = list;
	o->sep = sep;
	o->recursive = recursive;
	o->given = list != NULL;	/* an empty list means no operand */
}

static void
pop(struct gai_operands *o)
{
	struct gai_operands_dir *d = &o->dirs[--o->ndirs];

	while (d->n > 0)
		free(d->names[--d->n]);
	free(d->names);
	free(d->path);
}

void
gai_operands_free(struct gai_operands *o)
{
	while (o->ndirs > 0)
		pop(o);
	free(o->dirs);
	free(o->item);
	gai_buf_free(&o->path);
	gai_buf_free(&o->failed);
}

static int
fail(struct gai_operands *o, const char *what, int errnum,
    struct gai_error *err)
{
	gai_buf_clear(&o->failed);
	if (gai_buf_puts(&o->failed, what) != 0)
		errnum = ENOMEM;
	if (errnum == ENOMEM)
		return gai_error_set(err, GAI_E_NOMEM, ENOMEM, 0,
		    "out of memory");
	return gai_error_set(err, GAI_E_IO, errnum, 0, "cannot read");
}

static int
skip_dots(const struct dirent *e)
{
	return strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
}

/* Byte order, not the locale's: the same order on every machine. */
static int
by_bytes(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* Start walking the directory path. */
static int
push(struct gai_operands *o, const char *path, struct gai_error *err)
{
	struct gai_operands_dir *d;
	struct dirent **names;
	int n;

	if ((n = scandir(path, &names, skip_dots, by_bytes)) < 0)
		return fail(o, path, errno, err);
	if (o->ndirs == o->capdirs) {
		size_t cap = o->capdirs ? 2 * o->capdirs : 8;
		void *p = realloc(o->dirs, cap * sizeof *o->dirs);

		if (p == NULL)
			goto nomem;
		o->dirs = p;
		o->capdirs = cap;
	}
	d = &o->dirs[o->ndirs];
	if ((d->path = strdup(path)) == NULL)
		goto nomem;
	d->names = names;
	d->n = n;
	d->i = 0;
	o->ndirs++;
	return GAI_OK;
nomem:
	while (n > 0)
		free(names[--n]);
	free(names);
	return fail(o, path, ENOMEM, err);
}

/* The next entry of the walk into o->path: 1, 0 when the walk is over. */
static int
walk(struct gai_operands *o, struct gai_error *err, int *rc)
{
	struct stat st;

	while (o->ndirs > 0) {
		struct gai_operands_dir *d = &o->dirs[o->ndirs - 1];
		size_t plen = strlen(d->path);

		if (d->i == d->n) {
			pop(o);
			continue;
		}
		gai_buf_clear(&o->path);
		if (gai_buf_puts(&o->path, d->path) != 0 ||
		    ((plen == 0 || d->path[plen - 1] != '/') &&
		    gai_buf_putc(&o->path, '/') != 0) ||
		    gai_buf_puts(&o->path, d->names[d->i++]->d_name) != 0) {
			*rc = fail(o, d->path, ENOMEM, err);
			return 1;
		}
		if (lstat(o->path.data, &st) != 0) {
			*rc = fail(o, o->path.data, errno, err);
			return 1;
		}
		if (S_ISDIR(st.st_mode)) {
			if ((*rc = push(o, o->path.data, err)) != GAI_OK)
				return 1;
			continue;
		}
		/* A link to a file is read; to a directory, not (no loops). */
		if (S_ISLNK(st.st_mode) && stat(o->path.data, &st) != 0)
			st.st_mode = S_IFREG;	/* dangling: let opening say so */
		if (!S_ISREG(st.st_mode))
			continue;	/* FIFOs, devices, sockets, linked dirs */
		*rc = GAI_OK;
		return 1;
	}
	return 0;
}

/* The list's next path into o->path: 1, or 0 at its end (or error). */
static int
from_list(struct gai_operands *o, struct gai_error *err, int *rc)
{
	ssize_t n;

	for (;;) {
		errno = 0;
		if ((n = getdelim(&o->item, &o->itemcap, o->sep, o->list)) < 0) {
			if (ferror(o->list)) {
				*rc = fail(o, "--files-from", errno, err);
				o->list = NULL;
				return 1;
			}
			o->list = NULL;
			return 0;
		}
		if (n > 0 && o->item[n - 1] == o->sep)
			n--;
		if (n == 0)
			continue;	/* an empty line names nothing */
		gai_buf_clear(&o->path);
		if (gai_buf_append(&o->path, o->item, (size_t)n) != 0) {
			*rc = fail(o, "--files-from", ENOMEM, err);
			return 1;
		}
		*rc = GAI_OK;
		return 1;
	}
}

int
gai_operands_next(struct gai_operands *o, const char **path,
    struct gai_error *err)
{
	struct stat st;
	int rc;

	for (;;) {
		if (walk(o, err, &rc)) {
			*path = o->path.data;
			return rc;
		}
		if (*o->argv != NULL) {
			gai_buf_clear(&o->path);
			if (gai_buf_puts(&o->path, *o->argv++) != 0)
				return fail(o, o->argv[-1], ENOMEM, err);
		} else if (o->list != NULL) {
			if (!from_list(o, err, &rc))
				continue;
			if (rc != GAI_OK)
				return rc;
		} else if (!o->given) {
			o->given = 1;
			*path = "-";
			return GAI_OK;
		} else {
			return GAI_EOF;
		}
		o->given = 1;
		*path = o->path.data;
		if (o->recursive && strcmp(*path, "-") != 0 &&
		    stat(*path, &st) == 0 && S_ISDIR(st.st_mode)) {
			if ((rc = push(o, *path, err)) != GAI_OK)
				return rc;
			continue;
		}
		return GAI_OK;
	}
}
