/* SPDX-License-Identifier: MIT */
/* extract_test: the intricate parts of gai-extract: numbers and splits. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gai_extract_impl.h"
#include "gai_fields.h"
#include "gai_normalize.h"
#include "gai_prose.h"
#include "gai_text.h"
#include "unit.h"


static void
parse(const char *cell, int want_rc, const char *want, unsigned want_fl)
{
	struct gai_buf b = GAI_BUF_INIT;
	unsigned fl = 0;
	int rc = gx_num_parse(cell, strlen(cell), &b, &fl);
	const char *got = b.data != NULL ? b.data : "";

	if (rc != want_rc || (rc == 1 && strcmp(got, want) != 0) ||
	    (rc == 1 && fl != want_fl)) {
		printf("FAIL parse \"%s\": rc %d value \"%s\" flags %#x, want "
		    "%d \"%s\" %#x\n", cell, rc, got, fl, want_rc, want,
		    want_fl);
		unit_failures++;
	}
	gai_buf_free(&b);
}

static void
div10k(const char *s, const char *want)
{
	struct gai_buf b = GAI_BUF_INIT;

	gx_num_div10k(s, &b);
	if (strcmp(b.data, want) != 0) {
		printf("FAIL div10k %s: %s, want %s\n", s, b.data, want);
		unit_failures++;
	}
	gai_buf_free(&b);
}

static const struct gx_ident req[] = { { 0, 5, 6 } };
static const struct gx_ident appeal[] = {
	{ 0, 3, 4 }, { 5, 8, 9 }, { 10, 13, 14 }
};

/*
 * Split d (digits, points, spaces and units as in glued text) into k
 * numbers: want_n readings; when there is one, want is it ("1|0|15");
 * dec: the columns that may hold a decimal.
 */
static void
splitd(const char *d, int k, unsigned dec, const struct gx_ident *id,
    size_t nid, int want_n, const char *want)
{
	struct gx_run r;
	unsigned char cuts[2 * (GX_MAXCOLS + 1)];
	char got[256] = "";
	size_t o = 0;
	int i, n = gx_run_make(&r, d, strlen(d)) < 0 ? 0 :
	    gx_num_split(&r, k, dec, id, nid, cuts, 1);

	if (n == 1)
		for (i = 0; i < k; i++)
			o += (size_t)snprintf(got + o, sizeof got - o, "%s%.*s",
			    i ? "|" : "", (int)(cuts[i + 1] - cuts[i]),
			    r.d + cuts[i]);
	if (n != want_n || (n == 1 && strcmp(got, want) != 0)) {
		printf("FAIL split %s into %d: %d solutions (%s), want %d "
		    "(%s)\n", d, k, n, got, want_n, want);
		unit_failures++;
	}
}

static void
split(const char *d, int k, const struct gx_ident *id, size_t nid,
    int want_n, const char *want)
{
	splitd(d, k, 0, id, nid, want_n, want);
}

/* Where a run's cell ends in the text: after the unit that ends it. */
static void
run_cells(void)
{
	struct gx_run r;
	const char *s = "12 5万元7";

	if (gx_run_make(&r, s, strlen(s)) < 0 || r.n != 4 ||
	    strcmp(r.d, "1257") != 0 || !r.sure[2] || !r.sure[3] ||
	    r.sure[1] || r.end[3] != s + 10 || r.end[2] != s + 2 ||
	    r.src[3] != s + 10) {
		printf("FAIL run_make \"%s\"\n", s);
		unit_failures++;
	}
	if (gx_run_make(&r, "12件件", 8) != 0 || gx_run_make(&r, "元12", 5) == 0 ||
	    gx_run_make(&r, "1a2", 3) == 0 || gx_run_make(&r, " ", 1) == 0) {
		printf("FAIL run_make: units only after digits\n");
		unit_failures++;
	}
}

/* The value of key among the records, or NULL; *how its note. */
static const char *
rec(const struct gai_extract *x, const char *key, const char **how)
{
	size_t i;

	for (i = 0; i < gai_extract_count(x); i++)
		if (strcmp(gai_extract_at(x, i)->key, key) == 0) {
			if (how != NULL)
				*how = gai_extract_at(x, i)->how;
			return gai_extract_at(x, i)->value;
		}
	return NULL;
}

/* How many records of key start with prefix. */
static int
count(const struct gai_extract *x, const char *key, const char *prefix)
{
	size_t i;
	int n = 0;

	for (i = 0; i < gai_extract_count(x); i++)
		n += strcmp(gai_extract_at(x, i)->key, key) == 0 &&
		    strncmp(gai_extract_at(x, i)->value, prefix,
		    strlen(prefix)) == 0;
	return n;
}

#define REQ_HEAD "三、收到和处理政府信息公开申请情况\n"
#define NEW "一、本年新收政府信息公开申请数量\t"
#define CARRIED "二、上年结转政府信息公开申请数量\t"
#define TOTAL "(七)总计\t"
#define OUT "四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n"

/*
 * The resolver: rows whose digits ran together, decided jointly by the
 * column identities, or left open with warn.ambiguous.
 */
static void
resolver(void)
{
	struct gai_error err;
	struct gai_extract *x = gai_extract_new(&err);
	const char *v, *how = NULL;
	/* 101000011: 10|1|0|0|0|0|11 or 1|0|10|0|0|0|11, in both rows; only
	 * the first for both fits 一 + 二 = 总计 + 四 with 总计 20|2|0 */
	static const char joint[] = REQ_HEAD NEW "101000011\n" CARRIED
	    "101000011\n" TOTAL "20\t2\t0\t0\t0\t0\t22\n" OUT;
	/* 总计 11|1|10: one row of each reading, but which is which? */
	static const char two[] = REQ_HEAD NEW "101000011\n" CARRIED
	    "101000011\n" TOTAL "11\t1\t10\t0\t0\t0\t22\n" OUT;
	/* 总计 unread: nothing to decide by; a row with no reading */
	static const char open[] = REQ_HEAD NEW "101000011\n" CARRIED
	    "1111111\n" TOTAL "若干\t1\t10\t0\t0\t0\t22\n" OUT;

	CHECK(x != NULL);
	if (x == NULL)
		return;
	CHECK(gai_extract_doc(x, joint, strlen(joint), 1, &err) == GAI_OK);
	CHECK((v = rec(x, "req.new.natural_person", &how)) != NULL &&
	    strcmp(v, "10") == 0);
	CHECK(how != NULL && strcmp(how, "10|1|0|0|0|0|11 (the only one of "
	    "its 2 readings that fits the column identities: 一+二 = "
	    "(七)总计+四)") == 0, "how: %s", how ? how : "(none)");
	CHECK((v = rec(x, "req.carried_in.research", NULL)) != NULL &&
	    strcmp(v, "0") == 0);
	CHECK(count(x, "warn.split", "req.carried_in: cell \"101000011\" "
	    "read as 10|1|0|0|0|0|11") == 1);
	CHECK(count(x, "warn.ambiguous", "") == 0);

	CHECK(gai_extract_doc(x, two, strlen(two), 1, &err) == GAI_OK);
	CHECK(rec(x, "req.new.natural_person", NULL) == NULL);
	CHECK(rec(x, "req.carried_in.research", NULL) == NULL);
	/* the cells every reading left agrees on are read */
	CHECK((v = rec(x, "req.new.total", &how)) != NULL &&
	    strcmp(v, "11") == 0 && how != NULL &&
	    strstr(how, "the same in each of the 2 readings") != NULL);
	CHECK(count(x, "warn.ambiguous", "req.new: digits \"101000011\" can "
	    "be read 2 ways that fit the column identities (一+二 = "
	    "(七)总计+四): 1|0|10|0|0|0|11, 10|1|0|0|0|0|11;") == 1);
	CHECK(count(x, "warn.ambiguous", "req.carried_in:") == 1);

	CHECK(gai_extract_doc(x, open, strlen(open), 1, &err) == GAI_OK);
	CHECK(rec(x, "req.new.natural_person", NULL) == NULL);
	CHECK(count(x, "warn.ambiguous", "req.new: digits \"101000011\" can "
	    "be read 2 ways and none fits") == 0);
	CHECK(count(x, "warn.ambiguous", "req.new: digits \"101000011\" can "
	    "be read 2 ways that fit the row's identities") == 1);
	CHECK(count(x, "warn.row_unread", "req.carried_in: the label is at "
	    "line 3 but its values cannot be read for certain: cell "
	    "\"1111111\" holds 7 columns run together and no reading") == 1);
	gai_extract_free(x);
}

/*
 * The joint search is bounded: twenty-one results rows of two readings
 * each (10|1|0|0|0|0|11 or 1|0|10|0|0|0|11) and a 总计 that no choice
 * reaches, though each of its columns alone could be reached (ten rows
 * the first way for 商业企业's 10, nine the second for 科研机构's 90, but
 * 111 for 自然人 needs ten and eleven): bounding the sums column by
 * column leaves more than the budget to try, so every row is left open,
 * none is guessed.
 */
static void
budget(void)
{
	static const char *const labels[] = {
		"(一)予以公开", "(二)部分公开", "1.属于国家秘密",
		"2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
		"4.保护第三方合法权益", "5.属于三类内部事务信息",
		"6.属于四类过程性信息", "7.属于行政执法案卷",
		"8.属于行政查询事项", "1.本机关不掌握相关政府信息",
		"2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
		"1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
		"4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
		"1.申请人无正当理由逾期不补正", "2.申请人逾期未按收费通知要求缴纳费用",
		"3.其他", NULL
	};
	struct gai_error err;
	struct gai_extract *x = gai_extract_new(&err);
	struct gai_buf doc = GAI_BUF_INIT;
	size_t i;

	CHECK(x != NULL);
	if (x == NULL)
		return;
	gai_buf_puts(&doc, REQ_HEAD);
	for (i = 0; labels[i] != NULL; i++) {
		gai_buf_puts(&doc, labels[i]);
		gai_buf_puts(&doc, "\t101000011\n");
	}
	gai_buf_puts(&doc, TOTAL "111\t10\t90\t0\t0\t0\t231\n");
	CHECK(gai_extract_doc(x, doc.data, doc.len, 1, &err) == GAI_OK);
	CHECK(rec(x, "req.granted.natural_person", NULL) == NULL);
	CHECK(count(x, "warn.ambiguous", "req.granted: digits \"101000011\" "
	    "can be read 2 ways (too many to try with the column "
	    "identities):") == 1);
	CHECK(count(x, "warn.ambiguous", "") == 21, "%d",
	    count(x, "warn.ambiguous", ""));
	gai_buf_free(&doc);
	gai_extract_free(x);
}

/* All of x's records as "key=value;" in out. */
static void
records(const struct gai_extract *x, struct gai_buf *out)
{
	size_t i;

	gai_buf_clear(out);
	for (i = 0; i < gai_extract_count(x); i++) {
		gai_buf_puts(out, gai_extract_at(x, i)->key);
		gai_buf_putc(out, '=');
		gai_buf_puts(out, gai_extract_at(x, i)->value);
		gai_buf_putc(out, ';');
	}
}

/*
 * The memo of cells seen before: a report read after thousands of other
 * cells (the memo filled and emptied on the way), read again, and read by
 * a new extractor all give the same records; a label seen first with
 * other spacing still ends where its own text says.
 */
static void
memo(void)
{
	static const char doc[] = REQ_HEAD NEW "3\t0\t0\t0\t0\t0\t3\n"
	    CARRIED "0\t0\t0\t0\t0\t0\t0\n" TOTAL "3\t0\t0\t0\t0\t0\t3\n"
	    OUT;
	static const char spaced[] = REQ_HEAD
	    "一、本年新收 政府信息 公开申请数量\t3\t0\t0\t0\t0\t0\t3\n";
	struct gai_error err;
	struct gai_extract *x = gai_extract_new(&err), *y = gai_extract_new(&err);
	struct gai_buf first = GAI_BUF_INIT, got = GAI_BUF_INIT,
	    many = GAI_BUF_INIT;
	char cell[64];
	int i;

	CHECK(x != NULL && y != NULL);
	if (x == NULL || y == NULL)
		return;
	CHECK(gai_extract_doc(x, doc, strlen(doc), 1, &err) == GAI_OK);
	records(x, &first);
	CHECK(strstr(first.data, "req.new.total=3;") != NULL, "%s", first.data);
	gai_buf_puts(&many, REQ_HEAD);
	for (i = 0; i < 5000; i++) {
		snprintf(cell, sizeof cell, "说明第%d条\t\n", i);
		gai_buf_puts(&many, cell);
	}
	gai_buf_puts(&many, doc + strlen(REQ_HEAD));
	CHECK(gai_extract_doc(x, many.data, many.len, 1, &err) == GAI_OK);
	records(x, &got);
	CHECK(strstr(got.data, "req.new.total=3;") != NULL, "%s", got.data);
	CHECK(gai_extract_doc(x, doc, strlen(doc), 1, &err) == GAI_OK);
	records(x, &got);
	CHECK(strcmp(got.data, first.data) == 0, "again: %s", got.data);
	CHECK(gai_extract_doc(y, doc, strlen(doc), 1, &err) == GAI_OK);
	records(y, &got);
	CHECK(strcmp(got.data, first.data) == 0, "new: %s", got.data);
	/* the label's end, where the numbers after it start, is mapped back
	 * through this cell's own spaces */
	CHECK(gai_extract_doc(x, spaced, strlen(spaced), 1, &err) == GAI_OK);
	CHECK(rec(x, "req.new.total", NULL) != NULL &&
	    strcmp(rec(x, "req.new.total", NULL), "3") == 0);
	gai_buf_free(&first);
	gai_buf_free(&got);
	gai_buf_free(&many);
	gai_extract_free(x);
	gai_extract_free(y);
}

/* Where the first of c's characters is in s[0..n), byte after byte. */
static size_t
chars_bytewise(const struct gai_chars *c, const char *s, size_t n)
{
	size_t i, k;

	for (i = 0; i + 3 <= n; i++)
		for (k = 0; k < c->n; k++)
			if (memcmp(s + i, c->c[k], 3) == 0)
				return i;
	return n;
}

/*
 * gai_chars_find steps over a character at a time: on random text of
 * Han, ASCII and broken sequences (a lead byte without its continuation
 * bytes, stray continuation bytes) it finds what a search at every byte
 * finds.
 */
static void
chars_random(void)
{
	static const char *const pieces[] = {
		"废", "止", "本年", "a", "1 ", "\xE5", "\xE5\x85", "\x85",
		"\xBA\x9F", "é", "科", "\xE5\xBA"
	};
	struct gai_chars c;
	char s[128];
	size_t n, k, bad = 0;
	int round;

	CHECK(gai_chars_init(&c, "废科", 1) == 0);
	srand(7);
	for (round = 0; round < 20000; round++) {
		n = unit_pieces(s, pieces, sizeof pieces / sizeof pieces[0],
		    60);
		for (k = 0; k <= n; k += 1 + (size_t)(rand() % 5))
			if (gai_chars_find(&c, s, k) != chars_bytewise(&c, s,
			    k) && bad++ < 5)
				CHECK(0, "chars_find: round %d, %zu bytes",
				    round, k);
	}
}

/* Does s[0..n) hold one of the words w (NULL ends)? */
static int
holds(const char *s, size_t n, const char *const *w)
{
	for (; *w != NULL; w++)
		if (memmem(s, n, *w, strlen(*w)) != NULL)
			return 1;
	return 0;
}

/*
 * gx_scan's marks are what each matcher finds on the line alone: the
 * heading filter's characters, gx_glue_hint's pairs, 件, 年, 时 or 日, a
 * TAB or '|' (the prose's words: prose_marks); every
 * mark on a line that is not UTF-8 (a TAB or '|' told as on any other);
 * whether the text is UTF-8 and holds a NUL; and the fold's span, on
 * random lines of Han, ASCII, what folds and broken sequences.
 */
static void
scan_random(void)
{
	static const char *const pieces[] = {
		"况", "題", "项", "废", "止", "廢", "新", "製", "制", "件",
		"申", "結", "行", "办", "答", "顺", " ", "*", "#", "a", "\t",
		"|", "\n", "\n", "本年", "12345678", "、", "ab|cdefgh", "1234|", "é", "（", "\xC2\xA0",
		"\r", "\xE5", "\xE5\xBA", "\x85", "亟", "𠀀", "　",
		"\xED\xA0\x80", "\xE0\x80\x80", "\xEF\xBF\xBD", "\xC0\x80",
		"时", "時", "日"
	};
	static const char *const jian[] = { "件", NULL },
	    *const year[] = { "年", NULL },
	    *const date[] = { "时", "時", "日", NULL };
	struct gai_error err;
	struct gai_extract *x = gai_extract_new(&err);
	struct gx_scanned sc;
	char s[256];
	size_t n, ls, le, line, bad = 0;
	unsigned want, table;
	int round;

	if (x == NULL) {
		CHECK(0, "gai_extract_new");
		return;
	}
	srand(11);
	for (round = 0; round < 20000; round++) {
		n = unit_pieces(s, pieces, sizeof pieces / sizeof pieces[0],
		    120);
		if (round % 7 == 0)	/* a NUL, which no piece can be */
			s[(size_t)rand() % n] = '\0';
		if (gx_scan(x, s, n, &sc) != 0 ||
		    sc.fold != gai_text_fold_span(s, n) ||
		    sc.utf8 != (gai_text_valid_utf8(s, n) == n) ||
		    sc.nul != (memchr(s, '\0', n) != NULL)) {
			if (bad++ < 5)
				CHECK(0, "scan: round %d: fold %zu, utf8 %d, "
				    "nul %d", round, sc.fold, sc.utf8, sc.nul);
			continue;
		}
		for (ls = 0, line = 0; ls < n; ls = le + 1, line++) {
			const char *q = memchr(s + ls, '\n', n - ls);

			le = q != NULL ? (size_t)(q - s) : n;
			table = memchr(s + ls, '\t', le - ls) != NULL ||
			    memchr(s + ls, '|', le - ls) != NULL ?
			    GAI_PROSE_TABLE : 0;
			if (gai_text_valid_utf8(s + ls, le - ls) < le - ls)
				want = (GX_L_ALL & ~GAI_PROSE_TABLE) | table;
			else
				want = (gai_chars_find(&x->head_chars, s + ls,
				    le - ls) < le - ls ? GX_L_HEAD : 0) |
				    (gx_glue_hint(x, s + ls, le - ls) ?
				    GX_L_GLUE : 0) |
				    (holds(s + ls, le - ls, jian) ?
				    GAI_PROSE_JIAN : 0) |
				    (holds(s + ls, le - ls, year) ?
				    GX_L_YEAR : 0) |
				    (holds(s + ls, le - ls, date) ?
				    GX_L_DATE : 0) | table;
			/* the prose's words: prose_marks() */
			if (want != GX_L_ALL - GAI_PROSE_TABLE + table)
				want |= x->lmark[line] & GAI_PROSE_WORD;
			if (x->lmark[line] != want && bad++ < 5)
				CHECK(0, "scan: round %d line %zu: %#x, not %#x",
				    round, line, x->lmark[line], want);
		}
	}
	gai_extract_free(x);
}

static char prose_got[2][4096];

static int
prose_take(void *ctx, const char *key, const char *value, const char *s,
    size_t n)
{
	char *got = ctx;
	size_t k = strlen(got);

	snprintf(got + k, 4096 - k, "%s=%s[%.*s];", key, value, (int)n, s);
	return 0;
}

/*
 * The prose read with the lines' marks (its words, 件, table rows) finds
 * what it finds reading every paragraph, on random lines of the words,
 * their characters apart, counts, clauses, line breaks and spaces.
 */
static void
prose_marks(void)
{
	static const char *const pieces[] = {
		"申请", "申", "请", "請", "收到", "受理", "答复", "答", "复",
		"办结", "结转", "結轉", "结", "轉", "上年度", "下年度", "顺延",
		"行政复议", "行政", "复议", "行政诉讼", "诉讼", "件", "件",
		"3", "12", "十", "。", "，", "\n", "\n", " ", "  ", "\t", "|",
		"（含", "）", "a", "共", "收到申请3件", "收到申\n请3件",
		"答复12件", "答\n复 12 件", "上年度结转5件", "行政复\n议2件",
		"顺延到下年度4件", "行政诉讼1件", "\xE5"
	};
	struct gai_error err;
	struct gai_extract *x = gai_extract_new(&err);
	struct gai_prose_marks pm;
	struct gx_scanned sc;
	char s[256];
	size_t n, bad = 0, found = 0;
	int round;

	if (x == NULL) {
		CHECK(0, "gai_extract_new");
		return;
	}
	srand(13);
	for (round = 0; round < 20001; round++) {
		n = unit_pieces(s, pieces, sizeof pieces / sizeof pieces[0],
		    90);
		/* a line not UTF-8 whose word the next line finishes: its
		 * own words are not all of the paragraph's */
		if (round == 20000)
			n = (size_t)snprintf(s, sizeof s, "%s",
			    "收到答复\xE7\x94\n\xB3请4件，办结3件。\n");
		prose_got[0][0] = prose_got[1][0] = '\0';
		if (gx_scan(x, s, n, &sc) != 0)
			continue;
		pm.line = x->lmark;
		pm.wline = x->wline;
		pm.words = x->words;
		pm.nw = x->nw;
		if (gai_prose_scan(s, n, &pm, prose_take, prose_got[0]) != 0 ||
		    gai_prose_scan(s, n, NULL, prose_take, prose_got[1]) != 0 ||
		    strcmp(prose_got[0], prose_got[1]) != 0) {
			if (bad++ < 5)
				CHECK(0, "prose marks: round %d: %s, not %s",
				    round, prose_got[0], prose_got[1]);
		}
		found += prose_got[1][0] != '\0';
	}
	CHECK(found > 5000, "prose marks: %zu texts with counts", found);
	gai_extract_free(x);
}

/*
 * The page's date and the year, read only from lines that can hold them
 * (the lines' marks): 时间, 時間, 日期 or date before the date, 年 after
 * the year, a year alone after '#'.
 */
static void
meta_lines(void)
{
	static const struct { const char *text, *key, *want; } doc[] = {
		{ "首页\n发布时间：2023-05-06\n", "meta.published", "2023-05-06" },
		{ "首頁\n發布時間:2023年5月6日\n", "meta.published", "2023-05-06" },
		{ "x\n日期 2022/12/1\n", "meta.published", "2022-12-01" },
		{ "x\ny\ndate:2021.1.2\n", "meta.published", "2021-01-02" },
		{ "首页\n本机关2022年共收到\n", "meta.year", "2022" },
		{ "首页\n# 2020\n", "meta.year", "2020" },
		{ "首页\n2020\n", "meta.year", NULL },
	};
	struct gai_error err;
	struct gai_extract *x = gai_extract_new(&err);
	const char *v;
	size_t i;

	if (x == NULL) {
		CHECK(0, "gai_extract_new");
		return;
	}
	for (i = 0; i < sizeof doc / sizeof doc[0]; i++) {
		CHECK(gai_extract_doc(x, doc[i].text, strlen(doc[i].text), 1,
		    &err) >= 0);
		v = rec(x, doc[i].key, NULL);
		CHECK(doc[i].want != NULL ? v != NULL &&
		    strcmp(v, doc[i].want) == 0 : v == NULL,
		    "meta %zu: %s %s", i, doc[i].key, v != NULL ? v : "none");
	}
	gai_extract_free(x);
}

/*
 * gai_extract_stream1 tells stream 1 from a raw page as
 * gai_normalize_is_stream1 does, and reads stream 1 as gai_extract_doc.
 */
static void
stream1(void)
{
	static const struct { const char *s; size_t n; } doc[] = {
		{ "一、总体情况\n规章\t3\t0\t15\n", 0 },
		{ "", 0 },
		{ "\xEF\xBB\xBF一、总体情况\n", 0 },
		{ "<html><body>一、总体情况</body></html>\n", 0 },
		{ "<!DOCTYPE html>\n<p>x</p>\n", 0 },
		{ "一、总体\0情况\n", 16 },
		{ "一、总体\xE6\x83情况\n", 0 },
		{ "\xD2\xBB\xA1\xA2\xD7\xDC\xCC\xE5\n", 0 },
		{ "一、\r\n（一）情况\xE3\x80\x80\n", 0 },
	};
	struct gai_error err;
	struct gai_extract *x = gai_extract_new(&err), *y =
	    gai_extract_new(&err);
	struct gai_buf a = GAI_BUF_INIT, b = GAI_BUF_INIT;
	size_t i, n;
	int rc, want;

	if (x == NULL || y == NULL) {
		CHECK(0, "gai_extract_new");
		gai_extract_free(x);
		gai_extract_free(y);
		return;
	}
	for (i = 0; i < sizeof doc / sizeof doc[0]; i++) {
		n = doc[i].n > 0 ? doc[i].n : strlen(doc[i].s);
		want = gai_normalize_is_stream1(doc[i].s, n, 0);
		rc = gai_extract_stream1(x, doc[i].s, n, 1, &err);
		CHECK(want ? rc >= 0 : rc == GAI_E_ENCODING,
		    "stream1 %zu: %d, is_stream1 %d", i, rc, want);
		if (!want)
			continue;
		records(x, &a);
		CHECK(gai_extract_doc(y, doc[i].s, n, 1, &err) == rc,
		    "stream1 %zu: the same status", i);
		records(y, &b);
		CHECK(strcmp(a.data != NULL ? a.data : "", b.data != NULL ?
		    b.data : "") == 0, "stream1 %zu: the same records", i);
	}
	gai_buf_free(&a);
	gai_buf_free(&b);
	gai_extract_free(x);
	gai_extract_free(y);
}

/*
 * gai_extract_stream1_buf folds text that is not folded yet where it is,
 * in pieces: the text left is what gai_text_fold makes of it, the records
 * those of gai_extract_doc, wherever a piece ends (in a character, a CR
 * LF, a CR whose LF comes later): the document shifted a byte at a time
 * past the end of the first piece of 512 KiB.
 */
static void
stream1_in_place(void)
{
	static const char unit[] = "表（一）\r\n规章\t3\t0\xE3\x80\x80" "15\r"
	    "\r\n情况\xEF\xBC\x9A\xC2\xA0况\n";
	struct gai_error err;
	struct gai_extract *x = gai_extract_new(&err), *y =
	    gai_extract_new(&err);
	struct gai_buf doc = GAI_BUF_INIT, own = GAI_BUF_INIT,
	    want = GAI_BUF_INIT, a = GAI_BUF_INIT, b = GAI_BUF_INIT;
	struct gai_fold st = { 0, 0 };
	size_t shift;
	int rc;

	if (x == NULL || y == NULL) {
		CHECK(0, "gai_extract_new");
		goto done;
	}
	for (shift = 0; shift < sizeof unit - 1; shift++) {
		/* folding first changes byte 0: the pieces start there */
		gai_buf_clear(&doc);
		gai_buf_puts(&doc, "（一）二、主动公开政府信息情况\n");
		while (doc.len < ((size_t)1 << 18) + shift)
			gai_buf_putc(&doc, 'x');
		while (doc.len < ((size_t)3 << 18))
			gai_buf_puts(&doc, unit);
		gai_buf_putc(&doc, '\r');	/* a CR last: the fold's end */
		gai_buf_clear(&want);
		gai_text_fold(&st, &want, doc.data, doc.len);
		gai_text_fold_end(&st, &want);
		gai_buf_clear(&own);
		gai_buf_append(&own, doc.data, doc.len);
		rc = gai_extract_stream1_buf(x, &own, 1, &err);
		CHECK(rc >= 0 && own.len == want.len && own.data[own.len] ==
		    '\0' && memcmp(own.data, want.data, want.len) == 0,
		    "in place %zu: %d, %zu bytes, want %zu", shift, rc,
		    own.len, want.len);
		records(x, &a);
		CHECK(gai_extract_doc(y, doc.data, doc.len, 1, &err) == rc,
		    "in place %zu: the same status", shift);
		records(y, &b);
		CHECK(a.data != NULL && b.data != NULL &&
		    strcmp(a.data, b.data) == 0, "in place %zu: the same "
		    "records", shift);
	}
	/* not stream 1: left as it was */
	gai_buf_clear(&own);
	gai_buf_puts(&own, "（一）\xE6\x83\r\n");
	CHECK(gai_extract_stream1_buf(x, &own, 1, &err) == GAI_E_ENCODING &&
	    strcmp(own.data, "（一）\xE6\x83\r\n") == 0, "in place: a raw page");
done:
	gai_buf_free(&doc);
	gai_buf_free(&own);
	gai_buf_free(&want);
	gai_buf_free(&a);
	gai_buf_free(&b);
	gai_extract_free(x);
	gai_extract_free(y);
}

/*
 * gx_squeeze drops ' ', '*' and '#' wherever they stand, eight bytes at a
 * time where none is: one of them at each place of a long cell.
 */
static void
squeeze(void)
{
	static const char drop[] = " *#";
	const char *abc = "abcdefghijklmnopqrstuvwxyz";
	struct gai_error err;
	struct gai_extract *x = gai_extract_new(&err);
	char s[32], want[32];
	size_t n, p, d;

	if (x == NULL) {
		CHECK(0, "gai_extract_new");
		return;
	}
	for (n = 0; n <= 26; n++)
		for (p = 0; p < n; p++)
			for (d = 0; d < 3; d++) {
				memcpy(s, abc, n);
				s[p] = drop[d];
				memcpy(want, abc, p);
				memcpy(want + p, abc + p + 1, n - p - 1);
				want[n - 1] = '\0';
				CHECK(gx_squeeze(x, s, n) == 0 &&
				    x->sq.len == n - 1 &&
				    strcmp(x->sq.data, want) == 0,
				    "squeeze '%c' at %zu of %zu", drop[d], p, n);
			}
	CHECK(gx_squeeze(x, "一、 主动 公开*政府#信息  ", 36) == 0 &&
	    strcmp(x->sq.data, "一、主动公开政府信息") == 0);
	CHECK(gx_squeeze(x, abc, 26) == 0 && strcmp(x->sq.data, abc) == 0);
	gai_extract_free(x);
}

/* The prefilter of a few characters, traditional forms included; the
 * glued-text filter holds one character of every column-header run. */
static void
chars(void)
{
	struct gai_chars c;
	struct gai_error err;
	struct gai_extract *x = gai_extract_new(&err);
	const char *s = "本年制发件数 商业企业";

	CHECK(gai_chars_init(&c, "废科", 1) == 0);
	CHECK(gai_chars_find(&c, "本年废止", 12) == 6);
	CHECK(gai_chars_find(&c, "本年廢止", 12) == 6);
	CHECK(gai_chars_find(&c, "废", 3) == 0 && gai_chars_find(&c, "x科", 4) ==
	    1);
	CHECK(gai_chars_find(&c, "废", 2) == 2, "a cut character is none");
	CHECK(gai_chars_find(&c, s, strlen(s)) == strlen(s));
	CHECK(gai_chars_init(&c, "废", 0) == 0 &&
	    gai_chars_find(&c, "本年廢止", 12) == 12, "no traditional forms");
	CHECK(gai_chars_init(&c, "a", 1) == -1 &&
	    gai_chars_init(&c, "𠀀", 1) == -1);
	/* bits: a character added twice has both; 亟 (E4 BA 9F) ends in
	 * the bytes of 废 (E5 BA 9F), and the two stay apart */
	CHECK(gai_chars_init(&c, "废", 0) == 0 &&
	    gai_chars_add(&c, "科", 1, 2) == 0 &&
	    gai_chars_add(&c, "废", 0, 4) == 0, "chars with bits");
	CHECK(gai_chars_bits(&c, (const unsigned char *)"废") == 5 &&
	    gai_chars_bits(&c, (const unsigned char *)"科") == 2 &&
	    gai_chars_bits(&c, (const unsigned char *)"亟") == 0 &&
	    c.n == 2, "bits of one character per pair");
	CHECK(gai_chars_add(&c, "亟", 0, 8) == 0 &&
	    gai_chars_bits(&c, (const unsigned char *)"废") == 5 &&
	    gai_chars_bits(&c, (const unsigned char *)"亟") == 8 &&
	    gai_chars_bits(&c, (const unsigned char *)"\xE7\xBA\x9F") == 0 &&
	    gai_chars_find(&c, "本年亟", 9) == 6, "two characters, one pair");
	CHECK(gai_chars_add(&c, "废", 0, 0) == -1 &&
	    gai_chars_add(&c, "废", 0, 256) == -1, "bits 1 to 255");
	CHECK(x != NULL && x->glue_filter == 1);
	/* the glued-text filter: a pair of characters, either form, with
	 * what gx_squeeze drops between them and nothing else */
	if (x != NULL) {
		static const struct { const char *s; int want; } hint[] = {
			{ "本年制发件数本年废止件数", 1 }, { "本年廢止", 1 },
			{ "年废 *#止", 1 }, { "新 製作", 1 }, { "结果糾正", 1 },
			{ "废物回收", 0 }, { "新闻发布", 0 }, { "废x止", 0 },
			{ "法人或者其他组织", 0 }, { "止废", 0 }, { "废", 0 },
		};
		size_t i;

		for (i = 0; i < sizeof hint / sizeof hint[0]; i++)
			CHECK(gx_glue_hint(x, hint[i].s, strlen(hint[i].s)) ==
			    hint[i].want, "glue hint \"%s\"", hint[i].s);
	}
	gai_extract_free(x);
	chars_random();
	scan_random();
}

/*
 * A line of more cells than the tokenizer keeps from its first cut is
 * cut again: the same cells as a short line gives, blank cells and a
 * table's frame included; its numbers far into a run are one GX_T_MANY,
 * the last of them kept after it.
 */
static void
long_lines(void)
{
	struct gx_toks t;
	struct gai_buf line = GAI_BUF_INIT;
	struct { int kind, lfirst; unsigned line; long off; } c[200];
	size_t i, k, n = 0, many = 0;
	int ok = 1;

	memset(&t, 0, sizeof t);
	gai_buf_puts(&line, "规章");
	for (i = 0; i < 99; i++)
		gai_buf_puts(&line, i == 50 ? "\t" : "\t1");
	gai_buf_puts(&line, "\t2\n|x|");
	for (i = 0; i < 79; i++)
		gai_buf_puts(&line, "3|");
	CHECK(gx_tokenize(&t, line.data, line.len) == 0);
	/* the cells, each GX_T_MANY's numbers one by one */
	for (i = 0; i < t.n && ok; i++) {
		k = t.v[i].kind == GX_T_MANY ? t.v[i].len : 1;
		if (t.v[i].kind == GX_T_MANY) {
			many++;
			/* numbers after the run's 25th cell, one kept after */
			ok = i >= 26 && i + 1 < t.n &&
			    t.v[i + 1].kind == GX_T_NUM &&
			    t.v[i + 1].line == t.v[i].line;
		}
		for (; k > 0 && n < 200; k--, n++) {
			c[n].kind = t.v[i].kind == GX_T_MANY ? GX_T_NUM :
			    t.v[i].kind;
			c[n].lfirst = t.v[i].lfirst;
			c[n].line = t.v[i].line;
			c[n].off = t.v[i].kind == GX_T_MANY ? -1 :
			    (long)t.v[i].off;
		}
	}
	CHECK(ok && many == 3 && t.n < 181, "%zu tokens, %zu of many cells",
	    t.n, many);
	CHECK(n == 101 + 80, "%zu cells", n);
	ok = n == 181 && c[0].kind == GX_T_TEXT && c[0].lfirst &&
	    c[51].kind == GX_T_EMPTY && c[100].kind == GX_T_NUM &&
	    c[100].off >= 0 && line.data[c[100].off] == '2' &&
	    c[101].kind == GX_T_TEXT && c[101].lfirst &&
	    c[101].line == 1 && c[180].kind == GX_T_NUM &&
	    c[180].off >= 0 && line.data[c[180].off] == '3';
	for (i = 1; ok && i < 100; i++)
		ok = (i == 51) == (c[i].kind == GX_T_EMPTY) && !c[i].lfirst &&
		    c[i].line == 0;
	CHECK(ok, "the cells of the long lines");
	gx_toks_free(&t);
	gai_buf_free(&line);
}

/* extract_test --keys EDITION: the FIELDS.md keys of one edition. */
/*
 * Long runs of number-only lines are one GX_T_MANY, its cells counted,
 * far enough from text only: the same cells before it as without, and
 * lines found again as the text has them.
 */
static void
many(void)
{
	struct gx_toks t;
	struct gai_buf d = GAI_BUF_INIT;
	size_t i, k, s, e, want_s, nl, cells;
	int ok;

	memset(&t, 0, sizeof t);
	/* text, 30 cells of one line each, a blank line, 200 more in rows
	 * of four, text; then 100 cells alone with no number but one */
	gai_buf_puts(&d, "规章\n");
	for (i = 0; i < 30; i++)
		gai_buf_puts(&d, "1\n");
	gai_buf_puts(&d, "\n");
	for (i = 0; i < 50; i++)
		gai_buf_puts(&d, "|2|3||4|\n");
	gai_buf_puts(&d, "行政许可\n");
	for (i = 0; i < 100; i++)
		gai_buf_puts(&d, i == 99 ? "7\n" : "|\n");
	CHECK(gx_tokenize(&t, d.data, d.len) == 0);
	/* the run's first number (token 1) is not kept past 24 cells after
	 * the next one; the cells from the next line on are counted */
	ok = t.n == 1 + 25 + 1 + 1 + 100;
	for (i = 1; ok && i <= 25; i++)
		ok = t.v[i].kind == GX_T_NUM && t.v[i].line == i;
	CHECK(ok, "%zu tokens, the run's first cells kept", t.n);
	k = 26;
	CHECK(t.n > k && t.v[k].kind == GX_T_MANY && t.v[k].len == 5 + 200 &&
	    t.v[k].line == 26 && t.v[k].lfirst && t.v[k + 1].kind ==
	    GX_T_TEXT && t.v[k + 1].line == 82, "the run counted");
	/* blank cells alone: no number to stop at, all kept */
	for (i = k + 2, cells = 0; i < t.n; i++)
		cells += t.v[i].kind == GX_T_EMPTY;
	CHECK(cells == 99 && t.v[t.n - 1].kind == GX_T_NUM, "blank cells");
	/* every line where the text has it, in any order */
	for (nl = 0, i = 0; i < d.len; i++)
		nl += d.data[i] == '\n';
	CHECK(t.nlines == nl, "%zu lines", t.nlines);
	for (k = 0; k < 3 * t.nlines; k++) {
		size_t want = k < t.nlines ? t.nlines - 1 - k :
		    k < 2 * t.nlines ? k - t.nlines : (k * 7919) % t.nlines;

		for (i = 0, want_s = 0; i < want; i++)
			want_s = (size_t)((char *)memchr(d.data + want_s, '\n',
			    d.len - want_s) - d.data) + 1;
		gx_line(&t, want, &s, &e);
		if (s != want_s || e != (want + 1 < t.nlines ?
		    (size_t)((char *)memchr(d.data + s, '\n', d.len - s) -
		    d.data) : d.len) || gx_line_of(&t, s) != want ||
		    gx_line_of(&t, e) != want) {
			CHECK(0, "line %zu at %zu-%zu", want, s, e);
			break;
		}
	}
	gx_toks_free(&t);
	gai_buf_free(&d);
}

/*
 * Where a long run of lines of words or of blank cells is cut short: the
 * run's first cells kept, one GX_T_WORDS, GX_T_BLANKS or GX_T_BLANKROWS
 * for whole lines, the last cells kept after it; lines of words that
 * could matter (a digit, '+', a Han character) kept whole.
 */
static void
fill_runs(void)
{
	static const char *const kept[] = { "x1\n", "+\n", "七\n",
	    NULL };
	static const int fold[] = { GX_T_WORDS, GX_T_BLANKS, GX_T_BLANKROWS,
	    GX_T_WORDS };
	struct gx_toks t;
	struct gai_buf d = GAI_BUF_INIT;
	size_t i, k, j, cells, nfill, w;
	int ok;

	memset(&t, 0, sizeof t);
	/* a label, 300 lines of words (two on every third), a label, 300
	 * lines of a blank cell, a number, a label, 300 lines of two or
	 * three blank cells, a number, 300 lines of a word and of a blank
	 * cell in turn, a number; then runs that stay */
	gai_buf_puts(&d, "规章\n");
	for (i = 0; i < 300; i++)
		gai_buf_puts(&d, i % 3 == 2 ? "ab  c\n" : "a\n");
	gai_buf_puts(&d, "行政许可\n");
	for (i = 0; i < 300; i++)
		gai_buf_puts(&d, i % 2 ? "||\n" : "| |\n");
	gai_buf_puts(&d, "7\n行政处罚\n");
	for (i = 0; i < 300; i++)
		gai_buf_puts(&d, i % 2 ? "|||\n" : "| | |  |\n");
	gai_buf_puts(&d, "8\n");
	for (i = 0; i < 600; i++)
		gai_buf_puts(&d, i % 2 ? "||\n" : "a\n");
	gai_buf_puts(&d, "9\n");
	for (k = 0; kept[k] != NULL; k++)
		for (i = 0; i < 300; i++)
			gai_buf_puts(&d, kept[k]);
	CHECK(gx_tokenize(&t, d.data, d.len) == 0);
	/* each run: 128 cells (words), its token, 64 cells or more of whole
	 * lines, a word among them in a run of words */
	for (i = 1, k = 0; k < 4; k++) {
		size_t first = i, want = k == 0 ? 400 : k == 1 ? 300 :
		    k == 2 ? 750 : 600;

		for (cells = 0, nfill = 0, w = 0, ok = 1; i < t.n && ok &&
		    (t.v[i].kind == GX_T_TEXT || t.v[i].kind == GX_T_EMPTY ||
		    t.v[i].kind == fold[k]) &&
		    (unsigned char)d.data[t.v[i].off] < 0x80; i++) {
			if (t.v[i].kind != fold[k]) {
				cells++;
				w += t.v[i].kind == GX_T_TEXT;
				continue;
			}
			nfill++;
			ok = i - first >= 128 && t.v[i].lfirst &&
			    (fold[k] != GX_T_WORDS || (w >= 128 &&
			    t.v[i - 1].kind == GX_T_TEXT));
			cells += t.v[i].len;
			/* the cells kept after it */
			for (j = i + 1, w = 0; j < t.n &&
			    (t.v[j].kind == GX_T_TEXT ||
			    t.v[j].kind == GX_T_EMPTY) &&
			    (unsigned char)d.data[t.v[j].off] < 0x80; j++)
				w += t.v[j].kind == GX_T_TEXT;
			ok = ok && j - i - 1 >= 64 && j - i - 1 < 128 + 2 &&
			    t.v[i + 1].lfirst && (fold[k] != GX_T_WORDS ||
			    w > 0);
		}
		CHECK(ok && nfill == 1 && cells == want, "run %zu: %zu cells, "
		    "%zu tokens for them", k, cells, nfill);
		i += k == 1 ? 2 : 1;	/* 行政许可; 7, 行政处罚; 8; 9 */
	}
	CHECK(t.v[i - 1].kind == GX_T_NUM, "the number after the runs");
	/* the rest kept, a token a cell */
	CHECK(t.n == i + 3 * 300, "%zu tokens", t.n);
	for (ok = 1; i < t.n && ok; i++)
		ok = t.v[i].kind == GX_T_TEXT;
	CHECK(ok, "no run of words that matter cut short");
	gx_toks_free(&t);
	gai_buf_free(&d);
}

/*
 * A long stretch of blank lines after a run of words is a run of its
 * own: a GX_T_WORDS with a word after it, then a GX_T_BLANKS its cells
 * after the last word.
 */
static void
fill_words_blanks(void)
{
	struct gx_toks t;
	struct gai_buf d = GAI_BUF_INIT;
	size_t i, cells = 0, words = 0, blanks = 0, last_word = 0;
	int ok = 1;

	memset(&t, 0, sizeof t);
	gai_buf_puts(&d, "规章\n");
	for (i = 0; i < 800; i++)
		gai_buf_puts(&d, i >= 400 || i % 2 ? "||\n" : "a\n");
	gai_buf_puts(&d, "9\n");
	CHECK(gx_tokenize(&t, d.data, d.len) == 0);
	for (i = 1; i + 1 < t.n; i++) {
		if (t.v[i].kind == GX_T_TEXT)
			last_word = i;
		if (t.v[i].kind == GX_T_WORDS)
			ok = ok && ++words == 1 && blanks == 0;
		if (t.v[i].kind == GX_T_BLANKS)
			ok = ok && ++blanks == 1 && words == 1 &&
			    i >= last_word + 128;
		cells += t.v[i].kind == GX_T_WORDS ||
		    t.v[i].kind == GX_T_BLANKS ? t.v[i].len : 1;
	}
	CHECK(ok && words == 1 && blanks == 1 && cells == 800 &&
	    t.v[t.n - 1].kind == GX_T_NUM, "%zu cells, %zu and %zu tokens",
	    cells, words, blanks);
	gx_toks_free(&t);
	gai_buf_free(&d);
}

/*
 * Inside a line of many cells too: a long stretch of blank cells is one
 * GX_T_BLANKROWS, of words one GX_T_WORDS, cells of the same kind before
 * and after it; the line's cells all counted.
 */
static void
fill_in_line(void)
{
	struct gx_toks t;
	struct gai_buf d = GAI_BUF_INIT;
	size_t i, cells = 0, blanks = 0, words = 0;
	int ok = 1, kind;

	memset(&t, 0, sizeof t);
	gai_buf_puts(&d, "规章");
	for (i = 0; i < 300; i++)
		gai_buf_puts(&d, "|");
	gai_buf_puts(&d, "|5");
	for (i = 0; i < 300; i++)
		gai_buf_puts(&d, "|a");
	gai_buf_puts(&d, "|7\n");
	CHECK(gx_tokenize(&t, d.data, d.len) == 0);
	for (i = 0; i < t.n; i++) {
		kind = t.v[i].kind;
		if (kind != GX_T_BLANKROWS && kind != GX_T_WORDS) {
			cells++;
			continue;
		}
		cells += t.v[i].len;
		blanks += kind == GX_T_BLANKROWS;
		words += kind == GX_T_WORDS;
		kind = kind == GX_T_WORDS ? GX_T_TEXT : GX_T_EMPTY;
		ok = ok && i >= 128 && i + 64 < t.n && !t.v[i].lfirst &&
		    t.v[i].line == 0 && t.v[i - 1].kind == kind &&
		    t.v[i + 1].kind == kind && t.v[i + 64].kind == kind;
	}
	CHECK(ok && blanks == 1 && words == 1 && cells == 603 &&
	    t.n < 603 - 100 && t.v[0].lfirst, "%zu tokens for %zu cells",
	    t.n, cells);
	gx_toks_free(&t);
	gai_buf_free(&d);
}

/* The words of a 本年增/减 cell, each taken whole, and no other. */
static void
change_words(void)
{
	static const struct { const char *s; size_t n; int sign; } w[] = {
		{ "增加5", 6, 1 }, { "增5", 3, 1 }, { "减少2", 6, -1 },
		{ "减2", 3, -1 }, { "減少2", 6, -1 }, { "減2", 3, -1 },
		{ "持平", 6, 0 }, { "+3", 1, 1 }, { "\xe2\x88\x92" "3", 3, -1 },
		{ "增值", 3, 1 }, { "埤5", 0, 0 }, { "冰5", 0, 0 },
		{ "持", 0, 0 }, { "\xe2\x88", 0, 0 }, { "5", 0, 0 },
		{ "\xe5", 0, 0 }, { "", 0, 0 },
	};
	size_t i;
	int sign;

	for (i = 0; i < sizeof w / sizeof w[0]; i++) {
		sign = 9;
		CHECK(gx_change_word(w[i].s, strlen(w[i].s), &sign) == w[i].n &&
		    (w[i].n == 0 || sign == w[i].sign), "%s", w[i].s);
	}
}

static int
keys(const char *ed)
{
	unsigned bit = strcmp(ed, "2019") == 0 ? GAI_ED_2019 : GAI_ED_2021;
	size_t i;

	for (i = 0; i < gai_fields_count(); i++) {
		const struct gai_field *f = gai_fields_at(i);

		if (f->table != GAI_T_META && (f->editions & bit))
			printf("%s\n", f->key);
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	if (argc == 3 && strcmp(argv[1], "--keys") == 0)
		return keys(argv[2]);

	/* numbers as reports write them */
	parse("0", 1, "0", 0);
	parse(" 42 ", 1, "42", 0);
	parse("1,234", 1, "1234", GX_NF_SEP);
	parse("1,234,567", 1, "1234567", GX_NF_SEP);
	parse("12,34", -1, "", 0);
	parse("1,2345", -1, "", 0);
	parse("3415.891", 1, "3415.891", GX_NF_DEC);
	parse("25409.5萬元", 1, "25409.5", GX_NF_DEC | GX_NF_WAN);
	parse("50.7万元", 1, "50.7", GX_NF_DEC | GX_NF_WAN);
	parse("3940元", 1, "3940", GX_NF_YUAN);
	parse("12件", 1, "12", GX_NF_UNIT);
	parse("3 个", 1, "3", GX_NF_UNIT);
	parse("-3", 1, "-3", 0);
	parse("+2", 1, "2", 0);
	parse("-0", 1, "0", 0);
	parse("007", 1, "7", 0);
	parse("000", 1, "0", 0);
	parse("1234567890123456789012345", 1, "1234567890123456789012345", 0);
	parse("无", 1, "0", GX_NF_DASH);
	parse("—", 1, "0", GX_NF_DASH);
	parse("-", 1, "0", GX_NF_DASH);
	parse("/", 1, "0", GX_NF_DASH);
	parse("", 0, "", 0);
	parse("   ", 0, "", 0);
	parse("若干", -1, "", 0);
	parse("12a", -1, "", 0);
	parse("1.", -1, "", 0);
	parse("1.2.3", -1, "", 0);
	parse("2024年", -1, "", 0);
	parse("-4-", -1, "", 0);

	/* 元 to 万元 without floating point */
	div10k("3940", "0.394");
	div10k("12345678", "1234.5678");
	div10k("10000", "1");
	div10k("5", "0.0005");
	div10k("1234.5", "0.12345");
	div10k("-20000", "-2");

	/* digits run together, split by the table's identities */
	split("640020470", 7, req, 1, 1, "64|0|0|2|0|4|70");
	split("0000000", 7, req, 1, 1, "0|0|0|0|0|0|0");
	split("1000001", 7, req, 1, 1, "1|0|0|0|0|0|1");
	split("1100002", 7, req, 1, 1, "1|1|0|0|0|0|2");
	split("11000002", 7, req, 1, 0, "");	/* "02" is no number */
	split("1111111", 7, req, 1, 0, "");	/* 1+1+1+1+1+1 != 1 */
	split("101000011", 7, req, 1, 2, "");	/* 1,0,10,..,11 and 10,1,0,..,11 */
	split("123", 7, req, 1, 0, "");		/* too short */
	split("12a0000", 7, req, 1, 0, "");
	split("110020000000000", 15, appeal, 3, 1,
	    "1|1|0|0|2|0|0|0|0|0|0|0|0|0|0");
	split("1234", 2, NULL, 0, 2, "");	/* no identity: many */
	/* glued text: a space is a sure cell boundary */
	split("61 0000061", 7, req, 1, 1, "61|0|0|0|0|0|61");
	split("6 10000061", 7, req, 1, 0, "");	/* 6+1+0+..!=61, "061" */
	split("1 1 1", 3, NULL, 0, 1, "1|1|1");
	split("1 1 1", 2, NULL, 0, 0, "");	/* three cells for two */
	split("11 1", 3, NULL, 0, 1, "1|1|1");
	/* the issue's 规章 3015: 3|0|15 and 30|1|5, never 3|01|5 */
	split("3015", 3, NULL, 0, 2, "");
	split("305", 3, NULL, 0, 1, "3|0|5");
	split("3005", 3, NULL, 0, 1, "30|0|5");	/* "05", "00" are no numbers */
	/* decimals only where the column allows them */
	splitd("12.5", 1, 1, NULL, 0, 1, "12.5");
	splitd("12.5", 1, 0, NULL, 0, 0, "");
	splitd("712.5", 2, 2, NULL, 0, 2, "");	/* 7|12.5, 71|2.5 */
	splitd("7 12.5", 2, 2, NULL, 0, 1, "7|12.5");
	splitd("0.5", 1, 1, NULL, 0, 1, "0.5");
	splitd("1.", 1, 1, NULL, 0, 0, "");
	splitd("1.2.3", 1, 1, NULL, 0, 0, "");
	/* a unit ends a cell */
	splitd("7件1200", 2, 0, NULL, 0, 1, "7|1200");
	/* identities across a unit: 2 + 3 = 5 only */
	splitd("2 35", 3, 0, (const struct gx_ident[]){ { 0, 1, 2 } }, 1, 1,
	    "2|3|5");
	run_cells();
	resolver();
	budget();
	memo();
	chars();
	stream1();
	stream1_in_place();
	meta_lines();
	prose_marks();
	squeeze();
	long_lines();
	fill_runs();
	fill_words_blanks();
	fill_in_line();
	many();
	change_words();
	return unit_end("extract_test");
}
