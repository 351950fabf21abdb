/* SPDX-License-Identifier: MIT */
/* unit.h: what the C unit tests share: CHECK, a failure count, the exit. */
#ifndef GAI_UNIT_H
#define GAI_UNIT_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int unit_failures;

/*
 * Count a failed check and say where; the message is printf-style (no
 * format attribute: CHECK(cond) passes an empty one on purpose).
 */
static inline void
unit_check(int ok, const char *expr, const char *file, int line,
    const char *fmt, ...)
{
	va_list ap;

	if (ok)
		return;
	unit_failures++;
	fprintf(stderr, "%s:%d: ", file, line);
	if (fmt[0] == '\0') {
		fprintf(stderr, "CHECK(%s) failed\n", expr);
		return;
	}
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* CHECK(cond) or CHECK(cond, "format", ...). */
#define CHECK(cond, ...) \
	unit_check((cond) != 0, #cond, __FILE__, __LINE__, "" __VA_ARGS__)

/* The test program's exit status, after a line saying how it went. */
/*
 * Random text into s: pieces[0..np) picked by rand() and joined until it
 * holds min bytes or more (s must hold min plus the longest piece).  Its
 * length.
 */
static inline size_t
unit_pieces(char *s, const char *const *pieces, size_t np, size_t min)
{
	size_t n = 0, k;

	while (n < min) {
		const char *p = pieces[(size_t)rand() % np];

		k = strlen(p);
		memcpy(s + n, p, k);
		n += k;
	}
	return n;
}

static inline int
unit_end(const char *name)
{
	if (unit_failures == 0)
		printf("%s: all passed\n", name);
	else
		fprintf(stderr, "%s: %d failed\n", name, unit_failures);
	return unit_failures == 0 ? 0 : 1;
}

#endif
