/* SPDX-License-Identifier: MIT */
/* gai_extract_meta: title, body, year and date from the report's own words. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "gai_extract_impl.h"
#include "gai_fields.h"

enum { M_TITLE, M_YEAR, M_DATE, M_HYEAR, M_SIGN, M_DATELINE, M_PUNCT,
    M_PRE, M_N };

static const char *const meta_pats[M_N] = {
	/*
	 * [body] YEAR年 [body] [政府]信息公开[工作][年度]报告, and in a page's
	 * <title> the site's name after a dash, which is not the title's.
	 */
	"^((.{0,60}?)((?:19|20)[0-9]{2})年度?(.{0,40}?)(?:政府)?信息公开"
	    "(?:工作)?(?:年度)?报告)(?:[-_|—–][^-_|—–]{1,60})?$",
	"((?:19|20)[0-9]{2})年",
	"(?:发布|更新)?(?:时间|日期|date)[:]?((?:19|20)[0-9]{2})[-/.年]"
	    "([0-9]{1,2})[-/.月]([0-9]{1,2})",
	"^((?:19|20)[0-9]{2})$",
	"(?:政府|办公室|局|委员会|委|院|中心|镇|乡|街道|办事处|厅|署|馆|所|站"
	    "|会|处|部|公司|集团|管委会)$",
	"^(?:(?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日?|(?:19|20)[0-9]{2}"
	    "[-/.][0-9]{1,2}[-/.][0-9]{1,2})$",
	"[。,:;!?、“”]",
	/*
	 * A crawler's preamble line, before the text: group k names the
	 * meta key pre_keys[k] its value gives; the other labels' values
	 * are read elsewhere (发布时间) or not at all.
	 */
	"^(?:(标题)|(发布机构)|(原文链接)|发布时间|发布日期|文号|栏目|来源"
	    "|信息来源|索引号):",
};

static const char *const pre_keys[] = {
	NULL, "meta.title", "meta.org", "meta.url"
};

int
gx_meta_compile(struct gai_extract *x, struct gai_error *err)
{
	size_t i;

	for (i = 0; i < M_N; i++)
		if ((x->meta_re[i] = gx_compile(meta_pats[i], 0, err)) == NULL)
			return -1;
	return 0;
}

#define LINE_SQ_MAX ((size_t)1 << 20)

/* Line i of the document, squeezed into x->sq; its raw start in *raw. */
static int
line_sq(struct gai_extract *x, size_t i, const char **raw, size_t *rawlen)
{
	size_t s = x->toks.lines[i];
	size_t e = i + 1 < x->toks.nlines ? x->toks.lines[i + 1] - 1 :
	    x->text.len;

	if (e < s)
		e = s;
	/* A title, a date or a year is near a line's start: a line of a
	 * megabyte and more (junk, or a whole page on one line) is not
	 * copied whole, so memory stays near twice the document's. */
	if (e - s > LINE_SQ_MAX)
		e = s + LINE_SQ_MAX;
	*raw = x->text.data + s;
	*rawlen = e - s;
	return gx_squeeze(x, *raw, e - s);
}

/* Set meta field key to v; the line it came from is the trace's cell. */
static size_t
line_len(const struct gai_extract *x, size_t i)
{
	size_t e = i + 1 < x->toks.nlines ? x->toks.lines[i + 1] - 1 :
	    x->text.len;

	return e > x->toks.lines[i] ? e - x->toks.lines[i] : 0;
}

static int
set_meta(struct gai_extract *x, const char *key, const char *v, size_t n,
    long line)
{
	size_t i = (size_t)(line - x->first_line), e;
	struct gx_cell_ref c = { NULL, 0, GX_T_TEXT, line };

	if (i < x->toks.nlines) {
		e = i + 1 < x->toks.nlines ? x->toks.lines[i + 1] - 1 :
		    x->text.len;
		c.s = x->text.data + x->toks.lines[i];
		c.n = e - x->toks.lines[i];
	}

	return gx_set(x, gai_fields_index(key), v, n, &c);
}

static int
year_of(const char *s)
{
	return (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
}

/*
 * A crawler's preamble at the top ("标题: …", "发布机构: …", "原文链接: …",
 * up to "==== 正文 ===="): meta.org and meta.url from their lines when
 * filled.  The line of "标题:" goes in *tline (-1 none) and the line after
 * the preamble in *end.  0 or NOMEM.
 */
static int
preamble(struct gai_extract *x, long *tline, size_t *end, int *have_org)
{
	size_t i, k, gs, ge, rawlen;
	const char *raw, *v;

	*tline = -1;
	*end = 0;
	for (i = 0; i < x->toks.nlines && i < 30; i++) {
		if (line_sq(x, i, &raw, &rawlen) < 0)
			return GAI_E_NOMEM;
		if (x->sq.len == 0)
			continue;
		if (x->sq.len >= 4 && strncmp(x->sq.data, "====", 4) == 0) {
			*end = i + 1;	/* ==== 正文 ==== */
			break;
		}
		if (!gx_match(x, x->meta_re[M_PRE], NULL, 0, NULL, NULL))
			break;
		*end = i + 1;
		for (k = 1; k < sizeof pre_keys / sizeof pre_keys[0]; k++)
			if (gx_match(x, x->meta_re[M_PRE], NULL, (int)k, &gs,
			    &ge) && ge > gs)
				break;
		/* the value: after the colon, its spaces trimmed */
		v = memchr(raw, ':', rawlen);
		ge = (size_t)(raw + rawlen - v) - 1;
		for (v++; ge > 0 && (unsigned char)*v <= ' '; v++, ge--)
			;
		while (ge > 0 && (unsigned char)v[ge - 1] <= ' ')
			ge--;
		if (k == sizeof pre_keys / sizeof pre_keys[0] || ge == 0)
			continue;
		if (k == 1)
			*tline = (long)i;
		else if (set_meta(x, pre_keys[k], v, ge, x->first_line +
		    (long)i) < 0)
			return GAI_E_NOMEM;
		*have_org |= k == 2;
	}
	return 0;
}

/* Line i squeezed, or the value of its "标题:" when it is line tline. */
static int
title_sq(struct gai_extract *x, size_t i, long tline)
{
	const char *raw, *colon;
	size_t rawlen;

	if (line_sq(x, i, &raw, &rawlen) < 0)
		return GAI_E_NOMEM;
	if ((long)i != tline)
		return 0;
	colon = memchr(raw, ':', rawlen);
	return gx_squeeze(x, colon + 1, rawlen - (size_t)(colon + 1 - raw));
}

int
gx_meta(struct gai_extract *x, int before_tables)
{
	size_t i, gs, ge, g1s, g1e, g3s, g3e, ts, te, rawlen;
	size_t n = x->toks.nlines;
	const char *raw;
	char title[512], org[256], ybuf[8];
	long tline = 0, pre_title;
	int have_title = 0, have_org = 0, have_date = 0, seen = 0;
	size_t prev_len = 0, pre_end;
	char prev[256];

	if (!before_tables)
		return 0;
	title[0] = org[0] = prev[0] = '\0';
	if (preamble(x, &pre_title, &pre_end, &have_org) < 0)
		return GAI_E_NOMEM;
	/* 1. The title, in the first lines (after a site's menus, on a page);
	 * a short line before a title that starts with its year is the
	 * body's name broken off it.  A preamble's 标题 is the title. */
	for (i = pre_title >= 0 ? (size_t)pre_title : pre_end;
	    i < n && i < 300 && !have_title; i++) {
		if (line_len(x, i) > 400) {
			prev_len = 0;	/* prose */
			continue;
		}
		if (title_sq(x, i, pre_title) < 0)
			return GAI_E_NOMEM;
		if (x->sq.len == 0)
			continue;
		if ((long)i == pre_title && (x->sq.len >= 300 ||
		    !gx_match(x, x->meta_re[M_TITLE], NULL, 0, NULL, NULL))) {
			/* not a report's title: kept as the page says it */
			snprintf(title, sizeof title, "%s", x->sq.data);
			tline = x->first_line + (long)i;
			have_title = 1;
			break;
		}
		if (x->sq.len < 300 && gx_match(x, x->meta_re[M_TITLE], NULL, 3,
		    &gs, &ge)) {
			gx_match(x, x->meta_re[M_TITLE], NULL, 1, &ts, &te);
			gx_match(x, x->meta_re[M_TITLE], NULL, 2, &g1s, &g1e);
			gx_match(x, x->meta_re[M_TITLE], NULL, 4, &g3s, &g3e);
			x->year = year_of(x->sq.data + gs);
			tline = x->first_line + (long)i;
			if (g1e == g1s && prev_len > 0) {
				snprintf(title, sizeof title, "%s%.*s", prev,
				    (int)(te - ts), x->sq.data + ts);
				snprintf(org, sizeof org, "%s", prev);
			} else {
				snprintf(title, sizeof title, "%.*s",
				    (int)(te - ts), x->sq.data + ts);
				if (g1e > g1s)
					snprintf(org, sizeof org, "%.*s",
					    (int)(g1e - g1s), x->sq.data + g1s);
				else if (g3e > g3s)
					snprintf(org, sizeof org, "%.*s",
					    (int)(g3e - g3s), x->sq.data + g3s);
			}
			have_title = 1;
			break;
		}
		prev_len = 0;
		if (x->sq.len < sizeof prev && !gx_match(x, x->meta_re[M_PUNCT],
		    NULL, 0, NULL, NULL)) {
			memcpy(prev, x->sq.data, x->sq.len + 1);
			prev_len = x->sq.len;
		}
	}
	if (have_title) {
		size_t k = strlen(org);

		/* "XX市人民政府关于2021年..." */
		if (k >= 6 && (strcmp(org + k - 6, "关于") == 0 ||
		    strcmp(org + k - 6, "關於") == 0))
			org[k - 6] = '\0';
		if (set_meta(x, "meta.title", title, strlen(title), tline) < 0)
			return GAI_E_NOMEM;
		if (org[0] != '\0' && !have_org) {
			have_org = 1;
			if (set_meta(x, "meta.org", org, strlen(org), tline) < 0)
				return GAI_E_NOMEM;
		}
	}
	/* 2. The date the page states, and the year from the prose. */
	for (i = 0; i < n && i < 80 && (x->year == 0 || !have_date); i++) {
		if (x->year != 0 && line_len(x, i) > 300)
			continue;
		if (line_sq(x, i, &raw, &rawlen) < 0)
			return GAI_E_NOMEM;
		if (x->sq.len == 0)
			continue;
		if (!have_date && x->sq.len < 300 && gx_match(x, x->meta_re[M_DATE], NULL, 1, &gs,
		    &ge)) {
			char d[16];
			size_t ms, me, ds, de;

			gx_match(x, x->meta_re[M_DATE], NULL, 2, &ms, &me);
			gx_match(x, x->meta_re[M_DATE], NULL, 3, &ds, &de);
			snprintf(d, sizeof d, "%.4s-%s%.*s-%s%.*s",
			    x->sq.data + gs, me - ms < 2 ? "0" : "",
			    (int)(me - ms), x->sq.data + ms,
			    de - ds < 2 ? "0" : "", (int)(de - ds),
			    x->sq.data + ds);
			have_date = 1;
			if (set_meta(x, "meta.published", d, strlen(d),
			    x->first_line + (long)i) < 0)
				return GAI_E_NOMEM;
			continue;
		}
		if (x->year == 0 && gx_match(x, x->meta_re[M_YEAR], NULL, 1,
		    &gs, &ge)) {
			x->year = year_of(x->sq.data + gs);
			tline = x->first_line + (long)i;
		}
		if (!seen && rawlen > 0 && raw[0] == '#' &&
		    gx_match(x, x->meta_re[M_HYEAR], NULL, 1, &gs, &ge)) {
			seen = year_of(x->sq.data + gs);
			if (x->year == 0)
				tline = x->first_line + (long)i;
		}
	}
	if (x->year == 0)
		x->year = seen;
	if (x->year != 0) {
		snprintf(ybuf, sizeof ybuf, "%d", x->year);
		if (set_meta(x, "meta.year", ybuf, strlen(ybuf), tline) < 0)
			return GAI_E_NOMEM;
	}
	/* 3. No body in the title: the signature at the end. */
	for (i = n, seen = 0; !have_org && i > 0 && seen < 6; i--) {
		if (line_sq(x, i - 1, &raw, &rawlen) < 0)
			return GAI_E_NOMEM;
		if (x->sq.len == 0)
			continue;
		seen++;
		if (gx_match(x, x->meta_re[M_DATELINE], NULL, 0, NULL, NULL) ||
		    (x->sq.len <= 8 && x->sq.data[0] == '-'))
			continue;
		if (x->sq.len <= 90 && !gx_match(x, x->meta_re[M_PUNCT], NULL,
		    0, NULL, NULL) && gx_match(x, x->meta_re[M_SIGN], NULL, 0,
		    NULL, NULL)) {
			char o[128];

			snprintf(o, sizeof o, "%s", x->sq.data);
			if (set_meta(x, "meta.org", o, strlen(o),
			    x->first_line + (long)i - 1) < 0)
				return GAI_E_NOMEM;
		}
		break;
	}
	return 0;
}
