/* SPDX-License-Identifier: MIT */
/* fuzz_common: opening the input, normalizing it, checking stream 1. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "gai_text.h"

void
fuzz_fail(const char *what)
{
	fprintf(stderr, "fuzz: contract broken: %s\n", what);
	abort();
}

FILE *
fuzz_open(const uint8_t *data, size_t size)
{
	/* fmemopen reads the bytes in place ("r" never writes them). */
	if (size == 0)
		return fopen("/dev/null", "r");
	return fmemopen((void *)(uintptr_t)data, size, "r");
}

static int
append(void *ctx, const char *s, size_t n)
{
	return gai_buf_append(ctx, s, n);
}

static void
check_stream1(const struct gai_buf *t)
{
	if (gai_text_valid_utf8(t->data, t->len) != t->len)
		fuzz_fail("stream 1 text is not valid UTF-8");
	if (t->len > 0 && memchr(t->data, '\0', t->len) != NULL)
		fuzz_fail("stream 1 text holds a NUL");
	if (t->len > 0 && memchr(t->data, '\r', t->len) != NULL)
		fuzz_fail("stream 1 text holds a CR");
	if (t->len > 0 && memchr(t->data, '\f', t->len) != NULL)
		fuzz_fail("stream 1 text holds a form feed");
	if (t->len > 0 && t->data[t->len - 1] != '\n')
		fuzz_fail("stream 1 text does not end in LF");
}

int
fuzz_normalize(struct gai_normalizer *nz, struct gai_buf *out,
    const char *bytes, size_t n, const char *forced,
    struct gai_norm_result *res)
{
	struct gai_error err;
	int rc;

	gai_buf_clear(out);
	rc = gai_normalize(nz, bytes, n, forced, append, out, res, &err);
	if (rc == 0)
		check_stream1(out);
	return rc;
}

int
fuzz_each_recset(const uint8_t *data, size_t size,
    int (*fn)(void *ctx, const struct gai_recset *set), void *ctx)
{
	struct gai_recset set = GAI_RECSET_INIT;
	struct gai_rec_reader rd;
	struct gai_error err;
	FILE *fp;
	int rc, ret = 0;

	if ((fp = fuzz_open(data, size)) == NULL)
		return 0;
	gai_rec_reader_init(&rd, fp, "-");
	for (;;) {
		memset(&err, 0, sizeof err);
		rc = gai_recset_read(&rd, &set, &err);
		if (rc == GAI_E_FORMAT)
			continue;	/* the tools say where, and go on */
		if (rc != GAI_OK)
			break;
		if ((ret = fn(ctx, &set)) != 0)
			break;
		set.n = 0;
	}
	gai_recset_free(&set);
	gai_rec_reader_free(&rd);
	fclose(fp);
	return ret;
}
