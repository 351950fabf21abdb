/* SPDX-License-Identifier: MIT */
/* gai_tsv_table: a document's tables in the template's own 2-D layout. */
#include <config.h>

#include <string.h>

#include "gai_tsv.h"

/*
 * The active table is printed as the template prints it: one block per
 * 第二十条 item, each with its own column headings.  The labels come from
 * gai_fields (row = part 1 of the label, column = part 2), so only the
 * shape is written down here.
 */
struct ablock {
	const char *item;
	const char *rows[3][3];		/* keys; unused cells NULL */
};

static const struct ablock active2021[] = {
	{ "第二十条第(一)项", {
	    { "active.rules.issued", "active.rules.repealed", "active.rules.in_force" },
	    { "active.normative.issued", "active.normative.repealed",
	      "active.normative.in_force" } } },
	{ "第二十条第(五)项", { { "active.license.decisions" } } },
	{ "第二十条第(六)项", { { "active.punishment.decisions" },
	    { "active.coercion.decisions" } } },
	{ "第二十条第(八)项", { { "active.fees.amount" } } },
	{ NULL, { { NULL } } }
};

static const struct ablock active2019[] = {
	{ "第二十条第(一)项", {
	    { "active.rules.made", "active.rules.published", "active.rules.total" },
	    { "active.normative.made", "active.normative.published",
	      "active.normative.total" } } },
	{ "第二十条第(五)项", {
	    { "active.license.prior_items", "active.license.change",
	      "active.license.decisions" },
	    { "active.other_service.prior_items", "active.other_service.change",
	      "active.other_service.decisions" } } },
	{ "第二十条第(六)项", {
	    { "active.punishment.prior_items", "active.punishment.change",
	      "active.punishment.decisions" },
	    { "active.coercion.prior_items", "active.coercion.change",
	      "active.coercion.decisions" } } },
	{ "第二十条第(八)项", {
	    { "active.fees.prior_items", "active.fees.change" } } },
	{ "第二十条第(九)项", {
	    { "active.procurement.items", "active.procurement.amount" } } },
	{ NULL, { { NULL } } }
};

/*
 * Part n of a "/"-joined label into buf ("" when there is no such part);
 * with rest, part n and all after it (a column named 本年增/减).
 */
static const char *
partx(const char *label, int n, int rest, char *buf, size_t size)
{
	const char *p = label, *e;
	size_t len;

	for (; n > 0 && p != NULL; n--)
		if ((p = strchr(p, '/')) != NULL)
			p++;
	if (p == NULL)
		return "";
	e = rest ? NULL : strchr(p, '/');
	len = e != NULL ? (size_t)(e - p) : strlen(p);
	if (len >= size)
		len = size - 1;
	memcpy(buf, p, len);
	buf[len] = '\0';
	return buf;
}

static const char *
part(const char *label, int n, char *buf, size_t size)
{
	return partx(label, n, 0, buf, size);
}

static const char *
label_of(const char *key)
{
	return gai_tsv_label(key, GAI_ED_2019 | GAI_ED_2021);
}

static const char *
value_of(const struct gai_tsv_work *w, const char *key)
{
	long f = gai_fields_index(key);
	const char *v = f >= 0 ? w->byfield[f] : NULL;

	return v != NULL ? v : "";
}

/* A line of width cells: the given ones, then empty ones. */
static int
line(struct gai_buf *b, enum gai_tsv_fmt fmt, size_t width,
    const char *const *cells, size_t n)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < width; i++)
		rc |= gai_tsv_cell(b, fmt, i == 0, i < n && cells[i] != NULL ?
		    cells[i] : "");
	return rc | gai_tsv_eol(b, fmt) ? GAI_E_NOMEM : 0;
}

unsigned
gai_tsv_edition(const struct gai_tsv_work *w)
{
	long f = gai_fields_index("meta.edition");
	const char *ed = f >= 0 ? w->byfield[f] : NULL;
	size_t i, n19 = 0, n21 = 0;

	if (ed != NULL && strcmp(ed, "2019") == 0)
		return GAI_ED_2019;
	if (ed != NULL && strcmp(ed, "2021") == 0)
		return GAI_ED_2021;
	/* No usable meta.edition: the edition whose own keys are present. */
	for (i = 0; i < w->nfields; i++) {
		unsigned e = gai_fields_at(i)->editions;

		if (w->byfield[i] == NULL)
			continue;
		n19 += e == GAI_ED_2019;
		n21 += e == GAI_ED_2021;
	}
	return n19 > n21 ? GAI_ED_2019 : GAI_ED_2021;
}

static int
active(struct gai_buf *b, const struct gai_tsv_work *w, enum gai_tsv_fmt fmt)
{
	unsigned ed = gai_tsv_edition(w);
	const struct ablock *a = ed == GAI_ED_2019 ? active2019 : active2021;
	char lb[4][256];
	const char *cells[4];
	size_t r, c;
	int rc = 0;

	for (; a->item != NULL; a++) {
		cells[0] = a->item;
		rc |= line(b, fmt, 4, cells, 1);
		cells[0] = "信息内容";
		for (c = 0; c < 3; c++)
			cells[c + 1] = a->rows[0][c] == NULL ? "" :
			    partx(gai_tsv_label(a->rows[0][c], ed), 2, 1,
			    lb[c + 1], sizeof lb[0]);
		rc |= line(b, fmt, 4, cells, 4);
		for (r = 0; r < 3 && a->rows[r][0] != NULL; r++) {
			cells[0] = part(gai_tsv_label(a->rows[r][0], ed), 1,
			    lb[0], sizeof lb[0]);
			for (c = 0; c < 3; c++)
				cells[c + 1] = a->rows[r][c] == NULL ? "" :
				    value_of(w, a->rows[r][c]);
			rc |= line(b, fmt, 4, cells, 4);
		}
	}
	return rc;
}

/* Keys of the req table are built from its row and column names. */
static const char *
req_key(char *buf, size_t size, const char *row, const char *col)
{
	snprintf(buf, size, "req.%s.%s", row, col);
	return buf;
}

static int
req(struct gai_buf *b, const struct gai_tsv_work *w, enum gai_tsv_fmt fmt)
{
	enum { LABELS = 3, WIDTH = LABELS + 7 };
	char key[128], lb[WIDTH][256], prev[LABELS][256];
	const char *cells[WIDTH];
	unsigned ed = gai_tsv_edition(w);
	size_t r, c;
	int k, rc = 0;

	/* Three heading lines, merged cells written once as on the page. */
	memset(cells, 0, sizeof cells);
	cells[LABELS] = "申请人情况";
	rc |= line(b, fmt, WIDTH, cells, WIDTH);
	for (c = 0; gai_req_cols[c] != NULL; c++) {
		const char *l = label_of(req_key(key, sizeof key, "new",
		    gai_req_cols[c]));

		part(l, 1, lb[LABELS + c], sizeof lb[0]);
		cells[LABELS + c] = c > 0 &&
		    strcmp(lb[LABELS + c], lb[LABELS + c - 1]) == 0 ? "" :
		    lb[LABELS + c];
	}
	rc |= line(b, fmt, WIDTH, cells, WIDTH);
	for (c = 0; gai_req_cols[c] != NULL; c++)
		cells[LABELS + c] = part(label_of(req_key(key, sizeof key,
		    "new", gai_req_cols[c])), 2, lb[LABELS + c], sizeof lb[0]);
	rc |= line(b, fmt, WIDTH, cells, WIDTH);

	memset(prev, 0, sizeof prev);
	for (r = 0; gai_req_rows[r] != NULL; r++) {
		long f = gai_fields_index(req_key(key, sizeof key,
		    gai_req_rows[r], "total"));
		const struct gai_field *fd = gai_fields_at((size_t)f);
		int nparts = 1;
		const char *p;

		if (f < 0 || !(fd->editions & ed))
			continue;
		/* The label's last part is the column ("总计"). */
		for (p = fd->label; (p = strchr(p, '/')) != NULL; p++)
			nparts++;
		for (k = 0; k < LABELS; k++) {
			if (k >= nparts - 1) {
				cells[k] = "";
				prev[k][0] = '\0';
				continue;
			}
			part(fd->label, k, lb[k], sizeof lb[0]);
			/* A label the row above already shows is a merged cell. */
			cells[k] = strcmp(lb[k], prev[k]) == 0 && (k == 0 ||
			    cells[k - 1][0] == '\0') ? "" : lb[k];
			memcpy(prev[k], lb[k], sizeof prev[k]);
		}
		for (c = 0; gai_req_cols[c] != NULL; c++)
			cells[LABELS + c] = value_of(w, req_key(key, sizeof key,
			    gai_req_rows[r], gai_req_cols[c]));
		rc |= line(b, fmt, WIDTH, cells, WIDTH);
	}
	return rc;
}

static int
appeal(struct gai_buf *b, const struct gai_tsv_work *w, enum gai_tsv_fmt fmt)
{
	enum { WIDTH = 15 };
	char key[128], l1[WIDTH][256], l2[WIDTH][256], l3[WIDTH][256];
	const char *c1[WIDTH], *c2[WIDTH], *c3[WIDTH], *v[WIDTH];
	size_t g, c, i = 0;
	int rc = 0;

	/*
	 * Labels are 节/group/col for 行政复议 and 节/行政诉讼/group/col for
	 * the suits: the page's three heading lines, merged cells once.
	 */
	for (g = 0; gai_appeal_groups[g] != NULL; g++) {
		for (c = 0; gai_appeal_cols[c] != NULL; c++, i++) {
			const char *l;

			snprintf(key, sizeof key, "appeal.%s.%s",
			    gai_appeal_groups[g], gai_appeal_cols[c]);
			l = label_of(key);
			part(l, 1, l1[i], sizeof l1[0]);
			part(l, 2, l2[i], sizeof l2[0]);
			part(l, 3, l3[i], sizeof l3[0]);
			c1[i] = i > 0 && strcmp(l1[i], l1[i - 1]) == 0 ? "" : l1[i];
			if (g == 0) {
				c2[i] = l2[i];
				c3[i] = "";
			} else {
				c2[i] = c > 0 ? "" : l2[i];
				c3[i] = l3[i];
			}
			v[i] = value_of(w, key);
		}
	}
	rc |= line(b, fmt, WIDTH, c1, i);
	rc |= line(b, fmt, WIDTH, c2, i);
	rc |= line(b, fmt, WIDTH, c3, i);
	rc |= line(b, fmt, WIDTH, v, i);
	return rc;
}

int
gai_tsv_table(struct gai_buf *b, enum gai_table t,
    const struct gai_tsv_work *w, const struct gai_recset *set,
    enum gai_tsv_fmt fmt)
{
	static const char *const titles[] = {
		"", "二、主动公开政府信息情况",
		"三、收到和处理政府信息公开申请情况",
		"四、政府信息公开行政复议、行政诉讼情况"
	};
	/*
	 * Which document, and which table of it: each on a line of its own,
	 * in the first cell, where the row labels are as wide: column -t
	 * then lines up the table's columns without a gap after a long name.
	 */
	const char *name = set->doc.data;
	int rc = line(b, fmt, 1, &name, 1) | line(b, fmt, 1, &titles[t], 1);
	switch (t) {
	case GAI_T_ACTIVE:
		rc |= active(b, w, fmt);
		break;
	case GAI_T_REQ:
		rc |= req(b, w, fmt);
		break;
	case GAI_T_APPEAL:
		rc |= appeal(b, w, fmt);
		break;
	default:
		break;
	}
	return rc | gai_tsv_eol(b, fmt) ? GAI_E_NOMEM : 0;
}
