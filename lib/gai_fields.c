/* SPDX-License-Identifier: MIT */
/* gai_fields: FIELDS.md as data, built once from its rows and columns. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gai_fields.h"

#define BOTH (GAI_ED_2019 | GAI_ED_2021)

/* A row of a table with its columns: key prefix, label, editions. */
struct part { const char *key, *label; unsigned ed; int amount; };

static const struct part meta[] = {
	{ "meta.title", "标题", BOTH, 0 },
	{ "meta.org", "发布机关", BOTH, 0 },
	{ "meta.year", "年度", BOTH, 0 },
	{ "meta.edition", "模板版本", BOTH, 0 },
	{ "meta.published", "发布日期", BOTH, 0 },
	{ "meta.encoding", "原编码", BOTH, 0 },
	{ "meta.url", "原文链接", BOTH, 0 },
	{ NULL, NULL, 0, 0 }
};

#define A21(row, rl, col, cl) \
	{ "active." row "." col, "二、主动公开政府信息情况/" rl "/" cl, GAI_ED_2021, 0 }
#define A19(row, rl, col, cl) \
	{ "active." row "." col, "二、主动公开政府信息情况/" rl "/" cl, GAI_ED_2019, 0 }

static const struct part active[] = {
	A21("rules", "规章", "issued", "本年制发件数"),
	A21("rules", "规章", "repealed", "本年废止件数"),
	A21("rules", "规章", "in_force", "现行有效件数"),
	A21("normative", "行政规范性文件", "issued", "本年制发件数"),
	A21("normative", "行政规范性文件", "repealed", "本年废止件数"),
	A21("normative", "行政规范性文件", "in_force", "现行有效件数"),
	A21("license", "行政许可", "decisions", "本年处理决定数量"),
	A21("punishment", "行政处罚", "decisions", "本年处理决定数量"),
	A21("coercion", "行政强制", "decisions", "本年处理决定数量"),
	{ "active.fees.amount", "二、主动公开政府信息情况/行政事业性收费/本年收费金额(万元)",
	  GAI_ED_2021, 1 },
	A19("rules", "规章", "made", "本年新制作数量"),
	A19("rules", "规章", "published", "本年新公开数量"),
	A19("rules", "规章", "total", "对外公开总数量"),
	A19("normative", "规范性文件", "made", "本年新制作数量"),
	A19("normative", "规范性文件", "published", "本年新公开数量"),
	A19("normative", "规范性文件", "total", "对外公开总数量"),
	A19("license", "行政许可", "prior_items", "上一年项目数量"),
	A19("license", "行政许可", "change", "本年增/减"),
	A19("license", "行政许可", "decisions", "处理决定数量"),
	A19("other_service", "其他对外管理服务事项", "prior_items", "上一年项目数量"),
	A19("other_service", "其他对外管理服务事项", "change", "本年增/减"),
	A19("other_service", "其他对外管理服务事项", "decisions", "处理决定数量"),
	A19("punishment", "行政处罚", "prior_items", "上一年项目数量"),
	A19("punishment", "行政处罚", "change", "本年增/减"),
	A19("punishment", "行政处罚", "decisions", "处理决定数量"),
	A19("coercion", "行政强制", "prior_items", "上一年项目数量"),
	A19("coercion", "行政强制", "change", "本年增/减"),
	A19("coercion", "行政强制", "decisions", "处理决定数量"),
	A19("fees", "行政事业性收费", "prior_items", "上一年项目数量"),
	A19("fees", "行政事业性收费", "change", "本年增/减"),
	A19("procurement", "政府集中采购", "items", "采购项目数量"),
	{ "active.procurement.amount", "二、主动公开政府信息情况/政府集中采购/采购总金额(万元)",
	  GAI_ED_2019, 1 },
	{ NULL, NULL, 0, 0 }
};

const char *const gai_req_cols[] = {
	"natural_person", "commercial", "research", "nonprofit",
	"legal_service", "other_org", "total", NULL
};

static const char *const req_col_labels[] = {
	"自然人", "法人或其他组织/商业企业", "法人或其他组织/科研机构",
	"法人或其他组织/社会公益组织", "法人或其他组织/法律服务机构",
	"法人或其他组织/其他", "总计"
};

#define R3 "三、本年度办理结果/"
static const struct part req_rows[] = {
	{ "new", "一、本年新收政府信息公开申请数量", BOTH, 0 },
	{ "carried_in", "二、上年结转政府信息公开申请数量", BOTH, 0 },
	{ "granted", R3 "(一)予以公开", BOTH, 0 },
	{ "partial", R3 "(二)部分公开", BOTH, 0 },
	{ "denied.state_secret", R3 "(三)不予公开/1.属于国家秘密", BOTH, 0 },
	{ "denied.prohibited", R3 "(三)不予公开/2.其他法律行政法规禁止公开", BOTH, 0 },
	{ "denied.security", R3 "(三)不予公开/3.危及“三安全一稳定”", BOTH, 0 },
	{ "denied.third_party", R3 "(三)不予公开/4.保护第三方合法权益", BOTH, 0 },
	{ "denied.internal", R3 "(三)不予公开/5.属于三类内部事务信息", BOTH, 0 },
	{ "denied.deliberative", R3 "(三)不予公开/6.属于四类过程性信息", BOTH, 0 },
	{ "denied.enforcement", R3 "(三)不予公开/7.属于行政执法案卷", BOTH, 0 },
	{ "denied.query", R3 "(三)不予公开/8.属于行政查询事项", BOTH, 0 },
	{ "unavailable.not_held", R3 "(四)无法提供/1.本机关不掌握相关政府信息", BOTH, 0 },
	{ "unavailable.needs_creation", R3 "(四)无法提供/2.没有现成信息需要另行制作", BOTH, 0 },
	{ "unavailable.unclear", R3 "(四)无法提供/3.补正后申请内容仍不明确", BOTH, 0 },
	{ "not_processed.petition", R3 "(五)不予处理/1.信访举报投诉类申请", BOTH, 0 },
	{ "not_processed.duplicate", R3 "(五)不予处理/2.重复申请", BOTH, 0 },
	{ "not_processed.publication", R3 "(五)不予处理/3.要求提供公开出版物", BOTH, 0 },
	{ "not_processed.excessive", R3 "(五)不予处理/4.无正当理由大量反复申请", BOTH, 0 },
	{ "not_processed.confirmation", R3 "(五)不予处理/5.要求行政机关确认或重新出具已获取信息", BOTH, 0 },
	{ "other.no_correction", R3 "(六)其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", GAI_ED_2021, 0 },
	{ "other.unpaid_fee", R3 "(六)其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", GAI_ED_2021, 0 },
	{ "other.misc", R3 "(六)其他处理/3.其他", GAI_ED_2021, 0 },
	{ "other", R3 "(六)其他处理", GAI_ED_2019, 0 },
	{ "total", R3 "(七)总计", BOTH, 0 },
	{ "carried_out", "四、结转下年度继续办理", BOTH, 0 },
	{ NULL, NULL, 0, 0 }
};

const char *const gai_req_rows[] = {
	"new", "carried_in", "granted", "partial", "denied.state_secret",
	"denied.prohibited", "denied.security", "denied.third_party",
	"denied.internal", "denied.deliberative", "denied.enforcement",
	"denied.query", "unavailable.not_held", "unavailable.needs_creation",
	"unavailable.unclear", "not_processed.petition",
	"not_processed.duplicate", "not_processed.publication",
	"not_processed.excessive", "not_processed.confirmation",
	"other.no_correction", "other.unpaid_fee", "other.misc", "other",
	"total", "carried_out", NULL
};

const char *const gai_appeal_groups[] = {
	"review", "suit_direct", "suit_after_review", NULL
};

static const char *const appeal_group_labels[] = {
	"行政复议", "行政诉讼/未经复议直接起诉", "行政诉讼/复议后起诉"
};

const char *const gai_appeal_cols[] = {
	"upheld", "corrected", "other", "pending", "total", NULL
};

static const char *const appeal_col_labels[] = {
	"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"
};

/* Every key of FIELDS.md, meta to appeal, each once. */
#define MAXFIELDS (6 + 32 + 26 * 7 + 3 * 5)
static struct gai_field fields[MAXFIELDS];
static size_t nfields;
static long slot;		/* entries of FIELDS.md's lists added so far */
static size_t sorted[MAXFIELDS];	/* indexes of fields in key order */
static int built;

static int
add(const char *key, const char *label, enum gai_table t, unsigned ed,
    int amount)
{
	struct gai_field *f;
	size_t i;

	if (key == NULL || label == NULL)
		return 0;
	/* A key the 2021 edition (listed first) has too: two wordings. */
	for (i = 0; i < nfields; i++)
		if (strcmp(fields[i].key, key) == 0) {
			fields[i].editions |= ed;
			if (strcmp(fields[i].label, label) != 0)
				fields[i].label2019 = label;
			fields[i].rank2019 = slot++;
			return 1;
		}
	if (nfields == MAXFIELDS)
		return 0;
	f = &fields[nfields++];
	f->key = key;
	f->label = label;
	f->label2019 = NULL;
	f->table = t;
	f->editions = ed;
	f->amount = amount;
	f->rank = f->rank2019 = slot++;
	return 1;
}

/*
 * Keys and labels are joined into one static pool: the table is built once
 * and never freed, and needs no allocation that could fail.
 */
static char pool[48 * 1024];
static size_t pooled;

static const char *
join(const char *a, const char *sep, const char *b, const char *sep2,
    const char *c)
{
	char *s = pool + pooled;
	int n = snprintf(s, sizeof pool - pooled, "%s%s%s%s%s", a, sep, b,
	    sep2, c);

	if (n < 0 || (size_t)n >= sizeof pool - pooled)
		return NULL;	/* the pool is too small: add() says so */
	pooled += (size_t)n + 1;
	return s;
}

static int
bykey(const void *a, const void *b)
{
	return strcmp(fields[*(const size_t *)a].key,
	    fields[*(const size_t *)b].key);
}

/*
 * Build the table on first use; it lives as long as the process.  The
 * parts above are fixed, so a failure here is a bug in them, caught by the
 * unit tests (gai_fields_count() is then short), never a runtime error.
 */
static void
build(void)
{
	const struct part *p;
	size_t i, j;
	int ok = 1;

	if (built)
		return;
	built = 1;
	for (p = meta; p->key != NULL; p++)
		ok = ok && add(p->key, p->label, GAI_T_META, p->ed, 0);
	for (p = active; p->key != NULL; p++)
		ok = ok && add(p->key, p->label, GAI_T_ACTIVE, p->ed, p->amount);
	for (p = req_rows; p->key != NULL; p++)
		for (j = 0; gai_req_cols[j] != NULL; j++)
			ok = ok && add(join("req.", p->key, ".", "",
			    gai_req_cols[j]),
			    join(p->label, "/", req_col_labels[j], "", ""),
			    GAI_T_REQ, p->ed, 0);
	for (i = 0; gai_appeal_groups[i] != NULL; i++)
		for (j = 0; gai_appeal_cols[j] != NULL; j++)
			ok = ok && add(join("appeal.", gai_appeal_groups[i],
			    ".", "", gai_appeal_cols[j]),
			    join("四、政府信息公开行政复议、行政诉讼情况/",
			    appeal_group_labels[i], "/", "", appeal_col_labels[j]),
			    GAI_T_APPEAL, GAI_ED_2019 | GAI_ED_2021, 0);
	for (i = 0; i < nfields; i++)
		sorted[i] = i;
	qsort(sorted, nfields, sizeof *sorted, bykey);
}

size_t
gai_fields_count(void)
{
	build();
	return nfields;
}

const struct gai_field *
gai_fields_at(size_t i)
{
	build();
	return i < nfields ? &fields[i] : NULL;
}

const char *
gai_fields_label(const struct gai_field *f, unsigned edition)
{
	return edition == GAI_ED_2019 && f->label2019 != NULL ?
	    f->label2019 : f->label;
}

long
gai_fields_rank(size_t i, unsigned edition)
{
	build();
	if (i >= nfields)
		return -1;
	return edition == GAI_ED_2019 ? fields[i].rank2019 : fields[i].rank;
}

long
gai_fields_index(const char *key)
{
	size_t lo = 0, hi;

	build();
	hi = nfields;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(key, fields[sorted[mid]].key);

		if (c == 0)
			return (long)sorted[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}
