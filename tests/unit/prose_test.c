/* SPDX-License-Identifier: MIT */
/* prose_test: gai_prose_scan on real report prose and on made-up sentences. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gai_prose.h"
#include "unit.h"

static char got[4096];

static char sentences[8192], said[8192];

static int
collect(void *ctx, const char *key, const char *value, const char *sentence,
    size_t n)
{
	(void)ctx;
	/* the sentences, for the trace */
	strcat(sentences, "[");
	strncat(sentences, sentence, n);
	strcat(sentences, "]");
	strcat(got, key);
	strcat(got, "=");
	strcat(got, value);
	strcat(got, ";");
	return 0;
}

/* Each line's GAI_PROSE_* marks, as gai-extract's pass makes them. */
static unsigned char marks[64], words[64];
static uint32_t wline[64];
static struct gai_prose_marks pm = { marks, wline, words, 0 };

static void
mark_lines(const char *text)
{
	const char *p = text, *nl, *te;
	struct gai_chars c;
	size_t line;
	unsigned b, w;

	memset(&c, 0, sizeof c);
	if (gai_prose_chars(&c, 1, 2) != 0) {
		printf("not ok: gai_prose_chars\n");
		unit_failures++;
	}
	memset(marks, 0, sizeof marks);
	pm.nw = 0;
	for (line = 0; *p != '\0' && line < 64; line++, p = nl + (*nl != 0)) {
		nl = p + strcspn(p, "\n");
		for (te = nl; te > p && te[-1] == ' '; te--)
			;
		for (w = 0; p < nl; p++)
			if (*p == '\t' || *p == '|')
				marks[line] |= GAI_PROSE_TABLE;
			else if ((unsigned char)*p >= 0xe0 &&
			    (unsigned char)*p < 0xf0) {	/* UTF-8 here */
				b = gai_chars_bits(&c, (const unsigned char *)p);
				if (b & 1)
					w |= gai_prose_words(p, (size_t)(te - p));
				if (b & 2)
					marks[line] |= GAI_PROSE_JIAN;
			}
		if (w != 0) {
			marks[line] |= GAI_PROSE_WORD;
			wline[pm.nw] = (uint32_t)line;
			words[pm.nw++] = (unsigned char)w;
		}
	}
}

/* The counts of text are want, read with the lines' marks or without. */
static void
expect(const char *text, const char *want)
{
	char plain[sizeof got];

	got[0] = '\0';
	if (gai_prose_scan(text, strlen(text), NULL, collect, NULL) != 0) {
		printf("not ok: scan failed on %s\n", text);
		unit_failures++;
		return;
	}
	if (strcmp(got, want) != 0) {
		printf("not ok: %s\n  want %s\n  got  %s\n", text, want, got);
		unit_failures++;
	}
	memcpy(plain, got, sizeof got);
	memcpy(said, sentences, sizeof said);
	got[0] = '\0';
	mark_lines(text);
	if (gai_prose_scan(text, strlen(text), &pm, collect, NULL) != 0 ||
	    strcmp(got, plain) != 0) {
		printf("not ok: with marks: %s\n  got  %s\n", text, got);
		unit_failures++;
	}
	memcpy(sentences, said, sizeof said);	/* once, for the trace */
}

int
main(void)
{
	/* Seed 000 (traditional characters). */
	expect("依法保障公眾合理信息需求。年內共接到申請10件,辦理10件,全部按時有效回復。"
	    "其中,已主動公開和同意公開的10件。因政府信息公開申請引發行政復議1件,審結后維持\n"
	    "原辦理結果。引發行政訴訟共0件。\n",
	    "prose.req.received=10;prose.appeal.review=1;prose.appeal.suit=0;");
	/* Each record with the sentence it was read from. */
	if (strcmp(sentences, "[年內共接到申請10件,辦理10件,全部按時有效回復。]"
	    "[因政府信息公開申請引發行政復議1件,審結后維持原辦理結果。]"
	    "[引發行政訴訟共0件。]") != 0) {
		printf("not ok: sentences %s\n", sentences);
		unit_failures++;
	}
	/* Corpus 002 (pdftotext -layout: a sentence wrapped anywhere). */
	expect("和针对性。2024 年，全市共受理政府信息公开申请 3119 件，答\n"
	    "复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度\n"
	    "答复），均在法定期限内予以答复。政府信息公开行政复议 351\n"
	    "件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚\n"
	    "未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25\n",
	    "prose.req.received=3119;prose.req.carried_in=34;"
	    "prose.req.answered=3050;prose.req.carried_out=103;"
	    "prose.appeal.review=351;prose.appeal.suit=46;");
	/* Corpus 004: a break inside 政府\n信息. */
	expect("2024 年，区政府办代表区政府受理政府\n"
	    "信息公开申请 17 件，均已在法定期限内予以答复。\n",
	    "prose.req.received=17;");
	/* Seed 004: 收到依申请公开信件3件. */
	expect("六盘水市人民政府办公室收到依申请公开信件3件,并及时规范办理答复,\n",
	    "prose.req.received=3;");
	/* The forms of the brief, and Chinese numerals. */
	expect("共收到政府信息公开申请859件。", "prose.req.received=859;");
	expect("答复政府信息公开申请805件（含上年度结转申请18件，72件顺延到下年度）。",
	    "prose.req.carried_in=18;prose.req.answered=805;"
	    "prose.req.carried_out=72;");
	expect("行政复议7件，行政诉讼9件。",
	    "prose.appeal.review=7;prose.appeal.suit=9;");
	expect("全年共收到申请十件。", "prose.req.received=10;");
	expect("收到申请两件。", "prose.req.received=2;");
	expect("受理申请二十三件。", "prose.req.received=23;");
	expect("共接到申请一百零五件。", "prose.req.received=105;");
	expect("发生行政復議兩件，行政訴訟十二件。",
	    "prose.appeal.review=2;prose.appeal.suit=12;");
	expect("结转下年度继续办理5件申请。", "prose.req.carried_out=5;");
	expect("申请结转下年度继续办理5件。", "prose.req.carried_out=5;");
	/* The first statement wins. */
	expect("收到申请4件。另收到申请6件。", "prose.req.received=4;");
	/* Conservative: no 件, another clause, a table row, no 申请. */
	expect("收到申请,共计10人次。", "");
	expect("收到申请较去年增加,达到10件。", "");
	expect("一、本年新收政府信息公开申请数量\t10\t0\t0\n", "");
	expect("答复群众来信12件。", "");
	expect("未出现因政府信息公开产生行政复议、行政诉讼情况。", "");
	/* A paragraph whose lines are marked without 件, or without the
	 * words of a pattern, is not read for it. */
	mark_lines("收到申请4件。\n");
	got[0] = '\0';
	marks[0] &= ~GAI_PROSE_JIAN;
	if (gai_prose_scan("收到申请4件。\n", 20, &pm, collect, NULL) != 0 ||
	    got[0] != '\0') {
		printf("not ok: marks without 件: %s\n", got);
		unit_failures++;
	}
	marks[0] |= GAI_PROSE_JIAN;
	words[0] = 2;
	if (gai_prose_scan("收到申请4件。\n", 20, &pm, collect, NULL) != 0 ||
	    got[0] != '\0') {
		printf("not ok: marks without the word: %s\n", got);
		unit_failures++;
	}
	/* a word a line break splits (申\n请) is looked for again */
	mark_lines("收到申\n请4件。\n");
	if (pm.nw != 1 || wline[0] != 0 || words[0] != GAI_PROSE_MAYBE) {
		printf("not ok: a split word's marks\n");
		unit_failures++;
	}
	expect("收到申  \n请4件。\n", "prose.req.received=4;");
	expect("收到申请\n4件。另收到申\n", "prose.req.received=4;");
	return unit_end("prose_test");
}
