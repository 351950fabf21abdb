/* SPDX-License-Identifier: MIT */
/* tsv_test: cells, key selection and near matches of gai_tsv. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "gai_tsv.h"
#include "unit.h"

static const char *
cells(enum gai_tsv_fmt fmt, const char *a, const char *b)
{
	static struct gai_buf buf;

	gai_buf_clear(&buf);
	gai_tsv_cell(&buf, fmt, 1, a);
	gai_tsv_cell(&buf, fmt, 0, b);
	gai_tsv_eol(&buf, fmt);
	return buf.data;
}

static void
test_cells(void)
{
	CHECK(strcmp(cells(GAI_TSV_TSV, "a\tb", "c\nd\re\\f"),
	    "a\\tb\tc\\nd\\re\\\\f\n") == 0);
	CHECK(strcmp(cells(GAI_TSV_TSV, "", "x,\"y\""), "\tx,\"y\"\n") == 0);
	CHECK(strcmp(cells(GAI_TSV_CSV, "plain", "a,b"), "plain,\"a,b\"\r\n") == 0);
	CHECK(strcmp(cells(GAI_TSV_CSV, "say \"hi\"", "\""),
	    "\"say \"\"hi\"\"\",\"\"\"\"\r\n") == 0);
	CHECK(strcmp(cells(GAI_TSV_CSV, "l1\nl2", "c\rr"),
	    "\"l1\nl2\",\"c\rr\"\r\n") == 0);
	CHECK(strcmp(cells(GAI_TSV_CSV, "tab\there", "back\\slash"),
	    "tab\there,back\\slash\r\n") == 0);
}

static const char *
key_at(const struct gai_tsv_sel *s, size_t i)
{
	return i < s->ncols ? s->cols[i].key : "(none)";
}

static void
test_sel(void)
{
	struct gai_tsv_sel s;
	struct gai_error err;
	size_t i, n;

	/*
	 * The default: every key once, meta.org_key after meta.org, the
	 * status columns last.
	 */
	CHECK(gai_tsv_sel_init(&s, GAI_TSV_WIDE, NULL, &err) == 0);
	n = gai_fields_count();
	/* FIELDS.md: 7 meta, 29 active (3 in both editions), 182 req, 15 appeal. */
	CHECK(n == 233, "%zu fields", n);
	CHECK(s.ncols == n + 1 + GAI_TSV_NSTATUS);
	CHECK(strcmp(key_at(&s, 1), "meta.org") == 0);
	CHECK(s.cols[2].kind == GAI_TSV_ORG_KEY);
	CHECK(strcmp(key_at(&s, 2), "meta.org_key") == 0);
	CHECK(s.cols[n + 1].kind == GAI_TSV_TABLES);
	CHECK(strcmp(key_at(&s, n + 3), "warnings") == 0);
	for (i = 0; i < n; i++)
		CHECK(gai_fields_index(gai_fields_at(i)->key) == (long)i);
	CHECK(strcmp(key_at(&s, 0), "meta.title") == 0);
	gai_tsv_sel_free(&s);
	/* Named, or by a glob; never a record key of --long. */
	CHECK(gai_tsv_sel_init(&s, GAI_TSV_WIDE, "meta.org_key,meta.year",
	    &err) == 0);
	CHECK(s.ncols == 2 && s.cols[0].kind == GAI_TSV_ORG_KEY);
	gai_tsv_sel_free(&s);
	CHECK(gai_tsv_sel_init(&s, GAI_TSV_WIDE, "meta.org*", &err) == 0);
	CHECK(s.ncols == 2 && s.cols[1].kind == GAI_TSV_ORG_KEY);
	gai_tsv_sel_free(&s);
	CHECK(gai_tsv_sel_init(&s, GAI_TSV_LONG, "meta.org_key", &err) ==
	    GAI_E_USAGE);
	gai_tsv_sel_free(&s);
	CHECK(gai_tsv_sel_init(&s, GAI_TSV_WIDE, NULL, &err) == 0);
	CHECK(s.cols[s.ncols - 1].kind == GAI_TSV_CHECKS_IDS);
	gai_tsv_sel_free(&s);

	/* The user's order, globs across dots, duplicates once. */
	CHECK(gai_tsv_sel_init(&s, GAI_TSV_WIDE,
	    "req.total.*, meta.year,appeal.*.total,meta.year,warn.x", &err) == 0);
	CHECK(s.ncols == 7 + 1 + 3 + 1);
	CHECK(strcmp(key_at(&s, 0), "req.total.natural_person") == 0);
	CHECK(strcmp(key_at(&s, 7), "meta.year") == 0);
	CHECK(strcmp(key_at(&s, 8), "appeal.review.total") == 0);
	CHECK(strcmp(key_at(&s, 10), "appeal.suit_after_review.total") == 0);
	CHECK(s.cols[11].kind == GAI_TSV_EXTRA);
	gai_tsv_sel_free(&s);

	/* '*' spans dots: every denied row's total. */
	CHECK(gai_tsv_sel_init(&s, GAI_TSV_WIDE, "req.denied*total", &err) == 0);
	CHECK(s.ncols == 8);
	gai_tsv_sel_free(&s);

	/* Errors. */
	CHECK(gai_tsv_sel_init(&s, GAI_TSV_WIDE, "meta.yaer", &err) ==
	    GAI_E_USAGE);
	CHECK(strstr(err.msg, "near matches: meta.year") != NULL);
	gai_tsv_sel_free(&s);
	CHECK(gai_tsv_sel_init(&s, GAI_TSV_WIDE, "check.*", &err) == GAI_E_USAGE);
	gai_tsv_sel_free(&s);
	CHECK(gai_tsv_sel_init(&s, GAI_TSV_LONG, "check.*", &err) == 0);
	CHECK(s.ncols == 1 && s.cols[0].kind == GAI_TSV_GLOB);
	gai_tsv_sel_free(&s);
	CHECK(gai_tsv_sel_init(&s, GAI_TSV_LONG, "checks_failed", &err) ==
	    GAI_E_USAGE);
	gai_tsv_sel_free(&s);
}

static const char *
near(const char *pattern)
{
	static struct gai_buf buf;

	CHECK(gai_tsv_near(&buf, pattern, 3) == 0);
	return buf.data != NULL ? buf.data : "";
}

static void
test_near(void)
{
	CHECK(strcmp(near("req.new.totl"), "req.new.total") == 0);
	CHECK(strcmp(near("req.*.totl"), "req.*.total") == 0);
	CHECK(strcmp(near("apeal.review.*"), "appeal.review.*") == 0);
	CHECK(strcmp(near("active.licence.change"), "active.license.change") == 0);
	CHECK(strncmp(near("req.foo"), "req.", 4) == 0);
	CHECK(strcmp(near("zzzzzzzzzz"), "") == 0);
	/* Keys in both editions are suggested once. */
	CHECK(strcmp(near("active.license.decision"),
	    "active.license.decisions") == 0);
}

static void
test_both_editions(void)
{
	long a = gai_fields_index("active.license.decisions");

	CHECK(a >= 0 && gai_fields_at((size_t)a)->editions ==
	    (GAI_ED_2019 | GAI_ED_2021));
	CHECK(strcmp(gai_tsv_label("active.license.decisions", GAI_ED_2019),
	    "二、主动公开政府信息情况/行政许可/处理决定数量") == 0);
	CHECK(strcmp(gai_tsv_label("active.license.decisions", GAI_ED_2021),
	    "二、主动公开政府信息情况/行政许可/本年处理决定数量") == 0);
	CHECK(gai_fields_index("no.such.key") == -1);
}

int
main(void)
{
	test_cells();
	test_sel();
	test_near();
	test_both_editions();
	return unit_end("tsv_test");
}
