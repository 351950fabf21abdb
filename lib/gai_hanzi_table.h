/* SPDX-License-Identifier: MIT */
/*
 * gai_hanzi_table: OpenCC's traditional-to-simplified character table as
 * tools/gen-hanzi.py writes it (lib/gai_hanzi_table.c); not installed.
 */
#ifndef GAI_HANZI_TABLE_H
#define GAI_HANZI_TABLE_H

#include <stddef.h>
#include <stdint.h>

#define GAI_HANZI_BLOCK 64	/* code points per block of the index */

extern const size_t gai_hanzi_npairs;
extern const uint32_t gai_hanzi_pairs[][2];
extern const uint16_t gai_hanzi_bysimp[];
extern const size_t gai_hanzi_nstage1;
extern const uint16_t gai_hanzi_stage1[];
extern const uint16_t gai_hanzi_blocks[][GAI_HANZI_BLOCK];

#endif
