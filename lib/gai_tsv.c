/* SPDX-License-Identifier: MIT */
/* gai_tsv: choosing columns by key and glob, writing cells, rows and headers. */
#include <config.h>

#include <fnmatch.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gai_org.h"
#include "gai_tsv.h"

const char *const gai_tsv_status_keys[] = {
	"tables", "fields_read", "warnings", "checks_failed", "checks_failed_ids"
};
const char *const gai_tsv_status_zh[] = {
	"读到的表数", "读到的数值数", "警告数", "未通过检查数", "未通过检查项"
};

/* Records other tools add with keys of their own: never an unknown key. */
static const char *const extra_prefixes[] = { "warn.", "check.", "prose.", NULL };

static int
is_extra(const char *key)
{
	size_t i;

	for (i = 0; extra_prefixes[i] != NULL; i++)
		if (strncmp(key, extra_prefixes[i], strlen(extra_prefixes[i])) == 0)
			return 1;
	return 0;
}

/*
 * Could a glob match a key under one of the extra prefixes?  Its literal
 * start must agree with the prefix as far as either goes ("w*", "check.*").
 */
static int
glob_may_be_extra(const char *pat)
{
	size_t n = strcspn(pat, "*?[\\"), i, m;

	for (i = 0; extra_prefixes[i] != NULL; i++) {
		m = strlen(extra_prefixes[i]);
		if (strncmp(pat, extra_prefixes[i], n < m ? n : m) == 0)
			return 1;
	}
	return 0;
}

const char *
gai_tsv_label(const char *key, unsigned ed)
{
	long f = gai_fields_index(key);

	if (f < 0)
		return "";
	/* Both editions asked for: the field's main wording. */
	return gai_fields_label(gai_fields_at((size_t)f),
	    ed == GAI_ED_2019 ? GAI_ED_2019 : GAI_ED_2021);
}

static int
add_col(struct gai_tsv_sel *s, enum gai_tsv_kind kind, long field,
    const char *key)
{
	if (s->ncols == s->capcols) {
		size_t cap = s->capcols ? s->capcols * 2 : 64;
		struct gai_tsv_col *p = realloc(s->cols, cap * sizeof *p);

		if (p == NULL)
			return GAI_E_NOMEM;
		s->cols = p;
		s->capcols = cap;
	}
	if (kind == GAI_TSV_FIELD)
		s->fieldpos[field] = (long)s->ncols;
	if (kind == GAI_TSV_EXTRA || kind == GAI_TSV_GLOB)
		s->extras[s->nextras++] = s->ncols;
	if (kind >= GAI_TSV_STATUS0)
		s->status |= 1u << (kind - GAI_TSV_STATUS0);
	if (kind == GAI_TSV_ORG_KEY)
		s->org_key = 1;
	s->cols[s->ncols].kind = kind;
	s->cols[s->ncols].field = field;
	s->cols[s->ncols].key = key;
	s->ncols++;
	return 0;
}

static int
has_extra(const struct gai_tsv_sel *s, enum gai_tsv_kind kind,
    const char *key)
{
	size_t i;

	for (i = 0; i < s->nextras; i++)
		if (s->cols[s->extras[i]].kind == kind &&
		    strcmp(s->cols[s->extras[i]].key, key) == 0)
			return 1;
	return 0;
}

/* A status column of --wide, by name: its index, or -1. */
static int
pseudo(const char *key)
{
	int k;

	for (k = 0; k < GAI_TSV_NSTATUS; k++)
		if (strcmp(key, gai_tsv_status_keys[k]) == 0)
			return k;
	return -1;
}

/* Add status column k unless it is there already. */
static int
add_status(struct gai_tsv_sel *s, int k)
{
	if (s->status & (1u << k))
		return 0;
	return add_col(s, (enum gai_tsv_kind)(GAI_TSV_STATUS0 + k), -1,
	    gai_tsv_status_keys[k]);
}

static int
unknown(const char *item, struct gai_error *err)
{
	struct gai_buf near = GAI_BUF_INIT;
	int rc;

	if (gai_tsv_near(&near, item, 5) != 0) {
		gai_buf_free(&near);
		return gai_error_set(err, GAI_E_NOMEM, 0, 0, "out of memory");
	}
	if (near.len > 0)
		rc = gai_error_set(err, GAI_E_USAGE, 0, 0,
		    "unknown key '%s'; near matches: %s", item, near.data);
	else
		rc = gai_error_set(err, GAI_E_USAGE, 0, 0,
		    "unknown key '%s' (keys start with meta., active., req., "
		    "appeal., warn., check. or prose.)", item);
	gai_buf_free(&near);
	return rc;
}

/* The meta.org_key column, unless it is there: --wide only. */
static int
add_org_key(struct gai_tsv_sel *s, struct gai_error *err)
{
	if (s->mode == GAI_TSV_LONG)
		return gai_error_set(err, GAI_E_USAGE, 0, 0, "'%s' is a --wide "
		    "column, not a record key", GAI_TSV_ORG_KEY_NAME);
	return s->org_key ? 0 : add_col(s, GAI_TSV_ORG_KEY, -1,
	    GAI_TSV_ORG_KEY_NAME);
}

/* One item of the key list: a key, a glob, or a pseudo-key. */
static int
add_item(struct gai_tsv_sel *s, char *item, struct gai_error *err)
{
	size_t i, nf = s->nfields;
	long idx;
	int k, matched = 0;

	if (strpbrk(item, "*?[") == NULL) {
		if ((idx = gai_fields_index(item)) >= 0)
			return s->fieldpos[idx] >= 0 ? 0 :
			    add_col(s, GAI_TSV_FIELD, idx, item);
		if (strcmp(item, GAI_TSV_ORG_KEY_NAME) == 0)
			return add_org_key(s, err);
		if ((k = pseudo(item)) >= 0) {
			if (s->mode == GAI_TSV_LONG)
				return gai_error_set(err, GAI_E_USAGE, 0, 0,
				    "'%s' is a --wide column, not a record key",
				    item);
			return add_status(s, k);
		}
		if (is_extra(item))
			return has_extra(s, GAI_TSV_EXTRA, item) ? 0 :
			    add_col(s, GAI_TSV_EXTRA, -1, item);
		return unknown(item, err);
	}
	for (i = 0; i < nf; i++) {
		const struct gai_field *f = gai_fields_at(i);

		if (fnmatch(item, f->key, 0) != 0)
			continue;
		matched++;
		if (s->fieldpos[i] < 0 &&
		    add_col(s, GAI_TSV_FIELD, (long)i, f->key) != 0)
			return GAI_E_NOMEM;
		/* meta.* has it after meta.org, as the default has. */
		if (strcmp(f->key, "meta.org") == 0 && s->mode == GAI_TSV_WIDE &&
		    fnmatch(item, GAI_TSV_ORG_KEY_NAME, 0) == 0 &&
		    add_org_key(s, err) != 0)
			return GAI_E_NOMEM;
	}
	for (k = 0; s->mode == GAI_TSV_WIDE && k < GAI_TSV_NSTATUS; k++) {
		if (fnmatch(item, gai_tsv_status_keys[k], 0) != 0)
			continue;
		matched++;
		if (add_status(s, k) != 0)
			return GAI_E_NOMEM;
	}
	if (matched == 0 && !glob_may_be_extra(item))
		return unknown(item, err);
	if (s->mode == GAI_TSV_LONG)
		return has_extra(s, GAI_TSV_GLOB, item) ? 0 :
		    add_col(s, GAI_TSV_GLOB, -1, item);
	if (matched == 0)
		return gai_error_set(err, GAI_E_USAGE, 0, 0,
		    "'%s' names no fixed column of --wide (warn., check. and "
		    "prose. keys vary by document): name the keys, or use --long",
		    item);
	return 0;
}

int
gai_tsv_sel_init(struct gai_tsv_sel *s, enum gai_tsv_mode mode,
    const char *list, struct gai_error *err)
{
	size_t i, n;
	char *p, *item, *end;
	int rc, k;

	memset(s, 0, sizeof *s);
	s->mode = mode;
	s->nfields = gai_fields_count();
	n = list != NULL ? strlen(list) + 1 : 1;
	/* Every item adds at most one extra; there are fewer items than bytes. */
	if ((s->fieldpos = malloc(s->nfields * sizeof *s->fieldpos)) == NULL ||
	    (s->extras = malloc(n * sizeof *s->extras)) == NULL)
		return gai_error_set(err, GAI_E_NOMEM, 0, 0, "out of memory");
	for (i = 0; i < s->nfields; i++)
		s->fieldpos[i] = -1;
	if (list == NULL) {
		if (mode == GAI_TSV_LONG) {
			s->all = 1;
			return 0;
		}
		for (i = 0; i < s->nfields; i++)
			if (add_col(s, GAI_TSV_FIELD, (long)i,
			    gai_fields_at(i)->key) != 0 ||
			    (strcmp(gai_fields_at(i)->key, "meta.org") == 0 &&
			    add_org_key(s, err) != 0))
				return gai_error_set(err, GAI_E_NOMEM, 0, 0,
				    "out of memory");
		for (k = 0; k < GAI_TSV_NSTATUS; k++)
			if (add_status(s, k) != 0)
				return gai_error_set(err, GAI_E_NOMEM, 0, 0,
				    "out of memory");
		return 0;
	}
	if ((s->copy = strdup(list)) == NULL)
		return gai_error_set(err, GAI_E_NOMEM, 0, 0, "out of memory");
	for (p = s->copy; p != NULL; p = end) {
		if ((end = strchr(p, ',')) != NULL)
			*end++ = '\0';
		/* Spaces after commas are a common way of writing lists. */
		item = p + strspn(p, " ");
		for (i = strlen(item); i > 0 && item[i - 1] == ' '; i--)
			item[i - 1] = '\0';
		if (*item == '\0')
			return gai_error_set(err, GAI_E_USAGE, 0, 0,
			    "empty key in the list '%s'", list);
		if ((rc = add_item(s, item, err)) != 0) {
			if (rc == GAI_E_NOMEM)
				gai_error_set(err, rc, 0, 0, "out of memory");
			return rc;
		}
	}
	return 0;
}

void
gai_tsv_sel_free(struct gai_tsv_sel *s)
{
	free(s->cols);
	free(s->fieldpos);
	free(s->extras);
	free(s->copy);
	memset(s, 0, sizeof *s);
}

/* Levenshtein distance, on the first 127 bytes of each string. */
static size_t
distance(const char *a, const char *b)
{
	size_t row[128], i, j, la = strlen(a), lb = strlen(b);

	if (la > 127)
		la = 127;
	if (lb > 127)
		lb = 127;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0], up;

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t best = diag + (a[i - 1] != b[j - 1]);

			up = row[j];
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[lb];
}

/* A suggestion: its distance, FIELDS position (for ties), and text. */
struct cand { size_t d, i; char s[128]; };

static int
bydist(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->d != y->d)
		return x->d < y->d ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* The length of key's first ndots dotted segments (with the dot), or 0. */
static size_t
segments(const char *key, size_t ndots)
{
	const char *p = key;

	for (; ndots > 0; ndots--)
		if ((p = strchr(p, '.')) == NULL)
			return 0;
		else
			p++;
	return (size_t)(p - key);
}

/* Where key's last ndots + 1 segments start, or NULL. */
static const char *
tail_segments(const char *key, size_t ndots)
{
	const char *p = key + strlen(key);

	for (ndots++; p > key; p--)
		if (p[-1] == '.' && --ndots == 0)
			return p;
	return ndots == 1 ? key : NULL;
}

static size_t
count_dots(const char *s, size_t n)
{
	size_t i, d = 0;

	for (i = 0; i < n; i++)
		d += s[i] == '.';
	return d;
}

/* Add a suggestion unless it is there already or (a glob) matches nothing. */
static void
suggest(struct cand *c, size_t *n, size_t max, size_t d, size_t i,
    const char *a, size_t alen, const char *b, int glob)
{
	size_t j, nf = gai_fields_count();
	char s[128];

	if (*n >= max || alen + strlen(b) >= sizeof s)
		return;
	memcpy(s, a, alen);
	strcpy(s + alen, b);
	for (j = 0; j < *n; j++)
		if (strcmp(c[j].s, s) == 0)
			return;
	for (j = 0; glob && j < nf; j++)
		if (fnmatch(s, gai_fields_at(j)->key, 0) == 0)
			break;
	if (glob && j == nf)
		return;
	c[*n].d = d;
	c[*n].i = i;
	strcpy(c[*n].s, s);
	(*n)++;
}

/*
 * A key is compared with each FIELDS key.  A glob is compared by its
 * literal dotted start ("req.denied.secret." of "req.denied.secret.*")
 * with the same segments of each key, shown as that start plus the glob's
 * rest (req.denied.security.*); or else by its literal end ("totl" of
 * "req.*.totl"), shown as req.*.total.  A glob suggestion must match.
 */
int
gai_tsv_near(struct gai_buf *out, const char *pattern, size_t max)
{
	enum { MAXC = 64 };
	size_t nf = gai_fields_count(), n = 0, i, cut, d;
	size_t plen = strlen(pattern), lit = strcspn(pattern, "*?["), tl;
	int glob = lit < plen, rc = 0;
	const char *tail, *kt;
	char pat[128];
	struct cand *c;

	gai_buf_clear(out);
	if (plen >= sizeof pat)
		return 0;
	if ((c = malloc(MAXC * sizeof *c)) == NULL)
		return GAI_E_NOMEM;
	while (glob && lit > 0 && pattern[lit - 1] != '.')
		lit--;
	memcpy(pat, pattern, lit);
	pat[lit] = '\0';
	/* Typos in the key, or in the glob's start. */
	for (i = 0; i < nf && lit > 0; i++) {
		const char *k = gai_fields_at(i)->key;
		size_t kl = glob ? segments(k, count_dots(pattern, lit)) :
		    strlen(k);
		char head[128];

		if (kl == 0 || kl >= sizeof head)
			continue;
		memcpy(head, k, kl);
		head[kl] = '\0';
		if ((d = distance(pat, head)) <= (lit / 4 > 2 ? lit / 4 : 2))
			suggest(c, &n, MAXC, d, i, k, kl, pattern + (glob ? lit : plen), glob);
	}
	/* Typos in the glob's end. */
	for (tail = pattern + plen; glob && tail > pattern &&
	    strchr("*?]", tail[-1]) == NULL; tail--)
		;
	if (glob && *tail == '.')
		tail++;
	tl = strlen(tail);
	for (i = 0; i < nf && glob && n == 0 && tl > 0; i++) {
		const char *k = gai_fields_at(i)->key;

		if ((kt = tail_segments(k, count_dots(tail, tl))) == NULL)
			continue;
		if ((d = distance(tail, kt)) <= (tl / 4 > 2 ? tl / 4 : 2))
			suggest(c, &n, MAXC, d, i, pattern,
			    (size_t)(tail - pattern), kt, 1);
	}
	/* Else the keys sharing the longest dotted start, nearest first. */
	for (cut = lit; n == 0 && cut > 0; cut--) {
		if (pattern[cut - 1] != '.')
			continue;
		for (i = 0; i < nf; i++) {
			const char *k = gai_fields_at(i)->key;

			if (strncmp(k, pattern, cut) == 0)
				suggest(c, &n, MAXC, distance(pattern, k), i,
				    k, strlen(k), "", 0);
		}
	}
	qsort(c, n, sizeof *c, bydist);
	for (i = 0; i < n && i < max && rc == 0; i++)
		rc = (i > 0 ? gai_buf_puts(out, ", ") : 0) |
		    gai_buf_puts(out, c[i].s);
	free(c);
	return rc;
}

int
gai_tsv_cell(struct gai_buf *b, enum gai_tsv_fmt fmt, int first,
    const char *s)
{
	size_t n = strlen(s);
	const char *q, *run;

	if (!first && gai_buf_putc(b, fmt == GAI_TSV_CSV ? ',' : '\t') != 0)
		return GAI_E_NOMEM;
	/* Nearly every cell needs no escape: one scan, one copy. */
	if (fmt == GAI_TSV_TSV)
		return s[strcspn(s, "\t\n\r\\")] == '\0' ?
		    gai_buf_append(b, s, n) : gai_rec_escape(b, s, n);
	if (s[strcspn(s, ",\"\r\n")] == '\0')
		return gai_buf_append(b, s, n);
	/* RFC 4180: quote the field, double the quotes inside. */
	if (gai_buf_putc(b, '"') != 0)
		return GAI_E_NOMEM;
	for (run = s; (q = strchr(run, '"')) != NULL; run = q + 1)
		if (gai_buf_append(b, run, (size_t)(q - run) + 1) != 0 ||
		    gai_buf_putc(b, '"') != 0)
			return GAI_E_NOMEM;
	if (gai_buf_puts(b, run) != 0 || gai_buf_putc(b, '"') != 0)
		return GAI_E_NOMEM;
	return 0;
}

int
gai_tsv_eol(struct gai_buf *b, enum gai_tsv_fmt fmt)
{
	return fmt == GAI_TSV_CSV ? gai_buf_append(b, "\r\n", 2) :
	    gai_buf_putc(b, '\n');
}

int
gai_tsv_work_init(struct gai_tsv_work *w, const struct gai_tsv_sel *s)
{
	memset(w, 0, sizeof *w);
	w->nfields = s->nfields;
	w->ncols = s->ncols;
	w->hint = -1;
	w->byfield = calloc(w->nfields, sizeof *w->byfield);
	w->bycol = calloc(w->ncols + 1, sizeof *w->bycol);
	if (w->byfield == NULL || w->bycol == NULL)
		return GAI_E_NOMEM;
	return 0;
}

void
gai_tsv_work_free(struct gai_tsv_work *w)
{
	free(w->byfield);
	free(w->bycol);
	free(w->order);
	gai_buf_free(&w->ids);
	gai_buf_free(&w->org_key);
	memset(w, 0, sizeof *w);
}

/*
 * The FIELDS index of key, or -1.  Records come in FIELDS.md order, so
 * the key after the last one found is tried first: one strcmp, not a
 * binary search, for nearly every record.
 */
static long
field_of(struct gai_tsv_work *w, const char *key)
{
	long i = w->hint + 1;

	if ((size_t)i < w->nfields && strcmp(gai_fields_at((size_t)i)->key,
	    key) == 0)
		return (w->hint = i);
	if ((i = gai_fields_index(key)) >= 0)
		w->hint = i;
	return i;
}

int
gai_tsv_work_load(struct gai_tsv_work *w, const struct gai_tsv_sel *s,
    const struct gai_recset *set)
{
	const char *org;
	size_t i, j;

	memset(w->byfield, 0, w->nfields * sizeof *w->byfield);
	memset(w->bycol, 0, w->ncols * sizeof *w->bycol);
	w->tables = w->nread = w->nwarn = w->nchecks = w->nfailed = 0;
	w->unreadable = 0;
	w->hint = -1;
	gai_buf_clear(&w->ids);
	for (i = 0; i < set->n; i++) {
		const char *key = gai_recset_key(set, i);
		const char *val = gai_recset_value(set, i);
		long f = field_of(w, key);

		if (f >= 0) {
			const struct gai_field *fd = gai_fields_at((size_t)f);

			if (w->byfield[f] == NULL)
				w->byfield[f] = val;
			if (fd->table != GAI_T_META) {
				w->tables |= 1L << fd->table;
				w->nread += *val != '\0';
			}
			continue;
		}
		if (strncmp(key, "warn.", 5) == 0) {
			w->nwarn++;
			w->unreadable |= strcmp(key, GAI_TSV_UNREADABLE_KEY) == 0 ||
			    strcmp(key, GAI_TSV_CUT_KEY) == 0;
		} else if (strncmp(key, "check.", 6) == 0) {
			w->nchecks++;
			if (strncmp(val, "fail", 4) == 0) {
				if (w->nfailed++ > 0 &&
				    gai_buf_putc(&w->ids, ',') != 0)
					return GAI_E_NOMEM;
				if (gai_buf_puts(&w->ids, key + 6) != 0)
					return GAI_E_NOMEM;
			}
		}
		if (s->mode != GAI_TSV_WIDE)
			continue;
		for (j = 0; j < s->nextras; j++) {
			size_t pos = s->extras[j];

			if (w->bycol[pos] == NULL &&
			    strcmp(s->cols[pos].key, key) == 0)
				w->bycol[pos] = val;
		}
	}
	/* The body's name however the report spells it (gai_org). */
	gai_buf_clear(&w->org_key);
	if (s->org_key && (org = w->byfield[gai_fields_index("meta.org")]) !=
	    NULL && gai_org_fold(&w->org_key, org) != 0)
		return GAI_E_NOMEM;
	return 0;
}

static const char *
zh_label(const struct gai_tsv_col *c)
{
	switch (c->kind) {
	case GAI_TSV_FIELD:
		return gai_fields_at((size_t)c->field)->label;
	case GAI_TSV_EXTRA:
	case GAI_TSV_GLOB:
		return c->key;
	case GAI_TSV_ORG_KEY:
		return "发布机关(归一)";
	default:
		return gai_tsv_status_zh[c->kind - GAI_TSV_STATUS0];
	}
}

int
gai_tsv_header(struct gai_buf *b, const struct gai_tsv_sel *s,
    enum gai_tsv_fmt fmt, int zh)
{
	size_t i;
	int rc = 0;

	if (s->mode == GAI_TSV_LONG) {
		rc = gai_tsv_cell(b, fmt, 1, "doc") | gai_tsv_cell(b, fmt, 0, "key") |
		    gai_tsv_cell(b, fmt, 0, "value");
		if (zh)
			rc |= gai_tsv_cell(b, fmt, 0, "label");
		return rc | gai_tsv_eol(b, fmt) ? GAI_E_NOMEM : 0;
	}
	rc = gai_tsv_cell(b, fmt, 1, zh ? "文档" : "doc");
	for (i = 0; i < s->ncols; i++)
		rc |= gai_tsv_cell(b, fmt, 0,
		    zh ? zh_label(&s->cols[i]) : s->cols[i].key);
	return rc | gai_tsv_eol(b, fmt) ? GAI_E_NOMEM : 0;
}

/* The position of the first selector a record's key matches, or -1. */
static long
rank(const struct gai_tsv_sel *s, struct gai_tsv_work *w, const char *key)
{
	long f = field_of(w, key);
	size_t j;

	if (f >= 0)
		return s->fieldpos[f];
	for (j = 0; j < s->nextras; j++) {
		const struct gai_tsv_col *c = &s->cols[s->extras[j]];

		if (c->kind == GAI_TSV_EXTRA ? strcmp(c->key, key) == 0 :
		    fnmatch(c->key, key, 0) == 0)
			return (long)s->extras[j];
	}
	return -1;
}

static int
byrank(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static int
long_record(struct gai_buf *b, const char *doc, const char *key,
    const char *val, enum gai_tsv_fmt fmt, int zh)
{
	int rc;

	if (fmt == GAI_TSV_JSONL)
		return gai_tsv_json_record(b, doc, key, val);
	rc = gai_tsv_cell(b, fmt, 1, doc) | gai_tsv_cell(b, fmt, 0, key) |
	    gai_tsv_cell(b, fmt, 0, val);

	if (zh) {
		long f = gai_fields_index(key);

		rc |= gai_tsv_cell(b, fmt, 0,
		    f >= 0 ? gai_fields_at((size_t)f)->label : "");
	}
	return rc | gai_tsv_eol(b, fmt) ? GAI_E_NOMEM : 0;
}

static int
long_rows(struct gai_buf *b, const struct gai_tsv_sel *s,
    struct gai_tsv_work *w, const struct gai_recset *set,
    enum gai_tsv_fmt fmt, int zh)
{
	const char *doc = set->doc.data;
	uint64_t *ord;
	size_t i, n = 0;

	if (s->all) {
		for (i = 0; i < set->n; i++)
			if (long_record(b, doc, gai_recset_key(set, i),
			    gai_recset_value(set, i), fmt, zh) != 0)
				return GAI_E_NOMEM;
		return 0;
	}
	if (w->ordercap < set->n) {
		size_t cap = set->n * 2;
		uint64_t *p = realloc(w->order, cap * sizeof *p);

		if (p == NULL)
			return GAI_E_NOMEM;
		w->order = p;
		w->ordercap = cap;
	}
	/* The user's key order, and stream order among equals. */
	ord = w->order;
	w->hint = -1;
	for (i = 0; i < set->n; i++) {
		long r = rank(s, w, gai_recset_key(set, i));

		if (r >= 0)
			ord[n++] = (uint64_t)r << 32 | (uint64_t)i;
	}
	qsort(ord, n, sizeof *ord, byrank);
	for (i = 0; i < n; i++) {
		size_t k = (size_t)(ord[i] & 0xffffffffu);

		if (long_record(b, doc, gai_recset_key(set, k),
		    gai_recset_value(set, k), fmt, zh) != 0)
			return GAI_E_NOMEM;
	}
	return 0;
}

int
gai_tsv_ntables(const struct gai_tsv_work *w)
{
	return !!(w->tables & 1L << GAI_T_ACTIVE) +
	    !!(w->tables & 1L << GAI_T_REQ) + !!(w->tables & 1L << GAI_T_APPEAL);
}

const char *
gai_tsv_value(struct gai_tsv_work *w, const struct gai_tsv_sel *s,
    size_t col)
{
	const struct gai_tsv_col *c = &s->cols[col];
	long n;

	switch (c->kind) {
	case GAI_TSV_FIELD:
		return w->byfield[c->field];
	case GAI_TSV_EXTRA:
	case GAI_TSV_GLOB:
		return w->bycol[col];
	case GAI_TSV_ORG_KEY:
		if (w->byfield[gai_fields_index("meta.org")] == NULL)
			return NULL;
		return w->org_key.data != NULL ? w->org_key.data : "";
	case GAI_TSV_CHECKS_IDS:
		return w->nchecks > 0 ? w->ids.data : NULL;
	case GAI_TSV_CHECKS_FAILED:
		if (w->nchecks == 0)
			return NULL;
		n = w->nfailed;
		break;
	case GAI_TSV_TABLES:
		n = gai_tsv_ntables(w);
		break;
	case GAI_TSV_FIELDS_READ:
		n = w->nread;
		break;
	default:
		n = w->nwarn;
		break;
	}
	snprintf(w->count[c->kind - GAI_TSV_STATUS0],
	    sizeof w->count[0], "%ld", n);
	return w->count[c->kind - GAI_TSV_STATUS0];
}

int
gai_tsv_row(struct gai_buf *b, const struct gai_tsv_sel *s,
    struct gai_tsv_work *w, const struct gai_recset *set,
    enum gai_tsv_fmt fmt, int zh)
{
	size_t i;
	int rc;

	if (s->mode == GAI_TSV_LONG)
		return long_rows(b, s, w, set, fmt, zh);
	if (fmt == GAI_TSV_JSONL)
		return gai_tsv_json_row(b, s, w, set);
	rc = gai_tsv_cell(b, fmt, 1, set->doc.data);
	for (i = 0; i < s->ncols; i++) {
		const char *v = gai_tsv_value(w, s, i);

		rc |= gai_tsv_cell(b, fmt, 0, v != NULL ? v : "");
	}
	return rc | gai_tsv_eol(b, fmt) ? GAI_E_NOMEM : 0;
}
