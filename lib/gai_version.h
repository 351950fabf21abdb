/* SPDX-License-Identifier: MIT */
/* gai_version: which libraries this build runs with, for --version. */
#ifndef GAI_VERSION_H
#define GAI_VERSION_H

#include <stddef.h>

/* Write "PCRE2 x (JIT yes), libxml2 y, uchardet, iconv z" into buf. */
void gai_version_details(char *buf, size_t size);

#endif
