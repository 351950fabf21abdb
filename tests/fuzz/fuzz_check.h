/* SPDX-License-Identifier: MIT */
/* fuzz_check.h: the records of an input checked as gai-check does. */
#ifndef GAI_FUZZ_CHECK_H
#define GAI_FUZZ_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "gai_rules.h"

/*
 * Check every document of data[0..size) against rules with one checker;
 * each check record must be check.<id>... with "ok", "fail: ..." or
 * "skip: ...".
 */
void fuzz_check(const struct gai_rules *rules, const uint8_t *data,
    size_t size);

#endif
