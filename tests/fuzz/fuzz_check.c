/* SPDX-License-Identifier: MIT */
/* fuzz_check: one checker over an input's documents, its records checked. */
#include <config.h>

#include <string.h>

#include "fuzz.h"
#include "fuzz_check.h"
#include "gai_check.h"

struct run {
	const struct gai_rules *rules;
	struct gai_check *check;
};

static int
emit(void *ctx, size_t rule, enum gai_check_outcome o, const char *key,
    const char *value)
{
	const struct gai_rules *rules = ((struct run *)ctx)->rules;
	static const char *const start[] = { "ok", "fail: ", "skip: " };
	size_t idlen;

	if (rule >= rules->n)
		fuzz_fail("a check names a rule that is not there");
	idlen = strlen(rules->r[rule].id);
	if (strncmp(key, "check.", 6) != 0 ||
	    strncmp(key + 6, rules->r[rule].id, idlen) != 0 ||
	    (key[6 + idlen] != '\0' && key[6 + idlen] != '.'))
		fuzz_fail("a check's key is not check.<rule id>[.binding]");
	if (strncmp(value, start[o], strlen(start[o])) != 0)
		fuzz_fail("a check's value does not start with its outcome");
	return 0;
}

static int
check_doc(void *ctx, const struct gai_recset *set)
{
	struct run *run = ctx;

	return gai_check_doc(run->check, set, emit, run);
}

void
fuzz_check(const struct gai_rules *rules, const uint8_t *data, size_t size)
{
	struct run run = { rules, gai_check_new(rules) };

	if (run.check == NULL)
		return;
	(void)fuzz_each_recset(data, size, check_doc, &run);
	gai_check_free(run.check);
}
