/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target check: stream 2 records checked against the built-in rules,
 * as gai-check does, year-over-year rules included (a fresh checker per
 * input, so one input never depends on the last).
 */
#include <config.h>

#include <string.h>

#include "fuzz.h"
#include "fuzz_check.h"

static struct gai_rules rules = GAI_RULES_INIT;

int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct gai_error err;

	(void)argc;
	(void)argv;
	if (gai_rules_parse(&rules, gai_rules_builtin,
	    strlen(gai_rules_builtin), &err) != 0)
		fuzz_fail(err.msg);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_check(&rules, data, size);
	return 0;
}
