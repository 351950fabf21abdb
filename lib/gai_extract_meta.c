/* SPDX-License-Identifier: MIT */
/* gai_extract_meta: title, body, year and date from the report's own words. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "gai_extract_impl.h"
#include "gai_fields.h"
#include "gai_text.h"

enum { M_TITLE, M_YEAR, M_DATE, M_HYEAR, M_SIGN, M_DATELINE, M_PUNCT,
    M_PRE, M_GTITLE, M_N };

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
	/*
	 * The title inside glued text: YEAR年 [body] [政府]信息公开…报告, not
	 * followed by the end of a sentence (现将…年度报告如下。 is prose).
	 */
	"((?:19|20)[0-9]{2})年度?(.{0,40}?)(?:政府)?信息公开(?:工作)?(?:年度)?"
	    "报告(?![。,;]|如下)",
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
	size_t s, e;

	gx_line(&x->toks, i, &s, &e);
	/* A title, a date or a year is near a line's start: a line of a
	 * megabyte and more (junk, or a whole page on one line) is not
	 * copied whole, so memory stays near twice the document's. */
	if (e - s > LINE_SQ_MAX)
		e = s + LINE_SQ_MAX;
	*raw = x->text.data + s;
	*rawlen = e - s;
	return gx_squeeze(x, *raw, e - s);
}

static size_t
line_len(struct gai_extract *x, size_t i)
{
	size_t s, e;

	gx_line(&x->toks, i, &s, &e);
	return e - s;
}

/* Set meta field key to v; the line it came from is the trace's cell. */
static int
set_meta(struct gai_extract *x, const char *key, const char *v, size_t n,
    long line)
{
	size_t i = (size_t)(line - x->first_line), s, e;
	struct gx_cell_ref c = { NULL, 0, GX_T_TEXT, line };

	if (i < x->toks.nlines) {
		gx_line(&x->toks, i, &s, &e);
		c.s = x->text.data + s;
		c.n = e - s;
	}

	return gx_set(x, gai_fields_index(key), v, n, &c);
}

/* The first n bytes of line i (whole characters), squeezed into x->sq. */
static int
head_sq(struct gai_extract *x, size_t i, size_t n)
{
	size_t s, e;
	const char *raw;

	gx_line(&x->toks, i, &s, &e);
	raw = x->text.data + s;
	if (n > e - s)
		n = e - s;
	while (n > 0 && (raw[n] & 0xc0) == 0x80)
		n--;
	return gx_squeeze(x, raw, n);
}

static int
year_of(const char *s)
{
	return (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
}

/* meta.published from the date M_DATE matched in x->sq last. */
static int
set_date(struct gai_extract *x, long line)
{
	char d[16];
	size_t ys, ye, ms, me, ds, de;

	gx_match(x, x->meta_re[M_DATE], NULL, 1, &ys, &ye);
	gx_match(x, x->meta_re[M_DATE], NULL, 2, &ms, &me);
	gx_match(x, x->meta_re[M_DATE], NULL, 3, &ds, &de);
	snprintf(d, sizeof d, "%.4s-%s%.*s-%s%.*s", x->sq.data + ys,
	    me - ms < 2 ? "0" : "", (int)(me - ms), x->sq.data + ms,
	    de - ds < 2 ? "0" : "", (int)(de - ds), x->sq.data + ds);
	return set_meta(x, "meta.published", d, strlen(d), line);
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

/* The title of a glued report is looked for this far into its line. */
#define GLUED_TITLE_MAX 2048

/* Characters of text before a glued title that may be a body's name. */
#define GLUED_ORG_MAX 40

/* Is there a boundary before byte k of s: its start, a space, or a
 * punctuation mark (ASCII but the brackets of 市人民政府(办公室), or a
 * CJK one)?  A body's name holds none of them. */
static int
boundary_before(const char *s, size_t k)
{
	static const char cjk[][4] = {
		"。", "、", "“", "”", "‘", "’", "《", "》", "【", "】", "「",
		"」", "『", "』", "〔", "〕", "…", "—"
	};
	unsigned char c;
	size_t i;

	if (k == 0)
		return 1;
	c = (unsigned char)s[k - 1];
	if (c < 0x80)
		return c != '(' && c != ')';
	for (i = 0; k >= 3 && i < sizeof cjk / sizeof cjk[0]; i++)
		if (memcmp(s + k - 3, cjk[i], 3) == 0)
			return 1;
	return 0;
}

/* The last character of a place's or a body's name: 攀枝花市|米易县 is one
 * name.  (A site's 网站 is junk before a name.) */
static int
name_end(const char *s, size_t k)
{
	static const char ends[] = "省市县縣区區州盟旗镇鎮乡鄉村局委厅廳部院所"
	    "府室办辦处處署";
	size_t i;

	if (k < 3)
		return 0;
	for (i = 0; i + 3 <= sizeof ends - 1; i += 3)
		if (memcmp(ends + i, s + k - 3, 3) == 0)
			return 1;
	return 0;
}

/*
 * Does the report name w[0..n) again outside text offsets [a, b), right
 * after a boundary (the start of a line or sentence, a punctuation mark)?
 * A body names itself so in its signature and its prose.
 */
static int
named_again(const struct gai_extract *x, const char *w, size_t n, size_t a,
    size_t b)
{
	const char *t = x->text.data, *h = t, *e = t + x->text.len;
	size_t o;

	while ((h = memmem(h, (size_t)(e - h), w, n)) != NULL) {
		o = (size_t)(h - t);
		if ((o < a || o >= b) && (o == 0 || t[o - 1] == '\n' ||
		    t[o - 1] == ' ' || boundary_before(t, o)))
			return 1;
		h++;
	}
	return 0;
}

/* Does s start with a word no body's name starts with (the 人民政府 of
 * 某某县人民政府, 办公室)? */
static int
generic_start(const char *s)
{
	static const char *const words[] = {
		"人民", "政府", "民政府", "办公", "辦公", "公室", NULL
	};
	size_t i;

	for (i = 0; words[i] != NULL; i++)
		if (strncmp(s, words[i], strlen(words[i])) == 0)
			return 1;
	return 0;
}

/*
 * Where the body's name starts in x->sq[ps..y), the text before a glued
 * title's year back to a boundary (text offsets [a, b) are the title's).
 * Junk glued in front (a spam link's 彩天下, a site's name) is text the
 * report never says again; the body's name is one it does, in its
 * signature or its prose.  So the name starts at the first character
 * from which the report names all of it again, or else (六盘水市人民政府
 * (市人民政府办公室) is named as 六盘水市…) its first four characters,
 * when its first two do not stand twice in the text before the year
 * (某某县网站某某县: which one starts the name is not told).  A name does
 * not start after 市, 县, 局 … (攀枝花市|米易县 is one name), nor with
 * 人民政府 or 办公室.  -1 when the start is not certain.
 */
static long
org_start(const struct gai_extract *x, size_t ps, size_t y, size_t a,
    size_t b)
{
	const char *d = x->sq.data;
	size_t s, e, n;
	int k, whole;

	for (whole = 1; whole >= 0; whole--)
		for (s = ps; s < y; s += 3) {
			if ((unsigned char)d[s] < 0xe0 ||
			    (unsigned char)d[s] >= 0xf0)
				break;	/* a name starts with a CJK character */
			if ((s > ps && name_end(d, s)) || generic_start(d + s))
				continue;
			for (e = s, k = 0; (whole || k < 4) && e < y; k++) {
				gai_text_decode(d + e, y - e, &n);
				e += n;
			}
			if (k < 2)
				break;
			if (!named_again(x, d + s, e - s, a, b))
				continue;
			if (whole || memmem(d + s + 3, y - s - 3, d + s, 6) ==
			    NULL)
				return (long)s;
			break;
		}
	return -1;
}

struct title {
	char title[512], org[256];
	long line;
};

/*
 * The title inside line i of glued text, the whole report run together
 * on one line: the first …年…信息公开工作年度报告 near its start, after a
 * boundary (its start, a crawler's 标题:, a punctuation mark) and the body's
 * name, if any, in between.  Where the name starts is told by org_start;
 * when it cannot be, neither the title nor the body is read, and a
 * warn.title_start says so.  The date the page states after the title is
 * meta.published.  1 when a title was found, 0 when the line is not glued
 * or holds none, NOMEM.
 */
static int
glued_title(struct gai_extract *x, size_t i, struct title *t, int *have_date)
{
	const char *raw;
	size_t rawlen, gs, ge, bs, be, ys, ps, ts, te, a, b, k;
	long s;

	/* a title near the line's start, and the line glued: the first is
	 * cheap and rare, the second scans the line */
	if (head_sq(x, i, GLUED_TITLE_MAX) < 0)
		return GAI_E_NOMEM;
	if (!gx_match(x, x->meta_re[M_GTITLE], NULL, 0, NULL, NULL))
		return 0;
	if (line_sq(x, i, &raw, &rawlen) < 0)
		return GAI_E_NOMEM;
	if (!gx_match(x, x->glue_re, NULL, 0, NULL, NULL))
		return 0;	/* prose, not glued text */
	if (head_sq(x, i, GLUED_TITLE_MAX) < 0)
		return GAI_E_NOMEM;
	gx_match(x, x->meta_re[M_GTITLE], NULL, 1, &gs, &ge);
	gx_match(x, x->meta_re[M_GTITLE], NULL, 0, &ts, &te);
	gx_match(x, x->meta_re[M_GTITLE], NULL, 2, &bs, &be);
	x->year = year_of(x->sq.data + gs);
	t->line = x->first_line + (long)i;
	/* back from the year to a boundary: the body's name, or junk too */
	for (ys = ps = gs, k = 0; k < GLUED_ORG_MAX && ps > 0 &&
	    !boundary_before(x->sq.data, ps); k++)
		for (ps--; ps > 0 && (x->sq.data[ps] & 0xc0) == 0x80; ps--)
			;
	a = gx_sq_text(x, ps);
	b = gx_sq_text(x, te);
	if (ps == ys)
		s = (long)ps;	/* no name before the year */
	else if (gx_match(x, x->meta_re[M_PRE], NULL, 1, &k, &ge) &&
	    ge > k && ps == ge + 1)
		s = (long)ps;	/* a crawler's 标题: its value */
	else
		s = org_start(x, ps, ys, a, b);
	if (s < 0) {
		if (gx_warn(x, "title_start", "meta.title: where the body's "
		    "name starts in the glued title \"%.*s\" is not certain "
		    "(the report does not name it again on its own): "
		    "meta.title and meta.org not read", (int)(te - ps),
		    x->sq.data + ps) < 0)
			return GAI_E_NOMEM;
	} else {
		snprintf(t->title, sizeof t->title, "%.*s", (int)(te - (size_t)s),
		    x->sq.data + s);
		if (ys > (size_t)s)
			snprintf(t->org, sizeof t->org, "%.*s",
			    (int)(ys - (size_t)s), x->sq.data + s);
		else if (be > bs)
			snprintf(t->org, sizeof t->org, "%.*s", (int)(be - bs),
			    x->sq.data + bs);
	}
	/* 发布时间: after the title */
	if (!*have_date && b < x->text.len) {
		k = x->text.len - b < 400 ? x->text.len - b : 400;
		while (k > 0 && (x->text.data[b + k] & 0xc0) == 0x80)
			k--;
		if (gx_squeeze(x, x->text.data + b, k) < 0)
			return GAI_E_NOMEM;
		if (gx_match(x, x->meta_re[M_DATE], NULL, 0, NULL, NULL)) {
			if (set_date(x, t->line) < 0)
				return GAI_E_NOMEM;
			*have_date = 1;
		}
	}
	return s < 0 ? 2 : 1;
}

int
gx_meta(struct gai_extract *x, int before_tables)
{
	size_t i, gs, ge, g1s, g1e, g3s, g3e, ts, te, rawlen;
	size_t n = x->toks.nlines;
	const char *raw;
	char ybuf[8];
	struct title t;
	long tline = 0, pre_title;
	int have_title = 0, have_org = 0, have_date = 0, seen = 0, rc;
	size_t prev_len = 0, pre_end;
	char prev[256];

	if (!before_tables)
		return 0;
	t.title[0] = t.org[0] = prev[0] = '\0';
	if (preamble(x, &pre_title, &pre_end, &have_org) < 0)
		return GAI_E_NOMEM;
	/* 1. The title, in the first lines (after a site's menus, on a page);
	 * a short line before a title that starts with its year is the
	 * body's name broken off it.  A preamble's 标题 is the title. */
	for (i = pre_title >= 0 ? (size_t)pre_title : pre_end;
	    i < n && i < 300 && !have_title; i++) {
		if (line_len(x, i) > 400) {
			prev_len = 0;	/* prose, or a glued report */
			if ((rc = glued_title(x, i, &t, &have_date)) < 0)
				return rc;
			if (rc == 0)
				continue;
			tline = t.line;
			have_title = rc == 1;
			break;
		}
		if (title_sq(x, i, pre_title) < 0)
			return GAI_E_NOMEM;
		if (x->sq.len == 0)
			continue;
		if ((long)i == pre_title && (x->sq.len >= 300 ||
		    !gx_match(x, x->meta_re[M_TITLE], NULL, 0, NULL, NULL))) {
			/* not a report's title: kept as the page says it */
			snprintf(t.title, sizeof t.title, "%s", x->sq.data);
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
				snprintf(t.title, sizeof t.title, "%s%.*s", prev,
				    (int)(te - ts), x->sq.data + ts);
				snprintf(t.org, sizeof t.org, "%s", prev);
			} else {
				snprintf(t.title, sizeof t.title, "%.*s",
				    (int)(te - ts), x->sq.data + ts);
				if (g1e > g1s)
					snprintf(t.org, sizeof t.org, "%.*s",
					    (int)(g1e - g1s), x->sq.data + g1s);
				else if (g3e > g3s)
					snprintf(t.org, sizeof t.org, "%.*s",
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
		size_t k = strlen(t.org);

		/* "XX市人民政府关于2021年..." */
		if (k >= 6 && (strcmp(t.org + k - 6, "关于") == 0 ||
		    strcmp(t.org + k - 6, "關於") == 0))
			t.org[k - 6] = '\0';
		if (set_meta(x, "meta.title", t.title, strlen(t.title), tline) < 0)
			return GAI_E_NOMEM;
		if (t.org[0] != '\0' && !have_org) {
			have_org = 1;
			if (set_meta(x, "meta.org", t.org, strlen(t.org), tline) < 0)
				return GAI_E_NOMEM;
		}
	}
	/* 2. The date the page states, and the year from the prose. */
	for (i = 0; i < n && i < 80 && (x->year == 0 || !have_date); i++) {
		size_t ls, le;

		gx_line(&x->toks, i, &ls, &le);
		if (x->year != 0 && le - ls > 300)
			continue;
		/* a line that can hold none of them (a date needs 时间, 日期
		 * or date, a year 年 or a '#' first) is not read */
		raw = x->text.data + ls;
		if (!((!have_date && ((x->lmark[i] & GX_L_DATE) ||
		    memchr(raw, 'd', le - ls) != NULL)) ||
		    (x->year == 0 && (x->lmark[i] & GX_L_YEAR)) ||
		    (!seen && raw[0] == '#')))
			continue;
		if (line_sq(x, i, &raw, &rawlen) < 0)
			return GAI_E_NOMEM;
		if (x->sq.len == 0)
			continue;
		if (!have_date && x->sq.len < 300 && gx_match(x,
		    x->meta_re[M_DATE], NULL, 0, NULL, NULL)) {
			have_date = 1;
			if (set_date(x, x->first_line + (long)i) < 0)
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
