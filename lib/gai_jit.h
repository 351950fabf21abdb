/* SPDX-License-Identifier: MIT */
/* gai_jit: whether PCRE2 patterns are JIT-compiled (not under GAI_NO_JIT). */
#ifndef GAI_JIT_H
#define GAI_JIT_H

#include <stdlib.h>
#include <string.h>

/*
 * 1 when the environment asks for no JIT: GAI_NO_JIT set, and neither
 * empty nor "0".  valgrind cannot follow PCRE2's JIT code, so the suite
 * runs under it with the interpreter; the results are the same.
 */
static inline int
gai_jit_off(void)
{
	const char *v = getenv("GAI_NO_JIT");

	return v != NULL && *v != '\0' && strcmp(v, "0") != 0;
}

#endif
