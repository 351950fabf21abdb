/* SPDX-License-Identifier: MIT */
/* gai_org: the names of bodies, folded for comparison. */
#ifndef GAI_ORG_H
#define GAI_ORG_H

#include "gai_buf.h"

/*
 * Append to out the name of a body folded for comparison: spaces dropped,
 * full-width ASCII made ASCII, traditional characters made simplified
 * (gai_hanzi_simplified), and a province
 * or prefecture that leads a county-level place's name dropped.  Two
 * reports whose names fold alike come from one body.  0 or GAI_E_NOMEM.
 */
int gai_org_fold(struct gai_buf *out, const char *org);

#endif
