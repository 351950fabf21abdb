/* SPDX-License-Identifier: MIT */
/*
 * fuzz.h: what the fuzz targets share.  Each target is a libFuzzer entry
 * point (LLVMFuzzerTestOneInput) that calls the library as the tools do;
 * AFL++'s afl-clang-fast links the same file into its persistent-mode
 * driver.  A broken contract calls fuzz_fail, which aborts: the fuzzer
 * keeps the input as a crash.
 */
#ifndef GAI_FUZZ_H
#define GAI_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "gai_buf.h"
#include "gai_normalize.h"
#include "gai_rec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Say which contract broke and abort. */
_Noreturn void fuzz_fail(const char *what);

/* data[0..size) as a stream to read; NULL when it cannot be opened. */
FILE *fuzz_open(const uint8_t *data, size_t size);

/*
 * Normalize bytes[0..n) as gai-normalize does, the stream 1 text into out
 * (cleared first), forced as --from, what was found in res; what
 * gai_normalize returned.  The text
 * is checked against DESIGN.md's stream 1: valid UTF-8, LF line ends, no
 * NUL, no form feed, a final LF unless empty.
 */
int fuzz_normalize(struct gai_normalizer *nz, struct gai_buf *out,
    const char *bytes, size_t n, const char *forced,
    struct gai_norm_result *res);

/* Call fn on each document of the stream 2 records in data; 0 or fn's. */
int fuzz_each_recset(const uint8_t *data, size_t size,
    int (*fn)(void *ctx, const struct gai_recset *set), void *ctx);

#endif
