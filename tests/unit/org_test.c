/* SPDX-License-Identifier: MIT */
/* org_test: body names folded alike exactly when they are one body's. */
#include <config.h>

#include <string.h>

#include "gai_buf.h"
#include "gai_org.h"
#include "unit.h"

static char folded[2][256];

static const char *
fold(int which, const char *name)
{
	struct gai_buf b = GAI_BUF_INIT;

	CHECK(gai_org_fold(&b, name) == 0);
	snprintf(folded[which], sizeof(folded[0]), "%s",
	    b.data != NULL ? b.data : "");
	gai_buf_free(&b);
	return folded[which];
}

static void
same(const char *a, const char *b)
{
	CHECK(strcmp(fold(0, a), fold(1, b)) == 0, "%s (%s) != %s (%s)", a,
	    folded[0], b, folded[1]);
}

static void
differ(const char *a, const char *b)
{
	CHECK(strcmp(fold(0, a), fold(1, b)) != 0, "%s = %s (%s)", a, b,
	    folded[0]);
}

int
main(void)
{
	/* The corpus: one body, with its city one year and without the next. */
	same("淮安市洪泽区人民政府", "洪泽区人民政府");
	CHECK(strcmp(fold(0, "淮安市洪泽区人民政府"), "洪泽区人民政府") == 0);
	same("江苏省淮安市洪泽区人民政府", "洪泽区人民政府");
	/* The traditional seeds and their simplified spellings. */
	same("米易縣人民政府", "米易县人民政府");
	same("阿拉善高新技術產業開發區", "阿拉善高新技术产业开发区");
	same("某某縣人民政府辦公室", "某某县人民政府办公室");
	same("淮安市洪澤區人民政府", "洪泽区人民政府");
	/* Width and spaces. */
	same("洪泽区　人民政府", "洪泽区人民政府");
	same("ＸＸ市 财政局", "XX市财政局");
	/* An office keeps its city: these are other bodies. */
	differ("扬州市市场监督管理局", "市场监督管理局");
	differ("淮安市人民政府办公室", "人民政府办公室");
	differ("淮安市财政局", "扬州市财政局");
	differ("洪泽区人民政府", "洪泽区人民政府办公室");
	CHECK(strcmp(fold(0, ""), "") == 0);
	return unit_end("org_test");
}
