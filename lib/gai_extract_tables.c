/* SPDX-License-Identifier: MIT */
/* gai_extract_tables: the two editions' tables as data, for one matcher. */
#include <config.h>

#include <string.h>

#include "gai_extract_impl.h"
#include "gai_fields.h"
#include "gai_hanzi.h"
#include "gai_text.h"

/*
 * How to read this file.  A table is a list of rows; a row has a label
 * pattern (PCRE2, written in simplified characters: gx_tradify lets each
 * also match its traditional form) and the keys of its columns in the
 * order the report prints them.  The matcher puts an optional numbering
 * ("三、", "(二)", "1.", "1、") in front of every pattern unless it starts
 * with '!', and matches it at the start of a cell whose spaces are gone
 * ("结果 维持" is "结果维持").  A label only needs its first characters:
 * labels are often broken over lines or cells.  E ends a short label that
 * must be the whole cell, or be followed by nothing but its numbers or a
 * note in brackets (规章(设区的市、自治州人民政府应提供相关数据)).
 *
 * A label or heading that is a plain text of five characters or more
 * (no regex syntax) also matches with one character more or one less,
 * as reports double or drop one (gx_fuzzy); for a label only when no
 * label matches exactly.
 *
 * A new edition or a local variant is a new entry here, not new code.
 */
#define E "(?:\\([^)]*\\)?)?(?=[-+0-9.,]*$)"

static const char *const req_cols[] = {
	"natural_person", "commercial", "research", "nonprofit",
	"legal_service", "other_org", "total", NULL
};

/* The six applicant columns add up to the total. */
static const struct gx_ident req_ident[] = { { 0, 5, 6 } };

static const struct gx_row req_rows[] = {
	{ "new", "本年度?新收", { NULL }, 0 },
	{ "carried_in", "上一?年度?结转", { NULL }, 0 },
	{ "granted", "予以公开", { NULL }, 0 },
	{ "partial", "部分公开", { NULL }, 0 },
	{ "denied.state_secret", "(?:属于)?国家秘密", { NULL }, 0 },
	{ "denied.prohibited", "其他法律.{0,8}公开", { NULL }, 0 },
	{ "denied.security", "危及.{0,2}三安全一稳定", { NULL }, 0 },
	{ "denied.third_party", "保护第三方", { NULL }, 0 },
	{ "denied.internal", "(?:属于)?三类内部事务", { NULL }, 0 },
	{ "denied.deliberative", "(?:属于)?四类过程性", { NULL }, 0 },
	{ "denied.enforcement", "(?:属于)?行政执法案", { NULL }, 0 },
	{ "denied.query", "(?:属于)?行政查询事项", { NULL }, 0 },
	{ "unavailable.not_held", "本机关不掌握", { NULL }, 0 },
	{ "unavailable.needs_creation", "没有现成信息", { NULL }, 0 },
	{ "unavailable.unclear", "补正后申请内容", { NULL }, 0 },
	{ "not_processed.petition", "信访举报投诉", { NULL }, 0 },
	{ "not_processed.duplicate", "重复申请", { NULL }, 0 },
	{ "not_processed.publication", "要求提供公开出版物", { NULL }, 0 },
	{ "not_processed.excessive", "无正当理由大量反复", { NULL }, 0 },
	{ "not_processed.confirmation", "要求行政机关确认", { NULL }, 0 },
	/* (六) is one row with values of its own, or a group of three */
	{ "other", "其他处理" E, { NULL }, GX_ROW_ALT_ONE },
	{ "other.no_correction", "申请人无正当理由逾期", { NULL },
	  GX_ROW_ALT_SPLIT },
	{ "other.unpaid_fee", "申请人逾期未按收费", { NULL }, GX_ROW_ALT_SPLIT },
	{ "other.misc", "!\\(?3\\)?[.、,]?其他" E, { NULL }, GX_ROW_ALT_SPLIT },
	/* "总计" alone is also the header of the last column: look for it
	 * only after the rows above it */
	{ "total", "!(?:\\(七\\)|七[、.,]?)?总计" E, { NULL }, GX_ROW_FORWARD },
	{ "carried_out", "结转下一?年度?", { NULL }, 0 },
	{ NULL, NULL, { NULL }, 0 }
};

/* Column by column: 一 + 二 = (七)总计 + 四, and the results rows add up to
 * (七)总计 ((六) as one row or as three). */
#define RESULTS "granted", "partial", "denied.state_secret", \
	"denied.prohibited", "denied.security", "denied.third_party", \
	"denied.internal", "denied.deliberative", "denied.enforcement", \
	"denied.query", "unavailable.not_held", "unavailable.needs_creation", \
	"unavailable.unclear", "not_processed.petition", \
	"not_processed.duplicate", "not_processed.publication", \
	"not_processed.excessive", "not_processed.confirmation"
static const struct gx_colident req_colident[] = {
	{ "一+二 = (七)总计+四", { "new", "carried_in", NULL },
	  { "total", "carried_out", NULL } },
	{ "the results rows add up to (七)总计", { RESULTS, "other", NULL },
	  { "total", NULL } },
	{ "the results rows add up to (七)总计", { RESULTS,
	  "other.no_correction", "other.unpaid_fee", "other.misc", NULL },
	  { "total", NULL } },
	{ NULL, { NULL }, { NULL } }
};

/* An eighth cell where the cells are not counted (glued text): a
 * 法人或其他组织 subtotal before or after its five columns, equal to them. */
static const struct gx_extra req_extra[] = {
	{ 1, { { 2, 6, 1 }, { 0, 1, 7 } }, 2 },
	{ 6, { { 1, 5, 6 }, { 0, 5, 7 } }, 2 },
	{ -1, { { 0, 0, 0 } }, 0 }
};

static const struct gx_ident appeal_ident[] = {
	{ 0, 3, 4 }, { 5, 8, 9 }, { 10, 13, 14 }
};

static const struct gx_row appeal_rows[] = {
	{ "", NULL, {
	    "review.upheld", "review.corrected", "review.other",
	    "review.pending", "review.total",
	    "suit_direct.upheld", "suit_direct.corrected",
	    "suit_direct.other", "suit_direct.pending", "suit_direct.total",
	    "suit_after_review.upheld", "suit_after_review.corrected",
	    "suit_after_review.other", "suit_after_review.pending",
	    "suit_after_review.total", NULL }, GX_ROW_NOLABEL },
	{ NULL, NULL, { NULL }, 0 }
};

#define C21 { "issued", "repealed", "in_force", NULL }
#define C19 { "made", "published", "total", NULL }
#define CHG { "prior_items", "change", "decisions", NULL }

static const struct gx_row active21_rows[] = {
	{ "rules", "规章" E, C21, 0 },
	{ "normative", "(?:行政)?规范性(?:文件|档案)" E, C21, 0 },
	{ "license", "行政许可" E, { "decisions", NULL }, 0 },
	{ "punishment", "行政处罚" E, { "decisions", NULL }, 0 },
	{ "coercion", "行政强制" E, { "decisions", NULL }, 0 },
	{ "fees", "行政事业性收费" E, { "amount", NULL }, 0 },
	{ NULL, NULL, { NULL }, 0 }
};

static const struct gx_row active19_rows[] = {
	{ "rules", "规章" E, C19, 0 },
	{ "normative", "(?:行政)?规范性(?:文件|档案)" E, C19, 0 },
	{ "license", "行政许可" E, CHG, 0 },
	{ "other_service", "其他对外管理服务事项" E, CHG, 0 },
	{ "punishment", "行政处罚" E, CHG, 0 },
	{ "coercion", "行政强制" E, CHG, 0 },
	{ "fees", "行政事业性收费" E, { "prior_items", "change", NULL }, 0 },
	{ "procurement", "政府集中采购" E, { "items", "amount", NULL }, 0 },
	{ NULL, NULL, { NULL }, 0 }
};

const struct gx_table gx_tables[] = {
	{ "active", GAI_ED_2021,
	  "本年制发件数|本年废止件数|本年废止数量|现行有效件数|本年处理决定数量|"
	  "本年收费金额",
	  NULL, NULL, 0, active21_rows, NULL, NULL },
	{ "active", GAI_ED_2019,
	  "本年新制作|制作数量|本年新公开|对外公开总数量|上一年项目数量|"
	  "本年增.?减|采购项目数量|采购总金额|^处理决定数量|第二十条第\\(九\\)项",
	  NULL, NULL, 0, active19_rows, NULL, NULL },
	{ "req", GAI_ED_2019 | GAI_ED_2021, NULL, req_cols, req_ident, 1,
	  req_rows, req_colident, req_extra },
	{ "appeal", GAI_ED_2019 | GAI_ED_2021, NULL, NULL, appeal_ident, 3,
	  appeal_rows, NULL, NULL },
	{ NULL, 0, NULL, NULL, NULL, 0, NULL, NULL, NULL }
};

/*
 * A table's column headings run together, spaces gone: only a crawler
 * that dropped every separator writes them so (glued text).
 */
const char *const gx_glued_pats[] = {
	"本年制发件数本年废止件数",
	"本年新制作数量本年新公开数量",
	"信息内容本年处理决定数量",
	"信息内容上一年项目数量",
	"自然人法人或其他组织",
	"商业企业科研机构",
	"结果维持结果纠正",
	NULL
};

/*
 * How the 2019 edition's 本年增/减 column is written besides a plain
 * number: a word or sign, then the number (持平: no change), longest
 * first.  The sign the word gives: 1 up, -1 down, 0 none.
 */
#define CW(w, sign) { w, sizeof w - 1, sign }
static const struct change_word {
	const char *w;
	size_t n;
	int sign;
} change_words[] = {
	CW("增加", 1), CW("减少", -1), CW("減少", -1), CW("持平", 0),
	CW("增", 1), CW("减", -1), CW("減", -1), CW("+", 1),
	CW("\xe2\x88\x92", -1),	/* U+2212 MINUS SIGN */
	{ NULL, 0, 0 }
};
#undef CW

size_t
gx_change_word(const char *s, size_t n, int *sign)
{
	const struct change_word *w;

	if (!gx_change_lead(s, n))
		return 0;
	for (w = change_words; w->w != NULL; w++)
		if (n >= w->n && s[0] == w->w[0] &&
		    (w->n == 1 || s[1] == w->w[1]) &&
		    memcmp(s, w->w, w->n) == 0) {
			*sign = w->sign;
			return w->n;
		}
	return 0;
}

int
gx_change_col(size_t ti, size_t r)
{
	const struct gx_row *row = &gx_tables[ti].rows[r];
	const char *const *cols = row->cols[0] != NULL ? row->cols :
	    gx_tables[ti].cols;
	int c;

	for (c = 0; cols != NULL && cols[c] != NULL; c++)
		if (strcmp(cols[c], "change") == 0)
			return c;
	return -1;
}

int
gx_change_read(const char *s, size_t n, struct gai_buf *out)
{
	size_t k, len0 = out->len;
	unsigned fl;
	int sign;

	while (n > 0 && s[0] == ' ')
		s++, n--;
	if ((k = gx_change_word(s, n, &sign)) == 0)
		return 0;
	for (s += k, n -= k; n > 0 && s[0] == ' '; s++, n--)
		;
	if (sign == 0)
		return n == 0 && gai_buf_putc(out, '0') == 0 ? 1 : 0;
	if (n == 0 || s[0] < '0' || s[0] > '9' ||
	    (sign < 0 && gai_buf_putc(out, '-') < 0) ||
	    gx_num_parse(s, n, out, &fl) != 1 ||
	    (fl & (GX_NF_DASH | GX_NF_YUAN | GX_NF_WAN))) {
		out->len = len0;
		out->data[len0] = '\0';
		return 0;
	}
	if (strcmp(out->data + len0, "-0") == 0) {	/* 减0 */
		out->data[len0] = '0';
		out->data[--out->len] = '\0';
	}
	return 1;
}

const char *const gx_heading_pats[] = {
	"主动公开政府信息情况",
	"收到和处理政府信息公开申请情况",
	"政府信息公开行政复议",
	"(?:存在的主要问题|存在的问题|其他需要报告)",
	NULL
};

int
gx_fuzzy(const char *lit, struct gai_buf *out)
{
	size_t off[64], n = 0, i, k, len = strlen(lit);
	int first = 1;

	if (strpbrk(lit, "\\()[]{}.*+?|^$!") != NULL)
		return 1;
	for (i = 0; i < len && n < 63; i += k) {
		(void)gai_text_decode(lit + i, len - i, &k);
		off[n++] = i;
	}
	off[n] = len;
	if (n < 5 || i < len)
		return 1;
	for (i = 0; i < n; i++) {
		/* one character dropped (a doubled one is dropped once) */
		if (i > 0 && off[i + 1] - off[i] == off[i] - off[i - 1] &&
		    memcmp(lit + off[i], lit + off[i - 1], off[i] - off[i - 1])
		    == 0)
			continue;
		if ((!first && gai_buf_putc(out, '|') < 0) ||
		    gai_buf_append(out, lit, off[i]) < 0 ||
		    gai_buf_puts(out, lit + off[i + 1]) < 0)
			return GAI_E_NOMEM;
		first = 0;
	}
	for (i = 1; i < n; i++)	/* one character more, inside */
		if (gai_buf_putc(out, '|') < 0 ||
		    gai_buf_append(out, lit, off[i]) < 0 ||
		    gai_buf_putc(out, '.') < 0 ||
		    gai_buf_puts(out, lit + off[i]) < 0)
			return GAI_E_NOMEM;
	return 0;
}

/* Each simplified character of a pattern also matches its traditional forms. */
int
gx_tradify(const char *pat, struct gai_buf *out)
{
	/* OpenCC 1.1 gives a character at most 5 traditional forms. */
	unsigned long cp, trad[16];
	int in_class = 0, esc = 0;
	size_t n, i, nt, left = strlen(pat);

	for (; left > 0; pat += n, left -= n) {
		cp = gai_text_decode(pat, left, &n);
		nt = esc ? 0 : gai_hanzi_traditional(cp, trad, 16);
		if (nt > 16)
			nt = 16;
		if (nt > 0) {
			if (!in_class && gai_buf_putc(out, '[') < 0)
				return GAI_E_NOMEM;
			if (gai_buf_append(out, pat, n) < 0)
				return GAI_E_NOMEM;
			for (i = 0; i < nt; i++)
				if (gai_buf_put_utf8(out, trad[i]) < 0)
					return GAI_E_NOMEM;
			if (!in_class && gai_buf_putc(out, ']') < 0)
				return GAI_E_NOMEM;
			continue;
		}
		if (gai_buf_append(out, pat, n) < 0)
			return GAI_E_NOMEM;
		if (esc)
			esc = 0;
		else if (*pat == '\\')
			esc = 1;
		else if (*pat == '[')
			in_class = 1;
		else if (*pat == ']')
			in_class = 0;
	}
	return 0;
}
