/* SPDX-License-Identifier: MIT */
/* gai_version: ask the runtime libraries for their versions, as pcre2grep does. */
#include <config.h>

#include <stdio.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <iconv.h>
#include <libxml/parser.h>

#include "gai_jit.h"
#include "gai_version.h"

void
gai_version_details(char *buf, size_t size)
{
	char pcre[64] = "?";
	uint32_t jit = 0;

	pcre2_config(PCRE2_CONFIG_VERSION, pcre);
	pcre2_config(PCRE2_CONFIG_JIT, &jit);
	snprintf(buf, size, "PCRE2 %s (JIT %s), libxml2 %s, uchardet, iconv %s",
	    pcre, !jit ? "no" : gai_jit_off() ? "off: GAI_NO_JIT" : "yes",
	    xmlParserVersion,
#ifdef _LIBICONV_VERSION
	    "GNU libiconv"
#else
	    "libc"
#endif
	    );
}
