/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target normalize: page bytes to stream 1, as gai-normalize reads
 * one page: encoding detected, HTML or text as the bytes look.
 */
#include <config.h>

#include "fuzz.h"

static struct gai_normalizer nz = GAI_NORMALIZER_INIT;
static struct gai_buf out;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gai_norm_result res;

	(void)fuzz_normalize(&nz, &out, (const char *)data, size, NULL, &res);
	return 0;
}
