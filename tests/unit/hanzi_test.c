/* SPDX-License-Identifier: MIT */
/* hanzi_test: the generated table both ways, and whole strings made simplified. */
#include <config.h>

#include <string.h>

#include "gai_buf.h"
#include "gai_hanzi.h"
#include "gai_hanzi_table.h"
#include "unit.h"

static void
simplify_is(const char *in, size_t n, const char *want, size_t wn)
{
	struct gai_buf b = GAI_BUF_INIT;

	CHECK(gai_buf_puts(&b, ">") == 0);
	CHECK(gai_hanzi_simplify(&b, in, n) == 0);
	CHECK(b.len == wn + 1 && memcmp(b.data + 1, want, wn) == 0,
	    "simplify(%s) = %s, want %s", in, b.data + 1, want);
	gai_buf_free(&b);
}

int
main(void)
{
	unsigned long t[8];
	size_t i, j, n;

	/* Characters of body names and reports, and one of several forms. */
	CHECK(gai_hanzi_simplified(0x5340) == 0x533A);	/* 區 区 */
	CHECK(gai_hanzi_simplified(0x767C) == 0x53D1);	/* 發 发 */
	CHECK(gai_hanzi_simplified(0x9AEE) == 0x53D1);	/* 髮 发 */
	CHECK(gai_hanzi_simplified(0x5F8C) == 0x540E);	/* 後 后 */
	CHECK(gai_hanzi_simplified(0x6FA4) == 0x6CFD);	/* 澤 泽 */
	/* Not traditional, or outside the table: unchanged. */
	CHECK(gai_hanzi_simplified(0x533A) == 0x533A);
	CHECK(gai_hanzi_simplified('A') == 'A');
	CHECK(gai_hanzi_simplified(0x10FFFF) == 0x10FFFF);
	/* A BMP character whose simplified form is outside it. */
	CHECK(gai_hanzi_simplified(0x408E) == 0x2539D);	/* 䂎 𥎝 */

	/* 发: 發 and 髮, in code point order; a short out gets the first. */
	CHECK(gai_hanzi_traditional(0x53D1, t, 8) == 2);
	CHECK(t[0] == 0x767C && t[1] == 0x9AEE);
	CHECK(gai_hanzi_traditional(0x53D1, t, 1) == 2 && t[0] == 0x767C);
	CHECK(gai_hanzi_traditional(0x4E00, t, 8) == 0);	/* 一 */
	CHECK(gai_hanzi_traditional(0x53F0, t, 8) == 3);	/* 台: 臺 檯 颱 */

	/* Every pair both ways; OpenCC's table has about 4,100 of them. */
	CHECK(gai_hanzi_npairs > 4000);
	for (i = 0; i < gai_hanzi_npairs; i++) {
		unsigned long tr = gai_hanzi_pairs[i][0];
		unsigned long si = gai_hanzi_pairs[i][1];
		CHECK(i == 0 || gai_hanzi_pairs[i - 1][0] < tr);
		CHECK(gai_hanzi_simplified(tr) == si, "%lx", tr);
		n = gai_hanzi_traditional(si, t, 8);
		for (j = 0; j < n && j < 8 && t[j] != tr; j++)
			;
		CHECK(n <= 8 && j < n, "%lx not among %lx's", tr, si);
	}

	simplify_is("淮安市洪澤區人民政府 2020年度報告", 47,
	    "淮安市洪泽区人民政府 2020年度报告", 47);
	simplify_is("", 0, "", 0);
	/* A three-byte character becomes four bytes. */
	simplify_is("a䂎b", 5, "a𥎝b", 6);
	/* Bytes that are not UTF-8 stay; a NUL is a byte like another. */
	simplify_is("\xff國\0\xe5\x9c", 7, "\xff国\0\xe5\x9c", 7);

	/* In chunks cut anywhere, even inside a character: the same text. */
	{
		static const char in[] = "a洪澤區\xe5人民𥎝後\xe5\x9c";
		static const char want[] = "a洪泽区\xe5人民𥎝后\xe5\x9c";
		struct gai_hanzi_stream st = GAI_HANZI_STREAM_INIT;
		struct gai_buf b = GAI_BUF_INIT;
		size_t step;

		for (step = 1; step <= 5; step++) {
			gai_buf_clear(&b);
			for (i = 0; i < sizeof(in) - 1; i += step)
				CHECK(gai_hanzi_stream_put(&st, &b, in + i,
				    sizeof(in) - 1 - i < step ?
				    sizeof(in) - 1 - i : step) == 0);
			CHECK(gai_hanzi_stream_end(&st, &b) == 0);
			CHECK(b.len == sizeof(want) - 1 &&
			    memcmp(b.data, want, b.len) == 0,
			    "chunks of %zu: %s", step, b.data);
		}
		gai_buf_free(&b);
	}
	return unit_end("hanzi_test");
}
