/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target check_rules: a rules file and records, as
 * gai-check --no-builtin --rules FILE reads them.  The input is the rules
 * text, a NUL byte, then the records; without a NUL it is all rules,
 * checked against a few records of each edition.
 */
#include <config.h>

#include <string.h>

#include "fuzz.h"
#include "fuzz_check.h"

static const char sample[] =
	"d\tmeta.year\t2019\nd\tmeta.edition\t2019\nd\tmeta.org\t某县人民政府\n"
	"d\treq.new.total\t3\nd\treq.new.natural_person\t2\n"
	"d\treq.new.commercial\t1\nd\tactive.rules.made\t1\n"
	"e\tmeta.year\t2020\ne\tmeta.edition\t2021\ne\tmeta.org\t某县人民政府\n"
	"e\treq.carried_in.total\t0\ne\treq.new.total\t4\n"
	"e\treq.outcome.granted.total\t4\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gai_rules rules = GAI_RULES_INIT;
	const uint8_t *nul = memchr(data, '\0', size);
	size_t len = nul != NULL ? (size_t)(nul - data) : size;
	struct gai_error err;

	if (gai_rules_parse(&rules, (const char *)data, len, &err) == 0) {
		if (nul != NULL)
			fuzz_check(&rules, nul + 1, size - len - 1);
		else
			fuzz_check(&rules, (const uint8_t *)sample,
			    sizeof sample - 1);
	}
	gai_rules_free(&rules);
	return 0;
}
