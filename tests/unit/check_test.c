/* SPDX-License-Identifier: MIT */
/* check_test: gai_check gives the same records with and without its shape cache. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gai_check.h"
#include "gai_rec.h"
#include "gai_rules.h"
#include "unit.h"

/*
 * gai_check works out what depends on a document's key list once per
 * list (a shape) and keeps at most a few hundred of them; past that, a
 * document takes the general path.  The records must not tell the two
 * apart: each report here is checked once by a fresh checker (shapes made
 * and used), once more by it (shapes found again), and by a checker
 * whose cache was filled up by other key lists first (the general path).
 */

#define NFILLER 400	/* more key lists than gai_check keeps shapes */

static char got[3][16384];

static int
collect(void *ctx, size_t rule, enum gai_check_outcome o, const char *key,
    const char *value)
{
	char *out = ctx;

	(void)rule;
	snprintf(out + strlen(out), sizeof(got[0]) - strlen(out),
	    "%d %s\t%s\n", (int)o, key, value);
	return 0;
}

/* Records "key=value;..." of a report, its body's name for the %s. */
static void
fill(struct gai_recset *set, const char *doc, const char *recs,
    const char *org)
{
	char buf[4096], *kv, *eq, *save;

	gai_recset_clear(set, doc);
	snprintf(buf, sizeof(buf), recs, org);
	for (kv = strtok_r(buf, ";", &save); kv != NULL;
	    kv = strtok_r(NULL, ";", &save)) {
		eq = strchr(kv, '=');
		*eq = '\0';
		CHECK(gai_recset_add(set, kv, eq + 1) == 0);
	}
}

static const char *reports[][2] = {
	{ "a2020", "meta.org=%s;meta.year=2020;meta.edition=2021;"
	    "req.new.total=10;req.new.natural_person=6;req.new.commercial=4;"
	    "req.carried_in.total=1;req.total.total=9;"
	    "req.carried_out.total=3;req.carried_out.natural_person=;"
	    "appeal.review.total=2;appeal.review.upheld=1;"
	    "appeal.review.corrected=1;appeal.review.other=0;"
	    "appeal.review.pending=0;appeal.suit_direct.total=x;"
	    "active.rules.in_force=5;active.rules.issued=1;"
	    "active.rules.repealed=0;active.fees.amount=-1.5;"
	    "prose.req.received=11;req.new.total=99" },
	{ "a2021", "meta.org=%s;meta.year=2021;meta.edition=2021;"
	    "req.new.total=4;req.new.natural_person=4;req.carried_in.total=3;"
	    "req.carried_in.natural_person=2;req.total.total=5;"
	    "req.carried_out.total=2;active.rules.in_force=7;"
	    "active.rules.issued=1;active.rules.repealed=0;"
	    "prose.req.received=5" },
};

#define NREPORT (sizeof(reports) / sizeof(reports[0]))

/*
 * Check the reports with c as those of body org, their records into out.
 * Another body's reports are not compared with these year over year.
 */
static void
run(struct gai_check *c, struct gai_recset *set, const char *org, char *out)
{
	size_t i;

	out[0] = '\0';
	for (i = 0; i < NREPORT; i++) {
		fill(set, reports[i][0], reports[i][1], org);
		CHECK(gai_check_doc(c, set, collect, out) == 0);
	}
}

/*
 * Two key lists that a shape's hash cannot tell apart (the same key
 * lengths and last bytes) are still two shapes: the second report is
 * checked by its own keys.
 */
static void
alike_lists(void)
{
	static const char text[] = "same: k.a = k.b\n";
	struct gai_rules rules = GAI_RULES_INIT;
	struct gai_recset set = GAI_RECSET_INIT;
	struct gai_check *c;
	char out[256] = "";

	CHECK(gai_rules_parse(&rules, text, strlen(text), NULL) == 0);
	CHECK((c = gai_check_new(&rules)) != NULL);
	if (c == NULL)
		return;
	fill(&set, "d1", "k.a=1;k.b=1", "");
	CHECK(gai_check_doc(c, &set, collect, out) == 0);
	fill(&set, "d2", "j.a=1;k.b=2", "");
	CHECK(gai_check_doc(c, &set, collect, out) == 0);
	CHECK(strcmp(out, "0 check.same\tok\n2 check.same\tskip: no k.a\n")
	    == 0, "got:\n%s", out);
	gai_check_free(c);
	gai_recset_free(&set);
	gai_rules_free(&rules);
}

int
main(void)
{
	struct gai_rules rules = GAI_RULES_INIT;
	struct gai_recset set = GAI_RECSET_INIT;
	struct gai_check *fresh, *full;
	char filler[64], scratch[sizeof(got[0])];
	size_t i;

	CHECK(gai_rules_parse(&rules, gai_rules_builtin,
	    strlen(gai_rules_builtin), NULL) == 0);
	fresh = gai_check_new(&rules);
	full = gai_check_new(&rules);
	CHECK(fresh != NULL && full != NULL);
	if (fresh == NULL || full == NULL)
		return unit_end("check_test");

	run(fresh, &set, "甲局", got[0]);
	run(fresh, &set, "乙局", got[1]);
	for (i = 0; i < NFILLER; i++) {
		snprintf(filler, sizeof(filler), "req.new.k%zu=1", i);
		fill(&set, "filler", filler, "");
		scratch[0] = '\0';
		CHECK(gai_check_doc(full, &set, collect, scratch) == 0);
	}
	run(full, &set, "甲局", got[2]);

	/* The records cover ok, fail and skip, of each kind of rule. */
	CHECK(strstr(got[0], "0 check.appeal_sum.review\tok") != NULL);
	CHECK(strstr(got[0], "1 check.req_col_balance.total\tfail: ") != NULL);
	CHECK(strstr(got[0], "2 check.req_row_sum.new\tskip: ") != NULL);
	CHECK(strstr(got[0], "1 check.amount_nonneg\tfail: ") != NULL);
	CHECK(strstr(got[0], "check.yoy_carry.total\tok") != NULL);
	CHECK(strstr(got[0], "1 check.yoy_in_force.rules\tfail: ") != NULL);
	/* The first record of a repeated key counts: 10 + 1, not 99 + 1. */
	CHECK(strstr(got[0], "0 check.prose_received\tok") != NULL);
	CHECK(strcmp(got[0], got[1]) == 0, "found again:\n%s\nfirst:\n%s",
	    got[1], got[0]);
	CHECK(strcmp(got[0], got[2]) == 0, "general path:\n%s\nshapes:\n%s",
	    got[2], got[0]);

	alike_lists();
	gai_check_free(fresh);
	gai_check_free(full);
	gai_recset_free(&set);
	gai_rules_free(&rules);
	return unit_end("check_test");
}
